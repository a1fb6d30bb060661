"""The action journal: for each file acted on, an intent before and an outcome after, signed.

``paths.data_dir()/journal.jsonl`` records every trash, move and undo with the file's identity.
For each file an *intent* line (``outcome: "pending"``) is written and fsync'd before the file is
touched, and an *outcome* line after, both with the same ``id``: a crash, a kill or a full disk
between the two leaves an intent without outcome, which :func:`read_journal` reports with where
the file is now (``now``). A file whose intent cannot be written is not acted on.

Lines are appended with one ``write`` on an ``O_APPEND`` descriptor, so two processes sharing the
journal never interleave within a line. Each line carries an HMAC (``sig``, SHA-256) under a
per-user key kept beside the journal (``journal.key``, mode 0600, created on first use): undo
(:mod:`.undo`) trusts only lines this program wrote. Lines without a signature are accepted as
written by an older version only while no signed line precedes them.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from types import TracebackType
from typing import Any

from .. import paths

#: What was done to a file (``action``) and how it went (``outcome``).
TRASH = "trash"
MOVE = "move"
UNDO = "undo"
OK = "ok"
SKIPPED = "skipped"
FAILED = "failed"
#: The outcome of an intent line: the file was about to be acted on.
PENDING = "pending"
#: ``kind`` of a line: written before acting on a file, or after.
INTENT = "intent"
OUTCOME = "outcome"

#: How far a line read back is trusted (``trust``, added by :func:`read_journal`).
SIGNED = "signed"
LEGACY = "legacy"  # unsigned, before any signed line: written by an older version
UNSIGNED = "unsigned"  # unsigned after signed lines: not written by this program
FORGED = "bad signature"

#: Where the file of an intent without outcome is now (``now``, added by :func:`read_journal`).
AT_SOURCE = "source"
AT_DESTINATION = "destination"
AT_BOTH = "both"  # a move stopped between its hard link and the unlink
GONE = "gone"  # neither: for a trash, presumably in the trash

JOURNAL_NAME = "journal.jsonl"
KEY_NAME = "journal.key"
LOCK_NAME = "journal.lock"
#: Keys :func:`read_journal` adds to an entry: never signed.
READER_KEYS = frozenset({"sig", "trust", "now"})


def journal_path() -> Path:
    return paths.data_dir() / JOURNAL_NAME


def _append(fd: int, data: bytes) -> None:
    """Append one whole line with one write (a seam the fault tests make fail)."""
    while data:
        data = data[os.write(fd, data) :]


def load_key(folder: str | os.PathLike[str], create: bool = False) -> bytes | None:
    """The signing key of the journals in ``folder``; made (mode 0600) if absent and ``create``.

    Raises OSError when it cannot be read or made, or is damaged (then nothing can be signed).
    """
    path = Path(folder) / KEY_NAME
    for _attempt in range(2):
        try:
            text = path.read_text(encoding="ascii").strip()
        except FileNotFoundError:
            if not create:
                return None
            _make_key(path)
            continue
        try:
            key = bytes.fromhex(text)
        except ValueError:
            key = b""
        if len(key) < 16:
            raise OSError(f"the journal key {path} is damaged")
        return key
    raise OSError(f"the journal key {path} cannot be created")


def _make_key(path: Path) -> None:
    # Written whole under a temporary name, then linked into place: a second process making a key
    # at the same time never sees half a key, and never replaces the one that won.
    tmp = path.with_name(f".{KEY_NAME}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, secrets.token_hex(32).encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass
    except OSError:  # no hard links here: a rename, unless a key appeared meanwhile
        if not path.exists():
            os.rename(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _payload(entry: dict[str, Any]) -> bytes:
    signed = {k: v for k, v in entry.items() if k not in READER_KEYS}
    return json.dumps(signed, sort_keys=True, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def signature(key: bytes, entry: dict[str, Any]) -> str:
    return hmac.new(key, _payload(entry), hashlib.sha256).hexdigest()


def authentic(key: bytes | None, entry: dict[str, Any]) -> bool:
    """Whether ``entry`` carries a valid signature under ``key``."""
    sig = entry.get("sig")
    if key is None or not isinstance(sig, str):
        return False
    try:
        return hmac.compare_digest(sig, signature(key, entry))
    except (TypeError, ValueError):  # a value JSON cannot hold, or a non-ASCII signature
        return False


class Journal:
    """Appends signed JSON lines; an intent is fsync'd before it returns.

    Never raises on opening: :attr:`error` says why the journal cannot be written (then every
    :meth:`intent` raises it, so nothing is acted on), and :meth:`record` returns its error.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else journal_path()
        self.error: OSError | None = None
        self._fd = -1
        self._key = b""
        self._torn = False  # a failed write may have left half a line: the next starts afresh
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._key = load_key(self.path.parent, create=True) or b""
            flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
            self._fd = os.open(self.path, flags, 0o600)
        except OSError as exc:
            self.error = exc

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(LOCK_NAME)

    def intent(self, entry: dict[str, Any]) -> None:
        """Write (and fsync) the intent to act on one file; raises OSError if it is not on disk."""
        self._write({**entry, "kind": INTENT, "outcome": PENDING}, sync=True)

    def record(self, entry: dict[str, Any]) -> OSError | None:
        """Write what happened to one file; returns the error instead of raising it."""
        try:
            self._write({**entry, "kind": OUTCOME}, sync=False)
        except OSError as exc:
            return exc
        return None

    def _write(self, entry: dict[str, Any], sync: bool) -> None:
        if self.error is not None:
            raise self.error
        entry["sig"] = signature(self._key, entry)
        # ensure_ascii keeps non-UTF-8 file names (surrogate escapes) representable as \udcXX.
        line = ("\n" if self._torn else "") + json.dumps(entry, ensure_ascii=True) + "\n"
        try:
            _append(self._fd, line.encode("ascii"))
            if sync:
                os.fsync(self._fd)
        except OSError:
            self._torn = True
            raise
        self._torn = False

    def close(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Journal:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def timestamp() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def read_journal(path: str | os.PathLike[str] | None = None) -> list[dict[str, Any]]:
    """One entry per file acted on, oldest first; damaged lines are ignored.

    An intent and its outcome are one entry (the outcome line). An intent without outcome stays,
    with ``outcome: "pending"`` and ``now``: where its file is (:data:`AT_SOURCE`...). Every entry
    gets ``trust`` (:data:`SIGNED`, :data:`LEGACY`, :data:`UNSIGNED` or :data:`FORGED`).
    """
    path = Path(path) if path is not None else journal_path()
    try:
        key = load_key(path.parent)
    except OSError:
        key = None
    slots: list[dict[str, Any] | None] = []
    open_intents: dict[str, int] = {}  # id -> slot of its intent, until its outcome is read
    signed_seen = False
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if not isinstance(entry, dict):
                    continue
                if "sig" in entry:
                    signed_seen = True
                    entry["trust"] = SIGNED if authentic(key, entry) else FORGED
                else:
                    entry["trust"] = UNSIGNED if signed_seen else LEGACY
                ident = entry.get("id")
                if isinstance(ident, str) and ident in open_intents:
                    slots[open_intents.pop(ident)] = None  # superseded by what came after
                if isinstance(ident, str) and entry.get("kind") == INTENT:
                    open_intents[ident] = len(slots)
                slots.append(entry)
    except FileNotFoundError:
        pass
    for slot in open_intents.values():
        entry = slots[slot]
        if entry is not None:
            entry["now"] = where_now(entry)
    return [e for e in slots if e is not None]


def where_now(entry: dict[str, Any]) -> str:
    """Where the file of an entry is: at its source, its destination, both, or neither."""
    src, dst = entry.get("source"), entry.get("destination")
    at_src = isinstance(src, str) and os.path.lexists(src)
    at_dst = isinstance(dst, str) and dst != TRASH and os.path.lexists(dst)
    if at_src:
        return AT_BOTH if at_dst else AT_SOURCE
    return AT_DESTINATION if at_dst else GONE


def trusted(entry: dict[str, Any]) -> bool:
    return entry.get("trust") in (SIGNED, LEGACY)


def _moved(entry: dict[str, Any], *, partly: bool = True) -> bool:
    """A move (or an undo) that happened: fully, or (``partly``) up to its hard link, so that the
    file is at both places."""
    if entry.get("outcome") == OK:
        return True
    now = entry.get("now")
    return entry.get("outcome") == PENDING and (now == AT_DESTINATION or (partly and now == AT_BOTH))


def undoable_moves(entries: Sequence[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Moves that happened and were not undone after, by batch id (oldest batch first); only
    entries this program wrote (:func:`trusted`)."""
    moves: dict[tuple[Any, Any], list[tuple[int, dict[str, Any]]]] = {}
    for n, e in enumerate(entries):
        if not trusted(e):
            continue
        if e.get("action") == MOVE and e.get("destination") and _moved(e):
            moves.setdefault((e.get("source"), e.get("destination")), []).append((n, e))
        elif e.get("action") == UNDO and _moved(e, partly=False):
            # An undo entry goes from the moved location back to the original one.
            moves.pop((e.get("destination"), e.get("source")), None)
    batches: dict[str, list[dict[str, Any]]] = {}
    for _n, e in sorted((ne for es in moves.values() for ne in es), key=lambda ne: ne[0]):
        batches.setdefault(str(e.get("batch", "")), []).append(e)
    return batches
