"""The client's routing cost per vector, by number of centroids: what bounds 100M and 1B images.

    OPENBLAS_NUM_THREADS=1 python tests/benchmarks/quantiser_routing.py [--n 100000] [--centroids 2500,25000]

The partitioned search (core/cluster/partitions.py) fits centroids on a sample and routes every
image to its nearest one or two on the client, one centroid per ~4,000 images: 2,500 at ten
million, 25,000 at a hundred million. For ``--n`` random 64-d vectors (the hash descriptor's
size) and each number of centroids this prints, in CPU seconds of this process (one BLAS thread
gives per-core figures):

- the fit (:func:`quantiser.fit`, Lloyd steps a block at a time) against the fit with the whole
  sample × centroids matrix at once (before): time, numpy's peak allocation, same centroids;
- the routing (:func:`quantiser.assign`, two argmax passes) against argpartition (before), and
  against an HNSW graph over the centroids (hnswlib, the alternative measured and not taken):
  µs per vector, the same assignment, and how often the graph finds the exact nearest centroid.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.cluster import quantiser


def fit_whole(x: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """quantiser.fit before: each Lloyd step on the whole sample × k similarities."""
    x, cent = quantiser.seeded(x, k, seed, quantiser.SAMPLE)
    for _ in range(quantiser.ITERATIONS):
        s = x @ cent.T
        cent = quantiser.lloyd_update(x, cent, s.argmax(axis=1), s.max(axis=1))
    return cent


def assign_argpartition(
    x: np.ndarray, centroids: np.ndarray, boundary: float = quantiser.BOUNDARY
) -> tuple[quantiser.Assignment, np.ndarray]:
    """quantiser.assign before (argpartition on the negated similarities), and the nearest."""
    n = len(x)
    first = np.empty(n, np.int32)
    second = np.empty(n, np.int32)
    near = np.empty(n, bool)
    for lo, s in quantiser._similarities(x, centroids):
        top2 = np.argpartition(-s, 1, axis=1)[:, :2]
        v = np.take_along_axis(s, top2, axis=1)
        swap = v[:, 1] > v[:, 0]
        top2[swap] = top2[swap][:, ::-1]
        v[swap] = v[swap][:, ::-1]
        first[lo : lo + len(s)] = top2[:, 0]
        second[lo : lo + len(s)] = top2[:, 1]
        near[lo : lo + len(s)] = v[:, 1] >= v[:, 0] - boundary
    rows = np.concatenate([np.arange(n, dtype=np.int64), np.flatnonzero(near)])
    parts = np.concatenate([first, second[near]])
    order = np.lexsort((rows, parts))
    return quantiser.Assignment(rows[order], parts[order].astype(np.int32), len(centroids)), first


def nearest_graph(x: np.ndarray, centroids: np.ndarray) -> tuple[np.ndarray, float]:
    """The nearest centroid through an HNSW graph over the centroids (build time apart)."""
    import hnswlib

    t = time.process_time()
    index = hnswlib.Index(space="ip", dim=centroids.shape[1])
    index.init_index(max_elements=len(centroids), ef_construction=200, M=16)
    index.add_items(centroids, np.arange(len(centroids)), num_threads=1)
    index.set_ef(64)
    build = time.process_time() - t
    labels, _ = index.knn_query(quantiser._normalised(x), k=2, num_threads=1)
    return labels[:, 0].astype(np.int64), build


def measure(fn: Callable[..., Any], *args: Any) -> tuple[Any, float, int]:
    """(result, CPU seconds, numpy's peak allocation in bytes)."""
    tracemalloc.start()
    t = time.process_time()
    out = fn(*args)
    cpu = time.process_time() - t
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return out, cpu, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--centroids", default="2500,25000")
    ap.add_argument("--dim", type=int, default=64)
    a = ap.parse_args()
    x = np.random.default_rng(1).standard_normal((a.n, a.dim)).astype(np.float32)
    print(f"{a.n:,} random {a.dim}-d vectors; CPU time of this process")
    for k in (int(c) for c in a.centroids.split(",")):
        print(f"{k:,} centroids (a sample of {min(a.n, quantiser.SAMPLE):,}):")
        cent, t_new, m_new = measure(quantiser.fit, x, k)
        old, t_old, m_old = measure(fit_whole, x, k)
        print(
            f"  fit, by block {t_new:7.1f} s, peak {m_new / 1e6:7.1f} MB; whole matrix {t_old:7.1f} s, "
            f"peak {m_old / 1e6:7.1f} MB ({m_old / max(m_new, 1):.1f}x the memory); "
            f"same centroids: {bool(np.array_equal(cent, old))}"
        )
        got, t_assign, m_assign = measure(quantiser.assign, x, cent)
        (base, base_first), t_base, m_base = measure(assign_argpartition, x, cent)
        same = np.array_equal(got.rows, base.rows) and np.array_equal(got.parts, base.parts)
        per = 1e6 / a.n
        print(
            f"  routing, two argmax passes {t_assign * per:6.1f} µs/vector (peak {m_assign / 1e6:.0f} MB); "
            f"argpartition {t_base * per:6.1f} µs/vector (peak {m_base / 1e6:.0f} MB), "
            f"{t_base / max(t_assign, 1e-9):.2f}x the time; same assignment: {same}; "
            f"duplication {got.duplication:.2f}"
        )
        (graph_first, build), t_graph, _ = measure(nearest_graph, x, cent)
        agree = float((graph_first == base_first).mean())
        print(
            f"  routing through an HNSW graph {(t_graph - build) * per:6.1f} µs/vector "
            f"(+ {build:.1f} s to build it), {(t_graph - build) / max(t_assign, 1e-9):.2f}x the time "
            f"of the exact routing; same nearest centroid for {agree:.4f} of the vectors"
        )


if __name__ == "__main__":
    main()
