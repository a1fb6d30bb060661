"""Preparation and routing spread over the workers give the client's own arrays, bit for bit."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

import numpy as np
import pytest

from dupe_viewer.core.cluster import deep_partitions, partitions, quantiser, routing
from dupe_viewer.core.cluster.runner import ProcessRunner, SerialRunner
from dupe_viewer.core.match import candidates
from tests.core.cluster.test_partitions import _planted
from tests.library import thumbnails


class BackwardsRunner:
    """Two 'workers' whose results come back last first: the answers must land in place."""

    workers = 2

    def __init__(self) -> None:
        self.tasks = 0

    def map(
        self, fn: Callable[..., Any], payloads: Iterable[tuple[Any, ...]], should_stop: Callable[[], bool]
    ) -> Iterator[Any]:
        done = [fn(*args) for args in payloads]
        self.tasks += len(done)
        yield from reversed(done)


@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routing, "ROUTE_ROWS", 1000)
    monkeypatch.setattr(routing, "PREPARE_ROWS", 300)
    monkeypatch.setattr(quantiser, "ASSIGN_CELLS", 256 * 40)  # 256-row quantiser blocks
    monkeypatch.setattr(candidates, "PREPARE_CHUNK", 100)


def _same(a: quantiser.Assignment, b: quantiser.Assignment) -> bool:
    return a.k == b.k and np.array_equal(a.rows, b.rows) and np.array_equal(a.parts, b.parts)


def test_routing_in_blocks_is_the_routing_in_one_go(small_blocks: None) -> None:
    x = np.random.default_rng(2).normal(size=(5000, 16)).astype(np.float32)
    cent = quantiser.fit(x, 40)
    runner = BackwardsRunner()
    assert _same(routing.assign(runner, x, cent, 0.05, lambda: False), quantiser.assign(x, cent, 0.05))
    assert runner.tasks == 7  # 5,000 rows in blocks of 3 × 256
    assert _same(routing.probe(runner, x, cent, 3, lambda: False), quantiser.probe(x, cent, 3))
    # One worker, or few rows: in this process, as before.
    serial = SerialRunner()
    assert _same(routing.assign(serial, x, cent, 0.05, lambda: False), quantiser.assign(x, cent, 0.05))
    one = quantiser.fit(x, 1)
    assert _same(routing.assign(runner, x, one, 0.05, lambda: False), quantiser.assign(x, one, 0.05))


def test_preparation_in_blocks_is_the_preparation_in_one_go(small_blocks: None) -> None:
    thumbs = thumbnails(1000, 5)
    runner = BackwardsRunner()
    got, want = routing.prepare(runner, thumbs, lambda: False), candidates.prepare(thumbs)
    assert runner.tasks == 4  # blocks of 3 × 100 thumbnails
    for name in ("z", "d0", "canon", "plausible"):
        assert np.array_equal(getattr(got, name), getattr(want, name)), name


def test_partitioned_search_with_routing_in_worker_processes_finds_the_same_pairs(small_blocks: None) -> None:
    thumbs, planted = _planted(1500, 200)
    prep = candidates.prepare(thumbs)
    alone = partitions.hash_candidates(SerialRunner(), prep, partition_size=200)
    # The workers are spawned with the default block sizes: rows come out the same either way.
    runner = ProcessRunner(2)
    spread = partitions.hash_candidates(
        runner, routing.prepare(runner, thumbs, lambda: False), partition_size=200
    )
    x = np.random.default_rng(4).normal(size=(3000, 32)).astype(np.float16)
    deep_alone = deep_partitions.deep_candidates(SerialRunner(), x, partition_size=300)
    deep_spread = deep_partitions.deep_candidates(runner, x, partition_size=300)
    assert runner.failures == []
    assert np.array_equal(spread.pairs, alone.pairs) and np.array_equal(spread.corr, alone.corr)
    assert planted <= {tuple(p) for p in spread.pairs.tolist()}
    assert all(np.array_equal(a, b) for a, b in zip(deep_spread, deep_alone, strict=True))
