"""Deep similarity with the real SqueezeNet model on real photos (from ../shared; skipped without).

The full-size figures come from tests/benchmarks/quality.py on the dev corpus (README); this runs
the small corpus so that a regression in the deep stage fails the suite.
"""

from __future__ import annotations

from pathlib import Path

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.deep import installed as model_registry
from dupe_viewer.core.deep import spec as model_spec
from dupe_viewer.evaluation import load_truth, pair_metrics

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"


def test_small_corpus_deep_quality(shared_dir: Path, small_corpus: Path) -> None:
    spec = model_registry.install_from_file(shared_dir / "models" / "SqueezeNet_fp16.onnx")
    assert spec.id == model_spec.DEFAULT_MODEL_ID
    corpus = small_corpus
    result = run_scan([corpus], ScanOptions(use_cache=False))
    assert result is not None and result.deep["enabled"] is True
    groups = [[result.records[m.index].path for m in g.members] for g in result.groups]
    metrics = pair_metrics(load_truth(corpus / "truth.json"), groups, corpus)
    assert metrics["fp"] == 0, metrics["false_positives"]
    assert metrics["hard_negative_grouped"]["count"] == 0
    by_kind = metrics["recall_by_kind"]
    for kind in ("crop_small", "crop_large", "tilt"):
        assert by_kind[kind]["tp"] == by_kind[kind]["total"], (kind, by_kind[kind])
    assert metrics["recall"] >= 0.95
