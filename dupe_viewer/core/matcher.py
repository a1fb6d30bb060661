"""The matching phase of a scan: candidate pairs, scores and deep scores, incremental across scans.

Input: the scan's *representatives* (one file per distinct content, with features) and, for deep
scans, their embeddings. Output: the pairs worth keeping for regrouping, with hash similarity,
kind and deep scores.

A first scan matches everything and saves the result (:mod:`pair_store`) plus the hash-stage
descriptors in a persisted index (:class:`~.vector_index.VectorIndex`, like the embeddings). A
rescan of the same folders reuses every pair between unchanged files and only asks the indexes
about new or changed files, so a rescan where nothing changed matches nothing at all, and one
with 1 % new files queries 1 % of the images. When more than :data:`FULL_RATIO` of the files are
new, everything is matched again (as fast, and as complete, as a first scan).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import deep as deep_mod
from . import knn, matching, scoring
from .errors import ScanCancelled
from .features import FEATURE_VERSION
from .pair_store import PairStore, StoredPairs, scope_key
from .records import ImageRecord
from .settings import ScanOptions
from .vector_index import VectorIndex

log = logging.getLogger(__name__)

#: Version of the hash-stage index descriptors (canonical DCT of the tiny image).
HASH_INDEX_VERSION = 1
#: Above this share of new or changed files, match everything from scratch.
FULL_RATIO = 0.5
#: Deep pairs at or above this verified score are kept for regrouping (the slider's floor).
DEEP_KEEP_MIN = 0.8


@dataclass
class Matches:
    """Kept pairs (positions into the representatives) and their scores; arrays aligned."""

    pairs: np.ndarray
    similarity: np.ndarray
    kinds: np.ndarray
    deep_similarity: np.ndarray | None
    crop_box: np.ndarray | None
    crop_container: np.ndarray | None
    matched: int = 0  # files whose neighbours were looked up this time
    reused: int = 0  # pairs taken from the previous scan


def match(
    feats: np.ndarray,
    records: Sequence[ImageRecord],
    opts: ScanOptions,
    setup: deep_mod.DeepSetup | None,
    vectors: tuple[np.ndarray, np.ndarray] | None,
    roots: Sequence[str],
    *,
    directory: Path | None,
    present: set[str],
    warnings: list[str],
    should_stop: Callable[[], bool] = lambda: False,
) -> Matches:
    """Match the representatives ``records`` (features ``feats``).

    ``vectors``: for deep scans, (one embedding per row in any float dtype, which rows have one).
    ``directory``: where pairs and indexes persist (None: nothing is saved or reused).
    ``present``: every path the scan found, so indexed files that vanished are forgotten.

    Raises ScanCancelled when ``should_stop`` returns True."""
    n = len(records)
    deep_floor = min(setup.threshold, DEEP_KEEP_MIN) if setup is not None else None
    store = PairStore(
        directory / "pairs" if directory is not None else None,
        scope_key(
            roots,
            {
                "features": FEATURE_VERSION,
                "hash_index": HASH_INDEX_VERSION,
                "min_threshold": opts.min_threshold,
                "model": setup.model_id if setup is not None else None,
                "deep_floor": deep_floor,
            },
        ),
    )
    old = store.load()
    warnings.extend(store.warnings)
    paths = [r.path for r in records]
    idents = np.array([(r.size, r.mtime_ns) for r in records], dtype=np.int64).reshape(-1, 2)
    has_vec = vectors[1] if vectors is not None else np.zeros(n, dtype=bool)
    old_pos = _unchanged(old, paths, idents, has_vec) if old is not None else np.full(n, -1)
    fresh = np.flatnonzero(old_pos < 0)
    full = old is None or len(fresh) > FULL_RATIO * n
    rows = None if full else fresh

    new = _match_rows(
        feats,
        records,
        paths,
        idents,
        setup,
        vectors,
        roots,
        rows,
        directory,
        present,
        warnings,
        opts,
        deep_floor,
        should_stop,
    )
    if not full and old is not None:
        new = _merge(new, _reuse(old, old_pos), setup is not None)
    new.matched = n if full else len(fresh)
    try:
        store.save(
            StoredPairs(
                paths=paths,
                ident=idents,
                has_vector=has_vec,
                pairs=new.pairs,
                similarity=new.similarity,
                kinds=new.kinds,
                deep_similarity=new.deep_similarity,
                crop_box=new.crop_box,
                crop_container=new.crop_container,
            )
        )
    except OSError as exc:
        warnings.append(f"Could not save the matches ({exc}); the next scan matches everything again.")
    return new


def _unchanged(old: StoredPairs, paths: list[str], idents: np.ndarray, has_vec: np.ndarray) -> np.ndarray:
    """Per representative, its position among the stored members if it is unchanged, else -1."""
    where = {p: k for k, p in enumerate(old.paths)}
    pos = np.fromiter((where.get(p, -1) for p in paths), dtype=np.int64, count=len(paths))
    ok = pos >= 0
    safe = np.maximum(pos, 0)
    ok &= (old.ident[safe] == idents).all(axis=1) & (old.has_vector[safe] == has_vec)
    return np.where(ok, pos, -1)


def _reuse(old: StoredPairs, old_pos: np.ndarray) -> Matches:
    """The stored pairs whose two files are unchanged, as positions into this scan's files."""
    new_of_old = np.full(len(old.paths), -1, dtype=np.int64)
    kept = np.flatnonzero(old_pos >= 0)
    new_of_old[old_pos[kept]] = kept
    p = new_of_old[old.pairs] if len(old.pairs) else old.pairs.reshape(0, 2)
    sel = np.flatnonzero((p >= 0).all(axis=1)) if len(p) else np.empty(0, np.int64)

    def take(col: np.ndarray | None) -> np.ndarray | None:
        return None if col is None else col[sel]

    return Matches(
        pairs=p[sel],
        similarity=old.similarity[sel],
        kinds=old.kinds[sel],
        deep_similarity=take(old.deep_similarity),
        crop_box=take(old.crop_box),
        crop_container=take(old.crop_container),
        reused=len(sel),
    )


def _merge(new: Matches, old: Matches, deep: bool) -> Matches:
    def cat(a: np.ndarray | None, b: np.ndarray | None) -> np.ndarray | None:
        return np.concatenate([a, b]) if deep and a is not None and b is not None else None

    return Matches(
        pairs=np.concatenate([new.pairs.reshape(-1, 2), old.pairs.reshape(-1, 2)]),
        similarity=np.concatenate([new.similarity, old.similarity]),
        kinds=np.concatenate([new.kinds.astype(str), old.kinds.astype(str)]),
        deep_similarity=cat(new.deep_similarity, old.deep_similarity),
        crop_box=cat(new.crop_box, old.crop_box),
        crop_container=cat(new.crop_container, old.crop_container),
        reused=old.reused,
    )


def _hash_search(
    prepared: matching.Prepared,
    paths: list[str],
    idents: np.ndarray,
    roots: Sequence[str],
    directory: Path | None,
    present: set[str],
    warnings: list[str],
) -> matching.Search | None:
    """A search over the persisted hash-stage index (None: build one in memory for this scan)."""
    n = len(paths)
    if directory is None or not knn.HAVE_HNSWLIB or n <= knn.EXACT_LIMIT:
        return None
    index = VectorIndex(
        f"hash-dct-{HASH_INDEX_VERSION}-f{FEATURE_VERSION}",
        matching.DIM,
        directory / "vectors",
        params=matching.HNSW,
        query_ef=matching.QUERY_EF,
    )
    warnings.extend(index.warnings)
    labels = index.sync(paths, [tuple(x) for x in idents.tolist()], prepared.index_vectors)
    index.forget_missing(roots, present)
    try:
        index.save()
    except OSError as exc:
        warnings.append(f"Could not save the image index ({exc}); it will be rebuilt next time.")
    pos = np.full(int(labels.max()) + 1, -1, dtype=np.int64)
    pos[labels] = np.arange(n)

    def search(q: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        lab, sim = index.knn(q, k, allowed=labels)
        return np.where(lab >= 0, pos[np.clip(lab, 0, len(pos) - 1)], -1), sim

    return search


def _match_rows(
    feats: np.ndarray,
    records: Sequence[ImageRecord],
    paths: list[str],
    idents: np.ndarray,
    setup: deep_mod.DeepSetup | None,
    vectors: tuple[np.ndarray, np.ndarray] | None,
    roots: Sequence[str],
    rows: np.ndarray | None,
    directory: Path | None,
    present: set[str],
    warnings: list[str],
    opts: ScanOptions,
    deep_floor: float | None,
    should_stop: Callable[[], bool],
) -> Matches:
    """Find, measure and score the candidate pairs of ``rows`` (None: of all files)."""
    n = len(records)
    if rows is not None and len(rows) == 0:
        return _empty(setup is not None)
    prepared = matching.prepare(feats["thumb"])
    search = _hash_search(prepared, paths, idents, roots, directory, present, warnings)
    parts = matching.query_candidates(prepared, search, rows=rows, should_stop=should_stop)
    # The hash index is saved; neither deduplicating nor measuring needs it (graph and label
    # maps, ~0.7 GB at a million images) or the search descriptors: freed before both.
    del search
    prepared.release_search_data()
    cand = matching.Candidates.concat(parts)
    deep_rows = None
    if setup is not None and vectors is not None:
        deep_rows, deep_cand = _deep_candidates(
            setup, paths, idents, vectors, roots, rows, directory, present, warnings
        )
        # Deep-only pairs have no orientation yet (-1): measuring them searches all eight.
        extra = matching.Candidates(
            deep_cand.reshape(-1, 2),
            np.full(len(deep_cand), -1, np.int8),
            np.zeros(len(deep_cand), np.float32),
        )
        cand = matching.Candidates.concat([cand, extra])
    if should_stop():
        raise ScanCancelled()
    meas = matching.measure(feats, cand, should_stop=should_stop, prepared=prepared)
    sim = scoring.hash_similarity(meas)
    kinds = scoring.classify(meas, sim, feats["trimmed"])
    keep = sim >= opts.min_threshold
    deep_sim = crop_box = crop_in = None
    if deep_rows is not None and deep_floor is not None:
        deep_sim, crop_box, crop_in = _deep_scores(cand.pairs, deep_rows, vectors, feats, sim, n, should_stop)
        # A deep-only pair whose best window was a crop is an edit; otherwise just similar.
        kinds = np.where((sim < opts.threshold) & (crop_in >= 0), "edited", kinds)
        keep |= np.nan_to_num(deep_sim, nan=0.0) >= deep_floor
        deep_sim, crop_box, crop_in = deep_sim[keep], crop_box[keep], crop_in[keep]
    return Matches(
        pairs=cand.pairs[keep].reshape(-1, 2),
        similarity=sim[keep].astype(np.float32),
        kinds=kinds[keep].astype(str),
        deep_similarity=deep_sim,
        crop_box=crop_box,
        crop_container=crop_in,
    )


def _empty(deep: bool) -> Matches:
    return Matches(
        pairs=np.empty((0, 2), np.int64),
        similarity=np.empty(0, np.float32),
        kinds=np.empty(0, dtype="<U7"),
        deep_similarity=np.empty(0, np.float32) if deep else None,
        crop_box=np.empty((0, 4), np.float32) if deep else None,
        crop_container=np.empty(0, np.int8) if deep else None,
    )


def _deep_candidates(
    setup: deep_mod.DeepSetup,
    paths: list[str],
    idents: np.ndarray,
    vectors: tuple[np.ndarray, np.ndarray],
    roots: Sequence[str],
    rows: np.ndarray | None,
    directory: Path | None,
    present: set[str],
    warnings: list[str],
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs from the persisted vector index, as positions into the representatives.

    Returns (positions that have an embedding, pairs). With ``rows``, only those ask."""
    have = np.flatnonzero(vectors[1])
    if len(have) == 0:
        return have, np.empty((0, 2), np.int64)
    mat = vectors[0][have]  # float16: the index converts it in chunks
    index = deep_mod.open_index(
        setup.model_id, mat.shape[1], directory / "vectors" if directory is not None else None
    )
    warnings.extend(index.warnings)
    labels = index.sync([paths[i] for i in have], [tuple(x) for x in idents[have].tolist()], mat)
    index.forget_missing(roots, present)
    query_rows = None
    if rows is not None:
        query_rows = np.flatnonzero(np.isin(have, rows))
        if len(query_rows) == 0:
            return have, np.empty((0, 2), np.int64)
    pairs, _ = deep_mod.candidate_pairs(index, labels, mat, query_rows=query_rows)
    try:
        index.save()
    except OSError as exc:
        warnings.append(f"Could not save the vector index ({exc}); it will be rebuilt next time.")
    return have, have[pairs] if len(pairs) else pairs.reshape(0, 2)


def _deep_scores(
    cand: np.ndarray,
    deep_rows: np.ndarray,
    vectors: tuple[np.ndarray, np.ndarray],
    feats: np.ndarray,
    hash_sim: np.ndarray,
    n: int,
    should_stop: Callable[[], bool],
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Verified deep similarity per candidate pair (NaN without embeddings), and for pairs where
    one is a crop of the other the window (P×4, NaN otherwise) and which side contains it."""
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
    # hashes have not already shown a faithful copy (which verifies as the whole image).
    faithful = hash_sim[idx] >= scoring.NEAR_SIMILARITY
    todo = np.flatnonzero((cos >= deep_mod.CANDIDATE_MIN_COS) & ~faithful)
    score[idx[faithful]] = (cos[faithful] + 1.0) / 2.0
    # In chunks, so a cancel lands within a second or two even with many pairs to verify.
    for lo in range(0, len(todo), VERIFY_CHUNK):
        if should_stop():
            raise ScanCancelled()
        t = todo[lo : lo + VERIFY_CHUNK]
        s, bx, ct = deep_mod.verified_scores(cos[t], feats["thumb"][a[t]], feats["thumb"][b[t]])
        score[idx[t]] = s
        box[idx[t]] = bx
        container[idx[t]] = ct
    rest = np.ones(len(idx), dtype=bool)
    rest[todo] = False
    rest &= ~faithful
    score[idx[rest]] = cos[rest] / 2.0
    return score, box, container


#: Pairs verified between cancel checks (~1 ms each).
VERIFY_CHUNK = 1000
