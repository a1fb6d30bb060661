"""Per-file analysis (decode once, compute every feature) and the worker processes that run it.

Decoding and hashing are CPU-bound Python/C work, so they run in a process pool sized to the
machine's cores. Workers are started with ``spawn`` (never ``fork``): the GUI process has Qt
threads that a forked child must not inherit. Tiny jobs run in-process, where starting workers
would cost more than it saves. A worker that crashes on a hostile file (a decoder segfault) costs
only that file: the pool is restarted and the file reported.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol

#: Thread pools of the numeric libraries, one thread each in a worker (see :func:`_init_worker`).
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
if getattr(sys.modules.get("__main__"), "__name__", "") == "__mp_main__":
    # A spawned worker (whose copy of the parent's main module is named so) imports this module,
    # for its initializer, before numpy, which starts OpenBLAS's threads as it loads: set here,
    # one thread, not a thread per core in every worker.
    for _var in _THREAD_VARS:
        os.environ[_var] = "1"

import numpy as np  # noqa: E402 - after the thread settings above
from PIL import Image  # noqa: E402

from .. import messages  # noqa: E402
from ..errors import DecodeError  # noqa: E402
from ..heap import keep_freed_memory  # noqa: E402
from ..options import DEFAULT_MAX_PIXELS, WORK_SIZE, ScanOptions  # noqa: E402
from . import decoding, guard, perceptual  # noqa: E402

log = logging.getLogger(__name__)

#: Files per task sent to a worker: large enough to amortise messaging, small enough that a
#: cancelled scan stops within a second.
CHUNK = 8
#: Below this many files, decode in-process.
IN_PROCESS_BELOW = 24


class Embeds(Protocol):
    """What computes deep embeddings of decoded images (:class:`.deep.embedding.Embedder`)."""

    def embed(self, images: Sequence[Image.Image]) -> np.ndarray: ...


class EmbedderFactory(Protocol):
    """Makes the embedder a worker uses; picklable, since it travels to the worker processes
    (:class:`.deep.embedding.EmbedderFactory`). The pool never imports the deep stage itself."""

    def __call__(self) -> Embeds: ...


@dataclass(frozen=True)
class WorkerConfig:
    """Everything a worker needs to analyse files; must be picklable."""

    decode_size: int = WORK_SIZE
    max_pixels: int = DEFAULT_MAX_PIXELS
    #: Deep similarity: how each worker makes its embedder (None: no embeddings).
    embedder: EmbedderFactory | None = None

    @property
    def chunk(self) -> int:
        """Files per task: :data:`CHUNK`, or a whole embedding batch when that is larger."""
        batch = getattr(self.embedder, "batch", 1) if self.embedder is not None else 1
        return max(CHUNK, int(batch))

    @classmethod
    def of(cls, options: ScanOptions, embedder: EmbedderFactory | None = None) -> WorkerConfig:
        """The configuration a scan with ``options`` gives its workers."""
        return cls(decode_size=options.decode_size, max_pixels=options.max_pixels, embedder=embedder)


@dataclass
class Analysis:
    """The outcome of analysing one file."""

    path: str
    width: int = 0
    height: int = 0
    format: str = ""
    taken: str | None = None
    camera: str | None = None
    quality: float | None = None
    features: bytes | None = None
    embedding: bytes | None = None
    error: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


_state: dict[str, Any] = {}


def _init_worker(config: WorkerConfig, gate: Any = None) -> None:
    # One thread per worker process: the pool already uses every core.
    for var in _THREAD_VARS:
        os.environ[var] = "1"  # LibRaw's OpenMP too: rawpy is imported on the first RAW
    decoding.single_threaded()
    keep_freed_memory()  # a MALLOC_ variable in the environment would mmap every image buffer
    _state["config"] = config
    guard.set_gate(gate)  # large decodes take turns across the workers
    _state["embedder"] = _make_embedder(config)
    _exit_with_parent()


#: How often a worker checks that the scan that started it is still alive (seconds).
PARENT_CHECK = 1.0


def _exit_with_parent() -> None:
    """End this worker when its parent dies (a killed scan): an idle worker waits on its task
    queue forever otherwise, and every SIGKILLed scan would leave its workers behind."""
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _make_embedder(config: WorkerConfig) -> Embeds | None:
    return config.embedder() if config.embedder is not None else None


def analyse(
    path: str,
    config: WorkerConfig,
    embedder: Embeds | None = None,
    later: list[tuple[Analysis, Image.Image]] | None = None,
) -> Analysis:
    """Decode ``path`` once and compute its features (and embedding when an embedder is given;
    with ``later``, the image is put there to be embedded in a batch instead)."""
    try:
        dec = decoding.decode(path, size=config.decode_size, max_pixels=config.max_pixels)
    except DecodeError as exc:
        return Analysis(path, error=messages.of(exc))
    except Exception as exc:  # decode() maps decoder errors; anything else still costs one file
        return Analysis(path, error=f"could not read the image ({type(exc).__name__}: {exc})")
    out = Analysis(
        path,
        width=dec.width,
        height=dec.height,
        format=dec.format,
        taken=dec.taken,
        camera=dec.camera,
        quality=dec.quality,
    )
    try:
        out.features = perceptual.to_bytes(perceptual.compute(dec.image, dec.detail))
        if embedder is not None:
            if later is not None:
                later.append((out, dec.image))  # embedded with the rest of its task's images
            else:
                out.embedding = embedder.embed([dec.image])[0].tobytes()
    except Exception as exc:  # a feature bug must cost one file, not the scan
        out.error = f"could not analyse the image ({type(exc).__name__}: {exc})"
    return out


def analyse_many(
    paths: Sequence[str], config: WorkerConfig, embedder: Embeds | None = None
) -> list[Analysis]:
    """:func:`analyse` of each of ``paths``, their images embedded together: the embedder cuts
    them into batches of its ``batch_size`` (one model call per batch where the model allows),
    which keeps an accelerator busy. With a batch of one, each is embedded as it is decoded."""
    if embedder is None or getattr(embedder, "batch_size", 1) <= 1:
        return [analyse(p, config, embedder) for p in paths]
    later: list[tuple[Analysis, Image.Image]] = []
    outs = [analyse(p, config, embedder, later) for p in paths]
    if later:
        try:
            vectors = embedder.embed([image for _, image in later])
            for (out, _), vec in zip(later, vectors, strict=True):
                out.embedding = vec.tobytes()
        except Exception:  # one image the model cannot take must cost that file alone
            for out, image in later:
                try:
                    out.embedding = embedder.embed([image])[0].tobytes()
                except Exception as exc:
                    out.error = f"could not analyse the image ({type(exc).__name__}: {exc})"
    return outs


def _run_chunk(paths: list[str]) -> list[Analysis]:
    return analyse_many(paths, _state["config"], _state.get("embedder"))


class AnalysisPool:
    """Analyse many files on all cores; results arrive in completion order."""

    def __init__(self, config: WorkerConfig, workers: int = 0) -> None:
        self.config = config
        self.workers = workers or os.cpu_count() or 1
        self._executor: cf.ProcessPoolExecutor | None = None
        #: One turn for large decodes, shared by every worker (see guard.large_decode_turn).
        self._gate: Any = None

    def _start(self) -> cf.ProcessPoolExecutor:
        ctx = multiprocessing.get_context("spawn")
        if self._gate is None:
            self._gate = ctx.BoundedSemaphore(1)
        return cf.ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=(self.config, self._gate),
        )

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(
        self, paths: Iterable[str], should_stop: Callable[[], bool] = lambda: False
    ) -> Iterator[Analysis]:
        todo = list(paths)
        if self.workers <= 1 or len(todo) < IN_PROCESS_BELOW:
            embedder = _make_embedder(self.config)
            for p in todo:
                if should_stop():
                    return
                yield analyse(p, self.config, embedder)
            return
        chunk = self.config.chunk
        queue = deque(todo[i : i + chunk] for i in range(0, len(todo), chunk))
        suspects: deque[str] = deque()  # files in flight when a worker died: retried one at a time
        delivered = 0
        startup_failures = 0
        try:
            while queue or suspects:
                if startup_failures >= 2:
                    # Workers die before finishing anything: they cannot start here (a frozen
                    # build without freeze_support, a broken interpreter). Analyse in-process.
                    log.warning("worker processes cannot start; analysing images in this process")
                    rest = list(suspects) + [p for batch in queue for p in batch]
                    queue.clear()
                    suspects.clear()
                    embedder = _make_embedder(self.config)
                    for p in rest:
                        if should_stop():
                            return
                        yield analyse(p, self.config, embedder)
                    return
                executor = self._executor = self._executor or self._start()
                inflight: dict[cf.Future[list[Analysis]], list[str]] = {}
                broken = False
                while (queue or suspects or inflight) and not broken:
                    # While there are suspects, run exactly one file at a time so blame is certain.
                    limit = 1 if suspects else 2 * self.workers
                    while len(inflight) < limit and (suspects or queue):
                        batch = [suspects.popleft()] if suspects else queue.popleft()
                        inflight[executor.submit(_run_chunk, batch)] = batch
                    done, _ = cf.wait(inflight, timeout=0.2, return_when=cf.FIRST_COMPLETED)
                    if should_stop():
                        return
                    for fut in done:
                        batch = inflight.pop(fut)
                        try:
                            results = fut.result()
                        except BrokenProcessPool:
                            if delivered == 0:
                                suspects.extend(batch)
                            elif len(batch) == 1 and not inflight and not broken:
                                yield Analysis(batch[0], error="the image decoder crashed on this file")
                            else:
                                suspects.extend(batch)
                            broken = True
                            continue
                        except Exception as exc:  # the chunk failed as a whole: report its files
                            why = f"could not analyse the image ({exc})"
                            results = [Analysis(p, error=why) for p in batch]
                        delivered += len(results)
                        yield from results
                if broken:
                    if delivered == 0:
                        startup_failures += 1
                    for batch in inflight.values():
                        suspects.extend(batch)
                    self.close()
        finally:
            self.close()
