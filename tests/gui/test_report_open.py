"""File ▸ Open report…: a saved report's groups reviewed in the window, read off the GUI thread;
a file changed since the report is refused with its reason; the sliders' tips say they only
narrow a report's groups; a broken file is a one-line warning."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from dupe_viewer.core import Finished, ScanOptions, scan
from dupe_viewer.core.act.report_open import ReportSubset
from dupe_viewer.core.act.report_stream import write_report
from dupe_viewer.core.group.dismissals import Dismissals
from dupe_viewer.gui.dialogs import CONFIRMED_WIDER
from dupe_viewer.gui.report_opening import ReportWorker


def _scanned(photos: Path):
    events = scan([str(photos)], ScanOptions(use_cache=False))
    return next(e.result for e in events if isinstance(e, Finished))


def _report(photos: Path, out: Path) -> Path:
    write_report(_scanned(photos), out)
    return out


def _wait_report(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.result is not None and window.result.source is not None, timeout=30_000)
    qtbot.waitUntil(lambda: not window.reports.running and not window.regrouper.busy, timeout=30_000)


def test_a_report_opens_in_the_review_and_a_changed_file_is_refused(
    qtbot, window, photos, tmp_path, wait_idle, trash_dir
) -> None:
    report = _report(photos, tmp_path / "r.jsonl")
    window.open_report(str(report), ReportSubset())
    _wait_report(qtbot, window)
    assert window.model.rowCount() == 3
    assert "Saved report r.jsonl" in window.windowTitle()
    assert "only the groups it found" in window.threshold.toolTip()
    assert not window.acts.rules.isEnabled()  # the report's keepers stand
    # Every marked file is to go; one of them was touched since the report was written.
    every = window.marks.marked()
    assert every
    changed = window.result.records[every[0]].path
    os.utime(changed, ns=(0, 10**18))
    asked: list[str] = []
    window.confirm = lambda title, question, detail, action, wider: asked.append(question) or CONFIRMED_WIDER
    window.review.trash_marked()
    wait_idle(window)
    assert asked
    outcomes = {o.path: o for o in window.review.last_outcomes}
    assert not outcomes[changed].ok and "changed since the scan" in outcomes[changed].reason
    assert os.path.exists(changed)
    others = [window.result.records[i].path for i in every[1:]]
    assert others and all(outcomes[p].ok and not os.path.exists(p) for p in others)
    # Every kept file is still there: no group lost its last copy.
    assert all(os.path.exists(window.result.records[g.keep].path) for g in window.result.source.groups)


def test_the_subset_and_cancel(qtbot, window, photos, tmp_path) -> None:
    report = _report(photos, tmp_path / "r.json")
    window.open_report(str(report), ReportSubset(folder=str(photos / "backup")))
    _wait_report(qtbot, window)
    assert window.model.rowCount() == 1
    # Cancelled, the reader stops before the end and hands no result over.
    worker = ReportWorker(str(report), ReportSubset())
    got: list[str] = []
    worker.finished.connect(lambda *_: got.append("finished"))
    worker.cancelled.connect(lambda: got.append("cancelled"))
    worker.cancel()
    worker.run()
    assert got == ["cancelled"]


def test_a_broken_report_is_a_one_line_warning(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text('{"version": 1, "roots": [], "groups": [{"id"')
    warned: list[tuple[str, str]] = []
    window.warn = lambda title, message: warned.append((title, message))
    window.open_report(str(bad), ReportSubset())
    qtbot.waitUntil(lambda: bool(warned), timeout=30_000)
    ((title, message),) = warned
    assert title == "Cannot open the report" and "broken.json" in message and "\n" not in message
    assert window.result is None


def test_the_remembered_not_duplicates_apply_to_a_report(qtbot, window, photos, tmp_path) -> None:
    """A group the person said is not duplicates (in an earlier session, by content) stays apart
    when a report that still groups it is opened, and stays apart when the sliders move."""
    result = _scanned(photos)
    write_report(result, tmp_path / "r.json")
    dismissed = result.groups[0]
    paths = sorted(result.records[m.index].path for m in dismissed.members)
    Dismissals().dismiss([result.records[m.index] for m in dismissed.members])
    window.open_report(str(tmp_path / "r.json"), ReportSubset())
    _wait_report(qtbot, window)
    assert window.model.rowCount() == len(result.groups) - 1
    shown = [sorted(window.result.records[m.index].path for m in g.members) for g in window.groups()]
    assert paths not in shown
    assert window.review.dismissed  # kept for the next regroup
    window.threshold.setValue(window.threshold.value() + 1)
    qtbot.waitUntil(lambda: not window.regrouper.busy, timeout=30_000)
    shown = [sorted(window.result.records[m.index].path for m in g.members) for g in window.groups()]
    assert paths not in shown


def test_a_report_dropped_on_the_window_opens_for_review(
    qtbot, window, photos, tmp_path, monkeypatch
) -> None:
    """Dropping one report file opens it (asking which groups), it is not added as a folder."""
    report = _report(photos, tmp_path / "r.jsonl")
    asked: list[str] = []
    monkeypatch.setattr(window.reports, "choose_subset", lambda path: asked.append(path) or ReportSubset())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(report))])
    window.dropEvent(
        QDropEvent(
            QPointF(200, 200),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
    _wait_report(qtbot, window)
    assert asked == [str(report)]
    assert window.model.rowCount() == 3
    assert str(report) not in [r.path for r in window.roots_model.roots()]
