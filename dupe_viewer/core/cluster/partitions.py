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

With ``feats``, each partition also measures and scores its candidates
(:func:`hash_scored`, by :func:`..match.scoring.score`), so the client measures none and, for a
hash-only scan, receives only the pairs it keeps.

The deep stage's search is :mod:`.deep_partitions`. Both stages take the rows that ask for
neighbours (default all): a rescan (the single machine's rule, :func:`..match.stage.match`)
routes only its new and changed images' queries, against partitions of every image, as one
machine queries its persisted indexes with the new rows only. Partitions no query reaches are
not sent to a worker.

Partitions hold positions into the caller's arrays; workers get only their partition's rows.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import numpy as np
from numpy.lib.recfunctions import repack_fields

from ..features.orientation import INVERSE
from ..match import candidates, scoring
from ..match.descriptor import oriented
from ..store import knn
from . import quantiser, routing
from .merge import BucketMerge, unordered
from .runner import Runner

#: Members per partition: the exact-search limit, so every partition is searched exactly (the
#: single machine searches more than that many images with an approximate HNSW graph).
PARTITION_SIZE = knn.EXACT_LIMIT
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
    feats: np.ndarray | None = None,
) -> tuple[np.ndarray, ...]:
    """Runs on a worker: the candidates of one partition's queries among its members.

    ``rows``: the global positions of the partition's images (members and queriers), whose
    prepared data ``z``, ``d0``, ``canon`` are given; ``members``: which of them are indexed;
    ``plausible``: the orientations each image queries here (only those routed to this
    partition). Returns (query, neighbour) global pairs, orientation and correlation, before
    any symmetric deduplication. Given ``feats`` (those images'
    :data:`..match.scoring.SCORED_FIELDS`), each candidate is measured and scored here too, by
    the single machine's code: then (pairs, orientation, similarity, edited, correlation)."""
    sub = candidates.Prepared(z=z, d0=d0, canon=canon, plausible=plausible)
    base = candidates.default_search(
        oriented(d0[members], canon[members]), exact=len(members) <= EXACT_PARTITION
    )

    def search(q: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        idx, sim = base(q, k)
        return np.where(idx >= 0, members[np.maximum(idx, 0)], -1), sim

    queries = np.flatnonzero(plausible.any(axis=1))
    found = [p for p in candidates.query_candidates(sub, search, rows=queries, min_corr=min_corr) if len(p)]
    if found:
        local = np.concatenate([p.pairs for p in found]).astype(np.int64)
        orient = np.concatenate([p.orientation for p in found])
        corr = np.concatenate([p.corr for p in found])
    else:
        local, orient, corr = np.empty((0, 2), np.int64), np.empty(0, np.int8), np.empty(0, np.float32)
    if feats is None:
        return rows[local], orient, corr
    sim, edited = _scores(feats, sub, local, orient, corr)
    return rows[local], orient, sim, edited, corr


def _scores(
    feats: np.ndarray, sub: candidates.Prepared, local: np.ndarray, orient: np.ndarray, corr: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(similarity, edited) of candidate pairs (local rows), each measured as the single machine
    measures it once deduplicated: lower row first, in the orientation that fits it there (the
    rows are ascending, so the lower local row is the lower global position). A pair both of
    whose images asked here is found twice, once from each: measured once."""
    if len(local) == 0:
        return np.empty(0, np.float32), np.empty(0, bool)
    swap = local[:, 0] > local[:, 1]
    ij = np.sort(local, axis=1)
    turned = np.where(swap, INVERSE[orient], orient).astype(np.int8)
    key = (ij[:, 0] * len(feats) + ij[:, 1]) * 8 + turned
    first, back = np.unique(key, return_index=True, return_inverse=True)[1:]
    once = candidates.Candidates(ij[first], turned[first], corr[first])
    _, sim, kinds = scoring.score(feats, once, sub)
    return sim[back], (kinds == "edited")[back]


def _hash_payloads(
    runner: Runner,
    prepared: candidates.Prepared,
    partition_size: int,
    boundary: float,
    min_corr: float,
    stats: SearchStats,
    rows: np.ndarray | None = None,
    should_stop: Callable[[], bool] = lambda: False,
    feats: np.ndarray | None = None,
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
            # Packed: a view of some fields keeps every field's bytes (1,354 a row, not 181).
            repack_fields(feats.take(rows)) if feats is not None else None,
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
    return _search(runner, prepared, partition_size, boundary, min_corr, should_stop, stats, rows).candidates


@dataclass
class Scored:
    """Candidate pairs with each one's hash similarity and whether its kind is ``edited`` (else
    ``near``), as :func:`..match.scoring.score` gives them (None: not scored); ``measured``: the
    candidate pairs scored, those not returned (under ``keep_at``) included."""

    candidates: candidates.Candidates
    similarity: np.ndarray | None = None
    edited: np.ndarray | None = None
    measured: int = 0


def hash_scored(
    runner: Runner,
    prepared: candidates.Prepared,
    feats: np.ndarray,
    *,
    keep_at: float | None = None,
    partition_size: int = PARTITION_SIZE,
    boundary: float = quantiser.BOUNDARY,
    min_corr: float = candidates.CANDIDATE_MIN_CORR,
    should_stop: Callable[[], bool] = lambda: False,
    stats: SearchStats | None = None,
    rows: np.ndarray | None = None,
) -> Scored:
    """:func:`hash_candidates`, each pair also measured and scored in its partition (each image's
    :data:`..match.scoring.SCORED_FIELDS` of ``feats`` go to the workers with its prepared data),
    so the client measures none. ``keep_at``: only pairs of at least this similarity come back
    (all a hash-only scan keeps; a deep scan scores every candidate's deep similarity too)."""
    fields = feats[scoring.SCORED_FIELDS]
    return _search(
        runner, prepared, partition_size, boundary, min_corr, should_stop, stats, rows, fields, keep_at
    )


def _search(
    runner: Runner,
    prepared: candidates.Prepared,
    partition_size: int,
    boundary: float,
    min_corr: float,
    should_stop: Callable[[], bool],
    stats: SearchStats | None,
    rows: np.ndarray | None,
    feats: np.ndarray | None = None,
    keep_at: float | None = None,
) -> Scored:
    """:func:`hash_candidates`, or with ``feats`` :func:`hash_scored`."""
    stats = stats if stats is not None else SearchStats()
    n = len(prepared.canon)
    if n < 2 or (rows is not None and len(rows) == 0):
        return _no_pairs(feats is not None)
    payloads = _hash_payloads(
        runner, prepared, partition_size, boundary, min_corr, stats, rows, should_stop, feats
    )
    merged = BucketMerge(n, _top_hash)
    for p, *rest in runner.map(hash_partition_task, payloads, should_stop):
        merged.add((p[:, 0], p[:, 1], *rest))
    measured = [0]

    def kept(cols: tuple[np.ndarray, ...]) -> np.ndarray:
        measured[0] += len(cols[0])
        return cols[3] >= keep_at

    # Only the pairs a scan keeps, chosen bucket by bucket: the client never holds the others.
    best = unordered(merged, n, _swap_orientation, table=True, where=None if keep_at is None else kept)
    stats.spilled, stats.spill_error = merged.spilled, merged.spill_error
    if best is None:
        return _no_pairs(feats is not None, measured[0])
    pairs, o, *scores, c = best
    cand = candidates.Candidates(pairs, o, c.astype(np.float32, copy=False))
    return Scored(cand, *scores, measured=measured[0] if keep_at is not None else len(pairs))


def _no_pairs(scored: bool, measured: int = 0) -> Scored:
    none = candidates.Candidates.empty()
    if not scored:
        return Scored(none)
    return Scored(none, np.empty(0, np.float32), np.empty(0, bool), measured)


def _swap_orientation(orient: np.ndarray, swap: np.ndarray) -> np.ndarray:
    # The orientation of i that fits j, for a pair written the other way round.
    return np.where(swap, INVERSE[orient], orient).astype(np.int8)


def _top_hash(cols: tuple[np.ndarray, ...]) -> tuple[np.ndarray, ...]:
    # The single machine's selection of each query image's candidates (see :mod:`.merge`):
    # (query, neighbour, orientation, [similarity, edited,] correlation), the scores carried.
    keep = candidates.top_rows(cols[0], cols[1], cols[-1])
    return tuple(c[keep] for c in cols)
