"""The real trash (send2trash, freedesktop layout): a failed move leaves no orphan .trashinfo behind,
and only the one written for this file in this call is removed (issue 12)."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from dupe_viewer.core.act import actions
from dupe_viewer.core.act.actions import FAILED, OK
from tests.core.act.util import make_file


def test_a_failed_trash_leaves_no_orphan_trashinfo(
    tmp_path: Path, trash_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = make_file(tmp_path / "keep.jpg", b"k")
    dup = make_file(tmp_path / "dup.jpg", b"k")
    info = trash_dir / "info"
    info.mkdir(parents=True)
    # Someone else's orphan, for this very path, from before: not ours to remove.
    earlier = info / "dup.jpg.trashinfo"
    earlier.write_text(f"[Trash Info]\nPath={dup.path}\nDeletionDate=2020-01-01T00:00:00\n")
    unrelated = info / "other.jpg.trashinfo"
    unrelated.write_text("[Trash Info]\nPath=/elsewhere/other.jpg\nDeletionDate=2020-01-01T00:00:00\n")
    real_rename = os.rename

    def rename_fails_for_dup(src: object, dst: object) -> None:
        if os.fsdecode(src) == dup.path:  # type: ignore[arg-type]
            raise OSError(errno.EIO, "Input/output error")
        real_rename(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", rename_fails_for_dup)
    out = actions.execute([dup], groups=[[keep, dup]])
    assert out[0].status == FAILED and "Input/output" in out[0].reason
    assert os.path.exists(dup.path)
    assert sorted(p.name for p in info.iterdir()) == ["dup.jpg.trashinfo", "other.jpg.trashinfo"]
    assert earlier.read_text().count("2020-01-01") == 1
    # Once the move works again, trashing is as before.
    monkeypatch.setattr(os, "rename", real_rename)
    out = actions.execute([dup], groups=[[keep, dup]])
    assert out[0].status == OK and not os.path.exists(dup.path)
    assert len(list((trash_dir / "files").iterdir())) == 1
