"""The panes of the group under review, laid out in as many columns as the width allows.

The grid reflows: a group of three files shows three columns on a wide screen and two, or one,
on a laptop's 1366 px, instead of pushing the window wider than the screen. Rows that do not fit
the height scroll (vertically only). Each pane keeps a minimum size where its header and image
stay usable (:data:`PANE_MIN_WIDTH` × :data:`PANE_MIN_HEIGHT`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QWidget

from .panes import ImagePane

PANE_MIN_WIDTH = 300
PANE_MIN_HEIGHT = 250


def columns_for(n: int, width: int, min_width: int = PANE_MIN_WIDTH) -> int:
    """Columns for ``n`` panes in ``width`` pixels: all in one row up to three, else a square
    grid, never more than fit at ``min_width`` each (at least one)."""
    if n <= 0:
        return 1
    ideal = n if n <= 3 else math.ceil(math.sqrt(n))
    return max(1, min(ideal, width // max(1, min_width)))


class PaneGrid(QScrollArea):
    """Owns the :class:`ImagePane` widgets; ``show_panes(n)`` puts the first ``n`` on screen."""

    def __init__(self, make_pane: Callable[[], ImagePane], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.make_pane = make_pane
        self.panes: list[ImagePane] = []
        self.shown: list[ImagePane] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName(self.tr("Files of the group"))
        self.container = QWidget()
        self.grid = QGridLayout(self.container)
        self.grid.setSpacing(6)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.setWidget(self.container)
        self.cols = 1

    def minimumSizeHint(self) -> QSize:
        # One pane: the others reflow or scroll, they never widen the window.
        size = super().minimumSizeHint()
        size.setWidth(PANE_MIN_WIDTH)
        size.setHeight(PANE_MIN_HEIGHT)
        return size

    def show_panes(self, n: int) -> None:
        """Show ``n`` panes. Panes that stay where they are are not touched: hiding and
        re-showing styled widgets is what makes switching groups slow."""
        while len(self.panes) < n:
            self.panes.append(self.make_pane())
        self.shown = self.panes[:n]
        for pane in self.panes[n:]:
            if pane.grid_pos is not None:
                self.grid.removeWidget(pane)
                pane.grid_pos = None
                pane.hide()
        self._layout(columns_for(n, self._width(), self._pane_width()))

    def _pane_width(self) -> int:
        """What a pane needs across: its header's buttons (wider in some languages)."""
        return max([PANE_MIN_WIDTH, *(p.minimumSizeHint().width() for p in self.shown)])

    def _width(self) -> int:
        # Less the scroll bar whether it shows or not: its coming and going must not reflow.
        return self.width() - self.verticalScrollBar().sizeHint().width()

    def _layout(self, cols: int) -> None:
        n = len(self.shown)
        self.cols = cols
        for k, pane in enumerate(self.shown):
            where = (k // cols, k % cols)
            if pane.grid_pos != where:
                if pane.grid_pos is not None:
                    self.grid.removeWidget(pane)
                self.grid.addWidget(pane, *where)
                pane.grid_pos = where
            if pane.isHidden():
                pane.show()
        rows = math.ceil(n / cols) if n else 0
        for r in range(self.grid.rowCount()):
            self.grid.setRowStretch(r, 1 if r < rows else 0)
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 1 if c < cols and n else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        cols = columns_for(len(self.shown), self._width(), self._pane_width())
        if cols != self.cols and self.shown:
            self._layout(cols)
