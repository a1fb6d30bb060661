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


def _two_groups() -> tuple[list, list]:
    records = [record(n) for n in range(6)]
    result = make_result(records, [(0, 1), (0, 2), (3, 4), (3, 5)], [0.97, 0.95, 0.96, 0.93], ["exact"] * 4)
    return records, result.groups


def test_staged_marks_are_refused_when_the_protected_folders_changed(qtbot) -> None:
    records, groups = _two_groups()
    live = Marks()
    staged = live.staged_for(records, groups, ())
    assert not live.adopt(staged, ("/nowhere",))  # protection added while it was worked out
    assert live.adopt(live.staged_for(records, groups, ()), ())
    assert live.total_files == 4  # the copies, each group's keeper kept


def test_the_scan_thread_sends_the_marks_of_the_early_and_final_groups_first(qtbot) -> None:
    from dupe_viewer.core import Finished, GroupsFound, ScanOptions
    from dupe_viewer.gui.background.scan_worker import ScanWorker

    records = [record(n) for n in range(6)]
    final = make_result(records, [(0, 1), (3, 4)], [1.0, 1.0], ["exact"] * 2)
    early = make_result(records, [(0, 1)], [1.0], ["exact"])

    class NoDismissals:
        def __init__(self) -> None:
            self.warnings: list[str] = []

        def excluded_pairs(self, result, should_stop=None):
            return set()

    live = Marks()
    order: list[tuple[str, object]] = []
    worker = ScanWorker(
        [],
        ScanOptions(),
        scan_fn=lambda roots, options, cancel=None: iter([GroupsFound(early), Finished(final)]),
        dismissals=NoDismissals,
        stage_marks=lambda r: live.staged_for(r.records, r.groups, ()),
    )
    worker.staged.connect(lambda r, m: order.append(("staged", (r, m))))
    worker.early_groups.connect(lambda r: order.append(("early", r)))
    worker.finished.connect(lambda r, _e: order.append(("finished", r)))
    worker.run()  # on this thread: the signals arrive at once, in order
    assert [k for k, _ in order] == ["staged", "early", "staged", "finished"]
    (_, (r1, m1)), (_, e), (_, (r2, m2)), (_, f) = order
    assert r1 is e is early and r2 is f is final
    assert live.adopt(m1) and live.group_of(1) is not None and live.group_of(4) is None
    # Here the final marks were worked out before the early ones were taken over (in the app the
    # scan goes on for a while): from other marks, so refused; the window sets them itself then.
    assert not live.adopt(m2)
    assert live.adopt(live.staged_for(final.records, final.groups, ()))
    assert live.group_of(4) is not None and live.total_files == 2


def test_marks_of_many_groups_off_the_gui_thread_match_those_made_at_once(qtbot) -> None:
    from dupe_viewer.gui.mass_marks import MassMarker

    records, groups = _two_groups()
    at_once, later = Marks(), Marks()
    for m in (at_once, later):
        m.set_groups(records, groups)
    sync = MassMarker(at_once)
    threaded = MassMarker(later, sync_members=0)  # always on the pool thread
    for rule in ("invert", "all", "none", "invert"):
        sync.apply(groups, rule)
        threaded.apply(groups, rule)  # queued: each copy is made once the one before is in
    qtbot.waitUntil(lambda: not threaded.busy)
    for g in groups:
        assert later.deleted(g) == at_once.deleted(g)
    assert (later.total_files, later.scope()) == (at_once.total_files, at_once.scope())

    # A mark changed while the copy was worked out: the change is made here after all.
    threaded.apply(groups, "all")
    later.toggle(groups[0], groups[0].members[1].index)
    qtbot.waitUntil(lambda: not threaded.busy)
    sync.apply(groups, "all")
    assert [later.deleted(g) for g in groups] == [at_once.deleted(g) for g in groups]
    with pytest.raises(ValueError, match="unknown rule"):
        sync.apply(groups, "some")


def test_no_qt_object_changes_thread_while_a_scan_runs(qtbot) -> None:
    """The worker stays a QObject of the GUI thread while its scan runs on another thread, and the
    marks it stages there are plain data: moving QObjects between those threads could deadlock
    against the GUI thread's event loop (a scan hung in CI inside such a move)."""
    from PySide6.QtCore import QCoreApplication, QObject, QThread

    from dupe_viewer.core import Finished, GroupsFound, ScanOptions
    from dupe_viewer.gui.background.scan_worker import ScanController, ScanWorker

    records = [record(n) for n in range(6)]
    result = make_result(records, [(0, 1), (0, 2), (3, 4), (3, 5)], [1.0] * 4, ["exact"] * 4)
    live = Marks()
    seen: dict[str, object] = {}

    def scan_fn(roots, options, cancel=None):
        seen["scan thread"] = QThread.currentThread()
        seen["worker thread"] = worker.thread()
        yield GroupsFound(result)
        yield Finished(result)

    class NoDismissals:
        def __init__(self) -> None:
            self.warnings: list[str] = []

        def excluded_pairs(self, result, should_stop=None):
            return set()

    worker = ScanWorker(
        [],
        ScanOptions(),
        scan_fn=scan_fn,
        dismissals=NoDismissals,
        stage_marks=lambda r: live.staged_for(r.records, r.groups, ()),
    )
    staged: list[object] = []
    worker.staged.connect(lambda _r, m: staged.append(m))
    controller = ScanController()
    controller.start(worker)
    qtbot.waitUntil(lambda: not controller.running, timeout=10_000)
    gui = QCoreApplication.instance().thread()
    assert seen["scan thread"] is not gui  # the scan ran off the GUI thread...
    assert seen["worker thread"] is gui  # ...while the worker stayed where it was made
    assert len(staged) == 2 and not any(isinstance(m, QObject) for m in staged)
    assert live.adopt(staged[0]) and live.total_files == 4
