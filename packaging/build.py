"""Build the one-folder app with PyInstaller (and, on Linux, an AppImage where the tool exists).

    .venv/bin/pip install pyinstaller            # once, into the app's own environment
    .venv/bin/python packaging/build.py          # -> build/bundle/dist/dupe-viewer/
    .venv/bin/python packaging/build.py --smoke  # then run packaging/smoke_test.py on it
    .venv/bin/python packaging/build.py --appimage   # Linux: also DupeViewer-<version>-<arch>.AppImage

Run it with the Python environment the app is installed in (``pip install .`` or ``-e .``): the
bundle takes that environment's PySide6, numpy, onnxruntime ... as they are. The spec
(``dupe_viewer.spec``) generates the icons and stages the package data itself, so
``pyinstaller packaging/dupe_viewer.spec`` alone works too; this script picks the folders (under
the ignored ``build/`` by default, never in the tracked tree), times the build and prints the
bundle's size.

AppImage: an AppImage is a squashfs image appended to a small "runtime" executable. No package
that this project's machines can install ships that runtime (appimagetool and every PyPI wrapper
download it from GitHub at build time), so ``--appimage`` prepares the AppDir and runs
``appimagetool`` only when one is on ``PATH``; otherwise it says so and exits 1.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "dupe_viewer.spec"
sys.path.insert(0, str(HERE))

import bundle_inputs  # noqa: E402 (this folder, put on the path above)


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def build_bundle(dist: Path, work: Path, clean: bool = False) -> Path:
    """Run PyInstaller on the spec; return the bundle folder."""
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        sys.exit(
            f"build.py: error: PyInstaller is not installed: {sys.executable} -m pip install pyinstaller"
        )
    cmd = [sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm", "--distpath", str(dist)]
    cmd += ["--workpath", str(work), "--log-level", "WARN"]
    if clean:
        cmd.append("--clean")
    subprocess.run(cmd, check=True, cwd=ROOT)
    return dist / "dupe-viewer"


def make_appdir(bundle: Path, appdir: Path) -> Path:
    """The AppDir layout appimagetool packs: the bundle under usr/bin, AppRun, the desktop entry
    and icon at the top (named after the app id) and the metainfo under usr/share/metainfo."""
    table = bundle_inputs.dupe_viewer_build.assets_table()
    assets = bundle / "_internal" / "dupe_viewer" / "assets"
    if appdir.exists():
        shutil.rmtree(appdir)
    shutil.copytree(bundle, appdir / "usr" / "bin")
    shutil.copyfile(assets / table.DESKTOP_ENTRY, appdir / table.DESKTOP_ENTRY)
    shutil.copyfile(assets / table.ICON, appdir / f"{table.APP_ID}.svg")
    (appdir / ".DirIcon").symlink_to(f"{table.APP_ID}.svg")
    metainfo = appdir / "usr" / "share" / "metainfo"
    metainfo.mkdir(parents=True)
    shutil.copyfile(assets / table.METAINFO, metainfo / table.METAINFO)
    (appdir / "AppRun").symlink_to("usr/bin/dupe-viewer-gui")
    return appdir


def build_appimage(bundle: Path, out: Path) -> Path:
    tool = shutil.which("appimagetool")
    appdir = make_appdir(bundle, out / "DupeViewer.AppDir")
    if tool is None:
        sys.exit(
            f"build.py: AppDir ready at {appdir}, but appimagetool is not on PATH (no installable "
            "package ships it or the AppImage runtime; see packaging/README.md)"
        )
    target = out / f"DupeViewer-{bundle_inputs.package_version()}-{platform.machine()}.AppImage"
    subprocess.run(
        [tool, str(appdir), str(target)], check=True, env={**os.environ, "ARCH": platform.machine()}
    )
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "build" / "bundle" / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle" / "work")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--smoke", action="store_true", help="run packaging/smoke_test.py on the bundle")
    parser.add_argument("--appimage", action="store_true", help="Linux: also pack an AppImage")
    args = parser.parse_args()
    start = time.monotonic()
    bundle = build_bundle(args.dist.resolve(), args.work.resolve(), args.clean)
    seconds = time.monotonic() - start
    size = folder_size(bundle)
    print(f"bundle: {bundle}  ({size / 1e6:.0f} MB, {sum(1 for _ in bundle.rglob('*'))} files)")
    print(f"build time: {seconds:.0f} s")
    if args.appimage:
        print(f"AppImage: {build_appimage(bundle, args.dist.resolve())}")
    if args.smoke:
        return subprocess.run([sys.executable, str(HERE / "smoke_test.py"), str(bundle)]).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
