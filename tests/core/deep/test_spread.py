"""Deep verification over local worker processes gives the one-thread bits."""

from __future__ import annotations

import numpy as np
import pytest

from dupe_viewer.core.deep import spread, stage
from dupe_viewer.core.deep.stage import pair_scores
from dupe_viewer.core.errors import ScanCancelled
from dupe_viewer.core.parallel import ProcessRunner
from tests.library import thumbnails


def _pairs(n: int = 120) -> tuple:
    thumbs = thumbnails(n, 9)
    half = n // 2
    # Second half: noisy copies and crops of the first, so some pairs verify as crops.
    rng = np.random.default_rng(4)
    thumbs[half:] = np.clip(thumbs[:half] + rng.normal(0, 6, (half, 32, 32)), 0, 255).astype(np.uint8)
    for k in range(half, n, 3):
        crop = thumbs[k - half, 4:28, 2:30].astype(np.float32)
        thumbs[k] = np.kron(crop, np.ones((2, 2)))[::1, ::1][:32, :32].clip(0, 255).astype(np.uint8)
    vec = rng.normal(size=(n, 16)).astype(np.float32)
    vec[half:] = vec[:half] + rng.normal(0, 0.15, (half, 16))
    vec = (vec / np.linalg.norm(vec, axis=1, keepdims=True)).astype(np.float16)
    has = np.ones(n, bool)
    has[[5, half + 7]] = False
    cand = np.array(
        [(i, half + i) for i in range(half)]
        + [(i, (i * 7 + 1) % n) for i in range(half) if (i * 7 + 1) % n != i],
        dtype=np.int64,
    )
    faithful = np.zeros(len(cand), bool)
    faithful[::11] = True
    return cand, np.flatnonzero(has), (vec, has), thumbs, faithful, n


def test_spread_verification_is_bit_identical_to_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    cand, rows, vectors, thumbs, faithful, n = _pairs()
    # Small batches and tasks, no size floor: the pairs go over many tasks and two workers. The
    # workers keep their own (larger) batch, which holds a whole task: the same batches.
    monkeypatch.setattr(stage, "VERIFY_CHUNK", 7)
    monkeypatch.setattr(spread, "LOCAL_PER_TASK", 7)
    monkeypatch.setattr(spread, "SPREAD_MIN", 0)
    one = pair_scores(cand, rows, vectors, thumbs, faithful, n, lambda: False)
    assert np.isfinite(one[0]).sum() > 50 and (one[2] >= 0).any()  # verified pairs, crops among them
    warnings: list[str] = []
    many = spread.pair_scores(
        cand, rows, vectors, thumbs, faithful, n, lambda: False, workers=2, warnings=warnings
    )
    for a, b in zip(one, many, strict=True):
        np.testing.assert_array_equal(a, b)
    assert warnings == []


def test_few_pairs_stay_on_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_processes(*_a: object, **_k: object) -> None:
        raise AssertionError("worker processes started for a handful of pairs")

    monkeypatch.setattr(ProcessRunner, "map", no_processes)
    cand, rows, vectors, thumbs, faithful, n = _pairs()
    one = pair_scores(cand, rows, vectors, thumbs, faithful, n, lambda: False)
    few = spread.pair_scores(cand, rows, vectors, thumbs, faithful, n, lambda: False, workers=2)
    for a, b in zip(one, few, strict=True):
        np.testing.assert_array_equal(a, b)


def test_spread_verification_cancels(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spread, "SPREAD_MIN", 0)
    cand, rows, vectors, thumbs, faithful, n = _pairs()
    with pytest.raises(ScanCancelled):
        spread.pair_scores(cand, rows, vectors, thumbs, faithful, n, lambda: True, workers=2)
