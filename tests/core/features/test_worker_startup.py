"""Tests that a scan's worker process starts its numeric libraries on one thread: the pool
already runs a worker per core, and OpenBLAS would otherwise start a thread per core in each."""

from __future__ import annotations

import glob
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[3]

#: Starts one worker the way a `dupe-viewer scan` does (spawned; the console script as its main
#: module) and prints how many threads OpenBLAS runs there, asked through OpenBLAS's own API.
PROBE = """
import __main__, concurrent.futures as cf, multiprocessing, sys
__main__.__file__ = sys.argv[1]
from dupe_viewer.core.features.pool import WorkerConfig, _init_worker
ctx = multiprocessing.get_context("spawn")
ask = f"__import__('ctypes').CDLL({sys.argv[2]!r}).scipy_openblas_get_num_threads64_()"
with cf.ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker,
                            initargs=(WorkerConfig(), ctx.BoundedSemaphore(1))) as ex:
    print(ex.submit(eval, ask).result())
"""


def _openblas() -> str:
    libs = glob.glob(
        os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "libscipy_openblas64_*")
    )
    if not sys.platform.startswith("linux") or not libs:
        pytest.skip("needs numpy's bundled OpenBLAS (a Linux wheel)")
    if (os.cpu_count() or 1) < 2:
        pytest.skip("OpenBLAS runs one thread on one core anyway")
    return libs[0]


def test_a_worker_runs_openblas_on_one_thread() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.pop(var, None)  # what a user's shell normally has: nothing
    main_file = str(REPO / "dupe_viewer" / "__main__.py")
    res = subprocess.run(
        [sys.executable, "-c", PROBE, main_file, _openblas()],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["1"]
