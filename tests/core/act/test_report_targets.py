"""Where a report goes: a regular file is replaced only once the report is complete; anything
else (a pipe, a FIFO, /dev/null) is written in place and never replaced by a file."""

from __future__ import annotations

import json
import os
import stat
import sys
import threading
from pathlib import Path

import pytest

from dupe_viewer.core.act import report
from dupe_viewer.core.act.report import in_place, write_csv, write_json
from tests.factories import make_result, record

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev are POSIX")


def _result():
    return make_result([record(0), record(1), record(2)], [(0, 1)], [0.97])


def test_a_regular_file_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    out.write_text("old")
    write_json(_result(), out)
    assert json.loads(out.read_text())["stats"]["groups"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]  # no temporary file left


def test_a_failed_write_keeps_the_old_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "r.json"
    out.write_text("old report")

    def broken(*args: object, **kwargs: object) -> dict:
        raise OSError("disk full")

    monkeypatch.setattr(report, "group_dict", broken)
    with pytest.raises(OSError, match="disk full"):
        write_json(_result(), out)
    assert out.read_text() == "old report"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


@posix_only
def test_a_symlink_to_a_report_stays_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_csv(_result(), link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text().startswith("group,group_kind,action,path")


@posix_only
def test_a_fifo_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    write_json(_result(), fifo)
    reader.join(10)
    assert json.loads(got[0])["version"] == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)  # still the FIFO, not a regular file
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.fifo"]


@posix_only
def test_devices_and_descriptors_are_written_in_place() -> None:
    assert in_place("/dev/null") and in_place("/dev/stdout") and in_place("/proc/self/fd/1")
    write_json(_result(), "/dev/null")  # would need to replace /dev/null otherwise (and fail)
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_new_and_regular_files_are_not_in_place(tmp_path: Path) -> None:
    assert not in_place(tmp_path / "new.json")
    (tmp_path / "old.json").write_text("{}")
    assert not in_place(tmp_path / "old.json")
