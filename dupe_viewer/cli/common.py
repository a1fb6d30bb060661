"""What every subcommand shares: the usage error, one-line error messages, progress on stderr."""

from __future__ import annotations

import sys
import time


class UsageError(Exception):
    """Arguments that cannot work; exit status 2."""


def prog_error(msg: str, code: int = 2) -> int:
    """Print ``dupe-viewer: error: msg`` on stderr; return the exit status ``code``."""
    print(f"dupe-viewer: error: {msg}", file=sys.stderr)
    return code


class ProgressPrinter:
    """A one-line progress bar on a terminal; a line per phase (and every few seconds) otherwise."""

    def __init__(self, stream=sys.stderr, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.phase = None
        self.last_line = 0.0
        self.phase_start = time.monotonic()

    def update(self, phase: str, done: int, total: int) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if phase != self.phase:
            if self.tty and self.phase is not None:
                self.stream.write("\n")
            # Off a terminal, a phase gets a line when it ends (or every 5 s while it runs).
            self.phase, self.phase_start, self.last_line = phase, now, now
        if self.tty:
            if total:
                width = 30
                filled = int(width * done / max(total, 1))
                rate = done / max(now - self.phase_start, 1e-6)
                eta = (total - done) / rate if rate > 0 and done else 0
                bar = "#" * filled + "-" * (width - filled)
                line = f"\r{phase:<24} [{bar}] {done}/{total}" + (
                    f"  {rate:.0f}/s  ~{eta:.0f}s left" if done else ""
                )
            else:
                line = f"\r{phase:<24} {done}"
            self.stream.write(line.ljust(90)[:110])
            self.stream.flush()
        elif now - self.last_line >= 5.0 or (total and done == total):
            self.stream.write(f"{phase}: {done}/{total or '?'}\n")
            self.last_line = now

    def close(self) -> None:
        if self.tty and self.phase is not None and not self.quiet:
            self.stream.write("\n")
        self.phase = None
