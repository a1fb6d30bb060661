"""The regroup benchmark script still runs (tiny); its full-size figures are in its docstring's usage."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent / "regroup.py"


def test_regroup_benchmark_smoke() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, str(BENCH), "--smoke"], capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "regroup" in res.stdout and "gui apply" in res.stdout
