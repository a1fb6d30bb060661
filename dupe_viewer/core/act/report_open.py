"""Open a saved scan report (JSON, JSON lines or Parquet) for review: a subset of its groups as a
result the window reviews and acts on like a scan's.

:func:`open_report` reads the report group by group with :func:`.report_stream.read_report` (the
reader ``dupe-viewer eval`` uses; a JSON report is parsed whole, the other two are streamed) and
keeps the groups a :class:`ReportSubset` accepts: a folder (a group with a member under it, as
written or where it really is), kinds, the size of the group's largest file, and a limit on the
number of groups (reading stops there). It is a generator of events with cancel, like a scan:
:class:`ReportProgress` every few hundred groups, then :class:`~..result.Finished` with the
result, or :class:`~..result.Cancelled`.

The result (``ScanResult.source`` set) holds only what the report states: records with each
member's path, size, modification time and image facts (no inode: a report may come from another
machine), the groups with their kinds, similarities, keeper and reasons. Before acting on a file,
the action path re-checks it against that size and modification time (:mod:`.identity`,
:mod:`.survivors`), so a file changed or gone since the report is refused, and the last real copy
rule holds as for a scan. A report written before members carried ``mtime_ns`` cannot vouch for
any file: nothing it lists can be acted on (a warning says so). Regrouping only narrows the stated
groups (:mod:`..group.stated`).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from ..features.perceptual import FEATURE_DTYPE
from ..files.records import ImageRecord
from ..messages import message, of
from ..options import DEFAULT_RULES, GroupingParams, Rule, ScanOptions
from ..result import (
    KINDS,
    REFERENCE,
    Cancelled,
    DupGroup,
    Finished,
    Member,
    PairTable,
    ReportSource,
    ScanResult,
    ScanStats,
)
from .identity import lexical_key, real_key
from .report import REPORT_VERSION
from .report_stream import ReportFormatError, read_report

#: Report extensions that open as reports (a CSV table is not one).
REPORT_EXTENSIONS = (".json", ".jsonl", ".parquet")
#: Groups read between two progress events.
PROGRESS_EVERY = 512
#: Why files of a report without modification times cannot be acted on.
NO_IDENTITY = (
    "this report records no modification times (it was written by an older version): "
    "its files cannot be checked, so none can be trashed or moved from it; rescan the folders"
)


class ReportError(ValueError):
    """A file that is not a report this version can open; the message is one line."""


@dataclass(frozen=True)
class ReportSubset:
    """Which groups of a report to review. Empty fields accept everything."""

    folder: str | None = None  # a group with a member under this folder (real paths too)
    kinds: frozenset[str] = frozenset()  # group kinds (KINDS); empty: all
    min_bytes: int | None = None  # the group's largest file at least this large
    max_bytes: int | None = None  # ... and at most this large
    max_groups: int | None = None  # stop after this many groups


@dataclass
class ReportProgress:
    done: int  # groups read
    total: int  # groups in the report (0: unknown)


ReportEvent = ReportProgress | Finished | Cancelled


def is_report_path(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is an existing file with a report's extension (what opens as a report)."""
    p = os.fspath(path)
    return os.path.isfile(p) and os.path.splitext(p)[1].lower() in REPORT_EXTENSIONS


def _under(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


@dataclass
class _Folder:
    """Whether a path lies in a folder, as written or where it really is (its folder resolved
    once per folder: a report lists many files per folder)."""

    lexical: str
    real: str
    _real_dir: Any = field(init=False)

    def __post_init__(self) -> None:
        self._real_dir = lru_cache(maxsize=65536)(real_key)

    def holds(self, path: str) -> bool:
        lexical = lexical_key(path)
        if _under(lexical, self.lexical) or _under(lexical, self.real):
            return True
        head, tail = os.path.split(lexical)
        return _under(os.path.join(self._real_dir(head), tail), self.real)


def _accepts(g: dict[str, Any], subset: ReportSubset, folder: _Folder | None) -> bool:
    if subset.kinds and g["kind"] not in subset.kinds:
        return False
    if subset.min_bytes is not None or subset.max_bytes is not None:
        largest = max(int(m["bytes"]) for m in g["members"])
        if subset.min_bytes is not None and largest < subset.min_bytes:
            return False
        if subset.max_bytes is not None and largest > subset.max_bytes:
            return False
    return folder is None or any(folder.holds(m["path"]) for m in g["members"])


def _options(header: dict[str, Any]) -> ScanOptions:
    s = header.get("settings") or {}
    rules: tuple[Rule, ...] = DEFAULT_RULES
    # A rule this version does not know: the report's keepers stand anyway.
    with contextlib.suppress(ValueError, KeyError, TypeError):
        rules = tuple(Rule.parse(t) for t in s.get("keep_rules") or ()) or DEFAULT_RULES
    deep = s.get("deep_threshold")
    return ScanOptions(
        threshold=float(s.get("threshold", 0.65)),
        deep_threshold=float(deep) if deep is not None else None,
        keep_rules=rules,
        protected=tuple(s.get("protected") or ()),
    )


def _start(path: str) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    name = os.path.basename(path)
    try:
        header, groups = read_report(path)
    except ReportFormatError as exc:
        raise ReportError(of(exc)) from None
    except UnicodeDecodeError:
        raise ReportError(message("report_not_utf8", name=name)) from None
    except json.JSONDecodeError as exc:
        raise ReportError(message("report_not_json", name=name, detail=exc.msg)) from None
    except OSError as exc:
        raise ReportError(message("report_unreadable", name=name, detail=exc.strerror or str(exc))) from None
    except Exception as exc:  # pyarrow's errors for a file that is not Parquet
        detail = f"{type(exc).__name__}: {exc}"
        raise ReportError(message("report_foreign", name=name, detail=detail)) from None
    if not isinstance(header, dict) or "version" not in header or "roots" not in header:
        raise ReportError(message("report_no_header", name=name))
    if header["version"] != REPORT_VERSION:
        found = str(header["version"])
        raise ReportError(message("report_version", name=name, found=found, wanted=REPORT_VERSION))
    return header, groups


def open_report(
    path: str | os.PathLike[str], subset: ReportSubset | None = None, cancel: threading.Event | None = None
) -> Iterator[ReportEvent]:
    """Read the report at ``path`` (see the module); raises :class:`ReportError` for a file that
    is not one, or a group it cannot read."""
    path = os.path.abspath(os.fspath(path))
    subset = subset or ReportSubset()
    header, groups = _start(path)
    folder = None
    if subset.folder:
        folder = _Folder(lexical_key(subset.folder), real_key(subset.folder))
    total = int((header.get("stats") or {}).get("groups") or 0)
    records: list[ImageRecord] = []
    index: dict[str, int] = {}
    stated: list[DupGroup] = []
    reasons: dict[int, str] = {}
    pairs: list[tuple[int, int, float, str]] = []
    identities = True
    read = 0
    truncated = False
    try:
        yield ReportProgress(0, total)
        for g in groups:
            if cancel is not None and cancel.is_set():
                yield Cancelled(ScanStats())
                return
            read += 1
            if read % PROGRESS_EVERY == 0:
                yield ReportProgress(read, total)
            try:
                if not _accepts(g, subset, folder):
                    continue
                if subset.max_groups is not None and len(stated) >= subset.max_groups:
                    truncated = True
                    break
                members: list[Member] = []
                for m in g["members"]:
                    p = m["path"]
                    i = index.get(p)
                    if i is None:
                        mtime = m.get("mtime_ns")
                        identities = identities and mtime is not None
                        i = index[p] = len(records)
                        records.append(
                            ImageRecord(
                                p,
                                int(m["bytes"]),
                                # -1 matches no file: without its time, a file cannot be vouched for.
                                int(mtime) if mtime is not None else -1,
                                0,
                                0,
                                int(m.get("width") or 0),
                                int(m.get("height") or 0),
                                m.get("format") or "",
                            )
                        )
                    kind = m["kind"]
                    if kind != REFERENCE and kind not in KINDS:
                        raise ValueError(f"unknown kind {kind!r}")
                    members.append(Member(i, float(m["similarity"]), kind))
                    reasons[i] = m.get("reason") or ""
                keep = index[g["keep"]]
                ref = members[0].index
                pairs.extend((ref, m.index, m.similarity, m.kind) for m in members[1:])
                stated.append(DupGroup(int(g["id"]), g["kind"], keep, ref, members))
            except (KeyError, TypeError, ValueError, IndexError) as exc:
                detail = f"{type(exc).__name__}: {exc}"
                name = os.path.basename(path)
                raise ReportError(
                    message("report_bad_group", name=name, number=read, detail=detail)
                ) from None
    except json.JSONDecodeError as exc:
        name = os.path.basename(path)
        raise ReportError(message("report_bad_line", name=name, line=read + 2, detail=exc.msg)) from None
    finally:
        close = getattr(groups, "close", None)
        if close is not None:
            close()  # a JSON-lines report's file
    yield Finished(_result(path, header, records, stated, reasons, pairs, read, truncated, identities))


def _result(
    path: str,
    header: dict[str, Any],
    records: list[ImageRecord],
    stated: list[DupGroup],
    reasons: dict[int, str],
    pairs: list[tuple[int, int, float, str]],
    read: int,
    truncated: bool,
    identities: bool,
) -> ScanResult:
    options = _options(header)
    table = PairTable(
        ij=np.array([(a, b) for a, b, _, _ in pairs], dtype=np.int64).reshape(-1, 2),
        similarity=np.array([s for _, _, s, _ in pairs], dtype=np.float32),
        kinds=np.array([k for _, _, _, k in pairs], dtype="<U7"),
    )
    s = header.get("stats") or {}
    stats = ScanStats(files=int(s.get("files") or 0), errors=int(s.get("errors") or 0), seconds=0.0)
    source = ReportSource(
        path=path,
        saved=os.stat(path).st_mtime,
        header=header,
        groups=tuple(stated),
        reasons=reasons,
        read=read,
        truncated=truncated,
        identities=identities,
    )
    grouping = GroupingParams(
        options.threshold, options.deep_threshold, options.keep_rules, options.protected
    )
    return ScanResult(
        roots=list(header.get("roots") or []),
        options=options,
        grouping=grouping,
        records=records,
        features=np.zeros(len(records), dtype=FEATURE_DTYPE),
        has_features=np.zeros(len(records), dtype=bool),
        pairs=table,
        # Copies of the stated groups: the window's regroups build new ones from source.groups.
        groups=[DupGroup(g.id, g.kind, g.keep, g.reference, list(g.members)) for g in stated],
        errors=[],
        stats=stats,
        warnings=[] if identities or not records else [NO_IDENTITY],
        deep=dict(header.get("deep") or {"enabled": False, "reason": "not in the report"}),
        source=source,
    )
