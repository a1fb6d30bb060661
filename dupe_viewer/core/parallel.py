"""Where batches of work run: this process, local worker processes, or (``cluster``) Dask.

A :class:`Runner` maps a module-level function over payloads and yields the results as they
complete, with at most a bounded number in flight, so neither the caller nor the workers ever
hold every payload at once. Callers merge results order-independently, so completion order
never changes an answer. Lives below every stage so that one machine (``match``, ``deep``) and a
cluster (``cluster.runner.DaskRunner``) share one interface and one process runner.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from .errors import ScanCancelled
from .heap import keep_freed_memory

#: Thread pools of the numeric libraries: one thread each in a worker, which shares the cores.
_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
if getattr(sys.modules.get("__main__"), "__name__", "") == "__mp_main__":
    # A spawned worker imports this module (for its initializer) before the task's module
    # loads numpy, whose OpenBLAS starts its threads as it loads.
    for _var in _THREAD_VARS:
        os.environ[_var] = "1"

log = logging.getLogger(__name__)


class Runner(Protocol):
    """Maps ``fn`` over ``payloads``; results in completion order."""

    workers: int

    def map(
        self, fn: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], should_stop: Callable[[], bool]
    ) -> Iterator[Any]: ...


class SerialRunner:
    """Runs every task in this process, in order: the reference the other runners are compared
    with, what benchmarks use to time one task's work alone, and the small-job path."""

    workers = 1

    def map(
        self, fn: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], should_stop: Callable[[], bool]
    ) -> Iterator[Any]:
        for args in payloads:
            if should_stop():
                raise ScanCancelled()
            yield fn(*args)


def _one_thread() -> None:
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")
    keep_freed_memory()


class ProcessRunner:
    """Runs tasks in ``workers`` local processes (spawned, as the analysis pool's, never forked:
    the GUI process has Qt threads): every core of one machine without a cluster, e.g. for the
    geometric verification of deep candidates, which is numpy-bound on small arrays and holds the
    GIL too often for threads to help.

    A task that fails in a worker (its exception, or the worker dying) is run again here, and
    once the pool is broken every remaining task runs here: a crash costs time, never results
    (a task that fails here too raises). :attr:`failures` says what happened, for the scan's
    warnings. A cancel returns within ``poll`` seconds; tasks already running finish in their
    worker, so callers keep tasks short (about a second)."""

    def __init__(self, workers: int = 0, per_worker: int = 2, poll: float = 0.2) -> None:
        self.workers = workers or os.cpu_count() or 1
        self.per_worker = per_worker
        self.poll = poll
        self.failures: list[str] = []

    def _failed(self, why: str) -> None:
        log.warning("a worker task failed (%s); running it in this process", why)
        self.failures.append(why)

    def map(
        self, fn: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], should_stop: Callable[[], bool]
    ) -> Iterator[Any]:
        import concurrent.futures as cf
        import multiprocessing
        from concurrent.futures.process import BrokenProcessPool

        todo = iter(payloads)
        pool = cf.ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_one_thread
        )
        inflight: dict[cf.Future[Any], tuple[Any, ...]] = {}
        broken = False
        # The workers start with the first tasks, and inherit the environment then: one thread
        # each even when the parent's main module (re-imported first by a spawned child) loads
        # numpy before our initializer runs. Measured: without it, 2 workers of 2 OpenBLAS
        # threads each verified slower than one thread.
        unset = [var for var in _THREAD_VARS if var not in os.environ]
        os.environ.update(dict.fromkeys(unset, "1"))
        try:
            while True:
                while not broken and len(inflight) < self.workers * self.per_worker:
                    args = next(todo, None)
                    if args is None:
                        break
                    try:
                        inflight[pool.submit(fn, *args)] = args
                    except (BrokenProcessPool, RuntimeError) as exc:  # the pool died meanwhile
                        broken = True
                        self._failed(f"worker pool unusable: {exc}")
                        yield self._here(fn, args, should_stop)
                if broken and not inflight:
                    for args in todo:  # what remains runs here
                        yield self._here(fn, args, should_stop)
                    return
                for var in unset:  # the workers have started: the parent's own settings again
                    os.environ.pop(var, None)
                unset = []
                if not inflight:
                    return
                done, _ = cf.wait(list(inflight), timeout=self.poll, return_when=cf.FIRST_COMPLETED)
                if should_stop():
                    raise ScanCancelled()
                for fut in done:
                    args = inflight.pop(fut)
                    try:
                        result = fut.result()
                    except BrokenProcessPool as exc:
                        broken = True
                        self._failed(f"a worker process died: {exc}")
                        result = self._here(fn, args, should_stop)
                    except Exception as exc:
                        self._failed(f"{type(exc).__name__}: {exc}")
                        result = self._here(fn, args, should_stop)
                    yield result
        finally:
            for var in unset:
                os.environ.pop(var, None)
            # Never wait for running tasks here: a cancel must return at once.
            pool.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _here(fn: Callable[..., Any], args: tuple[Any, ...], should_stop: Callable[[], bool]) -> Any:
        if should_stop():
            raise ScanCancelled()
        return fn(*args)
