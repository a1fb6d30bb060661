"""Marks worked out on the regroup's thread (a staged copy) are taken over only when no mark
changed meanwhile; otherwise the window sets the groups itself, as before."""

from __future__ import annotations

import pytest

from dupe_viewer.gui.marks import Marks
from tests.factories import make_result, record

pytestmark = pytest.mark.gui


def test_a_staged_copy_is_adopted_only_when_nothing_changed(qtbot) -> None:
    records = [record(n) for n in range(6)]
    result = make_result(records, [(0, 1), (0, 2), (3, 4), (3, 5)], [0.97, 0.95, 0.96, 0.93], ["near"] * 4)
    groups = result.groups
    live = Marks()
    live.set_groups(records, groups)
    live.toggle(groups[0], groups[0].members[1].index)  # a decision the copy must carry

    staged = live.staging_copy()
    staged.stage(records, groups[:1], ())  # as a stricter threshold would: one group left
    seen = []
    live.changed.connect(seen.append)
    assert live.adopt(staged) and seen == [[]]
    assert live.group_of(groups[1].keep) is None  # the other group is gone
    assert live.decided(groups[0].members[1].index) is False

    # A mark changed after the copy was made: refused, the caller regroups on its own.
    stale = live.staging_copy()
    stale.stage(records, groups, ())
    live.keep_all(groups[:1])
    assert not live.adopt(stale)
