"""Matching on a cluster: partitioned candidate search, then the single-machine measuring,
scoring and deep verification, the verification spread over the workers.

Candidates come from :mod:`.partitions` instead of one index over everything; from there on
every pair goes through the code a single-machine scan runs (:func:`..match.measure.measure`,
:mod:`..match.scoring`, :func:`..deep.stage.pair_scores`), with the same keep rule as
:func:`..match.stage.match_rows`, so equal candidates give equal pair tables and equal groups.
Geometric verification of deep candidates (~1 ms a pair, the slowest step of a first deep scan)
runs in chunks of pairs on the workers (:mod:`..deep.spread`, which one machine uses too over
its cores), each chunk shipped with only its files' thumbnails and embeddings. A cluster scan
matches everything every time (no saved pairs yet).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..deep import stage as deep_stage
from ..deep.spread import distributed_pair_scores
from ..errors import ScanCancelled
from ..match import candidates, measure, scoring
from ..match import stage as match_stage
from ..match.incremental import MatchInput
from ..match.stage import DEEP_KEEP_MIN
from ..options import ScanOptions
from ..result import PairTable
from . import partitions
from .runner import Runner


@dataclass
class MatchStats:
    """What the partitioned search did (for the benchmark and the log)."""

    hash: partitions.SearchStats = field(default_factory=partitions.SearchStats)
    deep: partitions.SearchStats = field(default_factory=partitions.SearchStats)
    candidates: int = 0


def match_partitioned(
    job: MatchInput,
    opts: ScanOptions,
    setup: deep_stage.DeepSetup | None,
    runner: Runner,
    *,
    partition_size: int = partitions.PARTITION_SIZE,
    stats: MatchStats | None = None,
) -> PairTable:
    """The scored pairs of all files of ``job`` (positions into them), as
    :func:`..match.stage.match_rows` scores them, with candidates from partitioned searches."""
    stats = stats if stats is not None else MatchStats()
    deep_floor = min(setup.threshold, DEEP_KEEP_MIN) if setup is not None else None
    feats = job.feats
    if len(job) < 2:
        return PairTable.empty(deep=setup is not None)
    prepared = candidates.prepare(feats["thumb"])
    cand = partitions.hash_candidates(
        runner, prepared, partition_size=partition_size, should_stop=job.should_stop, stats=stats.hash
    )
    prepared.release_search_data()
    use_deep = setup is not None and job.vectors is not None and deep_floor is not None
    if use_deep:
        assert job.vectors is not None
        have = np.flatnonzero(job.vectors[1])
        pairs, _ = partitions.deep_candidates(
            runner,
            job.vectors[0][have],
            partition_size=partition_size,
            should_stop=job.should_stop,
            stats=stats.deep,
        )
        deep_cand = have[pairs] if len(pairs) else pairs.reshape(0, 2)
        # Deep-only pairs have no orientation yet (-1): measuring them searches all eight.
        extra = candidates.Candidates(
            deep_cand.reshape(-1, 2),
            np.full(len(deep_cand), -1, np.int8),
            np.zeros(len(deep_cand), np.float32),
        )
        cand = candidates.Candidates.concat([cand, extra])
    stats.candidates = len(cand)
    if job.should_stop():
        raise ScanCancelled()
    meas = measure.measure(feats, cand, should_stop=job.should_stop, prepared=prepared)
    sim = scoring.hash_similarity(meas)
    kinds = scoring.classify(meas, sim, feats["trimmed"])
    kinds = match_stage.other_moments(
        job.records, cand.pairs, meas.orientation, sim, kinds, opts, job.should_stop
    )
    keep = sim >= opts.min_threshold
    deep = None
    if use_deep:
        assert job.vectors is not None and deep_floor is not None
        deep_sim, crop_box, crop_in = distributed_pair_scores(
            runner,
            cand.pairs,
            job.vectors,
            feats["thumb"],
            sim >= scoring.NEAR_SIMILARITY,
            job.should_stop,
        )
        deep = (deep_sim, crop_box, crop_in)
    # The single machine's rule, shared: the same pairs, kinds and deep columns.
    return match_stage.scored_table(feats, cand.pairs, sim, kinds, keep, opts.threshold, deep_floor, deep)
