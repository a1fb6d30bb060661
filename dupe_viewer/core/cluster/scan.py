"""A scan on a Dask cluster: the single-machine stages, with analysis and matching on workers.

Stages, over the same :class:`~..state.ScanState` as :data:`..scan.STAGES`:

1. find the files, build their records (:func:`..stages.find_files`, :func:`..stages.look_up_cache`
   without the SQLite cache);
2. :func:`load_shards`: the analyses the Parquet feature store holds for unchanged files;
3. byte-identical files (:func:`..stages.compare_contents`);
4. :func:`analyse`: what the store lacks, partition by partition on the workers, written there
   as new shards;
5. :func:`match`: partitioned candidate search, single-machine scoring, verification on workers,
   with the pairs of unchanged files reused from the previous scan (saved in the store's
   ``pairs/``, by the single machine's rule);
6. the reference-centred groups (:func:`..stages.group`), exactly as on one machine.

The cluster needs the files (and the store folder) at the same paths on every machine: local
paths on shared storage, or fsspec URLs (``s3://``, ``gs://``, ``file://``...) that every worker
can read: they are listed by :func:`..files.remote.discover_url`, keyed in the store by URL,
size and change key (version id, ETag or modification time), read by the workers into memory
and decoded with the local files' guards.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from .. import stages, state
from ..errors import ScanCancelled
from ..features.perceptual import FEATURE_DTYPE
from ..features.pool import Analysis, WorkerConfig
from ..files import remote
from ..files.discovery import FileError, discover
from ..match.incremental import MatchInput
from ..options import ScanOptions
from ..paths import cache_dir
from ..result import Cancelled, ErrorFound, Finished, PairTable, Phase, Progress, ScanEvent, ScanResult
from . import partitions
from .analysis import FILES_PER_TASK, DaskAnalysis
from .connect import client as open_client
from .matching import MatchStats, match_saved
from .runner import DaskRunner, Runner
from .shards import Key, ShardStore

#: Seconds between manifest writes while shards arrive (and once at the end).
MANIFEST_EVERY = 5.0


@dataclass(frozen=True)
class ClusterOptions:
    """How a scan uses the cluster. ``store``: the feature store folder, on storage every worker
    sees (None: under the per-user cache; False-y ``use_store`` off: nothing stored)."""

    address: str = "local"
    store: str | None = None
    use_store: bool = True
    partition_size: int = partitions.PARTITION_SIZE
    files_per_task: int = FILES_PER_TASK
    processes: bool = True


def default_store() -> Path:
    return cache_dir() / "cluster-features"


class _Context:
    """What the cluster stages share beyond the scan state: the client, the store, the runner."""

    def __init__(self, client: Any, copts: ClusterOptions) -> None:
        self.client = client
        self.copts = copts
        self.runner: Runner = DaskRunner(client)
        self.store: ShardStore | None = None
        if copts.use_store:
            self.store = ShardStore(copts.store or default_store())
        self.keys: list[Key] = []
        self.match_stats = MatchStats()


def _keys(s: state.ScanState) -> list[Key]:
    return [Key(r.path, r.size, r.mtime_ns) for r in s.records]


def _apply(s: state.ScanState, i: int, res: Analysis, vectors: state.Embeddings | None) -> None:
    """Record ``res`` (an analysis of record ``i``) in the state, as the single-machine stage does."""
    r = s.records[i]
    r.width, r.height, r.format, r.taken, r.error = res.width, res.height, res.format, res.taken, res.error
    r.camera, r.quality = res.camera, res.quality
    if res.features is not None and res.error is None:
        s.feats[i] = np.frombuffer(res.features, dtype=FEATURE_DTYPE)[0]
        s.has[i] = True
        if res.embedding is not None and vectors is not None:
            vectors.put(i, np.frombuffer(res.embedding, dtype=np.float32))


def find_files(s: state.ScanState) -> Iterator[ScanEvent]:
    """Stage 1: :func:`..stages.find_files`, with URL roots listed through fsspec."""
    urls = [r for r in s.roots if remote.is_url(r)]
    if not urls:
        yield from stages.find_files(s)
        return
    local = [r for r in s.roots if not remote.is_url(r)]
    seen: set[str] = set()
    items = [discover(local, s.options.discovery, s.skipped)] if local else []
    items += [remote.discover_url(u, s.options.discovery, s.skipped, seen) for u in urls]
    for found in items:
        for item in found:
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


def load_shards(s: state.ScanState, ctx: _Context) -> Iterator[ScanEvent]:
    """Stage 2: unchanged files' analyses from the feature store (features, image facts,
    embeddings of this model, and the errors of files that cannot be read)."""
    n = len(s.records)
    yield Progress(Phase.CACHE, 0, n)
    s.vectors = state.Embeddings(n) if s.setup is not None else None
    ctx.keys = _keys(s)
    if ctx.store is not None:
        model = s.setup.model_id if s.setup is not None else None
        known = np.zeros(n, bool)
        for i, res in ctx.store.lookup(ctx.keys, model):
            if res.error is not None or s.vectors is None or res.embedding is not None:
                _apply(s, i, res, s.vectors)
                known[i] = True
            elif res.features is not None:
                # Features without this model's embedding: analysed again for the embedding.
                _apply(s, i, res, None)
        s.warnings.extend(ctx.store.warnings)
        ctx.store.warnings.clear()
        s.stats.from_cache = int(known.sum())
    yield Progress(Phase.CACHE, n, n)


def analyse(s: state.ScanState, ctx: _Context) -> Iterator[ScanEvent]:
    """Stage 4: the representatives the store lacks, analysed on the workers."""
    records, vectors = s.records, s.vectors
    todo = stages.to_analyse(s, vectors)
    by_path = {records[i].path: i for i in todo}
    config = WorkerConfig.of(s.options, s.setup.embedder() if s.setup is not None else None)
    store = ctx.store
    runner = DaskAnalysis(
        ctx.client,
        config,
        str(store.directory) if store is not None else None,
        s.setup.model_id if s.setup is not None else None,
        ctx.copts.files_per_task,
    )
    s.stats.decoded = 0
    yield Progress(Phase.DECODE, 0, len(todo))
    last_save = time.monotonic()
    new_shards: list[str] = []

    def on_shard(name: str) -> None:
        new_shards.append(name)

    try:
        for res in runner.run([ctx.keys[i] for i in todo], s.should_stop, on_shard):
            _apply(s, by_path[res.path], res, vectors)
            s.stats.decoded += 1
            if store is not None and new_shards and time.monotonic() - last_save >= MANIFEST_EVERY:
                store.add(new_shards)
                new_shards.clear()
                _save(s, store)
                last_save = time.monotonic()
            if s.tick.due():
                yield Progress(Phase.DECODE, s.stats.decoded, len(todo))
    finally:
        # Finished shards are listed even when the scan is cancelled: their work is kept.
        if store is not None and new_shards:
            store.add(new_shards)
            _save(s, store)
    s.check_cancel()
    yield Progress(Phase.DECODE, len(todo), len(todo))
    _share_with_copies(s)
    for r in records:
        if r.error is not None:
            err = FileError(r.path, r.error)
            s.errors.append(err)
            yield ErrorFound(err)


def _save(s: state.ScanState, store: ShardStore) -> None:
    try:
        store.save()
    except OSError as exc:
        s.warnings.append(f"Could not save the cluster feature store's manifest ({exc}).")


def _share_with_copies(s: state.ScanState) -> None:
    """Byte-identical copies share their representative's features and image facts."""
    records = s.records
    for i in np.flatnonzero(s.copy_of != np.arange(len(records))):
        src, dst = records[s.copy_of[i]], records[i]
        if s.has[s.copy_of[i]]:
            if not s.has[i]:
                s.stats.copies += 1
            s.feats[i], s.has[i], dst.error = s.feats[s.copy_of[i]], True, None
            dst.width, dst.height, dst.format, dst.taken = src.width, src.height, src.format, src.taken
            dst.camera, dst.quality = src.camera, src.quality
        elif src.error:
            dst.error = src.error


def match(s: state.ScanState, ctx: _Context) -> Iterator[ScanEvent]:
    """Stage 5: the representatives matched by the partitioned search (see :mod:`.matching`):
    all of them, or on a rescan only the new and changed ones, the others' pairs reused."""
    yield Progress(Phase.MATCH, 0, 1)
    records, n = s.records, len(s.records)
    reps = np.flatnonzero(s.has & (s.copy_of == np.arange(n)))
    job = MatchInput(
        feats=s.feats[reps],
        records=[records[i] for i in reps],
        roots=s.roots,
        vectors=s.vectors.take(reps) if s.vectors is not None else None,
        # Saved pairs live beside the features they were computed from, as on one machine
        # (there beside the SQLite cache): here the store's ``pairs/``; no store, nothing saved.
        directory=ctx.store.directory if ctx.store is not None else None,
        present={r.path for r in records},
        warnings=s.warnings,
        should_stop=s.should_stop,
    )
    m = match_saved(
        job, s.options, s.setup, ctx.runner, partition_size=ctx.copts.partition_size, stats=ctx.match_stats
    )
    s.stats.matched, s.stats.pairs_reused = m.matched, m.reused
    matched = m.table.remap(reps)
    if len(s.exact_pairs):
        matched = PairTable.concat([PairTable.of_exact(s.exact_pairs, deep=matched.has_deep), matched])
    s.pairs = matched
    yield Progress(Phase.MATCH, 1, 1)


def scan(
    roots: Iterable[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    cluster: ClusterOptions | None = None,
    *,
    cancel: Callable[[], bool] | None = None,
    client: Any = None,
) -> Iterator[ScanEvent]:
    """Like :func:`..scan.scan`, on a cluster: ``client`` (a ``distributed.Client``) or one
    reached at ``cluster.address``. Events end with :class:`Finished` or :class:`Cancelled`.
    ``roots`` may be fsspec URLs; raises :class:`..files.remote.RemoteUnavailable` when one's
    filesystem is not installed."""
    options = options or ScanOptions()
    copts = cluster or ClusterOptions()
    stop = cancel or (lambda: False)
    roots = list(roots)
    for r in roots:
        if remote.is_url(r):
            remote.check_available(r)  # a missing s3fs fails now, in one line, not on every file
    # The SQLite cache is the single machine's: the cluster keeps its features in shards.
    s, _ = state.start(list(roots), replace(options, use_cache=False), None, stop)
    s.options = options
    if client is None:
        with open_client(copts.address, processes=copts.processes) as c:
            yield from _run(s, _Context(c, copts))
    else:
        yield from _run(s, _Context(client, copts))


def _run(s: state.ScanState, ctx: _Context) -> Iterator[ScanEvent]:
    try:
        yield from find_files(s)
        yield from stages.look_up_cache(s)
        yield from load_shards(s, ctx)
        yield from stages.compare_contents(s)
        yield from analyse(s, ctx)
        yield from match(s, ctx)
        yield from stages.group(s)
        assert s.final is not None
        yield Finished(s.final)
    except ScanCancelled:
        yield Cancelled(s.finish_stats())


def run_scan(
    roots: Iterable[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    cluster: ClusterOptions | None = None,
    *,
    client: Any = None,
) -> ScanResult | None:
    """Run a cluster scan to the end; None when it was cancelled."""
    for event in scan(roots, options, cluster, client=client):
        if isinstance(event, Finished):
            return event.result
        if isinstance(event, Cancelled):
            return None
    return None
