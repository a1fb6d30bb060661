"""The cluster tests' one LocalCluster, shared by the package (a start costs seconds)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="package")
def dask_client() -> Iterator[Any]:
    """Two worker processes, started once for all the cluster tests."""
    pytest.importorskip("distributed")
    from dupe_viewer.core.cluster.connect import client

    with client("local:2") as c:
        yield c
