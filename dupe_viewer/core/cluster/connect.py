"""Reach a Dask cluster: ``local[:N]`` starts a LocalCluster of N worker processes here,
``tcp://host:port`` (or any scheduler address Dask understands) connects to a running one.

Dask is an optional extra (``pip install dupe-viewer[cluster]``); without it, asking for a
cluster is a clear one-line error, and nothing else in the package needs it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import DupeViewerError

#: Scheduler address schemes Dask's comms accept.
SCHEMES = ("tcp://", "tls://", "inproc://", "ucx://", "ws://", "wss://")
#: Seconds to wait for a remote scheduler before giving up.
CONNECT_TIMEOUT = 20


class ClusterUnavailable(DupeViewerError):
    """The cluster could not be used (Dask missing, a bad address, a scheduler not answering)."""


def parse(address: str) -> tuple[str, int | None]:
    """("local", workers or None for one per core) or ("remote", None); raises on nonsense."""
    text = address.strip()
    m = re.fullmatch(r"local(?::(\d+))?", text)
    if m:
        workers = int(m.group(1)) if m.group(1) else None
        if workers is not None and workers < 1:
            raise ClusterUnavailable("--dask local:N needs N >= 1 worker processes")
        return "local", workers
    if text.startswith(SCHEMES) and re.fullmatch(r"[a-z]+://[^\s/]+(:\d+)?/?", text):
        return "remote", None
    raise ClusterUnavailable(
        f"--dask {address!r}: expected local, local:N or a scheduler address such as tcp://host:8786"
    )


def _distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise ClusterUnavailable(
            "--dask needs Dask: install it with `pip install dupe-viewer[cluster]`"
        ) from None
    return distributed


@contextmanager
def client(address: str, *, processes: bool = True, timeout: float = CONNECT_TIMEOUT) -> Iterator[Any]:
    """A ``distributed.Client`` for ``address``, closed (and a local cluster stopped) after.

    Local workers are single-threaded processes (decoding is CPU-bound Python/C: one process per
    core, as the single-machine pool does), with one BLAS/OpenMP thread each. ``processes=False``
    runs the workers as threads of this process (quick tests)."""
    kind, workers = parse(address)
    distributed = _distributed()
    cluster = None
    if kind == "local":
        n = workers or os.cpu_count() or 1
        env = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")}
        extra: dict[str, Any] = {"env": env} if processes else {}
        saved = dict(os.environ)
        try:
            cluster = _local_cluster(distributed, n, processes, extra)
        finally:
            # The nanny sets its workers' variables (MALLOC_TRIM_THRESHOLD_, one BLAS thread) in
            # this process's environment and leaves them: every process started from here later
            # (the scan's verification workers, a next single-machine scan) would inherit them.
            os.environ.clear()
            os.environ.update(saved)
        target: Any = cluster
    else:
        target = address.strip()
    try:
        c = distributed.Client(target, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise ClusterUnavailable(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        yield c
    finally:
        c.close()
        if cluster is not None:
            cluster.close()


#: Worker settings of a local cluster. The event loop's 20 ms tick and the half-second system
#: monitor (dashboard figures nobody looks at here) slowed the per-file analysis in a worker by
#: ~20 % on 2 cores (tests/benchmarks/cluster_throughput.py).
LOCAL_CONFIG = {
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.profile.enabled": False,
}


def _local_cluster(distributed: Any, n: int, processes: bool, extra: dict[str, Any]) -> Any:
    import dask

    with dask.config.set(LOCAL_CONFIG):  # the workers take the config they are started with
        return distributed.LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            processes=processes,
            dashboard_address=None,
            silence_logs=40,  # errors only: progress is the scan's to report
            **extra,
        )
