"""The on-disk feature cache (one of the three caches, see :mod:`.store`): SQLite under the user
cache dir.

Rows are keyed by path and are valid only while the file's identity (size, mtime_ns, inode,
device, ctime_ns) is unchanged, so a rescan of an unchanged tree decodes nothing, and a file
rewritten in place with its size kept and its mtime put back (its ctime still moves) is read
again. Decode errors are cached too: a corrupt file is not re-read on every scan. Each row keeps
a CRC-32 of its features and content hashes: a row whose bytes changed on disk is not trusted
(recomputed, with one warning per lookup).

It is a cache, but a healthy one is never thrown away: how it is opened and what a failed call
means (a lock waited for, a read-only place or a full disk read but not written, only damage
moved aside) is decided in its base class, :mod:`.cache_file`; this module says what the rows
mean.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np

from .. import messages, paths
from ..features.perceptual import FEATURE_DTYPE, FEATURE_VERSION
from ..files.records import ImageRecord
from .cache_file import CacheFile

log = logging.getLogger(__name__)

#: 2: camera and JPEG quality columns. 3: ctime_ns and checksum columns (a version-2 cache is
#: migrated: its rows, lacking both, are trusted once on their old identity and then given them).
#: 4: error_code column, the code and values of a cached failure (:mod:`..messages`), so the
#: window words it in the user's language (a version-2 or 3 cache is migrated: its failures
#: keep their English text, which the window matches by wording).
SCHEMA_VERSION = 4
#: PRAGMA application_id marking the file as ours ("DUPV").
APPLICATION_ID = 0x44555056
DB_NAME = "features.sqlite3"
#: Seconds a statement waits for another connection's lock. A scan writes in short batches, so
#: another scan's lock is released well within it; a lock held longer is something else (a hung
#: program, a backup tool) and this scan then goes on without writing.
BUSY_TIMEOUT = 15.0

_TABLES = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # ctime_ns and checksum come last: where a version-2 table is migrated, ALTER TABLE appends
    # them, so old and new files have the same columns in the same order.
    """CREATE TABLE IF NOT EXISTS files (
    path BLOB PRIMARY KEY,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL,
    partial BLOB, digest BLOB,
    width INTEGER, height INTEGER, format TEXT, taken TEXT, camera TEXT, quality REAL,
    feat_version INTEGER, features BLOB, error TEXT,
    seen INTEGER NOT NULL DEFAULT 0,
    ctime_ns INTEGER, checksum INTEGER,
    error_code TEXT
)""",
    """CREATE TABLE IF NOT EXISTS embeddings (
    path BLOB NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (path, model)
)""",
)
_MIGRATE_FROM_3 = ("ALTER TABLE files ADD COLUMN error_code TEXT",)
_MIGRATE_FROM_2 = (
    "ALTER TABLE files ADD COLUMN ctime_ns INTEGER",
    "ALTER TABLE files ADD COLUMN checksum INTEGER",
    *_MIGRATE_FROM_3,
)
_U64, _I64 = 1 << 64, 1 << 63


def _key(path: str) -> bytes:
    # Bytes, not text: file names need not be valid UTF-8 (surrogate-escaped on POSIX).
    return os.fsencode(path)


def _signed(v: int) -> int:
    # Inode and device numbers are unsigned 64-bit (some filesystems use the top bit); SQLite
    # integers are signed: stored folded, so such a file is cached instead of failing the batch.
    return v - _U64 if v >= _I64 else v


def _ids(r: ImageRecord) -> tuple[int, int, int]:
    """inode, device and ctime_ns as stored."""
    return _signed(r.inode), _signed(r.device), r.ctime_ns


def row_checksum(features: bytes | None, partial: bytes | None, digest: bytes | None) -> int:
    """CRC-32 of the bytes a cached row is trusted for (features, content hashes), with which of
    them are present above its 32 bits (a hash moved to the other column changes it too).

    CRC-32, not a cryptographic hash: it guards against damage on disk, not against someone who
    can write the cache anyway. It sits on the warm-rescan path (every cached row, every scan):
    ~1.0-1.3 µs a row where an 8-byte blake2b of the features takes ~2.0-2.6 µs, i.e. ~1 s
    instead of ~2.3 s per million rows, against ~54 s for a warm rescan of a million files
    (timeit over 1,222-byte feature blobs on a busy 2-core machine)."""
    c = zlib.crc32(features) if features is not None else 0
    if partial is not None:
        c = zlib.crc32(partial, c)
    if digest is not None:
        c = zlib.crc32(digest, c)
    return c | (features is None) << 32 | (partial is None) << 33 | (digest is None) << 34


@dataclass
class CachedFile:
    """A cache row that matched the file's current identity."""

    record: ImageRecord
    features: np.ndarray | None  # 0-d FEATURE_DTYPE, None when not computed (or of an old version)


class FeatureCache(CacheFile):
    """SQLite feature cache, shared with other processes (WAL); every method is safe to call from
    one thread. ``writable`` is False when this object only reads (read-only place, lock held
    elsewhere, full disk); writes are then skipped. ``warnings`` collects what the user should
    hear; a scan takes them with :meth:`pop_warnings`."""

    APPLICATION_ID = APPLICATION_ID
    SCHEMA_VERSION = SCHEMA_VERSION
    TABLES = _TABLES
    MIGRATIONS: ClassVar[dict[str, tuple[str, ...]]] = {"2": _MIGRATE_FROM_2, "3": _MIGRATE_FROM_3}
    NAME = "feature cache"

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(Path(path) if path is not None else paths.cache_dir() / DB_NAME)

    def busy_timeout(self) -> float:
        return BUSY_TIMEOUT  # read at each connect: tests shorten it

    def _functions(self, conn: sqlite3.Connection) -> None:
        conn.create_function("dv_checksum", 3, row_checksum, deterministic=True)

    def __enter__(self) -> FeatureCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------------
    def lookup(self, entries: Sequence[tuple[str, int, int, int, int, int]]) -> dict[str, CachedFile]:
        """Cached rows for (path, size, mtime_ns, inode, device, ctime_ns) tuples whose identity
        still matches."""
        out: dict[str, CachedFile] = {}
        for pos, rec, feats in self.iter_lookup(entries):
            out[entries[pos][0]] = CachedFile(
                rec, np.frombuffer(feats, dtype=FEATURE_DTYPE)[0].copy() if feats is not None else None
            )
        return out

    def iter_lookup(
        self, entries: Sequence[tuple[str, int, int, int, int, int]]
    ) -> Iterator[tuple[int, ImageRecord, bytes | None]]:
        """Like :meth:`lookup`, one row at a time: (position in ``entries``, record, the feature
        bytes or None). A scan of a million cached files writes each row's features straight into
        its columnar array instead of holding a million small arrays at once (1.4 GB).

        A row whose checksum does not match its bytes is skipped (the file is analysed again) and
        counted in one warning."""
        if not entries:
            return
        wanted = {_key(e[0]): pos for pos, e in enumerate(entries)}
        conn = self._conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (path BLOB PRIMARY KEY)")
        conn.execute("DELETE FROM wanted")
        conn.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", ((k,) for k in wanted))
        rows = conn.execute(
            "SELECT f.path, size, mtime_ns, inode, device, partial, digest, width, height, format, taken,"
            " feat_version, features, error, camera, quality, ctime_ns, checksum, error_code"
            " FROM files f JOIN wanted w ON f.path = w.path"
        )
        damaged = 0
        backfill: list[tuple[int, int, bytes]] = []
        try:
            for row in rows:
                pos = wanted.get(row[0])
                if pos is None:
                    continue
                path, size, mtime_ns, inode, device, ctime_ns = entries[pos]
                if (row[1], row[2], row[3], row[4]) != (
                    size,
                    mtime_ns,
                    inode if inode < _I64 else inode - _U64,
                    device if device < _I64 else device - _U64,
                ):
                    continue  # the file changed since it was cached
                if row[16] is None and ctime_ns:
                    # A row from before ctime was kept (schema 2, migrated): trusted once on the
                    # identity it was cached with, as that version did, and given its ctime and
                    # checksum now. Reading every photo of a large library again after an
                    # upgrade would cost hours for the rare file rewritten in place before it.
                    backfill.append((ctime_ns, row_checksum(row[12], row[5], row[6]), row[0]))
                elif row[16] != ctime_ns:
                    continue  # rewritten in place: its status change time moved
                elif row[17] != row_checksum(row[12], row[5], row[6]):
                    damaged += 1
                    continue
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
                    error=messages.from_json(row[13], row[18]) if fresh else None,
                    ctime_ns=ctime_ns,
                )
                yield pos, rec, feats
        finally:
            rows.close()
            self._end_read()
        if backfill:
            self._backfill(backfill)
        if damaged:
            self._warn(
                f"{damaged} row{'s' if damaged != 1 else ''} of the feature cache {self.path} "
                f"{'were' if damaged != 1 else 'was'} damaged (checksum mismatch): "
                f"{'those files are' if damaged != 1 else 'that file is'} analysed again."
            )

    def _backfill(self, rows: list[tuple[int, int, bytes]]) -> None:
        """Give migrated rows their ctime and checksum. Best effort: a cache that cannot be
        written now (locked, read-only, full) just trusts them once more next time."""
        if not self.writable:
            return
        try:
            with self._conn:
                self._conn.executemany(
                    "UPDATE files SET ctime_ns = ?, checksum = ? WHERE path = ? AND ctime_ns IS NULL", rows
                )
        except sqlite3.Error as exc:
            log.info("migrated cache rows not updated (%s); they are updated on a later scan", exc)

    def _end_read(self) -> None:
        # Ends the implicit transaction the temp table opened: a read left open pins an old
        # snapshot, and this connection's next write would then fail at once ("database is
        # locked", no wait) whenever another scan wrote meanwhile.
        try:
            self._conn.execute("DELETE FROM wanted")
            self._conn.commit()
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                self._conn.rollback()

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
            self._end_read()

    def __len__(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]

    # -- writing -------------------------------------------------------------------------------
    # Each write is skipped while ``writable`` is False; a failure raises, and the caller hands
    # it to :meth:`recover`, which decides whether writing stops or the file is rebuilt.
    def store(self, items: Iterable[tuple[ImageRecord, bytes | None]]) -> None:
        """Insert or replace rows (record, feature bytes or None) in one transaction.

        Replacing a row whose identity changed also drops that file's embeddings.
        """
        if not self.writable:
            return
        now = int(time.time())
        rows = [
            (
                _key(r.path),
                r.size,
                r.mtime_ns,
                _signed(r.inode),
                _signed(r.device),
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
                messages.to_json(r.error),
                r.camera,
                r.quality,
                r.ctime_ns,
                row_checksum(feats, r.partial, r.digest),
            )
            for r, feats in items
        ]
        if not rows:
            return
        with self._conn:
            self._conn.executemany(
                "DELETE FROM embeddings WHERE path = ? AND NOT EXISTS (SELECT 1 FROM files f"
                " WHERE f.path = embeddings.path AND f.size = ? AND f.mtime_ns = ?"
                " AND f.inode = ? AND f.device = ? AND f.ctime_ns = ?)",
                ((r[0], r[1], r[2], r[3], r[4], r[18]) for r in rows),
            )
            self._conn.executemany(
                "INSERT OR REPLACE INTO files (path, size, mtime_ns, inode, device, partial, digest,"
                " width, height, format, taken, feat_version, features, error, seen, error_code, camera,"
                " quality, ctime_ns, checksum) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )

    def store_hashes(self, items: Iterable[tuple[ImageRecord]]) -> None:
        """Update only the content hashes (and the checksum) of rows that already exist for the
        same file, and only rows whose checksum still holds (a damaged one stays untrusted)."""
        if not self.writable:
            return
        with self._conn:
            self._conn.executemany(
                "UPDATE files SET partial = ?, digest = ?, checksum = dv_checksum(features, ?, ?)"
                " WHERE path = ? AND size = ? AND mtime_ns = ? AND inode = ? AND device = ?"
                " AND ctime_ns = ? AND checksum = dv_checksum(features, partial, digest)",
                (
                    (r.partial, r.digest, r.partial, r.digest, _key(r.path), r.size, r.mtime_ns, *_ids(r))
                    for (r,) in items
                ),
            )

    def store_embeddings(self, items: Iterable[tuple[str, np.ndarray]], model: str) -> None:
        if not self.writable:
            return
        with self._conn:
            self._conn.executemany(
                "INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)",
                ((_key(p), model, np.asarray(v, dtype=np.float32).tobytes()) for p, v in items),
            )

    def forget(self, paths_: Iterable[str]) -> None:
        if not self.writable:
            return
        keys = [(_key(p),) for p in paths_]
        with self._conn:
            self._conn.executemany("DELETE FROM files WHERE path = ?", keys)
            self._conn.executemany("DELETE FROM embeddings WHERE path = ?", keys)

    def iter_paths(self) -> Iterator[str]:
        for (p,) in self._conn.execute("SELECT path FROM files"):
            yield os.fsdecode(p)
