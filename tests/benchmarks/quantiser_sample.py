"""Does the quantiser's fixed sample hold up at a hundred million images? Planted copies kept
together, by vectors sampled per centroid.

    python tests/benchmarks/quantiser_sample.py [--n 400000] [--per-centroid 2,5,20,0]

The centroids are fitted on :data:`quantiser.SAMPLE` (50,000) vectors whatever the collection:
20 a centroid at ten million images (2,500 centroids), 2 at a hundred million (25,000). This
keeps the ratio and shrinks the rest: ``--n`` synthetic thumbnails (cluster_scale.py's, 1 %
given a copy, half of them rotated), one centroid per :data:`partitions.PARTITION_SIZE`, the fit
on ``per-centroid × k`` vectors (0: the default sample). For each it routes members and queries
as the partitioned hash search does (:func:`partitions._hash_payloads`) and prints the
partitions, duplication, the largest partition, and the share of planted pairs that meet in
some partition (the copy's query among the original's members, or the other way round): what
the search can find at best, since each partition is searched exactly.
"""

from __future__ import annotations

import argparse
import sys
import time
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.cluster import partitions, quantiser
from dupe_viewer.core.cluster.runner import SerialRunner
from dupe_viewer.core.match import candidates
from tests.benchmarks.cluster_scale import planted_prepared


def met(prepared: candidates.Prepared, planted: np.ndarray, partition_size: int) -> tuple[float, str]:
    """(share of planted pairs that meet in a partition, the routing's figures)."""
    n = len(prepared.canon)
    stats = partitions.SearchStats()
    want = {int(a) * n + int(b) for a, b in planted}
    found: set[int] = set()
    largest = 0
    for rows, members, _z, _d0, _canon, plausible, *_rest in partitions._hash_payloads(
        SerialRunner(), prepared, partition_size, quantiser.BOUNDARY, candidates.CANDIDATE_MIN_CORR, stats
    ):
        largest = max(largest, len(members))
        member = np.zeros(len(rows), bool)
        member[members] = True
        asks = plausible.any(axis=1)
        pos = np.searchsorted(rows, planted)  # both ends of every planted pair, where present
        here = (pos < len(rows)) & (rows[np.minimum(pos, len(rows) - 1)] == planted)
        both = here.all(axis=1)
        a, b = pos[both, 0], pos[both, 1]
        meet = (member[a] & asks[b]) | (member[b] & asks[a])
        found.update(int(x) * n + int(y) for x, y in planted[both][meet])
    share = len(found & want) / max(1, len(want))
    figures = (
        f"{stats.partitions} partitions, duplication {stats.duplication:.2f} "
        f"(queries {stats.query_duplication:.2f}), largest {largest:,} members"
    )
    return share, figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400_000)
    ap.add_argument("--per-centroid", default="2,5,20,0", help="vectors sampled per centroid (0: default)")
    ap.add_argument("--partition-size", type=int, default=partitions.PARTITION_SIZE)
    a = ap.parse_args()
    t = time.perf_counter()
    prepared, planted = planted_prepared(a.n, 0.01)
    k = quantiser.partitions_for(a.n, a.partition_size)
    print(
        f"{a.n:,} synthetic images, {len(planted):,} planted pairs, {k} centroids; prepared in "
        f"{time.perf_counter() - t:.0f} s"
    )
    fit = quantiser.fit
    try:
        for per in (int(p) for p in a.per_centroid.split(",")):
            sample = per * k if per else quantiser.SAMPLE
            quantiser.fit = partial(fit, sample=sample)  # what _hash_payloads calls
            t = time.perf_counter()
            share, figures = met(prepared, planted, a.partition_size)
            label = f"{per} a centroid" if per else "the default"
            print(
                f"  sample {min(sample, a.n):>7,} ({label}): planted pairs that meet "
                f"{share:.4f}; {figures}; {time.perf_counter() - t:.0f} s"
            )
    finally:
        quantiser.fit = fit


if __name__ == "__main__":
    main()
