"""Send files to the trash or move them to a folder, safely, with a journal of what went where.

Nothing here deletes a file permanently. Every action follows the same steps for each file, while
holding the action lock (:mod:`.lock`), so two processes acting at once interleave file by file:

1. Refuse a file in a protected folder (where it really lives, symbolic links resolved), and a
   file that belongs to none of the groups given (nothing proves a copy survives) unless the
   caller says ``allow_ungrouped``.
2. Re-check that the file is still the one that was scanned (size, modification time, and where
   known inode, device and status change time; its digest where ctime cannot vouch for it). A file
   that changed or vanished is skipped with a reason: the user decided about the file they saw.
3. Refuse to act when it would leave a duplicate group without a copy: each group of the file
   must keep, checked right now, a real separate copy (:mod:`.survivors`): not a symbolic link,
   not another name of a file acted on, unchanged. Re-checked before every file, so a keeper
   deleted mid-batch, or trashed by another process, stops the rest of its group.
4. Write the intent to the journal (``paths.data_dir()/journal.jsonl``, fsync'd); if it cannot be
   written the file is not touched. Act (send2trash, or a move that never overwrites), then write
   the outcome. Moves can be undone from the journal with :func:`.undo.undo_moves`.

A cluster scan's fsspec URL (``s3://...``) is never acted on: it is skipped with
:data:`REMOTE_REASON` before any check, and its groups are report only.

Every file gets an :class:`Outcome` (ok / skipped / failed, with a reason): failures are reported,
never swallowed, and never stop the other files.
"""

from __future__ import annotations

import errno
import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict
from typing import Any

from ..files import remote
from ..files.records import ImageRecord
from ..messages import message
from .identity import Target, check_unchanged
from .journal import FAILED, MOVE, OK, SKIPPED, TRASH, UNDO, Journal, timestamp
from .lock import FileLock
from .moves import Outcome, move_no_overwrite, reason_of, unique_destination
from .survivors import Guard
from .trash import send_to_trash
from .undo import undo_moves

__all__ = [
    "FAILED",
    "MOVE",
    "OK",
    "SKIPPED",
    "TRASH",
    "UNDO",
    "Outcome",
    "Target",
    "check_unchanged",
    "execute",
    "move_no_overwrite",
    "outcome_dict",
    "undo_moves",
    "unique_destination",
]


#: Why a URL target (a cluster scan of an object store) is skipped.
REMOTE_REASON = "remote object: report only, nothing moved"


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
    protected: Sequence[str | os.PathLike[str]] = (),
    allow_ungrouped: bool = False,
) -> list[Outcome]:
    """Trash (``action=TRASH``) or move to ``destination`` (``action=MOVE``) each target.

    ``groups``: the duplicate groups the targets belong to (members as scanned). A target is only
    acted on if each of its groups keeps a real copy that is not a target (:mod:`.survivors`); a
    target in no group is refused unless ``allow_ungrouped`` (then nothing checks that a copy of
    it survives: for callers that know it, such as a "delete this one file" command).
    ``protected``: folders whose files are never acted on, wherever they are reached from.
    ``trash``: the function that sends one path to the trash (default: send2trash).
    ``should_stop``: checked between files; the files not reached are reported as skipped.
    Returns one Outcome per target, in order; never raises for a file's problem.
    """
    if action not in (TRASH, MOVE):
        raise ValueError(f"unknown action {action!r}")
    if action == MOVE:
        if destination is None:
            raise ValueError("a move needs a destination folder")
        destination = os.path.abspath(os.fspath(destination))
        if not os.path.isdir(destination):
            raise NotADirectoryError(f"not a folder: {destination}")
    trash_one = trash or send_to_trash
    items = [Target.of(t) for t in targets]
    guard = Guard(items, groups, protected=[os.fspath(p) for p in protected], allow_ungrouped=allow_ungrouped)
    batch = uuid.uuid4().hex[:12]
    outcomes: list[Outcome] = []
    with Journal(journal) as jr, FileLock(jr.lock_path) as lock:
        for k, t in enumerate(items):
            out = Outcome(t.path, SKIPPED, size=t.size, mtime_ns=t.mtime_ns)
            entry: dict[str, Any] = {
                "time": timestamp(),
                "batch": batch,
                "id": f"{batch}-{k}",
                "action": action,
                "source": t.path,
                "destination": TRASH if action == TRASH else None,
                "size": t.size,
                "mtime_ns": t.mtime_ns,
                "inode": t.inode,
                "device": t.device,
                "ctime_ns": t.ctime_ns,
            }
            if should_stop is not None and should_stop():
                out.reason = message("act_cancelled")
            else:
                try:
                    with lock.held():
                        _check_and_act(t, guard, jr, entry, action, destination, trash_one, out)
                except OSError as exc:  # the lock itself could not be taken
                    out.status, out.reason = FAILED, f"cannot lock the journal: {reason_of(exc)}"
            outcomes.append(out)
            entry.update(time=timestamp(), outcome=out.status, reason=out.reason)
            entry["destination"] = (
                out.destination if out.ok else entry["destination"] if action == TRASH else None
            )
            # A lost outcome line is not lost information: the intent says where to look.
            jr.record(entry)
            if progress is not None:
                progress(k + 1, len(items))
    return outcomes


def _check_and_act(
    t: Target,
    guard: Guard,
    jr: Journal,
    entry: dict[str, Any],
    action: str,
    destination: str | None,
    trash_one: Callable[[str], None],
    out: Outcome,
) -> None:
    if remote.is_url(t.path):
        # A cluster scan's fsspec object: nothing here can trash, move, journal or undo it.
        out.reason = REMOTE_REASON
        return
    try:
        reason = guard.problem(t)
    except Exception as exc:  # a path the system cannot even resolve: not acted on
        out.status, out.reason = FAILED, f"cannot check the file: {reason_of(exc)}"
        return
    if reason is not None:
        out.reason = reason
        return
    try:
        if action == TRASH:
            if not _intend(jr, entry, out):
                return
            trash_one(t.path)
            if os.path.lexists(t.path):
                out.status, out.reason = FAILED, "the file is still there after moving it to the trash"
                return
            out.status, out.destination = OK, TRASH
            return
        assert destination is not None
        for _attempt in range(100):
            dst = unique_destination(destination, os.path.basename(t.path))
            entry["destination"] = dst
            if not _intend(jr, entry, out):
                return
            try:
                move_no_overwrite(t.path, dst)
                break
            except FileExistsError:
                continue  # someone took that name between the check and the move: next name
        else:
            raise OSError(errno.EEXIST, "no free file name in the destination folder")
        out.status, out.destination = OK, dst
        try:
            st = os.lstat(dst)
            entry.update(moved_inode=st.st_ino, moved_device=st.st_dev)
        except OSError:
            pass
    except Exception as exc:  # report every failure, whatever raised it
        out.status, out.reason = FAILED, reason_of(exc)


def _intend(jr: Journal, entry: dict[str, Any], out: Outcome) -> bool:
    """Write the intent; False (and the outcome says why) when it is not on disk."""
    try:
        jr.intent(entry)
    except OSError as exc:
        out.status, out.reason = FAILED, f"cannot write the journal: {reason_of(exc)}"
        return False
    return True


def outcome_dict(out: Outcome) -> dict[str, Any]:
    return asdict(out)
