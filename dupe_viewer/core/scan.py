"""A scan, as a generator of events: the stages in order, over one state.

``scan(roots, options)`` yields :class:`~.result.Progress`, :class:`~.result.ErrorFound` and
:class:`~.result.GroupsFound` events and finally :class:`~.result.Finished` (or
:class:`~.result.Cancelled`). Callers that do not care about progress use :func:`run_scan`. The
GUI iterates the same generator on a worker thread.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from . import stages, state
from .errors import ScanCancelled
from .options import ScanOptions
from .result import Cancelled, Finished, ScanEvent, ScanResult
from .store.feature_cache import FeatureCache

#: What a scan does, in order (each stage is described in :mod:`.stages`).
STAGES: tuple[Callable[[state.ScanState], Iterator[ScanEvent]], ...] = (
    stages.find_files,  # the image files under the roots, each once
    stages.look_up_cache,  # what is already known about each (unchanged) file
    stages.compare_contents,  # byte-identical files: their groups are shown at once
    stages.analyse,  # decode once per content what the cache lacks: features, embeddings
    stages.match,  # candidate pairs, measured and scored (only new files on a rescan)
    stages.measure_natively,  # full-resolution detail where a keeper decision needs it
    stages.group,  # reference-centred groups and the suggested keepers
)


def scan(
    roots: Iterable[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    *,
    cache: FeatureCache | None = None,
    cancel: Any = None,
) -> Iterator[ScanEvent]:
    """Scan ``roots`` and yield events; the last one is :class:`Finished` or :class:`Cancelled`.

    ``cache``: an open FeatureCache to use (default: the per-user one, unless
    ``options.use_cache`` is False). ``cancel``: a threading.Event or a callable returning True
    to stop; the scan stops within a second and keeps what it cached.
    """
    s, own_cache = state.start(list(roots), options or ScanOptions(), cache, _stopper(cancel))
    try:
        for stage in STAGES:
            yield from stage(s)
        assert s.final is not None
        yield Finished(s.final)
    except ScanCancelled:
        yield s.cancelled()
    finally:
        if own_cache and s.cache is not None:
            s.cache.close()


def _stopper(cancel: Any) -> Callable[[], bool]:
    if cancel is None:
        return lambda: False
    if isinstance(cancel, threading.Event) or hasattr(cancel, "is_set"):
        return cancel.is_set
    if callable(cancel):
        return cancel
    raise TypeError("cancel must be an Event-like object or a callable")


def run_scan(
    roots: Iterable[str | os.PathLike[str]],
    options: ScanOptions | None = None,
    *,
    cache: FeatureCache | None = None,
    cancel: Any = None,
    on_event: Callable[[ScanEvent], None] | None = None,
) -> ScanResult | None:
    """Run a scan to the end; returns None when it was cancelled."""
    for event in scan(roots, options, cache=cache, cancel=cancel):
        if on_event is not None:
            on_event(event)
        if isinstance(event, Finished):
            return event.result
        if isinstance(event, Cancelled):
            return None
    return None
