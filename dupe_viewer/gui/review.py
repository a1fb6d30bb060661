"""What the user does with the groups: marks, auto-select rules, "not duplicates", moving files
to the trash or a folder (and undoing moves), export, and the dialogs behind the menus.

A mixin of :class:`MainWindow` (kept apart so each file stays readable); it uses the window's
models, runners and widgets. Every file operation runs on the window's one-thread I/O runner.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from ..core import ScanResult, actions
from ..core.dismissals import GROUP, PAIR, Dismissals
from ..core.report import write_csv, write_json
from . import text
from .dialogs import (
    DismissalsDialog,
    ErrorsDialog,
    OutcomeDialog,
    RulesDialog,
    ShortcutsDialog,
    UndoMovesDialog,
)
from .settings import rules_to_text

if TYPE_CHECKING:
    from .main_window import MainWindow

    _Base = MainWindow
else:
    _Base = object


# Strings here belong to the window's translation context: at run time ``self.tr`` in a mixin
# method uses the *instance's* class ("MainWindow"), while lupdate would file them under
# "ReviewMixin"; explicit translate("MainWindow", ...) calls keep both in agreement.
translate = QCoreApplication.translate


class ReviewMixin(_Base):
    """Marks, rules, dismissals, file actions, export and dialogs for :class:`MainWindow`."""

    # == marks =====================================================================================
    def toggle_member(self, position: int) -> None:
        g = self.current_group()
        if g is not None and 0 <= position < len(g.members):
            self.toggle_index(g.members[position].index)

    @Slot(int)
    def toggle_index(self, index: int) -> None:
        g = self.marks.group_of(index)
        if g is None:
            return
        refused = self.marks.toggle(g, index)
        if refused:
            self.statusBar().showMessage(refused, 6000)

    @Slot(int)
    def keep_only(self, index: int) -> None:
        g = self.marks.group_of(index)
        if g is not None:
            self.marks.keep_only(g, index)

    def accept_and_next(self) -> None:
        g = self.current_group()
        if g is not None:
            self.marks.accept_suggestion([g])
            self.step_group(1)

    def keep_all_in_group(self) -> None:
        g = self.current_group()
        if g is not None:
            self.marks.keep_all([g])

    def accept_all(self) -> None:
        self.marks.accept_suggestion(self.model.groups())

    def rules_dialog(self) -> None:
        if self.result is None:
            return
        dlg = RulesDialog(self.keep_rules, [r.path for r in self.roots_model.roots()], self)
        if dlg.exec() == RulesDialog.DialogCode.Accepted and dlg.rules():
            self.apply_rules(dlg.rules())

    def apply_rules(self, rules: tuple) -> None:
        """Keep rules chosen by the user: recompute every group's keeper, reset every mark to it."""
        self.keep_rules = tuple(rules)
        self.settings.set("keep/rules", rules_to_text(self.keep_rules))
        # Every mark goes back to "follow the suggestion"; the regroup brings the new keepers.
        self.marks.reset()
        self.request_regroup()
        self.statusBar().showMessage(translate("MainWindow", "Rules applied to every group."), 6000)

    # == not duplicates ============================================================================
    def dismiss_group(self) -> None:
        g = self.current_group()
        if g is None or self.result is None or not self.final:
            return
        self._dismiss(g.indices, GROUP)

    @Slot(int, int)
    def dismiss_pair(self, i: int, j: int) -> None:
        if self.result is not None and self.final:
            self._dismiss([i, j], PAIR)

    def _dismiss(self, indices: list[int], kind: str) -> None:
        assert self.result is not None
        members = set(indices)
        pairs = self.result.pairs
        both = np.isin(pairs[:, 0], list(members)) & np.isin(pairs[:, 1], list(members))
        self.dismissed.update((int(min(a, b)), int(max(a, b))) for a, b in pairs[both])
        self.request_regroup()
        records = [self.result.records[i] for i in indices]
        self.io.submit(
            lambda: Dismissals().dismiss(records, kind),
            on_error=lambda msg: self._warn(translate("MainWindow", "Could not remember this decision"), msg),
        )
        self.statusBar().showMessage(
            translate("MainWindow", "Marked as not duplicates. Undo in Tools ▸ Not duplicates list…"), 6000
        )

    def dismissals_dialog(self) -> None:
        dlg = DismissalsDialog(self)
        self.io.submit(
            lambda: Dismissals().entries(),
            on_result=dlg.show_entries,
            on_error=lambda msg: self._warn(translate("MainWindow", "Could not read the list"), msg),
        )
        dlg.restoreRequested.connect(self.restore_dismissals)
        dlg.exec()

    @Slot(list)
    def restore_dismissals(self, ids: list[int]) -> None:
        result = self.result

        def work() -> set[tuple[int, int]] | None:
            store = Dismissals()
            for i in ids:
                store.undo(i)
            return store.excluded_pairs(result) if result is not None and self.final else None

        def done(excluded: set | None) -> None:
            if excluded is not None and result is self.result:
                self.dismissed = set(excluded)
                self.request_regroup()

        self.io.submit(
            work,
            on_result=done,
            on_error=lambda msg: self._warn(translate("MainWindow", "Could not restore"), msg),
        )

    # == file actions ==============================================================================
    def trash_marked(self) -> None:
        self._act_on_marked(actions.TRASH, None)

    def move_marked(self) -> None:
        if not self.act_move.isEnabled():
            return
        start = self.settings.get("paths/last_move") or os.path.expanduser("~")
        folder = self._ask_folder(translate("MainWindow", "Move the marked files to this folder"), start)
        if folder:
            self.settings.set("paths/last_move", folder)
            self._act_on_marked(actions.MOVE, folder)

    def _act_on_marked(self, action: str, destination: str | None) -> None:
        if self.result is None or not self.final or self.scanner.running:
            return
        indices = self.marks.marked()
        if not indices:
            self.statusBar().showMessage(translate("MainWindow", "No file is marked for the trash."), 5000)
            return
        records = self.result.records
        size = sum(records[i].size for i in indices)
        what = (
            translate("MainWindow", "%1 (%2)")
            .replace("%1", text.count_files(len(indices)))
            .replace("%2", text.size_text(size))
        )
        if action == actions.TRASH:
            title = translate("MainWindow", "Move to the trash")
            question = translate(
                "MainWindow", "Move %1 to the trash?\n\nYou can restore them from the system trash."
            ).replace("%1", what)
            verb = translate("MainWindow", "Move %1 to the trash").replace("%1", what)
        else:
            title = translate("MainWindow", "Move to a folder")
            question = (
                translate("MainWindow", "Move %1 to %2?\n\nYou can move them back with Tools ▸ Undo a move.")
                .replace("%1", what)
                .replace("%2", str(destination))
            )
            verb = translate("MainWindow", "Move %1").replace("%1", what)
        detail = "\n".join(records[i].path for i in indices[:500])
        if len(indices) > 500:
            detail += "\n…"
        if not self._confirm(title, question, detail, verb):
            return
        touched = {self.marks.group_of(i).id for i in indices if self.marks.group_of(i) is not None}
        groups = [
            [actions.Target.of(records[m.index]) for m in g.members]
            for g in self.model.groups()
            if g.id in touched
        ]
        targets = [actions.Target.of(records[i]) for i in indices]
        dialog = QProgressDialog(
            translate("MainWindow", "Working…"), translate("MainWindow", "Stop"), 0, len(targets), self
        )
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setValue(0)
        result = self.result
        task = self.io.submit(
            actions.execute,
            targets,
            groups,
            action,
            destination,
            with_progress=True,
            on_progress=lambda done, total: dialog.setValue(done),
            on_result=lambda outcomes: self._on_action_done(result, action, indices, outcomes, dialog),
            on_error=lambda msg: (dialog.close(), self._warn(title, msg)),
        )
        dialog.canceled.connect(task.cancel)
        self._update_actions()

    def _on_action_done(
        self, result: ScanResult, action: str, indices: list[int], outcomes: list, dialog: QProgressDialog
    ) -> None:
        dialog.close()
        ok = [i for i, o in zip(indices, outcomes, strict=True) if o.ok]
        for i in ok:
            self.previews.forget(result.records[i].path)
        if result is self.result:
            self.gone.update(ok)
            self.request_regroup()
        moved = sum(o.size for o in outcomes if o.ok)
        problems = len(outcomes) - len(ok)
        where = (
            translate("MainWindow", "to the trash")
            if action == actions.TRASH
            else translate("MainWindow", "to the folder")
        )
        summary = (
            translate("MainWindow", "Moved %1 (%2) %3.")
            .replace("%1", text.count_files(len(ok)))
            .replace("%2", text.size_text(moved))
            .replace("%3", where)
        )
        if problems:
            summary += " " + translate(
                "MainWindow", "%1 were not moved; each is listed below with the reason."
            ).replace("%1", text.count_files(problems))
            self._show_dialog(
                OutcomeDialog(translate("MainWindow", "Done, with problems"), summary, outcomes, self)
            )
        self.statusBar().showMessage(
            summary + " " + translate("MainWindow", "Journal: %1").replace("%1", str(actions.journal_path())),
            15000,
        )
        self.last_outcomes = outcomes

    def undo_move_dialog(self) -> None:
        def loaded(batches: dict) -> None:
            dlg = UndoMovesDialog(batches, self)
            if dlg.exec() == UndoMovesDialog.DialogCode.Accepted and dlg.chosen_batch() is not None:
                entries = batches[dlg.chosen_batch()]
                self.io.submit(
                    actions.undo_moves,
                    entries,
                    on_result=self._on_undo_done,
                    on_error=lambda msg: self._warn(translate("MainWindow", "Undo failed"), msg),
                )

        self.io.submit(
            lambda: actions.undoable_moves(actions.read_journal()),
            on_result=loaded,
            on_error=lambda msg: self._warn(translate("MainWindow", "Could not read the journal"), msg),
        )

    def _on_undo_done(self, outcomes: list) -> None:
        ok = sum(1 for o in outcomes if o.ok)
        summary = translate("MainWindow", "Moved %1 back. Rescan to see them in the groups again.").replace(
            "%1", text.count_files(ok)
        )
        if ok < len(outcomes):
            self._show_dialog(OutcomeDialog(translate("MainWindow", "Undo a move"), summary, outcomes, self))
        self.statusBar().showMessage(summary, 10000)

    # == export, dialogs, view =====================================================================
    def export_dialog(self) -> None:
        if self.result is None or not self.final:
            return
        start = self.settings.get("paths/last_export") or os.path.join(
            os.path.expanduser("~"), "duplicates.json"
        )
        path, chosen = QFileDialog.getSaveFileName(
            self,
            translate("MainWindow", "Export groups"),
            start,
            translate("MainWindow", "JSON report (*.json);;CSV table (*.csv)"),
        )
        if path:
            self.settings.set("paths/last_export", path)
            self.export(path, csv=path.lower().endswith(".csv") or "csv" in chosen.lower())

    def export(self, path: str, csv: bool = False) -> None:
        assert self.result is not None
        groups = list(self.model.groups())
        writer = write_csv if csv else write_json
        self.io.submit(
            writer,
            self.result,
            path,
            groups,
            on_result=lambda _: self.statusBar().showMessage(
                translate("MainWindow", "Exported to %1").replace("%1", path), 10000
            ),
            on_error=lambda msg: self._warn(translate("MainWindow", "Export failed"), msg),
        )

    def errors_dialog(self) -> None:
        ErrorsDialog(self.errors, self).exec()

    def shortcuts_dialog(self) -> None:
        acts = [a for a in self.actions() if a not in self.act_toggle]
        extra = [
            ("1 … 9", translate("MainWindow", "Keep/trash file 1 to 9 of the group")),
            (
                translate("MainWindow", "Mouse wheel / drag"),
                translate("MainWindow", "Zoom / pan all images together"),
            ),
        ]
        ShortcutsDialog(acts, extra, self).exec()

    def _fit(self) -> None:
        self.compare.fit()

    def _actual(self) -> None:
        self.compare.actual_pixels()

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

    def _escape(self) -> None:
        if self.isFullScreen():
            self.toggle_full_screen()
        elif self.scanner.running:
            self.cancel_scan()

    def _warn(self, title: str, message: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        self._show_dialog(box)

    def _show_dialog(self, dialog: Any) -> None:
        """Window-modal, non-blocking: the event loop (and any worker signals) keeps running."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
