"""What a failed SQLite call says about the database file, and how a damaged one is set aside.

The feature cache and the dismissals list must tell a *damaged* file, which may be moved aside and
started again, from a healthy one that cannot be used right now: another program holds its lock,
its folder is read-only, the disk is full. Discarding a healthy cache costs hours of decoding and
helps nothing, so only SQLite's own verdict of damage counts (SQLITE_CORRUPT, SQLITE_NOTADB, or a
failed ``PRAGMA quick_check``), read from the error's result code (``sqlite_errorcode``, Python
3.11+) or, where Python does not give one, from SQLite's fixed message for it.

A damaged file is renamed beside itself to the first free ``<name>.broken``, ``.broken-2``, …
(never over an earlier broken copy: each may be someone's only record of what went wrong), with
its write-ahead log, so the copy is whole.
"""

from __future__ import annotations

import enum
import itertools
import os
import sqlite3
from pathlib import Path


class Problem(enum.Enum):
    """What a failed call means for the file."""

    BUSY = "busy"  # another connection holds the lock (past the busy timeout)
    READ_ONLY = "read-only"  # the file or its folder cannot be written
    FULL = "full"  # no room left on the disk (or the database's page limit)
    UNAVAILABLE = "unavailable"  # cannot be opened or read now (I/O, permissions, memory)
    DAMAGED = "damaged"  # SQLite says the file is corrupt or not a database
    UNKNOWN = "unknown"  # no code that says which: check the file before concluding


# SQLite's primary result codes (the low byte of an extended code); fixed by SQLite's file format
# and API, spelled out because Python < 3.11 does not export them.
_BY_CODE = {
    5: Problem.BUSY,  # SQLITE_BUSY
    6: Problem.BUSY,  # SQLITE_LOCKED
    8: Problem.READ_ONLY,  # SQLITE_READONLY
    3: Problem.READ_ONLY,  # SQLITE_PERM
    23: Problem.READ_ONLY,  # SQLITE_AUTH
    13: Problem.FULL,  # SQLITE_FULL
    14: Problem.UNAVAILABLE,  # SQLITE_CANTOPEN
    10: Problem.UNAVAILABLE,  # SQLITE_IOERR
    7: Problem.UNAVAILABLE,  # SQLITE_NOMEM
    15: Problem.UNAVAILABLE,  # SQLITE_PROTOCOL
    22: Problem.UNAVAILABLE,  # SQLITE_NOLFS
    11: Problem.DAMAGED,  # SQLITE_CORRUPT
    26: Problem.DAMAGED,  # SQLITE_NOTADB
}

# SQLite's messages for the same codes (sqlite3ErrStr), for errors that carry no code.
_BY_MESSAGE = (
    ("database is locked", Problem.BUSY),
    ("database table is locked", Problem.BUSY),
    ("attempt to write a readonly database", Problem.READ_ONLY),
    ("database or disk is full", Problem.FULL),
    ("unable to open database file", Problem.UNAVAILABLE),
    ("disk i/o error", Problem.UNAVAILABLE),
    ("database disk image is malformed", Problem.DAMAGED),
    ("file is not a database", Problem.DAMAGED),
)


def classify(exc: BaseException) -> Problem:
    """What ``exc`` (raised by sqlite3) says about the database."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and (code & 0xFF) in _BY_CODE:
        return _BY_CODE[code & 0xFF]
    text = str(exc).lower()
    for needle, problem in _BY_MESSAGE:
        if needle in text:
            return problem
    return Problem.UNKNOWN


def quick_check(conn: sqlite3.Connection) -> str | None:
    """None when ``PRAGMA quick_check`` finds the file sound, else what it found. Reads every
    page (seconds for a large cache), so it is run to settle an unexplained error, not on every
    open. An error while checking that is not damage (a lock) is raised: it proves nothing."""
    try:
        rows = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        if classify(exc) is Problem.DAMAGED:
            return str(exc)
        raise
    return None if rows == ["ok"] else "; ".join(str(r) for r in rows)


def set_aside(path: Path) -> Path | None:
    """Rename the database ``path`` (and its -wal) to the first free ``.broken`` name beside it;
    its -shm (an index of the WAL, rebuilt from it) is removed. Returns the new name, None when
    there was no file. Raises OSError when it cannot be moved: the caller must then not start a
    new database there (nothing is ever deleted to make room)."""
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    aside = None
    if path.exists():
        for n in itertools.count(1):
            candidate = path.with_name(f"{path.name}.broken" + (f"-{n}" if n > 1 else ""))
            if candidate.exists() or Path(f"{candidate}-wal").exists():
                continue
            try:
                # A hard link fails instead of replacing a name taken meanwhile (another process
                # setting aside at the same moment); where links are not supported, rename.
                os.link(path, candidate)
            except FileExistsError:
                continue
            except OSError:
                os.rename(path, candidate)
            else:
                os.unlink(path)
            aside = candidate
            break
    if wal.exists():
        # A log left beside a new database would be replayed into it: it goes with its file.
        if aside is not None:
            os.replace(wal, f"{aside}-wal")
        else:
            wal.unlink()
    shm.unlink(missing_ok=True)
    return aside
