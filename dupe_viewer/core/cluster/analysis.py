"""Per-file analysis mapped over partitions of the file list on the cluster's workers.

Each task analyses one partition of files with the very function a single-machine scan's worker
processes run (:func:`..features.pool.analyse`: decode once, features, embedding), so the
features are byte-identical; it writes them as one Parquet shard (:mod:`.shards`) on the worker
and returns them. Each worker process makes its embedder once and keeps it for its next tasks.

A decoder crash kills the worker running it; Dask restarts the worker and retries the task a
few times, then gives up on it (``KilledWorker``). The files of such a partition are then analysed
one per task, so only the file that crashes the decoder is reported, as on one machine.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..features.pool import Analysis, Embeds, WorkerConfig, analyse
from ..heap import keep_freed_memory
from ..state import TRANSIENT_ERRORS
from .runner import first_done
from .shards import Key, write_shard

#: Files per task: enough to amortise the task overhead (~ms) and keep shards a useful size
#: (~0.6 MB), few enough that a cancelled scan stops in seconds and the work spreads evenly.
FILES_PER_TASK = 256

_embedders: dict[bytes, Embeds | None] = {}


def _embedder(config: WorkerConfig) -> Embeds | None:
    """This worker process's embedder for ``config`` (made on first use)."""
    if config.embedder is None:
        return None
    key = pickle.dumps(config.embedder)
    if key not in _embedders:
        # One inference thread per worker process, as in the single-machine pool.
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        _embedders[key] = config.embedder()
    return _embedders[key]


def analyse_task(
    keys: Sequence[Key], config: WorkerConfig, directory: str | None, model: str | None
) -> tuple[str | None, list[Analysis]]:
    """Runs on a worker: analyse the files of ``keys``; write their shard under ``directory``
    (None: no store). Returns (the shard's name or None, the analyses in ``keys`` order).
    Transient failures (permissions, I/O) are not stored, as in the SQLite cache."""
    keep_freed_memory()  # a Dask worker's malloc settings made every image buffer a fresh mmap
    embedder = _embedder(config)
    results = [analyse(k.path, config, embedder) for k in keys]
    keep = [n for n, r in enumerate(results) if r.error is None or not r.error.startswith(TRANSIENT_ERRORS)]
    name = None
    if directory is not None and keep:
        name = write_shard(directory, [keys[n] for n in keep], [results[n] for n in keep], model)
    return name, results


class DaskAnalysis:
    """Analyses files on a cluster: :meth:`run` yields :class:`Analysis` results as partitions
    finish and records each written shard with ``on_shard``."""

    def __init__(
        self,
        client: Any,
        config: WorkerConfig,
        directory: str | None,
        model: str | None,
        files_per_task: int = FILES_PER_TASK,
    ) -> None:
        self.client = client
        self.config = config
        self.directory = directory
        self.model = model
        self.files_per_task = files_per_task

    def run(
        self,
        keys: Sequence[Key],
        should_stop: Callable[[], bool],
        on_shard: Callable[[str], None] = lambda name: None,
    ) -> Iterator[Analysis]:
        from distributed.scheduler import KilledWorker

        batches = [list(keys[i : i + self.files_per_task]) for i in range(0, len(keys), self.files_per_task)]
        workers = max(1, len(self.client.scheduler_info().get("workers", {})))
        # Submitted a few per worker at a time: results arrive steadily, a cancel stops soon.
        limit = 3 * workers
        config = self.client.scatter(self.config, broadcast=True, hash=False)
        queue = list(reversed(batches))
        inflight: dict[Any, list[Key]] = {}
        try:
            while queue or inflight:
                while queue and len(inflight) < limit:
                    batch = queue.pop()
                    fut = self.client.submit(
                        analyse_task, batch, config, self.directory, self.model, pure=False
                    )
                    inflight[fut] = batch
                done = first_done(inflight)
                if should_stop():
                    return
                for fut in done:
                    batch = inflight.pop(fut)
                    try:
                        name, results = fut.result()
                    except KilledWorker:
                        if len(batch) == 1:
                            yield Analysis(batch[0].path, error="the image decoder crashed on this file")
                        else:
                            queue.extend([k] for k in reversed(batch))  # one file per task now
                        continue
                    if name is not None:
                        on_shard(name)
                    yield from results
        finally:
            for fut in inflight:
                fut.cancel()
