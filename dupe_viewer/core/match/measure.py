"""Measurements of candidate pairs, vectorised over pairs, each pair in its best orientation.

pHash and dHash Hamming distances, cell agreement of the brightness/contrast-normalised tiny
images, local outliers, colour and brightness differences: :mod:`.scoring` turns these into a
similarity and a kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..errors import ScanCancelled
from ..features.orientation import COMPOSE, INVERSE
from ..features.perceptual import TINY, tiny_images
from .candidates import Candidates, Prepared, normalised_tiny, transpose_stack


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


#: Pairs measured at a time: bounds the temporaries (~100 MB) whatever the number of pairs.
MEASURE_CHUNK = 20_000


def measure(
    feats: np.ndarray,
    pairs: np.ndarray | Candidates,
    gray_chroma: float = 4.0,
    should_stop: Callable[[], bool] | None = None,
    prepared: Prepared | None = None,
) -> PairMeasures:
    """Measure candidate ``pairs`` of the feature array ``feats`` (in bounded-size chunks).

    Given :class:`Candidates`, their orientation is used (where it is -1, and for bare pairs,
    each pair's best orientation is searched). ``prepared`` (of the same ``feats``) supplies the
    tiny images already normalised, which makes measuring ~3× faster than deriving them from the
    thumbnails again. Raises ScanCancelled when ``should_stop`` returns True between chunks."""
    if isinstance(pairs, Candidates):
        p, orient = pairs.pairs, pairs.orientation
    else:
        p, orient = np.asarray(pairs, dtype=np.int64).reshape(-1, 2), None
    if len(p) <= MEASURE_CHUNK:
        return _measure_chunk(feats, p, orient, gray_chroma, prepared)
    # Filled chunk by chunk: never a list of parts plus their concatenation (at a million
    # images, 16M pairs × ~30 bytes each).
    out: PairMeasures | None = None
    for lo in range(0, len(p), MEASURE_CHUNK):
        if should_stop is not None and should_stop():
            raise ScanCancelled()
        o = orient[lo : lo + MEASURE_CHUNK] if orient is not None else None
        part = _measure_chunk(feats, p[lo : lo + MEASURE_CHUNK], o, gray_chroma, prepared)
        if out is None:
            out = PairMeasures(
                **{
                    f: np.empty((len(p), *getattr(part, f).shape[1:]), dtype=getattr(part, f).dtype)
                    for f in PairMeasures.__dataclass_fields__
                    if f != "pairs"
                },
                pairs=p,
            )
        for f in PairMeasures.__dataclass_fields__:
            if f != "pairs":
                getattr(out, f)[lo : lo + len(part.pairs)] = getattr(part, f)
    assert out is not None
    return out


def _measure_chunk(
    feats: np.ndarray,
    pairs: np.ndarray,
    orient: np.ndarray | None,
    gray_chroma: float,
    prepared: Prepared | None,
) -> PairMeasures:
    a, b = pairs[:, 0], pairs[:, 1]
    orient = np.full(len(pairs), -1, np.int8) if orient is None else orient.astype(np.int8, copy=True)
    if prepared is not None:
        # Both tiny images in their canonical orientations: compare them after turning the first
        # by t = c_b ∘ r ∘ c_a⁻¹ (cell statistics do not change when both turn alike).
        za = prepared.z[a].astype(np.float32).reshape(-1, TINY, TINY)
        zb = prepared.z[b].astype(np.float32).reshape(-1, TINY, TINY)
        ca, cb = prepared.canon[a], prepared.canon[b]
    else:
        za = normalised_tiny(tiny_images(feats["thumb"][a]))
        zb = normalised_tiny(tiny_images(feats["thumb"][b]))
        ca = cb = np.zeros(len(pairs), dtype=np.int8)
    unknown = np.flatnonzero(orient < 0)
    if unknown.size:
        # Pairs found by other means (deep similarity, queries): try all eight orientations.
        ua, ub = za[unknown], zb[unknown]
        corr_k = np.stack([(transpose_stack(ua, k) * ub).sum(axis=(1, 2)) for k in range(8)], axis=1)
        t = corr_k.argmax(axis=1)
        orient[unknown] = COMPOSE[INVERSE[cb[unknown]], COMPOSE[t, ca[unknown]]]
    turn = COMPOSE[cb, COMPOSE[orient, INVERSE[ca]]]
    corr = np.empty(len(pairs), dtype=np.float32)
    agree = np.empty(len(pairs), dtype=np.float32)
    outliers = np.empty(len(pairs), dtype=np.float32)
    chroma_diff = np.empty(len(pairs), dtype=np.float32)
    col_a = feats["colour"][a].astype(np.float32)
    col_b = feats["colour"][b].astype(np.float32)
    for k in range(8):
        sel = np.flatnonzero(turn == k)
        if sel.size:
            ta = transpose_stack(za[sel], k)
            tb = zb[sel]
            corr[sel] = (ta * tb).sum(axis=(1, 2))
            # Cells in units of the image's own spread: a cell "agrees" within a quarter of it.
            diff = np.abs(ta - tb) * TINY
            agree[sel] = (diff < 0.35).mean(axis=(1, 2))
            outliers[sel] = (diff > 1.5).mean(axis=(1, 2))
        sel = np.flatnonzero(orient == k)
        if sel.size:
            cta = transpose_stack(col_a[sel], k)
            chroma_diff[sel] = np.abs(cta[..., 1:] - col_b[sel][..., 1:]).mean(axis=(1, 2, 3))

    ph = np.bitwise_count(feats["phash"][a, orient] ^ feats["phash"][b, 0]).astype(np.int16)
    dh = np.bitwise_count(feats["dhash"][a, orient] ^ feats["dhash"][b, 0]).astype(np.int16)
    luma_diff = np.abs(col_a[..., 0].mean(axis=(1, 2)) - col_b[..., 0].mean(axis=(1, 2)))
    gray_a = feats["chroma"][a] < gray_chroma
    gray_b = feats["chroma"][b] < gray_chroma
    return PairMeasures(
        pairs=pairs,
        orientation=orient.astype(np.int8),
        corr=corr,
        agree=agree,
        outliers=outliers,
        phash=ph,
        dhash=dh,
        chroma_diff=chroma_diff,
        luma_diff=luma_diff.astype(np.float32),
        gray_mismatch=gray_a != gray_b,
    )
