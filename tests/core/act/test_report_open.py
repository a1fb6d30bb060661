"""Opening a saved report for review: the three formats, made by a real scan, read back to the
groups they state, filtered by folder, kind, size and a group limit; the action path re-checks
each file against the report; regrouping only narrows the stated groups."""

from __future__ import annotations

import importlib.util
import json
import os
import threading
from pathlib import Path

import pytest

from dupe_viewer.core import Finished, ScanOptions, regroup, scan
from dupe_viewer.core.act import actions
from dupe_viewer.core.act.report_open import (
    ReportError,
    ReportProgress,
    ReportSubset,
    is_report_path,
    open_report,
)
from dupe_viewer.core.act.report_stream import write_report
from dupe_viewer.core.group.regroup import excluded_pairs, reasons
from dupe_viewer.core.group.stated import StatedReason, parse_reason
from dupe_viewer.core.result import Cancelled
from tests.library import PhotoLibrary, photo

NO_PYARROW = importlib.util.find_spec("pyarrow") is None
FORMATS = [
    "json",
    "jsonl",
    pytest.param("parquet", marks=pytest.mark.skipif(NO_PYARROW, reason="no pyarrow")),
]


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory):
    """A real scan of generated photos: an exact copy in backup/, resized copies in phone/."""
    root = tmp_path_factory.mktemp("photos")
    lib = PhotoLibrary(root)
    for n, seed in enumerate((11, 22, 33)):
        lib.original(
            f"orig{n}.jpg",
            photo(seed, (480, 360)),
            variants={f"phone/small{n}.jpg": (lambda img: img.resize((240, 180)), {"quality": 70})},
            copies=["backup/orig0.jpg"] if n == 0 else [],
            quality=95,
        )
    lib.original("solo.jpg", photo(44, (480, 360)), copies=["backup/solo.jpg"], quality=90)
    lib.write("other.png", photo(101, (360, 480)))
    result = next(
        e.result for e in scan([str(root)], ScanOptions(use_cache=False)) if isinstance(e, Finished)
    )
    assert len(result.groups) == 4
    return root, result


def _open(path: Path, subset: ReportSubset | None = None):
    events = list(open_report(path, subset))
    assert isinstance(events[0], ReportProgress) and isinstance(events[-1], Finished)
    return events[-1].result


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_opens_to_the_groups_it_states(tmp_path: Path, scanned, fmt: str) -> None:
    _root, result = scanned
    write_report(result, tmp_path / f"r.{fmt}")
    assert is_report_path(tmp_path / f"r.{fmt}")
    opened = _open(tmp_path / f"r.{fmt}")
    assert opened.source is not None and opened.source.identities and not opened.warnings
    assert opened.roots == result.roots
    stated = {frozenset(opened.records[i].path for i in g.indices): g for g in opened.groups}
    for g in result.groups:
        mine = stated[frozenset(result.records[i].path for i in g.indices)]
        assert opened.records[mine.keep].path == result.records[g.keep].path
        assert mine.kind == g.kind
        sims = {opened.records[m.index].path: (m.kind, m.similarity) for m in mine.members}
        for m in g.members:
            kind, sim = sims[result.records[m.index].path]
            assert kind == m.kind and sim == pytest.approx(m.similarity, abs=1e-4)
        # Each record carries what the action path re-checks: size and modification time.
        by_path = {result.records[x.index].path: result.records[x.index] for x in g.members}
        for m in mine.members:
            rec = opened.records[m.index]
            assert (rec.size, rec.mtime_ns) == (by_path[rec.path].size, by_path[rec.path].mtime_ns)
        # The reasons are the report's, back in the engine's codes.
        said = reasons(opened, mine)
        assert {r.text for r in said.values()} == {r.text for r in reasons(result, g).values()}
        assert not any(isinstance(r, StatedReason) for r in said.values())
    # Regrouping at the report's own thresholds gives its groups back.
    assert [g.indices for g in regroup(opened)] == [g.indices for g in opened.groups]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_subset_filters(tmp_path: Path, scanned, fmt: str) -> None:
    root, result = scanned
    write_report(result, tmp_path / f"r.{fmt}")
    r = tmp_path / f"r.{fmt}"
    kinds = {g.kind for g in result.groups}
    assert "exact" in kinds
    exact = _open(r, ReportSubset(kinds=frozenset({"exact"})))
    assert [g.kind for g in exact.groups] == ["exact"]
    # By folder: only the groups with a file in backup/, whole (their copies are the survivors).
    backup = _open(r, ReportSubset(folder=str(root / "backup")))
    assert sorted(len(g.members) for g in backup.groups) == [2, 3]
    # Real-path aware: the same folder through a symbolic link.
    os.symlink(root, tmp_path / "link")
    assert len(_open(r, ReportSubset(folder=str(tmp_path / "link" / "backup"))).groups) == 2
    assert _open(r, ReportSubset(folder=str(root / "nowhere"))).groups == []
    # By size of the group's largest file.
    largest = sorted(max(result.records[i].size for i in g.indices) for g in result.groups)
    sized = _open(r, ReportSubset(min_bytes=largest[-1]))
    assert len(sized.groups) == 1
    assert len(_open(r, ReportSubset(max_bytes=largest[0])).groups) == 1
    # A limit stops the reading.
    limited = _open(r, ReportSubset(max_groups=2))
    assert len(limited.groups) == 2 and limited.source.truncated
    assert len(limited.records) == sum(len(g.members) for g in limited.groups)


def test_cancel_stops_the_reading(tmp_path: Path, scanned) -> None:
    write_report(scanned[1], tmp_path / "r.jsonl")
    cancel = threading.Event()
    cancel.set()
    events = list(open_report(tmp_path / "r.jsonl", cancel=cancel))
    assert isinstance(events[-1], Cancelled)


def test_a_file_changed_since_the_report_is_not_trashed(tmp_path: Path, scanned, trash_dir) -> None:
    root, result = scanned
    write_report(result, tmp_path / "r.json")
    opened = _open(tmp_path / "r.json", ReportSubset(folder=str(root / "phone")))
    g = opened.groups[0]
    loser = next(m.index for m in g.members if m.index != g.keep)
    path = opened.records[loser].path
    os.utime(path, ns=(0, 10**18))  # touched since the report
    groups = [[actions.Target.of(opened.records[m.index]) for m in x.members] for x in opened.groups]
    out = actions.execute([actions.Target.of(opened.records[loser])], groups, actions.TRASH, None)
    assert not out[0].ok and "changed since the scan" in out[0].reason
    assert os.path.exists(path)
    # An unchanged file of the report is trashed, with a real copy left behind.
    other = _open(tmp_path / "r.json", ReportSubset(kinds=frozenset({"exact"})))
    g = other.groups[0]
    copy = next(m.index for m in g.members if m.index != g.keep)
    groups = [[actions.Target.of(other.records[m.index]) for m in g.members]]
    out = actions.execute([actions.Target.of(other.records[copy])], groups, actions.TRASH, None)
    assert out[0].ok and not os.path.exists(other.records[copy].path)
    assert os.path.exists(other.records[g.keep].path)
    # The last copy: the kept file is now alone in its group and is refused.
    out = actions.execute([actions.Target.of(other.records[g.keep])], groups, actions.TRASH, None)
    assert not out[0].ok and os.path.exists(other.records[g.keep].path)


def test_a_report_without_modification_times_vouches_for_no_file(tmp_path: Path, scanned) -> None:
    write_report(scanned[1], tmp_path / "r.json")
    data = json.loads((tmp_path / "r.json").read_text())
    for g in data["groups"]:
        for m in g["members"]:
            del m["mtime_ns"]
    (tmp_path / "old.json").write_text(json.dumps(data))
    opened = _open(tmp_path / "old.json")
    assert not opened.source.identities and opened.warnings
    assert all(r.mtime_ns == -1 for r in opened.records)


def test_sliders_only_tighten_and_gone_files_leave(tmp_path: Path, scanned) -> None:
    write_report(scanned[1], tmp_path / "r.json")
    opened = _open(tmp_path / "r.json")
    looser = regroup(opened, opened.grouping.__class__(threshold=0.3))
    assert [g.indices for g in looser] == [g.indices for g in opened.groups]
    loose = [m.similarity for g in opened.groups for m in g.members if m.kind not in ("reference", "exact")]
    weakest = min(loose)
    assert weakest < 1.0
    tight = regroup(opened, opened.grouping.__class__(threshold=weakest + 1e-6))
    left = [m.similarity for g in tight for m in g.members if m.kind not in ("reference", "exact")]
    assert sorted(left) == sorted(x for x in loose if x > weakest)
    # Byte-identical copies stay whatever the threshold.
    assert sum(g.kind == "exact" for g in regroup(opened, opened.grouping.__class__(threshold=1.0))) >= 1
    # A gone reference: its copies stay together.
    g = next(g for g in opened.groups if len(g.members) == 3)
    gone = excluded_pairs(opened.pairs, (), {g.reference})
    left = next(x for x in regroup(opened, None, gone) if x.id == g.id)
    assert g.reference not in left.indices and len(left.members) == 2


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("not json at all", "not valid JSON"),
        ('{"some": "thing"}', "not a dupe-viewer report"),
        ('{"version": 9, "roots": []}', "version 9"),
        ('{"version": 1, "roots": [], "groups": [{"id": 1}]}', "group 1 cannot be read"),
    ],
)
def test_a_broken_or_foreign_file_is_a_one_line_error(tmp_path: Path, content: str, says: str) -> None:
    (tmp_path / "x.json").write_text(content)
    with pytest.raises(ReportError, match=says) as err:
        list(open_report(tmp_path / "x.json"))
    assert "\n" not in str(err.value)


def test_a_foreign_parquet_file_is_refused(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"a": [1]}), tmp_path / "x.parquet")
    with pytest.raises(ReportError, match="not a dupe-viewer Parquet report"):
        list(open_report(tmp_path / "x.parquet"))
    (tmp_path / "y.parquet").write_text("nope")
    with pytest.raises(ReportError, match="not a dupe-viewer report"):
        list(open_report(tmp_path / "y.parquet"))


def test_reasons_read_back_into_codes() -> None:
    r = parse_reason("kept: the camera original (Canon EOS 5D)")
    assert r.code == "keep_camera" and r.params == {"camera": "Canon EOS 5D"}
    odd = parse_reason("something another tool wrote")
    assert isinstance(odd, StatedReason) and odd.text == "something another tool wrote"
