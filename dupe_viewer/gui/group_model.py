"""The groups list: a table model over the current groups, a sort/filter proxy, and the delegate
that paints each group's thumbnail strip.

Built for 10,000+ groups: ``data()`` does dictionary lookups only (per-group figures are computed
once per regroup), thumbnails are requested lazily when a row is painted and drawn from the
:class:`ImageLoader` cache (a grey placeholder until decoded), and the proxy does not re-sort on
every mark change (rows must not jump while the user works through the list).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRegularExpression,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ..core import DupGroup
from ..core.files.records import ImageRecord
from . import text
from .background.image_loader import ImageLoader
from .marks import Marks

PREVIEW, FILES, SIMILARITY, KIND, FREES, KEEPER = range(6)
GroupRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
StripRole = Qt.ItemDataRole.UserRole + 3  # [(path, state)], state: "keep", "delete", "protected"
FilterRole = Qt.ItemDataRole.UserRole + 4  # "kind\npaths of the members" (lower case), to filter

#: Thumbnails per row in the list, their logical size, and the decode size (2× for HiDPI).
STRIP_MAX = 3
THUMB = 56
THUMB_DECODE = 128
KEEP_COLOUR = QColor("#2e7d32")
DELETE_COLOUR = QColor("#c62828")
PROTECTED_COLOUR = QColor("#1565c0")

AnyIndex = QModelIndex | QPersistentModelIndex
_KIND_ORDER = {"exact": 0, "near": 1, "edited": 2, "shot": 3, "similar": 4}


class GroupModel(QAbstractTableModel):
    """One row per group; see the module docstring."""

    def __init__(self, marks: Marks, loader: ImageLoader, parent: Any = None) -> None:
        super().__init__(parent)
        self.marks = marks
        self.loader = loader
        self._records: Sequence[ImageRecord] = ()
        self._groups: list[DupGroup] = []
        self._row_of_group: dict[int, int] = {}
        self._index_of_path: dict[str, int] = {}  # for the records below, made once per scan
        self._search: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        marks.changed.connect(self._on_marks_changed)
        loader.ready.connect(self._on_thumbnail)
        loader.failed.connect(lambda path, size, _why: self._on_thumbnail(path, size))  # its mark

    # -- content ----------------------------------------------------------------------------
    def set_groups(self, records: Sequence[ImageRecord], groups: list[DupGroup]) -> None:
        self.beginResetModel()
        if records is not self._records:
            self._index_of_path = {}
        self._records = records
        self._groups = list(groups)
        self._index_rows()  # the search text is built on first use: most sessions never filter
        if self._sort[0] >= 0:
            self.endResetModel()
            self.sort(*self._sort)
            return
        self.endResetModel()

    def group(self, row: int) -> DupGroup | None:
        return self._groups[row] if 0 <= row < len(self._groups) else None

    def groups(self) -> list[DupGroup]:
        return self._groups

    def row_of(self, group_id: int) -> int:
        return self._row_of_group.get(group_id, -1)

    def search_text(self, row: int) -> str:
        if not self._search:
            self._search = [
                "\n".join(self._records[m.index].path for m in g.members).lower() for g in self._groups
            ]
        return self._search[row]

    def sort_key(self, row: int, col: int) -> Any:
        g = self._groups[row]
        if col in (PREVIEW, FILES):
            return len(g.members)
        if col == SIMILARITY:
            return _weakest(g)
        if col == KIND:
            return _KIND_ORDER.get(str(g.kind), 9)
        if col == FREES:
            return self.marks.freed(g)[1]
        if col == KEEPER:
            return os.path.basename(self._records[g.keep].path).lower()
        return g.id  # no column: the engine's order

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows with Python's sort on precomputed keys: 10,000 groups in milliseconds, where
        QSortFilterProxyModel's per-comparison ``data()`` calls take seconds. Ties keep the
        engine's order (the sort is stable)."""
        self._sort = (column, order)
        n = len(self._groups)
        if n < 2:
            return
        self.layoutAboutToBeChanged.emit()  # PySide exposes only the argument-less overload
        old = self.persistentIndexList()
        old_ids = [(self._groups[i.row()].id, i.column()) for i in old]
        keys = [self.sort_key(r, column if column >= 0 else -1) for r in range(n)]
        rows = sorted(range(n), key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)
        self._groups = [self._groups[r] for r in rows]
        self._index_rows()
        self.changePersistentIndexList(old, [self.index(self._row_of_group[gid], c) for gid, c in old_ids])
        self.layoutChanged.emit()

    def _index_rows(self) -> None:
        self._row_of_group = {g.id: n for n, g in enumerate(self._groups)}
        self._search = []

    def _row_showing(self, path: str) -> int:
        """The row whose strip shows ``path``, or -1. Found from the marks' member -> group map
        instead of a per-regroup path table (building that was a third of a 100k regroup's
        time on the GUI thread)."""
        if not self._index_of_path and self._records:
            self._index_of_path = {r.path: n for n, r in enumerate(self._records)}
        index = self._index_of_path.get(path)
        g = self.marks.group_of(index) if index is not None else None
        row = self._row_of_group.get(g.id, -1) if g is not None else -1
        if row < 0 or self._groups[row] is not g:  # the marks hold other groups (mid-update)
            return -1
        return row if any(m.index == index for m in g.members[:STRIP_MAX]) else -1

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                PREVIEW: self.tr("Photos"),
                FILES: self.tr("Files"),
                SIMILARITY: self.tr("Match"),
                KIND: self.tr("Kind"),
                FREES: self.tr("Space freed"),
                KEEPER: self.tr("Kept file"),
            }.get(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                PREVIEW: self.tr("Green: kept. Red: will go to the trash. Blue: protected folder."),
                FILES: self.tr("Number of files in the group"),
                SIMILARITY: self.tr(
                    "The weakest match in the group: the lowest similarity of a file to the group's "
                    "reference, the figure the threshold applies to"
                ),
                KIND: self.tr(
                    "How the files differ: exact copy, near duplicate, edited copy, similar shot or "
                    "looks alike"
                ),
                FREES: self.tr("Space freed by trashing the files marked for deletion"),
                KEEPER: self.tr("The file suggested for keeping"),
            }.get(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._groups):
            return None
        row, col = index.row(), index.column()
        g = self._groups[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == FILES:
                return str(len(g.members))
            if col == SIMILARITY:
                return self.tr("identical") if g.kind == "exact" else text.percent(_weakest(g))
            if col == KIND:
                return text.kind_text(g.kind)
            if col == FREES:
                return text.size_text(self.marks.freed(g)[1])
            if col == KEEPER:
                return text.shown_path(os.path.basename(self._records[g.keep].path))
            return None
        if role == SortRole:
            return self.sort_key(row, col)
        if role == GroupRole:
            return g
        if role == FilterRole:
            return f"{g.kind!s}\n{self.search_text(row)}"
        if role == StripRole and col == PREVIEW:
            out = []
            for m in g.members[:STRIP_MAX]:
                if self.marks.is_protected(m.index):
                    state = "protected"
                else:
                    state = "delete" if self.marks.is_delete(g, m.index) else "keep"
                out.append((self._records[m.index].path, state))
            return out
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == KIND:
                return text.kind_tooltip(g.kind)
            if col in (PREVIEW, KEEPER):
                return "\n".join(text.shown_path(self._records[m.index].path) for m in g.members[:12])
            if col == FREES:
                n, size = self.marks.freed(g)
                return self.tr("%Ln file(s) marked for the trash (%1)", None, n).replace(
                    "%1", text.size_text(size)
                )
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (FILES, SIMILARITY, FREES):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # -- updates -----------------------------------------------------------------------------
    @Slot(list)
    def _on_marks_changed(self, group_ids: list) -> None:
        if not self._groups:
            return
        rows = [self._row_of_group[g] for g in group_ids if g in self._row_of_group]
        if not group_ids:
            rows = [0, len(self._groups) - 1]
        if rows:
            top, bottom = min(rows), max(rows)
            self.dataChanged.emit(self.index(top, PREVIEW), self.index(bottom, KEEPER))

    @Slot(object, int)
    def _on_thumbnail(self, path: str, size: int) -> None:
        if size != THUMB_DECODE:
            return
        row = self._row_showing(path)
        if row >= 0:
            idx = self.index(row, PREVIEW)
            self.dataChanged.emit(idx, idx, [StripRole])


def _weakest(g: DupGroup) -> float:
    """A group's weakest match to its reference (what the Match column shows: the best match is
    100 % in nearly every group, since most hold a byte-identical or lossless copy)."""
    return min((float(m.similarity) for m in g.members if m.index != g.reference), default=1.0)


class GroupFilterProxy(QSortFilterProxyModel):
    """Filters by kind and by text found in any member's path; sorting is done by the source
    model (see :meth:`GroupModel.sort`), so this proxy keeps the source's row order.

    The filter is Qt's own (a pattern over :data:`FilterRole`), not a Python
    ``filterAcceptsRow``: Qt calls that for every group after each regroup, 24,000 calls into
    Python at 100,000 files, while its own test returns at once when no filter is set."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SortRole)
        self.setFilterRole(FilterRole)
        self.setDynamicSortFilter(False)
        self._kind = ""
        self._text = ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        if isinstance(model, GroupModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def set_kind(self, kind: str) -> None:
        if kind != self._kind:
            self._kind = kind
            self._apply()

    def set_text(self, value: str) -> None:
        value = value.strip().lower()
        if value != self._text:
            self._text = value
            self._apply()

    @property
    def filtering(self) -> bool:
        """Whether a filter is set (some groups may be hidden)."""
        return bool(self._kind or self._text)

    def _apply(self) -> None:
        """The pattern over "kind\npaths": the kind whole, then the text anywhere in the paths."""
        if not self.filtering:
            pattern = ""
        else:
            kind = QRegularExpression.escape(self._kind) if self._kind else "[^\n]*"
            text = ".*" + QRegularExpression.escape(self._text) if self._text else ""
            pattern = f"^{kind}\n{text}"
        options = (
            QRegularExpression.PatternOption.DotMatchesEverythingOption
            | QRegularExpression.PatternOption.CaseInsensitiveOption
        )
        self.setFilterRegularExpression(QRegularExpression(pattern, options))


def unreadable(painter: QPainter, cell: QRect) -> None:
    """A thumbnail that cannot be made (a corrupt or unreadable file): a crossed-out frame, not
    the grey of one still loading, so a group of broken files is told at a glance (the pane
    says why)."""
    painter.fillRect(cell, QColor(0, 0, 0, 12))
    painter.setPen(QPen(QColor(150, 40, 40), 2))
    inner = cell.adjusted(6, 6, -6, -6)
    painter.drawRect(inner)
    painter.drawLine(inner.topLeft(), inner.bottomRight())
    painter.drawLine(inner.topRight(), inner.bottomLeft())


#: Room after the thumbnails for "+N", the files of a group the strip does not show.
MORE_WIDTH = 30


def strip_width(thumbs: int) -> int:
    """The width of a "Photos" cell that shows ``thumbs`` thumbnails and a "+N"."""
    return thumbs * (THUMB + 4) + MORE_WIDTH


def thumbs_that_fit(width: int, members: int) -> int:
    """How many thumbnails (1 to :data:`STRIP_MAX`) a "Photos" cell ``width`` px wide shows for
    a group of ``members`` files: all of them when they fit without a "+N", else as many as fit
    beside one. The groups panel narrows that column so that the figures beside it stay in view."""
    if members <= STRIP_MAX and 3 + members * (THUMB + 4) <= width:
        return max(1, members)
    return max(1, min(STRIP_MAX, members, (width - MORE_WIDTH) // (THUMB + 4)))


class StripDelegate(QStyledItemDelegate):
    """Paints a group's first thumbnails with a keep/delete bar under each, as many as the
    column's width holds, then "+N" for the rest."""

    def __init__(self, loader: ImageLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader = loader

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        return QSize(strip_width(STRIP_MAX), THUMB + 10)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        strip = index.data(StripRole) or []
        group = index.data(GroupRole)
        strip = strip[: thumbs_that_fit(option.rect.width(), len(group.members) if group else len(strip))]
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        x, y = option.rect.x() + 3, option.rect.y() + 3
        for path, state in strip:
            cell = QRect(x, y, THUMB, THUMB)
            img = self.loader.get(path, THUMB_DECODE)
            if img is None and self.loader.error(path, THUMB_DECODE) is not None:
                unreadable(painter, cell)
            elif img is None:
                painter.fillRect(cell, QColor(0, 0, 0, 25))
            else:
                scaled = img.size().scaled(cell.size(), Qt.AspectRatioMode.KeepAspectRatio)
                target = QRect(0, 0, scaled.width(), scaled.height())
                target.moveCenter(cell.center())
                painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
                painter.drawImage(target, img)
            colour = {"keep": KEEP_COLOUR, "delete": DELETE_COLOUR}.get(state, PROTECTED_COLOUR)
            painter.fillRect(QRect(x, y + THUMB + 1, THUMB, 4), colour)
            if state == "delete":
                pen = QPen(DELETE_COLOUR, 2)
                painter.setPen(pen)
                painter.drawRect(cell.adjusted(1, 1, -1, -1))
            x += THUMB + 4
        if group is not None and len(group.members) > len(strip):
            painter.setPen(option.palette.color(option.palette.ColorRole.Text))
            painter.drawText(
                QRect(x, y, 30, THUMB),
                int(Qt.AlignmentFlag.AlignVCenter),
                f"+{len(group.members) - len(strip)}",
            )
        painter.restore()
