"""One BLAS thread for the numeric steps whose results must not depend on the process.

A BLAS matrix product's last bits depend on how many threads compute it (OpenBLAS 0.3.31, numpy
2.4.6: cosines up to 8e-6 apart between one thread and two). The engine's worker processes, on
one machine or a cluster, run one BLAS thread each (:mod:`.parallel`, :mod:`.cluster.connect`),
while a scan's own process keeps numpy's default of one per core; where that process computes
what a worker could have computed instead (verification below the spreading threshold, the
exact neighbour search of a serial partition), it runs :func:`one_thread` so that the answers
are bit for bit the workers' and the single machine and a cluster keep the same pairs. Measured
too: one thread verifying on two cores burnt ~1.8 ms of CPU a pair with two BLAS threads, 0.7
with one, for the same wall time (README "A first deep scan").
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from threadpoolctl import ThreadpoolController


@cache
def _controller() -> ThreadpoolController:
    # Made once (listing the loaded libraries costs a few ms); limiting with it costs ~14 µs.
    return ThreadpoolController()


@contextmanager
def one_thread() -> Iterator[None]:
    """Within the block (or the decorated function), BLAS libraries (OpenBLAS, MKL, BLIS) use one
    thread; their own setting again after."""
    with _controller().limit(limits=1, user_api="blas"):
        yield
