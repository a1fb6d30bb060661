"""`dupe-viewer eval`: metrics of a report against ground truth, from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dupe_viewer", "eval", *args], capture_output=True, text=True, cwd=REPO
    )


def _report(root: Path, groups: list[list[tuple[str, float]]]) -> dict:
    return {
        "version": 1,
        "groups": [
            {
                "id": n,
                "kind": "near",
                "keep": str(root / g[0][0]),
                "members": [{"path": str(root / p), "similarity": s, "kind": "near"} for p, s in g],
            }
            for n, g in enumerate(groups, 1)
        ],
    }


def test_eval_imagededup_truth(tmp_path: Path) -> None:
    truth = tmp_path / "truth.json"
    truth.write_text(
        json.dumps(
            {
                "a.jpg": ["b.jpg", "c.jpg"],
                "b.jpg": ["a.jpg", "c.jpg"],
                "c.jpg": ["a.jpg", "b.jpg"],
                "d.jpg": ["e.jpg"],
                "e.jpg": ["d.jpg"],
                "f.jpg": [],
            }
        )
    )
    report = tmp_path / "report.json"
    # a,b,c found; d,e missed; f wrongly grouped with a.
    report.write_text(
        json.dumps(_report(tmp_path, [[("a.jpg", 1.0), ("b.jpg", 0.9), ("c.jpg", 0.8), ("f.jpg", 0.7)]]))
    )
    res = _run("--truth", str(truth), str(report), "--json")
    assert res.returncode == 0, res.stderr
    m = json.loads(res.stdout)
    assert (m["tp"], m["fp"], m["fn"]) == (3, 3, 1)  # fp: (a,f) (b,f) (c,f); fn: (d,e)
    assert m["precision"] == 0.5 and m["recall"] == 0.75
    r = m["retrieval"]
    assert r["queries"] == 5  # a, b, c, d, e have true partners
    # a: [b, c, f] -> AP 1; b: [a, c, f] -> 1; c: [a, b, f] -> 1; d, e: nothing ranked -> 0.
    assert abs(r["mAP"] - 3 / 5) < 1e-9
    text = _run("--truth", str(truth), str(report))
    assert "precision 0.500" in text.stdout and "mAP 0.600" in text.stdout


def test_eval_usage_errors(tmp_path: Path) -> None:
    res = _run("--truth", str(tmp_path / "missing.json"), str(tmp_path / "r.json"))
    assert res.returncode == 2 and res.stderr.startswith("dupe-viewer: error: no such truth file")
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    good = tmp_path / "t.json"
    good.write_text(json.dumps({"groups": [["a.jpg", "b.jpg"]]}))
    res = _run("--truth", str(good), str(bad))
    assert res.returncode == 2 and "cannot read" in res.stderr and "Traceback" not in res.stderr


def _imagededup_truth(photos: Path) -> dict[str, list[str]]:
    """imagededup's map with absolute paths, as its own tools write it."""
    a, b, c, d = (str(photos / n) for n in ("a.jpg", "b.jpg", "c.jpg", "d.jpg"))
    return {a: [b, c], b: [a, c], c: [a, b], d: []}


def test_absolute_truth_paths_match_absolute_report_paths(tmp_path: Path) -> None:
    """The truth next to the photos, or anywhere else: absolute paths match as they are."""
    photos = tmp_path / "photos"
    report = tmp_path / "report.json"
    report.write_text(json.dumps(_report(photos, [[("a.jpg", 1.0), ("b.jpg", 0.9), ("c.jpg", 0.8)]])))
    for truth in (photos / "truth.json", tmp_path / "elsewhere" / "truth.json"):
        truth.parent.mkdir(parents=True, exist_ok=True)
        truth.write_text(json.dumps(_imagededup_truth(photos)))
        for extra in ([], ["--root", str(tmp_path / "unrelated")]):
            res = _run("--truth", str(truth), str(report), "--json", *extra)
            assert res.returncode == 0, res.stderr
            m = json.loads(res.stdout)
            assert (m["precision"], m["recall"], m["tp"], m["fp"], m["fn"]) == (1.0, 1.0, 3, 0, 0), (
                truth,
                extra,
            )
            assert m["retrieval"]["mAP"] == 1.0


def test_relative_report_paths_still_match_absolute_truth_paths_under_the_root(tmp_path: Path) -> None:
    photos = tmp_path / "photos"
    truth = photos / "truth.json"
    photos.mkdir()
    truth.write_text(json.dumps(_imagededup_truth(photos)))
    report = tmp_path / "report.json"
    report.write_text(
        json.dumps(
            {
                "version": 1,
                "groups": [
                    {
                        "id": 1,
                        "kind": "near",
                        "keep": "a.jpg",
                        "members": [
                            {"path": p, "similarity": 1.0, "kind": "near"} for p in ("a.jpg", "b.jpg")
                        ],
                    }
                ],
            }
        )
    )
    m = json.loads(_run("--truth", str(truth), str(report), "--json").stdout)
    assert (m["tp"], m["fp"], m["fn"]) == (1, 0, 2)
