"""Can a window open here? Checked before Qt is loaded, because Qt cannot say so itself.

When Qt finds no display, or its X11 plugin misses a system library (``libxcb-cursor0`` since
Qt 6.5), it aborts the whole process from C++ with a core dump and a hint only a Qt developer
reads. A person who double-clicked the app, or typed ``dupe-viewer`` over SSH, gets one line
saying what is missing and how to get it instead. No Qt import here.
"""

from __future__ import annotations

import ctypes.util
import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

NO_DISPLAY = (
    "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it "
    "from a desktop session, or scan from the command line: dupe-viewer scan FOLDER"
)
NO_XCB_CURSOR = (
    "Qt needs the system library libxcb-cursor0 to open a window under X11; install it "
    "(Debian/Ubuntu: sudo apt install libxcb-cursor0; Fedora: sudo dnf install xcb-util-cursor; "
    "Arch: sudo pacman -S xcb-util-cursor)"
)


def debian_package(soname: str) -> str:
    """The Debian/Ubuntu package that usually ships ``soname`` (libxcb-icccm.so.4 ->
    libxcb-icccm4, libxkbcommon-x11.so.0 -> libxkbcommon-x11-0)."""
    stem, _, version = soname.partition(".so.")
    version = version.split(".")[0]
    return f"{stem}-{version}" if stem[-1:].isdigit() else f"{stem}{version}"


def missing_xcb_libraries(run: Callable[[list[str]], str] | None = None) -> list[str] | None:
    """The shared libraries Qt's X11 plugin needs and this system lacks (``ldd`` on the plugin,
    found without importing Qt); None when that cannot be told (no ``ldd``, no plugin)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    plugin = next(
        (p for d in spec.submodule_search_locations for p in Path(d).glob("Qt/plugins/platforms/libqxcb.so")),
        None,
    )
    ldd = shutil.which("ldd")
    if plugin is None or (ldd is None and run is None):
        return None

    def default_run(cmd: list[str]) -> str:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=10).stdout

    try:
        out = (run or default_run)([ldd or "ldd", str(plugin)])
    except (OSError, subprocess.SubprocessError):
        return None
    return sorted({line.split()[0] for line in out.splitlines() if "not found" in line})


def missing_message(sonames: list[str]) -> str:
    packages = " ".join(debian_package(s) for s in sonames)
    return (
        f"Qt needs system libraries to open a window under X11 that are missing here: "
        f"{', '.join(sonames)}; install them (Debian/Ubuntu: sudo apt install {packages})"
    )


def display_problem(
    env: Mapping[str, str] | None = None,
    platform: str = sys.platform,
    find_library: Callable[[str], str | None] = ctypes.util.find_library,
    check_plugin: bool = True,
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
    if x11 and not wayland:
        missing = missing_xcb_libraries() if check_plugin else None
        if missing:
            return missing_message(missing)
        if find_library("xcb-cursor") is None:  # what Qt itself names, where ldd cannot tell
            return NO_XCB_CURSOR
    return None
