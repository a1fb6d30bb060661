"""Find image files under one or more roots.

Each physical file is reported once, however it is reached: overlapping roots, symbolic links
and hard links all resolve to the same (device, inode). Directory symlink loops are cut by
remembering which directories were entered. Anything that cannot be listed or stat'ed becomes a
:class:`FileError`, never an exception that stops the walk. Files whose format is not read
(:mod:`.formats`) are counted per extension for the report ("412 files skipped: .mp4 400").
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..messages import message
from ..options import DiscoveryOptions
from . import formats
from .opening import special_kind


def __getattr__(name: str) -> Any:
    # IMAGE_EXTENSIONS (lower case, without the dot) comes from Pillow's registry and its plugins
    # (see .formats); computed on first use, so importing discovery loads no image library.
    if name == "IMAGE_EXTENSIONS":
        return formats.image_extensions()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class FileEntry:
    """A file found on disk, with the identity the cache keys on."""

    path: str  # absolute, not resolved through symlinks (what the user sees)
    size: int
    mtime_ns: int
    inode: int
    device: int
    #: Status change time: a file rewritten in place with its size and mtime restored still gets
    #: a new ctime, so a cached feature or a decision about the old contents is not trusted.
    ctime_ns: int = 0


@dataclass(frozen=True)
class FileError:
    """A file or folder that could not be used, with a human-readable reason."""

    path: str
    error: str


def _is_hidden(name: str, st: os.stat_result | None) -> bool:
    if name.startswith("."):
        return True
    attrs = getattr(st, "st_file_attributes", 0) if st is not None else 0
    return bool(attrs & getattr(stat, "FILE_ATTRIBUTE_HIDDEN", 0))


def _matches(patterns: Iterable[str], name: str, rel: str) -> bool:
    name, rel = name.lower(), rel.lower()
    return any(fnmatch.fnmatchcase(name, p) or fnmatch.fnmatchcase(rel, p) for p in patterns)


def has_image_extension(name: str) -> bool:
    return formats.extension(name) in formats.image_extensions()


def _reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return message("permission")
    if isinstance(exc, FileNotFoundError):
        return message("vanished_scanning")
    if getattr(exc, "errno", None) == 40:  # ELOOP
        return message("link_loop")
    return exc.strerror or str(exc)  # the OS's own words: no code of ours


def discover(
    roots: Iterable[str | os.PathLike[str]],
    options: DiscoveryOptions | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[FileEntry | FileError]:
    """Yield every image file under ``roots`` once, in a deterministic order, plus errors.

    A root may be a folder or a single file. Order: roots in the order given, then sorted names.
    ``skipped``, when given, counts the files passed over because their format is not read, by
    extension (lower case, no dot; "" for none). Files left out by the include/exclude patterns
    or as hidden are the user's choice, not counted.
    """
    opts = options or DiscoveryOptions()
    include = [p.lower() for p in opts.include]
    exclude = [p.lower() for p in opts.exclude]
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    readable = formats.image_extensions()

    def accept_file(path: str, name: str, rel: str) -> FileEntry | FileError | None:
        ext = formats.extension(name)
        if include and not _matches(include, name, rel):
            return None
        if exclude and _matches(exclude, name, rel):
            return None
        if ext not in readable:
            if skipped is not None:
                skipped[ext] += 1
            return None
        try:
            st = os.stat(path)
        except OSError as exc:
            if os.path.islink(path):
                return FileError(path, message("broken_link"))
            return FileError(path, _reason(exc))
        if not stat.S_ISREG(st.st_mode):
            # Listed, not silently dropped: a FIFO or device named like a photo is worth a line.
            return FileError(path, message("skipped_special", kind=special_kind(st.st_mode)))
        key = (st.st_dev, st.st_ino)
        # Windows may report inode 0 on some filesystems; then identity falls back to the path.
        if st.st_ino and key in seen_files:
            return None
        seen_files.add(key)
        return FileEntry(path, st.st_size, st.st_mtime_ns, st.st_ino, st.st_dev, st.st_ctime_ns)

    for root in roots:
        root_path = os.path.abspath(os.fspath(root))
        try:
            st = os.stat(root_path)
        except OSError as exc:
            yield FileError(
                root_path, _reason(exc) if not isinstance(exc, FileNotFoundError) else message("missing")
            )
            continue
        if stat.S_ISREG(st.st_mode):
            name = os.path.basename(root_path)
            if not has_image_extension(name):
                yield FileError(root_path, message("unknown_extension"))
                continue
            res = accept_file(root_path, name, name)
            if res is not None:
                yield res
            continue
        stack: list[str] = [root_path]
        prefix = os.path.join(root_path, "")
        patterns = bool(include or exclude)
        while stack:
            folder = stack.pop()
            try:
                fst = os.stat(folder)
            except OSError as exc:
                yield FileError(folder, _reason(exc))
                continue
            if (fst.st_dev, fst.st_ino) in seen_dirs:
                continue  # a loop, or a folder reached through two roots
            seen_dirs.add((fst.st_dev, fst.st_ino))
            try:
                with os.scandir(folder) as it:
                    entries = sorted(it, key=lambda e: e.name)
            except OSError as exc:
                yield FileError(folder, _reason(exc))
                continue
            subdirs: list[str] = []
            for entry in entries:
                try:
                    is_link = entry.is_symlink()
                    is_dir = entry.is_dir(follow_symlinks=opts.follow_symlinks)
                except OSError as exc:
                    yield FileError(entry.path, _reason(exc))
                    continue
                if not opts.include_hidden:
                    try:
                        est = entry.stat(follow_symlinks=False) if os.name == "nt" else None
                    except OSError:
                        est = None
                    if _is_hidden(entry.name, est):
                        continue
                # Only patterns need the relative path; os.path.relpath costs more than the stat
                # itself, and entries are always below the root, so a slice does.
                rel = entry.path[len(prefix) :].replace(os.sep, "/") if patterns else ""
                if is_dir:
                    if not opts.recursive or (is_link and not opts.follow_symlinks):
                        continue
                    if exclude and _matches(exclude, entry.name, rel):
                        continue
                    subdirs.append(entry.path)
                    continue
                if is_link and not opts.follow_symlinks:
                    continue
                res = accept_file(entry.path, entry.name, rel)
                if res is not None:
                    yield res
            # Reversed so the stack pops them in sorted order: output order is stable.
            stack.extend(reversed(subdirs))
