"""Run a plain function on a worker thread and get its result back on the GUI thread.

The GUI never does file I/O itself (trash, move, export, dismissals): it hands a function to a
:class:`TaskRunner`, which runs it in a QThreadPool and delivers ``result`` / ``error`` through
queued signals. Same idea as superqt's ``thread_worker``, without the dependency.

File actions go through a one-thread pool on purpose: they then happen in the order they were
asked for (a dismissal, then the rescan that must see it), never concurrently.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    result = Signal(object)
    error = Signal(str)
    progress = Signal(int, int)
    finished = Signal()


class Task(QRunnable):
    """``fn(*args, **kwargs)`` on a pool thread. If ``fn`` accepts them, pass ``progress=``/``should_stop=``
    through :meth:`TaskRunner.submit`'s ``with_progress`` flag."""

    def __init__(self, fn: Callable[..., Any], args: tuple, kwargs: dict[str, Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the runner keeps it until `finished` has been delivered
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.signals = TaskSignals()
        self.cancel_event = threading.Event()

    def run(self) -> None:
        try:
            value = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # delivered to the GUI as a message, never lost in a thread
            log.error("background task failed:\n%s", traceback.format_exc())
            self.signals.error.emit(str(exc) or type(exc).__name__)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()

    def cancel(self) -> None:
        self.cancel_event.set()


class _Dispatcher(QObject):
    """Receives a task's signals on the GUI thread (it lives there) and calls the callbacks.

    Connecting cross-thread signals to decorated slots of a QObject, rather than to lambdas,
    gives Qt a receiver with a known thread, so delivery is always queued to the GUI thread.
    """

    def __init__(
        self, runner: TaskRunner, task: Task, callbacks: dict[str, Callable[..., Any] | None]
    ) -> None:
        super().__init__(runner)
        self.runner, self.task, self.callbacks = runner, task, callbacks

    @Slot(object)
    def on_result(self, value: Any) -> None:
        if (cb := self.callbacks.get("result")) is not None:
            cb(value)

    @Slot(str)
    def on_error(self, message: str) -> None:
        if (cb := self.callbacks.get("error")) is not None:
            cb(message)

    @Slot(int, int)
    def on_progress(self, done: int, total: int) -> None:
        if (cb := self.callbacks.get("progress")) is not None:
            cb(done, total)

    @Slot()
    def on_finished(self) -> None:
        self.runner._finished(self.task, self)


class TaskRunner(QObject):
    """Owns a thread pool and keeps each task alive until its signals are delivered."""

    def __init__(self, threads: int = 1, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(threads)
        self._tasks: dict[Task, _Dispatcher] = {}

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[str], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        with_progress: bool = False,
        **kwargs: Any,
    ) -> Task:
        """Run ``fn(*args, **kwargs)``; with ``with_progress`` it also gets ``progress`` and
        ``should_stop`` keyword arguments wired to the task's signal and cancel flag."""
        task = Task(fn, args, kwargs)
        if with_progress:
            task.kwargs["progress"] = task.signals.progress.emit
            task.kwargs["should_stop"] = task.cancel_event.is_set
        dispatcher = _Dispatcher(
            self, task, {"result": on_result, "error": on_error, "progress": on_progress}
        )
        task.signals.result.connect(dispatcher.on_result)
        task.signals.error.connect(dispatcher.on_error)
        task.signals.progress.connect(dispatcher.on_progress)
        task.signals.finished.connect(dispatcher.on_finished)
        self._tasks[task] = dispatcher
        self.pool.start(task)
        return task

    def _finished(self, task: Task, dispatcher: _Dispatcher) -> None:
        self._tasks.pop(task, None)
        dispatcher.deleteLater()

    def busy(self) -> bool:
        return bool(self._tasks)

    def wait(self, msecs: int = -1) -> bool:
        """Block until every task has run (for shutdown and tests)."""
        return self.pool.waitForDone(msecs)
