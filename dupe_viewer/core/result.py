"""What a scan hands over: the pair table, groups, statistics, the result, and the events of a scan.

Every stage speaks this vocabulary: matching produces a :class:`PairTable`, the pair store saves
and loads one, grouping reads one; the scan yields the events below and ends with a
:class:`ScanResult`. Results are data: they are frozen, and regrouping at other thresholds makes
new groups (:func:`.group.regroup.regroup`) instead of changing a result.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

import numpy as np

from .files.discovery import FileError
from .files.records import ImageRecord
from .options import GroupingParams, ScanOptions

#: How two files relate, strictest first: ``exact`` (byte-identical) < ``near`` (the same picture
#: re-encoded, resized, converted, rotated or mirrored) < ``edited`` (colour/brightness edit,
#: grayscale, border, overlay, a verified crop) < ``shot`` (a *similar shot*: another exposure of
#: the same scene, as a burst frame, or another framing of it) < ``similar`` (*looks alike*: deep
#: similarity only, not verified as the same picture). Only the first three are copies.
KINDS = ("exact", "near", "edited", "shot", "similar")
#: The kinds a file may be pre-marked for the trash for: copies of the picture kept.
COPY_KINDS = frozenset(KINDS[:3])
#: A group's kind is the loosest relation in it.
LOOSEST_FIRST = tuple(reversed(KINDS))
#: The kind of a group's reference member (it relates to nothing: the others relate to it).
REFERENCE = "reference"


@dataclass(frozen=True, eq=False)
class PairTable:
    """Scored pairs: one row per pair, the columns aligned.

    ``ij`` holds file indices (into the scan's records, or into whatever list the producer
    matched). Deep columns are all present (deep matching ran) or all None.
    """

    ij: np.ndarray  # P×2 int64
    similarity: np.ndarray  # P float32: hash-stage similarity (NaN when not measured)
    kinds: np.ndarray  # P str: the hash-stage verdict, one of KINDS
    #: P float32: deep (embedding) similarity, NaN where not computed.
    deep_similarity: np.ndarray | None = None
    #: P×4 float32: where one file of a pair is a crop of the other, the crop's window in the
    #: containing file (x0, y0, x1, y1 as fractions of its sides); NaN rows otherwise.
    crop_box: np.ndarray | None = None
    #: P int8: which side of the pair contains the crop (0 or 1), -1 when not a crop.
    crop_container: np.ndarray | None = None

    DEEP_COLUMNS = ("deep_similarity", "crop_box", "crop_container")

    @classmethod
    def empty(cls, deep: bool = False) -> PairTable:
        return cls(
            ij=np.empty((0, 2), np.int64),
            similarity=np.empty(0, np.float32),
            kinds=np.empty(0, dtype="<U7"),
            deep_similarity=np.empty(0, np.float32) if deep else None,
            crop_box=np.empty((0, 4), np.float32) if deep else None,
            crop_container=np.empty(0, np.int8) if deep else None,
        )

    @classmethod
    def of_exact(cls, ij: np.ndarray, deep: bool = False) -> PairTable:
        """Byte-identical pairs: similarity 1 (deep similarity 1, no crop, when ``deep``)."""
        n = len(ij)
        return cls(
            ij=np.asarray(ij, dtype=np.int64).reshape(-1, 2),
            similarity=np.ones(n, np.float32),
            kinds=np.full(n, "exact"),
            deep_similarity=np.ones(n, np.float32) if deep else None,
            crop_box=np.full((n, 4), np.nan, np.float32) if deep else None,
            crop_container=np.full(n, -1, np.int8) if deep else None,
        )

    def __len__(self) -> int:
        return len(self.ij)

    @property
    def has_deep(self) -> bool:
        return self.deep_similarity is not None

    def _columns(self) -> dict[str, np.ndarray | None]:
        return {
            "ij": self.ij,
            "similarity": self.similarity,
            "kinds": self.kinds,
            **{c: getattr(self, c) for c in self.DEEP_COLUMNS},
        }

    def take(self, rows: np.ndarray) -> PairTable:
        """The rows ``rows`` (indices or a boolean mask), in that order."""
        return PairTable(**{k: None if v is None else v[rows] for k, v in self._columns().items()})

    def remap(self, index: np.ndarray) -> PairTable:
        """The same pairs with file ``f`` renamed ``index[f]`` (e.g. representative positions to
        record indices)."""
        ij = index[self.ij] if len(self.ij) else np.empty((0, 2), np.int64)
        return replace(self, ij=ij)

    def without_deep(self) -> PairTable:
        return replace(self, deep_similarity=None, crop_box=None, crop_container=None)

    @classmethod
    def concat(cls, tables: Sequence[PairTable]) -> PairTable:
        """Rows of ``tables`` in order. Deep columns are kept only when every table has them (a
        table matched without embeddings says nothing about the others' deep scores)."""
        deep = all(t.has_deep for t in tables)
        return cls(
            ij=np.concatenate([t.ij.reshape(-1, 2) for t in tables]),
            similarity=np.concatenate([t.similarity for t in tables]),
            kinds=np.concatenate([t.kinds.astype(str) for t in tables]),
            **{
                c: np.concatenate([getattr(t, c) for t in tables]) if deep else None for c in cls.DEEP_COLUMNS
            },
        )

    def keys(self, n: int) -> np.ndarray:
        """One int64 per row naming its unordered pair: ``min * n + max`` (``n`` > every index)."""
        lo = np.minimum(self.ij[:, 0], self.ij[:, 1]).astype(np.int64)
        hi = np.maximum(self.ij[:, 0], self.ij[:, 1]).astype(np.int64)
        return lo * max(n, 1) + hi

    def index(self) -> dict[tuple[int, int], int]:
        """(i, j) with i < j -> row."""
        lo = np.minimum(self.ij[:, 0], self.ij[:, 1])
        hi = np.maximum(self.ij[:, 0], self.ij[:, 1])
        return {(int(a), int(b)): n for n, (a, b) in enumerate(zip(lo, hi, strict=True))}

    def touching(self, files: Iterable[int]) -> np.ndarray:
        """Mask of the rows with at least one file in ``files``."""
        f = np.fromiter(files, dtype=np.int64)
        return np.isin(self.ij[:, 0], f) | np.isin(self.ij[:, 1], f)

    def within(self, files: Iterable[int]) -> np.ndarray:
        """Mask of the rows whose two files are both in ``files``."""
        f = np.fromiter(files, dtype=np.int64)
        return np.isin(self.ij[:, 0], f) & np.isin(self.ij[:, 1], f)

    def unordered(self, rows: np.ndarray | None = None) -> set[tuple[int, int]]:
        """The pairs of ``rows`` (a mask or indices; default all) as (min, max) tuples."""
        ij = self.ij if rows is None else self.ij[rows]
        return {(int(min(a, b)), int(max(a, b))) for a, b in ij}


class Phase(str, Enum):
    DISCOVER = "finding files"
    CACHE = "checking the cache"
    CONTENT = "comparing file contents"
    DECODE = "reading images"
    MATCH = "matching"
    GROUP = "grouping"


@dataclass
class Member:
    index: int  # into ScanResult.records
    similarity: float  # to the group's reference, 0-1
    kind: str  # REFERENCE or one of KINDS


@dataclass
class DupGroup:
    id: int
    kind: str  # the loosest relation in the group
    keep: int  # index into ScanResult.records of the suggested file to keep
    reference: int
    members: list[Member]

    @property
    def indices(self) -> list[int]:
        return [m.index for m in self.members]


@dataclass
class ScanStats:
    files: int = 0
    from_cache: int = 0
    decoded: int = 0
    copies: int = 0  # byte-identical copies that were not decoded again
    matched: int = 0  # files whose neighbours were looked up (only new or changed ones on a rescan)
    pairs_reused: int = 0  # scored pairs taken from the previous scan of the same folders
    errors: int = 0
    seconds: float = 0.0


@dataclass(frozen=True, eq=False)
class ReportSource:
    """Where a result read from a saved report comes from (:mod:`.act.report_open`): the report
    states its groups, so regrouping only narrows them (:mod:`.group.stated`), never widens."""

    path: str
    saved: float  # when the report was written (its file's modification time, epoch seconds)
    header: dict[str, Any]  # the report's fields but its groups (roots, settings, stats, ...)
    groups: tuple[DupGroup, ...]  # the groups as the report states them (after the subset filter)
    reasons: dict[int, str]  # record index -> the reason the report gives for it, in English
    read: int  # groups read from the report
    truncated: bool  # the group limit stopped the reading before the report's end
    #: Whether every member has a modification time (older reports lack it: nothing can be acted on).
    identities: bool = True


def _no_deep() -> dict[str, Any]:
    return {"enabled": False, "reason": "not requested"}


@dataclass(frozen=True, eq=False)
class ScanResult:
    """Everything a scan found. Frozen: other thresholds give other groups, not another result.

    ``grouping`` is what ``groups`` were built with (the options' values, the deep threshold
    resolved to the model's recommendation). A *partial* result (``complete`` False) is what a scan
    knows before it ends: its records and the groups of byte-identical files.
    """

    roots: list[str]
    options: ScanOptions
    grouping: GroupingParams
    records: list[ImageRecord]
    features: np.ndarray  # FEATURE_DTYPE, aligned with records (zeros where has_features is False)
    has_features: np.ndarray  # bool
    pairs: PairTable  # every pair worth keeping for regrouping, indices into records
    groups: list[DupGroup]
    errors: list[FileError]
    stats: ScanStats
    warnings: list[str] = field(default_factory=list)
    deep: dict[str, Any] = field(default_factory=_no_deep)
    complete: bool = True
    #: Files passed over because their format is not read: extension (lower case, without the
    #: dot; "" for none) -> count, most frequent first.
    skipped: dict[str, int] = field(default_factory=dict)
    #: Set when the result was read from a saved report rather than scanned.
    source: ReportSource | None = None

    @property
    def settings(self) -> ScanOptions:
        """The options as the groups were built: what a report of this result states."""
        return self.options.with_grouping(self.grouping)


@dataclass
class ErrorFound:
    error: FileError


@dataclass
class GroupsFound:
    """Groups known before the scan ends (byte-identical files), as a partial result; the final
    result supersedes it. Its records are the scan's own objects (image facts filled in later)."""

    result: ScanResult


@dataclass
class Finished:
    result: ScanResult


@dataclass
class Cancelled:
    stats: ScanStats


@dataclass
class Progress:
    phase: Phase
    done: int
    total: int  # 0 when not known yet


ScanEvent = Progress | ErrorFound | GroupsFound | Finished | Cancelled


class PairScores:
    """Similarity of any two files of a result, from its pair table (indexed once, on first use)."""

    def __init__(self, result: ScanResult) -> None:
        self.result = result
        self._index: dict[tuple[int, int], int] | None = None

    def get(self, i: int, j: int) -> float | None:
        """Similarity 0-1 of records ``i`` and ``j``, or None when the scan did not compare them."""
        if i == j:
            return 1.0
        r = self.result
        a, b = r.records[i], r.records[j]
        if a.digest is not None and a.digest == b.digest:
            return 1.0
        if self._index is None:
            self._index = r.pairs.index()
        row = self._index.get((min(i, j), max(i, j)))
        if row is None:
            return None
        t = r.pairs
        if t.kinds[row] == "exact":
            return 1.0
        values = [float(t.similarity[row])]
        if t.deep_similarity is not None:
            values.append(float(t.deep_similarity[row]))
        values = [v for v in values if not math.isnan(v)]
        return max(values) if values else None
