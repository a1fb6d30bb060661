"""How good the suggested decision is: the keeper and the files pre-marked for the trash.

Detection can be perfect and the decision still wrong: what the window pre-selects is, in
practice, what people keep. Scored on a report against a truth that records the variant kind of
every file (our generator's ``truth.json``):

- **keeper accuracy**: of the reported groups that hold a truth original, the share whose
  suggested keeper is an acceptable version of it: the original, a byte-identical copy, or a
  lossless conversion (:data:`ACCEPTABLE`). Per variant kind: of the groups holding the original
  and a file of that kind, the share where that file was *not* suggested over the original.
- **pre-marked precision**: of the files pre-marked for the trash (``"suggestion": "trash"``),
  the share that truly are copies of their group's keeper (same truth group; a half, a
  distractor or another photo is a unique picture wrongly pre-marked).
- **similar pictures** (the truth's ``similar_sets``: bursts, other shots, look-alikes): how many
  files were grouped with another picture of their set, and how many of those were shown as a
  copy (pre-marked, or labelled exact/near/edited instead of "similar"): that must be none. For
  bursts, the share of grouped bursts whose suggested keeper is the sharp frame.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import Any

from .truth import Truth, relative_to_root, report_groups


def acceptable_keeper(truth: Truth, path: str) -> bool:
    """The original, a byte-identical copy, or a lossless conversion (a PNG of a JPEG)."""
    kind = truth.file_kind.get(path)
    if kind in ("original", "exact"):
        return True
    return kind == "format" and truth.file_params.get(path, {}).get("format") in ("PNG", "TIFF")


def decision_metrics(
    truth: Truth, report: str | os.PathLike[str] | Mapping[str, Any], root: str | os.PathLike[str] | None
) -> dict[str, Any]:
    """Keeper accuracy (overall and by kind) and pre-marked precision of a report (a parsed
    dict or a path: JSON, or JSON lines and Parquet, streamed, see :func:`.truth.report_groups`)."""
    if not isinstance(report, Mapping) and os.path.splitext(os.fspath(report))[1].lower() in ("", ".json"):
        with open(report, encoding="utf-8") as fh:
            report = json.load(fh)  # parsed once, not once per pass
    groups = 0
    right = 0
    wrong_by_kind: dict[str, int] = {}
    with_kind: dict[str, int] = {}
    marked = marked_right = 0
    wrong_marks: list[dict[str, str]] = []
    for g in report_groups(report):
        members = [relative_to_root(str(m["path"]), root) for m in g.get("members", [])]
        keep = relative_to_root(str(g["keep"]), root)
        kinds = [truth.file_kind.get(p) for p in members]
        if "original" in kinds:
            groups += 1
            ok = acceptable_keeper(truth, keep)
            right += ok
            keep_kind = truth.file_kind.get(keep, "?")
            for kind in set(kinds) - {"original", None}:
                with_kind[kind] = with_kind.get(kind, 0) + 1
                if not ok and kind == keep_kind:
                    wrong_by_kind[kind] = wrong_by_kind.get(kind, 0) + 1
        keep_group = truth.group_of.get(keep)
        for m, path in zip(g.get("members", []), members, strict=True):
            if m.get("suggestion") != "trash":
                continue
            marked += 1
            if keep_group is not None and truth.group_of.get(path) == keep_group:
                marked_right += 1
            elif len(wrong_marks) < 10:
                wrong_marks.append({"path": path, "keep": keep, "kind": truth.file_kind.get(path, "?")})
    similar = _similar_metrics(truth, report, root)
    by_kind = {
        kind: {
            "groups": n,
            "chosen_wrongly": wrong_by_kind.get(kind, 0),
            "accuracy": 1 - wrong_by_kind.get(kind, 0) / n,
        }
        for kind, n in sorted(with_kind.items())
    }
    return {
        "keeper_groups": groups,
        "keeper_right": right,
        "keeper_accuracy": right / groups if groups else None,
        "keeper_by_kind": by_kind,
        "premarked": marked,
        "premarked_right": marked_right,
        "premarked_precision": marked_right / marked if marked else None,
        "premarked_wrong": wrong_marks,
        **similar,
    }


#: Member kinds that present a file as a copy of its group's reference.
COPY_KINDS = frozenset({"exact", "near", "edited"})


def _similar_metrics(
    truth: Truth, report: str | os.PathLike[str] | Mapping[str, Any], root: str | os.PathLike[str] | None
) -> dict[str, Any]:
    """How the truth's similar sets fared: grouped, shown as copies, bursts' keepers."""
    if not truth.similar_sets:
        return {}
    set_of = {p: k for k, s in enumerate(truth.similar_sets) for p in s.files}
    grouped = as_copy = 0
    by_kind: dict[str, dict[str, int]] = {}
    wrong: list[dict[str, str]] = []
    burst_keep: dict[int, bool] = {}
    for g in report_groups(report):
        members = [(relative_to_root(str(m["path"]), root), m) for m in g.get("members", [])]
        keep = relative_to_root(str(g["keep"]), root)
        sets = [set_of.get(p) for p, _ in members]
        for (path, m), k in zip(members, sets, strict=True):
            if k is None or sets.count(k) < 2:
                continue
            kind = truth.similar_sets[k].kind
            entry = by_kind.setdefault(kind, {"grouped": 0, "as_copy": 0})
            grouped += 1
            entry["grouped"] += 1
            if path != keep and (m.get("suggestion") == "trash" or m.get("kind") in COPY_KINDS):
                as_copy += 1
                entry["as_copy"] += 1
                if len(wrong) < 10:
                    wrong.append({"path": path, "keep": keep, "kind": kind, "shown": str(m.get("kind"))})
        for k in set(sets) - {None}:
            best = truth.similar_sets[k].best
            if best is not None and sets.count(k) >= 2 and set_of.get(keep) == k:
                burst_keep[k] = burst_keep.get(k, False) or keep == best
    bursts = [k for k, s in enumerate(truth.similar_sets) if s.best is not None]
    return {
        "similar_files": len(set_of),
        "similar_grouped": grouped,
        "similar_as_copy": as_copy,
        "similar_by_kind": by_kind,
        "similar_wrong": wrong,
        "bursts": len(bursts),
        "bursts_grouped": len(burst_keep),
        "bursts_best_kept": sum(burst_keep.values()),
    }


def format_decisions(metrics: Mapping[str, Any]) -> str:
    """:func:`decision_metrics` as plain text."""
    if metrics.get("keeper_accuracy") is None:
        lines = ["keeper  (the truth names no originals: keeper accuracy not measured)"]
    else:
        lines = [
            f"keeper  accuracy {metrics['keeper_accuracy']:.3f}   ({metrics['keeper_right']} of "
            f"{metrics['keeper_groups']} groups keep the original or an identical/lossless copy)",
        ]
    if metrics.get("premarked_precision") is not None:
        lines.append(
            f"pre-marked for the trash: precision {metrics['premarked_precision']:.4f}   "
            f"({metrics['premarked_right']} of {metrics['premarked']} are copies of their keeper)"
        )
    by_kind = metrics.get("keeper_by_kind") or {}
    if by_kind:
        width = max(len(k) for k in by_kind)
        lines.append(f"{'kind':<{width}}  groups  chosen over the original  accuracy")
        for kind, e in by_kind.items():
            lines.append(
                f"{kind:<{width}}  {e['groups']:>6}  {e['chosen_wrongly']:>24}  {e['accuracy']:8.1%}"
            )
    for row in metrics.get("premarked_wrong") or []:
        lines.append(f"  wrongly pre-marked: {row['path']} [{row['kind']}] (keeper {row['keep']})")
    if metrics.get("similar_files"):
        lines.append(
            f"similar pictures (bursts, other shots, look-alikes): {metrics['similar_files']} files, "
            f"{metrics['similar_grouped']} grouped with their set, "
            f"{metrics['similar_as_copy']} shown as copies"
        )
        for kind, e in sorted(metrics["similar_by_kind"].items()):
            lines.append(f"  {kind:<10} grouped {e['grouped']:>4}   shown as copies {e['as_copy']:>4}")
        if metrics.get("bursts"):
            grouped = metrics["bursts_grouped"]
            share = f"{metrics['bursts_best_kept'] / grouped:.1%}" if grouped else "-"
            lines.append(
                f"bursts: {grouped} of {metrics['bursts']} grouped; sharp frame suggested in "
                f"{metrics['bursts_best_kept']} ({share})"
            )
        for row in metrics.get("similar_wrong") or []:
            lines.append(
                f"  shown as a copy: {row['path']} [{row['kind']}] as {row['shown']} (keeper {row['keep']})"
            )
    return "\n".join(lines)
