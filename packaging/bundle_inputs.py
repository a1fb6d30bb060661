"""What the PyInstaller spec needs besides the code, generated into a work folder at build time.

- the package data (``dupe_viewer/assets``: icon, desktop entry, metainfo, compiled translations),
  staged exactly as a wheel gets them (:func:`dupe_viewer_build.stage_assets`);
- the platform icons made from ``resources/dupe-viewer.svg``: a PNG (Linux, AppImage), a
  Windows ``.ico`` (16–256 px) and a macOS ``.icns`` (16–1024 px). Qt's SVG renderer draws each
  size (the app's own dependency, so nothing else is needed), Pillow writes the containers;
- the Windows version resource (``VSVersionInfo`` source text, which PyInstaller parses on
  Windows) from the package version.

Nothing here is committed: binaries are regenerated from the SVG on every build.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import dupe_viewer_build  # noqa: E402 (this folder, put on the path above)

SVG = ROOT / "resources" / "dupe-viewer.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZE = 1024  # Pillow writes every smaller ICNS size from the largest image


@dataclass(frozen=True)
class BundleInputs:
    assets: Path  # becomes dupe_viewer/assets in the bundle
    png: Path
    ico: Path
    icns: Path
    version_file: Path
    version: str


def render_svg(svg: Path, size: int):
    """The SVG drawn at ``size`` × ``size`` as a Pillow RGBA image."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(["bundle_inputs"])  # noqa: F841 (kept alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    import io

    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def package_version() -> str:
    text = (ROOT / "dupe_viewer" / "__init__.py").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("__version__"):
            return line.split("=", 1)[1].strip().strip("\"'")
    raise ValueError("dupe_viewer/__init__.py has no __version__")


def windows_version_text(version: str) -> str:
    """PyInstaller's version-file format (a ``VSVersionInfo`` expression)."""
    parts = [int(p) for p in version.split(".")[:4] if p.isdigit()]
    numbers = tuple(parts + [0] * (4 - len(parts)))
    strings = {
        "CompanyName": "dupe_viewer developers",
        "FileDescription": "Dupe Viewer: find duplicate photos",
        "FileVersion": version,
        "InternalName": "dupe-viewer",
        "LegalCopyright": "MIT License",
        "OriginalFilename": "dupe-viewer.exe",
        "ProductName": "Dupe Viewer",
        "ProductVersion": version,
    }
    entries = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
          {entries}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def prepare(work: Path) -> BundleInputs:
    """Write everything into ``work`` (created) and say where it is."""
    work.mkdir(parents=True, exist_ok=True)
    assets = work / "assets"
    dupe_viewer_build.stage_assets(assets)
    master = render_svg(SVG, ICNS_SIZE)
    png = work / "dupe-viewer.png"
    render_svg(SVG, 256).save(png)
    ico = work / "dupe-viewer.ico"
    # Each ICO size drawn by Qt at that size (sharper than one image scaled down).
    images = [render_svg(SVG, s) for s in ICO_SIZES]
    images[-1].save(ico, sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    icns = work / "dupe-viewer.icns"
    master.save(icns)
    version = package_version()
    version_file = work / "file_version_info.txt"
    version_file.write_text(windows_version_text(version), encoding="utf-8")
    return BundleInputs(assets, png, ico, icns, version_file, version)


if __name__ == "__main__":  # ``python packaging/bundle_inputs.py WORKDIR``: look at the outputs
    print(prepare(Path(sys.argv[1])))
