"""File actions (core, no display): trash and move re-check files, keep a copy, journal, undo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dupe_viewer.core.act import actions, journal
from dupe_viewer.core.act.actions import FAILED, OK, SKIPPED, Target


def _file(path: Path, data: bytes) -> Target:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    st = path.stat()
    return Target(str(path), st.st_size, st.st_mtime_ns)


def test_trash_moves_files_to_the_real_trash_and_journals(tmp_path: Path, trash_dir: Path) -> None:
    keep = _file(tmp_path / "a" / "keep.jpg", b"keep me")
    dup = _file(tmp_path / "b" / "copy.jpg", b"keep me")
    out = actions.execute([dup], groups=[[keep, dup]])
    assert [o.status for o in out] == [OK], out
    assert not os.path.exists(dup.path) and os.path.exists(keep.path)
    assert (trash_dir / "files" / "copy.jpg").read_bytes() == b"keep me"
    assert (trash_dir / "info" / "copy.jpg.trashinfo").is_file()
    entries = journal.read_journal()
    assert len(entries) == 1
    e = entries[0]
    assert (e["action"], e["source"], e["destination"], e["outcome"]) == ("trash", dup.path, "trash", "ok")
    assert e["size"] == dup.size and e["mtime_ns"] == dup.mtime_ns and e["time"]
    assert journal.journal_path().parent == Path(os.environ["DUPE_VIEWER_HOME"]) / "data"


def test_changed_or_vanished_files_are_skipped(tmp_path: Path, trash_dir: Path) -> None:
    keep = _file(tmp_path / "keep.jpg", b"x" * 10)
    changed = _file(tmp_path / "changed.jpg", b"x" * 10)
    gone = _file(tmp_path / "gone.jpg", b"x" * 10)
    Path(changed.path).write_bytes(b"y" * 11)  # edited after the scan
    os.unlink(gone.path)
    out = actions.execute([changed, gone], groups=[[keep, changed, gone]])
    assert [o.status for o in out] == [SKIPPED, SKIPPED]
    assert "changed" in out[0].reason and "no longer exists" in out[1].reason
    assert Path(changed.path).read_bytes() == b"y" * 11
    assert [e["outcome"] for e in journal.read_journal()] == ["skipped", "skipped"]
    assert not (trash_dir / "files").exists() or not any((trash_dir / "files").iterdir())


def test_same_size_but_new_mtime_counts_as_changed(tmp_path: Path, trash_dir: Path) -> None:
    keep = _file(tmp_path / "keep.jpg", b"abc")
    dup = _file(tmp_path / "dup.jpg", b"abc")
    os.utime(dup.path, ns=(dup.mtime_ns + 5_000_000_000, dup.mtime_ns + 5_000_000_000))
    assert actions.execute([dup], groups=[[keep, dup]])[0].status == SKIPPED
    assert os.path.exists(dup.path)


def test_never_removes_the_last_copy_of_a_group(tmp_path: Path, trash_dir: Path) -> None:
    a = _file(tmp_path / "a.jpg", b"same")
    b = _file(tmp_path / "b.jpg", b"same")
    out = actions.execute([a, b], groups=[[a, b]])
    assert [o.status for o in out] == [SKIPPED, SKIPPED]
    assert all("every copy" in o.reason for o in out)
    assert os.path.exists(a.path) and os.path.exists(b.path)


def test_keeper_that_vanished_or_changed_protects_the_others(tmp_path: Path, trash_dir: Path) -> None:
    keep = _file(tmp_path / "keep.jpg", b"same")
    dup = _file(tmp_path / "dup.jpg", b"same")
    os.unlink(keep.path)
    out = actions.execute([dup], groups=[[keep, dup]])
    assert out[0].status == SKIPPED and "kept" in out[0].reason
    assert os.path.exists(dup.path)


def test_trash_failure_is_reported_not_raised(tmp_path: Path) -> None:
    keep = _file(tmp_path / "keep.jpg", b"k")
    dup = _file(tmp_path / "dup.jpg", b"k")

    def broken_trash(path: str) -> None:
        raise OSError(28, "No space left on device")

    out = actions.execute([dup], groups=[[keep, dup]], trash=broken_trash)
    assert out[0].status == FAILED and "No space" in out[0].reason
    assert os.path.exists(dup.path)
    assert journal.read_journal()[0]["outcome"] == "failed"


def test_move_to_folder_never_overwrites_and_can_be_undone(tmp_path: Path) -> None:
    keep = _file(tmp_path / "src" / "keep.jpg", b"original")
    d1 = _file(tmp_path / "src" / "one" / "photo.jpg", b"copy one")
    d2 = _file(tmp_path / "src" / "two" / "photo.jpg", b"copy two")
    dest = tmp_path / "dest"
    dest.mkdir()
    (dest / "photo.jpg").write_bytes(b"already here")
    out = actions.execute([d1, d2], groups=[[keep, d1, d2]], action=actions.MOVE, destination=dest)
    assert [o.status for o in out] == [OK, OK]
    assert (dest / "photo.jpg").read_bytes() == b"already here"
    assert {Path(o.destination).name for o in out} == {"photo (2).jpg", "photo (3).jpg"}
    assert Path(out[0].destination).read_bytes() == b"copy one"
    assert not os.path.exists(d1.path) and not os.path.exists(d2.path)
    # Preserved modification time: an undone move restores the file as it was scanned.
    assert os.stat(out[0].destination).st_mtime_ns == d1.mtime_ns

    entries = journal.read_journal()
    batches = journal.undoable_moves(entries)
    assert len(batches) == 1
    (batch,) = batches.values()
    # Something new now sits at one original path: that file is not moved back over it.
    Path(d2.path).write_bytes(b"new file")
    undo = actions.undo_moves(batch)
    assert [o.status for o in undo] == [OK, SKIPPED]
    assert Path(d1.path).read_bytes() == b"copy one"
    assert Path(d2.path).read_bytes() == b"new file"
    assert "occupied" in undo[1].reason
    # The undone move is no longer offered; the refused one still is.
    left = journal.undoable_moves(journal.read_journal())
    assert [e["source"] for b in left.values() for e in b] == [d2.path]


def test_move_falls_back_to_copy_when_hard_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = _file(tmp_path / "keep.jpg", b"k")
    dup = _file(tmp_path / "dup.jpg", b"payload")
    dest = tmp_path / "dest"
    dest.mkdir()

    def no_link(*args: object, **kwargs: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_link)
    out = actions.execute([dup], groups=[[keep, dup]], action=actions.MOVE, destination=dest)
    assert out[0].status == OK
    assert (dest / "dup.jpg").read_bytes() == b"payload" and not os.path.exists(dup.path)


def test_cancel_skips_the_remaining_files(tmp_path: Path) -> None:
    keep = _file(tmp_path / "keep.jpg", b"k")
    dups = [_file(tmp_path / f"d{n}.jpg", b"k") for n in range(3)]
    trashed: list[str] = []
    out = actions.execute(
        dups,
        groups=[[keep, *dups]],
        trash=lambda p: (trashed.append(p), os.unlink(p)),
        should_stop=lambda: len(trashed) >= 1,
    )
    assert [o.status for o in out] == [OK, SKIPPED, SKIPPED]
    assert "cancelled" in out[1].reason


def test_unique_destination(tmp_path: Path) -> None:
    assert actions.unique_destination(tmp_path, "a.jpg") == str(tmp_path / "a.jpg")
    (tmp_path / "a.jpg").write_bytes(b"")
    (tmp_path / "a (2).jpg").write_bytes(b"")
    assert actions.unique_destination(tmp_path, "a.jpg") == str(tmp_path / "a (3).jpg")
