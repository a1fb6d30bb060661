"""What the confirmation of a file action says: what it will touch (the groups opened, among
those shown), what it leaves (groups never opened, groups hidden by the filter), and a warning
when a protected folder keeps a lesser copy over a better file that would go.

Plain functions over the scan's records and the marks, so the wording is tested without a
dialog; strings are translated in the "Confirmation" context.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject

from ..core import DupGroup, GroupingParams, ScanResult
from ..core.act import actions
from ..core.files.records import ImageRecord
from ..core.group.reasons import OVERRIDDEN
from ..core.group.regroup import reasons
from . import text
from .marks import Marks, Scope

translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls


class Confirmation(QObject):
    """The context of the counted strings: lupdate gives a string plural forms only in a ``tr``
    call with a count (``Confirmation.tr(text, None, n)``), never in ``translate``."""


def what(records: Sequence[ImageRecord], indices: list[int]) -> str:
    """ "3 files (2.1 MB)"."""
    size = sum(records[i].size for i in indices)
    return (
        translate("Confirmation", "%1 (%2)")
        .replace("%1", text.count_files(len(indices)))
        .replace("%2", text.size_text(size))
    )


def question(
    records: Sequence[ImageRecord],
    action: str,
    destination: str | None,
    seen: list[int],
    every: list[int],
    scope: Scope,
) -> tuple[str, str, str, str]:
    """Title, question, the action's button (empty: nothing opened to act on) and the wider
    button that includes the groups never opened (empty: there are none). ``seen``: the marked
    files of groups opened; ``every``: those and the marked files of groups never opened."""
    trash = action == actions.TRASH
    title = (
        translate("Confirmation", "Move to the trash")
        if trash
        else translate("Confirmation", "Move to a folder")
    )
    verb = ""
    if seen:
        verb = (
            translate("Confirmation", "Move %1 to the trash")
            if trash
            else translate("Confirmation", "Move %1")
        ).replace("%1", what(records, seen))
        asked = (
            translate("Confirmation", "Move %1 to the trash?")
            if trash
            else translate("Confirmation", "Move %1 to %2?").replace("%2", str(destination))
        ).replace("%1", what(records, seen))
    else:
        asked = translate("Confirmation", "No group with files marked for the trash has been opened yet.")
    wider = ""
    if scope.unseen_files:
        groups = Confirmation.tr("%Ln group(s)", None, scope.unseen_groups)
        asked += "\n\n" + Confirmation.tr(
            "%Ln more file(s) marked in %1 you have not opened stay unless you include them.",
            None,
            scope.unseen_files,
        ).replace("%1", groups)
        wider = translate("Confirmation", "Include them: move %1").replace("%1", what(records, every))
    if scope.hidden_files:
        asked += "\n\n" + Confirmation.tr(
            "%Ln file(s) marked in groups hidden by the filter are left alone.",
            None,
            scope.hidden_files,
        )
    asked += "\n\n" + (
        translate("Confirmation", "You can restore them from the system trash.")
        if trash
        else translate("Confirmation", "You can move them back with Tools ▸ Undo a move.")
    )
    return title, asked, verb, wider


def detail(records: Sequence[ImageRecord], seen: list[int], every: list[int], limit: int = 500) -> str:
    """The files, those of groups never opened under their own heading."""
    shown = set(seen)
    unseen = [i for i in every if i not in shown]
    lines = [records[i].path for i in seen[:limit]]
    if unseen and len(lines) < limit:
        lines.append(translate("Confirmation", "In groups you have not opened:"))
        lines += [records[i].path for i in unseen[: limit - len(lines)]]
    if len(every) > limit:
        lines.append("…")
    return "\n".join(lines)


def overridden_warning(result: ScanResult, marks: Marks, params: GroupingParams, indices: list[int]) -> str:
    """A warning when some of ``indices`` would be kept but for a protected folder (a higher
    real resolution, the camera original, the unedited picture); empty otherwise."""
    groups: dict[int, DupGroup] = {}
    for i in indices:
        g = marks.group_of(i)
        # Only a group with a protected member can override a better file: the others are not
        # explained (a confirmation over 100k groups must not take seconds).
        if g is not None and g.id not in groups and any(marks.is_protected(m.index) for m in g.members):
            groups[g.id] = g
    wanted = set(indices)
    overridden = 0
    for g in groups.values():
        why = reasons(result, g, params)
        overridden += sum(1 for i, r in why.items() if i in wanted and r.code in OVERRIDDEN)
    if not overridden:
        return ""
    return Confirmation.tr(
        "Careful: a protected folder keeps a lesser copy over %Ln file(s) (a higher real resolution, "
        "the camera original or the unedited picture) that would go. Check those groups first.",
        None,
        overridden,
    )
