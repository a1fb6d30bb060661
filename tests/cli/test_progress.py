"""Scan progress on stderr: a bar that fits the terminal on a TTY, plain lines everywhere else."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dupe_viewer.cli.common import ProgressPrinter
from tests.library import PhotoLibrary

REPO = Path(__file__).resolve().parents[2]
#: CSI escape sequences (cursor moves, colours) take no columns.
CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_off_a_terminal_progress_is_plain_lines() -> None:
    out = io.StringIO()
    printer = ProgressPrinter(out)
    for phase, total in (("finding files", 0), ("reading images", 40), ("matching", 1)):
        for done in range(total + 1):
            printer.update(phase, done, total)
    printer.close()
    text = out.getvalue()
    assert "\r" not in text and "\x1b" not in text  # no redraws, no escapes in a log
    assert text.splitlines() == ["reading images: 40/40", "matching: 1/1"]


def test_quiet_prints_nothing() -> None:
    out = io.StringIO()
    printer = ProgressPrinter(out, quiet=True)
    printer.update("reading images", 1, 1)
    printer.close()
    assert out.getvalue() == ""


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
@pytest.mark.parametrize("columns", [40, 80])
def test_on_a_terminal_the_bar_fits_its_width(columns: int, tmp_path: Path) -> None:
    import fcntl
    import pty
    import struct
    import termios

    lib = PhotoLibrary(tmp_path / "photos")
    lib.unrelated(5, 1, (200, 150), lambda k: f"p{k}.jpg", quality=85)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("COLUMNS", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "dupe_viewer", "scan", str(lib.root), "--no-deep", "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        env=env,
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert proc.wait(60) == 0
    text = CSI.sub("", b"".join(chunks).decode("utf-8", "replace"))
    assert "reading images" in text and "\r" in text  # a live bar, redrawn in place
    bars = text[: text.index("5 files (")]  # the summary after them is a plain line
    for segment in re.split(r"[\r\n]", bars):
        assert len(segment) <= columns, repr(segment)
