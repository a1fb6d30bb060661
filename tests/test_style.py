"""The code base stays ruff-clean (the linter is part of the test extra)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_ruff_clean() -> None:
    # The venv running the tests may not be on PATH (.ci/run calls .venv/bin/python directly).
    local = Path(sys.executable).parent / "ruff"
    exe = str(local) if local.exists() else shutil.which("ruff")
    if exe is None:
        pytest.skip("ruff is not installed (pip install -e .[test])")
    res = subprocess.run([exe, "check", "dupe_viewer", "tests"], cwd=REPO, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr
