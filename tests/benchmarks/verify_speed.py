"""Speed of the deep stage's geometric verification, per candidate pair.

    python tests/benchmarks/verify_speed.py [--pairs 4096] [--spread 500,2000,8000] [--rounds 3]

Every deep candidate that the hashes did not already match is verified on the 32×32 thumbnails
(``verify.crop_scores``); at scale this is the deep stage's largest first-scan cost (a million
descriptor-shaped embeddings give ~11M candidate pairs, see RESULTS.md). Synthetic smooth
thumbnails, half of the pairs copies (which go on to the aspect-ratio search), half unrelated.
Prints milliseconds per pair on one thread; then, for each ``--spread`` size, one thread
against every core (``deep.spread.pair_scores``, worker start-up included), alternated in pairs
``--rounds`` times (medians; wall time, as the work is on other processes), which gives the size
below which one thread is faster (``spread.SPREAD_MIN``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.deep import spread, stage, verify


def smooth_thumbs(n: int, rng: np.random.Generator) -> np.ndarray:
    """Random 5×5 fields upsampled to 32×32 with mild noise (like scale.py's thumbnails)."""
    grid = rng.uniform(0, 255, (n, 5, 5)).astype(np.float32)
    xs = np.linspace(0, 4, 32)
    i0 = np.minimum(xs.astype(int), 3)
    t = (xs - i0).astype(np.float32)
    rows = grid[:, i0, :] * (1 - t)[None, :, None] + grid[:, i0 + 1, :] * t[None, :, None]
    th = rows[:, :, i0] * (1 - t)[None, None, :] + rows[:, :, i0 + 1] * t[None, None, :]
    return np.clip(th + rng.normal(0, 6, th.shape), 0, 255).astype(np.uint8)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=4096)
    ap.add_argument("--spread", default="500,1000,2000,4000,8000,16000")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    a = smooth_thumbs(args.pairs, rng)
    b = a.copy()
    b[1::2] = smooth_thumbs(len(b[1::2]), rng)
    verify.crop_scores(a[:64], b[:64])  # warm-up (FFT plans, resampling matrices)
    t0 = time.perf_counter()
    verify.crop_scores(a, b)
    dt = time.perf_counter() - t0
    print(f"{args.pairs} pairs in {dt:.2f} s: {1e3 * dt / args.pairs:.3f} ms per pair (one thread)")
    for size in (int(x) for x in args.spread.split(",") if x):
        _spread(size, args.rounds, rng)
    return 0


def _spread(size: int, rounds: int, rng: np.random.Generator) -> None:
    """One thread vs every core on ``size`` pairs, all of which need verifying."""
    n = 2 * size
    thumbs = smooth_thumbs(n, rng)
    thumbs[size:] = thumbs[:size]
    thumbs[size + 1 :: 2] = smooth_thumbs(len(thumbs[size + 1 :: 2]), rng)
    vec = np.ones((n, 8), np.float16) / np.float16(np.sqrt(8))  # cosine 1: every pair is verified
    cand = np.stack([np.arange(size), size + np.arange(size)], axis=1)
    args = (cand, np.arange(n), (vec, np.ones(n, bool)), thumbs, np.zeros(size, bool), n, lambda: False)
    spread.SPREAD_MIN = 0
    one_t, many_t, one_cpu = [], [], []
    for _ in range(rounds):
        c0, t0 = time.process_time(), time.perf_counter()
        one = stage.pair_scores(*args)
        one_t.append(time.perf_counter() - t0)
        one_cpu.append(time.process_time() - c0)
        t0 = time.perf_counter()
        many = spread.pair_scores(*args, workers=0)
        many_t.append(time.perf_counter() - t0)
        assert all(np.array_equal(x, y, equal_nan=True) for x, y in zip(one, many, strict=True))
    a, b = float(np.median(one_t)), float(np.median(many_t))
    cpu = 1e3 * float(np.median(one_cpu)) / size
    print(
        f"{size:>7} pairs: one thread {a:6.2f} s ({cpu:.3f} ms CPU a pair), "
        f"{os.cpu_count()} processes {b:6.2f} s: x{a / b:.2f}, {size / b:,.0f} pairs/s (bit-identical)"
    )


if __name__ == "__main__":
    sys.exit(main())
