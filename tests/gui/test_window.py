"""The main window end to end (offscreen): drop, scan, review, regroup, trash, dismiss, export."""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from dupe_viewer.core.act import journal
from dupe_viewer.core.act.report import load_json
from dupe_viewer.gui.dialogs import CANCELLED, CONFIRMED, CONFIRMED_WIDER
from dupe_viewer.gui.window import MainWindow

pytestmark = pytest.mark.gui


def _drop(window: MainWindow, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(200, 200),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)


def _grouped_files(window: MainWindow) -> set[str]:
    recs = window.result.records
    return {os.path.basename(recs[i].path) for g in window.model.groups() for i in g.indices}


def test_empty_window_invites_the_user_to_drop_folders(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.welcome
    texts = " ".join(w.text() for w in window.welcome.findChildren(type(window.totals)))
    assert "Drop folders here" in texts
    assert not window.trash_button.isEnabled()


def test_a_scan_of_empty_folders_finishes_without_a_failure(qtbot, window, tmp_path, wait_scan) -> None:
    failures: list[str] = []
    window.scans.failed.connect(failures.append)
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    window.add_paths([str(tmp_path / "a"), str(tmp_path / "b")])
    wait_scan(window)
    assert failures == []
    assert window.result is not None and window.result.records == []
    assert window.model.rowCount() == 0


def test_dropping_a_folder_adds_a_root_and_scans_it(qtbot, window, photos, wait_scan) -> None:
    _drop(window, [photos])
    assert [r.path for r in window.roots_model.roots()] == [str(photos)]
    assert window.scanner.running or window.final
    wait_scan(window)
    assert window.pages.currentWidget() is window.compare
    assert window.model.rowCount() == 3
    assert {"orig0.jpg", "small0.jpg", "orig1.jpg", "small1.jpg"} <= _grouped_files(window)
    assert "other1.jpg" not in _grouped_files(window)
    # The first group is open, one pane per shown member, the keeper marked "keep".
    g = window.current_group()
    assert g is not None and window.compare.group is g
    panes = list(window.compare.shown)
    assert [p.index for p in panes] == [m.index for m in g.members][: len(panes)]
    keeper = next(p for p in panes if p.index == g.keep)
    assert "KEEP" in keeper.state.text()
    # Dropping the same folder again adds nothing.
    _drop(window, [photos])
    assert len(window.roots_model.roots()) == 1


def test_rescan_uses_the_cache(qtbot, window, photos, wait_scan) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    first = window.result.stats
    window.start_scan()
    wait_scan(window)
    again = window.result.stats
    assert first.decoded > 0 and again.decoded == 0
    assert again.from_cache + again.copies >= first.decoded
    assert window.model.rowCount() == 3


def test_moving_the_slider_regroups_without_rescanning(qtbot, window, photos, wait_scan) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    result = window.result
    default = _grouped_files(window)
    assert window.threshold.value() == 65 and "crop0.jpg" not in default
    window.threshold.setValue(100)
    qtbot.waitUntil(lambda: window.view_grouping.threshold == 1.0 and not window.regrouper.busy)
    strict = _grouped_files(window)
    assert window.result is result  # same scan: regrouped from the cached pair scores
    assert strict < default and "small1.jpg" not in strict
    assert {"orig0.jpg", "small0.jpg"} <= strict
    window.threshold.setValue(50)
    qtbot.waitUntil(lambda: window.view_grouping.threshold == 0.5 and not window.regrouper.busy)
    assert _grouped_files(window) == default | {"crop0.jpg"}


def test_marks_never_cover_a_whole_group(qtbot, window, photos, wait_scan) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    marks = window.marks
    for g in window.model.groups():
        assert 0 < len(marks.deleted(g)) < len(g.members)
    g = window.current_group()
    # Marking every member (the suggested keeper last): the last one is refused.
    order = [m.index for m in g.members if m.index != g.keep] + [g.keep]
    refused = [marks.set_delete(g, i, True) for i in order]
    assert refused[-1] is not None and all(r is None for r in refused[:-1])
    assert len(marks.deleted(g)) == len(g.members) - 1
    # Auto-select rules applied to all groups: still one kept per group.
    window.review.apply_rules(
        (__import__("dupe_viewer.core.group.keep", fromlist=["Rule"]).Rule("smallest"),)
    )
    qtbot.waitUntil(lambda: not window.regrouper.busy)
    for g in window.model.groups():
        kept = [m.index for m in g.members if not marks.is_delete(g, m.index)]
        assert kept == [g.keep]
        assert window.result.records[g.keep].size == min(window.result.records[i].size for i in g.indices)


def test_protected_folders_are_never_marked(qtbot, window, photos, wait_scan) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    window.roots_model.add([str(photos / "phone")])  # a second root, to protect
    row = 1
    window.roots_model.setData(
        window.roots_model.index(row, 2), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.waitUntil(lambda: not window.regrouper.busy)
    for g in window.model.groups():
        for m in g.members:
            if "/phone/" in window.result.records[m.index].path:
                assert not window.marks.is_delete(g, m.index)
                assert window.marks.set_delete(g, m.index, True) is not None


def test_keyboard_flow(qtbot, window, photos, wait_scan) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    window.table.setFocus()
    g = window.current_group()
    second = g.members[1].index
    before = window.marks.is_delete(g, second)
    qtbot.keyClick(window.table, Qt.Key.Key_2)
    assert window.marks.is_delete(g, second) is not before
    qtbot.keyClick(window.table, Qt.Key.Key_N)
    assert window.current_group() is not g
    qtbot.keyClick(window.table, Qt.Key.Key_P)
    assert window.current_group() is g
    qtbot.keyClick(window.table, Qt.Key.Key_A)  # accept the suggestion, go on
    assert window.marks.is_delete(g, second) is before
    assert window.current_group() is not g
    # The button acts on the groups opened; the totals count every mark, and say how many are
    # in groups not opened yet (the photo library has a third group).
    scope = window.marks.scope()
    opened = {g.id for g in window.model.groups() if all(window.marks.is_seen(m.index) for m in g.members)}
    assert len(opened) == 2 < window.model.rowCount()
    assert f"Move {scope.seen_files} files" in window.trash_button.text()
    assert scope.unseen_files and scope.seen_files + scope.unseen_files == window.marks.total_files
    assert f"{scope.unseen_files} file" in window.totals.text()
    keys = {a.text() for a in window.actions() if a.shortcuts()}
    assert {"Next group", "Previous group", "Not duplicates"} <= keys


def test_trash_real_files_skips_changed_ones_and_journals(
    qtbot, window, photos, trash_dir, wait_scan, wait_idle
) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    recs = window.result.records
    marked = window.marks.marked()
    assert marked
    changed = recs[marked[0]].path
    Path(changed).write_bytes(Path(changed).read_bytes() + b"\0edited after the scan")
    questions = []
    window.marks.see_all()  # every group reviewed: the action covers every mark
    window.confirm = lambda title, question, detail, action, wider: (
        questions.append((question, action)) or CONFIRMED
    )
    window.review.trash_marked()
    wait_idle(window)
    ((question, action),) = questions
    n = len(marked)
    assert f"{n} files (" in question and ("kB" in question or "MB" in question)
    assert f"Move {n} files" in action
    outcomes = window.review.last_outcomes
    assert [o.status for o in outcomes].count("ok") == n - 1
    skipped = next(o for o in outcomes if o.status != "ok")
    assert skipped.path == changed and "changed" in skipped.reason
    assert os.path.exists(changed)
    for i in marked[1:]:
        name = os.path.basename(recs[i].path)
        assert not os.path.exists(recs[i].path)
        trashed = list((trash_dir / "files").glob(Path(name).stem + "*"))
        assert trashed, name
        assert list((trash_dir / "info").glob(Path(name).stem + "*.trashinfo"))
    entries = journal.read_journal()
    assert len(entries) == n and {e["outcome"] for e in entries} == {"ok", "skipped"}
    # The report lists the skipped file; the trashed files left the groups.
    assert window.last_dialog.isVisible()
    assert all(i not in g.indices for g in window.model.groups() for i in marked[1:])
    for g in window.model.groups():
        assert len(g.members) >= 2


def test_move_to_folder_and_undo_it(
    qtbot, window, photos, tmp_path, wait_scan, wait_idle, monkeypatch
) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    dest = tmp_path / "sorted out"
    dest.mkdir()
    window.ask_folder = lambda title, start: str(dest)
    window.confirm = lambda *a: CONFIRMED_WIDER  # "include the groups never opened"
    marked = [window.result.records[i].path for i in window.marks.marked()]
    window.review.move_marked()
    wait_idle(window)
    assert all(not os.path.exists(p) for p in marked)
    assert len(list(dest.iterdir())) == len(marked)
    batches = journal.undoable_moves(journal.read_journal())
    assert sum(len(b) for b in batches.values()) == len(marked)
    # Tools ▸ Undo a move…: the dialog lists the batch; accepting moves every file back.
    from PySide6.QtWidgets import QDialog

    from dupe_viewer.gui import review

    monkeypatch.setattr(review.UndoMovesDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    window.review.undo_move_dialog()
    wait_idle(window)  # reads the journal, then (from the dialog) moves the files back
    wait_idle(window)
    assert all(os.path.exists(p) for p in marked)
    assert list(dest.iterdir()) == []
    assert journal.undoable_moves(journal.read_journal()) == {}


def test_declined_confirmation_touches_nothing(qtbot, window, photos, wait_scan, wait_idle) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    before = sorted(p.name for p in photos.rglob("*"))
    window.confirm = lambda *a: CANCELLED
    window.review.trash_marked()
    wait_idle(window)
    assert sorted(p.name for p in photos.rglob("*")) == before
    assert journal.read_journal() == []


def test_not_duplicates_is_remembered_across_rescans_and_can_be_undone(
    qtbot, window, photos, wait_scan, wait_idle
) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    g = window.current_group()
    names = {os.path.basename(window.result.records[i].path) for i in g.indices}
    window.review.dismiss_group()
    wait_idle(window)
    assert window.model.rowCount() == 2
    window.start_scan()
    wait_scan(window)
    assert window.model.rowCount() == 2
    assert not any(
        {os.path.basename(window.result.records[i].path) for i in gg.indices} == names
        for gg in window.model.groups()
    )
    from dupe_viewer.core.group.dismissals import Dismissals

    (entry,) = Dismissals().entries()
    window.review.restore_dismissals([entry.id])
    wait_idle(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3)


def test_export_writes_the_engine_report(qtbot, window, photos, tmp_path, wait_scan, wait_idle) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    window.review.export(str(tmp_path / "report.json"))
    window.review.export(str(tmp_path / "report.csv"), csv=True)
    wait_idle(window)
    report = load_json(tmp_path / "report.json")
    assert len(report["groups"]) == 3
    assert (tmp_path / "report.csv").read_text().startswith("group,group_kind,action,path")


def test_cancel_stops_a_real_scan_quickly(qtbot, window, photos, wait_idle) -> None:
    for n in range(40):
        (photos / f"copy{n}.jpg").write_bytes((photos / "orig1.jpg").read_bytes()[: -n - 1])
    window.add_paths([str(photos)])
    started = time.monotonic()
    window.cancel_scan()
    qtbot.waitUntil(lambda: not window.scanner.running, timeout=5000)
    assert time.monotonic() - started < 2.0
    assert not window.final
    assert not window.progress_strip.isVisible()
    assert "cancelled" in window.statusBar().currentMessage().lower()


def test_scan_worker_progress_errors_and_early_groups(qtbot, window, photos) -> None:
    """Early (exact) groups are shown while the scan still runs, with progress and errors."""
    from dupe_viewer.core import (
        ErrorFound,
        FileError,
        Finished,
        GroupsFound,
        Phase,
        Progress,
        ScanOptions,
        run_scan,
    )

    final = run_scan([photos], ScanOptions(workers=1))
    exact = [g for g in final.groups if g.kind == "exact"] or final.groups[:1]
    release = threading.Event()

    def fake_scan(roots, options, cancel=None):
        yield Progress(Phase.DISCOVER, 10, 0)
        yield ErrorFound(FileError("/x/broken.jpg", "truncated image file"))
        yield GroupsFound(replace(final, groups=exact, complete=False))
        while not release.is_set() and not cancel.is_set():
            yield Progress(Phase.DECODE, 3, 10)
            time.sleep(0.02)
        yield Finished(final)

    window.scan_fn = fake_scan
    window.add_paths([str(photos)])
    try:
        _check_early(qtbot, window)
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.final and not window.scanner.running)
    assert window.model.rowCount() == len(final.groups)


def _check_early(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    assert window.scanner.running and not window.final
    assert window.pages.currentWidget() is window.compare
    assert not window.trash_button.isEnabled()  # no file action before the scan has finished
    qtbot.waitUntil(lambda: "3 of 10" in window.progress_detail.text())
    assert window.errors == [("/x/broken.jpg", "truncated image file")]
    assert window.errors_button.isVisible() and "1 problem" in window.errors_button.text()


def test_settings_and_layout_persist(qtbot, photos, tmp_path) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.roots_model.add([str(photos)])
    first.roots_model.setData(
        first.roots_model.index(0, 1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    first.threshold.setValue(80)
    first.groups_panel.kind_filter.setCurrentIndex(first.groups_panel.kind_filter.findData("near"))
    first.resize(711, 533)  # within the offscreen screen (800×600): geometry is clamped to it
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    roots = second.roots_model.roots()
    assert [(r.path, r.recursive) for r in roots] == [(str(photos), False)]
    assert second.threshold.value() == 80
    assert second.groups_panel.kind_filter.currentData() == "near"
    assert second.size().width() == 711
    ini = Path(os.environ["DUPE_VIEWER_HOME"]) / "config" / "dupe_viewer.ini"
    assert ini.is_file() and "threshold" in ini.read_text()
    second.close()


def test_non_recursive_root_skips_subfolders(qtbot, window, photos, wait_scan) -> None:
    window.roots_model.add([str(photos)])
    window.roots_model.setData(
        window.roots_model.index(0, 1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    window.start_scan()
    wait_scan(window)
    paths = [r.path for r in window.result.records]
    assert paths and all(os.path.dirname(p) == str(photos) for p in paths)


def test_report_is_json(tmp_path: Path) -> None:
    # Guards the assumption the export test relies on: the engine's report is plain JSON.
    (tmp_path / "r.json").write_text(json.dumps({"groups": []}))
    assert load_json(tmp_path / "r.json") == {"groups": []}


def test_a_damaged_not_duplicates_list_is_reported_with_the_problems(
    qtbot, window, photos, wait_scan
) -> None:
    from dupe_viewer.core import paths
    from dupe_viewer.core.group.dismissals import DB_NAME

    store = paths.data_dir() / DB_NAME
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"this is not a database" * 100)
    window.add_paths([str(photos)])
    wait_scan(window)
    said = [message for path, message in window.errors if path == str(store)]
    assert len(said) == 1 and "was damaged" in said[0] and "moved to" in said[0]
    assert window.model.rowCount() == 3  # the scan's groups are all there
