"""Which files are photos we can read: Pillow's registry plus plugins, and camera RAW through rawpy.

The list of extensions is not written out by hand: it is what Pillow has registered once its
plugins are loaded (pillow-heif for HEIC/HEIF, pillow-jxl-plugin for JPEG XL), narrowed to the
formats in :data:`PHOTO_FORMATS`, plus the camera RAW extensions of :data:`RAW_EXTENSIONS` when
rawpy (LibRaw) can be imported. A plugin that is missing or fails to load only removes its
formats: their files are then counted as skipped, never decoded by guesswork.

Pillow also registers formats that are not photos, or that are unsafe or slow on files from
anywhere; :data:`LEFT_OUT` lists them with the reason. Formats Pillow only writes (PDF, Palm)
are left out because they have no opener.

Building that list from the registry means loading every Pillow plugin (about 40 modules, a
tenth of a second), which a rescan that decodes nothing has no use for: the list is kept in the
user cache (:func:`pillow_extensions`), keyed by what it was derived from, and only computed
again when one of those changes. Decoders load the plugins themselves, on their first file.

RAW files are recognised by their extension: LibRaw identifies a file by its contents, but it
cannot be asked for "the extensions it reads", and a RAW's TIFF-like header does not tell a NEF
from a DNG. Their format name is the extension in capitals ("CR2", "DNG"), as photographers say
it; :func:`is_raw` answers for a record (the keeper rule "keep the RAW" and the "same shot,
RAW + JPEG" label use it).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.util
import json
import os
import threading
from collections.abc import Mapping
from typing import Any

from .. import paths

#: Pillow formats that hold photographs (still pictures), by Pillow's format name. Every
#: extension Pillow registers for one of them is scanned, except :data:`LEFT_OUT_EXTENSIONS`.
PHOTO_FORMATS = frozenset(
    {
        "JPEG",
        "MPO",  # multi-picture JPEG (stereo cameras, phone photos with a depth or gain map)
        "PNG",
        "WEBP",
        "AVIF",
        "HEIF",  # pillow-heif (iPhone photos; Fujifilm's .hif)
        "JXL",  # pillow-jxl-plugin
        "GIF",  # the first frame stands for an animated one, as it always has here
        "TIFF",
        "BMP",
        "DIB",
        "PSD",  # Photoshop: Pillow reads the merged (composite) image
        "JPEG2000",  # archives and scanners; slower to decode than JPEG, bounded by the budget
        "PPM",  # PPM/PGM/PBM/PNM: what dcraw and scanner tools write
        "TGA",
        "QOI",
        "PCX",
        "PCD",  # Kodak Photo CD
    }
)

#: Formats Pillow registers that are not scanned, and why (the README's formats table says so too).
LEFT_OUT = {
    "EPS": "PostScript: Pillow runs Ghostscript (an interpreter) on it: slow, unsafe on untrusted files",
    "PDF": "documents, not photos (Pillow only writes PDF)",
    "WMF": "vector drawings; Pillow rasterises them only on Windows",
    "MPEG": "video: Pillow only identifies it",
    "FLI": "animation only (Autodesk FLIC)",
    "ICO": "icons",
    "CUR": "cursors",
    "ICNS": "icons",
    "DDS": "game textures",
    "BLP": "game textures",
    "FTEX": "game textures",
    "GBR": "GIMP brushes",
    "XBM": "X11 icons and bitmaps",
    "XPM": "X11 icons and bitmaps",
    "BUFR": "scientific data, not pictures (Pillow only identifies it)",
    "GRIB": "scientific data, not pictures (Pillow only identifies it)",
    "HDF5": "scientific data, not pictures (Pillow only identifies it)",
    "FITS": "astronomical data: pixel values, not a photo as shown",
    "IPTC": "metadata, not a picture",
    "IM": "legacy formats no camera or photo tool writes",
    "MSP": "legacy formats no camera or photo tool writes",
    "PIXAR": "legacy formats no camera or photo tool writes",
    "SUN": "legacy formats no camera or photo tool writes",
    "SGI": "legacy formats no camera or photo tool writes (and .rgb names raw pixel dumps too)",
    "DCX": "multi-page fax documents",
    "PALM": "Pillow only writes it",
}

#: Extensions of otherwise scanned formats that are left out, and why.
LEFT_OUT_EXTENSIONS = {
    "apng": "animated PNG: animation by definition, not a photo",
    "avifs": "AVIF image sequence (animation)",
    "heics": "HEIF image sequence (animation)",
    "heifs": "HEIF image sequence (animation)",
    "pfm": "floating-point maps (HDR data), not a photo as shown",
}

#: Camera RAW extensions LibRaw reads (lower case). Left out: ``.raw`` (also the name of raw
#: pixel dumps and disk images of every kind), ``.gpr`` (GoPro: needs an SDK the rawpy wheels do
#: not include) and ``.mdc``/``.bay`` (cameras from the 1990s).
RAW_EXTENSIONS = frozenset(
    {
        "dng",  # Adobe DNG; also what phones and Leica, Pentax, Hasselblad write
        "cr2",
        "cr3",  # Canon (CR3 since LibRaw 0.20)
        "crw",
        "nef",
        "nrw",  # Nikon
        "arw",
        "srf",
        "sr2",  # Sony
        "orf",  # Olympus / OM System
        "raf",  # Fujifilm
        "rw2",
        "rwl",  # Panasonic, Leica
        "pef",  # Pentax
        "srw",  # Samsung
        "x3f",  # Sigma
        "3fr",
        "fff",  # Hasselblad
        "iiq",  # Phase One
        "mos",  # Leaf
        "mef",  # Mamiya
        "mrw",  # Minolta
        "erf",  # Epson
        "kdc",
        "dcr",  # Kodak
    }
)

#: The ImageRecord.format of each RAW file: its extension in capitals.
RAW_FORMATS = frozenset(ext.upper() for ext in RAW_EXTENSIONS)


#: Decoders load the plugins on their first file, and the window decodes on several threads.
_plugins_lock = threading.Lock()


def register_plugins() -> tuple[str, ...]:
    """Load the Pillow plugins (once per process); the names of those that loaded."""
    with _plugins_lock:
        return _register_plugins()


@functools.cache
def _register_plugins() -> tuple[str, ...]:
    from PIL import Image

    Image.init()  # Pillow's own plugins first, so the registry below is complete
    loaded = []
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
        loaded.append("pillow-heif")
    except Exception:  # pragma: no cover - a dependency; its formats are then just skipped
        pass
    try:
        import pillow_jxl  # noqa: F401 - registers the JXL opener on import

        loaded.append("pillow-jxl-plugin")
    except Exception:  # pragma: no cover - a dependency; its formats are then just skipped
        pass
    return tuple(loaded)


@functools.cache
def raw_supported() -> bool:
    """Whether rawpy (LibRaw) is installed. Looked up, not imported: discovery must stay cheap."""
    try:
        return importlib.util.find_spec("rawpy") is not None
    except (ImportError, ValueError):  # pragma: no cover - a broken installation
        return False


#: Formats that have no opener of their own: Pillow's JPEG opener returns MPO files.
_OPENED_AS = {"MPO": "JPEG"}


@functools.cache
def pillow_extensions() -> Mapping[str, str]:
    """Extension (lower case, no dot) -> Pillow format, for every scanned Pillow format.

    What :func:`registry_extensions` computes, read from the user cache when the packages that
    make up the registry and the rules of this module are the ones it was computed with."""
    key = _registry_key()
    if key is not None:
        cached = _read_cached(key)
        if cached is not None:
            return cached
    found = registry_extensions()
    if key is not None and _plugins_complete():
        _write_cached(key, found)
    return found


def registry_extensions() -> dict[str, str]:
    """:func:`pillow_extensions` computed from Pillow's registry, every plugin loaded."""
    register_plugins()
    from PIL import Image

    return {
        ext[1:].lower(): fmt
        for ext, fmt in Image.registered_extensions().items()
        if fmt in PHOTO_FORMATS
        and (fmt in Image.OPEN or _OPENED_AS.get(fmt) in Image.OPEN)
        and ext[1:].lower() not in LEFT_OUT_EXTENSIONS
    }


#: The packages whose plugins make up the registry: import name -> distribution name (as in the
#: name of its ``.dist-info`` folder).
_REGISTRY_PACKAGES = {"PIL": "pillow", "pillow_heif": "pillow_heif", "pillow_jxl": "pillow_jxl_plugin"}
#: The plugins :func:`register_plugins` loads, by import name -> the name it reports.
_PLUGINS = {"pillow_heif": "pillow-heif", "pillow_jxl": "pillow-jxl-plugin"}
#: Bump when the cached file's layout changes.
_CACHE_LAYOUT = 1


def _registry_key() -> list[Any] | None:
    """What the registry is derived from: this module's rules, and for each package its folder,
    that folder's mtime (any install, upgrade or removal of the package changes it) and its
    installed version; None when a package's folder cannot be examined (nothing is cached then).
    Looked up without importing the packages: that is what the cache saves."""
    key: list[Any] = [
        _CACHE_LAYOUT,
        sorted(PHOTO_FORMATS),
        sorted(LEFT_OUT_EXTENSIONS),
        [list(pair) for pair in sorted(_OPENED_AS.items())],
    ]
    listings: dict[str, list[str]] = {}
    for module, dist in _REGISTRY_PACKAGES.items():
        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            return None
        if spec is None:
            key.append([module, None])  # not installed: its formats are left out
            continue
        if not spec.submodule_search_locations:
            return None
        folder = os.path.abspath(next(iter(spec.submodule_search_locations)))
        try:
            mtime = os.stat(folder).st_mtime_ns
            parent = os.path.dirname(folder)
            if parent not in listings:
                listings[parent] = sorted(os.listdir(parent))
        except OSError:
            return None
        # "pillow_heif-1.8.1.dist-info": the name before the first "-", the version after it.
        versions = [
            name
            for name in listings[parent]
            if name.endswith((".dist-info", ".egg-info"))
            and name.split("-", 1)[0].lower().replace(".", "_") == dist
        ]
        key.append([module, folder, mtime, versions])
    return key


def _cache_file(key: list[Any]) -> str:
    # One file per key: environments that share the user cache (several venvs) do not evict
    # each other's list.
    digest = hashlib.sha256(json.dumps(key).encode()).hexdigest()[:16]
    return os.path.join(paths.cache_dir(), f"pillow_extensions-{digest}.json")


def _read_cached(key: list[Any]) -> dict[str, str] | None:
    """The cached list for ``key``; None when there is none or it is unreadable or damaged."""
    try:
        with open(_cache_file(key), encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    found = data.get("extensions")
    if not isinstance(found, dict) or not found:
        return None
    if not all(isinstance(e, str) and isinstance(f, str) and f in PHOTO_FORMATS for e, f in found.items()):
        return None
    return found


def _write_cached(key: list[Any], found: Mapping[str, str]) -> None:
    """Keep ``found`` for ``key`` (atomically; a cache that cannot be written is no error)."""
    tmp = ""
    try:
        target = _cache_file(key)
        tmp = f"{target}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump({"key": key, "extensions": dict(found)}, fh)
        os.replace(tmp, target)
    except OSError:
        if tmp:
            with contextlib.suppress(OSError):
                os.unlink(tmp)


def _plugins_complete() -> bool:
    """Whether every installed plugin loaded: a list computed without one is not kept, so a
    plugin that failed to load once is tried again next time."""
    loaded = register_plugins()
    for module, name in _PLUGINS.items():
        try:
            installed = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):
            return False
        if installed and name not in loaded:
            return False
    return True


@functools.cache
def image_extensions() -> frozenset[str]:
    """Every extension a scan reads (lower case, without the dot)."""
    exts = set(pillow_extensions())
    if raw_supported():
        exts |= RAW_EXTENSIONS
    return frozenset(exts)


def extension(name: str) -> str:
    """The extension of ``name``, lower case, without the dot ("" when there is none)."""
    return os.path.splitext(name)[1][1:].lower()


def is_raw_extension(ext: str) -> bool:
    """Whether ``ext`` (lower case, no dot) names a camera RAW file."""
    return ext in RAW_EXTENSIONS


def is_raw_format(fmt: str) -> bool:
    """Whether an ImageRecord.format names a camera RAW format."""
    return fmt.upper() in RAW_FORMATS


def is_raw(record: Any) -> bool:
    """Whether a record (anything with a ``format``, e.g. an ImageRecord) is a camera RAW file."""
    return is_raw_format(getattr(record, "format", "") or "")


def raw_format_name(path: str | os.PathLike[str]) -> str:
    """The format name of a RAW file: its extension in capitals ("NEF")."""
    return extension(os.fspath(path)).upper()


def skipped_label(ext: str) -> str:
    """How a skipped extension is shown: ".mp4", or "(no extension)"."""
    return f".{ext}" if ext else "(no extension)"


def skipped_summary(skipped: Mapping[str, int], limit: int = 8) -> str:
    """ "412 files skipped as unsupported: .mp4 400, .xcf 12" (the ``limit`` most frequent
    extensions, then how many more); "" when nothing was skipped."""
    total = sum(skipped.values())
    if not total:
        return ""
    ranked = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = [f"{skipped_label(ext)} {n:,}" for ext, n in ranked[:limit]]
    if len(ranked) > limit:
        parts.append(f"{len(ranked) - limit} more types")
    noun = "file" if total == 1 else "files"
    return f"{total:,} {noun} skipped as unsupported: " + ", ".join(parts)
