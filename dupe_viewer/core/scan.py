"""The scan pipeline, as a generator of events.

``scan(roots, options)`` yields :class:`Progress`, :class:`ErrorFound` and :class:`GroupsFound`
events and finally :class:`Finished` (or :class:`Cancelled`). Callers that do not care about
progress use :func:`run_scan`. The GUI iterates the same generator on a worker thread.

Phases: find files → look them up in the cache → compare contents of same-size files (exact
duplicates) → decode and hash what the cache lacks, on all cores (one file per distinct content)
→ candidate pairs and scores → groups. Results are written to the cache as they arrive, so a
cancelled scan keeps its work.
"""

from __future__ import annotations

import itertools
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import numpy as np

from . import deep as deep_mod
from . import exact, matcher
from .analysis import AnalysisPool, WorkerConfig
from .cache import FeatureCache
from .discovery import FileEntry, FileError, discover
from .errors import ScanCancelled
from .features import FEATURE_DTYPE
from .gc_pause import gc_paused
from .grouping import group_pairs
from .keep import keeper_rank
from .records import ImageRecord
from .settings import ScanOptions

log = logging.getLogger(__name__)

#: A group's kind is the loosest relation in it (the reference's own "kind" never counts).
_LOOSEST_FIRST = ("similar", "edited", "near", "exact")
#: Progress events are rate-limited to this interval (seconds) to keep the consumer responsive.
_PROGRESS_INTERVAL = 0.05
_CACHE_BATCH = 256
#: Decode errors that say nothing about the file's content (access rights, I/O, memory): not
#: cached, since fixing them (chmod, remounting) leaves the file's identity unchanged.
_TRANSIENT_ERRORS = ("permission denied", "file vanished", "cannot read file", "not enough memory")


class Phase(str, Enum):
    DISCOVER = "finding files"
    CACHE = "checking the cache"
    CONTENT = "comparing file contents"
    DECODE = "reading images"
    MATCH = "matching"
    GROUP = "grouping"


@dataclass
class Progress:
    phase: Phase
    done: int
    total: int  # 0 when not known yet


@dataclass
class ErrorFound:
    error: FileError


@dataclass
class Member:
    index: int  # into ScanResult.records
    similarity: float  # to the group's reference, 0-1
    kind: str  # "reference", "exact", "near", "edited", "similar"


@dataclass
class DupGroup:
    id: int
    kind: str  # the loosest relation in the group
    keep: int  # index into ScanResult.records of the suggested file to keep
    reference: int
    members: list[Member]

    @property
    def indices(self) -> list[int]:
        return [m.index for m in self.members]


@dataclass
class GroupsFound:
    """Groups known before the scan ends (exact duplicates); the final result supersedes them.

    ``records`` is the scan's file list the groups index into (the final result's records are
    the same objects, with image facts filled in later)."""

    groups: list[DupGroup]
    records: list[ImageRecord] = field(default_factory=list)


@dataclass
class ScanStats:
    files: int = 0
    from_cache: int = 0
    decoded: int = 0
    copies: int = 0  # byte-identical copies that were not decoded again
    matched: int = 0  # files whose neighbours were looked up (only new or changed ones on a rescan)
    pairs_reused: int = 0  # scored pairs taken from the previous scan of the same folders
    errors: int = 0
    seconds: float = 0.0


@dataclass
class ScanResult:
    """Everything a scan found. Pair arrays are aligned: row p describes ``pairs[p]``."""

    roots: list[str]
    options: ScanOptions
    records: list[ImageRecord]
    features: np.ndarray  # FEATURE_DTYPE, aligned with records (zeros where has_features is False)
    has_features: np.ndarray  # bool
    pairs: np.ndarray  # P×2 indices into records: every pair worth keeping for regrouping
    similarity: np.ndarray  # P float32: hash-stage similarity (NaN when not measured)
    kinds: np.ndarray  # P str: "exact", "near" or "edited" (the hash-stage verdict)
    groups: list[DupGroup]
    errors: list[FileError]
    stats: ScanStats
    warnings: list[str] = field(default_factory=list)
    #: P float32: deep (embedding) similarity, NaN where not computed; None without deep matching.
    deep_similarity: np.ndarray | None = None
    deep: dict[str, Any] = field(default_factory=lambda: {"enabled": False, "reason": "not requested"})
    #: P×4 float32: where one file of a pair is a crop of the other, the crop's window in the
    #: containing file (x0, y0, x1, y1 as fractions of its sides); NaN rows otherwise.
    crop_box: np.ndarray | None = None
    #: P int8: which side of the pair contains the crop (0 or 1), -1 when not a crop.
    crop_container: np.ndarray | None = None

    def regroup(
        self,
        threshold: float | None = None,
        deep_threshold: float | None = None,
        excluded: Collection[tuple[int, int]] | None = None,
    ) -> list[DupGroup]:
        """Groups for other thresholds, from the pairs already scored (no file is read).

        ``threshold``/``deep_threshold`` default to the current options. ``excluded`` holds pairs
        (i, j) of record indices the user said are not duplicates; they never link two files.
        """
        if threshold is not None:
            self.options.threshold = threshold
        if deep_threshold is not None:
            self.options.deep_threshold = deep_threshold
        self.groups = build_groups(self, excluded=excluded)
        return self.groups

    def priority(self) -> np.ndarray:
        """Per file, what makes it the better reference after match counts (larger first):
        pixels, bytes, then the alphabetically first path. Computed once per result."""
        cached = getattr(self, "_priority", None)
        if cached is None or len(cached) != len(self.records):
            order = sorted(range(len(self.records)), key=lambda i: self.records[i].path)
            path_rank = np.empty(len(self.records), dtype=np.float64)
            path_rank[order] = np.arange(len(self.records))
            cached = (
                np.column_stack(
                    [
                        np.array([r.pixels for r in self.records], dtype=np.float64),
                        np.array([r.size for r in self.records], dtype=np.float64),
                        -path_rank,
                    ]
                )
                if self.records
                else np.empty((0, 3))
            )
            self._priority = cached
        return cached

    def keeper_rank(self) -> np.ndarray:
        """Per file, its place in the keep rules' order (see :func:`keep.keeper_rank`); computed
        once per result and set of rules."""
        key = (tuple(self.options.keep_rules), tuple(self.options.protected), len(self.records))
        cached = getattr(self, "_keeper_rank", None)
        if cached is None or cached[0] != key:
            cached = (key, keeper_rank(self.records, self.options.keep_rules, self.options.protected))
            self._keeper_rank = cached
        return cached[1]

    def pair_index(self) -> dict[tuple[int, int], int]:
        """(i, j) with i < j -> row in the pair arrays."""
        lo = np.minimum(self.pairs[:, 0], self.pairs[:, 1])
        hi = np.maximum(self.pairs[:, 0], self.pairs[:, 1])
        return {(int(a), int(b)): n for n, (a, b) in enumerate(zip(lo, hi, strict=True))}


@dataclass
class Finished:
    result: ScanResult


@dataclass
class Cancelled:
    stats: ScanStats


ScanEvent = Progress | ErrorFound | GroupsFound | Finished | Cancelled


def _stopper(cancel: Any) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event) or hasattr(cancel, "is_set"):
        return cancel.is_set
    if callable(cancel):
        return cancel
    raise TypeError("cancel must be an Event-like object or a callable")


def edges(
    result: ScanResult, excluded: Collection[tuple[int, int]] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs that link files at the current thresholds: (pairs, score, kind).

    A pair links when it is byte-identical, or its hash similarity reaches ``threshold``, or its
    deep similarity reaches ``deep_threshold`` (then, if the hashes did not agree, it is of kind
    ``edited`` when verification found it to be a crop, else ``similar``, and its score is the
    deep similarity).
    """
    opts = result.options
    sim = np.nan_to_num(result.similarity, nan=-1.0)
    exact_ = result.kinds == "exact"
    by_hash = exact_ | (sim >= opts.threshold)
    score = np.where(exact_, 1.0, sim)
    kinds = result.kinds  # a str array: np.where below widens it for the longer kind names
    link = by_hash.copy()
    if result.deep_similarity is not None and opts.deep_threshold is not None:
        deep = np.nan_to_num(result.deep_similarity, nan=-1.0)
        by_deep = ~by_hash & (deep >= opts.deep_threshold)
        link |= by_deep
        score = np.where(by_deep, deep, score)
        # Verified as a window of the other: a crop, i.e. an edit; otherwise merely similar.
        crop = result.crop_container >= 0 if result.crop_container is not None else np.zeros(len(deep), bool)
        kinds = np.where(by_deep, np.where(crop, "edited", "similar"), kinds)
    if excluded:
        ex = {(min(a, b), max(a, b)) for a, b in excluded}
        lo = np.minimum(result.pairs[:, 0], result.pairs[:, 1])
        hi = np.maximum(result.pairs[:, 0], result.pairs[:, 1])
        n = max(len(result.records), 1)
        ex_keys = np.array([a * n + b for a, b in ex], dtype=np.int64)
        link &= ~np.isin(lo * n + hi, ex_keys)
    return result.pairs[link], score[link].astype(np.float32), np.asarray(kinds[link], dtype=str)


def build_groups(result: ScanResult, excluded: Collection[tuple[int, int]] | None = None) -> list[DupGroup]:
    """Reference-centred groups (see :mod:`grouping`) at the result's current thresholds.

    Byte-identical copies are collapsed onto their representative first (the file that was
    matched) and join whatever group it joins: a star of exact copies must not out-vote, or
    split off, the original that all the edited variants matched.
    """
    with gc_paused():  # hundreds of thousands of small acyclic objects (see gc_pause)
        return _build_groups(result, excluded)


def _build_groups(result: ScanResult, excluded: Collection[tuple[int, int]] | None) -> list[DupGroup]:
    records = result.records
    p, s, k = edges(result, excluded)
    if len(p) == 0:
        return []
    is_exact = k == "exact"
    copies: dict[int, list[int]] = {}
    for rep, copy in p[is_exact]:
        copies.setdefault(int(rep), []).append(int(copy))
    p, s, k = p[~is_exact], s[~is_exact], k[~is_exact]
    rank = result.keeper_rank()
    raw = (
        group_pairs(len(records), p, s, k, result.priority(), prefer=rank, kind_order=_LOOSEST_FIRST)
        if len(p)
        else []
    )
    crops = _crop_windows(result)
    grouped_reps = set()
    groups: list[DupGroup] = []
    for g in raw:
        members = list(itertools.starmap(Member, g.rows))
        # Both valid while the members are exactly the grouped ones.
        keeper, kind = g.best, g.first_kind
        if crops:
            before = len(members)
            members = _drop_disjoint_crops(members, g.reference, crops)
            if len(members) < 2 and not copies.get(g.reference):
                continue
            if len(members) != before:
                keeper, kind = -1, None
        grouped_reps.update(g.members)
        if copies and not copies.keys().isdisjoint(g.members):
            for m in list(members):
                for c in copies.get(m.index, ()):
                    # A copy of the reference is an exact match; a copy of a member relates to
                    # the reference exactly as that member does.
                    members.append(Member(c, m.similarity, "exact" if m.kind == "reference" else m.kind))
                    keeper, kind = -1, None
        groups.append(_finish_group(members, g.reference, rank, keeper, kind))
    for rep, cs in copies.items():
        if rep not in grouped_reps:
            members = [Member(rep, 1.0, "reference")] + [Member(c, 1.0, "exact") for c in cs]
            groups.append(_finish_group(members, rep, rank))
    # Stable presentation order: biggest groups first, then by the keeper's path.
    groups.sort(key=lambda g: (-len(g.members), records[g.keep].path))
    for n, g in enumerate(groups, 1):
        g.id = n
    return groups


def _crop_windows(result: ScanResult) -> dict[tuple[int, int], np.ndarray]:
    """(container, crop) record indices -> the crop's window in the container."""
    if result.crop_box is None or result.crop_container is None:
        return {}
    # Only pairs that deep similarity links: when the hashes already match (a rotated or
    # mirrored copy), the orientation-blind window search says nothing about crops.
    hash_linked = np.nan_to_num(result.similarity, nan=-1.0) >= result.options.threshold
    rows = np.flatnonzero((result.crop_container >= 0) & ~hash_linked)
    out = {}
    for r in rows:
        side = int(result.crop_container[r])
        container, crop = int(result.pairs[r, side]), int(result.pairs[r, 1 - side])
        out[(container, crop)] = result.crop_box[r]
    return out


def _drop_disjoint_crops(
    members: list[Member], reference: int, crops: dict[tuple[int, int], np.ndarray]
) -> list[Member]:
    """Keep crops of the reference only if they show the same part of it.

    Two crops of one photo that show different parts of it (its left and right halves) are
    different pictures, even though each is a crop of the reference. Crops are taken largest
    first; a crop is dropped from the group when, against a crop already kept, less than half
    of the smaller window lies inside the other.
    """
    kept_boxes: list[np.ndarray] = []
    out: list[Member] = []

    def order_key(m: Member) -> tuple[float, float]:
        # Larger windows first: a big crop overlaps most others, so it rarely costs one.
        box = crops.get((reference, m.index))
        area = 1.0 if box is None else float((box[2] - box[0]) * (box[3] - box[1]))
        return (-area, -m.similarity)

    for m in sorted(members, key=order_key):
        box = crops.get((reference, m.index))
        if box is None:
            out.append(m)
            continue
        if all(_overlap(box, other) >= 0.5 for other in kept_boxes):
            kept_boxes.append(box)
            out.append(m)
    order = {m.index: n for n, m in enumerate(members)}
    return sorted(out, key=lambda m: order[m.index])


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection of two boxes over the smaller one's area."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return float(w * h / smaller) if smaller > 0 else 0.0


def _finish_group(
    members: list[Member], reference: int, rank: np.ndarray, keeper: int = -1, kind: str | None = None
) -> DupGroup:
    if keeper < 0:
        keeper = max((m.index for m in members), key=rank.__getitem__)
    if kind is None:
        present = {m.kind for m in members}
        kind = next((k for k in _LOOSEST_FIRST if k in present), "exact")
    return DupGroup(id=0, kind=kind, keep=keeper, reference=reference, members=members)


class _Embeddings:
    """Embeddings by record index as float16 rows, allocated at the first vector (its length)."""

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


class _Ticker:
    """Rate-limits progress events."""

    def __init__(self) -> None:
        self.last = 0.0

    def due(self, force: bool = False) -> bool:
        now = time.monotonic()
        if force or now - self.last >= _PROGRESS_INTERVAL:
            self.last = now
            return True
        return False


def scan(
    roots: Iterable[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    *,
    cache: FeatureCache | None = None,
    cancel: Any = None,
) -> Iterator[ScanEvent]:
    """Scan ``roots`` and yield events; the last one is :class:`Finished` or :class:`Cancelled`.

    ``cache``: an open FeatureCache to use (default: the per-user one, unless
    ``options.use_cache`` is False). ``cancel``: a threading.Event or a callable returning True
    to stop; the scan stops within a second and keeps what it cached.
    """
    opts = options or ScanOptions()
    should_stop = _stopper(cancel)
    started = time.monotonic()
    roots_abs = [os.path.abspath(os.fspath(r)) for r in roots]
    stats = ScanStats()
    errors: list[FileError] = []
    warnings: list[str] = []
    tick = _Ticker()

    own_cache = False
    if opts.use_cache and cache is None:
        try:
            cache = FeatureCache()
            own_cache = True
        except (sqlite3.Error, OSError) as exc:
            warnings.append(f"The feature cache could not be opened ({exc}); scanning without it.")
            cache = None
    if not opts.use_cache:
        cache = None
    if cache is not None:
        warnings.extend(cache.warnings)
    # Raises DeepUnavailable before any work when deep matching is required but impossible.
    setup, deep_info = deep_mod.resolve(opts.deep, opts.model, opts.deep_threshold)

    def result_of(pairs: np.ndarray, sim: np.ndarray, kinds: np.ndarray, **deep: Any) -> ScanResult:
        return ScanResult(
            roots=roots_abs,
            options=opts,
            records=records,
            features=feats,
            has_features=has,
            pairs=pairs,
            similarity=sim,
            kinds=kinds,
            groups=[],
            errors=errors,
            stats=stats,
            warnings=warnings,
            **deep,
        )

    def cancelled() -> Cancelled:
        stats.seconds = round(time.monotonic() - started, 3)
        stats.errors = len(errors)
        return Cancelled(stats)

    try:
        # -- 1. discovery ----------------------------------------------------------------------
        entries: list[FileEntry] = []
        for item in discover(roots_abs, opts.discovery):
            if isinstance(item, FileError):
                errors.append(item)
                yield ErrorFound(item)
            else:
                entries.append(item)
            if tick.due():
                if should_stop():
                    yield cancelled()
                    return
                yield Progress(Phase.DISCOVER, len(entries), 0)
        stats.files = len(entries)
        yield Progress(Phase.DISCOVER, len(entries), len(entries))

        # -- 2. cache lookup -------------------------------------------------------------------
        yield Progress(Phase.CACHE, 0, len(entries))
        n_files = len(entries)
        found: list[ImageRecord | None] = [None] * n_files
        feats = np.zeros(n_files, dtype=FEATURE_DTYPE)
        has = np.zeros(n_files, dtype=bool)
        if cache is not None:
            try:
                keys = [(e.path, e.size, e.mtime_ns, e.inode, e.device) for e in entries]
                for pos, rec, blob in cache.iter_lookup(keys):
                    found[pos] = rec
                    if blob is not None:
                        feats[pos] = np.frombuffer(blob, dtype=FEATURE_DTYPE)[0]
                        has[pos] = True
                del keys
            except sqlite3.DatabaseError as exc:
                cache.recover(exc)
                warnings.append(f"The feature cache was damaged ({exc}) and has been rebuilt.")
                found = [None] * n_files
                feats = np.zeros(n_files, dtype=FEATURE_DTYPE)
                has = np.zeros(n_files, dtype=bool)
        records: list[ImageRecord] = [
            rec if rec is not None else ImageRecord(e.path, e.size, e.mtime_ns, e.inode, e.device)
            for rec, e in zip(found, entries, strict=True)
        ]
        del found, entries  # a million discovery entries are not needed past this point
        stats.from_cache = int(has.sum())
        yield Progress(Phase.CACHE, n_files, n_files)

        # -- 3. exact duplicates: size -> first block -> whole file ---------------------------
        hashed_dirty: list[ImageRecord] = []
        buckets = exact.size_collisions([r.size for r in records])
        need_partial = [i for b in buckets for i in b if records[i].partial is None]
        need_full: list[int] = []
        total_content = len(need_partial)
        done_content = 0

        def hash_one(i: int, full: bool) -> tuple[int, bytes | None, str | None]:
            try:
                if full:
                    return i, exact.full_hash(records[i].path, should_stop), None
                return i, exact.partial_hash(records[i].path), None
            except InterruptedError:
                return i, None, None
            except OSError as exc:
                return i, None, _io_reason(exc)

        with ThreadPoolExecutor(max_workers=4) as pool:
            for full in (False, True):
                if full:
                    buckets = exact.refine(buckets, lambda i: records[i].partial)
                    need_full = [i for b in buckets for i in b if records[i].digest is None]
                    total_content += len(need_full)
                todo = need_full if full else need_partial
                for i, h, err in pool.map(lambda i, f=full: hash_one(i, f), todo):
                    done_content += 1
                    if err is not None:
                        records[i].error = err
                    elif h is not None:
                        if full:
                            records[i].digest = h
                        else:
                            records[i].partial = h
                        hashed_dirty.append(records[i])
                    if tick.due():
                        if should_stop():
                            pool.shutdown(wait=False, cancel_futures=True)
                            yield cancelled()
                            return
                        yield Progress(Phase.CONTENT, done_content, total_content)
        buckets = exact.refine(buckets, lambda i: records[i].digest)
        yield Progress(Phase.CONTENT, total_content, total_content)

        # Exact pairs as a star around each content's first file; that file alone is decoded.
        exact_pairs: list[tuple[int, int]] = []
        copy_of = np.arange(len(records))
        for b in buckets:
            b = sorted(b, key=lambda i: records[i].path)
            rep = next((i for i in b if has[i]), b[0])
            for i in b:
                if i != rep:
                    exact_pairs.append((rep, i))
                    copy_of[i] = rep
        if exact_pairs:
            ep = np.array(exact_pairs, dtype=np.int64)
            early = build_groups(result_of(ep, np.ones(len(ep), np.float32), np.full(len(ep), "exact")))
            yield GroupsFound(early, records)

        # -- 4. decode and hash what the cache lacks --------------------------------------------
        # Embeddings of the representatives, one float16 row per record (a million 512-d
        # vectors in 1 GB; a dict of float32 arrays would take twice that, plus overhead).
        vectors = _Embeddings(len(records)) if setup is not None else None
        if vectors is not None and cache is not None:
            rep_paths = [records[i].path for i in range(len(records)) if copy_of[i] == i and has[i]]
            index_of = {r.path: i for i, r in enumerate(records)}
            try:
                for p, v in cache.iter_embeddings(rep_paths, setup.model_id):
                    vectors.put(index_of[p], v)
            except sqlite3.DatabaseError:
                vectors = _Embeddings(len(records))
        todo_idx = [
            i
            for i in range(len(records))
            if copy_of[i] == i
            and records[i].error is None
            and (not has[i] or (vectors is not None and not vectors.has[i]))
        ]
        by_path = {records[i].path: i for i in todo_idx}
        stats.decoded = 0
        pending: list[tuple[ImageRecord, bytes | None]] = []
        pending_vectors: list[tuple[str, np.ndarray]] = []

        def flush() -> None:
            nonlocal cache
            if cache is None or not pending:
                pending.clear()
                return
            try:
                cache.store(pending)
                if setup is not None and pending_vectors:
                    cache.store_embeddings(pending_vectors, setup.model_id)
            except sqlite3.DatabaseError as exc:
                cache.recover(exc)
                warnings.append(f"The feature cache was damaged ({exc}) and has been rebuilt.")
            pending.clear()
            pending_vectors.clear()

        config = WorkerConfig(
            decode_size=opts.decode_size,
            max_pixels=opts.max_pixels,
            embedder=(setup.spec.to_dict(), str(setup.model_path)) if setup is not None else None,
        )
        total = len(todo_idx)
        yield Progress(Phase.DECODE, 0, total)
        with AnalysisPool(config, opts.workers) as apool:
            for res in apool.run([records[i].path for i in todo_idx], should_stop):
                i = by_path[res.path]
                r = records[i]
                r.width, r.height, r.format, r.taken, r.error = (
                    res.width,
                    res.height,
                    res.format,
                    res.taken,
                    res.error,
                )
                if res.features is not None and res.error is None:
                    feats[i] = np.frombuffer(res.features, dtype=FEATURE_DTYPE)[0]
                    has[i] = True
                    if res.embedding is not None and vectors is not None:
                        vec = np.frombuffer(res.embedding, dtype=np.float32)
                        vectors.put(i, vec)
                        pending_vectors.append((r.path, vec))
                stats.decoded += 1
                if res.error is None or not res.error.startswith(_TRANSIENT_ERRORS):
                    pending.append((r, res.features if res.error is None else None))
                if len(pending) >= _CACHE_BATCH:
                    flush()
                if tick.due():
                    yield Progress(Phase.DECODE, stats.decoded, total)
            flush()
        if should_stop():
            yield cancelled()
            return
        yield Progress(Phase.DECODE, total, total)
        if cache is not None and hashed_dirty:
            # Content hashes of files whose features came from the cache: store them too, so the
            # next scan reads nothing.
            try:
                cache.store_hashes((r,) for r in hashed_dirty)
            except sqlite3.DatabaseError as exc:
                warnings.append(f"Could not update the cache ({exc}).")

        # Byte-identical copies share their representative's features and image facts, and are
        # cached under their own path so the next scan reads nothing for them either.
        copies_new: list[tuple[ImageRecord, bytes | None]] = []
        for i in np.flatnonzero(copy_of != np.arange(len(records))):
            rep = copy_of[i]
            src, dst = records[rep], records[i]
            if has[rep]:
                if not has[i]:
                    stats.copies += 1
                    copies_new.append((dst, feats[rep].tobytes()))
                feats[i] = feats[rep]
                has[i] = True
                dst.error = None
                dst.width, dst.height, dst.format, dst.taken = src.width, src.height, src.format, src.taken
            elif src.error:
                dst.error = src.error
        pending.extend(copies_new)
        flush()
        for r in records:
            if r.error is not None:
                err = FileError(r.path, r.error)
                errors.append(err)
                yield ErrorFound(err)

        # -- 5. candidate pairs and scores (only new or changed files when pairs were saved) --
        yield Progress(Phase.MATCH, 0, 1)
        reps = np.flatnonzero(has & (copy_of == np.arange(len(records))))
        try:
            m = matcher.match(
                feats if len(reps) == len(feats) else feats[reps],  # no 1 GB copy at a million
                [records[i] for i in reps],
                opts,
                setup,
                vectors.take(reps) if vectors is not None else None,
                roots_abs,
                # Saved pairs and indexes live beside the feature cache they were computed from.
                directory=cache.path.parent if cache is not None else None,
                present={r.path for r in records},
                warnings=warnings,
                should_stop=should_stop,
            )
        except ScanCancelled:
            yield cancelled()
            return
        stats.matched, stats.pairs_reused = m.matched, m.reused
        pairs = reps[m.pairs] if len(m.pairs) else np.empty((0, 2), np.int64)
        sim, kinds = m.similarity, m.kinds
        deep_sim, crop_box, crop_in = m.deep_similarity, m.crop_box, m.crop_container
        if exact_pairs:
            ep = np.array(exact_pairs, dtype=np.int64)
            pairs = np.concatenate([ep, pairs.reshape(-1, 2)])
            sim = np.concatenate([np.ones(len(ep), np.float32), sim])
            kinds = np.concatenate([np.full(len(ep), "exact"), kinds])
            if deep_sim is not None:
                deep_sim = np.concatenate([np.ones(len(ep), np.float32), deep_sim])
                crop_box = np.concatenate([np.full((len(ep), 4), np.nan, np.float32), crop_box])
                crop_in = np.concatenate([np.full(len(ep), -1, np.int8), crop_in])
        yield Progress(Phase.MATCH, 1, 1)

        # -- 6. groups -------------------------------------------------------------------------
        yield Progress(Phase.GROUP, 0, 1)
        result = result_of(
            pairs,
            sim.astype(np.float32),
            kinds.astype(str),
            deep_similarity=deep_sim,
            crop_box=crop_box,
            crop_container=crop_in,
            deep=deep_info,
        )
        if setup is not None:
            opts.deep_threshold = setup.threshold
        result.groups = build_groups(result)
        stats.errors = len(errors)
        stats.seconds = round(time.monotonic() - started, 3)
        yield Progress(Phase.GROUP, 1, 1)
        yield Finished(result)
    finally:
        if own_cache and cache is not None:
            cache.close()


def _io_reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "file vanished before it could be read"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read file: {exc.strerror or exc}"


def run_scan(
    roots: Iterable[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    *,
    cache: FeatureCache | None = None,
    cancel: Any = None,
    on_event: Callable[[ScanEvent], None] | None = None,
) -> ScanResult | None:
    """Run a scan to the end; returns None when it was cancelled."""
    for event in scan(roots, options, cache=cache, cancel=cancel):
        if on_event is not None:
            on_event(event)
        if isinstance(event, Finished):
            return event.result
        if isinstance(event, Cancelled):
            return None
    return None
