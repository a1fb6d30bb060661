"""The client's merge of the partitions' pairs at ten million images, without the cluster.

    python tests/benchmarks/merge_scale.py [--n 10000000] [--per-query 20] [--spill-rows R]
                                           [--min-buffer B]

The partitioned hash search's client merges what every partition returns (core/cluster/merge.py):
each image's best candidates over its partitions, then each unordered pair once. At 10M images a
real run (cluster_scale.py) searches for hours before it gets there, and the client was once
killed for memory in exactly this step. This feeds the same merge with what partitions of
``--partition-size`` images return (each of ``--duplication`` × n queries ``--per-query``
neighbours in its partition, random correlations, so the selection keeps the 16 best of
each image: more than the ~11 unordered pairs per image the real search keeps at 1M), in
partition order, and prints time (and the merge's own CPU time), pairs and this process's peak
memory; each setting runs in a process of its own, the in-memory merge (``--spill-rows`` at n:
no bucket ever written) as the baseline and the merge writing buckets over ``--spill-rows``
pairs to disk, with their ratio.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.cluster import merge, partitions


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM, MB)."""
    with open("/proc/self/status") as fh:
        return int(next(x for x in fh if x.startswith("VmHWM")).split()[1]) / 1024


def arrivals(n: int, size: int, dup: float, per_query: int, seed: int = 0):
    """What each partition returns, partition after partition: (query, neighbour, orientation,
    correlation) with every query's ``per_query`` neighbours among the partition's images."""
    rng = np.random.default_rng(seed)
    for lo in range(0, n, size):
        rows = np.arange(lo, min(lo + size, n))
        extra = rng.integers(0, n, int(len(rows) * (dup - 1)))  # boundary images, from anywhere
        members = np.concatenate([rows, extra])
        q = np.repeat(members, per_query)
        nb = members[rng.integers(0, len(members), len(q))]
        yield (
            q,
            nb,
            rng.integers(0, 8, len(q)).astype(np.int8),
            rng.uniform(0.5, 0.95, len(q)).astype(np.float32),
        )


def one(a: argparse.Namespace) -> dict:
    """The merge of one setting, in this process."""
    merge.SPILL_ROWS = a.spill_rows
    started = time.perf_counter()
    merged = merge.BucketMerge(a.n, partitions._top_hash, min_buffer=a.min_buffer)
    rows = 0
    cpu = 0.0  # the merge's own CPU seconds (not making the arrivals): wall time misleads on a busy machine
    for cols in arrivals(a.n, a.partition_size, a.duplication, a.per_query):
        rows += len(cols[0])
        t = time.process_time()
        merged.add(cols)
        cpu += time.process_time() - t
    t = time.process_time()
    best = merge.unordered(merged, a.n, partitions._swap_orientation, table=True)
    cpu += time.process_time() - t
    assert best is not None
    # A failed write would keep the buckets in memory: a peak that measures nothing on disk.
    assert merged.spill_error is None, merged.spill_error
    pairs = best[0]
    digest = hashlib.sha1()
    for col in best:
        digest.update(np.ascontiguousarray(col))
    return {
        "digest": digest.hexdigest(),
        "rows": rows,
        "pairs": len(pairs),
        "seconds": round(time.perf_counter() - started, 1),
        "merge_cpu": round(cpu, 1),
        "peak_mb": round(peak_mb()),
        "spilled": merged.spilled,  # both steps' (unordered adds the second merge's)
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000_000)
    ap.add_argument("--partition-size", type=int, default=partitions.PARTITION_SIZE)
    ap.add_argument("--duplication", type=float, default=1.24)  # measured at 100k-1M
    ap.add_argument("--per-query", type=int, default=20)
    ap.add_argument("--spill-rows", type=int, default=merge.SPILL_ROWS)
    ap.add_argument("--min-buffer", type=int, default=merge.MIN_BUFFER)
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # a setting's process
    a = ap.parse_args()
    if a.one:
        print(json.dumps(one(a)))
        return
    base = [sys.executable, __file__, "--one", "--n", str(a.n), "--partition-size", str(a.partition_size)]
    base += ["--duplication", str(a.duplication), "--per-query", str(a.per_query)]
    base += ["--min-buffer", str(a.min_buffer)]
    out = {}
    for name, spill in (("in memory", a.n * a.per_query), ("spilled", a.spill_rows)):
        res = subprocess.run([*base, "--spill-rows", str(spill)], capture_output=True, text=True, check=True)
        out[name] = r = json.loads(res.stdout.strip().splitlines()[-1])
        print(
            f"{name:>9} (spill rows {spill:,}): {r['rows']:,} rows in, {r['pairs']:,} pairs, "
            f"{r['seconds']} s (the merge's CPU {r['merge_cpu']} s), peak {r['peak_mb']:,} MB, "
            f"buckets written {r['spilled']}",
            flush=True,
        )
    mem, disk = out["in memory"], out["spilled"]
    same = mem["digest"] == disk["digest"]  # pairs, orientations and correlations
    print(
        f"n {a.n:,}: spilled / in memory: peak {disk['peak_mb'] / mem['peak_mb']:.2f}, "
        f"time {disk['seconds'] / max(mem['seconds'], 0.1):.2f}, the merge's CPU "
        f"{disk['merge_cpu'] / max(mem['merge_cpu'], 0.1):.2f}; same pairs: {same}"
    )


if __name__ == "__main__":
    main()
