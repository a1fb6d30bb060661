"""Pairs saved between cluster scans: a rescan measures only the pairs of new or changed files
(by the single machine's rule and pair store) and gives the groups of a full scan."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.cluster import matching, partitions
from dupe_viewer.core.cluster import scan as cluster_scan
from dupe_viewer.core.match import measure
from tests.core.cluster.shared import described, small_library
from tests.library import PhotoLibrary, photo


@pytest.fixture
def library(tmp_path: Path) -> PhotoLibrary:
    return small_library(tmp_path / "lib", 4, 300, 10, 700)


@pytest.fixture
def measured(monkeypatch) -> list[np.ndarray]:
    """Every candidate pair measured: in this process (the deep-only ones), or in the hash
    search's partitions, as the pairs they return (a hash-only scan gets back those it keeps)."""
    calls: list[np.ndarray] = []
    real, real_scored = measure.measure, partitions.hash_scored

    def counting(feats, cand, **kw):
        calls.append(np.asarray(cand.pairs).copy())
        return real(feats, cand, **kw)

    def scoring(*a, **kw):
        found = real_scored(*a, **kw)
        if found.measured:
            calls.append(found.candidates.pairs.copy())
        return found

    monkeypatch.setattr(measure, "measure", counting)
    monkeypatch.setattr(partitions, "hash_scored", scoring)
    return calls


@pytest.fixture
def asked(monkeypatch) -> list[tuple[list[str], np.ndarray | None]]:
    """Per partitioned matching run: its files and the rows that asked for neighbours."""
    runs: list[tuple[list[str], np.ndarray | None]] = []
    real = matching._match_rows

    def spying(job, rows, *a, **kw):
        runs.append((list(job.paths), None if rows is None else np.asarray(rows).copy()))
        return real(job, rows, *a, **kw)

    monkeypatch.setattr(matching, "_match_rows", spying)
    return runs


def _copts(tmp_path: Path, **kw) -> cluster_scan.ClusterOptions:
    # Small partitions and tasks, so the partitioned search and the merge really run.
    return cluster_scan.ClusterOptions(
        store=str(tmp_path / "store"), partition_size=8, files_per_task=7, **kw
    )


def test_cluster_rescan_with_nothing_changed_measures_nothing(
    library, dask_client, tmp_path, measured
) -> None:
    opts = ScanOptions(deep=False, use_cache=False, workers=1)
    single = run_scan([library.root], opts)
    first = cluster_scan.run_scan([library.root], opts, _copts(tmp_path), client=dask_client)
    assert single is not None and first is not None
    assert measured and sum(len(p) for p in measured) > 0 and first.stats.pairs_reused == 0
    assert list((tmp_path / "store" / "pairs").glob("*.npz"))  # beside the feature shards
    measured.clear()
    second = cluster_scan.run_scan([library.root], opts, _copts(tmp_path), client=dask_client)
    assert second is not None
    assert measured == []  # no candidate pair searched or measured again
    assert second.stats.matched == 0 and second.stats.pairs_reused > 0
    assert described(second) == described(first) == described(single)
    # Without a store nothing is saved: every scan matches everything.
    measured.clear()
    none = cluster_scan.run_scan([library.root], opts, _copts(tmp_path, use_store=False), client=dask_client)
    assert none is not None and measured and none.stats.pairs_reused == 0
    assert described(none) == described(first)


def test_cluster_rescan_matches_only_new_and_changed_files(
    library, dask_client, tmp_path, measured, asked
) -> None:
    opts = ScanOptions(deep=False, use_cache=False, workers=1)
    first = cluster_scan.run_scan([library.root], opts, _copts(tmp_path), client=dask_client)
    assert first is not None
    photo(999, (300, 220)).save(library.root / "other/o3.jpg", quality=80)  # changed
    with Image.open(library.root / "orig/p1.jpg") as im:  # new: a copy of a saved group's photo
        im.resize((200, 150)).save(library.root / "edit/new1.png")
    measured.clear()
    asked.clear()
    second = cluster_scan.run_scan([library.root], opts, _copts(tmp_path), client=dask_client)
    assert second is not None
    assert second.stats.decoded == 2 and second.stats.matched == 2 and second.stats.pairs_reused > 0
    [(paths, rows)] = asked
    assert rows is not None
    fresh = {paths[i] for i in rows.tolist()}
    assert {Path(p).relative_to(library.root).as_posix() for p in fresh} == {"other/o3.jpg", "edit/new1.png"}
    pairs = np.concatenate(measured)
    assert len(pairs) and np.isin(pairs, rows).any(axis=1).all()  # only pairs of the two files
    # The groups a full scan gives: on the cluster without saved pairs, and on one machine.
    full = cluster_scan.run_scan([library.root], opts, _copts(tmp_path, use_store=False), client=dask_client)
    single = run_scan([library.root], opts)
    assert full is not None and single is not None
    assert described(second) == described(full) == described(single)
    assert any(str(library.root / "edit/new1.png") in [p for p, *_ in g[2]] for g in described(second))


def test_deep_cluster_rescan_reuses_verified_pairs(dask_client, tmp_path, measured) -> None:
    from dupe_viewer.core.deep import installed
    from tests.onnx_models import conv_model

    spec = {"id": "tiny", "input_size": 64, "pooling": "gem", "scale": 1 / 255, "resize": "squash",
            "similar_similarity": 0.9}  # fmt: skip
    installed.install_from_file(conv_model(tmp_path / "tiny.onnx", size=64, channels=16), spec)
    lib = PhotoLibrary(tmp_path / "deep")
    for s in range(3):
        lib.original(
            f"orig{s}.png",
            photo(300 + s, (480, 360)),
            variants={f"crops/crop{s}.png": lambda im: im.crop((48, 36, 456, 342))},
        )
    lib.unrelated(6, 500, (480, 360), lambda k: f"other{k}.png")
    opts = ScanOptions(deep=True, use_cache=False, workers=1)
    copts = cluster_scan.ClusterOptions(store=str(tmp_path / "store"), partition_size=5, files_per_task=4)
    first = cluster_scan.run_scan([lib.root], opts, copts, client=dask_client)
    assert first is not None and first.deep["enabled"]
    measured.clear()
    second = cluster_scan.run_scan([lib.root], opts, copts, client=dask_client)
    assert second is not None and measured == [] and second.stats.matched == 0
    assert described(second) == described(first)
    assert any(len(g.members) == 2 and g.kind == "edited" for g in second.groups)


def test_a_hash_only_cluster_scan_measures_no_pair_on_the_client(
    library, dask_client, tmp_path, monkeypatch
) -> None:
    """The partitions measure and score the hash candidates and send back only the pairs kept:
    the client (this process) measures none, and the groups are the single machine's."""
    opts = ScanOptions(deep=False, use_cache=False, workers=1)
    single = run_scan([library.root], opts)
    calls: list[int] = []
    real = measure.measure
    monkeypatch.setattr(measure, "measure", lambda *a, **kw: calls.append(1) or real(*a, **kw))
    got = cluster_scan.run_scan([library.root], opts, _copts(tmp_path, use_store=False), client=dask_client)
    assert single is not None and got is not None and calls == []
    assert described(got) == described(single)
