"""Remember "not duplicates" decisions about groups and pairs by file *content*, not by path.

A dismissal stores the content key (blake2b-128 of the whole file, the same hash the scan uses
for exact duplicates) and size of each file involved. Two files are kept apart when some
dismissal contains both of their keys, so renaming or moving the files, or rescanning, does not
bring the group back, while editing a file (new content) does.

Content keys are computed lazily: only for files being dismissed, and, when a scan result is
mapped to excluded pairs, only for files that appear in its pairs *and* have the size of a
dismissed file (a file of another size cannot have the same content). Keys are cached by
(path, size, mtime) so the next mapping reads nothing.

Everything lives in one small SQLite file under :func:`paths.data_dir`. Each method opens its own
connection, so the store can be used from any thread. The file is checked (``PRAGMA quick_check``,
cheap at its size) when the store is opened: a damaged one is renamed beside itself (never over an
earlier broken copy, see :mod:`..store.sqlite_errors`) and an empty list started, with a warning in
``warnings`` that names both files. Any other failure raises with the file's name in the message.
"""

from __future__ import annotations

import itertools
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import paths
from ..files import exact
from ..files.records import ImageRecord
from ..result import ScanResult
from ..store.sqlite_errors import Problem, classify, quick_check, set_aside

log = logging.getLogger(__name__)

DB_NAME = "dismissals.sqlite"
GROUP = "group"
PAIR = "pair"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS dismissal (id INTEGER PRIMARY KEY, created REAL NOT NULL, kind TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS member (
    dismissal INTEGER NOT NULL REFERENCES dismissal(id) ON DELETE CASCADE,
    key BLOB NOT NULL, size INTEGER NOT NULL, path TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS member_by_dismissal ON member(dismissal);
CREATE TABLE IF NOT EXISTS keycache (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, key BLOB NOT NULL
);
"""


@dataclass
class Dismissal:
    """One "not duplicates" decision."""

    id: int
    created: float  # seconds since the epoch
    kind: str  # GROUP or PAIR
    paths: list[str]  # as they were when dismissed (for display; matching uses the keys)
    keys: list[bytes]


def _store_path(path: str | os.PathLike[str] | None) -> Path:
    return Path(path) if path is not None else paths.data_dir() / DB_NAME


class Dismissals:
    """The persistent set of dismissals; see the module docstring."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = _store_path(path)
        #: What the user should hear about the file (it was damaged and set aside).
        self.warnings: list[str] = []
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            with closing(self._connect()) as conn:
                problem = quick_check(conn)
                if problem is None:
                    with conn:
                        conn.executescript(_SCHEMA)
                    return
        except sqlite3.DatabaseError as exc:
            if classify(exc) is not Problem.DAMAGED:
                raise self._named(exc) from exc
            problem = str(exc)
        self._start_afresh(problem)

    def _start_afresh(self, problem: str) -> str:
        """Set the damaged file aside and create an empty store; returns the warning."""
        try:
            aside = set_aside(self.path)
        except OSError as exc:
            raise OSError(
                f"The not-duplicates list {self.path} is damaged ({problem}) and cannot be moved aside: {exc}"
            ) from exc
        msg = (
            f"The not-duplicates list {self.path} was damaged ({problem}); it was moved to {aside} "
            "and a new, empty list was started."
        )
        log.warning(msg)
        self.warnings.append(msg)
        with closing(self._connect()) as conn, conn:
            conn.executescript(_SCHEMA)
        return msg

    def _named(self, exc: sqlite3.DatabaseError) -> sqlite3.DatabaseError:
        return type(exc)(f"The not-duplicates list {self.path}: {exc}")

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10)
        conn.execute("PRAGMA foreign_keys = ON")
        return conn

    @contextmanager
    def _db(self) -> Iterator[sqlite3.Connection]:
        """A connection; a failure names the file, and damage found now is set aside at once (the
        call fails, the next one finds an empty list)."""
        try:
            with closing(self._connect()) as conn:
                yield conn
        except sqlite3.DatabaseError as exc:
            if classify(exc) is Problem.DAMAGED:
                raise sqlite3.DatabaseError(self._start_afresh(str(exc))) from exc
            raise self._named(exc) from exc

    # -- content keys -------------------------------------------------------------------------
    def keys_for(
        self, records: Sequence[ImageRecord], should_stop: Callable[[], bool] | None = None
    ) -> list[bytes | None]:
        """Content key of each record (None when the file cannot be read or changed on disk)."""
        out: list[bytes | None] = [None] * len(records)
        with self._db() as conn:
            todo = []
            for n, r in enumerate(records):
                if r.digest is not None:
                    out[n] = bytes(r.digest)
                    continue
                row = conn.execute(
                    "SELECT key FROM keycache WHERE path = ? AND size = ? AND mtime_ns = ?",
                    (r.path, r.size, r.mtime_ns),
                ).fetchone()
                if row is not None:
                    out[n] = bytes(row[0])
                else:
                    todo.append(n)
            fresh = []
            for n in todo:
                if should_stop is not None and should_stop():
                    break
                r = records[n]
                try:
                    st = os.stat(r.path)
                    if (st.st_size, st.st_mtime_ns) != (r.size, r.mtime_ns):
                        continue  # not the scanned file any more: its key would be about another file
                    key = exact.full_hash(r.path, should_stop)
                except (OSError, InterruptedError):
                    continue
                out[n] = key
                fresh.append((r.path, r.size, r.mtime_ns, key))
            if fresh:
                with conn:
                    conn.executemany("INSERT OR REPLACE INTO keycache VALUES (?, ?, ?, ?)", fresh)
        return out

    # -- dismiss / list / undo ----------------------------------------------------------------
    def dismiss(self, records: Sequence[ImageRecord], kind: str = GROUP) -> int:
        """Remember that ``records`` are not duplicates of each other; returns the dismissal id.

        Raises ValueError when fewer than two of the files can be read (nothing to remember).
        """
        keys = self.keys_for(records)
        rows = [(k, r.size, r.path) for k, r in zip(keys, records, strict=True) if k is not None]
        if len(rows) < 2:
            raise ValueError("fewer than two of these files could be read")
        with self._db() as conn, conn:
            cur = conn.execute("INSERT INTO dismissal (created, kind) VALUES (?, ?)", (time.time(), kind))
            did = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT INTO member (dismissal, key, size, path) VALUES (?, ?, ?, ?)",
                [(did, k, s, p) for k, s, p in rows],
            )
        return did

    def entries(self) -> list[Dismissal]:
        """All dismissals, newest first."""
        with self._db() as conn:
            found: dict[int, Dismissal] = {}
            for did, created, kind in conn.execute(
                "SELECT id, created, kind FROM dismissal ORDER BY created DESC, id DESC"
            ):
                found[did] = Dismissal(did, created, kind, [], [])
            for did, key, path in conn.execute("SELECT dismissal, key, path FROM member ORDER BY rowid"):
                if did in found:
                    found[did].paths.append(path)
                    found[did].keys.append(bytes(key))
        return list(found.values())

    def undo(self, dismissal_id: int) -> bool:
        """Forget one dismissal; True if it existed."""
        with self._db() as conn, conn:
            conn.execute("DELETE FROM member WHERE dismissal = ?", (dismissal_id,))
            cur = conn.execute("DELETE FROM dismissal WHERE id = ?", (dismissal_id,))
            return cur.rowcount > 0

    def __len__(self) -> int:
        with self._db() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM dismissal").fetchone()[0])

    # -- mapping to a scan ----------------------------------------------------------------------
    def excluded_pairs(
        self, result: ScanResult, should_stop: Callable[[], bool] | None = None
    ) -> set[tuple[int, int]]:
        """Record-index pairs (i < j) that a dismissal keeps apart: every two files of
        ``result`` that appear in its scored pairs and whose contents are in one dismissal
        (scored together or not: two files that both match a third are kept apart too)."""
        with self._db() as conn:
            members = conn.execute("SELECT dismissal, key, size FROM member").fetchall()
        if not members or len(result.pairs) == 0:
            return set()
        by_key: dict[bytes, set[int]] = {}
        sizes = set()
        for did, key, size in members:
            by_key.setdefault(bytes(key), set()).add(did)
            sizes.add(size)
        # Only files that can be grouped (in a scored pair) and have a dismissed file's size (a
        # file of another size cannot have its content) are hashed.
        size_of = np.fromiter((r.size for r in result.records), dtype=np.int64, count=len(result.records))
        maybe = np.isin(size_of, np.fromiter(sizes, dtype=np.int64, count=len(sizes)))
        involved = np.unique(result.pairs.ij)
        involved = involved[maybe[involved]]
        if len(involved) == 0:
            return set()
        keys = self.keys_for([result.records[i] for i in involved], should_stop)
        present: dict[int, list[int]] = {}  # dismissal id -> record indices with its contents
        for i, k in zip(involved.tolist(), keys, strict=True):
            for did in by_key.get(k, ()) if k is not None else ():
                present.setdefault(did, []).append(i)
        out = set()
        for indices in present.values():
            out.update(itertools.combinations(sorted(set(indices)), 2))
        return out
