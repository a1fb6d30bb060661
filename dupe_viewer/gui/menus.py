"""The window's actions (menu entries with their shortcuts and tips) and its menu bar.

Every action is window-wide: its shortcut works wherever the focus is. :func:`build_actions`
makes them from a table of wording and keys, connected to the handlers the window passes in;
:func:`build_menus` files them into the menus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls


@dataclass
class WindowActions:
    add: QAction
    scan: QAction
    cancel: QAction
    export: QAction
    open_report: QAction
    quit: QAction
    next: QAction
    prev: QAction
    accept: QAction
    keep_all: QAction
    mark_all: QAction
    invert: QAction
    mark_all_shown: QAction
    unmark_all_shown: QAction
    invert_shown: QAction
    accept_all: QAction
    rules: QAction
    dismiss: QAction
    trash: QAction
    move: QAction
    undo_move: QAction
    dismissals: QAction
    errors: QAction
    install_model: QAction
    fit: QAction
    actual: QAction
    zoom_in: QAction
    zoom_out: QAction
    full: QAction
    mode: QAction
    right_next: QAction
    right_prev: QAction
    escape: QAction
    shortcuts: QAction
    #: Keep/trash file 1 … 9 of the group (keys 1-9).
    toggle: list[QAction]


def _table() -> dict[str, tuple[str, str | list[str] | None, str]]:
    """name -> (label, keys, tip), in the user's language."""

    # A literal context and string in each translate() call: lupdate cannot extract variables.
    return {
        "add": (
            translate("WindowActions", "&Add folder…"),
            "Ctrl+O",
            translate("WindowActions", "Choose a folder to scan"),
        ),
        "scan": (
            translate("WindowActions", "&Scan"),
            "F5",
            translate("WindowActions", "Scan the folders listed (fast again: results are cached)"),
        ),
        "cancel": (
            translate("WindowActions", "&Cancel scan"),
            None,
            translate("WindowActions", "Stop the scan; what was read so far is kept for next time"),
        ),
        "export": (
            translate("WindowActions", "&Export groups…"),
            "Ctrl+E",
            translate("WindowActions", "Save the groups as a JSON or CSV report"),
        ),
        "open_report": (
            translate("WindowActions", "&Open report…"),
            "Ctrl+Shift+O",
            translate(
                "WindowActions", "Review the groups of a saved scan report (JSON, JSON lines or Parquet)"
            ),
        ),
        "quit": (translate("WindowActions", "&Quit"), "Ctrl+Q", ""),
        "next": (translate("WindowActions", "Next group"), ["N", "Ctrl+Down"], ""),
        "prev": (translate("WindowActions", "Previous group"), ["P", "Ctrl+Up"], ""),
        "accept": (
            translate("WindowActions", "Accept suggestion and go to next group"),
            "A",
            translate(
                "WindowActions", "Keep the suggested file, trash the other copies, and show the next group"
            ),
        ),
        "keep_all": (translate("WindowActions", "Keep every file of this group"), "K", ""),
        "mark_all": (
            translate("WindowActions", "Mark every file of this group but one"),
            "Ctrl+A",
            translate("WindowActions", "Mark all for the trash except the suggested keeper"),
        ),
        "invert": (translate("WindowActions", "Invert the marks of this group"), "Ctrl+I", ""),
        "mark_all_shown": (
            translate("WindowActions", "Mark all in every group shown"),
            "Ctrl+Shift+A",
            translate("WindowActions", "In every group shown, mark all for the trash except its keeper"),
        ),
        "unmark_all_shown": (
            translate("WindowActions", "Unmark all in every group shown"),
            "Ctrl+Shift+K",
            "",
        ),
        "invert_shown": (
            translate("WindowActions", "Invert the marks of every group shown"),
            "Ctrl+Shift+I",
            "",
        ),
        "accept_all": (translate("WindowActions", "Reset all marks to the suggestions"), None, ""),
        "rules": (
            translate("WindowActions", "Auto-select &rules…"),
            "R",
            translate("WindowActions", "Choose which file to keep in every group by rules"),
        ),
        "dismiss": (
            translate("WindowActions", "Not duplicates"),
            "D",
            translate("WindowActions", "These files are not duplicates: never group them again"),
        ),
        "trash": (translate("WindowActions", "Move marked files to the trash…"), "Delete", ""),
        "move": (
            translate("WindowActions", "Move marked files to a folder…"),
            "Ctrl+M",
            translate("WindowActions", "Move the marked files to a folder instead of the trash"),
        ),
        "undo_move": (translate("WindowActions", "Undo a move to folder…"), None, ""),
        "dismissals": (translate("WindowActions", "Not duplicates list…"), None, ""),
        "errors": (translate("WindowActions", "Problems found…"), None, ""),
        "install_model": (
            translate("WindowActions", "Install the deep-similarity model…"),
            None,
            translate("WindowActions", "Download the default model, or choose a model file"),
        ),
        "fit": (
            translate("WindowActions", "Fit"),
            "F",
            translate("WindowActions", "Fit each image in its pane (F)"),
        ),
        "actual": (
            translate("WindowActions", "100 %"),
            "Z",
            translate(
                "WindowActions", "Actual pixels of the largest image; the others show the same area (Z)"
            ),
        ),
        "zoom_in": (translate("WindowActions", "Zoom in"), ["+", "="], ""),
        "zoom_out": (translate("WindowActions", "Zoom out"), "-", ""),
        "full": (
            translate("WindowActions", "Full screen"),
            "F11",
            translate("WindowActions", "Show only the comparison, full screen (F11, Esc to leave)"),
        ),
        "mode": (translate("WindowActions", "Side by side / all files"), "G", ""),
        "right_next": (translate("WindowActions", "Compare with the next file"), "]", ""),
        "right_prev": (translate("WindowActions", "Compare with the previous file"), "[", ""),
        "escape": (translate("WindowActions", "Leave full screen / cancel scan"), "Esc", ""),
        "shortcuts": (translate("WindowActions", "&Keyboard shortcuts"), ["F1", "?"], ""),
    }


def make_action(
    window: QWidget,
    label: str,
    slot: Callable[[], object],
    keys: str | list[str] | None = None,
    tip: str = "",
) -> QAction:
    act = QAction(label, window)
    if keys:
        act.setShortcuts([QKeySequence(k) for k in ([keys] if isinstance(keys, str) else keys)])
    if tip:
        act.setToolTip(tip)
        act.setStatusTip(tip)
    act.triggered.connect(lambda _=False: slot())
    window.addAction(act)  # shortcuts work wherever the focus is in the window
    return act


def build_actions(
    window: QWidget, handlers: Mapping[str, Callable[[], object]], toggle: Callable[[int], object]
) -> WindowActions:
    """Every action, connected to ``handlers[name]``; ``toggle(position)`` for keys 1-9."""
    made = {
        name: make_action(window, label, handlers[name], keys, tip)
        for name, (label, keys, tip) in _table().items()
    }
    made_toggle = [
        make_action(
            window,
            translate("WindowActions", "Keep/trash file %1").replace("%1", str(n)),
            lambda n=n: toggle(n - 1),
            str(n),
        )
        for n in range(1, 10)
    ]
    missing = {f.name for f in fields(WindowActions)} - set(made) - {"toggle"}
    assert not missing, missing
    return WindowActions(**made, toggle=made_toggle)


def build_menus(bar: QMenuBar, a: WindowActions) -> dict[str, QMenu]:
    """The menu bar's menus, returned by name ("file", "review", "view", "tools", "help") for
    the entries made elsewhere (View ▸ Language: :mod:`.i18n`)."""
    menus: list[tuple[str, list[QAction | None]]] = [
        (
            translate("WindowActions", "&File"),
            [a.add, a.scan, a.cancel, None, a.open_report, a.export, None, a.quit],
        ),
        (
            translate("WindowActions", "&Review"),
            [
                a.next,
                a.prev,
                None,
                a.accept,
                a.keep_all,
                a.mark_all,
                a.invert,
                a.dismiss,
                None,
                a.mark_all_shown,
                a.unmark_all_shown,
                a.invert_shown,
                None,
                a.rules,
                a.accept_all,
                None,
                a.trash,
                a.move,
            ],
        ),
        (
            translate("WindowActions", "&View"),
            [a.mode, a.right_next, a.right_prev, None, a.fit, a.actual, a.zoom_in, a.zoom_out, None, a.full],
        ),
        (translate("WindowActions", "&Tools"), [a.errors, a.dismissals, a.undo_move, None, a.install_model]),
        (translate("WindowActions", "&Help"), [a.shortcuts]),
    ]
    made: dict[str, QMenu] = {}
    for name, (title, entries) in zip(("file", "review", "view", "tools", "help"), menus, strict=True):
        menu = made[name] = bar.addMenu(title)
        for entry in entries:
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(entry)
    return made
