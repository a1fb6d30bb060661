"""The one photo-library builder of the tests: photo-like images and folders of them with copies.

``photo(seed)`` makes a unique photo-like image; :class:`PhotoLibrary` writes originals, edited
copies, byte-identical copies and unrelated photos under a folder and remembers which files form
one group, so a test can compare a scan's groups with what it built.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw


def thumbnails(n: int, seed: int = 0) -> np.ndarray:
    """``n`` blocky, noisy 32×32 grey thumbnails (uint8), in the layout of the features' ``thumb``."""
    rng = np.random.default_rng(seed)
    grid = rng.uniform(0, 255, (n, 4, 4))
    t = np.repeat(np.repeat(grid, 8, axis=1), 8, axis=2) + rng.normal(0, 6, (n, 32, 32))
    return np.clip(t, 0, 255).astype(np.uint8)


def photo(seed: int, size: tuple[int, int] = (320, 240)) -> Image.Image:
    """A photo-like RGB image: smooth random colour fields plus a few shapes, unique per seed.

    Smooth structure at several scales gives perceptual hashes something real to work with
    (pure noise would hash unstably; flat colour would not hash at all).
    """
    rng = np.random.default_rng(seed)
    w, h = size
    out = np.zeros((h, w, 3), dtype=np.float32)
    for cells, weight in ((3, 1.0), (6, 0.6), (12, 0.3)):
        field = rng.uniform(0, 255, (cells, cells, 3)).astype(np.uint8)
        out += weight * np.asarray(
            Image.fromarray(field).resize((w, h), Image.Resampling.BICUBIC), np.float32
        )
    out /= 1.9
    img = Image.fromarray(np.clip(out, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(img)
    for _ in range(4):
        x0, y0 = int(rng.integers(0, w - 40)), int(rng.integers(0, h - 40))
        x1, y1 = x0 + int(rng.integers(20, w // 2)), y0 + int(rng.integers(20, h // 2))
        colour = tuple(int(c) for c in rng.integers(0, 255, 3))
        (d.ellipse if rng.random() < 0.5 else d.rectangle)((x0, y0, x1, y1), fill=colour)
    return img


#: A variant of an image: what to write for it, or that and Pillow ``save`` options for it.
Edit = Callable[[Image.Image], Image.Image]
Variant = Edit | tuple[Edit, dict[str, object]]


class PhotoLibrary:
    """Files written under ``root``; ``groups`` lists the files that belong together."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.groups: list[set[str]] = []

    def write(self, rel: str, image: Image.Image, **save: object) -> Path:
        """Save ``image`` at ``root/rel`` (folders made) with Pillow's ``save`` options."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, **save)
        return path

    def copy(self, rel: str, to: str) -> Path:
        """A byte-identical copy of ``root/rel`` at ``root/to``."""
        dst = self.root / to
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.root / rel, dst)
        return dst

    def original(
        self,
        rel: str,
        image: Image.Image,
        variants: dict[str, Variant] | None = None,
        copies: Iterable[str] = (),
        **save: object,
    ) -> set[str]:
        """``image`` at ``rel``, byte copies of it at ``copies``, and each ``variants[rel2](image)``
        at ``rel2`` (saved by extension, with the variant's own options if it has them); recorded
        as one expected group, which is returned."""
        members = {str(self.write(rel, image, **save))}
        members |= {str(self.copy(rel, c)) for c in copies}
        for vrel, variant in (variants or {}).items():
            edit, options = variant if isinstance(variant, tuple) else (variant, {})
            members.add(str(self.write(vrel, edit(image), **options)))
        self.groups.append(members)
        return members

    def unrelated(
        self, count: int, first_seed: int, size: tuple[int, int], name: Callable[[int], str], **save: object
    ) -> list[Path]:
        """``count`` photos that are copies of nothing, seeds ``first_seed``, ``first_seed + 1``..."""
        return [self.write(name(k), photo(first_seed + k, size), **save) for k in range(count)]
