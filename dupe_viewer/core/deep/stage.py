"""The deep-similarity stage: which model, candidate pairs from embeddings, verified scores.

Candidates are the k nearest neighbours of each image's embedding (cosine ≥
:data:`CANDIDATE_MIN_COS`), taken from the persisted :class:`~..store.vector_index.VectorIndex`, which
holds the embeddings reduced to :data:`INDEX_DIM` principal components: twice as many neighbours
are fetched there and re-ranked by their exact cosine. Each
candidate is then verified geometrically on the thumbnails (:mod:`.verify`), and its deep
similarity is the mean of the cosine and the verification score: a crop scores high on both,
two different photos of cats only on the first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..blas import one_thread
from ..errors import DupeViewerError, ScanCancelled
from ..messages import message
from ..store import knn
from ..store.vector_index import CHUNK, FRESH_QUERY_EF, VectorIndex
from .spec import ModelError, ModelSpec

if TYPE_CHECKING:
    from .embedding import EmbedderFactory

#: Neighbours asked per image.
K_DEEP = 16
#: Dimension of the indexed embeddings (principal components of the 512-d descriptors). On the
#: dev corpus's real descriptors, the true pairs among the exact 16 nearest neighbours (cosine
#: ≥ 0.75) that are also found by fetching 33 neighbours in the reduced space and re-ranking them
#: exactly: 32 components 0.9989, 64: 0.9996, 128: 0.9996 (fetching 17: 0.9941, 0.9991, 0.9996).
#: 64 dimensions make the index ~8× smaller and its build ~5× faster than 512 (scale benchmark).
INDEX_DIM = 64
#: Neighbours fetched from the reduced index per image, before the exact re-ranking.
K_FETCH = 2 * K_DEEP + 1
#: Embedding cosine below which a pair is not a candidate (true crops and tilts of the dev corpus
#: scored ≥ 0.78, except 3 of 153).
CANDIDATE_MIN_COS = 0.75
#: A verified window covering less than this share of the other image makes the pair a crop.
CROP_AREA = 0.9


class DeepUnavailable(DupeViewerError):
    """Deep similarity was required but no model is installed (or it cannot be loaded)."""


@dataclass(frozen=True)
class DeepSetup:
    """The model a scan uses and its deep threshold (the model's recommendation unless asked)."""

    spec: ModelSpec
    model_path: Path
    threshold: float

    @property
    def model_id(self) -> str:
        return self.spec.cache_id

    def embedder(self) -> EmbedderFactory:
        """What the worker processes make their embedder from."""
        # Imported when a scan uses a model: a hash-only or warm scan needs neither onnx glue nor
        # scipy (verify), and ``dupe-viewer scan`` starts faster without them.
        from .embedding import EmbedderFactory

        return EmbedderFactory(self.spec, str(self.model_path))


def resolve(
    deep: bool | None, model: str | None, threshold: float | None
) -> tuple[DeepSetup | None, dict[str, Any]]:
    """Pick the model for this scan. Returns (setup or None, the report's ``deep`` section)."""
    if deep is False:
        return None, {"enabled": False, "reason": message("deep_off")}
    from . import installed  # the model registry, only when deep matching may run

    try:
        spec = installed.get_installed(model)
    except ModelError as exc:
        if deep:
            raise DeepUnavailable(str(exc)) from None
        return None, {"enabled": False, "reason": str(exc)}
    if spec is None:
        reason = message("no_model") if model is None else message("model_missing", model=model)
        if deep:
            raise DeepUnavailable(f"deep similarity needs a model: {reason}")
        return None, {"enabled": False, "reason": reason}
    thr = spec.similar_similarity if threshold is None else threshold
    setup = DeepSetup(spec=spec, model_path=installed.installed_model_path(spec.id), threshold=thr)
    return setup, {"enabled": True, "model": spec.id, "model_version": spec.cache_id, "threshold": thr}


def open_index(model_id: str, dim: int, directory: Path | None) -> VectorIndex:
    """The persisted index of one model's embeddings (reduced to :data:`INDEX_DIM`)."""
    return VectorIndex(model_id, dim, directory, reduce=INDEX_DIM)


def candidate_pairs(
    index: VectorIndex, labels: np.ndarray, vectors: np.ndarray, query_rows: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (P×2 positions into ``labels``, i < j, unique) of nearest neighbours and their cosine.

    ``vectors`` (any float dtype, e.g. float16) are the rows of ``labels``. With ``query_rows``
    only those rows are queried (against all of ``labels``): after an incremental
    :meth:`VectorIndex.sync`, its ``fresh_rows``, whose pairs complete those saved from earlier
    scans. They are searched with the wider :data:`~.vector_index.FRESH_QUERY_EF`: a pair of
    an old and a new image is then found from the new side only, where a full query has two
    chances. (Such an update can still miss a pair where an old image has the new one among its
    neighbours but not the reverse; kNN is nearly symmetric for near copies.) When every row is
    in ``query_rows`` this is the full query.
    """
    n = len(labels)
    # Every row fresh (a first scan, a rebuilt index): a full query, where each pair has two chances.
    full = query_rows is None or len(query_rows) >= n
    queries = np.arange(n) if full else np.asarray(query_rows, dtype=np.int64)
    if n < 2 or len(queries) == 0:
        return np.empty((0, 2), np.int64), np.empty(0, np.float32)
    ef = None if full else FRESH_QUERY_EF
    pos = np.full(int(labels.max()) + 1, -1, dtype=np.int64)
    pos[labels] = np.arange(n)
    # Small collections are searched exactly in the full space (as fast as a graph query).
    exact = vectors.astype(np.float32) if n <= knn.EXACT_LIMIT else None
    fetch = K_FETCH if index.reduce is not None else K_DEEP + 1
    # Real descriptors of unrelated photos often score above CANDIDATE_MIN_COS, so a million
    # images can give ~16 million raw pairs: kept as int32 positions until deduplicated.
    small = np.int32 if n < 2**31 else np.int64
    found_a: list[np.ndarray] = []
    found_b: list[np.ndarray] = []
    found_cos: list[np.ndarray] = []
    # Chunked so the k-NN tables (queries × 33 labels and scores) stay bounded at a million rows.
    for lo in range(0, len(queries), CHUNK):
        rows = queries[lo : lo + CHUNK]
        if exact is not None:
            nb, sim = knn.exact_knn(exact[rows], exact, min(K_DEEP + 1, n))
        else:
            nb_labels, _ = index.knn(vectors[lo : lo + CHUNK] if full else vectors[rows], fetch, labels, ef)
            nb = np.where(nb_labels >= 0, pos[np.clip(nb_labels, 0, len(pos) - 1)], -1)
            nb, sim = _rerank(vectors, rows, nb, K_DEEP + 1)
        ok = (nb >= 0) & (sim >= CANDIDATE_MIN_COS)
        a = np.broadcast_to(rows[:, None], nb.shape)[ok]
        b = nb[ok]
        keep = a != b
        found_a.append(a[keep].astype(small))
        found_b.append(b[keep].astype(small))
        found_cos.append(sim[ok][keep].astype(np.float32))
    a, b = np.concatenate(found_a), np.concatenate(found_b)
    cos = np.concatenate(found_cos)
    del found_a, found_b, found_cos
    if len(a) == 0:
        return np.empty((0, 2), np.int64), cos
    i, j = np.minimum(a, b), np.maximum(a, b)
    del a, b
    # One int64 key per pair: np.unique on it is much cheaper than on P×2 rows (axis=0).
    _, first = np.unique(i.astype(np.int64) * n + j, return_index=True)
    return np.stack([i[first], j[first]], axis=1).astype(np.int64), cos[first]


#: Queries re-ranked at a time (× 33 neighbours × 512 float32: ~70 MB of gathered vectors).
RERANK_BLOCK = 1024


def _rerank(vectors: np.ndarray, rows: np.ndarray, nb: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` of each row's neighbours ``nb`` (positions, -1 for none) with the highest exact
    cosine, best first, and those cosines (-inf where none)."""
    sim = np.full(nb.shape, -np.inf, dtype=np.float32)
    for lo in range(0, len(rows), RERANK_BLOCK):
        q = vectors[rows[lo : lo + RERANK_BLOCK]].astype(np.float32)
        cand = nb[lo : lo + RERANK_BLOCK]
        found = cand >= 0
        v = vectors[np.where(found, cand, 0)].astype(np.float32)
        s = np.matmul(v, q[:, :, None])[:, :, 0]
        sim[lo : lo + RERANK_BLOCK] = np.where(found, s, -np.inf)
    k = min(k, nb.shape[1])
    order = np.argsort(-sim, axis=1, kind="stable")[:, :k]
    return np.take_along_axis(nb, order, axis=1), np.take_along_axis(sim, order, axis=1)


def cosine(vectors: np.ndarray, pairs: np.ndarray) -> np.ndarray:
    return np.einsum("ij,ij->i", vectors[pairs[:, 0]], vectors[pairs[:, 1]]).astype(np.float32)


def verified_scores(
    cos: np.ndarray, thumbs_a: np.ndarray, thumbs_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Deep similarity for pairs with their embedding cosine and both thumbnails, plus where one
    is a crop of the other: the window (P×4, NaN when not a crop) and which side contains it."""
    from . import verify  # see DeepSetup.embedder

    ver, area, box, container = verify.crop_scores(thumbs_a, thumbs_b)
    score = np.clip((cos + np.clip(ver, 0.0, 1.0)) / 2.0, 0.0, 1.0).astype(np.float32)
    crop = area < CROP_AREA
    box = np.where(crop[:, None], box, np.nan).astype(np.float32)
    return score, box, np.where(crop, container, -1).astype(np.int8)


def index_candidates(
    setup: DeepSetup,
    paths: list[str],
    idents: np.ndarray,
    vectors: tuple[np.ndarray, np.ndarray],
    roots: Sequence[str],
    rows: np.ndarray | None,
    directory: Path | None,
    present: set[str],
    warnings: list[str],
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs from the persisted vector index, as positions into ``paths``.

    ``vectors``: (one embedding per row, which rows have one). The index is synced with the rows
    that have an embedding, files under ``roots`` missing from ``present`` are forgotten, and it
    is saved under ``directory / "vectors"`` (None: kept in memory). With ``rows``, only those
    ask for neighbours. Returns (positions that have an embedding, pairs)."""
    have = np.flatnonzero(vectors[1])
    if len(have) == 0:
        return have, np.empty((0, 2), np.int64)
    mat = vectors[0][have]  # float16: the index converts it in chunks
    index = open_index(setup.model_id, mat.shape[1], directory / "vectors" if directory is not None else None)
    warnings.extend(index.warnings)
    labels = index.sync([paths[i] for i in have], [tuple(x) for x in idents[have].tolist()], mat)
    index.forget_missing(roots, present)
    query_rows = None
    if rows is not None:
        query_rows = np.flatnonzero(np.isin(have, rows))
        if len(query_rows) == 0:
            return have, np.empty((0, 2), np.int64)
    pairs, _ = candidate_pairs(index, labels, mat, query_rows=query_rows)
    try:
        index.save()
    except OSError as exc:
        warnings.append(f"Could not save the vector index ({exc}); it will be rebuilt next time.")
    return have, have[pairs] if len(pairs) else pairs.reshape(0, 2)


#: Pairs verified between cancel checks (~1 ms each).
VERIFY_CHUNK = 1000


# One BLAS thread: bit for bit what a worker verifies (see ..blas), and less CPU.
@one_thread()
def pair_scores(
    cand: np.ndarray,
    deep_rows: np.ndarray,
    vectors: tuple[np.ndarray, np.ndarray],
    thumbs: np.ndarray,
    faithful: np.ndarray,
    n: int,
    should_stop: Callable[[], bool],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Verified deep similarity per candidate pair (NaN without embeddings), and for pairs where
    one is a crop of the other the window (P×4, NaN otherwise) and which side contains it.

    ``thumbs``: the 32×32 thumbnails of the ``n`` files. ``faithful``: per pair, the hashes have
    already shown a faithful copy (which verifies as the whole image): such pairs are not verified.
    Raises ScanCancelled when ``should_stop`` returns True (checked every :data:`VERIFY_CHUNK`)."""
    score = np.full(len(cand), np.nan, dtype=np.float32)
    box = np.full((len(cand), 4), np.nan, dtype=np.float32)
    container = np.full(len(cand), -1, dtype=np.int8)
    if len(cand) == 0:
        return score, box, container
    has_vec = np.zeros(n, dtype=bool)
    has_vec[deep_rows] = True
    idx = np.flatnonzero(has_vec[cand[:, 0]] & has_vec[cand[:, 1]])
    if len(idx) == 0:
        return score, box, container
    a, b = cand[idx, 0], cand[idx, 1]
    cos = np.empty(len(a), dtype=np.float32)
    for lo in range(0, len(a), VERIFY_CHUNK * 50):  # bounded float32 temporaries
        va = vectors[0][a[lo : lo + VERIFY_CHUNK * 50]].astype(np.float32)
        vb = vectors[0][b[lo : lo + VERIFY_CHUNK * 50]].astype(np.float32)
        cos[lo : lo + len(va)] = np.einsum("ij,ij->i", va, vb)
    # Verification costs ~1 ms a pair: only where the cosine leaves the verdict open and the
    # hashes have not already shown a faithful copy.
    faithful = faithful[idx]
    todo = np.flatnonzero((cos >= CANDIDATE_MIN_COS) & ~faithful)
    score[idx[faithful]] = (cos[faithful] + 1.0) / 2.0
    # In chunks, so a cancel lands within a second or two even with many pairs to verify.
    for lo in range(0, len(todo), VERIFY_CHUNK):
        if should_stop():
            raise ScanCancelled()
        t = todo[lo : lo + VERIFY_CHUNK]
        s, bx, ct = verified_scores(cos[t], thumbs[a[t]], thumbs[b[t]])
        score[idx[t]] = s
        box[idx[t]] = bx
        container[idx[t]] = ct
    rest = np.ones(len(idx), dtype=bool)
    rest[todo] = False
    rest &= ~faithful
    score[idx[rest]] = cos[rest] / 2.0
    return score, box, container
