"""The files the app ships besides code: icon, desktop entry, AppStream metainfo, translations.

They are *package data* of this package, found with :mod:`importlib.resources` the same way in an
installed wheel (pip, pipx), a PyInstaller bundle (``_internal/dupe_viewer/assets/``) and a
Flatpak. Their sources live where each tool expects them in the repository (``resources/`` for
the icon, ``packaging/`` for the desktop entry and metainfo, ``translations/*.ts``); the build
copies them here (``packaging/dupe_viewer_build.py`` for wheels, the PyInstaller spec for
bundles), so there is one source of each file. A source checkout (tests, editable installs) has
none of the copies and reads the sources directly.

Qt-free, standard library only: the build backend loads this file by path to learn the table.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

#: The application's reverse-DNS id: the desktop entry's, the icon's and the metainfo's name
#: (Flatpak and AppStream require them to match it; Wayland matches the window to it).
APP_ID = "io.github.dupe_viewer.DupeViewer"

ICON = "dupe-viewer.svg"
DESKTOP_ENTRY = f"{APP_ID}.desktop"
METAINFO = f"{APP_ID}.metainfo.xml"
#: Subfolder of compiled translations (``dupe_viewer_<locale>.qm``).
TRANSLATIONS = "translations"

#: Each packaged file and its source, relative to the repository root.
SOURCES: dict[str, str] = {
    ICON: "resources/dupe-viewer.svg",
    DESKTOP_ENTRY: f"packaging/{DESKTOP_ENTRY}",
    METAINFO: f"packaging/{METAINFO}",
}
#: Where the ``.ts`` sources of the translations are, relative to the repository root; the build
#: compiles each into ``TRANSLATIONS/<same name>.qm``.
TRANSLATION_SOURCES = "translations"


def packaged_dir() -> Path:
    """This package's folder, where the build puts the files (a real folder: the app is never
    imported from a zip, Qt could not load its libraries from one)."""
    return Path(str(resources.files(__name__)))


def checkout_root() -> Path | None:
    """The repository root when running from a source checkout (``pyproject.toml`` beside the
    package), else ``None``."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "pyproject.toml").is_file() and (root / "dupe_viewer").is_dir() else None


def find(name: str) -> Path | None:
    """The packaged file ``name`` (one of ``SOURCES``), else its source in a checkout, else
    ``None`` (a broken install)."""
    packaged = packaged_dir() / name
    if packaged.is_file():
        return packaged
    root = checkout_root()
    if root is not None and name in SOURCES and (root / SOURCES[name]).is_file():
        return root / SOURCES[name]
    return None


def translation_dirs() -> list[Path]:
    """Folders that may hold ``dupe_viewer_<locale>.qm``, best first: the packaged ones, then, in
    a checkout, ``translations/`` (where ``pyside6-lrelease`` puts them next to the ``.ts``)."""
    dirs = [packaged_dir() / TRANSLATIONS]
    root = checkout_root()
    if root is not None:
        dirs.append(root / TRANSLATION_SOURCES)
    return [d for d in dirs if d.is_dir()]


def icon_path() -> Path | None:
    return find(ICON)


def desktop_entry_path() -> Path | None:
    return find(DESKTOP_ENTRY)


def metainfo_path() -> Path | None:
    return find(METAINFO)
