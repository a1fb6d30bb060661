"""A scan as the window shows it: started and cancelled (a new scan while one runs cancels it and
starts again once it has stopped), its progress in the progress strip, the problems it found
behind a button in the status bar, and the files it skipped as unsupported beside it ("412 files
skipped as unsupported: .mp4 400, .xcf 12": a fact about the folder, not a problem, so not
counted as one). Its results go to the window as signals."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar

from ..core import ScanOptions, ScanResult
from ..core.files.formats import skipped_label
from . import text
from .background.scan_worker import ScanController, ScanFn, ScanWorker, StageFn
from .panels import ProgressStrip
from .settings import RootEntry


class ScanSession(QObject):
    """Owns the scan thread (:class:`ScanController`), the progress strip and the problems list."""

    early = Signal(object)  # a partial ScanResult: byte-identical groups before the end
    finished = Signal(object, object)  # ScanResult, the pairs the user dismissed earlier
    failed = Signal(str)
    stopped = Signal(bool)  # after finished / cancelled / failed; True: start again (asked meanwhile)

    def __init__(self, strip: ProgressStrip, status: QStatusBar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.strip = strip
        self.status = status
        self.scanner = ScanController(self)
        self.scanner.stopped.connect(self._on_stopped)
        self.errors: list[tuple[str, str]] = []
        self.errors_button = QPushButton()
        self.errors_button.setFlat(True)
        self.errors_button.hide()
        self.skipped_label = QLabel()
        self.skipped_label.setAccessibleName(self.tr("Files skipped as unsupported"))
        self.skipped_label.hide()
        status.addPermanentWidget(self.skipped_label)
        status.addPermanentWidget(self.errors_button)
        self._restart = False
        self._phase = ("", 0.0)
        self._staged: tuple[ScanResult, Any] | None = None

    @property
    def running(self) -> bool:
        return self.scanner.running

    def start(
        self,
        roots: list[RootEntry],
        options: ScanOptions,
        scan_fn: ScanFn,
        stage_marks: StageFn | None = None,
    ) -> bool:
        """Start scanning ``roots``; when a scan is running, cancel it instead and report
        ``stopped(True)`` once it has stopped (the caller starts again then). True if started.
        ``stage_marks`` runs on the scan's thread for each result (see :meth:`take_staged`)."""
        if self.scanner.running:
            self._restart = True
            self.scanner.cancel()
            return False
        self.errors = []
        self._update_errors()
        self._show_skipped({})
        self._phase = ("", 0.0)
        self._staged = None
        worker = ScanWorker(roots, options, scan_fn=scan_fn, stage_marks=stage_marks)
        worker.staged.connect(self._on_staged)
        worker.progress.connect(self._on_progress)
        worker.error.connect(self.add_error)
        worker.early_groups.connect(self.early)
        worker.finished.connect(self.finished)
        worker.cancelled.connect(self._on_cancelled)
        worker.failed.connect(self.failed)
        self.strip.starting()
        self.scanner.start(worker)
        return True

    def cancel(self) -> None:
        if self.scanner.running:
            self._restart = False
            self.strip.phase_label.setText(self.tr("Cancelling…"))
            self.scanner.cancel()

    def take_staged(self, result: ScanResult) -> Any:
        """What ``stage_marks`` made for ``result`` (delivered just before it), or None; once."""
        staged, self._staged = self._staged, None
        return staged[1] if staged is not None and staged[0] is result else None

    @Slot(object, object)
    def _on_staged(self, result: ScanResult, staged: Any) -> None:
        self._staged = (result, staged)

    def wait(self, msecs: int) -> bool:
        return self.scanner.wait(msecs)

    def add_warnings(self, result: ScanResult) -> None:
        """What the scan wants the user to know (damaged caches, ...), listed with the problems,
        and the files it skipped as unsupported, shown beside them."""
        for w in result.warnings:
            self.errors.append((self.tr("(scan)"), w))
        self._update_errors()
        self._show_skipped(result.skipped)

    def _show_skipped(self, skipped: dict[str, int]) -> None:
        """One line in the status bar, the most frequent extensions first: the first three in
        the bar (it shares its width with the scan's messages), up to twenty in the tooltip."""
        self.skipped_label.setVisible(bool(skipped))
        if not skipped:
            self.skipped_label.clear()
            self.skipped_label.setToolTip("")
            return
        self.skipped_label.setText(self.skipped_text(skipped, 3))
        self.skipped_label.setToolTip(self.skipped_text(skipped, 20))

    def skipped_text(self, skipped: dict[str, int], kinds: int) -> str:
        """ "412 files skipped as unsupported: .mp4 400, .xcf 12", naming ``kinds`` extensions."""
        ranked = sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0]))
        named = ", ".join(f"{self._extension(ext)} {text.number_text(n)}" for ext, n in ranked[:kinds])
        if len(ranked) > kinds:
            named += ", …"
        line = self.tr("%Ln file(s) skipped as unsupported: %1", None, sum(skipped.values()))
        return line.replace("%1", named)

    def _extension(self, ext: str) -> str:
        """A skipped extension as shown: ".mp4", or "(no extension)" in the user's language."""
        return skipped_label(ext) if ext else self.tr("(no extension)")

    @Slot(object, object)
    def add_error(self, path: str, message: str) -> None:
        self.errors.append((path, message))
        self._update_errors()

    def _update_errors(self) -> None:
        n = len(self.errors)
        self.errors_button.setVisible(n > 0)
        self.errors_button.setText(self.tr("%Ln problem(s) found…", None, n))

    @Slot(str, int, int)
    def _on_progress(self, phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if phase != self._phase[0]:
            self._phase = (phase, now)
        self.strip.show_progress(phase, done, total, now - self._phase[1])

    @Slot(object)
    def _on_cancelled(self, stats: Any) -> None:
        if not self._restart:
            self.status.showMessage(
                self.tr("Scan cancelled. What was read is cached: the next scan continues from there."), 10000
            )

    @Slot()
    def _on_stopped(self) -> None:
        self.strip.hide()
        restart, self._restart = self._restart, False
        self.stopped.emit(restart)
