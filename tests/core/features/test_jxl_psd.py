"""Tests for JPEG XL (pillow-jxl-plugin) and Photoshop PSD decoding, and the JPEG XL header check
that refuses a declared-huge file before the plugin decodes it (dupe_viewer.core.features.headers)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import imagehash
import numpy as np
import pytest
from PIL import Image

from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding, headers
from tests import camera_files
from tests.benchmarks import hostile
from tests.library import photo

PICTURE = photo(21, (640, 480))


def _jxl(im: Image.Image, **save: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "JXL", **save)
    return buf.getvalue()


def _one_line_error(path: Path) -> str:
    with pytest.raises(DecodeError) as info:
        decoding.decode(path)
    text = str(info.value)
    assert text and "\n" not in text and len(text) <= 200, text
    return text


# -- JPEG XL ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "save", [{"quality": 85}, {"lossless": True}, {"quality": 85, "use_container": True}]
)
def test_jxl_round_trip(tmp_path: Path, save: dict[str, object]) -> None:
    path = tmp_path / "photo.jxl"
    path.write_bytes(_jxl(PICTURE, **save))
    dec = decoding.decode(path)
    assert dec.format == "JXL"
    assert (dec.width, dec.height) == PICTURE.size
    assert imagehash.phash(dec.image) - imagehash.phash(PICTURE.resize(dec.image.size)) <= 2


@pytest.mark.parametrize(
    "size", [(8, 8), (64, 48), (1001, 7), (513, 300), (7, 1001), (160, 90), (1200, 1000)]
)
def test_jxl_header_size_matches_the_decoder(size: tuple[int, int]) -> None:
    for save in ({}, {"use_container": True}):
        fh = io.BytesIO(_jxl(Image.new("RGB", size, (90, 120, 30)), **save))
        assert headers.jxl_size(fh) == size
        assert fh.tell() == 0


def test_jxl_declaring_a_huge_picture_is_refused_before_the_plugin(tmp_path: Path) -> None:
    assert headers.jxl_size(io.BytesIO(hostile.jxl_declaring(100_000, 100_000))) == (100_000, 100_000)
    path = tmp_path / "huge.jxl"
    path.write_bytes(hostile.jxl_declaring(100_000, 100_000))
    assert "decompression bomb" in _one_line_error(path)
    # Under the pixel limit, over the memory budget: refused as well, before decoding.
    path.write_bytes(hostile.jxl_declaring(16_000, 16_000))
    assert "too large to decode safely" in _one_line_error(path)
    with pytest.raises(DecodeError):
        decoding.display_image(path)


def test_damaged_jxl_files_are_one_line_errors(tmp_path: Path) -> None:
    good = _jxl(PICTURE, quality=80)
    cases = {
        "truncated.jxl": good[: len(good) // 3],
        "header_only.jxl": good[:3],
        "container_without_codestream.jxl": headers.JXL_CONTAINER
        + struct.pack(">I4s", 20, b"ftyp")
        + b"jxl " * 3,
        "flipped.jxl": good[:40] + bytes(b ^ 0x5A for b in good[40:200]) + good[200:],
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        try:
            decoding.decode(path)
        except DecodeError as exc:
            assert "\n" not in str(exc)
        else:  # a mutation may still decode; it must not escape as anything but a DecodeError
            assert name == "flipped.jxl"
    assert _one_line_error(tmp_path / "truncated.jxl")
    assert _one_line_error(tmp_path / "container_without_codestream.jxl")


# -- PSD ---------------------------------------------------------------------------------------
def test_psd_merged_image_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "layered.psd"
    path.write_bytes(camera_files.psd(PICTURE))
    dec = decoding.decode(path, size=640)
    assert dec.format == "PSD"
    assert (dec.width, dec.height) == PICTURE.size
    assert np.array_equal(np.asarray(dec.image), np.asarray(PICTURE))


def test_hostile_psd_files_are_one_line_errors(tmp_path: Path) -> None:
    good = camera_files.psd(PICTURE.resize((64, 48)))
    cases = {
        "huge.psd": hostile.psd_declaring(30_000, 30_000),
        "truncated.psd": good[: len(good) // 2],
        "header.psd": good[:20],
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        text = _one_line_error(path)
        if name == "huge.psd":
            assert "decompression bomb" in text


def test_workers_decode_jpeg_xl_on_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    from pillow_jxl import JpegXLImagePlugin

    monkeypatch.setattr(JpegXLImagePlugin, "DECODE_THREADS", -1)
    decoding.single_threaded()
    assert JpegXLImagePlugin.DECODE_THREADS == 1
