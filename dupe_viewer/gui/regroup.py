"""Regroup off the GUI thread, latest request wins, so threshold sliders can be dragged.

Regrouping reads no file, but at 10,000 files it is ~0.1-0.3 s of Python (see
``tests/benchmarks/regroup.py``): too long to block the GUI thread on every slider step. Each
request runs :meth:`ScanResult.regroup` on a *shallow copy* of the result with its own options
(the pair arrays and records are shared, read-only), so the GUI's result is only changed on the
GUI thread, when the groups are applied. While one regroup runs, newer requests replace each
other; the newest runs next.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ..core.keep import Rule
from ..core.scan import DupGroup, ScanResult
from .tasks import TaskRunner


@dataclass(frozen=True)
class RegroupParams:
    threshold: float
    deep_threshold: float | None
    keep_rules: tuple[Rule, ...]
    protected: tuple[str, ...]
    excluded: frozenset[tuple[int, int]] = field(default_factory=frozenset)


def compute(result: ScanResult, params: RegroupParams) -> list[DupGroup]:
    """The groups ``result`` would have with ``params`` (pure: ``result`` is not modified)."""
    clone = dataclasses.replace(result, options=copy.copy(result.options), groups=[])
    clone.options.keep_rules = params.keep_rules
    clone.options.protected = params.protected
    return clone.regroup(
        threshold=params.threshold,
        deep_threshold=params.deep_threshold,
        excluded=params.excluded or None,
    )


def apply(result: ScanResult, params: RegroupParams, groups: list[DupGroup]) -> None:
    """Make ``result`` describe the groups (GUI thread), so reports and rescans agree with the view."""
    result.options.threshold = params.threshold
    if params.deep_threshold is not None:
        result.options.deep_threshold = params.deep_threshold
    result.options.keep_rules = params.keep_rules
    result.options.protected = params.protected
    result.groups = groups


class Regrouper(QObject):
    """``request()`` from the GUI; ``regrouped(result, params, groups)`` comes back on the GUI thread."""

    regrouped = Signal(object, object, object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(1, self)
        self._pending: tuple[ScanResult, RegroupParams] | None = None
        self._busy = False

    @property
    def busy(self) -> bool:
        return self._busy or self._pending is not None

    def request(self, result: ScanResult, params: RegroupParams) -> None:
        self._pending = (result, params)
        if not self._busy:
            self._start()

    def _start(self) -> None:
        assert self._pending is not None
        result, params = self._pending
        self._pending = None
        self._busy = True
        self.runner.submit(
            lambda: (result, params, compute(result, params)), on_result=self._done, on_error=self._error
        )

    @Slot(object)
    def _done(self, out: Any) -> None:
        self._busy = False
        result, params, groups = out
        self.regrouped.emit(result, params, groups)
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


def excluded_for(
    result: ScanResult, dismissed: Collection[tuple[int, int]], gone: Collection[int]
) -> frozenset[tuple[int, int]]:
    """Pairs to leave out: dismissed ones, and every pair touching a file that is gone (trashed or
    moved away), so gone files drop out of the groups without a rescan."""
    import numpy as np

    out = {(min(a, b), max(a, b)) for a, b in dismissed}
    if gone and len(result.pairs):
        gone_arr = np.fromiter(gone, dtype=np.int64, count=len(gone))
        rows = result.pairs[np.isin(result.pairs[:, 0], gone_arr) | np.isin(result.pairs[:, 1], gone_arr)]
        out.update((int(min(a, b)), int(max(a, b))) for a, b in rows)
    return frozenset(out)
