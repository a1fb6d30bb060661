"""Regroup benchmark: how fast the threshold sliders can regroup a large scan (no file is read).

    python tests/benchmarks/regroup.py [--files 10000] [--steps 51] [--no-gui] [--smoke]

Builds a synthetic :class:`ScanResult` shaped like a real scan of ``--files`` photos: clusters of
1-8 copies (scores 0.70-1.0), plus about four weak candidate pairs per file (0.50-0.70, what the
engine keeps for loose thresholds), plus deep scores for every pair. Then it drags the hash
slider from 0.50 to 1.00 in ``--steps`` steps and reports, per step:

- ``regroup``: the engine's :func:`~dupe_viewer.core.regroup` alone, the slider's deep pair too;
- ``+ dismissals``: the same with 200 excluded pairs ("not duplicates");
- ``gui apply``: what the window does with new groups on the GUI thread (marks + model reset),
  unless ``--no-gui``.

Figures are printed (median, 95th percentile, worst); nothing is asserted: this is a benchmark,
not a test. ``--smoke`` runs it tiny so the test suite can check it still works.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core import GroupingParams, ScanResult, regroup
from dupe_viewer.core.files.records import ImageRecord
from tests.factories import make_result


def synthetic_records(files: int, rng: np.random.Generator) -> list[ImageRecord]:
    """``files`` camera-like JPEG records in folders of 250 (no file exists)."""
    return [
        ImageRecord(
            f"/photos/{i // 250:03d}/IMG_{i:06d}.jpg",
            int(rng.integers(200_000, 8_000_000)),
            1_500_000_000_000_000_000 + i,
            i,
            1,
            int(rng.choice([4000, 3000, 1600, 800])),
            3000,
            "JPEG",
        )
        for i in range(files)
    ]


def synthetic_result(files: int, seed: int = 0, deep: bool = True) -> ScanResult:
    rng = np.random.default_rng(seed)
    records = synthetic_records(files, rng)
    pairs: list[tuple[int, int]] = []
    sims: list[float] = []
    i = 0
    while i < files:
        size = int(rng.integers(1, 9))
        members = range(i, min(files, i + size))
        for a in members:
            for b in members:
                if a < b:
                    pairs.append((a, b))
                    sims.append(float(rng.uniform(0.7, 1.0)))
        i += size
    weak = rng.integers(0, files, size=(4 * files, 2))
    weak = weak[weak[:, 0] != weak[:, 1]]
    pairs.extend((int(a), int(b)) for a, b in weak)
    sims.extend(rng.uniform(0.5, 0.7, len(weak)).tolist())
    sim = np.array(sims, dtype=np.float32)
    deep_sim = np.clip(sim + rng.normal(0.05, 0.05, len(sim)), 0, 1).astype(np.float32) if deep else None
    return make_result(
        records,
        pairs,
        sim,
        deep_similarity=deep_sim,
        grouping=GroupingParams(deep_threshold=0.9 if deep else None),
        roots=["/photos"],
    )


def _stats(label: str, times: list[float]) -> str:
    ms = sorted(t * 1000 for t in times)
    p95 = ms[min(len(ms) - 1, int(0.95 * len(ms)))]
    return f"{label:<16} median {statistics.median(ms):7.1f} ms   p95 {p95:7.1f} ms   worst {ms[-1]:7.1f} ms"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--steps", type=int, default=51, help="slider positions from 0.50 to 1.00")
    ap.add_argument("--no-gui", action="store_true", help="engine only (no Qt)")
    ap.add_argument("--smoke", action="store_true", help="tiny run, for the test suite")
    args = ap.parse_args(argv)
    if args.smoke:
        args.files, args.steps = 300, 4

    t0 = time.perf_counter()
    result = synthetic_result(args.files)
    print(
        f"{args.files:,} files, {len(result.pairs):,} scored pairs "
        f"(built in {time.perf_counter() - t0:.1f} s)"
    )
    thresholds = np.linspace(0.5, 1.0, args.steps)
    excluded = {tuple(sorted(map(int, p))) for p in result.pairs.ij[:: max(1, len(result.pairs) // 200)]}

    def at(t: float) -> GroupingParams:
        return replace(result.grouping, threshold=float(t))

    plain, dismissed, counts = [], [], []
    for t in thresholds:
        start = time.perf_counter()
        groups = regroup(result, at(t))
        plain.append(time.perf_counter() - start)
        counts.append(len(groups))
        start = time.perf_counter()
        regroup(result, at(t), excluded)
        dismissed.append(time.perf_counter() - start)
    print(f"groups: {max(counts):,} at the loosest threshold, {min(counts):,} at the strictest")
    print(_stats("regroup", plain))
    print(_stats("+ dismissals", dismissed))

    if not args.no_gui:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from dupe_viewer.gui.background.image_loader import ImageLoader
        from dupe_viewer.gui.compat import protect_singletons
        from dupe_viewer.gui.group_model import GroupModel
        from dupe_viewer.gui.marks import Marks

        app = QApplication.instance() or QApplication([])
        protect_singletons()
        marks = Marks()
        model = GroupModel(marks, ImageLoader(threads=1))
        applied = []
        for t in thresholds:
            groups = regroup(result, at(t))
            start = time.perf_counter()
            marks.set_groups(result.records, groups)
            model.set_groups(result.records, groups)
            applied.append(time.perf_counter() - start)
        print(_stats("gui apply", applied))
        del app
    print("(the window regroups on a worker thread, latest slider position wins; 'gui apply' is what")
    print(" blocks the GUI thread per update)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
