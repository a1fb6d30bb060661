"""What matching carries over between scans: the saved pairs of unchanged files and the persisted
hash-stage index.

A scan of some folders saves the pairs it kept (:mod:`..store.pair_store`) with its *members*,
the files that were all matched against each other. The next scan of the same folders with the
same matching settings (one *scope*) reuses every saved pair whose two files are unchanged
members, and only new or changed files ask the indexes for neighbours.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..deep.stage import DeepSetup
from ..features.perceptual import FEATURE_VERSION
from ..files.records import ImageRecord
from ..options import ScanOptions
from ..result import PairTable
from ..store import knn
from ..store.pair_store import PairStore, StoredPairs, scope_key
from ..store.vector_index import VectorIndex

if TYPE_CHECKING:
    from . import candidates

#: Version of the hash-stage index descriptors (canonical DCT of the tiny image).
HASH_INDEX_VERSION = 1


@dataclass
class MatchInput:
    """The files one matching run compares (a scan's *representatives*: one file per distinct
    content, with features), and where what it learns persists.

    ``vectors``: for deep scans, (one embedding per row in any float dtype, which rows have one).
    ``directory``: where pairs and indexes persist (None: nothing is saved or reused).
    ``present``: every path the scan found, so indexed files that vanished are forgotten.
    ``warnings``: collects what the user should hear (damaged caches, failed saves)."""

    feats: np.ndarray
    records: Sequence[ImageRecord]
    roots: Sequence[str]
    vectors: tuple[np.ndarray, np.ndarray] | None = None
    directory: Path | None = None
    present: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
    should_stop: Callable[[], bool] = lambda: False

    def __len__(self) -> int:
        return len(self.records)

    @cached_property
    def paths(self) -> list[str]:
        return [r.path for r in self.records]

    @cached_property
    def idents(self) -> np.ndarray:
        """N×4 int64: (size, mtime_ns, inode, ctime_ns) per file, what "unchanged" compares. The
        inode and ctime tell a file replaced by another, or rewritten in place with its size
        and mtime kept, whose saved pairs and indexed vectors describe the old contents."""
        return np.array(
            [(r.size, r.mtime_ns, _signed(r.inode), r.ctime_ns) for r in self.records], dtype=np.int64
        ).reshape(-1, 4)

    @property
    def has_vector(self) -> np.ndarray:
        return self.vectors[1] if self.vectors is not None else np.zeros(len(self), dtype=bool)


def _signed(v: int) -> int:
    # Inode numbers are unsigned 64-bit; the stored identities are int64.
    return v - (1 << 64) if v >= 1 << 63 else v


def pair_store(
    job: MatchInput, opts: ScanOptions, setup: DeepSetup | None, deep_floor: float | None
) -> PairStore:
    """The saved pairs of this scope: these folders, matched with these settings."""
    return PairStore(
        job.directory / "pairs" if job.directory is not None else None,
        scope_key(
            job.roots,
            {
                "features": FEATURE_VERSION,
                "hash_index": HASH_INDEX_VERSION,
                "min_threshold": opts.min_threshold,
                "model": setup.model_id if setup is not None else None,
                "deep_floor": deep_floor,
            },
        ),
    )


def unchanged(old: StoredPairs, job: MatchInput) -> np.ndarray:
    """Per file of ``job``, its position among the stored members if it is unchanged, else -1."""
    where = {p: k for k, p in enumerate(old.paths)}
    paths = job.paths
    pos = np.fromiter((where.get(p, -1) for p in paths), dtype=np.int64, count=len(paths))
    if old.ident.shape[1:] != job.idents.shape[1:] or len(old.paths) == 0:
        # Saved with other identities, or saved by a scan that found no image (an empty
        # folder, filled since): every file is new.
        return np.full(len(paths), -1, dtype=np.int64)
    ok = pos >= 0
    safe = np.maximum(pos, 0)
    ok &= (old.ident[safe] == job.idents).all(axis=1) & (old.has_vector[safe] == job.has_vector)
    return np.where(ok, pos, -1)


def reuse(old: StoredPairs, old_pos: np.ndarray) -> PairTable:
    """The stored pairs whose two files are unchanged, as positions into this run's files."""
    new_of_old = np.full(len(old.paths), -1, dtype=np.int64)
    kept = np.flatnonzero(old_pos >= 0)
    new_of_old[old_pos[kept]] = kept
    table = old.table.remap(new_of_old)
    sel = np.flatnonzero((table.ij >= 0).all(axis=1)) if len(table) else np.empty(0, np.int64)
    return table.take(sel)


def stored(job: MatchInput, table: PairTable) -> StoredPairs:
    """What is saved after a run: its files as the members, and the pairs kept among them."""
    return StoredPairs(paths=job.paths, ident=job.idents, has_vector=job.has_vector, table=table)


def hash_search(prepared: candidates.Prepared, job: MatchInput) -> candidates.Search | None:
    """A search over the persisted hash-stage index (None: build one in memory for this scan)."""
    from . import candidates  # here: a rescan that matches nothing never loads the matcher

    n = len(job)
    if job.directory is None or not knn.HAVE_HNSWLIB or n <= knn.EXACT_LIMIT:
        return None
    index = VectorIndex(
        f"hash-dct-{HASH_INDEX_VERSION}-f{FEATURE_VERSION}",
        candidates.DIM,
        job.directory / "vectors",
        params=candidates.HNSW,
        query_ef=candidates.QUERY_EF,
    )
    job.warnings.extend(index.warnings)
    labels = index.sync(job.paths, [tuple(x) for x in job.idents.tolist()], prepared.index_vectors)
    index.forget_missing(job.roots, job.present)
    try:
        index.save()
    except OSError as exc:
        job.warnings.append(f"Could not save the image index ({exc}); it will be rebuilt next time.")
    pos = np.full(int(labels.max()) + 1, -1, dtype=np.int64)
    pos[labels] = np.arange(n)

    def search(q: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        lab, sim = index.knn(q, k, allowed=labels)
        return np.where(lab >= 0, pos[np.clip(lab, 0, len(pos) - 1)], -1), sim

    return search
