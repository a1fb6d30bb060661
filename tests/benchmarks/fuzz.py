"""Fuzz and fault campaign: a scan over hostile files must end, report each one, and stay small.

Builds a folder of real duplicates (one picture as JPEG, PNG and a byte copy) among the hostile
files of :mod:`.hostile` (chunk bombs, declared-huge dimensions in every format, pixel floods,
truncations, ``--mutations`` byte mutations of valid files of every format), special files (a
FIFO, a ``/dev/zero`` link) and files swapped for a FIFO or ``/dev/zero`` between discovery and
decoding, then runs the scan with a time limit and checks:

- the scan finishes, within ``--timeout`` seconds;
- the duplicates are still one group;
- every file that is not a usable image is in the errors with a one-line reason;
- decoding any single file (each in its own process) peaks under ``--budget-mb`` of memory.

Prints the figures; exits 1 if a check fails. ``tests/core/test_fuzz.py`` runs a small seed in
CI; the long mode is ``python tests/benchmarks/fuzz.py --mutations 20000``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core import Finished, Phase, Progress, ScanResult, scan
from dupe_viewer.core.options import ScanOptions
from tests.benchmarks import hostile

#: The kinds of case that a correct decoder must refuse (mutated and truncated files may decode).
MUST_FAIL = {"bomb", "empty", "text"}
#: Peak memory allowed to decode one file, process included (MB).
BUDGET_MB = 1536


@dataclass
class Campaign:
    """What was built: paths by role."""

    root: Path
    duplicates: set[str]
    cases: dict[str, hostile.Case]  # path -> case
    special: set[str] = field(default_factory=set)  # FIFOs and devices from the start
    swapped: set[str] = field(default_factory=set)  # good at discovery, special at decode


def build(root: Path, mutations: int, seed: int, flood_megapixels: int = 0) -> Campaign:
    """Write the campaign's files under ``root``."""
    dups = root / "dups"
    dups.mkdir(parents=True)
    pic = hostile.picture(1000 + seed, (640, 480))
    pic.save(dups / "photo.jpg", quality=92)
    pic.save(dups / "photo.png")
    shutil.copyfile(dups / "photo.jpg", dups / "photo copy.jpg")
    bad = root / "bad"
    bad.mkdir()
    cases = hostile.crafted_cases(seed, flood_megapixels) + list(hostile.mutations(mutations, seed))
    camp = Campaign(root, {str(p) for p in dups.iterdir()}, {str(c.write(bad)): c for c in cases})
    if os.name == "posix":
        os.mkfifo(bad / "fifo.jpg")
        camp.special.add(str(bad / "fifo.jpg"))
        if os.path.exists("/dev/zero"):
            (bad / "zero.png").symlink_to("/dev/zero")
            camp.special.add(str(bad / "zero.png"))
        # Swapped after discovery: one for a FIFO, two of one size (so content hashing reads
        # them) for /dev/zero.
        race = root / "race"
        race.mkdir()
        for name in ("to_fifo.jpg", "to_zero_a.jpg", "to_zero_b.jpg"):
            hostile.picture(7, (64, 48)).save(race / name, quality=80)
            camp.swapped.add(str(race / name))
    return camp


def _swap(camp: Campaign) -> None:
    for path in sorted(camp.swapped):
        os.remove(path)
        if path.endswith("to_fifo.jpg"):
            os.mkfifo(path)
        else:
            os.symlink("/dev/zero", path)


def run_scan(camp: Campaign, timeout: float) -> tuple[ScanResult | None, float, BaseException | None]:
    """Scan ``camp`` in a thread (swapping the race files once discovery is over); returns the
    result (None if it did not finish in ``timeout`` seconds), the time, and what escaped."""
    out: dict[str, object] = {}

    def work() -> None:
        swapped = False
        try:
            for event in scan([camp.root], ScanOptions(use_cache=False)):
                if isinstance(event, Progress) and event.phase is not Phase.DISCOVER and not swapped:
                    _swap(camp)
                    swapped = True
                if isinstance(event, Finished):
                    out["result"] = event.result
        except BaseException as exc:
            out["error"] = exc

    start = time.perf_counter()
    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(timeout)
    elapsed = time.perf_counter() - start
    return out.get("result"), elapsed, out.get("error")  # type: ignore[return-value]


def problems(camp: Campaign, result: ScanResult) -> list[str]:
    """Every way ``result`` falls short of the campaign's checks (empty: all good)."""
    out: list[str] = []
    groups = [{result.records[i].path for i in g.indices} for g in result.groups]
    if not any(camp.duplicates <= g for g in groups):
        out.append(f"the duplicates are not one group: {groups}")
    errors = {e.path: e.error for e in result.errors}
    for path, reason in errors.items():
        if not reason or "\n" in reason or "Traceback" in reason:
            out.append(f"{path}: unreadable reason {reason!r}")
    by_path = {r.path: r for r in result.records}
    for path, case in camp.cases.items():
        failed = path in errors or (path in by_path and by_path[path].error is not None)
        if case.kind in MUST_FAIL and not failed:
            out.append(f"{path}: {case.kind} case was accepted")
        if path not in errors and path not in by_path:
            out.append(f"{path}: neither scanned nor reported")
    for path in camp.special | camp.swapped:
        if path not in errors:
            out.append(f"{path}: special file not reported")
    return out


_PEAK = """
import json, resource, sys
from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding

def rss(field):
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith(field))

# A child's high-water mark starts at its parent's (Linux copies it through fork and exec):
# reset it, so the figure is this process's own.
with open("/proc/self/clear_refs", "w") as fh:
    fh.write("5")
base = rss("VmRSS:")
try:
    decoding.{fn}(sys.argv[1]); reason = None
except DecodeError as exc:
    reason = str(exc)
print(json.dumps({{"reason": reason, "base_kb": base, "peak_kb": rss("VmHWM:")}}))
"""


def decode_peak(path: str, fn: str = "decode", timeout: float = 120) -> dict[str, object]:
    """Decode ``path`` in a fresh process: its reason (None: decoded) and peak RSS in MB."""
    repo = str(Path(__file__).resolve().parents[2])
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK.format(fn=fn), path],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=repo,
        env={**os.environ, "PYTHONPATH": repo},
    )
    if proc.returncode != 0:
        return {"reason": f"crashed: {proc.stderr.strip().splitlines()[-1:]}", "peak_mb": 0.0, "base_mb": 0.0}
    got = json.loads(proc.stdout)
    return {"reason": got["reason"], "peak_mb": got["peak_kb"] / 1024, "base_mb": got["base_kb"] / 1024}


def reset_peak() -> None:
    """Restart this process's high-water mark of resident memory (Linux; elsewhere a no-op)."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def own_peak_mb() -> float:
    """This process's peak resident memory since :func:`reset_peak` (0 where unknown)."""
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024
    except (OSError, StopIteration):
        return 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mutations", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--flood-megapixels", type=int, default=250, help="size of the pixel floods (0: none)")
    ap.add_argument("--timeout", type=float, default=1800)
    ap.add_argument("--budget-mb", type=float, default=BUDGET_MB)
    ap.add_argument("--out", type=Path, default=None, help="folder to build in (default: a temporary one)")
    args = ap.parse_args(argv)
    root = args.out or Path(tempfile.mkdtemp(prefix="dupe_viewer_fuzz_"))
    t0 = time.perf_counter()
    camp = build(root / "campaign", args.mutations, args.seed, args.flood_megapixels)
    print(
        f"built {len(camp.cases)} hostile files + {len(camp.special | camp.swapped)} special in "
        f"{time.perf_counter() - t0:.1f} s under {root}"
    )
    reset_peak()
    result, seconds, escaped = run_scan(camp, args.timeout)
    print(f"scan process peak: {own_peak_mb():.0f} MB (the workers, separate processes, not counted)")
    failed = []
    if result is None:
        failed.append(
            f"the scan did not finish ({escaped!r})" if escaped else f"no result after {seconds:.0f} s"
        )
    else:
        failed += problems(camp, result)
        kinds = Counter(c.kind for p, c in camp.cases.items() if p in {e.path for e in result.errors})
        print(
            f"scan: {seconds:.1f} s, {len(result.records)} files, {len(result.errors)} errors, "
            f"{len(result.groups)} groups; refused by kind: {dict(sorted(kinds.items()))}"
        )
        reasons = Counter(e.error.split(" (")[0].split(":")[0] for e in result.errors)
        for reason, n in reasons.most_common(12):
            print(f"  {n:6d}  {reason}")
    heavy = [p for p, c in camp.cases.items() if c.kind in ("huge", "flood", "bomb")]
    worst = 0.0
    for path in heavy:
        for fn in ("decode", "display_image"):
            got = decode_peak(path, fn)
            worst = max(worst, float(got["peak_mb"]))  # type: ignore[arg-type]
            print(
                f"  {fn:13s} {Path(path).name:28s} peak {got['peak_mb']:7.0f} MB "
                f"(+{float(got['peak_mb']) - float(got['base_mb']):5.0f})  {got['reason'] or 'decoded'}"
            )
            if float(got["peak_mb"]) > args.budget_mb:  # type: ignore[arg-type]
                failed.append(f"{fn}({path}) peaked at {got['peak_mb']:.0f} MB")
    print(f"worst single-file peak: {worst:.0f} MB (budget {args.budget_mb:.0f} MB)")
    for line in failed[:40]:
        print("FAIL", line)
    print("all checks passed" if not failed else f"{len(failed)} checks failed")
    if args.out is None:
        shutil.rmtree(root, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
