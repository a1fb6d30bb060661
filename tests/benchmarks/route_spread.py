"""The client's preparation and routing, in this process and spread over a LocalCluster's workers.

    python tests/benchmarks/route_spread.py [--n 400000] [--workers 2] [--centroids 2500] [--block-rows R]

Before the partitioned hash search, every image is prepared (:func:`candidates.prepare`) and
its descriptor routed to its nearest centroids (:func:`quantiser.assign`); both used to run on
the client alone, and grow with the collection (core/cluster/routing.py). On ``--n`` synthetic
thumbnails this times each in this process and on ``--workers`` local workers (wall seconds and
this process's CPU seconds, each way), and checks that both ways give the same arrays. The
workers' share of the CPU is what a cluster of many machines divides; on one machine they share
its cores with the client.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.cluster import quantiser, routing
from dupe_viewer.core.cluster.connect import client as open_client
from dupe_viewer.core.cluster.partitions import OrientedRows
from dupe_viewer.core.cluster.runner import DaskRunner, SerialRunner
from tests.library import thumbnails


def timed(fn: Callable[..., Any], *args: Any) -> tuple[Any, float, float]:
    """(result, wall seconds, this process's CPU seconds)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn(*args)
    return out, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--centroids", type=int, default=2500)
    ap.add_argument("--block-rows", type=int, help="rows per task, about (default: routing.py's)")
    a = ap.parse_args()
    if a.block_rows:
        routing.PREPARE_ROWS = routing.ROUTE_ROWS = a.block_rows
    thumbs = np.concatenate([thumbnails(min(50_000, a.n - lo), lo) for lo in range(0, a.n, 50_000)])
    never = lambda: False  # noqa: E731 - the runners' should_stop
    with open_client(f"local:{a.workers}") as c:
        dask = DaskRunner(c)
        print(f"{a.n:,} thumbnails, {a.workers} workers")
        here, *alone = timed(routing.prepare, SerialRunner(), thumbs, never)
        there, *spread = timed(routing.prepare, dask, thumbs, never)
        fields = ("z", "d0", "canon", "plausible")
        same = all(np.array_equal(getattr(here, f), getattr(there, f)) for f in fields)
        report("prepare", alone, spread, f"same arrays: {same}")
        vectors = OrientedRows(here.d0, np.arange(a.n), here.canon)
        cent = quantiser.fit(vectors, a.centroids)
        one, *alone = timed(quantiser.assign, vectors, cent, quantiser.BOUNDARY)
        two, *spread = timed(routing.assign, dask, vectors, cent, quantiser.BOUNDARY, never)
        same = np.array_equal(one.rows, two.rows) and np.array_equal(one.parts, two.parts)
        report(f"route to {a.centroids:,} centroids", alone, spread, f"same assignment: {same}")


def report(what: str, alone: list[float], spread: list[float], same: str) -> None:
    print(
        f"  {what}: here {alone[0]:6.1f} s wall, {alone[1]:6.1f} s CPU; on the workers {spread[0]:6.1f} s "
        f"wall, {spread[1]:6.1f} s of this process's CPU ({alone[1] / max(spread[1], 1e-9):.1f}x less); "
        f"{same}"
    )


if __name__ == "__main__":
    main()
