"""A persisted hnswlib index of one model's embeddings, with its path map.

Kept under ``cache_dir()/vectors/<model>/``: ``index.bin`` (hnswlib), ``labels.npz`` (label ->
path and the file identity its vector was computed from), ``projection.npz`` when the index is
reduced (below) and ``meta.json`` (parameters, checksums and a random *token*, written last so a
torn write is detected). On every scan the index is
loaded, grown with ``add_items`` for new or changed files, and files that vanished from the
scanned folders are ``mark_deleted``; it is rebuilt from scratch when its parameters change, and
rebuilt with a warning when its files are damaged (checked by checksum *before* hnswlib reads
them, since a corrupt graph could crash the process).

Labels are never reused: a new or changed file always gets ``len(paths)`` as its label, and a
deleted one keeps its slot (path ``""``). So a label names one vector for the life of the index,
and data keyed by label (a cache of candidate pairs saved next to the index) stays valid as long
as :attr:`VectorIndex.token` matches — the token changes on every save and on every rebuild.

*Reduced* indexes (``reduce=r``, used for the 512-d deep embeddings) hold each vector projected on
the ``r`` principal components of the indexed data (centred, then re-normalised): hnswlib's build
cost and memory grow with the dimension, and a million 512-d vectors took ~2,150–3,100 CPU-seconds
to index on the dev machine. The projection is fitted from the vectors of the first sync (a fixed
random rotation while there are fewer than :data:`MIN_FIT`) and refitted -- the graph rebuilt --
each time the collection has doubled, until it was fitted on :data:`FIT_ENOUGH` vectors; after
that it never changes. Similarities returned by :meth:`VectorIndex.knn` are in the reduced space:
callers re-rank the neighbours by their exact cosine (see :func:`.deep.candidate_pairs`).

Memory at a million 64-d reduced vectors: 256 MB of float32 plus the graph (~130 MB at M=16);
unreduced 512-d it would be 2 GB. Callers may hold their copy as float16; additions and queries
are converted to float32 :data:`CHUNK` rows at a time, so no second full float32 copy is made.

Without hnswlib (Pythons without a wheel) the same interface answers queries exactly with numpy
and keeps nothing on disk.

This module is longer than 400 lines because the index, its label map, its reduced-space
projection and their checksummed persistence must change together (a refit rebuilds the graph,
a damaged file rebuilds everything): split, each half would only be correct with the other.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from . import knn

log = logging.getLogger(__name__)

INDEX_VERSION = 2
#: hnswlib build parameters; a change rebuilds persisted indexes (they are compared with meta.json).
#: Cheaper builds lose near copies. tests/benchmarks/index_ef.py --n 100000 (copies at cosine
#: ≈ 0.82), recall at query ef 64 on clustered / Gaussian data: these 1.0000 / 0.9996;
#: ef_construction 100: 0.9995 / 0.9996; M 12 and 100: 0.9984 / 0.9950; M 16 and 40: 0.9676 /
#: 0.9761; M 8 and 40: 0.9011 / 0.7883.
PARAMS = {"space": "ip", "M": 16, "ef_construction": 200}
#: ef used for queries (hnswlib uses at least 2·k, 34 for the deep stage's k = 17). Same benchmark
#: with PARAMS: recall 0.9996 / 0.9937 at ef 34, 1.0000 / 0.9996 at 64, 1.0000 / 1.0000 at 128,
#: for 1.3× and 1.7× the query time of 34.
QUERY_EF = 64
#: ef for the few new rows of an incremental update (see :func:`.deep.candidate_pairs`): a new
#: file's pair with an old one is found from the new side only, so each query must be surer.
#: Measured on 100,000 Gaussian 512-d vectors + 10,000 new ones (3,333 near copies of old files,
#: cosine ≈ 0.94): recall 0.9805 at ef 64, 0.9991 at 200, 0.9997 at 300, 1.0000 at 500, for 7, 18,
#: 25 and 41 CPU-seconds.
FRESH_QUERY_EF = 300
#: Rows converted to float32 at a time when adding or querying (25,000 × 512-d = 50 MB), so a
#: float16 matrix of a million embeddings is never copied whole and query temporaries stay bounded.
CHUNK = 25_000
#: A reduced index fits its projection on at least this many vectors; with fewer it uses a fixed
#: random rotation (a first scan of a few files: those are searched exactly anyway).
MIN_FIT = 256
#: Refitting stops once the projection was fitted on this many vectors (its principal components
#: no longer move); it is also the sample size a fit uses.
FIT_ENOUGH = 20_000
#: A collection that grew to this many times the vectors the projection was fitted on is refitted.
REFIT_GROWTH = 2


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _safe(model_id: str) -> str:
    return (
        re.sub(r"[^A-Za-z0-9._-]", "_", model_id)[:80]
        + "-"
        + hashlib.blake2b(model_id.encode(), digest_size=4).hexdigest()
    )


class VectorIndex:
    """Embeddings of one model: add/replace/forget files by path, k-nearest-neighbour queries.

    ``dir`` is the folder holding this model's index files (None when nothing is persisted).
    After :meth:`sync`, ``fresh_rows`` holds the rows (positions in the ``paths`` given to it)
    whose vectors were added or replaced by that call: the only rows whose neighbours can have
    changed since the last save, apart from the old rows that now have a fresh row as a neighbour.
    """

    def __init__(
        self,
        model_id: str,
        dim: int,
        directory: Path | None,
        *,
        params: dict[str, int | str] | None = None,
        query_ef: int = QUERY_EF,
        reduce: int | None = None,
    ) -> None:
        self.model_id = model_id
        self.dim = dim
        #: hnswlib build parameters (default :data:`PARAMS`); the hash stage's small descriptors
        #: use cheaper ones. Saved in meta.json: an index built with others is rebuilt.
        self.params = {**PARAMS, **(params or {})}
        #: Dimension vectors are projected to before indexing (None: stored as given).
        self.reduce = reduce if reduce is not None and reduce < dim else None
        self.index_dim = self.reduce or dim
        #: (mean, basis dim×reduce) of the projection, and how many vectors it was fitted on.
        self._proj: tuple[np.ndarray, np.ndarray] | None = None
        self._fitted = 0
        self.query_ef = query_ef
        self.dir = directory / _safe(model_id) if directory is not None else None
        self.warnings: list[str] = []
        self.paths: list[str] = []  # label -> path ("" once deleted)
        self.ident: list[tuple[int, ...]] = []  # label -> the file identity its vector is of
        self.label_of: dict[str, int] = {}
        self.fresh_rows: np.ndarray = np.empty(0, dtype=np.int64)
        self._data = np.empty((0, dim), np.float32)  # label -> vector, only without hnswlib
        self._index = None
        self._token: str | None = None
        self._dirty = False
        self._load()

    @property
    def token(self) -> str | None:
        """Random hex identifying the index state last saved (or loaded); None before any save.

        A new token is drawn on every save, and an index rebuilt from scratch has none until
        saved, so a file saved next to the index with the token can tell whether it still
        describes these labels.
        """
        return self._token

    # -- persistence ---------------------------------------------------------------------------
    def _files(self) -> tuple[Path, Path, Path]:
        assert self.dir is not None
        return self.dir / "index.bin", self.dir / "labels.npz", self.dir / "meta.json"

    def _wanted_meta(self) -> dict[str, object]:
        return {
            "version": INDEX_VERSION,
            "model": self.model_id,
            "dim": self.dim,
            "reduce": self.reduce,
            **self.params,
        }

    def _fresh(self) -> None:
        self.paths, self.ident, self.label_of = [], [], {}
        self._proj, self._fitted = None, 0
        self._data = np.empty((0, self.index_dim), np.float32)
        self._index = (
            knn.build_hnsw(
                np.empty((0, self.index_dim), np.float32),
                m=int(self.params["M"]),
                ef_construction=int(self.params["ef_construction"]),
                capacity=1024,
            )
            if knn.HAVE_HNSWLIB
            else None
        )
        self._token = None
        self._dirty = True

    def _load(self) -> None:
        if self.dir is None or not knn.HAVE_HNSWLIB:
            self._fresh()
            return
        index_file, labels_file, meta_file = self._files()
        if not meta_file.exists():
            self._fresh()
            return
        try:
            meta = json.loads(meta_file.read_text())
            wanted = self._wanted_meta()
            if any(meta.get(k) != v for k, v in wanted.items()):
                log.info("vector index parameters changed; rebuilding")
                self._fresh()
                return
            if _digest(index_file) != meta["index_digest"] or _digest(labels_file) != meta["labels_digest"]:
                raise ValueError("checksum mismatch")
            if self.reduce is not None and "projection_digest" not in meta and meta.get("count"):
                raise ValueError("projection missing")
            if self.reduce is not None and "projection_digest" in meta:  # none while empty
                proj_file = self.dir / "projection.npz"
                if _digest(proj_file) != meta["projection_digest"]:
                    raise ValueError("projection checksum mismatch")
                with np.load(proj_file, allow_pickle=False) as z:
                    mean, basis = z["mean"].astype(np.float32), z["basis"].astype(np.float32)
                if mean.shape != (self.dim,) or basis.shape != (self.dim, self.reduce):
                    raise ValueError("projection of the wrong shape")
                self._proj, self._fitted = (mean, basis), int(meta["fitted"])
            with np.load(labels_file, allow_pickle=False) as z:
                raw = z["paths"]
                ident = z["ident"]
            self.paths = [os.fsdecode(p) if p else "" for p in raw.tolist()]
            self.ident = [tuple(row) for row in ident.tolist()]  # saved N×k
            self.label_of = {p: i for i, p in enumerate(self.paths) if p}
            import hnswlib

            index = hnswlib.Index(space=str(self.params["space"]), dim=self.index_dim)
            index.load_index(
                str(index_file), max_elements=max(len(self.paths), 1), allow_replace_deleted=True
            )
            index.set_num_threads(knn.threads())
            if index.get_current_count() != len(self.paths):
                raise ValueError("index and label map disagree")
            self._index = index
            self._token = meta.get("token")  # None for indexes saved before tokens existed
        except Exception as exc:  # damaged files: a cache, so rebuild
            msg = f"The vector index for model {self.model_id} was damaged ({exc}); it is rebuilt."
            log.warning(msg)
            self.warnings.append(msg)
            self._fresh()

    def save(self) -> None:
        if self.dir is None or self._index is None or not self._dirty:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        index_file, labels_file, meta_file = self._files()
        meta_file.unlink(missing_ok=True)  # invalid until both files are complete
        tmp_index = index_file.with_suffix(".tmp")
        self._index.save_index(str(tmp_index))
        os.replace(tmp_index, index_file)
        tmp_labels = labels_file.with_name("labels.tmp.npz")
        np.savez(
            tmp_labels,
            paths=np.array([os.fsencode(p) for p in self.paths], dtype=bytes)
            if self.paths
            else np.array([], dtype=bytes),
            ident=np.array(self.ident, dtype=np.int64).reshape(
                len(self.ident), len(self.ident[0]) if self.ident else 2
            ),
        )
        os.replace(tmp_labels, labels_file)
        token = secrets.token_hex(8)
        meta = {
            **self._wanted_meta(),
            "count": len(self.paths),
            "index_digest": _digest(index_file),
            "labels_digest": _digest(labels_file),
            "token": token,
        }
        if self._proj is not None:
            proj_file = self.dir / "projection.npz"
            tmp_proj = proj_file.with_name("projection.tmp.npz")
            np.savez(tmp_proj, mean=self._proj[0], basis=self._proj[1])
            os.replace(tmp_proj, proj_file)
            meta.update(projection_digest=_digest(proj_file), fitted=self._fitted)
        meta_file.write_text(json.dumps(meta))
        self._token = token
        self._dirty = False

    # -- updates -------------------------------------------------------------------------------
    def _add(self, vectors: np.ndarray, rows: np.ndarray, labels: np.ndarray) -> None:
        """Store ``vectors[rows]`` under ``labels`` (ascending), CHUNK rows at a time."""
        need = int(labels.max()) + 1
        if self._index is None:
            if need > len(self._data):  # grow geometrically: repeated small syncs stay linear
                grown = np.zeros((max(need, len(self._data) * 3 // 2), self.index_dim), np.float32)
                grown[: len(self._data)] = self._data
                self._data = grown
            for lo in range(0, len(rows), CHUNK):
                self._data[labels[lo : lo + CHUNK]] = self._to_space(vectors[rows[lo : lo + CHUNK]])
            return
        if need > self._index.get_max_elements():
            # Once, to the exact size: the level-0 block is realloc'ed, and any spare capacity
            # would be saved and reloaded for nothing.
            self._index.resize_index(need)
        for lo in range(0, len(rows), CHUNK):
            block = self._to_space(vectors[rows[lo : lo + CHUNK]])
            self._index.add_items(block, labels[lo : lo + CHUNK], num_threads=knn.threads())

    # -- the reduced space ---------------------------------------------------------------------
    def _to_space(self, block: np.ndarray) -> np.ndarray:
        """Rows (any float dtype) as the index stores them: float32, projected when reduced."""
        out = np.ascontiguousarray(block, dtype=np.float32)
        if self._proj is None:
            return out
        mean, basis = self._proj
        out = (out - mean) @ basis
        norm = np.linalg.norm(out, axis=1, keepdims=True)
        # A vector equal to the mean has no direction; it stays zero (similar to nothing).
        return np.ascontiguousarray(out / np.where(norm > 0, norm, 1.0), dtype=np.float32)

    def _fit(self, vectors: np.ndarray) -> None:
        """Fit the projection on (a sample of) ``vectors``: the top ``reduce`` principal
        components, or a fixed random rotation when there are fewer than :data:`MIN_FIT`."""
        assert self.reduce is not None
        n = len(vectors)
        if n < MIN_FIT:
            rot, _ = np.linalg.qr(np.random.default_rng(0).standard_normal((self.dim, self.reduce)))
            self._proj, self._fitted = (np.zeros(self.dim, np.float32), rot.astype(np.float32)), 0
            return
        rows = np.arange(n)
        if n > FIT_ENOUGH:  # a sorted random sample: reading rows in order is kinder to memory
            rows = np.sort(np.random.default_rng(0).choice(n, FIT_ENOUGH, replace=False))
        total = np.zeros(self.dim, np.float64)
        gram = np.zeros((self.dim, self.dim), np.float64)
        for lo in range(0, len(rows), CHUNK):
            x = np.asarray(vectors[rows[lo : lo + CHUNK]], dtype=np.float64)
            total += x.sum(axis=0)
            gram += x.T @ x
        mean = total / len(rows)
        cov = gram / len(rows) - np.outer(mean, mean)
        _, vecs = np.linalg.eigh(cov)  # ascending eigenvalues
        basis = vecs[:, ::-1][:, : self.reduce]
        self._proj, self._fitted = (mean.astype(np.float32), np.ascontiguousarray(basis, np.float32)), n

    def sync(
        self, paths: Sequence[str], idents: Sequence[tuple[int, ...]], vectors: np.ndarray
    ) -> np.ndarray:
        """Make the index hold ``vectors`` (rows of any float dtype) for ``paths``.

        Returns each path's label. Rows whose path is new or whose ident changed get a new label
        (``len(self.paths)`` at the time: labels are never reused; a replaced vector's old label is
        marked deleted); their positions are left in :attr:`fresh_rows`. Identities are compared
        whole: an index whose identities have another width (saved by an older version, before
        inode and ctime were part of them) describes files by something else and is rebuilt.
        """
        if self.ident and len(idents) and len(self.ident[0]) != len(idents[0]):
            log.info("vector index identities changed width; rebuilding")
            self._fresh()
        if self.reduce is not None and len(paths) and self._needs_fit(len(paths)):
            if len(self.paths):
                log.info("refitting the projection of the vector index on %d vectors", len(paths))
                self._fresh()  # every vector is added again in the new space
            self._fit(vectors)
        labels = np.empty(len(paths), dtype=np.int64)
        fresh: list[int] = []
        for row, (p, ident) in enumerate(zip(paths, idents, strict=True)):
            lab = self.label_of.get(p)
            if lab is not None and self.ident[lab] == tuple(ident):
                labels[row] = lab
                continue
            if lab is not None:  # the file changed: its old vector goes
                self._delete(lab)
            lab = len(self.paths)
            self.paths.append(p)
            self.ident.append(tuple(int(x) for x in ident))
            self.label_of[p] = lab
            labels[row] = lab
            fresh.append(row)
        self.fresh_rows = np.array(fresh, dtype=np.int64)
        if fresh:
            self._add(vectors, self.fresh_rows, labels[self.fresh_rows])
            self._dirty = True
        return labels

    def _needs_fit(self, available: int) -> bool:
        if self._proj is None:
            return True
        if self._fitted >= FIT_ENOUGH:
            return False
        return available >= max(MIN_FIT, REFIT_GROWTH * self._fitted)

    def _delete(self, lab: int) -> None:
        if self._index is not None:
            self._index.mark_deleted(int(lab))
        self.label_of.pop(self.paths[lab], None)
        self.paths[lab] = ""
        self._dirty = True

    def forget_missing(self, roots: Iterable[str], present: set[str]) -> int:
        """mark_deleted every indexed file under ``roots`` that is not in ``present``."""
        prefixes = tuple(os.path.join(os.path.abspath(r), "") for r in roots)
        gone = [lab for p, lab in self.label_of.items() if p.startswith(prefixes) and p not in present]
        for lab in gone:
            self._delete(lab)
        return len(gone)

    def __len__(self) -> int:
        return len(self.label_of)

    # -- queries -------------------------------------------------------------------------------
    def knn(
        self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None, ef: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` labels (-1 where fewer) and similarities per query, among ``allowed`` labels.

        ``queries`` may be any float dtype; they are converted :data:`CHUNK` rows at a time.
        In a reduced index, neighbours and similarities are those of the reduced space.
        ``ef`` (default :data:`QUERY_EF`) is hnswlib's search breadth: larger finds more of the
        true neighbours, slower.
        """
        nq = len(queries)
        out_l = np.full((nq, k), -1, dtype=np.int64)
        out_s = np.full((nq, k), -np.inf, dtype=np.float32)
        if allowed is None:
            pool = np.fromiter(self.label_of.values(), dtype=np.int64, count=len(self.label_of))
        else:
            pool = np.asarray(allowed, dtype=np.int64)
        if len(pool) == 0 or nq == 0:
            return out_l, out_s
        if self._index is None or len(pool) <= knn.EXACT_LIMIT:
            data = self._get(pool)
            for lo in range(0, nq, CHUNK):
                q = self._to_space(queries[lo : lo + CHUNK])
                idx, sim = knn.exact_knn(q, data, min(k, len(pool)))
                out_l[lo : lo + CHUNK, : idx.shape[1]] = pool[idx]
                out_s[lo : lo + CHUNK, : idx.shape[1]] = sim
            return out_l, out_s
        self._index.set_ef(max(self.query_ef if ef is None else ef, 2 * k))
        mask = np.zeros(len(self.paths), dtype=bool)
        mask[pool] = True
        active = len(self.label_of)
        for lo in range(0, nq, CHUNK):
            q = self._to_space(queries[lo : lo + CHUNK])
            if len(pool) * 2 >= active:
                self._overfetch(q, k, mask, len(pool), out_l[lo : lo + CHUNK], out_s[lo : lo + CHUNK])
            else:
                labels, dist = self._index.knn_query(
                    q, k=min(k, len(pool)), filter=lambda lab: bool(mask[lab])
                )
                out_l[lo : lo + CHUNK, : labels.shape[1]] = labels
                out_s[lo : lo + CHUNK, : labels.shape[1]] = 1.0 - dist
        return out_l, out_s

    def _overfetch(
        self, q: np.ndarray, k: int, mask: np.ndarray, n_allowed: int, out_l: np.ndarray, out_s: np.ndarray
    ) -> None:
        """Most of the index is wanted: over-fetch and drop the rest (faster than hnswlib's
        per-node Python filter, and multi-threaded). Fills the views ``out_l``/``out_s``."""
        active = len(self.label_of)
        want = min(k, n_allowed)
        kk = min(active, k * max(1, int(np.ceil(active / n_allowed))) + 1)
        todo = np.arange(len(q))
        while len(todo):
            try:
                labels, dist = self._index.knn_query(q[todo], k=kk, num_threads=knn.threads())
            except RuntimeError:  # hnswlib found fewer than kk: keep what the first pass gave
                if len(todo) == len(q):
                    raise
                break
            labels = labels.astype(np.int64)
            keep = mask[labels]
            # Results come best first: the j-th kept neighbour of a query goes to column j.
            col = np.cumsum(keep, axis=1) - 1
            r, c = np.nonzero(keep & (col < k))
            out_l[todo[r], col[r, c]] = labels[r, c]
            out_s[todo[r], col[r, c]] = 1.0 - dist[r, c]
            # Queries whose neighbourhood was mostly not allowed: again, fetching twice as many.
            short = keep.sum(axis=1) < want
            if kk >= active or not short.any():
                break
            todo, kk = todo[short], min(active, 2 * kk)

    def _get(self, labels: np.ndarray) -> np.ndarray:
        if self._index is None:
            return self._data[labels]
        return np.asarray(self._index.get_items(labels), dtype=np.float32)
