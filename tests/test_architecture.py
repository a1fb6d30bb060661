"""The package keeps its shape: the engine is Qt-free, the import-linter contracts (Qt-free engine,
cli -> gui -> core, the engine's stage layers, no import circles) hold, and modules stay small."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORE = REPO / "dupe_viewer" / "core"


def test_core_source_has_no_qt_imports() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
                if node.level and (node.module or "").startswith("gui"):
                    names.append("dupe_viewer.gui")
            for n in names:
                if n.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6") or n.startswith(
                    "dupe_viewer.gui"
                ):
                    offenders.append(f"{path.relative_to(REPO)}: {n}")
    assert offenders == []


def test_importing_the_engine_loads_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, dupe_viewer.core as c\n"
        "for m in pkgutil.walk_packages(c.__path__, 'dupe_viewer.core.'): importlib.import_module(m.name)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'dupe_viewer.gui'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    res = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


def test_import_linter_contract() -> None:
    # The venv running the tests may not be on PATH (.ci/run calls .venv/bin/python directly).
    local = Path(sys.executable).parent / "lint-imports"
    exe = str(local) if local.exists() else shutil.which("lint-imports")
    if exe is None:
        pytest.skip("import-linter is not installed (pip install -e .[test])")
    res = subprocess.run([exe], cwd=REPO, capture_output=True, text=True)
    assert res.returncode == 0, res.stdout + res.stderr


#: Lines a module may have before its docstring must say why it is longer.
MAX_LINES = 400


def test_modules_are_small_or_say_why() -> None:
    long = []
    for path in (REPO / "dupe_viewer").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if source.count("\n") > MAX_LINES:
            doc = ast.get_docstring(ast.parse(source)) or ""
            if "longer than" not in doc:
                long.append(f"{path.relative_to(REPO)}: {source.count(chr(10))} lines")
    assert long == []


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(path.relative_to(REPO))
        for path in (REPO / "dupe_viewer").rglob("*.py")
        if not ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert missing == []
