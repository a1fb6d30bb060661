"""Regroup off the GUI thread, latest request wins, so threshold sliders can be dragged.

Regrouping reads no file, but at 10,000 files it is ~0.1-0.3 s of Python (see
``tests/benchmarks/regroup.py``): too long to block the GUI thread on every slider step. Each
request runs the engine's pure :func:`~dupe_viewer.core.regroup` on a pool thread (the result is
frozen and only read); the groups come back to the GUI thread with the parameters they were made
with. While one regroup runs, newer requests replace each other; the newest runs next.

Given the window's :class:`~..marks.Marks`, the worker also works out the marks of the new groups
on a copy of them (:meth:`Marks.stage`), so the GUI thread only takes the copy over
(:meth:`Marks.adopt`) instead of walking every member (0.1 s at 10,000 files, 0.7 s at 100,000).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

from ...core import GroupingParams, ScanResult, regroup
from .tasks import TaskRunner

if TYPE_CHECKING:
    from ..marks import MarkBook, Marks

Excluded = frozenset[tuple[int, int]]


class Regrouper(QObject):
    """``request()`` from the GUI; ``regrouped(result, params, groups, staged)`` comes back on the
    GUI thread (``staged``: the marks of those groups on a copy, or None without ``marks``)."""

    regrouped = Signal(object, object, object, object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, marks: Marks | None = None) -> None:
        super().__init__(parent)
        self.marks = marks
        self.runner = TaskRunner(1, self)
        self._pending: tuple[ScanResult, GroupingParams, Excluded] | None = None
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy or self._pending is not None

    def request(self, result: ScanResult, params: GroupingParams, excluded: Excluded = frozenset()) -> None:
        self._pending = (result, params, excluded)
        if not self._busy:
            self._start()

    def _start(self) -> None:
        assert self._pending is not None
        result, params, excluded = self._pending
        self._pending = None
        self._busy = True
        staged = self.marks.staging_copy() if self.marks is not None else None  # taken now, here

        def work() -> tuple[ScanResult, GroupingParams, list, MarkBook | None]:
            groups = regroup(result, params, excluded or None)
            if staged is not None:
                staged.stage(result.records, groups, params.protected)
            return result, params, groups, staged

        self.runner.submit(work, on_result=self._done, on_error=self._error)

    @Slot(object)
    def _done(self, out: Any) -> None:
        self._busy = False
        self.regrouped.emit(*out)
        if self._pending is not None:
            self._start()

    @Slot(str)
    def _error(self, message: str) -> None:
        self._busy = False
        self.failed.emit(message)
        if self._pending is not None:
            self._start()

    def wait(self, msecs: int = -1) -> bool:
        return self.runner.wait(msecs)
