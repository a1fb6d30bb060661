"""Where the partition tasks run: a Dask cluster, or (from :mod:`..parallel`) this process or
local worker processes (tests, benchmarks, tiny jobs, one machine).

A :class:`Runner` maps a module-level function over payloads and yields the results as they
complete, with at most a bounded number in flight, so neither the client nor the workers ever
hold every partition at once. Results are merged order-independently by the callers, so
completion order never changes an answer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from ..errors import ScanCancelled
from ..heap import keep_freed_memory
from ..parallel import ProcessRunner, Runner, SerialRunner

__all__ = ["DaskRunner", "ProcessRunner", "Runner", "SerialRunner", "first_done"]


def in_worker(fn: Callable[..., Any], *args: Any) -> Any:
    """Runs on a worker: ``fn(*args)``, with the worker's heap kept (see :mod:`..heap`)."""
    keep_freed_memory()
    return fn(*args)


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
            fut = self.client.submit(in_worker, fn, *data, pure=False)
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
