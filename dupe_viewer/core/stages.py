"""The stages of a scan, each a generator of events over one :class:`ScanState`.

:mod:`.scan` runs them in order; each reads what the stages before it left in the state and
adds its own part. A stage that notices the user's cancel raises :class:`~.errors.ScanCancelled`.
Results are written to the cache as they arrive, so a cancelled scan keeps its work.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from typing import TYPE_CHECKING

import numpy as np

from .errors import DecodeError, ScanCancelled
from .features.perceptual import FEATURE_DTYPE
from .files import exact
from .files.discovery import FileError, discover
from .files.opening import NotRegularFileError
from .files.records import ImageRecord
from .group import keeper
from .match import stage as match_stage
from .match.incremental import MatchInput
from .result import ErrorFound, GroupsFound, PairTable, Phase, Progress, ScanEvent
from .state import CACHE_BATCH, TRANSIENT_ERRORS, Embeddings, ScanState

if TYPE_CHECKING:
    from .features.pool import Analysis

Events = Iterator[ScanEvent]


# -- 1. find the files ---------------------------------------------------------------------------
def find_files(s: ScanState) -> Events:
    for item in discover(s.roots, s.options.discovery, s.skipped):
        if isinstance(item, FileError):
            s.errors.append(item)
            yield ErrorFound(item)
        else:
            s.entries.append(item)
        if s.tick.due():
            s.check_cancel()
            yield Progress(Phase.DISCOVER, len(s.entries), 0)
    s.stats.files = len(s.entries)
    yield Progress(Phase.DISCOVER, len(s.entries), len(s.entries))


# -- 2. what the cache knows -------------------------------------------------------------------
def look_up_cache(s: ScanState) -> Events:
    entries = s.entries
    n = len(entries)
    yield Progress(Phase.CACHE, 0, n)
    found: list[ImageRecord | None] = [None] * n
    s.feats = np.zeros(n, dtype=FEATURE_DTYPE)
    s.has = np.zeros(n, dtype=bool)
    if s.cache is not None:
        try:
            keys = [(e.path, e.size, e.mtime_ns, e.inode, e.device, e.ctime_ns) for e in entries]
            for pos, rec, blob in s.cache.iter_lookup(keys):
                found[pos] = rec
                if blob is not None:
                    s.feats[pos] = np.frombuffer(blob, dtype=FEATURE_DTYPE)[0]
                    s.has[pos] = True
            del keys
        except sqlite3.DatabaseError as exc:
            # The cache decides what the failure means (a lock, a damaged file); this scan
            # goes on with nothing from it.
            s.cache.recover(exc)
            found = [None] * n
            s.feats = np.zeros(n, dtype=FEATURE_DTYPE)
            s.has = np.zeros(n, dtype=bool)
        s.warnings.extend(s.cache.pop_warnings())
    s.records = [
        rec
        if rec is not None
        else ImageRecord(e.path, e.size, e.mtime_ns, e.inode, e.device, ctime_ns=e.ctime_ns)
        for rec, e in zip(found, entries, strict=True)
    ]
    s.entries = []  # a million discovery entries are not needed past this point
    s.stats.from_cache = int(s.has.sum())
    yield Progress(Phase.CACHE, n, n)


# -- 3. byte-identical files: size -> first block -> whole file ----------------------------------
def compare_contents(s: ScanState) -> Events:
    records = s.records
    buckets = exact.size_collisions([r.size for r in records])
    need_partial = [i for b in buckets for i in b if records[i].partial is None]
    total = len(need_partial)
    done = 0

    def hash_one(i: int, full: bool) -> tuple[int, bytes | None, str | None]:
        try:
            if full:
                return i, exact.full_hash(records[i].path, s.should_stop, size=records[i].size), None
            return i, exact.partial_hash(records[i].path, size=records[i].size), None
        except InterruptedError:
            return i, None, None
        except OSError as exc:
            return i, None, io_reason(exc)

    pool = ThreadPoolExecutor(max_workers=4)
    try:
        for full in (False, True):
            todo = need_partial
            if full:
                buckets = exact.refine(buckets, lambda i: records[i].partial)
                todo = [i for b in buckets for i in b if records[i].digest is None]
                total += len(todo)
            for i, h, err in pool.map(lambda i, f=full: hash_one(i, f), todo):
                done += 1
                if err is not None:
                    records[i].error = err
                elif h is not None:
                    if full:
                        records[i].digest = h
                    else:
                        records[i].partial = h
                    s.hashed.append(records[i])
                if s.tick.due():
                    if s.should_stop():
                        raise ScanCancelled()
                    yield Progress(Phase.CONTENT, done, total)
    finally:
        # Closed early (cancel, Ctrl-C): queued files are dropped, running ones stop at their
        # next 1 MB chunk (they check should_stop), so nobody waits for a 2 GB file to be read.
        pool.shutdown(wait=True, cancel_futures=True)
    buckets = exact.refine(buckets, lambda i: records[i].digest)
    yield Progress(Phase.CONTENT, total, total)

    # Exact pairs as a star around each content's first file; that file alone is analysed.
    pairs: list[tuple[int, int]] = []
    s.copy_of = np.arange(len(records))
    for b in buckets:
        b = sorted(b, key=lambda i: records[i].path)
        rep = next((i for i in b if s.has[i]), b[0])
        for i in b:
            if i != rep:
                pairs.append((rep, i))
                s.copy_of[i] = rep
    if pairs:
        s.exact_pairs = np.array(pairs, dtype=np.int64)
        yield GroupsFound(s.result(PairTable.of_exact(s.exact_pairs), complete=False))


def io_reason(exc: OSError) -> str:
    if isinstance(exc, (NotRegularFileError, exact.ChangedError)):
        return exc.strerror
    if isinstance(exc, FileNotFoundError):
        return "file vanished before it could be read"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return f"cannot read file: {exc.strerror or exc}"


# -- 4. decode and analyse what the cache lacks -----------------------------------------------
class _CacheWriter:
    """Batches analysed files (and their embeddings) into the cache. A failed write is the cache's
    to judge (:meth:`~.FeatureCache.recover`): a lock or a full disk stops its writes for this
    scan, only a damaged file is rebuilt; the scan goes on either way."""

    def __init__(self, s: ScanState) -> None:
        self.s = s
        self.rows: list[tuple[ImageRecord, bytes | None]] = []
        self.vectors: list[tuple[str, np.ndarray]] = []

    def flush(self) -> None:
        s = self.s
        if s.cache is None or not self.rows:
            self.rows.clear()
            return
        try:
            s.cache.store(self.rows)
            if s.setup is not None and self.vectors:
                s.cache.store_embeddings(self.vectors, s.setup.model_id)
        except sqlite3.DatabaseError as exc:
            s.cache.recover(exc)
        s.warnings.extend(s.cache.pop_warnings())
        self.rows.clear()
        self.vectors.clear()


def _cached_embeddings(s: ScanState) -> Embeddings | None:
    """The representatives' embeddings the cache already has (deep scans only)."""
    if s.setup is None:
        return None
    vectors = Embeddings(len(s.records))
    if s.cache is not None:
        records = s.records
        rep_paths = [records[i].path for i in range(len(records)) if s.copy_of[i] == i and s.has[i]]
        index_of = {r.path: i for i, r in enumerate(records)}
        try:
            for p, v in s.cache.iter_embeddings(rep_paths, s.setup.model_id):
                vectors.put(index_of[p], v)
        except sqlite3.DatabaseError as exc:
            s.cache.recover(exc)
            vectors = Embeddings(len(records))
        s.warnings.extend(s.cache.pop_warnings())
    return vectors


def to_analyse(s: ScanState, vectors: Embeddings | None) -> list[int]:
    """The records to decode: representatives of their contents, readable so far, lacking
    features or (in a deep scan) an embedding. One machine and a cluster analyse the same."""
    records = s.records
    return [
        i
        for i in range(len(records))
        if s.copy_of[i] == i
        and records[i].error is None
        and (not s.has[i] or (vectors is not None and not vectors.has[i]))
    ]


def analyse(s: ScanState) -> Events:
    records, vectors = s.records, _cached_embeddings(s)
    s.vectors = vectors
    todo = to_analyse(s, vectors)
    by_path = {records[i].path: i for i in todo}
    writer = _CacheWriter(s)
    s.stats.decoded = 0
    with contextlib.ExitStack() as stack:
        results: Iterator[Analysis] = iter(())
        if todo:  # a rescan with nothing to decode imports no decoder and makes no embedder
            from .features.pool import AnalysisPool, WorkerConfig

            config = WorkerConfig.of(s.options, s.setup.embedder() if s.setup is not None else None)
            pool = stack.enter_context(AnalysisPool(config, s.options.workers))
            results = pool.run([records[i].path for i in todo], s.should_stop)
        yield Progress(Phase.DECODE, 0, len(todo))
        for res in results:
            i = by_path[res.path]
            r = records[i]
            r.width, r.height, r.format, r.taken, r.error = (
                res.width,
                res.height,
                res.format,
                res.taken,
                res.error,
            )
            r.camera, r.quality = res.camera, res.quality
            if res.features is not None and res.error is None:
                s.feats[i] = np.frombuffer(res.features, dtype=FEATURE_DTYPE)[0]
                s.has[i] = True
                if res.embedding is not None and vectors is not None:
                    vec = np.frombuffer(res.embedding, dtype=np.float32)
                    vectors.put(i, vec)
                    writer.vectors.append((r.path, vec))
            s.stats.decoded += 1
            if res.error is None or not res.error.startswith(TRANSIENT_ERRORS):
                writer.rows.append((r, res.features if res.error is None else None))
            if len(writer.rows) >= CACHE_BATCH:
                writer.flush()
            if s.tick.due():
                yield Progress(Phase.DECODE, s.stats.decoded, len(todo))
        writer.flush()
    s.check_cancel()
    yield Progress(Phase.DECODE, len(todo), len(todo))
    if s.cache is not None and s.hashed:
        # Content hashes of files whose features came from the cache: store them too, so the
        # next scan reads nothing.
        try:
            s.cache.store_hashes((r,) for r in s.hashed)
        except sqlite3.DatabaseError as exc:
            s.cache.recover(exc)
        s.warnings.extend(s.cache.pop_warnings())
    _share_with_copies(s, writer)
    for r in records:
        if r.error is not None:
            err = FileError(r.path, r.error)
            s.errors.append(err)
            yield ErrorFound(err)


def _share_with_copies(s: ScanState, writer: _CacheWriter) -> None:
    """Byte-identical copies share their representative's features and image facts, and are
    cached under their own path so the next scan reads nothing for them either."""
    records = s.records
    for i in np.flatnonzero(s.copy_of != np.arange(len(records))):
        rep = s.copy_of[i]
        src, dst = records[rep], records[i]
        if s.has[rep]:
            if not s.has[i]:
                s.stats.copies += 1
                writer.rows.append((dst, s.feats[rep].tobytes()))
            s.feats[i] = s.feats[rep]
            s.has[i] = True
            dst.error = None
            dst.width, dst.height, dst.format, dst.taken = src.width, src.height, src.format, src.taken
            dst.camera, dst.quality = src.camera, src.quality
        elif src.error:
            dst.error = src.error
    writer.flush()


# -- 5. candidate pairs and scores (only new or changed files when pairs were saved) ---------
def match(s: ScanState) -> Events:
    yield Progress(Phase.MATCH, 0, 1)
    records, n = s.records, len(s.records)
    reps = np.flatnonzero(s.has & (s.copy_of == np.arange(n)))
    job = MatchInput(
        feats=s.feats if len(reps) == n else s.feats[reps],  # no 1 GB copy at a million
        records=[records[i] for i in reps],
        roots=s.roots,
        vectors=s.vectors.take(reps) if s.vectors is not None else None,
        # Saved pairs and indexes live beside the feature cache they were computed from.
        directory=s.cache.path.parent if s.cache is not None else None,
        present={r.path for r in records},
        warnings=s.warnings,
        should_stop=s.should_stop,
    )
    m = match_stage.match(job, s.options, s.setup)
    s.stats.matched, s.stats.pairs_reused = m.matched, m.reused
    matched = m.table.remap(reps)
    if len(s.exact_pairs):
        matched = PairTable.concat([PairTable.of_exact(s.exact_pairs, deep=matched.has_deep), matched])
    s.pairs = matched
    yield Progress(Phase.MATCH, 1, 1)


# -- 5b. native detail for the keeper --------------------------------------------------------
#: Files measured again at a time (each a whole decode of a camera-sized JPEG).
NATIVE_THREADS = 2


def _native_wanted(
    records: Sequence[ImageRecord], features: np.ndarray, has: np.ndarray, ij: np.ndarray
) -> np.ndarray:
    """Files whose detail should be measured again at native resolution (record indices): the
    JPEGs measured on a reduced decode (``native`` 0) that a scored pair ``ij`` links to a copy
    whose pixels differ :data:`.keeper.LARGER` times or more, so that :func:`.keeper.real_resolution` can tell
    an original from its enlargement. Camera RAWs are never upscales: they are left out."""
    if len(ij) == 0:
        return np.empty(0, dtype=np.int64)
    pixels = np.array([r.pixels for r in records], dtype=np.float64)
    a, b = ij[:, 0], ij[:, 1]
    lo, hi = np.minimum(pixels[a], pixels[b]), np.maximum(pixels[a], pixels[b])
    apart = (lo > 0) & (hi >= keeper.LARGER * lo)
    ends = np.unique(ij[apart])
    jpeg = np.array([records[i].format.upper() in ("JPEG", "MPO") for i in ends.tolist()], dtype=bool)
    ends = ends[jpeg] if len(ends) else ends
    return ends[has[ends] & (features["native"][ends] == 0)]


def measure_natively(s: ScanState) -> Events:
    """Detail at native resolution for the files whose keeper decision needs it (see
    :mod:`.features.native`), cached with their features (and shared with their copies)."""
    if s.pairs is None or len(s.pairs) == 0 or not s.has.any():
        return
    todo = _native_wanted(s.records, s.feats, s.has, s.pairs.ij[s.pairs.kinds != "exact"]).tolist()
    if not todo:
        return
    from .features import native  # here: a rescan that needs no native detail never decodes

    writer = _CacheWriter(s)
    copies = {}
    for j, rep in enumerate(s.copy_of.tolist()):
        if rep != j:
            copies.setdefault(rep, []).append(j)
    yield Progress(Phase.MATCH, 0, len(todo))
    with ThreadPoolExecutor(NATIVE_THREADS) as pool:
        jobs = {pool.submit(native.native_detail, s.records[i].path, s.options.max_pixels): i for i in todo}
        for done, job in enumerate(as_completed(jobs), 1):
            if s.should_stop():
                for other in jobs:
                    other.cancel()
                raise ScanCancelled()
            i = jobs[job]
            try:
                d = job.result()
            except DecodeError:
                continue  # it decoded a moment ago: keep the reduced measurement
            for k in (i, *copies.get(i, ())):
                s.feats[k]["top"], s.feats[k]["sharpness"] = d.top, d.sharpness
                s.feats[k]["blockiness"], s.feats[k]["native"] = d.blockiness, 1
                s.feats[k]["clipped"] = d.clipped
                writer.rows.append((s.records[k], s.feats[k].tobytes()))
            if s.tick.due():
                yield Progress(Phase.MATCH, done, len(todo))
    writer.flush()


# -- 6. groups -------------------------------------------------------------------------------
def group(s: ScanState) -> Events:
    yield Progress(Phase.GROUP, 0, 1)
    s.final = s.result(s.pairs)
    s.finish_stats()
    yield Progress(Phase.GROUP, 1, 1)
