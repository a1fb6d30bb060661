"""``dupe-viewer eval --truth TRUTH.json REPORT.json``: score a scan report against ground truth:
detection (pairs, retrieval) and the decision (keeper accuracy, pre-marked precision)."""

from __future__ import annotations

import argparse
import json
import os
from typing import Any

from .common import UsageError
from .shell import complete_as


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser(
        "eval",
        help="score a report against ground truth (pair precision/recall/F1, mAP, nDCG)",
        description="Ground truth may be our truth.json, imagededup's {file: [duplicates]} or "
        '{"groups": [[file, ...], ...]}; its relative paths are relative to --root (default: its '
        "folder); absolute paths, in it or in the report, match as they are.",
    )
    complete_as(
        p.add_argument(
            "report",
            metavar="REPORT.json",
            help="a report of `dupe-viewer scan --report` (.json, .jsonl or .parquet)",
        ),
        "file",
    )
    complete_as(
        p.add_argument("--truth", required=True, metavar="TRUTH.json", help="the ground truth (see above)"),
        "file",
    )
    complete_as(
        p.add_argument(
            "--root",
            metavar="DIR",
            help="folder the truth's relative paths are relative to (default: the truth file's folder)",
        ),
        "dir",
    )
    p.add_argument("--json", action="store_true", help="print the metrics as JSON")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from ..evaluation import (
        format_metrics,
        load_report_groups,
        load_truth,
        pair_metrics,
        rebased,
    )
    from ..evaluation.decisions import decision_metrics, format_decisions

    for label, path in (("truth", args.truth), ("report", args.report)):
        if not os.path.isfile(path):
            raise UsageError(f"no such {label} file: {path}")
    report: Any = args.report
    try:
        truth = load_truth(args.truth)
        if os.path.splitext(report)[1].lower() in ("", ".json"):
            with open(report, encoding="utf-8") as fh:
                report = json.load(fh)  # parsed once; JSON lines and Parquet are streamed per pass
        groups = load_report_groups(report)
        root = args.root or os.path.dirname(os.path.abspath(args.truth))
        truth = rebased(truth, root)  # absolute truth paths match absolute report paths as they are
        metrics = pair_metrics(truth, groups, root)
        retrieval = retrieval_metrics_for(truth, report, root)
        decisions = decision_metrics(truth, report, root)
    except (ValueError, KeyError, TypeError, OSError) as exc:
        raise UsageError(f"cannot read the input: {exc}") from None
    if args.json:
        print(json.dumps({**metrics, "retrieval": retrieval, "decisions": decisions}, indent=1, default=list))
    else:
        print(format_metrics(metrics))
        print(
            f"retrieval  mAP {retrieval['mAP']:.3f}   nDCG {retrieval['nDCG']:.3f}   "
            f"precision@1 {retrieval['precision_at_1']:.3f}   ({retrieval['queries']} queries)"
        )
        print(format_decisions(decisions))
    return 0


def retrieval_metrics_for(truth, report, root):
    from ..evaluation import ranked_from_report, retrieval_metrics

    ranked = ranked_from_report(report)
    # Every file the truth says has duplicates is a query, grouped or not.
    partners = {p for pair in truth.pairs for p in pair}
    queries = {os.path.join(root, p): [] for p in partners}
    queries.update({k: v for k, v in ranked.items()})
    return retrieval_metrics(truth, queries, root)
