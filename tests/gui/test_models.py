"""Qt models: pass pytest-qt's model tester, stay fast with 10,000 groups, sort and filter."""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import QModelIndex, Qt

from dupe_viewer.core import ScanOptions, ScanResult, regroup, run_scan
from dupe_viewer.core.files.records import ImageRecord
from dupe_viewer.gui.background.image_loader import ImageLoader
from dupe_viewer.gui.group_model import (
    FILES,
    FREES,
    KIND,
    PREVIEW,
    SIMILARITY,
    GroupFilterProxy,
    GroupModel,
    GroupRole,
    StripRole,
)
from dupe_viewer.gui.marks import Marks
from dupe_viewer.gui.roots import PROTECTED, RECURSIVE, RootsModel
from dupe_viewer.gui.settings import RootEntry
from tests.factories import make_result

pytestmark = pytest.mark.gui


def synthetic_result(n_groups: int, size: int = 3, seed: int = 0) -> ScanResult:
    """A ScanResult of ``n_groups`` clusters of ``size`` files, with pair scores, no files on disk."""
    rng = np.random.default_rng(seed)
    n = n_groups * size
    records = [
        ImageRecord(
            f"/photos/{i // 100:03d}/img{i:06d}.jpg",
            int(rng.integers(50_000, 5_000_000)),
            0,
            i,
            1,
            4000 - (i % size) * 1000,
            3000 - (i % size) * 750,
            "JPEG",
        )
        for i in range(n)
    ]
    pairs, sims = [], []
    for g in range(n_groups):
        base = g * size
        for k in range(1, size):
            pairs.append((base, base + k))
            sims.append(rng.uniform(0.7, 1.0))
    return make_result(records, pairs, sims, roots=["/photos"])


@pytest.fixture
def loader(qtbot):
    lo = ImageLoader(threads=1)
    yield lo
    lo.wait(5000)


def _scanned_model(photos, loader):
    result = run_scan([photos], ScanOptions(workers=1))
    marks = Marks()
    model = GroupModel(marks, loader)
    marks.set_groups(result.records, result.groups)
    model.set_groups(result.records, result.groups)
    assert model.rowCount() == len(result.groups) > 0
    return result, marks, model


# One check() per test: pytest-qt's qtmodeltester is a single tester object that stays connected
# to what it checked and keeps verifying every later change (so changes after check() are tested).
def test_group_model_passes_the_model_tester(qtmodeltester, loader, photos) -> None:
    result, marks, model = _scanned_model(photos, loader)
    qtmodeltester.check(model, force_py=True)
    # Marks changing and a regroup keep the model consistent too.
    g = result.groups[0]
    marks.toggle(g, g.members[1].index)
    model.set_groups(
        result.records, regroup(result, replace(result.grouping, threshold=0.99))
    )  # checked live by the tester


def test_group_proxy_passes_the_model_tester(qtmodeltester, loader, photos) -> None:
    result, _marks, model = _scanned_model(photos, loader)
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(SIMILARITY, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy, force_py=True)
    proxy.set_kind("near")
    proxy.set_text("orig")
    model.set_groups(result.records, regroup(result, replace(result.grouping, threshold=0.9)))


def test_empty_group_model_passes_the_model_tester(qtmodeltester, loader) -> None:
    qtmodeltester.check(GroupModel(Marks(), loader), force_py=True)


def test_roots_model_passes_the_model_tester_and_edits(qtmodeltester, tmp_path) -> None:
    model = RootsModel([RootEntry(str(tmp_path / "a"))])
    qtmodeltester.check(model, force_py=True)
    changes: list[bool] = []
    model.rootsChanged.connect(changes.append)
    assert model.add([str(tmp_path / "b"), str(tmp_path / "a")]) == 1
    assert model.setData(
        model.index(1, PROTECTED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert model.setData(
        model.index(0, RECURSIVE), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert changes == [True, False, True]  # protection alone needs no rescan
    assert model.protected_paths() == (str(tmp_path / "b"),)
    assert [r.recursive for r in model.roots()] == [False, True]
    model.remove_rows([0])
    assert [r.path for r in model.roots()] == [str(tmp_path / "b")]


def test_ten_thousand_groups_are_fast_to_load_sort_and_filter(qtbot, loader) -> None:
    result = synthetic_result(10_000)
    assert len(result.groups) == 10_000
    marks = Marks()
    model = GroupModel(marks, loader)
    proxy = GroupFilterProxy()
    proxy.setSourceModel(model)
    started = time.perf_counter()
    marks.set_groups(result.records, result.groups)
    model.set_groups(result.records, result.groups)
    for col in (FILES, SIMILARITY, KIND, FREES):
        proxy.sort(col, Qt.SortOrder.DescendingOrder)
    proxy.set_kind("edited")
    edited = proxy.rowCount()
    proxy.set_kind("")
    proxy.set_text("img000123")
    found = proxy.rowCount()
    elapsed = time.perf_counter() - started
    assert 0 < edited < 10_000 and found == 1
    assert elapsed < 5.0, f"{elapsed:.2f} s"
    # Sorted by freed space, largest first.
    sizes = [proxy.index(r, FREES).data(Qt.ItemDataRole.UserRole + 2) for r in range(proxy.rowCount())]
    assert sizes == sorted(sizes, reverse=True)
    proxy.set_text("")
    sizes = [proxy.index(r, FREES).data(Qt.ItemDataRole.UserRole + 2) for r in range(proxy.rowCount())]
    assert sizes == sorted(sizes, reverse=True)


def test_strip_role_and_totals_follow_marks(loader) -> None:
    result = synthetic_result(5)
    marks = Marks()
    model = GroupModel(marks, loader)
    marks.set_groups(result.records, result.groups)
    model.set_groups(result.records, result.groups)
    idx = model.index(0, PREVIEW)
    g = idx.data(GroupRole)
    strip = idx.data(StripRole)
    assert [s for _, s in strip] == ["keep" if m.index == g.keep else "delete" for m in g.members]
    expected = sum(result.records[m.index].size for m in g.members if m.index != g.keep)
    assert model.index(0, FREES).data(Qt.ItemDataRole.UserRole + 2) == expected
    total = marks.total_bytes
    marks.keep_all([g])
    assert marks.total_bytes == total - expected
    assert model.index(0, FREES).data(Qt.ItemDataRole.UserRole + 2) == 0
    assert model.data(QModelIndex()) is None


def test_a_ready_thumbnail_repaints_the_row_that_shows_it(loader) -> None:
    from dupe_viewer.gui.group_model import STRIP_MAX, THUMB_DECODE

    result = synthetic_result(6, size=STRIP_MAX + 2)
    marks = Marks()
    model = GroupModel(marks, loader)
    marks.set_groups(result.records, result.groups)
    model.set_groups(result.records, result.groups)
    model.sort(FILES, Qt.SortOrder.DescendingOrder)  # rows no longer follow the engine's order
    painted: list[tuple[int, int, list]] = []
    model.dataChanged.connect(lambda a, b, roles: painted.append((a.row(), b.row(), list(roles))))
    for row in range(model.rowCount()):
        g = model.group(row)
        shown, hidden = g.members[STRIP_MAX - 1].index, g.members[STRIP_MAX].index
        painted.clear()
        model._on_thumbnail(result.records[shown].path, THUMB_DECODE)
        assert painted == [(row, row, [StripRole])]
        painted.clear()
        model._on_thumbnail(result.records[hidden].path, THUMB_DECODE)  # beyond the strip
        model._on_thumbnail(result.records[shown].path, THUMB_DECODE + 1)  # another size
        assert painted == []
    model._on_thumbnail("/not/in/any/group.jpg", THUMB_DECODE)
    assert painted == []
    # Regrouped into fewer groups: the model follows the marks' new member -> group map.
    fewer = result.groups[:2]
    marks.set_groups(result.records, fewer)
    model.set_groups(result.records, fewer)
    painted.clear()
    model._on_thumbnail(result.records[result.groups[4].members[0].index].path, THUMB_DECODE)
    assert painted == []
    model._on_thumbnail(result.records[fewer[1].members[0].index].path, THUMB_DECODE)
    assert painted == [(model.row_of(fewer[1].id), model.row_of(fewer[1].id), [StripRole])]


def test_a_thumbnail_that_cannot_be_made_is_crossed_out(qtbot, window, tmp_path, monkeypatch) -> None:
    """Byte-identical corrupt files form a group; their thumbnails are marked unreadable (not
    the grey of one still loading) as soon as the decode fails, and the pane says why."""
    from PIL import Image

    from dupe_viewer.gui import group_model

    good = tmp_path / "good.jpg"
    Image.new("RGB", (300, 200), (30, 120, 200)).save(good, quality=90)
    cut = good.read_bytes()[:400]
    (tmp_path / "cut1.jpg").write_bytes(cut)
    (tmp_path / "cut2.jpg").write_bytes(cut)
    crossed: list[tuple[int, int]] = []
    real = group_model.unreadable
    monkeypatch.setattr(
        group_model, "unreadable", lambda p, cell: crossed.append(cell.center().toTuple()) or real(p, cell)
    )
    # A list wide enough to show both thumbnails (a narrow one shows one and "+1").
    window.main_splitter.setSizes([800, 500])
    window.add_paths([str(tmp_path)])
    qtbot.waitUntil(lambda: window.final and not window.scanner.running, timeout=30_000)
    assert window.model.rowCount() == 1
    table = window.groups_panel.table
    # The strip's width follows the list's resize events, which a loaded machine may deliver
    # after the scan has ended (a CI run under load read 109 px: one thumbnail).
    qtbot.waitUntil(lambda: group_model.thumbs_that_fit(table.columnWidth(group_model.PREVIEW), 2) == 2)
    qtbot.waitUntil(
        lambda: window.thumbs.error(str(tmp_path / "cut1.jpg"), group_model.THUMB_DECODE) is not None
    )
    table.viewport().grab()  # paints the strip now
    qtbot.waitUntil(lambda: len(set(crossed)) >= 2, timeout=10_000)
    # Both members of the strip are crossed out.
    image = table.viewport().grab().toImage()
    x, y = crossed[-1]
    red = image.pixelColor(x, y)  # where the two diagonals cross
    assert red.red() > red.blue() + 40, red.name()

    def said() -> str:
        return " ".join(p.view.message.text() for p in window.compare.shown)

    qtbot.waitUntil(lambda: "Truncated image file" in said(), timeout=10_000)


def test_the_strip_shows_as_many_thumbnails_as_its_column_holds() -> None:
    """The groups panel narrows "Photos" to keep the figures in view; the strip then shows
    fewer thumbnails and "+N" for the rest, never none."""
    from dupe_viewer.gui.group_model import STRIP_MAX, THUMB, strip_width, thumbs_that_fit

    assert thumbs_that_fit(strip_width(STRIP_MAX), 9) == STRIP_MAX
    assert thumbs_that_fit(strip_width(STRIP_MAX) - 1, 9) == STRIP_MAX - 1
    assert thumbs_that_fit(strip_width(1), 9) == 1
    assert thumbs_that_fit(10, 9) == 1
    # A pair needs no "+N": two thumbnails fit where "+N" would not.
    assert thumbs_that_fit(3 + 2 * (THUMB + 4), 2) == 2
    assert thumbs_that_fit(1000, 2) == 2
