"""The window fits a laptop screen and helps: context menus, mark all/none/invert, the model
installed from the window, accessible names, a clean title, current messages, and Cancel keeping
the last complete results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QComboBox,
    QLineEdit,
    QMenu,
    QScrollBar,
    QWidget,
)

from dupe_viewer.core import Finished, Phase, Progress, ScanResult
from dupe_viewer.core.act import actions
from dupe_viewer.gui import file_menu
from dupe_viewer.gui.dialogs import OutcomeDialog
from dupe_viewer.gui.roots import PROTECTED
from tests.conftest import SHARED
from tests.factories import make_result, record

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]


def two_groups(folder: Path) -> ScanResult:
    """A~B~C (A the keeper) and D~E~F~G, as files that exist (nothing is decoded)."""
    paths = []
    for name in ("A", "B", "C", "D", "E", "F", "safe/G"):
        path = folder / f"{name}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(name.encode() * 100)
        paths.append(str(path))
    records = [record(n, p, size=10_000 - n) for n, p in enumerate(paths)]
    return make_result(
        records,
        [(0, 1), (0, 2), (3, 4), (3, 5), (3, 6)],
        [0.97, 0.95, 0.96, 0.95, 0.94],
        ["near"] * 5,
        roots=[str(folder)],
    )


def fake_scan(result: ScanResult, hold=None):
    def scan(roots, options, cancel=None):
        yield Progress(Phase.DISCOVER, 1, 7)
        while hold is not None and not hold() and not (cancel is not None and cancel.is_set()):
            yield Progress(Phase.DISCOVER, 1, 7)
            import time

            time.sleep(0.02)
        if cancel is not None and cancel.is_set():
            return
        yield Finished(result)

    return scan


def load(window, tmp_path: Path, wait_scan, protect: bool = False) -> ScanResult:
    result = two_groups(tmp_path / "photos")
    window.scan_fn = fake_scan(result)
    window.add_paths([str(tmp_path / "photos")], scan=False)
    if protect:
        window.add_paths([str(tmp_path / "photos" / "safe")], scan=False)
        model = window.roots_model
        model.setData(model.index(1, PROTECTED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    window.start_scan()
    wait_scan(window)
    assert window.model.rowCount() == 2
    return window.result


# -- it fits ---------------------------------------------------------------------------------------
FIT_SCRIPT = textwrap.dedent(
    """
    import json, os, sys
    sys.path.insert(0, {repo!r})
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from dupe_viewer.gui.compat import protect_singletons
    protect_singletons()
    from dupe_viewer.gui import i18n
    translators = i18n.apply_language(app, {language!r})
    from dupe_viewer.gui.window import MainWindow
    from tests.factories import make_result, record
    records = [record(n, f"/nowhere/photo_with_a_long_name_{{n}}.jpg") for n in range(9)]
    pairs = [(0, k) for k in range(1, 9)]
    result = make_result(records, pairs, [0.9] * 8, ["near"] * 8)
    w = MainWindow()
    w.compare.mode = "grid"
    w.show()
    w._set_result(result, result.groups)
    w.final = True
    w.update_actions()
    for _ in range(20):
        app.processEvents()
    screen = app.primaryScreen().availableGeometry()
    def inside(widget):
        r = widget.rect().translated(widget.mapTo(w, widget.rect().topLeft()))
        return widget.isVisible() and w.rect().contains(r)
    from PySide6.QtWidgets import QToolButton
    tool_texts = {{b.text(): inside(b) for b in w.compare.findChildren(QToolButton)}}
    grid = w.compare.pane_grid
    groups = w.groups_panel.table
    from PySide6.QtCore import Qt
    out = {{
        "window": [w.width(), w.height()], "screen": [screen.width(), screen.height()],
        "tools": tool_texts, "trash": inside(w.trash_button), "panes": len(w.compare.shown),
        "panes_inside": all(p.x() + p.width() <= grid.viewport().width() + 1 for p in w.compare.shown),
        "cols": grid.cols,
        # The group list: every column in view, no horizontal scrollbar (German's longer
        # headers once pushed the last column behind one).
        "list_scrolls": groups.horizontalScrollBar().isVisible(),
        "list_columns_inside": all(
            groups.columnViewportPosition(c) + groups.columnWidth(c) <= groups.viewport().width()
            for c in range(groups.model().columnCount()) if not groups.isColumnHidden(c)
        ),
        "frees_header": groups.model().headerData(4, Qt.Orientation.Horizontal),
    }}
    print("RESULT " + json.dumps(out))
    """
)


@pytest.mark.parametrize(
    ("size", "language"), [((1366, 768), "en"), ((1366, 768), "de"), ((1920, 1080), "de")]
)
def test_the_window_fits_the_screen_and_nothing_is_cut_off(
    tmp_path: Path, size: tuple[int, int], language: str
) -> None:
    config = tmp_path / "screen.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {"name": "s", "x": 0, "y": 0, "width": size[0], "height": size[1], "logicalDpi": 96}
                ]
            }
        )
    )
    script = tmp_path / "fit.py"
    script.write_text(FIT_SCRIPT.format(repo=str(REPO), language=language))
    env = dict(
        os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", DUPE_VIEWER_HOME=str(tmp_path / "home")
    )
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    line = next((x for x in proc.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line is not None, proc.stdout + proc.stderr
    out = json.loads(line[len("RESULT ") :])
    width, height = out["window"]
    assert width <= size[0] and height <= size[1], out
    assert out["tools"] and all(out["tools"].values()), out  # Fit, 100 %, Full screen
    assert out["trash"], out
    assert out["panes"] == 9 and out["panes_inside"], out  # the grid reflows instead of widening
    assert not out["list_scrolls"] and out["list_columns_inside"], out
    assert out["frees_header"] == {"en": "Space freed", "de": "Platzgewinn"}[language], out
    if size[0] == 1366:
        assert out["cols"] < 3  # no room for three columns beside the list
    else:
        assert width >= 0.85 * size[0] and out["cols"] >= 2, out  # a first start uses the screen


def test_a_saved_layout_from_a_bigger_monitor_is_brought_back_on_screen(window) -> None:
    window.resize(1800, 1100)
    window.fit_to_screen(QRect(0, 0, 1024, 600))
    assert window.width() <= 1024 and window.height() <= 600
    assert window.minimumSizeHint().width() <= 1024


# -- title, names ---------------------------------------------------------------------------------
def test_the_title_is_the_folder_alone(qtbot, window, tmp_path, wait_scan) -> None:
    assert window.windowTitle() == ""  # Qt shows "Dupe Viewer"
    load(window, tmp_path, wait_scan)
    assert window.windowTitle() == "photos"


def _interactive(w: QWidget) -> bool:
    return isinstance(w, (QAbstractButton, QAbstractSlider, QLineEdit, QAbstractItemView, QComboBox))


def test_every_control_has_an_accessible_name_or_text(qtbot, window, tmp_path, wait_scan) -> None:
    load(window, tmp_path, wait_scan)
    rows = [
        r
        for r in range(2)
        if len(window.model.group(window.proxy.mapToSource(window.proxy.index(r, 0)).row()).members) == 4
    ]
    window.select_row(rows[0])  # four files: the grid, with Keep only buttons
    qtbot.waitUntil(lambda: len(window.compare.shown) == 4)
    nameless = []
    for w in window.findChildren(QWidget):
        if not _interactive(w) or not w.isVisibleTo(window):
            continue
        if isinstance(w, QScrollBar) or w.metaObject().className() == "QHeaderView":
            continue  # parts of a view, which has the name
        said = w.accessibleName() or (w.text() if isinstance(w, QAbstractButton) else "")
        if not said.strip():
            nameless.append(
                f"{w.metaObject().className()} {w.objectName()!r} in {w.parent().metaObject().className()}"
            )
    assert not nameless, nameless


# -- context menus ------------------------------------------------------------------------------------
def test_pane_menu_opens_shows_copies_and_marks(qtbot, window, tmp_path, wait_scan, monkeypatch) -> None:
    result = load(window, tmp_path, wait_scan)
    window.select_row(0)
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile()) or True)
    )
    shown: list[str] = []
    monkeypatch.setattr(file_menu, "_show_over_dbus", lambda path: shown.append(path) or True)
    monkeypatch.setattr(QMenu, "popup", lambda self, pos, at=None: None)
    g = window.current_group()
    other = next(m.index for m in g.members if m.index != g.keep)
    path = result.records[other].path
    window.compare.menuRequested.emit(other, window.mapToGlobal(window.rect().center()))
    menu = window.last_menu
    acts = {a.text(): a for a in menu.actions() if a.text()}
    assert {"Open in the default viewer", "Show in the file manager", "Copy path", "Keep this file"} <= set(
        acts
    )
    acts["Open in the default viewer"].trigger()
    assert opened == [path]
    acts["Show in the file manager"].trigger()
    assert shown == [path]
    acts["Copy path"].trigger()
    assert QGuiApplication.clipboard().text() == path
    assert window.marks.is_delete(g, other)
    acts["Keep this file"].trigger()
    assert not window.marks.is_delete(g, other)


def test_show_in_file_manager_per_system(tmp_path) -> None:
    ran: list[list[str]] = []
    f = str(tmp_path / "a.jpg")
    assert file_menu.show_in_file_manager(f, "win32", ran.append)
    assert file_menu.show_in_file_manager(f, "darwin", ran.append)
    assert ran == [["explorer", "/select,", os.path.normpath(f)], ["open", "-R", f]]
    # No file manager on the bus: the folder is opened instead.
    opened = []
    original = QDesktopServices.openUrl
    try:
        QDesktopServices.openUrl = staticmethod(lambda url: opened.append(url.toLocalFile()) or True)
        assert file_menu.show_in_file_manager(f, "linux", ran.append, dbus=lambda p: False)
    finally:
        QDesktopServices.openUrl = original
    assert opened == [str(tmp_path)]
    # A name that is not UTF-8 keeps its bytes in the URL.
    assert bytes(file_menu.file_url("/x/\udcff.jpg").toEncoded()).endswith(b"/x/%FF.jpg")


def test_group_row_menu(qtbot, window, tmp_path, wait_scan, monkeypatch) -> None:
    result = load(window, tmp_path, wait_scan)
    monkeypatch.setattr(QMenu, "popup", lambda self, pos, at=None: None)
    window._group_menu(window.table.visualRect(window.proxy.index(0, 1)).center())
    acts = {a.text(): a for a in window.last_menu.actions() if a.text()}
    assert {
        "Open the kept file",
        "Copy the paths of the group",
        "Mark all but the keeper",
        "Invert the marks",
    } <= set(acts)
    g = window.model.group(window.proxy.mapToSource(window.proxy.index(0, 0)).row())
    acts["Copy the paths of the group"].trigger()
    assert QGuiApplication.clipboard().text().splitlines() == [
        result.records[m.index].path for m in g.members
    ]
    acts["Keep every file"].trigger()
    assert window.marks.deleted(g) == []


# -- mark all / none / invert --------------------------------------------------------------------
def test_mark_all_none_invert_keep_protected_files_and_one_of_each_group(
    qtbot, window, tmp_path, wait_scan
) -> None:
    result = load(window, tmp_path, wait_scan, protect=True)
    marks = window.marks
    safe = next(i for i, r in enumerate(result.records) if "safe" in r.path)
    groups = window.groups()
    window.acts.unmark_all_shown.trigger()
    assert all(marks.deleted(g) == [] for g in groups)
    window.acts.mark_all_shown.trigger()
    for g in groups:
        kept = [m.index for m in g.members if not marks.is_delete(g, m.index)]
        assert kept and (g.keep in kept or safe in kept)
        assert not marks.is_delete(g, safe) or safe not in g.indices
    window.acts.invert_shown.trigger()  # every marked file kept; the keepers would all go: one stays
    for g in groups:
        assert len(marks.deleted(g)) < len(g.members)
        assert safe not in marks.deleted(g)
    # Per group, on the group shown.
    window.select_row(0)
    g = window.current_group()
    window.acts.mark_all.trigger()
    # Everything but what must stay: the protected file, or else the keeper.
    expected = (
        [i for i in g.indices if i != safe] if safe in g.indices else [i for i in g.indices if i != g.keep]
    )
    assert marks.deleted(g) == expected
    window.acts.invert.trigger()
    assert marks.deleted(g) == ([] if safe in g.indices else [g.keep])


# -- the model, installed from the window -------------------------------------------------------
def test_choosing_a_model_file_that_is_not_the_default_says_so(qtbot, window, tmp_path) -> None:
    from tests.onnx_models import conv_model

    window.install_model_dialog()
    dialog = window.model_dialog
    model = conv_model(tmp_path / "tiny.onnx")
    dialog.ask_file = lambda: str(model)
    dialog.file_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=30_000)
    assert "is not the default model" in dialog.status.text() and "--spec" in dialog.status.text()
    assert dialog.file_button.isEnabled()


@pytest.mark.shared
@pytest.mark.skipif(
    not (SHARED / "models" / "SqueezeNet_fp16.onnx").is_file(), reason="../shared/models absent"
)
def test_the_default_model_downloads_with_progress_and_the_note_changes(
    qtbot, window, tmp_path, monkeypatch, wait_scan
) -> None:
    import http.server
    import threading
    from functools import partial

    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(SHARED / "models"))
    handler.log_message = lambda *a: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("DUPE_VIEWER_MODEL_URL", f"http://127.0.0.1:{server.server_port}/SqueezeNet_fp16.onnx")
    try:
        result = make_result(
            [record(0), record(1)],
            [(0, 1)],
            [0.97],
            deep={"enabled": False, "reason": "no model installed; deep similarity (crops, tilts) is off."},
        )
        window.scan_fn = fake_scan(result)
        window.add_paths([str(tmp_path)])
        wait_scan(window)
        assert "no model" in window.deep_note.text()
        window.similarity.install_button.click()
        dialog = window.model_dialog
        seen: list[int] = []
        dialog.progress.valueChanged.connect(seen.append)
        dialog.download_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=120_000)
        assert "Installed" in dialog.status.text(), dialog.status.text()
        assert dialog.progress.maximum() == 1 and len(seen) > 2  # it moved
        assert "no model" not in window.deep_note.text()
        from dupe_viewer.core.deep import installed

        assert installed.get_installed() is not None
        # The same engine call as `models install --from FILE`, from the file chooser.
        installed.remove(installed.get_installed().id)
        dialog.ask_file = lambda: str(SHARED / "models" / "SqueezeNet_fp16.onnx")
        dialog.file_button.click()
        qtbot.waitUntil(lambda: not dialog.busy, timeout=120_000)
        assert installed.get_installed() is not None
    finally:
        server.shutdown()


# -- messages and results that stay current -------------------------------------------------------
def test_cancel_keeps_the_last_complete_results(qtbot, window, tmp_path, wait_scan) -> None:
    first = load(window, tmp_path, wait_scan)
    partial = make_result(first.records, [(0, 1)], [1.0], ["exact"])
    release = []

    def scan(roots, options, cancel=None):
        from dupe_viewer.core import GroupsFound

        yield GroupsFound(partial)
        while not cancel.is_set():
            yield Progress(Phase.DECODE, 1, 7)
            import time

            time.sleep(0.02)
        release.append(True)

    window.scan_fn = scan
    window.start_scan()
    qtbot.waitUntil(lambda: window.scanner.running)
    qtbot.wait(200)
    assert window.result is first and window.model.rowCount() == 2  # not the partial groups
    window.cancel_scan()
    qtbot.waitUntil(lambda: not window.scanner.running)
    assert window.result is first and window.final and window.model.rowCount() == 2
    assert window.acts.trash.isEnabled() or window.marks.scope().seen_files == 0


def test_after_trashing_every_group_the_message_does_not_say_move_the_slider(
    qtbot, window, photos, wait_scan, wait_idle, trash_dir
) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    assert window.model.rowCount() > 0
    window.marks.see_all()
    window.confirm = lambda *a: 1
    window.review.trash_marked()
    wait_idle(window)
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)
    said = window.message.text()
    assert "slider" not in said and "left" in said


def test_the_outcome_dialog_shows_every_reason_whole(qtbot, window) -> None:
    reason = "changed since the scan (size, modification time, inode or status change time): " + "x" * 300
    outcome = actions.Outcome(
        "/some/where/a/very/long/path/" + "d" * 120 + "/file.jpg", actions.SKIPPED, reason
    )
    dialog = OutcomeDialog("Done, with problems", "Moved 0 files.", [outcome], window)
    qtbot.addWidget(dialog)
    item = dialog.list.item(0)
    assert reason in item.text() and outcome.path in item.text()
    assert dialog.list.wordWrap() and dialog.list.textElideMode() == Qt.TextElideMode.ElideNone
