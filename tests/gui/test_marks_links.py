"""Marks: a file in a protected folder stays protected when it was found through a symbolic link
(issue 12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dupe_viewer.core.result import DupGroup, Member
from dupe_viewer.gui.marks import Marks
from tests.factories import record


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_a_file_reached_through_a_link_into_a_protected_folder_is_protected(tmp_path: Path) -> None:
    p = tmp_path / "p"
    (p / "keep").mkdir(parents=True)
    (p / "keep" / "x.jpg").write_bytes(b"x")
    (p / "other").mkdir()
    (p / "other" / "x.jpg").write_bytes(b"x")
    (p / "alias").symlink_to("keep")
    records = [record(0, str(p / "other" / "x.jpg")), record(1, str(p / "alias" / "x.jpg"))]
    group = DupGroup(1, "exact", 0, 0, [Member(0, 1.0, "reference"), Member(1, 1.0, "exact")])
    marks = Marks()
    marks.set_groups(records, [group], protected_dirs=[str(p / "keep")])
    assert marks.is_protected(1) and not marks.is_delete(group, 1)
    assert marks.set_delete(group, 1, True) is not None  # refused, with the reason
