"""The eight orientations of an image (rotations by 90° and mirror images).

A copy that was rotated or mirrored is still a duplicate. Features are computed for all eight
orientations of one image, so a pair can be compared in the orientation that fits best. Index ``k``
means the same transform for Pillow images and for numpy arrays laid out (rows, columns, ...).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

T = Image.Transpose

#: Pillow transpose for each orientation index; index 0 is the image as displayed.
PIL_OPS: tuple[T | None, ...] = (
    None,
    T.ROTATE_90,
    T.ROTATE_180,
    T.ROTATE_270,
    T.FLIP_LEFT_RIGHT,
    T.TRANSPOSE,
    T.FLIP_TOP_BOTTOM,
    T.TRANSVERSE,
)

#: Human-readable names, used in reports and the GUI.
NAMES = (
    "as is",
    "rotated 90°",
    "rotated 180°",
    "rotated 270°",
    "mirrored",
    "transposed",
    "flipped",
    "transversed",
)

#: Orientations that swap width and height.
SWAPS_AXES = (False, True, False, True, False, True, False, True)


def transpose_image(image: Image.Image, k: int) -> Image.Image:
    op = PIL_OPS[k]
    return image if op is None else image.transpose(op)


def transpose_array(a: np.ndarray, k: int) -> np.ndarray:
    """Apply orientation ``k`` to an array shaped (rows, cols, ...), matching :func:`transpose_image`."""
    if k == 0:
        return a
    if k < 4:
        return np.rot90(a, k)  # Pillow's ROTATE_90 is counter-clockwise, like np.rot90
    if k == 4:
        return a[:, ::-1]
    if k == 5:
        return np.swapaxes(a, 0, 1)
    if k == 6:
        return a[::-1]
    return np.rot90(np.swapaxes(a, 0, 1), 2)


def _table() -> tuple[np.ndarray, np.ndarray]:
    """Composition and inverse tables of the eight orientations, found once on a probe array."""
    probe = np.arange(12).reshape(3, 4)
    shapes = [transpose_array(probe, k) for k in range(8)]

    def which(a: np.ndarray) -> int:
        return next(k for k, s in enumerate(shapes) if s.shape == a.shape and np.array_equal(s, a))

    compose = np.array(
        [[which(transpose_array(transpose_array(probe, b), a)) for b in range(8)] for a in range(8)],
        dtype=np.int8,
    )
    inverse = np.array([int(np.flatnonzero(compose[:, k] == 0)[0]) for k in range(8)], dtype=np.int8)
    return compose, inverse


#: ``COMPOSE[a, b]``: the orientation equal to applying ``b`` first, then ``a``.
#: ``INVERSE[k]``: the orientation that undoes ``k``.
COMPOSE, INVERSE = _table()
