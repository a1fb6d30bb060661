"""Where the partition tasks run: a Dask cluster, or this process (tests, benchmarks, tiny jobs).

A :class:`Runner` maps a module-level function over payloads and yields the results as they
complete, with at most a bounded number in flight, so neither the client nor the workers ever
hold every partition at once. Results are merged order-independently by the callers, so
completion order never changes an answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from ..errors import ScanCancelled


class Runner(Protocol):
    """Maps ``fn`` over ``payloads``; results in completion order."""

    workers: int

    def map(
        self, fn: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], should_stop: Callable[[], bool]
    ) -> Iterator[Any]: ...


class SerialRunner:
    """Runs every task in this process, in order (no cluster): the reference the Dask path is
    compared with, and what benchmarks use to time a partition's work alone."""

    workers = 1

    def map(
        self, fn: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], should_stop: Callable[[], bool]
    ) -> Iterator[Any]:
        for args in payloads:
            if should_stop():
                raise ScanCancelled()
            yield fn(*args)


def first_done(futures: Iterable[Any], timeout: float = 0.5) -> set[Any]:
    """The futures among ``futures`` that are done, waiting up to ``timeout`` seconds for one."""
    from distributed import wait

    pending = list(futures)
    try:
        return set(wait(pending, timeout=timeout, return_when="FIRST_COMPLETED").done)
    except TimeoutError:  # none finished in time (Dask raises rather than returning nothing)
        return {f for f in pending if f.done()}


class DaskRunner:
    """Runs tasks on a ``distributed.Client``'s workers.

    Each payload is scattered to the cluster and its task submitted, keeping at most
    ``per_worker`` tasks per worker in flight; a failed task raises its exception here. A cancel
    cancels the tasks still queued."""

    def __init__(self, client: Any, per_worker: int = 2) -> None:
        self.client = client
        self.per_worker = per_worker

    @property
    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info().get("workers", {})))

    def map(
        self, fn: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], should_stop: Callable[[], bool]
    ) -> Iterator[Any]:
        limit = max(1, self.per_worker * self.workers)
        todo = iter(payloads)
        inflight: set[Any] = set()

        def submit_next() -> bool:
            args = next(todo, None)
            if args is None:
                return False
            # pure=False: the same payload twice (a rescan) is computed again, never served
            # from a stale result on the scheduler.
            data = self.client.scatter(list(args), hash=False)
            fut = self.client.submit(fn, *data, pure=False)
            inflight.add(fut)
            return True

        try:
            while len(inflight) < limit and submit_next():
                pass
            while inflight:
                done = first_done(inflight)
                if should_stop():
                    raise ScanCancelled()
                for fut in done:
                    inflight.discard(fut)
                    result = fut.result()
                    fut.release()
                    yield result
                    if not submit_next() and not inflight:
                        break
                while len(inflight) < limit and submit_next():
                    pass
        finally:
            for fut in inflight:
                fut.cancel()


class ProcessRunner:
    """Runs tasks in ``workers`` local processes (spawned, as the analysis pool's): every core
    of one machine without a cluster, e.g. for the geometric verification of deep candidates
    (:func:`.matching.distributed_pair_scores`), which is numpy-bound on small arrays and holds
    the GIL too often for threads to help."""

    def __init__(self, workers: int = 0, per_worker: int = 2) -> None:
        import os

        self.workers = workers or os.cpu_count() or 1
        self.per_worker = per_worker

    def map(
        self, fn: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], should_stop: Callable[[], bool]
    ) -> Iterator[Any]:
        import concurrent.futures as cf
        import multiprocessing

        todo = iter(payloads)
        with cf.ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            inflight: set[cf.Future[Any]] = set()
            try:
                while True:
                    while len(inflight) < self.workers * self.per_worker:
                        args = next(todo, None)
                        if args is None:
                            break
                        inflight.add(pool.submit(fn, *args))
                    if not inflight:
                        return
                    done, inflight = cf.wait(inflight, timeout=0.5, return_when=cf.FIRST_COMPLETED)
                    if should_stop():
                        raise ScanCancelled()
                    for fut in done:
                        yield fut.result()
            finally:
                for fut in inflight:
                    fut.cancel()
