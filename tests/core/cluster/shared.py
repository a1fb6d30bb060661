"""Helpers of the cluster tests: a small library of originals with variants, copies and
unrelated photos, and a result's groups as comparable data."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from tests.library import PhotoLibrary, photo


def small_library(
    root: Path,
    originals: int,
    seed: int,
    unrelated: int,
    unrelated_seed: int,
    extra: dict[str, Callable[[Image.Image], Image.Image]] | None = None,
) -> PhotoLibrary:
    """``originals`` photos, each with a half-size PNG, a mirrored JPEG (plus ``extra``: name
    pattern with ``{s}`` -> edit) and a byte-identical copy, and ``unrelated`` other photos."""
    lib = PhotoLibrary(root)
    for s in range(originals):
        variants: dict[str, Callable[[Image.Image], Image.Image]] = {
            f"edit/small{s}.png": lambda im: im.resize((160, 120)),
            f"edit/mirror{s}.jpg": ImageOps.mirror,
        }
        variants.update({name.format(s=s): edit for name, edit in (extra or {}).items()})
        lib.original(
            f"orig/p{s}.jpg",
            photo(seed + s, (320, 240)),
            variants=variants,
            copies=[f"copy/p{s}.jpg"],
            quality=90,
        )
    lib.unrelated(unrelated, unrelated_seed, (300, 220), lambda k: f"other/o{k}.jpg", quality=88)
    return lib


def described(result: Any) -> list[tuple]:
    """Every group as its keeper, kind and (path, kind, similarity) per member."""
    return sorted(
        (
            result.records[g.keep].path,
            g.kind,
            [(result.records[m.index].path, m.kind, m.similarity) for m in g.members],
        )
        for g in result.groups
    )
