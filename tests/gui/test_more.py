"""The rest of the window: deep slider, pair dismissal, dialogs, full screen, ``run_app``."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from dupe_viewer.core import (
    Finished,
    GroupingParams,
    Phase,
    Progress,
    ScanOptions,
    ScanResult,
    run_scan,
)
from dupe_viewer.core.act import actions
from dupe_viewer.core.group.dismissals import Dismissals
from dupe_viewer.core.group.keep import Rule
from dupe_viewer.gui.dialogs import (
    DismissalsDialog,
    ErrorsDialog,
    OutcomeDialog,
    RulesDialog,
    ShortcutsDialog,
    UndoMovesDialog,
    rule_text,
)
from dupe_viewer.gui.window import MainWindow
from tests.factories import make_result, record

pytestmark = pytest.mark.gui


def deep_result() -> ScanResult:
    """Six files: A~B by hash, C~D only by deep similarity 0.85, E~F by deep 0.95 (files absent)."""
    records = [record(n, f"/nowhere/{c}.jpg") for n, c in enumerate("ABCDEF")]
    return make_result(
        records,
        [(0, 1), (2, 3), (4, 5)],
        [0.97, 0.55, 0.52],
        ["near", "edited", "edited"],
        deep_similarity=[0.99, 0.85, 0.95],
        grouping=GroupingParams(deep_threshold=0.9),
        deep={"enabled": True, "model": "test", "threshold": 0.9},
    )


def _fake_scan(result: ScanResult):
    def scan(roots, options, cancel=None):
        yield Progress(Phase.DISCOVER, 6, 6)
        yield Finished(result)

    return scan


def test_deep_slider_appears_with_deep_scores_and_regroups(qtbot, window, tmp_path, wait_scan) -> None:
    result = deep_result()
    assert len(result.groups) == 2  # A-B (hash) and E-F (deep 0.95)
    window.scan_fn = _fake_scan(result)
    window.add_paths([str(tmp_path)])
    wait_scan(window)
    assert window.deep.isVisibleTo(window) and window.deep.value() == 90
    assert not window.deep_note.isVisibleTo(window)
    window.deep.setValue(84)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3 and not window.regrouper.busy)
    similar = next(g for g in window.model.groups() if 2 in g.indices)
    assert similar.kind == "similar"
    # Only similar (not copies): nothing is proposed for the trash in that group.
    assert window.marks.deleted(similar) == []
    assert window.settings.get("scan/deep_threshold") == 0.84
    window.threshold.setValue(99)  # the hash slider still works next to it
    qtbot.waitUntil(lambda: window.view_grouping.threshold == 0.99 and not window.regrouper.busy)
    assert window.model.rowCount() == 3  # A-B still linked by deep similarity 0.99


def test_a_missing_model_is_explained(qtbot, window, tmp_path, wait_scan) -> None:
    result = deep_result()
    result = replace(
        result,
        pairs=result.pairs.without_deep(),
        deep={"enabled": False, "reason": "no model installed; deep similarity (crops, tilts) is off."},
    )
    window.scan_fn = _fake_scan(result)
    window.add_paths([str(tmp_path)])
    wait_scan(window)
    assert not window.deep.isVisibleTo(window)
    assert window.deep_note.isVisibleTo(window) and "no model is installed" in window.deep_note.text()
    # The window installs it itself (see test_model_install.py); once it has, no "no model".
    assert window.similarity.install_button.isVisibleTo(window)
    window.similarity.set_model_installed()
    assert "no model" not in window.deep_note.text() and "Rescan" in window.deep_note.text()
    assert not window.similarity.install_button.isVisibleTo(window)


def test_not_duplicates_for_a_pair(qtbot, window, photos, wait_scan, wait_idle) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    g = next(g for g in window.model.groups() if len(g.members) >= 3)
    window.select_row(window.proxy.mapFromSource(window.model.index(window.model.row_of(g.id), 0)).row())
    window.compare.set_mode("pair")
    a, b = (g.members[k].index for k in window.compare.shown_members())
    window.compare.dismiss_pair.click()
    wait_idle(window)
    assert all(not ({a, b} <= set(gg.indices) and gg.reference in (a, b)) for gg in window.model.groups())
    (entry,) = Dismissals().entries()
    assert entry.kind == "pair" and len(entry.paths) == 2


def test_full_screen_hides_the_lists_and_escape_restores(qtbot, window) -> None:
    window.acts.full.trigger()
    assert not window.left_splitter.isVisible()
    window.acts.escape.trigger()
    assert window.left_splitter.isVisible() and not window.isFullScreen()


def test_dialogs_show_what_they_should(qtbot, window, tmp_path) -> None:
    errors = ErrorsDialog([("/a/b.jpg", "truncated image file")], window)
    qtbot.addWidget(errors)
    assert errors.view.model().rowCount() == 1

    rules = RulesDialog((Rule("resolution"),), [str(tmp_path)], window)
    qtbot.addWidget(rules)
    rules.add_rule(Rule("format", ("HEIF", "JPEG")))
    assert rules.rules() == (Rule("resolution"), Rule("format", ("HEIF", "JPEG")))
    assert rule_text(Rule("folder", ("/x",))) == "In a preferred folder: /x"

    shortcuts = ShortcutsDialog(window.actions(), [("1 … 9", "toggle")], window)
    qtbot.addWidget(shortcuts)
    keys = dict(shortcuts.rows)
    assert keys["N, Ctrl+Down"] == "Next group" and keys["1 … 9"] == "toggle"

    outcome = actions.Outcome("/a/b.jpg", actions.SKIPPED, "the file changed since the scan")
    report = OutcomeDialog("Done", "Moved 0 files", [outcome], window)
    qtbot.addWidget(report)

    dismissals = DismissalsDialog(window)
    qtbot.addWidget(dismissals)
    dismissals.show_entries([])
    assert not dismissals.restore.isEnabled()

    batches = {"b1": [{"time": "2026-01-01T10:00:00", "source": "/a/x.jpg", "destination": "/d/x.jpg"}]}
    undo = UndoMovesDialog(batches, window)
    qtbot.addWidget(undo)
    assert undo.chosen_batch() == "b1"


def test_run_app_scans_the_paths_given(qtbot, photos, monkeypatch) -> None:
    from dupe_viewer.gui import app as app_module

    seen: dict[str, object] = {}

    def fake_exec(self) -> int:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        qtbot.waitUntil(lambda: window.final and not window.scanner.running, timeout=30_000)
        seen["roots"] = [r.path for r in window.roots_model.roots()]
        seen["groups"] = window.model.rowCount()
        window.close()
        window.deleteLater()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_app([str(photos), str(photos / "missing")]) == 0
    assert seen == {"roots": [str(photos)], "groups": 3}


def test_cli_without_arguments_opens_the_window(qtbot, monkeypatch, tmp_path) -> None:
    from dupe_viewer import cli

    calls = []
    monkeypatch.setattr("dupe_viewer.gui.app.run_app", lambda paths: calls.append(paths) or 0)
    assert cli.main([]) == 0 and calls == [[]]
    # An existing folder opens the window; a word that is neither a folder nor a command is an
    # error with a suggestion (tests/cli/test_commands.py), not a window.
    assert cli.main([str(tmp_path)]) == 0 and calls[-1] == [str(tmp_path)]
    assert cli.main(["/no/such/folder"]) == 2 and len(calls) == 2


def test_scan_result_of_the_engine_matches_the_window(qtbot, window, photos, wait_scan) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    engine = run_scan([photos], ScanOptions(workers=1))
    names = lambda r: sorted(sorted(os.path.basename(r.records[i].path) for i in g.indices) for g in r.groups)  # noqa: E731
    assert names(window.result) == names(engine)
    assert Path(window.result.roots[0]) == photos


def test_thousands_of_qt_calls_do_not_crash_the_interpreter(tmp_path) -> None:
    """PySide6 6.12.0 on CPython < 3.12 drops a reference to None per void call (gui/compat.py):
    without the work-around, this aborts with "Fatal Python error: none_dealloc"."""
    import subprocess
    import sys

    code = (
        "from dupe_viewer.gui.app import create_app\n"
        "from PySide6.QtWidgets import QLabel\n"
        "app = create_app(['x'])\n"
        "label = QLabel()\n"
        "for _ in range(50_000):\n"
        "    label.setText('x')\n"
        "print('ok')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert res.returncode == 0 and "ok" in res.stdout, res.stderr[-2000:]
