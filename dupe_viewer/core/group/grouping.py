"""Turn scored pairs into groups without chaining unrelated photos together.

Single-linkage (connected components) is what makes other tools put a cat, a similar cat and a
dog in one group: A~B and B~C do not make A~C. We use a *reference-centred* rule instead:

1. Every file gets a priority: more matches first (the original of many variants is the hub),
   then more pixels, then a bigger file, then its path (so the result never depends on the order
   files were found).
2. In priority order, a file not yet in a group becomes a group's **reference** and takes every
   ungrouped file that matched *it* directly.
3. Each member then moves to the reference it matches best (among the references it matches).

So every member of a group matched the group's reference itself, above the threshold; members may
be less similar to each other (an upscale and a crop of one photo), but never unrelated to the
reference. The result is deterministic for a given set of pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np


@dataclass
class Group:
    """A reference file and the files that matched it (indices into the scan's file list)."""

    reference: int
    members: list[int]  # includes the reference, first
    best: int = -1  # the member with the largest ``prefer`` value (-1 when none was given)
    #: (member, similarity rounded to 4 digits, kind) in member order: what a presentation needs,
    #: made in bulk (per-member dict lookups and rounding were a quarter of a 100k regroup).
    rows: list[tuple[int, float, str]] = field(default_factory=list)
    #: The member kind that comes first in the caller's ``kind_order`` (None without one): with
    #: the loosest kind first, what the group as a whole is.
    first_kind: str | None = None
    _sims: list[float] = field(default_factory=list, repr=False)

    @property
    def similarity(self) -> dict[int, float]:
        """member -> similarity to the reference (1.0 for the reference itself)."""
        return dict(zip(self.members, self._sims, strict=True))

    @property
    def kinds(self) -> dict[int, str]:
        """member -> kind of its match to the reference ("reference" for the reference)."""
        return {m: k for m, _, k in self.rows}


def group_pairs(
    n: int,
    pairs: np.ndarray,
    scores: np.ndarray,
    kinds: Sequence[str],
    priority: np.ndarray | None = None,
    prefer: np.ndarray | None = None,
    kind_order: Sequence[str] | None = None,
) -> list[Group]:
    """Group ``n`` items from ``pairs`` (P×2 int array, i != j) with similarity ``scores`` (P).

    ``priority`` (n × m numbers, larger first, column 0 most significant) breaks ties after the
    number and strength of matches; it should not depend on discovery order (pixels, bytes, the
    rank of the path...). Without it, ties go to the lower index. ``prefer`` (n numbers): each
    group's ``best`` is its member with the largest value (the keeper, when given keep ranks).
    ``kind_order``: each group's ``first_kind`` is its members' kind that comes first in it
    ("reference" counts as none; when no member kind is listed, the last entry).
    """
    if len(pairs) == 0:
        return []
    pairs = np.asarray(pairs, dtype=np.int64)
    scores = np.asarray(scores, dtype=np.float64)
    # Symmetric adjacency as CSR-like arrays: neighbours of i are dst[start[i]:start[i+1]], in
    # input order (sorted on the file alone: far cheaper than also sorting by score).
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    sc = np.concatenate([scores, scores])
    # (src, position) is unique, so the default sort is stable here and 3× faster than "stable".
    order = np.argsort(src * len(src) + np.arange(len(src)))
    src, dst, sc = src[order], dst[order], sc[order]
    kind_idx = order % len(pairs)
    degree = np.bincount(src, minlength=n)
    start = np.concatenate([[0], np.cumsum(degree)])

    involved = np.flatnonzero(degree)
    # Sum of similarities breaks ties between equal degrees in favour of the tighter hub.
    strength = np.round(np.bincount(src, weights=sc, minlength=n), 6)
    # np.lexsort: the last key is the primary one; larger values first, so keys are negated.
    keys: list[np.ndarray] = [involved]  # final tie-break: index (only without priority)
    if priority is not None:
        pri = np.asarray(priority, dtype=np.float64).reshape(n, -1)[involved]
        keys = [-pri[:, c] for c in range(pri.shape[1] - 1, -1, -1)]
    key = involved[np.lexsort([*keys, -strength[involved], -degree[involved]])]

    # The greedy pass is sequential by nature: on a plain list, each file costs one check and each
    # reference one slice of its neighbours (numpy scalar indexing per file was 3× slower).
    leader = [-1] * n
    for i in key.tolist():
        if leader[i] != -1:
            continue
        leader[i] = i
        for j in dst[start[i] : start[i + 1]].tolist():
            if leader[j] == -1:
                leader[j] = i
    leader_of = np.array(leader, dtype=np.int64)
    is_leader = leader_of == np.arange(n)

    # Move each member to the reference it matches best (ties: the pair given first).
    best_score = np.zeros(n)
    best_kind = np.full(n, -1, dtype=np.int64)
    hit = np.flatnonzero((~is_leader & (leader_of >= 0))[src] & is_leader[dst])
    hit = hit[np.lexsort((hit, -sc[hit], src[hit]))]
    first_hit = hit[np.r_[True, src[hit][1:] != src[hit][:-1]]] if len(hit) else hit
    m = src[first_hit]
    leader_of[m] = dst[first_hit]
    best_score[m] = sc[first_hit]
    best_kind[m] = kind_idx[first_hit]

    # Groups in the order their first file comes in ``key``; the reference first, then members
    # in ``key`` order. Built with whole-array operations: 100k files regroup in well under 1 s.
    rank = np.empty(n, dtype=np.int64)
    rank[key] = np.arange(len(key))
    ref = leader_of[key]
    size = np.bincount(ref, minlength=n)
    opened = np.full(n, len(key), dtype=np.int64)
    np.minimum.at(opened, ref, rank[key])
    keep = size[ref] > 1
    items, ref = key[keep], ref[keep]
    items = items[np.lexsort((rank[items], items != ref, opened[ref]))]
    ref = leader_of[items]
    cut = np.flatnonzero(np.r_[True, ref[1:] != ref[:-1]])
    # Indexing the caller's string array directly: converting all pair kinds to Python objects
    # would cost more than the whole grouping.
    kind_names = np.asarray(kinds)
    sims = np.where(items == ref, 1.0, best_score[items]).tolist()
    kind_arr = np.where(items == ref, "reference", kind_names[np.maximum(best_kind[items], 0)])
    item_kinds = kind_arr.tolist()
    members = items.tolist()
    rounded = np.round(np.where(items == ref, 1.0, best_score[items]), 4).tolist()
    best = [-1] * len(cut)
    if prefer is not None:
        # The last item of each group once sorted by (group, preference).
        gid = np.repeat(np.arange(len(cut)), np.diff(np.r_[cut, len(items)]))
        last = np.r_[cut[1:], len(items)] - 1
        best = items[np.lexsort((np.asarray(prefer)[items], gid))][last].tolist()
    first_kind: list[str | None] = [None] * len(cut)
    if kind_order is not None and len(items):
        # Per group, the smallest position in kind_order among its members' kinds.
        codes = np.full(len(items), len(kind_order) - 1, dtype=np.int64)
        for c, k in reversed(list(enumerate(kind_order))):
            codes[kind_arr == k] = c
        first_kind = [kind_order[c] for c in np.minimum.reduceat(codes, cut).tolist()]
    groups: list[Group] = []
    for g, (lo, hi) in enumerate(zip(cut.tolist(), [*cut[1:].tolist(), len(items)], strict=True)):
        mem = members[lo:hi]
        groups.append(
            Group(
                reference=mem[0],
                members=mem,
                best=best[g],
                rows=list(zip(mem, rounded[lo:hi], item_kinds[lo:hi], strict=True)),
                first_kind=first_kind[g],
                _sims=sims[lo:hi],
            )
        )
    return groups
