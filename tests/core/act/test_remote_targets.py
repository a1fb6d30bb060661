"""A cluster scan's fsspec objects are report only: trash and move refuse them with one clear
reason, touch nothing, and journal the refusal."""

from __future__ import annotations

from pathlib import Path

from dupe_viewer.core.act import actions, journal
from dupe_viewer.core.act.actions import MOVE, OK, SKIPPED, Target


def test_url_members_are_refused_and_local_ones_still_acted_on(tmp_path: Path, trash_dir: Path) -> None:
    local = tmp_path / "copy.jpg"
    local.write_bytes(b"same")
    keep = tmp_path / "keep.jpg"
    keep.write_bytes(b"same")
    st, kst = local.stat(), keep.stat()
    mine, kept = (
        Target(str(local), st.st_size, st.st_mtime_ns),
        Target(str(keep), kst.st_size, kst.st_mtime_ns),
    )
    urls = [Target("s3://bucket/a.jpg", 4, 1), Target(f"file://{tmp_path}/keep.jpg", 4, 1)]
    out = actions.execute([*urls, mine], groups=[[kept, *urls, mine]])
    assert [(o.status, o.reason) for o in out[:2]] == [(SKIPPED, actions.REMOTE_REASON)] * 2
    assert out[2].status == OK and not local.exists()  # the local copy went to the trash
    assert keep.exists()  # a file:// member is not even looked at as a local file
    entries = journal.read_journal()
    assert [(e["source"], e["outcome"]) for e in entries[:2]] == [(t.path, SKIPPED) for t in urls]
    dest = tmp_path / "moved"
    dest.mkdir()
    (moved,) = actions.execute([urls[0]], groups=[[kept, urls[0]]], action=MOVE, destination=dest)
    assert (moved.status, moved.reason) == (SKIPPED, actions.REMOTE_REASON) and not any(dest.iterdir())
