"""Drive the engine's scan generator on a QThread and report back with plain-data signals.

:class:`ScanWorker` iterates :func:`core.scan` on a QThread of its own, while the worker object
itself stays on the GUI thread (it is never moved); everything it emits is plain data (strings,
ints, engine dataclasses), delivered to the GUI thread through queued connections. Cancelling
sets a ``threading.Event`` that the engine polls, so it is called directly from the GUI thread.

After the scan, still on the worker thread, the "not duplicates" store is consulted (it may have
to hash a few files) and the result is regrouped without the dismissed pairs, so the GUI receives
groups it can show as they are. Given ``stage_marks``, the worker also works out the marks of
the early and the final groups (see :meth:`..marks.Marks.staged_for`) and sends them, as
``staged``, just before the result: walking every member is 0.7 s at 100,000 files, which the
GUI thread would otherwise spend when the groups arrive.
"""

from __future__ import annotations

import logging
import os
import threading
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from ...core import (
    Cancelled,
    ErrorFound,
    Finished,
    GroupsFound,
    Progress,
    ScanOptions,
    ScanResult,
    regrouped,
    scan,
)
from ...core.files.discovery import has_image_extension
from ...core.group.dismissals import Dismissals
from ...core.group.regroup import evidence
from ..settings import RootEntry

log = logging.getLogger(__name__)

ScanFn = Callable[..., Iterator[Any]]
#: Works out the marks of a result's groups, on the scan's thread (None: left to the GUI thread).
StageFn = Callable[[ScanResult], Any]


def expand_roots(roots: list[RootEntry]) -> list[str]:
    """Paths to hand to the engine: a folder whose subfolders are excluded becomes its own image
    files (the engine's ``recursive`` option is global; this makes it per folder). Runs on the
    worker thread: it lists folders."""
    out: list[str] = []
    for r in roots:
        if r.recursive or not os.path.isdir(r.path):
            out.append(r.path)
            continue
        try:
            with os.scandir(r.path) as it:
                names = sorted(
                    e.path for e in it if not e.name.startswith(".") and has_image_extension(e.name)
                )
        except OSError:
            out.append(r.path)  # let the engine report why it cannot be read
            continue
        out.extend(names)
    return out


def remembered_apart(
    result: ScanResult, dismissals: Callable[[], Dismissals], should_stop: Callable[[], bool]
) -> tuple[set[tuple[int, int]], list[tuple[str, str]]]:
    """(the record pairs of ``result`` the remembered "not duplicates" list keeps apart, and
    (where, what) for each problem reading that list). Runs off the GUI thread, after a scan
    and when a report is opened; a damaged list costs the person neither."""
    try:
        store = dismissals()
        excluded = store.excluded_pairs(result, should_stop=should_stop)
        return excluded, [(str(store.path), warning) for warning in store.warnings]
    except Exception as exc:
        log.error("could not read dismissals:\n%s", traceback.format_exc())
        translate = QCoreApplication.translate  # thread-safe
        return set(), [
            (
                translate("ScanWorker", "(not duplicates list)"),
                translate("ScanWorker", "Could not be read: %1").replace("%1", str(exc)),
            )
        ]


class ScanWorker(QObject):
    """Iterates one scan (its thread ends with :meth:`run`, whatever happened)."""

    progress = Signal(str, int, int)  # phase (the engine's Phase value), done, total (0: unknown)
    error = Signal(object, object)  # path (object: keeps non-UTF-8 names intact), reason (its code kept)
    staged = Signal(object, object)  # a result, and its marks worked out here (just before it)
    early_groups = Signal(object)  # a partial ScanResult: exact duplicates, before the end
    finished = Signal(object, object)  # ScanResult (regrouped without dismissals), excluded pairs
    cancelled = Signal(object)  # ScanStats
    failed = Signal(str)  # an unexpected error, as text

    def __init__(
        self,
        roots: list[RootEntry],
        options: ScanOptions,
        scan_fn: ScanFn = scan,
        dismissals: Callable[[], Dismissals] = Dismissals,
        stage_marks: StageFn | None = None,
    ) -> None:
        super().__init__()
        self.roots = roots
        self.options = options
        self.scan_fn = scan_fn
        self.dismissals = dismissals
        self.stage_marks = stage_marks
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Thread-safe: the engine notices within a second and stops, keeping what it cached."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        try:
            self._run()
        except Exception as exc:
            log.error("scan failed:\n%s", traceback.format_exc())
            self.failed.emit(str(exc) or type(exc).__name__)

    def _run(self) -> None:
        roots = expand_roots(self.roots)
        for event in self.scan_fn(roots, self.options, cancel=self._cancel):
            if isinstance(event, Progress):
                phase = getattr(event.phase, "value", event.phase)
                self.progress.emit(str(phase), int(event.done), int(event.total))
            elif isinstance(event, ErrorFound):
                self.error.emit(event.error.path, event.error.error)
            elif isinstance(event, GroupsFound):
                # A partial result: the scan's records and the groups of byte-identical files.
                if event.result.groups:
                    evidence(event.result)  # what the keeper's reasons read: worked out here
                    self._stage(event.result)
                    self.early_groups.emit(event.result)
            elif isinstance(event, Finished):
                result = event.result
                excluded, problems = remembered_apart(result, self.dismissals, self._cancel.is_set)
                for where, what in problems:  # damaged and set aside: the person hears it
                    self.error.emit(where, what)
                if self._cancel.is_set():
                    self.cancelled.emit(result.stats)
                    return
                if excluded:
                    result = regrouped(result, excluded=excluded)
                evidence(result)  # memoised per result: the GUI thread only reads it
                self._stage(result)
                self.finished.emit(result, excluded)
                return
            elif isinstance(event, Cancelled):
                self.cancelled.emit(event.stats)
                return

    def _stage(self, result: ScanResult) -> None:
        """The marks of ``result``'s groups, sent ahead of it (queued signals keep their order)."""
        if self.stage_marks is None:
            return
        try:
            staged = self.stage_marks(result)
        except Exception:  # the GUI thread works them out itself then: slower, never wrong
            log.error("could not stage the marks:\n%s", traceback.format_exc())
            return
        if staged is not None:
            self.staged.emit(result, staged)


class _RunThread(QThread):
    """A thread that runs one function. The worker whose ``run`` it is stays a QObject of the GUI
    thread: its signals, emitted here, reach the GUI thread's receivers queued. Qt's usual
    pattern moves the worker to this thread, and it had to move back to be destroyed on the GUI
    thread (destroyed here, it deadlocked in the tests); such moves take locks that can deadlock
    against the GUI thread's event loop under Python's GIL, and a scan hung in CI in one."""

    def __init__(self, target: Callable[[], None]) -> None:
        super().__init__()
        self.target = target

    def run(self) -> None:
        self.target()


class ScanController(QObject):
    """Runs a :class:`ScanWorker` on a fresh QThread and tears both down when it ends."""

    started = Signal()
    stopped = Signal()  # after finished / cancelled / failed has been delivered

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thread: QThread | None = None
        self.worker: ScanWorker | None = None

    @property
    def running(self) -> bool:
        return self.worker is not None

    def start(self, worker: ScanWorker) -> ScanWorker:
        if self.running:
            raise RuntimeError("a scan is already running")
        thread = _RunThread(worker.run)
        thread.setObjectName("scan")
        thread.finished.connect(self._on_thread_finished)
        self.thread, self.worker = thread, worker
        thread.start()
        self.started.emit()
        return worker

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel()

    def wait(self, msecs: int = 10_000) -> bool:
        """Cancel and block until the thread has ended (window closing)."""
        if self.thread is None:
            return True
        self.cancel()
        return self.thread.wait(msecs)

    @Slot()
    def _on_thread_finished(self) -> None:
        thread, worker = self.thread, self.worker
        self.thread = self.worker = None
        if worker is not None:
            worker.deleteLater()
        if thread is not None:
            thread.deleteLater()
        self.stopped.emit()
