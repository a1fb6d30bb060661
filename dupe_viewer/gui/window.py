"""The main window: folders on the left, groups below them, the group under review on the right,
and what will happen to the marked files at the bottom.

This module wires widgets to the engine; it does no file I/O itself. Scans run on a QThread
(:mod:`.background.scan_worker`), regrouping and file actions on pool threads
(:mod:`.background.regrouper`, :mod:`.background.tasks`), images are decoded by an
:class:`ImageLoader`. The panels are built in :mod:`.panels`; what the user decides about the
groups (marks, rules, "not duplicates", trash/move, export) is the composed
:class:`~.review.ReviewController`. The window keeps the current view: the groups shown and the
:class:`GroupingParams` they were made with (the result itself never changes).

It is longer than 400 lines because it is the one place where the panels, the background
workers and the review controller are connected; each piece of behaviour lives in its own module.
"""

from __future__ import annotations

import gc
import os
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import DupGroup, GroupingParams, ScanOptions, ScanResult, scan
from ..core.act.report_open import is_report_path
from . import engine_text, text
from .background.image_loader import ImageLoader
from .background.regrouper import Regrouper
from .background.tasks import TaskRunner
from .compare_view import CompareView
from .dialogs import ErrorsDialog, ShortcutsDialog, confirm
from .file_menu import FileMenuHandlers, file_menu, group_menu
from .groups_panel import GroupsPanel
from .i18n import add_language_menu
from .marks import Marks
from .mass_marks import MassMarker
from .menus import build_actions, build_menus
from .model_install import ModelInstallDialog
from .panels import ActionBar, ProgressStrip, SimilarityPanel, WelcomePage
from .report_opening import ReportOpener, report_title
from .review import ReviewController
from .roots import RootsModel, RootsPanel
from .scanning import ScanSession
from .settings import GuiSettings

STYLE = """
#welcomeTitle { font-size: 22pt; font-weight: bold; }
#welcomeText { font-size: 11pt; }
#dropZone { border: 3px dashed palette(mid); border-radius: 12px; }
#trashButton { font-weight: bold; padding: 6px 14px; }
#trashButton:enabled { background: #c62828; color: white; border-radius: 4px; }
#totals { font-weight: bold; }
#groupTitle { font-size: 11pt; }
#bigMessage { font-size: 14pt; }
#deepNote { color: gray; }
"""


class MainWindow(QMainWindow):
    """See the module docstring. ``scan_fn`` is injectable for tests (default: the engine's scan)."""

    def __init__(self, settings: GuiSettings | None = None, scan_fn: Any = scan) -> None:
        super().__init__()
        self.settings = settings or GuiSettings()
        self.scan_fn = scan_fn
        self.result: ScanResult | None = None
        self.final = False  # True once the result is a finished scan (not early groups)
        # The finished result on screen while a rescan runs: kept there (instead of the rescan's
        # partial groups) and back in use if the rescan is cancelled.
        self.kept: ScanResult | None = None
        self.view_grouping: GroupingParams | None = None  # what the groups shown were made with

        self.marks = Marks(self)
        self.mass_marks = MassMarker(self.marks, self)
        self.thumbs = ImageLoader(threads=2, budget_bytes=96 * 1024 * 1024, max_pending=300, parent=self)
        self.previews = ImageLoader(threads=2, budget_bytes=512 * 1024 * 1024, max_pending=24, parent=self)
        self.io = TaskRunner(1, self)
        self.io_models = TaskRunner(1, self)  # a download must not hold up the file actions
        self.model_dialog: ModelInstallDialog | None = None
        self.review = ReviewController(self, self, self.settings.keep_rules())
        self.regrouper = Regrouper(self, self.marks)  # works out the marks off this thread too
        self.regrouper.regrouped.connect(self._on_regrouped)
        self.regrouper.failed.connect(lambda msg: self.warn(self.tr("Regrouping failed"), msg))
        self.roots_model = RootsModel(self.settings.roots(), self)
        self.roots_model.rootsChanged.connect(self._on_roots_changed)

        self.setAcceptDrops(True)
        self.setStyleSheet(STYLE)
        self.acts = build_actions(self, self._handlers(), self.review.toggle_member)
        self._build_ui()
        menus = build_menus(self.menuBar(), self.acts)
        add_language_menu(menus["view"], self.settings, lambda note: self.statusBar().showMessage(note, 9000))
        self._restore_layout()
        self.update_actions()
        self._show_page()
        self._update_title()

    # == construction ==============================================================================
    def _handlers(self) -> dict[str, Any]:
        """What each action of :mod:`.menus` does (the compare view is made later: late-bound)."""
        review = self.review
        return {
            "add": self.add_folder_dialog,
            "scan": self.start_scan,
            "cancel": self.cancel_scan,
            "export": review.export_dialog,
            "open_report": self.open_report_dialog,
            "quit": self.close,
            "next": lambda: self.step_group(1),
            "prev": lambda: self.step_group(-1),
            "accept": review.accept_and_next,
            "keep_all": review.keep_all_in_group,
            "mark_all": lambda: self.mark_groups(self._current(), lambda g, i: True),
            "invert": lambda: self.mark_groups(self._current(), self._inverted),
            # Every group shown: off this thread when there are many (see .mass_marks).
            "mark_all_shown": lambda: self.mass_marks.apply(self.shown_groups(), "all"),
            "unmark_all_shown": lambda: self.mass_marks.apply(self.shown_groups(), "none"),
            "invert_shown": lambda: self.mass_marks.apply(self.shown_groups(), "invert"),
            "install_model": self.install_model_dialog,
            "accept_all": review.accept_all,
            "rules": review.rules_dialog,
            "dismiss": review.dismiss_group,
            "trash": review.trash_marked,
            "move": review.move_marked,
            "undo_move": review.undo_move_dialog,
            "dismissals": review.dismissals_dialog,
            "errors": self.errors_dialog,
            "fit": lambda: self.compare.fit(),
            "actual": lambda: self.compare.actual_pixels(),
            "zoom_in": lambda: self.compare.zoom(1.25),
            "zoom_out": lambda: self.compare.zoom(0.8),
            "full": self.toggle_full_screen,
            "mode": lambda: self.compare.toggle_mode(),
            "right_next": lambda: self.compare.cycle_right(1),
            "right_prev": lambda: self.compare.cycle_right(-1),
            "escape": self.escape,
            "shortcuts": self.shortcuts_dialog,
        }

    def _build_ui(self) -> None:
        # -- left: folders, similarity, groups --------------------------------------------------
        folders = QGroupBox(self.tr("1. Folders to scan"))
        self.roots_panel = RootsPanel(self.roots_model)
        self.roots_panel.addRequested.connect(self.add_folder_dialog)
        self.scan_button = QPushButton(self.tr("Scan"))
        self.scan_button.clicked.connect(self.start_scan)
        self.scan_button.setToolTip(self.acts.scan.toolTip())
        self.roots_panel.buttons.addWidget(self.scan_button)
        QVBoxLayout(folders).addWidget(self.roots_panel)
        folders.setMinimumHeight(120)
        self.similarity = SimilarityPanel(self.settings.get("scan/threshold"))
        self.threshold, self.deep, self.deep_note = (
            self.similarity.threshold,
            self.similarity.deep,
            self.similarity.deep_note,
        )
        self.threshold.valueChanged.connect(self._on_threshold)
        self.similarity.installRequested.connect(self.install_model_dialog)
        self.deep.valueChanged.connect(self._on_threshold)
        # Only a threshold the user chose is remembered; otherwise each model's recommendation
        # applies (programmatic changes block signals).
        self.deep.valueChanged.connect(lambda v: self.settings.set("scan/deep_threshold", v / 100))
        self.groups_panel = GroupsPanel(self.marks, self.thumbs, self.settings)
        self.groups_panel.currentChanged.connect(self._on_current_changed)
        self.groups_panel.filterChanged.connect(self._update_totals)
        self.model, self.proxy, self.table = (
            self.groups_panel.model,
            self.groups_panel.proxy,
            self.groups_panel.table,
        )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._group_menu)

        # The similarity box keeps its natural height (it grows by a line when a note shows);
        # the splitter only shares space between the folder list and the groups.
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.similarity)
        ll.addWidget(self.groups_panel, 1)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.addWidget(folders)
        self.left_splitter.addWidget(lower)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.setSizes([150, 700])

        # -- right: welcome / compare / message -------------------------------------------------
        self.pages = QStackedWidget()
        self.welcome = WelcomePage()
        self.welcome.addRequested.connect(self.add_folder_dialog)
        self.welcome.scanRequested.connect(self.start_scan)
        self.compare = CompareView(self.marks, self.previews)
        self.compare.add_tool_actions([self.acts.fit, self.acts.actual, self.acts.full])
        self.compare.toggleRequested.connect(self.review.toggle_index)
        self.compare.keepOnlyRequested.connect(self.review.keep_only)
        self.compare.dismissPairRequested.connect(self.review.dismiss_pair)
        self.compare.menuRequested.connect(self._file_menu)
        self.compare.modeChanged.connect(lambda m: self.settings.set("view/compare_mode", m))
        self.compare.mode = self.settings.get("view/compare_mode")
        self.message = QLabel()
        self.message.setObjectName("bigMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        for page in (self.welcome, self.compare, self.message):
            self.pages.addWidget(page)
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.pages)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setChildrenCollapsible(False)

        # -- bottom: scan progress, then what happens to the marked files ------------------------
        self.progress_strip = ProgressStrip(self.acts.cancel.toolTip())
        self.progress_strip.cancel_button.clicked.connect(self.cancel_scan)
        self.progress_detail = self.progress_strip.detail
        self.action_bar = ActionBar()
        bar = self.action_bar
        for button, act, slot, key in (
            (bar.accept_button, self.acts.accept, self.review.accept_and_next, " (A)"),
            (bar.rules_button, self.acts.rules, self.review.rules_dialog, " (R)"),
            (bar.dismiss_button, self.acts.dismiss, self.review.dismiss_group, " (D)"),
            (bar.move_button, self.acts.move, self.review.move_marked, ""),
        ):
            button.setToolTip(act.toolTip() + key)
            button.clicked.connect(slot)
        bar.trash_button.clicked.connect(self.review.trash_marked)
        self.trash_button, self.totals = bar.trash_button, bar.totals
        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(4, 4, 4, 0)
        cl.addWidget(self.main_splitter, 1)
        cl.addWidget(self.progress_strip)
        cl.addWidget(self.action_bar)
        self.setCentralWidget(central)

        self.scans = ScanSession(self.progress_strip, self.statusBar(), self)
        self.scanner = self.scans.scanner
        self.errors_button = self.scans.errors_button
        self.errors_button.clicked.connect(self.errors_dialog)
        self.scans.early.connect(self._on_early_groups)
        self.scans.finished.connect(self._on_finished)
        self.scans.failed.connect(lambda msg: self.warn(self.tr("The scan failed"), msg))
        self.scans.stopped.connect(self._on_scan_stopped)
        self.reports = ReportOpener(self, self.progress_strip)
        self.reports.loaded.connect(self._on_report_loaded)
        self.reports.failed.connect(
            lambda msg: self.warn(self.tr("Cannot open the report"), engine_text.problem_text(msg))
        )
        self.reports.stopped.connect(lambda: (self.update_actions(), self._show_page()))
        self.marks.changed.connect(self._update_totals)
        self._update_totals()

    def _restore_layout(self) -> None:
        s = self.settings
        if (geo := s.get_bytes("window/geometry")) is not None:
            self.restoreGeometry(geo)
        else:
            # First start: most of the screen (on 1920 px, room for two panes side by side in
            # every language's grid), at least 1400 × 860, and never more than fits.
            screen = self.screen() or QGuiApplication.primaryScreen()
            free = screen.availableGeometry() if screen is not None else QRect(0, 0, 1400, 860)
            self.resize(max(1400, free.width() * 9 // 10), max(860, free.height() * 9 // 10))
        self.fit_to_screen()
        self.main_splitter.setSizes([self.width() * 2 // 5, self.width() * 3 // 5])
        if (state := s.get_bytes("window/state")) is not None:
            self.restoreState(state)
        for key, splitter in (
            ("window/main_splitter", self.main_splitter),
            ("window/left_splitter", self.left_splitter),
        ):
            if (data := s.get_bytes(key)) is not None:
                splitter.restoreState(data)

    def fit_to_screen(self, available: QRect | None = None) -> None:
        """Never larger than the screen's free area (``available``: the screen's, less panels and
        docks), and inside it: a layout saved on a larger monitor, or the default size, would
        otherwise put the buttons at the right and bottom edges off a laptop's screen."""
        if available is None:
            screen = self.screen() or QGuiApplication.primaryScreen()
            if screen is None:
                return
            available = screen.availableGeometry()
        # The frame (title bar, borders) is known once shown; before that, leave room for it.
        frame = self.frameGeometry()
        extra_w = frame.width() - self.width() if self.isVisible() else 0
        extra_h = frame.height() - self.height() if self.isVisible() else 32
        width = min(self.width(), available.width() - extra_w)
        height = min(self.height(), available.height() - extra_h)
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(frame.x(), available.x()), available.right() + 1 - width - extra_w)
        y = min(max(frame.y(), available.y()), available.bottom() + 1 - height - extra_h)
        if (x, y) != (frame.x(), frame.y()):
            self.move(max(x, available.x()), max(y, available.y()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.isFullScreen() and not self.isMaximized():
            self.fit_to_screen()

    def save_settings(self) -> None:
        s = self.settings
        s.set_bytes("window/geometry", self.saveGeometry())
        s.set_bytes("window/state", self.saveState())
        s.set_bytes("window/main_splitter", self.main_splitter.saveState())
        s.set_bytes("window/left_splitter", self.left_splitter.saveState())
        s.set_roots(self.roots_model.roots())
        s.set("scan/threshold", self.threshold.value() / 100)
        s.set_keep_rules(self.review.keep_rules)
        self.groups_panel.save_sort()
        s.sync()

    # == pages and state ===========================================================================
    def _show_page(self) -> None:
        if self.result is None and not self.scanner.running:
            self.welcome.scan_button.setVisible(self.roots_model.rowCount() > 0)
            self.pages.setCurrentWidget(self.welcome)
        elif self.model.rowCount() == 0:
            if self.scanner.running:
                self.message.setText(self.tr("Scanning… groups will appear here as they are found."))
            elif self.result is not None and self.final and (self.review.gone or self.review.dismissed):
                self.message.setText(
                    self.tr(
                        "No duplicate groups are left: every one has been dealt with.\n\nRescan to look "
                        "again, or add more folders."
                    )
                )
            elif self.result is not None and self.final:
                self.message.setText(
                    self.tr(
                        "No duplicates found among %1.\n\nMove the “How alike” slider to the left to "
                        "look for looser matches, or add more folders."
                    ).replace("%1", text.count_files(len(self.result.records)))
                )
            else:
                self.message.setText(self.tr("The scan was cancelled before any duplicates were found."))
            self.pages.setCurrentWidget(self.message)
        else:
            self.pages.setCurrentWidget(self.compare)

    def update_actions(self) -> None:
        running = self.scanner.running
        have = self.model.rowCount() > 0
        ready = have and self.final and not running
        self.acts.scan.setEnabled(self.roots_model.rowCount() > 0)
        self.scan_button.setEnabled(self.roots_model.rowCount() > 0)
        self.scan_button.setText(self.tr("Rescan") if self.result is not None else self.tr("Scan"))
        self.acts.cancel.setEnabled(running)
        self.acts.export.setEnabled(self.result is not None and self.final)
        scope = self.marks.scope(self.shown_ids())
        for a in (self.acts.trash, self.acts.move):
            a.setEnabled(ready and scope.seen_files + scope.unseen_files > 0)
        bar = self.action_bar
        bar.trash_button.setEnabled(self.acts.trash.isEnabled())
        bar.move_button.setEnabled(self.acts.move.isEnabled())
        for w in (self.acts.accept, self.acts.keep_all, bar.accept_button):
            w.setEnabled(have)
        for w in (self.acts.dismiss, bar.dismiss_button):
            w.setEnabled(have and self.final)
        # A saved report's keepers are the report's: the rules need the scan's image facts.
        report = self.result is not None and self.result.source is not None
        for w in (bar.rules_button, self.acts.rules):
            w.setEnabled(have and self.final and not report)
        self.acts.open_report.setEnabled(not running and not self.reports.running)

    @Slot()
    def _update_totals(self) -> None:
        self.action_bar.show_totals(
            self.marks.total_files,
            self.marks.total_bytes,
            self.result is not None,
            self.marks.scope(self.shown_ids()),
            self.groups_panel.proxy.filtering,
        )
        self.update_actions()

    # == what the review controller asks of the window (see review.ReviewHost) =====================
    def groups(self) -> list[DupGroup]:
        return self.model.groups()

    def shown_ids(self) -> set[int] | None:
        """The groups a file action may touch: those the filter shows (None: every group)."""
        return self.groups_panel.shown_ids()

    def grouping(self) -> GroupingParams:
        """The thresholds, keep rules and protected folders the groups are (to be) made with."""
        assert self.result is not None
        base = self.view_grouping or self.result.grouping
        deep = self.deep.value() / 100 if self.result.pairs.has_deep else base.deep_threshold
        protected = self.roots_model.protected_paths()
        if self.result.source is not None:  # a saved report: its protected folders stay protected
            protected = tuple(dict.fromkeys((*protected, *self.result.grouping.protected)))
        return replace(
            base,
            threshold=self.threshold.value() / 100,
            deep_threshold=deep,
            keep_rules=tuple(self.review.keep_rules),
            protected=protected,
        )

    def scanning(self) -> bool:
        return self.scanner.running or self.reports.running

    def root_paths(self) -> list[str]:
        return [r.path for r in self.roots_model.roots()]

    def can_move(self) -> bool:
        return self.acts.move.isEnabled()

    def confirm(self, title: str, question: str, detail: str, action_text: str, wider_text: str = "") -> int:
        """The confirmation question (tests replace this method): see :func:`dialogs.confirm`."""
        return confirm(self, title, question, detail, action_text, wider_text)

    def ask_folder(self, title: str, start: str) -> str:
        """The folder chooser (tests replace this method)."""
        return QFileDialog.getExistingDirectory(self, title, start)

    def warn(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        self.show_dialog(box)

    def show_dialog(self, dialog: Any) -> None:
        """Window-modal, non-blocking: the event loop (and any worker signals) keeps running."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()

    # == folders and scanning ======================================================================
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if len(paths) == 1 and is_report_path(paths[0]):
            # A saved report opens for review (as `dupe-viewer REPORT` does): it is no folder to scan.
            event.acceptProposedAction()
            self.open_report(os.path.abspath(paths[0]))
        elif paths:
            event.acceptProposedAction()
            self.add_paths(paths, scan=True)

    def add_paths(self, paths: list[str], scan: bool = True) -> None:
        """Add folders (or files) to the list; with ``scan``, (re)start scanning at once."""
        added = self.roots_model.add([p for p in paths if p])
        if added and scan:
            self.start_scan()
        elif not added:
            self.statusBar().showMessage(self.tr("Already in the list."), 4000)

    def add_folder_dialog(self) -> None:
        start = self.settings.get("paths/last_folder") or os.path.expanduser("~")
        folder = self.ask_folder(self.tr("Add a folder to scan"), start)
        if folder:
            self.settings.set("paths/last_folder", folder)
            self.add_paths([folder], scan=True)

    def _update_title(self) -> None:
        """The folders scanned, or nothing: Qt adds the application's name ("photos — Dupe
        Viewer", or just "Dupe Viewer")."""
        if self.result is not None and self.result.source is not None:
            self.setWindowTitle(report_title(self.result))
            return
        names = [text.shown_path(os.path.basename(p.rstrip(os.sep)) or p) for p in self.root_paths()]
        title = ", ".join(names[:2])
        if len(names) > 2:
            title = self.tr("%1 and %n more", None, len(names) - 2).replace("%1", title)
        self.setWindowTitle(title)

    @Slot(bool)
    def _on_roots_changed(self, needs_rescan: bool) -> None:
        self._update_title()
        self.settings.set_roots(self.roots_model.roots())
        self.update_actions()
        self._show_page()
        if self.result is None:
            return
        if needs_rescan:
            self.statusBar().showMessage(self.tr("Folders changed: press Rescan to update the groups."), 8000)
        else:
            self.request_regroup()  # protection only changes who is kept

    def scan_options(self) -> ScanOptions:
        deep = self.settings.get("scan/deep_threshold")
        return ScanOptions(
            threshold=self.threshold.value() / 100,
            deep_threshold=float(deep) if deep is not None else None,
            keep_rules=self.review.keep_rules,
            protected=self.roots_model.protected_paths(),
        )

    def start_scan(self) -> None:
        roots = self.roots_model.roots()
        if not roots:
            self.statusBar().showMessage(self.tr("Add a folder first (drop it on the window)."), 5000)
            return
        if self.scans.start(roots, self.scan_options(), self.scan_fn, self._marks_stager()):
            # A finished result stays on screen (read-only) until the new one is complete.
            self.kept = self.result if self.final else None
            self.final = False
            if self.kept is None:
                self.review.new_scan()
        self.update_actions()
        self._show_page()

    def _marks_stager(self) -> Any:
        """What the scan's thread runs to work out the marks of its early and final groups (the
        protected folders as they are now: :meth:`Marks.adopt` refuses them if that changes). The
        early groups are shown only when no finished result is kept on screen."""
        marks, protected, show_early = self.marks, self.roots_model.protected_paths(), not self.final

        def stage(result: ScanResult) -> Marks | None:
            if not result.complete and not show_early:
                return None
            return marks.staged_for(result.records, result.groups, protected)

        return stage

    def cancel_scan(self) -> None:
        self.scans.cancel()
        self.reports.cancel()

    def open_report_dialog(self) -> None:
        """File ▸ Open report…: a report file, then which of its groups (see .report_opening)."""
        start = self.settings.get("paths/last_report") or os.path.expanduser("~")
        path = self.reports.ask(start)
        if path:
            self.settings.set("paths/last_report", path)
            self.open_report(path)

    def open_report(self, path: str, subset: Any = None) -> None:
        """Read the saved report ``path`` (asking which groups unless ``subset`` is given)."""
        if self.scanner.running:
            self.statusBar().showMessage(self.tr("Wait for the scan to end, or cancel it."), 6000)
            return
        self.reports.open(path, subset)
        self.update_actions()

    @Slot(object, object)
    def _on_report_loaded(self, result: ScanResult, excluded: set) -> None:
        self.final = True
        self.kept = None
        self.review.new_scan(excluded)  # the remembered "not duplicates", as after a scan
        self.scans.errors.clear()
        self.scans.add_warnings(result)
        self.similarity.show_deep(result)
        self.similarity.set_threshold(result.grouping.threshold)
        self._set_result(result, result.groups)
        self._update_title()
        src = result.source
        assert src is not None
        roots = ", ".join(text.shown_path(r) for r in result.roots)
        message = (
            self.tr("%1: %Ln group(s) of %2 read, from %3.", None, len(result.groups))
            .replace("%1", report_title(result))
            .replace("%2", text.number_text(src.read))
            .replace("%3", roots)
        )
        if src.truncated:
            message += " " + self.tr("The group limit stopped the reading before the end of the report.")
        self.statusBar().showMessage(message, 20000)

    @property
    def errors(self) -> list[tuple[str, str]]:
        return self.scans.errors

    @Slot(object)
    def _on_early_groups(self, partial: ScanResult) -> None:
        """Exact duplicates known before the scan ends: shown (read-only actions) until it does."""
        staged = self.scans.take_staged(partial)
        if not self.final and self.kept is None:
            self._set_result(partial, partial.groups, staged)

    @Slot(object, object)
    def _on_finished(self, result: ScanResult, excluded: set) -> None:
        self.final = True
        self.kept = None
        self.review.new_scan(excluded)
        self.scans.add_warnings(result)
        self.similarity.show_deep(result)
        self.similarity.set_threshold(result.grouping.threshold)
        self._set_result(result, result.groups, self.scans.take_staged(result))
        s = result.stats
        self.statusBar().showMessage(
            self.tr("Scanned %1 in %2 (%3 from the cache): %Ln group(s).", None, len(result.groups))
            .replace("%1", text.count_files(s.files))
            .replace("%2", text.duration_text(s.seconds))
            .replace("%3", text.number_text(s.from_cache)),
            15000,
        )

    @Slot(bool)
    def _on_scan_stopped(self, restart: bool) -> None:
        if self.kept is not None and self.result is self.kept and not restart:
            self.final = True  # cancelled or failed: the last complete result is in use again
            self.kept = None
            self.statusBar().showMessage(
                self.tr("Scan stopped. The results of the last complete scan are still shown."), 10000
            )
        self.update_actions()
        self._show_page()
        if restart:
            self.start_scan()

    def _set_result(self, result: ScanResult, groups: list[DupGroup], staged: Marks | None = None) -> None:
        self.result = result
        self.similarity.set_report(result.source is not None)
        self.view_grouping = result.grouping
        self.compare.grouping = result.grouping
        self.compare.set_result(result)
        self._apply_groups(groups, staged)

    # == groups ====================================================================================
    @Slot()
    def _on_threshold(self) -> None:
        if self.result is not None and self.final:
            self.request_regroup()

    def request_regroup(self) -> None:
        if self.result is not None and self.final:
            self.regrouper.request(self.result, self.grouping(), self.review.excluded())

    @Slot(object, object, object, object)
    def _on_regrouped(
        self, result: ScanResult, params: GroupingParams, groups: list[DupGroup], staged: Marks | None
    ) -> None:
        if result is not self.result:
            return  # a rescan replaced it meanwhile
        self.view_grouping = params
        self.compare.grouping = params
        self._apply_groups(groups, staged)

    def _apply_groups(self, groups: list[DupGroup], staged: Marks | None = None) -> None:
        assert self.result is not None
        # The marks worked out on the regroup's thread, unless a mark changed since it started.
        protected = self.roots_model.protected_paths()
        if staged is None or not self.marks.adopt(staged, protected):
            self.marks.set_groups(self.result.records, groups, protected)
        self.groups_panel.set_groups(self.result.records, groups)
        self._update_totals()
        self._show_page()
        # The result and its groups live as long as they are shown: the collector need not walk
        # them again. A full collection walks every record and member (a third of a second at
        # 100,000 files) and can start on any allocation, on any thread, holding up this one;
        # frozen objects are skipped (still freed by reference counting when replaced: they
        # hold no cycles).
        gc.freeze()

    def select_row(self, row: int) -> None:
        self.groups_panel.select_row(row)

    # == marks of whole groups, context menus ======================================================
    def shown_groups(self) -> list[DupGroup]:
        """The groups the list shows (all of them when no filter is set)."""
        ids = self.shown_ids()
        return [g for g in self.groups() if ids is None or g.id in ids]

    def _current(self) -> list[DupGroup]:
        g = self.current_group()
        return [g] if g is not None else []

    def _inverted(self, group: DupGroup, index: int) -> bool:
        return not self.marks.is_delete(group, index)

    def mark_groups(self, groups: list[DupGroup], delete: Any) -> None:
        """Mark the members of ``groups`` as ``delete(group, index)`` says, within the marks'
        rules (protected files and one file of every group stay kept)."""
        if groups:
            self.marks.set_marks(groups, delete)

    def _file_menu(self, index: int, where: QPoint) -> None:
        """A pane's menu: open, show in the file manager, copy the path, its mark."""
        g = self.marks.group_of(index)
        if self.result is None or g is None:
            return
        marked = None if self.marks.is_protected(index) else self.marks.is_delete(g, index)
        handlers = FileMenuHandlers(
            self.review.toggle_index, self.review.keep_only, lambda m: self.statusBar().showMessage(m, 8000)
        )
        self.last_menu = file_menu(self, self.result.records[index].path, index, marked, handlers)
        self.last_menu.popup(where)

    def _group_menu(self, pos: QPoint) -> None:
        """A group row's menu: the kept file opened or shown, the paths copied, the marks."""
        idx = self.table.indexAt(pos)
        if self.result is None or not idx.isValid():
            return
        g = self.model.group(self.proxy.mapToSource(idx).row())
        if g is None:
            return
        records = self.result.records
        marks = [
            (self.tr("Mark all but the keeper"), lambda: self.mark_groups([g], lambda _g, _i: True)),
            (self.tr("Keep every file"), lambda: self.marks.keep_all([g])),
            (self.tr("Invert the marks"), lambda: self.mark_groups([g], self._inverted)),
            (self.tr("Back to the suggestion"), lambda: self.marks.accept_suggestion([g])),
        ]
        self.last_menu = group_menu(
            self,
            [records[m.index].path for m in g.members],
            records[g.keep].path,
            marks,
            lambda m: self.statusBar().showMessage(m, 8000),
        )
        self.last_menu.popup(self.table.viewport().mapToGlobal(pos))

    def install_model_dialog(self) -> None:
        """Download the deep model, or install a model file, with progress (Tools menu)."""
        dialog = ModelInstallDialog(self.io_models, self)
        dialog.installed.connect(lambda _spec: self.similarity.set_model_installed())
        self.model_dialog = dialog
        self.show_dialog(dialog)

    def current_group(self) -> DupGroup | None:
        return self.groups_panel.current_group()

    def step_group(self, step: int) -> None:
        self.groups_panel.step(step)

    @Slot(object)
    def _on_current_changed(self, group: DupGroup | None) -> None:
        self.compare.set_group(group)
        if group is not None:
            self.marks.see([group])  # shown side by side: its marks are the person's to act on

    # == view and dialogs ============================================================================
    def errors_dialog(self) -> None:
        ErrorsDialog(self.errors, self).exec()

    def shortcuts_dialog(self) -> None:
        acts = [a for a in self.actions() if a not in self.acts.toggle]
        extra = [
            ("1 … 9", self.tr("Keep/trash file 1 to 9 of the group")),
            (self.tr("Mouse wheel / drag"), self.tr("Zoom / pan all images together")),
        ]
        ShortcutsDialog(acts, extra, self).exec()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
            self.left_splitter.show()
            self.action_bar.show()
            self.menuBar().show()
        else:
            self.left_splitter.hide()
            self.menuBar().hide()
            self.showFullScreen()

    def escape(self) -> None:
        if self.isFullScreen():
            self.toggle_full_screen()
        elif self.scanner.running:
            self.cancel_scan()

    # == shutdown ==================================================================================
    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.scanner.wait(10_000)
        self.reports.wait(10_000)
        self.regrouper.wait(10_000)
        self.mass_marks.wait(10_000)
        self.io.wait(60_000)  # a trash in progress finishes the file it is on; the journal is per file
        if self.model_dialog is not None and self.model_dialog.task is not None:
            self.model_dialog.task.cancel()  # a download stops at its next chunk (and resumes later)
        self.io_models.wait(30_000)
        self.thumbs.wait(5_000)
        self.previews.wait(5_000)
        super().closeEvent(event)
