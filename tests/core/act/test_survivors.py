"""Never the last copy: a kept file only counts if it is a real, unchanged, different file, checked
right before each file is acted on; protected folders are found through links; identity is more
than size and modification time (issue 12)."""

from __future__ import annotations

import os
from pathlib import Path

from dupe_viewer.core.act import actions
from dupe_viewer.core.act.actions import OK, SKIPPED, Target
from dupe_viewer.core.files.records import ImageRecord
from dupe_viewer.core.group.keep import is_protected
from tests.core.act.util import MTIME_NS, fake_trash, make_file


def test_keeper_replaced_by_a_symlink_to_the_target_is_not_a_copy(tmp_path: Path) -> None:
    keep = make_file(tmp_path / "keep.jpg", b"same")
    dup = make_file(tmp_path / "dup.jpg", b"same")
    # What jdupes -l / rdfind -makesymlinks do after the scan: the kept copy becomes a link.
    os.unlink(keep.path)
    os.symlink(dup.path, keep.path)
    out = actions.execute([dup], groups=[[keep, dup]], trash=fake_trash(tmp_path / "trash"))
    assert out[0].status == SKIPPED and "every copy" in out[0].reason
    assert Path(dup.path).read_bytes() == b"same"


def test_keeper_replaced_by_a_hard_link_to_the_target_is_not_a_copy(tmp_path: Path) -> None:
    for scanned_inode in (True, False):
        base = tmp_path / str(scanned_inode)
        keep = make_file(base / "keep.jpg", b"same")
        dup = make_file(base / "dup.jpg", b"same")
        if not scanned_inode:  # a caller that only knows size and mtime
            keep, dup = (Target(t.path, t.size, t.mtime_ns) for t in (keep, dup))
        os.unlink(keep.path)
        os.link(dup.path, keep.path)
        out = actions.execute([dup], groups=[[keep, dup]], trash=fake_trash(base / "trash"))
        assert out[0].status == SKIPPED, (scanned_inode, out)
        assert os.path.exists(dup.path)


def test_one_file_under_two_names_is_one_copy(tmp_path: Path) -> None:
    a = make_file(tmp_path / "a.jpg", b"only")
    (tmp_path / "sub").mkdir()
    same = Target(str(tmp_path / "sub" / ".." / "a.jpg"), a.size, a.mtime_ns, a.inode, a.device, a.ctime_ns)
    out = actions.execute([a], groups=[[a, same]], trash=fake_trash(tmp_path / "trash"))
    assert out[0].status == SKIPPED and "every copy" in out[0].reason
    # A symlink and its target in one group: the link is no copy either.
    os.symlink(a.path, tmp_path / "link.jpg")
    link = Target(str(tmp_path / "link.jpg"), a.size, a.mtime_ns, a.inode, a.device, a.ctime_ns)
    out = actions.execute([a], groups=[[link, a]], trash=fake_trash(tmp_path / "trash"))
    assert out[0].status == SKIPPED
    assert Path(a.path).read_bytes() == b"only"


def test_no_group_is_no_proof_that_a_copy_survives(tmp_path: Path) -> None:
    a = make_file(tmp_path / "a.jpg", b"only")
    b = make_file(tmp_path / "b.jpg", b"other")
    c = make_file(tmp_path / "c.jpg", b"other")
    trash = fake_trash(tmp_path / "trash")
    for groups in ([], [[b, c]]):
        out = actions.execute([a], groups=groups, trash=trash)
        assert out[0].status == SKIPPED and "no group" in out[0].reason
        assert os.path.exists(a.path)
    out = actions.execute([a], trash=trash, allow_ungrouped=True)
    assert out[0].status == OK and not os.path.exists(a.path)


def test_survivors_are_checked_again_before_each_file(tmp_path: Path) -> None:
    keep = make_file(tmp_path / "keep.jpg", b"same")
    d1 = make_file(tmp_path / "d1.jpg", b"same")
    d2 = make_file(tmp_path / "d2.jpg", b"same")
    trash = fake_trash(tmp_path / "trash")

    def trash_and_someone_deletes_the_keeper(path: str) -> None:
        trash(path)
        if os.path.exists(keep.path):
            os.unlink(keep.path)

    out = actions.execute([d1, d2], groups=[[keep, d1, d2]], trash=trash_and_someone_deletes_the_keeper)
    assert [o.status for o in out] == [OK, SKIPPED]
    assert os.path.exists(d2.path)


def test_protected_folder_reached_through_a_symlink(tmp_path: Path) -> None:
    p = tmp_path / "p"
    x = make_file(p / "keep" / "x.jpg", b"same")
    other = make_file(p / "other" / "x.jpg", b"same")
    (p / "alias").symlink_to("keep")
    # Discovery found the file through the link first.
    alias = Target(str(p / "alias" / "x.jpg"), x.size, x.mtime_ns, x.inode, x.device, x.ctime_ns)
    assert is_protected(alias.path, [str(p / "keep")])
    assert not is_protected(other.path, [str(p / "keep")])
    # ... and a protected folder given through a link protects its real location.
    assert is_protected(x.path, [str(p / "alias")])
    out = actions.execute(
        [alias], groups=[[other, alias]], trash=fake_trash(tmp_path / "trash"), protected=[str(p / "keep")]
    )
    assert out[0].status == SKIPPED and "protected" in out[0].reason
    assert os.path.exists(x.path)


def test_file_rewritten_in_place_with_its_mtime_restored_is_not_the_scanned_one(tmp_path: Path) -> None:
    keep = make_file(tmp_path / "keep.jpg", b"same")
    dup = make_file(tmp_path / "dup.jpg", b"same")
    Path(dup.path).write_bytes(b"SAME")  # new content, same size
    os.utime(dup.path, ns=(MTIME_NS, MTIME_NS))
    out = actions.execute([dup], groups=[[keep, dup]], trash=fake_trash(tmp_path / "trash"))
    assert out[0].status == SKIPPED and "changed" in out[0].reason
    assert Path(dup.path).read_bytes() == b"SAME"


def test_exact_copy_kept_is_hashed_again(tmp_path: Path) -> None:
    """Where the status change time is unknown, the kept copy's content is what proves it."""
    keep = make_file(tmp_path / "keep.jpg", b"same", digest=True)
    dup = make_file(tmp_path / "dup.jpg", b"same", digest=True)
    keep = Target(keep.path, keep.size, keep.mtime_ns, keep.inode, keep.device, 0, keep.digest)
    Path(keep.path).write_bytes(b"gone")
    os.utime(keep.path, ns=(MTIME_NS, MTIME_NS))
    out = actions.execute([dup], groups=[[keep, dup]], trash=fake_trash(tmp_path / "trash"))
    assert out[0].status == SKIPPED and "kept" in out[0].reason
    assert os.path.exists(dup.path)


def test_target_of_a_record_keeps_its_whole_identity() -> None:
    rec = ImageRecord("/a.jpg", 10, 20, 30, 40, digest=b"d" * 16, ctime_ns=50)
    t = Target.of(rec)
    assert (t.path, t.size, t.mtime_ns, t.inode, t.device, t.ctime_ns, t.digest) == (
        "/a.jpg",
        10,
        20,
        30,
        40,
        50,
        b"d" * 16,
    )
    assert Target.of(t) is t
