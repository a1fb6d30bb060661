"""``dupe-viewer scan --dask / --cross --against / --device``: the report a user gets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import ImageOps

from dupe_viewer.cli import main
from tests.library import PhotoLibrary, photo


@pytest.fixture
def folders(tmp_path: Path) -> Path:
    lib = PhotoLibrary(tmp_path / "lib")
    for s in range(3):
        lib.write(f"test/p{s}.jpg", photo(100 + s), quality=90)
        lib.write(f"train/p{s}_mirror.jpg", ImageOps.mirror(photo(100 + s)), quality=85)
    lib.write("train/q.jpg", photo(200), quality=90)
    lib.write("train/q_small.png", photo(200).resize((160, 120)))
    lib.unrelated(3, 500, (300, 220), lambda k: f"test/o{k}.jpg", quality=88)
    return lib.root


def _groups(report: Path) -> list[list[str]]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return sorted(sorted(m["path"] for m in g["members"]) for g in data["groups"])


@pytest.mark.slow
def test_dask_local_report_equals_the_single_machine_one(folders: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["scan", str(folders), "--no-deep", "-q", "--report", str(one)]) == 0
    store = tmp_path / "store"
    argv = ["scan", str(folders), "--no-deep", "-q", "--dask", "local:2", "--store", str(store)]
    assert main([*argv, "--report", str(two)]) == 0
    assert _groups(one) == _groups(two) and len(_groups(one)) == 4
    assert (store / "manifest.json").exists()


def test_cross_reports_only_pairs_between_the_sets(folders: Path, tmp_path: Path) -> None:
    out = tmp_path / "cross.json"
    argv = ["scan", "--cross", str(folders / "test"), "--against", str(folders / "train")]
    assert main([*argv, "--no-deep", "-q", "--device", "cpu", "--report", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data["groups"]) == 3
    for g in data["groups"]:
        first, *rest = g["members"]
        assert "/test/" in first["path"] and first["kind"] == "reference" and g["keep"] == first["path"]
        assert rest and all("/train/" in m["path"] and m["suggestion"] == "trash" for m in rest)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--cross", "A"], "--cross A needs --against B"),
        (["PATH", "--dask", "10.0.0.1"], "expected local, local:N or a scheduler address"),
        (["PATH", "--store", "S"], "--store is the cluster's feature store: it needs --dask"),
        ([], "give at least one PATH"),
        (["--cross", "X", "--against", "X/sub"], "overlap"),
    ],
)
def test_unusable_arguments_are_one_line_errors(
    extra: list[str], message: str, folders: Path, capsys: pytest.CaptureFixture[str], monkeypatch
) -> None:
    monkeypatch.chdir(folders)
    (folders / "A").mkdir()
    (folders / "PATH").mkdir()
    assert main(["scan", "-q", *extra]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("dupe-viewer: error:") and message in err and "\n" not in err
