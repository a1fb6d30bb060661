"""`dupe-viewer scan` output conventions: the report on stdout with ``--report -`` or ``--json``
(everything else on stderr), and a closed stdout pipe ending the command quietly."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dupe_viewer.cli import main
from tests.library import PhotoLibrary, photo

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    lib = PhotoLibrary(tmp_path / "photos")
    lib.original("a.jpg", photo(1), copies=["copy of a.jpg"], quality=90)
    lib.unrelated(2, 10, (320, 240), lambda k: f"other{k}.jpg", quality=90)
    return lib.root


@pytest.mark.parametrize("flags", [["--json"], ["--report", "-"]])
def test_the_report_goes_to_stdout(
    flags: list[str], folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["scan", str(folder), "--no-deep", *flags]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)  # stdout holds the report and nothing else
    assert data["version"] == 1 and data["stats"]["groups"] == 1
    assert {m["path"] for m in data["groups"][0]["members"]} == {
        str(folder / "a.jpg"),
        str(folder / "copy of a.jpg"),
    }
    assert "4 files" in err and "1 groups" in err  # the summary went to stderr
    assert not (tmp_path / "-").exists()


def test_the_csv_goes_to_stdout(folder: Path, capsys) -> None:
    assert main(["scan", str(folder), "--no-deep", "-q", "--csv", "-"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].startswith("group,group_kind,action,path") and len(lines) == 3
    assert err == ""


def test_report_and_csv_cannot_both_use_stdout(folder: Path, capsys) -> None:
    assert main(["scan", str(folder), "--report", "-", "--csv", "-"]) == 2
    assert "only one of --report and --csv can write to stdout" in capsys.readouterr().err


def test_json_and_report_are_exclusive(folder: Path, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["scan", str(folder), "--json", "--report", str(tmp_path / "r.json")])
    assert exc.value.code == 2


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE is POSIX")
@pytest.mark.parametrize("flags", [[], ["--json"]])
def test_a_closed_stdout_pipe_ends_quietly(flags: list[str], folder: Path) -> None:
    """`dupe-viewer scan DIR | head -1`: the reader has gone before anything is written."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "dupe_viewer", "scan", str(folder), "--no-deep", "-q", *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    proc.stdout.close()  # type: ignore[union-attr]  # the reader exits at once
    err = proc.stderr.read().decode()  # type: ignore[union-attr]
    assert proc.wait(60) == 141, err  # 128 + SIGPIPE, like any tool a closed pipe ends
    assert err == ""  # no traceback, no "Exception ignored", no "cannot write the report"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGPIPE is POSIX")
def test_a_closed_pipe_after_help_text_ends_quietly() -> None:
    """What argparse prints before it exits (here the man page) is flushed while it can be handled."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "dupe_viewer", "--print-man-page"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    proc.stdout.close()  # type: ignore[union-attr]
    err = proc.stderr.read().decode()  # type: ignore[union-attr]
    assert proc.wait(60) == 141 and err == "", err
