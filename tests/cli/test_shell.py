"""Shell completion scripts and the man page come from the parser: every subcommand and every
option is in them."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from dupe_viewer.cli import build_parser, main
from dupe_viewer.cli.shell import completion, man_page


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()) -> Iterator[tuple]:
    """(path of subcommand names, parser) for the main parser and every (nested) subcommand."""
    yield prefix, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))


def _options(parser: argparse.ArgumentParser) -> set[str]:
    return {o for a in parser._actions for o in a.option_strings if o.startswith("--")}


def test_the_parser_has_what_the_checks_below_expect() -> None:
    names = {" ".join(p) for p, _ in _commands(build_parser())}
    assert {"scan", "models", "models install", "query", "eval"} <= names
    assert {"--print-completion", "--print-man-page", "--version"} <= _options(build_parser())


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_completion_names_every_subcommand_and_option(shell: str, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--print-completion", shell])
    assert exc.value.code == 0
    script = capsys.readouterr().out
    for path, parser in _commands(build_parser()):
        for name in path:
            assert name in script, (shell, name)
        for option in _options(parser):
            assert option in script, (shell, path, option)


def test_completion_offers_files_and_folders_where_paths_go() -> None:
    bash = completion(build_parser(), "bash")
    assert "_shtab_compgen_files" in bash and "_shtab_compgen_dirs" in bash
    zsh = completion(build_parser(), "zsh")
    assert "_files -/" in zsh


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_bash_script_is_valid_bash(tmp_path: Path) -> None:
    script = tmp_path / "dupe-viewer.bash"
    script.write_text(completion(build_parser(), "bash"))
    res = subprocess.run(
        ["bash", "-c", f"source {script} && complete -p dupe-viewer"], capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    assert "dupe-viewer" in res.stdout


def test_the_man_page_documents_every_subcommand_and_option(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--print-man-page"])
    assert exc.value.code == 0
    page = capsys.readouterr().out
    assert page.startswith(".TH") and ".SH SYNOPSIS" in page
    text = page.replace("\\-", "-")  # roff escapes every hyphen
    for path, parser in _commands(build_parser()):
        if path:
            assert f"dupe-viewer {' '.join(path)}" in text, path
        for option in _options(parser) - {"--help"}:  # a man page does not list --help
            assert option in text, (path, option)
    assert man_page(build_parser()) == page


@pytest.mark.skipif(shutil.which("man") is None or sys.platform == "win32", reason="needs man")
def test_man_renders_the_page(tmp_path: Path) -> None:
    page = tmp_path / "dupe-viewer.1"
    page.write_text(man_page(build_parser()))
    res = subprocess.run(
        ["man", "-l", str(page)],
        capture_output=True,
        text=True,
        env={"MANPAGER": "cat", "PATH": "/usr/bin:/bin"},
    )
    assert res.returncode == 0, res.stderr
    assert "--threshold" in res.stdout.replace("‐", "-")
