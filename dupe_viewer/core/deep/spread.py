"""Geometric verification of deep candidates spread over processes: every core of one machine
(:class:`..parallel.ProcessRunner`) or every worker of a cluster (``cluster.runner.DaskRunner``).

Verification (~0.8 ms a pair on one core, :mod:`.verify`) is the slowest step of a first deep
scan. The pairs are cut into chunks holding about ``per_task`` pairs to verify each, and every
chunk travels with only its own files' thumbnails and embeddings; each chunk runs the one-thread
:func:`.stage.pair_scores` on batches cut where one thread cuts them, so the bits are one
thread's. Below :data:`SPREAD_MIN` pairs to verify, starting the worker
processes costs more than it saves, and one thread does it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import numpy as np

from ..parallel import ProcessRunner, Runner
from . import stage

#: Pairs to verify per task on local processes: ~0.8 s on one core, so a cancel lands within a
#: second (a running task finishes in its worker) and a crashed task costs little to redo.
#: Tasks are a multiple of :data:`.stage.VERIFY_CHUNK` (see distributed_pair_scores).
LOCAL_PER_TASK = stage.VERIFY_CHUNK
#: Pairs to verify per task on a cluster (~4 s of work: messaging amortised).
CLUSTER_PER_TASK = 5 * stage.VERIFY_CHUNK
#: Fewer pairs to verify than this stay on one thread: spawning workers (each imports numpy and
#: scipy, ~0.5-1 s) costs more than it saves. Measured with tests/benchmarks/verify_speed.py.
SPREAD_MIN = 2000


def verify_task(
    pairs: np.ndarray, vectors: np.ndarray, thumbs: np.ndarray, faithful: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Runs in a worker: :func:`.stage.pair_scores` of ``pairs`` (positions into the chunk's own
    ``vectors`` and ``thumbs``, every one of which has an embedding)."""
    n = len(vectors)
    return stage.pair_scores(
        pairs, np.arange(n), (vectors, np.ones(n, bool)), thumbs, faithful, n, lambda: False
    )


def _tagged_verify(rows: np.ndarray, *args: np.ndarray) -> tuple[np.ndarray, tuple]:
    return rows, verify_task(*args)


def to_verify(cand: np.ndarray, vectors: tuple[np.ndarray, np.ndarray], faithful: np.ndarray) -> tuple:
    """(rows of ``cand`` whose files both have an embedding, which of those need verifying): the
    rule of :func:`.stage.pair_scores` (cosine at least the candidate floor, not already shown to
    be a faithful copy by the hashes)."""
    has = vectors[1]
    both = np.flatnonzero(has[cand[:, 0]] & has[cand[:, 1]])
    cos = np.empty(len(both), np.float32)
    step = stage.VERIFY_CHUNK * 50  # bounded float32 temporaries, as pair_scores
    for lo in range(0, len(both), step):
        rows = cand[both[lo : lo + step]]
        va, vb = vectors[0][rows[:, 0]].astype(np.float32), vectors[0][rows[:, 1]].astype(np.float32)
        cos[lo : lo + len(rows)] = np.einsum("ij,ij->i", va, vb)
    return both, (cos >= stage.CANDIDATE_MIN_COS) & ~faithful[both]


def _payloads(
    cand: np.ndarray,
    vectors: tuple[np.ndarray, np.ndarray],
    thumbs: np.ndarray,
    faithful: np.ndarray,
    per_task: int,
) -> Iterator[tuple]:
    both, need = to_verify(cand, vectors, faithful)
    # Chunk boundaries by pairs to verify, not by pairs: hash-only candidates cost nothing.
    ends = np.searchsorted(
        np.cumsum(need), np.arange(per_task, int(need.sum()) + per_task, per_task), "right"
    )
    lo = 0
    for hi in [*ends.tolist(), len(both)]:
        if hi <= lo:
            continue
        rows = both[lo:hi]
        lo = hi
        files, local = np.unique(cand[rows], return_inverse=True)
        yield rows, local.reshape(-1, 2), vectors[0][files], thumbs[files], faithful[rows]


def distributed_pair_scores(
    runner: Runner,
    cand: np.ndarray,
    vectors: tuple[np.ndarray, np.ndarray],
    thumbs: np.ndarray,
    faithful: np.ndarray,
    should_stop: Callable[[], bool],
    per_task: int = CLUSTER_PER_TASK,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What :func:`.stage.pair_scores` returns for ``cand``, computed chunk by chunk by
    ``runner`` (NaN scores where a file has no embedding)."""
    score = np.full(len(cand), np.nan, dtype=np.float32)
    box = np.full((len(cand), 4), np.nan, dtype=np.float32)
    container = np.full(len(cand), -1, dtype=np.int8)
    if len(cand) == 0:
        return score, box, container
    # Bit-identity needs the one thread's batches: verification runs vectorised over a batch,
    # and its matrix products' rounding depends on the batch (BLAS blocking, einsum's contraction
    # order). One thread verifies in batches of VERIFY_CHUNK pairs to verify, in candidate order;
    # tasks of a multiple of that, cut at the same places, verify exactly those batches.
    per_task = max(1, per_task // stage.VERIFY_CHUNK) * stage.VERIFY_CHUNK
    payloads = _payloads(cand, vectors, thumbs, faithful, per_task)
    for rows, (s, b, c) in runner.map(_tagged_verify, payloads, should_stop):
        score[rows], box[rows], container[rows] = s, b, c
    return score, box, container


def pair_scores(
    cand: np.ndarray,
    deep_rows: np.ndarray,
    vectors: tuple[np.ndarray, np.ndarray],
    thumbs: np.ndarray,
    faithful: np.ndarray,
    n: int,
    should_stop: Callable[[], bool],
    workers: int = 0,
    warnings: list[str] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`.stage.pair_scores` on ``workers`` local processes (0: one per core), on one
    thread below :data:`SPREAD_MIN` pairs to verify or with one worker. A worker task that fails
    is redone here (a warning says so)."""
    runner = ProcessRunner(workers)
    if runner.workers <= 1 or len(cand) == 0:
        return stage.pair_scores(cand, deep_rows, vectors, thumbs, faithful, n, should_stop)
    has = np.zeros(n, dtype=bool)
    has[deep_rows] = True
    mine = (vectors[0], has)  # pair_scores's rule: deep_rows say who has an embedding
    _, need = to_verify(cand, mine, faithful)
    if int(need.sum()) < SPREAD_MIN:
        return stage.pair_scores(cand, deep_rows, vectors, thumbs, faithful, n, should_stop)
    out = distributed_pair_scores(runner, cand, mine, thumbs, faithful, should_stop, LOCAL_PER_TASK)
    if runner.failures and warnings is not None:
        warnings.append(
            f"Deep verification: {len(runner.failures)} worker task(s) failed and were redone in "
            f"the scan's process ({runner.failures[0]})."
        )
    return out
