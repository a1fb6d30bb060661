"""A persisted hnswlib index of one model's embeddings, with its path map.

Kept under ``cache_dir()/vectors/<model>/``: ``index.bin`` (hnswlib), ``labels.npz`` (label ->
path and the file identity its vector was computed from) and ``meta.json`` (parameters and
checksums, written last so a torn write is detected). On every scan the index is loaded, grown
with ``add_items`` for new or changed files, and files that vanished from the scanned folders are
``mark_deleted``; it is rebuilt from scratch when its parameters change, and rebuilt with a
warning when its files are damaged (checked by checksum *before* hnswlib reads them, since a
corrupt graph could crash the process).

Without hnswlib (Pythons without a wheel) the same interface answers queries exactly with numpy
and keeps nothing on disk.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from . import knn

log = logging.getLogger(__name__)

INDEX_VERSION = 1
PARAMS = {"space": "ip", "M": 16, "ef_construction": 200}
#: ef used for queries: measured recall of true near-duplicate neighbours (see the README).
QUERY_EF = 64


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
    """Embeddings of one model: add/replace/forget files by path, k-nearest-neighbour queries."""

    def __init__(self, model_id: str, dim: int, directory: Path | None) -> None:
        self.model_id = model_id
        self.dim = dim
        self.dir = directory / _safe(model_id) if directory is not None else None
        self.warnings: list[str] = []
        self.paths: list[str] = []  # label -> path ("" once deleted)
        self.ident: list[tuple[int, int]] = []  # label -> (size, mtime_ns)
        self.label_of: dict[str, int] = {}
        self.vectors: list[np.ndarray] = []  # only without hnswlib
        self._index = None
        self._dirty = False
        self._load()

    # -- persistence ---------------------------------------------------------------------------
    def _files(self) -> tuple[Path, Path, Path]:
        assert self.dir is not None
        return self.dir / "index.bin", self.dir / "labels.npz", self.dir / "meta.json"

    def _fresh(self) -> None:
        self.paths, self.ident, self.label_of, self.vectors = [], [], {}, []
        self._index = (
            knn.build_hnsw(np.empty((0, self.dim), np.float32), capacity=1024) if knn.HAVE_HNSWLIB else None
        )
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
            wanted = {"version": INDEX_VERSION, "model": self.model_id, "dim": self.dim, **PARAMS}
            if any(meta.get(k) != v for k, v in wanted.items()):
                log.info("vector index parameters changed; rebuilding")
                self._fresh()
                return
            if _digest(index_file) != meta["index_digest"] or _digest(labels_file) != meta["labels_digest"]:
                raise ValueError("checksum mismatch")
            with np.load(labels_file, allow_pickle=False) as z:
                raw = z["paths"]
                ident = z["ident"]
            self.paths = [os.fsdecode(bytes(p)) if p else "" for p in raw]
            self.ident = [(int(a), int(b)) for a, b in ident]
            self.label_of = {p: i for i, p in enumerate(self.paths) if p}
            import hnswlib

            index = hnswlib.Index(space=PARAMS["space"], dim=self.dim)
            index.load_index(
                str(index_file), max_elements=max(len(self.paths), 1), allow_replace_deleted=True
            )
            index.set_num_threads(knn.threads())
            if index.get_current_count() != len(self.paths):
                raise ValueError("index and label map disagree")
            self._index = index
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
            paths=np.array([os.fsencode(p) for p in self.paths], dtype=object).astype(bytes)
            if self.paths
            else np.array([], dtype=bytes),
            ident=np.array(self.ident, dtype=np.int64).reshape(-1, 2),
        )
        os.replace(tmp_labels, labels_file)
        meta = {
            "version": INDEX_VERSION,
            "model": self.model_id,
            "dim": self.dim,
            **PARAMS,
            "count": len(self.paths),
            "index_digest": _digest(index_file),
            "labels_digest": _digest(labels_file),
        }
        meta_file.write_text(json.dumps(meta))
        self._dirty = False

    # -- updates -------------------------------------------------------------------------------
    def _add(self, vectors: np.ndarray, labels: np.ndarray) -> None:
        if self._index is None:
            for lab, v in zip(labels, vectors, strict=True):
                while len(self.vectors) <= lab:
                    self.vectors.append(np.zeros(self.dim, np.float32))
                self.vectors[lab] = v
            return
        need = int(labels.max()) + 1 if len(labels) else 0
        if need > self._index.get_max_elements():
            self._index.resize_index(max(need, int(self._index.get_max_elements() * 1.5) + 1024))
        self._index.add_items(vectors, labels, num_threads=knn.threads())

    def sync(
        self, paths: Sequence[str], idents: Sequence[tuple[int, int]], vectors: np.ndarray
    ) -> np.ndarray:
        """Make the index hold ``vectors`` for ``paths``; returns each path's label."""
        labels = np.empty(len(paths), dtype=np.int64)
        new_rows: list[int] = []
        for row, (p, ident) in enumerate(zip(paths, idents, strict=True)):
            lab = self.label_of.get(p)
            if lab is not None and self.ident[lab] == tuple(ident):
                labels[row] = lab
                continue
            if lab is not None:  # the file changed: its old vector goes
                self._delete(lab)
            lab = len(self.paths)
            self.paths.append(p)
            self.ident.append((int(ident[0]), int(ident[1])))
            self.label_of[p] = lab
            labels[row] = lab
            new_rows.append(row)
        if new_rows:
            rows = np.array(new_rows)
            self._add(np.ascontiguousarray(vectors[rows], dtype=np.float32), labels[rows])
            self._dirty = True
        return labels

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
        self, queries: np.ndarray, k: int, allowed: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` labels (-1 where fewer) and similarities per query, among ``allowed`` labels."""
        queries = np.ascontiguousarray(queries, dtype=np.float32)
        nq = len(queries)
        out_l = np.full((nq, k), -1, dtype=np.int64)
        out_s = np.full((nq, k), -np.inf, dtype=np.float32)
        pool = np.array(sorted(self.label_of.values()), dtype=np.int64) if allowed is None else allowed
        if len(pool) == 0 or nq == 0:
            return out_l, out_s
        if self._index is None or len(pool) <= knn.EXACT_LIMIT:
            data = self._get(pool)
            idx, sim = knn.exact_knn(queries, data, min(k, len(pool)))
            out_l[:, : idx.shape[1]] = pool[idx]
            out_s[:, : idx.shape[1]] = sim
            return out_l, out_s
        self._index.set_ef(max(QUERY_EF, 2 * k))
        active = len(self.label_of)
        if len(pool) * 2 >= active:
            # Most of the index is wanted: over-fetch and drop the rest (fast, multi-threaded).
            kk = min(active, k * max(1, int(np.ceil(active / len(pool)))) + 1)
            labels, dist = self._index.knn_query(queries, k=kk, num_threads=knn.threads())
            keep = np.isin(labels, pool)
            for q in range(nq):
                lab = labels[q][keep[q]][:k]
                out_l[q, : len(lab)] = lab
                out_s[q, : len(lab)] = 1.0 - dist[q][keep[q]][:k]
            return out_l, out_s
        mask = np.zeros(len(self.paths), dtype=bool)
        mask[pool] = True
        labels, dist = self._index.knn_query(queries, k=min(k, len(pool)), filter=lambda lab: bool(mask[lab]))
        out_l[:, : labels.shape[1]] = labels
        out_s[:, : labels.shape[1]] = 1.0 - dist
        return out_l, out_s

    def _get(self, labels: np.ndarray) -> np.ndarray:
        if self._index is None:
            return np.stack([self.vectors[i] for i in labels]).astype(np.float32)
        return np.asarray(self._index.get_items(labels), dtype=np.float32)
