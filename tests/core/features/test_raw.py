"""Tests for camera RAW decoding (dupe_viewer.core.features.raw through decoding.decode): the
embedded preview when it is large enough, else a half-size demosaic; orientation, capture time and
camera from the RAW; a RAW and its camera JPEG hash alike and group; a bad RAW is one error line.

The DNGs are built byte by byte (tests/camera_files.py) and LibRaw reads them like a camera's."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import imagehash
import numpy as np
import pytest
from PIL import Image

from dupe_viewer.core import Rule, ScanOptions, ScanResult, run_scan
from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding, raw
from dupe_viewer.core.files import formats
from dupe_viewer.core.group.regroup import reasons, regrouped
from dupe_viewer.core.options import DEFAULT_RULES
from tests import camera_files
from tests.benchmarks import hostile
from tests.library import photo

pytest.importorskip("rawpy")

PICTURE = photo(11, (1536, 1024))


def _phash_distance(a: Image.Image, b: Image.Image) -> int:
    return int(imagehash.phash(a) - imagehash.phash(b.resize(a.size)))


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _read(path: Path, size: int = 384) -> raw.RawPicture:
    with open(path, "rb") as fh:
        return raw.read(fh, size, 300_000_000)


def test_large_preview_is_decoded_with_the_raws_facts(tmp_path: Path) -> None:
    preview = camera_files.jpeg(PICTURE.resize((1200, 800)), 85)
    path = _write(tmp_path, "IMG_0001.DNG", camera_files.dng(PICTURE, preview))
    assert _read(path).from_preview
    dec = decoding.decode(path)
    assert (dec.width, dec.height) == (1536, 1024)  # the sensor's size, not the preview's
    assert dec.format == "DNG" and formats.is_raw_format(dec.format)
    assert dec.taken == "2021:05:06 07:08:09"
    assert dec.camera == "Testcam R1"
    assert dec.quality is None  # its preview is a JPEG; the RAW is not
    assert dec.detail.native is False
    assert max(dec.image.size) == 384
    assert _phash_distance(dec.image, PICTURE) <= 4


TURNS = [(6, Image.Transpose.ROTATE_270), (8, Image.Transpose.ROTATE_90), (3, Image.Transpose.ROTATE_180)]


@pytest.mark.parametrize("orientation, turn", TURNS)
def test_orientation_comes_from_the_raw(tmp_path: Path, orientation: int, turn: Image.Transpose) -> None:
    preview = camera_files.jpeg(PICTURE.resize((1200, 800)))
    path = _write(tmp_path, "turned.nef.dng", camera_files.dng(PICTURE, preview, orientation=orientation))
    dec = decoding.decode(path)
    upright = PICTURE.transpose(turn)
    assert (dec.width, dec.height) == upright.size
    assert _phash_distance(dec.image, upright) <= 4
    assert _phash_distance(dec.image, PICTURE) > 10 or orientation == 3


def test_small_preview_is_not_used_the_raw_is_demosaiced(tmp_path: Path) -> None:
    thumb = camera_files.jpeg(PICTURE.resize((240, 160)))
    path = _write(tmp_path, "small_preview.dng", camera_files.dng(PICTURE, thumb, orientation=6))
    pic = _read(path)
    assert not pic.from_preview
    assert pic.image.size == (768, 512)  # half size, sensor orientation
    dec = decoding.decode(path)
    assert (dec.width, dec.height) == (1024, 1536)
    assert _phash_distance(dec.image, PICTURE.transpose(Image.Transpose.ROTATE_270)) <= 6
    assert dec.camera == "Testcam R1" and dec.taken == "2021:05:06 07:08:09"


def test_raw_without_preview_is_demosaiced(tmp_path: Path) -> None:
    path = _write(tmp_path, "bare.dng", camera_files.dng(PICTURE, None, taken=None))
    assert not _read(path).from_preview
    dec = decoding.decode(path)
    assert _phash_distance(dec.image, PICTURE) <= 6
    assert dec.taken is None


def test_preview_of_another_shape_is_not_used(tmp_path: Path) -> None:
    letterboxed = Image.new("RGB", (1200, 1200))
    letterboxed.paste(PICTURE.resize((1200, 800)), (0, 200))
    path = _write(tmp_path, "boxed.dng", camera_files.dng(PICTURE, camera_files.jpeg(letterboxed)))
    assert not _read(path).from_preview


def test_full_size_view_uses_a_preview_only_when_it_is_big_enough(tmp_path: Path) -> None:
    wide = PICTURE.resize((2400, 1600))
    small = _write(tmp_path, "a.dng", camera_files.dng(wide, camera_files.jpeg(PICTURE.resize((1100, 733)))))
    # For the scan, 1100 px stand for the photo; for a full-size view, half the sensor (1200) is more.
    assert _read(small, size=384).from_preview
    assert not _read(small, size=1 << 30).from_preview
    assert decoding.display_image(small).size == (1200, 800)
    medium = _write(
        tmp_path, "m.dng", camera_files.dng(PICTURE, camera_files.jpeg(PICTURE.resize((1050, 700))))
    )
    assert _read(medium, size=1 << 30).from_preview  # larger than half the sensor (768)
    big = _write(tmp_path, "b.dng", camera_files.dng(PICTURE, camera_files.jpeg(PICTURE)))
    assert _read(big, size=1 << 30).from_preview
    assert decoding.display_image(big).size == (1536, 1024)
    assert decoding.display_image(big, 200).size in ((200, 133), (200, 134))


def test_raw_and_its_camera_jpeg_decode_alike_and_group(tmp_path: Path) -> None:
    """A RAW+JPEG shot: the camera writes its JPEG and, from the same rendering, the RAW's preview
    (smaller, more compressed). The two decode to matching features and form one group."""
    shot = tmp_path / "shot"
    shot.mkdir()
    camera_jpeg = camera_files.jpeg(PICTURE, 95)
    preview = camera_files.jpeg(PICTURE.resize((1152, 768)), 80)
    _write(shot, "DSC_0042.JPG", camera_jpeg)
    _write(shot, "DSC_0042.DNG", camera_files.dng(PICTURE, preview))
    _write(shot, "other.jpg", camera_files.jpeg(photo(12, (1536, 1024))))
    a, b = decoding.decode(shot / "DSC_0042.JPG"), decoding.decode(shot / "DSC_0042.DNG")
    assert (a.width, a.height) == (b.width, b.height)
    assert _phash_distance(a.image, b.image) <= 2
    result = run_scan([shot], ScanOptions(use_cache=False))
    assert result is not None and result.errors == []
    by_name = {Path(r.path).name: r for r in result.records}
    assert by_name["DSC_0042.DNG"].format == "DNG" and formats.is_raw(by_name["DSC_0042.DNG"])
    assert by_name["DSC_0042.DNG"].camera == "Testcam R1"
    groups = [{Path(result.records[i].path).name for i in g.indices} for g in result.groups]
    assert groups == [{"DSC_0042.JPG", "DSC_0042.DNG"}]
    assert result.groups[0].kind == "near"
    # The default keeper keeps the RAW, and the JPEG says what it is.
    g = result.groups[0]
    assert Path(result.records[g.keep].path).name == "DSC_0042.DNG"
    why = reasons(result, g)
    assert why[g.keep].text == "kept: the camera RAW (DNG)"
    jpeg = next(i for i in g.indices if i != g.keep)
    assert why[jpeg].text == "same shot, RAW + JPEG: the kept file is the camera RAW"


def test_the_keeper_of_a_raw_and_jpeg_shot_follows_the_keep_rules(tmp_path: Path) -> None:
    """The RAW is kept by default only: a person who keeps JPEGs says so with the rules
    ``["format:jpeg", "original"]`` (settings, report, ``--keep``), given to a scan or to a
    regroup of a finished one (what the window does when the rules change: no file is read)."""
    preview = camera_files.jpeg(PICTURE.resize((1152, 768)), 80)
    _write(tmp_path, "IMG_0007.JPG", camera_files.jpeg(PICTURE, 95))
    _write(tmp_path, "IMG_0007.DNG", camera_files.dng(PICTURE, preview))
    jpeg_first = tuple(Rule.parse(text) for text in ["format:jpeg", "original"])

    def kept(result: ScanResult) -> str:
        assert len(result.groups) == 1 and len(result.groups[0].indices) == 2
        return Path(result.records[result.groups[0].keep].path).name

    default = run_scan([tmp_path], ScanOptions(use_cache=False))
    assert default is not None and default.grouping.keep_rules == DEFAULT_RULES
    assert kept(default) == "IMG_0007.DNG"
    chosen = run_scan([tmp_path], ScanOptions(use_cache=False, keep_rules=jpeg_first))
    assert chosen is not None and kept(chosen) == "IMG_0007.JPG"
    assert kept(regrouped(default, replace(default.grouping, keep_rules=jpeg_first))) == "IMG_0007.JPG"
    assert kept(regrouped(chosen, replace(chosen.grouping, keep_rules=DEFAULT_RULES))) == "IMG_0007.DNG"


# -- bad RAW files: one line each ----------------------------------------------------------------
def _one_line_error(path: Path) -> str:
    with pytest.raises(DecodeError) as info:
        decoding.decode(path)
    text = str(info.value)
    assert text and "\n" not in text and len(text) <= 200, text
    return text


def test_corrupt_raws_are_one_line_errors(tmp_path: Path) -> None:
    good = camera_files.dng(PICTURE.resize((256, 170)), None)
    rng = np.random.default_rng(5)
    assert "not a camera RAW" in _one_line_error(_write(tmp_path, "noise.nef", rng.bytes(5000)))
    assert _one_line_error(_write(tmp_path, "text.cr2", b"not a raw file\n" * 50))
    assert _one_line_error(_write(tmp_path, "empty.arw", b""))
    assert _one_line_error(_write(tmp_path, "head_only.dng", good[:200]))
    # A JPEG named .cr3 is not decoded by guesswork as a JPEG: LibRaw says what it is not.
    assert _one_line_error(_write(tmp_path, "renamed.cr3", camera_files.jpeg(PICTURE)))


def test_raw_declaring_a_huge_sensor_is_refused(tmp_path: Path) -> None:
    text = _one_line_error(_write(tmp_path, "huge.dng", hostile.dng_declaring(60_000, 60_000)))
    assert "refused" in text or "too large" in text or "corrupt" in text, text


def test_truncated_raw_data_is_an_error_or_a_picture_never_a_crash(tmp_path: Path) -> None:
    good = camera_files.dng(PICTURE.resize((256, 170)), None)
    path = _write(tmp_path, "cut.dng", good[: len(good) // 2])
    try:
        dec = decoding.decode(path)
    except DecodeError as exc:
        assert "\n" not in str(exc)
    else:
        assert dec.format == "DNG"


# -- metadata of RAW containers LibRaw reads but these DNGs are not ------------------------------
def _tiff_with_camera() -> bytes:
    return camera_files.dng(PICTURE.resize((32, 24)), None, make="OM Digital Solutions", model="OM-1")


def test_metadata_of_olympus_and_panasonic_headers() -> None:
    tiff = _tiff_with_camera()
    for magic in (b"IIRO", b"IIU\x00"):
        taken, camera = raw._metadata(magic + tiff[4:], None)
        assert (taken, camera) == ("2021:05:06 07:08:09", "OM Digital Solutions OM-1")


def test_metadata_of_cr3_cmt_boxes() -> None:
    tiff = _tiff_with_camera()
    box = (8 + len(tiff)).to_bytes(4, "big") + b"CMT1" + tiff
    head = b"\x00\x00\x00\x18ftypcrx " + b"\x00" * 12 + box
    assert raw._metadata(head, None)[1] == "OM Digital Solutions OM-1"


def test_metadata_from_the_preview_when_the_raw_has_none() -> None:
    exif = Image.Exif()
    exif[271], exif[272], exif[306] = "FUJIFILM", "X-T5", "2024:01:02 03:04:05"
    buf = io.BytesIO()
    PICTURE.save(buf, "JPEG", exif=exif)
    with Image.open(io.BytesIO(buf.getvalue())) as preview:
        assert raw._metadata(b"FUJIFILMCCD-RAW 0201", preview) == ("2024:01:02 03:04:05", "FUJIFILM X-T5")
