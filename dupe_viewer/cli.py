"""Command line: ``dupe-viewer scan|models|query|eval ...``; with no subcommand, the window.

``dupe-viewer`` alone opens the review window; ``dupe-viewer PATH...`` opens it and scans those
folders. Expected problems (bad arguments, missing folders, no model) end with a one-line message
and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import os
import sys
import time
from collections.abc import Sequence

from . import __version__

SUBCOMMANDS = ("scan", "models", "query", "eval")


class UsageError(Exception):
    """Arguments that cannot work; exit status 2."""


def _prog_error(msg: str, code: int = 2) -> int:
    print(f"dupe-viewer: error: {msg}", file=sys.stderr)
    return code


# -- progress on stderr -------------------------------------------------------------------------
class ProgressPrinter:
    """A one-line progress bar on a terminal; a line per phase (and every few seconds) otherwise."""

    def __init__(self, stream=sys.stderr, quiet: bool = False) -> None:
        self.stream = stream
        self.quiet = quiet
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.phase = None
        self.last_line = 0.0
        self.phase_start = time.monotonic()

    def update(self, phase: str, done: int, total: int) -> None:
        if self.quiet:
            return
        now = time.monotonic()
        if phase != self.phase:
            if self.tty and self.phase is not None:
                self.stream.write("\n")
            # Off a terminal, a phase gets a line when it ends (or every 5 s while it runs).
            self.phase, self.phase_start, self.last_line = phase, now, now
        if self.tty:
            if total:
                width = 30
                filled = int(width * done / max(total, 1))
                rate = done / max(now - self.phase_start, 1e-6)
                eta = (total - done) / rate if rate > 0 and done else 0
                bar = "#" * filled + "-" * (width - filled)
                line = f"\r{phase:<24} [{bar}] {done}/{total}" + (
                    f"  {rate:.0f}/s  ~{eta:.0f}s left" if done else ""
                )
            else:
                line = f"\r{phase:<24} {done}"
            self.stream.write(line.ljust(90)[:110])
            self.stream.flush()
        elif now - self.last_line >= 5.0 or (total and done == total):
            self.stream.write(f"{phase}: {done}/{total or '?'}\n")
            self.last_line = now

    def close(self) -> None:
        if self.tty and self.phase is not None and not self.quiet:
            self.stream.write("\n")
        self.phase = None


# -- scan ---------------------------------------------------------------------------------------
def _add_scan_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scan", help="scan folders and write a report of duplicate groups")
    p.add_argument("paths", nargs="+", metavar="PATH", help="folders (or files) to scan")
    p.add_argument("--report", metavar="OUT.json", help="write the JSON report here")
    p.add_argument("--csv", metavar="OUT.csv", help="also write the groups as CSV")
    p.add_argument(
        "--threshold",
        type=float,
        metavar="T",
        help="minimum hash similarity 0-1 for a duplicate (default %(default)s)",
    )
    p.add_argument("--deep-threshold", type=float, metavar="T", help="minimum deep similarity 0-1")
    deep = p.add_mutually_exclusive_group()
    deep.add_argument(
        "--deep", action="store_true", help="use deep similarity (fails if no model is installed)"
    )
    deep.add_argument("--no-deep", action="store_true", help="hashes only, even if a model is installed")
    p.add_argument("--model", help="model id for deep similarity (default: the installed default)")
    p.add_argument("--no-cache", action="store_true", help="neither read nor write the feature cache")
    p.add_argument(
        "--include", action="append", default=[], metavar="GLOB", help="only files matching (repeatable)"
    )
    p.add_argument(
        "--exclude", action="append", default=[], metavar="GLOB", help="skip files/folders matching"
    )
    p.add_argument("--hidden", action="store_true", help="include hidden files and folders")
    p.add_argument("--no-recursive", action="store_true", help="do not descend into subfolders")
    p.add_argument("--no-follow-links", action="store_true", help="do not follow symbolic links")
    p.add_argument(
        "--protect",
        action="append",
        default=[],
        metavar="FOLDER",
        help="files under FOLDER are always kept (repeatable)",
    )
    p.add_argument("--workers", type=int, default=0, help="worker processes (default: one per core)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")


def run_scan_command(args: argparse.Namespace) -> int:
    from .core.discovery import DiscoveryOptions
    from .core.errors import DupeViewerError
    from .core.report import write_csv, write_json
    from .core.scan import Cancelled, ErrorFound, Finished, Progress, scan
    from .core.settings import ScanOptions

    for path in args.paths:
        if not os.path.exists(path):
            raise UsageError(f"no such file or folder: {path}")
    for label, value in (("--threshold", args.threshold), ("--deep-threshold", args.deep_threshold)):
        if value is not None and not 0.0 <= value <= 1.0:
            raise UsageError(f"{label} must be between 0 and 1, not {value}")
    for out in (args.report, args.csv):
        if out:
            parent = os.path.dirname(os.path.abspath(out))
            if not os.path.isdir(parent):
                raise UsageError(f"cannot write {out}: folder {parent} does not exist")
    if args.workers < 0:
        raise UsageError("--workers must be 0 (all cores) or more")

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
    )
    if args.threshold is not None:
        opts.threshold = args.threshold
        opts.min_threshold = min(opts.min_threshold, args.threshold)

    from .core.deep import DeepUnavailable, resolve

    try:
        resolve(opts.deep, opts.model, opts.deep_threshold)  # fail before scanning, not after
    except DeepUnavailable as exc:
        raise UsageError(str(exc)) from None
    printer = ProgressPrinter(quiet=args.quiet)
    result = None
    gen = scan(args.paths, opts)
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
        gen.close()
        printer.close()
        print("dupe-viewer: cancelled", file=sys.stderr)
        return 130
    except DupeViewerError as exc:
        printer.close()
        return _prog_error(str(exc), 1)
    printer.close()
    if result is None:
        return _prog_error("scan cancelled", 1)
    for w in result.warnings:
        print(f"dupe-viewer: warning: {w}", file=sys.stderr)
    try:
        if args.report:
            write_json(result, args.report)
        if args.csv:
            write_csv(result, args.csv)
    except OSError as exc:
        return _prog_error(f"cannot write the report: {exc}", 1)
    s = result.stats
    dupes = sum(len(g.members) - 1 for g in result.groups)
    if not args.quiet:
        print(
            f"{s.files} files ({s.from_cache} from cache, {s.decoded} decoded), {len(result.groups)} groups, "
            f"{dupes} duplicates, {s.errors} errors, {s.seconds:.1f} s",
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


# -- entry points -------------------------------------------------------------------------------
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dupe-viewer",
        description="Find exact and near-duplicate images. Without a subcommand, opens the window "
        "(optionally scanning the PATHs given).",
    )
    parser.add_argument("--version", action="version", version=f"dupe-viewer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{scan,models,query,eval}")
    _add_scan_parser(sub)
    for extra in _optional_parsers():
        extra(sub)
    return parser


def _optional_parsers():
    """Subcommands that live in other modules (added as those features exist)."""
    out = []
    try:
        from .cli_models import add_models_parser

        out.append(add_models_parser)
    except ImportError:
        pass
    try:
        from .cli_query import add_query_parser

        out.append(add_query_parser)
    except ImportError:
        pass
    try:
        from .cli_eval import add_eval_parser

        out.append(add_eval_parser)
    except ImportError:
        pass
    return out


def _dispatch(args: argparse.Namespace) -> int:
    if args.command == "scan":
        return run_scan_command(args)
    if args.command == "models":
        from .cli_models import run_models

        return run_models(args)
    if args.command == "query":
        from .cli_query import run_query

        return run_query(args)
    if args.command == "eval":
        from .cli_eval import run_eval

        return run_eval(args)
    raise UsageError(f"unknown command {args.command}")


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # frozen (PyInstaller) builds start workers through main
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="dupe-viewer: %(levelname)s: %(message)s")
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
        return gui_main(argv)
    # File names that are not valid UTF-8 (surrogate-escaped on POSIX) are printed as the bytes
    # they are on disk, as in the CSV report, instead of crashing a strict UTF-8 stdout.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="surrogateescape" if os.name == "posix" else "backslashreplace")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return _dispatch(args)
    except UsageError as exc:
        return _prog_error(str(exc), 2)


def gui_main(paths: Sequence[str] | None = None) -> int:
    """Open the review window (scanning ``paths`` at once when given)."""
    multiprocessing.freeze_support()
    if paths is None:
        paths = sys.argv[1:]
    try:
        from .gui.app import run_app
    except ImportError as exc:
        if "dupe_viewer.gui" in str(exc) or "gui.app" in str(exc):
            return _prog_error(
                "the review window is not part of this build yet; use `dupe-viewer scan PATH`",
                2,
            )
        return _prog_error(f"cannot start the window: {exc}", 1)
    return run_app(list(paths))


if __name__ == "__main__":
    sys.exit(main())
