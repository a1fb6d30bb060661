"""Send one file to the system trash (send2trash), leaving no orphan behind when that fails.

The freedesktop trash (Linux, BSD) writes ``info/NAME.trashinfo`` first and moves the file into
``files/NAME`` after: when the move fails (a read-only folder, a full disk, an I/O error) send2trash
leaves the info file, and file managers list a trashed file that does not exist. After a failure,
:func:`send_to_trash` removes the ``.trashinfo`` files that appeared during this call, name for this
very path and have no ``files/`` counterpart; any other, older or someone else's, is left alone.
"""

from __future__ import annotations

import contextlib
import os
import sys
from types import ModuleType
from urllib.parse import unquote_to_bytes

INFO_SUFFIX = ".trashinfo"


def send_to_trash(path: str) -> None:
    """Trash ``path`` with send2trash; on failure remove the orphan it left, then re-raise."""
    from send2trash import send2trash

    places = _info_dirs(path)
    before = {place: _names(place[0]) for place in places}
    try:
        send2trash(path)
    except BaseException:
        _remove_orphans(path, before)
        raise


def _freedesktop() -> ModuleType | None:
    import send2trash

    module = getattr(send2trash.send2trash, "__module__", "")
    return sys.modules.get(module) if module == "send2trash.plat_other" else None


def _info_dirs(path: str) -> list[tuple[str, str]]:
    """(info folder, folder its relative ``Path=`` lines start from) of each trash that send2trash
    may use for ``path``: the home trash, and the two trashes of the file's volume."""
    plat = _freedesktop()
    if plat is None:
        return []
    places: list[tuple[str, str]] = []
    with contextlib.suppress(Exception):  # send2trash internals differ between versions
        places.append((os.path.join(os.fsdecode(plat.HOMETRASH_B), "info"), os.fsdecode(plat.XDG_DATA_HOME)))
    with contextlib.suppress(Exception):
        top = os.fsdecode(plat.find_mount_point(os.fsencode(path)))
        uid = str(os.getuid())
        places.append((os.path.join(top, ".Trash", uid, "info"), top))
        places.append((os.path.join(top, f".Trash-{uid}", "info"), top))
    return places


def _names(folder: str) -> set[str]:
    try:
        return set(os.listdir(folder))
    except OSError:
        return set()


def _recorded_path(info_file: str, top: str) -> str | None:
    try:
        with open(info_file, "rb") as fh:
            lines = fh.read(64 * 1024).splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(b"Path="):
            recorded = os.fsdecode(unquote_to_bytes(line[5:].strip()))
            return os.path.normpath(os.path.join(top, recorded))
    return None


def _remove_orphans(path: str, before: dict[tuple[str, str], set[str]]) -> None:
    wanted = {os.path.normpath(os.path.abspath(path)), os.path.realpath(path)}
    for (info, top), old in before.items():
        for name in _names(info) - old:
            if not name.endswith(INFO_SUFFIX):
                continue
            counterpart = os.path.join(os.path.dirname(info), "files", name[: -len(INFO_SUFFIX)])
            if os.path.lexists(counterpart):
                continue  # that file did reach the trash: not an orphan
            info_file = os.path.join(info, name)
            if _recorded_path(info_file, top) in wanted:
                with contextlib.suppress(OSError):
                    os.unlink(info_file)
