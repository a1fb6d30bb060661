"""Side-by-side comparison of one group: 2-up (any pair) or a grid, zoom and pan synced.

Synchronisation works in *image* coordinates, not screen pixels: every pane's scene is its
image's full-resolution size, and panes share (a) the on-screen width of the whole image ("span")
and (b) the view centre as a fraction of the image. So a 4000 px original and its 1000 px copy
show the same part of the photo at the same size on screen, whatever their resolutions.

Images arrive from the :class:`ImageLoader` off the GUI thread: first a preview (long side
:data:`PREVIEW_SIZE`), then, when the user zooms past what the preview can show, the full
resolution. A pixmap item is scaled by ``original width / loaded width``, so swapping the preview
for the full image changes nothing in scene coordinates (and nothing in the sync).

The panes themselves are :mod:`.panes`. This module is longer than 400 lines because the 2-up and
grid layouts, the pair choice and the synced zoom share one widget's state (the group, the panes
shown, whether the views follow "fit").
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import DupGroup, GroupingParams, ScanResult
from ..core.group.reasons import OVERRIDDEN, Reason
from ..core.group.regroup import reasons
from . import engine_text, text
from .background.image_loader import FULL, ImageLoader
from .marks import Marks
from .pane_grid import PaneGrid
from .panes import ImagePane, SyncedView, best_values

PREVIEW_SIZE = 1600
#: Panes shown at most in the grid; larger groups are compared in 2-up mode (any pair).
GRID_MAX = 12


class CompareView(QWidget):
    """The group under review. Emits requests; the main window owns marks and actions."""

    toggleRequested = Signal(int)  # record index
    keepOnlyRequested = Signal(int)
    dismissPairRequested = Signal(int, int)  # record indices
    modeChanged = Signal(str)
    menuRequested = Signal(int, QPoint)  # record index, global position: the file's context menu

    def __init__(self, marks: Marks, loader: ImageLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks = marks
        self.loader = loader
        self.result: ScanResult | None = None
        self.group: DupGroup | None = None
        #: What the groups shown were made with (the window's sliders), and why each member of
        #: the group shown is kept or goes.
        self.grouping: GroupingParams | None = None
        self.reasons: dict[int, Reason] = {}
        self.mode = "auto"  # "auto", "pair" or "grid"
        self.left = self.right = 0  # member positions shown in 2-up mode
        self._syncing = False
        self._fit = True

        self.title = QLabel()
        self.title.setObjectName("groupTitle")
        self.title.setWordWrap(True)
        self.pair_button = QPushButton(self.tr("Side by side"))
        self.grid_button = QPushButton(self.tr("All files"))
        for b in (self.pair_button, self.grid_button):
            b.setCheckable(True)
        self.pair_button.setToolTip(self.tr("Compare two files of the group; choose which below (G)"))
        self.grid_button.setToolTip(self.tr("Show every file of the group in a grid (G)"))
        modes = QButtonGroup(self)
        modes.setExclusive(True)
        modes.addButton(self.pair_button)
        modes.addButton(self.grid_button)
        self.pair_button.clicked.connect(lambda: self.set_mode("pair"))
        self.grid_button.clicked.connect(lambda: self.set_mode("grid"))
        self.left_combo = QComboBox()
        self.right_combo = QComboBox()
        for combo in (self.left_combo, self.right_combo):
            # Long file names must not widen the window: the combos shrink and elide instead.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.left_combo.setToolTip(self.tr("File shown on the left"))
        self.right_combo.setToolTip(self.tr("File shown on the right"))
        self.left_combo.activated.connect(self._pair_chosen)
        self.right_combo.activated.connect(self._pair_chosen)
        self.vs = QLabel(self.tr("vs"))
        self.dismiss_pair = QPushButton(self.tr("These two are not duplicates"))
        self.dismiss_pair.setToolTip(
            self.tr(
                "Never group these two files again (remembered by content, undo in Tools ▸ Not duplicates…)"
            )
        )
        self.dismiss_pair.clicked.connect(self._dismiss_pair)
        self.tools = QHBoxLayout()
        self.tools.setContentsMargins(0, 0, 0, 0)
        # Two rows, so that the header fits a laptop screen beside the list: the modes and the
        # zoom buttons, then which two files are compared.
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.pair_button)
        bar.addWidget(self.grid_button)
        bar.addStretch(1)
        bar.addLayout(self.tools)
        pair_bar = QHBoxLayout()
        pair_bar.setContentsMargins(0, 0, 0, 0)
        pair_bar.addWidget(self.left_combo, 1)
        pair_bar.addWidget(self.vs)
        pair_bar.addWidget(self.right_combo, 1)
        pair_bar.addWidget(self.dismiss_pair)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.pane_grid = PaneGrid(self._new_pane)
        # Made now, while the window is being built: the first group then opens without
        # building and styling them on the GUI thread while a scan delivers its groups.
        for _ in range(4):
            self.pane_grid.panes.append(self._new_pane())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addLayout(pair_bar)
        layout.addWidget(self.note)
        layout.addWidget(self.pane_grid, 1)
        loader.ready.connect(self._on_image)
        loader.failed.connect(self._on_image_failed)
        marks.changed.connect(self._on_marks_changed)
        self._load_timer = QTimer(self)
        self._load_timer.setSingleShot(True)
        self._load_timer.setInterval(150)
        self._load_timer.timeout.connect(self._load_full_where_needed)

    def add_tool_actions(self, actions: Sequence[QAction]) -> None:
        """Zoom/full-screen actions (owned by the main window) as buttons in the header."""
        for a in actions:
            b = QToolButton()
            b.setDefaultAction(a)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.tools.addWidget(b)

    # -- content ----------------------------------------------------------------------------------
    def set_result(self, result: ScanResult | None) -> None:
        self.result = result
        self.set_group(None)

    def set_group(self, group: DupGroup | None) -> None:
        self.reasons = (
            reasons(self.result, group, self.grouping)
            if group is not None and self.result is not None
            else {}
        )
        same = (
            group is not None
            and self.group is not None
            and [m.index for m in group.members] == [m.index for m in self.group.members]
        )
        self.group = group
        if not same:
            self.left, self.right = self.opening_pair(group)
            self._fit = True
        self._rebuild()

    def opening_pair(self, group: DupGroup | None) -> tuple[int, int]:
        """Member positions side by side opens on: the keeper on the left, and on the right the
        file most likely to go (marked for the trash, most like the keeper), so the first look
        is at the decision proposed."""
        if group is None or len(group.members) < 2:
            return 0, 1
        pos = {m.index: k for k, m in enumerate(group.members)}
        keep = pos.get(group.keep, 0)
        others = [k for k in range(len(group.members)) if k != keep]
        scores = keeper_scores(self.result, group) if self.result is not None else {}

        def likeness(k: int) -> float:
            i = group.members[k].index
            score = scores.get(i)
            return float(group.members[k].similarity) if score is None else score

        right = max(
            others, key=lambda k: (self.marks.is_delete(group, group.members[k].index), likeness(k), -k)
        )
        return keep, right

    def effective_mode(self) -> str:
        if self.group is None:
            return "pair"
        if self.mode == "auto":
            return "grid" if 2 < len(self.group.members) <= GRID_MAX else "pair"
        return self.mode

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._fit = True
        self._rebuild()
        self.modeChanged.emit(mode)

    def toggle_mode(self) -> None:
        self.set_mode("pair" if self.effective_mode() == "grid" else "grid")

    def cycle_right(self, step: int) -> None:
        """Show the next/previous member on the right in 2-up mode (skipping the left one)."""
        if self.group is None or len(self.group.members) < 3:
            return
        if self.effective_mode() != "pair":
            self.set_mode("pair")
        n = len(self.group.members)
        pos = self.right
        for _ in range(n):
            pos = (pos + step) % n
            if pos != self.left:
                break
        self.right = pos
        self._rebuild()

    def shown_members(self) -> list[int]:
        """Member positions (0-based) of the panes on screen."""
        if self.group is None:
            return []
        n = len(self.group.members)
        if self.effective_mode() == "grid":
            return list(range(min(n, GRID_MAX)))
        self.left = min(self.left, n - 1)
        self.right = min(self.right, n - 1)
        if self.left == self.right:
            self.right = (self.left + 1) % n
        return [self.left, self.right]

    def _rebuild(self) -> None:
        g, result = self.group, self.result
        if g is None or result is None:
            self.pane_grid.show_panes(0)
            self.title.setText("")
            self.note.hide()
            for w in (self.pair_button, self.grid_button, self.left_combo, self.right_combo, self.vs):
                w.setVisible(False)
            self.dismiss_pair.setVisible(False)
            return
        mode = self.effective_mode()
        positions = self.shown_members()
        self.pair_button.setChecked(mode == "pair")
        self.grid_button.setChecked(mode == "grid")
        multi = len(g.members) > 2
        for w in (self.pair_button, self.grid_button):
            w.setVisible(multi)
        for w in (self.left_combo, self.right_combo, self.vs):
            w.setVisible(mode == "pair" and multi)
        self.dismiss_pair.setVisible(mode == "pair")
        self._fill_combos()
        heading = (
            self.tr("<b>Group %1</b> · %2 · %3")
            .replace("%1", str(g.id))
            .replace("%2", text.count_files(len(g.members)))
            .replace("%3", html.escape(text.kind_text(g.kind)))
        )
        hint = self.tr("Click Keep/Trash or press the file's number; A accepts and shows the next group.")
        # Two whole texts, each translated, side by side (the hint in grey).
        self.title.setText(f"{heading}&nbsp;&nbsp;&nbsp;<span style='color:gray'>{html.escape(hint)}</span>")
        self.title.setToolTip(text.kind_tooltip(g.kind))
        if mode == "grid" and len(g.members) > GRID_MAX:
            self.note.setText(
                self.tr("Showing the first %1 of %2 files; use Side by side to compare the others.")
                .replace("%2", text.number_text(len(g.members)))
                .replace("%1", text.number_text(GRID_MAX))
            )
            self.note.show()
        else:
            self.note.hide()
        best = best_values(result.records, [g.members[p].index for p in positions])
        self.pane_grid.show_panes(len(positions))
        for pane, pos in zip(self.shown, positions, strict=True):
            self._fill_pane(pane, pos, best)
        QTimer.singleShot(0, self._refit)

    def _new_pane(self) -> ImagePane:
        pane = ImagePane(self)
        pane.hide()  # until the grid places it
        pane.toggleRequested.connect(self.toggleRequested)
        pane.keepOnlyRequested.connect(self.keepOnlyRequested)
        pane.menuRequested.connect(self.menuRequested)
        pane.view.viewChanged.connect(lambda v=pane.view: self._on_view_changed(v))
        return pane

    @property
    def panes(self) -> list[ImagePane]:
        return self.pane_grid.panes

    @property
    def shown(self) -> list[ImagePane]:
        """The panes on screen, in order."""
        return self.pane_grid.shown

    def _fill_combos(self) -> None:
        g, result = self.group, self.result
        assert g is not None and result is not None
        for combo, pos in ((self.left_combo, self.left), (self.right_combo, self.right)):
            combo.blockSignals(True)
            combo.clear()
            for k, m in enumerate(g.members):
                path = result.records[m.index].path
                folder = os.path.basename(os.path.dirname(path))
                # The folder tells copies with one name apart (backup/IMG_1.jpg, phone/IMG_1.jpg).
                name = text.shown_path(os.path.join(folder, os.path.basename(path)))
                combo.addItem(self.tr("%1. %2").replace("%1", str(k + 1)).replace("%2", name))
                combo.setItemData(k, path, Qt.ItemDataRole.ToolTipRole)
            combo.setCurrentIndex(pos)
            combo.blockSignals(False)

    @Slot()
    def _pair_chosen(self) -> None:
        self.left, self.right = self.left_combo.currentIndex(), self.right_combo.currentIndex()
        self._rebuild()

    def _dismiss_pair(self) -> None:
        if self.group is not None and self.effective_mode() == "pair":
            a, b = self.shown_members()
            self.dismissPairRequested.emit(self.group.members[a].index, self.group.members[b].index)

    # -- one pane -------------------------------------------------------------------------------
    def _fill_pane(self, pane: ImagePane, pos: int, best: dict[str, set[int]]) -> None:
        g, result = self.group, self.result
        assert g is not None and result is not None
        m = g.members[pos]
        rec = result.records[m.index]
        pane.index = m.index
        pane.number.setText(str(pos + 1) if pos < 9 else "")
        pane.badge.setText(self.tr("suggested keeper") if m.index == g.keep else "")
        self._update_state(pane)
        kept = result.records[g.keep]
        identical = m.index != g.keep and rec.digest is not None and rec.digest == kept.digest
        why = self.reasons.get(m.index)
        said = text.reason_text(why) if why is not None else ""
        if why is not None and why.code in OVERRIDDEN:
            said = "⚠ " + said  # a better file is about to go only because of a protected folder
        pane.show_facts(rec, m, g, identical, best, said)
        width, height = rec.width, rec.height
        img = self.loader.get(rec.path, PREVIEW_SIZE)
        if (width <= 0 or height <= 0) and img is not None:
            width, height = img.width(), img.height()  # early groups: not decoded by the scan yet
        if pane.path != rec.path or pane.view.loaded_w == 0:
            pane.path = rec.path
            error = self.loader.error(rec.path, PREVIEW_SIZE)
            pane.view.show_message(
                self.tr("Cannot show this image:\n%1").replace("%1", engine_text.problem_text(error))
                if error
                else ""
            )
            pane.view.set_size(width, height)
            pane.view.set_image(img)

    def _update_state(self, pane: ImagePane) -> None:
        if self.group is None:
            return
        n = len(self.group.members)
        if self.marks.is_protected(pane.index):
            pane.set_state("protected", n)
        else:
            pane.set_state("delete" if self.marks.is_delete(self.group, pane.index) else "keep", n)

    # -- marks and images arriving ----------------------------------------------------------------
    @Slot(list)
    def _on_marks_changed(self, group_ids: list) -> None:
        if self.group is None or (group_ids and self.group.id not in group_ids):
            return
        for pane in self.shown:
            self._update_state(pane)

    @Slot(object, int)
    def _on_image(self, path: str, size: int) -> None:
        if self.result is None or size not in (PREVIEW_SIZE, FULL):
            return
        for pane in self.shown:
            if pane.index < 0 or self.result.records[pane.index].path != path:
                continue
            if size == PREVIEW_SIZE and pane.view.loaded_w > 0:
                continue  # the full-resolution image is already there
            img = self.loader.get(path, size)
            if img is None:
                continue
            if pane.view.image_w <= 1:
                pane.view.set_size(img.width(), img.height())
            pane.view.set_image(img)
            if pane.view.fit:
                pane.view.fit_image()

    @Slot(object, int, object)
    def _on_image_failed(self, path: str, size: int, reason: str) -> None:
        if self.result is None:
            return
        for pane in self.shown:
            if pane.index >= 0 and self.result.records[pane.index].path == path:
                said = engine_text.problem_text(reason)
                pane.view.show_message(self.tr("Cannot show this image:\n%1").replace("%1", said))

    # -- zoom and pan ---------------------------------------------------------------------------
    def visible_views(self) -> list[SyncedView]:
        return [p.view for p in self.shown]

    def _on_view_changed(self, source: SyncedView) -> None:
        if self._syncing:
            return
        self._fit = False
        span = source.span()
        cx, cy = source.center_fraction()
        self._syncing = True
        try:
            for v in self.visible_views():
                if v is not source:
                    v.apply(span, cx, cy)
        finally:
            self._syncing = False
        self._load_timer.start()

    def fit(self) -> None:
        self._fit = True
        self._refit()

    def _refit(self) -> None:
        if self._fit:
            for v in self.visible_views():
                v.fit_image()

    def actual_pixels(self) -> None:
        """100 %: the largest image at one screen pixel per image pixel; the others show the same
        part of the photo at the same size."""
        views = self.visible_views()
        if not views:
            return
        span = max(v.image_w for v in views)
        cx, cy = (0.5, 0.5) if self._fit else views[0].center_fraction()
        self._fit = False
        self._syncing = True
        try:
            for v in views:
                v.apply(span, cx, cy)
        finally:
            self._syncing = False
        self._load_timer.start()

    def toggle_zoom(self) -> None:
        if self._fit:
            self.actual_pixels()
        else:
            self.fit()

    def zoom(self, factor: float) -> None:
        views = self.visible_views()
        if not views:
            return
        v = views[0]
        span = v.span() * factor
        cx, cy = v.center_fraction()
        self._fit = False
        self._syncing = True
        try:
            for w in views:
                w.apply(span, cx, cy)
        finally:
            self._syncing = False
        self._load_timer.start()

    @Slot()
    def _load_full_where_needed(self) -> None:
        if self.result is None:
            return
        for pane in self.shown:
            if pane.view.needs_full_resolution():
                path = self.result.records[pane.index].path
                img = self.loader.get(path, FULL)
                if img is not None:
                    pane.view.set_image(img)


def keeper_scores(result: ScanResult, group: DupGroup) -> dict[int, float]:
    """Each member's similarity to the group's keeper, where the scan scored the pair (as
    :class:`~dupe_viewer.core.result.PairScores` says it: 1.0 for identical bytes, the best of
    the hash and deep scores). A scan of the group's rows, not an index of every pair: building
    that index took 1.2 s of the GUI thread at 100,000 files."""
    keep, records, t = group.keep, result.records, result.pairs
    members = np.array([m.index for m in group.members if m.index != keep], dtype=np.int64)
    out: dict[int, float] = {}
    digest = records[keep].digest
    if digest is not None:
        out.update({int(i): 1.0 for i in members if records[i].digest == digest})
    if len(t.ij) == 0 or len(members) == 0:
        return out
    a, b = t.ij[:, 0], t.ij[:, 1]
    # The keeper's rows first (two comparisons), then the members among their other ends: an
    # isin over every pair cost 10-20 ms per group switch at 100,000 files.
    hit = np.flatnonzero((a == keep) | (b == keep))
    rows = hit[np.isin(np.where(a[hit] == keep, b[hit], a[hit]), members)]
    for row in rows:
        other = int(b[row] if a[row] == keep else a[row])
        if other in out:
            continue
        if t.kinds[row] == "exact":
            out[other] = 1.0
            continue
        values = [float(t.similarity[row])]
        if t.deep_similarity is not None:
            values.append(float(t.deep_similarity[row]))
        values = [v for v in values if not math.isnan(v)]
        if values:
            out[other] = max(values)
    return out
