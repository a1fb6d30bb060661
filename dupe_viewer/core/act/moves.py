"""Moving one file without ever overwriting another, and what happened to each file of an action.

Shared by :mod:`.actions` (move to a folder) and :mod:`.undo` (move back).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
from dataclasses import dataclass

from .journal import OK


@dataclass
class Outcome:
    """What happened to one file."""

    path: str
    status: str  # OK, SKIPPED or FAILED
    reason: str = ""
    destination: str | None = None  # "trash", the new path of a moved file, or None
    size: int = 0
    mtime_ns: int = 0

    @property
    def ok(self) -> bool:
        return self.status == OK


def reason_of(exc: BaseException) -> str:
    """The words to show for an exception that stopped one file."""
    if isinstance(exc, PermissionError):
        return f"permission denied ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def unique_destination(folder: str | os.PathLike[str], name: str) -> str:
    """A path in ``folder`` named ``name``, or ``stem (2).ext``, ``stem (3).ext``... if taken."""
    folder = os.fspath(folder)
    stem, ext = os.path.splitext(name)
    candidate = os.path.join(folder, name)
    n = 2
    while os.path.lexists(candidate):
        candidate = os.path.join(folder, f"{stem} ({n}){ext}")
        n += 1
    return candidate


def _copy_exclusive(src: str, dst: str) -> None:
    """Copy ``src`` to a *new* file ``dst`` (fails if it exists), with its times, flushed to disk."""
    created = False
    try:
        with open(src, "rb") as fin, open(dst, "xb") as fout:
            created = True
            shutil.copyfileobj(fin, fout, 1024 * 1024)
            fout.flush()
            os.fsync(fout.fileno())
        shutil.copystat(src, dst)
        if os.path.getsize(dst) != os.path.getsize(src):
            raise OSError(errno.EIO, "the copy is incomplete")
    except BaseException:
        if created:
            with contextlib.suppress(OSError):
                os.unlink(dst)
        raise


def move_no_overwrite(src: str, dst: str) -> None:
    """Move ``src`` to ``dst``; raises FileExistsError rather than replace anything at ``dst``.

    ``os.rename`` silently replaces an existing file on POSIX, so a move is a hard link (which
    refuses an existing name atomically) followed by unlinking the source; where hard links are
    impossible (another drive, FAT) it is an exclusive-create copy, verified, then the unlink.
    """
    try:
        os.link(src, dst, follow_symlinks=False)
    except FileExistsError:
        raise
    except (OSError, NotImplementedError):
        _copy_exclusive(src, dst)
    try:
        os.unlink(src)
    except OSError:
        # Leave things as they were: the file stays at its original place only.
        with contextlib.suppress(OSError):
            os.unlink(dst)
        raise
