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
    similarity: dict[int, float] = field(default_factory=dict)  # member -> similarity to reference
    kinds: dict[int, str] = field(default_factory=dict)  # member -> kind of its match to reference


def group_pairs(
    n: int,
    pairs: np.ndarray,
    scores: np.ndarray,
    kinds: Sequence[str],
    priority: np.ndarray | None = None,
) -> list[Group]:
    """Group ``n`` items from ``pairs`` (P×2 int array, i != j) with similarity ``scores`` (P).

    ``priority`` (n × m numbers, larger first, column 0 most significant) breaks ties after the
    number and strength of matches; it should not depend on discovery order (pixels, bytes, the
    rank of the path...). Without it, ties go to the lower index.
    """
    if len(pairs) == 0:
        return []
    pairs = np.asarray(pairs, dtype=np.int64)
    scores = np.asarray(scores, dtype=np.float64)
    # Symmetric adjacency as CSR-like arrays: neighbours of i are nbr[start[i]:start[i+1]].
    src = np.concatenate([pairs[:, 0], pairs[:, 1]])
    dst = np.concatenate([pairs[:, 1], pairs[:, 0]])
    sc = np.concatenate([scores, scores])
    kind_idx = np.concatenate([np.arange(len(pairs)), np.arange(len(pairs))])
    order = np.lexsort((-sc, src))
    src, dst, sc, kind_idx = src[order], dst[order], sc[order], kind_idx[order]
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

    leader_of = np.full(n, -1, dtype=np.int64)
    is_leader = np.zeros(n, dtype=bool)
    for i in key:
        if leader_of[i] != -1:
            continue
        is_leader[i] = True
        leader_of[i] = i
        nb = dst[start[i] : start[i + 1]]
        free = nb[leader_of[nb] == -1]
        leader_of[free] = i

    # Move each member to the reference it matches best (neighbours are sorted by score, so the
    # first neighbour that is a reference is the best one).
    best_score = np.zeros(n)
    best_kind = np.full(n, -1, dtype=np.int64)
    for i in np.flatnonzero(~is_leader & (leader_of >= 0)):
        lo, hi = start[i], start[i + 1]
        nb = dst[lo:hi]
        hits = np.flatnonzero(is_leader[nb])
        j = hits[0]
        leader_of[i] = nb[j]
        best_score[i] = sc[lo + j]
        best_kind[i] = kind_idx[lo + j]

    groups: dict[int, Group] = {}
    for i in key.tolist():
        ref = int(leader_of[i])
        g = groups.get(ref)
        if g is None:
            g = groups[ref] = Group(
                reference=ref, members=[ref], similarity={ref: 1.0}, kinds={ref: "reference"}
            )
        if i != ref:
            g.members.append(i)
            g.similarity[i] = float(best_score[i])
            g.kinds[i] = kinds[int(best_kind[i])]
    return [g for g in groups.values() if len(g.members) > 1]
