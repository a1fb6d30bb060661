"""What one scan knows while it runs: the :class:`ScanState` its stages fill in, and how a scan
starts (its cache, its deep model)."""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from .deep import stage as deep_stage
from .errors import ScanCancelled
from .features.perceptual import FEATURE_DTYPE
from .files import remote
from .files.discovery import FileEntry, FileError
from .files.records import ImageRecord
from .group.regroup import regrouped
from .options import GroupingParams, ScanOptions
from .result import Cancelled, PairTable, ScanResult, ScanStats
from .store.feature_cache import FeatureCache

log = logging.getLogger(__name__)

#: Progress events are rate-limited to this interval (seconds) to keep the consumer responsive.
PROGRESS_INTERVAL = 0.05
#: Analysed files written to the cache per transaction.
CACHE_BATCH = 256
#: Decode errors that say nothing about the file's content (access rights, I/O, memory): not
#: cached, since fixing them (chmod, remounting) leaves the file's identity unchanged.
TRANSIENT_ERRORS = ("permission denied", "file vanished", "cannot read file", "not enough memory")


class Ticker:
    """Rate-limits progress events."""

    def __init__(self) -> None:
        self.last = 0.0

    def due(self) -> bool:
        now = time.monotonic()
        if now - self.last >= PROGRESS_INTERVAL:
            self.last = now
            return True
        return False


class Embeddings:
    """Embeddings by record index as float16 rows, allocated at the first vector (its length): a
    million 512-d vectors in 1 GB, where a dict of float32 arrays would take twice that."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.has = np.zeros(n, dtype=bool)
        self.data: np.ndarray | None = None

    def put(self, i: int, v: np.ndarray) -> None:
        if self.data is None:
            self.data = np.zeros((self.n, len(v)), dtype=np.float16)
        self.data[i] = v
        self.has[i] = True

    def take(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """(matrix, has-vector mask) for ``rows``; None when there is no vector at all."""
        if self.data is None:
            return None
        return self.data[rows], self.has[rows]


@dataclass
class ScanState:
    """What one scan knows, filled in stage by stage (each field names the stage that sets it)."""

    roots: list[str]
    options: ScanOptions
    should_stop: Callable[[], bool]
    cache: FeatureCache | None
    setup: deep_stage.DeepSetup | None  # the deep model, None for hashes only
    deep_info: dict[str, Any]  # the report's "deep" section
    started: float = field(default_factory=time.monotonic)
    stats: ScanStats = field(default_factory=ScanStats)
    errors: list[FileError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: find_files: files of formats not read, by extension.
    skipped: Counter[str] = field(default_factory=Counter)
    tick: Ticker = field(default_factory=Ticker)
    #: find_files: what discovery found (dropped once the cache was consulted).
    entries: list[FileEntry] = field(default_factory=list)
    #: look_up_cache: one record per file, its features (zeros where has is False).
    records: list[ImageRecord] = field(default_factory=list)
    feats: np.ndarray = field(default_factory=lambda: np.zeros(0, FEATURE_DTYPE))
    has: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    #: compare_contents: records given content hashes (to store), each record's representative
    #: (the one file of its content that is analysed), and the byte-identical pairs.
    hashed: list[ImageRecord] = field(default_factory=list)
    copy_of: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    exact_pairs: np.ndarray = field(default_factory=lambda: np.empty((0, 2), np.int64))
    #: analyse: the representatives' embeddings (deep scans).
    vectors: Embeddings | None = None
    #: match: every pair worth keeping, as record indices.
    pairs: PairTable = field(default_factory=PairTable.empty)
    #: group: the result.
    final: ScanResult | None = None

    def check_cancel(self) -> None:
        if self.should_stop():
            raise ScanCancelled()

    def finish_stats(self) -> ScanStats:
        self.stats.seconds = round(time.monotonic() - self.started, 3)
        self.stats.errors = len(self.errors)
        return self.stats

    def cancelled(self) -> Cancelled:
        return Cancelled(self.finish_stats())

    def grouping(self) -> GroupingParams:
        # The deep threshold the groups use: the model's recommendation unless one was asked for.
        g = self.options.grouping
        return replace(g, deep_threshold=self.setup.threshold) if self.setup is not None else g

    def result(self, pairs: PairTable, *, complete: bool = True) -> ScanResult:
        """The result of what is known now, grouped at the scan's thresholds."""
        n = len(self.records)
        if complete:
            feats, has, stats = self.feats, self.has, self.stats
        else:
            # Early groups need no features: a zero-size stand-in instead of a copy of them.
            feats = np.broadcast_to(np.zeros(1, FEATURE_DTYPE), (n,))
            has, stats = np.zeros(n, bool), replace(self.stats)
        ungrouped = ScanResult(
            roots=self.roots,
            options=self.options,
            grouping=self.grouping() if complete else self.options.grouping,
            records=self.records,
            features=feats,
            has_features=has,
            pairs=pairs,
            groups=[],
            errors=self.errors if complete else [],
            stats=stats,
            warnings=self.warnings if complete else [],
            deep=self.deep_info if complete else {"enabled": False, "reason": "not requested"},
            complete=complete,
            skipped=dict(sorted(self.skipped.items(), key=lambda kv: (-kv[1], kv[0]))),
        )
        return regrouped(ungrouped)


def open_cache(
    options: ScanOptions, cache: FeatureCache | None, warnings: list[str]
) -> tuple[FeatureCache | None, bool]:
    """The cache a scan uses and whether the scan opened it (and must close it)."""
    if not options.use_cache:
        return None, False
    if cache is not None:
        return cache, False
    try:
        return FeatureCache(), True
    except (sqlite3.Error, OSError) as exc:
        warnings.append(f"The feature cache could not be opened ({exc}); scanning without it.")
        return None, False


def start(
    roots: list[str], options: ScanOptions, cache: FeatureCache | None, should_stop: Callable[[], bool]
) -> tuple[ScanState, bool]:
    """A new scan's state, and whether it owns its cache. Raises DeepUnavailable before any work
    when deep matching is required but impossible."""
    warnings: list[str] = []
    started = time.monotonic()
    cache, own = open_cache(options, cache, warnings)
    if cache is not None:
        # Taken, not copied: a cache passed to several scans reports each problem once.
        warnings.extend(cache.pop_warnings())
    try:
        setup, deep_info = deep_stage.resolve(options.deep, options.model, options.deep_threshold)
    except BaseException:
        if own and cache is not None:
            cache.close()
        raise
    state = ScanState(
        # A cluster scan's fsspec URLs stay as given: abspath would make them local paths.
        roots=[r if remote.is_url(r) else os.path.abspath(os.fspath(r)) for r in roots],
        options=options,
        should_stop=should_stop,
        cache=cache,
        setup=setup,
        deep_info=deep_info,
        started=started,
        warnings=warnings,
    )
    return state, own
