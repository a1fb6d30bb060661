"""The list of duplicate groups: filter by kind or name, the lazy table, how many are shown; the
file being looked at stays selected when the groups change."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import DupGroup
from ..core.files.records import ImageRecord
from ..core.result import KINDS
from . import text
from .background.image_loader import ImageLoader
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
    strip_width,
)
from .marks import Marks
from .settings import GuiSettings


class GroupsPanel(QGroupBox):
    """ "3. Duplicate groups": filter by kind or name, the lazy table of groups, how many. Keeps
    the file being looked at selected when the groups change (a slider moved)."""

    currentChanged = Signal(object)  # the DupGroup selected, or None
    filterChanged = Signal()  # the groups shown changed (a file action covers only those)

    def __init__(
        self, marks: Marks, loader: ImageLoader, settings: GuiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("3. Duplicate groups"), parent)
        self.marks = marks
        self.settings = settings
        self._selected_records: list[int] = []
        self.model = GroupModel(marks, loader, self)
        self.proxy = GroupFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(self.tr("All kinds"), "")
        for kind in KINDS:
            self.kind_filter.addItem(text.kind_text(kind), kind)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by file or folder name"))
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(PREVIEW, StripDelegate(loader, self.table))
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
        # "Photos" is sized by _fit_columns to what the list's width leaves (1 to STRIP_MAX
        # thumbnails and "+N"), so that the figures stay in view without a horizontal scrollbar
        # in a 1366-px window, in German too.
        header.setSectionResizeMode(PREVIEW, QHeaderView.ResizeMode.Fixed)
        self.table.setColumnWidth(PREVIEW, strip_width(STRIP_MAX))
        # Widths from what the columns can hold, not ResizeToContents: that measures up to 1,000
        # rows through data() on every change of a row (a mark, the current group), which kept
        # the GUI thread busy for a second per N/P step at 10,000 files.
        fm = self.table.fontMetrics()
        pad = 2 * self.table.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin) + 16
        samples = {
            FILES: ["9999"],
            SIMILARITY: [QCoreApplication.translate("GroupModel", "identical"), text.percent(1.0)],
            KIND: [text.kind_text(k) for k in KINDS],
        }
        for col, values in samples.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(col, max(fm.horizontalAdvance(v) for v in [title, *values]) + pad)
        header.setSectionResizeMode(FREES, QHeaderView.ResizeMode.Stretch)
        # What "Space freed" needs: its title or a size, whichever is wider (a stretched last
        # column has no width of its own to read).
        frees_title = str(self.model.headerData(FREES, Qt.Orientation.Horizontal))
        self._frees_width = max(fm.horizontalAdvance(v) for v in [frees_title, text.size_text(999.9e6)]) + pad
        self.table.viewport().installEventFilter(self)
        # The kept file's name is in each row's tooltip and in the comparison; a column for it
        # would push the figures off a normal-width list.
        self.table.setColumnHidden(KEEPER, True)
        self.count = QLabel()
        self.kind_filter.setAccessibleName(self.tr("Show groups of this kind"))
        self.search.setAccessibleName(self.tr("Filter by file or folder name"))
        self.table.setAccessibleName(self.tr("Duplicate groups"))
        filt = QHBoxLayout()
        filt.addWidget(self.kind_filter)
        filt.addWidget(self.search, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(filt)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        self.kind_filter.currentIndexChanged.connect(self._on_kind_filter)
        self.search.textChanged.connect(self._on_search)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        sort_col = settings.get("view/sort_column")
        if 0 <= sort_col < 6:
            self.table.sortByColumn(sort_col, Qt.SortOrder(settings.get("view/sort_order")))
        else:
            self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the engine's order
        self.kind_filter.setCurrentIndex(max(0, self.kind_filter.findData(settings.get("view/kind_filter"))))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Give "Photos" what the list's width leaves after the other columns (as they are: the
        person may have resized them) and what "Space freed" needs: at most every thumbnail,
        at least one. Only a list narrower than the text columns then scrolls sideways."""
        others = sum(self.table.columnWidth(c) for c in (FILES, SIMILARITY, KIND))
        room = self.table.viewport().width() - others - self._frees_width
        width = max(strip_width(1), min(strip_width(STRIP_MAX), room))
        if width != self.table.columnWidth(PREVIEW):
            self.table.setColumnWidth(PREVIEW, width)

    def set_groups(self, records: Sequence[ImageRecord], groups: list[DupGroup]) -> None:
        """New groups (the marks already know them); the file looked at stays selected."""
        current = self.current_group()
        if current is not None:
            self._selected_records = [current.reference, current.keep, *current.indices]
        self.model.set_groups(records, groups)
        self.update_count()
        self._reselect()

    def save_sort(self) -> None:
        header = self.table.horizontalHeader()
        self.settings.set(
            "view/sort_column", header.sortIndicatorSection() if header.isSortIndicatorShown() else -1
        )
        self.settings.set("view/sort_order", header.sortIndicatorOrder().value)

    def shown_ids(self) -> set[int] | None:
        """Ids of the groups the filter shows; None when no filter is set (every group)."""
        if not self.proxy.filtering:
            return None
        out = set()
        for row in range(self.proxy.rowCount()):
            g = self.model.group(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            if g is not None:
                out.add(g.id)
        return out

    def update_count(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown != total:
            label = self.tr("%Ln group(s), %1 shown", None, total).replace("%1", text.number_text(shown))
        else:
            label = self.tr("%Ln group(s)", None, total)
        self.count.setText(label)

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
            self.currentChanged.emit(None)
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

    def step(self, step: int) -> None:
        n = self.proxy.rowCount()
        if n == 0:
            return
        row = self.table.selectionModel().currentIndex().row()
        self.select_row(max(0, min(n - 1, row + step if row >= 0 else 0)))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        g = self.current_group()
        if g is not None:
            self._selected_records = [g.reference, g.keep, *g.indices]
        self.currentChanged.emit(g)

    @Slot(str)
    def _on_search(self, value: str) -> None:
        self.proxy.set_text(value)
        self.update_count()
        self.filterChanged.emit()
        if self.current_group() is None and self.proxy.rowCount():
            self.select_row(0)

    @Slot()
    def _on_kind_filter(self) -> None:
        kind = self.kind_filter.currentData() or ""
        self.proxy.set_kind(kind)
        self.settings.set("view/kind_filter", kind)
        self.update_count()
        self.filterChanged.emit()
