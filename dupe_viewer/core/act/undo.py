"""Undo a move-to-folder action from its journal entries, trusting only what the journal wrote.

An entry is undone only if

- it is signed by this journal's key (or is an older version's unsigned line, ``trust: legacy``,
  see :mod:`.journal`): an edited line could otherwise move any file anywhere;
- its paths are plain absolute paths (no ``..`` or ``.`` component: normalising them changes
  nothing), its size a number: a malformed entry is refused on its own, the others still undo;
- the moved file is still at the recorded destination, a regular file with the size (and where
  recorded the modification time and inode) it had when moved;
- nothing occupies its original path again (except the file itself: a move killed between its
  hard link and the unlink, where removing the second name is the whole undo).

Each undo is journaled like any other action: an intent before, an outcome after.
"""

from __future__ import annotations

import os
import stat
import uuid
from collections.abc import Iterable
from typing import Any

from .journal import (
    FAILED,
    LEGACY,
    MOVE,
    OK,
    PENDING,
    SKIPPED,
    UNDO,
    Journal,
    authentic,
    load_key,
    timestamp,
)
from .moves import Outcome, move_no_overwrite, reason_of


def _number(e: dict[str, Any], name: str, required: bool) -> int | None:
    value = e.get(name)
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"the journal entry is malformed ({name}: {value!r})")
    return value


def _plain(path: object) -> str:
    if not isinstance(path, str) or not path:
        raise ValueError(f"the journal entry is malformed (path: {path!r})")
    parts = path.replace("\\", "/").split("/")
    if not os.path.isabs(path) or os.path.normpath(path) != path or ".." in parts or "." in parts:
        raise ValueError(f"refused: {path} is not a plain absolute path ('..' or '.' in it)")
    return path


def _refusal(e: dict[str, Any], key: bytes | None) -> str | None:
    if "sig" in e:
        if not authentic(key, e):
            return "the journal entry's signature does not match: it was edited, or not written here"
    elif e.get("trust") != LEGACY:
        return "the journal entry is not signed: it was not written by this program"
    return None


def _same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (
        stat.S_ISREG(a.st_mode) and stat.S_ISREG(b.st_mode) and (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
    )


class _NoJournal(Exception):
    """The intent of an undo could not be written: the file is not touched."""


def _intend(jr: Journal, entry: dict[str, Any]) -> None:
    try:
        jr.intent(entry)
    except OSError as exc:
        raise _NoJournal(f"cannot write the journal: {reason_of(exc)}") from exc


def _undo_one(e: dict[str, Any], src: str, dst: str, jr: Journal, journal_entry: dict[str, Any]) -> Outcome:
    size = _number(e, "size", required=True) or 0
    mtime = _number(e, "mtime_ns", required=False)
    moved_inode = _number(e, "moved_inode", required=False)
    out = Outcome(src, SKIPPED, size=size, mtime_ns=mtime or 0)
    try:
        st = os.lstat(src)
    except FileNotFoundError:
        out.status, out.reason = FAILED, "the moved file is no longer where it was moved to"
        return out
    if os.path.lexists(dst):
        if not _same_file(st, os.lstat(dst)):
            out.reason = "the original location is occupied by another file"
            return out
        # The move was killed between its hard link and the unlink: the file is at both places.
        _intend(jr, journal_entry)
        os.unlink(src)
    else:
        if not stat.S_ISREG(st.st_mode):
            out.status, out.reason = FAILED, "the moved file is no longer where it was moved to"
            return out
        if (
            st.st_size != size
            or (mtime and st.st_mtime_ns != mtime)
            or (moved_inode and st.st_ino != moved_inode)
        ):
            out.reason = "the moved file changed since it was moved"
            return out
        _intend(jr, journal_entry)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        move_no_overwrite(src, dst)
    out.status, out.destination = OK, dst
    return out


def undo_moves(
    entries: Iterable[dict[str, Any]], *, journal: str | os.PathLike[str] | None = None
) -> list[Outcome]:
    """Move files back to where a move-to-folder action took them from (entries as read by
    :func:`.journal.read_journal`, from the journal ``journal``); one Outcome per move entry."""
    batch = uuid.uuid4().hex[:12]
    outcomes: list[Outcome] = []
    with Journal(journal) as jr:
        try:
            key = load_key(jr.path.parent)
        except OSError:
            key = None
        for k, e in enumerate(entries):
            if not isinstance(e, dict) or e.get("action") != MOVE or e.get("outcome") not in (OK, PENDING):
                continue
            src, dst = e.get("destination"), e.get("source")
            out = Outcome(str(src), SKIPPED)
            entry = {"time": timestamp(), "batch": batch, "id": f"{batch}-{k}", "action": UNDO}
            entry.update(source=src, destination=dst, size=e.get("size"), mtime_ns=e.get("mtime_ns"))
            try:
                refusal = _refusal(e, key)
                if refusal is not None:
                    out.reason = refusal
                else:
                    out = _undo_one(e, _plain(src), _plain(dst), jr, entry)
            except ValueError as exc:
                out.reason = str(exc)
            except _NoJournal as exc:
                out.status, out.reason = FAILED, str(exc)
            except Exception as exc:  # report every failure, whatever raised it
                out.status, out.reason = FAILED, reason_of(exc)
            outcomes.append(out)
            entry.update(destination=dst if out.ok else None, outcome=out.status, reason=out.reason)
            jr.record(entry)
    return outcomes
