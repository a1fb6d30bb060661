"""Merging partitions' pairs as they arrive gives exactly what one selection over all gives, its
buckets on disk or not; where the disk fails, the pairs stay in memory or the merge stops."""

from __future__ import annotations

import errno
import os
import socket
import subprocess
import sys
import tempfile
from functools import partial
from pathlib import Path

import numpy as np
import pytest

from dupe_viewer.core.cluster import deep_partitions, merge, partitions
from dupe_viewer.core.cluster.merge import BucketMerge, SpillLost, unordered
from dupe_viewer.core.cluster.runner import SerialRunner
from dupe_viewer.core.errors import CacheError


def _raw(n: int, rows: int, seed: int) -> tuple[np.ndarray, ...]:
    """Pairs as partitions return them: many per query, the same pair found in several
    partitions with different scores (all distinct, so the selection has no ties)."""
    rng = np.random.default_rng(seed)
    q = rng.integers(0, n, rows).astype(np.int64)
    nb = rng.integers(0, 40, rows).astype(np.int64)  # few distinct neighbours: many repeats
    score = rng.permutation(rows).astype(np.float32) / rows
    orient = rng.integers(0, 8, rows).astype(np.int8)
    return q, nb, orient, score


def _arrivals(cols: tuple[np.ndarray, ...], parts: int, seed: int) -> list[tuple[np.ndarray, ...]]:
    order = np.random.default_rng(seed).permutation(len(cols[0]))
    return [tuple(c[chunk] for c in cols) for chunk in np.array_split(order, parts)]


def _as_set(cols: tuple[np.ndarray, ...] | None) -> set[tuple]:
    assert cols is not None
    return set(zip(*(c.tolist() for c in cols), strict=True))


@pytest.mark.parametrize("buckets, min_buffer", [(1, 1), (7, 50), (64, 10**9)])
def test_hash_selection_merged_in_pieces_equals_one_selection(buckets: int, min_buffer: int) -> None:
    n = 300
    cols = _raw(n, 20_000, 0)
    whole = partitions._top_hash(cols)
    merged = BucketMerge(n, partitions._top_hash, buckets=buckets, min_buffer=min_buffer)
    for part in _arrivals(cols, 37, 1):
        merged.add(part)
    got = merged.result()
    assert _as_set(got) == _as_set(whole)
    # Every query keeps several candidates: the selection really dropped some (it can fail).
    assert len(whole[0]) < len(cols[0]) / 4


@pytest.mark.parametrize("buckets, min_buffer", [(1, 1), (5, 30)])
def test_deep_selection_merged_in_pieces_equals_one_selection(buckets: int, min_buffer: int) -> None:
    n = 200
    q, nb, _, sim = _raw(n, 10_000, 2)
    reduce = partial(deep_partitions._top_deep, n=n, k=6)
    whole = reduce((q, nb, sim))
    merged = BucketMerge(n, reduce, buckets=buckets, min_buffer=min_buffer)
    for part in _arrivals((q, nb, sim), 23, 3):
        merged.add(part)
    assert _as_set(merged.result()) == _as_set(whole)
    assert np.bincount(whole[0], minlength=n).max() == 6


def test_nothing_added_merges_to_nothing() -> None:
    merged = BucketMerge(10, partitions._top_hash)
    merged.add((np.empty(0, np.int64),) * 4)
    assert merged.result() is None


def test_buckets_spilled_to_disk_merge_to_the_same_pairs_and_leave_no_file() -> None:
    n = 300
    cols = _raw(n, 20_000, 5)
    whole = partitions._top_hash(cols)
    merged = BucketMerge(n, partitions._top_hash, buckets=4, min_buffer=100, spill_rows=200)
    for part in _arrivals(cols, 37, 6):
        merged.add(part)
    assert merged.spilled > 0 and merged._folder is not None  # files written before the end
    folder = merged._folder
    assert any(folder.iterdir()) and 0 < max(merged.kept_rows) <= len(whole[0])
    assert _as_set(merged.result()) == _as_set(whole)
    assert not folder.exists()


def _spilling() -> tuple[BucketMerge, Path]:
    merged = BucketMerge(300, partitions._top_hash, buckets=2, min_buffer=10, spill_rows=20)
    for part in _arrivals(_raw(300, 5_000, 7), 9, 8):
        merged.add(part)
    assert merged._folder is not None
    return merged, merged._folder


def test_an_abandoned_merge_removes_its_files() -> None:
    merged, folder = _spilling()
    reading = merged.buckets_reduced()
    first = next(reading)  # a consumer that stops (a cancelled scan)...
    assert len(first[0]) and any(folder.iterdir())
    merged.close()
    assert not folder.exists()

    merged, folder = _spilling()
    reading = merged.buckets_reduced()
    next(reading)
    del reading  # ...or lets go of the reading
    assert not folder.exists()


@pytest.mark.parametrize("spill_rows", [None, 300])
def test_partitioned_hash_search_merges_as_one_selection_over_every_partition(
    spill_rows: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The partitions' raw pairs, selected at once (as before merging on arrival), give the very
    # same candidates, orientations and correlations as the bucketed merge (its buckets written
    # to disk too).
    from dupe_viewer.core.cluster import merge
    from dupe_viewer.core.match import candidates

    spilled: list[int] = []
    if spill_rows is not None:
        monkeypatch.setattr(merge, "SPILL_ROWS", spill_rows)
        real = merge.BucketMerge._spill
        monkeypatch.setattr(merge.BucketMerge, "_spill", lambda m, k, c: spilled.append(k) or real(m, k, c))
    from tests.core.cluster.test_partitions import _planted

    thumbs, _ = _planted(1200, 150)
    prep = candidates.prepare(thumbs)
    payloads = partitions._hash_payloads(
        SerialRunner(),
        prep,
        150,
        partitions.quantiser.BOUNDARY,
        candidates.CANDIDATE_MIN_CORR,
        partitions.SearchStats(),
    )
    raw = [partitions.hash_partition_task(*p) for p in payloads]
    ij = np.concatenate([r[0] for r in raw])
    once = candidates.top_per_image(
        ij[:, 0], ij[:, 1], np.concatenate([r[1] for r in raw]), np.concatenate([r[2] for r in raw])
    )
    want = candidates.Candidates.concat([once])
    stats = partitions.SearchStats()
    got = partitions.hash_candidates(SerialRunner(), prep, partition_size=150, stats=stats)
    assert len(raw) > 4 and len(got) > 1000
    assert bool(spilled) == (spill_rows is not None) and got.pairs.dtype == np.int64
    assert stats.spilled == len(spilled) and stats.spill_error is None  # both merge steps counted
    assert np.array_equal(got.pairs, want.pairs)
    assert np.array_equal(got.orientation, want.orientation)
    assert np.array_equal(got.corr, want.corr)


def test_partitioned_deep_search_returns_each_unordered_pair_once() -> None:
    rng = np.random.default_rng(4)
    v = rng.normal(size=(500, 24)).astype(np.float32)
    v[250:] = v[:250] + rng.normal(0, 0.05, (250, 24))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    pairs, cos = deep_partitions.deep_candidates(SerialRunner(), v.astype(np.float16), partition_size=50)
    assert pairs.dtype == np.int64 and (pairs[:, 0] < pairs[:, 1]).all()
    keys = pairs[:, 0] * 500 + pairs[:, 1]
    assert np.array_equal(keys, np.unique(keys))  # sorted, each once
    assert {(i, 250 + i) for i in range(250)} <= {tuple(p) for p in pairs.tolist()}
    assert len(cos) == len(pairs) and (cos <= 1.001).all()


def _fed(merged: BucketMerge, seed: int = 5) -> BucketMerge:
    for part in _arrivals(_raw(300, 20_000, seed), 37, seed + 1):
        merged.add(part)
    return merged


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_spill_files_go_to_the_cache_folder_in_a_folder_of_this_host_and_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DUPE_VIEWER_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "cache" / "merge"
    assert merge.spill_root() == root
    stale = root / f"{socket.gethostname()}-{_dead_pid()}-abcd_123"  # a killed scan's
    stale.mkdir(parents=True)
    (stale / "bucket0.npz").write_bytes(b"old")
    merged, folder = _spilling()
    assert folder.parent == root and folder.name.startswith(f"{socket.gethostname()}-{os.getpid()}-")
    assert any(folder.glob("bucket*.npz")) and not stale.exists()
    merged.result()
    assert not folder.exists() and list(root.iterdir()) == []
    monkeypatch.setattr(merge, "SPILL_DIR", tmp_path / "elsewhere")
    assert merge.spill_root() == tmp_path / "elsewhere"


def test_both_merge_steps_write_in_a_folder_each_under_spill_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    written: list[Path] = []
    real = merge._write
    monkeypatch.setattr(merge, "_write", lambda path, cols: written.append(path) or real(path, cols))
    merged = _fed(BucketMerge(300, partitions._top_hash, 4, 100, spill_rows=200, spill_dir=tmp_path))
    first = merged.spilled
    got = unordered(merged, 300, partitions._swap_orientation)
    assert got is not None and 0 < first < merged.spilled == len(written)
    assert {p.parent.parent for p in written} == {tmp_path} and len({p.parent for p in written}) == 2
    assert list(tmp_path.iterdir()) == []


def _in_the_way(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    root.parent.write_text("a file where the folder should be")
    return str(root)


def _read_only(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    # Not a chmod: the tests may run as root, whom permissions do not stop.
    def refuse(**kwargs: object) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", str(kwargs["dir"]))

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    return "Permission denied"


def _fills_up(root: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    real, calls = merge._write, []

    def write(path: Path, cols: tuple[np.ndarray, ...]) -> None:
        calls.append(path)
        if len(calls) <= 2:  # the disk fills up after two buckets
            return real(path, cols)
        path.write_bytes(b"PK\x03\x04 half a bucket")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(merge, "_write", write)
    return "bucket"


@pytest.mark.parametrize("failure", [_in_the_way, _read_only, _fills_up])
def test_a_failed_write_keeps_the_pairs_in_memory_and_says_why(
    failure, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    want = unordered(_fed(BucketMerge(300, partitions._top_hash, 4, 100)), 300, partitions._swap_orientation)
    root = tmp_path / "spill" / "merge"
    where = failure(root, monkeypatch)
    merged = _fed(BucketMerge(300, partitions._top_hash, 4, 100, spill_rows=200, spill_dir=root))
    assert merged.spill_error is not None and merged.spill_rows == sys.maxsize
    assert merged.spilled == (2 if failure is _fills_up else 0)
    if merged._folder is not None:  # only the buckets written whole, not the partial one
        files = {run for runs in merged.kept for run in runs if isinstance(run, Path)}
        assert set(merged._folder.iterdir()) == files
    got = unordered(merged, 300, partitions._swap_orientation)
    assert want is not None and got is not None
    assert all(np.array_equal(a, b) for a, b in zip(got, want, strict=True))
    assert where in merged.spill_error and merged.spilled == (2 if failure is _fills_up else 0)
    if failure is _fills_up:
        assert "No space left on device" in merged.spill_error
    assert not list(tmp_path.rglob("bucket*"))  # the partial file too


@pytest.mark.parametrize("damage", ["vanished", "truncated"])
def test_a_bucket_lost_before_it_is_read_back_stops_the_merge(damage: str) -> None:
    merged, folder = _spilling()
    files = list(folder.glob("bucket*.npz"))
    assert files
    for f in files:
        if damage == "vanished":
            f.unlink()
        else:
            f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])
    with pytest.raises(SpillLost, match=r"could not be read back \(.+\); scan again"):
        merged.result()
    assert issubclass(SpillLost, CacheError) and not folder.exists()


@pytest.mark.skipif(os.name == "nt", reason="no sweep on Windows")
def test_remove_stale_sweeps_only_folders_of_dead_processes_of_this_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(merge.socket, "gethostname", lambda: "node-7")  # a '-' in the name too
    dead = _dead_pid()
    names = {
        "dead": f"node-7-{dead}-abcd_123",
        "live": f"node-7-{os.getpid()}-abcd_123",
        "other host": f"node-8-{dead}-abcd_123",
        "not a merge's": "notes",
    }
    for name in names.values():
        (tmp_path / name).mkdir()
        (tmp_path / name / "bucket0.npz").write_bytes(b"x")
    merge.remove_stale(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(v for k, v in names.items() if k != "dead")


def test_the_deep_search_reports_a_failed_write_and_finds_the_same_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(4)
    v = rng.normal(size=(500, 24)).astype(np.float32)
    v[250:] = v[:250] + rng.normal(0, 0.05, (250, 24))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    want, want_cos = deep_partitions.deep_candidates(SerialRunner(), v, partition_size=50)

    def full(path: Path, cols: tuple[np.ndarray, ...]) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(merge, "SPILL_ROWS", 5)
    monkeypatch.setattr(merge, "_write", full)
    stats = partitions.SearchStats()
    pairs, cos = deep_partitions.deep_candidates(SerialRunner(), v, partition_size=50, stats=stats)
    assert stats.spilled == 0 and stats.spill_error is not None
    assert "No space left on device" in stats.spill_error
    assert np.array_equal(pairs, want) and np.array_equal(cos, want_cos)


def test_a_bucket_on_disk_sorts_each_pair_about_twice_not_at_every_reduction() -> None:
    """A big bucket's buffers become runs, reduced together once at the end: the rows its
    reductions sort stay about twice the rows added (merging each buffer into the kept pairs
    sorted the kept pairs again at every reduction: 6.9x here, growing with the bucket)."""
    n = 400
    cols = _raw(n, 60_000, 9)
    sorted_rows: list[int] = []

    def counting(c: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
        sorted_rows.append(len(c[0]))
        return partitions._top_hash(c)

    merged = BucketMerge(n, counting, buckets=1, min_buffer=500, spill_rows=1_000)
    for part in _arrivals(cols, 120, 10):
        merged.add(part)
    assert len(merged.kept[0]) > 2  # runs, on disk
    got = merged.result()
    assert _as_set(got) == _as_set(partitions._top_hash(cols))
    assert sum(sorted_rows) <= 2.2 * len(cols[0]), (sum(sorted_rows), len(cols[0]))


@pytest.mark.parametrize("spill_rows", [200, 10**9])
def test_a_merge_keeps_only_the_rows_selected_with_every_other_column(spill_rows: int) -> None:
    """The hash selection carries the columns between the orientation and the score (the scores
    the partitions measured) along with its pairs, and ``where`` keeps only the rows it selects,
    bucket by bucket, from disk or not: what selecting from the whole result keeps."""
    n = 300
    q, nb, orient, score = _raw(n, 20_000, 5)
    measured = (score * 7) % 1  # a column that follows its row, unlike the score it is not sorted by
    cols = (q, nb, orient, measured, score)

    def merged_in_parts() -> BucketMerge:
        m = BucketMerge(n, partitions._top_hash, buckets=4, min_buffer=100, spill_rows=spill_rows)
        for part in _arrivals(cols, 37, 6):
            m.add(part)
        return m

    whole = partitions._top_hash(cols)
    assert _as_set(merged_in_parts().result()) == _as_set(whole)
    some = merged_in_parts().result(where=lambda c: c[3] >= 0.5)
    assert _as_set(some) == {row for row in _as_set(whole) if row[3] >= 0.5} != set()
    assert merged_in_parts().result(where=lambda c: c[3] > 1) is None
    pairs, *rest = merged_in_parts().result(table=True, where=lambda c: c[3] >= 0.5)
    assert pairs.dtype == np.int64 and pairs.shape == (len(some[0]), 2) and len(rest) == 3


def test_buckets_grow_with_the_images_and_share_the_memory_of_the_first(monkeypatch) -> None:
    """Past BUCKETS × BUCKET_IMAGES images each bucket stays as large (its last reduction sorts
    all of its pairs at once), and the buckets together buffer and keep in memory what BUCKETS
    buckets would; the merged pairs stay those of one selection."""
    fixed = BucketMerge(1_000_000, partitions._top_hash)
    assert fixed.buckets == merge.BUCKETS
    assert (fixed.min_buffer, fixed.spill_rows) == (merge.MIN_BUFFER, merge.SPILL_ROWS)
    big = BucketMerge(100_000_000, partitions._top_hash)
    assert big.buckets == 667 and big.width <= merge.BUCKET_IMAGES
    assert big.buckets * big.spill_rows <= merge.BUCKETS * merge.SPILL_ROWS
    assert big.buckets * big.min_buffer <= merge.BUCKETS * merge.MIN_BUFFER
    for name, value in (("BUCKETS", 4), ("BUCKET_IMAGES", 10), ("MIN_BUFFER", 400), ("SPILL_ROWS", 600)):
        monkeypatch.setattr(merge, name, value)
    n = 300
    cols = _raw(n, 20_000, 5)
    merged = BucketMerge(n, partitions._top_hash)
    assert merged.buckets == 30 and (merged.min_buffer, merged.spill_rows) == (53, 80)
    for part in _arrivals(cols, 37, 6):
        merged.add(part)
    assert merged.spilled > 0
    assert _as_set(merged.result()) == _as_set(partitions._top_hash(cols))
