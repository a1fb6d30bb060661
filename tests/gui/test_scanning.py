"""Tests for dupe_viewer.gui.scanning: what a finished scan adds to the problems list."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QStatusBar

from dupe_viewer.gui.panels import ProgressStrip
from dupe_viewer.gui.scanning import ScanSession
from tests.factories import make_result, record

pytestmark = pytest.mark.gui


def _session(qtbot) -> ScanSession:
    status = QStatusBar()
    qtbot.addWidget(status)
    return ScanSession(ProgressStrip(""), status)


def test_skipped_files_are_one_line_beside_the_problems_not_one_of_them(qtbot) -> None:
    """Unsupported files are a fact about the folder, not a problem: a line in the status bar,
    not an entry behind "1 problem found…"."""
    session = _session(qtbot)
    result = replace(make_result([record(0), record(1)], [], []), skipped={"xcf": 12, "mp4": 400})
    session.add_warnings(result)
    assert session.errors == [] and session.errors_button.isHidden()
    assert not session.skipped_label.isHidden()
    assert session.skipped_label.text() == "412 files skipped as unsupported: .mp4 400, .xcf 12"


def test_many_skipped_kinds_name_three_in_the_bar_and_the_rest_in_the_tooltip(qtbot) -> None:
    session = _session(qtbot)
    skipped = {f"x{k}": 10 - k for k in range(6)} | {"": 1}
    session.add_warnings(replace(make_result([record(0)], [], []), skipped=skipped))
    assert session.skipped_label.text() == "46 files skipped as unsupported: .x0 10, .x1 9, .x2 8, …"
    assert session.skipped_label.toolTip().endswith(".x5 5, (no extension) 1")
    assert session.skipped_label.accessibleName()


def test_warnings_are_problems_and_skipped_files_are_not_counted_with_them(qtbot) -> None:
    session = _session(qtbot)
    result = replace(make_result([record(0)], [], []), skipped={"mp4": 1}, warnings=["the cache was damaged"])
    session.add_warnings(result)
    assert session.errors == [("(scan)", "the cache was damaged")]
    assert session.errors_button.text() == "1 problem found…"
    assert session.skipped_label.text() == "1 file skipped as unsupported: .mp4 1"


def test_nothing_skipped_adds_nothing_and_clears_what_a_scan_before_skipped(qtbot) -> None:
    session = _session(qtbot)
    session.add_warnings(replace(make_result([record(0)], [], []), skipped={"mp4": 3}))
    session.add_warnings(make_result([record(0)], [], []))  # the next scan, or an opened report
    assert session.errors == []
    assert session.errors_button.isHidden() and session.skipped_label.isHidden()
