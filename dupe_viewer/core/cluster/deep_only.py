"""A cluster scan's deep-only candidates: the pairs only the deep search proposes, measured and
scored on the workers.

The hash-stage partitions score their own candidates (:mod:`.partitions`). A pair that only the
deep search (:mod:`.deep_partitions`) finds has no orientation yet, and measuring it tries all
eight (:func:`..match.scoring.score`), on the client until now. The pairs are cut into chunks of
:data:`PAIRS_PER_TASK`, each sent with only its files' prepared tiny images, canonical
orientations and :data:`..match.scoring.SCORED_FIELDS`; the answers are put back in place. A
pair's measures depend on that pair alone, so they are bit for bit what measuring all of them
in one go gives (tested).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np
from numpy.lib.recfunctions import repack_fields

from ..match import candidates, scoring
from ..match.descriptor import DIM
from ..match.incremental import MatchInput
from . import deep_partitions, partitions
from .runner import Runner

#: Pairs measured per task: measuring in all eight orientations costs ~10 µs a pair, so ~0.2 s
#: of work against the messages of ~1.3 MB of tiny images a task.
PAIRS_PER_TASK = 20_000


def deep_only(
    job: MatchInput,
    rows: np.ndarray | None,
    runner: Runner,
    partition_size: int,
    stats: partitions.SearchStats,
    hashed: candidates.Candidates,
) -> candidates.Candidates:
    """The deep stage's candidate pairs of ``job`` that the hash stage (``hashed``) did not find,
    with orientation -1 (unknown). ``rows``: only those images ask for neighbours."""
    assert job.vectors is not None
    have = np.flatnonzero(job.vectors[1])
    # As on one machine (deep.stage.index_candidates): the asking rows among those with a vector.
    ask = None if rows is None else np.flatnonzero(np.isin(have, rows))
    pairs, _ = deep_partitions.deep_candidates(
        runner,
        job.vectors[0][have],
        partition_size=partition_size,
        should_stop=job.should_stop,
        stats=stats,
        query_rows=ask,
    )
    pairs = have[pairs] if len(pairs) else pairs.reshape(0, 2)
    n, known = len(job), hashed.pairs.astype(np.int64)
    pairs = pairs[~np.isin(pairs[:, 0] * n + pairs[:, 1], known[:, 0] * n + known[:, 1])].astype(np.int64)
    return candidates.Candidates(pairs, np.full(len(pairs), -1, np.int8), np.zeros(len(pairs), np.float32))


def score_task(
    pairs: np.ndarray, orient: np.ndarray, z: np.ndarray, canon: np.ndarray, feats: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs on a worker: (orientation, similarity, edited) of ``pairs`` (positions into the
    chunk's own ``z``, ``canon`` and ``feats``), as :func:`..match.scoring.score` gives them."""
    sub = candidates.Prepared(
        z=z, d0=np.empty((0, DIM), np.float32), canon=canon, plausible=np.empty((0, 8), bool)
    )
    cand = candidates.Candidates(pairs, orient, np.zeros(len(pairs), np.float32))
    orientation, sim, kinds = scoring.score(feats, cand, sub)
    return orientation, sim, kinds == "edited"


def _tagged(lo: int, *args: np.ndarray) -> tuple[int, tuple[np.ndarray, np.ndarray, np.ndarray]]:
    return lo, score_task(*args)


def _payloads(
    cand: candidates.Candidates, prepared: candidates.Prepared, fields: np.ndarray, per_task: int
) -> Iterator[tuple]:
    for lo in range(0, len(cand), per_task):
        pairs = cand.pairs[lo : lo + per_task]
        files, local = np.unique(pairs, return_inverse=True)
        yield (
            lo,
            local.reshape(-1, 2),
            cand.orientation[lo : lo + per_task],
            prepared.z.take(files, axis=0),
            prepared.canon[files],
            # Packed: a view of some fields keeps every field's bytes.
            repack_fields(fields.take(files)),
        )


def scored(
    runner: Runner,
    cand: candidates.Candidates,
    prepared: candidates.Prepared,
    feats: np.ndarray,
    should_stop: Callable[[], bool],
    per_task: int = PAIRS_PER_TASK,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(orientation, similarity, kind) of every pair of ``cand``, measured and scored in chunks
    on ``runner``: what ``scoring.score(feats, cand, prepared)`` gives on the client."""
    orientation = np.empty(len(cand), np.int8)
    sim = np.empty(len(cand), np.float32)
    edited = np.empty(len(cand), bool)
    fields = feats[scoring.SCORED_FIELDS]
    for lo, (o, s, e) in runner.map(_tagged, _payloads(cand, prepared, fields, per_task), should_stop):
        orientation[lo : lo + len(o)], sim[lo : lo + len(o)], edited[lo : lo + len(o)] = o, s, e
    return orientation, sim, np.where(edited, "edited", "near")
