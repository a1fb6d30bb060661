"""Helpers of the file-action tests: scanned files, a fake trash, the invariants every fault must keep."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from dupe_viewer.core.act.actions import Target
from dupe_viewer.core.files.exact import full_hash

#: A fixed modification time, so a swapped file can have exactly the scanned one.
MTIME_NS = 1_600_000_000_000_000_000


def make_file(path: Path, data: bytes, *, digest: bool = False, mtime_ns: int | None = MTIME_NS) -> Target:
    """Write ``path`` and return it as a scan would have seen it (size, mtime, inode, ctime)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime_ns is not None:
        os.utime(path, ns=(mtime_ns, mtime_ns))
    st = os.stat(path)
    return Target(
        str(path),
        st.st_size,
        st.st_mtime_ns,
        inode=st.st_ino,
        device=st.st_dev,
        ctime_ns=st.st_ctime_ns,
        digest=full_hash(path) if digest else None,
    )


def fake_trash(folder: Path) -> Callable[[str], None]:
    """A trash that works like the freedesktop one: an info file first, then a rename of the file
    (names are unique in these tests, so the file keeps its name)."""
    (folder / "files").mkdir(parents=True, exist_ok=True)
    (folder / "info").mkdir(parents=True, exist_ok=True)

    def trash(path: str) -> None:
        name = os.path.basename(path)
        (folder / "info" / f"{name}.trashinfo").write_text(f"Path={path}\n")
        os.rename(path, folder / "files" / name)

    return trash


def is_real_file(path: str) -> bool:
    """A regular file at ``path`` itself (not a symbolic link to one)."""
    try:
        return os.path.isfile(path) and not os.path.islink(path)
    except OSError:
        return False


def raw_journal(path: Path) -> list[dict]:
    """Every parseable line of a journal file, as written (intents and outcomes apart)."""
    out = []
    if path.exists():
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                e = json.loads(line)
            except ValueError:
                continue
            if isinstance(e, dict):
                out.append(e)
    return out


def check_invariants(
    groups: Sequence[Sequence[Target]],
    trash_files: Path | Sequence[Path] | None,
    journal_file: Path,
    move_folder: Path | None = None,
) -> None:
    """After any fault: each file is in place, in the trash or in the move folder; each group
    keeps a real file in place whose bytes are a kept member's; each file no longer in place has
    at least an intent line in the journal."""
    journaled = {e.get("source") for e in raw_journal(journal_file)}
    trashes = [trash_files] if isinstance(trash_files, Path) else list(trash_files or ())
    for g in groups:
        in_place = [m for m in g if is_real_file(m.path)]
        assert in_place, f"a group lost every copy: {[m.path for m in g]}"
        for m in g:
            name = os.path.basename(m.path)
            where: list[str] = []
            if os.path.lexists(m.path):  # the file, or what a swap after the scan put there
                where.append("place")
            if any((t / name).exists() for t in trashes):
                where.append("trash")
            if move_folder is not None and (move_folder / name).exists():
                where.append("moved")
            assert where, f"{m.path} is nowhere"
            if "place" not in where:
                assert m.path in journaled, f"{m.path} left its place with no journal line"
