"""Candidate pairs without all-to-all: the vectors partitioned by a coarse quantiser, each
partition searched on a worker, the pairs merged.

Hash stage: every image's canonical DCT descriptor (what the single-machine index holds) goes to
its nearest centroid and, near a boundary, to a second one (:mod:`.quantiser`); every *query*
(an image in one of its plausible orientations, :mod:`..match.candidates`) is routed the same way
by its own descriptor. Inside a partition the very same query code runs
(:func:`..match.candidates.query_candidates`: index search, re-ranking of the tiny images in all
orientations, the best candidates per image) against the partition's members, searched exactly
up to :data:`..store.knn.EXACT_LIMIT` members. The client merges what each partition found for an
image as results arrive (:mod:`.merge`) and keeps its best candidates with the single-machine
rule (:func:`..match.candidates.top_per_image`), so wherever an image's best neighbours share a
partition with it, its candidates are exactly the single-machine ones.

Deep stage: each embedding goes to its nearest centroid (and a second near a boundary); each
partition answers the k nearest neighbours of its members among its members; the client keeps
each image's :data:`..deep.stage.K_DEEP` best over all its partitions, as one exact search would.

Both stages take the rows that ask for neighbours (default all): a rescan (the single machine's
rule, :func:`..match.stage.match`) routes only its new and changed images' queries, against
partitions of every image, as one machine queries its persisted indexes with the new rows only.
Partitions no query reaches are not sent to a worker.

Partitions hold positions into the caller's arrays; workers get only their partition's rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial

import numpy as np

from ..deep import stage as deep_stage
from ..features.orientation import INVERSE
from ..match import candidates
from ..match.descriptor import oriented
from ..store import knn
from . import quantiser, routing
from .merge import BucketMerge, unordered
from .runner import Runner

#: Members per partition: the exact-search limit, so every partition is searched exactly (the
#: single machine searches more than that many images with an approximate HNSW graph).
PARTITION_SIZE = knn.EXACT_LIMIT
#: The deep stage's boundary (see :mod:`.quantiser`). Similarities of embeddings to the
#: centroids are flat, so a boundary alone leaves near copies in different partitions (recall
#: 0.985 at 100k synthetic 128-d vectors whatever the boundary): queries also probe their
#: nearest few partitions (tests/benchmarks/cluster_scale.py).
DEEP_BOUNDARY = 0.05
#: Partitions each deep query searches (its nearest centroids; see :func:`.quantiser.probe`).
DEEP_PROBES = 3
#: Partitions up to this size are searched exactly (k-means leaves some partitions several
#: times the target, and boundary vectors add to them); larger ones with an HNSW graph. An
#: exact partition of 16k members costs ~16k² × 64 multiply-adds, a second on one core.
EXACT_PARTITION = 4 * knn.EXACT_LIMIT


@dataclass
class SearchStats:
    """What a partitioned search cost: partitions, assignments per vector, queries per image."""

    partitions: int = 0
    duplication: float = 1.0
    query_duplication: float = 1.0
    #: Seconds before the first partition: the client's fit of the quantiser, then the routing
    #: of members and queries (on the workers for large collections, :mod:`.routing`).
    route_seconds: float = 0.0
    #: Merge buckets written to disk (:mod:`.merge`), and why writing one failed (None: it did
    #: not; then the merge kept its pairs in memory).
    spilled: int = 0
    spill_error: str | None = None


# -- hash stage -------------------------------------------------------------------------------
class OrientedRows:
    """Descriptors ``d0[rows]`` turned to ``orientation``, made a block at a time as the quantiser
    reads them: the queries' descriptors of ten million images would take ~4 GB at once."""

    def __init__(self, d0: np.ndarray, rows: np.ndarray, orientation: np.ndarray) -> None:
        self.d0, self.rows, self.orientation = d0, rows, orientation
        self.shape = (len(rows), d0.shape[1])

    def __len__(self) -> int:
        return len(self.rows)

    def __getitem__(self, sel: slice | np.ndarray) -> np.ndarray:
        return oriented(self.d0.take(self.rows[sel], axis=0), self.orientation[sel])


def hash_partition_task(
    rows: np.ndarray,
    members: np.ndarray,
    z: np.ndarray,
    d0: np.ndarray,
    canon: np.ndarray,
    plausible: np.ndarray,
    min_corr: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs on a worker: the candidates of one partition's queries among its members.

    ``rows``: the global positions of the partition's images (members and queriers), whose
    prepared data ``z``, ``d0``, ``canon`` are given; ``members``: which of them are indexed;
    ``plausible``: the orientations each image queries here (only those routed to this
    partition). Returns (query, neighbour) global pairs, orientation and correlation, before
    any symmetric deduplication."""
    sub = candidates.Prepared(z=z, d0=d0, canon=canon, plausible=plausible)
    base = candidates.default_search(
        oriented(d0[members], canon[members]), exact=len(members) <= EXACT_PARTITION
    )

    def search(q: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        idx, sim = base(q, k)
        return np.where(idx >= 0, members[np.maximum(idx, 0)], -1), sim

    queries = np.flatnonzero(plausible.any(axis=1))
    parts = candidates.query_candidates(sub, search, rows=queries, min_corr=min_corr)
    found = [p for p in parts if len(p)]
    if not found:
        return np.empty((0, 2), np.int64), np.empty(0, np.int8), np.empty(0, np.float32)
    local = np.concatenate([p.pairs for p in found]).astype(np.int64)
    return (
        rows[local],
        np.concatenate([p.orientation for p in found]),
        np.concatenate([p.corr for p in found]),
    )


def _hash_payloads(
    runner: Runner,
    prepared: candidates.Prepared,
    partition_size: int,
    boundary: float,
    min_corr: float,
    stats: SearchStats,
    rows: np.ndarray | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> Iterator[tuple]:
    n = len(prepared.canon)
    vectors = OrientedRows(prepared.d0, np.arange(n), prepared.canon)
    started = time.perf_counter()
    cent = quantiser.fit(vectors, quantiser.partitions_for(n, partition_size))
    index = routing.assign(runner, vectors, cent, boundary, should_stop)
    qi, qo = np.nonzero(prepared.plausible)
    if rows is not None:
        # Every image stays a member (the new ones' neighbours may be old); only ``rows`` ask.
        asks = np.isin(qi, rows)
        qi, qo = qi[asks], qo[asks]
    routed = routing.assign(
        runner, OrientedRows(prepared.d0, qi, qo.astype(np.int8)), cent, boundary, should_stop
    )
    stats.route_seconds = time.perf_counter() - started
    stats.partitions = len(cent)
    stats.duplication = index.duplication
    stats.query_duplication = len(routed.rows) / max(1, len(qi))
    q_bounds = np.searchsorted(routed.parts, np.arange(len(cent) + 1))
    for p, members in enumerate(index.members()):
        q = routed.rows[q_bounds[p] : q_bounds[p + 1]]
        if len(members) == 0 or len(q) == 0:
            continue
        rows = np.union1d(members, qi[q])
        plausible = np.zeros((len(rows), 8), bool)
        plausible[np.searchsorted(rows, qi[q]), qo[q]] = True
        yield (
            rows,
            np.searchsorted(rows, members),
            # take, not fancy indexing: 6.6x / 18x faster on ten million images' tiny images and
            # descriptors (tests/benchmarks/gather_rows.py), where the client spent its time.
            prepared.z.take(rows, axis=0),
            prepared.d0.take(rows, axis=0),
            prepared.canon[rows],
            plausible,
            min_corr,
        )


def hash_candidates(
    runner: Runner,
    prepared: candidates.Prepared,
    *,
    partition_size: int = PARTITION_SIZE,
    boundary: float = quantiser.BOUNDARY,
    min_corr: float = candidates.CANDIDATE_MIN_CORR,
    should_stop: Callable[[], bool] = lambda: False,
    stats: SearchStats | None = None,
    rows: np.ndarray | None = None,
) -> candidates.Candidates:
    """The hash-stage candidate pairs of all images of ``prepared``, searched partition by
    partition on ``runner``: what :func:`..match.candidates.find_candidates` gives on one machine.
    ``rows``: only these images ask for neighbours (among all), as ``find_candidates(rows=...)``."""
    stats = stats if stats is not None else SearchStats()
    if len(prepared.canon) < 2 or (rows is not None and len(rows) == 0):
        return candidates.Candidates.empty()
    payloads = _hash_payloads(runner, prepared, partition_size, boundary, min_corr, stats, rows, should_stop)
    merged = BucketMerge(len(prepared.canon), _top_hash)
    for p, o, c in runner.map(hash_partition_task, payloads, should_stop):
        merged.add((p[:, 0], p[:, 1], o, c))
    best = unordered(merged, len(prepared.canon), _swap_orientation, table=True)
    stats.spilled, stats.spill_error = merged.spilled, merged.spill_error
    if best is None:
        return candidates.Candidates.empty()
    pairs, o, c = best
    return candidates.Candidates(pairs, o, c.astype(np.float32, copy=False))


def _swap_orientation(orient: np.ndarray, swap: np.ndarray) -> np.ndarray:
    # The orientation of i that fits j, for a pair written the other way round.
    return np.where(swap, INVERSE[orient], orient).astype(np.int8)


def _top_hash(cols: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
    # The single machine's selection of each query image's candidates (see :mod:`.merge`).
    i, j, o, c = cols
    best = candidates.top_per_image(i, j, o, c)
    return best.pairs[:, 0], best.pairs[:, 1], best.orientation, best.corr


# -- deep stage -------------------------------------------------------------------------------
def deep_partition_task(
    rows: np.ndarray, members: np.ndarray, queries: np.ndarray, vectors: np.ndarray, k: int, min_cos: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs on a worker: for each of the partition's ``queries`` its ``k`` nearest ``members``
    (itself included when it is one) with cosine ≥ ``min_cos``, as (query, neighbour) global
    positions and cosines. ``rows``: the global positions of ``vectors``; ``members`` and
    ``queries``: local positions into them."""
    x = vectors.astype(np.float32)
    data = x[members]
    nb, sim = knn.knn(x[queries], data, min(k, len(data)), exact=len(data) <= EXACT_PARTITION, ef=4 * k)
    ok = (nb >= 0) & (sim >= min_cos)
    q = np.broadcast_to(queries[:, None], nb.shape)[ok]
    return rows[q], rows[members[nb[ok]]], sim[ok].astype(np.float32)


def _deep_payloads(
    runner: Runner,
    vectors: np.ndarray,
    partition_size: int,
    boundary: float,
    probes: int,
    k: int,
    min_cos: float,
    stats: SearchStats,
    query_rows: np.ndarray | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> Iterator[tuple]:
    n = len(vectors)
    started = time.perf_counter()
    cent = quantiser.fit(vectors, quantiser.partitions_for(n, partition_size))
    index = routing.assign(runner, vectors, cent, boundary, should_stop)
    if query_rows is None:
        routed = routing.probe(runner, vectors, cent, probes, should_stop)
    else:
        # Only these rows ask (ascending, so the routing stays sorted by partition then row).
        asks = np.unique(np.asarray(query_rows, dtype=np.int64))
        sub = routing.probe(runner, vectors[asks], cent, probes, should_stop)
        routed = quantiser.Assignment(asks[sub.rows], sub.parts, sub.k)
    stats.route_seconds = time.perf_counter() - started
    stats.partitions, stats.duplication = len(cent), index.duplication
    stats.query_duplication = routed.duplication
    for members, queries in zip(index.members(), routed.members(), strict=True):
        if len(members) == 0 or len(queries) == 0:
            continue
        rows = np.union1d(members, queries)
        yield (
            rows,
            np.searchsorted(rows, members),
            np.searchsorted(rows, queries),
            vectors.take(rows, axis=0),
            k,
            min_cos,
        )


def deep_candidates(
    runner: Runner,
    vectors: np.ndarray,
    *,
    partition_size: int = PARTITION_SIZE,
    boundary: float = DEEP_BOUNDARY,
    probes: int = DEEP_PROBES,
    k: int = deep_stage.K_DEEP + 1,
    min_cos: float = deep_stage.CANDIDATE_MIN_COS,
    should_stop: Callable[[], bool] = lambda: False,
    stats: SearchStats | None = None,
    query_rows: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Deep candidate pairs (P×2 positions into ``vectors``, i < j, unique) and their cosines:
    each vector's ``k`` nearest neighbours (itself included, as on one machine) with cosine ≥
    ``min_cos``, searched partition by partition. ``query_rows``: only these vectors ask for
    neighbours (among all), as :func:`..deep.stage.candidate_pairs` does on one machine."""
    stats = stats if stats is not None else SearchStats()
    n = len(vectors)
    if n < 2 or (query_rows is not None and len(query_rows) == 0):
        return np.empty((0, 2), np.int64), np.empty(0, np.float32)
    payloads = _deep_payloads(
        runner, vectors, partition_size, boundary, probes, k, min_cos, stats, query_rows, should_stop
    )
    merged = BucketMerge(n, partial(_top_deep, n=n, k=k))
    for found in runner.map(deep_partition_task, payloads, should_stop):
        merged.add(found)
    best = unordered(merged, n, table=True)  # a query's own entry (itself, cosine 1) is dropped there
    stats.spilled, stats.spill_error = merged.spilled, merged.spill_error
    if best is None:
        return np.empty((0, 2), np.int64), np.empty(0, np.float32)
    pairs, sim = best
    return pairs, sim.astype(np.float32, copy=False)


def _top_deep(cols: tuple[np.ndarray, ...], n: int, k: int) -> tuple[np.ndarray, ...]:
    """Per query its best ``k`` neighbours (itself included), each neighbour once, in the
    order similarity then neighbour (a total order, so reductions compose: :mod:`.merge`)."""
    q, nb, sim = cols
    order = np.lexsort((nb, -sim, q))
    q, nb, sim = q[order], nb[order], sim[order]
    _, first = np.unique(q.astype(np.int64) * n + nb, return_index=True)
    first.sort()
    q, nb, sim = q[first], nb[first], sim[first]
    start = np.flatnonzero(np.r_[True, q[1:] != q[:-1]])
    rank = np.arange(len(q)) - np.repeat(start, np.diff(np.r_[start, len(q)]))
    keep = rank < k
    return q[keep], nb[keep], sim[keep]
