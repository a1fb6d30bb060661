"""Gathering one partition's rows from the client's arrays: fancy indexing against ``take``.

    python tests/benchmarks/gather_rows.py [--n 10000000] [--rows 6000] [--repeat 5]

The partitioned search builds each partition's payload by gathering its ~6,000 images' rows
from arrays of every image (core/cluster/partitions.py: the tiny images, float16 × 256, and the
descriptors, float32 × 64). At ten million images the client spent 84 % of its time on two such
lines (py-spy, ``cluster_scale.py --n 10000000``), its workers a quarter busy. This times
``a[rows]`` and ``a.take(rows, axis=0)`` on arrays of that shape for ``--n`` images (median of
``--repeat``, sorted random rows, as a partition's), prints both, their ratio, and whether they
give the same rows.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np


def median_ms(fn: Callable[[], np.ndarray], repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times) * 1e3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000_000)
    ap.add_argument("--rows", type=int, default=6000)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    rng = np.random.default_rng(0)
    rows = np.sort(rng.choice(a.n, min(a.rows, a.n), replace=False))
    print(f"{len(rows):,} sorted random rows of {a.n:,}")
    for name, dtype, width in (("tiny images", np.float16, 256), ("descriptors", np.float32, 64)):
        x = np.ones((a.n, width), dtype)
        fancy = median_ms(lambda x=x: x[rows], a.repeat)
        take = median_ms(lambda x=x: x.take(rows, axis=0), a.repeat)
        same = bool(np.array_equal(x[rows], x.take(rows, axis=0)))
        print(
            f"  {name} ({np.dtype(dtype).name} × {width}, {x.nbytes / 1e9:.2f} GB): a[rows] {fancy:8.2f} ms, "
            f"a.take(rows, axis=0) {take:6.2f} ms ({fancy / max(take, 1e-9):.1f}x); same rows: {same}"
        )
        del x


if __name__ == "__main__":
    main()
