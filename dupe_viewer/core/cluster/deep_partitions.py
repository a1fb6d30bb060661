"""The deep stage's candidate pairs without all-to-all (see :mod:`.partitions` for the hash
stage and what both share).

Each embedding goes to its nearest centroid (and a second near a boundary, :mod:`.quantiser`);
each query probes its nearest :data:`DEEP_PROBES` partitions; each partition answers the k
nearest neighbours of its queries among its members on a worker; the client keeps each image's
:data:`..deep.stage.K_DEEP` best over all its partitions (:mod:`.merge`), as one exact search
would. ``query_rows``: only those vectors ask (a rescan's new and changed images).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from functools import partial

import numpy as np

from ..deep import stage as deep_stage
from ..store import knn
from . import quantiser, routing
from .merge import BucketMerge, unordered
from .partitions import EXACT_PARTITION, PARTITION_SIZE, SearchStats
from .runner import Runner

#: The deep stage's boundary (see :mod:`.quantiser`). Similarities of embeddings to the
#: centroids are flat, so a boundary alone leaves near copies in different partitions (recall
#: 0.985 at 100k synthetic 128-d vectors whatever the boundary): queries also probe their
#: nearest few partitions (tests/benchmarks/cluster_scale.py).
DEEP_BOUNDARY = 0.05
#: Partitions each deep query searches (its nearest centroids; see :func:`.quantiser.probe`).
DEEP_PROBES = 3


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
