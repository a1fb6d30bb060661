"""The journal: an intent before each file is acted on, an outcome after, signed lines, and an undo
that trusts only what it wrote (issue 12)."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from dupe_viewer.core.act import actions, journal
from dupe_viewer.core.act.actions import FAILED, OK, SKIPPED
from tests.core.act.util import fake_trash, make_file, raw_journal


def _moved(tmp_path: Path, n: int = 2) -> tuple[list, Path, list]:
    keep = make_file(tmp_path / "src" / "keep.jpg", b"k")
    dups = [make_file(tmp_path / "src" / f"d{i}.jpg", b"k") for i in range(n)]
    dest = tmp_path / "dest"
    dest.mkdir()
    out = actions.execute(dups, groups=[[keep, *dups]], action=actions.MOVE, destination=dest)
    assert all(o.ok for o in out), out
    return dups, dest, out


def test_the_intent_is_on_disk_before_the_file_is_touched(tmp_path: Path) -> None:
    keep = make_file(tmp_path / "keep.jpg", b"k")
    dup = make_file(tmp_path / "dup.jpg", b"k")
    trash = fake_trash(tmp_path / "trash")
    seen: list[list[dict]] = []

    def trash_and_look(path: str) -> None:
        seen.append(raw_journal(journal.journal_path()))
        trash(path)

    out = actions.execute([dup], groups=[[keep, dup]], trash=trash_and_look)
    assert out[0].ok
    ((intent,),) = seen
    assert intent["source"] == dup.path and intent["outcome"] == journal.PENDING
    # Read back, the intent and its outcome are one entry.
    (entry,) = journal.read_journal()
    assert entry["outcome"] == OK and entry["source"] == dup.path


def test_a_journal_that_cannot_be_written_stops_that_file_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = make_file(tmp_path / "keep.jpg", b"k")
    dups = [make_file(tmp_path / f"d{i}.jpg", b"k") for i in range(3)]
    real = journal._append
    calls = []

    def full_disk_once(fd: int, data: bytes) -> None:
        calls.append(data)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(journal, "_append", full_disk_once)
    out = actions.execute(dups, groups=[[keep, *dups]], trash=fake_trash(tmp_path / "trash"))
    assert [o.status for o in out] == [FAILED, OK, OK]
    assert "cannot write the journal" in out[0].reason and "No space" in out[0].reason
    assert os.path.exists(dups[0].path) and not os.path.exists(dups[1].path)


def test_no_journal_at_all_acts_on_nothing_and_raises_nothing(tmp_path: Path) -> None:
    keep = make_file(tmp_path / "keep.jpg", b"k")
    dup = make_file(tmp_path / "dup.jpg", b"k")
    bad = tmp_path / "a folder"
    bad.mkdir()
    out = actions.execute([dup], groups=[[keep, dup]], trash=fake_trash(tmp_path / "trash"), journal=bad)
    assert out[0].status == FAILED and "cannot write the journal" in out[0].reason
    assert os.path.exists(dup.path)


def test_an_intent_without_outcome_says_where_the_file_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = make_file(tmp_path / "src" / "keep.jpg", b"k")
    dup = make_file(tmp_path / "src" / "dup.jpg", b"k")
    dest = tmp_path / "dest"
    dest.mkdir()
    real = journal._append
    calls = []

    def dies_after_the_intent(fd: int, data: bytes) -> None:
        calls.append(data)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(journal, "_append", dies_after_the_intent)
    out = actions.execute([dup], groups=[[keep, dup]], action=actions.MOVE, destination=dest)
    monkeypatch.setattr(journal, "_append", real)
    assert out[0].ok  # the move happened; only its outcome line is missing
    (entry,) = journal.read_journal()
    assert entry["outcome"] == journal.PENDING and entry["now"] == "destination"
    # The move is still offered for undo, and undoes.
    (batch,) = journal.undoable_moves(journal.read_journal()).values()
    assert [o.status for o in actions.undo_moves(batch)] == [OK]
    assert os.path.exists(dup.path) and not any(dest.iterdir())


def test_undo_refuses_an_edited_line(tmp_path: Path) -> None:
    dups, _, out = _moved(tmp_path, 1)
    path = journal.journal_path()
    lines = path.read_text().splitlines()
    elsewhere = tmp_path / "elsewhere" / "evil.jpg"
    edited = [line.replace(json.dumps(dups[0].path)[1:-1], str(elsewhere)) for line in lines]
    assert edited != lines
    path.write_text("\n".join(edited) + "\n")
    entries = [e for e in journal.read_journal() if e.get("action") == actions.MOVE]
    assert journal.undoable_moves(journal.read_journal()) == {}
    undo = actions.undo_moves(entries)
    assert [o.status for o in undo] == [SKIPPED] and "sign" in undo[0].reason
    assert not elsewhere.exists() and os.path.exists(out[0].destination)


def test_undo_refuses_a_path_that_is_not_normalised(tmp_path: Path) -> None:
    keep = make_file(tmp_path / "keep.jpg", b"k")
    dup = make_file(tmp_path / "dup.jpg", b"k")
    (tmp_path / "sub").mkdir()
    odd = actions.Target(str(tmp_path / "sub" / ".." / "dup.jpg"), dup.size, dup.mtime_ns)
    dest = tmp_path / "dest"
    dest.mkdir()
    out = actions.execute([odd], groups=[[keep, odd]], action=actions.MOVE, destination=dest)
    assert out[0].ok
    (batch,) = journal.undoable_moves(journal.read_journal()).values()
    undo = actions.undo_moves(batch)
    assert undo[0].status == SKIPPED and ".." in undo[0].reason
    assert os.path.exists(out[0].destination)


def test_one_malformed_entry_does_not_stop_the_others(tmp_path: Path) -> None:
    dups, _, _ = _moved(tmp_path, 2)
    (batch,) = journal.undoable_moves(journal.read_journal()).values()
    batch[0]["size"] = "not a number"
    undo = actions.undo_moves(batch)
    assert [o.status for o in undo] == [SKIPPED, OK]
    assert os.path.exists(dups[1].path) and not os.path.exists(dups[0].path)


def test_entries_of_older_versions_still_undo_but_not_after_signed_ones(tmp_path: Path) -> None:
    src = tmp_path / "src" / "a.jpg"
    moved = make_file(tmp_path / "dest" / "a.jpg", b"old")
    legacy = {
        "time": "2024-01-01T00:00:00+00:00",
        "batch": "oldbatch",
        "action": "move",
        "source": str(src),
        "destination": moved.path,
        "size": moved.size,
        "mtime_ns": moved.mtime_ns,
        "outcome": "ok",
        "reason": "",
    }
    path = journal.journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(legacy) + "\n")
    (batch,) = journal.undoable_moves(journal.read_journal()).values()
    assert [o.status for o in actions.undo_moves(batch)] == [OK]
    assert src.read_bytes() == b"old"
    # Once this version has written the journal, an unsigned line is an edit.
    late = make_file(tmp_path / "dest" / "b.jpg", b"late")
    with open(path, "a") as fh:
        fh.write(
            json.dumps(
                {**legacy, "batch": "late", "source": str(tmp_path / "b.jpg"), "destination": late.path}
            )
        )
        fh.write("\n")
    assert journal.undoable_moves(journal.read_journal()) == {}
    e = next(e for e in journal.read_journal() if e.get("batch") == "late")
    assert actions.undo_moves([e])[0].status == SKIPPED and os.path.exists(late.path)


def test_the_signing_key_is_private(tmp_path: Path) -> None:
    _moved(tmp_path, 1)
    key = journal.journal_path().with_name(journal.KEY_NAME)
    assert key.is_file()
    if os.name == "posix":
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
