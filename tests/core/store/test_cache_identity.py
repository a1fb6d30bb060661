"""A file rewritten in place with its size kept and its mtime put back is another file: the
feature cache, the saved pairs and the migration of older caches all go by its ctime too."""

from __future__ import annotations

import io
import os
import sqlite3
from pathlib import Path

import numpy as np
from PIL import Image

from dupe_viewer.core import ScanOptions, ScanResult, run_scan
from dupe_viewer.core.files.discovery import discover
from dupe_viewer.core.files.records import ImageRecord
from dupe_viewer.core.match import incremental
from dupe_viewer.core.match.incremental import MatchInput
from dupe_viewer.core.options import DiscoveryOptions
from dupe_viewer.core.result import PairTable
from dupe_viewer.core.store import feature_cache as cache_mod
from dupe_viewer.core.store.feature_cache import FeatureCache
from tests.core.store.test_feature_cache import _feature_bytes, _rec
from tests.library import photo


def _bmp(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "BMP")  # uncompressed: the same size for any picture of these dimensions
    return buf.getvalue()


def _rewrite_in_place(path: Path, data: bytes) -> None:
    """New bytes, same length, same inode, the old mtime restored: only the ctime tells."""
    st = path.stat()
    assert len(data) == st.st_size
    with open(path, "r+b") as fh:
        fh.write(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (st.st_size, st.st_mtime_ns, st.st_ino)
    assert after.st_ctime_ns != st.st_ctime_ns


def _keys(folder: Path) -> list[tuple[str, int, int, int, int, int]]:
    return [
        (e.path, e.size, e.mtime_ns, e.inode, e.device, e.ctime_ns)
        for e in discover([folder], DiscoveryOptions())
        if not hasattr(e, "error")
    ]


def test_the_ctime_is_part_of_the_identity(tmp_path: Path) -> None:
    with FeatureCache(tmp_path / "c.sqlite3") as c:
        c.store([(_rec("/a.jpg", ctime_ns=11), _feature_bytes(1))])
        hit = c.lookup([("/a.jpg", 100, 5, 7, 1, 11)])
        assert hit["/a.jpg"].record.ctime_ns == 11
        assert c.lookup([("/a.jpg", 100, 5, 7, 1, 12)]) == {}


def test_a_rewritten_file_is_not_served_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    folder.mkdir()
    target = folder / "a.bmp"
    target.write_bytes(_bmp(photo(1, (64, 48))))
    with FeatureCache(tmp_path / "c.sqlite3") as c:
        (key,) = _keys(folder)
        c.store([(ImageRecord(*key[:5], ctime_ns=key[5], width=64, height=48), _feature_bytes(1))])
        assert set(c.lookup(_keys(folder))) == {str(target)}
        _rewrite_in_place(target, _bmp(photo(2, (64, 48))))
        assert c.lookup(_keys(folder)) == {}


def _names(result: ScanResult, i: int, j: int) -> frozenset[str]:
    return frozenset((Path(result.records[i].path).name, Path(result.records[j].path).name))


def _pairs(result: ScanResult) -> dict[frozenset[str], str]:
    return {
        _names(result, i, j): str(k) for (i, j), k in zip(result.pairs.ij, result.pairs.kinds, strict=True)
    }


def test_a_cached_rescan_does_not_call_a_rewritten_copy_exact(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    same = _bmp(photo(5, (64, 48)))
    (root / "a.bmp").write_bytes(same)
    (root / "b.bmp").write_bytes(same)
    opts = ScanOptions(deep=False, workers=1)
    first = run_scan([root], opts)
    assert first is not None and _pairs(first) == {frozenset({"a.bmp", "b.bmp"}): "exact"}
    _rewrite_in_place(root / "b.bmp", _bmp(photo(77, (64, 48))))
    again = run_scan([root], opts)
    assert again is not None
    assert again.stats.from_cache == 1  # a.bmp only
    assert _pairs(again).get(frozenset({"a.bmp", "b.bmp"})) != "exact"


def test_a_rescan_does_not_reuse_the_pairs_of_a_rewritten_file(tmp_path: Path) -> None:
    root = tmp_path / "lib"
    root.mkdir()
    base = photo(5, (64, 48))
    base.save(root / "a.png")
    (root / "b.bmp").write_bytes(_bmp(base))  # the same picture in another format: a near pair
    opts = ScanOptions(deep=False, workers=1)
    first = run_scan([root], opts)
    assert first is not None and frozenset({"a.png", "b.bmp"}) in _pairs(first)
    _rewrite_in_place(root / "b.bmp", _bmp(photo(77, (64, 48))))
    again = run_scan([root], opts)
    assert again is not None and _pairs(again) == {} and again.groups == []


def test_saved_pairs_go_by_inode_and_ctime(tmp_path: Path) -> None:
    def job(inode: int, ctime: int) -> MatchInput:
        recs = [
            ImageRecord("/a.jpg", 10, 20, 30, 1, ctime_ns=40),
            ImageRecord("/b.jpg", 10, 20, inode, 1, ctime_ns=ctime),
        ]
        return MatchInput(feats=np.zeros(0), records=recs, roots=["/"])

    table = PairTable.empty()
    old = incremental.stored(job(31, 41), table)
    assert incremental.unchanged(old, job(31, 41)).tolist() == [0, 1]
    assert incremental.unchanged(old, job(99, 41)).tolist() == [0, -1]  # replaced by another file
    assert incremental.unchanged(old, job(31, 42)).tolist() == [0, -1]  # rewritten in place


#: The schema of version 2 (before ctime and checksums), as older releases created it.
_V2 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path BLOB PRIMARY KEY,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, device INTEGER NOT NULL,
    partial BLOB, digest BLOB,
    width INTEGER, height INTEGER, format TEXT, taken TEXT, camera TEXT, quality REAL,
    feat_version INTEGER, features BLOB, error TEXT,
    seen INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE embeddings (
    path BLOB NOT NULL, model TEXT NOT NULL, vector BLOB NOT NULL,
    PRIMARY KEY (path, model)
);
"""


def test_a_version_2_cache_is_migrated_and_its_rows_trusted_once(tmp_path: Path) -> None:
    """An upgrade must not read a whole library again: a row from before ctime was kept is
    served on the identity it was cached with, and gets the file's ctime, so from then on a
    rewrite in place is caught like any other."""
    db = tmp_path / "c.sqlite3"
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA application_id={cache_mod.APPLICATION_ID}")
    conn.executescript(_V2)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    conn.execute(
        "INSERT INTO files (path, size, mtime_ns, inode, device, width, height, format, feat_version,"
        " features) VALUES (?, 100, 5, 7, 1, 40, 30, 'JPEG', ?, ?)",
        (b"/a.jpg", cache_mod.FEATURE_VERSION, _feature_bytes(1)),
    )
    conn.commit()
    conn.close()
    with FeatureCache(db) as c:
        assert c.warnings == []  # migrated, not rebuilt
        assert len(c) == 1
        assert c.lookup([("/a.jpg", 100, 6, 7, 1, 42)]) == {}  # another mtime: changed
        got = c.lookup([("/a.jpg", 100, 5, 7, 1, 42)])
        assert set(got) == {"/a.jpg"} and got["/a.jpg"].record.ctime_ns == 42
        assert c.warnings == []  # no checksum yet is not damage
        assert set(c.lookup([("/a.jpg", 100, 5, 7, 1, 42)])) == {"/a.jpg"}  # now with its ctime
        assert c.lookup([("/a.jpg", 100, 5, 7, 1, 43)]) == {}  # rewritten in place since
    assert sorted(p.name for p in tmp_path.iterdir() if ".broken" in p.name) == []
