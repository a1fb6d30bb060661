"""Command line: ``dupe-viewer scan|models|query|eval ...``; with no subcommand, the window.

``dupe-viewer`` alone opens the review window; ``dupe-viewer PATH...`` opens it and scans those
folders. Expected problems (bad arguments, missing folders, no model) end with a one-line message
and a non-zero exit, never a traceback.

Each subcommand is a module of this package with ``add_parser(subparsers)``, which registers its
``run(args)`` with ``set_defaults(func=...)``; subcommands import only :mod:`.common` and the
engine, and the engine only when they run.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import multiprocessing
import os
import sys
from collections.abc import Sequence

from .. import __version__
from . import eval as eval_command
from . import models, query, scan
from .common import UsageError, prog_error

#: The subcommands, in the order ``--help`` lists them.
COMMANDS = (scan, models, query, eval_command)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dupe-viewer",
        description="Find exact and near-duplicate images. Without a subcommand, opens the window "
        "(optionally scanning the PATHs given).",
    )
    parser.add_argument("--version", action="version", version=f"dupe-viewer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="{scan,models,query,eval}")
    for command in COMMANDS:
        command.add_parser(sub)
    return parser


def subcommand_names(parser: argparse.ArgumentParser | None = None) -> tuple[str, ...]:
    """The names ``build_parser`` registers (what the first argument must be to not open the
    window)."""
    parser = parser or build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return tuple(action.choices)
    return ()


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # frozen (PyInstaller) builds start workers through main
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="dupe-viewer: %(levelname)s: %(message)s")
    parser = build_parser()
    if not argv or (argv[0] not in subcommand_names(parser) and not argv[0].startswith("-")):
        return gui_main(argv)
    # File names that are not valid UTF-8 (surrogate-escaped on POSIX) are printed as the bytes
    # they are on disk, as in the CSV report, instead of crashing a strict UTF-8 stdout.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="surrogateescape" if os.name == "posix" else "backslashreplace")
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        return args.func(args)
    except UsageError as exc:
        return prog_error(str(exc), 2)


def gui_main(paths: Sequence[str] | None = None) -> int:
    """Open the review window (scanning ``paths`` at once when given)."""
    multiprocessing.freeze_support()
    if paths is None:
        paths = sys.argv[1:]
    from ..gui.preflight import display_problem  # Qt-free: runs before Qt can abort the process

    problem = display_problem()
    if problem is not None:
        return prog_error(f"cannot start the window: {problem}", 1)
    try:
        from ..gui.app import run_app
    except ImportError as exc:  # e.g. Qt's system libraries are missing
        return prog_error(f"cannot start the window: {exc}", 1)
    return run_app(list(paths))
