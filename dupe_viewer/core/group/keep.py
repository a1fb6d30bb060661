"""The keep rules a user can chain, each a score per file (higher is better).

Rules are applied lexicographically: only the files with the best score go on to the next rule,
and the path breaks the final tie, so the choice never depends on discovery order. ``original``
(the default, "the best original") compares the members of a group with each other and is
evaluated in :mod:`.keeper`, which applies every chain; files in protected folders always come
first.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Sequence
from datetime import datetime

from ..files.records import ImageRecord
from ..options import Rule

#: Formats in order of preference when a "format" rule has no explicit order: originals from
#: cameras and lossless files before lossy re-encodes.
DEFAULT_FORMAT_ORDER = ("DNG", "TIFF", "HEIF", "AVIF", "PNG", "JPEG", "WEBP", "BMP", "GIF")


def capture_time(rec: ImageRecord) -> float:
    """EXIF capture time when present and valid, else the file's modification time (seconds)."""
    if rec.taken:
        try:
            return datetime.strptime(rec.taken[:19], "%Y:%m:%d %H:%M:%S").timestamp()
        except ValueError:
            pass
    return rec.mtime_ns / 1e9


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


@functools.lru_cache(maxsize=1 << 16)
def _real_folder(folder: str) -> str:
    return os.path.normcase(os.path.realpath(folder))


@functools.lru_cache(maxsize=1 << 18)
def _real_location(path: str) -> str:
    # The folder part is resolved once per folder; the file itself costs one lstat (it may be a
    # link into a protected folder). Cached: regrouping runs on every slider step, and a file
    # action re-checks protection afresh (act/identity.in_folders), so staleness cannot cost a file.
    folder, name = os.path.split(path)
    if os.path.islink(path):
        return os.path.normcase(os.path.realpath(path))
    return os.path.join(_real_folder(folder), os.path.normcase(name))


def _in_folders(path: str, folders: Sequence[str]) -> bool:
    """Whether ``path`` lies in one of ``folders``, as written or where it really is: a file
    reached through a symbolic link (``alias -> protected``) is where the link leads."""
    lexical = os.path.normcase(os.path.abspath(path))
    if any(_under(lexical, os.path.normcase(os.path.abspath(f))) for f in folders):
        return True
    real = _real_location(os.path.abspath(path))
    return any(_under(real, _real_folder(os.path.abspath(f))) for f in folders)


def _format_score(rec: ImageRecord, order: Sequence[str]) -> float:
    fmt = rec.format.upper()
    order = [o.upper() for o in order] or list(DEFAULT_FORMAT_ORDER)
    return float(len(order) - order.index(fmt)) if fmt in order else 0.0


#: Rule name -> (description, score function; higher is better). ``original`` has no score of its
#: own: it is group-relative evidence (see :mod:`.keeper`).
RULES: dict[str, tuple[str, Callable[[ImageRecord, tuple[str, ...]], float]]] = {
    "original": ("the best original (recommended)", lambda r, v: 0.0),
    "resolution": ("highest resolution", lambda r, v: float(r.pixels)),
    "size": ("largest file", lambda r, v: float(r.size)),
    "smallest": ("smallest file", lambda r, v: -float(r.size)),
    "oldest": ("oldest date (taken, else modified)", lambda r, v: -capture_time(r)),
    "newest": ("newest date (taken, else modified)", lambda r, v: capture_time(r)),
    "folder": ("in a preferred folder", lambda r, v: 1.0 if _in_folders(r.path, v) else 0.0),
    "format": ("preferred format", lambda r, v: _format_score(r, v)),
    "shortest_name": ("shortest file name", lambda r, v: -float(len(os.path.basename(r.path)))),
}


def parse_rules(texts: Sequence[str]) -> tuple[Rule, ...]:
    """Rules from their text forms (:attr:`Rule.text`); unknown rule names are left out (a
    settings file from another version)."""
    rules = (Rule.parse(t) for t in texts)
    return tuple(r for r in rules if r.name in RULES)


def rules_text(rules: Sequence[Rule]) -> list[str]:
    return [r.text for r in rules]


def is_protected(path: str, protected: Sequence[str]) -> bool:
    return bool(protected) and _in_folders(path, protected)
