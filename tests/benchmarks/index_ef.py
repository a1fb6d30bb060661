"""Recall of near-duplicate neighbours in the deep vector index, by hnswlib parameters.

    python tests/benchmarks/index_ef.py [--n 30000] [--dim 512] [--m 16] [--efc 200]
                                        [--ef 16,32,64,128,256] [--data clustered|gaussian]

Synthetic unit vectors with planted near copies (cosine ≈ 0.8 to their base with the default
``--noise``, like a large crop's embedding) go through :class:`VectorIndex`. For each build
(``M`` × ``ef_construction``, comma lists) the build time is printed, then for each query ``ef``
the share of planted pairs found among each base's nearest neighbours (``deep.K_DEEP``) and the
query time of all vectors (wall, and CPU of all threads: the figure to compare on a shared
machine). The engine's ``vector_index.PARAMS`` and ``QUERY_EF`` are chosen from this table.

``clustered`` data (200 "topics": cats, skies...) is closer to real CNN descriptors;
``gaussian`` (the data of ``scale.py --deep``) has no structure for the graph search to follow
and is the harder case: at the same parameters its recall is lower.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.deep import stage as deep_mod
from dupe_viewer.core.store import vector_index
from dupe_viewer.core.store.vector_index import VectorIndex


def dataset(n: int, dim: int, noise: float, kind: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """Unit vectors (float32) and the planted (base, copy) pairs: two copies per base."""
    rng = np.random.default_rng(0)
    if kind == "clustered":
        topics = rng.normal(0, 1, (200, dim))
        vecs = topics[rng.integers(0, 200, n)] + rng.normal(0, 1.2, (n, dim))
    else:
        vecs = rng.normal(0, 1, (n, dim))
    planted = []
    for i in range(0, n // 3, 3):
        for c in (i + 1, i + 2):
            vecs[c] = vecs[i] + rng.normal(0, noise, dim) * np.linalg.norm(vecs[i]) / np.sqrt(dim)
            planted.append((i, c))
    return (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32), planted


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=30000)
    ap.add_argument("--dim", type=int, default=512)
    ap.add_argument(
        "--noise", type=float, default=0.7, help="copy noise (0.7: cosine ~0.8, like a large crop)"
    )
    ap.add_argument("--data", choices=("clustered", "gaussian"), default="clustered")
    ap.add_argument("--m", default=str(vector_index.PARAMS["M"]), help="hnswlib M values (comma list)")
    ap.add_argument(
        "--efc", default=str(vector_index.PARAMS["ef_construction"]), help="ef_construction values"
    )
    ap.add_argument("--ef", default="16,32,64,128,256", help="query ef values")
    args = ap.parse_args()
    vecs, planted = dataset(args.n, args.dim, args.noise, args.data)
    cos = np.einsum("ij,ij->i", vecs[[a for a, _ in planted]], vecs[[b for _, b in planted]])
    print(
        f"n={args.n} dim={args.dim} data={args.data} planted pairs={len(planted)} "
        f"(cosine median {np.median(cos):.2f}, min {cos.min():.2f})"
    )
    paths = [f"/x/{i}" for i in range(args.n)]
    for m in _ints(args.m):
        for efc in _ints(args.efc):
            # In memory: only the graph is measured.
            idx = VectorIndex("ef-bench", args.dim, None, params={"M": m, "ef_construction": efc})
            t, c = time.perf_counter(), time.process_time()
            labels = idx.sync(paths, [(1, 1)] * args.n, vecs)
            print(
                f"M={m:3d} ef_construction={efc:4d}  build {time.perf_counter() - t:6.1f} s "
                f"(CPU {time.process_time() - c:6.1f} s)",
                flush=True,
            )
            for ef in _ints(args.ef):
                t, c = time.perf_counter(), time.process_time()
                nb, _ = idx.knn(vecs, deep_mod.K_DEEP + 1, allowed=labels, ef=ef)
                dt, dc = time.perf_counter() - t, time.process_time() - c
                found = sum(1 for a, b in planted if b in nb[a] or a in nb[b])
                print(
                    f"    ef={ef:4d}  recall {found / len(planted):.4f}  query {dt:6.1f} s (CPU {dc:6.1f} s)",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
