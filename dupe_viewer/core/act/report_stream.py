"""Streamed reports for very large results: JSON lines (``.jsonl``) and Parquet (``.parquet``).

Both hold the fields of the JSON report (:mod:`.report`), written group by group, so memory
stays bounded however many groups there are:

- **JSON lines**: the first line is the header (:func:`.report.header_dict`: version, roots,
  settings, stats, deep, warnings, errors, skipped; no ``groups``), then one group per line
  (:func:`.report.group_dict`: id, kind, keep, keep_reason, members with suggestion and reason).
- **Parquet**: one row per group, columns ``id``, ``kind``, ``keep``, ``keep_reason`` and
  ``members`` (a list of structs with the member fields); the header is stored as JSON in the
  file's key-value metadata under :data:`PARQUET_HEADER_KEY`. Row groups of
  :data:`PARQUET_BATCH` groups are written as they fill. Parquet strings must be UTF-8, so a file
  name that is not valid UTF-8 is stored with its surrogate escapes spelled out (``\\udcXX``, as
  the JSON report's text spells them) and read back to the same name by :func:`read_report`.

pyarrow is in the ``cluster`` extra and imported only when a Parquet report is written or read.
The format is chosen by the file's extension (:func:`report_format`).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from ..messages import message
from ..options import GroupingParams
from ..result import DupGroup, ScanResult
from .report import group_dict, header_dict, opened_for_report, write_csv, write_json

#: Report formats by extension; a path without one (``/dev/stdout``, a FIFO) gets JSON.
FORMATS = {".json": "json", ".jsonl": "jsonl", ".parquet": "parquet", ".csv": "csv"}
#: The key of the header (JSON) in a Parquet report's metadata.
PARQUET_HEADER_KEY = b"dupe_viewer.report"
#: Groups per Parquet row group: what is held in memory before it is written.
PARQUET_BATCH = 4096

_SURROGATE = re.compile(r"\\udc([89a-f][0-9a-f])")


class ReportFormatError(ValueError):
    """A report path whose extension names no report format, or a missing library."""


def report_format(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """``fmt`` if given, else the format named by ``path``'s extension (one of :data:`FORMATS`'
    values); a path without an extension is JSON. Raises :class:`ReportFormatError` otherwise."""
    if fmt is not None:
        if fmt not in FORMATS.values():
            raise ReportFormatError(f"unknown report format {fmt!r} (use json, jsonl, parquet or csv)")
        return fmt
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if not ext:
        return "json"
    if ext not in FORMATS:
        raise ReportFormatError(
            f"cannot write {os.fspath(path)}: unknown report format {ext!r} "
            "(use .json, .jsonl, .parquet or .csv)"
        )
    return FORMATS[ext]


def pyarrow_modules() -> tuple[Any, Any]:
    """``(pyarrow, pyarrow.parquet)``, or a one-line :class:`ReportFormatError` without them."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ReportFormatError(message("report_needs_pyarrow")) from None
    return pa, pq


def _groups(
    result: ScanResult, groups: Sequence[DupGroup] | None, grouping: GroupingParams | None
) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    listed = result.groups if groups is None else list(groups)
    return header_dict(result, listed, grouping), (group_dict(result, g, grouping) for g in listed)


def write_jsonl(
    result: ScanResult,
    out: str | os.PathLike[str] | IO[str],
    groups: Sequence[DupGroup] | None = None,
    grouping: GroupingParams | None = None,
) -> None:
    """The report of ``groups`` (default: the result's) as JSON lines, to a path or a stream."""
    write_jsonl_rows(*_groups(result, groups, grouping), out)


def write_jsonl_rows(
    header: dict[str, Any], groups: Iterable[dict[str, Any]], out: str | os.PathLike[str] | IO[str]
) -> None:
    """Write a header and group dicts as JSON lines; ``groups`` is consumed one at a time."""
    if isinstance(out, (str, os.PathLike)):
        with opened_for_report(out, encoding="utf-8") as fh:
            write_jsonl_rows(header, groups, fh)
        return
    out.write(json.dumps(header) + "\n")
    for g in groups:
        out.write(json.dumps(g) + "\n")


def write_parquet(
    result: ScanResult,
    out: str | os.PathLike[str] | IO[bytes],
    groups: Sequence[DupGroup] | None = None,
    grouping: GroupingParams | None = None,
) -> None:
    """The report of ``groups`` (default: the result's) as Parquet, to a path or a binary stream."""
    write_parquet_rows(*_groups(result, groups, grouping), out)


def _schema(pa: Any, header: dict[str, Any]) -> Any:
    member = pa.struct(
        [
            ("path", pa.string()),
            ("similarity", pa.float64()),
            ("kind", pa.string()),
            ("width", pa.int64()),
            ("height", pa.int64()),
            ("bytes", pa.int64()),
            ("mtime_ns", pa.int64()),
            ("format", pa.string()),
            ("suggestion", pa.string()),
            ("reason", pa.string()),
        ]
    )
    fields = [
        ("id", pa.int64()),
        ("kind", pa.string()),
        ("keep", pa.string()),
        ("keep_reason", pa.string()),
        ("members", pa.list_(member)),
    ]
    return pa.schema(fields, metadata={PARQUET_HEADER_KEY: json.dumps(header).encode("utf-8")})


def _utf8(value: Any) -> Any:
    """``value`` with lone surrogates (undecodable file-name bytes) spelled ``\\udcXX``."""
    if isinstance(value, str) and not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
    return value


def _row(g: dict[str, Any]) -> dict[str, Any]:
    return {
        **{k: _utf8(g[k]) for k in ("id", "kind", "keep", "keep_reason")},
        "members": [{k: _utf8(v) for k, v in m.items()} for m in g["members"]],
    }


def write_parquet_rows(
    header: dict[str, Any], groups: Iterable[dict[str, Any]], out: str | os.PathLike[str] | IO[bytes]
) -> None:
    """Write a header and group dicts as Parquet, :data:`PARQUET_BATCH` groups per row group."""
    pa, pq = pyarrow_modules()
    if isinstance(out, (str, os.PathLike)):
        with opened_for_report(out, mode="wb") as fh:
            write_parquet_rows(header, groups, fh)
        return
    schema = _schema(pa, header)
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for g in groups:
            batch.append(_row(g))
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        # The last (or only, or empty) batch: an empty report is still a file with the schema.
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))


def write_report(
    result: ScanResult,
    out: str | os.PathLike[str] | IO[Any],
    fmt: str | None = None,
    groups: Sequence[DupGroup] | None = None,
    grouping: GroupingParams | None = None,
) -> None:
    """Write the report in ``fmt``, or the format of ``out``'s extension (:func:`report_format`;
    a stream without ``fmt`` gets JSON; Parquet to a stream needs a binary one)."""
    fmt = report_format(out, fmt) if isinstance(out, (str, os.PathLike)) else (fmt or "json")
    writer = {"json": write_json, "jsonl": write_jsonl, "parquet": write_parquet, "csv": write_csv}
    writer[report_format("", fmt)](result, out, groups, grouping)


def _unescape(value: Any) -> Any:
    if isinstance(value, str) and "\\udc" in value:
        return _SURROGATE.sub(lambda m: chr(0xDC00 + int(m.group(1), 16)), value)
    return value


def read_report(path: str | os.PathLike[str]) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """``(header, groups)`` of a JSON, JSON-lines or Parquet report; ``groups`` yields the group
    dicts one at a time (streamed from JSON lines and Parquet; a JSON report is parsed whole)."""
    fmt = report_format(path)
    if fmt == "csv":
        raise ReportFormatError(message("report_csv", name=os.fspath(path)))
    if fmt == "json":
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        groups = data.pop("groups", [])
        return data, iter(groups)
    if fmt == "jsonl":
        fh = open(path, encoding="utf-8")  # noqa: SIM115 - closed by the generator
        first = fh.readline()
        if not first.strip():
            fh.close()
            raise ReportFormatError(message("report_empty", name=os.fspath(path)))
        return json.loads(first), _jsonl_groups(fh)
    _, pq = pyarrow_modules()
    pf = pq.ParquetFile(path)
    meta = pf.schema_arrow.metadata or {}
    if PARQUET_HEADER_KEY not in meta:
        raise ReportFormatError(message("report_not_parquet", name=os.fspath(path)))
    return json.loads(meta[PARQUET_HEADER_KEY]), _parquet_groups(pf)


def _jsonl_groups(fh: IO[str]) -> Iterator[dict[str, Any]]:
    with fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _parquet_groups(pf: Any) -> Iterator[dict[str, Any]]:
    for batch in pf.iter_batches(batch_size=PARQUET_BATCH):
        for g in batch.to_pylist():
            yield {
                **{k: _unescape(g[k]) for k in ("id", "kind", "keep", "keep_reason")},
                "members": [{k: _unescape(v) for k, v in m.items()} for m in g["members"]],
            }
