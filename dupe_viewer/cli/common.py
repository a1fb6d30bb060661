"""What every subcommand shares: the usage error, one-line error messages, progress on stderr."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO


class UsageError(Exception):
    """Arguments that cannot work; exit status 2."""


def prog_error(msg: str, code: int = 2) -> int:
    """Print ``dupe-viewer: error: msg`` on stderr; return the exit status ``code``."""
    print(f"dupe-viewer: error: {msg}", file=sys.stderr)
    return code


class ProgressPrinter:
    """Scan progress on stderr: a tqdm bar per phase on a terminal (sized to its width, resized
    with it), plain lines off a terminal (a line when a phase ends, and every few seconds while
    it runs): a log or a pipe gets no carriage-return redraws."""

    #: Seconds between the lines written off a terminal while a phase runs.
    LINE_EVERY = 5.0

    def __init__(self, stream: TextIO | None = None, quiet: bool = False) -> None:
        self.stream = sys.stderr if stream is None else stream
        self.quiet = quiet
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()
        self.phase: str | None = None
        self.last_line = 0.0
        self.bar: Any = None

    def update(self, phase: str, done: int, total: int) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if phase != self.phase:
            self._end_bar()
            self.phase, self.last_line = phase, now
            if self.tty:
                # Imported here: only a scan on a terminal needs it, not every start-up.
                from tqdm import tqdm

                self.bar = tqdm(
                    total=total or None,
                    desc=phase,
                    unit=" files",
                    file=self.stream,
                    dynamic_ncols=True,
                    leave=True,
                    # A one-step phase (matching, grouping) counts no files: no count or rate.
                    bar_format="{desc}: {percentage:3.0f}%|{bar}| {elapsed}" if total == 1 else None,
                )
        if self.bar is not None:
            if total and self.bar.total != total:
                self.bar.total = total
            self.bar.update(done - self.bar.n)
        elif not self.tty and (now - self.last_line >= self.LINE_EVERY or (total and done == total)):
            self.stream.write(f"{phase}: {done}/{total or '?'}\n")
            self.stream.flush()
            self.last_line = now

    def _end_bar(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def close(self) -> None:
        self._end_bar()
        self.phase = None
