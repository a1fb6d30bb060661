"""The fuzz campaign of tests/benchmarks/fuzz.py at a small fixed seed: the scan ends, reports
every hostile file with a one-line reason, keeps the real duplicates together, never blocks on a
FIFO or ``/dev/zero`` swapped in after discovery, and no single file's decode floods memory."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks import fuzz, hostile

REPO = Path(__file__).resolve().parents[2]


def test_scan_survives_the_fuzz_corpus(tmp_path: Path) -> None:
    camp = fuzz.build(tmp_path / "campaign", mutations=150, seed=3)
    result, seconds, escaped = fuzz.run_scan(camp, timeout=240)
    assert escaped is None, f"{escaped!r} escaped the scan"
    assert result is not None, f"the scan did not finish in {seconds:.0f} s"
    assert fuzz.problems(camp, result) == []
    if os.name == "posix":
        reasons = {e.path: e.error for e in result.errors}
        for path in camp.swapped:
            assert "not a regular file" in reasons[path], reasons[path]
        assert (
            reasons[str(camp.root / "bad" / "fifo.jpg")] == "skipped: a named pipe (FIFO), not a regular file"
        )


_PEAK_ALL = """
import json, sys
from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding

def rss(field):
    with open("/proc/self/status") as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith(field)) / 1024

with open("/proc/self/clear_refs", "w") as fh:  # the high-water mark starts at the parent's
    fh.write("5")
base = rss("VmRSS:")
out = {}
for path in sys.argv[1:]:
    for fn in (decoding.decode, decoding.display_image):
        try:
            fn(path)
            out[path] = None
        except DecodeError as exc:
            out[path] = str(exc)
print(json.dumps({"base_mb": base, "peak_mb": rss("VmHWM:"), "reasons": out}))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/status")
def test_no_single_file_floods_memory(tmp_path: Path) -> None:
    """Bombs, declared-huge headers in every format and a 40-megapixel flood, decoded for the scan
    and for the full-size preview in one process: its peak stays within the stated budget."""
    cases = hostile.text_chunk_bombs() + hostile.huge_declarations() + hostile.pixel_floods(40)
    paths = [str(c.write(tmp_path)) for c in cases]
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK_ALL, *paths],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout)
    assert got["peak_mb"] < fuzz.BUDGET_MB, got
    assert got["peak_mb"] - got["base_mb"] < 1024, got  # the decodes themselves
    reasons = got["reasons"]
    assert all(reasons[str(tmp_path / c.name)] is None for c in cases if c.kind == "flood")
    assert all(reasons[str(tmp_path / c.name)] for c in cases if c.kind == "bomb")
