"""``dupe-viewer scan PATH...``: scan folders and write a report of duplicate groups.

The report goes to a file, or to stdout with ``--report -`` or ``--json`` (the summary and the
progress stay on stderr, so ``dupe-viewer scan DIR --json | jq`` reads only the report).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading

from ..core.options import DEFAULT_THRESHOLD
from . import scan_modes
from .common import ProgressPrinter, UsageError, prog_error
from .shell import complete_as

#: The report file name that means stdout.
STDOUT = "-"


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scan", help="scan folders and write a report of duplicate groups")
    complete_as(p.add_argument("paths", nargs="*", metavar="PATH", help="folders (or files) to scan"), "file")
    out = p.add_mutually_exclusive_group()
    complete_as(
        out.add_argument(
            "--report",
            metavar="OUT.json",
            help="write the report here, in the format its extension names: .json, .jsonl (JSON "
            "lines), .parquet (needs pyarrow) or .csv; '-' writes it to stdout "
            "(default: no report, the groups are listed on stdout)",
        ),
        "file",
    )
    p.add_argument(
        "--format",
        choices=("json", "jsonl", "parquet", "csv"),
        help="the report's format (default: the --report file's extension; JSON for '-')",
    )
    out.add_argument("--json", action="store_true", help="write the JSON report to stdout (as --report -)")
    complete_as(
        p.add_argument(
            "--csv", metavar="OUT.csv", help="also write the groups as CSV, '-' to stdout (default: no CSV)"
        ),
        "file",
    )
    p.add_argument(
        "--threshold",
        type=float,
        metavar="T",
        help=f"minimum hash similarity 0-1 for a duplicate (default: {DEFAULT_THRESHOLD})",
    )
    p.add_argument(
        "--deep-threshold",
        type=float,
        metavar="T",
        help="minimum deep similarity 0-1 (default: the model's recommendation)",
    )
    deep = p.add_mutually_exclusive_group()
    deep.add_argument(
        "--deep", action="store_true", help="use deep similarity (fails if no model is installed)"
    )
    deep.add_argument("--no-deep", action="store_true", help="hashes only, even if a model is installed")
    p.add_argument(
        "--model",
        metavar="ID",
        help="model id for deep similarity (default: the model in use, see `dupe-viewer models list`)",
    )
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the feature cache")
    p.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="GLOB",
        help="only files matching (repeatable; default: every image file)",
    )
    p.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip files/folders matching (repeatable; default: none)",
    )
    p.add_argument("--hidden", action="store_true", help="include hidden files and folders")
    p.add_argument("--no-recursive", action="store_true", help="do not descend into subfolders")
    p.add_argument("--no-follow-links", action="store_true", help="do not follow symbolic links")
    complete_as(
        p.add_argument(
            "--protect",
            action="append",
            default=[],
            metavar="FOLDER",
            help="files under FOLDER are always kept (repeatable; default: none)",
        ),
        "dir",
    )
    p.add_argument(
        "--workers", type=int, default=0, metavar="N", help="worker processes (default: 0, one per core)"
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    scan_modes.add_arguments(p)  # --dask, --store, --cross/--against, --device
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..core import (
        Cancelled,
        DiscoveryOptions,
        DupeViewerError,
        ErrorFound,
        Finished,
        Progress,
        ScanOptions,
        scan,
    )
    from ..core.deep.stage import DeepUnavailable, resolve
    from ..core.files.formats import skipped_summary
    from ..core.files.remote import RemoteUnavailable, check_available, is_url
    from ..core.options import MIN_THRESHOLD

    args.paths = scan_modes.paths(args)
    for path in args.paths:
        if is_url(path):  # fsspec objects are read by cluster workers (core.cluster.scan) only
            if not args.dask:
                raise UsageError(
                    f"{path}: URLs (s3://, gs://, file://...) are scanned on a cluster: "
                    "add --dask local (or --dask ADDRESS), or give local paths"
                )
            try:
                check_available(path)
            except RemoteUnavailable as exc:
                raise UsageError(str(exc)) from None
        elif not os.path.exists(path):
            raise UsageError(f"no such file or folder: {path}")
    for label, value in (("--threshold", args.threshold), ("--deep-threshold", args.deep_threshold)):
        if value is not None and not 0.0 <= value <= 1.0:
            raise UsageError(f"{label} must be between 0 and 1, not {value}")
    if args.json:
        args.report = STDOUT
    if args.report == STDOUT and args.csv == STDOUT:
        raise UsageError("only one of --report and --csv can write to stdout ('-')")
    for out in (args.report, args.csv):
        if out and out != STDOUT:
            parent = os.path.dirname(os.path.abspath(out))
            if not os.path.isdir(parent):
                raise UsageError(f"cannot write {out}: folder {parent} does not exist")
    if args.workers < 0:
        raise UsageError("--workers must be 0 (all cores) or more")
    if args.format and not args.report:
        raise UsageError("--format is the format of --report: give --report too")
    fmt = _report_format(args) if args.report else None

    # A looser threshold than the slider's floor also lowers the floor: its pairs must be kept.
    thresholds = (
        {}
        if args.threshold is None
        else {"threshold": args.threshold, "min_threshold": min(MIN_THRESHOLD, args.threshold)}
    )
    opts = ScanOptions(
        discovery=DiscoveryOptions(
            include=args.include,
            exclude=args.exclude,
            include_hidden=args.hidden,
            recursive=not args.no_recursive,
            follow_symlinks=not args.no_follow_links,
        ),
        deep=True if args.deep else (False if args.no_deep else None),
        deep_threshold=args.deep_threshold,
        model=args.model,
        use_cache=not args.no_cache,
        workers=args.workers,
        protected=tuple(os.path.abspath(p) for p in args.protect),
        **thresholds,
    )

    try:
        resolve(opts.deep, opts.model, opts.deep_threshold)  # fail before scanning, not after
    except DeepUnavailable as exc:
        raise UsageError(str(exc)) from None
    printer = ProgressPrinter(quiet=args.quiet)
    result = None
    # Ctrl-C sets this before the scan is closed, so every phase (content hashing of big files
    # included) stops within a second instead of finishing its current work first.
    cancel = threading.Event()
    gen = scan_modes.start(args, opts, cancel, scan)  # on this machine, or on a cluster (--dask)
    try:
        for event in gen:
            if isinstance(event, Progress):
                printer.update(event.phase.value, event.done, event.total)
            elif isinstance(event, Finished):
                result = event.result
            elif isinstance(event, Cancelled):
                break
            elif isinstance(event, ErrorFound):
                pass
    except KeyboardInterrupt:
        cancel.set()
        gen.close()
        printer.close()
        print("dupe-viewer: cancelled", file=sys.stderr)
        return 130
    except DupeViewerError as exc:
        printer.close()
        return prog_error(str(exc), 1)
    printer.close()
    if result is None:
        return prog_error("scan cancelled", 1)
    result = scan_modes.finish(args, result)  # --cross: only the pairs between the two sets
    for w in result.warnings:
        print(f"dupe-viewer: warning: {w}", file=sys.stderr)
    try:
        if args.report:
            from ..core.act.report_stream import write_report

            # Parquet is binary: to stdout it goes to the byte stream under the text one.
            stdout = sys.stdout.buffer if fmt == "parquet" else sys.stdout
            write_report(result, stdout if args.report == STDOUT else args.report, fmt)
        if args.csv:
            from ..core.act.report import write_csv

            write_csv(result, sys.stdout if args.csv == STDOUT else args.csv)
    except BrokenPipeError:
        raise  # stdout's reader has gone: main() ends quietly
    except OSError as exc:
        return prog_error(f"cannot write the report: {exc}", 1)
    s = result.stats
    dupes = sum(len(g.members) - 1 for g in result.groups)
    if not args.quiet:
        print(
            f"{s.files} files ({s.from_cache} from cache, {s.decoded} decoded), {len(result.groups)} groups, "
            f"{dupes} duplicates, {s.errors} errors, {s.seconds:.1f} s",
            file=sys.stderr,
        )
        if result.skipped:
            print(skipped_summary(result.skipped), file=sys.stderr)
        remote = sum(is_url(result.records[m.index].path) for g in result.groups for m in g.members)
        if remote:
            print(
                f"{remote} group members are remote objects: report only, nothing can be moved or trashed",
                file=sys.stderr,
            )
    if not args.report and not args.csv:
        # No output file asked for: print the groups, one line per file.
        for g in result.groups:
            print(f"group {g.id} ({g.kind})")
            for m in g.members:
                mark = "keep" if m.index == g.keep else f"{m.similarity:.2f} {m.kind}"
                print(f"  {mark:>14}  {result.records[m.index].path}")
    return 0


def _report_format(args: argparse.Namespace) -> str:
    """The format of ``--report`` (imported only then: printing the groups needs no writer). An
    unknown extension, or Parquet without pyarrow, fails before scanning, not after."""
    from ..core.act.report_stream import ReportFormatError, pyarrow_modules, report_format

    try:
        fmt = report_format(args.report, args.format)
        if fmt == "parquet":
            pyarrow_modules()
    except ReportFormatError as exc:
        raise UsageError(str(exc)) from None
    return fmt
