"""Similarity in [0, 1] and a kind for each measured pair.

Hash-stage similarity is the mean of two independent views of the pair in its best orientation:

- *cell agreement* of the brightness/contrast-normalised 16×16 images (robust to a local logo or
  caption, which spoils only a few cells), and
- *hash closeness*, ``1 - (pHash distance + dHash distance) / 64``.

On the dev corpus (tests/benchmarks/make_corpus.py, 1389 files) every unrelated candidate pair
scored below 0.62 and 99.7 % of true copies (excluding crops and tilts) scored above 0.65, so the
default threshold (:data:`..options.DEFAULT_THRESHOLD`) is 0.65. Kinds (:data:`..result.KINDS`):

- ``exact``: byte-identical files (decided by content hash before any of this).
- ``near``: the same picture re-encoded, resized, re-formatted, rotated or mirrored.
- ``edited``: the same picture with colour/brightness changes, a grayscale copy, added borders,
  an overlay, or a weaker match.
- ``similar``: matched only by deep similarity (crops, tilts, different shots); see deep matching.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from . import measure as measuring
from .candidates import Candidates, Prepared
from .measure import PairMeasures

#: The feature fields measuring and classifying a pair read beside its prepared tiny images: what
#: a partition task of a cluster scan is sent of each image to score its candidates there.
SCORED_FIELDS = ["phash", "dhash", "colour", "chroma", "trimmed"]
#: Above this (and with no colour or local change) a pair is a faithful copy: kind ``near``.
NEAR_SIMILARITY = 0.9
_CHROMA_EDIT = 3.0  # mean |ΔCb|,|ΔCr| of the 4×4 colour grid
_LUMA_EDIT = 8.0  # |Δ mean brightness| on 0-255
_OUTLIER_EDIT = 2 / 256  # two or more tiny-image cells changed a lot: something was painted on


def hash_similarity(m: PairMeasures) -> np.ndarray:
    closeness = 1.0 - (m.phash.astype(np.float32) + m.dhash.astype(np.float32)) / 64.0
    return np.clip((m.agree + closeness) / 2.0, 0.0, 1.0).astype(np.float32)


def classify(m: PairMeasures, similarity: np.ndarray, trimmed: np.ndarray | None = None) -> np.ndarray:
    """Kind per pair (array of str) for pairs that already passed the threshold."""
    edited = (
        (similarity < NEAR_SIMILARITY)
        | (m.chroma_diff >= _CHROMA_EDIT)
        | (m.luma_diff >= _LUMA_EDIT)
        | m.gray_mismatch
        | (m.outliers >= _OUTLIER_EDIT)
    )
    if trimmed is not None:
        # One had a border and the other had not: a framed or letterboxed copy.
        edited |= trimmed[m.pairs[:, 0]] != trimmed[m.pairs[:, 1]]
    return np.where(edited, "edited", "near")


def score(
    feats: np.ndarray,
    cand: Candidates,
    prepared: Prepared | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(orientation, similarity, kind) of each candidate pair of ``feats``: measured
    (:func:`.measure.measure`) and scored, one rule for one machine and a cluster's partitions."""
    m = measuring.measure(feats, cand, should_stop=should_stop, prepared=prepared)
    sim = hash_similarity(m)
    return m.orientation, sim, classify(m, sim, feats["trimmed"])
