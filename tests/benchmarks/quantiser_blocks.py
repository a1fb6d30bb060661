"""The client's routing at ten million images: assigning vectors to 2,500 centroids, by block.

    python tests/benchmarks/quantiser_blocks.py [--n 300000] [--centroids 2500]

The partitioned search assigns every image to its nearest centroids on the client
(core/cluster/quantiser.py), a block of vector × centroid similarities at a time. Blocks of a
fixed number of vectors (65,536, as before) grow with the number of centroids, which grows with
the collection (one per 4,000 images: 2,500 at 10M). This assigns ``--n`` random 64-d vectors
(the hash descriptor's size) to ``--centroids`` centroids with those blocks and with blocks of
:data:`quantiser.ASSIGN_CELLS` cells, and prints the peak of numpy's allocations (tracemalloc)
and the time of each, their ratio, and whether both give the same assignment.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.cluster import quantiser

#: The block before: this many vectors whatever the number of centroids.
OLD_BLOCK = 65_536


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300_000)
    ap.add_argument("--centroids", type=int, default=2_500)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(a.n, 64)).astype(np.float32)
    cent = quantiser._normalised(rng.normal(size=(a.centroids, 64)))
    cells = quantiser.ASSIGN_CELLS
    runs = {}
    old = (f"{OLD_BLOCK:,} vectors a block", OLD_BLOCK * a.centroids)
    settings = (old, (f"{cells:,} cells a block", cells))
    for name, block_cells in settings:
        quantiser.ASSIGN_CELLS = block_cells
        tracemalloc.start()
        t = time.perf_counter()
        got = quantiser.assign(x, cent)
        seconds = time.perf_counter() - t
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        runs[name] = (got, peak, seconds)
        print(f"{name:>28}: peak {peak:,.0f} MB of allocations, {seconds:.1f} s", flush=True)
    quantiser.ASSIGN_CELLS = cells
    (before, old_peak, old_s), (new, new_peak, new_s) = runs.values()
    same = np.array_equal(before.rows, new.rows) and np.array_equal(before.parts, new.parts)
    print(
        f"{a.n:,} vectors, {a.centroids:,} centroids: peak {new_peak / old_peak:.2f}×, "
        f"time {new_s / max(old_s, 1e-3):.2f}×; same assignment: {same}"
    )


if __name__ == "__main__":
    main()
