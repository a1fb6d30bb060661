"""Matching on a cluster: partitioned candidate search with the single-machine measuring and
scoring done in the partitions, deep verification spread over the workers.

Candidates come from :mod:`.partitions` instead of one index over everything. Each hash-stage
partition measures and scores its own candidates with the code a single-machine scan runs
(:func:`..match.scoring.score`), and its similarities and kinds travel with the pairs through
the merge, so the client measures none of them; a hash-only scan gets back only the pairs it
keeps (similarity at least the slider's floor, what one machine keeps of everything it
measures), not every candidate. Deep-only candidates (:mod:`.deep_partitions`) are measured in
chunks on the workers too (:mod:`.deep_only`). From there on the single machine's rules run
(:func:`..match.stage.other_moments`, :func:`..match.stage.scored_table`,
:func:`..deep.stage.pair_scores`), so equal candidates give equal pair tables and equal groups.
Geometric verification of deep candidates (~1 ms a pair, the slowest step of a first deep scan)
runs in chunks of pairs on the workers (:mod:`..deep.spread`, which one machine uses too over
its cores), each chunk shipped with only its files' thumbnails and embeddings.

Between scans the pairs are kept by the single machine's rule and code (:func:`match_saved`:
:func:`..match.stage.match` with :mod:`..store.pair_store`): a rescan of the same roots with the
same settings reuses every pair of two unchanged files, and only the new and changed files ask
the partitions for neighbours (among all files), so only their pairs are measured and scored;
a rescan where nothing changed searches and measures nothing. The pairs are saved beside the
feature store they were computed from: ``<store>/pairs/`` on a cluster (the client alone reads
and writes them), ``cache_dir()/pairs/`` beside the SQLite cache on one machine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import numpy as np

from ..deep import stage as deep_stage
from ..deep.spread import distributed_pair_scores
from ..errors import ScanCancelled
from ..match import candidates, scoring
from ..match import stage as match_stage
from ..match.incremental import MatchInput
from ..match.stage import DEEP_KEEP_MIN
from ..options import ScanOptions
from ..result import PairTable
from . import deep_only, partitions, routing
from .runner import Runner


@dataclass
class MatchStats:
    """What the partitioned search did (for the benchmark and the log)."""

    hash: partitions.SearchStats = field(default_factory=partitions.SearchStats)
    deep: partitions.SearchStats = field(default_factory=partitions.SearchStats)
    candidates: int = 0  # candidate pairs measured (and scored) this scan
    queried: int = 0  # images that asked the partitions for neighbours this scan


def match_saved(
    job: MatchInput,
    opts: ScanOptions,
    setup: deep_stage.DeepSetup | None,
    runner: Runner,
    *,
    partition_size: int = partitions.PARTITION_SIZE,
    stats: MatchStats | None = None,
) -> match_stage.Matched:
    """The kept pairs of ``job`` with those of the previous scan of its roots reused (set
    ``job.directory`` to persist them; None: everything is matched, nothing saved): the single
    machine's :func:`..match.stage.match`, with the partitioned search matching the rows."""
    matcher = partial(_match_rows, runner=runner, partition_size=partition_size, stats=stats)
    return match_stage.match(job, opts, setup, matcher)


def match_partitioned(
    job: MatchInput,
    opts: ScanOptions,
    setup: deep_stage.DeepSetup | None,
    runner: Runner,
    *,
    rows: np.ndarray | None = None,
    partition_size: int = partitions.PARTITION_SIZE,
    stats: MatchStats | None = None,
) -> PairTable:
    """The scored pairs of all files of ``job`` (positions into them; with ``rows``, only the
    pairs those files' queries find), as :func:`..match.stage.match_rows` scores them, with
    candidates from partitioned searches. Nothing is saved or reused (see :func:`match_saved`)."""
    deep_floor = min(setup.threshold, DEEP_KEEP_MIN) if setup is not None else None
    return _match_rows(
        job, rows, opts, setup, deep_floor, runner=runner, partition_size=partition_size, stats=stats
    )


SPILL_WARNING = "The candidate search kept its pairs in memory: they could not be written to disk"


def _warn_spill(job: MatchInput, stats: partitions.SearchStats) -> None:
    """Tell the user when a search's merge could not write its buckets (:mod:`.merge`): the pairs
    are all there, but a larger scan could run out of memory."""
    if stats.spill_error is None or any(w.startswith(SPILL_WARNING) for w in job.warnings):
        return  # the deep search failing too, on the same disk, would say the same again
    job.warnings.append(
        f"{SPILL_WARNING} ({stats.spill_error}). Large scans need free space in the cache folder "
        "(or DUPE_VIEWER_CACHE_DIR)."
    )


def _match_rows(
    job: MatchInput,
    rows: np.ndarray | None,
    opts: ScanOptions,
    setup: deep_stage.DeepSetup | None,
    deep_floor: float | None,
    *,
    runner: Runner,
    partition_size: int,
    stats: MatchStats | None,
) -> PairTable:
    """A :data:`..match.stage.RowMatcher`: find, measure and score the candidate pairs of
    ``rows`` (None: of all files) with partitioned searches on ``runner``."""
    stats = stats if stats is not None else MatchStats()
    feats = job.feats
    if len(job) < 2 or (rows is not None and len(rows) == 0):
        return PairTable.empty(deep=setup is not None)
    stats.queried = len(job) if rows is None else len(rows)
    use_deep = setup is not None and job.vectors is not None and deep_floor is not None
    prepared = routing.prepare(runner, feats["thumb"], job.should_stop)
    # Measured and scored in the partitions. A hash-only scan gets back only the pairs it keeps
    # (sim >= min_threshold: what the single machine keeps of everything it measures); a deep
    # scan every candidate, since a deep score can keep a pair the hashes do not.
    found = partitions.hash_scored(
        runner,
        prepared,
        feats,
        keep_at=None if use_deep else opts.min_threshold,
        partition_size=partition_size,
        should_stop=job.should_stop,
        stats=stats.hash,
        rows=rows,
    )
    _warn_spill(job, stats.hash)
    assert found.similarity is not None and found.edited is not None
    cand, sim = found.candidates, found.similarity
    orientation, kinds = cand.orientation, np.where(found.edited, "edited", "near")
    if use_deep:
        assert job.vectors is not None
        prepared.release_search_data()
        extra = deep_only.deep_only(job, rows, runner, partition_size, stats.deep, cand)
        _warn_spill(job, stats.deep)
        if len(extra):
            # Deep-only pairs have no orientation yet (-1): measuring them searches all eight.
            e_orient, e_sim, e_kinds = deep_only.scored(runner, extra, prepared, feats, job.should_stop)
            # In pair order, as one machine's union of both candidate sets (Candidates.concat).
            pairs = np.concatenate([cand.pairs, extra.pairs])
            order = np.lexsort((pairs[:, 1], pairs[:, 0]))
            orientation = np.concatenate([orientation, e_orient])[order]
            corr = np.concatenate([cand.corr, extra.corr])[order]
            cand = candidates.Candidates(pairs[order], orientation, corr)
            sim, kinds = np.concatenate([sim, e_sim])[order], np.concatenate([kinds, e_kinds])[order]
    del prepared
    stats.candidates = found.measured + (len(cand) - len(found.candidates))
    if job.should_stop():
        raise ScanCancelled()
    kinds = match_stage.other_moments(job.records, cand.pairs, orientation, sim, kinds, opts, job.should_stop)
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
