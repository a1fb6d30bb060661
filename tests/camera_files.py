"""Camera RAW (DNG) and Photoshop (PSD) files built byte by byte for tests: nothing is committed.

Pillow writes neither format, and the libraries that write DNG need codecs we do not install, so
the few structures needed are written here:

- :func:`dng`: a minimal DNG that LibRaw reads: a 16-bit RGGB mosaic (uncompressed, in a SubIFD
  when there is a preview) made from a picture, an optional embedded JPEG preview (IFD0, as
  cameras and Adobe write it), orientation, make, model and capture time.
- :func:`psd`: a flattened 8-bit RGB Photoshop file (no layers), whose merged image Pillow reads.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence

import numpy as np
from PIL import Image

#: TIFF field types: (struct code per value, bytes per value).
_TYPES = {1: ("B", 1), 2: ("B", 1), 3: ("H", 2), 4: ("I", 4), 5: ("I", 4), 7: ("B", 1), 10: ("i", 4)}
BYTE, ASCII, SHORT, LONG, RATIONAL, UNDEFINED, SRATIONAL = 1, 2, 3, 4, 5, 7, 10

#: XYZ (D65) -> linear sRGB: as a DNG ColorMatrix1, it declares that the "camera" records linear
#: sRGB, so LibRaw renders the mosaic back to the picture it was made from.
_XYZ_TO_SRGB = (3.2406, -1.5372, -0.4986, -0.9689, 1.8758, 0.0415, 0.0557, -0.2040, 1.0570)


class _Tiff:
    """A little-endian TIFF written front to back: data blocks first, then the IFDs naming them."""

    def __init__(self) -> None:
        self.out = bytearray(b"II*\x00\x00\x00\x00\x00")

    def block(self, data: bytes) -> int:
        if len(self.out) % 2:
            self.out += b"\x00"
        at = len(self.out)
        self.out += data
        return at

    def ifd(self, entries: Sequence[tuple[int, int, Sequence[int] | bytes]], next_ifd: int = 0) -> int:
        packed = []
        for tag, kind, values in sorted(entries, key=lambda e: e[0]):
            code, width = _TYPES[kind]
            raw = (
                bytes(values) if isinstance(values, bytes) else struct.pack(f"<{len(values)}{code}", *values)
            )
            count = len(raw) // width // (2 if kind in (RATIONAL, SRATIONAL) else 1)
            field = raw.ljust(4, b"\x00") if len(raw) <= 4 else struct.pack("<I", self.block(raw))
            packed.append(struct.pack("<HHI", tag, kind, count) + field)
        at = self.block(struct.pack("<H", len(packed)) + b"".join(packed) + struct.pack("<I", next_ifd))
        return at

    def finish(self, first_ifd: int) -> bytes:
        struct.pack_into("<I", self.out, 4, first_ifd)
        return bytes(self.out)


def _ascii(text: str) -> bytes:
    return text.encode("ascii") + b"\x00"


def _srational(values: Sequence[float]) -> list[int]:
    return [v for x in values for v in (round(x * 10000), 10000)]


def mosaic(picture: Image.Image, white: int = 4095) -> np.ndarray:
    """An RGGB Bayer mosaic of ``picture`` in linear light (what a sensor records), 0..``white``."""
    rgb = np.asarray(picture.convert("RGB"), dtype=np.float64) / 255.0
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4) * white
    cfa = np.empty(linear.shape[:2], np.uint16)
    cfa[0::2, 0::2] = linear[0::2, 0::2, 0]
    cfa[0::2, 1::2] = linear[0::2, 1::2, 1]
    cfa[1::2, 0::2] = linear[1::2, 0::2, 1]
    cfa[1::2, 1::2] = linear[1::2, 1::2, 2]
    return cfa


def jpeg(picture: Image.Image, quality: int = 92, **save: object) -> bytes:
    buf = io.BytesIO()
    picture.convert("RGB").save(buf, "JPEG", quality=quality, **save)
    return buf.getvalue()


def dng(
    picture: Image.Image,
    preview: bytes | None = None,
    *,
    orientation: int = 1,
    make: str = "Testcam",
    model: str = "Testcam R1",
    taken: str | None = "2021:05:06 07:08:09",
) -> bytes:
    """A DNG whose sensor data is ``picture`` (even sides), with ``preview`` (JPEG bytes) embedded."""
    w, h = picture.size
    white = 4095
    t = _Tiff()
    strip = t.block(mosaic(picture, white).astype("<u2").tobytes())
    raw_tags: list[tuple[int, int, Sequence[int] | bytes]] = [
        (254, LONG, [0]),  # NewSubFileType: the main image
        (256, LONG, [w]),
        (257, LONG, [h]),
        (258, SHORT, [16]),
        (259, SHORT, [1]),  # uncompressed
        (262, SHORT, [32803]),  # CFA
        (273, LONG, [strip]),
        (277, SHORT, [1]),
        (278, LONG, [h]),
        (279, LONG, [w * h * 2]),
        (33421, SHORT, [2, 2]),  # CFARepeatPatternDim
        (33422, BYTE, [0, 1, 1, 2]),  # CFAPattern: RGGB
        (50714, SHORT, [0]),  # BlackLevel
        (50717, SHORT, [white]),  # WhiteLevel
    ]
    exif_tags: list[tuple[int, int, Sequence[int] | bytes]] = []
    if taken:
        exif_tags.append((36867, ASCII, _ascii(taken)))  # DateTimeOriginal
    exif_ifd = t.ifd(exif_tags) if exif_tags else 0
    main: list[tuple[int, int, Sequence[int] | bytes]] = [
        (271, ASCII, _ascii(make)),
        (272, ASCII, _ascii(model)),
        (274, SHORT, [orientation]),
        (50706, BYTE, [1, 4, 0, 0]),  # DNGVersion
        (50707, BYTE, [1, 1, 0, 0]),  # DNGBackwardVersion
        (50708, ASCII, _ascii(model)),  # UniqueCameraModel
        (50721, SRATIONAL, _srational(_XYZ_TO_SRGB)),  # ColorMatrix1
        (50728, RATIONAL, [1, 1, 1, 1, 1, 1]),  # AsShotNeutral: no white balance to apply
        (50778, SHORT, [21]),  # CalibrationIlluminant1: D65
    ]
    if exif_ifd:
        main.append((34665, LONG, [exif_ifd]))
    if preview is None:
        return t.finish(t.ifd(raw_tags + main))
    raw_ifd = t.ifd(raw_tags)
    with Image.open(io.BytesIO(preview)) as im:
        pw, ph = im.size
    data = t.block(preview)
    ifd0 = t.ifd(
        [
            (254, LONG, [1]),  # NewSubFileType: a reduced-resolution preview
            (256, LONG, [pw]),
            (257, LONG, [ph]),
            (258, SHORT, [8, 8, 8]),
            (259, SHORT, [7]),  # JPEG
            (262, SHORT, [6]),  # YCbCr
            (273, LONG, [data]),
            (277, SHORT, [3]),
            (278, LONG, [ph]),
            (279, LONG, [len(preview)]),
            (330, LONG, [raw_ifd]),  # SubIFDs: the raw data
            *main,
        ]
    )
    return t.finish(ifd0)


def psd(picture: Image.Image) -> bytes:
    """A flattened 8-bit RGB Photoshop file (version 1, no layers, raw image data)."""
    rgb = np.asarray(picture.convert("RGB"), dtype=np.uint8)
    h, w = rgb.shape[:2]
    head = b"8BPS" + struct.pack(">H6xHIIHH", 1, 3, h, w, 8, 3)  # version, channels, size, depth, RGB
    sections = struct.pack(">III", 0, 0, 0)  # colour mode data, image resources, layers and masks
    planes = b"".join(rgb[:, :, c].tobytes() for c in range(3))
    return head + sections + struct.pack(">H", 0) + planes
