"""Cross-set matching: only the pairs between two sets of files, one group per file of the first.

``dupe-viewer scan --cross A --against B`` answers "which files of A have a near-copy in B" (which
test images leak into train): the scan matches A and B together as usual, and :func:`restrict`
then keeps only links between a file of A and a file of B, at the result's thresholds (the same
link rule as any scan, :func:`.group.regroup.edges`). Byte-identical copies are expanded first, so
a copy in B of a file of A is found whichever of them was the one decoded.

Each group is one file of A (its reference, kept: A is protected) with the files of B that match
it; a file of B that matches several files of A joins the one it matches best (ties: the first by
path), so groups stay disjoint as the window and the trash need. No group holds files of one set
only.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace

import numpy as np

from .group.regroup import edges
from .result import LOOSEST_FIRST, REFERENCE, DupGroup, Member, ScanResult


def _under(path: str, roots: Sequence[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def sides(result: ScanResult, a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Per record: 0 when it is under a path of ``a``, 1 under ``b``, -1 under neither."""
    a = [os.path.abspath(p) for p in a]
    b = [os.path.abspath(p) for p in b]
    return np.array(
        [0 if _under(r.path, a) else (1 if _under(r.path, b) else -1) for r in result.records], dtype=np.int8
    )


def cross_links(result: ScanResult, side: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Links (A file, B file) at the result's thresholds, with score and kind; byte-identical
    copies of either file link as that file does."""
    records = result.records
    p, s, k = edges(result.pairs, result.grouping, len(records))
    # Byte-identical contents: each record's content class (its digest), and its members.
    members: dict[int, list[int]] = {}
    cls = np.arange(len(records))
    first: dict[bytes, int] = {}
    for i, r in enumerate(records):
        if r.digest is not None:
            cls[i] = first.setdefault(r.digest, i)
        members.setdefault(int(cls[i]), []).append(i)
    best: dict[tuple[int, int], tuple[float, str]] = {}

    def offer(x: int, y: int, score: float, kind: str) -> None:
        if side[x] == side[y] or side[x] < 0 or side[y] < 0:
            return
        ab = (x, y) if side[x] == 0 else (y, x)
        if ab not in best or score > best[ab][0]:
            best[ab] = (score, kind)

    for (i, j), score, kind in zip(p.tolist(), s.tolist(), k.tolist(), strict=True):
        for x in members[int(cls[i])]:
            for y in members[int(cls[j])]:
                offer(x, y, 1.0 if kind == "exact" else score, kind)
    for group in members.values():
        for x in group:
            for y in group:
                if x < y:
                    offer(x, y, 1.0, "exact")
    if not best:
        return np.empty((0, 2), np.int64), np.empty(0, np.float32), np.empty(0, str)
    ab = np.array(list(best), dtype=np.int64)
    return (
        ab,
        np.array([v[0] for v in best.values()], np.float32),
        np.array([v[1] for v in best.values()], dtype=str),
    )


def restrict(result: ScanResult, a: Sequence[str], b: Sequence[str]) -> ScanResult:
    """``result`` with cross-set groups between ``a`` and ``b`` (paths: folders or files), and
    ``a`` protected (its files are the references, never proposed for the trash)."""
    side = sides(result, a, b)
    ab, score, kind = cross_links(result, side)
    records = result.records
    # Each B file goes to the A file it matches best; ties to the A file first by path.
    choice: dict[int, tuple[float, str, int, str]] = {}
    for (x, y), sc, kd in zip(ab.tolist(), score.tolist(), kind.tolist(), strict=True):
        cur = choice.get(y)
        if cur is None or (sc, _neg(records[x].path)) > (cur[0], _neg(cur[3])):
            choice[y] = (sc, kd, x, records[x].path)
    by_a: dict[int, list[Member]] = {}
    for y, (sc, kd, x, _) in choice.items():
        by_a.setdefault(x, []).append(Member(y, round(float(sc), 4), kd))
    groups: list[DupGroup] = []
    for x, ms in by_a.items():
        ms.sort(key=lambda m: (-m.similarity, records[m.index].path))
        present = {m.kind for m in ms}
        gkind = next((k for k in LOOSEST_FIRST if k in present), "exact")
        groups.append(DupGroup(0, gkind, keep=x, reference=x, members=[Member(x, 1.0, REFERENCE), *ms]))
    groups.sort(key=lambda g: (-len(g.members), records[g.keep].path))
    for n, g in enumerate(groups, 1):
        g.id = n
    a_abs = tuple(os.path.abspath(p) for p in a)
    grouping = replace(result.grouping, protected=tuple(dict.fromkeys((*result.grouping.protected, *a_abs))))
    return replace(result, groups=groups, grouping=grouping)


def _neg(path: str) -> tuple[int, ...]:
    """A key that sorts paths in reverse, so ``max`` prefers the first path on ties."""
    return tuple(-ord(c) for c in path)
