"""What a file action may touch: only the groups the person opened (unless they include the
others), only the groups the filter shows; a protected folder that overrides a better file is
said out loud; "not duplicates" on a pair keeps exactly those two files apart."""

from __future__ import annotations

import os

from PIL import ImageEnhance
from PySide6.QtCore import Qt

from dupe_viewer.gui import confirmation
from dupe_viewer.gui.dialogs import CONFIRMED, CONFIRMED_WIDER
from tests.library import PhotoLibrary, photo


def _names(window, indices) -> set[str]:
    return {
        os.path.relpath(window.result.records[i].path, window.roots_model.roots()[0].path) for i in indices
    }


def _answer(window, answer: int) -> list[tuple[str, str, str]]:
    asked: list[tuple[str, str, str]] = []

    def confirm(title, question, detail, action, wider):
        asked.append((question, action, wider))
        return answer

    window.confirm = confirm
    return asked


def test_only_opened_groups_are_trashed_unless_the_person_includes_the_others(
    qtbot, window, photos, wait_scan, wait_idle, trash_dir
) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    assert window.model.rowCount() == 3
    opened = window.current_group()  # the first group is on screen: it counts as opened
    seen = [i for i in window.marks.deleted(opened)]
    every = window.marks.marked()
    assert seen and len(every) > len(seen)
    assert f"Move {len(seen)} file" in window.trash_button.text()
    asked = _answer(window, CONFIRMED)
    window.review.trash_marked()
    wait_idle(window)
    ((question, action, wider),) = asked
    assert "2 groups you have not opened" in question
    assert f"Move {len(seen)} file" in action and f"move {len(every)} files" in wider
    paths = [window.result.records[i].path for i in every]
    gone = {p for p in paths if not os.path.exists(p)}
    assert gone == {window.result.records[i].path for i in seen}
    # The rest is still marked; the group now on screen counts as opened, the other not. The
    # person includes it.
    asked = _answer(window, CONFIRMED_WIDER)
    window.review.trash_marked()
    wait_idle(window)
    ((question, action, wider),) = asked
    assert "1 group you have not opened" in question
    assert all(not os.path.exists(p) for p in paths)


def test_with_no_group_opened_only_the_wider_choice_is_offered(qtbot, window, photos, wait_scan) -> None:
    from dupe_viewer.core.act import actions

    window.add_paths([str(photos)])
    wait_scan(window)
    every = window.marks.marked()
    scope = window.marks.scope()
    _, question, action, wider = confirmation.question(
        window.result.records, actions.TRASH, None, [], every, scope
    )
    assert action == "" and "has been opened" in question
    assert f"move {len(every)} files" in wider


def test_a_filter_limits_the_action_to_the_groups_shown(qtbot, window, photos, wait_scan, wait_idle) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    window.marks.see_all()
    window.groups_panel.search.setText("small1")
    assert window.proxy.rowCount() == 1
    shown = window.current_group()
    assert "phone/small1.jpg" in _names(window, shown.indices)
    assert "of the shown groups" in window.trash_button.text()
    asked = _answer(window, CONFIRMED)
    in_shown = set(window.marks.deleted(shown))
    every = window.marks.marked()
    window.review.trash_marked()
    wait_idle(window)
    ((question, _, _),) = asked
    assert "hidden by the filter are left alone" in question
    for i in every:
        assert os.path.exists(window.result.records[i].path) == (i not in in_shown)


def test_a_protected_folder_that_keeps_a_lesser_copy_is_said_in_pane_and_confirmation(
    qtbot, window, photos, wait_scan, wait_idle
) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    window.roots_model.add([str(photos / "phone")])  # the 240-px copies, protected
    window.roots_model.setData(
        window.roots_model.index(1, 2), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    qtbot.waitUntil(lambda: not window.regrouper.busy)
    g = window.current_group()
    keeper = window.result.records[g.keep].path
    assert "/phone/" in keeper
    original = next(
        m.index for m in g.members if os.path.basename(window.result.records[m.index].path).startswith("orig")
    )
    assert window.compare.reasons[original].code == "over_resolution"
    assert any("⚠" in p.info.text() for p in window.compare.shown)
    asked = _answer(window, 0)
    window.marks.see_all()
    window.review.trash_marked()
    ((question, _, _),) = asked
    assert "Careful: a protected folder keeps a lesser copy" in question


def test_not_duplicates_on_a_pair_without_the_reference_keeps_those_two_apart(
    qtbot, window, tmp_path, wait_scan, wait_idle
) -> None:
    lib = PhotoLibrary(tmp_path / "lib")
    lib.original(
        "orig.jpg",
        photo(5, (480, 360)),
        variants={
            "a/small.jpg": (lambda img: img.resize((320, 240)), {"quality": 80}),
            "b/resaved.jpg": (lambda img: img, {"quality": 60}),
            "c/bright.jpg": (lambda img: ImageEnhance.Brightness(img).enhance(1.15), {"quality": 90}),
        },
        quality=95,
    )
    window.add_paths([str(lib.root)])
    wait_scan(window)
    (g,) = window.model.groups()
    window.select_row(window.proxy.mapFromSource(window.model.index(window.model.row_of(g.id), 0)).row())
    compare = window.compare
    compare.set_mode("pair")
    others = [k for k, m in enumerate(g.members) if m.index != g.reference and m.kind != "exact"]
    assert len(others) >= 2
    a, b = others[:2]
    for combo, pos in ((compare.left_combo, a), (compare.right_combo, b)):
        combo.setCurrentIndex(pos)
        combo.activated.emit(pos)  # what choosing it with the mouse sends
    assert compare.shown_members() == [a, b]
    ia, ib = g.members[a].index, g.members[b].index
    sim = {g.members[a].index: g.members[a].similarity, g.members[b].index: g.members[b].similarity}
    compare.dismiss_pair.click()
    wait_idle(window)
    groups = window.model.groups()
    assert not any({ia, ib} <= set(gg.indices) for gg in groups)
    # The reference keeps the stronger match (of two equal ones, either); only the other left.
    (left,) = [gg for gg in groups if g.reference in gg.indices]
    (stayed,) = {ia, ib} & set(left.indices)
    (went,) = {ia, ib} - {stayed}
    assert sim[stayed] >= sim[went]
    assert set(left.indices) == set(g.indices) - {went}


def test_side_by_side_opens_on_the_keeper_and_a_file_marked_for_the_trash(
    qtbot, window, photos, wait_scan
) -> None:
    window.add_paths([str(photos)])
    wait_scan(window)
    for row in range(window.proxy.rowCount()):
        window.select_row(row)
        g = window.current_group()
        window.compare.set_mode("pair")
        left, right = window.compare.shown_members()
        assert g.members[left].index == g.keep
        assert window.marks.is_delete(g, g.members[right].index)
        combo = window.compare.left_combo
        assert all("/" in combo.itemText(k) for k in range(combo.count()))  # folder/name


def test_each_file_shows_the_match_the_threshold_applies_to(qtbot, window, photos, wait_scan) -> None:
    from dupe_viewer.gui import text
    from dupe_viewer.gui.group_model import SIMILARITY

    window.add_paths([str(photos)])
    wait_scan(window)
    said_identical = False
    for row in range(window.proxy.rowCount()):
        window.select_row(row)
        g = window.current_group()
        weakest = min(m.similarity for m in g.members if m.index != g.reference)
        cell = window.proxy.index(row, SIMILARITY).data()
        assert cell == text.percent(weakest)
        window.compare.set_mode("grid")
        records = window.result.records
        for pane in window.compare.shown:
            m = next(m for m in g.members if m.index == pane.index)
            info = pane.info.text()
            # The folder comes right after the match: a low pane clips its last rows, and the
            # folder is what tells identical copies apart.
            assert info.index(">Folder<") < info.index(">Pixels<") < info.index(">Modified<")
            if m.index == g.keep:
                assert "the suggested keeper" in info
            elif records[m.index].digest is not None and records[m.index].digest == records[g.keep].digest:
                assert "identical to the keeper" in info
                said_identical = True
            elif m.index != g.reference:
                assert f"{text.percent(m.similarity)} similar to the" in info
    assert said_identical  # the fixture has a byte-identical backup copy
