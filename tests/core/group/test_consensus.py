"""The member of a group carrying a local edit is found by the group's consensus, in brightness and
in colour, and a global edit or a grayscale copy is not mistaken for one."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.features import perceptual
from dupe_viewer.core.group import consensus
from tests.library import photo


def _recoloured(img: Image.Image, box: tuple[int, int, int, int]) -> Image.Image:
    """``img`` with the region ``box`` given other colours of the same brightness (Cb and Cr
    swapped and pushed apart): invisible to a grayscale comparison."""
    ycc = np.asarray(img.convert("YCbCr")).copy()
    x0, y0, x1, y1 = box
    region = ycc[y0:y1, x0:x1].astype(np.int16)
    cb, cr = region[..., 1] - 128, region[..., 2] - 128
    region[..., 1] = np.clip(128 - cr * 2 + 40, 0, 255)
    region[..., 2] = np.clip(128 + cb * 2 - 40, 0, 255)
    ycc[y0:y1, x0:x1] = region.astype(np.uint8)
    return Image.fromarray(ycc, "YCbCr").convert("RGB")


def _features(images: list[Image.Image]) -> np.ndarray:
    return np.stack([perceptual.to_record(perceptual.compute(im)) for im in images])


def test_a_recoloured_region_of_the_same_brightness_is_a_local_edit() -> None:
    img = photo(71, (480, 360))
    pasted = _recoloured(img, (300, 60, 420, 180))
    moved = img.copy()
    moved.paste(img.crop((20, 200, 140, 320)), (60, 40))
    f = _features([img, pasted, moved])
    colourful = f["chroma"] >= perceptual.GRAY_CHROMA
    # Brightness alone does not see the recoloured region...
    assert not consensus.local_edits(f["thumb"])[1]
    # ...its colour does, and the original is not flagged.
    flags = consensus.local_edits(f["thumb"], f["chroma_map"], colourful)
    assert flags.tolist() == [False, True, True]


def test_global_colour_edits_and_grayscale_copies_are_not_local_edits_of_the_original() -> None:
    img = photo(72, (480, 360))
    members = [
        img,
        ImageEnhance.Color(img).enhance(1.5),
        ImageEnhance.Contrast(img).enhance(1.3),
        img.convert("L").convert("RGB"),
        img.convert("L").convert("RGB"),
    ]
    f = _features(members)
    colourful = f["chroma"] >= perceptual.GRAY_CHROMA
    assert colourful.tolist() == [True, True, True, False, False]
    flags = consensus.local_edits(f["thumb"], f["chroma_map"], colourful)
    assert not flags[0]
    assert not flags[2]  # a contrast change is global: its colours scale, none departs alone


def test_the_original_beats_a_higher_quality_copy_with_a_recoloured_object(tmp_path: Path) -> None:
    img = photo(73, (480, 360))
    img.save(tmp_path / "zz_original.jpg", quality=85)  # the longest name, the lowest quality
    # The same brightness everywhere, so only its colours tell it from the original, and a
    # higher JPEG quality than the original's, so that the encoding alone would keep it.
    _recoloured(img, (280, 40, 420, 170)).save(tmp_path / "a_pasted.jpg", quality=95)
    img.save(tmp_path / "b_copy.jpg", quality=70)
    # ...and the oldest file (modification times say nothing about which file is the original).
    for age, name in enumerate(("zz_original.jpg", "b_copy.jpg", "a_pasted.jpg")):
        os.utime(tmp_path / name, ns=(1_600_000_000_000_000_000 - age * 10**12,) * 2)
    result = run_scan([tmp_path], ScanOptions(deep=False, workers=1))
    assert len(result.groups) == 1
    g = result.groups[0]
    assert Path(result.records[g.keep].path).name == "zz_original.jpg"
