"""The window's image loader against names that are not UTF-8 and against hostile files."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from dupe_viewer.gui.background.image_loader import FULL, ImageLoader
from dupe_viewer.gui.text import shown_path
from tests.benchmarks import hostile

POSIX = os.name == "posix"


@pytest.mark.skipif(not POSIX, reason="file names that are not valid UTF-8 exist on POSIX only")
def test_a_non_utf8_name_gets_its_own_thumbnail(qtbot, tmp_path: Path) -> None:
    """Two names that differ only in bytes that are not UTF-8: each gets its own picture (a str
    signal dropped the surrogate escapes: one never got a thumbnail, or got the other's)."""
    a = os.path.join(tmp_path, os.fsdecode(b"caf\xe9.png"))
    b = os.path.join(tmp_path, os.fsdecode(b"caf\xe8.png"))
    hostile.picture(1, (120, 90)).save(a)
    hostile.picture(2, (60, 90)).save(b)
    loader = ImageLoader(threads=2)
    arrived: list[object] = []
    loader.ready.connect(lambda path, size: arrived.append(path))
    assert loader.get(a, 64) is None and loader.get(b, 64) is None
    qtbot.waitUntil(lambda: len(arrived) == 2, timeout=10_000)
    assert set(arrived) == {a, b}
    img_a, img_b = loader.get(a, 64), loader.get(b, 64)
    assert img_a is not None and img_b is not None
    assert (img_a.width(), img_a.height()) == (64, 48) and (img_b.width(), img_b.height()) == (43, 64)
    loader.wait()


def test_shown_path_marks_undecodable_bytes() -> None:
    assert shown_path("/photos/été.jpg") == "/photos/été.jpg"
    if POSIX:
        assert shown_path(os.fsdecode(b"/photos/caf\xe9.png")) == "/photos/caf\ufffd.png"


def test_hostile_files_fail_cleanly_in_the_loader(qtbot, tmp_path: Path) -> None:
    """Thumbnails and full-size previews of every crafted hostile file: each ends in an image or
    a reason, none blocks, none is lost."""
    cases = hostile.crafted_cases(seed=5)
    paths = [str(c.write(tmp_path)) for c in cases]
    if POSIX:
        os.mkfifo(tmp_path / "fifo.jpg")
        paths.append(str(tmp_path / "fifo.jpg"))
    loader = ImageLoader(threads=2, max_pending=10_000)
    keys = [(p, s) for p in paths for s in (96, FULL)]
    for p, s in keys:
        loader.get(p, s)
    deadline = time.monotonic() + 120
    qtbot.waitUntil(
        lambda: (
            all(loader.get(p, s) is not None or loader.error(p, s) is not None for p, s in keys)
            or time.monotonic() > deadline
        ),
        timeout=130_000,
    )
    unanswered = [k for k in keys if loader.get(*k) is None and loader.error(*k) is None]
    assert unanswered == []
    for c in cases:
        if c.kind in ("bomb", "empty", "text"):
            for s in (96, FULL):
                reason = loader.error(str(tmp_path / c.name), s)
                assert reason and "\n" not in reason, (c.name, reason)
    if POSIX:
        assert loader.error(str(tmp_path / "fifo.jpg"), FULL) == "not a regular file: a named pipe (FIFO)"
    loader.wait()
