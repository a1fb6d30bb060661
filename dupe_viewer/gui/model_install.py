"""Install the deep-similarity model from the window: download the default one with a progress
bar (resumable, checksummed: the engine's :func:`~dupe_viewer.core.deep.installed.install_default`)
or choose a model file (:func:`~dupe_viewer.core.deep.installed.install_from_file`, the same
call as ``dupe-viewer models install --from FILE``).

The work runs on a :class:`TaskRunner` thread; only progress figures and the installed spec (or
the engine's one-line error) come back to the dialog. Cancel stops a download at its next chunk;
what was downloaded is kept, so the next try resumes it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from . import text
from .background.tasks import Task, TaskRunner


def _download(progress: Callable[[int, int], None], should_stop: Callable[[], bool]) -> Any:
    from ..core.deep import installed  # the engine's model code: loaded when asked for

    return installed.install_default(
        progress=lambda done, total: progress(done, total or 0), cancel=should_stop
    )


def _from_file(path: str) -> Any:
    from ..core.deep import installed

    return installed.install_from_file(path)


class ModelInstallDialog(QDialog):
    """Download the default model or choose a file; ``installed(spec)`` once one is in place."""

    installed = Signal(object)  # the installed ModelSpec

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.task: Task | None = None
        self.setWindowTitle(self.tr("Deep-similarity model"))
        intro = QLabel(
            self.tr(
                "Deep similarity also finds crops, tilted copies and heavily edited copies. It needs "
                "a small model (SqueezeNet 1.1, 2.4 MB), downloaded once and checked against its "
                "known checksum. Without a network, download it elsewhere and choose the file here."
            )
        )
        intro.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.download_button = QPushButton(self.tr("Download the default model"))
        self.download_button.clicked.connect(self.download)
        self.file_button = QPushButton(self.tr("Choose a model file…"))
        self.file_button.clicked.connect(self.choose_file)
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.download_button)
        row.addWidget(self.file_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(560, 220)

    @property
    def busy(self) -> bool:
        return self.task is not None

    def ask_file(self) -> str:
        """The file chooser (tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a model file"), os.path.expanduser("~"), self.tr("ONNX model (*.onnx)")
        )
        return path

    def download(self) -> None:
        if self.busy:
            return
        self.progress.setRange(0, 0)  # until the size is known
        self._start(self.tr("Downloading…"), _download, with_progress=True)

    def choose_file(self) -> None:
        if self.busy:
            return
        path = self.ask_file()
        if path:
            self.progress.setRange(0, 0)
            self._start(
                self.tr("Installing %1…").replace("%1", text.shown_path(os.path.basename(path))),
                _from_file,
                path,
            )

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _start(self, what: str, fn: Callable[..., Any], *args: Any, with_progress: bool = False) -> None:
        self.status.setText(what)
        for b in (self.download_button, self.file_button):
            b.setEnabled(False)
        self.cancel_button.setEnabled(with_progress)
        self.task = self.runner.submit(
            fn,
            *args,
            with_progress=with_progress,
            on_progress=self._on_progress,
            on_result=self._on_done,
            on_error=self._on_error,
        )

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        self.status.setText(
            self.tr("Downloaded %1 of %2")
            .replace("%1", text.size_text(done))
            .replace("%2", text.size_text(total))
            if total > 0
            else self.tr("Downloaded %1").replace("%1", text.size_text(done))
        )

    def _finish(self) -> None:
        self.task = None
        for b in (self.download_button, self.file_button):
            b.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _on_done(self, spec: Any) -> None:
        self._finish()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(
            self.tr("Installed “%1”. Rescan to find crops and edited copies as well.").replace(
                "%1", str(getattr(spec, "id", spec))
            )
        )
        self.installed.emit(spec)

    def _on_error(self, message: str) -> None:
        self._finish()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)  # the engine's own words: what failed and what to do

    def reject(self) -> None:
        self.cancel()  # a download left running would finish behind a closed dialog
        super().reject()
