"""Tests for dupe_viewer.core.files.discovery: which files are found, once each, in a stable order."""

from __future__ import annotations

import os
import threading
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest

from dupe_viewer.core.files.discovery import (
    DiscoveryOptions,
    FileEntry,
    FileError,
    discover,
    has_image_extension,
)
from tests.conftest import is_root

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX symlinks")


def touch(root: Path, rel: str, data: bytes = b"x") -> Path:
    """Discovery never decodes, so any bytes will do; distinct data keeps sizes apart."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def run(roots: Iterable[str | os.PathLike[str]], **opts: object) -> tuple[list[FileEntry], list[FileError]]:
    entries: list[FileEntry] = []
    errors: list[FileError] = []
    for item in discover(list(roots), DiscoveryOptions(**opts) if opts else None):
        (errors if isinstance(item, FileError) else entries).append(item)
    return entries, errors


def rels(entries: Iterable[FileEntry], base: Path) -> list[str]:
    return [Path(e.path).relative_to(base).as_posix() for e in entries]


# -- roots and recursion ---------------------------------------------------------------------------
def test_several_roots_in_given_order(tmp_path: Path) -> None:
    touch(tmp_path, "b/2.jpg")
    touch(tmp_path, "a/1.jpg")
    touch(tmp_path, "c/3.jpg")  # not a root: must not be found
    entries, errors = run([tmp_path / "b", tmp_path / "a"])
    assert errors == []
    assert rels(entries, tmp_path) == ["b/2.jpg", "a/1.jpg"]


def test_recursion_and_non_recursive(tmp_path: Path) -> None:
    for rel in ("top.jpg", "sub/mid.jpg", "sub/deeper/low.png", "sub/deeper/deepest/z.gif"):
        touch(tmp_path, rel)
    entries, _ = run([tmp_path])
    assert sorted(rels(entries, tmp_path)) == [
        "sub/deeper/deepest/z.gif",
        "sub/deeper/low.png",
        "sub/mid.jpg",
        "top.jpg",
    ]
    entries, errors = run([tmp_path], recursive=False)
    assert errors == []
    assert rels(entries, tmp_path) == ["top.jpg"]


def test_entries_carry_identity(tmp_path: Path) -> None:
    path = touch(tmp_path, "one.jpg", b"12345")
    (entry,) = run([tmp_path])[0]
    st = path.stat()
    assert entry.path == str(path)
    assert os.path.isabs(entry.path)
    assert (entry.size, entry.mtime_ns, entry.inode, entry.device) == (
        5,
        st.st_mtime_ns,
        st.st_ino,
        st.st_dev,
    )


def test_relative_root_gives_absolute_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    touch(tmp_path, "pics/x.jpg")
    monkeypatch.chdir(tmp_path)
    (entry,) = run(["pics"])[0]
    assert entry.path == str(tmp_path / "pics" / "x.jpg")


def test_root_that_is_a_single_file(tmp_path: Path) -> None:
    img = touch(tmp_path, "single.JPG")
    touch(tmp_path, "sibling.jpg")
    entries, errors = run([img])
    assert errors == []
    assert [e.path for e in entries] == [str(img)]


def test_root_that_is_a_non_image_file(tmp_path: Path) -> None:
    doc = touch(tmp_path, "notes.txt")
    entries, errors = run([doc])
    assert entries == []
    assert errors == [FileError(str(doc), "not an image file (unknown extension)")]


def test_missing_root_is_an_error_and_the_walk_goes_on(tmp_path: Path) -> None:
    touch(tmp_path, "ok/a.jpg")
    missing = tmp_path / "nope"
    entries, errors = run([missing, tmp_path / "ok"])
    assert errors == [FileError(str(missing), "does not exist")]
    assert rels(entries, tmp_path) == ["ok/a.jpg"]


# -- include / exclude -----------------------------------------------------------------------------
@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for rel in ("a.jpg", "B.JPG", "c.png", "Raw/d.jpg", "raw/keep/e.png", "other/f.jpg", "other/thumb_g.jpg"):
        touch(tmp_path, rel)
    return tmp_path


def test_include_matches_name_case_insensitively(tree: Path) -> None:
    entries, _ = run([tree], include=["*.JPG"])
    assert sorted(rels(entries, tree)) == ["B.JPG", "Raw/d.jpg", "a.jpg", "other/f.jpg", "other/thumb_g.jpg"]


def test_include_matches_relative_path(tree: Path) -> None:
    entries, _ = run([tree], include=["OTHER/*"])
    assert sorted(rels(entries, tree)) == ["other/f.jpg", "other/thumb_g.jpg"]


def test_exclude_by_name_and_by_folder(tree: Path) -> None:
    entries, _ = run([tree], exclude=["THUMB_*", "raw"])
    # "raw" excludes both the folder "Raw" (case-insensitive) and, on a case-sensitive file system,
    # its sibling "raw" with everything below it.
    assert sorted(rels(entries, tree)) == ["B.JPG", "a.jpg", "c.png", "other/f.jpg"]


def test_exclude_by_relative_path_pattern(tree: Path) -> None:
    entries, _ = run([tree], exclude=["RAW/KEEP/*"])
    assert sorted(rels(entries, tree)) == [
        "B.JPG",
        "Raw/d.jpg",
        "a.jpg",
        "c.png",
        "other/f.jpg",
        "other/thumb_g.jpg",
    ]
    entries, _ = run([tree], exclude=["*.png"])
    assert sorted(rels(entries, tree)) == ["B.JPG", "Raw/d.jpg", "a.jpg", "other/f.jpg", "other/thumb_g.jpg"]


def test_include_and_exclude_together(tree: Path) -> None:
    entries, _ = run([tree], include=["*.jpg"], exclude=["other"])
    assert sorted(rels(entries, tree)) == ["B.JPG", "Raw/d.jpg", "a.jpg"]


# -- hidden files ----------------------------------------------------------------------------------
def test_hidden_files_and_folders(tmp_path: Path) -> None:
    for rel in ("visible.jpg", ".hidden.jpg", ".cache/inside.jpg", "sub/.also_hidden.png", "sub/shown.png"):
        touch(tmp_path, rel)
    entries, _ = run([tmp_path])
    assert sorted(rels(entries, tmp_path)) == ["sub/shown.png", "visible.jpg"]
    entries, _ = run([tmp_path], include_hidden=True)
    assert sorted(rels(entries, tmp_path)) == [
        ".cache/inside.jpg",
        ".hidden.jpg",
        "sub/.also_hidden.png",
        "sub/shown.png",
        "visible.jpg",
    ]


def test_hidden_root_given_explicitly_is_scanned(tmp_path: Path) -> None:
    touch(tmp_path, ".photos/a.jpg")
    entries, _ = run([tmp_path / ".photos"])
    assert rels(entries, tmp_path) == [".photos/a.jpg"]


# -- extensions ------------------------------------------------------------------------------------
IMAGE_NAMES = [
    "a.JPG", "b.Jpeg", "c.PNG", "d.heic", "e.webp", "f.tif", "g.gif", "h.bmp", "i.avif", "j.HEIF",
    "k.jxl", "l.PSD", "m.dng", "n.CR2", "o.nef", "p.arw",
]  # fmt: skip
OTHER_NAMES = ["notes.txt", "movie.mp4", "jpg", "archive.jpg.zip", "noext", "x.jpgx", "y.pdf", "z.eps"]


def test_extensions_case_insensitive_and_non_images_ignored(tmp_path: Path) -> None:
    for n in IMAGE_NAMES + OTHER_NAMES:
        touch(tmp_path, n)
    entries, errors = run([tmp_path])
    assert errors == []
    assert rels(entries, tmp_path) == sorted(IMAGE_NAMES)


@pytest.mark.parametrize("name", IMAGE_NAMES)
def test_has_image_extension_true(name: str) -> None:
    assert has_image_extension(name)


@pytest.mark.parametrize("name", OTHER_NAMES)
def test_has_image_extension_false(name: str) -> None:
    assert not has_image_extension(name)


def test_folder_named_like_an_image_is_walked_not_reported(tmp_path: Path) -> None:
    touch(tmp_path, "album.jpg/inner.png")
    entries, errors = run([tmp_path])
    assert errors == []
    assert rels(entries, tmp_path) == ["album.jpg/inner.png"]


# -- one entry per physical file -------------------------------------------------------------------
def test_overlapping_roots_yield_each_file_once(tmp_path: Path) -> None:
    touch(tmp_path, "top.jpg")
    touch(tmp_path, "sub/inner.jpg")
    entries, errors = run([tmp_path, tmp_path / "sub", tmp_path])
    assert errors == []
    assert rels(entries, tmp_path) == ["top.jpg", "sub/inner.jpg"]
    # Inner root first: its files are reported under it, and the outer walk does not repeat them.
    entries, _ = run([tmp_path / "sub", tmp_path])
    assert rels(entries, tmp_path) == ["sub/inner.jpg", "top.jpg"]


def test_same_root_given_twice_and_a_file_inside_a_root(tmp_path: Path) -> None:
    img = touch(tmp_path, "a.jpg")
    entries, errors = run([tmp_path, img, str(tmp_path) + os.sep])
    assert errors == []
    assert [e.path for e in entries] == [str(img)]


@needs_symlinks
def test_symlink_to_a_file_is_the_same_file(tmp_path: Path) -> None:
    real = touch(tmp_path, "b_real.jpg")
    (tmp_path / "a_link.jpg").symlink_to(real)
    (tmp_path / "z_link.jpg").symlink_to(real)
    entries, errors = run([tmp_path])
    assert errors == []
    assert len(entries) == 1
    # The first name in sorted order is the one reported, unresolved (what the user sees).
    assert entries[0].path == str(tmp_path / "a_link.jpg")
    assert os.path.samefile(entries[0].path, real)


@needs_symlinks
def test_symlinked_folder_is_walked_once(tmp_path: Path) -> None:
    touch(tmp_path, "real/x.jpg")
    touch(tmp_path, "real/y.png")
    (tmp_path / "alias").symlink_to(tmp_path / "real", target_is_directory=True)
    entries, errors = run([tmp_path])
    assert errors == []
    assert len(entries) == 2
    assert sorted(os.path.basename(e.path) for e in entries) == ["x.jpg", "y.png"]
    assert len({(e.device, e.inode) for e in entries}) == 2
    # Reached through a root given as the link itself, the files are still not repeated.
    entries, _ = run([tmp_path / "real", tmp_path / "alias"])
    assert rels(entries, tmp_path) == ["real/x.jpg", "real/y.png"]


@needs_symlinks
def test_symlinked_folder_not_followed_when_disabled(tmp_path: Path) -> None:
    touch(tmp_path, "elsewhere/x.jpg")
    touch(tmp_path, "root/own.jpg")
    (tmp_path / "root" / "linked").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (tmp_path / "root" / "file_link.jpg").symlink_to(tmp_path / "elsewhere" / "x.jpg")
    entries, _ = run([tmp_path / "root"])
    assert sorted(rels(entries, tmp_path)) == ["root/file_link.jpg", "root/own.jpg"]
    entries, errors = run([tmp_path / "root"], follow_symlinks=False)
    assert errors == []
    assert rels(entries, tmp_path) == ["root/own.jpg"]


def test_hard_link_is_the_same_file(tmp_path: Path) -> None:
    real = touch(tmp_path, "a.jpg")
    os.link(real, tmp_path / "b.jpg")
    touch(tmp_path, "c.jpg", b"other")
    entries, errors = run([tmp_path])
    assert errors == []
    assert rels(entries, tmp_path) == ["a.jpg", "c.jpg"]


@needs_symlinks
def test_symlink_loop_terminates(tmp_path: Path) -> None:
    touch(tmp_path, "top.jpg")
    touch(tmp_path, "sub/inner.jpg")
    (tmp_path / "sub" / "loop").symlink_to(tmp_path, target_is_directory=True)  # sub/loop -> its parent
    (tmp_path / "sub" / "self").symlink_to(tmp_path / "sub", target_is_directory=True)  # -> its own folder
    # In a thread, so that a walk that does not cut the loop fails the test instead of hanging it
    # (the links double the folders at every level, down to the kernel's 40-link limit).
    out: list[tuple[list[FileEntry], list[FileError]]] = []
    walker = threading.Thread(target=lambda: out.append(run([tmp_path])), daemon=True)
    walker.start()
    walker.join(timeout=20)
    assert not walker.is_alive(), "the walk did not terminate"
    entries, errors = out[0]
    assert errors == []
    assert rels(entries, tmp_path) == ["top.jpg", "sub/inner.jpg"]


@needs_symlinks
def test_self_referencing_symlink_is_an_error(tmp_path: Path) -> None:
    touch(tmp_path, "ok.jpg")
    (tmp_path / "spin.jpg").symlink_to(tmp_path / "spin.jpg")  # ELOOP
    entries, errors = run([tmp_path])
    assert rels(entries, tmp_path) == ["ok.jpg"]
    assert [e.path for e in errors] == [str(tmp_path / "spin.jpg")]
    assert errors[0].error in ("symbolic link loop", "broken symbolic link")


@needs_symlinks
def test_broken_symlink_is_a_readable_error(tmp_path: Path) -> None:
    touch(tmp_path, "fine.jpg")
    (tmp_path / "dangling.jpg").symlink_to(tmp_path / "deleted.jpg")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "deleted.txt")  # not an image name: ignored
    entries, errors = run([tmp_path])
    assert rels(entries, tmp_path) == ["fine.jpg"]
    assert errors == [FileError(str(tmp_path / "dangling.jpg"), "broken symbolic link")]


# -- order -----------------------------------------------------------------------------------------
def test_order_is_deterministic(tmp_path: Path) -> None:
    # Created in a scrambled order; the walk lists a folder's files (sorted by name), then its
    # subfolders depth first, also sorted.
    for rel in ("z.jpg", "b/2.jpg", "a/y/1.jpg", "m.png", "a/0.jpg", "b/1.jpg", "a/x/9.jpg", "A.jpg"):
        touch(tmp_path, rel)
    expected = ["A.jpg", "m.png", "z.jpg", "a/0.jpg", "a/x/9.jpg", "a/y/1.jpg", "b/1.jpg", "b/2.jpg"]
    first = rels(run([tmp_path])[0], tmp_path)
    assert first == expected
    assert rels(run([tmp_path])[0], tmp_path) == first


# -- permissions -----------------------------------------------------------------------------------
@pytest.mark.skipif(is_root() or os.name == "nt", reason="root reads every folder whatever its mode")
def test_unreadable_folder_is_an_error_and_the_walk_goes_on(tmp_path: Path) -> None:
    touch(tmp_path, "ok/a.jpg")
    locked = tmp_path / "locked"
    touch(tmp_path, "locked/secret.jpg")
    locked.chmod(0)
    try:
        entries, errors = run([tmp_path])
    finally:
        locked.chmod(0o755)
    assert rels(entries, tmp_path) == ["ok/a.jpg"]
    assert errors == [FileError(str(locked), "permission denied")]


def test_unlistable_folder_is_an_error_even_as_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same path as above, with the refusal simulated so it also runs as root."""
    touch(tmp_path, "ok/a.jpg")
    touch(tmp_path, "locked/secret.jpg")
    locked = str(tmp_path / "locked")
    real_scandir = os.scandir

    def scandir(path: str):  # type: ignore[no-untyped-def]
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", path)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    entries, errors = run([tmp_path])
    assert rels(entries, tmp_path) == ["ok/a.jpg"]
    assert errors == [FileError(locked, "permission denied")]


@pytest.mark.skipif(os.name != "posix", reason="FIFOs are POSIX")
def test_special_files_are_listed_as_skipped(tmp_path: Path) -> None:
    from dupe_viewer.core.files.discovery import FileError, discover

    os.mkfifo(tmp_path / "pipe.jpg")
    found = list(discover([tmp_path]))
    assert found == [
        FileError(str(tmp_path / "pipe.jpg"), "skipped: a named pipe (FIFO), not a regular file")
    ]


# -- files skipped as unsupported ------------------------------------------------------------------
def test_unsupported_files_are_counted_per_extension(tmp_path: Path) -> None:
    for rel in ("a.jpg", "clip1.mp4", "clip2.MP4", "sub/clip3.mp4", "art.xcf", "README", "doc.pdf"):
        touch(tmp_path, rel)
    touch(tmp_path, ".hidden.mp4")  # hidden: left out by the user's choice, not counted
    skipped: Counter[str] = Counter()
    entries = [e for e in discover([tmp_path], None, skipped) if isinstance(e, FileEntry)]
    assert rels(entries, tmp_path) == ["a.jpg"]
    assert skipped == {"mp4": 3, "xcf": 1, "": 1, "pdf": 1}


def test_files_left_out_by_patterns_are_not_counted_as_skipped(tmp_path: Path) -> None:
    for rel in ("a.jpg", "clip.mp4", "keep/art.xcf"):
        touch(tmp_path, rel)
    skipped: Counter[str] = Counter()
    list(discover([tmp_path], DiscoveryOptions(exclude=("*.mp4",)), skipped))
    assert skipped == {"xcf": 1}
    skipped.clear()
    list(discover([tmp_path], DiscoveryOptions(include=("keep/*",)), skipped))
    assert skipped == {"xcf": 1}
