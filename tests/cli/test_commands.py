"""What the first argument means (a command, a path for the window, or a typo), and ``--help``
telling the real defaults."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import dupe_viewer.cli as cli
from dupe_viewer.cli import build_parser, main


@pytest.fixture
def window(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Stands in for the window: records the paths it would have opened."""
    opened: list[list[str]] = []

    def fake_gui_main(paths: list[str] | None = None) -> int:
        opened.append(list(paths or []))
        return 0

    monkeypatch.setattr(cli, "gui_main", fake_gui_main)
    return opened


def test_a_mistyped_command_is_an_error_with_a_suggestion(
    window: list[list[str]], tmp_path: Path, capsys
) -> None:
    assert main(["scna", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("dupe-viewer: error: ") and "did you mean scan?" in err
    assert window == []  # never the window


def test_an_unknown_word_lists_the_commands(window: list[list[str]], capsys) -> None:
    assert main(["frobnicate"]) == 2
    err = capsys.readouterr().err
    assert "neither a command nor an existing file or folder" in err
    assert "scan, models, query, eval" in err
    assert window == []


def test_an_existing_path_opens_the_window(
    window: list[list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "photos").mkdir()
    assert main([str(tmp_path / "photos"), "more"]) == 0
    monkeypatch.chdir(tmp_path)
    assert main(["photos"]) == 0  # a relative path too, even one that looks like a word
    assert window == [[str(tmp_path / "photos"), "more"], ["photos"]]


def test_no_argument_opens_the_window(window: list[list[str]]) -> None:
    assert main([]) == 0
    assert window == [[]]


def test_a_command_wins_over_a_folder_of_that_name(
    window: list[list[str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    (tmp_path / "models").mkdir()
    monkeypatch.chdir(tmp_path)
    assert main(["models", "list"]) == 0
    assert window == [] and "No model installed" in capsys.readouterr().out


def _parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _parsers(sub)


def test_help_never_says_none_and_every_optional_value_has_its_default() -> None:
    parsers = list(_parsers(build_parser()))
    assert len(parsers) >= 9  # main, scan, models (+4), query, eval
    for parser in parsers:
        text = parser.format_help()
        assert not re.search(r"\bNone\b", text), parser.prog
        for action in parser._actions:
            takes_value = action.option_strings and action.nargs != 0 and action.choices is None
            if takes_value and not action.required and action.help != argparse.SUPPRESS:
                assert "default" in (action.help or ""), f"{parser.prog} {action.option_strings}"


def test_scan_help_says_what_the_defaults_are(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["scan", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "(default: 0.65)" in text
    assert "(default: the model's recommendation)" in text
    assert "'-' writes it to stdout" in text and "--json" in text
