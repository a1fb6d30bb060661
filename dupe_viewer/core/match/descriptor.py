"""Tiny images and their index descriptors, in any of the 8 orientations.

The candidate search (:mod:`.candidates`) compares 16×16 normalised tiny images and looks them
up by a 64-value descriptor: their lowest DCT coefficients. Both are needed in every
orientation (:mod:`..features.orientation`) of a picture. Turning a descriptor is a gather and a
sign flip, not a new DCT (:data:`PERM`, :data:`SIGN`), and a *canonical* orientation is the one
that maximises a fixed linear function of the descriptor (:data:`W_CANON`).
"""

from __future__ import annotations

import numpy as np

from ..features.perceptual import TINY

#: Side of the DCT block kept as the index descriptor.
DCT_SIDE = 8
DIM = DCT_SIDE * DCT_SIDE


def transpose_stack(a: np.ndarray, k: int) -> np.ndarray:
    """Orientation ``k`` (:mod:`..features.orientation`) applied to a stack shaped (N, rows, cols, ...)."""
    if k == 0:
        return a
    if k < 4:
        return np.rot90(a, k, axes=(1, 2))
    if k == 4:
        return a[:, :, ::-1]
    if k == 5:
        return np.swapaxes(a, 1, 2)
    if k == 6:
        return a[:, ::-1]
    return np.rot90(np.swapaxes(a, 1, 2), 2, axes=(1, 2))


def oriented_tiny(z: np.ndarray) -> np.ndarray:
    """(N, 8, 256): flattened tiny images ``z`` (N, 256) in each of the 8 orientations."""
    stack = z.reshape(-1, TINY, TINY)
    return np.stack([transpose_stack(stack, t).reshape(len(z), -1) for t in range(8)], axis=1)


def normalised_tiny(tiny: np.ndarray) -> np.ndarray:
    """(N, 16, 16) tiny images -> float32 zero-mean, unit-norm images (flat ones become all zeros)."""
    t = tiny.astype(np.float32, copy=True)
    t -= t.mean(axis=(1, 2), keepdims=True)
    norm = np.sqrt((t * t).sum(axis=(1, 2), keepdims=True))
    # A flat image (sky, blank page) has no structure to compare: leave it out of dense matching.
    flat = norm < 2.0 * TINY
    return np.where(flat, 0.0, t / np.maximum(norm, 1e-6)).astype(np.float32)


def index_descriptor(z: np.ndarray) -> np.ndarray:
    """(N, 16, 16) normalised tiny images -> (N, 64) unit vectors of their low-frequency DCT.

    A quarter of the tiny image's size, so the nearest-neighbour index is ~5× faster to build
    and query (measured at 30k images, tests/benchmarks/scale.py); candidates are then re-ranked
    on the full tiny images.
    """
    import scipy.fft  # here: a warm rescan (nothing new to index) never loads scipy

    d = scipy.fft.dctn(z, axes=(1, 2), norm="ortho")[:, :DCT_SIDE, :DCT_SIDE].reshape(len(z), -1)
    d = d.astype(np.float32)
    return d / (np.linalg.norm(d, axis=1, keepdims=True) + 1e-9)


def _dct2(z: np.ndarray) -> np.ndarray:
    """Orthonormal 2-D DCT-II of each (TINY, TINY) slice (what ``scipy.fft.dctn(z, axes=(1, 2),
    norm="ortho")`` computes), by matrix products: the import-time constants below need no scipy."""
    k, i = np.arange(TINY)[:, None], np.arange(TINY)[None, :]
    m = np.cos(np.pi * (2 * i + 1) * k / (2 * TINY)) * np.sqrt(2.0 / TINY)
    m[0] /= np.sqrt(2.0)
    return m @ z @ m.T


def _descriptor_orientations() -> tuple[np.ndarray, np.ndarray]:
    """How each orientation acts on the descriptor: ``d_k = SIGN[k] * d_0[:, PERM[k]]``.

    Mirroring flips the sign of odd-frequency DCT coefficients and transposing swaps the axes, so
    the eight orientations of a descriptor cost a gather, not eight DCTs. Found numerically."""
    z = np.random.default_rng(0).normal(size=(1, TINY, TINY))
    c0 = _dct2(z)[0, :DCT_SIDE, :DCT_SIDE]
    flat0 = c0.ravel()
    perm = np.empty((8, DIM), dtype=np.int64)
    sign = np.empty((8, DIM), dtype=np.float32)
    for k in range(8):
        ck = _dct2(transpose_stack(z, k))[0, :DCT_SIDE, :DCT_SIDE]
        p = np.arange(DIM).reshape(DCT_SIDE, DCT_SIDE)
        if not np.allclose(np.abs(ck), np.abs(c0)):
            p = p.T
        perm[k] = p.ravel()
        sign[k] = np.sign(ck.ravel() / flat0[perm[k]])
    return perm, sign


PERM, SIGN = _descriptor_orientations()


def _canon_weights() -> np.ndarray:
    """(64, 8): column k gives orientation k's canonical score as ``d_0 @ W[:, k]``.

    A fixed random function weighted towards low frequencies (where a picture's energy is, and
    edits and noise are not) so its value differs clearly between orientations."""
    u, v = np.meshgrid(np.arange(DCT_SIDE), np.arange(DCT_SIDE), indexing="ij")
    w = (np.random.default_rng(1).normal(0, 1, (DCT_SIDE, DCT_SIDE)) / (1 + u + v)).ravel()
    out = np.zeros((DIM, 8), dtype=np.float32)
    for k in range(8):
        np.add.at(out[:, k], PERM[k], SIGN[k] * w)
    return out


W_CANON = _canon_weights()


def oriented(d0: np.ndarray, k: np.ndarray | int) -> np.ndarray:
    """Descriptors ``d0`` (N×64, orientation 0) in orientation ``k`` (one or one per row)."""
    k = np.broadcast_to(np.asarray(k), (len(d0),))
    return np.take_along_axis(d0, PERM[k], axis=1) * SIGN[k]
