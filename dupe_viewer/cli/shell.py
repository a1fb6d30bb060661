"""Shell completion and the man page, both generated from the parser itself, so neither can fall
behind a new subcommand or option.

``dupe-viewer --print-completion bash|zsh|tcsh`` prints a completion script made by ``shtab``
(static: completing costs the shell nothing, no Python start per Tab press, unlike
``argcomplete``); ``dupe-viewer --print-man-page`` prints a roff man page made by
``argparse-manpage``. Both libraries are imported only when their flag is used.

Options whose value is a path say so with :func:`complete_as`; the completion then offers files
or folders there.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from .. import __version__

#: Shells ``--print-completion`` supports (those shtab generates for).
SHELLS = ("bash", "zsh", "tcsh")
_KIND = "_dupe_viewer_complete"


def complete_as(action: argparse.Action, kind: str) -> argparse.Action:
    """Mark ``action``'s value as a ``"file"`` or a ``"dir"`` for shell completion."""
    if kind not in ("file", "dir"):
        raise ValueError(f"unknown completion kind {kind!r}")
    setattr(action, _KIND, kind)
    return action


def _walk(parser: argparse.ArgumentParser) -> Iterator[argparse.Action]:
    for action in parser._actions:
        yield action
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):  # aliases share a parser
                yield from _walk(sub)


def completion(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script for ``shell``."""
    import shtab

    for action in _walk(parser):
        kind = getattr(action, _KIND, None)
        if kind is not None:
            action.complete = shtab.FILE if kind == "file" else shtab.DIRECTORY  # type: ignore[attr-defined]
    return shtab.complete(parser, shell=shell)


def man_page(parser: argparse.ArgumentParser) -> str:
    """The man page (section 1, roff)."""
    from argparse_manpage.manpage import Manpage

    data = {
        "project_name": "dupe-viewer",
        "version": __version__,
        "manual_section": "1",
        "manual_title": "User Commands",
        "description": "find exact and near-duplicate photos",
    }
    return str(Manpage(parser, data))


class PrintCompletion(argparse.Action):
    """``--print-completion SHELL``: print the completion script and exit."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option: Any = None
    ) -> None:
        print(completion(parser, str(values)))
        parser.exit(0)


class PrintManPage(argparse.Action):
    """``--print-man-page``: print the man page and exit."""

    def __call__(
        self, parser: argparse.ArgumentParser, namespace: Any, values: Any, option: Any = None
    ) -> None:
        sys.stdout.write(man_page(parser))
        parser.exit(0)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register ``--print-completion`` and ``--print-man-page`` on the main parser."""
    parser.add_argument(
        "--print-completion",
        choices=SHELLS,
        metavar="{" + ",".join(SHELLS) + "}",
        action=PrintCompletion,
        help="print the shell's completion script and exit (save it where the shell loads "
        "completions: ~/.local/share/bash-completion/completions/dupe-viewer for bash)",
    )
    parser.add_argument(
        "--print-man-page",
        nargs=0,
        action=PrintManPage,
        help="print the manual page (roff) and exit; read it with: man -l FILE",
    )
