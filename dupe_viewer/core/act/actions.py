"""Send files to the trash or move them to a folder, safely, with a journal of what went where.

Nothing here deletes a file permanently. Every action follows the same steps for each file:

1. Right before acting, re-check that the file is still the one that was scanned (it exists, is a
   regular file, and has the scanned size and modification time). A file that changed or vanished
   is skipped with a reason: the user decided about the file they saw, not about its replacement.
2. Refuse to act when it would leave a duplicate group without a copy: every group that loses a
   file must keep at least one member that is not being acted on and is itself still unchanged on
   disk. The caller passes the groups; the check is repeated here so a GUI bug cannot bypass it.
3. Act (send2trash, or a move that never overwrites), and append one JSON line per file to the
   journal (``paths.data_dir()/journal.jsonl``) *as it happens*, so a crash mid-batch still leaves
   a record. Moves can be undone from the journal with :func:`undo_moves`.

Every file gets an :class:`Outcome` (ok / skipped / failed, with a reason): failures are reported,
never swallowed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from ..files.records import ImageRecord
from .journal import FAILED, MOVE, OK, SKIPPED, TRASH, UNDO, Journal, timestamp


@dataclass(frozen=True)
class Target:
    """A file as it was scanned: acting on it requires it to be unchanged since."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, rec: ImageRecord | Target) -> Target:
        return rec if isinstance(rec, Target) else cls(rec.path, rec.size, rec.mtime_ns)


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


def check_unchanged(target: Target) -> str | None:
    """None when ``target`` is still the scanned file; otherwise why it is not."""
    try:
        st = os.stat(target.path)
    except FileNotFoundError:
        return "the file no longer exists"
    except OSError as exc:
        return f"cannot check the file: {exc.strerror or exc}"
    if not stat.S_ISREG(st.st_mode):
        return "the path is no longer a regular file"
    if st.st_size != target.size or st.st_mtime_ns != target.mtime_ns:
        return "the file changed since the scan (size or modification time differ)"
    return None


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


def _default_trash(path: str) -> None:
    from send2trash import send2trash

    send2trash(path)


def execute(
    targets: Iterable[ImageRecord | Target],
    groups: Sequence[Sequence[ImageRecord | Target]] = (),
    action: str = TRASH,
    destination: str | os.PathLike[str] | None = None,
    *,
    trash: Callable[[str], None] | None = None,
    journal: str | os.PathLike[str] | None = None,
    should_stop: Callable[[], bool] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[Outcome]:
    """Trash (``action=TRASH``) or move to ``destination`` (``action=MOVE``) each target.

    ``groups``: the duplicate groups the targets belong to (members as scanned). A target is only
    acted on if each of its groups keeps a member that is not a target and is unchanged on disk.
    ``trash``: the function that sends one path to the trash (default: send2trash).
    ``should_stop``: checked between files; the files not reached are reported as skipped.
    Returns one Outcome per target, in order.
    """
    if action not in (TRASH, MOVE):
        raise ValueError(f"unknown action {action!r}")
    if action == MOVE:
        if destination is None:
            raise ValueError("a move needs a destination folder")
        destination = os.path.abspath(os.fspath(destination))
        if not os.path.isdir(destination):
            raise NotADirectoryError(f"not a folder: {destination}")
    trash_one = trash or _default_trash
    items = [Target.of(t) for t in targets]
    acting = {t.path for t in items}

    # Which groups each target belongs to, and (lazily, once per group) whether a copy survives.
    group_members = [[Target.of(m) for m in g] for g in groups]
    groups_of: dict[str, list[int]] = {}
    for n, members in enumerate(group_members):
        for m in members:
            groups_of.setdefault(m.path, []).append(n)
    survivor_ok: dict[int, str | None] = {}

    def group_problem(n: int) -> str | None:
        if n not in survivor_ok:
            stayers = [m for m in group_members[n] if m.path not in acting]
            if not stayers:
                survivor_ok[n] = "this would remove every copy in its group"
            elif all(check_unchanged(m) is not None for m in stayers):
                survivor_ok[n] = "no file kept in its group is still on disk unchanged"
            else:
                survivor_ok[n] = None
        return survivor_ok[n]

    batch = uuid.uuid4().hex[:12]
    outcomes: list[Outcome] = []
    with Journal(journal) as jr:
        for k, t in enumerate(items):
            out = Outcome(t.path, SKIPPED, size=t.size, mtime_ns=t.mtime_ns)
            if should_stop is not None and should_stop():
                out.reason = "cancelled before this file"
            else:
                reason = next(
                    (p for p in (group_problem(n) for n in groups_of.get(t.path, ())) if p), None
                ) or check_unchanged(t)
                if reason is not None:
                    out.reason = reason
                else:
                    _act(t, action, destination, trash_one, out)
            outcomes.append(out)
            jr.write(
                {
                    "time": timestamp(),
                    "batch": batch,
                    "action": action,
                    "source": t.path,
                    "destination": out.destination if out.ok else (TRASH if action == TRASH else None),
                    "size": t.size,
                    "mtime_ns": t.mtime_ns,
                    "outcome": out.status,
                    "reason": out.reason,
                }
            )
            if progress is not None:
                progress(k + 1, len(items))
    return outcomes


def _act(
    t: Target, action: str, destination: str | None, trash_one: Callable[[str], None], out: Outcome
) -> None:
    try:
        if action == TRASH:
            trash_one(t.path)
            if os.path.lexists(t.path):
                out.status, out.reason = FAILED, "the file is still there after moving it to the trash"
                return
            out.status, out.destination = OK, TRASH
            return
        assert destination is not None
        for _attempt in range(100):
            dst = unique_destination(destination, os.path.basename(t.path))
            try:
                move_no_overwrite(t.path, dst)
                break
            except FileExistsError:
                continue  # someone took that name between the check and the move: next name
        else:
            raise OSError(errno.EEXIST, "no free file name in the destination folder")
        out.status, out.destination = OK, dst
    except Exception as exc:  # report every failure, whatever raised it
        out.status, out.reason = FAILED, _reason(exc)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PermissionError):
        return f"permission denied ({exc})"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def undo_moves(
    entries: Iterable[dict[str, Any]], *, journal: str | os.PathLike[str] | None = None
) -> list[Outcome]:
    """Move files back to where a move-to-folder action took them from.

    Refuses (skips) a file whose original path is occupied again, and one that changed size since
    it was moved. Each undo is journaled like any other action.
    """
    batch = uuid.uuid4().hex[:12]
    outcomes: list[Outcome] = []
    with Journal(journal) as jr:
        for e in entries:
            if e.get("action") != MOVE or e.get("outcome") != OK:
                continue
            src, dst = str(e["destination"]), str(e["source"])
            out = Outcome(src, SKIPPED, size=int(e.get("size", 0)), mtime_ns=int(e.get("mtime_ns", 0)))
            try:
                if os.path.lexists(dst):
                    out.reason = "the original location is occupied by another file"
                elif not os.path.isfile(src):
                    out.status, out.reason = FAILED, "the moved file is no longer where it was moved to"
                elif os.path.getsize(src) != out.size:
                    out.reason = "the moved file changed since it was moved"
                else:
                    os.makedirs(os.path.dirname(dst), exist_ok=True)
                    move_no_overwrite(src, dst)
                    out.status, out.destination = OK, dst
            except Exception as exc:
                out.status, out.reason = FAILED, _reason(exc)
            outcomes.append(out)
            jr.write(
                {
                    "time": timestamp(),
                    "batch": batch,
                    "action": UNDO,
                    "source": src,
                    "destination": dst if out.ok else None,
                    "size": out.size,
                    "mtime_ns": out.mtime_ns,
                    "outcome": out.status,
                    "reason": out.reason,
                }
            )
    return outcomes


def outcome_dict(out: Outcome) -> dict[str, Any]:
    return asdict(out)
