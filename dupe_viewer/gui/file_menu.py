"""What the desktop does with one file: open it in the default viewer, show it in the file
manager, copy its path; and the context menus of the panes and of the group rows built on them.

Showing a file *selected* in its folder is asked of the file manager the way each system offers
it: the freedesktop ``org.freedesktop.FileManager1.ShowItems`` D-Bus call on Linux and the BSDs
(Nautilus, Dolphin, Nemo, Caja, Thunar answer it), ``explorer /select,`` on Windows and
``open -R`` on macOS; where none answers, the folder itself is opened. Paths go to the desktop as
``file:`` URLs built from the name's bytes, so a name that is not valid UTF-8 still opens the
right file.
"""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from . import text

translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls

FILE_MANAGER = (
    "org.freedesktop.FileManager1",
    "/org/freedesktop/FileManager1",
    "org.freedesktop.FileManager1",
)


def file_url(path: str) -> QUrl:
    """A ``file:`` URL of ``path`` from its bytes (surrogate-escaped names included)."""
    quoted = urllib.parse.quote(os.fsencode(os.path.abspath(path)))
    return QUrl.fromEncoded(b"file://" + quoted.encode("ascii"))


def open_file(path: str) -> bool:
    """Open ``path`` with the desktop's default application; False when none could."""
    return bool(QDesktopServices.openUrl(file_url(path)))


def _show_over_dbus(path: str) -> bool:
    from PySide6.QtDBus import QDBusConnection, QDBusInterface, QDBusMessage

    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    iface = QDBusInterface(*FILE_MANAGER, bus)
    if not iface.isValid():
        return False
    uri = bytes(file_url(path).toEncoded()).decode("ascii")
    reply = iface.call("ShowItems", [uri], "")
    return reply.type() != QDBusMessage.MessageType.ErrorMessage


def show_in_file_manager(
    path: str,
    platform: str = sys.platform,
    run: Callable[[list[str]], object] = subprocess.Popen,
    dbus: Callable[[str], bool] | None = None,
) -> bool:
    """Show ``path`` selected in the system's file manager (its folder opened where the file
    cannot be selected); False when nothing could be started."""
    try:
        if platform == "win32":
            run(["explorer", "/select,", os.path.normpath(path)])
            return True
        if platform == "darwin":
            run(["open", "-R", path])
            return True
        if (dbus or _show_over_dbus)(path):
            return True
    except OSError:
        pass
    return bool(QDesktopServices.openUrl(file_url(os.path.dirname(path) or ".")))


def copy_path(path: str) -> None:
    """Put ``path`` on the clipboard (as text Qt can hold: see :func:`text.shown_path`)."""
    QGuiApplication.clipboard().setText(text.shown_path(path))


@dataclass
class FileMenuHandlers:
    """What the window does for the menu's entries about marks (the rest is done here)."""

    toggle: Callable[[int], object]  # record index
    keep_only: Callable[[int], object]
    failed: Callable[[str], object]  # a message: the desktop could not open or show the file


def file_menu(
    parent: QWidget, path: str, index: int, marked: bool | None, handlers: FileMenuHandlers
) -> QMenu:
    """The menu of one file: open, show in the file manager, copy path, and its mark
    (``marked`` None: it cannot be marked, a protected file)."""
    menu = QMenu(parent)
    menu.setAccessibleName(translate("FileMenu", "File menu"))

    def opened(ok: bool) -> None:
        if not ok:
            handlers.failed(
                translate("FileMenu", "No application could open %1").replace("%1", text.shown_path(path))
            )

    menu.addAction(translate("FileMenu", "Open in the default viewer"), lambda: opened(open_file(path)))
    menu.addAction(
        translate("FileMenu", "Show in the file manager"), lambda: opened(show_in_file_manager(path))
    )
    menu.addAction(translate("FileMenu", "Copy path"), lambda: copy_path(path))
    menu.addSeparator()
    if marked is None:
        act = menu.addAction(translate("FileMenu", "In a protected folder: always kept"))
        act.setEnabled(False)
    else:
        label = (
            translate("FileMenu", "Keep this file") if marked else translate("FileMenu", "Mark for the trash")
        )
        menu.addAction(label, lambda: handlers.toggle(index))
        menu.addAction(translate("FileMenu", "Keep only this file"), lambda: handlers.keep_only(index))
    return menu


def group_menu(
    parent: QWidget,
    paths: list[str],
    keeper: str,
    marks: list[tuple[str, Callable[[], object]]],
    failed: Callable[[str], object],
) -> QMenu:
    """The menu of a group row: the kept file opened or shown, every path copied, and the
    group's ``marks`` entries (label, action)."""
    menu = QMenu(parent)
    menu.setAccessibleName(translate("FileMenu", "Group menu"))

    def opened(ok: bool) -> None:
        if not ok:
            failed(
                translate("FileMenu", "No application could open %1").replace("%1", text.shown_path(keeper))
            )

    menu.addAction(translate("FileMenu", "Open the kept file"), lambda: opened(open_file(keeper)))
    menu.addAction(
        translate("FileMenu", "Show the kept file in the file manager"),
        lambda: opened(show_in_file_manager(keeper)),
    )
    menu.addAction(
        translate("FileMenu", "Copy the paths of the group"),
        lambda: QGuiApplication.clipboard().setText("\n".join(text.shown_path(p) for p in paths)),
    )
    menu.addSeparator()
    for label, action in marks:
        menu.addAction(label, action)
    return menu
