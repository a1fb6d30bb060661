"""The labels of a comparison pane that Qt would otherwise lay out again and again: the facts
table (word-wrapped rich text) and the one-line badge that elides instead of widening its row.

Switching groups sets a new facts text in every pane shown, and the pane grid's layout then asks
each label for its size several times. QLabel answers each question by laying the whole table out
again, and its ``sizeHint`` lays it out at several trial widths (2-3 ms a pane at every N/P step,
most of the GUI thread's time there), so :class:`FactsLabel` works each answer out once per text,
and none at all that the wrapping rule already gives.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: The width, in average characters, a facts table's size hint is worked out at (what QLabel
#: tries first for word-wrapped text).
HINT_CHARS = 80
#: "No limit" to a width, as Qt spells it (QWIDGETSIZE_MAX): the height of the text unwrapped.
UNLIMITED = (1 << 24) - 1


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
        #: The narrowest width known where the text is as low as unwrapped (None: none known).
        self._fits: int | None = None

    def setText(self, text_: str) -> None:
        if text_ != self.text():
            self._forget()
            super().setText(text_)

    def _forget(self) -> None:
        self._heights.clear()
        self._fits = None

    def heightForWidth(self, width: int) -> int:
        h = self._heights.get(width)
        if h is None:
            h = self._heights[width] = self._height_at(width)
        return h

    def _height_at(self, width: int) -> int:
        """One layout of the text, unless wrapping settles it: narrowing a word-wrapped text only
        ever adds lines, so at any width from one where it is as low as unwrapped, it is that
        low. The pane's width (and the hint's) is usually such a width: no table row wraps."""
        unwrapped = self._heights.get(UNLIMITED)
        if unwrapped is None:
            unwrapped = self._heights[UNLIMITED] = super().heightForWidth(UNLIMITED)
            self._fits = UNLIMITED
        if width == UNLIMITED or (self._fits is not None and width >= self._fits):
            return unwrapped
        h = super().heightForWidth(width)
        if h == unwrapped:
            self._fits = width if self._fits is None else min(self._fits, width)
        return h

    def sizeHint(self) -> QSize:
        if not self.text():
            return super().sizeHint()
        width = min(self.fontMetrics().averageCharWidth() * HINT_CHARS, self.maximumWidth())
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """QLabel's own answer without its layouts: for word-wrapped text it lays the table out at
        its trial widths, unwrapped and at no width at all (for the longest word's width), each
        time the text changes. Its height is the unwrapped one (never above the hint's, which
        wraps); its width is not used: the horizontal policy is ``Ignored``."""
        if not self.text():
            return super().minimumSizeHint()
        self.ensurePolished()  # as QLabel does: the style sheet's font first
        return QSize(0, self.heightForWidth(UNLIMITED))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._forget()
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
