"""Tests for the comparison's pieces that run on every group switch: the keeper's scores found
from its own rows, a pane's colours set by state (no style sheet per change), and the facts'
height worked out once per text and width (and always the height QLabel would lay out), and
every row of it on screen when the pane's width wraps it."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from dupe_viewer.gui.compare_view import keeper_scores
from dupe_viewer.gui.pane_grid import PaneGrid
from dupe_viewer.gui.pane_labels import UNLIMITED
from dupe_viewer.gui.panes import ImagePane, best_values
from tests.factories import make_result, record

pytestmark = pytest.mark.gui


def test_keeper_scores_are_those_of_the_keepers_pairs_with_the_members() -> None:
    rng = np.random.default_rng(3)
    records = [record(n) for n in range(40)]
    pairs = sorted({tuple(sorted(map(int, p))) for p in rng.integers(0, 40, (300, 2)) if p[0] != p[1]})
    sims = rng.uniform(0.5, 1.0, len(pairs))
    result = make_result(records, pairs, sims, ["near"] * len(pairs))
    assert result.groups
    for g in result.groups:
        members = {m.index for m in g.members if m.index != g.keep}
        expected: dict[int, float] = {}
        for (a, b), s in zip(result.pairs.ij.tolist(), result.pairs.similarity.tolist(), strict=True):
            other = b if a == g.keep else a if b == g.keep else None
            if other in members and other not in expected:
                expected[other] = s
        got = keeper_scores(result, g)
        assert got.keys() == expected.keys()
        assert all(abs(got[i] - expected[i]) < 1e-6 for i in got)


def test_a_pane_is_restyled_only_when_its_state_changes(qtbot) -> None:
    pane = ImagePane()
    qtbot.addWidget(pane)
    sheet = pane.styleSheet()
    pane.set_state("delete", 3)
    assert pane.property("state") == "delete" and not pane.keep_only.isHidden()
    pane.set_state("delete", 2)  # another group of the same state: only the buttons change
    assert pane.keep_only.isHidden() and pane.toggle.text() == "Keep"
    pane.set_state("protected", 2)
    assert pane.property("state") == "protected" and pane.toggle.isHidden()
    assert pane.styleSheet() == sheet  # one style sheet, selected on by the state


def test_the_facts_height_is_worked_out_once_per_text_and_width(qtbot) -> None:
    pane = ImagePane()
    qtbot.addWidget(pane)
    info = pane.info
    info.setText("<table><tr><td>Folder</td><td>" + "a long folder name " * 8 + "</td></tr></table>")
    narrow, wide = info.heightForWidth(120), info.heightForWidth(900)
    assert narrow > wide > 0
    assert {120, 900} <= info._heights.keys() and info._heights[120] == narrow
    assert info.heightForWidth(120) == narrow
    info.setText("<b>short</b>")
    assert info._heights == {}
    assert info.heightForWidth(120) < narrow


def _plain_label_like(info: QLabel) -> QLabel:
    """A QLabel set up as the facts are, answering every size question by laying it out."""
    plain = QLabel()
    plain.setTextFormat(Qt.TextFormat.RichText)
    plain.setWordWrap(True)
    plain.setAlignment(info.alignment())
    plain.setSizePolicy(info.sizePolicy())
    plain.setFont(info.font())
    plain.setText(info.text())
    return plain


@pytest.mark.parametrize("order", ["widening", "narrowing", "mixed"])
def test_the_facts_heights_are_qlabels_own_at_every_width(qtbot, order: str) -> None:
    """The heights the wrapping rule gives without a layout are those QLabel lays out."""
    records = [record(0, "/photos/a folder with a rather long name/IMG_0001.jpg"), record(1)]
    result = make_result(records, [(0, 1)], [0.93], ["near"])
    g = result.groups[0]
    best = best_values(result.records, [m.index for m in g.members])
    pane = ImagePane()
    qtbot.addWidget(pane)
    texts = [
        "<table><tr><td>Folder</td><td>" + "a long folder name " * 8 + "</td></tr></table>",
        "<b>short</b>",
    ]
    for m in g.members:
        pane.show_facts(result.records[m.index], m, g, False, best, "sharper")
        texts.append(pane.info.text())
    widths = list(range(40, 1400, 37))
    widths = {"widening": widths, "narrowing": widths[::-1], "mixed": widths[1::2] + widths[::2]}[order]
    for t in texts:
        pane.info.setText(t)
        plain = _plain_label_like(pane.info)
        qtbot.addWidget(plain)
        for w in widths:
            assert pane.info.heightForWidth(w) == plain.heightForWidth(w), (t, w)
        assert pane.info.minimumSizeHint().height() == plain.minimumSizeHint().height(), t


@pytest.mark.parametrize(("height", "scrolls"), [(539, False), (240, True)])
def test_facts_that_wrap_at_the_panes_width_show_every_row(qtbot, height: int, scrolls: bool) -> None:
    """The pane grid of a 1366x768 screen (798 px wide beside the group list): a keeper whose
    "Why" wraps at the pane's width but not at the width of the facts' size hint gets the height
    of its wrapped rows, and the last row (Modified) is inside the pane; a grid too low for it
    scrolls instead of squeezing the pane."""
    records = [record(0, "/photos/coral/bird.bmp"), record(1, "/photos/coral_backup/bird.bmp")]
    result = make_result(records, [(0, 1)], [1.0], ["exact"])
    g = result.groups[0]
    best = best_values(result.records, [m.index for m in g.members])
    grid = PaneGrid(ImagePane)
    qtbot.addWidget(grid)
    grid.resize(798, height)
    grid.show()
    grid.show_panes(2)
    keeper = next(p for p, m in zip(grid.shown, g.members, strict=True) if m.index == g.keep)
    info = keeper.info

    def fill(why: str) -> None:
        for pane, m in zip(grid.shown, g.members, strict=True):
            pane.show_facts(result.records[m.index], m, g, False, best, why if pane is keeper else "")

    fill("")
    qtbot.waitUntil(lambda: info.width() > 0)
    # The longest reason that fits the hint's width unwrapped and wraps at the pane's: the rows a
    # label that may not grow past its size hint (vertical policy Maximum) cut off.
    wraps = None
    for n in range(1, 40):
        fill(" ".join(["oldest"] * n))
        if info.heightForWidth(info.sizeHint().width()) > info.heightForWidth(UNLIMITED):
            break
        if info.heightForWidth(info.width()) > info.sizeHint().height():
            wraps = n
    assert wraps is not None, "no reason wraps at the pane's width alone"
    fill(" ".join(["oldest"] * wraps))
    qtbot.waitUntil(lambda: info.height() >= info.heightForWidth(info.width()))
    assert info.height() > info.sizeHint().height()  # wrapped, and given the wrapped height
    assert info.geometry().bottom() <= keeper.contentsRect().bottom()
    assert keeper.geometry().bottom() < grid.widget().height()  # on screen or scrolled to
    assert grid.verticalScrollBar().isVisible() == scrolls
