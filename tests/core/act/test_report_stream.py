"""Streamed reports (JSON lines, Parquet): the JSON report's fields, group by group, in bounded
memory; read back by the engine's reader and by the evaluation tool."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dupe_viewer.core.act import report_stream
from dupe_viewer.core.act.report import header_dict, write_json
from dupe_viewer.core.act.report_stream import (
    ReportFormatError,
    read_report,
    report_format,
    write_jsonl,
    write_jsonl_rows,
    write_parquet,
    write_parquet_rows,
    write_report,
)
from dupe_viewer.evaluation import load_report_groups
from tests.factories import make_result, record

pa = pytest.importorskip("pyarrow")


def _result():
    # Two groups; one name is not valid UTF-8 (its bytes survive as surrogate escapes).
    recs = [record(0), record(1, "/nowhere/caf\udce9.jpg"), record(2), record(3), record(4)]
    return make_result(recs, [(0, 1), (2, 3), (3, 4)], [0.97, 0.9, 0.88])


def _read(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    head, groups = read_report(path)
    return head, list(groups)


@pytest.mark.parametrize("ext", ["jsonl", "parquet"])
def test_the_streamed_report_holds_the_json_report(tmp_path: Path, ext: str) -> None:
    result = _result()
    write_json(result, tmp_path / "r.json")
    write_report(result, tmp_path / f"r.{ext}")
    head, groups = _read(tmp_path / f"r.{ext}")
    assert (head, groups) == _read(tmp_path / "r.json")
    assert len(groups) == 2 and head["stats"]["groups"] == 2
    assert {m["path"] for g in groups for m in g["members"]} >= {"/nowhere/caf\udce9.jpg"}
    assert {m["suggestion"] for g in groups for m in g["members"]} >= {"keep"}
    # The evaluation tool reads it without the engine, to the same groups.
    assert load_report_groups(tmp_path / f"r.{ext}") == load_report_groups(tmp_path / "r.json")


def test_a_parquet_report_is_a_table_other_tools_read(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    write_parquet(_result(), tmp_path / "r.parquet")
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.column_names == ["id", "kind", "keep", "keep_reason", "members"]
    assert table.num_rows == 2
    assert json.loads(table.schema.metadata[b"dupe_viewer.report"])["version"] == 1


def test_an_empty_result_writes_a_readable_report(tmp_path: Path) -> None:
    empty = make_result([record(0), record(1)], [], [])
    for ext in ("jsonl", "parquet"):
        write_report(empty, tmp_path / f"e.{ext}")
        head, groups = _read(tmp_path / f"e.{ext}")
        assert groups == [] and head["stats"]["files"] == 2


def test_jsonl_to_a_stream_is_a_header_line_then_a_line_per_group() -> None:
    out = io.StringIO()
    write_jsonl(_result(), out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 3 and "groups" not in json.loads(lines[0])
    assert [json.loads(line)["id"] for line in lines[1:]] == [1, 2]


def test_the_format_comes_from_the_extension() -> None:
    assert [report_format(f"r{e}") for e in (".json", ".JSONL", ".parquet", ".csv", "")] == [
        "json",
        "jsonl",
        "parquet",
        "csv",
        "json",  # no extension: /dev/stdout, a FIFO
    ]
    assert report_format("r.json", "parquet") == "parquet"
    with pytest.raises(ReportFormatError, match=r"unknown report format '\.txt' \(use \.json"):
        report_format("out.txt")
    with pytest.raises(ReportFormatError, match="unknown report format 'xml'"):
        report_format("out.json", "xml")


def _synthetic(n: int) -> Iterator[dict[str, Any]]:
    """``n`` groups of three members, made one at a time (as a huge scan's groups are written)."""
    for k in range(n):
        yield {
            "id": k + 1,
            "kind": "near",
            "keep": f"/data/set/{k:08d}/a.jpg",
            "keep_reason": "Largest file in the group; the others are copies of it.",
            "members": [
                {
                    "path": f"/data/set/{k:08d}/{name}.jpg",
                    "similarity": 1.0 - j * 0.01,
                    "kind": "near",
                    "width": 1920,
                    "height": 1080,
                    "bytes": 400_000 + j,
                    "format": "JPEG",
                    "suggestion": "keep" if j == 0 else "trash",
                    "reason": "A smaller copy of the file kept in this group.",
                }
                for j, name in enumerate(("a", "b", "c"))
            ],
        }


def _peak(writer: Any, path: Path, n: int) -> int:
    """Peak Python memory (tracemalloc) and Arrow memory while ``writer`` writes ``n`` groups."""
    header = header_dict(make_result([record(0)], [], []))
    pool = pa.default_memory_pool()
    arrow_before = pool.bytes_allocated()
    tracemalloc.start()
    try:
        writer(header, _synthetic(n), path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Arrow's buffers are outside tracemalloc; what it still holds after writing counts too.
    return peak + max(0, pool.bytes_allocated() - arrow_before)


@pytest.mark.parametrize("writer", [write_jsonl_rows, write_parquet_rows], ids=["jsonl", "parquet"])
def test_the_writer_streams_in_bounded_memory(
    tmp_path: Path, writer: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report_stream, "PARQUET_BATCH", 1000)
    n = 10_000
    text = sum(len(json.dumps(g)) for g in _synthetic(n))  # about 8 MB of JSON
    out = tmp_path / ("r.parquet" if writer is write_parquet_rows else "r.jsonl")
    peak = _peak(writer, out, n)
    # Holding the groups (as dicts, or as one text) would take more than the text; a writer
    # that streams holds one group, or one Parquet row group (a tenth of them here).
    assert peak < text / 4, (peak, text)
    head, groups = read_report(out)
    assert sum(1 for _ in groups) == n and head["version"] == 1


def test_parquet_without_pyarrow_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from dupe_viewer.cli import main

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ReportFormatError, match=r"Parquet reports need pyarrow: pip install"):
        write_report(_result(), tmp_path / "r.parquet")
    assert not (tmp_path / "r.parquet").exists()
    assert main(["scan", str(tmp_path), "-q", "--no-deep", "--report", str(tmp_path / "r.parquet")]) == 2
