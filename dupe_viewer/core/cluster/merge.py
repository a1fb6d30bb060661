"""Merging what the partitions found, as it arrives: each query image's best pairs, reduced in
buckets of images so the client never holds every partition's raw pairs at once.

A partition answers a query with its best neighbours there; an image queried in two or three
partitions (near a boundary, or in several orientations) has its best pairs chosen over all of
them. Both selections (:func:`..match.candidates.top_per_image` for the hash stage, the best
``k`` per query for the deep stage) keep, per query, a prefix of its pairs in one total order
(similarity, then neighbour), so reducing any subset first and the union later keeps exactly
what one selection over everything keeps.

Pairs are bucketed by query image (a range of positions each), and a bucket is reduced when
what it buffered outgrows what it keeps: the peak is about twice the kept pairs, and each
reduction sorts only one bucket. The last step, each unordered pair once (:func:`unordered`), is
a second merge bucketed by the pair's first image, fed one bucket of the first at a time: one
sort over all pairs at once needed ~130 bytes of temporaries per pair (measured at 300k
synthetic images: 430 MB over the client's 410 MB for 3.3M candidates).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

#: A reduction: columns (the first the query positions) -> the same columns, reduced.
Reduce = Callable[[tuple[np.ndarray, ...]], tuple[np.ndarray, ...]]
#: Buckets of query images (each reduced on its own).
BUCKETS = 64
#: Rows a bucket buffers at least before it is reduced (small partitions' results are many).
MIN_BUFFER = 200_000


class BucketMerge:
    """Pairs of ``n`` query images, reduced per bucket of queries by ``reduce`` as they arrive.
    The first two columns (image positions) are kept as int32 where ``n`` allows."""

    def __init__(self, n: int, reduce: Reduce, buckets: int = BUCKETS, min_buffer: int = MIN_BUFFER) -> None:
        self.reduce = reduce
        self.index = np.int32 if n < 2**31 else np.int64
        self.width = max(1, -(-n // max(1, buckets)))
        self.buckets = -(-n // self.width) if n else 1
        self.min_buffer = min_buffer
        self.kept: list[tuple[np.ndarray, ...] | None] = [None] * self.buckets
        self.kept_rows = [0] * self.buckets
        self.buffer: list[list[tuple[np.ndarray, ...]]] = [[] for _ in range(self.buckets)]
        self.buffered = [0] * self.buckets

    def add(self, cols: tuple[np.ndarray, ...]) -> None:
        """One partition's pairs: ``cols[0]`` the query positions, the rest aligned with it."""
        q = cols[0]
        if len(q) == 0:
            return
        b = q // self.width
        order = np.argsort(b, kind="stable")
        bounds = np.searchsorted(b[order], np.arange(self.buckets + 1))
        for k in np.flatnonzero(np.diff(bounds)):
            sel = order[bounds[k] : bounds[k + 1]]
            part = tuple(c[sel].astype(self.index) if m < 2 else c[sel] for m, c in enumerate(cols))
            self.buffer[k].append(part)
            self.buffered[k] += len(sel)
            if self.buffered[k] >= max(self.min_buffer, self.kept_rows[k]):
                self._reduce(k)

    def _reduce(self, k: int) -> None:
        parts = self.buffer[k]
        kept = self.kept[k]
        if kept is not None:
            parts.insert(0, kept)
        if not parts:
            return
        cols = tuple(np.concatenate(c) for c in zip(*parts, strict=True))
        self.buffer[k], self.buffered[k] = [], 0
        self.kept[k] = self.reduce(cols)
        self.kept_rows[k] = len(self.kept[k][0])

    def buckets_reduced(self) -> Iterator[tuple[np.ndarray, ...]]:
        """Every non-empty bucket reduced, in query order, each let go once yielded."""
        for k in range(self.buckets):
            if self.buffer[k]:
                self._reduce(k)
            kept, self.kept[k] = self.kept[k], None
            if kept is not None and len(kept[0]):
                yield kept

    def result(self) -> tuple[np.ndarray, ...] | None:
        """Every bucket reduced, concatenated in query order; None when nothing was added."""
        kept = list(self.buckets_reduced())
        if not kept:
            return None
        return tuple(np.concatenate(c) for c in zip(*kept, strict=True))


def _best_of_pair(cols: tuple[np.ndarray, ...], n: int) -> tuple[np.ndarray, ...]:
    """Each (i, j) once, with its highest score (column 3), in (i, j) order."""
    i, j = cols[0], cols[1]
    key = i.astype(np.int64) * n + j
    order = np.lexsort((-cols[-1], key))
    key = key[order]
    first = order[np.r_[True, key[1:] != key[:-1]]]
    return tuple(c[first] for c in cols)


def unordered(
    merged: BucketMerge, n: int, turn: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None
) -> tuple[np.ndarray, ...] | None:
    """The pairs of ``merged`` (query, neighbour, ..., score) as i < j, each once with its best
    score, sorted by (i, j); ``turn(columns 2.., swapped)`` fixes what a swap changes (the hash
    stage's orientation of i relative to j). None when there are none."""
    pairs = BucketMerge(n, lambda cols: _best_of_pair(cols, n), merged.buckets, merged.min_buffer)
    for cols in merged.buckets_reduced():
        i, j = cols[0], cols[1]
        swap = i > j
        rest = cols[2:]
        if turn is not None and swap.any():
            rest = (turn(rest[0], swap), *rest[1:])
        keep = i != j
        pairs.add(tuple(c[keep] for c in (np.minimum(i, j), np.maximum(i, j), *rest)))
    return pairs.result()
