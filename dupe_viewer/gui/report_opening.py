"""File ▸ Open report…: a saved scan report reviewed in the window.

The person picks a report (.json, .jsonl, .parquet), then which of its groups to review
(:class:`ReportSubsetDialog`: a folder, kinds, the size of the group's largest file, a limit on
the groups). :class:`ReportWorker` reads it off the GUI thread with the engine's
:func:`~dupe_viewer.core.act.report_open.open_report` (progress in the progress strip, Cancel
stops it), on a thread started by the scan's own :class:`ScanController`; the pairs the person
said are not duplicates (the remembered list, by content) are taken out there, as after a scan,
and the result goes to the window, which reviews it like a scan's. :class:`ReportOpener` is
what the window composes.

A report lists only the groups it found, so the similarity sliders can narrow them and never
widen them: their tips say so while a report is shown (see :mod:`dupe_viewer.core.group.stated`).
"""

from __future__ import annotations

import logging
import os
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from ..core import ScanResult, messages, regrouped
from ..core.act.report_open import ReportError, ReportProgress, ReportSubset, open_report
from ..core.group.dismissals import Dismissals
from ..core.result import KINDS, Cancelled, Finished
from . import text
from .background.scan_worker import ScanController, remembered_apart
from .panels import ProgressStrip

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls
MB = 1_000_000


def kind_labels() -> dict[str, str]:
    """The group kinds as the subset dialog names them."""
    return {
        "exact": translate("ReportSubsetDialog", "Identical files"),
        "near": translate("ReportSubsetDialog", "Copies (resized, re-encoded, rotated)"),
        "edited": translate("ReportSubsetDialog", "Edited copies"),
        "shot": translate("ReportSubsetDialog", "Similar shots"),
        "similar": translate("ReportSubsetDialog", "Looks alike"),
    }


class ReportSubsetDialog(QDialog):
    """Which groups of a report to review; every field left empty accepts every group."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open report: which groups?"))
        form = QFormLayout(self)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Every folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Groups with a file in:"), row)
        self.kinds: dict[str, QCheckBox] = {}
        for kind, label in kind_labels().items():
            box = QCheckBox(label)
            box.setChecked(True)
            self.kinds[kind] = box
            form.addRow("" if self.kinds.keys() != {kind} else self.tr("Kinds:"), box)
        self.min_mb, self.max_mb, self.limit = QSpinBox(), QSpinBox(), QSpinBox()
        for box in (self.min_mb, self.max_mb):
            box.setRange(0, 10_000_000)
        self.max_mb.setSpecialValueText(self.tr("no limit"))
        self.limit.setRange(0, 100_000_000)
        self.limit.setSpecialValueText(self.tr("all"))
        self.limit.setValue(0)
        form.addRow(self.tr("Largest file at least (MB):"), self.min_mb)
        form.addRow(self.tr("Largest file at most (MB):"), self.max_mb)
        form.addRow(self.tr("At most this many groups:"), self.limit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.report = report

    def _browse(self) -> None:
        start = self.folder.text() or os.path.dirname(self.report)
        folder = QFileDialog.getExistingDirectory(self, self.tr("Groups with a file in this folder"), start)
        if folder:
            self.folder.setText(folder)

    def subset(self) -> ReportSubset:
        kinds = frozenset(k for k, box in self.kinds.items() if box.isChecked())
        return ReportSubset(
            folder=self.folder.text().strip() or None,
            kinds=frozenset() if kinds == frozenset(KINDS) else kinds,
            min_bytes=self.min_mb.value() * MB or None,
            max_bytes=self.max_mb.value() * MB or None,
            max_groups=self.limit.value() or None,
        )


class ReportWorker(QObject):
    """Reads one report on its own thread (duck-typed for :class:`ScanController`)."""

    progress = Signal(int, int)  # groups read, groups in the report (0: unknown)
    finished = Signal(object, object)  # ScanResult (source set), pairs kept apart (set)
    cancelled = Signal()
    failed = Signal(object)  # one line (an engine message: its code kept)

    def __init__(
        self, path: str, subset: ReportSubset, dismissals: Callable[[], Dismissals] = Dismissals
    ) -> None:
        super().__init__()
        self.path, self.subset = path, subset
        self.dismissals = dismissals
        self._cancel = threading.Event()

    def _remembered(self, result: ScanResult) -> tuple[ScanResult, set[tuple[int, int]]]:
        """``result`` without the pairs the person said are not duplicates (the same list a
        scan applies: files are recognised by content, wherever the report found them)."""
        excluded, problems = remembered_apart(result, self.dismissals, self._cancel.is_set)
        notes = [f"{where}: {what}" for where, what in problems]
        if excluded:
            result = regrouped(result, excluded=excluded)
        if notes:
            result = replace(result, warnings=[*result.warnings, *notes])
        return result, excluded

    def cancel(self) -> None:
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        try:
            for event in open_report(self.path, self.subset, self._cancel):
                if isinstance(event, ReportProgress):
                    self.progress.emit(event.done, event.total)
                elif isinstance(event, Finished):
                    result, excluded = self._remembered(event.result)
                    if self._cancel.is_set():
                        self.cancelled.emit()
                    else:
                        self.finished.emit(result, excluded)
                elif isinstance(event, Cancelled):
                    self.cancelled.emit()
        except ReportError as exc:
            self.failed.emit(messages.of(exc))
        except Exception as exc:
            log.error("reading the report failed:\n%s", traceback.format_exc())
            self.failed.emit(str(exc) or type(exc).__name__)


def report_title(result: ScanResult) -> str:
    """What the window's title says of a report-backed result: "Saved report r.jsonl (date)"."""
    src = result.source
    assert src is not None
    when = text.datetime_text(datetime.fromtimestamp(src.saved))
    return (
        translate("ReportOpener", "Saved report %1 (%2)")
        .replace("%1", text.shown_path(os.path.basename(src.path)))
        .replace("%2", when)
    )


class ReportOpener(QObject):
    """Asks for a report and a subset, reads it with progress and cancel, hands the result on."""

    loaded = Signal(object, object)  # ScanResult read from a report, pairs kept apart (set)
    failed = Signal(object)  # one line, worded by engine_text
    stopped = Signal()

    def __init__(self, parent: QWidget, strip: ProgressStrip) -> None:
        super().__init__(parent)
        self.widget = parent
        self.strip = strip
        self.reader = ScanController(self)
        self.reader.stopped.connect(self._on_stopped)
        self._began = 0.0

    @property
    def running(self) -> bool:
        return self.reader.running

    def ask(self, start: str) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.widget,
            self.tr("Open a saved report"),
            start,
            self.tr("Scan reports (*.json *.jsonl *.parquet);;All files (*)"),
        )
        return path

    def choose_subset(self, path: str) -> ReportSubset | None:
        """The subset dialog (tests replace this method); None when cancelled."""
        dialog = ReportSubsetDialog(path, self.widget)
        return dialog.subset() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def open(self, path: str, subset: ReportSubset | None = None) -> bool:
        """Start reading ``path`` (asking for the subset unless given); False if not started."""
        if self.running:
            return False
        if subset is None:
            subset = self.choose_subset(path)
            if subset is None:
                return False
        worker = ReportWorker(path, subset)
        worker.progress.connect(self._on_progress)
        worker.finished.connect(self.loaded)
        worker.failed.connect(self.failed)
        self._began = time.monotonic()
        self.strip.starting()
        self.reader.start(worker)  # type: ignore[arg-type]  # the same run/done/cancel as a scan worker
        return True

    def cancel(self) -> None:
        if self.running:
            self.strip.phase_label.setText(self.tr("Cancelling…"))
            self.reader.cancel()

    def wait(self, msecs: int) -> bool:
        return self.reader.wait(msecs)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        phase = self.tr("Reading the report")
        self.strip.show_progress(phase, done, total, time.monotonic() - self._began)

    @Slot()
    def _on_stopped(self) -> None:
        self.strip.hide()
        self.stopped.emit()
