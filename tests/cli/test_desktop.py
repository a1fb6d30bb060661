"""``dupe-viewer --install-desktop`` / ``--uninstall-desktop`` into a temporary XDG data folder:
the entry runs this installation, validates, and uninstalling removes exactly what was added."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dupe_viewer import assets
from dupe_viewer.cli import desktop, main


def _files(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*")}


def _value(entry: Path, key: str) -> str:
    for line in entry.read_text(encoding="utf-8").splitlines():
        if line.startswith(key + "="):
            return line.split("=", 1)[1]
    raise AssertionError(f"{key} missing from {entry}")


def test_flags_install_and_uninstall(tmp_path, monkeypatch, capsys) -> None:
    xdg = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(xdg))
    with pytest.raises(SystemExit) as done:
        main(["--install-desktop"])
    assert done.value.code == 0
    entry, icon = desktop.paths(xdg)
    assert entry.name == f"{assets.APP_ID}.desktop" and entry.parent == xdg / "applications"
    assert icon.read_bytes() == assets.icon_path().read_bytes()
    command = desktop.launcher_command()
    assert _value(entry, "Exec").startswith(desktop.quote_exec_arg(command[0]))
    assert _value(entry, "Exec").endswith(" %F")
    assert _value(entry, "TryExec") == command[0]
    assert _value(entry, "Icon") == str(icon)
    assert "installed" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        main(["--uninstall-desktop"])
    assert done.value.code == 0
    assert not xdg.exists()  # every folder it made is gone too, the data folder included
    with pytest.raises(SystemExit) as done:
        main(["--uninstall-desktop"])
    assert done.value.code == 0 and "nothing to remove" in capsys.readouterr().out


def test_uninstall_keeps_what_was_there_before(tmp_path) -> None:
    xdg = tmp_path / "share"
    mine = xdg / "applications" / "other.desktop"
    mine.parent.mkdir(parents=True)
    mine.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n", encoding="utf-8")
    (xdg / "icons" / "hicolor").mkdir(parents=True)
    before = _files(xdg)
    desktop.install(xdg, ["/opt/x/dupe-viewer-gui"])
    desktop.install(xdg, ["/opt/y/dupe-viewer-gui"])  # again: still knows what the first made
    entry, _ = desktop.paths(xdg)
    assert _value(entry, "Exec") == "/opt/y/dupe-viewer-gui %F"
    removed = desktop.uninstall(xdg)
    assert _files(xdg) == before
    assert xdg / "icons" / "hicolor" / "scalable" in removed
    assert xdg / "icons" / "hicolor" not in removed


def test_a_foreign_entry_of_that_name_is_left_alone(tmp_path, capsys) -> None:
    entry, _ = desktop.paths(tmp_path)
    entry.parent.mkdir(parents=True)
    entry.write_text("[Desktop Entry]\nType=Application\nName=Mine\nExec=mine\n", encoding="utf-8")
    with pytest.raises(desktop.DesktopError, match="not written by dupe-viewer"):
        desktop.install(tmp_path, ["/x/dupe-viewer-gui"])
    with pytest.raises(desktop.DesktopError, match="left alone"):
        desktop.uninstall(tmp_path)
    assert entry.read_text(encoding="utf-8").startswith("[Desktop Entry]\nType=Application\nName=Mine")


def test_a_hand_edited_record_cannot_remove_files_elsewhere(tmp_path) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me", encoding="utf-8")
    xdg = tmp_path / "share"
    entry, _ = desktop.paths(xdg)
    desktop.install(xdg, ["/x/dupe-viewer-gui"])
    text = entry.read_text(encoding="utf-8").replace(f"{desktop.CREATED}=", f"{desktop.CREATED}={outside};")
    entry.write_text(text, encoding="utf-8")
    desktop.uninstall(xdg)
    assert outside.read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize(
    ("arg", "quoted"),
    [
        ("/usr/bin/dupe-viewer-gui", "/usr/bin/dupe-viewer-gui"),
        ("/home/a b/dupe-viewer-gui", '"/home/a b/dupe-viewer-gui"'),
        ("/x/100%/gui", "/x/100%%/gui"),
        ('/x/"$HOME"/gui', '"/x/\\\\"\\\\$HOME\\\\"/gui"'),
        ("/x/back\\slash", '"/x/back\\\\\\\\slash"'),
    ],
)
def test_exec_arguments_are_quoted_as_the_spec_says(arg: str, quoted: str) -> None:
    assert desktop.quote_exec_arg(arg) == quoted


def test_a_path_with_a_line_break_is_refused() -> None:
    with pytest.raises(desktop.DesktopError, match="line break"):
        desktop.quote_exec_arg("/x/a\nb")


def test_launcher_of_a_bundle_is_its_windowed_executable(tmp_path, monkeypatch) -> None:
    for name in ("dupe-viewer", "dupe-viewer-gui"):
        (tmp_path / name).write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "dupe-viewer"))
    assert desktop.launcher_command() == [str(tmp_path / "dupe-viewer-gui")]


def test_launcher_is_the_gui_script_beside_the_running_one(tmp_path, monkeypatch) -> None:
    gui = tmp_path / "bin" / "dupe-viewer-gui"
    gui.parent.mkdir()
    gui.write_text("#!/bin/sh\n", encoding="utf-8")
    gui.chmod(0o755)
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "bin" / "dupe-viewer"), "--install-desktop"])
    assert desktop.launcher_command() == [str(gui)]


def test_xdg_data_home_must_be_absolute(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert desktop.data_home() == tmp_path / ".local" / "share"


def test_other_platforms_get_one_line(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert desktop.run_install() == 1
    err = capsys.readouterr().err
    assert err.startswith("dupe-viewer: error: --install-desktop registers") and err.count("\n") == 1


def test_installed_entry_validates(tmp_path) -> None:
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    entry, _ = desktop.paths(tmp_path)
    desktop.install(tmp_path, ["/opt/Dupe Viewer/dupe-viewer-gui", "--flag=$x"])
    res = subprocess.run([validator, str(entry)], capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout == "", res.stdout + res.stderr
