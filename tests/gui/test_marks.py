"""Marks: what the person has seen, what a file action covers, and what is left after one."""

from __future__ import annotations

from dupe_viewer.core.result import DupGroup, Member
from dupe_viewer.gui.marks import Marks
from tests.factories import record


def _group(gid: int, keep: int, members: list[tuple[int, str]]) -> DupGroup:
    return DupGroup(gid, "near", keep, members[0][0], [Member(i, 0.9, kind) for i, kind in members])


def test_scope_splits_the_marks_of_groups_opened_from_the_others_and_the_hidden() -> None:
    records = [record(n, size=100) for n in range(6)]
    g1 = _group(1, 0, [(0, "reference"), (1, "near"), (2, "near")])
    g2 = _group(2, 3, [(3, "reference"), (4, "near"), (5, "edited")])
    marks = Marks()
    marks.set_groups(records, [g1, g2])
    assert marks.scope() == marks.scope(None)
    assert (marks.scope().seen_files, marks.scope().unseen_files, marks.scope().unseen_groups) == (0, 4, 2)
    marks.see([g1])
    scope = marks.scope()
    assert (scope.seen_files, scope.seen_bytes, scope.unseen_files, scope.unseen_groups) == (2, 200, 2, 1)
    assert marks.marked(unseen=False) == [1, 2] and marks.marked() == [1, 2, 4, 5]
    only_g2 = marks.scope({2})
    assert (only_g2.seen_files, only_g2.unseen_files, only_g2.hidden_files) == (0, 2, 2)
    assert marks.marked({2}, unseen=False) == []
    # Changing a mark is seeing the group; so is accepting its suggestion.
    marks.set_delete(g2, 4, False)
    assert marks.scope().unseen_files == 0 and marks.marked(unseen=False) == [1, 2, 5]


def test_what_is_left_after_an_action_is_not_pre_marked_again() -> None:
    records = [record(n) for n in range(3)]
    # 1 only looks like 0 (not pre-marked); 2 is a copy (pre-marked, then trashed).
    before = _group(1, 0, [(0, "reference"), (1, "similar"), (2, "near")])
    marks = Marks()
    marks.set_groups(records, [before])
    assert not marks.is_delete(before, 1) and marks.is_delete(before, 2)
    marks.hold([before], gone={2})
    # Regrouped without 2, 1 now relates to 0 as a copy: it stays what the person left it.
    after = _group(1, 0, [(0, "reference"), (1, "near")])
    marks.set_groups(records, [after])
    assert marks.decided(1) is False and not marks.is_delete(after, 1)
    fresh = Marks()
    fresh.set_groups(records, [after])
    assert fresh.is_delete(after, 1)  # without the hold it would have been pre-marked


def test_only_copies_are_pre_marked_never_a_similar_shot_or_a_look_alike() -> None:
    records = [record(n) for n in range(5)]
    g = _group(1, 0, [(0, "reference"), (1, "shot"), (2, "similar"), (3, "edited"), (4, "exact")])
    marks = Marks()
    marks.set_groups(records, [g])
    assert [marks.is_delete(g, i) for i in range(5)] == [False, False, False, True, True]
