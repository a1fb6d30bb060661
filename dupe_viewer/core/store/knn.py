"""Nearest-neighbour search over dense descriptors: hnswlib when available, exact numpy otherwise.

Used twice: for the tiny-image descriptors of the hash stage and for deep embeddings. Vectors are
L2-normalised, so inner product is cosine similarity. The exact path is blocked matrix products
(never an N×N matrix); it serves small collections and Pythons without hnswlib wheels, and is the
reference the approximate path is measured against.
"""

from __future__ import annotations

import logging
import os

import numpy as np

from ..blas import one_thread

log = logging.getLogger(__name__)

try:
    import hnswlib

    HAVE_HNSWLIB = True
except ImportError:  # pragma: no cover - exercised only on Pythons without a hnswlib wheel
    hnswlib = None
    HAVE_HNSWLIB = False

#: Below this many items the exact search is as fast as building an HNSW graph.
EXACT_LIMIT = 4000


def threads() -> int:
    return max(1, os.cpu_count() or 1)


def build_hnsw(
    data: np.ndarray,
    ids: np.ndarray | None = None,
    *,
    m: int = 16,
    ef_construction: int = 200,
    capacity: int | None = None,
):
    """An hnswlib inner-product index over the rows of ``data``."""
    assert hnswlib is not None
    n, dim = data.shape
    index = hnswlib.Index(space="ip", dim=dim)
    index.init_index(
        max_elements=max(capacity or n, 1), ef_construction=ef_construction, M=m, allow_replace_deleted=True
    )
    index.set_num_threads(threads())
    if n:
        index.add_items(data, np.arange(n) if ids is None else ids)
    return index


def exact_knn(
    queries: np.ndarray, data: np.ndarray, k: int, block: int = 2048
) -> tuple[np.ndarray, np.ndarray]:
    """Top-``k`` rows of ``data`` by inner product for each query: (indices, similarities), best first.

    On one BLAS thread (:mod:`..blas`): a partition searched in a scan's own process then finds
    exactly what a worker finds."""
    nq, n = len(queries), len(data)
    k = min(k, n)
    idx = np.empty((nq, k), dtype=np.int64)
    sim = np.empty((nq, k), dtype=np.float32)
    for lo in range(0, nq, block):
        with one_thread():
            s = queries[lo : lo + block] @ data.T
        if k < n:
            part = np.argpartition(-s, k - 1, axis=1)[:, :k]
        else:
            part = np.broadcast_to(np.arange(n), s.shape).copy()
        ps = np.take_along_axis(s, part, axis=1)
        order = np.argsort(-ps, axis=1, kind="stable")
        idx[lo : lo + block] = np.take_along_axis(part, order, axis=1)
        sim[lo : lo + block] = np.take_along_axis(ps, order, axis=1)
    return idx, sim


def knn(
    queries: np.ndarray,
    data: np.ndarray,
    k: int,
    *,
    index=None,
    ef: int | None = None,
    exact: bool | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Top-``k`` neighbours of each query among ``data`` rows (inner product), best first.

    ``index`` may be a prebuilt hnswlib index over ``data``. ``exact`` forces the numpy path.
    """
    n = len(data)
    k = min(k, n)
    if k == 0:
        return np.empty((len(queries), 0), np.int64), np.empty((len(queries), 0), np.float32)
    if exact is None:
        exact = not HAVE_HNSWLIB or (n <= EXACT_LIMIT and index is None)
    if exact:
        return exact_knn(queries, data, k)
    if index is None:
        index = build_hnsw(data)
    index.set_ef(max(ef or 0, 2 * k, 64))
    labels, dist = index.knn_query(queries, k=k, num_threads=threads())
    # hnswlib's "ip" distance is 1 - inner product.
    return labels.astype(np.int64), (1.0 - dist).astype(np.float32)
