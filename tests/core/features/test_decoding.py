"""Tests for dupe_viewer.core.features.decoding, and the orientation-aware features computed from
its output."""

from __future__ import annotations

import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps, JpegImagePlugin

from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding
from dupe_viewer.core.features import perceptual as features
from dupe_viewer.core.features.decoding import WORK_SIZE, Decoded, decode
from dupe_viewer.core.features.orientation import SWAPS_AXES, transpose_array, transpose_image
from tests.library import photo

MakePhoto = Callable[..., Image.Image]
WriteImage = Callable[..., Path]


def hamming(a: int | np.integer, b: int | np.integer) -> int:
    return bin(int(a) ^ int(b)).count("1")


def mean_diff(a: Image.Image, b: Image.Image) -> float:
    assert a.size == b.size, (a.size, b.size)
    return float(
        np.abs(np.asarray(a.convert("RGB"), np.float32) - np.asarray(b.convert("RGB"), np.float32)).mean()
    )


def png_bomb(path: Path, width: int, height: int) -> Path:
    """A valid 1-bit PNG of ``width``×``height`` black pixels: tiny on disk, huge once decoded.

    Built by hand, row batch by row batch, so the test never holds the decoded image in memory.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    rows = (b"\x00" * (1 + (width + 7) // 8)) * 1000  # filter byte + packed bits, per row
    body = b"".join(packer.compress(rows) for _ in range(height // 1000)) + packer.flush()
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # bit depth 1, grayscale
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


def decode_error(path: Path, **kwargs: object) -> str:
    with pytest.raises(DecodeError) as info:
        decode(path, **kwargs)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


# -- JPEG draft and EXIF orientation ---------------------------------------------------------------
@pytest.fixture(scope="module")
def big_photo() -> Image.Image:
    """A 12-megapixel photo, made once (upscaled: generating it at full size is slow)."""
    return photo(1, (800, 600)).resize((4000, 3000), Image.Resampling.BICUBIC)


def test_large_jpeg_is_decoded_small_with_full_size_reported(
    big_photo: Image.Image, write_image: WriteImage
) -> None:
    src = big_photo
    path = write_image("big.jpg", src, quality=85)
    dec = decode(path)
    assert isinstance(dec, Decoded)
    assert (dec.width, dec.height) == (4000, 3000)
    assert dec.format == "JPEG"
    assert dec.image.mode == "RGB"
    assert max(dec.image.size) <= WORK_SIZE
    assert max(dec.image.size) >= WORK_SIZE - 1  # not needlessly smaller either
    assert dec.image.size[0] / dec.image.size[1] == pytest.approx(4 / 3, abs=0.01)
    # Same picture as a straightforward full decode scaled down.
    assert mean_diff(dec.image, src.resize(dec.image.size, Image.Resampling.BOX)) < 4


def test_draft_is_used_for_jpeg(
    big_photo: Image.Image, write_image: WriteImage, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_image("big.jpg", big_photo, quality=85)
    drafts: list[tuple[str, tuple[int, int]]] = []
    real_draft = JpegImagePlugin.JpegImageFile.draft

    def spy(self: Image.Image, mode: str | None, size: tuple[int, int] | None) -> object:
        result = real_draft(self, mode, size)
        drafts.append((mode, size, self.size))
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    dec = decode(path)
    assert len(drafts) == 1
    mode, box, decoded_at = drafts[0]
    assert mode == "RGB"
    assert max(box) == WORK_SIZE
    # libjpeg decoded at 1/8 scale (500×375), not at 4000×3000.
    assert decoded_at == (500, 375)
    assert (dec.width, dec.height) == (4000, 3000)


def test_small_size_argument(make_photo: MakePhoto, write_image: WriteImage) -> None:
    path = write_image("p.png", make_photo(3, (640, 480)))
    dec = decode(path, size=100)
    assert dec.image.size == (100, 75)
    assert (dec.width, dec.height) == (640, 480)


def test_image_smaller_than_work_size_is_not_enlarged(make_photo: MakePhoto, write_image: WriteImage) -> None:
    src = make_photo(4, (200, 150))
    dec = decode(write_image("small.png", src))
    assert dec.image.size == (200, 150)
    assert mean_diff(dec.image, src) == 0


def _exif(orientation: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x0132] = "2021:06:01 10:00:00"
    return exif


def test_exif_orientation_6_is_applied(make_photo: MakePhoto, write_image: WriteImage) -> None:
    src = make_photo(5, (320, 240))
    path = write_image("rot.jpg", src, quality=95, exif=_exif(6))
    dec = decode(path)
    assert (dec.width, dec.height) == (240, 320)
    assert dec.image.size == (240, 320)
    with Image.open(path) as im:
        upright = ImageOps.exif_transpose(im).convert("RGB")
    assert mean_diff(dec.image, upright) < 1.0
    # Orientation 6 means "rotate 90° clockwise to display": the wrong way round is very different.
    assert mean_diff(dec.image, src.transpose(Image.Transpose.ROTATE_270)) < 3.0
    assert mean_diff(dec.image, src.transpose(Image.Transpose.ROTATE_90)) > 20
    assert dec.taken == "2021:06:01 10:00:00"


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_matches_exif_transpose(
    orientation: int, make_photo: MakePhoto, write_image: WriteImage
) -> None:
    path = write_image(f"o{orientation}.png", make_photo(6, (160, 120)), exif=_exif(orientation))
    dec = decode(path)
    with Image.open(path) as im:
        upright = ImageOps.exif_transpose(im).convert("RGB")
    assert (dec.width, dec.height) == upright.size
    assert mean_diff(dec.image, upright) == 0


def test_exif_orientation_on_a_large_jpeg(big_photo: Image.Image, write_image: WriteImage) -> None:
    path = write_image("big_rot.jpg", big_photo, quality=80, exif=_exif(6))
    dec = decode(path)
    assert (dec.width, dec.height) == (3000, 4000)
    assert dec.image.height > dec.image.width
    assert max(dec.image.size) <= WORK_SIZE


# -- modes -----------------------------------------------------------------------------------------
def test_rgba_composited_on_white(make_photo: MakePhoto, write_image: WriteImage) -> None:
    rgba = make_photo(8, (64, 48)).convert("RGBA")
    px = rgba.load()
    px[0, 0] = (0, 0, 0, 0)  # fully transparent black
    px[1, 0] = (0, 0, 0, 255)  # opaque black
    px[2, 0] = (0, 0, 0, 128)  # half transparent black: half way to white
    dec = decode(write_image("a.png", rgba))
    assert dec.image.mode == "RGB"
    assert dec.image.getpixel((0, 0)) == (255, 255, 255)
    assert dec.image.getpixel((1, 0)) == (0, 0, 0)
    assert all(abs(c - 127) <= 2 for c in dec.image.getpixel((2, 0)))


def test_la_composited_on_white(write_image: WriteImage) -> None:
    la = Image.new("LA", (10, 10), (30, 255))
    la.putpixel((5, 5), (30, 0))
    dec = decode(write_image("la.png", la))
    assert dec.image.getpixel((5, 5)) == (255, 255, 255)
    assert dec.image.getpixel((0, 0)) == (30, 30, 30)


@pytest.mark.parametrize("ext", ["png", "gif"])
def test_palette_with_transparency_composited_on_white(ext: str, write_image: WriteImage) -> None:
    pal = Image.new("P", (10, 10), 1)
    pal.putpalette([0, 0, 0, 200, 20, 20] + [0, 0, 0] * 254)
    pal.putpixel((3, 3), 0)
    path = write_image(f"p.{ext}", pal, transparency=0)
    with Image.open(path) as im:
        assert im.mode == "P" and "transparency" in im.info
    dec = decode(path)
    assert dec.image.getpixel((3, 3)) == (255, 255, 255)  # index 0 is black, but transparent
    assert dec.image.getpixel((0, 0)) == (200, 20, 20)


def test_16bit_grayscale_is_scaled_not_clipped(make_photo: MakePhoto, write_image: WriteImage) -> None:
    gray8 = np.asarray(make_photo(9, (320, 240)).convert("L"), dtype=np.uint8)
    gray16 = gray8.astype(np.uint16) * 257
    path16 = write_image("g16.png", Image.fromarray(gray16))
    with Image.open(path16) as im:
        assert im.mode.startswith("I")  # really 16-bit on disk
    path8 = write_image("g8.png", Image.fromarray(gray8))
    dec16, dec8 = decode(path16), decode(path8)
    assert dec16.image.mode == "RGB"
    # 65535 -> 255 by scaling; clipping would turn almost everything white.
    assert np.array_equal(np.asarray(dec16.image)[..., 0], gray8)
    f16, f8 = features.compute(dec16.image), features.compute(dec8.image)
    assert hamming(f16.phash[0], f8.phash[0]) <= 2
    assert hamming(f16.dhash[0], f8.dhash[0]) <= 2


def test_cmyk_jpeg(make_photo: MakePhoto, write_image: WriteImage) -> None:
    src = make_photo(10, (320, 240))
    path = write_image("cmyk.jpg", src.convert("CMYK"), quality=95)
    with Image.open(path) as im:
        assert im.mode == "CMYK"
    dec = decode(path)
    assert dec.image.mode == "RGB"
    assert dec.format == "JPEG"
    assert mean_diff(dec.image, src) < 3
    # Not inverted: an inverted CMYK decode would be ~128 off on average.
    assert mean_diff(dec.image, ImageOps.invert(src)) > 50


def test_animated_gif_uses_first_frame(write_image: WriteImage) -> None:
    first = Image.new("RGB", (64, 48), (200, 30, 30))
    second = Image.new("RGB", (64, 48), (30, 30, 200))
    path = write_image("anim.gif", first, save_all=True, append_images=[second], duration=100, loop=0)
    with Image.open(path) as im:
        assert im.n_frames == 2
    dec = decode(path)
    assert dec.format == "GIF"
    assert (dec.width, dec.height) == (64, 48)
    assert dec.image.getpixel((10, 10)) == (200, 30, 30)


def test_animated_png_uses_first_frame(write_image: WriteImage) -> None:
    first = Image.new("RGB", (40, 30), (10, 180, 10))
    second = Image.new("RGB", (40, 30), (250, 250, 0))
    path = write_image("anim.png", first, save_all=True, append_images=[second], duration=100)
    dec = decode(path)
    assert dec.image.getpixel((5, 5)) == (10, 180, 10)


@pytest.mark.parametrize(
    ("ext", "fmt", "kwargs", "tolerance"),
    [
        ("tif", "TIFF", {}, 0.0),
        ("tiff", "TIFF", {"compression": "tiff_lzw"}, 0.0),
        ("bmp", "BMP", {}, 0.0),
        ("webp", "WEBP", {"quality": 90}, 4.0),
        ("webp", "WEBP", {"lossless": True}, 0.0),
        ("png", "PNG", {}, 0.0),
        ("jpg", "JPEG", {"quality": 95}, 3.0),
    ],
)
def test_common_formats(
    ext: str,
    fmt: str,
    kwargs: dict[str, object],
    tolerance: float,
    make_photo: MakePhoto,
    write_image: WriteImage,
) -> None:
    src = make_photo(11, (320, 240))
    dec = decode(write_image(f"img.{ext}", src, format=fmt, **kwargs))
    assert dec.format == fmt
    assert (dec.width, dec.height) == (320, 240)
    assert dec.image.size == (320, 240)
    assert dec.image.mode == "RGB"
    assert mean_diff(dec.image, src) <= tolerance


def _save_or_skip(image: Image.Image, path: Path, fmt: str) -> Path:
    """Encoders are a platform capability: skip (with the reason) where this one is missing."""
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:
        pass
    try:
        image.save(path, format=fmt, quality=90)
    except (KeyError, OSError, ValueError, RuntimeError) as exc:
        pytest.skip(f"this platform cannot encode {fmt}: {type(exc).__name__}: {exc}")
    if path.stat().st_size == 0:
        pytest.skip(f"this platform cannot encode {fmt} (empty output)")
    return path


@pytest.mark.parametrize(("ext", "fmt"), [("heic", "HEIF"), ("avif", "AVIF")])
def test_heif_and_avif(ext: str, fmt: str, make_photo: MakePhoto, tmp_path: Path) -> None:
    src = make_photo(12, (320, 240))
    path = _save_or_skip(src, tmp_path / f"photo.{ext}", fmt)
    dec = decode(path)
    assert dec.format in ("HEIF", "AVIF")
    assert (dec.width, dec.height) == (320, 240)
    assert dec.image.mode == "RGB"
    assert mean_diff(dec.image, src) < 5
    f_src, f_dec = features.compute(src), features.compute(dec.image)
    assert hamming(f_src.phash[0], f_dec.phash[0]) <= 4


def test_heif_reported_supported() -> None:
    pytest.importorskip("pillow_heif")
    assert decoding.HEIF_SUPPORTED is True


# -- bad input -------------------------------------------------------------------------------------
def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.jpg"
    path.write_bytes(np.random.default_rng(0).integers(0, 256, 4096, dtype=np.uint8).tobytes())
    assert decode_error(path) == "not a recognised image format (corrupt or unsupported file)"


def test_truncated_jpeg(make_photo: MakePhoto, write_image: WriteImage, tmp_path: Path) -> None:
    data = write_image("full.jpg", make_photo(13, (640, 480)), quality=90).read_bytes()
    path = tmp_path / "cut.jpg"
    path.write_bytes(data[: int(len(data) * 0.6)])
    message = decode_error(path)
    assert "truncated" in message
    assert message == "truncated image file (the end of the file is missing)"


def test_truncated_png(make_photo: MakePhoto, write_image: WriteImage, tmp_path: Path) -> None:
    data = write_image("full.png", make_photo(14, (320, 240))).read_bytes()
    path = tmp_path / "cut.png"
    path.write_bytes(data[: int(len(data) * 0.6)])
    assert "truncated" in decode_error(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.png"
    path.touch()
    message = decode_error(path)
    assert "empty" in message
    assert message == "empty file (0 bytes)"


def test_text_file_named_png(tmp_path: Path) -> None:
    path = tmp_path / "readme.png"
    path.write_text("This is not a picture.\nJust some notes.\n", encoding="utf-8")
    message = decode_error(path)
    assert "not an image" in message
    assert message == "not an image (the file contains text)"


def test_decompression_bomb_over_our_limit(tmp_path: Path) -> None:
    path = png_bomb(tmp_path / "bomb.png", 20000, 20000)  # 400 MP: over our 300 MP limit
    assert path.stat().st_size < 100_000
    message = decode_error(path)
    assert "decompression bomb" in message
    assert "20000×20000" in message


def test_decompression_bomb_over_pillows_limit(tmp_path: Path) -> None:
    path = png_bomb(tmp_path / "bomb.png", 30000, 30000)  # 900 MP: Pillow itself refuses to open it
    assert "decompression bomb" in decode_error(path)


def test_max_pixels_argument(make_photo: MakePhoto, write_image: WriteImage) -> None:
    path = write_image("p.png", make_photo(15, (320, 240)))
    assert "decompression bomb" in decode_error(path, max_pixels=320 * 240 - 1)
    assert decode(path, max_pixels=320 * 240).width == 320


def test_missing_file(tmp_path: Path) -> None:
    message = decode_error(tmp_path / "gone.jpg")
    assert "vanished" in message


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "folder.jpg"
    folder.mkdir()
    assert decode_error(folder) == "is a directory"


def test_corrupt_exif_does_not_cost_the_image(make_photo: MakePhoto, write_image: WriteImage) -> None:
    exif = Image.Exif()
    exif[0x0112] = 99  # out of range: treated as "as is"
    path = write_image("odd.jpg", make_photo(16, (320, 240)), quality=90, exif=exif)
    dec = decode(path)
    assert (dec.width, dec.height) == (320, 240)
    assert dec.image.size == (320, 240)


# -- display_image ---------------------------------------------------------------------------------
def test_display_image_full_size_and_oriented(make_photo: MakePhoto, write_image: WriteImage) -> None:
    src = make_photo(17, (500, 300)).convert("RGBA")
    path = write_image("d.png", src, exif=_exif(8))
    full = decoding.display_image(path)
    assert full.mode == "RGB"
    assert full.size == (300, 500)
    bounded = decoding.display_image(path, size=100)
    assert bounded.size == (60, 100)


# -- features: orientations ------------------------------------------------------------------------
@pytest.mark.parametrize("seed", [20, 21, 22])
def test_features_are_orientation_equivariant(seed: int, make_photo: MakePhoto) -> None:
    src = make_photo(seed, (320, 240))
    base = features.compute(src)
    # The eight orientation hashes of one image are genuinely different from each other...
    assert min(hamming(base.phash[0], base.phash[k]) for k in range(1, 8)) >= 10
    for j in range(8):
        rotated = features.compute(transpose_image(src, j))
        # ...and orientation j of the original hashes like the rotated copy as displayed.
        assert hamming(rotated.phash[0], base.phash[j]) <= 2, j
        assert min(hamming(rotated.phash[0], base.phash[k]) for k in range(8)) <= 2
        assert hamming(rotated.dhash[0], base.dhash[j]) <= 2, j
        # The best matching orientation is j, by a wide margin.
        others = [hamming(rotated.phash[0], base.phash[k]) for k in range(8) if k != j]
        assert min(others) >= 10, j


@pytest.mark.parametrize("k", range(8))
def test_transpose_array_matches_transpose_image(k: int) -> None:
    rng = np.random.default_rng(k)
    data = rng.integers(0, 256, (5, 7, 3), dtype=np.uint8)  # rows, cols, channels; not square
    via_image = np.asarray(transpose_image(Image.fromarray(data), k))
    via_array = transpose_array(data, k)
    assert via_array.shape == via_image.shape
    assert np.array_equal(via_array, via_image)
    assert via_array.shape[:2] == ((7, 5) if SWAPS_AXES[k] else (5, 7))
    gray = data[..., 0]
    assert np.array_equal(transpose_array(gray, k), np.asarray(transpose_image(Image.fromarray(gray), k)))


def test_orientations_are_eight_distinct_transforms() -> None:
    data = np.arange(12, dtype=np.uint8).reshape(3, 4)
    results = {transpose_array(data, k).tobytes() + bytes(transpose_array(data, k).shape) for k in range(8)}
    assert len(results) == 8


# -- features: border trimming ---------------------------------------------------------------------
@pytest.mark.parametrize("seed", [30, 31, 32, 33])
def test_trim_removes_letterbox_bars(seed: int, make_photo: MakePhoto) -> None:
    picture = make_photo(seed, (320, 180))
    framed = Image.new("RGB", (320, 240), (0, 0, 0))
    framed.paste(picture, (0, 30))
    content, trimmed = features.trim_borders(framed)
    assert trimmed is True
    assert content.width == 320
    assert 170 <= content.height <= 180
    f_pic, f_framed = features.compute(picture), features.compute(framed)
    assert f_framed.trimmed is True and f_pic.trimmed is False
    assert hamming(f_pic.phash[0], f_framed.phash[0]) <= 6


@pytest.mark.parametrize("seed", [34, 35, 36])
def test_trim_removes_pillarbox_bars_and_stays_inside_the_image(seed: int, make_photo: MakePhoto) -> None:
    picture = make_photo(seed, (320, 180))
    framed = Image.new("RGB", (400, 180), (255, 255, 255))
    framed.paste(picture, (40, 0))
    content, trimmed = features.trim_borders(framed)
    assert trimmed is True
    assert 310 <= content.width <= 320
    # The untrimmed sides are the image's own edges: nothing from outside it (Pillow pads a crop
    # that overshoots with black).
    assert content.height == 180
    arr = np.asarray(content)
    assert arr[-1].mean() > 20 and arr[0].mean() > 20


@pytest.mark.parametrize("seed", [40, 41, 42, 43, 44])
def test_trim_leaves_an_image_without_borders_alone(seed: int, make_photo: MakePhoto) -> None:
    picture = make_photo(seed, (320, 240))
    content, trimmed = features.trim_borders(picture)
    assert trimmed is False
    assert content.size == (320, 240)


def test_trim_leaves_a_uniform_image_and_a_dark_sky_alone(make_photo: MakePhoto) -> None:
    flat = Image.new("RGB", (200, 100), (0, 0, 0))
    assert features.trim_borders(flat) == (flat, False)
    # A picture whose top half is black sky: more than TRIM_MAX_FRACTION would go, so it is content.
    sky = Image.new("RGB", (320, 240), (0, 0, 0))
    sky.paste(make_photo(45, (320, 100)), (0, 140))
    content, trimmed = features.trim_borders(sky)
    assert trimmed is False
    assert content.size == (320, 240)


# -- features: serialisation -----------------------------------------------------------------------
def test_features_roundtrip_through_bytes(make_photo: MakePhoto) -> None:
    framed = Image.new("RGB", (320, 240), (0, 0, 0))
    framed.paste(make_photo(50, (320, 180)), (0, 30))
    f = features.compute(framed)
    blob = features.to_bytes(f)
    assert isinstance(blob, bytes)
    assert len(blob) == features.FEATURE_DTYPE.itemsize
    rec = features.from_bytes(blob)
    assert rec.dtype == features.FEATURE_DTYPE
    assert np.array_equal(rec["phash"], f.phash)
    assert np.array_equal(rec["dhash"], f.dhash)
    assert np.array_equal(rec["thumb"], f.thumb)
    assert np.array_equal(rec["colour"], f.colour)
    assert float(rec["chroma"]) == pytest.approx(f.chroma, rel=1e-6)
    assert bool(rec["trimmed"]) is True
    assert rec["phash"].dtype == np.uint64
    assert f.thumb.shape == (features.THUMB, features.THUMB)
    assert f.colour.shape == (4, 4, 3)


def test_from_bytes_rejects_the_wrong_size(make_photo: MakePhoto) -> None:
    blob = features.to_bytes(features.compute(make_photo(51)))
    with pytest.raises(ValueError, match="wrong size"):
        features.from_bytes(blob[:-1])
    with pytest.raises(ValueError, match="wrong size"):
        features.from_bytes(blob + b"\x00")


def test_grayscale_copy_has_low_chroma(make_photo: MakePhoto) -> None:
    src = make_photo(52)
    colour, gray = features.compute(src), features.compute(src.convert("L").convert("RGB"))
    assert gray.chroma < features.GRAY_CHROMA < colour.chroma
    assert hamming(colour.phash[0], gray.phash[0]) <= 4


def test_decoded_copy_hashes_like_the_original(make_photo: MakePhoto, write_image: WriteImage) -> None:
    src = make_photo(53, (1600, 1200))
    jpg = decode(write_image("a.jpg", src, quality=80))
    png = decode(write_image("a.png", src.resize((400, 300), Image.Resampling.LANCZOS)))
    fj, fp = features.compute(jpg.image), features.compute(png.image)
    assert hamming(fj.phash[0], fp.phash[0]) <= 4
    other = features.compute(decode(write_image("b.jpg", make_photo(54, (1600, 1200)), quality=80)).image)
    assert hamming(fj.phash[0], other.phash[0]) >= 16


def test_decode_accepts_a_str_path(make_photo: MakePhoto, write_image: WriteImage) -> None:
    path = write_image("s.png", make_photo(55, (64, 48)))
    dec = decode(os.fspath(path))
    assert (dec.width, dec.height, dec.format) == (64, 48, "PNG")
