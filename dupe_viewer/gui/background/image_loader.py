"""Decode thumbnails and previews off the GUI thread, newest request first, with an LRU cache.

Views ask :meth:`ImageLoader.get` for ``(path, size)``; a cached QImage comes back at once,
otherwise None (draw a placeholder) and the request is queued. Pool threads decode with the
engine's :func:`core.decoding.decode` (EXIF orientation applied, JPEG DCT scaling) and convert to
QImage *in the worker*; the GUI thread only receives finished QImages (``ready`` signal) and
turns them into pixmaps when painting.

The queue is a stack: when the user scrolls through 10,000 groups, the rows on screen now are
decoded before the ones scrolled past a second ago, and old requests beyond a limit are dropped.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict

from PIL import Image
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage

from ...core import messages
from ...core.errors import DecodeError
from ...core.features.decoding import decode, display_image

log = logging.getLogger(__name__)

#: size 0 means the full-resolution image.
FULL = 0
Key = tuple[str, int]


def pil_to_qimage(im: Image.Image) -> QImage:
    """An RGB PIL image as a QImage that owns its pixels (safe to hand to another thread)."""
    if im.mode != "RGB":
        im = im.convert("RGB")
    data = im.tobytes()
    qimg = QImage(data, im.width, im.height, 3 * im.width, QImage.Format.Format_RGB888)
    return qimg.copy()  # detach from `data`, which Python frees


def load_qimage(path: str, size: int) -> QImage:
    """Decode ``path`` bounded by ``size`` (FULL: full resolution); raises DecodeError/OSError."""
    im = display_image(path) if size == FULL else decode(path, size).image
    return pil_to_qimage(im)


class _Signals(QObject):
    # (path, size, result, generation of the path when its decode started). Paths travel as
    # Python objects: a str signal turns a name that is not valid UTF-8 (surrogate escapes)
    # into another path, whose thumbnail never arrives or is another file's.
    loaded = Signal(object, int, QImage, int)
    failed = Signal(object, int, object, int)  # the reason: an engine message, its code kept


class _Worker(QRunnable):
    def __init__(self, loader: ImageLoader) -> None:
        super().__init__()
        self.loader = loader

    def run(self) -> None:
        while (job := self.loader._next()) is not None:
            (path, size), gen = job
            try:
                img = load_qimage(path, size)
            except (DecodeError, OSError, ValueError) as exc:
                self.loader._signals.failed.emit(path, size, messages.of(exc), gen)
            except Exception as exc:  # never let a strange file kill the pool thread silently
                log.exception("decoding %s failed", path)
                self.loader._signals.failed.emit(path, size, str(exc), gen)
            else:
                self.loader._signals.loaded.emit(path, size, img, gen)
            finally:
                self.loader._done(job)


class ImageLoader(QObject):
    """Asynchronous, cached image decoding. ``ready(path, size)`` fires when an image arrives."""

    ready = Signal(object, int)  # path (object: see _Signals), size
    failed = Signal(object, int, object)  # path, size, reason (worded by engine_text)

    def __init__(
        self,
        threads: int = 2,
        budget_bytes: int = 256 * 1024 * 1024,
        max_pending: int = 400,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max(1, threads))
        self.budget = budget_bytes
        self.max_pending = max_pending
        self._cache: OrderedDict[Key, QImage] = OrderedDict()
        self._cache_bytes = 0
        self._errors: dict[Key, str] = {}
        # Shared with pool threads: guarded by the lock.
        self._lock = threading.Lock()
        self._stack: list[Key] = []
        # Decodes running, with the generation of their path when they started: forget() bumps
        # a path's generation, so a decode of the old file that finishes later is dropped.
        self._inflight: set[tuple[Key, int]] = set()
        self._gen: dict[str, int] = {}
        self._workers = 0
        self._signals = _Signals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)

    # -- GUI thread API ---------------------------------------------------------------------
    def get(self, path: str, size: int) -> QImage | None:
        """The cached image, or None after queueing a decode (errors are not retried)."""
        key = (path, size)
        img = self._cache.get(key)
        if img is not None:
            self._cache.move_to_end(key)
            return img
        if key not in self._errors:
            self.request(path, size)
        return None

    def error(self, path: str, size: int) -> str | None:
        return self._errors.get((path, size))

    def request(self, path: str, size: int) -> None:
        key = (path, size)
        with self._lock:
            if (key, self._gen.get(path, 0)) in self._inflight:
                return
            if key in self._stack:
                self._stack.remove(key)
            self._stack.append(key)
            if len(self._stack) > self.max_pending:
                del self._stack[: len(self._stack) - self.max_pending]
            start = self._workers < self.pool.maxThreadCount()
            if start:
                self._workers += 1
        if start:
            self.pool.start(_Worker(self))

    def forget(self, path: str) -> None:
        """Drop cached images of ``path`` (the file was moved away or changed), and the result of
        any decode of it still running (it read the old file)."""
        with self._lock:
            self._gen[path] = self._gen.get(path, 0) + 1
        for key in [k for k in self._cache if k[0] == path]:
            self._cache_bytes -= self._cache.pop(key).sizeInBytes()
        for key in [k for k in self._errors if k[0] == path]:
            del self._errors[key]

    def clear_pending(self) -> None:
        with self._lock:
            self._stack.clear()

    def wait(self, msecs: int = -1) -> bool:
        self.clear_pending()
        return self.pool.waitForDone(msecs)

    # -- pool threads --------------------------------------------------------------------------
    def _next(self) -> tuple[Key, int] | None:
        with self._lock:
            if not self._stack:
                self._workers -= 1
                return None
            key = self._stack.pop()
            job = (key, self._gen.get(key[0], 0))
            self._inflight.add(job)
            return job

    def _done(self, job: tuple[Key, int]) -> None:
        with self._lock:
            self._inflight.discard(job)

    def _refresh(self, path: str, size: int) -> None:
        """A stale result was dropped: whoever asked for it may still wait, so decode the file as
        it is now -- unless a newer decode already answered."""
        key = (path, size)
        if key not in self._cache and key not in self._errors:
            self.request(path, size)

    def _stale(self, path: str, gen: int) -> bool:
        with self._lock:
            return gen != self._gen.get(path, 0)

    # -- results (GUI thread) ------------------------------------------------------------------
    @Slot(object, int, QImage, int)
    def _on_loaded(self, path: str, size: int, img: QImage, gen: int) -> None:
        if self._stale(path, gen):
            self._refresh(path, size)
            return
        key = (path, size)
        old = self._cache.pop(key, None)
        if old is not None:
            self._cache_bytes -= old.sizeInBytes()
        self._cache[key] = img
        self._cache_bytes += img.sizeInBytes()
        while self._cache_bytes > self.budget and len(self._cache) > 1:
            _, evicted = self._cache.popitem(last=False)
            self._cache_bytes -= evicted.sizeInBytes()
        self.ready.emit(path, size)

    @Slot(object, int, object, int)
    def _on_failed(self, path: str, size: int, reason: str, gen: int) -> None:
        if self._stale(path, gen):
            self._refresh(path, size)
            return
        self._errors[(path, size)] = reason
        self.failed.emit(path, size, reason)
