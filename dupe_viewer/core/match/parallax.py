"""Which same-size pairs are two moments, not two copies: their content moved, in several places.

The camera's capture times tell most other exposures from copies (:mod:`..group.moments`); a
pair without them (a messenger strips EXIF; a stereo pair, PNG frames) is told by its pixels
here, when it can be. A copy of one pixel size (once turned) made without moving the picture (a
re-encode, a colour or brightness edit, an overlay, a pasted object, a lossless conversion, a
rotation by quarter turns) keeps every detail where it was: each textured block matches the
other file's at the same place, or (where the edit covers it) nowhere. Another exposure of the
scene moves its content: the other eye of a stereo pair shifts near things more than far ones,
a burst frame's subject moves. So :func:`other_moments` decodes both files small, turns the
first as the hashes found it fits the second, cuts both into 32-px blocks, finds each textured
block's shift by phase correlation, and calls the pair *another moment* when enough blocks moved
confidently **and** no single affine motion explains the moves (parallax, a moving subject), or
when the whole picture moved at one size (the camera moved between two frames: a burst).

Measured on the dev corpus with its hard cases, blocks at 256 px: the share of blocks that moved
2 px or more was at most 0.02 for every copy kind of one size (re-encodes, colour, brightness,
contrast, grayscale, blur and noise, overlays, both kinds of pasted objects, HEIC, lossless
conversions, EXIF rotations, exports, combinations), and 0.30 for the skimage stereo pair, whose
moves also leave 0.33 of the trusted blocks off the best affine fit. In a scan of that corpus,
no pair of a file and its copy is called another moment; the stereo view is, against the other
view and each of its same-size copies. Of the 105 burst frame pairs (shots by their EXIF
anyway), 2 moved in several ways and 76 as a whole (the camera shifted 1 px or more at 256 px);
no copy's content moved as a whole.
Scaled or cropped pairs are not looked at: straightened-and-cropped copies (tilts) moved their
corners beyond the search and 27 of their pairs were wrongly called moments when they were.
Such a pair becomes a *similar shot* (kind ``shot``): grouped, never pre-marked for the trash.
Only pairs from the scan's similarity threshold up to the hashes' faithful-copy level are looked
at (each file decoded small once, ~1-6 ms a pair), and nothing is concluded from too few
textured blocks.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import NamedTuple

import numpy as np
from PIL import Image

from ..errors import DecodeError, ScanCancelled
from ..features.orientation import SWAPS_AXES, transpose_image
from ..files.records import ImageRecord
from .scoring import NEAR_SIMILARITY

#: Width, in pixels, at which both files are compared, and the long side they are decoded at.
WIDTH, DECODED = 256, 384
#: Shapes (width / height, once turned) this close (relative) are one shape.
ASPECT = 0.02
#: The orientations that swap width and height.
SWAPPING = np.flatnonzero(SWAPS_AXES)
#: Block side and step (half overlapping).
BLOCK, STEP = 32, 16
#: A block is textured when both files' pixel values spread this much (standard deviation).
TEXTURE = 8.0
#: A block's shift is trusted when its phase-correlation peak reaches this.
CONFIDENT = 0.3
#: A block moved when its shift is at least this many pixels (at :data:`WIDTH`).
MOVED_PX = 2.0
#: ... and sits this far from where the best affine motion of all trusted blocks puts it.
OFF_AFFINE_PX = 1.5
#: Another moment: at least this share of the textured blocks moved, and this share is off
#: the affine fit (copies: at most 0.02 moved; the stereo pair 0.30 and 0.36).
MOVED_SHARE = 0.10
OFF_SHARE = 0.10
#: Or the whole picture moved: the camera between two frames of one size (a copy of one size
#: never moves its content). At least this share of the trusted blocks agree, within
#: :data:`AGREE_PX`, on one shift of :data:`WHOLE_PX` or more, and at least :data:`MIN_AGREEING`
#: of them (camera shake blurs most frames of a burst: few blocks are trusted). Measured on the
#: dev corpus's bursts (their EXIF aside): 76 of 105 frame pairs (71 with 2 px); every one of
#: its 649 same-size copies has a common shift of exactly 0.
AGREE_SHARE, AGREE_PX, MIN_AGREEING, WHOLE_PX = 0.5, 1.0, 6, 1.0
#: Fewer textured blocks than this say nothing.
MIN_BLOCKS = 12
#: Decoded files kept while pairs are looked at (~150 KB each).
CACHED = 512
#: Threads judging pairs, and pairs judged between two looks at a cancel.
THREADS, BATCH = 2, 64

_WINDOW = np.outer(np.hanning(BLOCK), np.hanning(BLOCK)).astype(np.float32)


def _luminance(path: str, max_pixels: int) -> Image.Image:
    """The file's luminance, long side at most :data:`DECODED` (EXIF orientation applied)."""
    from ..features import decoding

    return decoding.decode(path, size=DECODED, max_pixels=max_pixels).image.convert("L")


def aligned(la: Image.Image, lb: Image.Image, orientation: int) -> tuple[np.ndarray, np.ndarray] | None:
    """Both images in one geometry, :data:`WIDTH` across: the first turned by ``orientation``
    (which makes it fit the second), both scaled; None when their shapes differ (a crop, a
    border: not this test's to judge)."""
    ta = transpose_image(la, orientation)
    ra, rb = ta.width / max(1, ta.height), lb.width / max(1, lb.height)
    if abs(ra - rb) > ASPECT * rb:
        return None
    size = (WIDTH, max(BLOCK, round(WIDTH / rb)))
    resample = Image.Resampling.BILINEAR
    return (
        np.asarray(ta.resize(size, resample), dtype=np.float32),
        np.asarray(lb.resize(size, resample), dtype=np.float32),
    )


def _blocks(img: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(the image's :data:`BLOCK`-px blocks every :data:`STEP` px, their top-left corners)."""
    view = np.lib.stride_tricks.sliding_window_view(img, (BLOCK, BLOCK))[::STEP, ::STEP]
    ny, nx = view.shape[:2]
    ys, xs = np.meshgrid(np.arange(ny) * STEP, np.arange(nx) * STEP, indexing="ij")
    return view.reshape(-1, BLOCK, BLOCK), np.c_[xs.ravel(), ys.ravel()].astype(np.float32)


def block_shifts(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(shift (dx, dy) of each textured block of ``a`` in ``b``, its correlation peak, the
    block's top-left corner), for two luminance images of one size. Blocks that are the same at
    the same place (correlation 0.98 or more, as in re-encodes and tonal edits) are not searched:
    they did not move (shift 0, peak 1)."""
    ba, corners = _blocks(a)
    bb, _ = _blocks(b)
    da = ba - ba.mean(axis=(1, 2), keepdims=True)
    db = bb - bb.mean(axis=(1, 2), keepdims=True)
    sa, sb = np.sqrt((da * da).mean(axis=(1, 2))), np.sqrt((db * db).mean(axis=(1, 2)))
    textured = (sa >= TEXTURE) & (sb >= TEXTURE)
    da, db, corners = da[textured], db[textured], corners[textured]
    shifts = np.zeros((len(da), 2), np.float32)
    peaks = np.ones(len(da), np.float32)
    if len(da) == 0:
        return shifts, peaks, corners
    still = (da * db).mean(axis=(1, 2)) / (sa[textured] * sb[textured]) >= 0.98
    look = np.flatnonzero(~still)
    if len(look):
        fa = np.fft.rfft2(da[look] * _WINDOW)
        fb = np.fft.rfft2(db[look] * _WINDOW)
        cross = fa * np.conj(fb)
        corr = np.fft.irfft2(cross / (np.abs(cross) + 1e-6), s=(BLOCK, BLOCK))
        flat = corr.reshape(len(look), -1)
        best = np.argmax(flat, axis=1)
        ky, kx = np.divmod(best, BLOCK)
        # The peak at (ky, kx) says how far a's content sits from b's (wrapped around).
        shifts[look, 0] = np.where(kx > BLOCK // 2, kx - BLOCK, kx)
        shifts[look, 1] = np.where(ky > BLOCK // 2, ky - BLOCK, ky)
        peaks[look] = flat[np.arange(len(look)), best]
    return shifts, peaks, corners


class Motion(NamedTuple):
    """How the content of one same-size picture moved in the other."""

    moved: float  # share of the textured blocks that moved confidently
    off_affine: float  # share of the trusted blocks off the best affine motion
    blocks: int  # textured blocks
    whole: float  # the trusted blocks' common (median) shift, pixels at WIDTH
    agreeing: int  # trusted blocks within AGREE_PX of that shift

    @property
    def another_moment(self) -> bool:
        """Another exposure: content moved in several ways (parallax, a subject), or all of it
        moved at once (the camera)."""
        if self.blocks < MIN_BLOCKS:
            return False
        parallax = self.moved >= MOVED_SHARE and self.off_affine >= OFF_SHARE
        return parallax or (self.whole >= WHOLE_PX and self.agreeing >= MIN_AGREEING)


def moved(a: np.ndarray, b: np.ndarray) -> Motion:
    """How the content moved between two same-size luminance images (see :class:`Motion`)."""
    shifts, peaks, corners = block_shifts(a, b)
    n = len(shifts)
    if n == 0:
        return Motion(0.0, 0.0, 0, 0.0, 0)
    trusted = peaks >= CONFIDENT
    far = np.hypot(shifts[:, 0], shifts[:, 1]) >= MOVED_PX
    moved_share = float(np.mean(trusted & far))
    off_share = whole = 0.0
    agreeing = 0
    if trusted.sum() >= 6:
        basis = np.c_[corners[trusted], np.ones(int(trusted.sum()), np.float32)]
        coef, *_ = np.linalg.lstsq(basis, shifts[trusted], rcond=None)
        off = np.hypot(*(shifts[trusted] - basis @ coef).T) >= OFF_AFFINE_PX
        off_share = float(off.mean())
        common = np.median(shifts[trusted], axis=0)
        near = np.hypot(*(shifts[trusted] - common).T) <= AGREE_PX
        if near.mean() >= AGREE_SHARE:
            whole, agreeing = float(np.hypot(*common)), int(near.sum())
    return Motion(moved_share, off_share, n, whole, agreeing)


def other_moments(
    records: Sequence[ImageRecord],
    pairs: np.ndarray,
    orientation: np.ndarray,
    similarity: np.ndarray,
    threshold: float,
    max_pixels: int,
    should_stop: Callable[[], bool] = lambda: False,
) -> np.ndarray:
    """Per pair of ``pairs`` (rows into ``records``): another moment of one scene, told by its
    pixels (see the module), and carried to faithful copies (:func:`through_copies`). Only
    pairs of two files of one pixel size once turned (``orientation``: how the first fits the
    second) whose hash ``similarity`` is at least ``threshold`` and under the faithful-copy
    level are looked at; a file that cannot be decoded now concludes nothing."""
    out = np.zeros(len(pairs), dtype=bool)
    if len(pairs) == 0:
        return out
    dims = np.array([(r.width, r.height) for r in records], dtype=np.int64).reshape(-1, 2)
    a, b = pairs[:, 0], pairs[:, 1]
    # Turned pairs are compared turned; the two shapes must agree (checked on the pixels).
    turned = np.asarray(orientation, dtype=np.int64)
    wa = np.where(np.isin(turned, SWAPPING), dims[a, 1], dims[a, 0])
    ha = np.where(np.isin(turned, SWAPPING), dims[a, 0], dims[a, 1])
    # Pairs the hashes already find faithful (NEAR_SIMILARITY and above: re-encodes, and the
    # hundreds of pairs of a folder of one picture saved many times) are copies for the deep
    # stage too; another moment of a scene loses more than that (the stereo pair: 0.68).
    look = (turned >= 0) & (similarity >= threshold) & (similarity < NEAR_SIMILARITY)
    look &= (dims[a] > 0).all(axis=1) & (dims[b] > 0).all(axis=1)
    # One pixel size once turned: a scaled or cropped copy (a tilt straightened and cropped, a
    # zoom) moves its content as a whole, which block shifts at this size do not follow well.
    look &= (wa == dims[b, 0]) & (ha == dims[b, 1])
    images: OrderedDict[int, Image.Image | None] = OrderedDict()  # the last files decoded
    lock = threading.Lock()

    def image(i: int) -> Image.Image | None:
        with lock:
            if i in images:
                images.move_to_end(i)
                return images[i]
        try:
            img: Image.Image | None = _luminance(records[i].path, max_pixels)
        except (DecodeError, OSError, ValueError):
            img = None
        with lock:
            images[i] = img
            if len(images) > CACHED:
                images.popitem(last=False)
        return img

    def judge(k: int) -> bool:
        ia, ib = image(int(a[k])), image(int(b[k]))
        pair = aligned(ia, ib, int(turned[k])) if ia is not None and ib is not None else None
        if pair is None:
            return False
        return moved(*pair).another_moment

    todo = np.flatnonzero(look)
    todo = todo[np.lexsort((b[todo], a[todo]))].tolist()  # by file: each is decoded about once
    # Decoding and the FFTs release the GIL: two threads, as the native re-measure uses.
    with ThreadPoolExecutor(THREADS) as pool:
        for lo in range(0, len(todo), BATCH):
            if should_stop():
                raise ScanCancelled()
            batch = todo[lo : lo + BATCH]
            out[batch] = list(pool.map(judge, batch))
    return through_copies(pairs, similarity, out)


def through_copies(pairs: np.ndarray, similarity: np.ndarray, moment: np.ndarray) -> np.ndarray:
    """``moment`` carried to the copies: a file the hashes find a faithful copy of ``z``
    (:data:`.scoring.NEAR_SIMILARITY`; a downscale, a rotated re-encode) shows ``z``'s moment,
    so it is another moment wherever ``z`` is. Only the pixel test's own pairs are of one size;
    a group's reference is often a smaller copy, which its members meet through."""
    if not moment.any():
        return moment
    out = moment.copy()
    other: dict[int, set[int]] = {}
    for x, y in pairs[moment].tolist():
        other.setdefault(x, set()).add(y)
        other.setdefault(y, set()).add(x)
    near: dict[int, set[int]] = {}
    touching = np.isin(pairs[:, 0], list(other)) | np.isin(pairs[:, 1], list(other))
    for x, y in pairs[(similarity >= NEAR_SIMILARITY) & ~moment].tolist():
        near.setdefault(x, {x}).add(y)
        near.setdefault(y, {y}).add(x)
    for k in np.flatnonzero(touching & ~moment).tolist():
        x, y = int(pairs[k, 0]), int(pairs[k, 1])
        if other.get(x, set()) & near.get(y, set()) or other.get(y, set()) & near.get(x, set()):
            out[k] = True
    return out
