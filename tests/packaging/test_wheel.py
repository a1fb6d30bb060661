"""A wheel built from the sources holds the package data, and once installed (not editable,
away from the checkout) finds it: icon, desktop entry, metainfo, and the compiled translations
whenever ``translations/*.ts`` exist. ``--install-desktop`` from that install writes a valid entry.

Builds with pip in an isolated build environment (setuptools from the package index, as every
``pip install .`` does), from a copy of the files a source archive carries, so a file the build
needs but the copy lacks fails here too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from dupe_viewer import assets

REPO = Path(__file__).resolve().parents[2]
#: What the build reads: the source archive's content.
SOURCE_PARTS = ("pyproject.toml", "README.md", "dupe_viewer", "packaging", "resources", "translations")

pytestmark = pytest.mark.slow

PROBE = """
import json, sys
import dupe_viewer, dupe_viewer.assets as a
print(json.dumps({
    "package": dupe_viewer.__file__,
    "found": {n: str(a.find(n)) for n in a.SOURCES},
    "translations": [str(d) for d in a.translation_dirs()],
    "qm": sorted(p.name for d in a.translation_dirs() for p in d.glob("*.qm")),
}))
"""


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> tuple[Path, Path]:
    """(wheel, site folder with the wheel installed into it alone)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    src.mkdir()
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
    for part in SOURCE_PARTS:
        path = REPO / part
        if path.is_dir():
            shutil.copytree(path, src / part, ignore=ignore)
        elif path.is_file():
            shutil.copy2(path, src / part)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    res = subprocess.run(
        [*pip, "wheel", "--no-deps", "-w", str(tmp / "dist"), str(src)], capture_output=True, text=True
    )
    if res.returncode != 0 and "Could not find a version" in res.stdout + res.stderr:
        pytest.skip("the package index is unreachable (the build needs setuptools from it)")
    assert res.returncode == 0, res.stdout + res.stderr
    (wheel,) = (tmp / "dist").glob("dupe_viewer-*.whl")
    site = tmp / "site"
    res = subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(site), str(wheel)], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stdout + res.stderr
    return wheel, site


def _ts_sources() -> list[str]:
    return sorted(p.stem for p in (REPO / "translations").glob("*.ts"))


def test_the_wheel_holds_the_package_data(installed) -> None:
    wheel, _ = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in assets.SOURCES:
        assert f"dupe_viewer/assets/{name}" in names
        assert (
            zipfile.ZipFile(wheel).read(f"dupe_viewer/assets/{name}")
            == (REPO / assets.SOURCES[name]).read_bytes()
        )
    for stem in _ts_sources():
        assert f"dupe_viewer/assets/translations/{stem}.qm" in names
    assert not any(n.startswith(("share/", "dupe_viewer-0.1.0.data/")) for n in names)  # no data-files


def test_the_installed_package_finds_it(installed, tmp_path) -> None:
    _, site = installed
    env = {**os.environ, "PYTHONPATH": str(site)}
    res = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    probe = json.loads(res.stdout)
    assert Path(probe["package"]).is_relative_to(site)  # the wheel's copy, not the checkout
    for name, found in probe["found"].items():
        assert Path(found) == site / "dupe_viewer" / "assets" / name
    assert probe["qm"] == [f"{stem}.qm" for stem in _ts_sources()]
    assert all(Path(d).is_relative_to(site) for d in probe["translations"])


def test_install_desktop_from_the_wheel(installed, tmp_path) -> None:
    _, site = installed
    xdg = tmp_path / "share"
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_DATA_HOME": str(xdg)}
    cmd = [sys.executable, "-m", "dupe_viewer", "--install-desktop"]
    res = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path)
    assert res.returncode == 0, res.stdout + res.stderr
    entry = xdg / "applications" / assets.DESKTOP_ENTRY
    assert entry.is_file() and (xdg / "icons/hicolor/scalable/apps" / f"{assets.APP_ID}.svg").is_file()
    validator = shutil.which("desktop-file-validate")
    if validator:
        check = subprocess.run([validator, str(entry)], capture_output=True, text=True)
        assert check.returncode == 0 and check.stdout == "", check.stdout
    res = subprocess.run(
        [*cmd[:-1], "--uninstall-desktop"], capture_output=True, text=True, env=env, cwd=tmp_path
    )
    assert res.returncode == 0 and not any(xdg.rglob("*")), res.stdout + res.stderr
