"""Before Qt loads: no display, or a missing X11 library, is one clear line, not a core dump."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dupe_viewer.gui import preflight
from dupe_viewer.gui.preflight import NO_DISPLAY, NO_XCB_CURSOR, display_problem

REPO = Path(__file__).resolve().parents[2]


def found(name: str) -> str | None:
    return f"lib{name}.so.0"


def missing(name: str) -> str | None:
    return None


def test_no_display_at_all() -> None:
    assert display_problem({}, "linux", found) == NO_DISPLAY


def test_x11_without_xcb_cursor() -> None:
    assert display_problem({"DISPLAY": ":0"}, "linux", missing, check_plugin=False) == NO_XCB_CURSOR
    assert display_problem({"DISPLAY": ":0"}, "linux", found, check_plugin=False) is None


def test_missing_libraries_of_the_x11_plugin_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    ldd = (
        "\tlibxcb-icccm.so.4 => not found\n\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibxkbcommon-x11.so.0 => not found\n\tlibc.so.6 => /lib/libc.so.6 (0x1)\n"
    )
    assert preflight.missing_xcb_libraries(run=lambda cmd: ldd) == [
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libxkbcommon-x11.so.0",
    ]
    monkeypatch.setattr(
        preflight, "missing_xcb_libraries", lambda: ["libxcb-icccm.so.4", "libxkbcommon-x11.so.0"]
    )
    said = display_problem({"DISPLAY": ":0"}, "linux", found)
    assert said is not None and "sudo apt install libxcb-icccm4 libxkbcommon-x11-0" in said


def test_wayland_needs_no_xcb_library() -> None:
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, "linux", missing) is None
    # Forcing xcb on a Wayland desktop still needs it.
    env = {"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}
    assert display_problem(env, "linux", missing, check_plugin=False) == NO_XCB_CURSOR


def test_chosen_platforms_and_other_systems_are_left_to_qt() -> None:
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux", missing) is None
    assert display_problem({}, "win32", missing) is None
    assert display_problem({}, "darwin", missing) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux")
def test_the_app_says_so_and_exits(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["DUPE_VIEWER_HOME"] = str(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "dupe_viewer"], capture_output=True, text=True, env=env, cwd=REPO, timeout=60
    )
    assert proc.returncode == 1
    assert "cannot start the window: no display" in proc.stderr
    assert "dupe-viewer scan" in proc.stderr  # what to do instead, over SSH or on a server
    assert "Aborted" not in proc.stderr and "core dumped" not in proc.stderr
