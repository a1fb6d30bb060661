"""The deep-similarity stage: which model, candidate pairs from embeddings, verified scores.

Candidates are the k nearest neighbours of each image's embedding (cosine ≥
:data:`CANDIDATE_MIN_COS`), taken from the persisted :class:`~.vector_index.VectorIndex`. Each
candidate is then verified geometrically on the thumbnails (:mod:`verify`), and its deep
similarity is the mean of the cosine and the verification score: a crop scores high on both,
two different photos of cats only on the first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from . import verify
from .errors import DupeViewerError
from .vector_index import VectorIndex

#: Neighbours asked per image.
K_DEEP = 16
#: Embedding cosine below which a pair is not a candidate (true crops and tilts of the dev corpus
#: scored ≥ 0.78, except 3 of 153).
CANDIDATE_MIN_COS = 0.75
#: A verified window covering less than this share of the other image makes the pair a crop.
CROP_AREA = 0.9


class DeepUnavailable(DupeViewerError):
    """Deep similarity was required but no model is installed (or it cannot be loaded)."""


@dataclass
class DeepSetup:
    spec: Any  # models.ModelSpec
    model_path: Path
    threshold: float

    @property
    def model_id(self) -> str:
        return self.spec.cache_id


def resolve(
    deep: bool | None, model: str | None, threshold: float | None
) -> tuple[DeepSetup | None, dict[str, Any]]:
    """Pick the model for this scan. Returns (setup or None, the report's ``deep`` section)."""
    if deep is False:
        return None, {"enabled": False, "reason": "turned off (--no-deep)"}
    from . import models  # onnx/onnxruntime are imported only when deep matching may run

    try:
        spec = models.get_installed(model)
    except models.ModelError as exc:
        if deep:
            raise DeepUnavailable(str(exc)) from None
        return None, {"enabled": False, "reason": str(exc)}
    if spec is None:
        reason = (
            "no model installed; deep similarity (crops, tilts) is off. Install one with "
            "`dupe-viewer models install`"
            if model is None
            else f"model '{model}' is not installed"
        )
        if deep:
            raise DeepUnavailable(f"deep similarity needs a model: {reason}")
        return None, {"enabled": False, "reason": reason}
    thr = spec.similar_similarity if threshold is None else threshold
    setup = DeepSetup(spec=spec, model_path=models.installed_model_path(spec.id), threshold=thr)
    return setup, {"enabled": True, "model": spec.id, "model_version": spec.cache_id, "threshold": thr}


def candidate_pairs(
    index: VectorIndex, labels: np.ndarray, vectors: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (P×2 positions into ``labels``, i < j) of nearest neighbours and their cosine."""
    n = len(labels)
    if n < 2:
        return np.empty((0, 2), np.int64), np.empty(0, np.float32)
    nb, sim = index.knn(vectors, K_DEEP + 1, allowed=labels)
    pos = np.full(int(labels.max()) + 1, -1, dtype=np.int64)
    pos[labels] = np.arange(n)
    rows = np.broadcast_to(np.arange(n)[:, None], nb.shape)
    ok = (nb >= 0) & (sim >= CANDIDATE_MIN_COS)
    a = rows[ok]
    b = pos[np.clip(nb[ok], 0, len(pos) - 1)]
    keep = (b >= 0) & (a != b)
    pairs = np.sort(np.stack([a[keep], b[keep]], axis=1), axis=1)
    cos = sim[ok][keep]
    if len(pairs) == 0:
        return pairs.reshape(0, 2), cos
    pairs, first = np.unique(pairs, axis=0, return_index=True)
    return pairs, cos[first]


def cosine(vectors: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", vectors[pairs[:, 0]], vectors[pairs[:, 1]]).astype(np.float32)


def verified_scores(
    cos: np.ndarray, thumbs_a: np.ndarray, thumbs_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Deep similarity for pairs with their embedding cosine and both thumbnails, plus where one
    is a crop of the other: the window (P×4, NaN when not a crop) and which side contains it."""
    ver, area, box, container = verify.crop_scores(thumbs_a, thumbs_b)
    score = np.clip((cos + np.clip(ver, 0.0, 1.0)) / 2.0, 0.0, 1.0).astype(np.float32)
    crop = area < CROP_AREA
    box = np.where(crop[:, None], box, np.nan).astype(np.float32)
    return score, box, np.where(crop, container, -1).astype(np.int8)
