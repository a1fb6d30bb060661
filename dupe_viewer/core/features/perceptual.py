"""Perceptual features of one decoded image: hashes in all eight orientations, plus colour.

What is stored per image (and cached):

- ``phash``: imagehash pHash (64 bits) of the border-trimmed image, for each of the 8 orientations.
- ``dhash``: imagehash dHash (64 bits), likewise. A second, differently built hash confirms pHash
  matches: two unrelated photos rarely agree on both.
- ``thumb``: the trimmed image as 32×32 grayscale (1 KiB), orientation 0. Averaged down to
  16×16 and normalised for brightness and contrast it is the dense descriptor that finds
  candidate pairs (nearest neighbours), and compared cell by cell it tells a local overlay from
  a different photo; at 32×32 it verifies crops found by deep similarity (:mod:`..deep.verify`).
- ``colour``: a 4×4 grid of mean Y/Cb/Cr (48 bytes) of the trimmed image in orientation 0, to tell a
  colour or brightness edit (or a grayscale copy) from a faithful copy.
- ``chroma``: mean colourfulness; below :data:`GRAY_CHROMA` the image is treated as grayscale.
- ``chroma_map``: an 8×8 grid of mean Cb/Cr (128 bytes), for :mod:`..group.consensus`, which
  finds the member of a group carrying a local edit: a pasted object can have the brightness of
  what it covers (a red helmet over a dark door), so that only its colour gives it away.
- ``content``: the share of the canvas that is picture (1.0 unless a border was trimmed), and
  ``top``, ``blockiness``, ``sharpness``, ``native``: the file's :class:`~.fidelity.Detail`.
  Together with the header facts they are the evidence the keeper is chosen from.

Uniform borders and letterbox bars are trimmed before hashing so a framed copy hashes like its
original. Hashes are kept as unsigned 64-bit integers so matching is vectorised Hamming distance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import imagehash
import numpy as np
from PIL import Image

from .fidelity import Detail
from .orientation import transpose_image

#: Below this mean chroma (0-181 scale of Cb/Cr distance) an image counts as grayscale.
GRAY_CHROMA = 4.0
#: A trimmed border must be at least this uniform (max channel difference from the bar colour).
TRIM_TOLERANCE = 24
#: Never trim away more than this fraction of either side: what remains is the picture. A 16:9
#: photo letterboxed into a square loses 44 % of its height (0.35 left such copies untrimmed, so
#: the letterboxed copy counted its bars as resolution and was kept).
TRIM_MAX_FRACTION = 0.45

THUMB = 32  # side of the stored grayscale thumbnail
CHROMA_MAP = 8  # side of the stored Cb/Cr map
TINY = 16  # side of the "tiny image" the hash stage compares (the thumbnail averaged 2×2)
_HASH_IMAGE_SIZE = 32  # imagehash's pHash works on a 32×32 grayscale image


@dataclass
class Features:
    """Perceptual features of one image."""

    phash: np.ndarray  # uint64[8], one per orientation
    dhash: np.ndarray  # uint64[8]
    thumb: np.ndarray  # uint8[32, 32] grayscale, orientation 0
    colour: np.ndarray  # uint8[4, 4, 3] mean YCbCr per cell, orientation 0
    chroma: float
    trimmed: bool  # a uniform border was removed before hashing
    content: float = 1.0  # share of the canvas that is picture (the rest was border)
    detail: Detail = field(default_factory=Detail)
    chroma_map: np.ndarray = field(default_factory=lambda: np.zeros((CHROMA_MAP, CHROMA_MAP, 2), np.uint8))


def _hash_to_int(h: imagehash.ImageHash) -> int:
    return int.from_bytes(np.packbits(h.hash.ravel()).tobytes(), "big")


def _content_bbox(arr: np.ndarray, colour: np.ndarray) -> tuple[int, int, int, int] | None:
    """Bounding box (left, top, right, bottom) of pixels that differ from ``colour``."""
    differs = np.abs(arr - colour).max(axis=2) > TRIM_TOLERANCE
    rows = np.flatnonzero(differs.any(axis=1))
    cols = np.flatnonzero(differs.any(axis=0))
    if rows.size == 0:
        return None
    return int(cols[0]), int(rows[0]), int(cols[-1]) + 1, int(rows[-1]) + 1


def trim_borders(image: Image.Image) -> tuple[Image.Image, bool]:
    """Remove uniform bars (letterbox, pillarbox, frames) around the picture.

    Bars are found against two opposite corners' colours in turn, so bars of different colours on
    different sides still go. A trim that would remove more than :data:`TRIM_MAX_FRACTION` of a
    side is content (a dark night sky, a white product shot), not a border, and is not applied.
    """
    # Work on a small copy: bars are large structures, and the box filter evens out JPEG noise.
    scale = max(image.size) / 128
    if scale > 1:
        small = image.resize(
            (max(1, round(image.width / scale)), max(1, round(image.height / scale))), Image.Resampling.BOX
        )
    else:
        scale, small = 1.0, image
    arr = np.asarray(small, dtype=np.int16)
    h, w = arr.shape[:2]
    left, top, right, bottom = 0, 0, w, h
    for cy, cx in ((0, 0), (-1, -1)):
        sub = arr[top:bottom, left:right]
        bbox = _content_bbox(sub, sub[cy, cx])
        if bbox is None:
            return image, False  # a uniform image has no border to speak of
        l2, t2, r2, b2 = bbox
        sw, sh = right - left, bottom - top
        # Bars narrower than 2 % are JPEG ringing or a hairline frame, not worth a different hash.
        if max(l2, t2, sw - r2, sh - b2) < 0.02 * max(sw, sh):
            continue
        left, top, right, bottom = left + l2, top + t2, left + r2, top + b2
    if (right - left) < w * (1 - TRIM_MAX_FRACTION) or (bottom - top) < h * (1 - TRIM_MAX_FRACTION):
        return image, False
    if (left, top, right, bottom) == (0, 0, w, h):
        return image, False
    # Shrink the box by one small pixel on each trimmed side: the bar edge is blurred by the
    # reduction and by JPEG, and a sliver of bar colour would shift the hash more than lost content.
    # An untrimmed side stays the image's own edge: the small copy's rounded size times ``scale``
    # can overshoot it (Pillow pads an overshooting crop with black) or fall short of it.
    box = (
        round((left + 1) * scale) if left > 0 else 0,
        round((top + 1) * scale) if top > 0 else 0,
        round((right - 1) * scale) if right < w else image.width,
        round((bottom - 1) * scale) if bottom < h else image.height,
    )
    return image.crop(box), True


def compute(image: Image.Image, detail: Detail | None = None) -> Features:
    """Compute :class:`Features` of an RGB working image (already EXIF-oriented); ``detail`` is
    the file's, measured by the decoder."""
    content, trimmed = trim_borders(image)
    gray = content.convert("L").resize((_HASH_IMAGE_SIZE, _HASH_IMAGE_SIZE), Image.Resampling.LANCZOS)
    phash = np.empty(8, dtype=np.uint64)
    dhash = np.empty(8, dtype=np.uint64)
    for k in range(8):
        g = transpose_image(gray, k)
        phash[k] = _hash_to_int(imagehash.phash(g))
        dhash[k] = _hash_to_int(imagehash.dhash(g))
    thumb = np.asarray(content.convert("L").resize((THUMB, THUMB), Image.Resampling.BOX), dtype=np.uint8)
    ycc = np.asarray(content.convert("YCbCr").resize((32, 32), Image.Resampling.BOX), dtype=np.float32)
    chroma = float(np.hypot(ycc[..., 1] - 128.0, ycc[..., 2] - 128.0).mean())
    colour = ycc.reshape(4, 8, 4, 8, 3).mean(axis=(1, 3)).round().astype(np.uint8)
    cell = THUMB // CHROMA_MAP
    chroma_map = ycc[..., 1:].reshape(CHROMA_MAP, cell, CHROMA_MAP, cell, 2).mean(axis=(1, 3))
    chroma_map = chroma_map.round().astype(np.uint8)
    area = content.width * content.height / max(1, image.width * image.height)
    return Features(
        phash=phash,
        dhash=dhash,
        thumb=thumb,
        colour=colour,
        chroma=chroma,
        trimmed=trimmed,
        content=float(area),
        detail=detail or Detail(),
        chroma_map=chroma_map,
    )


#: Fixed-size binary layout of :class:`Features`, used by the cache and for columnar arrays.
FEATURE_DTYPE = np.dtype(
    [
        ("phash", "<u8", (8,)),
        ("dhash", "<u8", (8,)),
        ("thumb", "u1", (THUMB, THUMB)),
        ("colour", "u1", (4, 4, 3)),
        ("chroma", "<f4"),
        ("trimmed", "u1"),
        ("content", "<f4"),
        ("top", "<f4"),
        ("blockiness", "<f4"),
        ("sharpness", "<f4"),
        ("native", "u1"),
        ("clipped", "<f4"),
        ("chroma_map", "u1", (CHROMA_MAP, CHROMA_MAP, 2)),
    ]
)
#: Bump when anything above changes the values computed: cached features of an older version are
#: recomputed. 2: a trim no longer pads an untrimmed side with a row of black. 3: 32×32 thumbnail.
#: 4: the keeper's evidence (content share, detail). 5: letterboxes up to 45 % of a side trimmed,
#: and the clipped share (exposure) of the detail. 6: the chroma map.
FEATURE_VERSION = 6


def to_record(f: Features) -> np.ndarray:
    rec = np.zeros((), dtype=FEATURE_DTYPE)
    rec["phash"] = f.phash
    rec["dhash"] = f.dhash
    rec["thumb"] = f.thumb
    rec["colour"] = f.colour
    rec["chroma"] = f.chroma
    rec["trimmed"] = f.trimmed
    rec["content"] = f.content
    rec["top"] = f.detail.top
    rec["blockiness"] = f.detail.blockiness
    rec["sharpness"] = f.detail.sharpness
    rec["native"] = f.detail.native
    rec["clipped"] = f.detail.clipped
    rec["chroma_map"] = f.chroma_map
    return rec


def to_bytes(f: Features) -> bytes:
    return to_record(f).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    """A 0-d structured array of FEATURE_DTYPE (raises ValueError when the size is wrong)."""
    if len(blob) != FEATURE_DTYPE.itemsize:
        raise ValueError("feature blob of the wrong size")
    return np.frombuffer(blob, dtype=FEATURE_DTYPE)[0].copy()


def tiny_images(thumbs: np.ndarray) -> np.ndarray:
    """(N, 32, 32) uint8 thumbnails -> (N, 16, 16) float32 tiny images (2×2 means).

    Summed in integers: exact, and several times faster than a float mean over strided axes
    (which dominated pair measurement)."""
    t = thumbs.astype(np.uint16)
    s = t[:, 0::2, 0::2] + t[:, 1::2, 0::2] + t[:, 0::2, 1::2] + t[:, 1::2, 1::2]
    return s.astype(np.float32) * np.float32(0.25)
