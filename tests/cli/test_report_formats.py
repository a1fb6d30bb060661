"""``dupe-viewer scan --report out.{json,jsonl,parquet,csv}``: the format by extension, and
``dupe-viewer eval`` scoring each streamed report exactly as the JSON one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import ImageOps

from dupe_viewer.cli import main
from dupe_viewer.core.act.report_stream import read_report
from tests.library import PhotoLibrary, photo

pytest.importorskip("pyarrow")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three photos, each with a byte copy and a mirrored re-encode, two unrelated photos, and
    a truth that names the original of every group."""
    lib = PhotoLibrary(tmp_path_factory.mktemp("formats") / "lib")
    groups = []
    for s in range(3):
        lib.write(f"a/p{s}.jpg", photo(300 + s), quality=92)
        lib.copy(f"a/p{s}.jpg", f"b/p{s}_copy.jpg")
        lib.write(f"b/p{s}_mirror.jpg", ImageOps.mirror(photo(300 + s)), quality=80)
        kinds = {f"a/p{s}.jpg": "original", f"b/p{s}_copy.jpg": "exact", f"b/p{s}_mirror.jpg": "mirror"}
        groups.append({"base": f"p{s}", "files": [{"path": p, "kind": k} for p, k in kinds.items()]})
    lib.unrelated(2, 700, (300, 220), lambda k: f"a/o{k}.jpg", quality=88)
    truth = {"version": 1, "groups": groups, "distractors": ["a/o0.jpg", "a/o1.jpg"]}
    (lib.root / "truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return lib.root


def _scan(corpus: Path, out: Path, *extra: str) -> None:
    assert main(["scan", str(corpus), "--no-deep", "--no-cache", "-q", "--report", str(out), *extra]) == 0


def _eval(corpus: Path, report: Path, capsys: pytest.CaptureFixture[str]) -> dict:
    capsys.readouterr()
    assert main(["eval", "--truth", str(corpus / "truth.json"), str(report), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_jsonl_and_parquet_score_the_same(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    metrics = {}
    for ext in ("json", "jsonl", "parquet"):
        _scan(corpus, tmp_path / f"r.{ext}")
        metrics[ext] = _eval(corpus, tmp_path / f"r.{ext}", capsys)
    assert metrics["json"]["tp"] > 0 and metrics["json"]["decisions"]["keeper_groups"] == 3
    assert metrics["jsonl"] == metrics["json"] == metrics["parquet"]
    groups = [list(read_report(tmp_path / f"r.{ext}")[1]) for ext in ("json", "jsonl", "parquet")]
    assert groups[0] == groups[1] == groups[2] and len(groups[0]) == 3


def test_csv_by_extension_and_jsonl_to_stdout(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _scan(corpus, tmp_path / "r.csv")
    assert (tmp_path / "r.csv").read_text(encoding="utf-8").startswith("group,group_kind,action,path")
    capsys.readouterr()
    argv = ["scan", str(corpus), "--no-deep", "--no-cache", "-q", "--report", "-", "--format", "jsonl"]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert json.loads(lines[0])["version"] == 1 and len(lines) == 4  # the header, three groups


def test_an_unknown_extension_is_a_one_line_error_before_scanning(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["scan", str(corpus), "--no-deep", "-q", "--report", str(tmp_path / "r.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown report format '.txt'" in err
    assert not (tmp_path / "r.txt").exists()
    (tmp_path / "r.xml").write_text("<groups/>")
    assert main(["eval", "--truth", str(corpus / "truth.json"), str(tmp_path / "r.xml")]) == 2
    err = capsys.readouterr().err
    assert "not a report (.json, .jsonl or .parquet)" in err and "Traceback" not in err


@pytest.mark.slow
def test_a_dask_scan_writes_the_same_parquet_report(corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    _scan(corpus, tmp_path / "one.parquet")
    _scan(corpus, tmp_path / "two.parquet", "--dask", "local:1", "--store", str(tmp_path / "store"))
    one, two = (list(read_report(tmp_path / f"{n}.parquet")[1]) for n in ("one", "two"))
    assert one == two and len(one) == 3
