"""GUI stall benchmark: the longest the window's GUI thread stays blocked, phase by phase.

    python tests/benchmarks/gui_stalls.py [--files 10000] [--smoke] [--folder DIR]

An event-loop probe (a 5 ms QTimer that records how late each tick comes) runs while the real
:class:`~dupe_viewer.gui.window.MainWindow` (offscreen) goes through what a person does:

- ``scan``: a scan of ``--files`` files streams its progress (the scan runs on its worker
  thread, as in the app);
- ``early groups``: the byte-identical groups arrive before the scan ends, and are shown;
- ``finished``: the final result replaces them;
- ``slider``: the similarity slider is dragged one step every 30 ms across its range, then the
  last regroup lands;
- ``N/P``: the next/previous group keys, 20 times each, at key-repeat speed (every 40 ms);
- ``mark all``: mark all / none / invert of every group shown.

Without ``--folder`` the scan is synthetic (no file is read; see :func:`synthetic_scan`): a
result shaped like a real scan of ``--files`` photos (clusters of 1-8 copies, a ninth of the
files byte-identical copies, weak candidate pairs, deep scores) delivered by a fake engine
generator. With ``--folder`` it is a real scan of that folder (the feature cache of a throw-away
home). Prints, per phase, the worst stall, the 99th-percentile tick lateness and how many ticks
came more than 100 ms late; nothing is asserted (a benchmark, not a test). ``--smoke`` runs a
few hundred files, for the test suite.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core import Finished, GroupingParams, GroupsFound, Phase, Progress, ScanResult
from tests.benchmarks.regroup import synthetic_records
from tests.factories import make_result

#: Probe period; lateness beyond it is time the GUI thread was busy.
TICK_MS = 5
STALL_MS = 100


def synthetic_scan(files: int, seed: int = 0) -> tuple[ScanResult, ScanResult]:
    """(early, final): the partial result with the byte-identical groups, and the finished one."""
    rng = np.random.default_rng(seed)
    records = synthetic_records(files, rng)
    pairs: list[tuple[int, int]] = []
    sims: list[float] = []
    kinds: list[str] = []
    exact: list[tuple[int, int]] = []
    i = 0
    while i < files:
        size = int(rng.integers(1, 9))
        members = list(range(i, min(files, i + size)))
        for b in members[1:]:
            a = members[0]
            if rng.random() < 1 / 3:  # about a ninth of all files: byte-identical copies
                exact.append((a, b))
                pairs.append((a, b))
                sims.append(1.0)
                kinds.append("exact")
            else:
                pairs.append((a, b))
                s = float(rng.uniform(0.7, 1.0))
                sims.append(s)
                kinds.append("near" if s > 0.9 else "edited")
        i += size
    weak = rng.integers(0, files, size=(4 * files, 2))
    weak = weak[weak[:, 0] != weak[:, 1]]
    pairs.extend((int(a), int(b)) for a, b in weak)
    sims.extend(rng.uniform(0.5, 0.7, len(weak)).tolist())
    kinds.extend(["edited"] * len(weak))
    sim = np.array(sims, dtype=np.float32)
    deep = np.clip(sim + rng.normal(0.05, 0.05, len(sim)), 0, 1).astype(np.float32)
    final = make_result(
        records,
        pairs,
        sim,
        kinds,
        deep_similarity=deep,
        grouping=GroupingParams(deep_threshold=0.9),
        roots=["/photos"],
    )
    # Before decoding, the scan knows paths and sizes only (the image facts come later).
    bare = [replace(r, width=0, height=0, format="") for r in records]
    early = make_result(bare, exact, np.ones(len(exact)), ["exact"] * len(exact), roots=["/photos"])
    early = replace(early, complete=False)
    return early, final


def fake_engine(early: ScanResult, final: ScanResult, seconds: float) -> Callable[..., Iterator[Any]]:
    """A scan function for the window: progress for ``seconds``, the early groups halfway,
    then the final result (plain events, from the window's scan thread, as the engine sends)."""

    def scan_fn(roots: list[str], options: Any, cancel: Any = None) -> Iterator[Any]:
        n = len(final.records)
        steps = max(4, int(seconds / 0.05))
        for k in range(steps):
            if cancel is not None and cancel.is_set():
                return
            if k == steps // 2:
                yield GroupsFound(early)
            yield Progress(Phase.DECODE, n * k // steps, n)
            time.sleep(seconds / steps)
        yield Finished(final)

    return scan_fn


class StallProbe:
    """A precise repeating timer; each tick's lateness is charged to the phase running."""

    def __init__(self, profile: str = "") -> None:
        from PySide6.QtCore import Qt, QTimer

        self.phase = "idle"
        self.profile = profile
        self.profiler = cProfile.Profile() if profile else None
        self.late: dict[str, list[float]] = {}
        self.cpu: dict[str, list[float]] = {}  # the GUI thread's own CPU time in each gap
        self._last = time.perf_counter()
        self._last_cpu = time.thread_time()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        self.late.setdefault(self.phase, []).append(max(0.0, (now - self._last) * 1000 - TICK_MS))
        self.cpu.setdefault(self.phase, []).append((cpu - self._last_cpu) * 1000)
        self._last, self._last_cpu = now, cpu

    def start(self, phase: str) -> None:
        if self.profiler is not None:
            self.profiler.disable() if phase != self.profile else self.profiler.enable()
        self.phase = phase
        self.late.setdefault(phase, [])

    def report(self) -> list[str]:
        over = f"ticks > {STALL_MS} ms"
        head = f"{'phase':<14} {'worst':>9} {'p99':>9} {over:>15} {'worst CPU':>11}"
        out = [head]
        for phase, late in self.late.items():
            if phase == "idle" or not late:
                continue
            ms = sorted(late)
            p99 = ms[min(len(ms) - 1, int(0.99 * len(ms)))]
            over = sum(1 for v in ms if v > STALL_MS)
            cpu = max(self.cpu.get(phase, [0.0]))
            out.append(f"{phase:<14} {ms[-1]:7.0f} ms {p99:6.0f} ms {over:15d} {cpu:8.0f} ms")
        return out


def run_for(ms: int) -> None:
    """Let the event loop run (the probe included) for ``ms``; never blocks it."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_until(cond: Callable[[], bool], timeout: float = 600) -> bool:
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            return False
        run_for(20)
    return True


def _quiet_offscreen(mode: Any, context: Any, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform's notice, not the app's
        print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=10_000, help="synthetic scan size")
    ap.add_argument("--folder", help="scan this folder for real instead")
    ap.add_argument("--scan-seconds", type=float, default=3.0, help="synthetic scan duration")
    ap.add_argument("--smoke", action="store_true", help="a few hundred files, for the test suite")
    ap.add_argument("--profile", metavar="PHASE", default="", help="print where the GUI thread spent PHASE")
    args = ap.parse_args(argv)
    if args.smoke:
        args.files, args.scan_seconds = 300, 0.5
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="dupe_viewer_stalls_")
    os.environ["DUPE_VIEWER_HOME"] = home  # settings and caches of a throw-away home

    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from dupe_viewer.core import scan
    from dupe_viewer.gui.compat import protect_singletons
    from dupe_viewer.gui.window import MainWindow

    app = QApplication.instance() or QApplication([])
    protect_singletons()
    qInstallMessageHandler(_quiet_offscreen)
    if args.folder:
        scan_fn: Any = scan
        roots = [os.path.abspath(args.folder)]
        print(f"real scan of {roots[0]}")
    else:
        t0 = time.perf_counter()
        early, final = synthetic_scan(args.files)
        scan_fn = fake_engine(early, final, args.scan_seconds)
        roots = ["/photos"]
        print(
            f"synthetic scan: {args.files:,} files, {len(final.pairs):,} scored pairs, "
            f"{len(early.groups):,} early and {len(final.groups):,} final groups "
            f"(built in {time.perf_counter() - t0:.1f} s)"
        )
    window = MainWindow(scan_fn=scan_fn)
    window.resize(1366, 740)
    window.show()
    run_for(300)
    probe = StallProbe(args.profile)
    window.roots_model.replace(roots)

    early_seen = [False]
    window.scans.early.connect(lambda _r: (probe.start("early groups"), early_seen.__setitem__(0, True)))
    window.scans.finished.connect(lambda _r, _e: probe.start("finished"))
    probe.start("scan")
    window.start_scan()
    if not wait_until(lambda: window.final and not window.scanner.running):
        print("the scan did not finish", file=sys.stderr)
        return 1
    wait_until(lambda: not window.regrouper.busy)
    run_for(500)  # what the last result set in motion (thumbnails, previews)
    groups = window.model.rowCount()
    print(f"groups shown: {groups:,}" + ("" if early_seen[0] else " (no early groups)"))

    probe.start("slider")
    slider = window.threshold
    for value in [*range(slider.value(), slider.minimum() - 1, -1), *range(slider.minimum(), 96)]:
        slider.setValue(value)
        run_for(30)
    wait_until(lambda: not window.regrouper.busy)
    run_for(300)

    probe.start("N/P")
    window.select_row(0)
    for act in [window.acts.next] * 20 + [window.acts.prev] * 20:
        act.trigger()
        run_for(40)
    run_for(300)

    marks_acts = [getattr(window.acts, name, None) for name in ("mark_all_shown", "unmark_all_shown")]
    if all(a is not None for a in marks_acts):
        probe.start("mark all")
        for act in marks_acts:
            assert act is not None
            act.trigger()
            run_for(200)
    probe.start("idle")
    print(f"probe: a {TICK_MS} ms timer; lateness per tick, i.e. how long the GUI thread was busy")
    print("(worst CPU: the GUI thread's own CPU time in one gap; lateness beyond it is waiting for a")
    print(" core or the GIL, which a loaded machine inflates)")
    for line in probe.report():
        print(line)
    if probe.profiler is not None:
        pstats.Stats(probe.profiler).sort_stats("cumulative").print_stats(40)
    window.close()
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
