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

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import scipy.fft

from . import knn
from .errors import ScanCancelled
from .features import TINY, tiny_images

#: Candidates below this descriptor correlation are not worth measuring (measured on the dev
#: corpus: the lowest true hash-stage pair was 0.62, a grayscale copy of a low-contrast photo).
CANDIDATE_MIN_CORR = 0.6
#: Candidates kept per image over all orientations (more when they are nearly identical).
K_START = 16
#: Neighbours asked of the index per query and orientation, before re-ranking.
K_INDEX = 24
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


def index_descriptor(z: np.ndarray) -> np.ndarray:
    """(N, 16, 16) normalised tiny images -> (N, 64) unit vectors of their low-frequency DCT.

    A quarter of the tiny image's size, so the nearest-neighbour index is ~5× faster to build
    and query (measured at 30k images, tests/benchmarks/scale.py); candidates are then re-ranked
    on the full tiny images.
    """
    d = scipy.fft.dctn(z, axes=(1, 2), norm="ortho")[:, :8, :8].reshape(len(z), -1).astype(np.float32)
    return d / (np.linalg.norm(d, axis=1, keepdims=True) + 1e-9)


#: Queries sent to the index at a time: between chunks a cancelled scan stops (well under a
#: second at any collection size).
QUERY_CHUNK = 4096


def candidate_pairs(
    feats: np.ndarray,
    min_corr: float = CANDIDATE_MIN_CORR,
    exact: bool | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> np.ndarray:
    """Unordered candidate pairs (P×2, i < j) of images whose descriptors match in some orientation.

    Raises ScanCancelled when ``should_stop`` returns True."""
    n = len(feats)
    if n < 2:
        return np.empty((0, 2), dtype=np.int64)
    z = normalised_tiny(tiny_images(feats["thumb"]))
    flat = z.reshape(n, -1)
    data = index_descriptor(z)
    index = None
    if not (exact or (exact is None and (n <= knn.EXACT_LIMIT or not knn.HAVE_HNSWLIB))):
        index = knn.build_hnsw(data, ef_construction=100)
        exact = False
    found_pairs: list[np.ndarray] = []
    found_sims: list[np.ndarray] = []
    for k in range(8):
        zk = np.ascontiguousarray(transpose_stack(z, k))
        q = index_descriptor(zk)
        for lo in range(0, n, QUERY_CHUNK):
            if should_stop is not None and should_stop():
                raise ScanCancelled()
            rows = np.arange(lo, min(n, lo + QUERY_CHUNK))
            kk = K_INDEX
            while rows.size:
                idx, _ = knn.knn(q[rows], data, kk + 1, index=index, exact=exact)
                qi = np.broadcast_to(rows[:, None], idx.shape)
                # Re-rank on the full tiny images: the correlation the scores are built on.
                # Column by column, so no (rows × k × 256) array is ever materialised.
                qf = zk[rows].reshape(len(rows), -1)
                safe = np.maximum(idx, 0)
                corr = np.empty(idx.shape, dtype=np.float32)
                for col in range(idx.shape[1]):
                    corr[:, col] = np.einsum("ij,ij->i", qf, flat[safe[:, col]])
                keep = (corr >= min_corr) & (idx != rows[:, None]) & (idx >= 0)
                found_pairs.append(np.stack([qi[keep], idx[keep]], axis=1))
                found_sims.append(corr[keep])
                # Rows whose last neighbour is still nearly identical may have more: ask again.
                full = corr[:, -1] >= GROW_CORR if idx.shape[1] == kk + 1 else np.zeros(len(rows), bool)
                rows = rows[full]
                if kk + 1 >= n:
                    break
                kk *= 4
    pairs = np.concatenate(found_pairs)
    if len(pairs) == 0:
        return np.empty((0, 2), dtype=np.int64)
    sims = np.concatenate(found_sims)
    pairs = _top_per_image(pairs, sims)
    pairs.sort(axis=1)
    key = np.unique(pairs[:, 0] * n + pairs[:, 1])
    return np.stack([key // n, key % n], axis=1)


def _top_per_image(pairs: np.ndarray, sims: np.ndarray) -> np.ndarray:
    """Per query image, its best :data:`K_START` candidates over all orientations (more when more
    are nearly identical): memory and scoring time stay linear in the number of images, even in
    collections where everything looks a bit alike (skies, scanned pages)."""
    n = int(pairs.max()) + 1
    key = pairs[:, 0] * n + pairs[:, 1]
    # Best similarity first within each (i, j), then keep the first of each (i, j).
    order = np.lexsort((-sims, key))
    key, sims = key[order], sims[order]
    first = np.r_[True, key[1:] != key[:-1]]
    key, sims = key[first], sims[first]
    # Now rank each image's candidates by similarity.
    i = key // n
    order = np.lexsort((-sims, i))
    key, sims, i = key[order], sims[order], i[order]
    start = np.flatnonzero(np.r_[True, i[1:] != i[:-1]])
    rank = np.arange(len(key)) - np.repeat(start, np.diff(np.r_[start, len(key)]))
    pairs = np.stack([i, key % n], axis=1)
    return pairs[(rank < K_START) | (sims >= GROW_CORR)]


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


#: Pairs measured at a time: bounds memory (a few hundred MB) whatever the number of pairs.
MEASURE_CHUNK = 50_000


def measure(
    feats: np.ndarray,
    pairs: np.ndarray,
    gray_chroma: float = 4.0,
    should_stop: Callable[[], bool] | None = None,
) -> PairMeasures:
    """Measure candidate ``pairs`` of the feature array ``feats`` (in bounded-size chunks).

    Raises ScanCancelled when ``should_stop`` returns True between chunks."""
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    if len(pairs) > MEASURE_CHUNK:
        parts = []
        for i in range(0, len(pairs), MEASURE_CHUNK):
            if should_stop is not None and should_stop():
                raise ScanCancelled()
            parts.append(measure(feats, pairs[i : i + MEASURE_CHUNK], gray_chroma))
        return PairMeasures(
            **{f: np.concatenate([getattr(p, f) for p in parts]) for f in PairMeasures.__dataclass_fields__}
        )
    a, b = pairs[:, 0], pairs[:, 1]
    za = normalised_tiny(tiny_images(feats["thumb"][a]))
    zb = normalised_tiny(tiny_images(feats["thumb"][b]))
    corr_k = np.stack([(transpose_stack(za, k) * zb).sum(axis=(1, 2)) for k in range(8)], axis=1)
    orient = corr_k.argmax(axis=1) if len(pairs) else np.empty(0, np.int64)
    corr = corr_k[np.arange(len(pairs)), orient] if len(pairs) else np.empty(0, np.float32)

    agree = np.empty(len(pairs), dtype=np.float32)
    outliers = np.empty(len(pairs), dtype=np.float32)
    chroma_diff = np.empty(len(pairs), dtype=np.float32)
    col_a = feats["colour"][a].astype(np.float32)
    col_b = feats["colour"][b].astype(np.float32)
    for k in range(8):
        sel = np.flatnonzero(orient == k)
        if sel.size == 0:
            continue
        ta = transpose_stack(za[sel], k)
        # Cells in units of the image's own spread: a cell "agrees" within a quarter of it.
        diff = np.abs(ta - zb[sel]) * TINY
        agree[sel] = (diff < 0.35).mean(axis=(1, 2))
        outliers[sel] = (diff > 1.5).mean(axis=(1, 2))
        ca = transpose_stack(col_a[sel], k)
        chroma_diff[sel] = np.abs(ca[..., 1:] - col_b[sel][..., 1:]).mean(axis=(1, 2, 3))

    ph = np.bitwise_count(feats["phash"][a, orient] ^ feats["phash"][b, 0]).astype(np.int16)
    dh = np.bitwise_count(feats["dhash"][a, orient] ^ feats["dhash"][b, 0]).astype(np.int16)
    luma_diff = np.abs(col_a[..., 0].mean(axis=(1, 2)) - col_b[..., 0].mean(axis=(1, 2)))
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
