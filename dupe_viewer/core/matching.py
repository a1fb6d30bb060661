"""Candidate pairs and their measurements, from cached perceptual features.

Stage 1 finds candidates: each image's tiny 16×16 descriptor (brightness and contrast
normalised), in all 8 orientations, is looked up among all images' descriptors by nearest
neighbours (:mod:`knn`). Ranking, not an absolute threshold, is what finds a copy with a logo on
it: its best neighbour is still its original. No loop over all pairs.

Stage 2 measures every candidate pair in its best orientation, vectorised over pairs: pHash and
dHash Hamming distances, correlation and cell agreement of the tiny images, colour differences.
:mod:`scoring` turns these into a similarity and a kind.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import knn
from .features import TINY, tiny_images

#: Candidates below this descriptor correlation are not worth measuring (measured on the dev
#: corpus: the lowest true hash-stage pair was 0.62, a grayscale copy of a low-contrast photo).
CANDIDATE_MIN_CORR = 0.6
#: Neighbours asked per query and orientation.
K_START = 16
#: When even the k-th neighbour is this close, the image has many copies: ask for more.
GROW_CORR = 0.9


def transpose_stack(a: np.ndarray, k: int) -> np.ndarray:
    """Orientation ``k`` (see :mod:`orientation`) applied to a stack shaped (N, rows, cols, ...)."""
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


def normalised_tiny(tiny: np.ndarray) -> np.ndarray:
    """(N, 16, 16) tiny images -> float32 zero-mean, unit-norm images (flat ones become all zeros)."""
    t = tiny.astype(np.float32, copy=True)
    t -= t.mean(axis=(1, 2), keepdims=True)
    norm = np.sqrt((t * t).sum(axis=(1, 2), keepdims=True))
    # A flat image (sky, blank page) has no structure to compare: leave it out of dense matching.
    flat = norm < 2.0 * TINY
    return np.where(flat, 0.0, t / np.maximum(norm, 1e-6)).astype(np.float32)


def candidate_pairs(
    feats: np.ndarray, min_corr: float = CANDIDATE_MIN_CORR, exact: bool | None = None
) -> np.ndarray:
    """Unordered candidate pairs (P×2, i < j) of images whose descriptors match in some orientation."""
    n = len(feats)
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    z = normalised_tiny(tiny_images(feats["thumb"]))
    data = z.reshape(n, -1)
    index = None
    if not (exact or (exact is None and (n <= knn.EXACT_LIMIT or not knn.HAVE_HNSWLIB))):
        index = knn.build_hnsw(data)
        exact = False
    found: list[np.ndarray] = []
    for k in range(8):
        q = np.ascontiguousarray(transpose_stack(z, k).reshape(n, -1))
        rows = np.arange(n)
        kk = K_START
        while rows.size:
            idx, sim = knn.knn(q[rows], data, kk + 1, index=index, exact=exact)
            keep = sim >= min_corr
            qi = np.broadcast_to(rows[:, None], idx.shape)
            found.append(np.stack([qi[keep], idx[keep]], axis=1))
            # Rows whose last neighbour still matched may have more: ask again with a bigger k.
            full = sim[:, -1] >= GROW_CORR if idx.shape[1] == kk + 1 else np.zeros(len(rows), bool)
            rows = rows[full]
            if kk + 1 >= n:
                break
            kk *= 4
    pairs = np.concatenate(found) if found else np.empty((0, 2), dtype=np.int64)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    pairs.sort(axis=1)
    return np.unique(pairs, axis=0)


@dataclass
class PairMeasures:
    """Measurements of candidate pairs (arrays of length P), in each pair's best orientation."""

    pairs: np.ndarray  # P×2
    orientation: np.ndarray  # orientation of the first image that best fits the second
    corr: np.ndarray  # correlation of the normalised tiny images
    agree: np.ndarray  # fraction of tiny-image cells that agree (robust to local overlays)
    outliers: np.ndarray  # fraction of cells that differ a lot (a local overlay or edit)
    phash: np.ndarray  # Hamming distance (0-64)
    dhash: np.ndarray
    chroma_diff: np.ndarray  # mean absolute Cb/Cr difference of the colour grids
    luma_diff: np.ndarray  # absolute difference of mean brightness
    gray_mismatch: np.ndarray  # one is grayscale, the other colourful


def measure(feats: np.ndarray, pairs: np.ndarray, gray_chroma: float = 4.0) -> PairMeasures:
    """Measure candidate ``pairs`` of the feature array ``feats``."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    a, b = pairs[:, 0], pairs[:, 1]
    z = normalised_tiny(tiny_images(feats["thumb"]))
    za, zb = z[a], z[b]
    corr_k = np.stack([(transpose_stack(za, k) * zb).sum(axis=(1, 2)) for k in range(8)], axis=1)
    orient = corr_k.argmax(axis=1) if len(pairs) else np.empty(0, np.int64)
    corr = corr_k[np.arange(len(pairs)), orient] if len(pairs) else np.empty(0, np.float32)

    agree = np.empty(len(pairs), dtype=np.float32)
    outliers = np.empty(len(pairs), dtype=np.float32)
    chroma_diff = np.empty(len(pairs), dtype=np.float32)
    col = feats["colour"].astype(np.float32)
    for k in range(8):
        sel = np.flatnonzero(orient == k)
        if sel.size == 0:
            continue
        ta = transpose_stack(za[sel], k)
        # Cells in units of the image's own spread: a cell "agrees" within a quarter of it.
        diff = np.abs(ta - zb[sel]) * TINY
        agree[sel] = (diff < 0.35).mean(axis=(1, 2))
        outliers[sel] = (diff > 1.5).mean(axis=(1, 2))
        ca = transpose_stack(col[a[sel]], k)
        chroma_diff[sel] = np.abs(ca[..., 1:] - col[b[sel]][..., 1:]).mean(axis=(1, 2, 3))

    ph = np.bitwise_count(feats["phash"][a, orient] ^ feats["phash"][b, 0]).astype(np.int16)
    dh = np.bitwise_count(feats["dhash"][a, orient] ^ feats["dhash"][b, 0]).astype(np.int16)
    luma_diff = np.abs(col[a][..., 0].mean(axis=(1, 2)) - col[b][..., 0].mean(axis=(1, 2)))
    gray_a = feats["chroma"][a] < gray_chroma
    gray_b = feats["chroma"][b] < gray_chroma
    return PairMeasures(
        pairs=pairs,
        orientation=orient.astype(np.int8),
        corr=corr.astype(np.float32),
        agree=agree,
        outliers=outliers,
        phash=ph,
        dhash=dh,
        chroma_diff=chroma_diff,
        luma_diff=luma_diff.astype(np.float32),
        gray_mismatch=gray_a != gray_b,
    )
