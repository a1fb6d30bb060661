"""Start-up benchmark: how long the command takes before (and besides) doing any work.

    python tests/benchmarks/startup.py [--corpus DIR] [--runs N] [--files N] [--smoke]

Three figures, each the median of ``--runs`` (default 7) fresh processes, each run paired with a
``python -c pass`` run just before it (the interpreter's own start-up, the baseline), so a busy
machine slows both sides of a pair alike:

- **--help**: ``dupe-viewer --help`` (the installed console script next to this Python, else
  ``python -m dupe_viewer``), output discarded. Target < 0.15 s.
- **warm rescan**: ``dupe-viewer scan DIR -q`` over a folder scanned once before (features and
  pairs come from the cache, nothing is decoded), groups printed to /dev/null. ``DIR`` is
  ``--corpus`` (e.g. ``/tmp/speed_corpus`` from make_speed_corpus.py) or ``--files`` (default 90)
  small generated JPEGs: a warm rescan decodes nothing, so their size barely matters. The
  cache, models and settings live in a temporary ``DUPE_VIEWER_HOME`` (no model: hash-only).
  Target < 0.25 s.
- **worker start-up**: from starting one worker process of the scan's pool (spawn, the pool's
  own initializer and configuration, and the main module a ``dupe-viewer scan`` worker re-runs:
  the console script) until it answers a first trivial task. Target < 0.2 s.
- **worker's first image**: the same worker's next task, analysing one generated 800×600 JPEG:
  what a worker loads on first use (scipy's FFT for the features) shows here, not hidden.

Every command runs with its modules' bytecode compiled once, as in an installed copy (a wheel's
installer and a frozen build both ship it): where this Python writes no bytecode
(``PYTHONDONTWRITEBYTECODE``, an editable checkout) it goes to a temporary ``PYTHONPYCACHEPREFIX``,
filled by the runs before the measured ones. ``--source`` measures the other case, where every
process compiles every module it imports from source (tens of milliseconds more per command).

Figures are printed, nothing is asserted (a benchmark, not a test); ``--smoke`` runs each once
over 6 files so CI checks that the script works.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

#: Measured in a fresh interpreter whose ``__main__`` is the console script, like a scan's parent:
#: a spawned worker re-runs that module (as ``__mp_main__``) before it unpickles its initializer.
WORKER_PROBE = """
import __main__, concurrent.futures as cf, multiprocessing, os, sys, time
__main__.__file__ = sys.argv[1]
from dupe_viewer.core.features.pool import WorkerConfig, _init_worker, _run_chunk
ctx = multiprocessing.get_context("spawn")
t = time.perf_counter()
with cf.ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker,
                            initargs=(WorkerConfig(), ctx.BoundedSemaphore(1))) as ex:
    ex.submit(os.getpid).result()
    started = time.perf_counter() - t
    t = time.perf_counter()
    ex.submit(_run_chunk, [sys.argv[2]]).result()
    print(started, time.perf_counter() - t)
"""


def entry_point() -> list[str]:
    """The command a user runs: the console script of this environment, else ``-m``."""
    script = Path(sys.executable).with_name("dupe-viewer")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "dupe_viewer"]


def main_script(cmd: list[str]) -> str:
    """The file a spawned worker re-runs as its main module."""
    return cmd[0] if len(cmd) == 1 else str(REPO / "dupe_viewer" / "__main__.py")


def wall(cmd: list[str], env: dict[str, str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def worker_start(script: str, image: Path, env: dict[str, str]) -> tuple[float, float]:
    """(start-up, first image) of one worker, in seconds."""
    res = subprocess.run(
        [sys.executable, "-c", WORKER_PROBE, script, str(image)],
        # `-c` puts the working folder first on sys.path, and the worker inherits it: run from
        # the image's folder so that PYTHONPATH, not wherever this was started, picks the code.
        cwd=image.parent,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    started, first = res.stdout.split()[-2:]
    return float(started), float(first)


def bytecode_setting(env: dict[str, str], tmp: Path, source: bool) -> str:
    """Set up ``env`` for compiled bytecode (or, with ``source``, none); say which in words."""
    if source:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
        return "none, every process compiles from source (--source)"
    if not (env.get("PYTHONDONTWRITEBYTECODE") or sys.flags.dont_write_bytecode):
        return "compiled once, in __pycache__ (as installed)"
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    return f"compiled once, in {env['PYTHONPYCACHEPREFIX']} (as installed; this Python writes none)"


def make_files(out: Path, count: int) -> None:
    """``count`` distinct small JPEGs (smooth random colour fields), every tenth with a copy."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(0)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        base = rng.integers(0, 255, (6, 8, 3), dtype=np.uint8)
        im = Image.fromarray(base).resize((800, 600), Image.Resampling.BICUBIC)
        im.save(out / f"img{i:03d}.jpg", quality=85 if i % 10 else 60)


def report(name: str, values: list[float], base: list[float], target: float) -> None:
    med, med_base = statistics.median(values), statistics.median(base)
    over = statistics.median(v - b for v, b in zip(values, base, strict=True))
    verdict = "meets" if med < target else "misses"
    print(
        f"{name:<18} median {med:.3f} s   (python -c pass {med_base:.3f} s; "
        f"over it {over:.3f} s)   target < {target} s: {verdict}   runs {len(values)}"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, help="a folder to rescan (default: generated files)")
    ap.add_argument("--files", type=int, default=90, help="generated files (default %(default)s)")
    ap.add_argument("--runs", type=int, default=7, help="runs per figure (default %(default)s)")
    ap.add_argument("--smoke", action="store_true", help="one run each over 6 files (for CI)")
    ap.add_argument(
        "--source",
        action="store_true",
        help="compile from source in every process, as PYTHONDONTWRITEBYTECODE does (default: "
        "bytecode compiled once, as installed)",
    )
    args = ap.parse_args()
    runs, files = (1, 6) if args.smoke else (args.runs, args.files)

    tmp = Path(tempfile.mkdtemp(prefix="dupe_viewer_startup_"))
    try:
        env = {**os.environ, "DUPE_VIEWER_HOME": str(tmp / "home")}
        # The checkout first, as the tests see it, whether or not the package is installed.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
        bytecode = bytecode_setting(env, tmp, args.source)
        corpus = args.corpus
        if corpus is None:
            corpus = tmp / "files"
            make_files(corpus, files)
        cmd = entry_point()
        scan = [*cmd, "scan", str(corpus), "-q"]
        subprocess.run(scan, env=env, check=True, stdout=subprocess.DEVNULL)  # fills the cache
        n_files = sum(1 for p in corpus.rglob("*") if p.is_file())
        print(
            f"command: {' '.join(cmd)}   python {sys.version.split()[0]}   corpus {corpus} ({n_files} files)"
        )
        print(f"bytecode: {bytecode}")
        image = tmp / "probe" / "img000.jpg"
        make_files(image.parent, 1)
        # Unmeasured: compiles what --help and a worker import, where the scan above did not.
        wall([*cmd, "--help"], env)
        worker_start(main_script(cmd), image, env)
        keys = ("help", "rescan", "worker", "first")
        figures: dict[str, list[float]] = {k: [] for k in keys}
        bases: dict[str, list[float]] = {k: [] for k in keys}
        baseline = [sys.executable, "-c", "pass"]
        for _ in range(runs):
            for key, command in (("help", [*cmd, "--help"]), ("rescan", scan)):
                bases[key].append(wall(baseline, env))
                figures[key].append(wall(command, env))
            bases["worker"].append(wall(baseline, env))
            started, first = worker_start(main_script(cmd), image, env)
            figures["worker"].append(started)
            figures["first"].append(first)
        report("--help", figures["help"], bases["help"], 0.15)
        report("warm rescan", figures["rescan"], bases["rescan"], 0.25)
        report("worker start-up", figures["worker"], bases["worker"], 0.2)
        first = statistics.median(figures["first"])
        print(f"worker 1st image   median {first:.3f} s   (its first analysis, after start-up)   runs {runs}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
