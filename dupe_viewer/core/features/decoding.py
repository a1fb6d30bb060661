"""Decode image files into small RGB working images for feature extraction.

Speed matters most here: camera JPEGs are decoded with libjpeg's DCT scaling (``Image.draft``) so a
12-megapixel photo is decoded at 1/4 or 1/8 size and never at full resolution just to be hashed.
Everything that makes two copies of one photo look different without being different is undone
here: EXIF orientation, alpha (composited on white), 16-bit, CMYK and palette modes.
"""

from __future__ import annotations

import contextlib
import os
import struct
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError

from ..errors import DecodeError
from ..options import DEFAULT_MAX_PIXELS, WORK_SIZE
from . import fidelity

try:  # HEIC/HEIF (iPhone photos) and, with older Pillow, AVIF.
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_SUPPORTED = True
except ImportError:  # pragma: no cover - pillow-heif is a dependency; keep working without it
    HEIF_SUPPORTED = False

# Pillow's own guard warns above MAX_IMAGE_PIXELS and raises above twice that; we enforce our own
# (clearer) limit, so Pillow's only has to stay out of the way for legitimate 100+ MP photos.
Image.MAX_IMAGE_PIXELS = DEFAULT_MAX_PIXELS

_ORIENTATION_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
_TAG_ORIENTATION = 0x0112
_TAG_DATETIME_ORIGINAL = 0x9003
_TAG_DATETIME = 0x0132


@dataclass
class Decoded:
    """A working image plus facts about the original file."""

    image: Image.Image  # RGB, EXIF orientation applied, long side <= the requested size
    width: int  # full-resolution size as displayed (after EXIF orientation)
    height: int
    format: str  # Pillow's format name: JPEG, PNG, WEBP, HEIF, ...
    taken: str | None  # EXIF DateTimeOriginal as written in the file ("YYYY:MM:DD HH:MM:SS")
    camera: str | None = None  # EXIF make and model
    quality: float | None = None  # estimated JPEG quality (None: not a JPEG)
    detail: fidelity.Detail = field(default_factory=fidelity.Detail)


def _exif_facts(im: Image.Image) -> tuple[int, str | None]:
    try:
        exif = im.getexif()
    except Exception:  # broken EXIF must not cost us the image
        return 1, None
    orientation = exif.get(_TAG_ORIENTATION, 1)
    taken = None
    with contextlib.suppress(Exception):
        taken = exif.get_ifd(ExifTags.IFD.Exif).get(_TAG_DATETIME_ORIGINAL)
    taken = taken or exif.get(_TAG_DATETIME)
    if isinstance(taken, bytes):
        taken = taken.decode("ascii", "replace")
    if not isinstance(orientation, int) or orientation not in range(1, 9):
        orientation = 1
    return orientation, (str(taken).strip("\x00 ") or None) if taken else None


def _to_rgb(im: Image.Image) -> Image.Image:
    """Any Pillow mode to 8-bit RGB, transparency composited on white."""
    mode = im.mode
    if mode == "RGB":
        return im
    if mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        arr = np.asarray(im, dtype=np.float64)
        # 16-bit data is scaled by 257 (65535 -> 255) so a 16-bit and an 8-bit export of one photo
        # hash alike; Pillow's own convert("L") would clip instead of scaling.
        peak = arr.max() if arr.size else 0.0
        if mode == "F" and peak <= 1.0:
            arr = arr * 255.0
        elif peak > 255:
            arr = arr / 257.0
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L").convert("RGB")
    if (mode == "P" and "transparency" in im.info) or mode in ("LA", "La", "PA") or mode == "RGBa":
        im = im.convert("RGBA")
    if im.mode == "RGBA":
        background = Image.new("RGB", im.size, (255, 255, 255))
        background.paste(im, mask=im.getchannel("A"))
        return background
    return im.convert("RGB")


def decode(
    path: str | os.PathLike[str], size: int = WORK_SIZE, max_pixels: int = DEFAULT_MAX_PIXELS
) -> Decoded:
    """Decode ``path`` into an RGB image whose long side is at most ``size``.

    Raises DecodeError with a one-line, human-readable reason for anything that is not a usable
    image. JPEGs are decoded at the smallest DCT scale that still covers ``size``.
    """
    path = Path(path)
    try:
        with warnings.catch_warnings():
            # We apply our own pixel limit below, with a clearer message.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
    except FileNotFoundError:
        raise DecodeError("file vanished before it could be read") from None
    except PermissionError:
        raise DecodeError("permission denied") from None
    except IsADirectoryError:
        raise DecodeError("is a directory") from None
    except Image.DecompressionBombError as exc:
        raise DecodeError(f"refused as a decompression bomb ({exc})") from None
    except UnidentifiedImageError:
        raise DecodeError(_unidentified_reason(path)) from None
    except OSError as exc:
        raise DecodeError(f"cannot read file: {exc.strerror or exc}") from None
    with im:
        try:
            return _decode_opened(im, size, max_pixels)
        except DecodeError:
            raise
        except Image.DecompressionBombError as exc:
            raise DecodeError(f"refused as a decompression bomb ({exc})") from None
        except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError, struct.error) as exc:
            raise DecodeError(_corrupt_reason(exc)) from None
        except MemoryError:
            raise DecodeError("not enough memory to decode this image") from None


def _decode_opened(im: Image.Image, size: int, max_pixels: int) -> Decoded:
    fmt = im.format or "unknown"
    w, h = im.size
    if w <= 0 or h <= 0:
        raise DecodeError("image has no pixels")
    if w * h > max_pixels:
        raise DecodeError(
            f"refused as a possible decompression bomb: {w}×{h} = {w * h / 1e6:.0f} megapixels "
            f"(limit {max_pixels / 1e6:.0f})"
        )
    orientation, taken = _exif_facts(im)
    if getattr(im, "is_animated", False):
        im.seek(0)  # GIF/WebP/APNG: the first frame stands for the file
    quality, camera = fidelity.jpeg_quality(im), fidelity.camera(im)
    # Small images are decoded whole, so the keeper's evidence (detail, blockiness) is measured
    # on the real pixels; a camera-sized JPEG is not worth 5x the decoding time for it.
    native = w * h <= fidelity.NATIVE_MAX_PIXELS
    if fmt == "JPEG" and not native:
        # DCT-domain downscale: decodes at 1/2, 1/4 or 1/8 size, never smaller than `size` on the
        # long side. The box keeps the aspect ratio: Pillow picks the scale that covers both sides.
        box = (size, max(1, size * h // w)) if w >= h else (max(1, size * w // h), size)
        im.draft("RGB", box)
    im.load()
    rgb = _to_rgb(im)
    detail = fidelity.detail(rgb, native=rgb.size == (w, h))
    if max(rgb.size) > size:
        # reduce() first (fast box filter by an integer factor), then an antialiased resize.
        factor = max(1, max(rgb.size) // (2 * size))
        if factor > 1:
            rgb = rgb.reduce(factor)
        rgb.thumbnail((size, size), Image.Resampling.BILINEAR, reducing_gap=None)
    if orientation != 1:
        rgb = rgb.transpose(_ORIENTATION_TRANSPOSE[orientation])
        if orientation >= 5:
            w, h = h, w
    return Decoded(
        image=rgb, width=w, height=h, format=fmt, taken=taken, camera=camera, quality=quality, detail=detail
    )


def _unidentified_reason(path: Path) -> str:
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        return f"cannot read file: {exc.strerror or exc}"
    if not head:
        return "empty file (0 bytes)"
    if all(32 <= b < 127 or b in (9, 10, 13) for b in head):
        return "not an image (the file contains text)"
    return "not a recognised image format (corrupt or unsupported file)"


def _corrupt_reason(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    if "truncated" in text.lower():
        return "truncated image file (the end of the file is missing)"
    return f"corrupt image data ({text})"


def display_image(path: str | os.PathLike[str], size: int | None = None) -> Image.Image:
    """Decode for display (previews): RGB, EXIF orientation applied, optionally bounded by ``size``.

    Unlike :func:`decode` this keeps full resolution when ``size`` is None.
    """
    if size is None:
        with Image.open(path) as im:
            im.load()
            return _to_rgb(ImageOps.exif_transpose(im))
    return decode(path, size=size).image
