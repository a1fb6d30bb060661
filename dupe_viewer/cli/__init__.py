"""Command line: ``dupe-viewer scan|models|query|eval ...``; with no subcommand, the window.

``dupe-viewer`` alone opens the review window; ``dupe-viewer PATH...`` opens it and scans those
folders. The first argument decides: a subcommand or an option is the command line, an existing
file or folder the window; anything else is a mistyped command, an error with a suggestion ("did
you mean scan?"), never a window. Expected problems (bad arguments, missing folders, no model)
end with a one-line message and a non-zero exit, never a traceback.

Each subcommand is a module of this package with ``add_parser(subparsers)``, which registers its
``run(args)`` with ``set_defaults(func=...)``; subcommands import only :mod:`.common` and the
engine, and the engine only when they run: ``--help`` imports no engine, numpy or scipy.

When stdout is a closed pipe (``dupe-viewer scan DIR | head -1``) the command ends quietly with
the status of a process killed by SIGPIPE (141), as other command-line tools do.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence

from .. import __version__
from .common import UsageError, prog_error


def build_parser() -> argparse.ArgumentParser:
    # Imported here: every worker process of a scan re-runs the main module (the console script,
    # which imports this package) before it starts, and needs none of the subcommands.
    from . import desktop, models, query, scan, shell
    from . import eval as eval_command

    parser = argparse.ArgumentParser(
        prog="dupe-viewer",
        description="Find exact and near-duplicate images. Without a subcommand, opens the window "
        "(optionally scanning the PATHs given).",
    )
    parser.add_argument("--version", action="version", version=f"dupe-viewer {__version__}")
    desktop.add_arguments(parser)  # --install-desktop, --uninstall-desktop: act and exit
    shell.add_arguments(parser)  # --print-completion, --print-man-page: print and exit
    sub = parser.add_subparsers(dest="command", metavar="{scan,models,query,eval}")
    for command in (scan, models, query, eval_command):  # the order --help lists them in
        command.add_parser(sub)
    return parser


def _freeze_support() -> None:
    """``multiprocessing.freeze_support()``, which acts only in a frozen build (PyInstaller's
    patched one on every platform); imported only there: elsewhere it does nothing, and importing
    multiprocessing (sockets, pickling) would cost every command, ``--help`` included."""
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()


def subcommand_names(parser: argparse.ArgumentParser | None = None) -> tuple[str, ...]:
    """The names ``build_parser`` registers (what the first argument must be to not open the
    window)."""
    parser = parser or build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return tuple(action.choices)
    return ()


def main(argv: Sequence[str] | None = None) -> int:
    _freeze_support()  # frozen (PyInstaller) builds start workers through main
    argv = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="dupe-viewer: %(levelname)s: %(message)s")
    parser = build_parser()
    names = subcommand_names(parser)
    if not argv or (argv[0] not in names and not argv[0].startswith("-") and os.path.lexists(argv[0])):
        return gui_main(argv)
    if argv[0] not in names and not argv[0].startswith("-"):
        return prog_error(unknown_command(argv[0], names), 2)
    # File names that are not valid UTF-8 (surrogate-escaped on POSIX) are printed as the bytes
    # they are on disk, as in the CSV report, instead of crashing a strict UTF-8 stdout.
    with contextlib.suppress(AttributeError, ValueError):
        sys.stdout.reconfigure(errors="surrogateescape" if os.name == "posix" else "backslashreplace")
    try:
        try:
            args = parser.parse_args(argv)
        except SystemExit:  # --help, --version, --print-...: printed, now exiting
            sys.stdout.flush()  # here, not at exit: a closed pipe must be seen while we can handle it
            raise
        if args.command is None:
            parser.print_help()
            return 2
        code = args.func(args)
        sys.stdout.flush()
        return code
    except UsageError as exc:
        return prog_error(str(exc), 2)
    except BrokenPipeError:
        return _pipe_closed()


def unknown_command(word: str, names: Sequence[str]) -> str:
    """The message for a first argument that is neither a command nor an existing path."""
    import difflib

    close = difflib.get_close_matches(word, names, n=1, cutoff=0.6)
    hint = f"did you mean {close[0]}?" if close else f"commands: {', '.join(names)}"
    return f"{word!r} is neither a command nor an existing file or folder ({hint})"


def _pipe_closed() -> int:
    """Whoever read stdout has gone: say nothing more, exit like a process SIGPIPE ended."""
    # Python flushes stdout once more at exit, which would fail again and print "Exception
    # ignored"; pointing the descriptor at /dev/null makes that flush harmless.
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    return 128 + 13 if os.name == "posix" else 1  # 13: SIGPIPE


def gui_main(paths: Sequence[str] | None = None) -> int:
    """Open the review window (scanning ``paths`` at once when given)."""
    _freeze_support()
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
