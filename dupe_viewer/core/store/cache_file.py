"""An SQLite file that holds only a cache: how it is opened, created, migrated and, when a call
fails, what is done about it (the base of :class:`.feature_cache.FeatureCache`).

Discarding a healthy cache costs hours of decoding and helps nothing, so what a failure means is
read from SQLite's result code (:mod:`.sqlite_errors`). A lock held by another scan is waited for
(the subclass's busy timeout); when it outlasts the wait, or the file or its folder is read-only,
or the disk is full, the file is still read but this object stops writing (``writable`` False),
with a warning. Only a file that is damaged (by its code, or ``PRAGMA quick_check`` when an error
says nothing), foreign (another application id) or of an unknown schema version is moved aside,
under a name no later damage overwrites, and started again; listed older versions are migrated in
place. When nothing can be read, an empty in-memory stand-in answers, so callers never need a
second code path.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import ClassVar

from .sqlite_errors import Problem, classify, quick_check, set_aside

log = logging.getLogger(__name__)


def _can_write(path: Path) -> bool:
    """Whether the file and its folder (its -wal and -shm files live there) are writable."""
    if not os.access(path.parent, os.W_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


class CacheFile:
    """One cache database; subclasses say what it holds (the class variables) and how long a
    statement waits for a lock (:meth:`busy_timeout`)."""

    #: PRAGMA application_id marking the file as ours.
    APPLICATION_ID: ClassVar[int]
    SCHEMA_VERSION: ClassVar[int]
    #: CREATE TABLE IF NOT EXISTS statements, one table each (a ``meta`` key/value table first).
    TABLES: ClassVar[tuple[str, ...]]
    #: Older schema version (as stored in meta) -> statements that bring it to SCHEMA_VERSION.
    MIGRATIONS: ClassVar[dict[str, tuple[str, ...]]] = {}
    #: What the user calls it, and what is lost while it cannot be written, in messages.
    NAME: ClassVar[str] = "cache"
    LOST: ClassVar[str] = "the features of this scan are not saved"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.warnings: list[str] = []
        self.writable = True
        self._conn = self._open()

    def busy_timeout(self) -> float:
        return 15.0

    def _functions(self, conn: sqlite3.Connection) -> None:
        """Register the SQL functions the subclass's statements use."""

    def _warn(self, msg: str) -> str:
        if msg not in self.warnings:
            log.warning(msg)
            self.warnings.append(msg)
        return msg

    def pop_warnings(self) -> list[str]:
        """The warnings not yet taken, once each."""
        out, self.warnings = self.warnings, []
        return out

    # -- opening -------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=self.busy_timeout(), check_same_thread=False)
        try:
            # WAL: readers never wait for a writer, so two scans (GUI and CLI) share the file.
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.Error:
            conn.close()
            raise
        self._functions(conn)
        return conn

    def _open(self) -> sqlite3.Connection:
        """A read-write connection when possible; else a read-only one (``writable`` False), or
        an empty in-memory stand-in when the file cannot be read either."""
        self.writable = True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return self._read_only(
                f"The {self.NAME} {self.path} cannot be created ({exc}): features are not saved."
            )
        if not _can_write(self.path):
            return self._read_only(self._message(Problem.READ_ONLY, None))
        try:
            conn = self._connect()
        except sqlite3.DatabaseError as exc:
            return self._open_failed(exc)
        try:
            problem = self._prepare(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            return self._open_failed(exc)
        if problem is None:
            return conn
        conn.close()
        return self._replace(problem)

    def _open_failed(self, exc: sqlite3.DatabaseError) -> sqlite3.Connection:
        kind = classify(exc)
        if kind is Problem.UNKNOWN:
            kind = self._damaged_on_disk()
        if kind is Problem.DAMAGED:
            return self._replace(f"unreadable ({exc})")
        return self._read_only(self._message(kind, exc))

    def _damaged_on_disk(self) -> Problem:
        """DAMAGED when quick_check finds the file damaged, else UNAVAILABLE (nothing proves it)."""
        try:
            conn = sqlite3.connect(
                f"{self.path.absolute().as_uri()}?mode=ro", uri=True, timeout=self.busy_timeout()
            )
        except sqlite3.Error:
            return Problem.UNAVAILABLE
        try:
            return Problem.DAMAGED if quick_check(conn) is not None else Problem.UNAVAILABLE
        except sqlite3.Error:
            return Problem.UNAVAILABLE
        finally:
            conn.close()

    def _prepare(self, conn: sqlite3.Connection) -> str | None:
        """Create or migrate the schema when needed; None when ready, else why to rebuild."""
        problem = self._check(conn)
        if problem != "new" and problem not in self.MIGRATIONS:
            return problem
        # Checked again under the write lock: two scans opening a new cache at once must not
        # see each other's half-made schema (and set it aside as foreign).
        conn.execute("BEGIN IMMEDIATE")
        try:
            problem = self._check(conn)
            if problem == "new":
                conn.execute(f"PRAGMA application_id={self.APPLICATION_ID}")
                for stmt in self.TABLES:
                    conn.execute(stmt)
                conn.execute("INSERT OR REPLACE INTO meta VALUES ('created', ?)", (str(int(time.time())),))
            for stmt in self.MIGRATIONS.get(problem or "", ()):
                conn.execute(stmt)
            if problem == "new" or problem in self.MIGRATIONS:
                conn.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(self.SCHEMA_VERSION),)
                )
                problem = None
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        return problem

    def _check(self, conn: sqlite3.Connection) -> str | None:
        """None when the database is ours and current; "new" (empty), an older version listed in
        MIGRATIONS (to migrate), otherwise why it must be rebuilt."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id == 0 and not tables:
            return "new"
        if app_id != self.APPLICATION_ID:
            return "not a dupe_viewer cache"
        row = None
        if "meta" in tables:
            row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is not None and row[0] in self.MIGRATIONS:
            return str(row[0])
        if row is None or row[0] != str(self.SCHEMA_VERSION):
            return f"schema version {row[0] if row else '?'} instead of {self.SCHEMA_VERSION}"
        return None

    def _replace(self, problem: str) -> sqlite3.Connection:
        """Move the unusable database aside and start a new one (read-only when it cannot move)."""
        try:
            aside = set_aside(self.path) if problem != "new" else None
        except OSError as exc:
            return self._read_only(
                f"The {self.NAME} {self.path} was {problem} and could not be moved aside ({exc}); "
                "features are not saved."
            )
        if aside is not None:
            self._warn(f"The {self.NAME} {self.path} was {problem}; it was moved to {aside} and rebuilt.")
        elif problem != "new":  # gone meanwhile: nothing to keep
            self._warn(f"The {self.NAME} {self.path} was {problem}; it is rebuilt.")
        try:
            conn = self._connect()
            if self._prepare(conn) is None:
                return conn
            conn.close()
        except sqlite3.DatabaseError as exc:
            return self._read_only(self._message(classify(exc), exc))
        return self._read_only(
            f"The {self.NAME} {self.path} could not be started again: features are not saved."
        )

    def _read_only(self, msg: str) -> sqlite3.Connection:
        """Read what the file holds, write nothing; an empty stand-in when it cannot be read."""
        self.writable = False
        self._warn(msg)
        if self.path.exists():
            uri = self.path.absolute().as_uri()
            # immutable=1 as the fallback: a WAL database in a read-only folder can only be read
            # so (SQLite cannot create its -shm there).
            for query in ("mode=ro", "mode=ro&immutable=1"):
                try:
                    conn = sqlite3.connect(
                        f"{uri}?{query}", uri=True, timeout=self.busy_timeout(), check_same_thread=False
                    )
                except sqlite3.Error:
                    continue
                try:
                    if self._check(conn) is None:
                        return conn
                except sqlite3.Error:
                    conn.close()
                    continue
                conn.close()
                break  # readable, but not a current cache: nothing in it to use
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        for stmt in self.TABLES:
            conn.execute(stmt)
        return conn

    def _message(self, kind: Problem, exc: BaseException | None) -> str:
        what, why = f"The {self.NAME} {self.path}", f" ({exc})" if exc is not None else ""
        if kind is Problem.BUSY:
            return f"{what} is in use by another program{why}; {self.LOST}."
        if kind is Problem.READ_ONLY:
            return f"{what} is read-only: features are not saved."
        if kind is Problem.FULL:
            return f"The disk holding the {self.NAME} {self.path} is full: {self.LOST}."
        return f"{what} cannot be used now{why}: {self.LOST}."

    # -- failures mid-scan ---------------------------------------------------------------------
    def recover(self, exc: BaseException) -> str:
        """Called when a query fails mid-scan; returns (and keeps in ``warnings``) what the user
        should hear. A lock, a read-only place, a full disk or an error that quick_check does not
        confirm as damage stops this object's writes and keeps the file; a damaged file is moved
        aside and rebuilt."""
        kind = classify(exc)
        if kind is Problem.UNKNOWN:
            kind = self._damaged_on_disk()
        if kind is not Problem.DAMAGED:
            self.writable = False
            return self._warn(self._message(kind, exc))
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
        self.writable = True
        self._conn = self._replace(f"damaged ({exc})")
        return self.warnings[-1]

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
