"""Query by example: the indexed images most similar to one image.

The collection is scanned first (from the cache when it is warm), so the query sees the same
features, embeddings and scores a scan would; every file is compared with the query by hashes,
and by verified deep similarity when a model is installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .deep import stage as deep_stage
from .errors import DecodeError
from .features.perceptual import FEATURE_DTYPE
from .features.pool import WorkerConfig, analyse
from .match import measure, scoring
from .options import ScanOptions
from .result import ScanResult
from .scan import run_scan
from .store.feature_cache import FeatureCache


@dataclass
class Hit:
    path: str
    score: float  # the better of the hash and deep similarity, 0-1
    hash_similarity: float
    deep_similarity: float | None
    kind: str  # near, edited or similar


def query(
    image: str | os.PathLike[str],
    roots: Iterable[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    *,
    top: int = 10,
    min_score: float = 0.5,
    cache: FeatureCache | None = None,
    on_event: Any = None,
) -> tuple[list[Hit], ScanResult]:
    """Rank the images under ``roots`` by similarity to ``image`` (best first)."""
    opts = options or ScanOptions()
    result = run_scan(roots, opts, cache=cache, on_event=on_event)
    if result is None:
        return [], result  # type: ignore[return-value]
    setup, _ = deep_stage.resolve(opts.deep, opts.model, opts.deep_threshold)
    config = WorkerConfig.of(opts, setup.embedder() if setup is not None else None)
    embedder = config.embedder() if config.embedder is not None else None
    q = analyse(os.fspath(image), config, embedder)
    if q.error is not None or q.features is None:
        raise DecodeError(f"{image}: {q.error}")
    idx = np.flatnonzero(result.has_features)
    if len(idx) == 0:
        return [], result
    feats = np.concatenate([result.features[idx], np.frombuffer(q.features, dtype=FEATURE_DTYPE)])
    pairs = np.stack([np.full(len(idx), len(idx)), np.arange(len(idx))], axis=1)
    meas = measure.measure(feats, pairs)
    hsim = scoring.hash_similarity(meas)
    kinds = scoring.classify(meas, hsim, feats["trimmed"])
    dsim = np.full(len(idx), np.nan, dtype=np.float32)
    if setup is not None and q.embedding is not None:
        owned = cache is None and opts.use_cache
        c = FeatureCache() if owned else cache
        try:
            vecs = c.embeddings([result.records[i].path for i in idx], setup.model_id) if c else {}
        finally:
            if owned and c is not None:
                c.close()
        qv = np.frombuffer(q.embedding, dtype=np.float32)
        rows = [k for k, i in enumerate(idx) if result.records[i].path in vecs]
        if rows:
            mat = np.stack([vecs[result.records[idx[k]].path] for k in rows])
            cos = mat @ qv
            cand = np.flatnonzero(cos >= deep_stage.CANDIDATE_MIN_COS)
            rows_arr = np.array(rows)
            if len(cand):
                thumbs = feats["thumb"][rows_arr[cand]]
                qthumb = np.broadcast_to(feats["thumb"][-1], thumbs.shape)
                score, _, _ = deep_stage.verified_scores(cos[cand], qthumb, thumbs)
                dsim[rows_arr[cand]] = score
    best = np.fmax(hsim, np.nan_to_num(dsim, nan=-1.0))
    order = np.argsort(-best, kind="stable")
    hits = []
    for k in order[:top]:
        if best[k] < min_score:
            break
        deep_only = hsim[k] < opts.threshold and not np.isnan(dsim[k]) and dsim[k] >= hsim[k]
        hits.append(
            Hit(
                path=result.records[idx[k]].path,
                score=round(float(best[k]), 4),
                hash_similarity=round(float(hsim[k]), 4),
                deep_similarity=None if np.isnan(dsim[k]) else round(float(dsim[k]), 4),
                kind="similar" if deep_only else str(kinds[k]),
            )
        )
    return hits, result
