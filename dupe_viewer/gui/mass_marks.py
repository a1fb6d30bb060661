"""Marks of every group shown at once: "mark all", "keep all" and "invert" over the list.

At 100,000 files that walks some 70,000 members (0.1-0.2 s of Python), longer than the GUI
thread may block. Above :data:`SYNC_MEMBERS` members the change is worked out on a full copy of
the marks (:meth:`Marks.staging_copy`) on a pool thread and taken over when it comes back
(:meth:`Marks.adopt`); below, it is done at once, as a single group's change is. If a mark or
the groups changed meanwhile, the copy is refused and the change is made on the GUI thread
after all, to the requested groups that are still shown (the person asked for it; nothing is
lost, and the one-file-kept rule is checked against the groups as they are then).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from ..core import DupGroup
from .background.tasks import TaskRunner
from .marks import MarkBook, Marks

#: Up to this many members, a change of many groups is made at once on the GUI thread.
SYNC_MEMBERS = 20_000

RULES = ("all", "none", "invert")


def rule_for(marks: MarkBook, rule: str) -> Callable[[DupGroup, int], bool]:
    """``delete(group, index)`` for :meth:`Marks.set_marks`: every member but what must stay
    ("all"), none ("none"), or the opposite of its mark now ("invert", read from ``marks``)."""
    if rule == "all":
        return lambda _g, _i: True
    if rule == "none":
        return lambda _g, _i: False
    if rule == "invert":
        return lambda g, i: not marks.is_delete(g, i)
    raise ValueError(f"unknown rule {rule!r}: expected one of {', '.join(RULES)}")


class MassMarker(QObject):
    """``apply(groups, rule)``; ``done`` once the marks hold the change (at once when small)."""

    done = Signal()

    def __init__(self, marks: Marks, parent: QObject | None = None, sync_members: int = SYNC_MEMBERS) -> None:
        super().__init__(parent)
        self.marks = marks
        self.sync_members = sync_members
        self.runner = TaskRunner(1, self)
        # Requests in order; the copy for one is made when the one before it has been taken
        # over (a copy made earlier would be refused: the marks changed since).
        self._queue: list[tuple[list[DupGroup], str]] = []
        self._running = False

    @property
    def busy(self) -> bool:
        return self._running or bool(self._queue)

    def apply(self, groups: list[DupGroup], rule: str) -> None:
        rule_for(self.marks, rule)  # an unknown rule fails here, on the caller's thread
        if not groups:
            return
        if not self.busy and sum(len(g.members) for g in groups) <= self.sync_members:
            self.marks.set_marks(groups, rule_for(self.marks, rule))
            self.done.emit()
            return
        self._queue.append((groups, rule))
        if not self._running:
            self._start()

    def _start(self) -> None:
        groups, rule = self._queue.pop(0)
        copy = self.marks.staging_copy(full=True)

        def work() -> MarkBook:
            copy.set_marks(groups, rule_for(copy, rule))
            return copy

        self._running = True
        self.runner.submit(
            work,
            on_result=lambda staged: self._adopt(staged, groups, rule),
            on_error=lambda _msg: self._adopt(None, groups, rule),
        )

    @Slot(object)
    def _adopt(self, staged: MarkBook | None, groups: list[DupGroup], rule: str) -> None:
        self._running = False
        if staged is None or not self.marks.adopt(staged):
            current = [g for g in groups if self.marks.group_of(g.keep) is g]
            if current:
                self.marks.set_marks(current, rule_for(self.marks, rule))
        if self._queue:
            self._start()
        else:
            self.done.emit()

    def wait(self, msecs: int = -1) -> bool:
        return self.runner.wait(msecs)
