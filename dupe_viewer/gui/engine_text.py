"""The engine's one-line messages in the user's language: why a file could not be used or was
not moved, why deep similarity is off.

Each reason the engine makes is a :class:`..core.messages.Message`: its English text, with a
code and values (``guard.py``, ``decoding.py``, ``raw.py``, ``discovery.py``, ``act/``,
``deep/stage.py``), and the code survives the scan's worker processes and the feature cache.
:func:`problem_kind` takes the kind and values from the code; a message that lost it (a report
read back from JSON, a cache written before codes) is matched against the code's English
wording, whole. :func:`problem_text` words the kind in the user's language with the values
filled in (numbers in the user's locale), and shows any other message as the engine wrote it.
tests/gui/test_engine_text.py makes each message with the engine's own functions, and checks
that every code has a wording here, so a new code or a change of wording fails a test instead
of silently showing English.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QLocale

from ..core.messages import CATALOGUE, Message

translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls

_N = r"([\d,]+)"  # an integer as the engine writes it ("1,234" or "1234")
_F = r"(\d+(?:\.\d+)?)"  # a decimal ("1.5")

#: kind -> the engine's wording (a regular expression matched against the whole message).
PATTERNS: dict[str, str] = {
    "vanished": r"file vanished before it could be read",
    "vanished_scanning": r"vanished while scanning \(deleted or moved\)",
    "permission": r"permission denied",
    "directory": r"is a directory",
    "missing": r"does not exist",
    "broken_link": r"broken symbolic link",
    "link_loop": r"symbolic link loop",
    "unknown_extension": r"not an image file \(unknown extension\)",
    "skipped_special": r"skipped: (.+), not a regular file",
    "not_regular": r"not a regular file: (.+)",
    "unreadable": r"cannot read file: (.+)",
    "empty": r"empty file \(0 bytes\)",
    "text_file": r"not an image \(the file contains text\)",
    "unrecognised": r"not a recognised image format \(corrupt or unsupported file\)",
    "no_pixels": r"image has no pixels",
    "bomb_size": rf"refused as a possible decompression bomb: {_N}×{_N} = {_N} megapixels \(limit {_N}\)",
    "bomb_declared": rf"refused as a possible decompression bomb: it declares {_N} megapixels \(limit {_N}\)",
    "bomb": rf"refused as a possible decompression bomb: it declares too many pixels \(limit {_N}\)",
    "memory_budget": rf"too large to decode safely: (.+) would take {_F} GB of memory \(limit {_F} GB\)",
    "raw_budget": rf"too large to decode safely: a {_N} MB RAW file \(limit {_N} MB\)",
    "raw_too_large": r"too large to decode safely \(LibRaw refused its declared size\)",
    "out_of_memory": r"not enough memory to decode this image",
    "metadata_bomb": r"refused: its metadata \(text or colour profile\) inflates to more than the limit",
    "truncated": r"truncated image file \(the end of the file is missing\)",
    "corrupt": r"corrupt image data \((.*)\)",
    "raw_corrupt": r"corrupt RAW data \(the file is damaged or truncated\)",
    "raw_unsupported": r"not a camera RAW file LibRaw can read \(corrupt, or an unsupported camera\)",
    "raw_unavailable": r"camera RAW files cannot be read here \(rawpy: (.*)\)",
    # Why a file was not moved to the trash or a folder (``act/identity.py``, ``survivors.py``).
    "act_changed": r"the file changed since the scan \(size or modification time differ\)",
    "act_replaced": r"the file changed since the scan \(another file now has its name\)",
    "act_rewritten": (
        r"the file changed since the scan \(rewritten in place: its status change time differs\)"
    ),
    "act_unreadable": r"cannot read the file: (.+)",
    "act_content": r"the file's content changed since the scan",
    "act_gone": r"the file no longer exists",
    "act_link": r"the path is now a symbolic link, not the file itself",
    "act_not_regular": r"the path is no longer a regular file",
    "act_uncheckable": r"cannot check the file: (.+)",
    "act_every_copy": r"this would remove every copy in its group",
    "act_no_survivor": r"no file kept in its group is still on disk unchanged \(([^:]+): (.+)\)",
    "act_protected": r"in a protected folder: always kept",
    "act_hard_link": r"it is the very file acted on, under another name \(a hard link\)",
    "act_through_link": r"its path leads to a file acted on \(through a symbolic link\)",
    "act_cancelled": r"cancelled before this file",
    # Why a saved report cannot be opened (``act/report_open.py``, ``report_stream.py``).
    "report_not_utf8": r"(.+) is not a dupe-viewer report \(not UTF-8 text\)",
    "report_not_json": r"(.+) is not a dupe-viewer report \(not valid JSON: (.+)\)",
    "report_unreadable": r"cannot read (.+?): (?!a CSV table is not a report to open$)(.+)",
    "report_no_header": r"(.+) is not a dupe-viewer report \(no version and roots\)",
    "report_foreign": (  # any other detail than the three wordings above
        r"(.+) is not a dupe-viewer report "
        r"\((?!not UTF-8 text\)$|not valid JSON: |no version and roots\)$)(.+)\)"
    ),
    "report_version": rf"(.+) is a report of version (.+); this version reads {_N}",
    "report_bad_group": rf"(.+): group {_N} cannot be read \((.+)\)",
    "report_bad_line": rf"(.+): line {_N} is not valid JSON \((.+)\)",
    "report_csv": r"cannot read (.+): a CSV table is not a report to open",
    "report_empty": r"(.+) is empty: not a JSON-lines report",
    "report_not_parquet": r"(.+) is not a dupe-viewer Parquet report",
    "report_needs_pyarrow": (
        r"Parquet reports need pyarrow: pip install 'dupe-viewer\[cluster\]' \(or pyarrow\)"
    ),
    # Why deep similarity is off (the report's ``deep.reason``).
    "deep_off": r"turned off \(--no-deep\)",
    "no_model": r"no model installed; .*",
    "model_missing": r"model '(.+)' is not installed",
}
_COMPILED = {kind: re.compile(pattern, re.DOTALL) for kind, pattern in PATTERNS.items()}


def _templates() -> dict[str, str]:
    """kind -> its wording in the user's language; %1, %2 … are the values in the order the
    engine's message has them."""
    return {
        "vanished": translate("engine", "The file vanished before it could be read"),
        "vanished_scanning": translate("engine", "Vanished while scanning (deleted or moved)"),
        "permission": translate("engine", "Permission denied"),
        "directory": translate("engine", "A folder, not a file"),
        "missing": translate("engine", "Does not exist"),
        "broken_link": translate("engine", "Broken symbolic link"),
        "link_loop": translate("engine", "Symbolic link loop"),
        "unknown_extension": translate("engine", "Not an image file (unknown extension)"),
        "skipped_special": translate("engine", "Skipped: %1, not a regular file"),
        "not_regular": translate("engine", "Not a regular file: %1"),
        "unreadable": translate("engine", "Cannot read the file: %1"),
        "empty": translate("engine", "Empty file (0 bytes)"),
        "text_file": translate("engine", "Not an image (the file contains text)"),
        "unrecognised": translate("engine", "Not a recognised image format (corrupt or unsupported file)"),
        "no_pixels": translate("engine", "The image has no pixels"),
        "bomb_size": translate(
            "engine", "Refused as a possible decompression bomb: %1 × %2 = %3 megapixels (limit %4)"
        ),
        "bomb_declared": translate(
            "engine", "Refused as a possible decompression bomb: it declares %1 megapixels (limit %2)"
        ),
        "bomb": translate(
            "engine", "Refused as a possible decompression bomb: it declares too many pixels (limit %1)"
        ),
        "memory_budget": translate(
            "engine", "Too large to decode safely: %1 would take %2 GB of memory (limit %3 GB)"
        ),
        "raw_budget": translate("engine", "Too large to decode safely: a %1 MB RAW file (limit %2 MB)"),
        "raw_too_large": translate("engine", "Too large to decode safely (LibRaw refused its declared size)"),
        "out_of_memory": translate("engine", "Not enough memory to decode this image"),
        "metadata_bomb": translate(
            "engine", "Refused: its metadata (text or colour profile) inflates to more than the limit"
        ),
        "truncated": translate("engine", "Truncated image file (the end of the file is missing)"),
        "corrupt": translate("engine", "Corrupt image data (%1)"),
        "raw_corrupt": translate("engine", "Corrupt RAW data (the file is damaged or truncated)"),
        "raw_unsupported": translate(
            "engine", "Not a camera RAW file LibRaw can read (corrupt, or an unsupported camera)"
        ),
        "raw_unavailable": translate("engine", "Camera RAW files cannot be read here (rawpy: %1)"),
        "act_changed": translate(
            "engine", "The file changed since the scan (size or modification time differ)"
        ),
        "act_replaced": translate(
            "engine", "The file changed since the scan (another file now has its name)"
        ),
        "act_rewritten": translate(
            "engine", "The file changed since the scan (rewritten in place: its status change time differs)"
        ),
        "act_content": translate("engine", "The file's content changed since the scan"),
        "act_gone": translate("engine", "The file no longer exists"),
        "act_link": translate("engine", "The path is now a symbolic link, not the file itself"),
        "act_not_regular": translate("engine", "The path is no longer a regular file"),
        "act_uncheckable": translate("engine", "Cannot check the file: %1"),
        "act_unreadable": translate("engine", "Cannot read the file: %1"),
        "act_every_copy": translate("engine", "This would remove every copy in its group"),
        "act_no_survivor": translate(
            "engine", "No file kept in its group is still on disk unchanged (%1: %2)"
        ),
        "act_protected": translate("engine", "In a protected folder: always kept"),
        "act_hard_link": translate(
            "engine", "It is the very file acted on, under another name (a hard link)"
        ),
        "act_through_link": translate(
            "engine", "Its path leads to a file acted on (through a symbolic link)"
        ),
        "act_cancelled": translate("engine", "Cancelled before this file"),
        "report_not_utf8": translate("engine", "%1 is not a dupe-viewer report (it is not UTF-8 text)"),
        "report_not_json": translate("engine", "%1 is not a dupe-viewer report (not valid JSON: %2)"),
        "report_unreadable": translate("engine", "Cannot read %1: %2"),
        "report_foreign": translate("engine", "%1 is not a dupe-viewer report (%2)"),
        "report_no_header": translate(
            "engine", "%1 is not a dupe-viewer report (it has no version and roots)"
        ),
        "report_version": translate("engine", "%1 is a report of version %2; this version reads version %3"),
        "report_bad_group": translate("engine", "%1: group %2 cannot be read (%3)"),
        "report_bad_line": translate("engine", "%1: line %2 is not valid JSON (%3)"),
        "report_csv": translate("engine", "Cannot read %1: a CSV table is not a report that can be opened"),
        "report_empty": translate("engine", "%1 is empty: it is not a JSON-lines report"),
        "report_not_parquet": translate("engine", "%1 is not a dupe-viewer Parquet report"),
        "report_needs_pyarrow": translate(
            "engine", "Parquet reports need pyarrow: pip install 'dupe-viewer[cluster]' (or pyarrow)"
        ),
        "deep_off": translate("engine", "turned off (--no-deep)"),
        "no_model": translate("engine", "no model is installed"),
        "model_missing": translate("engine", "the model “%1” is not installed"),
    }


def _special_kinds() -> dict[str, str]:
    """What a non-regular file is (``files.opening.special_kind``)."""
    return {
        "a named pipe (FIFO)": translate("engine", "a named pipe (FIFO)"),
        "a character device": translate("engine", "a character device"),
        "a block device": translate("engine", "a block device"),
        "a socket": translate("engine", "a socket"),
        "a directory": translate("engine", "a folder"),
        "not a regular file": translate("engine", "not a regular file"),
    }


def _coded(message: Message) -> tuple[str, tuple[str, ...]] | None:
    """(kind, values) from a message's own code: its values in the order its wording has them,
    as the engine writes them (so :func:`_value` treats them as it treats matched text)."""
    if message.code not in PATTERNS:
        return None
    names = [name for _, name, _, _ in string.Formatter().parse(CATALOGUE[message.code]) if name]
    values: list[str] = []
    for name in names:
        value = message.params.get(name, "")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            values.append(value if isinstance(value, Message) else str(value))
        elif isinstance(value, int):
            values.append(str(value))
        else:
            values.append(f"{value:.1f}")
    return message.code, tuple(values)


def problem_kind(message: str) -> tuple[str, tuple[str, ...]] | None:
    """(kind, values) of an engine message, or None when it has another wording: from its code
    when the engine gave one (:class:`..core.messages.Message`), else by matching its wording
    (a report or cache written before codes, a message rebuilt as plain text)."""
    if isinstance(message, Message):
        coded = _coded(message)
        if coded is not None:
            return coded
    for kind, pattern in _COMPILED.items():
        found = pattern.fullmatch(message)
        if found:
            return kind, found.groups()
    return None


def _value(kind: str, position: int, value: str, locale: QLocale, specials: dict[str, str]) -> str:
    """One value of a message, for the user: numbers in their locale, a file's kind in words."""
    if kind in ("skipped_special", "not_regular") and position == 0:
        return specials.get(value, value)
    if kind == "act_no_survivor" and position == 1:
        return problem_text(value)  # why the kept copy is not one: a reason of its own
    if re.fullmatch(r"[\d,]+", value):
        return locale.toString(int(value.replace(",", "")))
    if re.fullmatch(r"\d+\.\d+", value):
        return locale.toString(float(value), "f", len(value.split(".")[1]))
    return value


def problem_texts(messages: Iterable[str]) -> list[str]:
    """:func:`problem_text` of many messages (the wording is looked up once)."""
    templates, specials, locale = _templates(), _special_kinds(), QLocale()
    out = []
    for message in messages:
        found = problem_kind(message)
        if found is None:
            out.append(message)
            continue
        kind, values = found
        shown = [_value(kind, k, v, locale, specials) for k, v in enumerate(values)]
        # In one pass: a value (a decoder's own message) may itself contain "%2".
        out.append(re.sub(r"%(\d)", lambda m, shown=shown: shown[int(m.group(1)) - 1], templates[kind]))
    return out


def problem_rows(rows: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(path, message) rows (the scan's problems) with each message in the user's language."""
    rows = list(rows)
    return list(zip([p for p, _ in rows], problem_texts(m for _, m in rows), strict=True))


def problem_text(message: str) -> str:
    """An engine message in the user's language, or as the engine wrote it when its wording is
    not one of :data:`PATTERNS`."""
    return problem_texts([message])[0]


def no_model(reason: str) -> bool:
    """Whether deep similarity is off because no model is installed (``deep.reason``)."""
    found = problem_kind(reason)
    return found is not None and found[0] == "no_model"
