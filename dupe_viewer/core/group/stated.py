"""Groups of a result read from a saved report: the report's own groups, narrowed, never widened.

A report lists only the grouped files and, per member, its similarity to the group's reference:
the pairs it did not group are not in it. So a report-backed result (``ScanResult.source`` set)
regroups by *narrowing* its stated groups (:func:`stated_groups`):

- a threshold at or below the report's own keeps every stated member; above it, a member stays
  only if its similarity to the reference reaches it (the deep threshold for *looks alike*
  members, the hash threshold for the others; byte-identical copies always stay): sliders can
  only tighten;
- excluded pairs (files gone since, pairs the person said are not duplicates) drop members as
  :func:`.regroup.regroup` does; a reference whose every pair is excluded is gone itself, and
  the others stay together;
- the keeper is the one the report names while it is a member; otherwise the largest remaining
  file (pixels, then bytes), and its reason says so.

Reasons are the report's sentences, read back into the engine's codes where they match one of
:data:`.reasons.TEXTS` (so the window shows them in the user's language), else kept as written
(:class:`StatedReason`).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache

from ..options import GroupingParams
from ..result import LOOSEST_FIRST, REFERENCE, DupGroup, Member, ScanResult
from .reasons import TEXTS, Reason

#: The reason of a keeper chosen here because the report's keeper left the group.
KEEPER_GONE = "kept: the largest remaining file (the file the report keeps is no longer in the group)"


@dataclass(frozen=True)
class StatedReason(Reason):
    """A reason as a report wrote it, matching none of the engine's codes: shown as written."""

    code: str = "stated"

    @property
    def text(self) -> str:
        return self.params.get("text", "")


@cache
def _patterns() -> tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...]:
    out = []
    for code, template in TEXTS.items():
        names = tuple(re.findall(r"\{(\w+)\}", template))
        parts = re.split(r"\{\w+\}", template)
        rx = "(.+?)".join(re.escape(p) for p in parts)
        out.append((code, re.compile(rx + r"\Z"), names))
    # Longest templates first: a specific sentence wins over a shorter one it starts with.
    return tuple(sorted(out, key=lambda t: -len(TEXTS[t[0]])))


def parse_reason(text: str) -> Reason:
    """The engine's :class:`Reason` whose English wording is ``text``, or a :class:`StatedReason`."""
    for code, rx, names in _patterns():
        m = rx.match(text)
        if m is not None:
            return Reason(code, tuple(zip(names, m.groups(), strict=True)))
    return StatedReason(values=(("text", text),))


def stated_reasons(result: ScanResult, group: DupGroup) -> dict[int, Reason]:
    """Why each member of ``group`` is kept or goes, as the report says."""
    src = result.source
    assert src is not None
    out = {m.index: parse_reason(src.reasons.get(m.index, "")) for m in group.members}
    if not _stated_keeper(result, group.keep):
        out[group.keep] = StatedReason(values=(("text", KEEPER_GONE),))
    return out


def _stated_keeper(result: ScanResult, index: int) -> bool:
    src = result.source
    return src is not None and any(g.keep == index for g in src.groups if index in g.indices)


def _passes(m: Member, params: GroupingParams, stated: GroupingParams) -> bool:
    if m.kind in (REFERENCE, "exact"):
        return True
    if m.kind == "similar" and params.deep_threshold is not None:
        floor = stated.deep_threshold if stated.deep_threshold is not None else 0.0
        return params.deep_threshold <= floor or m.similarity >= params.deep_threshold
    return params.threshold <= stated.threshold or m.similarity >= params.threshold


def stated_groups(
    result: ScanResult,
    params: GroupingParams | None = None,
    excluded: Collection[tuple[int, int]] | None = None,
) -> list[DupGroup]:
    """The report's groups narrowed to ``params`` and without ``excluded`` (see the module)."""
    src = result.source
    assert src is not None
    params = params or result.grouping
    apart: dict[int, set[int]] = {}
    for a, b in excluded or ():
        apart.setdefault(int(a), set()).add(int(b))
        apart.setdefault(int(b), set()).add(int(a))
    records = result.records
    out: list[DupGroup] = []
    for g in src.groups:
        members = [m for m in g.members if _passes(m, params, result.grouping)]
        ref = g.reference
        others = [m for m in members if m.index != ref]
        if others and all(m.index in apart.get(ref, ()) for m in others):
            members = others  # the reference is gone: its copies are still copies of each other
        kept: list[Member] = []
        for m in sorted(members, key=lambda m: (m.kind != REFERENCE, -m.similarity)):
            if not apart.get(m.index, set()) & {k.index for k in kept}:
                kept.append(m)
        if len(kept) < 2:
            continue
        order = {m.index: n for n, m in enumerate(g.members)}
        kept.sort(key=lambda m: order[m.index])  # the report's order: the reference first
        present = {m.kind for m in kept}
        kind = next((k for k in LOOSEST_FIRST if k in present), "exact")
        keep = g.keep
        if keep not in order or keep not in {m.index for m in kept}:
            keep = max((m.index for m in kept), key=lambda i: (records[i].pixels, records[i].size))
        out.append(DupGroup(id=g.id, kind=kind, keep=keep, reference=kept[0].index, members=kept))
    return out
