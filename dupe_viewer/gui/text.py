"""User-visible wording shared by several widgets: sizes, dates, kinds, scan phases.

Every string goes through ``QCoreApplication.translate`` with the context ``"text"``, so one
translation covers the whole window. Engine values (phase names, kinds) are mapped here rather
than shown raw, because the engine's strings are identifiers, not UI text.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from ..core.files.records import ImageRecord
from ..core.group.reasons import Reason

translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls


class Counts(QObject):
    """The context of counted words ("%Ln file(s)"): lupdate marks a string as having plural
    forms only in a ``tr`` call with a count, and ``Counts.tr`` is one outside a widget."""


def shown_path(path: str) -> str:
    """``path`` as text Qt can show. A name that is not valid UTF-8 reaches Python with
    surrogate escapes, which Qt silently drops, showing another, non-existent path; here each
    undecodable byte becomes "\ufffd" instead, so the person sees that the name is odd."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def size_text(nbytes: int | float) -> str:
    """Bytes as a short human size in the user's locale (``QLocale.formattedDataSize``)."""
    return QLocale().formattedDataSize(int(nbytes), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def count_files(n: int) -> str:
    """ "1 file", "2 files": Qt's plural forms (``%n`` with a count), from the loaded
    translation; English ones too (``translations/dupe_viewer_en.ts``, see :mod:`.i18n`)."""
    return Counts.tr("%Ln file(s)", None, n)


def number_text(n: int | float, decimals: int = 0) -> str:
    """A number in the user's locale ("12,345" in English, "12.345" in German)."""
    if decimals:
        return QLocale().toString(float(n), "f", decimals)
    return QLocale().toString(round(n))


def kind_text(kind: str) -> str:
    """A group's or member's relation, in words a newcomer understands."""
    return {
        "exact": translate("text", "exact copy"),
        "near": translate("text", "near duplicate"),
        "edited": translate("text", "edited copy"),
        "shot": translate("text", "similar shot"),
        "similar": translate("text", "looks alike"),
        "reference": translate("text", "reference"),
    }.get(str(kind), str(kind))


def kind_tooltip(kind: str) -> str:
    return {
        "exact": translate("text", "Byte-for-byte identical files."),
        "near": translate(
            "text", "The same picture saved differently: resized, re-compressed or another format."
        ),
        "edited": translate(
            "text", "The same picture with edits: cropped, rotated, colours changed or marked up."
        ),
        "shot": translate(
            "text",
            "Another shot of the same scene: a frame of a burst taken a moment apart, or another "
            "framing of the picture (one half of it). Not a copy: never pre-marked.",
        ),
        "similar": translate(
            "text",
            "Looks alike to the deep-similarity model, but is not verified as the same picture "
            "(another photo of a similar subject). Never pre-marked.",
        ),
    }.get(str(kind), "")


def phase_text(phase: str) -> str:
    """The engine's phase names (``Phase`` values) as UI text; unknown phases are shown as given."""
    return {
        "finding files": translate("text", "Finding files"),
        "checking the cache": translate("text", "Checking the cache"),
        "comparing file contents": translate("text", "Comparing file contents"),
        "reading images": translate("text", "Reading images"),
        "hashing": translate("text", "Hashing"),
        "embedding": translate("text", "Computing deep similarity"),
        "matching": translate("text", "Matching"),
        "grouping": translate("text", "Grouping"),
    }.get(phase, phase[:1].upper() + phase[1:])


def datetime_text(when: datetime) -> str:
    """A short date and time in the user's locale (ISO-like under the "C" locale)."""
    if QLocale().name() == "C":
        return when.strftime("%Y-%m-%d %H:%M")
    return QLocale().toString(when, QLocale.FormatType.ShortFormat)


def taken_text(rec: ImageRecord) -> str:
    """EXIF capture date as a locale date-time, or an empty string."""
    if not rec.taken:
        return ""
    try:
        when = datetime.strptime(rec.taken[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return rec.taken
    return datetime_text(when)


def iso_time_text(value: str) -> str:
    """An ISO 8601 time (the journal's, in UTC) as a local date and time; as given if it is not
    one."""
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return value
    return datetime_text(when.astimezone() if when.tzinfo else when)


def mtime_text(rec: ImageRecord) -> str:
    return datetime_text(datetime.fromtimestamp(rec.mtime_ns / 1e9))


def dims_text(rec: ImageRecord) -> str:
    if rec.width <= 0 or rec.height <= 0:
        return translate("text", "unknown")
    return (
        translate("text", "%1 × %2 px (%3 MP)")
        .replace("%1", str(rec.width))
        .replace("%2", str(rec.height))
        .replace("%3", number_text(rec.pixels / 1e6, 1))
    )


def duration_text(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return translate("text", "%1 s").replace("%1", str(seconds))
    if seconds < 3600:
        return (
            translate("text", "%1 min %2 s")
            .replace("%1", str(seconds // 60))
            .replace("%2", f"{seconds % 60:02d}")
        )
    return (
        translate("text", "%1 h %2 min")
        .replace("%1", str(seconds // 3600))
        .replace("%2", f"{seconds % 3600 // 60:02d}")
    )


def percent(value: float) -> str:
    return translate("text", "%1 %").replace("%1", number_text(value * 100))


def reason_templates() -> dict[str, str]:
    """The engine's reason codes (:data:`dupe_viewer.core.group.reasons.TEXTS`) as translatable
    templates; ``{name}`` is a value filled in by :func:`reason_text`."""
    return {
        "keep_protected": translate("text", "Kept: in a protected folder"),
        "keep_only": translate("text", "Kept: the best original of the group"),
        "keep_unedited": translate("text", "Kept: the unedited picture (the others are edits)"),
        "keep_resolution": translate("text", "Kept: the highest real resolution ({pixels})"),
        "keep_camera": translate("text", "Kept: the camera original ({camera})"),
        "keep_closest": translate(
            "text", "Kept: the version closest to all the others (they are its variants)"
        ),
        "keep_encoding": translate("text", "Kept: the best encoding ({encoding})"),
        "keep_taken": translate("text", "Kept: taken first ({taken})"),
        "keep_identical": translate(
            "text", "Kept: of byte-identical copies, the oldest file (then the shortest path)"
        ),
        "keep_rule": translate("text", "Kept: first by your rule “{rule}”"),
        "protected": translate("text", "In a protected folder: always kept"),
        "identical": translate("text", "Byte-identical copy of the kept file"),
        "grayscale": translate("text", "Grayscale copy"),
        "bordered": translate("text", "Bordered or letterboxed copy"),
        "upscaled": translate("text", "Upscaled ×{factor} (no more detail than the kept file)"),
        "smaller": translate("text", "Smaller: {percent} % of the kept file's resolution"),
        "no_camera": translate("text", "No camera metadata"),
        "further": translate("text", "A variant: further from the others than the kept file"),
        "lower_quality": translate("text", "Re-encoded at lower quality ({encoding} vs {keeper_encoding})"),
        "taken_later": translate("text", "Taken later"),
        "newer": translate("text", "Same picture, a newer file"),
        "ranked_lower": translate("text", "Lower by your rule “{rule}”"),
        "similar": translate("text", "Looks alike, not verified as the same picture: your decision"),
        "shot": translate("text", "A similar shot (another moment or framing), not a copy: your decision"),
        "keep_sharpest": translate("text", "Kept: the sharpest, best-exposed of these shots"),
        "blurrier": translate("text", "Less sharp than the kept frame"),
        "clipped": translate("text", "More burnt-out or crushed pixels than the kept frame"),
        "keep_raw": translate("text", "Kept: the camera RAW ({format})"),
        "raw_twin": translate("text", "Same shot, RAW + {format}: the kept file is the camera RAW"),
        "local_edit": translate(
            "text", "Edited in part of the picture (pasted or painted over; the others agree there)"
        ),
        "keeper_protected": translate("text", "The kept file is in a protected folder"),
        "over_resolution": translate(
            "text", "Higher real resolution than the kept file, kept only for its protected folder"
        ),
        "over_camera": translate(
            "text", "The camera original; the kept file is kept only for its protected folder"
        ),
        "over_unedited": translate(
            "text", "The unedited picture; the kept file is kept only for its protected folder"
        ),
    }


def reason_text(reason: Reason) -> str:
    """Why a member is kept or goes, in the user's language."""
    template = reason_templates().get(reason.code)
    if template is None:
        return reason.text
    try:
        return template.format(**reason.params)
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return reason.text
