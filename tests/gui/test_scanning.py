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


def test_skipped_files_are_one_line_in_the_problems(qtbot) -> None:
    session = _session(qtbot)
    result = replace(make_result([record(0), record(1)], [], []), skipped={"mp4": 400, "xcf": 12})
    session.add_warnings(result)
    assert session.errors == [("(scan)", "412 files skipped as unsupported: .mp4 400, .xcf 12")]
    assert "1 problem" in session.errors_button.text()


def test_nothing_skipped_adds_nothing(qtbot) -> None:
    session = _session(qtbot)
    session.add_warnings(make_result([record(0)], [], []))
    assert session.errors == []
    assert session.errors_button.isHidden()
