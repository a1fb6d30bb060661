"""The matching stage of a scan: candidate pairs, scores and deep scores, incremental across scans.

Input: the scan's *representatives* (one file per distinct content, with features) and, for deep
scans, their embeddings (a :class:`~.incremental.MatchInput`). Output: the pairs worth keeping
for regrouping, with hash similarity, kind and deep scores (a :class:`~..result.PairTable`).

The rule that decides what is reused (:func:`match`) is shared with a cluster scan
(:mod:`..cluster.matching`), which only replaces how the rows are matched (``matcher``): a
partitioned candidate search instead of the persisted indexes, the same measuring and scoring.

A first scan matches everything and saves the result plus the hash-stage descriptors in a
persisted index (:mod:`.incremental`). A rescan of the same folders reuses every pair between
unchanged files and only asks the indexes about new or changed files, so a rescan where nothing
changed matches nothing at all, and one with 1 % new files queries 1 % of the images. When more
than :data:`FULL_RATIO` of the files are new, everything is matched again (as fast, and as
complete, as a first scan).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..deep import stage as deep_stage
from ..errors import ScanCancelled
from ..files.records import ImageRecord
from ..options import ScanOptions
from ..result import PairTable
from . import incremental
from .incremental import MatchInput

log = logging.getLogger(__name__)

#: Above this share of new or changed files, match everything from scratch.
FULL_RATIO = 0.5
#: Deep pairs at or above this verified score are kept for regrouping (the slider's floor).
DEEP_KEEP_MIN = 0.8


@dataclass(frozen=True)
class Matched:
    """A matching run's kept pairs (positions into its files) and what it cost."""

    table: PairTable
    matched: int = 0  # files whose neighbours were looked up this time
    reused: int = 0  # pairs taken from the previous scan


#: Finds, measures and scores the candidate pairs of some rows of a job (None: of all of them):
#: (job, rows, options, deep setup, deep floor) -> the kept pairs, as :func:`match_rows` does.
RowMatcher = Callable[
    [MatchInput, np.ndarray | None, ScanOptions, deep_stage.DeepSetup | None, float | None], PairTable
]


def match(
    job: MatchInput,
    opts: ScanOptions,
    setup: deep_stage.DeepSetup | None,
    matcher: RowMatcher | None = None,
) -> Matched:
    """Match the files of ``job``: everything, or only the new and changed ones when the pairs of
    the same folders and settings were saved. Raises ScanCancelled when ``job.should_stop()``.

    ``matcher`` matches the rows that need it (default :func:`match_rows`, the single-machine
    indexes); a cluster passes its partitioned search, so both keep and reuse pairs by one rule.
    It is not called at all when nothing changed."""
    matcher = matcher or match_rows
    n = len(job)
    deep_floor = min(setup.threshold, DEEP_KEEP_MIN) if setup is not None else None
    store = incremental.pair_store(job, opts, setup, deep_floor)
    old = store.load()
    job.warnings.extend(store.warnings)
    old_pos = incremental.unchanged(old, job) if old is not None else np.full(n, -1)
    fresh = np.flatnonzero(old_pos < 0)
    full = old is None or len(fresh) > FULL_RATIO * n

    rows = None if full else fresh
    if rows is not None and len(rows) == 0:
        # Nothing new or changed: nothing to search or measure, on one machine or a cluster.
        table = PairTable.empty(deep=setup is not None)
    else:
        table = matcher(job, rows, opts, setup, deep_floor)
    reused = 0
    if not full and old is not None:
        saved = incremental.reuse(old, old_pos)
        reused = len(saved)
        table = PairTable.concat([table, saved])
        if setup is None:
            table = table.without_deep()  # a hash-only scan keeps no deep columns
    try:
        store.save(incremental.stored(job, table))
    except OSError as exc:
        job.warnings.append(f"Could not save the matches ({exc}); the next scan matches everything again.")
    return Matched(table, matched=n if full else len(fresh), reused=reused)


def match_rows(
    job: MatchInput,
    rows: np.ndarray | None,
    opts: ScanOptions,
    setup: deep_stage.DeepSetup | None,
    deep_floor: float | None,
) -> PairTable:
    """Find, measure and score the candidate pairs of ``rows`` (None: of all files)."""
    if rows is not None and len(rows) == 0:
        return PairTable.empty(deep=setup is not None)
    # Here, not above: a rescan where nothing changed matches nothing and needs none of them.
    from . import candidates, scoring

    feats = job.feats
    prepared = candidates.prepare(feats["thumb"])
    search = incremental.hash_search(prepared, job)
    parts = candidates.query_candidates(prepared, search, rows=rows, should_stop=job.should_stop)
    # The hash index is saved; neither deduplicating nor measuring needs it (graph and label
    # maps, ~0.7 GB at a million images) or the search descriptors: freed before both.
    del search
    prepared.release_search_data()
    cand = candidates.Candidates.concat(parts)
    deep_rows = None
    if setup is not None and job.vectors is not None:
        deep_rows, deep_cand = deep_stage.index_candidates(
            setup,
            job.paths,
            job.idents,
            job.vectors,
            job.roots,
            rows,
            job.directory,
            job.present,
            job.warnings,
        )
        # Deep-only pairs have no orientation yet (-1): measuring them searches all eight.
        extra = candidates.Candidates(
            deep_cand.reshape(-1, 2),
            np.full(len(deep_cand), -1, np.int8),
            np.zeros(len(deep_cand), np.float32),
        )
        cand = candidates.Candidates.concat([cand, extra])
    if job.should_stop():
        raise ScanCancelled()
    orientation, sim, kinds = scoring.score(feats, cand, prepared, job.should_stop)
    kinds = other_moments(job.records, cand.pairs, orientation, sim, kinds, opts, job.should_stop)
    keep = sim >= opts.min_threshold
    deep = None
    if deep_rows is not None and deep_floor is not None:
        assert job.vectors is not None
        from ..deep import spread  # over every core (--workers) once there are enough pairs

        deep_sim, crop_box, crop_in = spread.pair_scores(
            cand.pairs,
            deep_rows,
            job.vectors,
            feats["thumb"],
            sim >= scoring.NEAR_SIMILARITY,
            len(job),
            job.should_stop,
            workers=opts.workers,
            warnings=job.warnings,
        )
        deep = (deep_sim, crop_box, crop_in)
    return scored_table(feats, cand.pairs, sim, kinds, keep, opts.threshold, deep_floor, deep)


def other_moments(
    records: Sequence[ImageRecord],
    pairs: np.ndarray,
    orientation: np.ndarray,
    sim: np.ndarray,
    kinds: np.ndarray,
    opts: ScanOptions,
    should_stop: Callable[[], bool],
) -> np.ndarray:
    """``kinds`` with the same-size pairs whose content moved (:mod:`.parallax`) as similar
    shots. One rule for one machine and for a cluster."""
    from . import parallax  # here: a rescan that matches nothing decodes nothing

    shot = parallax.other_moments(
        records, pairs, orientation, sim, opts.threshold, opts.max_pixels, should_stop
    )
    return np.where(shot, "shot", kinds) if shot.any() else kinds


def scored_table(
    feats: np.ndarray,
    pairs: np.ndarray,
    sim: np.ndarray,
    kinds: np.ndarray,
    keep: np.ndarray,
    threshold: float,
    deep_floor: float | None,
    deep: tuple[np.ndarray, np.ndarray, np.ndarray] | None,
) -> PairTable:
    """The pair table of measured candidate ``pairs``: hash similarity ``sim`` and ``kinds``,
    ``keep`` where the hashes reach their floor, and with ``deep`` (verified deep similarity,
    crop window, container, from :func:`..deep.stage.pair_scores`) the deep columns. One rule
    for one machine and for a cluster (:mod:`..cluster.matching`), so both give the same pairs."""
    deep_cols: dict[str, np.ndarray] = {}
    if deep is not None and deep_floor is not None:
        from ..deep import verify

        deep_sim, crop_box, crop_in = deep
        # A window whose colours are not the crop's is a look-alike, not a crop (see verify).
        off = verify.colour_mismatch(feats["colour"], feats["chroma"], pairs, crop_box, crop_in)
        crop_in = np.where(off, -1, crop_in).astype(np.int8)
        crop_box = np.where(off[:, None], np.nan, crop_box).astype(np.float32)
        # A deep-only pair whose best window was a crop is an edit; otherwise just similar.
        kinds = np.where((sim < threshold) & (crop_in >= 0), "edited", kinds)
        keep = keep | (np.nan_to_num(deep_sim, nan=0.0) >= deep_floor)
        deep_cols = {
            "deep_similarity": deep_sim[keep],
            "crop_box": crop_box[keep],
            "crop_container": crop_in[keep],
        }
    return PairTable(
        ij=pairs[keep].reshape(-1, 2),
        similarity=sim[keep].astype(np.float32),
        kinds=kinds[keep].astype(str),
        **deep_cols,
    )
