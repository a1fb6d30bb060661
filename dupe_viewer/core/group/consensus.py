"""Which member of a group carries a local edit: the one that disagrees with the group's consensus.

A pair with a local change (a pasted object, a region moved within the picture, a logo) says
that one of the two was edited, not which. The group says it: the original agrees with each copy
outside that copy's own edit, so cell by cell the *median* of the members (aligned to one
orientation) is the original's picture, and the edited copies are the members that depart from
it in a few cells. On the dev corpus's pasted objects (8-11 % of the picture replaced and
re-saved at a higher JPEG quality than the original) the edited copy was kept in 9 of 32 groups
before this: its encoding outranked an original that was closer to the others by only 0.01-0.09
of similarity.

Measured on the members' 16×16 tiny images (brightness and contrast normalised, as the hash
stage compares them), for groups of :data:`MIN_MEMBERS` to :data:`MAX_MEMBERS` files, and on
their 8×8 colour maps (``chroma_map`` of :mod:`..features.perceptual`): a pasted object can have
the brightness of what it covers (a red helmet over a dark door, grass over grass), and then only
its colour departs. On the dev corpus with its hard cases (``python
tests/benchmarks/local_edits.py CORPUS``), brightness alone missed 2 of the 16 foreign pastes
(they departed in 0 and 1 cells) and the colour finds all 16 (3 or more of 64 colour cells depart
by more than :data:`COLOUR_OUTLIER`), while no original departs in more than 1 colour cell.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..features.perceptual import TINY, tiny_images
from ..match.descriptor import normalised_tiny, transpose_stack

#: A consensus needs a majority: with fewer members the median is one of two pictures.
MIN_MEMBERS = 3
#: Larger groups are left to the other evidence (their median costs more than it tells).
MAX_MEMBERS = 64
#: A cell departs from the consensus by this much (in units of the picture's own spread; the
#: hash stage's "differs a lot", :mod:`..match.measure`).
CELL_OUTLIER = 1.0
#: A member with this share of departing cells or more carries a local edit (the hash stage's
#: threshold for something painted on: two cells of 256).
EDITED_SHARE = 3 / 256
#: A colour cell departs when its Cb and Cr together differ from the consensus by more than this
#: (0-255 units), after the member's own overall colour change is taken out (a colour edit is not
#: local)...
COLOUR_OUTLIER = 10.0
#: ...and a member with this many departing colour cells of 64 (3 % of the picture) or more
#: carries a local edit.
EDITED_COLOUR_CELLS = 2
#: Group compositions whose flags are remembered per result (then forgotten all at once).
LOCAL_MEMO_LIMIT = 200_000


def _orientations(z: np.ndarray, anchor: np.ndarray) -> np.ndarray:
    """The orientation of each of ``z`` (k, 16, 16) that best matches ``anchor`` (16, 16)."""
    turned = np.stack([transpose_stack(z, t) for t in range(8)], axis=1)  # (k, 8, 16, 16)
    return (turned * anchor[None, None]).sum(axis=(2, 3)).argmax(axis=1)


def _turned(a: np.ndarray, turns: np.ndarray) -> np.ndarray:
    """Each of the square maps ``a`` (k, n, n, ...) in its orientation of ``turns``."""
    return np.stack([transpose_stack(a[j : j + 1], int(t))[0] for j, t in enumerate(turns.tolist())])


def local_edits(
    thumbs: np.ndarray, chroma_maps: np.ndarray | None = None, colourful: np.ndarray | None = None
) -> np.ndarray:
    """Per member of one group (``thumbs``: their 32×32 thumbnails; ``chroma_maps``: their 8×8
    Cb/Cr maps, with ``colourful`` saying which members are in colour): it departs from the
    group's consensus in a few cells, i.e. it carries a local edit. All False for groups of fewer
    than :data:`MIN_MEMBERS` or more than :data:`MAX_MEMBERS`, or with a flat picture."""
    out = np.zeros(len(thumbs), dtype=bool)
    if not MIN_MEMBERS <= len(thumbs) <= MAX_MEMBERS:
        return out
    z = normalised_tiny(tiny_images(thumbs))
    if not np.abs(z).sum(axis=(1, 2)).all():  # a flat picture has no cells to compare
        return out
    turns = _orientations(z, z[0])
    z = _turned(z, turns)
    consensus = np.median(z, axis=0)
    departing = (np.abs(z - consensus[None]) * TINY > CELL_OUTLIER).mean(axis=(1, 2))
    out = departing >= EDITED_SHARE
    if chroma_maps is not None and colourful is not None:
        out |= _colour_edits(_turned(chroma_maps.astype(np.float32), turns), colourful)
    return out


def _colour_edits(maps: np.ndarray, colourful: np.ndarray) -> np.ndarray:
    """Per member (``maps``: aligned (k, 8, 8, 2) Cb/Cr maps): its colours depart from the
    consensus of the group's colour members in a few cells."""
    return colour_departures(maps, colourful, COLOUR_OUTLIER) >= EDITED_COLOUR_CELLS


def colour_departures(maps: np.ndarray, colourful: np.ndarray, outlier: float) -> np.ndarray:
    """Per member (``maps``: aligned (k, 8, 8, 2) Cb/Cr maps), how many of its colour cells
    depart from the consensus of the group's colour members by more than ``outlier``. Only
    colour members are compared, and only among three or more (the others count 0): a grayscale
    copy has no colour to agree or disagree with, and would pull a colour original towards gray."""
    out = np.zeros(len(maps), dtype=np.int64)
    if int(colourful.sum()) < MIN_MEMBERS:
        return out
    m = maps[colourful].reshape(int(colourful.sum()), -1, 2)  # (k, 64, Cb/Cr)
    consensus = np.median(m, axis=0)[None]
    # Take out what a global colour edit does (a shift and a gain per channel: saturation,
    # contrast, a white-balance change) before looking for cells that depart on their own.
    x = consensus - consensus.mean(axis=1, keepdims=True)
    y = m - m.mean(axis=1, keepdims=True)
    gain = (x * y).sum(axis=1, keepdims=True) / np.maximum((x * x).sum(axis=1, keepdims=True), 1e-6)
    diff = y - gain * x
    out[colourful] = (np.abs(diff).sum(axis=-1) > outlier).sum(axis=1)
    return out


def aligned_colour_maps(thumbs: np.ndarray, chroma_maps: np.ndarray) -> np.ndarray:
    """The members' Cb/Cr maps (k, 8, 8, 2), each turned to the orientation in which its
    thumbnail best matches the first member's (as :func:`local_edits` compares them)."""
    z = normalised_tiny(tiny_images(thumbs))
    return _turned(chroma_maps.astype(np.float32), _orientations(z, z[0]))


def local_edit_flags(ev: Any, m: Any) -> np.ndarray:
    """Per member of ``m`` (:class:`.keeper.Members`, with the :class:`.keeper.Evidence` ``ev``;
    typed loosely because the keeper imports this module): it carries a local edit the rest of
    its group does not."""
    out = np.zeros(len(m.items), dtype=bool)
    if ev.thumbs is None or ev.has_thumb is None or len(m.items) == 0:
        return out
    counts = np.bincount(m.gid, minlength=m.n_groups)
    known = np.bincount(m.gid, weights=ev.has_thumb[m.items], minlength=m.n_groups)
    start = np.r_[0, np.cumsum(counts)[:-1]]
    if len(ev.local_memo) > LOCAL_MEMO_LIMIT:
        ev.local_memo.clear()
    for g in np.flatnonzero((known >= MIN_MEMBERS) & (counts <= MAX_MEMBERS)).tolist():
        rows = slice(start[g], start[g] + counts[g])
        key = tuple(m.items[rows].tolist())
        flags = ev.local_memo.get(key)
        if flags is None:
            items = m.items[rows]
            seen = ev.has_thumb[items]  # a file without features has a blank thumbnail
            flags = np.zeros(len(items), dtype=bool)
            kept = items[seen]
            maps = None if ev.chroma_maps is None else ev.chroma_maps[kept]
            flags[seen] = local_edits(ev.thumbs[kept], maps, ~ev.gray[kept])
            ev.local_memo[key] = flags
        out[rows] = flags
    return out
