"""The action journal: one JSON line per file acted on, written as it happens.

``paths.data_dir()/journal.jsonl`` records every trash, move and undo with the file's identity
and outcome, so a crash mid-batch still leaves a record and moves can be undone
(:func:`.actions.undo_moves`).
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import paths

#: What was done to a file (``action``) and how it went (``outcome``).
TRASH = "trash"
MOVE = "move"
UNDO = "undo"
OK = "ok"
SKIPPED = "skipped"
FAILED = "failed"

JOURNAL_NAME = "journal.jsonl"


def journal_path() -> Path:
    return paths.data_dir() / JOURNAL_NAME


class Journal:
    """Appends one JSON object per line; each line is flushed as soon as it is written."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else journal_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "a", encoding="utf-8")  # noqa: SIM115 - closed in close()

    def write(self, entry: dict[str, Any]) -> None:
        # ensure_ascii keeps non-UTF-8 file names (surrogate escapes) representable as \udcXX.
        self._fh.write(json.dumps(entry, ensure_ascii=True) + "\n")
        self._fh.flush()

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.fsync(self._fh.fileno())
        self._fh.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def timestamp() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def read_journal(path: str | os.PathLike[str] | None = None) -> list[dict[str, Any]]:
    """Every entry of the journal, oldest first; damaged lines are ignored."""
    path = Path(path) if path is not None else journal_path()
    entries: list[dict[str, Any]] = []
    try:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if isinstance(entry, dict):
                    entries.append(entry)
    except FileNotFoundError:
        pass
    return entries


def undoable_moves(entries: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Successful moves not undone since, by batch id (oldest batch first)."""
    undone = {
        (e.get("source"), e.get("destination"))
        for e in entries
        if e.get("action") == UNDO and e.get("outcome") == OK
    }
    batches: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        if e.get("action") != MOVE or e.get("outcome") != OK or not e.get("destination"):
            continue
        # An undo entry goes from the moved location back to the original one.
        if (e["destination"], e["source"]) in undone:
            continue
        batches.setdefault(str(e.get("batch", "")), []).append(e)
    return batches
