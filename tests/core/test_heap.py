"""A worker keeps freed memory for its next image (dupe_viewer/core/heap.py): under Dask's
``MALLOC_TRIM_THRESHOLD_`` every large buffer was a fresh, zero-filled mmap."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = """
import resource, sys
import numpy as np
from dupe_viewer.core import heap
if sys.argv[1] == "keep":
    assert heap.keep_freed_memory() and heap.keep_freed_memory()  # once, then a no-op
np.ones(1 << 18)  # warm-up: numpy's own first allocations
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(200):
    a = np.ones(1 << 18)  # 2 MB, like a decoded photo's work copy
    del a
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _faults(mode: str) -> int:
    env = dict(os.environ, MALLOC_TRIM_THRESHOLD_="65536")  # what Dask's nanny gives its workers
    out = subprocess.run(
        [sys.executable, "-c", PROBE, mode], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return int(out.stdout.strip().splitlines()[-1])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_freed_buffers_are_reused_instead_of_mapped_afresh() -> None:
    fresh, kept = _faults("as-is"), _faults("keep")
    # 200 buffers of 512 pages each: mapped afresh, every page faults once per buffer.
    assert fresh > 200 * 400, fresh
    assert kept < 2_000, kept
