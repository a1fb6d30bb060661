"""Candidate pairs from cached perceptual features, by nearest neighbours.

Candidates: each image's tiny 16×16 image (brightness and contrast normalised) is
summarised by its 64 lowest DCT coefficients and looked up among all images' by nearest
neighbours (:mod:`..store.knn`). Ranking, not an absolute threshold, is what finds a copy with a logo on
it: its best neighbour is still its original. No loop over all pairs.

Rotated and mirrored copies: every image is put into the index once, in a *canonical*
orientation (the one that maximises a fixed linear function of its coefficients), and queried in
its canonical orientation plus any other whose score comes close (the choice is ambiguous for
near-symmetric pictures, where noise could flip it). A rotated copy then meets its original in
the same canonical orientation. On the dev corpus this asks ~2 queries per image instead of 8
with the same pair recall (tests/benchmarks/RESULTS.md).

Each candidate is then measured in its best orientation (:mod:`.measure`) and scored
(:mod:`.scoring`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..errors import ScanCancelled
from ..features.orientation import COMPOSE, INVERSE
from ..features.perceptual import THUMB, TINY, tiny_images
from ..store import knn
from .descriptor import (
    DIM,
    W_CANON,
    index_descriptor,
    normalised_tiny,
    oriented,
    oriented_tiny,
    transpose_stack,
)

#: Candidates below this descriptor correlation are not worth measuring (measured on the dev
#: corpus: the lowest true hash-stage pair was 0.62, a grayscale copy of a low-contrast photo).
CANDIDATE_MIN_CORR = 0.6
#: Candidates kept per image over all orientations (more when they are nearly identical).
K_START = 16
#: Neighbours asked of the index per query, before re-ranking.
K_INDEX = 24
#: When even the k-th neighbour is this close, the image has many copies: ask for more.
GROW_CORR = 0.9
#: An orientation is queried when its canonical score is within this share of the image's largest
#: absolute score of the best one. Dev corpus (tests/benchmarks/orientations.py): 0.3 reaches
#: 5,025 of its 5,026 scorable true pairs with 1.93 queries per image; 0.2: 99.2 %, 1.58; 0.4:
#: all, 2.38. The scan's recall is the same as with 8 queries (the last pair is found through
#: the other members of its group).
CANON_MARGIN = 0.3
#: Images prepared at a time (bounds temporaries to ~100 MB whatever the collection size).
PREPARE_CHUNK = 65_536
#: Images whose queries are sent to the index at a time: between chunks a cancelled scan stops.
QUERY_CHUNK = 4096


@dataclass
class Prepared:
    """What the candidate search needs per image, computed once (about 0.6 KB per image)."""

    z: np.ndarray  # N×256 float16: normalised tiny image in its canonical orientation
    d0: np.ndarray  # N×64 float32: index descriptor in orientation 0
    canon: np.ndarray  # N int8: canonical orientation
    plausible: np.ndarray  # N×8 bool: orientations to query (the canonical one and close ones)

    @classmethod
    def empty(cls, n: int) -> Prepared:
        """Room for ``n`` images, filled by :func:`prepare` (or by blocks of it)."""
        return cls(
            z=np.empty((n, TINY * TINY), dtype=np.float16),
            d0=np.empty((n, DIM), dtype=np.float32),
            canon=np.empty(n, dtype=np.int8),
            plausible=np.empty((n, 8), dtype=bool),
        )

    def put(self, lo: int, part: Prepared) -> None:
        """Copy ``part``, the preparation of a block of images, in from row ``lo``."""
        hi = lo + len(part.canon)
        self.z[lo:hi], self.d0[lo:hi] = part.z, part.d0
        self.canon[lo:hi], self.plausible[lo:hi] = part.canon, part.plausible

    def release_search_data(self) -> None:
        """Drop what only the candidate search needs (``d0``, ``plausible``: 0.3 GB at a million
        images), keeping what :func:`measure` needs, before measuring."""
        self.d0 = np.empty((0, DIM), dtype=np.float32)
        self.plausible = np.empty((0, 8), dtype=bool)

    @property
    def index_vectors(self) -> np.ndarray:
        """The descriptors that go into the index: each image's in its canonical orientation."""
        return oriented(self.d0, self.canon)


def prepare(thumbs: np.ndarray) -> Prepared:
    """Descriptors, canonical orientations and re-ranking images for (N, 32, 32) thumbnails."""
    n = len(thumbs)
    assert thumbs.shape[1:] == (THUMB, THUMB)
    out = Prepared.empty(n)
    z_all, d0_all, canon, plausible = out.z, out.d0, out.canon, out.plausible
    for lo in range(0, n, PREPARE_CHUNK):
        hi = min(n, lo + PREPARE_CHUNK)
        z = normalised_tiny(tiny_images(thumbs[lo:hi]))
        d0 = index_descriptor(z)
        s = d0 @ W_CANON
        c = s.argmax(axis=1)
        best = s.max(axis=1, keepdims=True)
        plausible[lo:hi] = s >= best - CANON_MARGIN * np.abs(s).max(axis=1, keepdims=True)
        canon[lo:hi] = c
        d0_all[lo:hi] = d0
        for k in range(8):
            sel = np.flatnonzero(c == k)
            if sel.size:
                z_all[lo + sel] = transpose_stack(z[sel], k).reshape(len(sel), -1)
    return out


#: A search function: (queries Q×64, k) -> (positions Q×k with -1 where none, similarities).
Search = Callable[[np.ndarray, int], tuple[np.ndarray, np.ndarray]]


#: HNSW parameters of the hash-stage index. Measured on 100k synthetic images with planted
#: copies (tests/benchmarks/RESULTS.md): M=12, ef_construction=40, ef=32 keeps planted-pair
#: recall at 1.0 and builds 2.4× faster and queries 1.5× faster than M=16/100/64.
HNSW = {"M": 12, "ef_construction": 40}
QUERY_EF = 32


def default_search(vectors: np.ndarray, exact: bool | None = None) -> Search:
    """Nearest neighbours among ``vectors``: exact for small collections, else an HNSW graph."""
    n = len(vectors)
    if exact or (exact is None and (n <= knn.EXACT_LIMIT or not knn.HAVE_HNSWLIB)):
        return lambda q, k: knn.knn(q, vectors, k, exact=True)
    index = knn.build_hnsw(vectors, m=HNSW["M"], ef_construction=HNSW["ef_construction"])

    def search(q: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        k = min(k, n)
        index.set_ef(max(QUERY_EF, k + 8))
        labels, dist = index.knn_query(q, k=k, num_threads=knn.threads())
        return labels.astype(np.int64), (1.0 - dist).astype(np.float32)

    return search


@dataclass
class Candidates:
    """Candidate pairs (i < j) with the orientation of ``i`` that best fits ``j`` and the
    correlation of their tiny images in it."""

    pairs: np.ndarray  # P×2 int64
    orientation: np.ndarray  # P int8
    corr: np.ndarray  # P float32

    @classmethod
    def empty(cls) -> Candidates:
        return cls(np.empty((0, 2), np.int64), np.empty(0, np.int8), np.empty(0, np.float32))

    def __len__(self) -> int:
        return len(self.pairs)

    @classmethod
    def concat(cls, parts: list[Candidates]) -> Candidates:
        """Union of candidate sets; a pair found twice keeps its best correlation.

        Empties ``parts`` as it goes: at a million images the parts alone are ~200 MB, and
        holding them while deduplicating would set the scan's peak memory."""
        kept = [p for p in parts if len(p)]
        parts.clear()
        if not kept:
            return cls.empty()
        pairs = np.concatenate([p.pairs for p in kept]).astype(np.int32 if _fits32(kept) else np.int64)
        orient = np.concatenate([p.orientation for p in kept])
        corr = np.concatenate([p.corr for p in kept])
        kept.clear()
        return _dedup(pairs, orient, corr)


def _fits32(parts: list[Candidates]) -> bool:
    return max(int(p.pairs.max()) for p in parts) < 2**31 - 1


def _dedup(pairs: np.ndarray, orient: np.ndarray, corr: np.ndarray) -> Candidates:
    """Pairs as i < j (orientation inverted where swapped), each once with its best correlation.

    Works in place on the arrays it is given (they are the caller's temporaries)."""
    swap = np.flatnonzero(pairs[:, 0] > pairs[:, 1])
    pairs[swap] = pairs[swap][:, ::-1]
    orient[swap] = INVERSE[orient[swap]]
    n = int(pairs.max()) + 1 if len(pairs) else 1
    key = pairs[:, 0].astype(np.int64) * n + pairs[:, 1]
    order = np.lexsort((-corr, key))
    key = key[order]
    first = order[np.r_[True, key[1:] != key[:-1]]]
    del key, order
    return Candidates(pairs[first].astype(np.int64), orient[first], corr[first].astype(np.float32))


def find_candidates(
    prepared: Prepared,
    search: Search | None = None,
    *,
    rows: np.ndarray | None = None,
    min_corr: float = CANDIDATE_MIN_CORR,
    exact: bool | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Candidates:
    """Candidate pairs of images whose tiny images match in some orientation.

    ``search`` looks up canonical descriptors of all images (default: built here over
    ``prepared.index_vectors``; positions are rows of ``prepared``). ``rows``: only these images
    ask for neighbours (the new ones of an incremental scan); default all.
    Raises ScanCancelled when ``should_stop`` returns True (checked between query chunks)."""
    return Candidates.concat(
        query_candidates(prepared, search, rows=rows, min_corr=min_corr, exact=exact, should_stop=should_stop)
    )


def query_candidates(
    prepared: Prepared,
    search: Search | None = None,
    *,
    rows: np.ndarray | None = None,
    min_corr: float = CANDIDATE_MIN_CORR,
    exact: bool | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> list[Candidates]:
    """:func:`find_candidates` before :meth:`Candidates.concat`: the raw parts, so a caller can
    free the search (its index) before the deduplication, which sets the matching's peak memory."""
    n = len(prepared.canon)
    if n < 2:
        return []
    if search is None:
        search = default_search(prepared.index_vectors, exact)
    rows = np.arange(n) if rows is None else np.asarray(rows, dtype=np.int64)
    found: list[Candidates] = []
    for lo in range(0, len(rows), QUERY_CHUNK):
        if should_stop is not None and should_stop():
            raise ScanCancelled()
        found.append(_query_chunk(prepared, search, rows[lo : lo + QUERY_CHUNK], min_corr, n))
    return found


def _query_chunk(prepared: Prepared, search: Search, rows: np.ndarray, min_corr: float, n: int) -> Candidates:
    """Candidates of ``rows`` (each image queried in its plausible orientations), top per image."""
    qi_all, qo_all = np.nonzero(prepared.plausible[rows])
    qi_all = rows[qi_all]
    qo_all = qo_all.astype(np.int8)
    # The query image in orientation q, from its canonical one: z_q = T(q ∘ c⁻¹)(z_c).
    zq_all = np.empty((len(qi_all), TINY * TINY), dtype=np.float32)
    to_q = COMPOSE[qo_all, INVERSE[prepared.canon[qi_all]]]
    zc = prepared.z[qi_all].astype(np.float32).reshape(-1, TINY, TINY)
    for k in range(8):
        sel = np.flatnonzero(to_q == k)
        if sel.size:
            zq_all[sel] = transpose_stack(zc[sel], k).reshape(len(sel), -1)
    vec_all = oriented(prepared.d0[qi_all], qo_all)
    out_i, out_j, out_o, out_c = [], [], [], []
    sel = np.arange(len(qi_all))
    kk = K_INDEX
    while sel.size:
        idx, _ = search(vec_all[sel], kk + 1)
        safe = np.maximum(idx, 0)
        corr, turn = _rerank(zq_all[sel], prepared.z, safe)
        qi = qi_all[sel]
        keep = (corr >= min_corr) & (idx != qi[:, None]) & (idx >= 0)
        r, c = np.nonzero(keep)
        j = idx[r, c]
        out_i.append(qi[r])
        out_j.append(j)
        # Query in orientation q, turned by t, met j in its canonical orientation: i fits j in
        # c_j⁻¹ ∘ t ∘ q.
        fitted = COMPOSE[turn[r, c], qo_all[sel][r]]
        out_o.append(COMPOSE[INVERSE[prepared.canon[j]], fitted])
        out_c.append(corr[r, c])
        # Queries whose last neighbour is still nearly identical may have more: ask again.
        if idx.shape[1] < kk + 1 or kk + 1 >= n:
            break
        sel = sel[corr[:, -1] >= GROW_CORR]
        kk *= 4
    i = np.concatenate(out_i)
    if len(i) == 0:
        return Candidates.empty()
    return _top_per_image(
        i, np.concatenate(out_j), np.concatenate(out_o).astype(np.int8), np.concatenate(out_c)
    )


#: Neighbours (of the K_INDEX + 1 the index returns, best first, the query itself usually
#: first) measured in all 8 orientations. On 150 real photos with a pasted object the first 12
#: recover as many pairs whose canonical orientations differ as all 25 (6 more grouped pairs
#: than none), at ~5 % of the candidate search's time instead of ~20 %.
TURN_COLUMNS = 12
#: Bytes of neighbour tiny images gathered at a time while re-ranking. Queries are batched to fit:
#: 1,024 of them at the first 25 neighbours, fewer when a collection of many near-identical
#: images grows the neighbour lists (a fixed batch gathered 1.6 GB at 1,536 neighbours).
RERANK_BYTES = 32 << 20


def _rerank(zq: np.ndarray, z: np.ndarray, idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Correlation of each query's tiny image ``zq`` (Q, 256) with each of its neighbours
    ``z[idx]`` (idx: Q × k) in the orientation that fits best, and that orientation (applied to
    the query). Usually it is the query's own; but a small local edit can flip one file's
    canonical orientation, and then the index still finds the pair (the lowest DCT terms barely
    change) while the tiny images, compared as they are, look unrelated. One matrix product
    per batch of queries measures all 8 orientations of the first :data:`TURN_COLUMNS`."""
    corr = np.empty(idx.shape, dtype=np.float32)
    turn = np.zeros(idx.shape, dtype=np.int8)
    m = min(TURN_COLUMNS, idx.shape[1])
    batch = max(1, RERANK_BYTES // (4 * max(1, idx.shape[1]) * zq.shape[1]))
    for lo in range(0, len(zq), batch):
        hi = lo + batch
        q = zq[lo:hi]
        nb = z[idx[lo:hi]].astype(np.float32)  # (b, k, 256)
        corr[lo:hi] = np.einsum("bkd,bd->bk", nb, q)
        q8 = oriented_tiny(q)  # (b, 8, 256)
        c8 = np.matmul(q8, nb[:, :m].transpose(0, 2, 1))  # (b, 8, m)
        t = c8.argmax(axis=1)
        corr[lo:hi, :m] = np.take_along_axis(c8, t[:, None, :], axis=1)[:, 0, :]
        turn[lo:hi, :m] = t
    return corr, turn


def _top_per_image(i: np.ndarray, j: np.ndarray, orient: np.ndarray, corr: np.ndarray) -> Candidates:
    """Per query image, its best :data:`K_START` candidates over all orientations (more when more
    are nearly identical): memory and scoring time stay linear in the number of images, even in
    collections where everything looks a bit alike (skies, scanned pages)."""
    keep = top_rows(i, j, corr)
    small = len(keep) == 0 or max(i.max(), j.max()) < 2**31 - 1
    pairs = np.stack([i[keep], j[keep]], axis=1).astype(np.int32 if small else np.int64)
    return Candidates(pairs, orient[keep], corr[keep])


def top_rows(i: np.ndarray, j: np.ndarray, corr: np.ndarray) -> np.ndarray:
    """The rows :func:`top_per_image` keeps, in its order: columns beside (i, j, corr), such as
    the scores the partitioned search measures (:mod:`..cluster.partitions`), follow them."""
    if len(i) == 0:
        return np.empty(0, np.int64)
    # Best correlation first within each (i, j), then keep the first of each (i, j).
    order = np.lexsort((-corr, j, i))
    si, sj = i[order], j[order]
    order = order[np.r_[True, (si[1:] != si[:-1]) | (sj[1:] != sj[:-1])]]
    # Now rank each image's candidates by correlation.
    order = order[np.lexsort((-corr[order], i[order]))]
    si, sc = i[order], corr[order]
    start = np.flatnonzero(np.r_[True, si[1:] != si[:-1]])
    rank = np.arange(len(si)) - np.repeat(start, np.diff(np.r_[start, len(si)]))
    return order[(rank < K_START) | (sc >= GROW_CORR)]


#: The same selection, for the partitioned search (:mod:`..cluster.partitions`): it merges what
#: each partition found for an image and keeps that image's best candidates exactly as here.
top_per_image = _top_per_image


def candidate_pairs(
    feats: np.ndarray,
    min_corr: float = CANDIDATE_MIN_CORR,
    exact: bool | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Candidates:
    """Candidate pairs among the feature records ``feats`` (all images query, index built here).

    Raises ScanCancelled when ``should_stop`` returns True."""
    if len(feats) < 2:
        return Candidates.empty()
    return find_candidates(prepare(feats["thumb"]), min_corr=min_corr, exact=exact, should_stop=should_stop)
