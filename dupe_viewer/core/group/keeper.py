"""The suggested keeper of every group, and in one line why each member is kept or goes.

The default keep rule, ``original``, keeps *the best original*: the file closest to the picture
as it was made, judged on evidence the scan measured (:mod:`..features.fidelity`), in this order:

0. **the moment that has copies**, in a group mixing moments (a photo, its copies and another
   shot of the scene): its copies go, the other shots are the person's call either way;
1. **not an edit**: a grayscale copy of a colour picture and a bordered (letterboxed, framed)
   copy lose to the unedited picture (crops lose on resolution: deep verification cannot tell a
   crop from the picture inside a border, so its windows are not used here);
1b. **the camera RAW** of a shot beats its JPEG (or HEIC) twin and any copy of those: it holds
   what the sensor recorded (the *preferred format* rule chained first keeps the JPEG instead);
2. **real resolution**: picture pixels (the canvas less any border), except that a member whose
   finest detail is far weaker than a smaller member's (:data:`UPSCALED`, the ``top`` of
   :mod:`..features.fidelity`) is an enlargement of it and counts as that member's resolution.
   Files within :data:`SAME_RESOLUTION` of the group's best count as equal;
2b. **the sharpest frame** (only in groups holding similar shots, e.g. a burst): a frame at
   least :data:`SHARP_SHARE` as sharp as the group's sharpest counts as sharp, the others lose
   (camera shake and missed focus; ``sharpness`` of :mod:`..features.fidelity`);
3. **camera metadata**: a file naming its camera beats copies that had it stripped (messengers,
   screenshots, exports);
3b. **closest to all the others**: the original of a set of variants is one edit away from each,
   two variants are two edits apart (mean similarity to the other members, in coarse steps);
4. **encoding**: the higher estimated JPEG quality, lossless formats first, unless the pixels
   show the blocks of an earlier, coarser JPEG (then the file is a re-save of that and ranks as
   one); other lossy formats (WebP, AVIF, HEIC) rank below a high-quality JPEG;
5. the earliest capture time, then the oldest file, then the shortest path, then the first by
   name: a deterministic, explained tie-break for byte-identical copies.

Files in protected folders come first whatever the rules. Other rules (``resolution``, ``size``,
``folder``...; :data:`.keep.RULES`) can be chained before or after ``original`` or replace it.

Keepers are chosen for all groups at once with whole-array operations (a regroup of 100k files
picks every keeper in one sort). :mod:`.reasons` words the choice for one group.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..files.records import ImageRecord
from ..options import Rule
from ..result import PairTable
from .consensus import local_edit_flags
from .evidence import BLOCKY, LOSSLESS, OTHER_LOSSY_QUALITY, RESAVED_QUALITY, Evidence
from .keep import RULES, is_protected

#: Re-exported: callers name the evidence and its thresholds through the keeper.
__all__ = [
    "BEST_ORIGINAL",
    "BLOCKY",
    "LOSSLESS",
    "OTHER_LOSSY_QUALITY",
    "RESAVED_QUALITY",
    "Evidence",
    "Members",
    "choose",
    "choose_one",
    "columns",
    "real_resolution",
]

BEST_ORIGINAL = "original"
#: Real resolutions within this share of the group's best are the same resolution.
SAME_RESOLUTION = 0.75
#: Members within this factor of each other's picture pixels are of one size.
SAME_SIZE = 1.25
#: A member with this many times a smaller member's picture pixels, or more, may be its
#: enlargement...
LARGER = 1.5
#: ...and is one when its top-band detail is this far (log10) below the smaller member's. Chosen
#: on the dev corpus (tests/benchmarks/keeper_signals.py): 2 % of upscales are not recognised,
#: and 3 % of same-size copies look enlarged next to their downscale (judged by their size's
#: median, that false alarm rarely survives).
UPSCALED = -0.7
#: ...or when its sharpness (Laplacian energy over variance, at native resolution) times the
#: area ratio is below this share of the smaller member's. Shrinking a picture by a linear factor
#: s raises that energy by up to s², enlarging lowers it by s² and more (it adds no fine detail):
#: on the dev corpus every upscale scored ≤ 0.53 against its source (but a very smooth retina
#: scan, 2.6) and every genuinely larger original ≥ 1.0 against its downscales and crops.
SHARP_UPSCALED = 0.7
#: A member with this much more of its canvas as border than its group's median is a bordered
#: (letterboxed, framed) copy. (A photo's own dark edge may be trimmed as "border" too: only the
#: difference counts.)
BORDERED = 0.04
#: In a group of similar shots, a frame this sharp relative to the sharpest one is as sharp.
SHARP_SHARE = 0.7
#: ...and of those, a frame clipping at most this share of pixels more than the least clipped
#: one is as well exposed.
CLIPPED_STEP = 0.02
#: Encoding ranks closer than this are the same encoding.
QUALITY_STEP = 5.0
#: Mean similarities to the other members closer than this are the same closeness.
CLOSENESS_STEP = 0.1


@dataclass(frozen=True)
class Members:
    """Every grouped file as flat arrays: ``items[k]`` is a record index in group ``gid[k]``."""

    items: np.ndarray
    gid: np.ndarray
    n_groups: int
    #: Per item, its mean hash similarity to the other members of its group (pairs the scan did
    #: not score count as 0): the original of a set of variants is one edit from each of them,
    #: while two variants are two edits apart.
    closeness: np.ndarray
    #: In groups holding similar shots (frames of a burst, other exposures), per item the item
    #: position of the frame it shows (itself, or for a copy of the reference the reference);
    #: -1 elsewhere. None when no group holds shots.
    frame: np.ndarray | None = None

    @classmethod
    def of(
        cls,
        groups: Sequence[Sequence[int]],
        table: PairTable | None = None,
        frames: Sequence[Sequence[int] | None] | None = None,
    ) -> Members:
        """``frames``: per group, None, or for a group holding similar shots the position within
        the group of the frame each member shows (then the sharpest frame wins)."""
        sizes = np.fromiter((len(g) for g in groups), dtype=np.int64, count=len(groups))
        items = np.fromiter((i for g in groups for i in g), dtype=np.int64, count=int(sizes.sum()))
        gid = np.repeat(np.arange(len(groups)), sizes)
        closeness = np.zeros(len(items))
        if table is not None and len(table) and len(items):
            pos = np.full(int(max(items.max(), table.ij.max())) + 1, -1, dtype=np.int64)
            pos[items] = np.arange(len(items))
            a, b = pos[table.ij[:, 0]], pos[table.ij[:, 1]]
            same = (a >= 0) & (b >= 0)
            same[same] = gid[a[same]] == gid[b[same]]
            sim = np.where(table.kinds == "exact", 1.0, np.nan_to_num(table.similarity, nan=0.0))[same]
            total = np.bincount(a[same], weights=sim, minlength=len(items))
            total += np.bincount(b[same], weights=sim, minlength=len(items))
            closeness = total / np.maximum(sizes[gid] - 1, 1)
        frame = None
        if frames is not None and any(f is not None for f in frames):
            start = np.r_[0, np.cumsum(sizes)[:-1]]
            frame = np.full(len(items), -1, dtype=np.int64)
            for g, f in enumerate(frames):
                if f is not None:
                    frame[start[g] : start[g] + sizes[g]] = start[g] + np.asarray(f, dtype=np.int64)
        return cls(items, gid, len(groups), closeness, frame)

    def group_max(self, values: np.ndarray) -> np.ndarray:
        """Per item, the largest of ``values`` (per item) in its group."""
        out = np.full(self.n_groups, -np.inf)
        np.maximum.at(out, self.gid, values)
        return out[self.gid]

    def group_median(self, values: np.ndarray) -> np.ndarray:
        """Per item, the median (the lower middle) of ``values`` in its group."""
        order = np.lexsort((values, self.gid))
        counts = np.bincount(self.gid, minlength=self.n_groups)
        starts = np.r_[0, np.cumsum(counts)[:-1]]
        middle = values[order[starts + (counts - 1) // 2]]
        return middle[self.gid]

    def group_any(self, flags: np.ndarray) -> np.ndarray:
        return self.group_max(flags.astype(np.float64)) > 0


def real_resolution(ev: Evidence, m: Members) -> np.ndarray:
    """Per member, its picture pixels, or those of the smaller members it is an enlargement of.

    Members of about one size (within :data:`SAME_SIZE`) are judged together, by their median
    detail: one noisy measurement of an original must not make it look enlarged next to its
    rotated and edited copies."""
    it = m.items
    area = ev.pixels[it] * ev.picture[it]
    out = area.copy()
    measured = ~np.isnan(ev.top[it])
    candidate = (m.group_max(area) >= LARGER * -m.group_max(-area)) & m.group_any(measured)
    # Members.of lays the groups out one after the other: group g is items[start[g]:start[g + 1]].
    start = np.r_[0, np.cumsum(np.bincount(m.gid, minlength=m.n_groups))]
    # Only groups with files of different sizes and measured detail, cluster by cluster (groups
    # are small; most groups of a large library have neither).
    for g in np.unique(m.gid[candidate]).tolist():
        rows = sorted(range(start[g], start[g + 1]), key=lambda r: area[r])
        clusters: list[list[int]] = []
        for r in rows:
            if clusters and area[r] < SAME_SIZE * area[clusters[-1][0]]:
                clusters[-1].append(r)
            else:
                clusters.append([r])
        level = [_median(ev.top, it[c]) for c in clusters]
        sharp = [_median(ev.native_sharpness, it[c]) for c in clusters]
        real = [max(area[r] for r in c) for c in clusters]
        for k in range(1, len(clusters)):
            if np.isnan(level[k]):
                continue
            # Against the largest clearly smaller cluster: an enlargement is what it came from.
            smaller = [j for j in range(k) if real[k] >= LARGER * area[clusters[j][-1]]]
            if not smaller:
                continue
            j = smaller[-1]
            weaker = not np.isnan(level[j]) and level[k] - level[j] < UPSCALED
            ratio = real[k] / max(real[j], 1.0)
            softer = sharp[j] > 0 and sharp[k] * ratio < SHARP_UPSCALED * sharp[j]  # False on NaN
            if weaker or softer:
                real[k] = min(real[k], real[j])
            for r in clusters[k]:
                out[r] = min(area[r], real[k])
    return out


def _median(values: np.ndarray, records: np.ndarray) -> float:
    """Median of the measured (non-NaN) ``values`` of ``records``; NaN when none is measured."""
    v = values[records]
    return float(np.nanmedian(v)) if not np.isnan(v).all() else float("nan")


def _original_columns(ev: Evidence, m: Members) -> list[np.ndarray]:
    """The best-original evidence as columns over the members (larger is better), most
    significant first."""
    it = m.items
    gray_edit = ev.gray[it] & m.group_any(~ev.gray[it])
    picture = ev.picture[it]
    border_edit = (1 - picture) > (1 - m.group_median(picture)) + BORDERED
    edit = gray_edit | border_edit
    eff = real_resolution(ev, m)
    full = eff >= SAME_RESOLUTION * m.group_max(eff)
    sharp = exposed = copied = np.ones(len(it))
    if m.frame is not None:
        # Kept from the moment that has copies: kept from another, they would stay unmarked.
        shots = m.frame >= 0
        framed = np.where(shots, m.frame, np.arange(len(it)))
        copied = (np.bincount(framed, minlength=len(it))[framed] >= 2).astype(np.float64)
        # Frames of one scene: the sharpest of those at full resolution (a downscale looks
        # sharper per pixel than its source, so smaller files do not set the bar). A copy
        # counts as the frame it copies: its own re-encoding noise says nothing.
        own = shots & (m.frame == np.arange(len(it)))
        level = np.where(own & full, ev.sharpness[it], 0.0)
        framed_at = it[framed]
        sharp = np.where(shots, ev.sharpness[framed_at] >= SHARP_SHARE * m.group_max(level), True)
        # Of the sharp frames, those clipping least (burnt-out sky, crushed shadows) are best exposed.
        least = -m.group_max(np.where(own & full & sharp, -ev.clipped[it], -np.inf))
        exposed = np.where(shots, ev.clipped[framed_at] <= least + CLIPPED_STEP, True)
    # Among the files of full resolution, more of it still counts, but only in coarse steps.
    return [
        copied,
        (~edit).astype(np.float64),
        ev.raw[it].astype(np.float64),
        full.astype(np.float64),
        sharp.astype(np.float64),
        exposed.astype(np.float64),
        ev.camera[it].astype(np.float64),
        # Unedited before closeness: a pasted or painted-on copy may be as close to the others
        # as the original, in the coarse steps, and better encoded.
        (~local_edit_flags(ev, m)).astype(np.float64),
        np.floor(_same_for_copies(ev, m, m.closeness) / CLOSENESS_STEP),
        np.floor(ev.encoding[it] / QUALITY_STEP),
        -ev.taken[it],
        -ev.mtime[it],
        -ev.path_len[it],
    ]


def _same_for_copies(ev: Evidence, m: Members, values: np.ndarray) -> np.ndarray:
    """``values`` (per item), the best of each content's byte-identical copies in a group for all
    of them: only one copy was matched (the others share its features), so the pairs say more
    of it, and the tie between copies is the dates' and paths' to settle."""
    key = m.gid * len(ev.content) + ev.content[m.items]
    _, inverse = np.unique(key, return_inverse=True)
    best = np.full(int(inverse.max()) + 1 if len(inverse) else 0, -np.inf)
    np.maximum.at(best, inverse, values)
    return best[inverse]


def columns(
    records: Sequence[ImageRecord], ev: Evidence, m: Members, rules: Sequence[Rule], protected: Sequence[str]
) -> list[np.ndarray]:
    """Every criterion of the keep chain as a column over the members (most significant first)."""
    it = m.items
    cols: list[np.ndarray] = []
    if protected:
        cols.append(np.array([is_protected(records[i].path, protected) for i in it], dtype=np.float64))
    for rule in rules:
        if rule.name == BEST_ORIGINAL:
            cols.extend(_original_columns(ev, m))
        elif rule.name in RULES:
            score = RULES[rule.name][1]
            cols.append(np.array([score(records[i], rule.values) for i in it], dtype=np.float64))
    cols.append(-ev.path_rank[it])  # the final tie-break: the first path by name
    return cols


def choose(
    records: Sequence[ImageRecord],
    ev: Evidence,
    m: Members,
    rules: Sequence[Rule],
    protected: Sequence[str] = (),
) -> np.ndarray:
    """The keeper (a record index) of each group of ``m``."""
    if m.n_groups == 0:
        return np.empty(0, dtype=np.int64)
    cols = columns(records, ev, m, rules, protected)
    # np.lexsort: the last key is the primary one. Sorted by group, then ascending preference:
    # each group's keeper is its last item.
    order = np.lexsort([*reversed(cols), m.gid])
    last = np.r_[np.flatnonzero(np.diff(m.gid[order])), len(order) - 1]
    return m.items[order[last]]


def choose_one(
    records: Sequence[ImageRecord],
    rules: Sequence[Rule],
    protected: Sequence[str] = (),
    features: np.ndarray | None = None,
) -> int:
    """Position in ``records`` of the file to keep when they are one group."""
    if not records:
        raise ValueError("empty group")
    ev = Evidence.of(records, features)
    return int(choose(records, ev, Members.of([list(range(len(records)))]), rules, protected)[0])
