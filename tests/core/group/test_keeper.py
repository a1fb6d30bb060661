"""The suggested keeper is the best original, from each kind of evidence, and says why."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance, ImageOps

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.act.report import write_csv, write_json
from dupe_viewer.core.features import fidelity
from dupe_viewer.core.group import keeper
from dupe_viewer.core.group.reasons import OVERRIDDEN, TEXTS, Reason, relations, suggestion
from dupe_viewer.core.group.regroup import reasons
from tests.library import photo


def textured(seed: int, size: tuple[int, int] = (480, 360)) -> Image.Image:
    """A photo with fine detail down to the pixel grid (camera-like grain): the smooth test photos
    alone have no top-band detail for an upscale to lose."""
    base = np.asarray(photo(seed, size), dtype=np.float32)
    grain = np.random.default_rng(seed).normal(0, 6, base.shape)
    return Image.fromarray(np.clip(base + grain, 0, 255).astype(np.uint8))


def _scan(folder: Path):
    result = run_scan([folder], ScanOptions(deep=False, workers=1))
    assert result is not None
    return result


def _only_group(result):
    assert len(result.groups) == 1, result.groups
    return result.groups[0]


def _name(result, index: int) -> str:
    return os.path.basename(result.records[index].path)


def _why(result, group) -> dict[str, Reason]:
    return {_name(result, i): r for i, r in reasons(result, group).items()}


def test_an_upscaled_copy_loses_to_its_source(tmp_path: Path) -> None:
    img = textured(31)
    img.save(tmp_path / "source.jpg", quality=92)
    img.resize((864, 648), Image.Resampling.BICUBIC).save(tmp_path / "upscaled.jpg", quality=92)
    result = _scan(tmp_path)
    g = _only_group(result)
    assert _name(result, g.keep) == "source.jpg"
    assert _why(result, g)["upscaled.jpg"].code == "upscaled"


def test_a_letterboxed_copy_loses_although_it_has_more_pixels(tmp_path: Path) -> None:
    img = photo(32, (480, 360))
    img.save(tmp_path / "picture.jpg", quality=92)
    boxed = Image.new("RGB", (480, 480), (0, 0, 0))
    boxed.paste(img, (0, 60))
    boxed.save(tmp_path / "letterboxed.jpg", quality=92)
    ImageOps.mirror(img).save(tmp_path / "mirrored.jpg", quality=92)  # a third member: a median
    result = _scan(tmp_path)
    g = _only_group(result)
    assert _name(result, g.keep) != "letterboxed.jpg"
    assert _why(result, g)["letterboxed.jpg"].code == "bordered"


def test_a_lower_jpeg_quality_loses(tmp_path: Path) -> None:
    img = photo(33, (480, 360))
    img.save(tmp_path / "good.jpg", quality=90)
    img.save(tmp_path / "poor.jpg", quality=50)
    result = _scan(tmp_path)
    g = _only_group(result)
    assert _name(result, g.keep) == "good.jpg"
    why = _why(result, g)["poor.jpg"]
    assert why.code == "lower_quality" and "q50" in why.text and "q90" in why.text


def test_the_camera_original_beats_a_stripped_copy(tmp_path: Path) -> None:
    img = photo(34, (480, 360))
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS 80D"
    img.save(tmp_path / "IMG_0001.jpg", quality=90, exif=exif.tobytes())
    img.save(tmp_path / "a.jpg", quality=90)  # no metadata, a shorter name
    result = _scan(tmp_path)
    g = _only_group(result)
    assert _name(result, g.keep) == "IMG_0001.jpg"
    assert result.records[g.keep].camera == "Canon EOS 80D"
    assert _why(result, g)["a.jpg"].code == "no_camera"
    assert reasons(result, g)[g.keep].code == "keep_camera"


def test_the_unedited_picture_beats_its_edits(tmp_path: Path) -> None:
    img = photo(35, (480, 360))
    img.save(tmp_path / "zz_original.jpg", quality=92)  # the longest name: only evidence can win
    ImageEnhance.Color(img).enhance(1.5).save(tmp_path / "a_colour.jpg", quality=92)
    ImageEnhance.Brightness(img).enhance(1.2).save(tmp_path / "b_bright.jpg", quality=92)
    ImageEnhance.Contrast(img).enhance(1.3).save(tmp_path / "c_contrast.jpg", quality=92)
    img.convert("L").save(tmp_path / "d_gray.jpg", quality=92)
    result = _scan(tmp_path)
    g = _only_group(result)
    assert _name(result, g.keep) == "zz_original.jpg"
    assert _why(result, g)["d_gray.jpg"].code == "grayscale"


def test_byte_identical_copies_break_the_tie_by_age_then_path(tmp_path: Path) -> None:
    photo(36, (480, 360)).save(tmp_path / "new.jpg", quality=90)
    (tmp_path / "backup").mkdir()
    (tmp_path / "backup" / "old.jpg").write_bytes((tmp_path / "new.jpg").read_bytes())
    os.utime(tmp_path / "backup" / "old.jpg", (1_500_000_000, 1_500_000_000))
    result = _scan(tmp_path)
    g = _only_group(result)
    assert _name(result, g.keep) == "old.jpg"
    assert _why(result, g)["new.jpg"].code == "identical"
    assert reasons(result, g)[g.keep].code == "keep_identical"


def test_a_protected_folder_that_overrides_a_better_file_says_so(tmp_path: Path) -> None:
    img = photo(37, (480, 360))
    img.save(tmp_path / "original.jpg", quality=92)
    (tmp_path / "protected").mkdir()
    img.resize((240, 180)).save(tmp_path / "protected" / "small.jpg", quality=92)
    opts = ScanOptions(deep=False, workers=1, protected=(str(tmp_path / "protected"),))
    result = run_scan([tmp_path], opts)
    assert result is not None
    g = _only_group(result)
    assert _name(result, g.keep) == "small.jpg"
    assert _why(result, g)["original.jpg"].code == "over_resolution"
    assert _why(result, g)["original.jpg"].code in OVERRIDDEN


def test_a_protected_copy_that_differs_only_by_date_is_no_warning(tmp_path: Path) -> None:
    img = photo(39, (480, 360))
    img.save(tmp_path / "older.jpg", quality=90)
    (tmp_path / "protected").mkdir()
    img.save(tmp_path / "protected" / "newer.jpg", quality=90, optimize=True)  # other bytes
    os.utime(tmp_path / "older.jpg", (1_500_000_000, 1_500_000_000))
    opts = ScanOptions(deep=False, workers=1, protected=(str(tmp_path / "protected"),))
    result = run_scan([tmp_path], opts)
    assert result is not None
    g = _only_group(result)
    assert _name(result, g.keep) == "newer.jpg"
    assert _why(result, g)["older.jpg"].code == "keeper_protected"


def test_jpeg_quality_and_blockiness_tell_a_resave_from_its_source(tmp_path: Path) -> None:
    img = textured(38)
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=40)
    coarse = Image.open(io.BytesIO(buf.getvalue()))
    assert fidelity.jpeg_quality(coarse) == 40
    coarse.load()
    resaved = io.BytesIO()
    coarse.convert("RGB").save(resaved, "JPEG", quality=95)
    again = Image.open(io.BytesIO(resaved.getvalue()))
    assert fidelity.jpeg_quality(again) == 95
    clean = fidelity.detail(img, native=True)
    blocky = fidelity.detail(again.convert("RGB"), native=True)
    assert blocky.blockiness > keeper.BLOCKY > clean.blockiness


def test_reports_carry_the_suggestion_and_the_reason(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    img = photo(39, (480, 360))
    img.save(lib / "good.jpg", quality=90)
    img.save(lib / "poor.jpg", quality=50)
    result = _scan(lib)
    write_json(result, tmp_path / "r.json")
    write_csv(result, tmp_path / "r.csv")
    (group,) = json.loads((tmp_path / "r.json").read_text())["groups"]
    by_name = {os.path.basename(m["path"]): m for m in group["members"]}
    assert by_name["good.jpg"]["suggestion"] == "keep" and by_name["poor.jpg"]["suggestion"] == "trash"
    assert "lower quality" in by_name["poor.jpg"]["reason"] and group["keep_reason"].startswith("kept")
    rows = list(csv.DictReader((tmp_path / "r.csv").open()))
    assert {r["suggestion"] for r in rows} == {"keep", "trash"} and all(r["reason"] for r in rows)


def test_a_look_alike_reference_is_left_to_decide(tmp_path: Path) -> None:
    from dupe_viewer.core import GroupingParams
    from tests.factories import make_result, record

    result = make_result(
        [record(0, "/x/a.jpg"), record(1, "/x/bb.jpg", size=5000)],
        [(0, 1)],
        [0.5],
        deep_similarity=[0.9],
        grouping=GroupingParams(deep_threshold=0.85),
    )
    (g,) = result.groups
    assert {suggestion(g, i, (), result.records) for i in g.indices} == {"keep", "decide"}


@pytest.mark.gui
def test_every_reason_has_words_in_the_window() -> None:
    from dupe_viewer.gui import text

    assert set(text.reason_templates()) == set(TEXTS)


def test_a_camera_sized_upscale_is_measured_at_its_own_resolution_and_loses(tmp_path: Path) -> None:
    # 3200×2400 is above NATIVE_MAX_PIXELS: the scan decodes it at a reduced scale, which hides
    # the enlargement; grouped with its 4-times-smaller source it is measured again, natively.
    img = textured(37, (1600, 1200))
    img.save(tmp_path / "source.jpg", quality=92)
    img.resize((3200, 2400), Image.Resampling.BICUBIC).save(tmp_path / "upscaled.jpg", quality=92)
    assert fidelity.NATIVE_MAX_PIXELS < 3200 * 2400
    result = _scan(tmp_path)
    g = _only_group(result)
    assert _name(result, g.keep) == "source.jpg"
    assert _why(result, g)["upscaled.jpg"].code == "upscaled"
    assert result.features["native"].all()
    # Measured once: the next scan takes the native figures from the cache.
    from dupe_viewer.core import FeatureCache

    with FeatureCache(tmp_path / "cache.db") as cache:
        run_scan([tmp_path], ScanOptions(deep=False, workers=1), cache=cache)
    with FeatureCache(tmp_path / "cache.db") as cache:
        again = run_scan([tmp_path], ScanOptions(deep=False, workers=1), cache=cache)
    assert again is not None and again.stats.decoded == 0 and again.features["native"].all()


def test_a_group_mixing_moments_keeps_the_moment_that_has_copies(tmp_path: Path) -> None:
    """A photo, a smaller copy of it, and the sharper other view of a stereo pair: the keeper
    is the photo (its copy is the duplicate to clear, pre-marked), the other view is the
    person's call. Kept by sharpness alone, the other view would win and the copy would stay
    unmarked (it is not a copy of the kept picture)."""
    from PIL import ImageFilter

    from tests.core.match.test_parallax import _rgb, _views

    left, right = _views()
    photos = tmp_path / "photos"
    photos.mkdir()
    soft = _rgb(left).filter(ImageFilter.GaussianBlur(1.2))  # the photo: softer than the other view
    soft.save(photos / "photo.png")
    soft.resize((432, 288), Image.LANCZOS).save(photos / "photo_small.jpg", quality=85)
    _rgb(right).save(photos / "other_view.png")
    result = run_scan([photos], ScanOptions(use_cache=False, deep=False, threshold=0.5))
    assert result is not None and len(result.groups) == 1
    (g,) = result.groups
    name = {m.index: Path(result.records[m.index].path).name for m in g.members}
    assert len(name) == 3
    other = next(i for i, n in name.items() if n == "other_view.png")
    # The other view is the sharper frame: without the moment rule it would be kept.
    assert result.features["sharpness"][other] > max(
        result.features["sharpness"][i] for i in name if i != other
    )
    rels = relations(g)
    shown = {name[i]: suggestion(g, i, (), result.records, rels) for i in name}
    assert shown == {"photo.png": "keep", "photo_small.jpg": "trash", "other_view.png": "decide"}
    why = reasons(result, g)
    assert why[other].code == "shot"
    assert why[g.keep].code == "keep_resolution"


def test_a_scan_of_empty_folders_has_evidence_of_nothing(tmp_path: Path) -> None:
    """The window asks for the evidence of every finished scan: folders without a picture gave
    an empty feature table that could not be reshaped, and the window said "The scan failed"."""
    from dupe_viewer.core.group.regroup import evidence

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    result = run_scan([tmp_path / "a", tmp_path / "b"], ScanOptions(use_cache=False, deep=False))
    assert result is not None and result.records == [] and result.groups == []
    ev = evidence(result)
    assert len(ev.pixels) == 0 and (ev.has_thumb is None or len(ev.has_thumb) == 0)


def test_of_byte_identical_copies_the_oldest_is_kept_whichever_was_matched(tmp_path: Path) -> None:
    """A photo in two folders and a smaller copy: only one of the two identical files is matched
    against the copy (the other shares its features), which must not make it "closer to the
    others": the tie between identical files goes to the oldest."""
    photos = tmp_path / "photos"
    for folder in ("a_backup", "phone"):
        (photos / folder).mkdir(parents=True)
    im = photo(21, (480, 320))
    im.save(photos / "phone" / "img.jpg", quality=90)
    (photos / "a_backup" / "img.jpg").write_bytes((photos / "phone" / "img.jpg").read_bytes())
    im.resize((240, 160)).save(photos / "a_backup" / "small.jpg", quality=70)
    os.utime(photos / "phone" / "img.jpg", (1_500_000_000, 1_500_000_000))  # the oldest
    os.utime(photos / "a_backup" / "img.jpg", (1_600_000_000, 1_600_000_000))
    for older_second in (False, True):
        if older_second:  # the other way round: whichever file is matched, the oldest wins
            os.utime(photos / "phone" / "img.jpg", (1_700_000_000, 1_700_000_000))
        result = run_scan([photos], ScanOptions(use_cache=False, deep=False))
        assert result is not None and len(result.groups) == 1
        (g,) = result.groups
        kept = os.path.relpath(result.records[g.keep].path, photos)
        assert kept == (
            os.path.join("a_backup", "img.jpg") if older_second else os.path.join("phone", "img.jpg")
        )
        assert reasons(result, g)[g.keep].code == "keep_identical"
