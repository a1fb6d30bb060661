"""``dupe-viewer query IMAGE --in PATH...``: list the indexed images most similar to IMAGE."""

from __future__ import annotations

import argparse
import json
import os
import sys

from .common import ProgressPrinter, UsageError
from .shell import complete_as


def add_parser(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("query", help="list the images under PATH most similar to IMAGE")
    complete_as(p.add_argument("image", metavar="IMAGE", help="the image to look for"), "file")
    complete_as(
        p.add_argument(
            "--in", dest="roots", nargs="+", required=True, metavar="PATH", help="folders to search"
        ),
        "dir",
    )
    p.add_argument("--top", type=int, default=10, metavar="N", help="how many results (default: %(default)s)")
    p.add_argument(
        "--min-score",
        type=float,
        default=0.5,
        metavar="S",
        help="hide results below this score 0-1 (default: %(default)s)",
    )
    deep = p.add_mutually_exclusive_group()
    deep.add_argument("--deep", action="store_true", help="require deep similarity")
    deep.add_argument("--no-deep", action="store_true", help="hashes only")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the feature cache")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from ..core import DupeViewerError, Progress, ScanOptions
    from ..core.deep.stage import DeepUnavailable
    from ..core.query import query

    if not os.path.isfile(args.image):
        raise UsageError(f"no such image file: {args.image}")
    for root in args.roots:
        if not os.path.exists(root):
            raise UsageError(f"no such file or folder: {root}")
    if args.top < 1:
        raise UsageError("--top must be at least 1")
    opts = ScanOptions(
        deep=True if args.deep else (False if args.no_deep else None), use_cache=not args.no_cache
    )
    printer = ProgressPrinter(quiet=args.json)

    def on_event(ev: object) -> None:
        if isinstance(ev, Progress):
            printer.update(ev.phase.value, ev.done, ev.total)

    try:
        hits, result = query(
            args.image, args.roots, opts, top=args.top, min_score=args.min_score, on_event=on_event
        )
    except DeepUnavailable as exc:
        raise UsageError(str(exc)) from None
    except DupeViewerError as exc:
        printer.close()
        print(f"dupe-viewer: error: {exc}", file=sys.stderr)
        return 1
    printer.close()
    if args.json:
        print(
            json.dumps(
                {
                    "query": os.path.abspath(args.image),
                    "deep": result.deep,
                    "results": [h.__dict__ for h in hits],
                },
                indent=1,
            )
        )
        return 0
    if not result.deep.get("enabled"):
        print(f"(deep similarity off: {result.deep.get('reason')})", file=sys.stderr)
    if not hits:
        print("no similar images found")
    for h in hits:
        deep = f"{h.deep_similarity:.3f}" if h.deep_similarity is not None else "  -  "
        print(f"{h.score:.3f}  {h.kind:<8} hash {h.hash_similarity:.3f}  deep {deep}  {h.path}")
    return 0
