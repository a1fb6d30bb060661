"""The engine's one-line messages as codes with values: why a file could not be used or was not
acted on, why deep similarity is off.

Each message the window shows has a code in :data:`CATALOGUE` with its English wording (a
``str.format`` template over named values). A :class:`Message` *is* that English text (a ``str``
subclass), so the CLI, the report, logs and every ``error: str`` field keep working unchanged,
and it carries ``code`` and ``params`` alongside, so the window words it in the user's language
(``gui/engine_text.py``) instead of matching English. The code survives pickling (the scan's
worker processes) and the feature cache (:func:`to_json` / :func:`from_json`); an operation that
makes new text from it (``strip``, an f-string) gives plain English text, which the window then
shows as it is or matches by its wording.

Values are ints, floats (shown with one decimal), text, or a nested :class:`Message` (the reason
inside "no file kept in its group ... (name: reason)").
"""

from __future__ import annotations

import json
from typing import Any, Union

Param = Union[str, int, float, "Message"]

#: code -> the English wording (as the engine wrote it before codes; tests compare them).
CATALOGUE: dict[str, str] = {
    # Opening and decoding a file (features/guard.py, decoding.py, raw.py).
    "vanished": "file vanished before it could be read",
    "permission": "permission denied",
    "directory": "is a directory",
    "not_regular": "not a regular file: {kind}",
    "unreadable": "cannot read file: {detail}",
    "empty": "empty file (0 bytes)",
    "text_file": "not an image (the file contains text)",
    "unrecognised": "not a recognised image format (corrupt or unsupported file)",
    "no_pixels": "image has no pixels",
    "bomb_size": (
        "refused as a possible decompression bomb: {width}×{height} = {megapixels} megapixels (limit {limit})"
    ),
    "bomb_declared": (
        "refused as a possible decompression bomb: it declares {megapixels:,} megapixels (limit {limit})"
    ),
    "bomb": "refused as a possible decompression bomb: it declares too many pixels (limit {limit})",
    "memory_budget": (
        "too large to decode safely: {what} would take {need_gb:.1f} GB of memory (limit {limit_gb:.1f} GB)"
    ),
    "raw_budget": "too large to decode safely: a {size_mb:,} MB RAW file (limit {limit_mb:,} MB)",
    "raw_too_large": "too large to decode safely (LibRaw refused its declared size)",
    "out_of_memory": "not enough memory to decode this image",
    "metadata_bomb": "refused: its metadata (text or colour profile) inflates to more than the limit",
    "truncated": "truncated image file (the end of the file is missing)",
    "corrupt": "corrupt image data ({detail})",
    "raw_corrupt": "corrupt RAW data (the file is damaged or truncated)",
    "raw_unsupported": "not a camera RAW file LibRaw can read (corrupt, or an unsupported camera)",
    "raw_unavailable": "camera RAW files cannot be read here (rawpy: {detail})",
    # Finding files (files/discovery.py).
    "vanished_scanning": "vanished while scanning (deleted or moved)",
    "missing": "does not exist",
    "broken_link": "broken symbolic link",
    "link_loop": "symbolic link loop",
    "unknown_extension": "not an image file (unknown extension)",
    "skipped_special": "skipped: {kind}, not a regular file",
    # Why a file was not moved to the trash or a folder (act/identity.py, survivors.py).
    "act_changed": "the file changed since the scan (size or modification time differ)",
    "act_replaced": "the file changed since the scan (another file now has its name)",
    "act_rewritten": "the file changed since the scan (rewritten in place: its status change time differs)",
    "act_unreadable": "cannot read the file: {detail}",
    "act_content": "the file's content changed since the scan",
    "act_gone": "the file no longer exists",
    "act_link": "the path is now a symbolic link, not the file itself",
    "act_not_regular": "the path is no longer a regular file",
    "act_uncheckable": "cannot check the file: {detail}",
    "act_every_copy": "this would remove every copy in its group",
    "act_no_survivor": "no file kept in its group is still on disk unchanged ({name}: {reason})",
    "act_protected": "in a protected folder: always kept",
    "act_hard_link": "it is the very file acted on, under another name (a hard link)",
    "act_through_link": "its path leads to a file acted on (through a symbolic link)",
    "act_cancelled": "cancelled before this file",
    # Why a saved report cannot be opened (act/report_open.py, report_stream.py).
    "report_not_utf8": "{name} is not a dupe-viewer report (not UTF-8 text)",
    "report_not_json": "{name} is not a dupe-viewer report (not valid JSON: {detail})",
    "report_unreadable": "cannot read {name}: {detail}",
    "report_foreign": "{name} is not a dupe-viewer report ({detail})",
    "report_no_header": "{name} is not a dupe-viewer report (no version and roots)",
    "report_version": "{name} is a report of version {found}; this version reads {wanted}",
    "report_bad_group": "{name}: group {number} cannot be read ({detail})",
    "report_bad_line": "{name}: line {line} is not valid JSON ({detail})",
    "report_csv": "cannot read {name}: a CSV table is not a report to open",
    "report_empty": "{name} is empty: not a JSON-lines report",
    "report_not_parquet": "{name} is not a dupe-viewer Parquet report",
    "report_needs_pyarrow": "Parquet reports need pyarrow: pip install 'dupe-viewer[cluster]' (or pyarrow)",
    # Why deep similarity is off (deep/stage.py; the report's ``deep.reason``).
    "deep_off": "turned off (--no-deep)",
    "no_model": (
        "no model installed; deep similarity (crops, tilts) is off. Install one with "
        "`dupe-viewer models install`"
    ),
    "model_missing": "model '{model}' is not installed",
}


class Message(str):
    """An engine message: the English text, with ``code`` (a key of :data:`CATALOGUE`) and
    ``params`` (the values in it). Frozen: compared, hashed and written as its text."""

    code: str
    params: dict[str, Param]

    def __new__(cls, code: str, params: dict[str, Param] | None = None) -> Message:
        values = dict(params or {})
        self = super().__new__(cls, CATALOGUE[code].format(**values))
        object.__setattr__(self, "code", code)
        object.__setattr__(self, "params", values)
        return self

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.code, self.params))

    @property
    def text(self) -> str:
        """The English rendering, as a plain ``str``."""
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"Message({self.code!r}, {self.params!r})"


def message(code: str, **params: Param) -> Message:
    """The message ``code`` with its values: ``message("corrupt", detail="broken PNG file")``."""
    return Message(code, params)


def of(exc: BaseException) -> str:
    """What an exception says, keeping its :class:`Message` (``str(exc)`` gives plain text)."""
    first = exc.args[0] if len(exc.args) == 1 else None
    return first if isinstance(first, Message) else str(exc)


def _plain(m: Message) -> dict[str, Any]:
    params = {k: _plain(v) if isinstance(v, Message) else v for k, v in m.params.items()}
    return {"code": m.code, "params": params}


def _built(data: Any) -> Message | None:
    if not isinstance(data, dict) or data.get("code") not in CATALOGUE:
        return None
    params: dict[str, Param] = {}
    for key, value in dict(data.get("params") or {}).items():
        params[str(key)] = _built(value) or "" if isinstance(value, dict) else value
    try:
        return Message(data["code"], params)
    except (KeyError, ValueError, TypeError, IndexError):  # values that no longer fit its wording
        return None


def to_json(text: str | None) -> str | None:
    """The code and values of ``text`` for storing (None when it is not a :class:`Message`)."""
    return json.dumps(_plain(text), ensure_ascii=False) if isinstance(text, Message) else None


def from_json(text: str | None, stored: str | None) -> str | None:
    """``text`` (as stored) as a :class:`Message` again from its stored code and values, when they
    still make the same text (a code or wording of another version gives the text as it is)."""
    if text is None or not stored:
        return text
    try:
        built = _built(json.loads(stored))
    except ValueError:
        return text
    return built if built is not None and built == text else text
