"""A coarse quantiser: spherical k-means on a sample, and the partitions each vector goes to.

The partitioned candidate search (:mod:`.partitions`) splits the vectors (hash-stage DCT
descriptors, deep embeddings: unit vectors compared by inner product) into partitions that are
searched independently on the workers. Each vector goes to its nearest centroid and, when it lies
near a boundary (its second-nearest centroid is almost as close), to that one too, so a copy on
the other side of a boundary is still found. Small numpy k-means, no new dependency: the centroids
only need to be good enough to keep near copies together, and they are fitted on a sample.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

#: Vectors the centroids are fitted on: enough for a few hundred centroids, fast at any size.
SAMPLE = 50_000
#: Lloyd iterations (the assignment barely changes after ~10 on descriptors like ours).
ITERATIONS = 12
#: A vector also goes to its second-nearest centroid when its similarity to it is within this of
#: its similarity to the nearest one (inner products of unit vectors). Hash descriptors with
#: planted copies (tests/benchmarks/cluster_scale.py): 0.03 puts 1.24 (100k) to 1.40 (1M)
#: assignments per image and finds 1.0000 / 0.9999 of the planted pairs; 0.06: 1.43 at 100k.
BOUNDARY = 0.03
#: Vector × centroid similarities worked out at a time: 4 bytes a cell in :func:`assign` and
#: :func:`fit` (the similarities; two argmax passes need no copy of them), so 64 MB a block;
#: ~20 in :func:`probe` (a negated copy and argpartition's int64 indices), ~330 MB. A fixed number
#: of vectors per block made the block grow with the number of centroids: 65,536 vectors × 2,500
#: centroids at ten million images was ~3.3 GB with argpartition.
ASSIGN_CELLS = 1 << 24


def _similarities(vectors: np.ndarray | Rows, centroids: np.ndarray) -> Iterator[tuple[int, np.ndarray]]:
    """(first row, the block's similarities to every centroid), block after block."""
    block = max(256, ASSIGN_CELLS // max(1, len(centroids)))
    for lo in range(0, len(vectors), block):
        yield lo, _normalised(vectors[lo : lo + block]) @ centroids.T


@dataclass(frozen=True)
class Assignment:
    """Which partition(s) each vector goes to: parallel arrays of (row, partition), sorted by
    partition then row; every row appears once or twice."""

    rows: np.ndarray  # int64
    parts: np.ndarray  # int32
    k: int

    def members(self) -> list[np.ndarray]:
        """The rows of each partition (k arrays, ascending)."""
        bounds = np.searchsorted(self.parts, np.arange(self.k + 1))
        return [self.rows[bounds[p] : bounds[p + 1]] for p in range(self.k)]

    @property
    def duplication(self) -> float:
        """Assignments per distinct vector (1.0: no vector in two partitions)."""
        distinct = len(np.unique(self.rows))
        return len(self.rows) / max(distinct, 1)


class Rows(Protocol):
    """Vectors read a block of rows at a time: an array, or rows made on demand."""

    shape: tuple[int, ...]

    def __len__(self) -> int: ...

    def __getitem__(self, sel: Any) -> np.ndarray: ...


def _normalised(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


def fit(vectors: np.ndarray | Rows, k: int, seed: int = 0, sample: int = SAMPLE) -> np.ndarray:
    """``k`` unit centroids (k × d float32) fitted on a random sample of ``vectors``.

    Deterministic for a given ``seed``: the same vectors always give the same partitions. Zero
    vectors (flat images have all-zero descriptors) are left out of the fit."""
    if k <= 1 or len(vectors) == 0:
        return _normalised(np.ones((1, vectors.shape[1]), np.float32))
    x, cent = seeded(vectors, k, seed, sample)
    if len(x) == 0:  # every sampled vector is zero (flat images): one partition
        return cent
    # Lloyd steps a block of the sample at a time: the sample × k similarities whole would be
    # 0.5 GB at 2,500 centroids and 5 GB at 25,000 (a hundred million images).
    block = max(256, ASSIGN_CELLS // len(cent))
    label = np.empty(len(x), np.int64)
    best = np.empty(len(x), np.float32)
    for _ in range(ITERATIONS):
        for lo in range(0, len(x), block):
            s = x[lo : lo + block] @ cent.T
            label[lo : lo + len(s)] = s.argmax(axis=1)
            best[lo : lo + len(s)] = s.max(axis=1)
        cent = lloyd_update(x, cent, label, best)
    return cent


def seeded(vectors: np.ndarray | Rows, k: int, seed: int, sample: int) -> tuple[np.ndarray, np.ndarray]:
    """(the unit, non-zero sample the centroids are fitted on, up to ``k`` k-means++ seeds)."""
    n = len(vectors)
    rng = np.random.default_rng(seed)
    pick = np.sort(rng.choice(n, size=min(n, sample), replace=False))
    x = _normalised(vectors[pick])
    x = x[np.linalg.norm(x, axis=1) > 0.5]
    if len(x) == 0:
        return x, _normalised(np.ones((1, x.shape[1]), np.float32))
    k = min(k, len(x))
    # k-means++-style seeding, on the inner-product distance 1 - x·c.
    cent = np.empty((k, x.shape[1]), np.float32)
    cent[0] = x[rng.integers(len(x))]
    best = x @ cent[0]
    for c in range(1, k):
        dist = np.maximum(1.0 - best, 0.0).astype(np.float64)
        total = dist.sum()
        nxt = rng.choice(len(x), p=dist / total) if total > 0 else rng.integers(len(x))
        cent[c] = x[nxt]
        best = np.maximum(best, x @ cent[c])
    return x, cent


def lloyd_update(x: np.ndarray, cent: np.ndarray, label: np.ndarray, best: np.ndarray) -> np.ndarray:
    """One Lloyd step's new centroids, from each sample vector's nearest (``label``) and its
    similarity to it (``best``)."""
    sums = np.zeros_like(cent)
    np.add.at(sums, label, x)
    empty = np.bincount(label, minlength=len(cent)) == 0
    # An empty centroid restarts on the points worst served by the others.
    if empty.any():
        sums[empty] = x[np.argsort(best)[: int(empty.sum())]]
    return _normalised(sums)


def assign(vectors: np.ndarray | Rows, centroids: np.ndarray, boundary: float = BOUNDARY) -> Assignment:
    """Each vector's nearest centroid, plus its second one when it lies within ``boundary``."""
    if len(centroids) == 1:
        n = len(vectors)
        return Assignment(np.arange(n, dtype=np.int64), np.zeros(n, np.int32), 1)
    return assignment(*top_two(vectors, centroids, boundary), len(centroids))


def top_two(
    vectors: np.ndarray | Rows, centroids: np.ndarray, boundary: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each vector's nearest centroid, its second-nearest, and whether that one lies within
    ``boundary`` (at least two centroids). Row by row: blocks of rows give the same answer."""
    n = len(vectors)
    first = np.empty(n, np.int32)
    second = np.empty(n, np.int32)
    near = np.empty(n, bool)
    for lo, s in _similarities(vectors, centroids):
        # Two argmax passes, not argpartition: no int64 index matrix and no negated copy, and
        # ~3.7x faster at 2,500 centroids (tests/benchmarks/quantiser_routing.py).
        at = np.arange(len(s))
        a = s.argmax(axis=1)
        va = s[at, a]
        s[at, a] = -np.inf
        b = s.argmax(axis=1)
        first[lo : lo + len(s)] = a
        second[lo : lo + len(s)] = b
        near[lo : lo + len(s)] = s[at, b] >= va - boundary
    return first, second, near


def assignment(first: np.ndarray, second: np.ndarray, near: np.ndarray, k: int) -> Assignment:
    """The :class:`Assignment` of :func:`top_two`'s answer."""
    rows = np.concatenate([np.arange(len(first), dtype=np.int64), np.flatnonzero(near)])
    parts = np.concatenate([first, second[near]])
    order = np.lexsort((rows, parts))
    return Assignment(rows[order], parts[order].astype(np.int32), k)


def probe(vectors: np.ndarray, centroids: np.ndarray, probes: int) -> Assignment:
    """Each vector routed to its ``probes`` nearest centroids (queries that must reach copies
    assigned elsewhere: where similarities to the centroids are flat, as for high-dimensional
    embeddings, a small perturbation reorders the nearest few)."""
    return probing(nearest(vectors, centroids, probes), len(centroids))


def nearest(vectors: np.ndarray, centroids: np.ndarray, probes: int) -> np.ndarray:
    """Each vector's ``probes`` nearest centroids (n × min(probes, k), in no order)."""
    k = len(centroids)
    m = min(probes, k)
    top = np.empty((len(vectors), m), np.int32)
    for lo, s in _similarities(vectors, centroids):
        top[lo : lo + len(s)] = np.argpartition(-s, m - 1, axis=1)[:, :m] if m < k else np.arange(k)
    return top


def probing(top: np.ndarray, k: int) -> Assignment:
    """The :class:`Assignment` of :func:`nearest`'s answer."""
    rows = np.repeat(np.arange(len(top), dtype=np.int64), top.shape[1])
    parts = top.ravel()
    order = np.lexsort((rows, parts))
    return Assignment(rows[order], parts[order].astype(np.int32), k)


def partitions_for(n: int, target: int) -> int:
    """How many partitions for ``n`` vectors of about ``target`` each (at least one)."""
    return max(1, -(-n // max(1, target)))
