"""Content hashing reads no more than discovery saw, refuses special files, and stops on cancel."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dupe_viewer.core.files import exact
from dupe_viewer.core.files.opening import NotRegularFileError


def test_a_file_longer_than_discovered_is_changed(tmp_path: Path) -> None:
    path = tmp_path / "a.jpg"
    path.write_bytes(b"x" * 5000)
    assert exact.full_hash(path, size=5000) == exact.full_hash(path)
    with pytest.raises(exact.ChangedError):
        exact.full_hash(path, size=4000)  # grew since discovery: still being written
    with pytest.raises(exact.ChangedError):
        exact.full_hash(path, size=6000)  # shrank
    assert exact.partial_hash(path, size=100) != exact.partial_hash(path)  # only what was seen


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_device_is_not_read(tmp_path: Path) -> None:
    """Two same-size files swapped for /dev/zero links hung the scan: hashing never ended."""
    link = tmp_path / "a.jpg"
    link.symlink_to("/dev/zero")
    with pytest.raises(NotRegularFileError, match="a character device"):
        exact.full_hash(link, size=10_000)
    with pytest.raises(NotRegularFileError):
        exact.partial_hash(link, size=10_000)


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_a_fifo_is_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "a.jpg"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError, match="FIFO"):
        exact.partial_hash(fifo, size=10)


def test_cancel_stops_hashing_after_the_current_chunk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.jpg"
    path.write_bytes(os.urandom(64 * 1024))
    monkeypatch.setattr(exact, "_CHUNK", 1024)
    asked = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) >= 3

    with pytest.raises(InterruptedError):
        exact.full_hash(path, should_stop=stop, size=64 * 1024)
    assert len(asked) == 3  # three chunks of 64 read, then it stopped
