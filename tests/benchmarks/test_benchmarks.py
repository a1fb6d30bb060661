"""Quality on a small real-photo corpus (../shared/photos), and the benchmark scripts still run.

The full-size quality and speed figures come from tests/benchmarks/ (see the README); this keeps
a small version of both in the test suite so neither the engine's accuracy nor the scripts rot.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.evaluation import load_truth, pair_metrics
from tests.benchmarks.make_corpus import KINDS

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "tests" / "benchmarks"
#: Variant kinds the hash-only scan must find (crops and tilts are for deep similarity).
HASH_KINDS = set(KINDS) - {"crop_small", "crop_large", "tilt"}


def test_small_corpus_quality(small_corpus: Path) -> None:
    corpus = small_corpus
    result = run_scan([corpus], ScanOptions(deep=False, use_cache=False))
    assert result is not None and result.stats.errors == 0
    truth = load_truth(corpus / "truth.json")
    groups = [[result.records[m.index].path for m in g.members] for g in result.groups]
    metrics = pair_metrics(truth, groups, corpus)
    assert metrics["fp"] == 0, metrics["false_positives"]
    assert metrics["hard_negative_grouped"]["count"] == 0
    by_kind = metrics["recall_by_kind"]
    found = sum(by_kind[k]["tp"] for k in HASH_KINDS if k in by_kind)
    total = sum(by_kind[k]["total"] for k in HASH_KINDS if k in by_kind)
    assert total >= len(HASH_KINDS)
    assert found / total >= 0.95


def test_speed_benchmark_smoke() -> None:
    res = subprocess.run([sys.executable, str(BENCH / "speed.py"), "--smoke"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert "cold speed-up vs baseline" in res.stdout and "warm speed-up vs cold" in res.stdout


def test_scale_benchmark_smoke() -> None:
    res = subprocess.run(
        [sys.executable, str(BENCH / "scale.py"), "--smoke", "--deep"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    assert "planted-pair recall 1.0000" in res.stdout and "growth exponent" in res.stdout


def test_end_to_end_benchmark_smoke(shared_dir: Path) -> None:
    res = subprocess.run(
        [sys.executable, str(BENCH / "e2e.py"), "--files", "40", "--photos", str(shared_dir / "photos")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    assert "files 40" in res.stdout and "warm rescan" in res.stdout and "(0 decoded" in res.stdout


def test_warm_scale_benchmark_smoke() -> None:
    res = subprocess.run(
        [sys.executable, str(BENCH / "warm_scale.py"), "--smoke"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    first = next(line for line in lines if line.startswith("first scan"))
    warm = next(line for line in lines if line.startswith("warm rescan"))
    assert "RSS by phase (MB): start" in res.stdout and "matching" in res.stdout
    assert "matched 2,000" in first and "planted pairs grouped 1.0000" in first
    assert "matched 0," in warm and "pairs reused 0," not in warm and "decoded 0," in warm


def test_verify_speed_benchmark_smoke() -> None:
    res = subprocess.run(
        [
            sys.executable,
            str(BENCH / "verify_speed.py"),
            "--pairs",
            "64",
            "--spread",
            "2000",
            "--rounds",
            "1",
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    assert "ms per pair" in res.stdout
    assert "2000 pairs" in res.stdout and "bit-identical" in res.stdout


def test_startup_benchmark_smoke() -> None:
    res = subprocess.run(
        [sys.executable, str(BENCH / "startup.py"), "--smoke"], capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr
    for figure in ("--help", "warm rescan", "worker start-up", "worker 1st image"):
        assert any(line.startswith(figure) and "median" in line for line in res.stdout.splitlines()), figure
    assert "python -c pass" in res.stdout and "(6 files)" in res.stdout


def test_local_edits_benchmark_smoke(small_corpus: Path, tmp_path: Path) -> None:
    res = subprocess.run(
        [sys.executable, str(BENCH / "local_edits.py"), str(small_corpus), "--no-deep"],
        capture_output=True,
        text=True,
        env={**os.environ, "DUPE_VIEWER_HOME": str(tmp_path)},
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    assert "original:" in res.stdout and "flagged by colour" in res.stdout


def test_exifless_bursts_benchmark_smoke(shared_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "bursts.json"
    photos = str(shared_dir / "photos")
    res = subprocess.run(
        [
            sys.executable,
            str(BENCH / "exifless_bursts.py"),
            "--photos",
            photos,
            "--bursts",
            "4",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "DUPE_VIEWER_HOME": str(tmp_path)},
        timeout=300,
    )
    assert res.returncode == 0, res.stderr
    import json

    figures = json.loads(out.read_text())
    now, before = figures["now"], figures["before"]
    assert now["frames"] > 0 and now["grouped"] > 0
    # The whole-picture rule only ever turns copies into shots: never more frames pre-marked.
    assert now["pre_marked"] <= before["pre_marked"] and now["as_copy"] <= before["as_copy"]


def _bench(script: str, *args: str) -> str:
    """What ``tests/benchmarks/<script> args`` prints; the test fails if it fails."""
    res = subprocess.run(
        [sys.executable, str(BENCH / script), *args], capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr
    return res.stdout


def test_cluster_scale_benchmark_smoke() -> None:
    out = _bench(
        "cluster_scale.py",
        "--n",
        "3000",
        "--planted",
        "0.02",
        "--partition-size",
        "500",
        "--workers",
        "1",
        "--deep-dim",
        "16",
    )
    # Every planted copy is found by both partitioned searches; both report their costs.
    assert out.count("recall 1.0000") == 2, out
    assert "6 partitions" in out and "client peak" in out
    assert out.count("merge buckets written to disk") == 2 and "writing failed" not in out, out


def test_merge_scale_benchmark_smoke() -> None:
    out = _bench("merge_scale.py", "--n", "20000", "--spill-rows", "2000", "--min-buffer", "500")
    # Buckets went to disk, and the merge gave the same pairs, orientations and correlations.
    spilled = next(line for line in out.splitlines() if line.strip().startswith("spilled"))
    assert not spilled.endswith("buckets written 0"), out
    assert "same pairs: True" in out, out


def test_quantiser_blocks_benchmark_smoke() -> None:
    out = _bench("quantiser_blocks.py", "--n", "20000", "--centroids", "600")
    assert "same assignment: True" in out, out


def test_gpu_embedding_benchmark_smoke(shared_models: Path, isolated_home: Path) -> None:
    """The GPU benchmark (run on a GPU machine only now and then) still runs: here on the CPU."""
    from dupe_viewer.core.deep import installed

    installed.install_from_file(shared_models / "SqueezeNet_fp16.onnx")
    out = _bench("gpu_embedding.py", "--images", "8", "--batch", "1,4")
    assert out.count("cpu batch") == 2 and "the rest alone" in out, out


def test_quantiser_routing_benchmark_smoke() -> None:
    out = _bench("quantiser_routing.py", "--n", "6000", "--centroids", "60,300")
    # Both sizes: the blocked fit gives the same centroids, the argmax routing the same partitions.
    assert out.count("same centroids: True") == 2, out
    assert out.count("same assignment: True") == 2, out
    assert out.count("routing through an HNSW graph") == 2, out


def test_quantiser_sample_benchmark_smoke() -> None:
    out = _bench("quantiser_sample.py", "--n", "20000", "--per-centroid", "2,0", "--partition-size", "2000")
    shares = [float(line.split("meet ")[1].split(";")[0]) for line in out.splitlines() if "meet" in line]
    assert len(shares) == 2 and min(shares) > 0.9, out


def test_route_spread_benchmark_smoke() -> None:
    # Blocks smaller than the images (whole preparation chunks and quantiser blocks: one each).
    out = _bench("route_spread.py", "--n", "3000", "--centroids", "50", "--block-rows", "100")
    assert "same arrays: True" in out and "same assignment: True" in out, out


def test_gather_rows_benchmark_smoke() -> None:
    out = _bench("gather_rows.py", "--n", "50000", "--rows", "500", "--repeat", "2")
    assert out.count("same rows: True") == 2, out


def test_cluster_scoring_benchmark_smoke() -> None:
    out = _bench("cluster_scoring.py", "--n", "3000", "--workers", "1", "--partition-size", "500")
    # Both ways scored the same candidates and kept the same pairs, similarities and kinds.
    scored = [line for line in out.splitlines() if "candidates scored" in line]
    assert len(scored) == 2 and "scored on the partitions" in scored[1], out
    assert "the same kept pairs, similarities and kinds: True" in out, out
