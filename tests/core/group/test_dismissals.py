"""Dismissals (core, no display): "not duplicates" survives renames and rescans, and can be undone."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from dupe_viewer.core import ScanOptions, ScanResult, regroup, run_scan
from dupe_viewer.core.files.records import ImageRecord
from dupe_viewer.core.group.dismissals import GROUP, PAIR, Dismissals


def _scan(folder: Path) -> ScanResult:
    result = run_scan([folder], ScanOptions(workers=1))
    assert result is not None
    return result


@pytest.fixture
def near_set(
    write_image: Callable[..., Path], make_photo: Callable[..., Image.Image], tmp_path: Path
) -> Path:
    base = make_photo(7, (400, 300))
    write_image("set/a.jpg", base, quality=95)
    write_image("set/b.jpg", base.resize((300, 225)), quality=80)
    write_image("set/c.png", base)
    write_image("set/other.jpg", make_photo(99, (400, 300)), quality=90)
    return tmp_path / "set"


def _group_names(result: ScanResult) -> list[set[str]]:
    return [{os.path.basename(result.records[i].path) for i in g.indices} for g in result.groups]


def test_dismissed_group_stays_dismissed_after_rename_and_rescan(near_set: Path) -> None:
    result = _scan(near_set)
    assert _group_names(result) == [{"a.jpg", "b.jpg", "c.png"}]
    store = Dismissals()
    assert store.excluded_pairs(result) == set()  # nothing dismissed: nothing read either

    members = [result.records[i] for i in result.groups[0].indices]
    did = store.dismiss(members, GROUP)
    (entry,) = store.entries()
    assert entry.id == did and entry.kind == GROUP and sorted(entry.paths) == sorted(r.path for r in members)

    os.rename(near_set / "b.jpg", near_set / "renamed.jpg")
    again = _scan(near_set)
    excluded = store.excluded_pairs(again)
    assert excluded and all(i < j for i, j in excluded)
    assert regroup(again, excluded=excluded) == []

    assert store.undo(did) and store.entries() == []
    assert store.excluded_pairs(again) == set()
    assert len(regroup(again, excluded=store.excluded_pairs(again))) == 1


def test_dismissed_pair_only_separates_that_pair(near_set: Path) -> None:
    result = _scan(near_set)
    recs = {os.path.basename(r.path): r for r in result.records}
    store = Dismissals()
    store.dismiss([recs["a.jpg"], recs["b.jpg"]], PAIR)
    excluded = store.excluded_pairs(result)
    names = {frozenset(os.path.basename(result.records[k].path) for k in p) for p in excluded}
    assert names <= {frozenset({"a.jpg", "b.jpg"})}
    groups = regroup(result, excluded=excluded)
    # c still matches both a and b, so a group remains, but a and b are never linked directly.
    assert groups
    index = {os.path.basename(r.path): n for n, r in enumerate(result.records)}
    for g in groups:
        assert not {index["a.jpg"], index["b.jpg"]} <= set(g.indices)


def test_a_dismissed_pair_without_the_reference_stays_apart_after_a_rescan(near_set: Path) -> None:
    result = _scan(near_set)
    (g,) = result.groups
    others = [m for m in g.members if m.index != g.reference]
    weaker = min(others, key=lambda m: m.similarity)
    stronger = max(others, key=lambda m: m.similarity)
    names = {os.path.basename(result.records[m.index].path) for m in others}
    Dismissals().dismiss([result.records[m.index] for m in others], PAIR)
    os.rename(near_set / "other.jpg", near_set / "moved.jpg")  # a rescan with something changed
    again = _scan(near_set)
    excluded = Dismissals().excluded_pairs(again)
    index = {os.path.basename(r.path): n for n, r in enumerate(again.records)}
    assert {tuple(sorted(index[n] for n in names))} == excluded  # exactly the two files shown
    (left,) = regroup(again, excluded=excluded)
    kept = {os.path.basename(again.records[i].path) for i in left.indices}
    # The reference keeps the copy it matches best; the weaker match leaves.
    assert os.path.basename(result.records[stronger.index].path) in kept
    assert os.path.basename(result.records[weaker.index].path) not in kept


def test_an_edited_file_is_no_longer_dismissed(
    near_set: Path, make_photo: Callable[..., Image.Image]
) -> None:
    result = _scan(near_set)
    store = Dismissals()
    store.dismiss([result.records[i] for i in result.groups[0].indices], GROUP)
    # New content at a dismissed path: the key differs, the dismissal does not apply to it.
    make_photo(7, (400, 300)).save(near_set / "a.jpg", quality=60)
    again = _scan(near_set)
    excluded = store.excluded_pairs(again)
    a = next(n for n, r in enumerate(again.records) if r.path.endswith("a.jpg"))
    assert all(a not in p for p in excluded)


def test_keys_are_cached_and_unreadable_files_are_skipped(near_set: Path) -> None:
    result = _scan(near_set)
    store = Dismissals()
    recs = list(result.records)
    for r in recs:
        r.digest = None  # force hashing from disk
    keys = store.keys_for(recs)
    assert all(k is not None for k in keys)
    # Cached: works even when the file can no longer be read (same path/size/mtime).
    os.chmod(recs[0].path, 0)
    try:
        assert store.keys_for([recs[0]]) == [keys[0]]
    finally:
        os.chmod(recs[0].path, 0o644)
    os.unlink(recs[1].path)
    recs[1].mtime_ns += 1  # not cached under this identity, and gone from disk
    assert store.keys_for([recs[1]]) == [None]
    with pytest.raises(ValueError):
        store.dismiss([recs[1]], PAIR)


def _asides(db: Path) -> list[Path]:
    return sorted(p for p in db.parent.iterdir() if p.name.startswith(db.name) and p != db)


def _known(n: int) -> list[ImageRecord]:
    # With a digest the content key is known: nothing is read from disk.
    return [ImageRecord(f"/x/{n}-{k}.jpg", 10, 1, k, 1, digest=bytes([n, k]) * 8) for k in range(2)]


def test_a_damaged_store_is_set_aside_with_a_warning_and_started_afresh(tmp_path: Path) -> None:
    db = tmp_path / "dismissals.sqlite"
    for junk in (b"first garbage " * 300, b"second garbage " * 300):
        db.write_bytes(junk)
        store = Dismissals(db)
        (msg,) = store.warnings
        assert str(db) in msg
        assert len(store) == 0
        store.dismiss(_known(1), PAIR)
        assert len(Dismissals(db)) == 1
    asides = _asides(db)
    assert sorted(p.read_bytes()[:6] for p in asides) == [b"first ", b"second"]  # neither lost


def test_damaged_pages_are_noticed_when_the_store_is_opened(tmp_path: Path) -> None:
    db = tmp_path / "dismissals.sqlite"
    store = Dismissals(db)
    for n in range(200):
        store.dismiss(_known(n), GROUP)
    data = bytearray(db.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # the header survives, the tables do not
    db.write_bytes(bytes(data))
    again = Dismissals(db)
    (aside,) = _asides(db)
    (msg,) = again.warnings
    assert str(db) in msg and aside.name in msg
    assert again.entries() == [] and len(again) == 0
