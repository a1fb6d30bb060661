"""Build backend: setuptools, plus the app's data files copied into the package at build time.

``pyproject.toml`` names this module as its PEP 517 backend (``backend-path = ["packaging"]``).
Everything is setuptools' own backend, with two commands extended (``[tool.setuptools.cmdclass]``):

- ``build_py`` copies the icon, the desktop entry and the AppStream metainfo into
  ``dupe_viewer/assets/`` of the wheel and compiles ``translations/*.ts`` into
  ``dupe_viewer/assets/translations/*.qm``, so the installed package finds them with
  ``importlib.resources`` (``dupe_viewer.assets`` holds the table of files). An editable install
  copies nothing: the package then reads the sources in the checkout.
- ``sdist`` adds those sources (and this file) to the source archive, so a wheel built from the
  sdist has them too.

Compiling translations needs Qt's ``lrelease``: when ``.ts`` files exist, the wheel's build
requirements gain PySide6-Essentials (which ships it) and a missing ``lrelease`` is an error,
never a wheel that silently lacks its languages. The PyInstaller spec uses :func:`stage_assets`.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from setuptools import build_meta as _setuptools_backend
from setuptools.build_meta import *  # noqa: F403 (the PEP 517 hooks, re-exported)
from setuptools.command.build_py import build_py as _build_py
from setuptools.command.sdist import sdist as _sdist

ROOT = Path(__file__).resolve().parents[1]
#: What compiles ``.ts`` files when they exist (the same bound as the app's own requirement).
QT_REQUIREMENT = "PySide6-Essentials>=6.6,!=6.12.0"


def assets_table() -> ModuleType:
    """``dupe_viewer/assets/__init__.py`` loaded by path (importing the package would need its
    dependencies, which a build environment does not have)."""
    path = ROOT / "dupe_viewer" / "assets" / "__init__.py"
    spec = importlib.util.spec_from_file_location("_dupe_viewer_assets_table", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def translation_sources(root: Path = ROOT) -> list[Path]:
    return sorted((root / assets_table().TRANSLATION_SOURCES).glob("*.ts"))


def find_lrelease() -> list[str]:
    """The command that runs Qt's ``lrelease``: PySide6's own binary, else one on ``PATH``."""
    exe = "lrelease.exe" if os.name == "nt" else "lrelease"
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        bundled = Path(spec.origin).parent / exe
        if bundled.is_file():
            return [str(bundled)]
    for name in ("pyside6-lrelease", "lrelease", "lrelease-qt6"):
        found = shutil.which(name)
        if found:
            return [found]
    raise RuntimeError(
        "translations/*.ts exist but Qt's lrelease was not found: install PySide6-Essentials "
        "(it ships lrelease) or put lrelease on PATH"
    )


def stage_assets(dest: Path, root: Path = ROOT) -> list[Path]:
    """Copy every packaged file into ``dest`` and compile the translations into
    ``dest/translations``; return the files written. A missing source is an error."""
    table = assets_table()
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, source in table.SOURCES.items():
        src = root / source
        if not src.is_file():
            raise FileNotFoundError(f"packaged file {name}: its source {src} is missing")
        shutil.copyfile(src, dest / name)
        written.append(dest / name)
    sources = translation_sources(root)
    if sources:
        out = dest / table.TRANSLATIONS
        out.mkdir(exist_ok=True)
        lrelease = find_lrelease()
        for ts in sources:
            qm = out / f"{ts.stem}.qm"
            subprocess.run([*lrelease, "-silent", str(ts), "-qm", str(qm)], check=True)
            written.append(qm)
    return written


class BuildPy(_build_py):
    """setuptools' ``build_py``, then the data files staged into the built package."""

    def run(self) -> None:
        super().run()
        if not getattr(self, "editable_mode", False):
            stage_assets(Path(self.build_lib) / "dupe_viewer" / "assets")


class Sdist(_sdist):
    """setuptools' ``sdist``, plus the sources of the staged files and this backend."""

    def make_release_tree(self, base_dir: str, files: list[str]) -> None:
        # Here rather than in add_defaults, which setuptools' file-list builder never calls on
        # a subclass.
        table = assets_table()
        extra = [*table.SOURCES.values(), "packaging/dupe_viewer_build.py"]
        extra += [p.relative_to(ROOT).as_posix() for p in translation_sources()]
        super().make_release_tree(base_dir, [*files, *(p for p in extra if p not in files)])


def get_requires_for_build_wheel(config_settings=None) -> list[str]:
    requires = list(_setuptools_backend.get_requires_for_build_wheel(config_settings))
    if translation_sources():
        requires.append(QT_REQUIREMENT)
    return requires


if __name__ == "__main__":  # ``python packaging/dupe_viewer_build.py DIR``: stage by hand
    for path in stage_assets(Path(sys.argv[1])):
        print(path)
