"""The scan report: JSON (schema version 1, documented in the README) and CSV; the streamed
JSON-lines and Parquet forms of the same fields are in :mod:`.report_stream`.

JSON is written group by group so a report of a huge scan never needs a second copy of the
result in memory. A report written to a path replaces a regular file only once it is complete
(written next to it, then renamed over it); a path that is not a regular file (a terminal, a pipe,
``/dev/null``, ``/dev/stdout``) is written in place, never replaced by a file. File names that
are not valid UTF-8 are written with Python's surrogate escapes (``\\udcXX``) in JSON, and as
their original bytes in CSV.
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any

from ..group.reasons import relations, suggestion
from ..group.regroup import reasons
from ..options import GroupingParams
from ..result import DupGroup, ScanResult

REPORT_VERSION = 1


def decisions(
    result: ScanResult, group: DupGroup, grouping: GroupingParams | None = None
) -> dict[int, tuple[str, str]]:
    """Record index -> (suggestion, reason) for every member: what the window pre-selects
    ("keep", "trash" or "decide") and why, in one English sentence."""
    grouping = grouping or result.grouping
    why = reasons(result, group, grouping)
    rels = relations(group)
    return {
        m.index: (suggestion(group, m.index, grouping.protected, result.records, rels), why[m.index].text)
        for m in group.members
    }


def group_dict(result: ScanResult, group: DupGroup, grouping: GroupingParams | None = None) -> dict[str, Any]:
    recs = result.records
    decided = decisions(result, group, grouping)
    return {
        "id": group.id,
        "kind": group.kind,
        "keep": recs[group.keep].path,
        "keep_reason": decided[group.keep][1],
        "members": [
            {
                "path": recs[m.index].path,
                "similarity": round(float(m.similarity), 4),
                "kind": m.kind,
                "width": recs[m.index].width,
                "height": recs[m.index].height,
                "bytes": recs[m.index].size,
                # With the size, what the window re-checks before acting on a report's file.
                "mtime_ns": recs[m.index].mtime_ns,
                "format": recs[m.index].format,
                "suggestion": decided[m.index][0],
                "reason": decided[m.index][1],
            }
            for m in group.members
        ],
    }


def header_dict(
    result: ScanResult, groups: list[DupGroup] | None = None, grouping: GroupingParams | None = None
) -> dict[str, Any]:
    """Everything but the groups. ``groups`` and ``grouping`` (default: the result's own) are
    what the report lists: the window exports the groups it shows, at its sliders' thresholds."""
    s = result.stats
    groups = result.groups if groups is None else groups
    return {
        "version": REPORT_VERSION,
        "roots": result.roots,
        "settings": result.options.with_grouping(grouping or result.grouping).to_dict(),
        "stats": {
            "files": s.files,
            "from_cache": s.from_cache,
            "decoded": s.decoded,
            "copies": s.copies,
            "errors": s.errors,
            "seconds": s.seconds,
            "groups": len(groups),
            "duplicates": sum(len(g.members) - 1 for g in groups),
        },
        "deep": result.deep,
        "warnings": result.warnings,
        "errors": [{"path": e.path, "error": e.error} for e in result.errors],
        # Files of formats not read, by extension (".mp4"; "" for none), most frequent first.
        "skipped": {
            "files": sum(result.skipped.values()),
            "by_extension": {f".{ext}" if ext else "": n for ext, n in result.skipped.items()},
        },
    }


def write_json(
    result: ScanResult,
    out: str | os.PathLike[str] | IO[str],
    groups: Sequence[DupGroup] | None = None,
    grouping: GroupingParams | None = None,
) -> None:
    """Write the report of ``groups`` built with ``grouping`` (default: the result's own)."""
    if isinstance(out, (str, os.PathLike)):
        with opened_for_report(out, encoding="utf-8") as fh:
            write_json(result, fh, groups, grouping)
        return
    groups = result.groups if groups is None else list(groups)
    head = header_dict(result, groups, grouping)
    text = json.dumps(head, indent=1)
    out.write(text[: text.rindex("}")].rstrip() + ',\n "groups": [')
    first = True
    for g in groups:
        out.write(("\n  " if first else ",\n  ") + json.dumps(group_dict(result, g, grouping)))
        first = False
    out.write("\n ]\n}\n")


CSV_FIELDS = (
    "group",
    "group_kind",
    "action",
    "path",
    "similarity",
    "kind",
    "width",
    "height",
    "bytes",
    "format",
    "taken",
    "suggestion",
    "reason",
)


def in_place(path: str | os.PathLike[str]) -> bool:
    """Whether a report to ``path`` must be written into it rather than replace it: it exists
    and is not a regular file, or it names an open descriptor (``/dev/stdout``, ``/dev/fd/N``,
    ``/proc/self/fd/N``: whatever that points at belongs to the caller)."""
    absolute = os.path.abspath(path)
    if os.name == "posix" and absolute.startswith(("/dev/", "/proc/")):
        return True
    try:
        return not stat.S_ISREG(os.stat(absolute).st_mode)
    except FileNotFoundError:
        return False


@contextlib.contextmanager
def opened_for_report(path: str | os.PathLike[str], mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    """A stream for a report at ``path`` (``mode`` "w" or "wb"; ``kwargs`` as for :func:`open`): in place for
    :func:`in_place` paths; otherwise a file next to the target, renamed over it once complete
    (a failed write leaves the old report, or none, never half of one; a symbolic link keeps
    pointing at the report)."""
    if in_place(path):
        with open(path, mode, **kwargs) as fh:
            yield fh
        return
    target = os.path.realpath(path)
    tmp = f"{target}.{os.getpid()}.tmp"
    try:
        with open(tmp, mode, **kwargs) as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_csv(
    result: ScanResult,
    out: str | os.PathLike[str] | IO[str],
    groups: Iterable[DupGroup] | None = None,
    grouping: GroupingParams | None = None,
) -> None:
    """Write one row per member (:data:`CSV_FIELDS`) to a path or an open text stream."""
    if isinstance(out, (str, os.PathLike)):
        # surrogateescape writes non-UTF-8 file names back as the bytes they are on disk.
        with opened_for_report(out, encoding="utf-8", errors="surrogateescape", newline="") as fh:
            write_csv(result, fh, groups, grouping)
        return
    w = csv.writer(out)
    w.writerow(CSV_FIELDS)
    for g in result.groups if groups is None else groups:
        decided = decisions(result, g, grouping)
        for m in g.members:
            r = result.records[m.index]
            w.writerow(
                [
                    g.id,
                    g.kind,
                    "keep" if m.index == g.keep else "duplicate",
                    r.path,
                    f"{m.similarity:.4f}",
                    m.kind,
                    r.width,
                    r.height,
                    r.size,
                    r.format,
                    r.taken or "",
                    *decided[m.index],
                ]
            )


def load_json(path: str | os.PathLike[str]) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)
