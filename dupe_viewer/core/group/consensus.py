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
stage compares them), for groups of :data:`MIN_MEMBERS` to :data:`MAX_MEMBERS` files.
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
#: Group compositions whose flags are remembered per result (then forgotten all at once).
LOCAL_MEMO_LIMIT = 200_000


def _aligned(z: np.ndarray, anchor: np.ndarray) -> np.ndarray:
    """Each of ``z`` (k, 16, 16) in the orientation that best matches ``anchor`` (16, 16)."""
    turned = np.stack([transpose_stack(z, t) for t in range(8)], axis=1)  # (k, 8, 16, 16)
    best = (turned * anchor[None, None]).sum(axis=(2, 3)).argmax(axis=1)
    return turned[np.arange(len(z)), best]


def local_edits(thumbs: np.ndarray) -> np.ndarray:
    """Per member of one group (``thumbs``: their 32×32 thumbnails): it departs from the group's
    consensus in a few cells, i.e. it carries a local edit. All False for groups of fewer than
    :data:`MIN_MEMBERS` or more than :data:`MAX_MEMBERS`, or with a flat picture."""
    out = np.zeros(len(thumbs), dtype=bool)
    if not MIN_MEMBERS <= len(thumbs) <= MAX_MEMBERS:
        return out
    z = normalised_tiny(tiny_images(thumbs))
    if not np.abs(z).sum(axis=(1, 2)).all():  # a flat picture has no cells to compare
        return out
    z = _aligned(z, z[0])
    consensus = np.median(z, axis=0)
    departing = (np.abs(z - consensus[None]) * TINY > CELL_OUTLIER).mean(axis=(1, 2))
    return departing >= EDITED_SHARE


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
            flags[seen] = local_edits(ev.thumbs[items[seen]])
            ev.local_memo[key] = flags
        out[rows] = flags
    return out
