"""The window's panels: how alike files must be (the sliders), the scan's progress, the action
bar and the welcome page (the list of groups is :mod:`.groups_panel`).

Each panel only builds and lays out its widgets and words its labels; the window connects them
to the engine and to the review controller.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from ..core import ScanResult
from . import engine_text, text
from .marks import Scope

DEEP_RANGE = (80, 100)  # deep-similarity slider, percent


class SimilarityPanel(QGroupBox):
    """ "2. How alike must files be?": the hash slider and, when the scan has deep scores, the
    deep slider (otherwise, if deep similarity is off for a reason worth knowing, a note, with
    a button to install the model when that is the reason)."""

    installRequested = Signal()

    def __init__(self, threshold: float, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("2. How alike must files be?"), parent)
        self.threshold = QSlider(Qt.Orientation.Horizontal)
        self.threshold.setRange(50, 100)
        self.threshold.setValue(round(threshold * 100))
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
        self.install_button = QPushButton(self.tr("Install the model…"))
        self.install_button.setToolTip(
            self.tr("Download the deep-similarity model (2.4 MB), or choose a model file")
        )
        self.install_button.clicked.connect(self.installRequested)
        self.model_installed = False  # set by the window once a model is installed from it
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("looser")))
        row.addWidget(self.threshold, 1)
        row.addWidget(QLabel(self.tr("stricter")))
        layout.addWidget(self.threshold_label)
        layout.addLayout(row)
        deep_row = QHBoxLayout()
        deep_row.addWidget(self.deep_label)
        deep_row.addWidget(self.deep, 1)
        layout.addLayout(deep_row)
        note_row = QHBoxLayout()
        note_row.addWidget(self.deep_note, 1)
        note_row.addWidget(self.install_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(note_row)
        self.threshold.setAccessibleName(self.tr("Picture similarity needed"))
        self.deep.setAccessibleName(self.tr("Deep similarity needed"))
        self.threshold.valueChanged.connect(self.update_labels)
        self.deep.valueChanged.connect(self.update_labels)
        self._shown: ScanResult | None = None
        self.show_deep(None)

    def set_report(self, report: bool) -> None:
        """Whether the groups come from a saved report: it lists only the groups it found, so the
        sliders can narrow them and never widen them (the tips say so)."""
        if not hasattr(self, "_tips"):
            self._tips = (self.threshold.toolTip(), self.deep.toolTip())
        if report:
            tip = self.tr(
                "A saved report lists only the groups it found: the slider can make them stricter, "
                "not find more. Rescan the folders to look for looser matches."
            )
            self.threshold.setToolTip(tip)
            self.deep.setToolTip(tip)
        else:
            self.threshold.setToolTip(self._tips[0])
            self.deep.setToolTip(self._tips[1])

    def set_threshold(self, value: float) -> None:
        """Move the hash slider without signalling a change (a scan's own threshold)."""
        self.threshold.blockSignals(True)
        self.threshold.setValue(round(value * 100))
        self.threshold.blockSignals(False)
        self.update_labels()

    def show_deep(self, result: ScanResult | None) -> None:
        has_deep = result is not None and result.pairs.has_deep
        self.deep.setVisible(has_deep)
        self.deep_label.setVisible(has_deep)
        if has_deep:
            assert result is not None
            value = result.grouping.deep_threshold
            value = 0.9 if value is None else value
            self.deep.blockSignals(True)
            # The model's recommended threshold is always within reach of the slider.
            self.deep.setRange(min(DEEP_RANGE[0], int(value * 100) - 5), DEEP_RANGE[1])
            self.deep.setValue(round(value * 100))
            self.deep.blockSignals(False)
        info = result.deep if result is not None and isinstance(result.deep, dict) else {}
        reason = str(info.get("reason", ""))
        show_note = result is not None and not has_deep and reason not in ("", "not requested")
        no_model = show_note and engine_text.no_model(reason)
        self.deep_note.setVisible(show_note)
        self.install_button.setVisible(no_model and not self.model_installed)
        if show_note:
            if no_model and self.model_installed:
                note = self.tr("The deep-similarity model is installed: Rescan to use it.")
            elif no_model:
                note = self.tr(
                    "Deep similarity (finds crops and tilted copies) is off: no model is installed."
                )
            else:
                note = self.tr("Deep similarity is off: %1").replace("%1", engine_text.problem_text(reason))
            self.deep_note.setText(note)
        self._shown = result
        self.update_labels()

    def set_model_installed(self) -> None:
        """A model was installed from the window: the note says so instead of "no model"."""
        self.model_installed = True
        self.show_deep(self._shown)

    def update_labels(self) -> None:
        self.threshold_label.setText(
            self.tr("Picture similarity needed: <b>%1 %</b>").replace(
                "%1", text.number_text(self.threshold.value())
            )
        )
        self.deep_label.setText(self.tr("Deep: %1 %").replace("%1", text.number_text(self.deep.value())))


class ProgressStrip(QFrame):
    """The scan's phase, a progress bar, counts, rate and time left, and Cancel."""

    def __init__(self, cancel_tip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.phase_label = QLabel()
        self.progress = QProgressBar()
        self.detail = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(cancel_tip)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.progress, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.cancel_button)
        self.hide()

    def starting(self) -> None:
        self.show()
        self.phase_label.setText(self.tr("Starting…"))
        self.progress.setRange(0, 0)
        self.detail.setText("")

    def show_progress(self, phase: str, done: int, total: int, elapsed: float) -> None:
        """``elapsed``: seconds since this phase began (for the rate and the time left)."""
        self.phase_label.setText(text.phase_text(phase))
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))
        else:
            self.progress.setRange(0, 0)
        number = text.number_text
        # Separate facts, one per translated string, side by side.
        facts = [
            self.tr("%1 of %2").replace("%1", number(done)).replace("%2", number(total))
            if total
            else number(done)
        ]
        if done and elapsed > 1.0 and total > done:
            rate = done / elapsed
            facts.append(self.tr("%1/s").replace("%1", number(rate)))
            facts.append(self.tr("about %1 left").replace("%1", text.duration_text((total - done) / rate)))
        self.detail.setText(" · ".join(facts))


class ActionBar(QFrame):
    """Decide (accept, rules, not duplicates), the totals, and act (move, trash)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accept_button = QPushButton(self.tr("Accept suggestion"))
        self.rules_button = QPushButton(self.tr("Auto-select…"))
        self.dismiss_button = QPushButton(self.tr("Not duplicates"))
        self.totals = QLabel()
        self.totals.setObjectName("totals")
        self.totals.setWordWrap(True)  # two lines on a narrow screen rather than a cut-off button
        self.totals.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.move_button = QPushButton(self.tr("Move to folder…"))
        self.trash_button = QPushButton()
        self.trash_button.setObjectName("trashButton")
        self.trash_button.setToolTip(
            self.tr("Asks for confirmation first. Files can be restored from the system trash.")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        for w in (self.accept_button, self.rules_button, self.dismiss_button):
            layout.addWidget(w)
        layout.addSpacing(12)
        layout.addWidget(self.totals, 1)
        layout.addSpacing(12)
        layout.addWidget(self.move_button)
        layout.addWidget(self.trash_button)

    def show_totals(self, n: int, size: int, have_result: bool, scope: Scope, filtering: bool) -> None:
        """``n`` files (``size`` bytes) marked in all; the trash button names what it acts on:
        the marked files of the groups opened, among those shown."""
        label = ""
        if have_result:
            label = (
                self.tr("Marked for the trash: %1 (%2), %3 in groups not opened yet")
                if scope.unseen_files
                else self.tr("Marked for the trash: %1 (%2)")
            )
            label = (
                label.replace("%3", text.count_files(scope.unseen_files))
                .replace("%2", text.size_text(size))
                .replace("%1", text.count_files(n))
            )
        self.totals.setText(label)
        k = scope.seen_files
        if k:
            what = (
                self.tr("%1 (%2)")
                .replace("%1", text.count_files(k))
                .replace("%2", text.size_text(scope.seen_bytes))
            )
            button = (
                self.tr("Move %1 of the shown groups to the trash")
                if filtering
                else self.tr("Move %1 to the trash")
            ).replace("%1", what)
        else:
            button = self.tr("Move to the trash…") if scope.unseen_files else self.tr("Move to the trash")
        self.trash_button.setText(button)


class WelcomePage(QFrame):
    """What the window shows before the first scan: a drop zone that says what the app does."""

    addRequested = Signal()
    scanRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dropZone")
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
        add.clicked.connect(self.addRequested)
        self.scan_button = QPushButton(self.tr("Scan the folders listed"))
        self.scan_button.clicked.connect(self.scanRequested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(add)
        buttons.addWidget(self.scan_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(title)
        layout.addSpacing(12)
        layout.addWidget(body)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addStretch(3)
        layout.setContentsMargins(40, 20, 40, 20)
