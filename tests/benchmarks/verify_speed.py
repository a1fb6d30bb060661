"""Speed of the deep stage's geometric verification, per candidate pair.

    python tests/benchmarks/verify_speed.py [--pairs 4096]

Every deep candidate that the hashes did not already match is verified on the 32×32 thumbnails
(``verify.crop_scores``); at scale this is the deep stage's largest first-scan cost (a million
descriptor-shaped embeddings give ~11M candidate pairs, see RESULTS.md). Synthetic smooth
thumbnails, half of the pairs copies (which go on to the aspect-ratio search), half unrelated.
Prints milliseconds per pair on one thread.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.deep import verify


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
    return 0


if __name__ == "__main__":
    sys.exit(main())
