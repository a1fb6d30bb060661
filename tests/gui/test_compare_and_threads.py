"""Compare view (synced zoom/pan in image coordinates, 2-up pairs, full resolution on demand) and
the rule that the GUI thread never decodes, hashes or moves files."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.gui import compare_view
from dupe_viewer.gui.background.image_loader import FULL, ImageLoader
from dupe_viewer.gui.compare_view import CompareView
from dupe_viewer.gui.dialogs import CONFIRMED
from dupe_viewer.gui.marks import Marks
from tests.library import PhotoLibrary

pytestmark = pytest.mark.gui


@pytest.fixture
def three_sizes(tmp_path: Path, make_photo) -> Path:
    """One photo at 800×600, 400×300 and 200×150 (one group of three, different resolutions)."""
    lib = PhotoLibrary(tmp_path / "sizes")
    lib.original(
        "big.png",
        make_photo(5, (800, 600)),
        variants={
            "medium.png": lambda img: img.resize((400, 300)),
            "small.png": lambda img: img.resize((200, 150)),
        },
    )
    return lib.root


@pytest.fixture
def make_compare(qtbot, three_sizes):
    """make_compare() -> a CompareView showing the one group, in 2-up mode."""
    result = run_scan([three_sizes], ScanOptions(workers=1))
    assert len(result.groups) == 1 and len(result.groups[0].members) == 3
    loaders = []

    def make() -> CompareView:
        marks = Marks()
        marks.set_groups(result.records, result.groups)
        loader = ImageLoader(threads=2)
        loaders.append(loader)
        view = CompareView(marks, loader)
        qtbot.addWidget(view)
        view.resize(1200, 600)
        view.show()
        view.set_result(result)
        view.set_mode("pair")
        view.set_group(result.groups[0])
        return view

    yield make
    for loader in loaders:
        loader.wait(5000)


@pytest.fixture
def compare(make_compare):
    return make_compare()


def _views(view: CompareView):
    return view.visible_views()


def _wait_loaded(qtbot, view: CompareView) -> None:
    qtbot.waitUntil(lambda: all(v.loaded_w > 0 for v in _views(view)), timeout=10_000)


def _same_place(views) -> None:
    spans = [v.span() for v in views]
    centres = [v.center_fraction() for v in views]
    for s in spans[1:]:
        assert s == pytest.approx(spans[0], rel=0.02)
    for c in centres[1:]:
        assert c[0] == pytest.approx(centres[0][0], abs=0.02)
        assert c[1] == pytest.approx(centres[0][1], abs=0.02)


def test_zoom_and_pan_are_synced_in_image_coordinates(qtbot, compare) -> None:
    _wait_loaded(qtbot, compare)
    a, b = _views(compare)
    assert {a.image_w, b.image_w} == {800, 400}  # different resolutions side by side
    compare.actual_pixels()
    big, small = (a, b) if a.image_w == 800 else (b, a)
    # 100 %: the largest image at one screen pixel per pixel, the other magnified to match.
    assert big.transform().m11() == pytest.approx(1.0)
    assert small.transform().m11() == pytest.approx(2.0)
    _same_place([a, b])
    # Wheel-zoom the second pane: the first follows, same part of the photo, same size.
    event = QWheelEvent(
        QPointF(100, 80),
        QPointF(100, 80),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    b.wheelEvent(event)
    assert b.span() > 800
    _same_place([a, b])
    # Pan the first pane: the second follows.
    before = b.center_fraction()
    a.horizontalScrollBar().setValue(a.horizontalScrollBar().value() + 120)
    assert b.center_fraction()[0] > before[0]
    _same_place([a, b])
    compare.fit()
    assert a.fit and b.fit


def test_two_up_shows_any_pair_and_grid_shows_all(qtbot, compare) -> None:
    g = compare.group
    assert compare.shown_members() == [0, 1]
    compare.cycle_right(1)
    assert compare.shown_members() == [0, 2]
    assert compare.right_combo.currentIndex() == 2
    compare.set_mode("grid")
    assert len(_views(compare)) == 3
    states = [p.state.text() for p in compare.shown]
    assert sum("KEEP" in s for s in states) == 1 and sum("TRASH" in s for s in states) == 2
    # Facts: the biggest resolution is starred on the keeper's pane only.
    keeper = next(p for p in compare.shown if p.index == g.keep)
    assert "★" in keeper.info.text() and "800 × 600" in keeper.info.text()
    others = [p for p in compare.shown if p.index != g.keep]
    assert all("★ 800" not in p.info.text() for p in others)


def test_full_resolution_is_loaded_when_zooming_past_the_preview(qtbot, make_compare, monkeypatch) -> None:
    monkeypatch.setattr(compare_view, "PREVIEW_SIZE", 100)
    compare = make_compare()
    _wait_loaded(qtbot, compare)
    assert all(v.loaded_w <= 100 for v in _views(compare))
    compare.actual_pixels()
    qtbot.waitUntil(lambda: all(v.loaded_w == v.image_w for v in _views(compare)), timeout=10_000)
    assert compare.loader.get(compare.result.records[compare.group.keep].path, FULL) is not None


def test_no_decoding_hashing_or_file_moves_on_the_gui_thread(
    qtbot, window, photos, trash_dir, monkeypatch, wait_scan, wait_idle
) -> None:
    import send2trash

    from dupe_viewer.core.features import decoding
    from dupe_viewer.core.files import exact
    from dupe_viewer.gui.background import image_loader as images

    main = threading.main_thread()
    calls: dict[str, list[bool]] = {}

    def spy(name: str, fn):
        def wrapper(*args, **kwargs):
            calls.setdefault(name, []).append(threading.current_thread() is main)
            return fn(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(decoding, "decode", spy("engine decode", decoding.decode))
    monkeypatch.setattr(images, "decode", spy("thumbnail decode", images.decode))
    monkeypatch.setattr(images, "display_image", spy("full decode", images.display_image))
    monkeypatch.setattr(exact, "full_hash", spy("content hash", exact.full_hash))
    monkeypatch.setattr(send2trash, "send2trash", spy("trash", send2trash.send2trash))

    window.add_paths([str(photos)])
    wait_scan(window)
    for _ in range(window.proxy.rowCount()):
        window.step_group(1)
    window.compare.actual_pixels()
    qtbot.waitUntil(lambda: "thumbnail decode" in calls, timeout=10_000)
    window.review.dismiss_group()
    window.confirm = lambda *a: CONFIRMED  # every group was opened above
    wait_idle(window)
    window.review.trash_marked()
    wait_idle(window)
    qtbot.wait(300)
    assert {"engine decode", "thumbnail decode", "content hash", "trash"} <= set(calls)
    on_gui = {name for name, flags in calls.items() if any(flags)}
    assert on_gui == set(), f"on the GUI thread: {on_gui}"


def test_previews_apply_exif_orientation(qtbot, tmp_path, make_photo) -> None:
    from PIL import Image

    from dupe_viewer.gui.background.image_loader import load_qimage

    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown rotated 90° (portrait)
    make_photo(3, (400, 300)).save(tmp_path / "rotated.jpg", exif=exif.tobytes())
    preview = load_qimage(str(tmp_path / "rotated.jpg"), 200)
    full = load_qimage(str(tmp_path / "rotated.jpg"), FULL)
    assert (preview.width(), preview.height()) == (150, 200)
    assert (full.width(), full.height()) == (300, 400)


def test_an_undecodable_image_says_why(qtbot, compare) -> None:
    rec = compare.result.records[compare.group.members[1].index]
    with open(rec.path, "r+b") as fh:  # damage the file after the scan
        fh.truncate(60)
    compare.loader.forget(rec.path)
    compare.set_group(None)
    compare.set_group(compare.result.groups[0])
    pane = next(p for p in compare.shown if p.index == compare.group.members[1].index)
    qtbot.waitUntil(lambda: pane.view.message.isVisible(), timeout=10_000)
    assert "Cannot show this image" in pane.view.message.text()


def test_forget_drops_a_decode_of_the_old_file(qtbot, tmp_path, make_photo, monkeypatch) -> None:
    """A file changes while its preview is being decoded: the old picture must not end up in the
    cache (it would be shown for the new file); the loader decodes the file again instead."""
    from PIL import Image

    from dupe_viewer.gui.background import image_loader as images

    real, calls, gate = images.load_qimage, [], threading.Event()

    def slow_first(path: str, size: int):
        img = real(path, size)
        calls.append(path)
        if len(calls) == 1:
            gate.wait(10)  # the old file was read; its result is held back
        return img

    monkeypatch.setattr(images, "load_qimage", slow_first)
    path = tmp_path / "a.png"
    make_photo(1, (200, 150)).save(path)
    loader = ImageLoader(threads=2)
    assert loader.get(str(path), 100) is None
    qtbot.waitUntil(lambda: len(calls) == 1, timeout=10_000)
    Image.new("RGB", (40, 40), "red").save(path)  # replaced while the old one was decoded
    loader.forget(str(path))
    assert loader.get(str(path), 100) is None  # asked again: a decode of the new file starts
    with qtbot.waitSignal(loader.ready, timeout=10_000):
        pass
    gate.set()
    qtbot.waitUntil(lambda: len(calls) == 2 and loader.pool.activeThreadCount() == 0, timeout=10_000)
    qtbot.wait(50)  # the held-back result is delivered, and dropped
    img = loader.get(str(path), 100)
    assert img is not None and (img.width(), img.height()) == (40, 40)
    assert len(calls) == 2  # the stale result asked for nothing more: a decode was already done
    loader.wait()
