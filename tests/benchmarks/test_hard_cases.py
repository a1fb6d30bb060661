"""The dev corpus's hard cases, in a small form: different shots and bursts are grouped only as
similar shots, never pre-marked, the sharp frame of a burst is suggested, and the phone set
keeps its camera original (real photos from ../shared; skipped without them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.act.report import group_dict
from dupe_viewer.evaluation import load_truth
from dupe_viewer.evaluation.decisions import decision_metrics
from tests.benchmarks.hard_cases import SHOT_SETS, add_hard_cases
from tests.benchmarks.make_corpus import candidate_paths, spare_sources

pytestmark = pytest.mark.shared


def test_shots_and_bursts_are_never_pre_marked(shared_dir: Path, tmp_path: Path) -> None:
    photos = shared_dir / "photos"
    count = iter(range(10_000))

    def write(data: bytes, ext: str) -> str:
        rel = f"f{next(count):04d}{ext}"
        (tmp_path / rel).write_bytes(data)
        return rel

    assert candidate_paths(photos), "no photos to build from"
    spare = spare_sources(photos, [], 6)
    extra = add_hard_cases(
        photos,
        spare,
        write,
        seed=3,
        written={},
        n_bursts=4,
        n_pasted=1,
        shot_sets=SHOT_SETS[:3],  # the Holidays scene and two UKBench objects: real EXIF times
        look_alike_sets=(),
        camera_photos=("coral/kite_and_cold.jpg",),
    )
    truth_data = {"version": 1, "groups": extra.groups, "distractors": [], "similar_sets": extra.similar_sets}
    (tmp_path / "truth.json").write_text(json.dumps(truth_data))
    result = run_scan([tmp_path], ScanOptions(deep=False, use_cache=False))
    assert result is not None and result.stats.errors == 0
    report = {"groups": [group_dict(result, g) for g in result.groups]}
    m = decision_metrics(load_truth(tmp_path / "truth.json"), report, tmp_path)
    assert m["similar_grouped"] >= 8, m  # the bursts are found...
    assert m["similar_as_copy"] == 0, m["similar_wrong"]  # ...and shown as similar shots only
    assert m["premarked_precision"] == 1.0, m["premarked_wrong"]
    assert m["bursts_grouped"] == 4 and m["bursts_best_kept"] >= 3, m
    assert m["keeper_by_kind"]["messenger"]["accuracy"] == 1.0
    assert m["keeper_by_kind"]["upscale"]["accuracy"] == 1.0
    assert m["keeper_by_kind"]["letterbox"]["accuracy"] == 1.0
