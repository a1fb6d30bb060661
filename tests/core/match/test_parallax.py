"""Same-size pairs whose content moved are another moment, not a copy (core/match/parallax.py):
a stereo-like pair (near things shift more than far ones) is a similar shot, never pre-marked;
re-encodes, tonal edits, pasted objects and a shift of the whole picture are not."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageEnhance, ImageFilter

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.match import parallax

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "photos" / "skimage"


def _texture(h: int, w: int, seed: int, cell: int = 6) -> np.ndarray:
    rng = np.random.default_rng(seed)
    small = rng.uniform(0, 255, (h // cell + 2, w // cell + 2))
    big = np.kron(small, np.ones((cell, cell)))[:h, :w]
    return big + rng.normal(0, 4, (h, w))


def _views(h: int = 360, w: int = 540) -> tuple[np.ndarray, np.ndarray]:
    """Two eyes' views of a far wall and a near box: the box shifts 12 px, the wall 2 px."""
    wall, box = _texture(h, w + 40, 1), _texture(h, w + 40, 2)
    near = np.zeros((h, w + 40), bool)
    near[60:300, 150:420] = True

    def view(far_shift: int, near_shift: int) -> np.ndarray:
        out = wall[:, far_shift : far_shift + w].copy()
        m = near[:, near_shift : near_shift + w]
        out[m] = box[:, near_shift : near_shift + w][m]
        return np.clip(out, 0, 255).astype(np.uint8)

    return view(0, 0), view(2, 12)


def _rgb(lum: np.ndarray) -> Image.Image:
    return Image.fromarray(np.stack([lum, (lum * 0.8).astype(np.uint8), (255 - lum) // 2], -1))


def test_moved_content_is_told_from_edits(tmp_path: Path) -> None:
    left, right = _views()
    stereo = parallax.moved(left.astype(np.float32), right.astype(np.float32))
    assert stereo.blocks >= parallax.MIN_BLOCKS and stereo.moved >= parallax.MOVED_SHARE
    assert stereo.off_affine >= parallax.OFF_SHARE and stereo.another_moment
    base = left.astype(np.float32)
    brighter = np.clip(base * 1.2 + 10, 0, 255)
    pasted = base.copy()
    pasted[20:80, 20:90] = _texture(60, 70, 9)  # a foreign object over ~3 % of the picture
    noisy = np.clip(base + np.random.default_rng(3).normal(0, 6, base.shape), 0, 255)
    blurred = np.asarray(Image.fromarray(left).filter(ImageFilter.GaussianBlur(1.5)), np.float32)
    for name, copy in {"brighter": brighter, "pasted": pasted, "noisy": noisy, "blurred": blurred}.items():
        motion = parallax.moved(base, copy.astype(np.float32))
        assert not motion.another_moment, (name, motion)
        assert motion.whole == 0.0, (name, motion)


def test_a_picture_moved_as_a_whole_is_another_framing() -> None:
    """The camera moved between two frames of one size (a burst without EXIF): every block
    shifts by one amount, which no copy of one size does."""
    wall = _texture(400, 600, 4)
    frame = wall[20:380, 20:560]
    for dx, dy in ((6, 0), (0, -5), (4, 3)):
        other = wall[20 + dy : 380 + dy, 20 + dx : 560 + dx]
        motion = parallax.moved(frame.astype(np.float32), other.astype(np.float32))
        assert motion.another_moment and motion.whole >= parallax.WHOLE_PX, (dx, dy, motion)
        assert motion.moved >= 0.5 and motion.off_affine < parallax.OFF_SHARE  # one motion


def test_a_burst_without_exif_is_similar_shots_none_pre_marked(tmp_path: Path) -> None:
    """Frames a moment apart (the camera shifted, the subject moved, all but one blurred by
    shake), saved without EXIF as a messenger or an export leaves them: one group of similar
    shots, the sharp frame suggested, no frame pre-marked for the trash."""
    from dupe_viewer.core.group.reasons import relations, suggestion

    scene = _texture(460, 680, 5, cell=10)
    subject = _texture(90, 110, 6, cell=5)
    photos = tmp_path / "burst"
    photos.mkdir()
    sharp = 2
    for k in range(4):
        canvas = scene.copy()
        canvas[150 : 150 + 90, 100 + 40 * k : 210 + 40 * k] = subject
        ox, oy = 30 + (7, -5, 3, -8)[k], 30 + (-4, 6, 0, 5)[k]
        im = _rgb(np.clip(canvas[oy : oy + 400, ox : ox + 600], 0, 255).astype(np.uint8))
        if k != sharp:
            im = im.filter(ImageFilter.GaussianBlur(1.5))
        im.save(photos / f"frame{k}.jpg", quality=90)
    result = run_scan([photos], ScanOptions(use_cache=False, deep=False, threshold=0.5))
    assert result is not None and len(result.groups) == 1
    (g,) = result.groups
    assert len(g.members) == 4 and g.kind == "shot"
    assert Path(result.records[g.keep].path).name == f"frame{sharp}.jpg"
    rels = relations(g)
    assert [suggestion(g, m.index, (), result.records, rels) for m in g.members].count("trash") == 0


def test_a_stereo_pair_is_a_similar_shot_and_an_edit_stays_pre_marked(tmp_path: Path) -> None:
    left, right = _views()
    photos = tmp_path / "photos"
    photos.mkdir()
    _rgb(left).save(photos / "left.png")
    _rgb(right).save(photos / "right.png")
    edit = ImageEnhance.Brightness(_rgb(left)).enhance(1.15)
    edit.save(photos / "left_edit.jpg", quality=80)
    opts = ScanOptions(use_cache=False, deep=False, threshold=0.5)
    result = run_scan([photos], opts)
    assert result is not None
    kind_of = {
        (Path(result.records[g.reference].path).name, Path(result.records[m.index].path).name): m.kind
        for g in result.groups
        for m in g.members
        if m.index != g.reference
    }
    stereo = [k for (a, b), k in kind_of.items() if {a, b} & {"right.png"}]
    assert stereo and all(k == "shot" for k in stereo), kind_of
    edits = [k for (a, b), k in kind_of.items() if {a, b} == {"left.png", "left_edit.jpg"}]
    assert edits and edits[0] != "shot", kind_of


@pytest.mark.skipif(not (SHARED / "motorcycle_left.png").exists(), reason="needs ../shared/photos")
def test_the_real_stereo_pair_is_a_similar_shot(tmp_path: Path) -> None:
    for name in ("motorcycle_left.png", "motorcycle_right.png"):
        (tmp_path / name).write_bytes((SHARED / name).read_bytes())
    result = run_scan([tmp_path], ScanOptions(use_cache=False, deep=False))
    assert result is not None and len(result.groups) == 1
    (g,) = result.groups
    assert [m.kind for m in g.members if m.index != g.reference] == ["shot"]


def test_a_copy_shows_the_moment_of_its_original() -> None:
    """File 1 is another moment than file 0 (same size, measured); file 2 is a faithful copy of
    1 at another size (a downscale): 0 and 2 are two moments too, wherever the group meets them."""
    pairs = np.array([[0, 1], [1, 2], [0, 2], [3, 4], [2, 5]])
    similarity = np.array([0.68, 0.97, 0.69, 0.70, 0.8], np.float32)
    measured = np.array([True, False, False, False, False])
    carried = parallax.through_copies(pairs, similarity, measured)
    assert carried.tolist() == [True, False, True, False, False]
    assert parallax.through_copies(pairs, similarity, np.zeros(5, bool)).tolist() == [False] * 5


def test_a_pair_of_two_moments_stays_a_shot_whichever_score_links_it() -> None:
    from dupe_viewer.core.group.regroup import edges
    from dupe_viewer.core.options import GroupingParams
    from dupe_viewer.core.result import PairTable

    table = PairTable(
        ij=np.array([[0, 1], [0, 2]]),
        similarity=np.array([0.60, 0.60], np.float32),
        kinds=np.array(["shot", "edited"]),
        deep_similarity=np.array([0.95, 0.95], np.float32),
        crop_box=np.full((2, 4), np.nan, np.float32),
        crop_container=np.array([0, 0], np.int8),
    )
    _, _, kinds = edges(table, GroupingParams(0.65, 0.85), 3)
    assert kinds.tolist() == ["shot", "edited"]  # deep links both; the measured moment stays one
