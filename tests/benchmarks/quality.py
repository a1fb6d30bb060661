"""Score a duplicate scan of a generated corpus against its truth.json.

    python tests/benchmarks/quality.py CORPUS_DIR [--report R.json] [--truth T.json] [--out DIR]
                                       [--no-deep] [--examples N] [-- extra scan args]

Without ``--report`` it runs ``python -m dupe_viewer scan CORPUS_DIR --report <out>/report.json
--no-cache [--no-deep] [extra scan args]`` first (``--no-cache`` so that a warm cache from an
earlier run cannot hide a regression in feature extraction). Then it prints precision / recall /
F1 over duplicate pairs, recall per variant kind, how many hard-negative pairs (two halves of
one photo) were grouped, and the decision: keeper accuracy and pre-marked precision
(:mod:`dupe_viewer.evaluation.decisions`); the same numbers go to ``<report>.metrics.json``.

The truth defaults to ``CORPUS_DIR/truth.json``; any format accepted by
``dupe_viewer.evaluation.load_truth`` works (e.g. imagededup's ``{file: [duplicates]}``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
# Run as a script from anywhere: make the in-repo package importable without installing it.
sys.path.insert(0, str(REPO))

from dupe_viewer.evaluation import (
    DEFAULT_EXAMPLES,
    format_metrics,
    load_report_groups,
    load_truth,
    pair_metrics,
)
from dupe_viewer.evaluation.decisions import decision_metrics, format_decisions


def run_scan(corpus: Path, report: Path, no_deep: bool, extra: list[str]) -> float:
    """Run the CLI scan; return wall-clock seconds. Exits if it produced no report."""
    cmd = [sys.executable, "-m", "dupe_viewer", "scan", str(corpus), "--report", str(report), "--no-cache"]
    if no_deep:
        cmd.append("--no-deep")
    cmd += extra
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH", "")) if p)
    print("running:", " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=REPO, env=env, check=False)
    seconds = time.perf_counter() - t0
    # A CLI may use a non-zero exit code to say "duplicates found"; only a missing report is fatal.
    if not report.is_file():
        raise SystemExit(f"scan exited with code {proc.returncode} and wrote no report at {report}")
    if proc.returncode != 0:
        print(f"note: scan exited with code {proc.returncode}", file=sys.stderr)
    return seconds


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # Everything after "--" goes to the scan untouched (argparse would try to parse it).
    extra: list[str] = []
    if "--" in argv:
        cut = argv.index("--")
        argv, extra = argv[:cut], argv[cut + 1 :]

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="corpus folder (as made by make_corpus.py)")
    ap.add_argument("--report", type=Path, help="score this existing report instead of scanning")
    ap.add_argument("--truth", type=Path, help="ground truth (default CORPUS/truth.json)")
    ap.add_argument("--out", type=Path, help="where to write report.json (default: a new temp folder)")
    ap.add_argument("--no-deep", action="store_true", help="pass --no-deep to the scan (hashes only)")
    ap.add_argument(
        "--examples", type=int, default=DEFAULT_EXAMPLES, help="false positives/negatives to list"
    )
    args = ap.parse_args(argv)

    corpus = Path(os.path.abspath(args.corpus))
    truth_path = args.truth or corpus / "truth.json"
    if not truth_path.is_file():
        raise SystemExit(f"no ground truth at {truth_path}")
    truth = load_truth(truth_path)

    wall: float | None = None
    if args.report is not None:
        report = args.report
        if extra or args.no_deep:
            print("note: --report given, so scan options are ignored", file=sys.stderr)
    else:
        out = args.out or Path(tempfile.mkdtemp(prefix="dupe_viewer_quality_"))
        out.mkdir(parents=True, exist_ok=True)
        report = out / "report.json"
        wall = run_scan(corpus, report, args.no_deep, extra)

    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    metrics = pair_metrics(truth, load_report_groups(data), corpus, examples=args.examples)
    metrics["decisions"] = decision_metrics(truth, data, corpus)
    metrics["corpus"] = str(corpus)
    metrics["report"] = str(report)
    metrics["scan_stats"] = data.get("stats", {})
    metrics["scan_settings"] = data.get("settings", {})
    metrics["scan_errors"] = len(data.get("errors", []))
    if wall is not None:
        metrics["scan_wall_seconds"] = round(wall, 2)

    stats = metrics["scan_stats"]
    print(f"\ncorpus {corpus}\nreport {report}")
    if stats:
        print(
            "scan   "
            + "   ".join(
                f"{k} {stats[k]}"
                for k in ("files", "decoded", "from_cache", "errors", "seconds")
                if k in stats
            )
        )
    for err in data.get("errors", [])[:5]:
        print(f"  error: {err.get('path')}: {err.get('error')}")
    print()
    print(format_metrics(metrics))
    print()
    print(format_decisions(metrics["decisions"]))

    metrics_path = report.with_name(report.stem + ".metrics.json")
    metrics_path.write_text(json.dumps(metrics, indent=1), encoding="utf-8")
    print(f"\nmetrics written to {metrics_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
