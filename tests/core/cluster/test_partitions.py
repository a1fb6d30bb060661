"""The coarse quantiser and the partitioned searches, in this process (no cluster needed)."""

from __future__ import annotations

import numpy as np

from dupe_viewer.core.cluster import deep_partitions, partitions, quantiser
from dupe_viewer.core.cluster.runner import ProcessRunner, SerialRunner
from dupe_viewer.core.deep.spread import distributed_pair_scores
from dupe_viewer.core.deep.stage import pair_scores
from dupe_viewer.core.features.perceptual import FEATURE_DTYPE
from dupe_viewer.core.match import candidates, scoring
from tests.library import thumbnails


def _planted(n: int, p: int) -> tuple[np.ndarray, set[tuple[int, int]]]:
    base = thumbnails(n, 1).astype(np.float32)
    rng = np.random.default_rng(3)
    cp = base[:p] + rng.normal(0, 8, (p, 32, 32))
    cp[p // 2 :] = np.rot90(cp[p // 2 :], 1, axes=(1, 2))  # rotated copies meet in other partitions
    thumbs = np.clip(np.concatenate([base, cp]), 0, 255).astype(np.uint8)
    return thumbs, {(i, n + i) for i in range(p)}


def test_assignment_puts_boundary_vectors_in_two_partitions() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(2000, 16)).astype(np.float32)
    cent = quantiser.fit(x, 8)
    assert cent.shape == (8, 16) and np.allclose(np.linalg.norm(cent, axis=1), 1, atol=1e-5)
    assert np.array_equal(cent, quantiser.fit(x, 8))  # deterministic
    a = quantiser.assign(x, cent, boundary=0.0)
    assert a.duplication == 1.0 and sorted(a.rows.tolist()) == list(range(2000))
    b = quantiser.assign(x, cent, boundary=0.1)
    assert 1.0 < b.duplication <= 2.0
    assert sum(len(m) for m in b.members()) == len(b.rows)
    assert quantiser.probe(x, cent, 3).duplication == 3.0


def test_a_sample_of_only_zero_vectors_gives_one_partition() -> None:
    """Flat images have all-zero descriptors and are left out of the fit: a collection of only
    flat images (or a sample that drew only those) is one partition, not a crash."""
    x = np.zeros((500, 16), np.float32)
    cent = quantiser.fit(x, 8)
    assert cent.shape == (1, 16)
    assert quantiser.assign(x, cent).members()[0].tolist() == list(range(500))
    flat = np.full((300, 32, 32), 128, np.uint8)
    found = partitions.hash_candidates(SerialRunner(), candidates.prepare(flat), partition_size=50)
    assert len(found.pairs) == len(candidates.find_candidates(candidates.prepare(flat), exact=True).pairs)


def test_partitioned_hash_search_finds_every_planted_pair_as_one_machine() -> None:
    thumbs, planted = _planted(1500, 200)
    prep = candidates.prepare(thumbs)
    one = {tuple(p) for p in candidates.find_candidates(prep, exact=True).pairs.tolist()}
    stats = partitions.SearchStats()
    part = partitions.hash_candidates(SerialRunner(), prep, partition_size=200, stats=stats)
    got = {tuple(p) for p in part.pairs.tolist()}
    assert stats.partitions == 9 and stats.duplication > 1.0
    assert planted <= one and planted <= got
    # One partition is the single-machine search itself.
    whole = partitions.hash_candidates(SerialRunner(), prep, partition_size=10**6)
    assert {tuple(p) for p in whole.pairs.tolist()} == one


def test_partitioned_deep_search_is_the_exact_knn_in_one_partition() -> None:
    rng = np.random.default_rng(1)
    v = rng.normal(size=(600, 32)).astype(np.float32)
    v[300:] = v[:300] + rng.normal(0, 0.05, (300, 32))
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    whole, cos = deep_partitions.deep_candidates(SerialRunner(), v.astype(np.float16), partition_size=10**6)
    split, _ = deep_partitions.deep_candidates(SerialRunner(), v.astype(np.float16), partition_size=60)
    planted = {(i, 300 + i) for i in range(300)}
    assert planted <= {tuple(p) for p in whole.tolist()} and (cos >= 0.75).all()
    assert planted <= {tuple(p) for p in split.tolist()}


def test_verification_spread_over_processes_equals_one_thread() -> None:
    thumbs = thumbnails(40, 5)
    rng = np.random.default_rng(2)
    vec = rng.normal(size=(40, 8)).astype(np.float32)
    vec[20:] = vec[:20] + rng.normal(0, 0.1, (20, 8))
    vec = (vec / np.linalg.norm(vec, axis=1, keepdims=True)).astype(np.float16)
    has = np.ones(40, bool)
    has[7] = False
    cand = np.array([(i, 20 + i) for i in range(20)] + [(0, 7), (3, 9)], dtype=np.int64)
    faithful = np.zeros(len(cand), bool)
    faithful[2] = True
    one = pair_scores(cand, np.flatnonzero(has), (vec, has), thumbs, faithful, 40, lambda: False)
    many = distributed_pair_scores(ProcessRunner(2), cand, (vec, has), thumbs, faithful, lambda: False)
    for a, b in zip(one, many, strict=True):
        np.testing.assert_array_equal(a, b)


def test_partitioned_searches_with_rows_ask_only_for_those_images() -> None:
    """A rescan's search (``rows``: the new images) finds the new images' pairs among all images,
    and no pair between two images that did not ask."""
    thumbs, _ = _planted(600, 80)
    prep = candidates.prepare(thumbs)
    full = {
        tuple(p) for p in partitions.hash_candidates(SerialRunner(), prep, partition_size=100).pairs.tolist()
    }
    new = np.arange(600, 640)  # the first 40 planted copies, as if just added
    stats = partitions.SearchStats()
    some = partitions.hash_candidates(SerialRunner(), prep, partition_size=100, rows=new, stats=stats)
    got = {tuple(p) for p in some.pairs.tolist()}
    assert got and all(i in new or j in new for i, j in got)
    assert {(i, 600 + i) for i in range(40)} <= got
    # Every image asking is the full search itself.
    every = partitions.hash_candidates(SerialRunner(), prep, partition_size=100, rows=np.arange(680))
    assert {tuple(p) for p in every.pairs.tolist()} == full
    assert len(partitions.hash_candidates(SerialRunner(), prep, rows=np.empty(0, np.int64))) == 0

    rng = np.random.default_rng(4)
    v = rng.normal(size=(400, 32)).astype(np.float32)
    v[200:] = v[:200] + rng.normal(0, 0.05, (200, 32))
    v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float16)
    ask = np.arange(380, 400)
    pairs, _ = deep_partitions.deep_candidates(SerialRunner(), v, partition_size=60, query_rows=ask)
    found = {tuple(p) for p in pairs.tolist()}
    assert {(i - 200, i) for i in ask} <= found and all(i in ask or j in ask for i, j in found)


def _features(thumbs: np.ndarray, seed: int) -> np.ndarray:
    """Feature records of ``thumbs`` with random hashes, colour grids and borders: measuring and
    scoring read those as they are, so random ones exercise every column."""
    rng = np.random.default_rng(seed)
    feats = np.zeros(len(thumbs), FEATURE_DTYPE)
    feats["thumb"] = thumbs
    feats["phash"] = rng.integers(0, 2**63, feats["phash"].shape, dtype=np.uint64)
    feats["dhash"] = feats["phash"] ^ rng.integers(0, 2**8, feats["dhash"].shape, dtype=np.uint64)
    feats["colour"] = rng.uniform(0, 255, feats["colour"].shape)
    feats["chroma"] = rng.uniform(0, 10, len(thumbs))
    feats["trimmed"] = rng.random(len(thumbs)) < 0.1
    return feats


def test_pairs_scored_in_the_partitions_are_scored_as_on_one_machine() -> None:
    """Each partition measures and scores its candidates (in worker processes too): the same
    similarities and kinds as measuring the merged candidates in one go, and with ``keep_at``
    only the pairs that reach it come back."""
    thumbs, _ = _planted(1500, 200)
    prep, feats = candidates.prepare(thumbs), _features(thumbs, 8)
    plain = partitions.hash_candidates(SerialRunner(), prep, partition_size=200)
    orientation, sim, kinds = scoring.score(feats, plain, prep)
    assert np.array_equal(orientation, plain.orientation) and (kinds == "edited").any()
    runner = ProcessRunner(2)
    for run in (SerialRunner(), runner):
        got = partitions.hash_scored(run, prep, feats, partition_size=200)
        assert np.array_equal(got.candidates.pairs, plain.pairs)
        assert np.array_equal(got.candidates.orientation, plain.orientation)
        assert np.array_equal(got.similarity, sim) and np.array_equal(got.edited, kinds == "edited")
        assert got.measured == len(plain)
    assert runner.failures == []
    # A partition is sent its images' scored fields alone, packed (not the 1,354 bytes a record).
    fields = feats[scoring.SCORED_FIELDS]
    stats = partitions.SearchStats()
    sent = next(partitions._hash_payloads(SerialRunner(), prep, 200, 0.03, 0.6, stats, feats=fields))[-1]
    assert sent.dtype.names == tuple(scoring.SCORED_FIELDS) and sent.dtype.itemsize == 181
    at = float(np.quantile(sim, 0.7))
    kept = partitions.hash_scored(SerialRunner(), prep, feats, partition_size=200, keep_at=at)
    assert kept.measured == len(plain) and 0 < len(kept.candidates) < len(plain)
    assert np.array_equal(kept.candidates.pairs, plain.pairs[sim >= at])
    assert np.array_equal(kept.similarity, sim[sim >= at])
    none = partitions.hash_scored(SerialRunner(), prep, feats, partition_size=200, keep_at=2.0)
    assert len(none.candidates) == 0 and none.measured == len(plain) and none.similarity is not None
