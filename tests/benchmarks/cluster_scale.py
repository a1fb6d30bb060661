"""The partitioned candidate search at scale, on synthetic features, on a LocalCluster.

    python tests/benchmarks/cluster_scale.py [--n 1000000] [--workers 2] [--planted 0.01]
                                             [--partition-size 4000] [--deep-dim 0] [--single]
                                             [--no-hash] [--spill-rows R]

Hash stage: ``n`` synthetic 32×32 thumbnails (tests/library.thumbnails: blocky noise, as unlike
each other as photos), a share ``--planted`` of them given a copy (grey-level noise, half of the
copies also rotated by 90°). Deep stage (``--deep-dim D``): ``n`` unit vectors around 2,000
cluster centres (real embeddings are clustered), planted copies at cosine ~0.95. Prints the
partitions, the duplication factor (assignments per vector), the recall of the planted pairs,
wall time, the peak memory of each worker process and of the client; ``--single`` also runs the
single-machine search (one index over everything) on the same features for comparison.
The client's peak is printed for the search alone too (its peak reset once the features are
made), since making them costs more than the search needs: the generator's temporaries.
``--spill-rows R``: merge buckets keep at most R pairs in memory (core/cluster/merge.py), the
rest in files in the cache folder's ``merge/``; each search prints how many buckets it wrote.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.cluster import deep_partitions, merge, partitions, quantiser
from dupe_viewer.core.cluster.connect import client as open_client
from dupe_viewer.core.cluster.runner import DaskRunner
from dupe_viewer.core.match import candidates
from tests.library import thumbnails

if TYPE_CHECKING:
    from distributed import Client


def planted_prepared(n: int, share: float, seed: int = 0) -> tuple[candidates.Prepared, np.ndarray]:
    """(the search data of n thumbnails, planted pairs P×2): the last P images are copies of the
    first P (grey-level noise; half of them also turned by 90°). Made and prepared 50,000
    thumbnails at a time: at 10M the thumbnails alone would be 10 GB, 17 GB in float64."""
    p = int(n * share)
    step = 50_000
    prepared = candidates.Prepared.empty(n)

    def put(lo: int, thumbs: np.ndarray) -> None:
        prepared.put(lo, candidates.prepare(thumbs))

    head: list[np.ndarray] = []  # the first p thumbnails: the copies' originals
    kept = 0
    for lo in range(0, n - p, step):
        thumbs = thumbnails(min(step, n - p - lo), seed + lo)
        if kept < p:
            head.append(thumbs[: p - kept])
            kept += len(head[-1])
        put(lo, thumbs)
    if p:
        rng = np.random.default_rng(seed + 1)
        cp = np.concatenate(head).astype(np.float32) + rng.normal(0, 6, (p, 32, 32))
        cp[p // 2 :] = np.rot90(cp[p // 2 :], 1, axes=(1, 2))
        for lo in range(0, p, step):
            put(n - p + lo, np.clip(cp[lo : lo + step], 0, 255).astype(np.uint8))
    return prepared, np.stack([np.arange(p), np.arange(n - p, n)], axis=1)


def planted_vectors(n: int, dim: int, share: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(n unit vectors, float16, around 2,000 centres; planted pairs P×2): the last P vectors are
    copies of the first P. Made in chunks straight into the float16 result (at 10M, float32
    temporaries of the whole set would need ~15 GB)."""
    p = int(n * share)
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(2000, dim)).astype(np.float32)
    out = np.empty((n, dim), np.float16)
    step = 500_000
    for lo in range(0, n - p, step):
        hi = min(lo + step, n - p)
        v = centres[rng.integers(0, 2000, hi - lo)] + rng.normal(0, 0.9, (hi - lo, dim)).astype(np.float32)
        out[lo:hi] = v / np.linalg.norm(v, axis=1, keepdims=True)
    for lo in range(0, p, step):
        hi = min(lo + step, p)
        cp = out[lo:hi].astype(np.float32) + rng.normal(0, 0.3 / np.sqrt(dim), (hi - lo, dim)).astype(
            np.float32
        )
        out[n - p + lo : n - p + hi] = cp / np.linalg.norm(cp, axis=1, keepdims=True)
    return out, np.stack([np.arange(p), np.arange(n - p, n)], axis=1)


def recall(found: np.ndarray, planted: np.ndarray, n: int) -> float:
    keys = np.minimum(found[:, 0], found[:, 1]).astype(np.int64) * n + np.maximum(found[:, 0], found[:, 1])
    want = planted[:, 0].astype(np.int64) * n + planted[:, 1]
    return float(np.isin(want, keys).mean())


def worker_peaks(client: Client) -> list[float]:
    """Peak resident memory (MB) of every worker process so far."""

    def peak() -> float:
        # VmHWM, not ru_maxrss: the latter survives exec and would report the client's peak.
        with open("/proc/self/status") as fh:
            line = next(x for x in fh if x.startswith("VmHWM"))
        return round(int(line.split()[1]) / 1024)

    return sorted(client.run(peak).values())


def reset_peak() -> bool:
    """Reset this process's peak resident memory (Linux: /proc/self/clear_refs); False where
    that is not possible (then :func:`client_peak` is the peak since the start)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def client_peak() -> float:
    """Peak resident memory (MB) of this process since the start or :func:`reset_peak`."""
    try:
        with open("/proc/self/status") as fh:
            return round(int(next(x for x in fh if x.startswith("VmHWM")).split()[1]) / 1024)
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_cpu(client: Client) -> float:
    """CPU seconds used so far by all worker processes (wall time misleads on a shared machine)."""

    def cpu() -> float:
        import resource as r

        u = r.getrusage(r.RUSAGE_SELF)
        return u.ru_utime + u.ru_stime

    return sum(client.run(cpu).values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--planted", type=float, default=0.01)
    ap.add_argument("--partition-size", type=int, default=partitions.PARTITION_SIZE)
    ap.add_argument("--boundary", type=float, default=quantiser.BOUNDARY)
    ap.add_argument("--deep-boundary", type=float, default=deep_partitions.DEEP_BOUNDARY)
    ap.add_argument("--deep-dim", type=int, default=0, help="also the deep search on D-dim vectors")
    ap.add_argument("--single", action="store_true", help="also the single-machine search")
    ap.add_argument("--no-hash", action="store_true", help="only the deep search (needs --deep-dim)")
    ap.add_argument("--spill-rows", type=int, default=merge.SPILL_ROWS)
    a = ap.parse_args()
    merge.SPILL_ROWS = a.spill_rows
    with open_client(f"local:{a.workers}") as client:
        runner = DaskRunner(client)
        if not a.no_hash:
            hash_stage(a, client, runner)
        if a.deep_dim:
            deep_stage(a, client, runner)
    print(f"client peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def spilled(stats: partitions.SearchStats) -> str:
    """The search's merge on disk: buckets written, and why writing failed (then the client
    held them in memory, and its peak says nothing about the merge on disk)."""
    failed = f" (writing failed: {stats.spill_error})" if stats.spill_error else ""
    return f"  merge buckets written to disk {stats.spilled}{failed}"


def hash_stage(a: argparse.Namespace, client: Client, runner: DaskRunner) -> None:
    """The hash-stage search on planted thumbnails (and with ``--single`` one machine's)."""
    t = time.perf_counter()
    prepared, planted = planted_prepared(a.n, a.planted)
    print(
        f"hash stage: {a.n:,} images, {len(planted):,} planted copies; "
        f"prepared in {time.perf_counter() - t:.1f} s"
    )
    stats = partitions.SearchStats()
    size = sum(x.nbytes for x in (prepared.z, prepared.d0, prepared.canon, prepared.plausible)) / 2**20
    reset = reset_peak()
    t, c0 = time.perf_counter(), worker_cpu(client)
    cand = partitions.hash_candidates(
        runner, prepared, partition_size=a.partition_size, boundary=a.boundary, stats=stats
    )
    dt = time.perf_counter() - t
    print(
        f"  partitioned ({a.workers} workers): {stats.partitions} partitions, duplication "
        f"{stats.duplication:.3f} (queries {stats.query_duplication:.3f}), {len(cand):,} candidates, "
        f"recall {recall(cand.pairs, planted, a.n):.4f}, {dt:.1f} s (client routing "
        f"{stats.route_seconds:.1f} s) = {dt / a.n * 1e6 * a.workers:.0f} "
        f"µs·core per image wall, {(worker_cpu(client) - c0) / a.n * 1e6:.0f} µs CPU per image; "
        f"worker peaks {worker_peaks(client)} MB; client peak during the search "
        f"{client_peak()} MB{'' if reset else ' (since the start)'}, {size:.0f} MB of it the features"
    )
    print(spilled(stats))
    if a.single:
        t = time.perf_counter()
        one = candidates.find_candidates(prepared)
        dt = time.perf_counter() - t
        found = recall(one.pairs, planted, a.n)
        print(f"  single machine: {len(one):,} candidates, recall {found:.4f}, {dt:.1f} s")


def deep_stage(a: argparse.Namespace, client: Client, runner: DaskRunner) -> None:
    """The deep-stage search on planted unit vectors."""
    t = time.perf_counter()
    vectors, planted = planted_vectors(a.n, a.deep_dim, a.planted)
    print(
        f"deep stage: {a.n:,} {a.deep_dim}-d vectors, {len(planted):,} planted copies; "
        f"made in {time.perf_counter() - t:.1f} s"
    )
    stats = partitions.SearchStats()
    t, c0 = time.perf_counter(), worker_cpu(client)
    pairs, _ = deep_partitions.deep_candidates(
        runner, vectors, partition_size=a.partition_size, boundary=a.deep_boundary, stats=stats
    )
    dt = time.perf_counter() - t
    print(
        f"  partitioned: {stats.partitions} partitions, duplication {stats.duplication:.3f}, "
        f"{len(pairs):,} pairs, recall {recall(pairs, planted, a.n):.4f}, {dt:.1f} s (client "
        f"routing {stats.route_seconds:.1f} s), "
        f"{(worker_cpu(client) - c0) / a.n * 1e6:.0f} µs CPU per vector; "
        f"worker peaks {worker_peaks(client)} MB"
    )
    print(spilled(stats))


if __name__ == "__main__":
    main()
