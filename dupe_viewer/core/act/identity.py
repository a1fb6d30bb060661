"""Is this still the file that was scanned, and where does it really live?

A file is identified by what the scan saw: size, modification time, and where known its inode and
device (the physical file) and status change time (``ctime``: a rewrite in place with the size and
mtime restored still moves it on POSIX, and user code cannot set it back). Paths are compared by
where they really lead (:func:`real_key`, symlinks resolved), so one file under two names, or
reached through a linked folder, is one file.

Content is checked by hash only where it is cheap and decisive: :func:`content_problem` re-reads a
file whose whole-file digest the scan computed (only byte-identical copies have one).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass

from ..files.exact import full_hash
from ..files.records import ImageRecord
from ..messages import message

#: Whether ``st_ctime`` is the status change time. On Windows it is the creation time: it still
#: tells a replaced file from the scanned one, but not a file rewritten in place.
CTIME_IS_CHANGE_TIME = os.name != "nt"


@dataclass(frozen=True)
class Target:
    """A file as it was scanned: acting on it requires it to be unchanged since.

    ``inode``, ``device`` and ``ctime_ns`` are 0 when unknown (then they are not compared);
    ``digest`` is the whole-file hash (:func:`..files.exact.full_hash`) where the scan made one.
    """

    path: str
    size: int
    mtime_ns: int
    inode: int = 0
    device: int = 0
    ctime_ns: int = 0
    digest: bytes | None = None

    @classmethod
    def of(cls, rec: ImageRecord | Target) -> Target:
        if isinstance(rec, Target):
            return rec
        return cls(
            rec.path, rec.size, rec.mtime_ns, rec.inode, rec.device, getattr(rec, "ctime_ns", 0), rec.digest
        )

    @property
    def key(self) -> tuple[int, int] | None:
        """(device, inode) of the physical file scanned, None when the scan did not know it."""
        return (self.device, self.inode) if self.inode else None

    @property
    def ctime_vouches(self) -> bool:
        """Whether the status change time alone proves the content was not rewritten in place."""
        return bool(self.ctime_ns) and CTIME_IS_CHANGE_TIME


def identity_problem(target: Target, st: os.stat_result) -> str | None:
    """None when ``st`` (of ``target.path``) is the scanned file; otherwise why it is not."""
    if stat.S_ISLNK(st.st_mode):
        return message("act_link")
    if not stat.S_ISREG(st.st_mode):
        return message("act_not_regular")
    if st.st_size != target.size or st.st_mtime_ns != target.mtime_ns:
        return message("act_changed")
    if target.inode and (st.st_dev, st.st_ino) != (target.device, target.inode):
        return message("act_replaced")
    if target.ctime_ns and st.st_ctime_ns != target.ctime_ns:
        return message("act_rewritten")
    return None


def check_unchanged(target: Target, *, follow_symlinks: bool = True) -> str | None:
    """None when ``target`` is still the scanned file; otherwise why it is not.

    ``follow_symlinks=False`` (for a copy that must survive): a symbolic link does not count, even
    to the right file, since what it points to may be the very file acted on.
    """
    try:
        st = os.stat(target.path) if follow_symlinks else os.lstat(target.path)
    except FileNotFoundError:
        return message("act_gone")
    except OSError as exc:
        return message("act_uncheckable", detail=exc.strerror or str(exc))
    return identity_problem(target, st)


def lexical_key(path: str) -> str:
    """``path`` as written, made absolute and normalised (``a/../b`` is ``b``)."""
    return os.path.normcase(os.path.abspath(path))


def real_key(path: str) -> str:
    """Where ``path`` really leads: every symbolic link resolved, for comparing locations."""
    try:
        return os.path.normcase(os.path.realpath(path))
    except (OSError, ValueError):  # a loop on some platforms, a NUL byte: compare it as written
        return lexical_key(path)


def physical_key(path: str) -> tuple[int, int] | None:
    """(device, inode) of the file ``path`` leads to, None when unknown or unreadable."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else None


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def in_folders(path: str, folders: Sequence[str]) -> bool:
    """Whether ``path`` lies in one of ``folders``, as written or where it really is (both
    resolved now, no cache: this decides whether a file may be acted on)."""
    if not folders:
        return False
    lexical, real = lexical_key(path), real_key(path)
    return any(_under(lexical, lexical_key(f)) or _under(real, real_key(f)) for f in folders)


def content_problem(path: str, digest: bytes) -> str | None:
    """None when the bytes at ``path`` still hash to ``digest``; otherwise why not.

    Costs one read of the whole file: callers use it only for files with a digest (byte-identical
    copies), at most once per file and batch.
    """
    try:
        if full_hash(path) == digest:
            return None
    except OSError as exc:
        return message("act_unreadable", detail=exc.strerror or str(exc))
    return message("act_content")
