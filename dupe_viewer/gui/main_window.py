"""The main window: folders on the left, groups below them, the group under review on the right,
and what will happen to the marked files at the bottom.

This module wires widgets to the engine; it does no file I/O itself. Scans run on a QThread
(:mod:`scan_worker`), regrouping and file actions on pool threads (:mod:`regroup`, :mod:`tasks`),
images are decoded by :class:`ImageLoader`. What the user does with the groups (marks, rules,
"not duplicates", trash/move, export, dialogs) lives in the :class:`~.review.ReviewMixin`.
"""

from __future__ import annotations

import os
import time
from typing import Any

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Slot
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSlider,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import ScanOptions, ScanResult, ScanStats, scan
from ..core.features import FEATURE_DTYPE
from ..core.scan import DupGroup
from . import text
from .compare_view import CompareView
from .dialogs import (
    confirm,
)
from .group_model import (
    FILES,
    FREES,
    KEEPER,
    KIND,
    PREVIEW,
    SIMILARITY,
    STRIP_MAX,
    THUMB,
    GroupFilterProxy,
    GroupModel,
    StripDelegate,
)
from .images import ImageLoader
from .marks import Marks
from .regroup import Regrouper, RegroupParams, apply, excluded_for
from .review import ReviewMixin
from .roots import RootsModel, RootsPanel
from .scan_worker import ScanController, ScanWorker
from .settings import GuiSettings, rules_to_text
from .tasks import TaskRunner

DEEP_RANGE = (80, 100)  # deep-similarity slider, percent
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


class MainWindow(ReviewMixin, QMainWindow):
    """See the module docstring. ``scan_fn`` is injectable for tests (default: the engine's scan)."""

    def __init__(self, settings: GuiSettings | None = None, scan_fn: Any = scan) -> None:
        super().__init__()
        self.settings = settings or GuiSettings()
        self.scan_fn = scan_fn
        self.result: ScanResult | None = None
        self.final = False  # True once the result is a finished scan (not early groups)
        self.dismissed: set[tuple[int, int]] = set()  # record-index pairs marked "not duplicates"
        self.gone: set[int] = set()  # record indices trashed or moved away since the scan
        self.errors: list[tuple[str, str]] = []
        self.keep_rules = self.settings.keep_rules()
        self._restart_scan = False
        self._phase = ("", 0.0)
        self._selected_records: list[int] = []

        self.marks = Marks(self)
        self.thumbs = ImageLoader(threads=2, budget_bytes=96 * 1024 * 1024, max_pending=300, parent=self)
        self.previews = ImageLoader(threads=2, budget_bytes=512 * 1024 * 1024, max_pending=24, parent=self)
        self.io = TaskRunner(1, self)
        self.regrouper = Regrouper(self)
        self.regrouper.regrouped.connect(self._on_regrouped)
        self.regrouper.failed.connect(lambda msg: self._warn(self.tr("Regrouping failed"), msg))
        self.scanner = ScanController(self)
        self.scanner.stopped.connect(self._on_scan_stopped)
        self.roots_model = RootsModel(self.settings.roots(), self)
        self.roots_model.rootsChanged.connect(self._on_roots_changed)

        self.setWindowTitle(self.tr("Dupe Viewer: find duplicate photos"))
        self.setAcceptDrops(True)
        self.setStyleSheet(STYLE)
        self._build_actions()
        self._build_ui()
        self._build_menus()
        self._restore_layout()
        self._update_actions()
        self._show_page()

    # == construction ==============================================================================
    def _action(self, label: str, slot: Any, keys: str | list[str] | None = None, tip: str = "") -> QAction:
        act = QAction(label, self)
        if keys:
            act.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
        if tip:
            act.setToolTip(tip)
            act.setStatusTip(tip)
        act.triggered.connect(slot)
        self.addAction(act)  # shortcuts work wherever the focus is in the window
        return act

    def _build_actions(self) -> None:
        self.act_add = self._action(
            self.tr("&Add folder…"), self.add_folder_dialog, "Ctrl+O", self.tr("Choose a folder to scan")
        )
        self.act_scan = self._action(
            self.tr("&Scan"),
            self.start_scan,
            "F5",
            self.tr("Scan the folders listed (fast again: results are cached)"),
        )
        self.act_cancel = self._action(
            self.tr("&Cancel scan"),
            self.cancel_scan,
            None,
            self.tr("Stop the scan; what was read so far is kept for next time"),
        )
        self.act_export = self._action(
            self.tr("&Export groups…"),
            self.export_dialog,
            "Ctrl+E",
            self.tr("Save the groups as a JSON or CSV report"),
        )
        self.act_quit = self._action(self.tr("&Quit"), self.close, "Ctrl+Q")
        self.act_next = self._action(self.tr("Next group"), lambda: self.step_group(1), ["N", "Ctrl+Down"])
        self.act_prev = self._action(self.tr("Previous group"), lambda: self.step_group(-1), ["P", "Ctrl+Up"])
        self.act_accept = self._action(
            self.tr("Accept suggestion and go to next group"),
            self.accept_and_next,
            "A",
            self.tr("Keep the suggested file, trash the other copies, and show the next group"),
        )
        self.act_keep_all = self._action(
            self.tr("Keep every file of this group"), self.keep_all_in_group, "K"
        )
        self.act_accept_all = self._action(self.tr("Reset all marks to the suggestions"), self.accept_all)
        self.act_rules = self._action(
            self.tr("Auto-select &rules…"),
            self.rules_dialog,
            "R",
            self.tr("Choose which file to keep in every group by rules"),
        )
        self.act_dismiss = self._action(
            self.tr("Not duplicates"),
            self.dismiss_group,
            "D",
            self.tr("These files are not duplicates: never group them again"),
        )
        self.act_trash = self._action(self.tr("Move marked files to the trash…"), self.trash_marked, "Delete")
        self.act_move = self._action(
            self.tr("Move marked files to a folder…"),
            self.move_marked,
            "Ctrl+M",
            self.tr("Move the marked files to a folder instead of the trash"),
        )
        self.act_undo_move = self._action(self.tr("Undo a move to folder…"), self.undo_move_dialog)
        self.act_dismissals = self._action(self.tr("Not duplicates list…"), self.dismissals_dialog)
        self.act_errors = self._action(self.tr("Problems found…"), self.errors_dialog)
        self.act_fit = self._action(self.tr("Fit"), self._fit, "F", self.tr("Fit each image in its pane (F)"))
        self.act_100 = self._action(
            self.tr("100 %"),
            self._actual,
            "Z",
            self.tr("Actual pixels of the largest image; the others show the same area (Z)"),
        )
        self.act_zoom_in = self._action(self.tr("Zoom in"), lambda: self.compare.zoom(1.25), ["+", "="])
        self.act_zoom_out = self._action(self.tr("Zoom out"), lambda: self.compare.zoom(0.8), "-")
        self.act_full = self._action(
            self.tr("Full screen"),
            self.toggle_full_screen,
            "F11",
            self.tr("Show only the comparison, full screen (F11, Esc to leave)"),
        )
        self.act_mode = self._action(
            self.tr("Side by side / all files"), lambda: self.compare.toggle_mode(), "G"
        )
        self.act_right_next = self._action(
            self.tr("Compare with the next file"), lambda: self.compare.cycle_right(1), "]"
        )
        self.act_right_prev = self._action(
            self.tr("Compare with the previous file"), lambda: self.compare.cycle_right(-1), "["
        )
        self.act_escape = self._action(self.tr("Leave full screen / cancel scan"), self._escape, "Esc")
        self.act_shortcuts = self._action(self.tr("&Keyboard shortcuts"), self.shortcuts_dialog, ["F1", "?"])
        self.act_toggle = []
        for n in range(1, 10):
            act = self._action(
                self.tr("Keep/trash file %1").replace("%1", str(n)),
                lambda _=False, n=n: self.toggle_member(n - 1),
                str(n),
            )
            self.act_toggle.append(act)

    def _build_ui(self) -> None:
        # -- left: folders, similarity, groups --------------------------------------------------
        folders = QGroupBox(self.tr("1. Folders to scan"))
        self.roots_panel = RootsPanel(self.roots_model)
        self.roots_panel.addRequested.connect(self.add_folder_dialog)
        self.scan_button = QPushButton(self.tr("Scan"))
        self.scan_button.clicked.connect(self.start_scan)
        self.scan_button.setToolTip(self.act_scan.toolTip())
        self.roots_panel.buttons.addWidget(self.scan_button)
        fl = QVBoxLayout(folders)
        fl.addWidget(self.roots_panel)

        similar = QGroupBox(self.tr("2. How alike must files be?"))
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(50, 100)
        self.threshold.setValue(round(self.settings.get("scan/threshold") * 100))
        self.threshold.setToolTip(
            self.tr("Lower: more groups, including edited copies. Higher: only very close copies.")
        )
        self.threshold_label = QLabel()
        self.deep = QSlider(Qt.Orientation.Horizontal)
        self.deep.setRange(*DEEP_RANGE)
        self.deep.setToolTip(self.tr("Deep similarity also groups different shots of the same scene."))
        self.deep_label = QLabel()
        self.deep_note = QLabel()
        self.deep_note.setWordWrap(True)
        self.deep_note.setObjectName("deepNote")
        sl = QVBoxLayout(similar)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("looser")))
        row.addWidget(self.threshold, 1)
        row.addWidget(QLabel(self.tr("stricter")))
        sl.addWidget(self.threshold_label)
        sl.addLayout(row)
        deep_row = QHBoxLayout()
        deep_row.addWidget(self.deep_label)
        deep_row.addWidget(self.deep, 1)
        sl.addLayout(deep_row)
        sl.addWidget(self.deep_note)
        self.threshold.valueChanged.connect(self._on_threshold)
        self.deep.valueChanged.connect(self._on_threshold)
        # Only a threshold the user chose is remembered; otherwise each model's recommendation
        # applies (programmatic changes block signals).
        self.deep.valueChanged.connect(lambda v: self.settings.set("scan/deep_threshold", v / 100))
        self._show_deep(None)

        groups_box = QGroupBox(self.tr("3. Duplicate groups"))
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in ("exact", "near", "edited", "similar"):
            self.kind_filter.addItem(text.kind_text(kind), kind)
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by file or folder name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self.model = GroupModel(self.marks, self.thumbs, self)
        self.proxy = GroupFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(PREVIEW, StripDelegate(self.thumbs, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(THUMB + 12)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PREVIEW, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(PREVIEW, STRIP_MAX * (THUMB + 4) + 30)
        for col in (FILES, SIMILARITY, KIND):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(FREES, QHeaderView.ResizeMode.Stretch)
        # The kept file's name is in each row's tooltip and in the comparison; a column for it
        # would push the figures off a normal-width list.
        self.table.setColumnHidden(KEEPER, True)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        sort_col = self.settings.get("view/sort_column")
        if 0 <= sort_col < 6:
            self.table.sortByColumn(sort_col, Qt.SortOrder(self.settings.get("view/sort_order")))
        else:
            self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the engine's order
        self.group_count = QLabel()
        saved_kind = self.settings.get("view/kind_filter")
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(saved_kind)))
        filt = QHBoxLayout()
        filt.addWidget(self.kind_filter)
        filt.addWidget(self.search, 1)
        gl = QVBoxLayout(groups_box)
        gl.addLayout(filt)
        gl.addWidget(self.table, 1)
        gl.addWidget(self.group_count)

        # The similarity box keeps its natural height (it grows by a line when a note shows);
        # the splitter only shares space between the folder list and the groups.
        lower = QWidget()
        ll = QVBoxLayout(lower)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(similar)
        ll.addWidget(groups_box, 1)
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.addWidget(folders)
        self.left_splitter.addWidget(lower)
        self.left_splitter.setStretchFactor(1, 1)
        self.left_splitter.setChildrenCollapsible(False)
        self.left_splitter.setSizes([150, 700])
        folders.setMinimumHeight(120)

        # -- right: welcome / compare / message -------------------------------------------------
        self.pages = QStackedWidget()
        self.welcome = self._build_welcome()
        self.compare = CompareView(self.marks, self.previews)
        self.compare.add_tool_actions([self.act_fit, self.act_100, self.act_full])
        self.compare.toggleRequested.connect(self.toggle_index)
        self.compare.keepOnlyRequested.connect(self.keep_only)
        self.compare.dismissPairRequested.connect(self.dismiss_pair)
        self.compare.modeChanged.connect(lambda m: self.settings.set("view/compare_mode", m))
        self.compare.mode = self.settings.get("view/compare_mode")
        self.message = QLabel()
        self.message.setObjectName("bigMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pages.addWidget(self.welcome)
        self.pages.addWidget(self.compare)
        self.pages.addWidget(self.message)

        self.main_splitter = QSplitter(Qt.Orientation.Horizontal)
        self.main_splitter.addWidget(self.left_splitter)
        self.main_splitter.addWidget(self.pages)
        self.main_splitter.setStretchFactor(1, 1)
        self.main_splitter.setSizes([600, 900])

        # -- bottom: scan progress, then what happens to the marked files ------------------------
        self.progress_strip = QFrame()
        self.phase_label = QLabel()
        self.progress = QProgressBar()
        self.progress_detail = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.act_cancel.toolTip())
        self.cancel_button.clicked.connect(self.cancel_scan)
        pl = QHBoxLayout(self.progress_strip)
        pl.setContentsMargins(6, 2, 6, 2)
        pl.addWidget(self.phase_label)
        pl.addWidget(self.progress, 1)
        pl.addWidget(self.progress_detail)
        pl.addWidget(self.cancel_button)
        self.progress_strip.hide()

        self.action_bar = QFrame()
        self.accept_button = QPushButton(self.tr("Accept suggestion"))
        self.accept_button.setToolTip(self.act_accept.toolTip() + " (A)")
        self.accept_button.clicked.connect(self.accept_and_next)
        self.rules_button = QPushButton(self.tr("Auto-select…"))
        self.rules_button.setToolTip(self.act_rules.toolTip() + " (R)")
        self.rules_button.clicked.connect(self.rules_dialog)
        self.dismiss_button = QPushButton(self.tr("Not duplicates"))
        self.dismiss_button.setToolTip(self.act_dismiss.toolTip() + " (D)")
        self.dismiss_button.clicked.connect(self.dismiss_group)
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.move_button = QPushButton(self.tr("Move to folder…"))
        self.move_button.setToolTip(self.act_move.toolTip())
        self.move_button.clicked.connect(self.move_marked)
        self.trash_button = QPushButton()
        self.trash_button.setObjectName("trashButton")
        self.trash_button.setToolTip(
            self.tr("Asks for confirmation first. Files can be restored from the system trash.")
        )
        self.trash_button.clicked.connect(self.trash_marked)
        al = QHBoxLayout(self.action_bar)
        al.setContentsMargins(6, 4, 6, 4)
        for w in (self.accept_button, self.rules_button, self.dismiss_button):
            al.addWidget(w)
        al.addStretch(1)
        al.addWidget(self.totals)
        al.addSpacing(12)
        al.addWidget(self.move_button)
        al.addWidget(self.trash_button)

        central = QWidget()
        cl = QVBoxLayout(central)
        cl.setContentsMargins(4, 4, 4, 0)
        cl.addWidget(self.main_splitter, 1)
        cl.addWidget(self.progress_strip)
        cl.addWidget(self.action_bar)
        self.setCentralWidget(central)

        self.errors_button = QPushButton()
        self.errors_button.setFlat(True)
        self.errors_button.clicked.connect(self.errors_dialog)
        self.errors_button.hide()
        self.statusBar().addPermanentWidget(self.errors_button)
        self.marks.changed.connect(self._update_totals)
        self._update_totals()
        self._update_threshold_label()

    def _build_welcome(self) -> QWidget:
        page = QFrame()
        page.setObjectName("dropZone")
        title = QLabel(self.tr("Drop folders here to find duplicate photos"))
        title.setObjectName("welcomeTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        body = QLabel(
            self.tr(
                "Dupe Viewer finds exact copies and near-duplicates (resized, re-saved, edited) "
                "and shows them side by side. You choose what to keep; nothing is deleted: "
                "unwanted copies go to the trash, after you confirm."
            )
        )
        body.setObjectName("welcomeText")
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)
        add = QPushButton(self.tr("Add folder…"))
        add.clicked.connect(self.add_folder_dialog)
        self.welcome_scan = QPushButton(self.tr("Scan the folders listed"))
        self.welcome_scan.clicked.connect(self.start_scan)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(self.welcome_scan)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(body)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addStretch(3)
        layout.setContentsMargins(40, 20, 40, 20)
        return page

    def _build_menus(self) -> None:
        bar = self.menuBar()
        m = bar.addMenu(self.tr("&File"))
        for a in (self.act_add, self.act_scan, self.act_cancel, None, self.act_export, None, self.act_quit):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(self.tr("&Review"))
        for a in (
            self.act_next,
            self.act_prev,
            None,
            self.act_accept,
            self.act_keep_all,
            self.act_dismiss,
            None,
            self.act_rules,
            self.act_accept_all,
            None,
            self.act_trash,
            self.act_move,
        ):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(self.tr("&View"))
        for a in (
            self.act_mode,
            self.act_right_next,
            self.act_right_prev,
            None,
            self.act_fit,
            self.act_100,
            self.act_zoom_in,
            self.act_zoom_out,
            None,
            self.act_full,
        ):
            m.addSeparator() if a is None else m.addAction(a)
        m = bar.addMenu(self.tr("&Tools"))
        for a in (self.act_errors, self.act_dismissals, self.act_undo_move):
            m.addAction(a)
        m = bar.addMenu(self.tr("&Help"))
        m.addAction(self.act_shortcuts)

    def _restore_layout(self) -> None:
        s = self.settings
        if (geo := s.get_bytes("window/geometry")) is not None:
            self.restoreGeometry(geo)
        else:
            self.resize(1400, 860)
        if (state := s.get_bytes("window/state")) is not None:
            self.restoreState(state)
        for key, splitter in (
            ("window/main_splitter", self.main_splitter),
            ("window/left_splitter", self.left_splitter),
        ):
            if (data := s.get_bytes(key)) is not None:
                splitter.restoreState(data)

    def save_settings(self) -> None:
        s = self.settings
        s.set_bytes("window/geometry", self.saveGeometry())
        s.set_bytes("window/state", self.saveState())
        s.set_bytes("window/main_splitter", self.main_splitter.saveState())
        s.set_bytes("window/left_splitter", self.left_splitter.saveState())
        s.set_roots(self.roots_model.roots())
        s.set("scan/threshold", self.threshold.value() / 100)
        s.set("keep/rules", rules_to_text(self.keep_rules))
        header = self.table.horizontalHeader()
        s.set("view/sort_column", header.sortIndicatorSection() if header.isSortIndicatorShown() else -1)
        s.set("view/sort_order", header.sortIndicatorOrder().value)
        s.sync()

    # == pages and state ===========================================================================
    def _show_page(self) -> None:
        if self.result is None and not self.scanner.running:
            self.welcome_scan.setVisible(self.roots_model.rowCount() > 0)
            self.pages.setCurrentWidget(self.welcome)
        elif self.model.rowCount() == 0:
            if self.scanner.running:
                self.message.setText(self.tr("Scanning… groups will appear here as they are found."))
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

    def _update_actions(self) -> None:
        running = self.scanner.running
        have = self.model.rowCount() > 0
        ready = have and self.final and not running
        self.act_scan.setEnabled(self.roots_model.rowCount() > 0)
        self.scan_button.setEnabled(self.roots_model.rowCount() > 0)
        self.scan_button.setText(self.tr("Rescan") if self.result is not None else self.tr("Scan"))
        self.act_cancel.setEnabled(running)
        self.act_export.setEnabled(self.result is not None and self.final)
        for a in (self.act_trash, self.act_move):
            a.setEnabled(ready and self.marks.total_files > 0)
        self.trash_button.setEnabled(self.act_trash.isEnabled())
        self.move_button.setEnabled(self.act_move.isEnabled())
        for w in (
            self.act_accept,
            self.act_keep_all,
            self.act_dismiss,
            self.accept_button,
            self.dismiss_button,
        ):
            w.setEnabled(have)
        self.act_dismiss.setEnabled(have and self.final)
        self.dismiss_button.setEnabled(have and self.final)
        self.rules_button.setEnabled(self.final and have)
        self.act_rules.setEnabled(self.final and have)

    @Slot()
    def _update_totals(self) -> None:
        n, size = self.marks.total_files, self.marks.total_bytes
        self.totals.setText(
            self.tr("Marked for the trash: %1 (%2)")
            .replace("%1", text.count_files(n))
            .replace("%2", text.size_text(size))
            if self.result is not None
            else ""
        )
        self.trash_button.setText(
            self.tr("Move %1 (%2) to the trash")
            .replace("%1", text.count_files(n))
            .replace("%2", text.size_text(size))
            if n
            else self.tr("Move to the trash")
        )
        self._update_actions()

    # == folders and scanning ======================================================================
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event: Any) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
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
        folder = self._ask_folder(self.tr("Add a folder to scan"), start)
        if folder:
            self.settings.set("paths/last_folder", folder)
            self.add_paths([folder], scan=True)

    def _ask_folder(self, title: str, start: str) -> str:
        """The folder chooser (tests replace this method)."""
        return QFileDialog.getExistingDirectory(self, title, start)

    def _confirm(self, title: str, question: str, detail: str, action_text: str) -> bool:
        """The confirmation question (tests replace this method)."""
        return confirm(self, title, question, detail, action_text)

    @Slot(bool)
    def _on_roots_changed(self, needs_rescan: bool) -> None:
        self.settings.set_roots(self.roots_model.roots())
        self._update_actions()
        self._show_page()
        if self.result is None:
            return
        if needs_rescan:
            self.statusBar().showMessage(self.tr("Folders changed: press Rescan to update the groups."), 8000)
        else:
            self.request_regroup()  # protection only changes who is kept

    def scan_options(self) -> ScanOptions:
        opts = ScanOptions()
        opts.threshold = self.threshold.value() / 100
        deep = self.settings.get("scan/deep_threshold")
        if deep is not None:
            opts.deep_threshold = float(deep)
        opts.keep_rules = self.keep_rules
        opts.protected = self.roots_model.protected_paths()
        return opts

    def start_scan(self) -> None:
        roots = self.roots_model.roots()
        if not roots:
            self.statusBar().showMessage(self.tr("Add a folder first (drop it on the window)."), 5000)
            return
        if self.scanner.running:
            self._restart_scan = True
            self.scanner.cancel()
            return
        self.errors = []
        self._update_errors()
        self.final = False
        self.gone = set()
        self.dismissed = set()
        self._phase = ("", 0.0)
        worker = ScanWorker(roots, self.scan_options(), scan_fn=self.scan_fn)
        worker.progress.connect(self._on_progress)
        worker.error.connect(self._on_error)
        worker.early_groups.connect(self._on_early_groups)
        worker.finished.connect(self._on_finished)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self._on_failed)
        self.progress_strip.show()
        self.phase_label.setText(self.tr("Starting…"))
        self.progress.setRange(0, 0)
        self.progress_detail.setText("")
        self.scanner.start(worker)
        self._update_actions()
        self._show_page()

    def cancel_scan(self) -> None:
        if self.scanner.running:
            self._restart_scan = False
            self.phase_label.setText(self.tr("Cancelling…"))
            self.scanner.cancel()

    @Slot(str, int, int)
    def _on_progress(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if phase != self._phase[0]:
            self._phase = (phase, now)
        self.phase_label.setText(text.phase_text(phase))
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        elapsed = now - self._phase[1]
        detail = (
            self.tr("%1 of %2").replace("%1", f"{done:,}").replace("%2", f"{total:,}")
            if total
            else f"{done:,}"
        )
        if done and elapsed > 1.0 and total > done:
            rate = done / elapsed
            detail += " · " + self.tr("%1/s").replace("%1", f"{rate:,.0f}")
            detail += " · " + self.tr("about %1 left").replace(
                "%1", text.duration_text((total - done) / rate)
            )
        self.progress_detail.setText(detail)

    @Slot(str, str)
    def _on_error(self, path: str, message: str) -> None:
        self.errors.append((path, message))
        self._update_errors()

    def _update_errors(self) -> None:
        n = len(self.errors)
        self.errors_button.setVisible(n > 0)
        self.errors_button.setText(
            text.plural(
                self.tr("%n problem(s) found…", None, n), n, "%n problem found…", "%n problems found…"
            )
        )

    @Slot(object, object)
    def _on_early_groups(self, records: list, groups: list[DupGroup]) -> None:
        """Exact duplicates known before the scan ends: shown (read-only actions) until it does."""
        if self.final:
            return
        result = ScanResult(
            roots=[],
            options=self.scan_options(),
            records=records,
            features=np.zeros(len(records), FEATURE_DTYPE),
            has_features=np.zeros(len(records), bool),
            pairs=np.empty((0, 2), np.int64),
            similarity=np.empty(0, np.float32),
            kinds=np.empty(0, str),
            groups=groups,
            errors=[],
            stats=ScanStats(),
        )
        self._set_result(result, groups)

    @Slot(object, object)
    def _on_finished(self, result: ScanResult, excluded: set) -> None:
        self.final = True
        self.dismissed = set(excluded)
        for w in result.warnings:
            self.errors.append((self.tr("(scan)"), w))
        self._update_errors()
        self._show_deep(result)
        self.threshold.blockSignals(True)
        self.threshold.setValue(round(result.options.threshold * 100))
        self.threshold.blockSignals(False)
        self._set_result(result, result.groups)
        s = result.stats
        self.statusBar().showMessage(
            self.tr("Scanned %1 in %2 (%3 from the cache): %4 groups.")
            .replace("%1", text.count_files(s.files))
            .replace("%2", text.duration_text(s.seconds))
            .replace("%3", f"{s.from_cache:,}")
            .replace("%4", f"{len(result.groups):,}"),
            15000,
        )

    @Slot(object)
    def _on_cancelled(self, stats: Any) -> None:
        if not self._restart_scan:
            self.statusBar().showMessage(
                self.tr("Scan cancelled. What was read is cached: the next scan continues from there."), 10000
            )

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._warn(self.tr("The scan failed"), message)

    @Slot()
    def _on_scan_stopped(self) -> None:
        self.progress_strip.hide()
        self._update_actions()
        self._show_page()
        if self._restart_scan:
            self._restart_scan = False
            self.start_scan()

    def _set_result(self, result: ScanResult, groups: list[DupGroup]) -> None:
        self.result = result
        self.compare.set_result(result)
        self._apply_groups(groups)

    # == groups ====================================================================================
    def _show_deep(self, result: ScanResult | None) -> None:
        """The deep-similarity slider when the scan has deep scores; otherwise, if deep similarity
        is off for a reason worth knowing, one line saying so."""
        has_deep = result is not None and result.deep_similarity is not None
        self.deep.setVisible(has_deep)
        self.deep_label.setVisible(has_deep)
        if has_deep:
            assert result is not None
            value = result.options.deep_threshold
            value = 0.9 if value is None else value
            self.deep.blockSignals(True)
            # The model's recommended threshold is always within reach of the slider.
            self.deep.setRange(min(DEEP_RANGE[0], int(value * 100) - 5), DEEP_RANGE[1])
            self.deep.setValue(round(value * 100))
            self.deep.blockSignals(False)
        info = result.deep if result is not None and isinstance(result.deep, dict) else {}
        reason = str(info.get("reason", ""))
        show_note = result is not None and not has_deep and reason not in ("", "not requested")
        self.deep_note.setVisible(show_note)
        if show_note:
            if "no model installed" in reason:
                note = self.tr(
                    "Deep similarity (finds crops and tilted copies) is off: no model is installed. "
                    "Run “dupe-viewer models install” once to turn it on."
                )
            else:
                note = self.tr("Deep similarity is off: %1").replace("%1", reason)
            self.deep_note.setText(note)
        self._update_threshold_label()

    def _update_threshold_label(self) -> None:
        self.threshold_label.setText(
            self.tr("Picture similarity needed: <b>%1 %</b>").replace("%1", str(self.threshold.value()))
        )
        self.deep_label.setText(self.tr("Deep: %1 %").replace("%1", str(self.deep.value())))

    @Slot()
    def _on_threshold(self) -> None:
        self._update_threshold_label()
        if self.result is not None and self.final:
            self.request_regroup()

    @Slot(str)
    def _on_search(self, value: str) -> None:
        self.proxy.set_text(value)
        self._update_group_count()
        if self.current_group() is None and self.proxy.rowCount():
            self.select_row(0)

    @Slot()
    def _on_kind_filter(self) -> None:
        kind = self.kind_filter.currentData() or ""
        self.proxy.set_kind(kind)
        self.settings.set("view/kind_filter", kind)
        self._update_group_count()

    def _update_group_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        label = text.plural(self.tr("%n group(s)", None, total), total, "%n group", "%n groups")
        if shown != total:
            label += self.tr(" (%1 shown)").replace("%1", str(shown))
        self.group_count.setText(label)

    def regroup_params(self) -> RegroupParams:
        assert self.result is not None
        deep = self.deep.value() / 100 if self.result.deep_similarity is not None else None
        return RegroupParams(
            threshold=self.threshold.value() / 100,
            deep_threshold=deep,
            keep_rules=tuple(self.keep_rules),
            protected=self.roots_model.protected_paths(),
            excluded=excluded_for(self.result, self.dismissed, self.gone),
        )

    def request_regroup(self) -> None:
        if self.result is not None and self.final:
            self.regrouper.request(self.result, self.regroup_params())

    @Slot(object, object, object)
    def _on_regrouped(self, result: ScanResult, params: RegroupParams, groups: list[DupGroup]) -> None:
        if result is not self.result:
            return  # a rescan replaced it meanwhile
        apply(result, params, groups)
        self._apply_groups(groups)

    def _apply_groups(self, groups: list[DupGroup]) -> None:
        assert self.result is not None
        current = self.current_group()
        if current is not None:
            self._selected_records = [current.reference, current.keep, *current.indices]
        self.marks.set_groups(self.result.records, groups, self.roots_model.protected_paths())
        self.model.set_groups(self.result.records, groups)
        self._update_group_count()
        self._reselect()
        self._update_totals()
        self._show_page()

    def _reselect(self) -> None:
        """After regrouping, select the group that holds the file that was being looked at."""
        row = 0
        for i in self._selected_records:
            g = self.marks.group_of(i)
            if g is not None:
                src = self.model.index(self.model.row_of(g.id), 0)
                prow = self.proxy.mapFromSource(src).row()
                if prow >= 0:
                    row = prow
                    break
        if self.proxy.rowCount() == 0:
            self.compare.set_group(None)
            return
        self.select_row(min(row, self.proxy.rowCount() - 1))

    def select_row(self, row: int) -> None:
        idx = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            idx, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.scrollTo(idx)

    def current_group(self) -> DupGroup | None:
        idx = self.table.selectionModel().currentIndex()
        if not idx.isValid():
            return None
        return self.model.group(self.proxy.mapToSource(idx).row())

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        g = self.current_group()
        if g is not None:
            self._selected_records = [g.reference, g.keep, *g.indices]
        self.compare.set_group(g)

    def step_group(self, step: int) -> None:
        n = self.proxy.rowCount()
        if n == 0:
            return
        row = self.table.selectionModel().currentIndex().row()
        self.select_row(max(0, min(n - 1, row + step if row >= 0 else 0)))

    # == shutdown ==================================================================================
    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.scanner.wait(10_000)
        self.regrouper.wait(10_000)
        self.io.wait(60_000)  # a trash in progress finishes the file it is on; the journal is per file
        self.thumbs.wait(5_000)
        self.previews.wait(5_000)
        super().closeEvent(event)
