"""Merging partitions' pairs as they arrive gives exactly what one selection over all gives."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import numpy as np
import pytest

from dupe_viewer.core.cluster import partitions
from dupe_viewer.core.cluster.merge import BucketMerge
from dupe_viewer.core.cluster.runner import SerialRunner


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
    reduce = partial(partitions._top_deep, n=n, k=6)
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
    folder = Path(merged._folder.name)
    assert any(folder.iterdir()) and 0 < max(merged.kept_rows) <= len(whole[0])
    assert _as_set(merged.result()) == _as_set(whole)
    assert not folder.exists()


def _spilling() -> tuple[BucketMerge, Path]:
    merged = BucketMerge(300, partitions._top_hash, buckets=2, min_buffer=10, spill_rows=20)
    for part in _arrivals(_raw(300, 5_000, 7), 9, 8):
        merged.add(part)
    assert merged._folder is not None
    return merged, Path(merged._folder.name)


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
        prep, 150, partitions.quantiser.BOUNDARY, candidates.CANDIDATE_MIN_CORR, partitions.SearchStats()
    )
    raw = [partitions.hash_partition_task(*p) for p in payloads]
    ij = np.concatenate([r[0] for r in raw])
    once = candidates.top_per_image(
        ij[:, 0], ij[:, 1], np.concatenate([r[1] for r in raw]), np.concatenate([r[2] for r in raw])
    )
    want = candidates.Candidates.concat([once])
    got = partitions.hash_candidates(SerialRunner(), prep, partition_size=150)
    assert len(raw) > 4 and len(got) > 1000
    assert bool(spilled) == (spill_rows is not None) and got.pairs.dtype == np.int64
    assert np.array_equal(got.pairs, want.pairs)
    assert np.array_equal(got.orientation, want.orientation)
    assert np.array_equal(got.corr, want.corr)


def test_partitioned_deep_search_returns_each_unordered_pair_once() -> None:
    rng = np.random.default_rng(4)
    v = rng.normal(size=(500, 24)).astype(np.float32)
    v[250:] = v[:250] + rng.normal(0, 0.05, (250, 24))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    pairs, cos = partitions.deep_candidates(SerialRunner(), v.astype(np.float16), partition_size=50)
    assert pairs.dtype == np.int64 and (pairs[:, 0] < pairs[:, 1]).all()
    keys = pairs[:, 0] * 500 + pairs[:, 1]
    assert np.array_equal(keys, np.unique(keys))  # sorted, each once
    assert {(i, 250 + i) for i in range(250)} <= {tuple(p) for p in pairs.tolist()}
    assert len(cos) == len(pairs) and (cos <= 1.001).all()
