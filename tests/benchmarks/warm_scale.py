"""A real scan of a million files whose features are already cached: time and peak RSS.

    python tests/benchmarks/warm_scale.py [--files 1000000] [--out /tmp/warm1m] [--smoke]

``scale.py`` times the matching code on feature arrays; this runs the whole engine
(``run_scan``: discovery, cache lookup, the exact-duplicate stage, matching, grouping, pair store)
over ``--files`` real files on disk, so the Python objects a scan holds per file (records, cache
rows, paths) are counted too. Decoding a million photos would take hours, so the files are tiny
(a unique 8-byte body each, named ``.jpg``) and their cache rows are written first: identity from
``os.stat``, partial hashes as the engine computes them, and the synthetic features of
``scale.synthetic`` (planted near-duplicate clusters). The scan then decodes nothing.

Printed, each scan in its own process (so each peak RSS is its own): (1) the first scan —
every feature cached, no pairs yet, so it matches everything; (2) a warm rescan, nothing
changed. Plus the share of planted pairs that ended up in one group. Files and the cache are kept
in ``--out`` and reused by a later run with the same ``--files``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))

from dupe_viewer.core.files import exact
from dupe_viewer.core.files.records import ImageRecord

BATCH = 20_000


def _path(out: Path, i: int) -> Path:
    return out / "lib" / f"{i // 1000:04d}" / f"img_{i:07d}.jpg"


def _body(i: int) -> bytes:
    return i.to_bytes(8, "little")


def prepare(out: Path, n: int) -> None:
    """Files, and a cache holding every file's features (skipped when ``out`` already has both)."""
    stamp = out / "prepared.json"
    if stamp.exists() and json.loads(stamp.read_text()).get("files") == n:
        return
    from scale import synthetic

    from dupe_viewer.core.store.feature_cache import FeatureCache

    t0 = time.perf_counter()
    for i in range(n):
        p = _path(out, i)
        if i % 1000 == 0:
            p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(_body(i))
    print(f"made {n:,} files in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    for i in range(min(n, 5)):  # the cached partial hashes must be the engine's own
        assert exact.partial_hash(_path(out, i)) == hashlib.blake2b(_body(i), digest_size=16).digest()
    feats, planted = synthetic(n)
    np.save(out / "planted.npy", np.array(sorted(planted), dtype=np.int64).reshape(-1, 2))
    t0 = time.perf_counter()
    (out / "home").mkdir(exist_ok=True)
    cache = FeatureCache(out / "home" / "cache" / "features.sqlite3")
    for lo in range(0, n, BATCH):
        items = []
        for i in range(lo, min(n, lo + BATCH)):
            p = _path(out, i)
            st = p.stat()
            rec = ImageRecord(
                str(p),
                st.st_size,
                st.st_mtime_ns,
                st.st_ino,
                st.st_dev,
                4000,
                3000,
                "JPEG",
                partial=hashlib.blake2b(_body(i), digest_size=16).digest(),
                ctime_ns=st.st_ctime_ns,
            )
            items.append((rec, feats[i].tobytes()))
        cache.store(items)
    cache.close()
    print(f"cached {n:,} feature rows in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    stamp.write_text(json.dumps({"files": n}))


def child(out: Path) -> None:
    """One scan in this process; prints a JSON line of figures."""
    import threading

    from dupe_viewer.core import Finished, Progress, ScanOptions, scan
    from dupe_viewer.core.store.feature_cache import FeatureCache

    def rss_mb() -> float:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:")) / 1024

    # Peak RSS per scan phase, sampled every 50 ms from a thread while the scan runs.
    phase, peaks, done = ["start"], {"start": rss_mb()}, threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peaks[phase[0]] = max(peaks.get(phase[0], 0.0), rss_mb())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cache = FeatureCache(out / "home" / "cache" / "features.sqlite3")
    t0 = time.perf_counter()
    result = None
    for ev in scan([out / "lib"], ScanOptions(deep=False), cache=cache):
        if isinstance(ev, Progress) and ev.phase.value != phase[0]:
            peaks[phase[0]] = max(peaks.get(phase[0], 0.0), rss_mb())
            phase[0] = ev.phase.value
        if isinstance(ev, Finished):
            result = ev.result
    wall = time.perf_counter() - t0
    phase[0] = "result"
    peaks["result"] = rss_mb()
    done.set()
    sampler.join()
    assert result is not None
    planted = np.load(out / "planted.npy")
    index_of = {r.path: n for n, r in enumerate(result.records)}
    row = np.array([index_of[str(_path(out, i))] for i in range(len(result.records))], dtype=np.int64)
    group_of = np.full(len(result.records), -1, dtype=np.int64)
    for g in result.groups:
        group_of[g.indices] = g.id
    a, b = group_of[row[planted[:, 0]]], group_of[row[planted[:, 1]]]
    with open("/proc/self/status") as fh:
        peak = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    s = result.stats
    print(
        json.dumps(
            {
                "wall": wall,
                "peak_mb": peak,
                "files": s.files,
                "from_cache": s.from_cache,
                "decoded": s.decoded,
                "matched": s.matched,
                "pairs_reused": s.pairs_reused,
                "groups": len(result.groups),
                "grouped": float(((a >= 0) & (a == b)).mean()) if len(planted) else 1.0,
                "errors": len(result.errors),
                "phase_peaks": {k: round(v) for k, v in peaks.items()},
            }
        )
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=1_000_000)
    ap.add_argument("--out", type=Path, default=Path("/tmp/warm_scale"))
    ap.add_argument("--smoke", action="store_true", help="2,000 files in a temporary folder (CI)")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.smoke:
        import tempfile

        args.files, args.out = 2000, Path(tempfile.mkdtemp(prefix="dv_warm_"))
    out = args.out.resolve()
    if args.child:
        child(out)
        return 0
    prepare(out, args.files)
    env = {**os.environ, "DUPE_VIEWER_HOME": str(out / "home")}
    import shutil

    for saved in ("pairs", "vectors"):  # an earlier run's matches: the first scan must match all
        shutil.rmtree(out / "home" / "cache" / saved, ignore_errors=True)
    for label in ("first scan (features cached, nothing matched yet)", "warm rescan (nothing changed)"):
        res = subprocess.run(
            [sys.executable, __file__, "--child", "--out", str(out)],
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        if res.returncode != 0:
            print(res.stderr, file=sys.stderr)
            return 1
        r = json.loads(res.stdout.strip().splitlines()[-1])
        print(
            f"{label}: {r['wall']:.1f} s, peak RSS {r['peak_mb']:.0f} MB | files {r['files']:,}, "
            f"from cache {r['from_cache']:,}, decoded {r['decoded']}, matched {r['matched']:,}, "
            f"pairs reused {r['pairs_reused']:,}, groups {r['groups']:,}, planted pairs grouped "
            f"{r['grouped']:.4f}, errors {r['errors']}\n    RSS by phase (MB): "
            + ", ".join(f"{k} {v}" for k, v in r["phase_peaks"].items())
        )
        if r["decoded"] or r["errors"]:
            print("the scan decoded files or met errors: the cache was not used as prepared", file=sys.stderr)
            return 1
    if args.smoke:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
