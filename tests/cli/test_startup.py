"""Start-up imports only what a command needs: ``--help`` loads no engine, numpy, scipy, Pillow
or onnxruntime, and a scan's worker process loads the decoders and features, not the rest of the
engine. (What this costs in seconds is measured by tests/benchmarks/startup.py, not here.)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
#: Heavy libraries that printing help must never load.
HEAVY = ("numpy", "scipy", "PIL", "onnxruntime", "onnx", "imagehash", "hnswlib", "PySide6", "tqdm", "shtab")
#: Engine modules a worker has no use for: matching, grouping, stores, actions, the deep stage.
NOT_IN_WORKERS = (
    "dupe_viewer.core.group",
    "dupe_viewer.core.match",
    "dupe_viewer.core.store",
    "dupe_viewer.core.act",
    "dupe_viewer.core.scan",
    "dupe_viewer.core.stages",
    "dupe_viewer.core.state",
    "dupe_viewer.core.deep.stage",
    "dupe_viewer.core.deep.embedding",
    "dupe_viewer.core.deep.installed",
    "dupe_viewer.gui",
    "onnxruntime",
    "onnx",
    "hnswlib",
    "PySide6",
    "sqlite3",
)

#: What a rescan where nothing changed has no use for: decoders and workers, the matcher, the deep
#: verification, model installing, report writers (no report asked for), desktop integration.
NOT_IN_A_WARM_RESCAN = (
    "dupe_viewer.core.features.pool",
    "dupe_viewer.core.features.decoding",
    "dupe_viewer.core.features.native",
    "dupe_viewer.core.match.candidates",
    "dupe_viewer.core.match.measure",
    "dupe_viewer.core.match.scoring",
    "dupe_viewer.core.deep.verify",
    "dupe_viewer.core.deep.download",
    "dupe_viewer.core.deep.prepare",
    "dupe_viewer.core.deep.embedding",
    "dupe_viewer.core.act.report",
    "dupe_viewer.core.act.report_stream",
    "dupe_viewer.assets",
    "concurrent.futures.process",
    "scipy",
    "onnxruntime",
    "onnx",
    "PySide6",
)

HELP_PROBE = """
import json, sys
from dupe_viewer.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""

WORKER_PROBE = """
import __main__, concurrent.futures as cf, json, multiprocessing, sys
__main__.__file__ = sys.argv[1]  # what a `dupe-viewer scan` worker re-runs as its main module
from dupe_viewer.core.features.pool import WorkerConfig, _init_worker
ctx = multiprocessing.get_context("spawn")
with cf.ProcessPoolExecutor(1, mp_context=ctx, initializer=_init_worker,
                            initargs=(WorkerConfig(), ctx.BoundedSemaphore(1))) as ex:
    print(json.dumps(ex.submit(eval, "sorted(__import__('sys').modules)").result()))
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO)}


def _loaded(prefixes: tuple[str, ...], modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == p or m.startswith(p + ".") for p in prefixes)]


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["scan", "--help"],
        ["models", "--help"],
        ["query", "--help"],
        ["eval", "--help"],
        ["--version"],
    ],
)
def test_help_loads_no_engine_and_no_heavy_library(argv: list[str]) -> None:
    res = subprocess.run(
        [sys.executable, "-c", HELP_PROBE, *argv], capture_output=True, text=True, env=_env(), timeout=60
    )
    assert res.returncode == 0, res.stderr
    assert "usage: dupe-viewer" in res.stdout or "dupe-viewer 0" in res.stdout
    modules = json.loads(res.stderr.strip().splitlines()[-1])
    assert _loaded(HEAVY, modules) == []
    engine = [m for m in modules if m.startswith("dupe_viewer.core.")]
    # The only engine modules parser building reads: plain settings and the model spec.
    assert set(engine) <= {"dupe_viewer.core.options", "dupe_viewer.core.deep", "dupe_viewer.core.deep.spec"}


def test_the_engine_package_loads_its_names_on_first_use() -> None:
    code = (
        "import sys, dupe_viewer.core as core; before = 'dupe_viewer.core.scan' in sys.modules; "
        "import dupe_viewer.core.scan; from dupe_viewer.core import scan, ScanOptions; "
        "print(before, callable(scan), core.scan is scan, ScanOptions.__name__)"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_env(), timeout=60)
    assert res.returncode == 0, res.stderr
    # Importing the submodule first must not leave `core.scan` naming the module.
    assert res.stdout.split() == ["False", "True", "True", "ScanOptions"]


@pytest.mark.slow
@pytest.mark.parametrize("main_module", ["console script", "python -m"])
def test_a_worker_loads_only_decoding_and_features(main_module: str) -> None:
    script = Path(sys.executable).with_name("dupe-viewer")
    if main_module == "console script":
        if not script.is_file():
            pytest.skip("dupe-viewer is not installed next to this Python")
        main_file = str(script)
    else:
        main_file = str(REPO / "dupe_viewer" / "__main__.py")
    res = subprocess.run(
        [sys.executable, "-c", WORKER_PROBE, main_file],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert res.returncode == 0, res.stderr
    modules = json.loads(res.stdout.strip().splitlines()[-1])
    assert "dupe_viewer.core.features.decoding" in modules and "dupe_viewer.core.features.pool" in modules
    assert _loaded(NOT_IN_WORKERS, modules) == []


def test_a_warm_rescan_loads_no_decoder_matcher_or_report_writer(tmp_path: Path) -> None:
    from PIL import Image

    folder = tmp_path / "photos"
    folder.mkdir()
    for i, colour in enumerate(((200, 30, 30), (30, 200, 30), (30, 30, 200))):
        Image.new("RGB", (64, 48), colour).save(folder / f"p{i}.jpg")
    (folder / "copy.jpg").write_bytes((folder / "p0.jpg").read_bytes())
    env = {**_env(), "DUPE_VIEWER_HOME": str(tmp_path / "home")}
    runs = []
    for _ in range(2):  # a first scan fills the cache, the second finds everything in it
        res = subprocess.run(
            [sys.executable, "-c", HELP_PROBE, "scan", str(folder), "--no-deep"],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
        )
        assert res.returncode == 0, res.stderr
        runs.append((res.stdout, json.loads(res.stderr.strip().splitlines()[-1]), res.stderr))
    (first_out, first_modules, _), (out, modules, err) = runs
    assert "dupe_viewer.core.features.decoding" in first_modules  # the probe sees what loads
    assert "4 files (4 from cache, 0 decoded)" in err
    assert out == first_out and "group 1 (exact)" in out  # the same groups as the first scan
    assert _loaded(NOT_IN_A_WARM_RESCAN, modules) == []
