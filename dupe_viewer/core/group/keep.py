"""Which file of a group to keep: chainable rules, applied lexicographically.

Each rule scores the candidates; only those with the best score go on to the next rule; the path
breaks the final tie, so the choice never depends on discovery order. Files in protected folders
are always kept and are preferred as the group's keeper.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime

import numpy as np

from ..files.records import ImageRecord
from ..options import DEFAULT_RULES, Rule

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


def _in_folders(path: str, folders: Sequence[str]) -> bool:
    path = os.path.normcase(os.path.abspath(path))
    for f in folders:
        f = os.path.normcase(os.path.abspath(f))
        if path == f or path.startswith(f.rstrip(os.sep) + os.sep):
            return True
    return False


def _format_score(rec: ImageRecord, order: Sequence[str]) -> float:
    fmt = rec.format.upper()
    order = [o.upper() for o in order] or list(DEFAULT_FORMAT_ORDER)
    return float(len(order) - order.index(fmt)) if fmt in order else 0.0


#: Rule name -> (description, score function; higher is better).
RULES: dict[str, tuple[str, Callable[[ImageRecord, tuple[str, ...]], float]]] = {
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


def choose_keeper(
    records: Sequence[ImageRecord],
    rules: Sequence[Rule] = DEFAULT_RULES,
    protected: Sequence[str] = (),
) -> int:
    """Index (into ``records``) of the file to keep."""
    if not records:
        raise ValueError("empty group")
    cands = list(range(len(records)))
    if protected:
        prot = [i for i in cands if _in_folders(records[i].path, protected)]
        cands = prot or cands
    for rule in rules:
        if len(cands) == 1:
            break
        _, score = RULES[rule.name]
        scores = [score(records[i], rule.values) for i in cands]
        best = max(scores)
        cands = [i for i, s in zip(cands, scores, strict=False) if s == best]
    return min(cands, key=lambda i: records[i].path)


def keeper_rank(
    records: Sequence[ImageRecord], rules: Sequence[Rule] = DEFAULT_RULES, protected: Sequence[str] = ()
) -> np.ndarray:
    """Per record, its place in :func:`choose_keeper`'s order (larger is kept first).

    The keeper of any group is then its member of largest rank, the same file ``choose_keeper``
    picks (protected first, then each rule in turn, then the first path), but scored once per
    scan instead of once per group and regroup."""
    cols: list[np.ndarray] = []
    if protected:
        cols.append(np.array([_in_folders(r.path, protected) for r in records], dtype=np.float64))
    for rule in rules:
        _, score = RULES[rule.name]
        cols.append(np.array([score(r, rule.values) for r in records], dtype=np.float64))
    by_path = sorted(range(len(records)), key=lambda i: records[i].path)
    path_rank = np.empty(len(records), dtype=np.float64)
    path_rank[by_path] = np.arange(len(records))
    # np.lexsort: the last key is the primary one; ascending, so the best file sorts last.
    order = np.lexsort([-path_rank, *reversed(cols)])
    rank = np.empty(len(records), dtype=np.int64)
    rank[order] = np.arange(len(records))
    return rank


def is_protected(path: str, protected: Sequence[str]) -> bool:
    return bool(protected) and _in_folders(path, protected)
