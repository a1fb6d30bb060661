"""Score duplicate-finder output against ground truth.

Everything here works on *pairs*: two files are a true pair when the ground truth says they show the
same photo, and a predicted pair when the engine put them in the same group. Pair metrics are the
usual way near-duplicate detectors are compared (imagededup, the Copydays/INRIA protocols), and
unlike "groups exactly right" they give partial credit for a group that is missing one member.

Three ground-truth formats are accepted (see :func:`load_truth`):

a. our generator's ``truth.json`` (``tests/benchmarks/make_corpus.py``), which also records the
   variant kind of every file and *hard negatives* (left/right halves of one photo, which must not
   be grouped with each other);
b. imagededup's mapping ``{file: [duplicate files, ...]}``;
c. a plain ``{"groups": [[file, ...], ...]}``.

Truth paths are relative to a corpus root; report paths are absolute, so they are made relative to
that root before comparing. This module is engine-side: pure Python and numpy, no Qt.
"""

from __future__ import annotations

import itertools
import json
import math
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Pair = frozenset[str]

#: Kind given to a pair of two variants of the same base (neither of them the original).
VARIANT_VARIANT = "variant-variant"
#: Kind of files that are crops (halves) of a base: neither duplicates nor non-duplicates of it.
HALF = "half"
#: Kind of pairs whose truth format says nothing about how they were made.
UNKNOWN_KIND = "unknown"

#: How many false positives / negatives :func:`pair_metrics` lists for debugging.
DEFAULT_EXAMPLES = 10


def norm_path(path: str | os.PathLike[str]) -> str:
    """Normalise a path for comparison (separators, ``..``, case on case-insensitive systems)."""
    return os.path.normcase(os.path.normpath(os.fspath(path)))


def _pair(a: str, b: str) -> Pair:
    return frozenset((a, b))


@dataclass
class Truth:
    """Ground truth normalised to pairs.

    ``pairs`` are the true duplicate pairs. ``ignored`` pairs are neither right nor wrong when
    predicted (a half and the photo it was cut from: it *is* a crop, but we do not require it to be
    found). ``hard_negatives`` are pairs that look related but must not be grouped; they are not in
    ``pairs``, so grouping them already counts as a false positive, and :func:`pair_metrics` also
    reports them separately. All paths are normalised with :func:`norm_path` and relative to the
    corpus root.
    """

    pairs: set[Pair] = field(default_factory=set)
    pair_kind: dict[Pair, str] = field(default_factory=dict)
    hard_negatives: set[Pair] = field(default_factory=set)
    ignored: set[Pair] = field(default_factory=set)
    #: Every file the truth knows about (group members, distractors, halves).
    files: set[str] = field(default_factory=set)
    #: Variant kind per file, when the format records it ("original", "rot90", "half", ...).
    file_kind: dict[str, str] = field(default_factory=dict)
    #: The duplicate groups (halves excluded), for group-level statistics.
    groups: list[list[str]] = field(default_factory=list)
    source_format: str = ""

    def kind_of(self, pair: Pair) -> str:
        """The variant kind of a true pair, or :data:`UNKNOWN_KIND`."""
        return self.pair_kind.get(pair, UNKNOWN_KIND)


def _add_group(truth: Truth, members: Sequence[str]) -> None:
    """Record every pair within one group of duplicates (kind unknown unless set later)."""
    unique = sorted(set(members))
    truth.files.update(unique)
    if len(unique) > 1:
        truth.groups.append(unique)
    for a, b in itertools.combinations(unique, 2):
        truth.pairs.add(_pair(a, b))


def _truth_from_generator(data: Mapping[str, Any]) -> Truth:
    truth = Truth(source_format="dupe_viewer-truth")
    for group in data.get("groups", []):
        entries = [(norm_path(f["path"]), str(f.get("kind", UNKNOWN_KIND))) for f in group["files"]]
        for path, kind in entries:
            truth.files.add(path)
            truth.file_kind[path] = kind
        members = [p for p, k in entries if k != HALF]
        halves = [p for p, k in entries if k == HALF]
        _add_group(truth, members)
        kind = dict(entries)
        originals = {p for p in members if kind[p] == "original"}
        for a, b in itertools.combinations(sorted(set(members)), 2):
            if a in originals and b not in originals:
                truth.pair_kind[_pair(a, b)] = kind[b]
            elif b in originals and a not in originals:
                truth.pair_kind[_pair(a, b)] = kind[a]
            elif a in originals and b in originals:
                # Two files both marked original would be a generator bug; keep them paired anyway.
                truth.pair_kind[_pair(a, b)] = "original-original"
            else:
                truth.pair_kind[_pair(a, b)] = VARIANT_VARIANT
        # A half is a crop of its photo, so grouping it with the photo (or its variants) is not
        # wrong, but not required either. Half-half pairs are left out: they are hard negatives.
        for h in halves:
            for m in members:
                truth.ignored.add(_pair(h, m))
    for path in data.get("distractors", []):
        truth.files.add(norm_path(path))
        truth.file_kind.setdefault(norm_path(path), "distractor")
    for neg in data.get("hard_negatives", []):
        paths = [norm_path(p) for p in neg]
        truth.files.update(paths)
        for a, b in itertools.combinations(sorted(set(paths)), 2):
            truth.hard_negatives.add(_pair(a, b))
    # A pair cannot be both a positive and a negative; trust the positive (it is the stronger claim).
    truth.hard_negatives -= truth.pairs
    truth.ignored -= truth.pairs | truth.hard_negatives
    return truth


def _truth_from_plain_groups(groups: Iterable[Sequence[str]]) -> Truth:
    truth = Truth(source_format="groups")
    for group in groups:
        _add_group(truth, [norm_path(p) for p in group])
    return truth


def _truth_from_mapping(mapping: Mapping[str, Sequence[str]]) -> Truth:
    """imagededup's format: each file maps to its duplicates (usually symmetric, not required)."""
    truth = Truth(source_format="imagededup")
    # Union-find over the listed pairs so that groups come out whole even if the map is asymmetric.
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key, dups in mapping.items():
        a = norm_path(key)
        truth.files.add(a)
        find(a)
        for dup in dups:
            b = norm_path(dup)
            truth.files.add(b)
            if a != b:
                truth.pairs.add(_pair(a, b))
                parent[find(a)] = find(b)
    # Only the explicitly listed pairs are true pairs; groups are for statistics.
    clusters: dict[str, list[str]] = {}
    for f in sorted(truth.files):
        clusters.setdefault(find(f), []).append(f)
    truth.groups = [members for members in clusters.values() if len(members) > 1]
    return truth


def truth_from_data(data: Mapping[str, Any]) -> Truth:
    """Build a :class:`Truth` from an already parsed JSON object in any supported format."""
    if not isinstance(data, Mapping):
        raise ValueError("ground truth must be a JSON object")
    groups = data.get("groups")
    if isinstance(groups, list) and (
        "distractors" in data or "hard_negatives" in data or any(isinstance(g, Mapping) for g in groups)
    ):
        return _truth_from_generator(data)
    if isinstance(groups, list) and all(isinstance(g, list) for g in groups):
        return _truth_from_plain_groups(groups)
    if all(isinstance(v, list) for v in data.values()):
        return _truth_from_mapping(data)
    raise ValueError("unrecognised ground-truth format (expected truth.json, imagededup map or groups)")


def load_truth(path: str | os.PathLike[str]) -> Truth:
    """Read a ground-truth JSON file in any of the three supported formats.

    Formats: (a) our ``truth.json`` (``{"version": 1, "groups": [{"base": ..., "files": [{"path",
    "kind"}]}], "distractors": [...], "hard_negatives": [[left, right], ...]}``), (b) imagededup's
    ``{file: [duplicate, ...]}``, (c) ``{"groups": [[file, ...], ...]}``. Paths stay relative to
    the corpus root, normalised with :func:`norm_path`.
    """
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return truth_from_data(data)


def load_report_groups(report: str | os.PathLike[str] | Mapping[str, Any]) -> list[list[str]]:
    """Return the member paths of each group in an engine report (a path or the parsed dict)."""
    if isinstance(report, Mapping):
        data = report
    else:
        with open(report, encoding="utf-8") as fh:
            data = json.load(fh)
    return [[str(m["path"]) for m in g.get("members", [])] for g in data.get("groups", [])]


def relative_to_root(path: str, root: str | os.PathLike[str] | None) -> str:
    """Express a report path relative to the corpus root, normalised like truth paths.

    Relative paths are kept as they are. The root is tried both as given and with symlinks
    resolved, because the engine may report either form (e.g. macOS's /tmp -> /private/tmp).
    """
    if root is None or not os.path.isabs(path):
        return norm_path(path)
    root_str = os.fspath(root)
    candidates = [(os.path.abspath(path), os.path.abspath(root_str))]
    candidates.append((os.path.realpath(path), os.path.realpath(root_str)))
    for p, r in candidates:
        try:
            rel = os.path.relpath(p, r)
        except ValueError:  # different drives on Windows
            continue
        if not rel.startswith(os.pardir):
            return norm_path(rel)
    return norm_path(path)


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
    """Convenience: load both files and return :func:`pair_metrics`."""
    return pair_metrics(load_truth(Path(truth_path)), load_report_groups(report), root)


def ranked_from_report(
    report: str | os.PathLike[str] | Mapping[str, Any],
) -> dict[str, list[tuple[str, float]]]:
    """Ranked result lists implied by a report's groups, for :func:`retrieval_metrics`.

    Each member of a group queries the rest of its group. The reference's results are the members
    by their similarity to it; another member's results are the reference first, then the others
    by their similarity to the reference (the report stores similarities to the reference only).
    Files outside every group rank nothing, which counts against recall-sensitive mAP as it should.
    """
    if isinstance(report, Mapping):
        data = report
    else:
        with open(report, encoding="utf-8") as fh:
            data = json.load(fh)
    ranked: dict[str, list[tuple[str, float]]] = {}
    for group in data.get("groups", []):
        members = [(m["path"], float(m.get("similarity", 0.0))) for m in group.get("members", [])]
        if not members:
            continue
        ref = members[0]
        by_sim = sorted(members[1:], key=lambda m: -m[1])
        ranked[ref[0]] = by_sim
        for path, sim in members[1:]:
            ranked[path] = [(ref[0], sim)] + [m for m in by_sim if m[0] != path]
    return ranked
