"""Opening an image file without trusting it: regular files only, a memory budget, clear reasons.

Every file a scan or a preview decodes went through discovery some time ago, and may since have
become a FIFO (opening it would block forever), a device (``/dev/zero`` never ends), a directory,
or a file someone is still writing. A file is also only as honest as its header: 693 bytes of
JPEG may declare 17000×17000 pixels, 38 bytes of lossless WebP 16383×16383. So:

- :func:`open_regular` opens without blocking and checks, on the open descriptor, that it is a
  regular file (:mod:`..files.opening`);
- :func:`check_pixels` and :func:`check_budget` refuse, before any pixel is decoded, an image
  whose pixel count is over the limit or whose decoded raster would not fit
  :data:`~..options.DECODE_BUDGET_BYTES`, with the app's own limits in the message;
- :func:`reason` turns whatever a decoder raised (Pillow and its plugins raise ``ValueError``,
  ``RuntimeError``, ``SyntaxError``, ``struct.error``, ``zlib.error``... on hostile input) into one
  line a person can act on.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from collections.abc import Iterator
from typing import Any

from PIL import Image

from ..errors import DecodeError
from ..files import opening
from ..messages import message, of
from ..options import DECODE_BUDGET_BYTES


def open_regular(path: str | os.PathLike[str]) -> io.BufferedReader:
    """``path`` opened for reading (:func:`..files.opening.open_regular`), or a DecodeError that
    says why not."""
    try:
        return opening.open_regular(path)
    except FileNotFoundError:
        raise DecodeError(message("vanished")) from None
    except PermissionError:
        raise DecodeError(message("permission")) from None
    except IsADirectoryError:
        raise DecodeError(message("directory")) from None
    except opening.NotRegularFileError as exc:
        raise DecodeError(
            message("not_regular", kind=exc.strerror.removeprefix("not a regular file: "))
        ) from None
    except OSError as exc:
        raise DecodeError(message("unreadable", detail=exc.strerror or str(exc))) from None


def bytes_per_pixel(mode: str) -> int:
    """Bytes Pillow holds per pixel of ``mode`` (multi-band modes are stored 4 bytes a pixel)."""
    if mode in ("1", "L", "P"):
        return 1
    if mode.startswith("I;16"):
        return 2
    return 4


def check_pixels(im: Image.Image, max_pixels: int) -> None:
    """Raise DecodeError when ``im`` declares no pixels or more than ``max_pixels``."""
    check_size(*im.size, max_pixels)


def check_size(w: int, h: int, max_pixels: int) -> None:
    """Raise DecodeError when a ``w``×``h`` picture has no pixels or more than ``max_pixels``."""
    if w <= 0 or h <= 0:
        raise DecodeError(message("no_pixels"))
    if w * h > max_pixels:
        mp, limit = round(w * h / 1e6), round(max_pixels / 1e6)
        raise DecodeError(message("bomb_size", width=w, height=h, megapixels=mp, limit=limit))


#: Copies of the raster a format's decoder holds at once. libwebp, libavif, libheif and libjxl
#: decode into a buffer of their own that Pillow then copies (and WebP's frame decoder and the
#: JPEG XL plugin once more); OpenJPEG holds 32 bits per channel (a 12-megapixel JPEG 2000 peaked
#: at 224 MB: 4.7 times its RGB raster); the other decoders write into Pillow's image directly.
RASTER_COPIES = {"WEBP": 3, "AVIF": 3, "HEIF": 3, "JXL": 3, "JPEG2000": 5}


def raster_bytes(im: Image.Image) -> int:
    """Bytes decoding ``im`` at its current (possibly draft-reduced) size takes at its peak,
    counting the copies its decoder makes."""
    w, h = im.size
    return w * h * bytes_per_pixel(im.mode) * RASTER_COPIES.get(im.format or "", 1)


def check_budget(im: Image.Image, budget: int = DECODE_BUDGET_BYTES) -> None:
    """Raise DecodeError when decoding ``im`` would take more than ``budget`` bytes of raster."""
    check_need(raster_bytes(im), f"{im.size[0]}×{im.size[1]} ({im.format} {im.mode})", budget)


def check_need(need: int, what: str, budget: int = DECODE_BUDGET_BYTES) -> None:
    """Raise DecodeError when decoding ``what`` ("4000×3000 (JPEG RGB)") takes more than
    ``budget`` bytes."""
    if need > budget:
        need_gb, limit_gb = round(need / 2**30, 1), round(budget / 2**30, 1)
        raise DecodeError(message("memory_budget", what=what, need_gb=need_gb, limit_gb=limit_gb))


def reason(exc: BaseException, max_pixels: int) -> str:
    """One line saying why a decoder gave up on a file (a :class:`..messages.Message`)."""
    if isinstance(exc, DecodeError):
        return of(exc)
    if isinstance(exc, Image.DecompressionBombError):
        # Pillow's message quotes its own limit (twice ours); say ours, and what the file declares.
        found = re.search(r"\((\d+) pixels\)", str(exc))
        limit = round(max_pixels / 1e6)
        if found:
            return message("bomb_declared", megapixels=round(int(found.group(1)) / 1e6), limit=limit)
        return message("bomb", limit=limit)
    if isinstance(exc, MemoryError):
        return message("out_of_memory")
    # One line, and not a page: libheif and libtiff put newlines and whole dumps in messages.
    text = " ".join(str(exc).split()) or type(exc).__name__
    if len(text) > 160:
        text = text[:157] + "..."
    if "MAX_TEXT_CHUNK" in text or "MAX_TEXT_MEMORY" in text:
        return message("metadata_bomb")
    if "truncated" in text.lower():
        return message("truncated")
    return message("corrupt", detail=text)


#: Decodes whose raster is larger than this take turns across a scan's worker processes: each
#: file fits the budget, but eight workers decoding eight 250-megapixel scans at once would not.
BIG_RASTER_BYTES = 256 << 20
#: Longest wait for a turn (seconds). A worker that died holding the turn (a decoder crash)
#: must not stop every later large decode: after this, decode anyway.
GATE_WAIT = 120.0
_gate: Any = None


def set_gate(gate: Any) -> None:
    """The semaphore large decodes take turns on in this process (set in each worker by the
    pool; None: no turns, as in the window and in-process analysis)."""
    global _gate
    _gate = gate


def large_decode_turn(im: Image.Image) -> contextlib.AbstractContextManager[None]:
    """Held while ``im`` is decoded and reduced, when it is large and a gate is set."""
    return large_turn(raster_bytes(im))


@contextlib.contextmanager
def large_turn(need: int) -> Iterator[None]:
    """Held while a decode that takes ``need`` bytes runs, when that is large and a gate is set."""
    gate = _gate
    if gate is None or need <= BIG_RASTER_BYTES:
        yield
        return
    got = gate.acquire(timeout=GATE_WAIT)
    try:
        yield
    finally:
        if got:
            gate.release()
