"""``dupe-viewer --install-desktop`` / ``--uninstall-desktop``: the app in the desktop's menu.

pip and pipx cannot register a launcher: files a wheel installs as "data" land inside the
environment (a pipx venv, a virtualenv), where no desktop looks. So the app registers itself, for
the current user, under ``$XDG_DATA_HOME`` (``~/.local/share``), following the XDG Desktop Entry
spec:

- ``applications/<app id>.desktop``, made from the packaged entry with ``Exec=`` (and ``TryExec=``,
  so the menu hides it once the installation is gone) pointing at *this* installation's
  ``dupe-viewer-gui``: the script next to the running one, the environment's scripts folder, or
  the bundle's executable in a PyInstaller build;
- ``icons/hicolor/scalable/apps/<app id>.svg``, the packaged icon, named by absolute path in the
  entry (a stale icon-theme cache cannot hide it).

The entry records what the install created (the icon, and the folders that did not exist), so
``--uninstall-desktop`` removes exactly that and nothing else; it refuses an entry of that name
that it did not write. ``update-desktop-database`` is run where the folder already has its cache
(our entry declares no MIME types, so the cache never needs one of its own: not claiming
``inode/directory`` keeps the app from becoming some desktops' default folder opener).

Qt-free and engine-free: the command line registers the two flags with :func:`add_arguments`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from .common import prog_error

# shutil, subprocess, sysconfig and the packaged assets are imported by the functions that use
# them: every command builds the parser that registers these flags, and only these flags act.

#: Key the installed entry carries: who wrote it, and what it created.
MARKER = "X-DupeViewer-Installed-By"
CREATED = "X-DupeViewer-Created"
GUI_SCRIPT = "dupe-viewer-gui"
#: Characters that make a desktop-entry ``Exec`` argument need quotes (the spec's reserved set).
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class DesktopError(Exception):
    """Desktop integration is impossible here; one line for the user."""


def data_home() -> Path:
    """``$XDG_DATA_HOME`` when set to an absolute path (the spec ignores relative ones), else
    ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def quote_exec_arg(arg: str) -> str:
    """One ``Exec=`` argument, quoted and escaped as the Desktop Entry spec says (``%`` doubled,
    then the string-value escaping of backslashes)."""
    if "\n" in arg or "\r" in arg:
        raise DesktopError(f"cannot write a launcher for a path with a line break: {arg!r}")
    if not arg or any(c in _RESERVED for c in arg):
        arg = '"' + "".join("\\" + c if c in '"`$\\' else c for c in arg) + '"'
    return arg.replace("%", "%%").replace("\\", "\\\\")


def launcher_command() -> list[str]:
    """The command that opens the window of the installation running now."""
    import shutil
    import sysconfig

    if getattr(sys, "frozen", False):  # a PyInstaller bundle: its own windowed executable
        exe = Path(sys.executable).resolve()
        gui = exe.with_name(GUI_SCRIPT + exe.suffix)
        return [str(gui if gui.is_file() else exe)]
    candidates = []
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name.startswith("dupe-viewer"):
        candidates.append(argv0.absolute().with_name(GUI_SCRIPT))
    for scheme in (sysconfig.get_default_scheme(), f"{os.name}_user"):
        try:
            candidates.append(Path(sysconfig.get_path("scripts", scheme)) / GUI_SCRIPT)
        except KeyError:
            continue
    found = shutil.which(GUI_SCRIPT)
    if found:
        candidates.append(Path(found))
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return [str(path)]
    return [sys.executable, "-m", "dupe_viewer"]  # no script installed: the module runs too


def _set_key(lines: list[str], key: str, value: str) -> list[str]:
    """``lines`` of the [Desktop Entry] group with ``key=value`` replacing or added."""
    out, done, in_main = [], False, False
    for line in lines:
        if line.startswith("["):
            if in_main and not done:
                out.append(f"{key}={value}")
                done = True
            in_main = line.strip() == "[Desktop Entry]"
        elif in_main and line.split("=", 1)[0].strip() == key:
            if not done:
                out.append(f"{key}={value}")
                done = True
            continue
        out.append(line)
    if not done:
        out.append(f"{key}={value}")
    return out


def _entry_value(text: str, key: str) -> str | None:
    for line in text.splitlines():
        if line.split("=", 1)[0].strip() == key and "=" in line:
            return line.split("=", 1)[1].strip()
    return None


def _escape_list_item(path: Path) -> str:
    return str(path).replace("\\", "\\\\").replace(";", "\\;")


def _split_list(value: str) -> list[str]:
    items, current, chars = [], "", iter(value)
    for c in chars:
        if c == "\\":
            current += next(chars, "")
        elif c == ";":
            items.append(current)
            current = ""
        else:
            current += c
    return [*items, current] if current else items


def paths(home: Path) -> tuple[Path, Path]:
    """Where the entry and the icon go under the data folder ``home``."""
    from .. import assets

    entry = home / "applications" / assets.DESKTOP_ENTRY
    icon = home / "icons" / "hicolor" / "scalable" / "apps" / f"{assets.APP_ID}.svg"
    return entry, icon


def _mkdirs(folder: Path, created: list[Path]) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        created.append(path)


def _refresh(applications: Path) -> None:
    import shutil
    import subprocess

    tool = shutil.which("update-desktop-database")
    if tool and (applications / "mimeinfo.cache").is_file():
        subprocess.run([tool, "-q", str(applications)], check=False, timeout=60)


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Write the entry and the icon under ``home`` (default :func:`data_home`); return them."""
    import shutil

    from .. import assets

    home = home or data_home()
    command = command or launcher_command()
    source, icon_source = assets.desktop_entry_path(), assets.icon_path()
    if source is None or icon_source is None:
        raise DesktopError("this installation lacks its desktop entry or icon (a broken install?)")
    entry, icon = paths(home)
    created: list[Path] = []
    if entry.exists():
        previous = entry.read_text(encoding="utf-8", errors="replace")
        if _entry_value(previous, MARKER) is None:
            raise DesktopError(f"{entry} exists and was not written by dupe-viewer; left alone")
        created = [Path(p) for p in _split_list(_entry_value(previous, CREATED) or "")]
        created = [p for p in created if p != icon]
    _mkdirs(entry.parent, created)
    _mkdirs(icon.parent, created)
    shutil.copyfile(icon_source, icon)
    lines = source.read_text(encoding="utf-8").splitlines()
    lines = _set_key(lines, "Exec", " ".join(quote_exec_arg(a) for a in command) + " %F")
    lines = _set_key(lines, "TryExec", command[0].replace("\\", "\\\\"))
    lines = _set_key(lines, "Icon", str(icon).replace("\\", "\\\\"))
    lines = _set_key(lines, MARKER, "dupe-viewer --install-desktop")
    lines = _set_key(lines, CREATED, "".join(_escape_list_item(p) + ";" for p in [icon, *created]))
    tmp = entry.with_name(entry.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    tmp.replace(entry)
    _refresh(entry.parent)
    return [entry, icon]


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what :func:`install` wrote under ``home``; return the paths removed."""
    home = home or data_home()
    entry, _ = paths(home)
    if not entry.is_file():
        return []
    text = entry.read_text(encoding="utf-8", errors="replace")
    if _entry_value(text, MARKER) is None:
        raise DesktopError(f"{entry} was not written by dupe-viewer --install-desktop; left alone")
    recorded = [Path(p) for p in _split_list(_entry_value(text, CREATED) or "")]
    removed = [entry]
    entry.unlink()
    for path in recorded:
        # Only what lies under the data folder: a hand-edited entry cannot make us delete elsewhere.
        if home not in path.parents:
            continue
        if path.is_file() and not path.is_symlink():
            path.unlink()
            removed.append(path)
    folders = (p for p in recorded if p == home or home in p.parents)  # the data folder too, if made
    for path in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if path.is_dir() and not any(path.iterdir()):
            path.rmdir()
            removed.append(path)
    if entry.parent.is_dir():
        _refresh(entry.parent)
    return removed


def _supported() -> None:
    if sys.platform in ("win32", "darwin"):
        raise DesktopError(
            "--install-desktop registers the app with Linux (XDG) desktops; on Windows and macOS "
            "use the app bundle, or make a shortcut to dupe-viewer-gui"
        )


def run_install() -> int:
    try:
        _supported()
        entry, icon = install()
    except (DesktopError, OSError) as exc:
        return prog_error(str(exc), 1)
    print(f"installed {entry}\n  runs: {_entry_value(entry.read_text(encoding='utf-8'), 'Exec')}")
    print(f"installed {icon}")
    return 0


def run_uninstall() -> int:
    try:
        _supported()
        removed = uninstall()
    except (DesktopError, OSError) as exc:
        return prog_error(str(exc), 1)
    if not removed:
        print(f"nothing to remove: {paths(data_home())[0]} does not exist")
    for path in removed:
        print(f"removed {path}")
    return 0


class _RunAndExit(argparse.Action):
    """A flag that acts and ends the program, like ``--version``."""

    def __init__(self, option_strings: list[str], dest: str, run: Callable[[], int], **kwargs) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)
        self.run = run

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        parser.exit(self.run())


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register ``--install-desktop`` and ``--uninstall-desktop`` on the top-level parser."""
    parser.add_argument(
        "--install-desktop",
        action=_RunAndExit,
        run=run_install,
        help="add Dupe Viewer to the desktop's application menu (Linux, for pip/pipx installs): a "
        "launcher that starts this installation, and its icon, under $XDG_DATA_HOME (~/.local/share)",
    )
    parser.add_argument(
        "--uninstall-desktop",
        action=_RunAndExit,
        run=run_uninstall,
        help="remove what --install-desktop added",
    )
