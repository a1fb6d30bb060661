"""The client's per-image work before the partitioned search, spread over the workers.

Before any partition is searched, every image is prepared (its tiny image, index descriptor
and orientations: :func:`..match.candidates.prepare`) and routed to its nearest centroids
(:mod:`.quantiser`). Both are row by row, and both grew with the collection on the client alone:
preparing ten million images took ~6 min of one core, routing a vector costs ~7 µs at 2,500
centroids and ~68 µs at 25,000 (tests/benchmarks/quantiser_routing.py), ~4.7 core-hours at a
hundred million images. Here they run in blocks of rows on the workers, and the client puts the
answers back in place: the same arrays as on one core (blocks are whole multiples of the blocks
the single-core code works in, so every row is computed the same way), whatever the order the
blocks come back in. Small jobs, and runners of one worker, stay in this process.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from ..match import candidates
from . import quantiser
from .runner import Runner

#: Rows per routing task, about (rounded to whole quantiser blocks): 64 MB of 64-d float32.
ROUTE_ROWS = 1 << 18
#: Thumbnails per preparation task, about (rounded to whole preparation chunks, 65,536 each):
#: one chunk is 64 MB in and ~40 MB back.
PREPARE_ROWS = candidates.PREPARE_CHUNK


def _spans(n: int, about: int, unit: int) -> Iterator[tuple[int, int]]:
    step = max(unit, about // unit * unit)
    for lo in range(0, n, step):
        yield lo, min(n, lo + step)


def _local(runner: Runner, n: int, about: int) -> bool:
    return runner.workers <= 1 or n <= about


def _top_two_task(
    lo: int, block: np.ndarray, centroids: np.ndarray, boundary: float
) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """Runs on a worker: :func:`.quantiser.top_two` of one block of rows."""
    return (lo, *quantiser.top_two(block, centroids, boundary))


def _nearest_task(lo: int, block: np.ndarray, centroids: np.ndarray, probes: int) -> tuple[int, np.ndarray]:
    """Runs on a worker: :func:`.quantiser.nearest` of one block of rows."""
    return lo, quantiser.nearest(block, centroids, probes)


def _prepare_task(lo: int, thumbs: np.ndarray) -> tuple[int, candidates.Prepared]:
    """Runs on a worker: :func:`..match.candidates.prepare` of one block of thumbnails."""
    return lo, candidates.prepare(thumbs)


def _unit(centroids: np.ndarray) -> int:
    # The rows quantiser._similarities works out at a time: blocks of whole such units.
    return max(256, quantiser.ASSIGN_CELLS // max(1, len(centroids)))


def assign(
    runner: Runner,
    vectors: np.ndarray | quantiser.Rows,
    centroids: np.ndarray,
    boundary: float,
    should_stop: Callable[[], bool],
) -> quantiser.Assignment:
    """:func:`.quantiser.assign`, its rows routed in blocks on ``runner``."""
    n, k = len(vectors), len(centroids)
    if k == 1 or _local(runner, n, ROUTE_ROWS):
        return quantiser.assign(vectors, centroids, boundary)
    first = np.empty(n, np.int32)
    second = np.empty(n, np.int32)
    near = np.empty(n, bool)
    payloads = (
        (lo, np.asarray(vectors[lo:hi]), centroids, boundary)
        for lo, hi in _spans(n, ROUTE_ROWS, _unit(centroids))
    )
    for lo, f, s, b in runner.map(_top_two_task, payloads, should_stop):
        first[lo : lo + len(f)], second[lo : lo + len(f)], near[lo : lo + len(f)] = f, s, b
    return quantiser.assignment(first, second, near, k)


def probe(
    runner: Runner, vectors: np.ndarray, centroids: np.ndarray, probes: int, should_stop: Callable[[], bool]
) -> quantiser.Assignment:
    """:func:`.quantiser.probe`, its rows routed in blocks on ``runner``."""
    n, k = len(vectors), len(centroids)
    if _local(runner, n, ROUTE_ROWS):
        return quantiser.probe(vectors, centroids, probes)
    top = np.empty((n, min(probes, k)), np.int32)
    spans = _spans(n, ROUTE_ROWS, _unit(centroids))
    payloads = ((lo, vectors[lo:hi], centroids, probes) for lo, hi in spans)
    for lo, t in runner.map(_nearest_task, payloads, should_stop):
        top[lo : lo + len(t)] = t
    return quantiser.probing(top, k)


def prepare(runner: Runner, thumbs: np.ndarray, should_stop: Callable[[], bool]) -> candidates.Prepared:
    """:func:`..match.candidates.prepare`, in blocks of thumbnails on ``runner``."""
    n = len(thumbs)
    if _local(runner, n, PREPARE_ROWS):
        return candidates.prepare(thumbs)
    out = candidates.Prepared.empty(n)
    payloads = ((lo, thumbs[lo:hi]) for lo, hi in _spans(n, PREPARE_ROWS, candidates.PREPARE_CHUNK))
    for lo, part in runner.map(_prepare_task, payloads, should_stop):
        out.put(lo, part)
    return out
