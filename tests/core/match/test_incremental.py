"""Rescans reuse the pairs of the previous scan and only match new or changed files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import ImageOps

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.features.perceptual import FEATURE_DTYPE
from dupe_viewer.core.files.records import ImageRecord
from dupe_viewer.core.match import candidates, stage
from dupe_viewer.core.match.incremental import MatchInput
from dupe_viewer.core.result import PairTable
from dupe_viewer.core.store.knn import EXACT_LIMIT, HAVE_HNSWLIB
from dupe_viewer.core.store.pair_store import PairStore, StoredPairs
from tests.library import PhotoLibrary, photo


def _groups(result) -> list[frozenset[str]]:
    return sorted(
        (frozenset(Path(result.records[m.index].path).name for m in g.members) for g in result.groups),
        key=sorted,
    )


@pytest.fixture
def lib(tmp_path: Path) -> Path:
    lib = PhotoLibrary(tmp_path / "lib")
    for s in range(6):
        lib.original(
            f"p{s}.jpg",
            photo(300 + s, (320, 240)),
            variants={
                f"p{s}_small.png": lambda img: img.resize((160, 120)),
                f"p{s}_mirror.jpg": (ImageOps.mirror, {"quality": 85}),
            },
            quality=92,
        )
    lib.unrelated(10, 700, (300, 220), lambda k: f"other{k}.jpg", quality=90)
    return lib.root


def test_rescan_matches_nothing_and_reuses_every_pair(lib: Path) -> None:
    first = run_scan([lib])
    second = run_scan([lib])
    assert first.stats.matched == len(first.records)
    assert second.stats.matched == 0
    assert second.stats.pairs_reused == len(first.pairs)
    assert _groups(first) == _groups(second)
    np.testing.assert_allclose(np.sort(first.pairs.similarity), np.sort(second.pairs.similarity))


def test_new_changed_and_deleted_files_give_the_groups_of_a_fresh_scan(lib: Path) -> None:
    run_scan([lib])
    photo(303, (320, 240)).rotate(90, expand=True).save(lib / "p3_rot.jpg", quality=90)  # new copy
    photo(999, (320, 240)).save(lib / "p1_small.png")  # changed: no longer a copy of p1
    (lib / "p2_mirror.jpg").unlink()  # deleted
    again = run_scan([lib])
    assert again.stats.matched == 2  # the new file and the changed one
    assert again.stats.pairs_reused > 0
    fresh = run_scan([lib], ScanOptions(use_cache=False))
    assert _groups(again) == _groups(fresh)
    names = {n for g in _groups(again) for n in g}
    assert "p3_rot.jpg" in names and "p1_small.png" not in names and "p2_mirror.jpg" not in names


def test_other_folders_and_settings_keep_their_own_pairs(lib: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(lib / "p0.jpg", other / "a.jpg")
    photo(300, (320, 240)).resize((200, 150)).save(other / "b.png")
    run_scan([lib])
    assert run_scan([other]).stats.matched == 2
    assert run_scan([lib]).stats.matched == 0  # its pairs survived the other scan
    stricter = run_scan([lib], ScanOptions(min_threshold=0.6))
    assert stricter.stats.matched == len(stricter.records)  # another floor: matched again
    # Both folders at once: a new scope, and pairs across the folders are found.
    both = run_scan([lib, other])
    assert any({"p0.jpg", "a.jpg"} <= g or {"p0.jpg", "b.png"} <= g for g in _groups(both))


def test_damaged_pair_file_is_ignored_with_a_warning(lib: Path, isolated_home: Path) -> None:
    first = run_scan([lib])
    (saved,) = (isolated_home / "cache" / "pairs").glob("*.npz")
    saved.write_bytes(b"not a zip file")
    again = run_scan([lib])
    assert any("saved matches" in w and "damaged" in w for w in again.warnings)
    assert again.stats.matched == len(again.records)
    assert _groups(again) == _groups(first)
    assert run_scan([lib]).stats.matched == 0  # and saved again


def test_pair_store_round_trip_and_pruning(tmp_path: Path) -> None:
    stored = StoredPairs(
        paths=["/a/x.jpg", "/a/ÿ.jpg", "/a/z.jpg"],
        ident=np.array([[1, 2], [3, 4], [5, 6]]),
        has_vector=np.array([True, False, True]),
        table=PairTable(
            ij=np.array([[0, 1], [1, 2]]),
            similarity=np.array([0.9, 0.7], np.float32),
            kinds=np.array(["near", "edited"]),
            deep_similarity=np.array([np.nan, 0.85], np.float32),
            crop_box=np.full((2, 4), np.nan, np.float32),
            crop_container=np.array([-1, 1], np.int8),
        ),
    )
    PairStore(tmp_path, "k").save(stored)
    back = PairStore(tmp_path, "k").load()
    assert back is not None and back.paths == stored.paths
    assert back.table.kinds.tolist() == ["near", "edited"]
    np.testing.assert_array_equal(back.table.ij, stored.table.ij)
    np.testing.assert_array_equal(back.table.crop_container, stored.table.crop_container)
    assert PairStore(tmp_path, "missing").load() is None
    assert PairStore(None, "k").load() is None
    for i in range(20):
        PairStore(tmp_path, f"s{i}").save(stored)
    assert len(list(tmp_path.glob("*.npz"))) <= 12


def _synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """``n`` smooth random thumbnails; every 10th image has a noisy copy right after it."""
    rng = np.random.default_rng(seed)
    feats = np.zeros(n, dtype=FEATURE_DTYPE)
    grid = rng.uniform(0, 255, (n, 4, 4)).astype(np.float32)
    thumbs = np.repeat(np.repeat(grid, 8, axis=1), 8, axis=2) + rng.normal(0, 8, (n, 32, 32))
    planted = []
    for i in range(0, n - 1, 10):
        thumbs[i + 1] = thumbs[i] + rng.normal(0, 3, (32, 32))
        planted.append((i, i + 1))
    feats["thumb"] = np.clip(thumbs, 0, 255).astype(np.uint8)
    feats["phash"] = rng.integers(0, 2**63, (n, 8), dtype=np.uint64)
    feats["dhash"] = feats["phash"]
    for a, b in planted:
        feats["phash"][b] = feats["phash"][a]
        feats["dhash"][b] = feats["dhash"][a]
    return feats, planted


@pytest.mark.skipif(not HAVE_HNSWLIB, reason="the persisted hash index needs hnswlib")
def test_large_collection_grows_the_persisted_hash_index(tmp_path: Path) -> None:
    n = EXACT_LIMIT + 600
    feats, planted = _synthetic(n + 20)
    recs = [ImageRecord(f"/syn/{i:05d}.jpg", 1000 + i, 1, i, 1) for i in range(n + 20)]

    def run(count: int) -> stage.Matched:
        job = MatchInput(
            feats=feats[:count],
            records=recs[:count],
            roots=["/syn"],
            directory=tmp_path,
            present={r.path for r in recs[:count]},
        )
        return stage.match(job, ScanOptions(), None)

    first = run(n)
    found = {tuple(p) for p in first.table.ij.tolist()}
    assert all(p in found for p in planted if p[1] < n)
    (meta_file,) = (tmp_path / "vectors").glob("*/meta.json")
    meta = json.loads(meta_file.read_text())
    assert (meta["M"], meta["ef_construction"]) == (candidates.HNSW["M"], candidates.HNSW["ef_construction"])
    grown = run(n + 20)  # 20 new files: only they ask the index
    assert grown.matched == 20 and grown.reused == len(first.table)
    found = {tuple(p) for p in grown.table.ij.tolist()}
    assert all(p in found for p in planted)


def test_a_folder_scanned_empty_then_filled_is_scanned_as_new(lib: Path, tmp_path: Path) -> None:
    # The pairs saved by a scan that found no image have no members; the next scan of the
    # filled folder indexed into them and failed ("The scan failed" in the window).
    root = tmp_path / "later"
    (root / "backup").mkdir(parents=True)
    empty = run_scan([root])
    assert empty is not None and len(empty.records) == 0
    for f in lib.iterdir():
        shutil.copy2(f, root / "backup" / f.name)
    filled = run_scan([root])
    assert filled is not None and filled.stats.matched == len(filled.records) > 0
    fresh = run_scan([root], ScanOptions(use_cache=False))
    assert _groups(filled) == _groups(fresh) and len(_groups(filled)) >= 6
