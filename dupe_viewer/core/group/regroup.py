"""Groups of a scan result at given thresholds, from the pairs already scored (no file is read).

:func:`regroup` is pure: the result is not changed, and the same result, parameters and excluded
pairs always give the same groups. The scan groups its own result with it, and the window calls
it on a worker thread whenever a slider moves.

A pair *links* two files when it is byte-identical, or its hash similarity reaches the threshold,
or its deep similarity reaches the deep threshold (:func:`edges`). Byte-identical copies are
collapsed onto their representative before grouping (:mod:`.grouping`) and join whatever group
it joins. Crops showing different parts of their original are kept out of one group.
"""

from __future__ import annotations

import itertools
import threading
import weakref
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace

import numpy as np

from ..gc_pause import gc_paused
from ..options import GroupingParams
from ..result import LOOSEST_FIRST, REFERENCE, DupGroup, Member, PairTable, ScanResult
from . import keeper
from .grouping import group_pairs
from .moments import Moments
from .reasons import Reason, explain, frames
from .stated import stated_groups, stated_reasons

Excluded = Collection[tuple[int, int]]


def regroup(
    result: ScanResult, params: GroupingParams | None = None, excluded: Excluded | None = None
) -> list[DupGroup]:
    """The groups of ``result`` at ``params`` (default: what its groups were built with).

    ``excluded`` holds pairs (i, j) of record indices that are never in one group: pairs the user
    said are not duplicates, pairs of a file that is gone. Such a pair never links its files, and
    when both files still reach one reference through other links, the one less like the
    reference leaves the group (see :func:`_keep_apart`)."""
    params = params or result.grouping
    if result.source is not None:  # read from a saved report: its groups, narrowed (see .stated)
        return stated_groups(result, params, excluded)
    with gc_paused():  # hundreds of thousands of small acyclic objects (see gc_pause)
        return _build_groups(result, params, excluded)


def regrouped(
    result: ScanResult, params: GroupingParams | None = None, excluded: Excluded | None = None
) -> ScanResult:
    """A result like ``result`` whose groups are those of ``params`` (default: its own) without
    ``excluded``: everything else is shared, the rankings computed for ``result`` included."""
    params = params or result.grouping
    out = replace(result, grouping=params, groups=regroup(result, params, excluded))
    with _ranks_lock:
        memo = _ranks.get(result)
        if memo is not None:
            _ranks[out] = dict(memo)
    return out


def edges(
    table: PairTable,
    params: GroupingParams,
    n: int,
    excluded: Excluded | None = None,
    other_moment: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs that link files at ``params``: (pairs, score, kind); ``n`` files in all.

    A pair links when it is byte-identical, or its hash similarity reaches ``threshold``, or its
    deep similarity reaches ``deep_threshold`` (then, if the hashes did not agree, it is of kind
    ``edited`` when verification found it to be a crop, ``shot`` when that crop is another
    framing, else ``similar``, and its score is the deep similarity). ``other_moment`` (per pair
    of ``table``, :mod:`.moments`): the camera took the two at different times, so a linked pair
    that is not byte-identical is a ``shot`` whatever it looks like.
    """
    sim = np.nan_to_num(table.similarity, nan=-1.0)
    exact_ = table.kinds == "exact"
    by_hash = exact_ | (sim >= params.threshold)
    score = np.where(exact_, 1.0, sim)
    kinds = table.kinds  # a str array: np.where below widens it for the longer kind names
    link = by_hash.copy()
    if table.deep_similarity is not None and params.deep_threshold is not None:
        deep = np.nan_to_num(table.deep_similarity, nan=-1.0)
        by_deep = ~by_hash & (deep >= params.deep_threshold)
        # Two independent views each a little under their threshold (a pasted object spoils some
        # of both) agree that it is the same picture: an edited copy (see COMBINED_MARGIN).
        both = ~by_hash & ~by_deep & (sim >= params.threshold - COMBINED_MARGIN)
        both &= deep >= params.deep_threshold - COMBINED_MARGIN
        link |= by_deep | both
        kinds = np.where(both, "edited", kinds)
        score = np.where(both, deep, score)
        score = np.where(by_deep, deep, score)
        # Verified as a window of the other: a crop, i.e. an edit; otherwise merely similar. A
        # window of another shape (one half of a landscape photo) is a reframing, another
        # picture made from it: a similar shot, never pre-marked for the trash.
        crop = table.crop_container >= 0 if table.crop_container is not None else np.zeros(len(deep), bool)
        if table.crop_box is not None:
            crop &= ~reframed(table.crop_box)
        framing = table.crop_box is not None and table.crop_container is not None
        shot = (
            (table.crop_container >= 0) & reframed(table.crop_box) if framing else np.zeros(len(deep), bool)
        )
        kinds = np.where(by_deep, np.where(crop, "edited", np.where(shot, "shot", "similar")), kinds)
    if other_moment is not None and other_moment.any():
        kinds = np.where(other_moment & ~exact_, "shot", kinds)
    # A pair the pixels showed to be another moment (match.parallax) stays one whichever score
    # links it (deep similarity, or both scores together, would make it an edit above).
    kinds = np.where(table.kinds == "shot", "shot", kinds)
    if excluded:
        ex = {(min(a, b), max(a, b)) for a, b in excluded}
        n = max(n, 1)
        ex_keys = np.array([a * n + b for a, b in ex], dtype=np.int64)
        link &= ~np.isin(table.keys(n), ex_keys)
    return table.ij[link], score[link].astype(np.float32), np.asarray(kinds[link], dtype=str)


#: A pair a little under both thresholds (by at most this) links: hash and deep similarity are
#: independent views of a pair. On the dev corpus with its hard cases, every pair within 0.10 under
#: both (hash ≥ 0.55 and deep ≥ 0.75 at the default thresholds) was a copy or a burst frame
#: (those are similar shots by their capture times), while unrelated photos reached hash
#: 0.50-0.55 with deep ≥ 0.75: 0.08 leaves a margin.
COMBINED_MARGIN = 0.08


#: A crop whose shape (width/height relative to its container's) differs by this factor or more
#: is a reframing: the dev corpus's crops keep 60-95 % of each side (at most ×1.25), its halves
#: change the shape ×2.
REFRAMED = 1.5


def reframed(boxes: np.ndarray) -> np.ndarray:
    """Per crop window (x0, y0, x1, y1 as shares of the container's sides): a reframing?"""
    w = np.nan_to_num(boxes[:, 2] - boxes[:, 0], nan=1.0)
    h = np.nan_to_num(boxes[:, 3] - boxes[:, 1], nan=1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where((w > 0) & (h > 0), np.maximum(w / h, h / w), 1.0)
    return ratio >= REFRAMED


def excluded_pairs(
    table: PairTable, dismissed: Iterable[tuple[int, int]], gone: Collection[int]
) -> frozenset[tuple[int, int]]:
    """Pairs to leave out: ``dismissed`` ones, and every pair touching a file that is ``gone``
    (trashed or moved away), so gone files drop out of the groups without a rescan."""
    out = {(min(a, b), max(a, b)) for a, b in dismissed}
    if gone and len(table):
        out |= table.unordered(table.touching(gone))
    return frozenset(out)


# -- per-result rankings and evidence, computed once ----------------------------------------------
# Regrouping 100k files on every slider step must not rank every file again: the rankings and
# the keeper's evidence depend only on the records and features, so they are remembered per result. Results
# are frozen, so a result's rankings never go stale; the weak keys let them go with the result.
_ranks: weakref.WeakKeyDictionary[ScanResult, dict[object, np.ndarray]] = weakref.WeakKeyDictionary()
_ranks_lock = threading.Lock()


def _remembered(result: ScanResult, key: object, compute: Callable[[], np.ndarray]) -> np.ndarray:
    with _ranks_lock:
        memo = _ranks.setdefault(result, {})
        value = memo.get(key)
    if value is None:
        value = compute()
        with _ranks_lock:
            memo[key] = value
    return value


def priority(result: ScanResult) -> np.ndarray:
    """Per file, what makes it the better reference after match counts (larger first): pixels,
    bytes, then the alphabetically first path."""

    def compute() -> np.ndarray:
        records = result.records
        order = sorted(range(len(records)), key=lambda i: records[i].path)
        path_rank = np.empty(len(records), dtype=np.float64)
        path_rank[order] = np.arange(len(records))
        if not records:
            return np.empty((0, 3))
        return np.column_stack(
            [
                np.array([r.pixels for r in records], dtype=np.float64),
                np.array([r.size for r in records], dtype=np.float64),
                -path_rank,
            ]
        )

    return _remembered(result, "priority", compute)


def other_moment(result: ScanResult) -> np.ndarray:
    """Per pair of ``result``: two exposures of one camera at different times (:mod:`.moments`)."""
    return _remembered(result, "other_moment", lambda: Moments(result.records).other_moment(result.pairs.ij))


def evidence(result: ScanResult) -> keeper.Evidence:
    """What the keep rules compare, per file (see :mod:`.keeper`)."""
    return _remembered(result, "evidence", lambda: keeper.Evidence.of(result.records, result.features))


def reasons(result: ScanResult, group: DupGroup, params: GroupingParams | None = None) -> dict[int, Reason]:
    """Why each member of ``group`` (a group of ``result`` at ``params``) is kept or goes."""
    params = params or result.grouping
    if result.source is not None:
        return stated_reasons(result, group)
    return explain(
        result.records,
        evidence(result),
        group,
        params.keep_rules,
        params.protected,
        result.pairs,
    )


# -- building groups ------------------------------------------------------------------------------
def _build_groups(result: ScanResult, params: GroupingParams, excluded: Excluded | None) -> list[DupGroup]:
    records = result.records
    p, s, k = edges(result.pairs, params, len(records), excluded, other_moment(result))
    if len(p) == 0:
        return []
    is_exact = k == "exact"
    copies: dict[int, list[int]] = {}
    for rep, copy in p[is_exact]:
        copies.setdefault(int(rep), []).append(int(copy))
    p, s, k = p[~is_exact], s[~is_exact], k[~is_exact]
    raw = group_pairs(len(records), p, s, k, priority(result), kind_order=LOOSEST_FIRST) if len(p) else []
    crops = _crop_windows(result.pairs, params)
    apart = _partners(excluded)
    grouped_reps = set()
    groups: list[DupGroup] = []
    for g in raw:
        members = list(itertools.starmap(Member, g.rows))
        # Valid while the members are exactly the grouped ones.
        kind = g.first_kind
        if crops:
            before = len(members)
            members = _drop_disjoint_crops(members, g.reference, crops)
            if len(members) < 2 and not copies.get(g.reference):
                continue
            if len(members) != before:
                kind = None
        grouped_reps.update(g.members)
        if copies and not copies.keys().isdisjoint(g.members):
            for m in list(members):
                for c in copies.get(m.index, ()):
                    # A copy of the reference is an exact match; a copy of a member relates to
                    # the reference exactly as that member does.
                    members.append(Member(c, m.similarity, "exact" if m.kind == REFERENCE else m.kind))
                    kind = None
        if apart:
            before = len(members)
            members = _keep_apart(members, apart)
            if len(members) < 2:
                continue
            if len(members) != before:
                kind = None
        groups.append(_finish_group(members, g.reference, kind))
    for rep, cs in copies.items():
        if rep not in grouped_reps:
            members = [Member(rep, 1.0, REFERENCE)] + [Member(c, 1.0, "exact") for c in cs]
            if apart:
                members = _keep_apart(members, apart)
                if len(members) < 2:
                    continue
            groups.append(_finish_group(members, rep))
    # Every group's keeper at once (see keeper: one sort over all grouped files).
    m = keeper.Members.of([g.indices for g in groups], result.pairs, [frames(g) for g in groups])
    for g, keep in zip(
        groups,
        keeper.choose(records, evidence(result), m, params.keep_rules, params.protected).tolist(),
        strict=True,
    ):
        g.keep = keep
    # Stable presentation order: biggest groups first, then by the keeper's path.
    groups.sort(key=lambda g: (-len(g.members), records[g.keep].path))
    for n, g in enumerate(groups, 1):
        g.id = n
    return groups


def _partners(excluded: Excluded | None) -> dict[int, set[int]]:
    """Record index -> the files it must not share a group with."""
    out: dict[int, set[int]] = {}
    for a, b in excluded or ():
        out.setdefault(int(a), set()).add(int(b))
        out.setdefault(int(b), set()).add(int(a))
    return out


def _keep_apart(members: list[Member], apart: dict[int, set[int]]) -> list[Member]:
    """Drop members that must not be grouped with a member kept before them: the reference
    first, then the others from the most to the least like it. So when two files the person
    said are not duplicates both matched the reference, the weaker match leaves, whichever of
    the two was shown on the left."""
    if not any(m.index in apart for m in members):
        return members
    kept: set[int] = set()
    order = sorted(members, key=lambda m: (m.kind != REFERENCE, -m.similarity))
    for m in order:
        if not apart.get(m.index, set()) & kept:
            kept.add(m.index)
    return [m for m in members if m.index in kept]


def _crop_windows(table: PairTable, params: GroupingParams) -> dict[tuple[int, int], np.ndarray]:
    """(container, crop) record indices -> the crop's window in the container."""
    if table.crop_box is None or table.crop_container is None:
        return {}
    # Only pairs that deep similarity links: when the hashes already match (a rotated or
    # mirrored copy), the orientation-blind window search says nothing about crops.
    hash_linked = np.nan_to_num(table.similarity, nan=-1.0) >= params.threshold
    rows = np.flatnonzero((table.crop_container >= 0) & ~hash_linked)
    out = {}
    for r in rows:
        side = int(table.crop_container[r])
        container, crop = int(table.ij[r, side]), int(table.ij[r, 1 - side])
        out[(container, crop)] = table.crop_box[r]
    return out


def _drop_disjoint_crops(
    members: list[Member], reference: int, crops: dict[tuple[int, int], np.ndarray]
) -> list[Member]:
    """Keep crops of the reference only if they show the same part of it.

    Two crops of one photo that show different parts of it (its left and right halves) are
    different pictures, even though each is a crop of the reference. Crops are taken largest
    first; a crop is dropped from the group when, against a crop already kept, less than half
    of the smaller window lies inside the other.
    """
    kept_boxes: list[np.ndarray] = []
    out: list[Member] = []

    def order_key(m: Member) -> tuple[float, float]:
        # Larger windows first: a big crop overlaps most others, so it rarely costs one.
        box = crops.get((reference, m.index))
        area = 1.0 if box is None else float((box[2] - box[0]) * (box[3] - box[1]))
        return (-area, -m.similarity)

    for m in sorted(members, key=order_key):
        box = crops.get((reference, m.index))
        if box is None:
            out.append(m)
            continue
        if all(_overlap(box, other) >= 0.5 for other in kept_boxes):
            kept_boxes.append(box)
            out.append(m)
    order = {m.index: n for n, m in enumerate(members)}
    return sorted(out, key=lambda m: order[m.index])


def _overlap(a: np.ndarray, b: np.ndarray) -> float:
    """Intersection of two boxes over the smaller one's area."""
    w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return float(w * h / smaller) if smaller > 0 else 0.0


def _finish_group(members: list[Member], reference: int, kind: str | None = None) -> DupGroup:
    """A group whose keeper is chosen later (for all groups at once)."""
    if kind is None:
        present = {m.kind for m in members}
        kind = next((k for k in LOOSEST_FIRST if k in present), "exact")
    return DupGroup(id=0, kind=kind, keep=-1, reference=reference, members=members)
