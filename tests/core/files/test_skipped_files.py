"""Files skipped as unsupported, from discovery to what the user reads: the scan result, the JSON
report's "skipped" section and the command line's summary ("3 files skipped as unsupported: ...")."""

from __future__ import annotations

from pathlib import Path

import pytest

from dupe_viewer.cli import main
from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.act import report
from tests.library import photo


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    root = tmp_path / "mixed"
    (root / "videos").mkdir(parents=True)
    photo(1).save(root / "a.jpg", quality=90)
    photo(1).save(root / "a.png")
    for name in ("videos/one.mp4", "videos/two.MP4", "art.xcf", "notes"):
        (root / name).write_bytes(b"not a photo")
    return root


def test_scan_result_counts_skipped_files_most_frequent_first(mixed: Path) -> None:
    result = run_scan([mixed], ScanOptions(use_cache=False))
    assert result is not None
    assert result.stats.files == 2 and result.errors == []
    assert result.skipped == {"mp4": 2, "": 1, "xcf": 1}
    assert list(result.skipped) == ["mp4", "", "xcf"]


def test_report_lists_skipped_files_per_extension(mixed: Path, tmp_path: Path) -> None:
    result = run_scan([mixed], ScanOptions(use_cache=False))
    assert result is not None
    out = tmp_path / "report.json"
    report.write_json(result, out)
    assert report.load_json(out)["skipped"] == {"files": 4, "by_extension": {".mp4": 2, "": 1, ".xcf": 1}}


def test_cli_summary_says_what_was_skipped(
    mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scan", str(mixed), "--report", str(tmp_path / "r.json"), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert "4 files skipped as unsupported: .mp4 2, (no extension) 1, .xcf 1" in err


def test_cli_summary_is_silent_when_nothing_was_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    photo(2).save(tmp_path / "only.jpg")
    assert main(["scan", str(tmp_path), "--report", str(tmp_path / "r.json"), "--no-cache"]) == 0
    assert "skipped" not in capsys.readouterr().err
