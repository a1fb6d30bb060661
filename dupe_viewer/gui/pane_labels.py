"""The labels of a comparison pane that Qt would otherwise lay out again and again: the facts
table (word-wrapped rich text) and the one-line badge that elides instead of widening its row.

Switching groups sets a new facts text in every pane shown, and the pane grid's layout then asks
each label for its size several times. QLabel answers each question by laying the whole table out
again, and its ``sizeHint`` lays it out at several trial widths (2-3 ms a pane at every N/P step,
most of the GUI thread's time there), so :class:`FactsLabel` works each answer out once per text.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: The width, in average characters, a facts table's size hint is worked out at (what QLabel
#: tries first for word-wrapped text).
HINT_CHARS = 80


class FactsLabel(QLabel):
    """The facts table: a word-wrapped rich-text label whose height for a width is worked out
    once per text and width. Qt asks for it on every layout pass of the pane grid, and each
    answer lays the whole table out again (most of the time of switching groups).

    Its size hint is the height at :data:`HINT_CHARS` average characters across, one cached
    layout, not QLabel's search over trial widths: the pane's layout gives the label its
    height for the width it has (:meth:`heightForWidth`), and its horizontal policy is
    ``Ignored``, so the hint's width is not used and its height only bounds the pane's own
    hint."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._heights: dict[int, int] = {}

    def setText(self, text_: str) -> None:
        if text_ != self.text():
            self._heights.clear()
            super().setText(text_)

    def heightForWidth(self, width: int) -> int:
        h = self._heights.get(width)
        if h is None:
            h = self._heights[width] = super().heightForWidth(width)
        return h

    def sizeHint(self) -> QSize:
        if not self.text():
            return super().sizeHint()
        width = min(self.fontMetrics().averageCharWidth() * HINT_CHARS, self.maximumWidth())
        return QSize(width, self.heightForWidth(width))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._heights.clear()
        super().changeEvent(event)


class ElidedLabel(QLabel):
    """A one-line label that shrinks to nothing, eliding its text, instead of widening its row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text_: str) -> None:
        super().setText(text_)
        self.setToolTip(text_)

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)
