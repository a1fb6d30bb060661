"""The file-action fault suite: full disks, read-only places, no trash, swaps after the scan, a keeper
deleted mid-batch, two actors at once, kills at random points. After each: every file is in place,
in the trash or at its move destination; every group keeps a real file; the journal has at least an
intent for every file no longer in place (issue 12)."""

from __future__ import annotations

import builtins
import errno
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from dupe_viewer.core.act import actions, journal
from dupe_viewer.core.act.actions import FAILED, OK, SKIPPED, Target
from tests.core.act.util import check_invariants, fake_trash, is_real_file, make_file, raw_journal

REPO = Path(__file__).resolve().parents[3]


def _groups(root: Path, n_groups: int, size: int) -> list[list[Target]]:
    """``n_groups`` groups of ``size`` identical files each (unique names), keeper first."""
    return [
        [make_file(root / f"g{g:03d}" / f"g{g:03d}_{m}.jpg", b"group %d" % g) for m in range(size)]
        for g in range(n_groups)
    ]


def _run(
    groups: list[list[Target]], tmp_path: Path, **kwargs: object
) -> tuple[list[actions.Outcome], Path, Path]:
    trash, jfile = tmp_path / "trash", tmp_path / "journal" / "journal.jsonl"
    kwargs.setdefault("trash", fake_trash(trash))
    targets = [m for g in groups for m in g[1:]]
    out = actions.execute(targets, groups, journal=jfile, **kwargs)  # type: ignore[arg-type]
    assert len(out) == len(targets)
    return out, trash / "files", jfile


@pytest.mark.parametrize("k", range(1, 9))
def test_the_journal_disk_fills_up_at_any_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, k: int
) -> None:
    groups = _groups(tmp_path / "photos", 3, 3)
    real = journal._append
    writes = []

    def full_from_k(fd: int, data: bytes) -> None:
        writes.append(data)
        if len(writes) >= k:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(fd, data)

    monkeypatch.setattr(journal, "_append", full_from_k)
    out, trash, jfile = _run(groups, tmp_path)
    check_invariants(groups, trash, jfile)
    intents = {e["source"] for e in raw_journal(jfile) if e.get("kind") == "intent"}
    for o in out:
        if o.ok:
            assert o.path in intents  # acted on only once its intent was on disk
        else:
            assert is_real_file(o.path) and o.status == FAILED and "journal" in o.reason


def test_read_only_folders_fail_each_file_and_keep_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups = _groups(tmp_path / "photos", 4, 2)
    ro = {os.path.dirname(g[1].path) for g in groups[:2]}
    real_rename, real_unlink, real_open = os.rename, os.unlink, builtins.open
    dest = tmp_path / "dest"
    dest.mkdir()

    def refuse(path: object) -> None:
        if os.path.dirname(os.fsdecode(path)) in ro or os.fsdecode(path).startswith(str(dest)):  # type: ignore[arg-type]
            raise OSError(errno.EROFS, "Read-only file system")

    def rename(src: object, dst: object) -> None:
        refuse(src)
        real_rename(src, dst)  # type: ignore[arg-type]

    def unlink(path: object, *a: object, **kw: object) -> None:
        refuse(path)
        real_unlink(path, *a, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", rename)
    monkeypatch.setattr(os, "unlink", unlink)
    out, trash, jfile = _run(groups, tmp_path)
    assert [o.status for o in out] == [FAILED, FAILED, OK, OK]
    assert all("Read-only" in o.reason for o in out[:2])
    check_invariants(groups, trash, jfile)
    # A move out of a read-only folder, or into a read-only destination, leaves no half-move.
    fresh = _groups(tmp_path / "more", 4, 2)
    ro.add(os.path.dirname(fresh[0][1].path))

    def no_link(*a: object, **kw: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    def ro_open(file: object, mode: str = "r", *a: object, **kw: object) -> object:
        if "x" in mode or "w" in mode:
            refuse(file)
        return real_open(file, mode, *a, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "link", no_link)
    monkeypatch.setattr(builtins, "open", ro_open)
    out = actions.execute(
        [g[1] for g in fresh], fresh, actions.MOVE, dest, journal=tmp_path / "journal" / "journal.jsonl"
    )
    monkeypatch.undo()
    assert all(o.status == FAILED for o in out), out
    assert all(is_real_file(g[1].path) for g in fresh) and not any(dest.iterdir())


def test_no_trash_on_the_drive(tmp_path: Path) -> None:
    groups = _groups(tmp_path / "photos", 3, 3)

    def no_trash(path: str) -> None:
        raise OSError(f"Couldn't find mount point for {path}")

    out, _, jfile = _run(groups, tmp_path, trash=no_trash)
    assert all(o.status == FAILED and "mount point" in o.reason for o in out)
    check_invariants(groups, None, jfile)
    assert [e["outcome"] for e in journal.read_journal(jfile)] == [FAILED] * len(out)


def _keeper_to_symlink(keep: Target, dup: Target) -> None:
    os.unlink(keep.path)
    os.symlink(dup.path, keep.path)


def _keeper_to_hardlink(keep: Target, dup: Target) -> None:
    os.unlink(keep.path)
    os.link(dup.path, keep.path)


def _keeper_folder_to_symlink(keep: Target, dup: Target) -> None:
    # The kept file's folder becomes a link to the folder of the file acted on (same name there).
    folder = os.path.dirname(keep.path)
    os.rename(folder, folder + ".old")
    os.symlink(os.path.dirname(dup.path), folder)


def _keeper_rewritten(keep: Target, dup: Target) -> None:
    Path(keep.path).write_bytes(b"X" * keep.size)
    os.utime(keep.path, ns=(keep.mtime_ns, keep.mtime_ns))


def _target_to_symlink(keep: Target, dup: Target) -> None:
    os.unlink(dup.path)
    os.symlink(keep.path, dup.path)


@pytest.mark.parametrize(
    "swap",
    [
        _keeper_to_symlink,
        _keeper_to_hardlink,
        _keeper_folder_to_symlink,
        _keeper_rewritten,
        _target_to_symlink,
    ],
)
def test_swaps_after_the_scan(tmp_path: Path, swap: Callable[[Target, Target], None]) -> None:
    keep = make_file(tmp_path / "a" / "same.jpg", b"the only bytes")
    dup = make_file(tmp_path / "b" / "same.jpg", b"the only bytes")
    other = make_file(tmp_path / "b" / "other.jpg", b"another group")
    other_keep = make_file(tmp_path / "c" / "other.jpg", b"another group")
    swap(keep, dup)
    groups = [[keep, dup], [other_keep, other]]
    out = actions.execute(
        [dup, other], groups, trash=fake_trash(tmp_path / "trash"), journal=tmp_path / "j.jsonl"
    )
    assert out[0].status == SKIPPED, out[0]
    assert out[1].status == OK  # the other group is not held up
    assert Path(os.path.realpath(dup.path)).read_bytes() == b"the only bytes"


def test_keepers_deleted_mid_batch(tmp_path: Path) -> None:
    groups = _groups(tmp_path / "photos", 40, 3)
    rng = random.Random(3)
    trash = fake_trash(tmp_path / "trash")
    group_of = {m.path: n for n, g in enumerate(groups) for m in g}

    def trash_and_delete_a_keeper(path: str) -> None:
        trash(path)
        # Meanwhile someone else removes the kept copy of this group (before its next file) or of
        # a later one. (After a group's last file nothing could save it, nor needs to.)
        n = group_of[path]
        victim = groups[rng.choice([n, rng.randrange(n, len(groups))])][0].path
        if os.path.exists(victim) and not (victim in group_of and path == groups[group_of[victim]][-1].path):
            os.unlink(victim)

    targets = [m for g in groups for m in g[1:]]
    out = actions.execute(targets, groups, trash=trash_and_delete_a_keeper, journal=tmp_path / "j.jsonl")
    assert any(o.ok for o in out) and any(o.status == SKIPPED and "kept" in o.reason for o in out)
    for g in groups:
        assert any(is_real_file(m.path) for m in g), g


def _spec(targets: list[Target], groups: list[list[Target]], folder: Path, **more: object) -> Path:
    def fields(t: Target) -> dict:
        return {"path": t.path, "size": t.size, "mtime_ns": t.mtime_ns, "inode": t.inode, "device": t.device}

    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "targets": [fields(t) for t in targets],
        "groups": [[fields(m) for m in g] for g in groups],
        "trash": str(folder / "trash"),
        "ready": str(folder / "ready"),
        **more,
    }
    path = folder / "spec.json"
    path.write_text(json.dumps(spec))
    return path


def _actor(spec: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.act.actor", str(spec)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def _wait_ready(*folders: Path) -> None:
    deadline = time.monotonic() + 30
    while not all((f / "ready").exists() for f in folders):
        assert time.monotonic() < deadline, "the actors did not start"
        time.sleep(0.01)


def test_two_actors_with_opposite_keepers(tmp_path: Path) -> None:
    """Each trashes the other's keeper in every group, at the same time: the lock around each
    check-then-act lets one of them win each group, never both."""
    groups = _groups(tmp_path / "photos", 300, 2)
    jfile, go = tmp_path / "journal" / "journal.jsonl", tmp_path / "go"
    a = _spec([g[1] for g in groups], groups, tmp_path / "a", journal=str(jfile), go=str(go))
    b = _spec([g[0] for g in groups], groups, tmp_path / "b", journal=str(jfile), go=str(go))
    procs = [_actor(a), _actor(b)]
    _wait_ready(tmp_path / "a", tmp_path / "b")
    go.touch()
    for p in procs:
        p.communicate(timeout=60)
        assert p.returncode == 0
    for g in groups:
        assert any(is_real_file(m.path) for m in g), g
    check_invariants(groups, [tmp_path / f / "trash" / "files" for f in ("a", "b")], jfile)


@pytest.mark.parametrize(("seed", "action"), [(1, "trash"), (2, "trash"), (3, "trash"), (4, "move")])
def test_killed_at_a_random_point(tmp_path: Path, seed: int, action: str) -> None:
    rng = random.Random(seed)
    groups = _groups(tmp_path / "photos", 100, 5)
    jfile, go, dest = tmp_path / "journal" / "journal.jsonl", tmp_path / "go", tmp_path / "dest"
    dest.mkdir()
    targets = [m for g in groups for m in g[1:]]
    spec = _spec(
        targets,
        groups,
        tmp_path / "actor",
        journal=str(jfile),
        go=str(go),
        action=action,
        destination=str(dest),
    )
    proc = _actor(spec)
    _wait_ready(tmp_path / "actor")
    stop_at = rng.randrange(1, len(targets))
    go.touch()
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.strip().isdigit() and int(line) >= stop_at:
            time.sleep(rng.random() * 0.002)  # land anywhere in the next file's steps
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    trash_files = tmp_path / "actor" / "trash" / "files"
    check_invariants(groups, trash_files, jfile, dest)
    entries = journal.read_journal(jfile)  # a torn last line is no problem
    by_source = {e["source"]: e for e in entries}
    for t in targets:
        if not is_real_file(t.path):
            assert by_source[t.path]["outcome"] in (OK, journal.PENDING)
    if action == "move":
        # Every file that left its place can be moved back, whatever the kill interrupted.
        batches = journal.undoable_moves(entries)
        undo = actions.undo_moves([e for b in batches.values() for e in b], journal=jfile)
        assert all(o.ok for o in undo), [o for o in undo if not o.ok]
        assert all(is_real_file(t.path) for t in targets)
        assert not any(dest.iterdir())


def test_real_trash_with_a_swap_and_a_failing_move(
    tmp_path: Path, trash_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups = _groups(tmp_path / "photos", 4, 2)
    _keeper_to_symlink(groups[0][0], groups[0][1])
    real_rename = os.rename
    failing = groups[1][1].path

    def rename(src: object, dst: object) -> None:
        if os.fsdecode(src) == failing:  # type: ignore[arg-type]
            raise OSError(errno.EIO, "Input/output error")
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", rename)
    targets = [g[1] for g in groups]
    out = actions.execute(targets, groups)
    assert [o.status for o in out] == [SKIPPED, FAILED, OK, OK]
    check_invariants(groups, trash_dir / "files", journal.journal_path())
    trashed = sorted(p.name for p in (trash_dir / "files").iterdir())
    assert trashed == sorted(os.path.basename(g[1].path) for g in groups[2:])
    assert sorted(p.name[: -len(".trashinfo")] for p in (trash_dir / "info").iterdir()) == trashed
