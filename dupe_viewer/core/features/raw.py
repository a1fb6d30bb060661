"""Camera RAW files (DNG, CR2, CR3, NEF, ARW, ORF, RAF, RW2, ...) through rawpy (LibRaw).

A RAW is read for the same working image as any photo, as cheaply as it can be:

- **the embedded preview** when it is large enough: the JPEG the camera rendered from the same
  sensor data, and what its JPEG twin of a RAW+JPEG shot was made from, so the two hash alike.
  "Large enough" is :data:`PREVIEW_MIN_SIDE` on the long side and at least what was asked for
  (or half the RAW's size, the most a reduced demosaic gives): a 160-640 px thumbnail is made for
  the camera's index screen (often letterboxed, coarsely compressed) and does not stand for the
  photo. A preview whose shape is not the RAW's (within :data:`ASPECT_TOLERANCE`) is not used.
- **else a demosaic at half size** (``half_size``: each 2×2 sensor block becomes a pixel, no
  interpolation), with the camera's white balance, in sensor orientation.

Orientation comes from the RAW (LibRaw's ``flip``), never from the preview's EXIF: previews are
stored as the sensor saw the scene. Capture time and camera come from the RAW's own TIFF
directories (TIFF-based RAWs, and CR3's CMT boxes), then from the preview's EXIF (Fujifilm's RAF
keeps them there), then LibRaw's timestamp. A file LibRaw cannot read, a corrupt one, or one too
large for the memory budget is a :class:`~..errors.DecodeError` with a one-line reason.
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np
from PIL import Image

from ..errors import DecodeError
from ..messages import message
from ..options import DECODE_BUDGET_BYTES
from . import fidelity, guard

#: A preview at least this long on its long side stands for the photo (see the module doc). The
#: scan works at 384 px, so 1024 leaves room for the keeper's detail measures and the window's
#: side-by-side view; Sony's and Adobe's DNG previews (1024-1616 px) qualify, 160-640 px
#: thumbnails do not.
PREVIEW_MIN_SIDE = 1024
#: How far (relative) a preview's aspect ratio may be from the RAW's: sensor margins make the
#: two differ by a pixel row or so; a 4:3 thumbnail of a 3:2 picture is letterboxed.
ASPECT_TOLERANCE = 0.03
#: How much of the file's start is searched for metadata (IFD0, the Exif IFD, CR3's CMT boxes
#: all lie in the first few hundred kilobytes of every camera's files).
METADATA_HEAD = 4 << 20

#: LibRaw's ``flip`` (dcraw's: 4 transpose, 2 flip vertically, 1 flip horizontally) -> EXIF
#: orientation: the inverse of dcraw's ``"50132467"[orientation & 7]``.
_FLIP_TO_EXIF = {0: 1, 1: 2, 2: 4, 3: 3, 4: 5, 5: 8, 6: 6, 7: 7}
_TAG_EXIF_IFD = 0x8769
_TAG_DATETIME_ORIGINAL = 0x9003
_TAG_DATETIME = 0x0132
#: TIFF-like headers of RAW files: TIFF (DNG, CR2, NEF, ARW, PEF, SRW...), Olympus, Panasonic.
_TIFF_LIKE = {b"II*\x00": b"II*\x00", b"MM\x00*": b"MM\x00*", b"IIRO": b"II*\x00", b"IIRS": b"II*\x00"}
_TIFF_LIKE[b"IIU\x00"] = b"II*\x00"
_TIFF_LIKE[b"MMOR"] = b"MM\x00*"


@dataclass
class RawPicture:
    """A RAW's picture (sensor orientation, not yet reduced) and facts about the file."""

    image: Image.Image  # the preview as opened (not loaded), or the demosaiced RGB image
    width: int  # the RAW's full size, sensor orientation
    height: int
    orientation: int  # EXIF orientation (1-8) to show it upright
    taken: str | None
    camera: str | None
    from_preview: bool


def _rawpy() -> Any:
    try:
        import rawpy
    except ImportError as exc:  # rawpy is a dependency; a broken install costs RAW files only
        raise DecodeError(message("raw_unavailable", detail=str(exc))) from None
    return rawpy


def read(fh: BinaryIO, size: int, max_pixels: int, budget: int = DECODE_BUDGET_BYTES) -> RawPicture:
    """The picture of the RAW file ``fh`` for a working image of ``size`` px on the long side."""
    rawpy = _rawpy()
    # Seek, not fstat: a remote object arrives as bytes in memory, with no descriptor.
    file_bytes = fh.seek(0, os.SEEK_END)
    fh.seek(0)
    if file_bytes > budget // 2:
        size_mb, limit_mb = round(file_bytes / 2**20), round(budget / 2**21)
        raise DecodeError(message("raw_budget", size_mb=size_mb, limit_mb=limit_mb))
    head = fh.read(METADATA_HEAD)
    fh.seek(0)
    raw = rawpy.RawPy()
    try:
        try:
            raw.open_buffer(fh)  # reads the whole file once, into a buffer LibRaw parses
        except rawpy.LibRawFileUnsupportedError:
            raise DecodeError(message("raw_unsupported")) from None
        return _picture(rawpy, raw, head, file_bytes, size, max_pixels, budget)
    except DecodeError:
        raise
    except Exception as exc:  # LibRaw's errors on corrupt data, MemoryError: one file's problem
        raise DecodeError(_reason(rawpy, exc, max_pixels)) from None
    finally:
        raw.close()


def _reason(rawpy: Any, exc: BaseException, max_pixels: int) -> str:
    if isinstance(exc, (rawpy.LibRawTooBigError, rawpy.LibRawMemPoolOverflowError)):
        return message("raw_too_large")
    if isinstance(exc, (rawpy.LibRawUnsufficientMemoryError, MemoryError)):
        return message("out_of_memory")
    if isinstance(exc, (rawpy.LibRawIOError, rawpy.LibRawDataError)):
        return message("raw_corrupt")
    return guard.reason(exc, max_pixels)


def _picture(
    rawpy: Any, raw: Any, head: bytes, file_bytes: int, size: int, max_pixels: int, budget: int
) -> RawPicture:
    sizes = raw.sizes
    w, h = int(sizes.width), int(sizes.height)
    if w <= 0 or h <= 0:
        raise DecodeError(message("no_pixels"))
    guard.check_size(w, h, max_pixels)
    guard.check_size(int(sizes.raw_width), int(sizes.raw_height), max_pixels)
    orientation = _FLIP_TO_EXIF.get(int(sizes.flip), 1)
    preview = _preview(rawpy, raw)
    taken, camera = _metadata(head, preview)
    if taken is None:
        taken = _libraw_time(raw)
    usable = preview is not None and _fits(preview.size, w, h, size)
    if usable and preview is not None:
        pw, ph = preview.size
        if _same_shape((pw, ph), (h, w)) and not _same_shape((pw, ph), (w, h)):
            orientation = 1  # the camera stored this preview upright already
        return RawPicture(preview, w, h, orientation, taken, camera, from_preview=True)
    if preview is not None:
        preview.close()
    # LibRaw holds the raw mosaic (2 bytes a photosite), the half-size image (4 channels of 16
    # bits) and the 8-bit RGB result; the file's bytes are held too.
    half = (w // 2) * (h // 2)
    need = file_bytes + int(sizes.raw_width) * int(sizes.raw_height) * 2 + half * (8 + 3)
    guard.check_need(need, f"{w}×{h} (RAW)", budget)
    with guard.large_turn(need):
        rgb = raw.postprocess(half_size=True, use_camera_wb=True, output_bps=8, user_flip=0)
    image = Image.fromarray(np.ascontiguousarray(rgb, dtype=np.uint8), "RGB")
    return RawPicture(image, w, h, orientation, taken, camera, from_preview=False)


def _preview(rawpy: Any, raw: Any) -> Image.Image | None:
    """The embedded preview, opened (not decoded), or None when there is none that Pillow reads.
    A broken preview costs only the preview: the RAW is demosaiced instead."""
    try:
        thumb = raw.extract_thumb()
    except Exception:  # no preview, an unsupported one, or a damaged one
        return None
    try:
        if thumb.format == rawpy.ThumbFormat.JPEG:
            im = Image.open(io.BytesIO(thumb.data), formats=["JPEG"])
            return im if im.width > 0 and im.height > 0 else None
        arr = np.asarray(thumb.data)
        if arr.ndim == 3 and arr.shape[2] == 3 and arr.dtype == np.uint8:
            return Image.fromarray(np.ascontiguousarray(arr), "RGB")
    except Exception:
        return None
    return None


def _same_shape(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return abs(a[0] / a[1] - b[0] / b[1]) <= ASPECT_TOLERANCE * (b[0] / b[1])


def _fits(preview: tuple[int, int], w: int, h: int, size: int) -> bool:
    """Whether a preview of size ``preview`` stands for a ``w``×``h`` RAW asked for at ``size``."""
    if not (_same_shape(preview, (w, h)) or _same_shape(preview, (h, w))):
        return False
    long_side, full = max(preview), max(w, h)
    if long_side < min(PREVIEW_MIN_SIDE, full):
        return False
    # Asked for more than the preview has (a full-size view): a half-size demosaic is worth it
    # only when it is larger than the preview.
    return long_side >= 0.9 * min(size, full) or long_side >= full // 2


def _metadata(head: bytes, preview: Image.Image | None) -> tuple[str | None, str | None]:
    """(capture time, camera) from the RAW's TIFF directories (in ``head``, the file's first
    :data:`METADATA_HEAD` bytes), else from the preview's EXIF."""
    taken = camera = None
    for exif in _raw_exifs(head):
        camera = camera or fidelity.camera_of(exif)
        taken = taken or _taken(exif)
    if preview is not None and (taken is None or camera is None):
        with contextlib.suppress(Exception):  # broken EXIF in a preview must not cost the RAW
            exif = preview.getexif()
            camera = camera or fidelity.camera_of(exif)
            taken = taken or _taken(exif)
    return taken, camera


def _raw_exifs(head: bytes) -> list[Image.Exif]:
    """The EXIF blocks (IFD0 and what it links to) of a RAW, as Pillow reads them."""
    tiffs = []
    if head[:4] in _TIFF_LIKE:
        # Olympus and Panasonic write TIFF with a magic number of their own: given TIFF's,
        # Pillow reads their directories like any other.
        tiffs.append(_TIFF_LIKE[head[:4]] + head[4:])
    for box in (b"CMT1", b"CMT2"):  # CR3 (ISO BMFF): IFD0 and the Exif IFD, each a whole TIFF
        at = head.find(box)
        if at >= 4:
            length = int.from_bytes(head[at - 4 : at], "big")
            tiffs.append(head[at + 4 : at - 4 + length])
    out = []
    for tiff in tiffs:
        # Damaged directories, or ones beyond the head: no metadata, not an error (nor a warning).
        with contextlib.suppress(Exception), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exif = Image.Exif()
            exif.load(tiff)
            out.append(exif)
    return out


def _taken(exif: Image.Exif) -> str | None:
    value: Any = None
    with contextlib.suppress(Exception):
        value = exif.get_ifd(_TAG_EXIF_IFD).get(_TAG_DATETIME_ORIGINAL)
    value = value or exif.get(_TAG_DATETIME_ORIGINAL) or exif.get(_TAG_DATETIME)
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    text = str(value).strip("\x00 ") if value else ""
    return text or None


def _libraw_time(raw: Any) -> str | None:
    """LibRaw's capture time (it read it from the file as local time), in EXIF's form."""
    with contextlib.suppress(Exception):
        stamp = raw.other.timestamp
        if stamp is not None and stamp.year > 1970:
            return str(stamp.strftime("%Y:%m:%d %H:%M:%S"))
    return None
