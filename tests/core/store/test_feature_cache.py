"""The SQLite feature cache: identity keys, rebuild of broken or foreign databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from dupe_viewer.core.features import perceptual as features
from dupe_viewer.core.files.records import ImageRecord
from dupe_viewer.core.store import feature_cache as cache_mod
from dupe_viewer.core.store.feature_cache import FeatureCache


def _feature_bytes(seed: int) -> bytes:
    rng = np.random.default_rng(seed)
    rec = np.zeros((), dtype=features.FEATURE_DTYPE)
    rec["phash"] = rng.integers(0, 2**63, 8, dtype=np.uint64)
    rec["thumb"] = rng.integers(0, 255, (32, 32), dtype=np.uint8)
    rec["chroma"] = 12.5
    return rec.tobytes()


def _rec(path: str, size: int = 100, mtime: int = 5, **kw: object) -> ImageRecord:
    return ImageRecord(
        path=path, size=size, mtime_ns=mtime, inode=7, device=1, width=40, height=30, format="JPEG", **kw
    )


def test_roundtrip_and_identity(tmp_path: Path) -> None:
    with FeatureCache(tmp_path / "c.sqlite3") as c:
        c.store([(_rec("/a.jpg", taken="2020:01:02 03:04:05"), _feature_bytes(1)), (_rec("/b.jpg"), None)])
        hit = c.lookup([("/a.jpg", 100, 5, 7, 1, 0), ("/b.jpg", 100, 5, 7, 1, 0)])
        assert hit["/a.jpg"].record.taken == "2020:01:02 03:04:05"
        assert hit["/a.jpg"].features is not None
        assert hit["/a.jpg"].features.tobytes() == _feature_bytes(1)
        assert hit["/b.jpg"].features is None
        # Any change of size, mtime, inode or device makes the row invisible (ctime: test_cache_identity).
        for changed in (
            ("/a.jpg", 101, 5, 7, 1, 0),
            ("/a.jpg", 100, 6, 7, 1, 0),
            ("/a.jpg", 100, 5, 8, 1, 0),
            ("/a.jpg", 100, 5, 7, 2, 0),
        ):
            assert c.lookup([changed]) == {}


def test_errors_are_cached(tmp_path: Path) -> None:
    with FeatureCache(tmp_path / "c.sqlite3") as c:
        c.store([(_rec("/bad.jpg", error="corrupt image data"), None)])
        hit = c.lookup([("/bad.jpg", 100, 5, 7, 1, 0)])
        assert hit["/bad.jpg"].record.error == "corrupt image data"


def test_old_feature_version_is_recomputed(tmp_path: Path, monkeypatch) -> None:
    with FeatureCache(tmp_path / "c.sqlite3") as c:
        c.store([(_rec("/a.jpg", error="x"), _feature_bytes(1))])
        monkeypatch.setattr(cache_mod, "FEATURE_VERSION", features.FEATURE_VERSION + 1)
        hit = c.lookup([("/a.jpg", 100, 5, 7, 1, 0)])
        assert hit["/a.jpg"].features is None
        assert hit["/a.jpg"].record.error is None  # an old decoder's verdict is not trusted


def test_non_utf8_path(tmp_path: Path) -> None:
    weird = "/photos/caf\udce9.jpg"  # surrogate-escaped byte 0xE9, as os.fsdecode gives on POSIX
    with FeatureCache(tmp_path / "c.sqlite3") as c:
        c.store([(_rec(weird), _feature_bytes(2))])
        assert weird in c.lookup([(weird, 100, 5, 7, 1, 0)])
        assert weird in list(c.iter_paths())


def test_garbage_file_is_rebuilt_with_warning(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    db.write_bytes(b"this is not a database at all" * 100)
    with FeatureCache(db) as c:
        assert any("rebuilt" in w for w in c.warnings)
        c.store([(_rec("/a.jpg"), _feature_bytes(1))])
        assert len(c) == 1
    assert (tmp_path / "c.sqlite3.broken").exists()


def test_foreign_database_is_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE files (x TEXT)")
    conn.execute("INSERT INTO files VALUES ('someone else''s data')")
    conn.commit()
    conn.close()
    with FeatureCache(db) as c:
        assert any("not a dupe_viewer cache" in w for w in c.warnings)
        assert len(c) == 0


def test_schema_version_mismatch_is_rebuilt(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    with FeatureCache(db) as c:
        c.store([(_rec("/a.jpg"), _feature_bytes(1))])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with FeatureCache(db) as c:
        assert any("schema version" in w for w in c.warnings)
        assert len(c) == 0


def test_damaged_pages_are_recovered(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    with FeatureCache(db) as c:
        c.store([(_rec(f"/img{i}.jpg"), _feature_bytes(i)) for i in range(300)])
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(db.read_bytes())
    # Overwrite everything after the header page: the file still opens, its tables are garbage.
    data[4096:] = b"\xff" * (len(data) - 4096)
    db.write_bytes(bytes(data))
    c = FeatureCache(db)
    try:
        try:
            c.lookup([("/img1.jpg", 100, 5, 7, 1, 0)])
        except sqlite3.DatabaseError as exc:
            c.recover(exc)
        c.store([(_rec("/new.jpg"), _feature_bytes(9))])
        assert "/new.jpg" in c.lookup([("/new.jpg", 100, 5, 7, 1, 0)])
    finally:
        c.close()


def test_embeddings_dropped_when_file_changes(tmp_path: Path) -> None:
    with FeatureCache(tmp_path / "c.sqlite3") as c:
        c.store([(_rec("/a.jpg"), _feature_bytes(1))])
        c.store_embeddings([("/a.jpg", np.ones(4, np.float32))], model="m1")
        assert set(c.embeddings(["/a.jpg"], "m1")) == {"/a.jpg"}
        assert c.embeddings(["/a.jpg"], "other-model") == {}
        c.store([(_rec("/a.jpg"), _feature_bytes(1))])  # same identity: embedding kept
        assert set(c.embeddings(["/a.jpg"], "m1")) == {"/a.jpg"}
        c.store([(_rec("/a.jpg", mtime=99), _feature_bytes(1))])  # file changed
        assert c.embeddings(["/a.jpg"], "m1") == {}
