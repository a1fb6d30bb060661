"""Recall of near-duplicate neighbours in the deep vector index, by query ``ef``.

    python tests/benchmarks/index_ef.py [--n 30000] [--dim 512]

Synthetic unit vectors with planted near copies (cosine ≈ 0.9 to their base, like a recompressed
or cropped photo's embedding) go through :class:`VectorIndex`; for each ``ef`` the share of
planted pairs found among each base's nearest neighbours (``deep.K_DEEP``) is printed, with query
time. The engine's ``vector_index.QUERY_EF`` is chosen from this table.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core import deep as deep_mod
from dupe_viewer.core import vector_index
from dupe_viewer.core.vector_index import VectorIndex


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=30000)
    ap.add_argument("--dim", type=int, default=512)
    ap.add_argument(
        "--noise", type=float, default=0.7, help="copy noise (0.7: cosine ~0.8, like a large crop)"
    )
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    # Clustered data is harder for HNSW than uniform noise: 200 "topics" (cats, skies...).
    topics = rng.normal(0, 1, (200, args.dim))
    vecs = topics[rng.integers(0, 200, args.n)] + rng.normal(0, 1.2, (args.n, args.dim))
    planted = []
    for i in range(0, args.n // 3, 3):
        for c in (i + 1, i + 2):
            vecs[c] = vecs[i] + rng.normal(0, args.noise, args.dim) * np.linalg.norm(vecs[i]) / np.sqrt(
                args.dim
            )
            planted.append((i, c))
    vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float32)
    cos = np.array([vecs[a] @ vecs[b] for a, b in planted])
    print(f"n={args.n} dim={args.dim} planted pairs={len(planted)} (cosine median {np.median(cos):.2f})")
    with tempfile.TemporaryDirectory() as tmp:
        idx = VectorIndex("ef-bench", args.dim, Path(tmp))
        t = time.perf_counter()
        labels = idx.sync([f"/x/{i}" for i in range(args.n)], [(1, 1)] * args.n, vecs)
        print(f"index build {time.perf_counter() - t:.1f} s")
        for ef in (16, 32, 64, 128, 256):
            vector_index.QUERY_EF = ef
            t = time.perf_counter()
            nb, _ = idx.knn(vecs, deep_mod.K_DEEP + 1, allowed=labels)
            dt = time.perf_counter() - t
            found = sum(1 for a, b in planted if b in nb[a] or a in nb[b])
            print(f"ef={ef:4d}  recall {found / len(planted):.4f}  query {dt:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
