"""The local process runner: every result once, a crashing task redone here, cancel honoured."""

from __future__ import annotations

import multiprocessing
import os

import pytest

from dupe_viewer.core.errors import ScanCancelled
from dupe_viewer.core.parallel import ProcessRunner, SerialRunner


def _double(x: int) -> int:
    return 2 * x


def _dies_in_worker(x: int) -> int:
    if multiprocessing.parent_process() is not None and x == 3:
        os._exit(1)  # a hard crash (as a segfault): the pool breaks
    return 2 * x


def _raises_in_worker(x: int) -> int:
    if multiprocessing.parent_process() is not None and x % 2:
        raise ValueError("odd")
    return 2 * x


def test_process_runner_gives_every_result_of_the_serial_runner() -> None:
    payloads = [(i,) for i in range(12)]
    serial = sorted(SerialRunner().map(_double, payloads, lambda: False))
    spread = sorted(ProcessRunner(2).map(_double, payloads, lambda: False))
    assert spread == serial == [2 * i for i in range(12)]


@pytest.mark.parametrize("fn", [_dies_in_worker, _raises_in_worker])
def test_a_failing_task_is_redone_in_this_process(fn) -> None:
    runner = ProcessRunner(2)
    out = sorted(runner.map(fn, [(i,) for i in range(10)], lambda: False))
    assert out == [2 * i for i in range(10)]
    assert runner.failures


def test_cancel_raises() -> None:
    with pytest.raises(ScanCancelled):
        list(ProcessRunner(2).map(_double, [(i,) for i in range(100)], lambda: True))
