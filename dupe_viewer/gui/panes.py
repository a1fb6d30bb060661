"""One member of the group under review: its synced image view and its pane (state, facts).

Synchronisation works in *image* coordinates, not screen pixels: every view's scene is its
image's full-resolution size, so a 4000 px original and its 1000 px copy show the same part of
the photo at the same size on screen (see :mod:`.compare_view`).
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import QColor, QContextMenuEvent, QImage, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..core import DupGroup, Member
from ..core.files.records import ImageRecord
from ..core.group.keep import capture_time
from . import text
from .group_model import DELETE_COLOUR, KEEP_COLOUR, PROTECTED_COLOUR
from .pane_labels import ElidedLabel, FactsLabel

MIN_SCALE, MAX_SCALE = 0.01, 32.0


def _pane_style() -> str:
    """A pane's style sheet: its frame and header in the colour of its state (keep, delete,
    protected; see :meth:`ImagePane.set_state`)."""
    rules = [
        "#paneHead QLabel { color: white; }",
        "#stateLabel { font-weight: bold; font-size: 12pt; padding-right: 6px; }",
        "#paneHead #paneNumber { background: white; font-weight: bold; border-radius: 9px; }",
    ]
    for state, colour in (("keep", KEEP_COLOUR), ("delete", DELETE_COLOUR), ("protected", PROTECTED_COLOUR)):
        c, sel = colour.name(), f'#pane[state="{state}"]'
        rules += [
            f"{sel} {{ border: 3px solid {c}; border-radius: 4px; }}",
            f"{sel} #paneHead {{ background: {c}; border-radius: 2px; }}",
            f"{sel} #paneHead #paneNumber {{ color: {c}; }}",
        ]
    return "\n".join(rules)


PANE_STYLE = _pane_style()


class SyncedView(QGraphicsView):
    """One image; reports user zoom/pan so the other panes can follow."""

    viewChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene().addItem(self.item)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setBackgroundBrush(QColor("#2b2b2b"))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumSize(120, 90)
        self.image_w, self.image_h = 1, 1  # full-resolution size (scene units)
        self.loaded_w = 0  # width of the pixmap shown (0: none yet)
        self.fit = True
        self._applying = False
        self.horizontalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        # Shown instead of the image when it cannot be decoded (the reason, in words).
        self.message = QLabel(self.viewport())
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: white; padding: 12px;")
        self.message.hide()

    def show_message(self, text_: str) -> None:
        self.message.setText(text_)
        self.message.setGeometry(self.viewport().rect())
        self.message.setVisible(bool(text_))

    def set_size(self, width: int, height: int) -> None:
        self.image_w, self.image_h = max(1, width), max(1, height)
        self.scene().setSceneRect(QRectF(0, 0, self.image_w, self.image_h))

    def set_image(self, img: QImage | None) -> None:
        if img is None or img.isNull():
            self.item.setPixmap(QPixmap())
            self.loaded_w = 0
            return
        self.item.setPixmap(QPixmap.fromImage(img))  # QPixmap: GUI thread only, here
        self.item.setScale(self.image_w / img.width())
        self.loaded_w = img.width()

    # -- geometry shared with the other panes -----------------------------------------------------
    def span(self) -> float:
        """On-screen width, in device-independent pixels, of the whole image."""
        return self.transform().m11() * self.image_w

    def center_fraction(self) -> tuple[float, float]:
        c = self.mapToScene(self.viewport().rect().center())
        return c.x() / self.image_w, c.y() / self.image_h

    def apply(self, span: float, cx: float, cy: float) -> None:
        scale = min(MAX_SCALE, max(MIN_SCALE, span / self.image_w))
        self._applying = True
        try:
            self.fit = False
            self.setTransform(QTransform.fromScale(scale, scale))
            self.centerOn(QPointF(cx * self.image_w, cy * self.image_h))
        finally:
            self._applying = False

    def fit_image(self) -> None:
        self._applying = True
        try:
            self.fit = True
            self.fitInView(self.scene().sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        finally:
            self._applying = False

    def needs_full_resolution(self) -> bool:
        """True when the screen shows more pixels than the loaded preview has."""
        return (
            0 < self.loaded_w < self.image_w and self.transform().m11() * self.image_w > self.loaded_w * 1.05
        )

    # -- user input ----------------------------------------------------------------------------
    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120.0
        if not steps:
            return
        factor = 1.25**steps
        scale = self.transform().m11()
        factor = min(MAX_SCALE, max(MIN_SCALE, scale * factor)) / scale
        self.fit = False
        self._applying = True
        try:
            self.scale(factor, factor)  # anchored under the mouse
        finally:
            self._applying = False
        self.viewChanged.emit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fit:
            self.fit_image()

    @Slot()
    def _scrolled(self) -> None:
        if not self._applying and not self.fit:
            self.viewChanged.emit()


class ImagePane(QFrame):
    """A member of the group: state header, image, facts. The frame colour is its keep/trash state."""

    toggleRequested = Signal(int)  # record index
    keepOnlyRequested = Signal(int)
    menuRequested = Signal(int, QPoint)  # record index, global position

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = -1
        self.path = ""
        self.grid_pos: tuple[int, int] | None = None
        self._state: tuple[str, int] | None = None
        self.setObjectName("pane")
        self.setStyleSheet(PANE_STYLE)
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(0)
        self.number = QLabel()
        self.number.setObjectName("paneNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setFixedSize(20, 20)
        self.badge = ElidedLabel()  # gives way first when the pane is narrow
        self.badge.setObjectName("badge")
        self.state = QLabel()
        self.state.setObjectName("stateLabel")
        self.toggle = QPushButton()
        self.toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        self.toggle.clicked.connect(lambda: self.toggleRequested.emit(self.index))
        self.keep_only = QPushButton(self.tr("Keep only this"))
        self.keep_only.setToolTip(
            self.tr("Keep this file and mark every other file of the group for the trash")
        )
        self.keep_only.clicked.connect(lambda: self.keepOnlyRequested.emit(self.index))
        head = QHBoxLayout()
        head.setContentsMargins(6, 3, 6, 3)
        head.addWidget(self.number)
        head.addWidget(self.state)
        head.addWidget(self.badge)
        head.addStretch(1)
        head.addWidget(self.toggle)
        head.addWidget(self.keep_only)
        self.head = QWidget()
        self.head.setObjectName("paneHead")
        self.head.setLayout(head)
        self.view = SyncedView()
        self.info = FactsLabel()
        self.info.setObjectName("paneInfo")
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.info.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # Vertically Preferred, not Maximum: a widget is never made taller than its maximum, which
        # for Maximum is its size hint, the height at HINT_CHARS across; in a narrower pane the
        # rows wrap, the layout gives the label its height for the pane's width, and a Maximum
        # label kept the hint's height of it, cutting off the last rows. The image view takes
        # the pane's spare height (stretch 1), so the facts still get no more than they need.
        self.info.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Right-click on the facts opens the file's menu (the pane's), not the label's own.
        self.info.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        layout.addWidget(self.head)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.info)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.index >= 0:
            self.menuRequested.emit(self.index, event.globalPos())
            event.accept()

    def set_state(self, state: str, group_size: int = 2) -> None:
        """``state``: "keep", "delete" or "protected"."""
        if self._state == (state, group_size):
            return
        if self._state is None or self._state[0] != state:
            self._restyle(state)
        self._state = (state, group_size)
        self.state.setText(
            {
                "keep": self.tr("✓ KEEP"),
                "delete": self.tr("✗ TO TRASH"),
                "protected": self.tr("✓ PROTECTED"),
            }[state]
        )
        self.toggle.setText(self.tr("Keep") if state == "delete" else self.tr("Trash"))
        self.toggle.setToolTip(
            {
                "keep": self.tr("Mark this file for the trash (or press its number)"),
                "delete": self.tr("Keep this file after all (or press its number)"),
                "protected": self.tr("In a protected folder: always kept."),
            }[state]
        )
        self.toggle.setVisible(state != "protected")
        self.keep_only.setVisible(state != "protected" and group_size > 2)

    def _restyle(self, state: str) -> None:
        """The colours of ``state``: a property :data:`PANE_STYLE` selects on, and the widgets it
        colours polished again. Setting a style sheet per state instead re-parsed it and
        restyled every widget of the pane (the view, the facts) on each change."""
        self.setProperty("state", state)
        style = self.style()
        for w in (self, self.head, self.number):
            style.unpolish(w)
            style.polish(w)
        self.update()

    def show_facts(
        self,
        rec: ImageRecord,
        member: Member,
        group: DupGroup,
        identical: bool,
        best: dict[str, set[int]],
        why: str = "",
    ) -> None:
        """The facts under the image: why it is kept or goes (``why``), its match (to the group's
        reference: the figure the threshold applies to; ``identical``: the keeper's bytes),
        pixels, file, dates, folder; the best values among the panes starred."""
        index = member.index

        def row(label: str, value: str, is_best: bool = False, hint: str = "") -> str:
            value = html.escape(value)
            if is_best:
                value = (
                    f"<b style='color:{KEEP_COLOUR.name()}'>★ {value}</b> <small>{html.escape(hint)}</small>"
                )
            head = f"<td style='color:gray; padding-right:8px'>{html.escape(label)}</td>"
            return f"<tr>{head}<td>{value}</td></tr>"

        if index == group.keep:
            sim = self.tr("the suggested keeper")
        elif identical:
            sim = self.tr("identical to the keeper (byte for byte)")
        elif index == group.reference:
            sim = self.tr("the group's reference: the others matched it")
        else:
            # The figure the threshold applied to: this file's match to the group's reference.
            sim = (
                self.tr("%1 similar to the keeper · %2")
                if group.reference == group.keep
                else self.tr("%1 similar to the group's reference · %2")
            )
            sim = sim.replace("%1", text.percent(member.similarity))
            sim = sim.replace("%2", text.kind_text(member.kind))
        shown = html.escape(text.shown_path(os.path.basename(rec.path)))
        name = f"<tr><td colspan='2'><b>{shown}</b></td></tr>"
        rows = [
            name,
            row(self.tr("Why"), why),
            row(self.tr("Match"), sim),
            # Before the figures: which folder a file is in is what tells byte-identical copies
            # apart, and the first rows are the ones in view before the grid is scrolled.
            row(self.tr("Folder"), text.shown_path(os.path.dirname(rec.path))),
            row(self.tr("Pixels"), text.dims_text(rec), index in best["pixels"], self.tr("largest")),
            row(
                self.tr("File"),
                f"{text.size_text(rec.size)} · {rec.format or '?'}",
                index in best["size"],
                self.tr("largest"),
            ),
            row(
                self.tr("Taken"),
                text.taken_text(rec) or self.tr("no date in the file"),
                index in best["date"] and bool(rec.taken),
                self.tr("oldest"),
            ),
            row(
                self.tr("Modified"),
                text.mtime_text(rec),
                index in best["date"] and not rec.taken,
                self.tr("oldest"),
            ),
        ]
        self.info.setText("<table cellspacing='0' cellpadding='1'>" + "".join(rows) + "</table>")


def best_values(records: Sequence[ImageRecord], indices: list[int]) -> dict[str, set[int]]:
    """Which of the files ``indices`` have the best resolution / oldest date / largest file (when
    they differ at all)."""
    out: dict[str, set[int]] = {}
    for key, value in (
        ("pixels", lambda r: r.pixels),
        ("date", lambda r: -capture_time(r)),
        ("size", lambda r: r.size),
    ):
        vals = {i: value(records[i]) for i in indices}
        top = max(vals.values())
        if len(set(vals.values())) > 1:
            out[key] = {i for i, v in vals.items() if v == top}
        else:
            out[key] = set()
    return out
