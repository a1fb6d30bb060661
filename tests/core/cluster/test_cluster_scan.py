"""A scan on a LocalCluster gives exactly the single-machine groups; its feature shards make a
rescan decode only new or changed files; a merge that cannot write to disk only warns."""

from __future__ import annotations

import errno
import os
import re
import socket
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.cluster import routing
from dupe_viewer.core.cluster import scan as cluster_scan
from dupe_viewer.core.cluster.connect import ClusterUnavailable, client, parse
from tests.core.cluster.shared import described, small_library
from tests.library import PhotoLibrary, photo


@pytest.fixture
def library(tmp_path: Path) -> PhotoLibrary:
    return small_library(tmp_path / "lib", 6, 300, 14, 700, {"edit/gray{s}.png": lambda im: im.convert("L")})


def _groups(result) -> list[tuple[str, ...]]:
    return sorted(tuple(result.records[m.index].path for m in g.members) for g in result.groups)


def _facts(result) -> dict[str, tuple]:
    return {r.path: (r.width, r.height, r.format, r.error) for r in result.records}


def test_local_cluster_gives_the_single_machine_groups(
    library, dask_client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opts = ScanOptions(deep=False, use_cache=False, workers=1)
    single = run_scan([library.root], opts)
    # The preparation and the routing on the workers too, as for large collections.
    monkeypatch.setattr(routing, "PREPARE_ROWS", 8)
    monkeypatch.setattr(routing, "ROUTE_ROWS", 8)
    # Small partitions (and tasks), so the partitioned search and the merge really run.
    copts = cluster_scan.ClusterOptions(store=str(tmp_path / "store"), partition_size=12, files_per_task=7)
    stats = []
    events = cluster_scan.scan([library.root], opts, copts, client=dask_client)
    result = None
    for e in events:
        result = getattr(e, "result", result)
        stats.append(e)
    assert single is not None and result is not None
    assert _groups(result) == _groups(single)
    assert sorted(map(set, [g for g in _groups(single)]), key=sorted) == sorted(library.groups, key=sorted)
    # Byte-identical features, member kinds, keepers, similarities.
    order = np.argsort([r.path for r in single.records])
    order2 = np.argsort([r.path for r in result.records])
    assert single.features[order].tobytes() == result.features[order2].tobytes()
    assert _facts(single) == _facts(result)
    assert described(single) == described(result)
    assert result.stats.decoded == single.stats.decoded and result.stats.copies == 6


def test_rescan_reads_the_shards_and_decodes_only_changed_files(library, dask_client, tmp_path) -> None:
    opts = ScanOptions(deep=False, workers=1)
    copts = cluster_scan.ClusterOptions(store=str(tmp_path / "store"), files_per_task=10)
    first = cluster_scan.run_scan([library.root], opts, copts, client=dask_client)
    assert first is not None and first.stats.decoded == 38 and first.stats.from_cache == 0
    assert list((tmp_path / "store").glob("shard-*.parquet"))
    photo(999, (300, 220)).save(library.root / "other/o3.jpg", quality=80)
    photo(998, (300, 220)).save(library.root / "other/new.jpg", quality=80)
    second = cluster_scan.run_scan([library.root], opts, copts, client=dask_client)
    assert second is not None
    assert second.stats.decoded == 2
    assert _groups(second) == _groups(first)


def test_a_scan_whose_merge_cannot_write_to_disk_warns_and_gives_the_same_groups(
    dask_client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dupe_viewer.core.cluster import merge

    lib = small_library(tmp_path / "lib", 3, 300, 4, 700)

    def full(path: Path, cols: tuple[np.ndarray, ...]) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    # Every bucket of more than one pair tries the disk as pairs arrive (the merge runs in this,
    # the client's, process), and the disk is full.
    monkeypatch.setattr(merge, "SPILL_ROWS", 1)
    monkeypatch.setattr(merge, "MIN_BUFFER", 1)
    monkeypatch.setattr(merge, "_write", full)
    opts = ScanOptions(deep=False, use_cache=False, workers=1)
    copts = cluster_scan.ClusterOptions(use_store=False, partition_size=6, files_per_task=8)
    result = cluster_scan.run_scan([lib.root], opts, copts, client=dask_client)
    assert result is not None
    assert sorted(map(set, _groups(result)), key=sorted) == sorted(lib.groups, key=sorted)
    spill = [w for w in result.warnings if "could not be written to disk" in w]
    assert len(spill) == 1, result.warnings
    where = re.escape(str(merge.spill_root() / f"{socket.gethostname()}-{os.getpid()}-"))
    assert re.fullmatch(
        r"The candidate search kept its pairs in memory: they could not be written to disk "
        rf"\({where}\w+/bucket\d+-\d+\.npz: No space left on device\)\. Large scans need free space "
        r"in the cache folder \(or DUPE_VIEWER_CACHE_DIR\)\.",
        spill[0],
    ), spill[0]


def test_addresses() -> None:
    assert parse("local") == ("local", None)
    assert parse("local:3") == ("local", 3)
    assert parse("tcp://10.0.0.1:8786") == ("remote", None)
    for bad in ("local:0", "10.0.0.1", "http://x:1", "local:x"):
        with pytest.raises(ClusterUnavailable):
            parse(bad)


def test_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(ClusterUnavailable, match="cannot reach"), client("tcp://127.0.0.1:9", timeout=1):
        pass


def test_deep_scan_on_the_cluster_matches_one_machine(
    dask_client, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dupe_viewer.core.deep import installed

    monkeypatch.setattr(routing, "ROUTE_ROWS", 4)  # the deep routing on the workers
    from tests.onnx_models import conv_model

    spec = {"id": "tiny", "input_size": 64, "pooling": "gem", "scale": 1 / 255, "resize": "squash",
            "similar_similarity": 0.9}  # fmt: skip
    installed.install_from_file(conv_model(tmp_path / "tiny.onnx", size=64, channels=16), spec)
    lib = PhotoLibrary(tmp_path / "deep")
    for s in range(4):
        lib.original(
            f"orig{s}.png",
            photo(300 + s, (480, 360)),
            variants={f"crops/crop{s}.png": lambda im: im.crop((48, 36, 456, 342))},
        )
    lib.unrelated(8, 500, (480, 360), lambda k: f"other{k}.png")
    opts = ScanOptions(deep=True, use_cache=False, workers=1)
    single = run_scan([lib.root], opts)
    copts = cluster_scan.ClusterOptions(store=str(tmp_path / "store"), partition_size=5, files_per_task=4)
    result = cluster_scan.run_scan([lib.root], opts, copts, client=dask_client)
    assert single is not None and result is not None and result.deep["enabled"]
    assert _groups(result) == _groups(single)
    assert any(len(g.members) == 2 and g.kind == "edited" for g in result.groups)

    # The verified deep scores of the grouped pairs are the single machine's.
    def deep_scores(r) -> dict[tuple[str, str], float]:
        assert r.pairs.deep_similarity is not None
        return {
            tuple(sorted((r.records[i].path, r.records[j].path))): float(d)
            for (i, j), d in zip(r.pairs.ij.tolist(), r.pairs.deep_similarity.tolist(), strict=True)
        }

    ds, dc = deep_scores(single), deep_scores(result)
    for g in single.groups:
        paths = [single.records[m.index].path for m in g.members]
        pair = tuple(sorted(paths[:2]))
        assert dc[pair] == ds[pair]
    # A rescan reads the embeddings back from the shards.
    again = cluster_scan.run_scan([lib.root], opts, copts, client=dask_client)
    assert again is not None and again.stats.decoded == 0 and _groups(again) == _groups(single)


def test_a_local_cluster_leaves_this_process_environment_as_it_was() -> None:
    """The nanny sets its workers' variables here; processes started later must not inherit
    them (MALLOC_TRIM_THRESHOLD_ made a later scan's workers ~25 % slower)."""
    before = dict(os.environ)
    with client("local:1") as c:
        assert c.submit(lambda: os.environ.get("OMP_NUM_THREADS"), pure=False).result() == "1"
    assert dict(os.environ) == before
