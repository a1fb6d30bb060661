"""Cross-set matching (``--cross A --against B``): only pairs between the sets, one A file per
group with the B files that match it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import ImageOps

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.cross import restrict, sides
from tests.library import PhotoLibrary, photo


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("cross")
    lib = PhotoLibrary(root)
    # p0, p1: test images with near copies in train; p2: a byte copy in train.
    for s in range(3):
        lib.write(f"test/p{s}.jpg", photo(100 + s), quality=90)
    lib.write("train/p0_small.png", photo(100).resize((160, 120)))
    lib.write("train/p0_mirror.jpg", ImageOps.mirror(photo(100)), quality=85)
    lib.write("train/p1_gray.png", photo(101).convert("L"))
    lib.copy("test/p2.jpg", "train/sub/p2.jpg")
    # Duplicates inside one set only: never a group.
    lib.write("train/q.jpg", photo(200), quality=90)
    lib.write("train/q_small.png", photo(200).resize((160, 120)))
    lib.write("test/r.jpg", photo(300), quality=90)
    lib.write("test/r_small.png", photo(300).resize((160, 120)))
    lib.copy("test/r.jpg", "test/r_copy.jpg")
    lib.unrelated(4, 500, (300, 220), lambda k: f"train/o{k}.jpg", quality=88)
    lib.unrelated(3, 600, (300, 220), lambda k: f"test/o{k}.jpg", quality=88)
    result = run_scan([root / "test", root / "train"], ScanOptions(deep=False, use_cache=False, workers=1))
    assert result is not None
    return {"root": root, "result": result}


def test_each_group_is_one_test_file_with_its_train_copies(sets) -> None:
    root, full = sets["root"], sets["result"]
    crossed = restrict(full, [str(root / "test")], [str(root / "train")])
    name = lambda i: Path(crossed.records[i].path).name  # noqa: E731
    groups = {name(g.reference): sorted(name(m.index) for m in g.members[1:]) for g in crossed.groups}
    assert groups == {
        "p0.jpg": ["p0_mirror.jpg", "p0_small.png"],
        "p1.jpg": ["p1_gray.png"],
        "p2.jpg": ["p2.jpg"],
    }
    side = sides(crossed, [str(root / "test")], [str(root / "train")])
    for g in crossed.groups:
        assert side[g.reference] == 0 and g.keep == g.reference
        assert all(side[m.index] == 1 for m in g.members[1:])
    exact = next(g for g in crossed.groups if len(g.members) == 2 and g.kind == "exact")
    assert exact.members[1].similarity == 1.0
    # The test set is protected: its files are kept, the train copies proposed.
    assert str(root / "test") in crossed.grouping.protected
    # The whole scan still grouped the within-set duplicates.
    assert len(full.groups) > len(crossed.groups)


def test_a_train_file_matching_two_test_files_joins_the_best(tmp_path: Path) -> None:
    lib = PhotoLibrary(tmp_path)
    lib.write("a/s.jpg", photo(7), quality=95)
    lib.write("a/s_half.png", photo(7).resize((160, 120)))
    lib.write("b/s.png", photo(7))
    result = run_scan([tmp_path / "a", tmp_path / "b"], ScanOptions(deep=False, use_cache=False, workers=1))
    assert result is not None
    crossed = restrict(result, [str(tmp_path / "a")], [str(tmp_path / "b")])
    assert len(crossed.groups) == 1
    g = crossed.groups[0]
    assert [Path(crossed.records[m.index].path).name for m in g.members] == ["s.jpg", "s.png"]
