"""Decode image files into small RGB working images for feature extraction.

Speed matters most here: camera JPEGs are decoded with libjpeg's DCT scaling (``Image.draft``) so a
12-megapixel photo is decoded at 1/4 or 1/8 size and never at full resolution just to be hashed.
Everything that makes two copies of one photo look different without being different is undone
here: EXIF orientation, alpha (composited on white), 16-bit, CMYK and palette modes.
Camera RAW files go through :mod:`.raw` (their embedded preview, or a half-size demosaic) and
then the same steps; JPEG XL files have their declared size checked before the plugin, which
decodes the whole file on open, sees them (:mod:`.headers`).
"""

from __future__ import annotations

import contextlib
import os
import sys
import warnings
from dataclasses import dataclass, field, replace
from typing import Any, BinaryIO

import numpy as np
from PIL import ExifTags, Image, UnidentifiedImageError

from ..errors import DecodeError
from ..files import formats, remote
from ..messages import message
from ..options import DEFAULT_MAX_PIXELS, WORK_SIZE
from . import fidelity, guard, headers, raw


def __getattr__(name: str) -> Any:
    # HEIC/HEIF (iPhone photos; AVIF with older Pillow) and JPEG XL are Pillow plugins (see
    # files.formats), loaded with Pillow's own on the first decode, not on import: a worker
    # process starts faster, and a rescan that decodes nothing never loads them.
    if name == "HEIF_SUPPORTED":
        return "pillow-heif" in formats.register_plugins()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: Whether decoders use one thread each (:func:`single_threaded`).
_one_thread = False


def _load_plugins() -> None:
    """Pillow's plugins, HEIF and JPEG XL: loaded once per process, on the first decode."""
    if "pillow-jxl-plugin" in formats.register_plugins() and _one_thread:
        _jxl_one_thread()


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
_TAG_SUBSEC_ORIGINAL = 0x9291
_TAG_DATETIME = 0x0132


@dataclass
class Decoded:
    """A working image plus facts about the original file."""

    image: Image.Image  # RGB, EXIF orientation applied, long side <= the requested size
    width: int  # full-resolution size as displayed (after EXIF orientation)
    height: int
    format: str  # Pillow's format name: JPEG, PNG, WEBP, HEIF, ...
    # EXIF DateTimeOriginal as written in the file ("YYYY:MM:DD HH:MM:SS"), with its
    # SubSecTimeOriginal after a dot when the file has one (frames of a burst share the second).
    taken: str | None
    camera: str | None = None  # EXIF make and model
    quality: float | None = None  # estimated JPEG quality (None: not a JPEG)
    detail: fidelity.Detail = field(default_factory=fidelity.Detail)


def _exif_facts(im: Image.Image) -> tuple[int, str | None]:
    try:
        exif = im.getexif()
    except Exception:  # broken EXIF must not cost us the image
        return 1, None
    orientation = exif.get(_TAG_ORIENTATION, 1)
    taken = subsec = None
    with contextlib.suppress(Exception):
        ifd = exif.get_ifd(ExifTags.IFD.Exif)
        taken, subsec = ifd.get(_TAG_DATETIME_ORIGINAL), ifd.get(_TAG_SUBSEC_ORIGINAL)
    if not taken:
        taken, subsec = exif.get(_TAG_DATETIME), None
    if not isinstance(orientation, int) or orientation not in range(1, 9):
        orientation = 1
    text = _exif_text(taken)
    digits = _exif_text(subsec)
    if text and digits and digits.isdigit() and len(digits) <= 9:
        text = f"{text}.{digits}"
    return orientation, text


def _exif_text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return (str(value).strip("\x00 ") or None) if value else None


def _gray_gain(im: Image.Image) -> float:
    """Factor that brings a 16-bit/integer/float grey image to 0-255, from its extrema (read in C,
    without copying the image): 16-bit data is scaled by 1/257 (65535 -> 255) so a 16-bit and
    an 8-bit export of one photo hash alike; Pillow's own convert("L") would clip instead."""
    if im.mode not in _WIDE_GRAY:
        return 1.0
    lo_hi = im.getextrema()
    peak = float(lo_hi[1]) if isinstance(lo_hi, tuple) and lo_hi and not isinstance(lo_hi[0], tuple) else 0.0
    if im.mode == "F" and peak <= 1.0:
        return 255.0
    return 1 / 257 if peak > 255 else 1.0


_WIDE_GRAY = ("I;16", "I;16B", "I;16L", "I;16N", "I", "F")


def _to_rgb(im: Image.Image, gain: float | None = None) -> Image.Image:
    """Any Pillow mode to 8-bit RGB, transparency composited on white. ``gain``: the grey scale
    factor of :func:`_gray_gain` (given when ``im`` is one strip of a larger image)."""
    mode = im.mode
    if mode == "RGB":
        return im
    if mode in _WIDE_GRAY:
        g = _gray_gain(im) if gain is None else gain
        arr = np.asarray(im, dtype=np.float32)
        # Divide by 257 rather than multiply by its inverse: 257·k / 257 is exactly k in float32,
        # while 257·k · (1/257) can land just below k and truncate to k - 1.
        arr = arr / np.float32(1 / g) if g < 1 else arr * np.float32(g)
        return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L").convert("RGB")
    if (mode == "P" and "transparency" in im.info) or mode in ("LA", "La", "PA") or mode == "RGBa":
        im = im.convert("RGBA")
    if im.mode == "RGBA":
        background = Image.new("RGB", im.size, (255, 255, 255))
        background.paste(im, mask=im.getchannel("A"))
        return background
    return im.convert("RGB")


#: Above this many pixels after the first reduction, an image is reduced all the way to the
#: requested size by the box filter (a preview of a 250-megapixel scan peaked at 2 GB otherwise).
BIG_OUTPUT_PIXELS = 40_000_000

#: Rows converted at a time when a large image is brought to RGB and reduced: the conversion's
#: temporaries stay a few megabytes instead of a second copy of a huge image.
STRIP_PIXELS = 4_000_000


def _reduced_rgb(im: Image.Image, factor: int) -> Image.Image:
    """``_to_rgb(im).reduce(factor)``, strip by strip: the same pixels (strips start on multiples
    of ``factor``, so every box of the reduction lies in one strip), a fraction of the memory."""
    w, h = im.size
    if im.mode == "RGB" or (factor <= 1 and w * h <= STRIP_PIXELS):
        return _to_rgb(im).reduce(factor) if factor > 1 else _to_rgb(im)
    gain = _gray_gain(im)
    rows = max(factor, STRIP_PIXELS // max(1, w) // factor * factor)
    out = Image.new("RGB", (-(-w // factor), -(-h // factor)))
    for y in range(0, h, rows):
        strip = _to_rgb(im.crop((0, y, w, min(h, y + rows))), gain)
        out.paste(strip.reduce(factor) if factor > 1 else strip, (0, y // factor))
    return out


def decode(
    path: str | os.PathLike[str], size: int = WORK_SIZE, max_pixels: int = DEFAULT_MAX_PIXELS
) -> Decoded:
    """Decode ``path`` into an RGB image whose long side is at most ``size``.

    Raises DecodeError with a one-line, human-readable reason for anything that is not a usable
    image, whatever the decoder raised. JPEGs are decoded at the smallest DCT scale that still
    covers ``size``; nothing is decoded whose raster would not fit the memory budget. An fsspec
    URL (a cluster scan's object) is read into memory first (:func:`..files.remote.read_object`,
    its size checked before), then decoded with the same guards.
    """
    if remote.is_url(path):
        with remote.read_object(str(path)) as fh:
            return decode_stream(fh, str(path), size, max_pixels)
    with guard.open_regular(path) as fh:
        return decode_stream(fh, os.fspath(path), size, max_pixels)


def decode_stream(
    fh: BinaryIO, name: str, size: int = WORK_SIZE, max_pixels: int = DEFAULT_MAX_PIXELS
) -> Decoded:
    """:func:`decode` of the image in ``fh`` (seekable, at 0), whose file name ``name`` gives
    its extension (a camera RAW is known by it)."""
    _load_plugins()
    if formats.is_raw_extension(formats.extension(name)):
        return _decode_raw(fh, name, size, max_pixels)
    _check_declared_size(fh, max_pixels)
    try:
        with warnings.catch_warnings():
            # We apply our own pixel limit below, with a clearer message; a hostile file's
            # warnings (corrupt EXIF, skipped tags) are not the user's business.
            warnings.simplefilter("ignore")
            im = Image.open(fh)
    except UnidentifiedImageError:
        raise DecodeError(_unidentified_reason(fh)) from None
    except Exception as exc:  # Pillow's plugins raise anything on hostile headers
        raise DecodeError(guard.reason(exc, max_pixels)) from None
    with im:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                return _decode_opened(im, size, max_pixels)
        except Exception as exc:  # corrupt data, decoder errors, MemoryError: one file's problem
            raise DecodeError(guard.reason(exc, max_pixels)) from None


def single_threaded() -> None:
    """Decoders use one thread each (a scan's worker processes already use every core): the
    JPEG XL plugin otherwise starts a thread per core for every file. Applied now if the
    plugin is loaded, else when it is (importing it here would register it out of turn)."""
    global _one_thread
    _one_thread = True
    if "pillow_jxl.JpegXLImagePlugin" in sys.modules:
        _jxl_one_thread()


def _jxl_one_thread() -> None:
    with contextlib.suppress(ImportError):
        from pillow_jxl import JpegXLImagePlugin

        JpegXLImagePlugin.DECODE_THREADS = 1


def _check_declared_size(fh: BinaryIO, max_pixels: int) -> None:
    """Refuse, before Pillow opens it, a file whose plugin decodes everything on open (JPEG XL)
    and whose header declares too many pixels for the limits."""
    try:
        declared = headers.jxl_size(fh)
    except (ValueError, OSError) as exc:
        raise DecodeError(message("corrupt", detail=str(exc))) from None
    if declared is None:
        return
    w, h = declared
    guard.check_size(w, h, max_pixels)
    # At most 4 bytes a pixel (RGBA or float grey) in each of the plugin's copies.
    guard.check_need(w * h * 4 * guard.RASTER_COPIES["JXL"], f"{w}×{h} (JXL)")


def _decode_raw(fh: BinaryIO, name: str, size: int, max_pixels: int) -> Decoded:
    """A camera RAW: the embedded preview or a half-size demosaic (:mod:`.raw`), then the
    steps every image goes through; the facts (size, format, time, camera) are the RAW's."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # corrupt metadata is not the user's business
        pic = raw.read(fh, size, max_pixels)
    with pic.image as im:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                dec = _decode_opened(im, size, max_pixels, orientation=pic.orientation)
        except DecodeError:
            raise
        except Exception as exc:  # a damaged preview: one file's problem
            raise DecodeError(guard.reason(exc, max_pixels)) from None
    w, h = (pic.height, pic.width) if pic.orientation >= 5 else (pic.width, pic.height)
    return replace(
        dec,
        width=w,
        height=h,
        format=formats.raw_format_name(name),
        taken=pic.taken,
        camera=pic.camera,
        # A RAW is no JPEG, whatever its preview is; its detail was measured on a preview or a
        # reduced demosaic, not on its own pixels, so the keeper does not compare it.
        quality=None,
        detail=replace(dec.detail, native=False, blockiness=1.0),
    )


def _decode_opened(im: Image.Image, size: int, max_pixels: int, orientation: int | None = None) -> Decoded:
    """``im`` (opened, not yet loaded) decoded to at most ``size``; ``orientation`` replaces its
    EXIF orientation (a RAW's preview is turned by the RAW's, not by its own)."""
    fmt = im.format or "unknown"
    w, h = im.size
    guard.check_pixels(im, max_pixels)
    exif_orientation, taken = _exif_facts(im)
    orientation = exif_orientation if orientation is None else orientation
    if getattr(im, "is_animated", False):
        im.seek(0)  # GIF/WebP/APNG: the first frame stands for the file
    quality, camera = fidelity.jpeg_quality(im), fidelity.camera(im)
    # Small images are decoded whole, so the keeper's evidence (detail, blockiness) is measured
    # on the real pixels; a camera-sized JPEG is not worth 5x the decoding time for it.
    native = w * h <= fidelity.NATIVE_MAX_PIXELS
    if fmt in ("JPEG", "MPO") and not native:  # MPO: a JPEG with more pictures after it
        # DCT-domain downscale: decodes at 1/2, 1/4 or 1/8 size, never smaller than `size` on the
        # long side. The box keeps the aspect ratio: Pillow picks the scale that covers both sides.
        box = (size, max(1, size * h // w)) if w >= h else (max(1, size * w // h), size)
        im.draft("RGB", box)
    guard.check_budget(im)  # what will really be decoded (after the DCT reduction)
    with guard.large_decode_turn(im):
        im.load()
        lw, lh = im.size
        # The keeper's evidence is measured on a centre crop of the decoded pixels, before resizing.
        crop = im.crop(fidelity.measure_box(lw, lh))
        detail = fidelity.detail(_to_rgb(crop, _gray_gain(im)), native=(lw, lh) == (w, h))
        # reduce() first (fast box filter by an integer factor), then an antialiased resize.
        factor = max(1, max(lw, lh) // (2 * size))
        if (lw // factor) * (lh // factor) > BIG_OUTPUT_PIXELS:
            # Only a full-size preview of a huge picture gets here (the scan's 384 px never does):
            # reduce straight to at most `size`, instead of holding a second huge image to resize.
            factor = -(-max(lw, lh) // size)
        rgb = _reduced_rgb(im, factor)
        if rgb is not im:
            im.close()  # the full raster goes now, before the next large decode's turn
    if max(rgb.size) > size:
        rgb.thumbnail((size, size), Image.Resampling.BILINEAR, reducing_gap=None)
    if orientation != 1:
        rgb = rgb.transpose(_ORIENTATION_TRANSPOSE[orientation])
        if orientation >= 5:
            w, h = h, w
    return Decoded(
        image=rgb, width=w, height=h, format=fmt, taken=taken, camera=camera, quality=quality, detail=detail
    )


def _unidentified_reason(fh: BinaryIO) -> str:
    try:
        fh.seek(0)
        head = fh.read(64)
    except OSError as exc:
        return message("unreadable", detail=exc.strerror or str(exc))
    if not head:
        return message("empty")
    if all(32 <= b < 127 or b in (9, 10, 13) for b in head):
        return message("text_file")
    return message("unrecognised")


#: Full-size previews of larger pictures are decoded reduced to about this many pixels (still
#: as much as an 8K screen shows): a 100-megapixel scan needs no 400 MB preview.
DISPLAY_MAX_PIXELS = 32_000_000


def display_image(path: str | os.PathLike[str], size: int | None = None) -> Image.Image:
    """Decode for display (previews): RGB, EXIF orientation applied, bounded by ``size`` on the
    long side; ``None``: full resolution up to :data:`DISPLAY_MAX_PIXELS`, reduced beyond.

    Same guards as :func:`decode` (regular files only, pixel limit, memory budget)."""
    _load_plugins()
    if size is None and formats.is_raw_extension(formats.extension(os.fspath(path))):
        # A RAW gives at most its preview or half its sensor (see .raw); a 45-megapixel camera's
        # full-size preview is bounded like any picture (a 3:2 one at DISPLAY_MAX_PIXELS).
        return decode(path, size=int((DISPLAY_MAX_PIXELS * 1.5) ** 0.5)).image
    if size is None:
        with guard.open_regular(path) as fh:
            _check_declared_size(fh, DEFAULT_MAX_PIXELS)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    with Image.open(fh) as im:
                        w, h = im.size
            except UnidentifiedImageError:
                raise DecodeError(_unidentified_reason(fh)) from None
            except Exception as exc:
                raise DecodeError(guard.reason(exc, DEFAULT_MAX_PIXELS)) from None
        size = max(w, h, 1)
        if w * h > DISPLAY_MAX_PIXELS:
            size = max(1, int(size * (DISPLAY_MAX_PIXELS / (w * h)) ** 0.5))
    return decode(path, size=size).image
