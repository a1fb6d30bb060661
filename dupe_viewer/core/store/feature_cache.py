"""The on-disk feature cache (one of the three caches, see :mod:`.store`): SQLite under the user
cache dir.

Rows are keyed by path and are valid only while the file's identity (size, mtime_ns, inode,
device) is unchanged, so a rescan of an unchanged tree decodes nothing. Decode errors are cached
too: a corrupt file is not re-read on every scan.

A database that is corrupt, foreign (not ours) or of another schema version is moved aside and
rebuilt with a warning: it is a cache, losing it costs time, never data.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import paths
from ..features.perceptual import FEATURE_DTYPE, FEATURE_VERSION
from ..files.records import ImageRecord

log = logging.getLogger(__name__)

#: 2: camera and JPEG quality columns.
SCHEMA_VERSION = 2
#: PRAGMA application_id marking the file as ours ("DUPV").
APPLICATION_ID = 0x44555056
DB_NAME = "features.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path BLOB PRIMARY KEY,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL,
    partial BLOB, digest BLOB,
    width INTEGER, height INTEGER, format TEXT, taken TEXT, camera TEXT, quality REAL,
    feat_version INTEGER, features BLOB, error TEXT,
    seen INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS embeddings (
    path BLOB NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (path, model)
);
"""


def _key(path: str) -> bytes:
    # Bytes, not text: file names need not be valid UTF-8 (surrogate-escaped on POSIX).
    return os.fsencode(path)


@dataclass
class CachedFile:
    """A cache row that matched the file's current identity."""

    record: ImageRecord
    features: np.ndarray | None  # 0-d FEATURE_DTYPE, None when not computed (or of an old version)


class FeatureCache:
    """SQLite feature cache. One writer at a time; every method is safe to call from one thread."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else paths.cache_dir() / DB_NAME
        self.warnings: list[str] = []
        self._conn = self._open()

    # -- opening, validation and rebuild -------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        return conn

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            conn = self._connect()
            problem = self._check(conn)
            if problem is None:
                conn.executescript(_SCHEMA)
                return conn
            conn.close()
        except sqlite3.DatabaseError as exc:
            problem = f"unreadable ({exc})"
        self._set_aside(problem)
        conn = self._connect()
        conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
        conn.executescript(_SCHEMA)
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('created', ?)", (str(int(time.time())),))
        conn.commit()
        return conn

    @staticmethod
    def _check(conn: sqlite3.Connection) -> str | None:
        """None when the database is ours and current; otherwise why it must be rebuilt."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id == 0 and not tables:
            return "new"
        if app_id != APPLICATION_ID:
            return "not a dupe_viewer cache"
        row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        if row is None or row[0] != str(SCHEMA_VERSION):
            return f"schema version {row[0] if row else '?'} instead of {SCHEMA_VERSION}"
        return None

    def _set_aside(self, problem: str) -> None:
        if problem == "new":
            return
        if self.path.exists():
            aside = self.path.with_name(self.path.name + ".broken")
            msg = f"Feature cache {self.path} was {problem}; it was moved to {aside.name} and rebuilt."
            log.warning(msg)
            self.warnings.append(msg)
            try:
                os.replace(self.path, aside)
            except OSError:
                self.path.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(str(self.path) + suffix).unlink(missing_ok=True)

    def recover(self, exc: BaseException) -> None:
        """Called when a query fails mid-scan: rebuild and carry on with an empty cache."""
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()
        self._set_aside(f"damaged ({exc})")
        self._conn = self._open()

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> FeatureCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------
    def lookup(self, entries: Sequence[tuple[str, int, int, int, int]]) -> dict[str, CachedFile]:
        """Cached rows for (path, size, mtime_ns, inode, device) tuples whose identity still matches."""
        out: dict[str, CachedFile] = {}
        for pos, rec, feats in self.iter_lookup(entries):
            out[entries[pos][0]] = CachedFile(
                rec, np.frombuffer(feats, dtype=FEATURE_DTYPE)[0].copy() if feats is not None else None
            )
        return out

    def iter_lookup(
        self, entries: Sequence[tuple[str, int, int, int, int]]
    ) -> Iterator[tuple[int, ImageRecord, bytes | None]]:
        """Like :meth:`lookup`, one row at a time: (position in ``entries``, record, the feature
        bytes or None). A scan of a million cached files writes each row's features straight into
        its columnar array instead of holding a million small arrays at once (1.4 GB)."""
        if not entries:
            return
        wanted = {_key(e[0]): pos for pos, e in enumerate(entries)}
        conn = self._conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (path BLOB PRIMARY KEY)")
        conn.execute("DELETE FROM wanted")
        conn.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((k,) for k in wanted))
        rows = conn.execute(
            "SELECT f.path, size, mtime_ns, inode, device, partial, digest, width, height, format, taken,"
            " feat_version, features, error, camera, quality FROM files f JOIN wanted w ON f.path = w.path"
        )
        try:
            for row in rows:
                pos = wanted.get(row[0])
                if pos is None:
                    continue
                path, size, mtime_ns, inode, device = entries[pos]
                if (row[1], row[2], row[3], row[4]) != (size, mtime_ns, inode, device):
                    continue  # the file changed since it was cached
                fresh = row[11] == FEATURE_VERSION
                blob = row[12]
                feats = blob if fresh and blob is not None and len(blob) == FEATURE_DTYPE.itemsize else None
                rec = ImageRecord(
                    path=path,
                    size=size,
                    mtime_ns=mtime_ns,
                    inode=inode,
                    device=device,
                    width=row[7] or 0,
                    height=row[8] or 0,
                    format=row[9] or "",
                    taken=row[10],
                    camera=row[14],
                    quality=row[15],
                    partial=row[5],
                    digest=row[6],
                    # An error is only trusted from the current decoder version.
                    error=row[13] if fresh else None,
                )
                yield pos, rec, feats
        finally:
            rows.close()
            conn.execute("DELETE FROM wanted")

    def embeddings(self, paths_: Iterable[str], model: str) -> dict[str, np.ndarray]:
        """Cached embedding vectors (float32) for ``model``; rows are dropped when a file changes."""
        return {p: v.copy() for p, v in self.iter_embeddings(paths_, model)}

    def iter_embeddings(self, paths_: Iterable[str], model: str) -> Iterator[tuple[str, np.ndarray]]:
        """(path, read-only float32 vector) for the cached embeddings of ``paths_``, one at a time,
        so a million of them can go straight into one compact matrix."""
        keys = [_key(p) for p in paths_]
        conn = self._conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (path BLOB PRIMARY KEY)")
        conn.execute("DELETE FROM wanted")
        conn.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((k,) for k in keys))
        cur = conn.execute(
            "SELECT e.path, e.vector FROM embeddings e JOIN wanted w ON e.path = w.path WHERE e.model = ?",
            (model,),
        )
        try:
            for path, blob in cur:
                yield os.fsdecode(path), np.frombuffer(blob, dtype=np.float32)
        finally:
            cur.close()
            conn.execute("DELETE FROM wanted")

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]

    # -- writing -------------------------------------------------------------------------------
    def store(self, items: Iterable[tuple[ImageRecord, bytes | None]]) -> None:
        """Insert or replace rows (record, feature bytes or None) in one transaction.

        Replacing a row whose identity changed also drops that file's embeddings.
        """
        now = int(time.time())
        rows = [
            (
                _key(r.path),
                r.size,
                r.mtime_ns,
                r.inode,
                r.device,
                r.partial,
                r.digest,
                r.width,
                r.height,
                r.format,
                r.taken,
                FEATURE_VERSION,
                feats,
                r.error,
                now,
                r.camera,
                r.quality,
            )
            for r, feats in items
        ]
        if not rows:
            return
        with self._conn:
            self._conn.executemany(
                "DELETE FROM embeddings WHERE path = ? AND NOT EXISTS (SELECT 1 FROM files f"
                " WHERE f.path = embeddings.path AND f.size = ? AND f.mtime_ns = ?"
                " AND f.inode = ? AND f.device = ?)",
                ((r[0], r[1], r[2], r[3], r[4]) for r in rows),
            )
            self._conn.executemany(
                "INSERT OR REPLACE INTO files (path, size, mtime_ns, inode, device, partial, digest,"
                " width, height, format, taken, feat_version, features, error, seen, camera, quality)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )

    def store_hashes(self, items: Iterable[tuple[ImageRecord]]) -> None:
        """Update only the content hashes of rows that already exist."""
        with self._conn:
            self._conn.executemany(
                "UPDATE files SET partial = ?, digest = ? WHERE path = ? AND size = ? AND mtime_ns = ?",
                ((r.partial, r.digest, _key(r.path), r.size, r.mtime_ns) for (r,) in items),
            )

    def store_embeddings(self, items: Iterable[tuple[str, np.ndarray]], model: str) -> None:
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                ((_key(p), model, np.asarray(v, dtype=np.float32).tobytes()) for p, v in items),
            )

    def forget(self, paths_: Iterable[str]) -> None:
        keys = [(_key(p),) for p in paths_]
        with self._conn:
            self._conn.executemany("DELETE FROM files WHERE path = ?", keys)
            self._conn.executemany("DELETE FROM embeddings WHERE path = ?", keys)

    def iter_paths(self) -> Iterator[str]:
        for (p,) in self._conn.execute("SELECT path FROM files"):
            yield os.fsdecode(p)
