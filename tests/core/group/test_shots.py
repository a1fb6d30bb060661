"""Similar shots: two exposures are never copies, the sharpest frame is suggested, and the
evidence that tells them apart (capture times, sharpness) plus the combined hash+deep link."""

from __future__ import annotations

import io
import os
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageFilter

from dupe_viewer.core import GroupingParams, ScanOptions, run_scan
from dupe_viewer.core.deep import verify
from dupe_viewer.core.features import decoding
from dupe_viewer.core.group import keeper
from dupe_viewer.core.group.moments import Moments
from dupe_viewer.core.group.reasons import suggestion
from dupe_viewer.core.group.regroup import reasons, regroup
from tests.factories import make_result, record
from tests.library import photo


def _exif(taken: str, subsec: str | None = None, model: str = "EOS 80D") -> bytes:
    exif = Image.Exif()
    exif[0x010F], exif[0x0110] = "Canon", model
    ifd = exif.get_ifd(0x8769)
    ifd[0x9003] = taken
    if subsec is not None:
        ifd[0x9291] = subsec
    return exif.tobytes()


def _timed(n: int, taken: str | None, camera: str | None = "Canon EOS 80D"):
    r = record(n)
    r.taken, r.camera = taken, camera
    return r


def test_capture_times_tell_two_exposures_from_two_copies() -> None:
    recs = [
        _timed(0, "2024:05:01 10:00:00.12"),
        _timed(1, "2024:05:01 10:00:00.45"),  # a burst: same second, another sub-second
        _timed(2, "2024:05:01 10:00:00"),  # a copy whose converter dropped the sub-second
        _timed(3, "2024:05:01 11:00:00.12"),  # the first moved to another time zone
        _timed(4, "2024:05:01 10:00:07", camera="Apple iPhone 12"),  # another camera
        _timed(5, None),  # stripped by a messenger
        _timed(6, "2024:05:01 10:00:13"),
    ]
    pairs = np.array([(0, 1), (0, 2), (0, 3), (0, 4), (0, 5), (2, 6)])
    assert Moments(recs).other_moment(pairs).tolist() == [True, False, False, False, False, True]


def test_the_sub_second_of_the_capture_time_is_read(tmp_path: Path) -> None:
    path = tmp_path / "frame.jpg"
    photo(1).save(path, quality=90, exif=_exif("2024:05:01 10:00:00", "45"))
    assert decoding.decode(str(path)).taken == "2024:05:01 10:00:00.45"
    photo(1).save(path, quality=90, exif=_exif("2024:05:01 10:00:00"))
    assert decoding.decode(str(path)).taken == "2024:05:01 10:00:00"


def _burst(tmp_path: Path) -> None:
    """Three frames of one scene a moment apart (the second is the sharp one) and a copy."""
    scene = photo(7, (520, 390))
    for k, name in enumerate(("a.jpg", "b.jpg", "c.jpg")):
        frame = scene.crop((4 * k, 2 * k, 480 + 4 * k, 360 + 2 * k))
        if k != 1:
            frame = frame.filter(ImageFilter.GaussianBlur(1.6))
        frame.save(tmp_path / name, quality=90, exif=_exif("2024:05:01 10:00:00", f"{10 + 20 * k}"))


def test_a_burst_is_a_group_of_similar_shots_none_marked_the_sharpest_kept(tmp_path: Path) -> None:
    _burst(tmp_path)
    result = run_scan([tmp_path], ScanOptions(deep=False, workers=1, use_cache=False))
    assert result is not None and len(result.groups) == 1
    g = result.groups[0]
    names = {m.index: os.path.basename(result.records[m.index].path) for m in g.members}
    assert len(names) == 3
    assert g.kind == "shot"
    assert names[g.keep] == "b.jpg"
    why = reasons(result, g)
    assert why[g.keep].code == "keep_sharpest"
    for m in g.members:
        if m.index != g.keep:
            assert suggestion(g, m.index, (), result.records) == "decide"
            assert why[m.index].code == "shot"


def test_a_copy_of_a_burst_frame_is_still_a_copy(tmp_path: Path) -> None:
    _burst(tmp_path)
    data = (tmp_path / "b.jpg").read_bytes()
    (tmp_path / "b copy.jpg").write_bytes(data)
    Image.open(io.BytesIO(data)).save(tmp_path / "b small.jpg", quality=80)  # EXIF stripped
    result = run_scan([tmp_path], ScanOptions(deep=False, workers=1, use_cache=False))
    assert result is not None
    (g,) = result.groups
    by_name = {os.path.basename(result.records[m.index].path): m.index for m in g.members}
    assert result.records[g.keep].path.endswith(("b.jpg", "b copy.jpg"))
    marked = {n for n, i in by_name.items() if suggestion(g, i, (), result.records) == "trash"}
    assert marked == {"b.jpg", "b copy.jpg", "b small.jpg"} - {os.path.basename(result.records[g.keep].path)}


def test_an_upscale_is_told_by_its_sharpness_when_its_top_band_says_little() -> None:
    recs = [record(0, width=1000, height=800), record(1, width=1500, height=1200)]
    feats = np.zeros(2, keeper_features_dtype())
    feats["content"], feats["native"] = 1.0, 1
    feats["top"] = [-2.0, -2.4]  # not far enough below to call it an enlargement
    # Enlarging by 1.5 lowers Laplacian energy per pixel by 1.5² and more: 0.2 / 2.25 would be a
    # larger original's at worst; 0.03 is an upscale's.
    for bigger, upscaled in ((0.03, True), (0.2, False)):
        feats["sharpness"] = [0.2, bigger]
        ev = keeper.Evidence.of(recs, feats)
        real = keeper.real_resolution(ev, keeper.Members.of([[0, 1]]))
        assert bool(real[1] == real[0]) is upscaled


def keeper_features_dtype():
    from dupe_viewer.core.features.perceptual import FEATURE_DTYPE

    return FEATURE_DTYPE


def test_two_views_a_little_under_their_thresholds_together_link_an_edited_copy() -> None:
    recs = [record(n) for n in range(3)]
    params = GroupingParams(threshold=0.65, deep_threshold=0.85)
    result = make_result(recs, [(0, 1), (0, 2)], [0.60, 0.50], deep_similarity=[0.79, 0.84], grouping=params)
    (g,) = result.groups
    assert sorted(m.kind for m in g.members) == ["edited", "reference"]
    assert 2 not in g.indices
    stricter = regroup(result, replace(params, threshold=0.70))
    assert stricter == []


def test_a_window_of_other_colours_is_not_a_crop() -> None:
    colour = np.full((2, 4, 4, 3), 128, np.uint8)
    colour[0, :2, :2] = (120, 90, 170)  # the window: reddish
    pairs = np.array([[0, 1], [0, 1]])
    boxes = np.array([[0, 0, 0.5, 0.5]] * 2, np.float32)
    container = np.zeros(2, np.int8)
    chroma = np.array([20.0, 20.0])
    colour[1] = (120, 90, 170)
    assert not verify.colour_mismatch(colour, chroma, pairs, boxes, container).any()
    colour[1] = (120, 160, 100)  # the crop: greenish
    assert verify.colour_mismatch(colour, chroma, pairs, boxes, container).all()
    chroma[1] = 1.0  # a grayscale crop says nothing about colour
    assert not verify.colour_mismatch(colour, chroma, pairs, boxes, container).any()


def test_of_two_sharp_frames_the_better_exposed_one_is_suggested(tmp_path: Path) -> None:
    from PIL import ImageEnhance

    scene = photo(9, (520, 390))
    for k, name in enumerate(("a.jpg", "b.jpg")):
        frame = scene.crop((4 * k, 2 * k, 480 + 4 * k, 360 + 2 * k))
        if k == 0:
            frame = ImageEnhance.Brightness(frame).enhance(1.5)  # burnt out
        frame.save(tmp_path / name, quality=90, exif=_exif("2024:05:01 10:00:00", f"{10 + 20 * k}"))
    result = run_scan([tmp_path], ScanOptions(deep=False, workers=1, use_cache=False))
    assert result is not None and len(result.groups) == 1
    g = result.groups[0]
    assert g.kind == "shot"
    assert result.features["clipped"][g.keep] < max(result.features["clipped"])
    assert os.path.basename(result.records[g.keep].path) == "b.jpg"
    assert reasons(result, g)[g.keep].code == "keep_sharpest"


def test_when_another_moment_is_kept_the_references_copies_are_not_pre_marked() -> None:
    """A group of one photo, its copies and another shot of the scene (the other view of a
    stereo pair): when the other shot is kept, the photo and its copies are not copies of the
    kept picture, so none is pre-marked for the trash."""
    from dupe_viewer.core.group.reasons import relations
    from dupe_viewer.core.result import REFERENCE, DupGroup, Member

    records = [record(n) for n in range(4)]
    members = [
        Member(0, 1.0, REFERENCE),
        Member(1, 0.99, "edited"),
        Member(2, 0.95, "exact"),
        Member(3, 0.68, "shot"),
    ]
    other_kept = DupGroup(id=1, kind="shot", keep=3, reference=0, members=members)
    assert relations(other_kept) == {0: "shot", 1: "shot", 2: "shot", 3: "shot"}
    assert [suggestion(other_kept, i, (), records) for i in range(4)] == [
        "decide",
        "decide",
        "decide",
        "keep",
    ]
    # Kept within the reference's moment, its copies go and the other shot is the person's call.
    own_kept = DupGroup(id=1, kind="shot", keep=1, reference=0, members=members)
    assert [suggestion(own_kept, i, (), records) for i in range(4)] == ["trash", "keep", "trash", "decide"]
