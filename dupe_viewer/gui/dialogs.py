"""The window's dialogs: problems found, auto-select rules, dismissed groups, undo a move, the
outcome of a file action, and the keyboard shortcut list."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.act.actions import OK, SKIPPED, Outcome
from ..core.group.keep import DEFAULT_FORMAT_ORDER, RULES
from ..core.options import DEFAULT_RULES, Rule
from . import engine_text, text


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], parent: QWidget) -> QTableView:
    model = QStandardItemModel(len(rows), len(headers), parent)
    model.setHorizontalHeaderLabels(list(headers))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            shown = text.shown_path(value)
            item = QStandardItem(shown)
            item.setEditable(False)
            item.setToolTip(shown)
            model.setItem(r, c, item)
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    view.setColumnWidth(0, 420)
    return view


class ErrorsDialog(QDialog):
    """Files and folders the scan could not use, with the reason; copyable."""

    def __init__(self, errors: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Problems found during the scan"))
        self.resize(800, 420)
        self.rows = engine_text.problem_rows(errors)  # the reasons in the user's language (shown, copied)
        intro = QLabel(
            self.tr(
                "These files or folders could not be used. They were left alone; nothing was changed on disk."
            )
        )
        intro.setWordWrap(True)
        self.view = _table([self.tr("File"), self.tr("Problem")], self.rows, self)
        copy = QPushButton(self.tr("Copy list"))
        copy.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        rows = (f"{text.shown_path(p)}\t{e}" for p, e in self.rows)
        QGuiApplication.clipboard().setText("\n".join(rows))


def rule_text(rule: Rule) -> str:
    """A keep rule in words ("Highest resolution", "In a preferred folder: /photos/originals")."""
    translate = QCoreApplication.translate
    names = {
        "resolution": translate("Rules", "Highest resolution"),
        "size": translate("Rules", "Largest file"),
        "smallest": translate("Rules", "Smallest file"),
        "oldest": translate("Rules", "Oldest date (taken, else modified)"),
        "newest": translate("Rules", "Newest date (taken, else modified)"),
        "folder": translate("Rules", "In a preferred folder"),
        "format": translate("Rules", "Preferred format"),
        "shortest_name": translate("Rules", "Shortest file name"),
    }
    name = names.get(rule.name, RULES.get(rule.name, (rule.name,))[0])
    if rule.values:
        return translate("Rules", "%1: %2").replace("%1", name).replace("%2", ", ".join(rule.values))
    return name


class RulesDialog(QDialog):
    """Build a chain of keep rules; accepted means "apply to all groups"."""

    def __init__(self, rules: Sequence[Rule], roots: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose which file to keep"))
        self.resize(560, 420)
        self.roots = list(roots)
        intro = QLabel(
            self.tr(
                "In every group, these rules pick the file to keep; the others are marked for the "
                "trash. The first rule decides; the next ones only break ties. "
                "Files in protected folders are always kept. Your own marks are replaced."
            )
        )
        intro.setWordWrap(True)
        self.chain = QListWidget()
        self.chain.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        for r in rules:
            self._append(r)
        self.choice = QComboBox()
        for name in RULES:
            self.choice.addItem(rule_text(Rule(name)), name)
        add = QPushButton(self.tr("Add rule"))
        add.clicked.connect(self._add)
        up = QPushButton(self.tr("Up"))
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton(self.tr("Down"))
        down.clicked.connect(lambda: self._move(1))
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        defaults = QPushButton(self.tr("Defaults"))
        defaults.clicked.connect(self._defaults)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(add)
        edit = QHBoxLayout()
        for b in (up, down, remove, defaults):
            edit.addWidget(b)
        edit.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = buttons.addButton(
            self.tr("Apply to all groups"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chain, 1)
        layout.addLayout(edit)
        layout.addLayout(row)
        layout.addWidget(buttons)

    def rules(self) -> tuple[Rule, ...]:
        return tuple(self.chain.item(n).data(Qt.ItemDataRole.UserRole) for n in range(self.chain.count()))

    def _append(self, rule: Rule) -> None:
        item = QListWidgetItem(rule_text(rule))
        item.setData(Qt.ItemDataRole.UserRole, rule)
        self.chain.addItem(item)

    def add_rule(self, rule: Rule) -> None:
        self._append(rule)

    def _add(self) -> None:
        name = self.choice.currentData()
        values: tuple[str, ...] = ()
        if name == "folder":
            start = self.roots[0] if self.roots else ""
            folder = QFileDialog.getExistingDirectory(self, self.tr("Preferred folder"), start)
            if not folder:
                return
            values = (folder,)
        elif name == "format":
            order, ok = QInputDialog.getText(
                self,
                self.tr("Preferred formats"),
                self.tr("Formats in order of preference, separated by commas:"),
                text=", ".join(DEFAULT_FORMAT_ORDER),
            )
            if not ok:
                return
            values = tuple(v.strip().upper() for v in order.split(",") if v.strip())
        self._append(Rule(name, values))

    def _move(self, step: int) -> None:
        row = self.chain.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.chain.count():
            return
        item = self.chain.takeItem(row)
        self.chain.insertItem(target, item)
        self.chain.setCurrentRow(target)

    def _remove(self) -> None:
        row = self.chain.currentRow()
        if row >= 0:
            self.chain.takeItem(row)

    def _defaults(self) -> None:
        self.chain.clear()
        for r in DEFAULT_RULES:
            self._append(r)


class ShortcutsDialog(QDialog):
    """Every action that has a shortcut, read from the actions themselves (never out of date)."""

    def __init__(
        self, actions: Sequence[QAction], extra: Sequence[tuple[str, str]] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(520, 520)
        rows = list(extra)
        for a in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in a.shortcuts()]
            if keys:
                rows.append((", ".join(keys), a.text().replace("&", "")))
        view = _table([self.tr("Keys"), self.tr("Action")], rows, self)
        view.setColumnWidth(0, 150)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
        self.rows = rows


class OutcomeDialog(QDialog):
    """What a trash/move/undo did: a summary and every file that was skipped or failed."""

    def __init__(
        self, title: str, summary: str, outcomes: Sequence[Outcome], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(820, 400)
        label = QLabel(summary)
        label.setWordWrap(True)
        problems = [o for o in outcomes if o.status != OK]
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        if problems:
            self.list = QListWidget()  # it wraps, where a table elides: each reason is read whole
            self.list.setAccessibleName(self.tr("Files not moved, with the reason"))
            self.list.setWordWrap(True)
            self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
            self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            for o in problems:  # the path on its own line above the reason
                said = self.tr("skipped: %1") if o.status == SKIPPED else self.tr("failed: %1")
                reason = said.replace("%1", engine_text.problem_text(o.reason))
                self.list.addItem(f"{text.shown_path(o.path)}\n{reason}")
            layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class DismissalsDialog(QDialog):
    """Groups and pairs marked "not duplicates", with Restore. Loading and restoring are done by
    the caller's functions (on a worker thread); this dialog only shows and asks."""

    restoreRequested = Signal(list)  # dismissal ids

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Not duplicates"))
        self.resize(760, 420)
        intro = QLabel(
            self.tr(
                "Groups and pairs you marked as not duplicates. They stay apart in every scan, even "
                "after renaming or moving the files. Restore one to see it grouped again."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.addItem(self.tr("Loading…"))
        self.restore = QPushButton(self.tr("Restore selected"))
        self.restore.setEnabled(False)
        self.restore.clicked.connect(self._restore)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def show_entries(self, entries: Sequence[Any]) -> None:
        self.list.clear()
        for d in entries:
            when = text.datetime_text(datetime.fromtimestamp(d.created))
            names = ", ".join(text.shown_path(os.path.basename(p)) for p in d.paths[:6])
            names += " …" if len(d.paths) > 6 else ""
            kind = self.tr("pair") if d.kind == "pair" else self.tr("group")
            item = QListWidgetItem(f"{when} · {kind} · {names}")
            item.setToolTip("\n".join(map(text.shown_path, d.paths)))
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            self.list.addItem(item)
        if not entries:
            self.list.addItem(self.tr("Nothing has been marked as not duplicates."))
        self.restore.setEnabled(bool(entries))

    def _restore(self) -> None:
        ids = [i.data(Qt.ItemDataRole.UserRole) for i in self.list.selectedItems()]
        ids = [i for i in ids if i is not None]
        if ids:
            for item in self.list.selectedItems():
                self.list.takeItem(self.list.row(item))
            self.restoreRequested.emit(ids)


class UndoMovesDialog(QDialog):
    """Moves to a folder recorded in the journal that can still be undone."""

    def __init__(self, batches: dict[str, list[dict[str, Any]]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo a move"))
        self.resize(760, 380)
        intro = QLabel(
            self.tr(
                "Files moved to a folder by this app can be moved back to where they were. "
                "A file whose original place is occupied again is left where it is."
            )
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        for batch, entries in reversed(list(batches.items())):
            dest = os.path.dirname(str(entries[0].get("destination", "")))
            label = (
                self.tr("%1 · %Ln file(s) moved to %2", None, len(entries))
                .replace("%1", text.iso_time_text(str(entries[0].get("time", ""))))
                .replace("%2", dest)
            )
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, batch)
            item.setToolTip("\n".join(str(e.get("source")) for e in entries[:30]))
            self.list.addItem(item)
        if not batches:
            self.list.addItem(self.tr("No move can be undone."))
        self.list.setCurrentRow(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.undo_button = buttons.addButton(self.tr("Move back"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.undo_button.setEnabled(bool(batches))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def chosen_batch(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


#: What :func:`confirm` returns: cancelled, the action as proposed, or the wider action.
CANCELLED, CONFIRMED, CONFIRMED_WIDER = 0, 1, 2


def confirm(
    parent: QWidget,
    title: str,
    question: str,
    detail: str,
    action_text: str,
    wider_text: str = "",
    exec_fn: Callable[[Any], int] | None = None,
) -> int:
    """A question whose buttons name the action ("Move 3 files to the trash"), optionally a wider
    one ("Include 5 groups never opened"), and Cancel, the default. ``action_text`` may be empty
    when only the wider action is possible."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(question)
    if detail:
        box.setDetailedText(detail)
    yes = box.addButton(action_text, QMessageBox.ButtonRole.AcceptRole) if action_text else None
    wider = box.addButton(wider_text, QMessageBox.ButtonRole.YesRole) if wider_text else None
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    (exec_fn or QMessageBox.exec)(box)
    clicked = box.clickedButton()
    if yes is not None and clicked is yes:
        return CONFIRMED
    if wider is not None and clicked is wider:
        return CONFIRMED_WIDER
    return CANCELLED
