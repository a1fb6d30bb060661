"""Why each member of a group is kept or goes, in one line: a reason code the window translates,
with its values, and the English sentence reports carry; and what the window pre-selects."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..files.formats import is_raw_format
from ..files.records import ImageRecord
from ..options import Rule
from ..result import COPY_KINDS, REFERENCE, DupGroup, PairTable
from .keep import RULES, is_protected
from .keeper import (
    BEST_ORIGINAL,
    LOSSLESS,
    QUALITY_STEP,
    Evidence,
    Members,
    columns,
    real_resolution,
)


@dataclass(frozen=True)
class Reason:
    """Why a member is kept or goes: a ``code`` (what the window translates) and its values."""

    code: str
    values: tuple[tuple[str, str], ...] = ()

    @property
    def params(self) -> dict[str, str]:
        return dict(self.values)

    @property
    def text(self) -> str:
        """The reason in English (reports)."""
        return TEXTS[self.code].format(**self.params)


#: English wording of every reason code; ``{name}`` is a value.
TEXTS = {
    # kept
    "keep_protected": "kept: in a protected folder",
    "keep_only": "kept: the best original of the group",
    "keep_sharpest": "kept: the sharpest, best-exposed of these shots",
    "keep_raw": "kept: the camera RAW ({format})",
    "keep_unedited": "kept: the unedited picture (the others are edits)",
    "keep_resolution": "kept: the highest real resolution ({pixels})",
    "keep_camera": "kept: the camera original ({camera})",
    "keep_closest": "kept: the version closest to all the others (they are its variants)",
    "keep_encoding": "kept: the best encoding ({encoding})",
    "keep_taken": "kept: taken first ({taken})",
    "keep_identical": "kept: of byte-identical copies, the oldest file (then the shortest path)",
    "keep_rule": "kept: first by your rule “{rule}”",
    "protected": "in a protected folder: always kept",
    # going
    "identical": "byte-identical copy of the kept file",
    "grayscale": "grayscale copy",
    "bordered": "bordered or letterboxed copy",
    "upscaled": "upscaled ×{factor} (no more detail than the kept file)",
    "smaller": "smaller: {percent} % of the kept file's resolution",
    "no_camera": "no camera metadata",
    "blurrier": "less sharp than the kept frame",
    "clipped": "more burnt-out or crushed pixels than the kept frame",
    "raw_twin": "same shot, RAW + {format}: the kept file is the camera RAW",
    "local_edit": "edited in part of the picture (pasted or painted over; the others agree there)",
    "further": "a variant: further from the others than the kept file",
    "lower_quality": "re-encoded at lower quality ({encoding} vs {keeper_encoding})",
    "taken_later": "taken later",
    "newer": "same picture, a newer file",
    "ranked_lower": "lower by your rule “{rule}”",
    "similar": "looks alike, not verified as the same picture: your decision",
    "shot": "a similar shot (another moment or framing), not a copy: your decision",
    "keeper_protected": "the kept file is in a protected folder",
    "over_resolution": "higher real resolution than the kept file, kept only for its protected folder",
    "over_camera": "the camera original; the kept file is kept only for its protected folder",
    "over_unedited": "the unedited picture; the kept file is kept only for its protected folder",
}

#: Codes of members that would be kept but for a protected folder: the confirmation warns of them.
OVERRIDDEN = frozenset({"over_resolution", "over_camera", "over_unedited"})
#: The evidence column that makes an overridden member better than the protected keeper -> code.
_OVERRIDING = {
    "edit": "over_unedited",
    "local": "over_unedited",
    "resolution": "over_resolution",
    "rule:resolution": "over_resolution",
    "camera": "over_camera",
}


def encoding_text(rec: ImageRecord, encoding: float) -> str:
    fmt = rec.format.upper() or "?"
    if fmt == "JPEG" and rec.quality is not None:
        q = round(rec.quality)
        return f"JPEG q{q}" if encoding >= rec.quality - 0.5 else f"JPEG q{q}, re-saved from a coarser JPEG"
    if is_raw_format(fmt):
        return f"camera RAW ({fmt})"
    if fmt in LOSSLESS:
        return f"lossless {fmt}" if encoding >= 100 else f"{fmt} made from a JPEG"
    return f"lossy {fmt}"


def explain(
    records: Sequence[ImageRecord],
    ev: Evidence,
    group: DupGroup,
    rules: Sequence[Rule],
    protected: Sequence[str] = (),
    table: PairTable | None = None,
) -> dict[int, Reason]:
    """Record index -> why it is kept or goes, for every member of ``group`` (``table``: the
    scored pairs, for how close each member is to the others)."""
    idx = [mem.index for mem in group.members]
    m = Members.of([idx], table, [frames(group)])
    cols = columns(records, ev, m, rules, protected)
    names = _column_names(rules, bool(protected))
    pos = {i: k for k, i in enumerate(idx)}
    kp = pos[group.keep]
    out: dict[int, Reason] = {}
    digest = records[group.keep].digest
    rels = relations(group)
    for i in idx:
        k = pos[i]
        if i == group.keep:
            continue
        if protected and is_protected(records[i].path, protected):
            out[i] = Reason("protected")
            continue
        if digest is not None and records[i].digest == digest:
            out[i] = Reason("identical")
            continue
        rel = rels[i]
        if rel not in COPY_KINDS:
            out[i] = Reason("shot" if rel == "shot" else "similar")
            continue
        first = next((c for c, col in enumerate(cols) if col[k] != col[kp]), len(cols) - 1)
        out[i] = _losing_reason(records, ev, m, names, first, k, kp, group.keep, i, cols)
    out[group.keep] = _keeping_reason(records, ev, m, names, cols, kp, idx, protected)
    return out


def frames(group: DupGroup) -> list[int] | None:
    """For a group holding similar shots, the position of the frame each member shows: the
    reference's for its copies, its own for the others (the reference, the shots, and look-alikes:
    not verified as the reference's picture). None for other groups."""
    # A group's kind is its loosest relation: only "shot" or "similar" groups can hold a shot.
    if group.kind not in ("shot", "similar") or not any(m.kind == "shot" for m in group.members):
        return None
    ref = next(k for k, m in enumerate(group.members) if m.index == group.reference)
    return [ref if m.kind in COPY_KINDS else k for k, m in enumerate(group.members)]


def _column_names(rules: Sequence[Rule], protected: bool) -> list[str]:
    names = ["protected"] if protected else []
    for rule in rules:
        if rule.name == BEST_ORIGINAL:
            names += [
                "copied",
                "edit",
                "raw",
                "resolution",
                "sharp",
                "exposed",
                "camera",
                "local",
                "closeness",
                "encoding",
                "taken",
                "mtime",
                "path_len",
            ]
        elif rule.name in RULES:
            names.append(f"rule:{rule.name}")
    return [*names, "path"]


def _losing_reason(
    records: Sequence[ImageRecord],
    ev: Evidence,
    m: Members,
    names: list[str],
    first: int,
    k: int,
    kp: int,
    keep: int,
    i: int,
    cols: list[np.ndarray],
) -> Reason:
    name = names[first]
    if name == "protected":
        # Would the evidence have kept it without the protection (a real difference: resolution,
        # camera original, unedited; not a date or a path)? Then the protection overrides it.
        decisive = next(
            ((n, col) for n, col in zip(names[1:], cols[1:], strict=True) if col[k] != col[kp]), None
        )
        if decisive is not None and decisive[1][k] > decisive[1][kp] and decisive[0] in _OVERRIDING:
            return Reason(_OVERRIDING[decisive[0]])
        return Reason("keeper_protected")
    if name == "edit":
        if ev.gray[i] and not ev.gray[keep]:
            return Reason("grayscale")
        return Reason("bordered")
    if name == "resolution":
        eff = real_resolution(ev, m)
        if ev.pixels[i] > ev.pixels[keep]:
            factor = (ev.pixels[i] * ev.picture[i] / max(eff[k], 1.0)) ** 0.5
            return Reason("upscaled", (("factor", f"{factor:.1f}"),))
        share = round(100 * eff[k] / max(eff[kp], 1.0))
        return Reason("smaller", (("percent", str(share)),))
    if name == "raw":
        return Reason("raw_twin", (("format", records[i].format.upper() or "?"),))
    if name == "sharp":
        return Reason("blurrier")
    if name == "exposed":
        return Reason("clipped")
    if name == "local":
        return Reason("local_edit")
    if name in ("camera", "closeness", "encoding", "taken", "mtime", "path_len", "path"):
        # Decided late: say what is most telling about this copy, whatever settled the tie.
        eff = real_resolution(ev, m)
        if ev.pixels[i] > 1.2 * ev.pixels[keep] and eff[k] <= 1.2 * eff[kp]:
            factor = (ev.pixels[i] * ev.picture[i] / max(eff[k], 1.0)) ** 0.5
            return Reason("upscaled", (("factor", f"{factor:.1f}"),))
        if eff[k] < 0.9 * eff[kp]:
            return Reason("smaller", (("percent", str(round(100 * eff[k] / max(eff[kp], 1.0)))),))
        if np.floor(ev.encoding[i] / QUALITY_STEP) < np.floor(ev.encoding[keep] / QUALITY_STEP):
            return Reason(
                "lower_quality",
                (
                    ("encoding", encoding_text(records[i], ev.encoding[i])),
                    ("keeper_encoding", encoding_text(records[keep], ev.encoding[keep])),
                ),
            )
        if ev.camera[keep] and not ev.camera[i]:
            return Reason("no_camera")
        if name == "closeness":
            return Reason("further")
        if name == "taken":
            return Reason("taken_later")
        return Reason("newer")
    if name.startswith("rule:"):
        return Reason("ranked_lower", (("rule", RULES[name[5:]][0]),))
    return Reason("newer")


def _keeping_reason(
    records: Sequence[ImageRecord],
    ev: Evidence,
    m: Members,
    names: list[str],
    cols: list[np.ndarray],
    kp: int,
    idx: list[int],
    protected: Sequence[str],
) -> Reason:
    keep = idx[kp]
    if protected and is_protected(records[keep].path, protected):
        return Reason("keep_protected")
    others = [k for k in range(len(idx)) if k != kp]
    if not others:
        return Reason("keep_only")
    # The criterion that set the keeper apart from the runner-up (the one that lasted longest).
    decided = max(next((c for c, col in enumerate(cols) if col[k] != col[kp]), len(cols) - 1) for k in others)
    name = names[decided]
    digest = records[keep].digest
    if digest is not None and all(records[idx[k]].digest == digest for k in others):
        return Reason("keep_identical")
    # What lasted longest was the tie with a byte-identical copy, settled by date or path.
    tie = name in ("mtime", "path_len", "path") and digest is not None
    if tie and any(records[idx[k]].digest == digest for k in others):
        return Reason("keep_identical")
    if name in ("edit", "local"):
        return Reason("keep_unedited")
    if name == "resolution":
        eff = real_resolution(ev, m)
        return Reason("keep_resolution", (("pixels", f"{eff[kp] / 1e6:.1f} MP"),))
    if name in ("sharp", "exposed"):
        return Reason("keep_sharpest")
    if name == "raw":
        return Reason("keep_raw", (("format", records[keep].format.upper()),))
    if name == "camera":
        return Reason("keep_camera", (("camera", records[keep].camera or ""),))
    if name == "closeness":
        return Reason("keep_closest")
    if name == "encoding":
        return Reason("keep_encoding", (("encoding", encoding_text(records[keep], ev.encoding[keep])),))
    if name == "taken":
        return Reason("keep_taken", (("taken", records[keep].taken or ""),))
    if name.startswith("rule:"):
        return Reason("keep_rule", (("rule", RULES[name[5:]][0]),))
    return Reason("keep_only")


def relations(group: DupGroup) -> dict[int, str]:
    """Member index -> how it relates to the group's keeper. Members are matched to the
    reference: each keeps its kind, and the reference, when it is not the keeper, takes the
    keeper's. When the keeper is a similar shot (another moment than the reference's: the
    sharpest of a burst, the other view of a stereo pair), the reference's copies show the
    reference's moment, not the kept one: they are shots too, never pre-marked."""
    out = {m.index: str(m.kind) for m in group.members}
    keeper = out[group.keep]
    if group.keep == group.reference or keeper == REFERENCE:
        return out
    out[group.reference] = keeper
    if keeper == "shot":
        for i, kind in out.items():
            if i != group.keep and kind in COPY_KINDS:
                out[i] = "shot"
    return out


def relation(group: DupGroup, index: int) -> str:
    """How member ``index`` relates to the group's keeper (see :func:`relations`)."""
    return relations(group)[index]


def suggestion(
    group: DupGroup,
    index: int,
    protected: Sequence[str],
    records: Sequence[ImageRecord],
    rels: dict[int, str] | None = None,
) -> str:
    """What the window pre-selects for a member: "keep", "trash" or "decide" (the user's call:
    a similar shot or a look-alike, not a copy of the kept picture). ``rels``: the group's
    :func:`relations`, when asked for every member."""
    if index == group.keep or (protected and is_protected(records[index].path, protected)):
        return "keep"
    kind = (rels if rels is not None else relations(group))[index]
    return "trash" if kind in COPY_KINDS else "decide"
