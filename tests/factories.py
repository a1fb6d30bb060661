"""The one factory of scan results for tests and benchmarks that need a result without a scan.

``make_result(records, pairs, similarity, ...)`` builds a :class:`ScanResult` from files and
scored pairs the way a scan would, grouped at its :class:`GroupingParams`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from dupe_viewer.core import GroupingParams, PairTable, ScanOptions, ScanResult, ScanStats, regrouped
from dupe_viewer.core.features.perceptual import FEATURE_DTYPE
from dupe_viewer.core.files.records import ImageRecord


def record(
    n: int, path: str | None = None, size: int | None = None, width: int = 640, height: int = 480
) -> ImageRecord:
    """A file that need not exist: ``/nowhere/<n>.jpg`` unless ``path`` is given."""
    return ImageRecord(
        path or f"/nowhere/{n}.jpg", 1000 + n if size is None else size, 0, n, 1, width, height, "JPEG"
    )


def make_result(
    records: Sequence[ImageRecord],
    pairs: Sequence[tuple[int, int]] | np.ndarray,
    similarity: Sequence[float] | np.ndarray,
    kinds: Sequence[str] | np.ndarray | None = None,
    *,
    deep_similarity: Sequence[float] | np.ndarray | None = None,
    options: ScanOptions | None = None,
    grouping: GroupingParams | None = None,
    roots: Sequence[str] = ("/nowhere",),
    deep: dict[str, Any] | None = None,
) -> ScanResult:
    """A grouped result of ``records`` and their scored ``pairs``.

    ``kinds`` default to "near" above 0.9 and "edited" below; with ``deep_similarity`` the deep
    columns exist (no crops) and ``grouping`` should give a ``deep_threshold``."""
    sim = np.asarray(similarity, dtype=np.float32)
    n = len(records)
    has_deep = deep_similarity is not None
    table = PairTable(
        ij=np.asarray(pairs, dtype=np.int64).reshape(-1, 2),
        similarity=sim,
        kinds=np.asarray(kinds if kinds is not None else np.where(sim > 0.9, "near", "edited"), dtype=str),
        deep_similarity=np.asarray(deep_similarity, np.float32) if has_deep else None,
        crop_box=np.full((len(sim), 4), np.nan, np.float32) if has_deep else None,
        crop_container=np.full(len(sim), -1, np.int8) if has_deep else None,
    )
    options = options or ScanOptions()
    result = ScanResult(
        roots=list(roots),
        options=options,
        grouping=grouping or options.grouping,
        records=list(records),
        features=np.zeros(n, FEATURE_DTYPE),
        has_features=np.ones(n, bool),
        pairs=table,
        groups=[],
        errors=[],
        stats=ScanStats(files=n),
        deep=deep if deep is not None else {"enabled": has_deep, "reason": "made by a test"},
    )
    return regrouped(result)
