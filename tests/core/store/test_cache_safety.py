"""A healthy feature cache is never thrown away: a lock held by another program, two scans at
once, a read-only place and a full disk all leave it where it is (the scan goes on without
saving); only real damage sets it aside, under a name no later damage overwrites. Rows whose
checksum does not match are recomputed."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from dupe_viewer.core import ScanOptions, paths, run_scan
from dupe_viewer.core.files.records import ImageRecord
from dupe_viewer.core.store import feature_cache as cache_mod
from dupe_viewer.core.store.feature_cache import FeatureCache
from tests.core.store.test_feature_cache import _feature_bytes, _rec
from tests.library import photo


@pytest.fixture
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    # The real wait for a lock is many seconds; raising=False: code without the knob still runs.
    monkeypatch.setattr(cache_mod, "BUSY_TIMEOUT", 0.2, raising=False)


def _key(path: str, ctime: int = 0) -> tuple[str, int, int, int, int, int]:
    return (path, 100, 5, 7, 1, ctime)


def _filled(db: Path, n: int = 3) -> None:
    with FeatureCache(db) as c:
        c.store([(_rec(f"/img{i}.jpg"), _feature_bytes(i)) for i in range(n)])


def _asides(db: Path) -> list[Path]:
    """Every other file named after the cache (a copy set aside), but its WAL files."""
    own = {db.name, db.name + "-wal", db.name + "-shm"}
    return sorted(p for p in db.parent.iterdir() if p.name.startswith(db.name) and p.name not in own)


def _rows(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM files").fetchone()[0]
    finally:
        conn.close()


def _store(c: FeatureCache, items: list[tuple[ImageRecord, bytes | None]]) -> None:
    """Store as the scan does: a failure is handed to recover()."""
    try:
        c.store(items)
    except sqlite3.DatabaseError as exc:
        c.recover(exc)


def _discarded(warnings: list[str]) -> bool:
    return any("rebuilt" in w or "moved" in w for w in warnings)


def test_a_write_lock_held_elsewhere_leaves_the_cache_alone(tmp_path: Path, quick_busy: None) -> None:
    db = tmp_path / "c.sqlite3"
    _filled(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with FeatureCache(db) as c:
            assert set(c.lookup([_key("/img0.jpg")])) == {"/img0.jpg"}  # reading goes on
            _store(c, [(_rec("/new.jpg"), _feature_bytes(9))])
            assert any("in use" in w and "not saved" in w for w in c.warnings), c.warnings
            assert not _discarded(c.warnings)
            c.store([(_rec("/later.jpg"), _feature_bytes(8))])  # writes are off: no second wait
    finally:
        holder.rollback()
        holder.close()
    assert _asides(db) == [] and _rows(db) == 3


def test_a_lock_released_within_the_timeout_is_waited_for(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _filled(db)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, lambda: holder.execute("COMMIT")).start()
    with FeatureCache(db) as c:
        c.store([(_rec("/new.jpg"), _feature_bytes(9))])
        assert c.warnings == []
    holder.close()
    assert _rows(db) == 4


def test_two_caches_on_one_file_interleave(tmp_path: Path, quick_busy: None) -> None:
    """The GUI and the CLI scanning at once: each reads, the other writes, both keep writing."""
    db = tmp_path / "c.sqlite3"
    _filled(db)
    with FeatureCache(db) as gui, FeatureCache(db) as cli:
        for step in range(3):
            assert "/img0.jpg" in gui.lookup([_key("/img0.jpg")])
            assert "/img1.jpg" in cli.lookup([_key("/img1.jpg")])
            _store(cli, [(_rec(f"/cli{step}.jpg"), _feature_bytes(step))])
            _store(gui, [(_rec(f"/gui{step}.jpg"), _feature_bytes(step))])
        assert gui.warnings == [] and cli.warnings == []
    assert _asides(db) == [] and _rows(db) == 9


def test_two_scans_at_once_on_one_cache(tmp_path: Path, quick_busy: None) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    for s in range(12):
        photo(s, (96, 72)).save(root / f"{s}.png")
    results = []

    def one() -> None:
        results.append(run_scan([root], ScanOptions(deep=False, workers=1)))

    threads = [threading.Thread(target=one) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r is not None and not _discarded(r.warnings) for r in results), [r.warnings for r in results]
    db = paths.cache_dir() / "features.sqlite3"
    assert _asides(db) == [] and _rows(db) == 12


@contextlib.contextmanager
def _read_only(*targets: Path) -> Iterator[None]:
    """Make ``targets`` unwritable: permissions, and the immutable flag where permissions do not
    bind (root); skips when neither works here."""
    modes = {t: t.stat().st_mode for t in targets}
    for t in targets:
        t.chmod(0o555 if t.is_dir() else 0o444)
    flagged: list[Path] = []
    try:
        if any(_writable(t) for t in targets):
            for t in targets:
                if subprocess.run(["chattr", "+i", str(t)], capture_output=True).returncode != 0:
                    pytest.skip("cannot make a file read-only here (root without chattr)")
                flagged.append(t)
        yield
    finally:
        for t in flagged:
            subprocess.run(["chattr", "-i", str(t)], capture_output=True)
        for t, mode in modes.items():
            t.chmod(mode)


def _writable(path: Path) -> bool:
    import os

    return os.access(path, os.W_OK)


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_cache_is_read_and_kept(tmp_path: Path, what: str) -> None:
    db = tmp_path / "cache" / "c.sqlite3"
    db.parent.mkdir()
    _filled(db)
    with _read_only(db, *([db.parent] if what == "folder" else [])), FeatureCache(db) as c:
        assert any("read-only" in w and "not saved" in w for w in c.warnings), c.warnings
        assert not _discarded(c.warnings)
        assert set(c.lookup([_key("/img0.jpg")])) == {"/img0.jpg"}
        _store(c, [(_rec("/new.jpg"), _feature_bytes(9))])
        assert not _discarded(c.warnings)
    assert _asides(db) == [] and _rows(db) == 3


def test_a_full_disk_keeps_the_cache(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _filled(db)
    c = FeatureCache(db)
    try:
        pages = c._conn.execute("PRAGMA page_count").fetchone()[0]
        c._conn.execute(f"PRAGMA max_page_count = {pages}")  # no room for one more page
        _store(c, [(_rec(f"/big{i}.jpg"), _feature_bytes(i)) for i in range(300)])
        assert any("full" in w and "not saved" in w for w in c.warnings), c.warnings
        assert not _discarded(c.warnings)
        c.store([(_rec("/later.jpg"), _feature_bytes(8))])  # writes are off for this scan
        assert "/img2.jpg" in c.lookup([_key("/img2.jpg")])
    finally:
        c.close()
    assert _asides(db) == [] and _rows(db) == 3


def test_damaged_caches_are_set_aside_under_new_names(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    messages = []
    for junk in (b"first garbage " * 300, b"second garbage " * 300):
        db.write_bytes(junk)
        with FeatureCache(db) as c:
            messages.extend(c.warnings)
            assert len(c) == 0
        time.sleep(0.01)
    asides = _asides(db)
    assert sorted(p.read_bytes()[:6] for p in asides) == [b"first ", b"second"]
    for msg, aside in zip(messages, asides, strict=True):
        assert aside.name in msg  # the message says where it went


def test_an_unexplained_error_on_a_healthy_cache_keeps_it(tmp_path: Path) -> None:
    db = tmp_path / "c.sqlite3"
    _filled(db)
    with FeatureCache(db) as c:
        c.recover(sqlite3.OperationalError("something unexpected"))
        assert not _discarded(c.warnings)
        assert set(c.lookup([_key("/img0.jpg")])) == {"/img0.jpg"}
    assert _asides(db) == [] and _rows(db) == 3


@pytest.mark.parametrize("column", ["features", "digest"])
def test_scrambled_rows_are_recomputed(tmp_path: Path, column: str) -> None:
    db = tmp_path / "c.sqlite3"
    with FeatureCache(db) as c:
        c.store(
            [
                (_rec(f"/img{i}.jpg", digest=bytes(range(16)), partial=bytes(16)), _feature_bytes(i))
                for i in range(3)
            ]
        )
    conn = sqlite3.connect(db)
    (blob,) = conn.execute(f"SELECT {column} FROM files WHERE path = ?", (b"/img1.jpg",)).fetchone()
    scrambled = bytes(np.roll(np.frombuffer(blob, np.uint8), 1))  # same length, other bytes
    assert scrambled != blob
    conn.execute(f"UPDATE files SET {column} = ? WHERE path = ?", (scrambled, b"/img1.jpg"))
    conn.commit()
    conn.close()
    with FeatureCache(db) as c:
        hit = c.lookup([_key(f"/img{i}.jpg") for i in range(3)])
        assert set(hit) == {"/img0.jpg", "/img2.jpg"}
        (msg,) = c.warnings
        assert "1 " in msg and "damaged" in msg
