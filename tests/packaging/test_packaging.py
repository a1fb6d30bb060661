"""The packaging files are valid and agree with the package: desktop entry, AppStream metainfo,
Flatpak manifest, PyInstaller spec and launcher, generated icons; the package data is found in a
checkout (the wheel and the bundle are checked by test_wheel.py and packaging/smoke_test.py)."""

from __future__ import annotations

import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from dupe_viewer import __version__, assets

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"


def _project() -> dict:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _tool(name: str, package: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        pytest.skip(f"{name} is not installed (Debian: {package})")
    return exe


def test_every_packaged_file_is_found_in_a_checkout() -> None:
    for name, source in assets.SOURCES.items():
        assert assets.find(name) == REPO / source
    assert assets.icon_path() == REPO / "resources" / "dupe-viewer.svg"
    assert REPO / "translations" in assets.translation_dirs()
    assert assets.find("no-such-file") is None


def test_desktop_entry_validates_without_hints() -> None:
    res = subprocess.run(
        [_tool("desktop-file-validate", "desktop-file-utils"), str(assets.desktop_entry_path())],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0 and res.stdout == "", res.stdout + res.stderr


def test_metainfo_validates() -> None:
    res = subprocess.run(
        [_tool("appstreamcli", "appstream"), "validate", "--no-net", str(assets.metainfo_path())],
        capture_output=True,
        text=True,
    )
    problems = [ln for ln in res.stdout.splitlines() if ln[:2] in ("E:", "W:")]
    assert res.returncode == 0 and problems == [], res.stdout + res.stderr


def test_metainfo_agrees_with_the_package_and_the_entry() -> None:
    root = ET.parse(assets.metainfo_path()).getroot()
    assert root.findtext("id") == assets.APP_ID
    assert root.findtext("launchable") == assets.DESKTOP_ENTRY
    assert root.find("releases/release").get("version") == __version__
    entry = dict(
        line.split("=", 1) for line in assets.desktop_entry_path().read_text().splitlines() if "=" in line
    )
    assert root.findtext("name") == entry["Name"]
    assert entry["Icon"] == assets.APP_ID
    scripts = _project()
    binaries = {b.text for b in root.iter("binary")}
    assert binaries == set(scripts["scripts"]) | set(scripts["gui-scripts"])
    assert entry["Exec"].split()[0] in scripts["gui-scripts"]


def test_flatpak_manifest(tmp_path) -> None:
    """flatpak-builder parses it (unknown keys are warnings there, failures here); it runs the
    GUI script and installs files that exist under the names Flatpak requires."""
    manifest = PACKAGING / f"{assets.APP_ID}.yml"
    res = subprocess.run(
        [_tool("flatpak-builder", "flatpak-builder"), "--show-manifest", str(manifest)],
        capture_output=True,
        text=True,
        cwd=tmp_path,  # it makes its state folder (.flatpak-builder) where it runs
    )
    assert res.returncode == 0 and "WARNING" not in res.stderr, res.stderr
    data = json.loads(res.stdout)
    assert data["id"] == assets.APP_ID
    gui_scripts = _project()["gui-scripts"]
    assert data["command"] in gui_scripts
    assert {"runtime", "sdk", "finish-args", "modules"} <= set(data)
    installs = [
        c.split()[-2:]
        for m in data["modules"]
        for c in m.get("build-commands", [])
        if c.startswith("install ")
    ]
    targets = {Path(dest).name for _, dest in installs}
    assert targets == {assets.DESKTOP_ENTRY, assets.METAINFO, f"{assets.APP_ID}.svg"}
    assert all((REPO / src).is_file() for src, _ in installs)


def test_flatpak_installs_every_dependency_of_the_package() -> None:
    """The Flatpak installs the app with ``--no-deps`` after a ``python-deps`` module, so a
    dependency added to pyproject.toml but not to the manifest is missing from the Flatpak
    only (rawpy, pillow-jxl-plugin, tqdm, shtab and argparse-manpage once were). Read from the
    manifest's text: this runs where flatpak-builder is not installed too."""
    text = (PACKAGING / f"{assets.APP_ID}.yml").read_text(encoding="utf-8")
    pip_line = text.split("pip3 install --prefix=/app --no-cache-dir", 1)[1].split("- name:", 1)[0]

    def names(requirements: list[str]) -> set[str]:
        return {re.split(r"[<>=!~;\[ ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in requirements}

    in_manifest = names(re.findall(r'"([^"]+)"', pip_line))
    # PySide6 comes from the PySide BaseApp the manifest builds on.
    needed = names(_project()["dependencies"]) - {"pyside6-essentials"}
    assert in_manifest == needed


def test_launcher_and_spec() -> None:
    """The launcher imports the package absolutely (a relative import crashes a frozen entry
    script), and the spec is Python that builds from it."""
    launcher = ast.parse((PACKAGING / "launcher.py").read_text())
    imports = [n for n in ast.walk(launcher) if isinstance(n, ast.ImportFrom)]
    assert imports and all(n.level == 0 for n in imports)
    spec = (PACKAGING / "dupe_viewer.spec").read_text()
    compile(spec, "dupe_viewer.spec", "exec")
    for needed in ('"launcher.py"', "BUNDLE(", "info_plist", "version=VERSION", '"dupe_viewer/assets"'):
        assert needed in spec


def test_icons_and_version_resource(tmp_path, qapp) -> None:
    # qapp: Qt draws the icons, and the QApplication must exist before (a QGuiApplication made
    # here would abort the next test that opens a widget).
    from PIL import Image

    sys.path.insert(0, str(PACKAGING))
    try:
        import bundle_inputs
    finally:
        sys.path.remove(str(PACKAGING))
    made = bundle_inputs.prepare(tmp_path)
    with Image.open(made.ico) as ico:
        assert set(bundle_inputs.ICO_SIZES) <= {w for w, _ in ico.ico.sizes()}
    with Image.open(made.icns) as icns:
        assert icns.size == (1024, 1024)
    with Image.open(made.png) as png:
        assert png.size == (256, 256) and png.getextrema()[3] == (0, 255)  # transparent corners
    text = made.version_file.read_text()
    tree = ast.parse(text, mode="eval")
    assert isinstance(tree.body, ast.Call) and tree.body.func.id == "VSVersionInfo"
    assert f"'ProductVersion', '{__version__}'" in text
    assert sorted(p.name for p in made.assets.iterdir()) == sorted([*assets.SOURCES, assets.TRANSLATIONS])
    compiled = sorted(p.name for p in (made.assets / assets.TRANSLATIONS).iterdir())
    assert compiled == sorted(f"{ts.stem}.qm" for ts in (REPO / "translations").glob("*.ts"))
