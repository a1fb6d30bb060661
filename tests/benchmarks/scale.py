"""Scale benchmark: the real candidate search, scoring and grouping on synthetic feature sets.

    python tests/benchmarks/scale.py [--sizes 10000,100000] [--deep] [--smoke]

No images are decoded: each size gets a synthetic feature array in the engine's own layout —
smooth random 32×32 thumbnails with random hashes and colour grids — in which clusters of 2–5
near-duplicates are planted (a copy is its base with pixel noise, a brightness change, some
flipped hash bits, and sometimes a 90° rotation or a mirror, so orientation search is exercised).
Each size runs in its own process so peak RSS is that size's alone. Printed per size: wall time
of each stage, peak RSS, and recall of planted pairs; then the growth exponent of the total time
between consecutive sizes (1.0 = linear).

``--deep`` also times the deep stage: 512-d embeddings with planted near copies, through the
persisted :class:`VectorIndex` (build, kNN, and a 1 % incremental update).
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from dupe_viewer.core import features as F  # noqa: E402
from dupe_viewer.core import matching, scoring  # noqa: E402
from dupe_viewer.core.grouping import group_pairs  # noqa: E402
from dupe_viewer.core.matching import transpose_stack  # noqa: E402


def synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, set[tuple[int, int]]]:
    """``n`` feature records; about a third belong to planted clusters. Returns (feats, pairs)."""
    rng = np.random.default_rng(seed)
    feats = np.zeros(n, dtype=F.FEATURE_DTYPE)
    # Smooth thumbnails: random 5×5 fields upsampled bilinearly, plus mild texture.
    grid = rng.uniform(0, 255, (n, 5, 5)).astype(np.float32)
    xs = np.linspace(0, 4, F.THUMB)
    i0 = np.minimum(xs.astype(int), 3)
    t = (xs - i0).astype(np.float32)
    rows = grid[:, i0, :] * (1 - t)[None, :, None] + grid[:, i0 + 1, :] * t[None, :, None]
    thumbs = rows[:, :, i0] * (1 - t)[None, None, :] + rows[:, :, i0 + 1] * t[None, None, :]
    thumbs += rng.normal(0, 6, thumbs.shape).astype(np.float32)
    feats["thumb"] = np.clip(thumbs, 0, 255).astype(np.uint8)
    feats["phash"] = rng.integers(0, 2**63, (n, 8), dtype=np.uint64)
    feats["dhash"] = rng.integers(0, 2**63, (n, 8), dtype=np.uint64)
    feats["colour"] = rng.integers(0, 255, (n, 4, 4, 3), dtype=np.uint8)
    feats["chroma"] = rng.uniform(5, 40, n)
    planted: set[tuple[int, int]] = set()
    pos = 0
    bases = rng.permutation(n)
    while pos < n // 3:
        size = int(rng.integers(2, 6))
        base, copies = bases[pos], bases[pos + 1 : pos + size]
        pos += size
        for c in copies:
            k = int(rng.choice([0, 0, 0, 1, 4]))  # mostly upright, some rotated or mirrored
            th = transpose_stack(feats["thumb"][base][None].astype(np.float32), k)[0]
            th = th * rng.uniform(0.9, 1.1) + rng.normal(0, 4, th.shape)
            feats["thumb"][c] = np.clip(th, 0, 255).astype(np.uint8)
            # The copy's hashes in orientation j are the base's in the composed orientation,
            # with a few bits flipped (recompression noise).
            flips = rng.integers(0, 64, 3)
            bits = 0
            for b in flips:
                bits |= 1 << int(b)
            noise = np.uint64(bits)
            for j in range(8):
                feats["phash"][c, j] = feats["phash"][base, _compose(j, k)] ^ noise
                feats["dhash"][c, j] = feats["dhash"][base, _compose(j, k)] ^ noise
            feats["colour"][c] = transpose_stack(feats["colour"][base][None], k)[0]
            feats["chroma"][c] = feats["chroma"][base]
        members = sorted(int(x) for x in (base, *copies))
        planted.update((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
    return feats, planted


def _compose(j: int, k: int) -> int:
    """Orientation index equal to applying ``k`` then ``j`` (found numerically once)."""
    key = (j, k)
    if key not in _COMPOSE:
        probe = np.arange(16).reshape(1, 4, 4)
        want = transpose_stack(transpose_stack(probe, k), j)
        _COMPOSE[key] = next(m for m in range(8) if np.array_equal(transpose_stack(probe, m), want))
    return _COMPOSE[key]


_COMPOSE: dict[tuple[int, int], int] = {}


def run_hash(n: int) -> dict[str, float]:
    t0 = time.perf_counter()
    feats, planted = synthetic(n)
    t1 = time.perf_counter()
    cand = matching.candidate_pairs(feats)
    t2 = time.perf_counter()
    meas = matching.measure(feats, cand)
    sim = scoring.hash_similarity(meas)
    kinds = scoring.classify(meas, sim, feats["trimmed"])
    t3 = time.perf_counter()
    keep = sim >= scoring.DEFAULT_THRESHOLD
    groups = group_pairs(n, cand[keep], sim[keep], list(kinds[keep]))
    t4 = time.perf_counter()
    # Regroup at another threshold, as the GUI slider does (pairs already scored).
    keep2 = sim >= 0.8
    group_pairs(n, cand[keep2], sim[keep2], list(kinds[keep2]))
    t5 = time.perf_counter()
    found = {(int(a), int(b)) for a, b in cand[keep]}
    in_group = {}
    for g in groups:
        for m in g.members:
            in_group[m] = g.reference
    # Grouping is reference-centred: a planted pair counts when both are in the same group.
    grouped = sum(1 for a, b in planted if a in in_group and in_group.get(a) == in_group.get(b))
    return {
        "n": n, "generate_s": t1 - t0, "candidates_s": t2 - t1, "scoring_s": t3 - t2, "grouping_s": t4 - t3,
        "regroup_s": t5 - t4, "total_s": t4 - t1, "candidates": len(cand), "planted": len(planted),
        "pair_recall": len(found & planted) / max(1, len(planted)),
        "grouped_recall": grouped / max(1, len(planted)),
        "false_pairs": len(found - planted),
    }


def run_deep(n: int, dim: int = 512) -> dict[str, float]:
    from dupe_viewer.core import deep as deep_mod
    from dupe_viewer.core.vector_index import VectorIndex

    rng = np.random.default_rng(1)
    vecs = rng.normal(0, 1, (n, dim)).astype(np.float32)
    planted = set()
    for i in range(0, n // 3, 3):
        for c in (i + 1, i + 2):
            vecs[c] = vecs[i] + rng.normal(0, 0.35, dim)  # cosine ≈ 0.9 to the base
            planted.add((i, c))
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    paths = [f"/synthetic/{i:07d}.jpg" for i in range(n)]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        idx = VectorIndex("bench", dim, Path(tmp))
        labels = idx.sync(paths, [(1, 1)] * n, vecs)
        idx.save()
        t1 = time.perf_counter()
        pairs, _ = deep_mod.candidate_pairs(idx, labels, vecs)
        t2 = time.perf_counter()
        # 1 % new files: reload the saved index and grow it.
        extra = rng.normal(0, 1, (max(1, n // 100), dim)).astype(np.float32)
        extra /= np.linalg.norm(extra, axis=1, keepdims=True)
        t3 = time.perf_counter()
        idx2 = VectorIndex("bench", dim, Path(tmp))
        all_paths = paths + [f"/synthetic/new{i}.jpg" for i in range(len(extra))]
        all_vecs = np.concatenate([vecs, extra])
        labels2 = idx2.sync(all_paths, [(1, 1)] * len(all_paths), all_vecs)
        deep_mod.candidate_pairs(idx2, labels2, all_vecs)
        idx2.save()
        t4 = time.perf_counter()
    found = {(int(a), int(b)) for a, b in pairs}
    return {
        "n": n, "index_build_s": t1 - t0, "knn_s": t2 - t1, "incremental_1pct_s": t4 - t3,
        "deep_recall": len(found & planted) / max(1, len(planted)),
    }


def child(n: int, deep: bool) -> None:
    out = run_hash(n)
    if deep:
        out.update(run_deep(n))
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--deep", action="store_true")
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, for CI")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.deep)
        return 0
    sizes = [300, 3000] if args.smoke else [int(s) for s in args.sizes.split(",")]
    results = []
    for n in sizes:
        cmd = [sys.executable, __file__, "--child", str(n)] + (["--deep"] if args.deep else [])
        res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr)
            return 1
        r = json.loads(res.stdout.strip().splitlines()[-1])
        results.append(r)
        line = (
            f"n={n:>8}  candidates {r['candidates_s']:7.2f}s  scoring {r['scoring_s']:6.2f}s  "
            f"grouping {r['grouping_s']:6.2f}s  regroup {r['regroup_s']:6.2f}s  total {r['total_s']:7.2f}s  "
            f"peak RSS {r['peak_rss_mb']:7.0f} MB  planted-pair recall {r['pair_recall']:.4f} "
            f"(grouped {r['grouped_recall']:.4f}, {r['false_pairs']} other pairs)"
        )
        if args.deep:
            line += (
                f"\n           deep: index build {r['index_build_s']:.2f}s  kNN {r['knn_s']:.2f}s  "
                f"+1 % incremental {r['incremental_1pct_s']:.2f}s  recall {r['deep_recall']:.4f}"
            )
        print(line, flush=True)
    for a, b in itertools.pairwise(results):
        k = math.log(b["total_s"] / a["total_s"]) / math.log(b["n"] / a["n"])
        print(f"growth exponent {a['n']}→{b['n']}: {k:.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
