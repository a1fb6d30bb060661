"""What the user decides about the groups: marks, auto-select rules, "not duplicates", moving files
to the trash or a folder (and undoing moves), and exporting the groups.

A :class:`ReviewController` is composed into the main window: it reaches the window only through
the :class:`ReviewHost` protocol below (the widgets' state it reads, the dialogs it opens), and
keeps what the user decided since the scan (dismissed pairs, files gone, the keep rules). Every
file operation runs on the window's one-thread I/O runner.
"""

from __future__ import annotations

import itertools
import os
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QStatusBar, QWidget

from ..core import DupGroup, GroupingParams, Rule, ScanResult
from ..core.act import actions, journal
from ..core.act.report import write_csv, write_json
from ..core.group.dismissals import GROUP, PAIR, Dismissals
from ..core.group.regroup import excluded_pairs
from . import confirmation, text
from .background.image_loader import ImageLoader
from .background.tasks import TaskRunner
from .dialogs import CONFIRMED, CONFIRMED_WIDER, DismissalsDialog, OutcomeDialog, RulesDialog, UndoMovesDialog
from .marks import Marks
from .settings import GuiSettings


class ReviewHost(Protocol):
    """What the review needs from the window it is part of."""

    result: ScanResult | None
    final: bool  # the result is a finished scan (not early groups)
    marks: Marks
    io: TaskRunner
    previews: ImageLoader
    settings: GuiSettings

    def groups(self) -> list[DupGroup]: ...
    def grouping(self) -> GroupingParams: ...
    def current_group(self) -> DupGroup | None: ...
    def step_group(self, step: int) -> None: ...
    def request_regroup(self) -> None: ...
    def scanning(self) -> bool: ...
    def root_paths(self) -> list[str]: ...
    def can_move(self) -> bool: ...
    def update_actions(self) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def warn(self, title: str, message: str) -> None: ...
    def show_dialog(self, dialog: Any) -> None: ...
    def confirm(self, title: str, question: str, detail: str, action_text: str, wider_text: str) -> int: ...
    def shown_ids(self) -> set[int] | None: ...
    def ask_folder(self, title: str, start: str) -> str: ...


class ReviewController(QObject):
    """Marks, rules, dismissals, file actions and export for the window ``host`` (``widget`` is
    the same window, the parent of the dialogs)."""

    def __init__(self, host: ReviewHost, widget: QWidget, keep_rules: tuple[Rule, ...]) -> None:
        super().__init__(widget)
        self.host = host
        self.widget = widget
        self.keep_rules = keep_rules
        self.dismissed: set[tuple[int, int]] = set()  # record-index pairs marked "not duplicates"
        self.gone: set[int] = set()  # record indices trashed or moved away since the scan
        self.last_outcomes: list[actions.Outcome] = []

    def new_scan(self, dismissed: set[tuple[int, int]] | None = None) -> None:
        """A scan started (nothing decided yet) or finished (with the remembered dismissals)."""
        self.dismissed = set(dismissed or ())
        self.gone = set()

    def excluded(self) -> frozenset[tuple[int, int]]:
        """Pairs the groups must leave out: dismissed ones and those of files that are gone."""
        result = self.host.result
        if result is None:
            return frozenset()
        return excluded_pairs(result.pairs, self.dismissed, self.gone)

    def _status(self, message: str, ms: int) -> None:
        self.host.statusBar().showMessage(message, ms)

    # == marks =====================================================================================
    def toggle_member(self, position: int) -> None:
        g = self.host.current_group()
        if g is not None and 0 <= position < len(g.members):
            self.toggle_index(g.members[position].index)

    @Slot(int)
    def toggle_index(self, index: int) -> None:
        marks = self.host.marks
        g = marks.group_of(index)
        if g is None:
            return
        refused = marks.toggle(g, index)
        if refused:
            self._status(refused, 6000)

    @Slot(int)
    def keep_only(self, index: int) -> None:
        g = self.host.marks.group_of(index)
        if g is not None:
            self.host.marks.keep_only(g, index)

    def accept_and_next(self) -> None:
        g = self.host.current_group()
        if g is not None:
            self.host.marks.accept_suggestion([g])
            self.host.step_group(1)

    def keep_all_in_group(self) -> None:
        g = self.host.current_group()
        if g is not None:
            self.host.marks.keep_all([g])

    def accept_all(self) -> None:
        self.host.marks.accept_suggestion(self.host.groups())

    def rules_dialog(self) -> None:
        if self.host.result is None:
            return
        dlg = RulesDialog(self.keep_rules, self.host.root_paths(), self.widget)
        if dlg.exec() == RulesDialog.DialogCode.Accepted and dlg.rules():
            self.apply_rules(dlg.rules())

    def apply_rules(self, rules: tuple) -> None:
        """Keep rules chosen by the user: recompute every group's keeper, reset every mark to it."""
        self.keep_rules = tuple(rules)
        self.host.settings.set_keep_rules(self.keep_rules)
        # Every mark goes back to "follow the suggestion"; the regroup brings the new keepers.
        self.host.marks.reset()
        self.host.request_regroup()
        self._status(self.tr("Rules applied to every group."), 6000)

    # == not duplicates ============================================================================
    def dismiss_group(self) -> None:
        g = self.host.current_group()
        if g is None or self.host.result is None or not self.host.final:
            return
        self._dismiss(g.indices, GROUP)

    @Slot(int, int)
    def dismiss_pair(self, i: int, j: int) -> None:
        if self.host.result is not None and self.host.final:
            self._dismiss([i, j], PAIR)

    def _dismiss(self, indices: list[int], kind: str) -> None:
        result = self.host.result
        assert result is not None
        # Exactly the files shown are kept apart, every two of them (scored together or not),
        # as the remembered dismissal will keep them after a rescan.
        self.dismissed.update(itertools.combinations(sorted(set(indices)), 2))
        self.host.request_regroup()
        records = [result.records[i] for i in indices]
        self.host.io.submit(
            lambda: Dismissals().dismiss(records, kind),
            on_error=lambda msg: self.host.warn(self.tr("Could not remember this decision"), msg),
        )
        self._status(self.tr("Marked as not duplicates. Undo in Tools ▸ Not duplicates list…"), 6000)

    def dismissals_dialog(self) -> None:
        dlg = DismissalsDialog(self.widget)
        self.host.io.submit(
            lambda: Dismissals().entries(),
            on_result=dlg.show_entries,
            on_error=lambda msg: self.host.warn(self.tr("Could not read the list"), msg),
        )
        dlg.restoreRequested.connect(self.restore_dismissals)
        dlg.exec()

    @Slot(list)
    def restore_dismissals(self, ids: list[int]) -> None:
        result, final = self.host.result, self.host.final

        def work() -> set[tuple[int, int]] | None:
            store = Dismissals()
            for i in ids:
                store.undo(i)
            return store.excluded_pairs(result) if result is not None and final else None

        def done(excluded: set | None) -> None:
            if excluded is not None and result is self.host.result:
                self.dismissed = set(excluded)
                self.host.request_regroup()

        self.host.io.submit(
            work, on_result=done, on_error=lambda msg: self.host.warn(self.tr("Could not restore"), msg)
        )

    # == file actions ==============================================================================
    def trash_marked(self) -> None:
        self._act_on_marked(actions.TRASH, None)

    def move_marked(self) -> None:
        if not self.host.can_move():
            return
        settings = self.host.settings
        start = settings.get("paths/last_move") or os.path.expanduser("~")
        folder = self.host.ask_folder(self.tr("Move the marked files to this folder"), start)
        if folder:
            settings.set("paths/last_move", folder)
            self._act_on_marked(actions.MOVE, folder)

    def _act_on_marked(self, action: str, destination: str | None) -> None:
        host = self.host
        result = host.result
        if result is None or not host.final or host.scanning():
            return
        shown = host.shown_ids()
        seen = host.marks.marked(shown, unseen=False)
        every = host.marks.marked(shown)
        if not every:
            self._status(self.tr("No file is marked for the trash."), 5000)
            return
        scope = host.marks.scope(shown)
        records = result.records
        title, question, verb, wider = confirmation.question(records, action, destination, seen, every, scope)
        warning = confirmation.overridden_warning(result, host.marks, host.grouping(), every)
        if warning:
            question += "\n\n" + warning
        answer = host.confirm(title, question, confirmation.detail(records, seen, every), verb, wider)
        if answer == CONFIRMED_WIDER:
            indices = every
        elif answer == CONFIRMED and seen:
            indices = seen
        else:
            return
        touched = {g.id for g in (host.marks.group_of(i) for i in indices) if g is not None}
        groups = [
            [actions.Target.of(records[m.index]) for m in g.members] for g in host.groups() if g.id in touched
        ]
        targets = [actions.Target.of(records[i]) for i in indices]
        dialog = QProgressDialog(self.tr("Working…"), self.tr("Stop"), 0, len(targets), self.widget)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setValue(0)
        task = host.io.submit(
            actions.execute,
            targets,
            groups,
            action,
            destination,
            # The engine refuses files whose real location is protected, whatever the marks say.
            protected=host.grouping().protected,
            with_progress=True,
            on_progress=lambda done, total: dialog.setValue(done),
            on_result=lambda outcomes: self._on_action_done(result, action, indices, outcomes, dialog),
            on_error=lambda msg: (dialog.close(), host.warn(title, msg)),
        )
        dialog.canceled.connect(task.cancel)
        host.update_actions()

    def _on_action_done(
        self, result: ScanResult, action: str, indices: list[int], outcomes: list, dialog: QProgressDialog
    ) -> None:
        dialog.close()
        ok = [i for i, o in zip(indices, outcomes, strict=True) if o.ok]
        for i in ok:
            self.host.previews.forget(result.records[i].path)
        if result is self.host.result:
            self.gone.update(ok)
            marks = self.host.marks
            acted = {g.id: g for g in (marks.group_of(i) for i in indices) if g is not None}
            marks.hold(acted.values(), set(ok))
            self.host.request_regroup()
        moved = sum(o.size for o in outcomes if o.ok)
        problems = len(outcomes) - len(ok)
        summary = (
            self.tr("Moved %Ln file(s) (%1) to the trash.", None, len(ok))
            if action == actions.TRASH
            else self.tr("Moved %Ln file(s) (%1) to the folder.", None, len(ok))
        ).replace("%1", text.size_text(moved))
        # Whole sentences, each translated, one after the other.
        sentences = [summary]
        if problems:
            sentences.append(
                self.tr(
                    "%Ln file(s) could not be moved; each is listed below with the reason.", None, problems
                )
            )
            self.host.show_dialog(
                OutcomeDialog(self.tr("Done, with problems"), " ".join(sentences), outcomes, self.widget)
            )
        sentences.append(self.tr("Journal: %1").replace("%1", str(journal.journal_path())))
        self._status(" ".join(sentences), 15000)
        self.last_outcomes = outcomes

    def undo_move_dialog(self) -> None:
        def loaded(batches: dict) -> None:
            dlg = UndoMovesDialog(batches, self.widget)
            if dlg.exec() == UndoMovesDialog.DialogCode.Accepted and dlg.chosen_batch() is not None:
                entries = batches[dlg.chosen_batch()]
                self.host.io.submit(
                    actions.undo_moves,
                    entries,
                    on_result=self._on_undo_done,
                    on_error=lambda msg: self.host.warn(self.tr("Undo failed"), msg),
                )

        self.host.io.submit(
            lambda: journal.undoable_moves(journal.read_journal()),
            on_result=loaded,
            on_error=lambda msg: self.host.warn(self.tr("Could not read the journal"), msg),
        )

    def _on_undo_done(self, outcomes: list) -> None:
        ok = sum(1 for o in outcomes if o.ok)
        summary = self.tr("Moved %Ln file(s) back. Rescan to see them in the groups again.", None, ok)
        if ok < len(outcomes):
            self.host.show_dialog(OutcomeDialog(self.tr("Undo a move"), summary, outcomes, self.widget))
        self._status(summary, 10000)

    # == export ======================================================================================
    def export_dialog(self) -> None:
        if self.host.result is None or not self.host.final:
            return
        settings = self.host.settings
        start = settings.get("paths/last_export") or os.path.join(os.path.expanduser("~"), "duplicates.json")
        path, chosen = QFileDialog.getSaveFileName(
            self.widget,
            self.tr("Export groups"),
            start,
            self.tr("JSON report (*.json);;CSV table (*.csv)"),
        )
        if path:
            settings.set("paths/last_export", path)
            self.export(path, csv=path.lower().endswith(".csv") or "csv" in chosen.lower())

    def export(self, path: str, csv: bool = False) -> None:
        """Write the groups shown, at the sliders' thresholds, as a JSON report or a CSV table."""
        result = self.host.result
        assert result is not None
        groups = list(self.host.groups())
        self.host.io.submit(
            write_csv if csv else write_json,
            result,
            path,
            groups,
            self.host.grouping(),
            on_result=lambda _: self._status(self.tr("Exported to %1").replace("%1", path), 10000),
            on_error=lambda msg: self.host.warn(self.tr("Export failed"), msg),
        )
