"""The list of folders to scan: a table model (path, include subfolders, protected) and its panel."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from .settings import RootEntry

PATH, RECURSIVE, PROTECTED = range(3)
AnyIndex = QModelIndex | QPersistentModelIndex


def _same(a: str, b: str) -> bool:
    return os.path.normcase(os.path.abspath(a)) == os.path.normcase(os.path.abspath(b))


class RootsModel(QAbstractTableModel):
    """Folders to scan. ``rootsChanged(needs_rescan)``: False when only protection changed
    (that regroups without reading files), True otherwise."""

    rootsChanged = Signal(bool)

    def __init__(self, roots: list[RootEntry] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._roots: list[RootEntry] = list(roots or [])

    # -- reading --------------------------------------------------------------------------------
    def roots(self) -> list[RootEntry]:
        return [RootEntry(r.path, r.recursive, r.protected) for r in self._roots]

    def protected_paths(self) -> tuple[str, ...]:
        return tuple(r.path for r in self._roots if r.protected)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._roots)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {
            PATH: self.tr("Folder"),
            RECURSIVE: self.tr("Subfolders"),
            PROTECTED: self.tr("Protected"),
        }.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (RECURSIVE, PROTECTED):
            f |= Qt.ItemFlag.ItemIsUserCheckable
        return f

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._roots):
            return None
        r, col = self._roots[index.row()], index.column()
        if col == PATH:
            if role == Qt.ItemDataRole.DisplayRole:
                return r.path
            if role == Qt.ItemDataRole.ToolTipRole:
                return r.path
        elif role == Qt.ItemDataRole.CheckStateRole:
            on = r.recursive if col == RECURSIVE else r.protected
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        elif role == Qt.ItemDataRole.ToolTipRole:
            if col == RECURSIVE:
                return self.tr("Also scan the folders inside this folder.")
            return self.tr("Files in a protected folder are never proposed for deletion.")
        return None

    # -- editing ----------------------------------------------------------------------------------
    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.column() == PATH:
            return False
        on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        r = self._roots[index.row()]
        if index.column() == RECURSIVE:
            if r.recursive == on:
                return True
            r.recursive = on
        else:
            if r.protected == on:
                return True
            r.protected = on
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.rootsChanged.emit(index.column() == RECURSIVE)
        return True

    def add(self, paths: list[str]) -> int:
        """Append folders not already listed; returns how many were added."""
        new = []
        for p in paths:
            p = os.path.abspath(p)
            if not any(_same(p, r.path) for r in self._roots) and not any(_same(p, n) for n in new):
                new.append(p)
        if not new:
            return 0
        first = len(self._roots)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._roots.extend(RootEntry(p) for p in new)
        self.endInsertRows()
        self.rootsChanged.emit(True)
        return len(new)

    def replace(self, paths: list[str]) -> None:
        """The list becomes exactly ``paths`` (the command line's folders)."""
        self.beginResetModel()
        self._roots = []
        self.endResetModel()
        if not self.add(paths):
            self.rootsChanged.emit(True)

    def remove_rows(self, rows: list[int]) -> None:
        for row in sorted(set(rows), reverse=True):
            if 0 <= row < len(self._roots):
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._roots[row]
                self.endRemoveRows()
        self.rootsChanged.emit(True)


class RootsPanel(QWidget):
    """The folder table with Add folder… / Remove buttons."""

    addRequested = Signal()

    def __init__(self, model: RootsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = QTableView()
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PATH, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RECURSIVE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PROTECTED, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setMinimumHeight(60)
        self.view.setAccessibleName(self.tr("Folders to scan"))
        self.add_button = QPushButton(self.tr("Add folder…"))
        self.add_button.setToolTip(
            self.tr("Choose a folder to scan (you can also drop folders on the window)")
        )
        self.add_button.clicked.connect(self.addRequested)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Stop scanning the selected folders (no file is touched)"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.buttons = buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def _remove_selected(self) -> None:
        rows = [i.row() for i in self.view.selectionModel().selectedRows()]
        if rows:
            self.model.remove_rows(rows)
