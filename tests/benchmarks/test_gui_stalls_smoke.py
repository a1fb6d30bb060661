"""The GUI stall benchmark still runs (a few hundred files); its full-size figures are printed by
``python tests/benchmarks/gui_stalls.py --files 10000``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent / "gui_stalls.py"


def test_gui_stalls_benchmark_smoke() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run(
        [sys.executable, str(BENCH), "--smoke"], capture_output=True, text=True, env=env, timeout=300
    )
    assert res.returncode == 0, res.stdout + res.stderr
    for phase in ("scan", "early groups", "finished", "slider", "N/P", "mark all"):
        assert f"\n{phase} " in res.stdout, res.stdout
