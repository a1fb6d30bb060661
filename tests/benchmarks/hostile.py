"""Hostile image files for the fuzz suite: bombs, lies, truncations and byte mutations.

Everything is generated (nothing is committed). Each case is a :class:`Case`: a file name, its
bytes, and whether a correct decoder may read it (a mutated file sometimes still decodes, which
is fine: what matters is that the scan ends, reports the file, and keeps the good duplicates).

- :func:`valid_files`: one photo-like picture in every format the scan reads (JPEG, PNG, lossy
  and lossless WebP, AVIF, HEIC, GIF, TIFF, BMP, JPEG XL, PSD, and a camera RAW as DNG).
- :func:`crafted_cases`: text/ICC chunk bombs, dimensions declared huge in every format's
  header, pixel floods that are small on disk, truncations at many points, zero and text files.
- :func:`mutations`: ``n`` byte mutations (flips, overwrites with boundary values, insertions,
  deletions, truncation) of the valid files, from a seed: the same seed gives the same files.

``tests/core/test_fuzz.py`` runs a small fixed seed in CI; ``tests/benchmarks/fuzz.py`` runs
thousands.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from dupe_viewer.core.files.formats import register_plugins
from tests import camera_files

register_plugins()  # JPEG XL and HEIC encoders

#: The formats of :func:`valid_files` (file extension -> Pillow save arguments).
FORMATS: dict[str, dict[str, object]] = {
    "jpg": {"format": "JPEG", "quality": 90},
    "png": {"format": "PNG"},
    "webp": {"format": "WEBP", "quality": 80},
    "lossless.webp": {"format": "WEBP", "lossless": True},
    "avif": {"format": "AVIF", "quality": 60},
    "heic": {"format": "HEIF", "quality": 60},
    "gif": {"format": "GIF"},
    "tif": {"format": "TIFF", "compression": "tiff_deflate"},
    "bmp": {"format": "BMP"},
    "16bit.png": {"format": "PNG"},
    "jxl": {"format": "JXL", "quality": 80},
}
#: Formats Pillow cannot write, built by tests/camera_files.py (extension -> builder).
HANDMADE = {"psd": camera_files.psd, "dng": camera_files.dng}


@dataclass(frozen=True)
class Case:
    """One hostile file: ``name`` (with its extension) and ``data``."""

    name: str
    data: bytes
    kind: str  # "bomb", "huge", "truncated", "mutated", "empty", "text", "valid"

    def write(self, folder: Path) -> Path:
        path = folder / self.name
        path.write_bytes(self.data)
        return path


def picture(seed: int = 0, size: tuple[int, int] = (160, 120)) -> Image.Image:
    """A photo-like RGB picture (smooth shapes plus texture), different for each seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.zeros((h, w, 3), np.float32)
    for _ in range(6):
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(10, 60)
        colour = rng.uniform(0, 255, 3)
        mask = np.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * r * r))[..., None]
        img = img * (1 - mask) + colour * mask
    img += rng.normal(0, 8, img.shape)
    return Image.fromarray(np.clip(img, 0, 255).astype(np.uint8), "RGB")


def encode(im: Image.Image, ext: str) -> bytes:
    """``im`` saved in the format of ``ext`` (a key of :data:`FORMATS`)."""
    if ext in HANDMADE:
        return HANDMADE[ext](im)  # type: ignore[operator]
    if ext == "16bit.png":
        im = Image.fromarray((np.asarray(im.convert("L"), np.uint16) * 257), "I;16")
    buf = io.BytesIO()
    im.save(buf, **FORMATS[ext])  # type: ignore[arg-type]
    return buf.getvalue()


def available_formats() -> list[str]:
    """The extensions of :data:`FORMATS` this Pillow can write (HEIC needs pillow-heif's encoder)."""
    out = []
    for ext in [*FORMATS, *HANDMADE]:
        try:
            encode(picture(0, (16, 16)), ext)
        except Exception:  # an encoder missing here only narrows the corpus
            continue
        out.append(ext)
    return out


def valid_files(seed: int = 0) -> list[Case]:
    """One picture per available format."""
    im = picture(seed)
    return [Case(f"valid_{seed}.{ext}", encode(im, ext), "valid") for ext in available_formats()]


# -- crafted cases ------------------------------------------------------------------------------
def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png(ihdr: tuple[int, int, int, int], idat: bytes, extra: list[bytes] = ()) -> bytes:  # type: ignore[assignment]
    w, h, depth, colour = ihdr
    head = _png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, 0))
    body = b"".join(extra) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + head + body


def _tiny_idat(w: int, h: int, bytes_per_row: int) -> bytes:
    packer = zlib.compressobj(9)
    row = b"\x00" * (1 + bytes_per_row)
    step = max(1, min(h, (1 << 22) // len(row)))
    body = b"".join(packer.compress(row * min(step, h - y)) for y in range(0, h, step))
    return body + packer.flush()


def text_chunk_bombs() -> list[Case]:
    """PNGs whose zTXt, iTXt or iCCP chunk inflates past Pillow's per-chunk limit (1 MB)."""
    small = _tiny_idat(8, 8, 24)
    flood = zlib.compress(b"A" * (8 << 20), 9)
    ztxt = _png_chunk(b"zTXt", b"Comment\x00\x00" + flood)
    itxt = _png_chunk(b"iTXt", b"Comment\x00\x01\x00\x00\x00" + flood)
    iccp = _png_chunk(b"iCCP", b"icc\x00\x00" + flood)
    many = [_png_chunk(b"tEXt", b"k%d\x00" % i + b"x" * 60000) for i in range(1200)]
    return [
        Case("bomb_ztxt.png", _png((8, 8, 8, 2), small, [ztxt]), "bomb"),
        Case("bomb_itxt.png", _png((8, 8, 8, 2), small, [itxt]), "bomb"),
        Case("bomb_iccp.png", _png((8, 8, 8, 2), small, [iccp]), "bomb"),
        Case("bomb_many_text.png", _png((8, 8, 8, 2), small, many), "bomb"),
    ]


def _jpeg_declaring(w: int, h: int) -> bytes:
    """A real small JPEG whose frame header is rewritten to declare ``w``×``h``."""
    data = bytearray(encode(picture(1, (64, 48)), "jpg"))
    sof = data.find(b"\xff\xc0")
    struct.pack_into(">HH", data, sof + 5, h, w)
    return bytes(data)


def _webp_declaring(w: int, h: int) -> bytes:
    """A lossless WebP (VP8L) header declaring ``w``×``h`` (at most 16384 a side), body cut."""
    data = bytearray(encode(picture(2, (64, 48)), "lossless.webp"))
    vp8l = data.find(b"VP8L")
    bits = (w - 1) | ((h - 1) << 14) | (data[vp8l + 12] >> 4 << 28)
    struct.pack_into("<I", data, vp8l + 9, bits)
    return bytes(data)


def _tiff_declaring(w: int, h: int) -> bytes:
    """A deflate TIFF whose width/length tags are rewritten (its one strip stays small)."""
    data = bytearray(encode(picture(3, (64, 48)), "tif"))
    order = "<" if data[:2] == b"II" else ">"
    (ifd,) = struct.unpack_from(order + "I", data, 4)
    (count,) = struct.unpack_from(order + "H", data, ifd)
    for k in range(count):
        at = ifd + 2 + 12 * k
        tag, typ = struct.unpack_from(order + "HH", data, at)
        if tag in (256, 257):
            value = w if tag == 256 else h
            struct.pack_into(order + ("I" if typ == 4 else "H"), data, at + 8, value)
    return bytes(data)


def _gif_declaring(w: int, h: int) -> bytes:
    data = bytearray(encode(picture(4, (64, 48)), "gif"))
    struct.pack_into("<HH", data, 6, w, h)
    img = data.find(b"\x2c", 13 + 3 * 256)
    if img > 0:
        struct.pack_into("<HH", data, img + 5, w, h)
    return bytes(data)


def _bmp_declaring(w: int, h: int) -> bytes:
    data = bytearray(encode(picture(5, (64, 48)), "bmp"))
    struct.pack_into("<ii", data, 18, w, h)
    return bytes(data)


def jxl_declaring(w: int, h: int) -> bytes:
    """A bare JPEG XL codestream whose SizeHeader declares ``w``×``h`` (30-bit fields), no more."""
    bits = [0]  # not "small"
    bits += [1, 1] + [((h - 1) >> k) & 1 for k in range(30)]  # selector 3: 30 bits
    bits += [0, 0, 0]  # aspect ratio 0: the width follows
    bits += [1, 1] + [((w - 1) >> k) & 1 for k in range(30)]
    packed = bytearray((len(bits) + 7) // 8)
    for k, bit in enumerate(bits):
        packed[k >> 3] |= bit << (k & 7)
    return b"\xff\x0a" + bytes(packed) + b"\x00" * 16


def psd_declaring(w: int, h: int) -> bytes:
    data = bytearray(camera_files.psd(picture(6, (64, 48))))
    struct.pack_into(">II", data, 14, h, w)
    return bytes(data)


def dng_declaring(w: int, h: int) -> bytes:
    """A small DNG whose raw IFD claims ``w``×``h`` photosites."""
    data = bytearray(camera_files.dng(picture(6, (64, 48))))
    for tag, value in ((256, w), (257, h)):  # ImageWidth, ImageLength as LONG
        entry = data.find(struct.pack("<HHI", tag, 4, 1))
        struct.pack_into("<I", data, entry + 8, value)
    return bytes(data)


def huge_declarations() -> list[Case]:
    """Headers declaring 17000×17000 or more (PNG, JPEG, TIFF, GIF, BMP, WebP, JPEG XL, PSD,
    DNG), bodies small."""
    return [
        Case("huge_jpeg.jpg", _jpeg_declaring(17000, 17000), "huge"),
        Case("huge_png.png", _png((17000, 17000, 8, 2), _tiny_idat(64, 64, 192)), "huge"),
        Case("huge_tiff.tif", _tiff_declaring(17000, 17000), "huge"),
        Case("huge_gif.gif", _gif_declaring(65535, 65535), "huge"),
        Case("huge_bmp.bmp", _bmp_declaring(30000, 30000), "huge"),
        Case("huge_webp.webp", _webp_declaring(16383, 16383), "huge"),
        Case("huge_png_wide.png", _png((2**31 - 1, 1, 8, 0), _tiny_idat(8, 1, 8)), "huge"),
        Case("huge_jxl.jxl", jxl_declaring(100_000, 100_000), "huge"),
        Case("huge_psd.psd", psd_declaring(30_000, 30_000), "huge"),
        Case("huge_dng.dng", dng_declaring(60_000, 60_000), "huge"),
    ]


def pixel_floods(megapixels: int = 120) -> list[Case]:
    """Valid PNGs that decode to ``megapixels`` (8-bit RGB and 16-bit gray) from under a megabyte.

    Under the scan's pixel limit, so they must be decoded within the memory budget, not refused."""
    side = int((megapixels * 1e6) ** 0.5)
    rgb = _png((side, side, 8, 2), _tiny_idat(side, side, 3 * side))
    gray16 = _png((side, side, 16, 0), _tiny_idat(side, side, 2 * side))
    return [
        Case(f"flood_{megapixels}mp_rgb.png", rgb, "flood"),
        Case(f"flood_{megapixels}mp_gray16.png", gray16, "flood"),
    ]


def truncations(valid: list[Case], points: tuple[float, ...] = (0.02, 0.3, 0.6, 0.95)) -> list[Case]:
    """Each valid file cut at several points."""
    out = []
    for c in valid:
        for p in points:
            stem, ext = c.name.split(".", 1)
            cut = c.data[: max(1, int(len(c.data) * p))]
            out.append(Case(f"trunc{int(p * 100)}_{stem}.{ext}", cut, "truncated"))
    return out


def crafted_cases(seed: int = 0, flood_megapixels: int = 0) -> list[Case]:
    """Every crafted case (plus pixel floods of ``flood_megapixels`` when > 0)."""
    cases = text_chunk_bombs() + huge_declarations() + truncations(valid_files(seed))
    cases += [
        Case("empty.jpg", b"", "empty"),
        Case("text.png", b"this is not an image\n" * 20, "text"),
        Case("png_header_only.png", b"\x89PNG\r\n\x1a\n", "truncated"),
    ]
    if flood_megapixels:
        cases += pixel_floods(flood_megapixels)
    return cases


# -- mutations ----------------------------------------------------------------------------------
_BOUNDARY = (b"\x00", b"\xff", b"\x7f", b"\x80", b"\xff\xff\xff\xff", b"\x00\x00\x00\x00", b"\x7f\xff")


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One to eight random edits of ``data``; the first bytes (the signature) are usually kept so
    the file still reaches its format's decoder."""
    out = bytearray(data)
    lo = 8 if rng.random() < 0.9 else 0
    for _ in range(rng.randint(1, 8)):
        if len(out) <= lo + 1:
            break
        at = rng.randrange(lo, len(out))
        op = rng.random()
        if op < 0.4:
            out[at] ^= 1 << rng.randrange(8)
        elif op < 0.65:
            b = rng.choice(_BOUNDARY)
            out[at : at + len(b)] = b
        elif op < 0.8:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))
        elif op < 0.92:
            del out[at : at + rng.randint(1, 64)]
        else:
            del out[at:]
    return bytes(out)


def mutations(n: int, seed: int = 0, valid: list[Case] | None = None) -> Iterator[Case]:
    """``n`` mutated files, cycling through the valid files of every format."""
    base = valid if valid is not None else valid_files(seed)
    rng = random.Random(seed)
    for k in range(n):
        src = base[k % len(base)]
        stem, ext = src.name.split(".", 1)
        yield Case(f"mut{k:05d}_{stem}.{ext}", mutate(src.data, rng), "mutated")
