"""An advisory lock held around each check-then-act, so two actors cannot empty a group together.

Two processes (two windows, a window and a script) acting on the same groups with opposite keepers
would each see the other's keeper still on disk, then each trash its own target: no copy left. The
lock lives beside the journal (``journal.lock``); each file's survivor check and action run while
holding it, so the second actor's check sees what the first one did.

POSIX uses ``flock`` (released by the kernel if the holder dies, even by SIGKILL); Windows locks
the first byte with ``msvcrt.locking``. Elsewhere, or when the lock file cannot be opened (then
the journal cannot be written either, and nothing is acted on), it is a no-op.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from types import TracebackType

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None  # type: ignore[assignment]


class FileLock:
    """An exclusive advisory lock on ``path``, taken with :meth:`held` (blocking)."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self._fd: int | None
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            self._fd = None

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """Hold the lock for the body; raises OSError when it cannot be taken (Windows gives up
        after about 10 s)."""
        fd = self._fd
        if fd is None:
            yield
            return
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        elif msvcrt is not None:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
            try:
                yield
            finally:
                os.lseek(fd, 0, os.SEEK_SET)
                msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            yield

    def close(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None

    def __enter__(self) -> FileLock:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
