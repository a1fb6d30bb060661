"""Can a window open here? Checked before Qt is loaded, because Qt cannot say so itself.

When Qt finds no display, or its X11 plugin misses a system library (``libxcb-cursor0`` since
Qt 6.5), it aborts the whole process from C++ with a core dump and a hint only a Qt developer
reads. A person who double-clicked the app, or typed ``dupe-viewer`` over SSH, gets one line
saying what is missing and how to get it instead. No Qt import here.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

NO_DISPLAY = (
    "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it "
    "from a desktop session, or scan from the command line: dupe-viewer scan FOLDER"
)
NO_XCB_CURSOR = (
    "Qt needs the system library libxcb-cursor0 to open a window under X11; install it "
    "(Debian/Ubuntu: sudo apt install libxcb-cursor0; Fedora: sudo dnf install xcb-util-cursor; "
    "Arch: sudo pacman -S xcb-util-cursor)"
)


def display_problem(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
) -> str | None:
    """Why no window can open in this environment, or None (also None where we cannot tell)."""
    env = os.environ if env is None else env
    if not platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None  # Windows and macOS always have their platform plugin
    qpa = env.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0]
    if qpa and qpa not in ("xcb", "wayland"):
        return None  # offscreen, vnc, eglfs...: the person chose; Qt reports its own problems
    wayland = bool(env.get("WAYLAND_DISPLAY")) and qpa != "xcb"
    x11 = bool(env.get("DISPLAY")) and qpa != "wayland"
    if not wayland and not x11:
        return NO_DISPLAY
    if x11 and not wayland and find_library("xcb-cursor") is None:
        return NO_XCB_CURSOR
    return None
