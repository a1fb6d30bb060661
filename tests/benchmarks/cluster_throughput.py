"""Feature-extraction throughput: the single-machine scan vs a LocalCluster of 1 and 2 workers.

    python tests/benchmarks/cluster_throughput.py FOLDER [--workers 1,2] [--deep | --no-deep]

Scans FOLDER (e.g. the dev corpus of make_corpus.py, or make_speed_corpus.py's camera-sized
JPEGs) without any cache, once per mode, and prints the files/s of the "reading images" phase
(decode + features [+ embedding]) and of the whole scan: the single machine's process pool with
N workers, then ``--dask local:N`` (its Parquet shards written to a temporary folder). Also checks
that every mode gives the same groups.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core import Finished, Phase, Progress, ScanOptions, scan

# The cluster modules are imported in main(), not here: a single-machine scan's worker processes
# are spawned and import this script first, and Dask's imports there cost each worker ~1 s of
# start-up that a scan started from `dupe-viewer` does not pay (it made the 2-worker
# single-machine figure ~25 % low).


def timed(events) -> tuple[float, float, int, object]:
    """(seconds of the decode phase, of the whole scan, files decoded, result)."""
    t0 = time.perf_counter()
    start = end = None
    result = None
    for e in events:
        now = time.perf_counter()
        if isinstance(e, Progress) and e.phase is Phase.DECODE:
            start = start or now
            end = now
        if isinstance(e, Finished):
            result = e.result
    assert result is not None and start is not None and end is not None
    return end - start, time.perf_counter() - t0, result.stats.decoded, result


def groups(result) -> list[tuple[str, ...]]:
    return sorted(tuple(sorted(result.records[m.index].path for m in g.members)) for g in result.groups)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--workers", default="1,2")
    deep = ap.add_mutually_exclusive_group()
    deep.add_argument("--deep", action="store_true")
    deep.add_argument("--no-deep", action="store_true")
    a = ap.parse_args()
    from dupe_viewer.core.cluster import scan as cluster_scan
    from dupe_viewer.core.cluster.connect import client as open_client

    d = True if a.deep else (False if a.no_deep else None)
    reference = None
    for n in (int(w) for w in a.workers.split(",")):
        opts = ScanOptions(use_cache=False, workers=n, deep=d)
        dec, total, files, res = timed(scan([a.folder], opts))
        reference = reference or groups(res)
        print(f"single machine, {n} worker(s): {files / dec:7.1f} files/s decoding, {files} files, "
              f"scan {total:.1f} s, same groups {groups(res) == reference}")  # fmt: skip
        with tempfile.TemporaryDirectory() as store, open_client(f"local:{n}") as c:
            copts = cluster_scan.ClusterOptions(store=store)
            dec, total, files, res = timed(cluster_scan.scan([a.folder], opts, copts, client=c))
            print(f"--dask local:{n}:              {files / dec:7.1f} files/s decoding, {files} files, "
                  f"scan {total:.1f} s, same groups {groups(res) == reference}")  # fmt: skip


if __name__ == "__main__":
    main()
