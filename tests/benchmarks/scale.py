"""Scale benchmark: the real candidate search, scoring and grouping on synthetic feature sets.

    python tests/benchmarks/scale.py [--sizes 10000,100000] [--deep] [--deep-only]
                                     [--deep-data gaussian|descriptor] [--smoke]

No images are decoded: each size gets a synthetic feature array in the engine's own layout —
smooth random 32×32 thumbnails with random hashes and colour grids — in which clusters of 2–5
near-duplicates are planted (a copy is its base with pixel noise, a brightness change, some
flipped hash bits, and sometimes a 90° rotation or a mirror, so orientation search is exercised).
Each size runs in its own process so peak RSS is that size's alone. Printed per size: wall time
of each stage, peak RSS, and recall of planted pairs; then the growth exponent of the total time
between consecutive sizes (1.0 = linear).

``--deep`` also times the deep stage, in a process of its own (so its peak RSS is its own), and
``--deep-only`` skips the hash stage (a million-file deep run takes long enough alone). Its input
is what a scan holds: 512-d unit embeddings as float16, with planted near copies (cosine ≈ 0.94).
Timed: (a) building the persisted index (``deep.open_index``: the vectors reduced to
``deep.INDEX_DIM`` principal components, as a scan builds it) and saving it, (b) the kNN of every vector
(``deep.candidate_pairs``) and grouping the pairs with cosine ≥ :data:`GROUP_COS`, and (c) a 1 %
incremental update as the next scan would do it: a fresh index object loaded from disk, synced
with all paths (old + 1 % new, a third of them near copies of old files), only its
``fresh_rows`` queried, the new pairs merged with the old ones, everything grouped again and the
index saved. Recall is of planted pairs among the candidates (and whether they end up grouped).
The growth exponent of a deep-only run is of (a) + (b). ``--deep-data descriptor`` replaces the
independent random directions (the graph search's worst case) with vectors shaped like the real
model's descriptors (:data:`DESCRIPTOR_MEAN_COS`).
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

from dupe_viewer.core.features import perceptual as F
from dupe_viewer.core.group.grouping import group_pairs
from dupe_viewer.core.match import candidates, measure, scoring
from dupe_viewer.core.match.candidates import transpose_stack
from dupe_viewer.core.options import DEFAULT_THRESHOLD


def synthetic(n: int, seed: int = 0) -> tuple[np.ndarray, set[tuple[int, int]]]:
    """``n`` feature records; about a third belong to planted clusters. Returns (feats, pairs)."""
    rng = np.random.default_rng(seed)
    feats = np.zeros(n, dtype=F.FEATURE_DTYPE)
    # Smooth thumbnails: random 5×5 fields upsampled bilinearly, plus mild texture. In chunks, so
    # the generator's float temporaries do not set the peak RSS that the benchmark reports.
    xs = np.linspace(0, 4, F.THUMB)
    i0 = np.minimum(xs.astype(int), 3)
    t = (xs - i0).astype(np.float32)
    for lo in range(0, n, 50_000):
        hi = min(n, lo + 50_000)
        grid = rng.uniform(0, 255, (hi - lo, 5, 5)).astype(np.float32)
        rows = grid[:, i0, :] * (1 - t)[None, :, None] + grid[:, i0 + 1, :] * t[None, :, None]
        thumbs = rows[:, :, i0] * (1 - t)[None, None, :] + rows[:, :, i0 + 1] * t[None, None, :]
        thumbs += rng.normal(0, 6, thumbs.shape).astype(np.float32)
        feats["thumb"][lo:hi] = np.clip(thumbs, 0, 255).astype(np.uint8)
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
    prepared = candidates.prepare(feats["thumb"])
    cand = candidates.find_candidates(prepared)
    t2 = time.perf_counter()
    meas = measure.measure(feats, cand, prepared=prepared)
    del prepared
    sim = scoring.hash_similarity(meas)
    kinds = scoring.classify(meas, sim, feats["trimmed"])
    t3 = time.perf_counter()
    keep = sim >= DEFAULT_THRESHOLD
    groups = group_pairs(n, cand.pairs[keep], sim[keep], list(kinds[keep]))
    t4 = time.perf_counter()
    # Regroup at another threshold, as the GUI slider does (pairs already scored).
    keep2 = sim >= 0.8
    group_pairs(n, cand.pairs[keep2], sim[keep2], list(kinds[keep2]))
    t5 = time.perf_counter()
    found = {(int(a), int(b)) for a, b in cand.pairs[keep]}
    in_group = {}
    for g in groups:
        for m in g.members:
            in_group[m] = g.reference
    # Grouping is reference-centred: a planted pair counts when both are in the same group.
    grouped = sum(1 for a, b in planted if a in in_group and in_group.get(a) == in_group.get(b))
    return {
        "n": n,
        "generate_s": t1 - t0,
        "candidates_s": t2 - t1,
        "scoring_s": t3 - t2,
        "grouping_s": t4 - t3,
        "regroup_s": t5 - t4,
        "total_s": t4 - t1,
        "candidates": len(cand),
        "planted": len(planted),
        "pair_recall": len(found & planted) / max(1, len(planted)),
        "grouped_recall": grouped / max(1, len(planted)),
        "false_pairs": len(found - planted),
    }


#: Deep pairs are grouped at this cosine (the default deep threshold; the engine's geometric
#: verification needs thumbnails and is not part of what is timed here).
GROUP_COS = 0.85
#: Per-dimension noise of a planted copy: cosine ≈ 1 / sqrt(1 + 0.35²) ≈ 0.94 to its base.
COPY_NOISE = 0.35
#: ``--deep-data descriptor``: like the real model's descriptors. SqueezeNet GeM vectors of the 319
#: distinct photos in ../shared (bsds500, skimage) have cosine 0.567 ± 0.098 between different
#: photos, a nearest other photo at 0.767 (median), 50 % of their variance in 19 of 512 principal
#: components and a TwoNN intrinsic dimension of 20. Modelled as a common mean plus an anisotropic
#: Gaussian whose k-th component has variance ∝ 1/k: 0.576 ± 0.090, 0.741, 17 components, TwoNN
#: 44 (still the harder side; ``gaussian``: 0.000 ± 0.044, 0.129, TwoNN 130).
DESCRIPTOR_MEAN_COS = 0.57


def _deep_vectors(
    n: int, extra: int, dim: int, data: str = "gaussian", seed: int = 1
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``n + extra`` unit vectors as float16, made 60,000 rows at a time (a float64 matrix of a
    million 512-d vectors alone would be 4 GB). Returns (vectors, planted pairs among the first
    ``n`` (P×2), planted pairs between an old row and one of the ``extra`` new rows).

    ``gaussian``: independent random directions, the hardest case for the graph search (no
    neighbour is near but the copies). ``descriptor``: see :data:`DESCRIPTOR_MEAN_COS`."""
    rng = np.random.default_rng(seed)
    if data == "gaussian":
        sd = np.ones(dim, np.float32)
        mean = np.zeros(dim, np.float32)
    else:
        var = 1.0 / np.arange(1, dim + 1)
        sd = np.sqrt(var * dim / var.sum()).astype(np.float32)  # total variance dim, like gaussian
        direction = np.random.default_rng(seed + 1).standard_normal(dim)
        # Two draws have cosine |mean|² / (|mean|² + dim) on average.
        norm = np.sqrt(DESCRIPTOR_MEAN_COS / (1 - DESCRIPTOR_MEAN_COS) * dim)
        mean = (direction / np.linalg.norm(direction) * norm).astype(np.float32)
    spread = float(np.sqrt(1 + mean @ mean / dim))  # a vector's norm / sqrt(dim)

    def draw(count: int) -> np.ndarray:
        return rng.standard_normal((count, dim), dtype=np.float32) * sd + mean

    vecs = np.empty((n + extra, dim), np.float16)
    nbase = n // 3  # bases 0, 3, 6... below n // 3, each with copies at +1 and +2
    block = 60_000  # a multiple of 3: a base and its copies fall in one block
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        v = draw(hi - lo)
        rows = np.arange(lo, hi)
        copy = (rows % 3 != 0) & (rows - rows % 3 < nbase)
        base = rows[copy] - rows[copy] % 3 - lo
        noise = rng.standard_normal((int(copy.sum()), dim), dtype=np.float32)
        v[copy] = v[base] + COPY_NOISE * spread * noise
        vecs[lo:hi] = v / np.linalg.norm(v, axis=1, keepdims=True)
    bases = np.arange(0, nbase, 3)
    planted = np.concatenate([np.stack([bases, bases + 1], 1), np.stack([bases, bases + 2], 1)])
    planted = planted[planted[:, 1] < n]
    # New files: a third are near copies of old files outside the planted clusters.
    v = draw(extra)
    n_copies = extra // 3
    sources = rng.choice(np.arange(nbase + 2, n), n_copies, replace=False) if n_copies else np.empty(0, int)
    noise = rng.standard_normal((n_copies, dim), dtype=np.float32)
    v[:n_copies] = vecs[sources] + COPY_NOISE / np.sqrt(dim) * noise  # old rows are unit vectors
    vecs[n:] = v / np.linalg.norm(v, axis=1, keepdims=True)
    planted_new = np.stack([sources, n + np.arange(n_copies)], 1).astype(np.int64)
    return vecs, planted, planted_new


def _recall(found: np.ndarray, planted: np.ndarray, size: int) -> float:
    """Share of ``planted`` pairs (i < j) among ``found`` pairs (i < j)."""
    if len(planted) == 0:
        return 1.0
    return float(np.isin(planted[:, 0] * size + planted[:, 1], found[:, 0] * size + found[:, 1]).mean())


def _grouped(groups: list, pairs: np.ndarray, size: int) -> float:
    """Share of ``pairs`` whose two members are in one group."""
    group_of = np.full(size, -1, dtype=np.int64)
    for g_id, g in enumerate(groups):
        group_of[list(g.members)] = g_id
    if len(pairs) == 0:
        return 1.0
    a, b = group_of[pairs[:, 0]], group_of[pairs[:, 1]]
    return float(((a >= 0) & (a == b)).mean())


def _group(size: int, pairs: np.ndarray, cos: np.ndarray) -> list:
    keep = cos >= GROUP_COS
    return group_pairs(size, pairs[keep], cos[keep], ["similar"] * int(keep.sum()))


def _status_mb(key: str) -> float:
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith(key + ":")) / 1024


def _reset_peak() -> None:
    """Restart the kernel's peak-RSS counter (VmHWM), so each phase's own peak can be read."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:  # not Linux, or not allowed: the phase peaks are then cumulative
        pass


class _Phases:
    """Wall and CPU seconds of consecutive steps, and the peak RSS of each phase.

    CPU seconds (all threads) are printed besides wall time because the machine may be shared:
    on an idle machine with ``c`` cores, hnswlib's wall time is about CPU / ``c``.
    """

    def __init__(self) -> None:
        self.out: dict[str, float] = {}
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def start(self) -> None:
        _reset_peak()
        self._wall, self._cpu = time.perf_counter(), time.process_time()

    def lap(self, name: str) -> None:
        wall, cpu = time.perf_counter(), time.process_time()
        self.out[f"{name}_s"], self.out[f"{name}_cpu_s"] = wall - self._wall, cpu - self._cpu
        self._wall, self._cpu = wall, cpu

    def peak(self, name: str) -> None:
        self.out[f"{name}_peak_mb"] = _status_mb("VmHWM")


def run_deep(n: int, dim: int = 512, data: str = "gaussian") -> dict[str, float]:
    import gc

    from dupe_viewer.core.deep import stage as deep_mod

    ph = _Phases()
    ph.out.update(n=n, start_rss_mb=_status_mb("VmRSS"))
    extra = max(1, n // 100)
    vecs, planted, planted_new = _deep_vectors(n, extra, dim, data)
    paths = [f"/synthetic/{i:07d}.jpg" for i in range(n + extra)]
    idents = [(1, 1)] * (n + extra)
    ph.out.update(vectors_mb=vecs.nbytes / 2**20, extra=extra)
    ph.peak("input")
    with tempfile.TemporaryDirectory() as tmp:
        # (a) index build, as the first scan of these files does it.
        ph.start()
        idx = deep_mod.open_index("bench", dim, Path(tmp))
        labels = idx.sync(paths[:n], idents[:n], vecs[:n])
        ph.lap("add")
        idx.save()
        ph.lap("save")
        ph.peak("build")
        # (b) kNN of every vector, then grouping.
        ph.start()
        pairs, cos = deep_mod.candidate_pairs(idx, labels, vecs[:n])
        ph.lap("knn")
        groups = _group(n, pairs, cos)
        ph.lap("group")
        ph.peak("knn")
        ph.out.update(
            pairs=len(pairs), recall=_recall(pairs, planted, n), grouped=_grouped(groups, planted, n)
        )
        del idx, groups
        gc.collect()  # the next scan's process would not hold the first index either

        # (c) 1 % new files: a fresh object loads the saved index and grows it.
        ph.start()
        idx2 = deep_mod.open_index("bench", dim, Path(tmp))
        ph.lap("load")
        if idx2.warnings or len(idx2.paths) != n:
            raise RuntimeError(f"the saved index was not reused: {idx2.warnings}")
        labels2 = idx2.sync(paths, idents, vecs)
        ph.lap("sync")
        fresh = idx2.fresh_rows
        if len(fresh) != extra or not np.array_equal(labels2[:n], labels):
            raise RuntimeError("the index was rebuilt instead of grown")
        new_pairs, new_cos = deep_mod.candidate_pairs(idx2, labels2, vecs, query_rows=fresh)
        ph.lap("query")
        # Old rows keep their positions, so the old pairs (a scan's pair cache) merge as they are.
        all_pairs, all_cos = np.concatenate([pairs, new_pairs]), np.concatenate([cos, new_cos])
        groups = _group(n + extra, all_pairs, all_cos)
        ph.lap("regroup")
        idx2.save()
        ph.lap("resave")
        ph.peak("incr")
    o = ph.out
    o.update(
        build_s=o["add_s"] + o["save_s"],
        build_cpu_s=o["add_cpu_s"] + o["save_cpu_s"],
        total_s=o["add_s"] + o["save_s"] + o["knn_s"] + o["group_s"],
        incr_s=sum(o[f"{k}_s"] for k in ("load", "sync", "query", "regroup", "resave")),
        incr_recall=_recall(new_pairs, planted_new, n + extra),
        incr_grouped=_grouped(groups, np.concatenate([planted, planted_new]), n + extra),
    )
    o["peak_rss_mb"] = max(o[f"{k}_peak_mb"] for k in ("input", "build", "knn", "incr"))
    return o


def child(n: int, stage: str, data: str) -> None:
    if stage == "deep":
        out = run_deep(n, data=data)
    else:
        out = run_hash(n)
        out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(out))


def _run_child(n: int, stage: str, data: str = "gaussian") -> dict[str, float] | None:
    cmd = [sys.executable, __file__, "--child", str(n), "--stage", stage, "--deep-data", data]
    res = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"})
    if res.returncode != 0:
        print(res.stderr, file=sys.stderr)
        return None
    return json.loads(res.stdout.strip().splitlines()[-1])


def _deep_line(r: dict[str, float], first: str) -> str:
    ind = " " * len(first)
    return (
        f"{first}deep: index build {r['build_s']:.2f}s (add {r['add_s']:.2f}s, save {r['save_s']:.2f}s; "
        f"CPU {r['build_cpu_s']:.0f}s)  kNN {r['knn_s']:.2f}s (CPU {r['knn_cpu_s']:.0f}s)  "
        f"grouping {r['group_s']:.2f}s  build+kNN+grouping {r['total_s']:.2f}s\n"
        f"{ind}+1 % incremental {r['incr_s']:.2f}s (load {r['load_s']:.2f}s, sync {r['sync_s']:.2f}s, "
        f"query the {r['extra']} new {r['query_s']:.2f}s, group {r['regroup_s']:.2f}s, "
        f"save {r['resave_s']:.2f}s)\n"
        f"{ind}peak RSS {r['peak_rss_mb']:.0f} MB (start {r['start_rss_mb']:.0f}, float16 vectors "
        f"{r['vectors_mb']:.0f}; phase peaks: input {r['input_peak_mb']:.0f}, "
        f"build {r['build_peak_mb']:.0f}, kNN+grouping {r['knn_peak_mb']:.0f}, "
        f"incremental {r['incr_peak_mb']:.0f})\n"
        f"{ind}planted-pair recall {r['recall']:.4f} (grouped {r['grouped']:.4f}, {r['pairs']} pairs)  "
        f"new-file pairs recall {r['incr_recall']:.4f} (all planted grouped {r['incr_grouped']:.4f})"
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--deep", action="store_true", help="also time the deep stage")
    ap.add_argument("--deep-only", action="store_true", help="time only the deep stage")
    ap.add_argument(
        "--deep-data",
        choices=("gaussian", "descriptor"),
        default="gaussian",
        help="deep embeddings: independent random directions, or shaped like real descriptors",
    )
    ap.add_argument("--smoke", action="store_true", help="tiny sizes, for CI")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--stage", choices=("hash", "deep"), default="hash", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.stage, args.deep_data)
        return 0
    deep = args.deep or args.deep_only
    sizes = [300, 3000] if args.smoke else [int(s) for s in args.sizes.split(",")]
    results = []
    for n in sizes:
        r: dict[str, float] = {"n": n}
        lines = []
        if not args.deep_only:
            h = _run_child(n, "hash")
            if h is None:
                return 1
            r.update(h)
            lines.append(
                f"n={n:>8}  candidates {h['candidates_s']:7.2f}s  scoring {h['scoring_s']:6.2f}s  "
                f"grouping {h['grouping_s']:6.2f}s  regroup {h['regroup_s']:6.2f}s  "
                f"total {h['total_s']:7.2f}s  peak RSS {h['peak_rss_mb']:7.0f} MB  "
                f"planted-pair recall {h['pair_recall']:.4f} "
                f"(grouped {h['grouped_recall']:.4f}, {h['false_pairs']} other pairs)"
            )
        if deep:
            d = _run_child(n, "deep", args.deep_data)
            if d is None:
                return 1
            r["deep"] = d  # type: ignore[assignment]
            lines.append(_deep_line(d, f"n={n:>8}  " if args.deep_only else " " * 11))
        results.append(r)
        print("\n".join(lines), flush=True)
    for a, b in itertools.pairwise(results):
        for label, ta, tb in (
            ("", a.get("total_s"), b.get("total_s")),
            ("deep ", a.get("deep", {}).get("total_s"), b.get("deep", {}).get("total_s")),
        ):
            if ta and tb:
                k = math.log(tb / ta) / math.log(b["n"] / a["n"])
                print(f"{label}growth exponent {a['n']}→{b['n']}: {k:.2f} (1.0 = linear)")
        if "deep" in a and "deep" in b:
            k = math.log(b["deep"]["peak_rss_mb"] / a["deep"]["peak_rss_mb"]) / math.log(b["n"] / a["n"])
            print(f"deep peak RSS growth exponent {a['n']}→{b['n']}: {k:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
