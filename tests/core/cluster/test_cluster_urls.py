"""A cluster scan of fsspec URLs (``file://`` here) finds the groups a scan of the same files by
path finds; its store keys objects by URL, so a rescan decodes only the changed object; a corrupt
object costs that object only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytest.importorskip("distributed")
pytest.importorskip("pyarrow")
pytest.importorskip("fsspec")

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.cluster import scan as cluster_scan
from tests.core.cluster.shared import small_library
from tests.library import PhotoLibrary, photo


@pytest.fixture
def library(tmp_path: Path) -> PhotoLibrary:
    return small_library(tmp_path / "lib", 3, 400, 5, 800)


def _url(path: str | Path) -> str:
    return f"file://{Path(path).as_posix()}"


def _groups(result, to_url=lambda p: p) -> list[tuple[str, ...]]:
    return sorted(tuple(to_url(result.records[m.index].path) for m in g.members) for g in result.groups)


def test_file_urls_give_the_groups_of_the_same_paths(library, dask_client, tmp_path) -> None:
    opts = ScanOptions(deep=False, use_cache=False, workers=1)
    single = run_scan([library.root], opts)
    copts = cluster_scan.ClusterOptions(store=str(tmp_path / "store"), partition_size=8, files_per_task=5)
    result = cluster_scan.run_scan([_url(library.root)], opts, copts, client=dask_client)
    assert single is not None and result is not None
    assert all(r.path.startswith("file://") for r in result.records)
    assert result.stats.files == single.stats.files == 17
    assert _groups(result) == _groups(single, _url)
    assert result.stats.copies == single.stats.copies == 3  # byte-identical objects found as such
    assert not result.errors


def test_rescan_decodes_only_the_changed_object_and_a_corrupt_one_costs_itself(
    library, dask_client, tmp_path
) -> None:
    opts = ScanOptions(deep=False, workers=1)
    copts = cluster_scan.ClusterOptions(store=str(tmp_path / "store"), files_per_task=5)
    root = _url(library.root)
    first = cluster_scan.run_scan([root], opts, copts, client=dask_client)
    assert first is not None and first.stats.decoded == 14  # 17 objects, 3 of them copies
    changed = library.root / "other/o2.jpg"
    photo(999, (300, 220)).save(changed, quality=80)
    stat = changed.stat()
    os.utime(changed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # a clock-tick-proof change
    bad = library.root / "other/bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg" + os.urandom(300))
    second = cluster_scan.run_scan([root], opts, copts, client=dask_client)
    assert second is not None
    assert second.stats.decoded == 2  # the changed object and the new corrupt one
    assert [(e.path, "\n" in e.error) for e in second.errors] == [(_url(bad), False)]
    assert _groups(second) == _groups(first)


def test_scan_command_scans_urls_with_dask_and_says_they_are_report_only(library, tmp_path, capsys) -> None:
    from dupe_viewer.cli import main

    report = tmp_path / "report.json"
    assert main(["scan", _url(library.root / "orig"), _url(library.root / "copy"), "--dask", "local:1",
                 "--no-cache", "--no-deep", "-q", "--report", str(report)]) == 0  # fmt: skip
    assert report.is_file() and "file://" in report.read_text()
    capsys.readouterr()
    assert main(["scan", _url(library.root / "orig"), _url(library.root / "copy"), "--dask", "local:1",
                 "--no-cache", "--no-deep"]) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert "6 group members are remote objects: report only, nothing can be moved or trashed" in err
