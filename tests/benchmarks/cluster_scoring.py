"""Scoring the hash candidates in the partitions against on the client, on a LocalCluster.

    python tests/benchmarks/cluster_scoring.py [--n 300000] [--workers 2] [--rounds 1]

Synthetic images as in cluster_scale.py (blocky-noise thumbnails, 1 % planted copies, half of
them turned), with random hashes and colour grids (the planted copies carry their originals'),
searched by the partitioned hash stage two ways in one run:

- *client* (the code before): ``partitions.hash_candidates`` returns every candidate, which the
  client then measures and scores (``match.scoring.score``) and keeps at the slider's floor;
- *partitions* (now): ``partitions.hash_scored`` measures and scores each partition's candidates
  on the workers and returns only the pairs kept.

Prints, for each: the client's CPU time (search loop and merge, plus its measuring), the
workers' CPU time, wall time and the client's peak memory during it, and checks that both keep
the same pairs with the same similarities and kinds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.cluster import partitions
from dupe_viewer.core.cluster.connect import client as open_client
from dupe_viewer.core.cluster.runner import DaskRunner
from dupe_viewer.core.features.perceptual import FEATURE_DTYPE
from dupe_viewer.core.match import candidates, scoring
from dupe_viewer.core.options import MIN_THRESHOLD
from tests.benchmarks.cluster_scale import client_peak, planted_prepared, reset_peak, worker_cpu


def features(n: int, planted: np.ndarray, seed: int = 0) -> np.ndarray:
    """The fields scoring reads, random, the planted copies' taken from their originals (their
    thumbnails are not needed: the prepared tiny images stand for them)."""
    rng = np.random.default_rng(seed)
    feats = np.zeros(n, [(f, FEATURE_DTYPE[f]) for f in scoring.SCORED_FIELDS])
    feats["phash"] = rng.integers(0, 2**63, feats["phash"].shape, dtype=np.uint64)
    feats["dhash"] = rng.integers(0, 2**63, feats["dhash"].shape, dtype=np.uint64)
    feats["colour"] = rng.uniform(0, 255, feats["colour"].shape)
    feats["chroma"] = rng.uniform(0, 10, n)
    feats["trimmed"] = rng.random(n) < 0.05
    feats[planted[:, 1]] = feats[planted[:, 0]]
    return feats


def cpu() -> float:
    return time.process_time()


def on_client(runner: DaskRunner, prepared: candidates.Prepared, feats: np.ndarray, size: int) -> tuple:
    """The code before: every candidate back, measured and scored here."""
    cand = partitions.hash_candidates(runner, prepared, partition_size=size)
    c_search = cpu()
    _, sim, kinds = scoring.score(feats, cand, prepared)
    keep = sim >= MIN_THRESHOLD
    return len(cand), cand.pairs[keep], sim[keep], kinds[keep] == "edited", cpu() - c_search


def in_partitions(runner: DaskRunner, prepared: candidates.Prepared, feats: np.ndarray, size: int) -> tuple:
    found = partitions.hash_scored(runner, prepared, feats, keep_at=MIN_THRESHOLD, partition_size=size)
    return found.measured, found.candidates.pairs, found.similarity, found.edited, 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=1, help="each way this many times, alternated")
    ap.add_argument("--partition-size", type=int, default=partitions.PARTITION_SIZE)
    a = ap.parse_args()
    prepared, planted = planted_prepared(a.n, 0.01)
    feats = features(a.n, planted)
    print(f"{a.n:,} images, {len(planted):,} planted copies, {a.workers} workers")
    with open_client(f"local:{a.workers}") as client:
        runner = DaskRunner(client)
        kept: dict[str, tuple] = {}
        for r in range(a.rounds):
            for name, way in (("client", on_client), ("partitions", in_partitions)):
                reset_peak()
                t, c0, w0 = time.perf_counter(), cpu(), worker_cpu(client)
                measured, pairs, sim, edited, measuring = way(runner, prepared, feats, a.partition_size)
                wall, c1, w1 = time.perf_counter() - t, cpu() - c0, worker_cpu(client) - w0
                print(
                    f"  round {r + 1}, scored on the {name}: {measured:,} candidates scored, "
                    f"{len(pairs):,} kept; client CPU {c1:.1f} s ({c1 / a.n * 1e6:.1f} µs an image; "
                    f"measuring and scoring {measuring:.1f} s), workers' CPU {w1:.1f} s "
                    f"({w1 / a.n * 1e6:.0f} µs an image), wall {wall:.1f} s; client peak "
                    f"{client_peak()} MB"
                )
                kept[name] = (pairs, sim, edited)
            same = all(np.array_equal(x, y) for x, y in zip(kept["client"], kept["partitions"], strict=True))
            print(f"  the same kept pairs, similarities and kinds: {same}")


if __name__ == "__main__":
    main()
