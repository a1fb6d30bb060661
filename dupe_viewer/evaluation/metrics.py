"""Pair and retrieval metrics of duplicate-finder output against ground truth.

Everything here works on *pairs*: two files are a true pair when the ground truth says they show
the same photo, and a predicted pair when the engine put them in the same group. Pair metrics are
the usual way near-duplicate detectors are compared (imagededup, the Copydays/INRIA protocols),
and unlike "groups exactly right" they give partial credit for a group that is missing one
member. Retrieval metrics (mAP, nDCG, precision@1) rank each grouped file's group mates.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .truth import (
    UNKNOWN_KIND,
    VARIANT_VARIANT,
    Pair,
    Truth,
    _pair,
    load_report_groups,
    load_truth,
    rebased,
    relative_to_root,
    report_groups,
)

#: How many false positives / negatives :func:`pair_metrics` lists for debugging.
DEFAULT_EXAMPLES = 10


def _ratio(num: float, den: float, empty: float) -> float:
    return num / den if den else empty


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def predicted_pairs(
    predicted_groups: Iterable[Sequence[str]], root: str | os.PathLike[str] | None
) -> set[Pair]:
    """All unordered pairs of distinct files that share a predicted group."""
    pairs: set[Pair] = set()
    for group in predicted_groups:
        members = sorted({relative_to_root(p, root) for p in group})
        pairs.update(_pair(a, b) for a, b in itertools.combinations(members, 2))
    return pairs


def pair_metrics(
    truth: Truth,
    predicted_groups: Iterable[Sequence[str]],
    root: str | os.PathLike[str] | None,
    *,
    examples: int = DEFAULT_EXAMPLES,
) -> dict[str, Any]:
    """Compare predicted groups with the truth, pair by pair.

    Predicted pairs are all pairs within each group. ``tp`` = predicted and true, ``fp`` =
    predicted but not true (ignored pairs, e.g. half-and-its-photo, are not counted), ``fn`` = true
    but not predicted. Precision is 1.0 when nothing was predicted and recall is 1.0 when nothing was
    to be found (no wrong answers / nothing missed); F1 is their harmonic mean (0 when both are 0).

    ``recall_by_kind`` splits recall by the kind of the true pair (original-vs-"rot90", ...,
    :data:`VARIANT_VARIANT`); ``recall_original_pairs`` is recall over the pairs with an original
    only (None if the truth has no kinds); ``complete_groups`` counts truth groups whose members all
    share one predicted group. ``hard_negative_grouped`` counts hard-negative pairs that ended up in
    one group. ``false_positives`` / ``false_negatives`` list up to ``examples`` pairs.
    """
    predicted_groups = [list(g) for g in predicted_groups]
    pred = predicted_pairs(predicted_groups, root)
    tp_pairs = pred & truth.pairs
    fp_pairs = pred - truth.pairs - truth.ignored
    fn_pairs = truth.pairs - pred
    tp, fp, fn = len(tp_pairs), len(fp_pairs), len(fn_pairs)
    precision = _ratio(tp, tp + fp, 1.0)
    recall = _ratio(tp, tp + fn, 1.0)

    by_kind: dict[str, dict[str, Any]] = {}
    for pair in truth.pairs:
        entry = by_kind.setdefault(truth.kind_of(pair), {"tp": 0, "total": 0})
        entry["total"] += 1
        if pair in tp_pairs:
            entry["tp"] += 1
    for entry in by_kind.values():
        entry["recall"] = _ratio(entry["tp"], entry["total"], 1.0)

    # Pairs with the original only: the headline recall is dominated by variant-variant pairs
    # (a group of n files has n-1 original pairs but (n-1)(n-2)/2 variant-variant ones).
    orig_entries = [e for k, e in by_kind.items() if k not in (VARIANT_VARIANT, UNKNOWN_KIND)]
    orig_total = sum(e["total"] for e in orig_entries)
    recall_original = _ratio(sum(e["tp"] for e in orig_entries), orig_total, 1.0) if orig_total else None

    # A truth group is complete when one predicted group holds all of its members.
    member_sets = [{relative_to_root(p, root) for p in g} for g in predicted_groups]
    complete = sum(1 for g in truth.groups if any(set(g) <= m for m in member_sets))

    hn_grouped = pred & truth.hard_negatives
    known = truth.files
    predicted_files = set().union(*member_sets) if member_sets else set()

    def show(pairs: Iterable[Pair], with_kind: bool) -> list[dict[str, Any]]:
        rows = []
        for pair in sorted(pairs, key=lambda p: sorted(p))[:examples]:
            a, b = sorted(pair)
            row: dict[str, Any] = {"a": a, "b": b}
            if with_kind:
                row["kind"] = truth.kind_of(pair)
            else:
                row["kinds"] = [truth.file_kind.get(a, UNKNOWN_KIND), truth.file_kind.get(b, UNKNOWN_KIND)]
            rows.append(row)
        return rows

    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "true_pairs": len(truth.pairs),
        "predicted_pairs": len(pred),
        "predicted_groups": len(predicted_groups),
        "true_groups": len(truth.groups),
        "recall_original_pairs": recall_original,
        "complete_groups": complete,
        "recall_by_kind": dict(sorted(by_kind.items())),
        "hard_negative_grouped": {
            "count": len(hn_grouped),
            "total": len(truth.hard_negatives),
            "fraction": _ratio(len(hn_grouped), len(truth.hard_negatives), 0.0),
        },
        "ignored_pairs_grouped": len(pred & truth.ignored),
        # Files in the report that the truth does not know: usually a wrong root.
        "unknown_files": len(predicted_files - known) if known else 0,
        "false_positives": show(fp_pairs, with_kind=False),
        "false_negatives": show(fn_pairs, with_kind=True),
    }


def _average_precision(relevance: Sequence[bool], n_relevant: int) -> float:
    """AP = mean over the relevant items of precision at their rank; unretrieved ones count 0."""
    hits = 0
    total = 0.0
    for rank, rel in enumerate(relevance, start=1):
        if rel:
            hits += 1
            total += hits / rank
    return total / n_relevant


def _ndcg(relevance: Sequence[bool], n_ideal: int) -> float:
    """Binary-relevance nDCG: DCG = sum rel_i / log2(i + 1), divided by the DCG of an ideal list
    with ``n_ideal`` relevant items on top (all relevant items, or the first k with a cut-off), so
    relevant files that were never returned lower the score."""
    dcg = sum(1.0 / math.log2(rank + 1) for rank, rel in enumerate(relevance, start=1) if rel)
    idcg = sum(1.0 / math.log2(rank + 1) for rank in range(1, n_ideal + 1))
    return dcg / idcg if idcg else 0.0


def retrieval_metrics(
    truth: Truth,
    ranked: Mapping[str, Sequence[tuple[str, float]]],
    root: str | os.PathLike[str] | None = None,
    *,
    k: int | None = None,
) -> dict[str, Any]:
    """Mean average precision and nDCG for query-by-example results.

    ``ranked`` maps each query file to its results, best first, as ``(path, score)``; the scores
    are not used, only the order. A result is relevant when it forms a true pair with the query.
    The query itself and "ignored" results (e.g. a half of the query) are dropped from the list
    before scoring, as junk images are in the Oxford/Paris protocol. Queries with no relevant
    files in the truth are skipped (counted in ``queries_without_relevant``). With ``k``, only the
    first ``k`` results count (AP@k divides by min(k, |relevant|), nDCG@k uses the ideal top k).
    """
    partners: dict[str, set[str]] = {}
    for pair in truth.pairs:
        a, b = tuple(pair)
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)

    aps: list[float] = []
    ndcgs: list[float] = []
    p_at_1: list[float] = []
    skipped = 0
    for query, results in ranked.items():
        q = relative_to_root(query, root)
        relevant = partners.get(q, set())
        if not relevant:
            skipped += 1
            continue
        cleaned: list[str] = []
        seen: set[str] = set()
        for path, _score in results:
            r = relative_to_root(path, root)
            if r == q or r in seen or _pair(q, r) in truth.ignored:
                continue
            seen.add(r)
            cleaned.append(r)
        if k is not None:
            cleaned = cleaned[:k]
        relevance = [r in relevant for r in cleaned]
        n_rel = len(relevant) if k is None else min(len(relevant), k)
        aps.append(_average_precision(relevance, n_rel))
        ndcgs.append(_ndcg(relevance, n_rel))
        p_at_1.append(1.0 if relevance and relevance[0] else 0.0)

    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    return {
        "mAP": mean(aps),
        "nDCG": mean(ndcgs),
        "precision_at_1": mean(p_at_1),
        "queries": len(aps),
        "queries_without_relevant": skipped,
        "k": k,
    }


def format_metrics(metrics: Mapping[str, Any]) -> str:
    """Render :func:`pair_metrics` (and optionally retrieval) output as a plain-text table."""
    lines: list[str] = []
    if "precision" in metrics:
        lines.append(
            f"pairs   precision {metrics['precision']:.3f}   recall {metrics['recall']:.3f}"
            f"   F1 {metrics['f1']:.3f}"
        )
        lines.append(
            f"        tp {metrics['tp']}   fp {metrics['fp']}   fn {metrics['fn']}"
            f"   (true pairs {metrics['true_pairs']}, predicted pairs {metrics['predicted_pairs']})"
        )
        lines.append(
            f"groups  predicted {metrics['predicted_groups']}   true {metrics['true_groups']}"
            f"   complete {metrics['complete_groups']}"
        )
        if metrics.get("recall_original_pairs") is not None:
            lines.append(f"recall of original-vs-variant pairs only: {metrics['recall_original_pairs']:.3f}")
        hn = metrics.get("hard_negative_grouped", {})
        if hn.get("total"):
            lines.append(
                f"hard negatives grouped together: {hn['count']} / {hn['total']} ({hn['fraction']:.1%})"
            )
        if metrics.get("ignored_pairs_grouped"):
            lines.append(
                f"don't-care pairs grouped (half with its photo): {metrics['ignored_pairs_grouped']}"
            )
        if metrics.get("unknown_files"):
            lines.append(
                f"WARNING: {metrics['unknown_files']} reported files are not in the truth (wrong root?)"
            )
        by_kind = metrics.get("recall_by_kind", {})
        if by_kind:
            width = max(len(k) for k in by_kind)
            lines.append("")
            lines.append(f"{'kind':<{width}}  {'found':>6}  {'total':>6}  recall")
            for kind, entry in by_kind.items():
                lines.append(
                    f"{kind:<{width}}  {entry['tp']:>6}  {entry['total']:>6}  {entry['recall']:6.1%}"
                )
        for key, title in (("false_positives", "false positives"), ("false_negatives", "false negatives")):
            rows = metrics.get(key) or []
            if rows:
                lines.append("")
                lines.append(f"some {title}:")
                for row in rows:
                    extra = row.get("kind") or "/".join(row.get("kinds", []))
                    lines.append(f"  {row['a']}  <->  {row['b']}  [{extra}]")
    if "mAP" in metrics:
        if lines:
            lines.append("")
        suffix = f"@{metrics['k']}" if metrics.get("k") else ""
        lines.append(
            f"retrieval  mAP{suffix} {metrics['mAP']:.3f}   nDCG{suffix} {metrics['nDCG']:.3f}"
            f"   P@1 {metrics['precision_at_1']:.3f}   queries {metrics['queries']}"
            f" (skipped {metrics['queries_without_relevant']})"
        )
    return "\n".join(lines)


def evaluate_report(
    truth_path: str | os.PathLike[str],
    report: str | os.PathLike[str] | Mapping[str, Any],
    root: str | os.PathLike[str],
) -> dict[str, Any]:
    """Convenience: load both files and return :func:`pair_metrics` (absolute truth paths
    match absolute report paths as they are, see :func:`.truth.rebased`)."""
    return pair_metrics(rebased(load_truth(Path(truth_path)), root), load_report_groups(report), root)


def ranked_from_report(
    report: str | os.PathLike[str] | Mapping[str, Any],
) -> dict[str, list[tuple[str, float]]]:
    """Ranked result lists implied by a report's groups, for :func:`retrieval_metrics`.

    Each member of a group queries the rest of its group. The reference's results are the members
    by their similarity to it; another member's results are the reference first, then the others
    by their similarity to the reference (the report stores similarities to the reference only).
    Files outside every group rank nothing, which counts against recall-sensitive mAP as it should.
    """
    ranked: dict[str, list[tuple[str, float]]] = {}
    for group in report_groups(report):  # a dict, or a JSON, JSON-lines or Parquet report
        members = [(m["path"], float(m.get("similarity", 0.0))) for m in group.get("members", [])]
        if not members:
            continue
        ref = members[0]
        by_sim = sorted(members[1:], key=lambda m: -m[1])
        ranked[ref[0]] = by_sim
        for path, sim in members[1:]:
            ranked[path] = [(ref[0], sim)] + [m for m in by_sim if m[0] != path]
    return ranked
