"""Deep similarity in the scan: a tiny ONNX model built here, the vector index, verification.

The real SqueezeNet is exercised in test_models.py (download, preparation) and in
test_deep_real.py (quality on real photos, from ../shared).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.deep import installed as model_registry
from dupe_viewer.core.deep import spec as model_spec
from dupe_viewer.core.deep.stage import DeepUnavailable
from dupe_viewer.core.deep.verify import crop_scores
from dupe_viewer.core.features.perceptual import THUMB
from dupe_viewer.core.store.vector_index import VectorIndex
from tests.library import PhotoLibrary, photo
from tests.onnx_models import conv_model

# A random conv net is a poor descriptor (everything scores ~0.8): its recommended threshold is
# set higher than the real model's, as a user would for such a model.
TINY_SPEC = {
    "id": "tiny",
    "input_size": 64,
    "pooling": "gem",
    "scale": 1 / 255,
    "resize": "squash",
    "similar_similarity": 0.9,
}


@pytest.fixture
def tiny_model(tmp_path: Path) -> model_spec.ModelSpec:
    return model_registry.install_from_file(
        conv_model(tmp_path / "tiny.onnx", size=64, channels=16), TINY_SPEC
    )


def _thumb(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("L").resize((THUMB, THUMB), Image.Resampling.BOX), dtype=np.uint8)


def test_verification_finds_the_crop_window() -> None:
    img = photo(7, (400, 300))
    crop = img.crop((100, 60, 380, 270))  # 70 % × 70 % of the sides
    other = photo(8, (400, 300))
    score, area, box, container = crop_scores(
        np.stack([_thumb(img), _thumb(img)]), np.stack([_thumb(crop), _thumb(other)])
    )
    assert score[0] > 0.9 and score[1] < 0.7
    assert area[0] == pytest.approx(0.49, abs=0.05)
    assert container[0] == 0  # the crop lies in the first image
    np.testing.assert_allclose(box[0], [0.25, 0.2, 0.95, 0.9], atol=0.07)


def test_halves_do_not_verify_as_each_other() -> None:
    img = photo(9, (400, 300))
    left, right = img.crop((0, 0, 200, 300)), img.crop((200, 0, 400, 300))
    score, _, _, _ = crop_scores(_thumb(left)[None], _thumb(right)[None])
    full, _, _, _ = crop_scores(_thumb(img)[None], _thumb(left)[None])
    assert full[0] > 0.9
    assert score[0] < full[0] - 0.2


def _library(root: Path) -> dict[str, Path]:
    lib = PhotoLibrary(root)
    files: dict[str, Path] = {}
    for s in range(3):
        lib.original(
            f"orig{s}.png",
            photo(300 + s, (480, 360)),
            variants={f"crops/crop{s}.png": lambda img: img.crop((48, 36, 456, 342))},  # 85 % × 85 %
        )
        files[f"orig{s}"], files[f"crop{s}"] = root / f"orig{s}.png", root / "crops" / f"crop{s}.png"
    img = photo(400, (480, 360))
    files["whole"] = lib.write("pano.png", img)
    files["left"] = lib.write("halves/left.png", img.crop((0, 0, 240, 360)))
    files["right"] = lib.write("halves/right.png", img.crop((240, 0, 480, 360)))
    lib.unrelated(6, 500, (480, 360), lambda k: f"other{k}.png")
    return files


def _groups(result) -> list[set[str]]:
    return [{Path(result.records[m.index].path).name for m in g.members} for g in result.groups]


def test_deep_scan_finds_crops_without_grouping_halves(tiny_model, tmp_path: Path) -> None:
    files = _library(tmp_path / "lib")
    hashes_only = run_scan([tmp_path / "lib"], ScanOptions(deep=False))
    assert hashes_only is not None and hashes_only.deep["enabled"] is False
    assert not any({"orig0.png", "crop0.png"} <= g for g in _groups(hashes_only))

    result = run_scan([tmp_path / "lib"], ScanOptions(deep=True))
    assert result is not None
    assert result.deep["enabled"] is True and result.deep["model"] == "tiny"
    groups = _groups(result)
    for s in range(3):
        assert any({f"orig{s}.png", f"crop{s}.png"} <= g for g in groups), groups
    assert not any({"left.png", "right.png"} <= g for g in groups)
    crop_member = next(
        m for g in result.groups for m in g.members if result.records[m.index].path == str(files["crop0"])
    )
    assert crop_member.kind == "edited"
    assert result.pairs.deep_similarity is not None and len(result.pairs.deep_similarity) == len(result.pairs)


def test_deep_rescan_uses_cached_embeddings_and_index(
    tiny_model, tmp_path: Path, isolated_home: Path
) -> None:
    _library(tmp_path / "lib")
    first = run_scan([tmp_path / "lib"], ScanOptions(deep=True))
    index_dir = next((isolated_home / "cache" / "vectors").iterdir())
    meta = json.loads((index_dir / "meta.json").read_text())
    assert meta["count"] == first.stats.files
    second = run_scan([tmp_path / "lib"], ScanOptions(deep=True))
    assert second.stats.decoded == 0
    assert _groups(first) == _groups(second)
    # A new file is added to the index, a deleted one is marked deleted, nothing is rebuilt.
    photo(777, (480, 360)).save(tmp_path / "lib" / "new.png")
    (tmp_path / "lib" / "other0.png").unlink()
    third = run_scan([tmp_path / "lib"], ScanOptions(deep=True))
    assert third.stats.decoded == 1
    idx = VectorIndex(tiny_model.cache_id, tiny_model.dim, isolated_home / "cache" / "vectors")
    assert len(idx) == third.stats.files
    assert str(tmp_path / "lib" / "new.png") in idx.label_of
    assert str(tmp_path / "lib" / "other0.png") not in idx.label_of
    assert len(idx.paths) == first.stats.files + 1  # grown by one label, not rebuilt


def test_corrupt_index_is_rebuilt_with_warning(tiny_model, tmp_path: Path, isolated_home: Path) -> None:
    _library(tmp_path / "lib")
    run_scan([tmp_path / "lib"], ScanOptions(deep=True))
    index_file = next((isolated_home / "cache" / "vectors").iterdir()) / "index.bin"
    data = bytearray(index_file.read_bytes())
    data[len(data) // 2 : len(data) // 2 + 64] = b"\xff" * 64
    index_file.write_bytes(bytes(data))
    # Nothing changed: the saved pairs answer and the index is not even read.
    same = run_scan([tmp_path / "lib"], ScanOptions(deep=True))
    assert same.stats.matched == 0 and not same.warnings
    # A new file needs the index: it is found damaged and rebuilt.
    photo(778, (480, 360)).save(tmp_path / "lib" / "new.png")
    again = run_scan([tmp_path / "lib"], ScanOptions(deep=True))
    assert again.stats.matched >= 1
    assert any("vector index" in w and "rebuilt" in w for w in again.warnings)
    assert any({"orig0.png", "crop0.png"} <= g for g in _groups(again))


def test_changing_the_model_reembeds(tiny_model, tmp_path: Path) -> None:
    _library(tmp_path / "lib")
    run_scan([tmp_path / "lib"], ScanOptions(deep=True))
    model_registry.install_from_file(
        conv_model(tmp_path / "tiny2.onnx", size=64, channels=12), {**TINY_SPEC, "id": "tiny2"}
    )
    other = run_scan([tmp_path / "lib"], ScanOptions(deep=True, model="tiny2"))
    assert other.deep["model"] == "tiny2"
    assert other.stats.decoded == other.stats.files  # embeddings are per model
    back = run_scan([tmp_path / "lib"], ScanOptions(deep=True, model="tiny"))
    assert back.stats.decoded == 0  # the first model's embeddings are still cached


def test_deep_required_without_model(tmp_path: Path) -> None:
    photo(1).save(tmp_path / "a.png")
    with pytest.raises(DeepUnavailable, match="models install"):
        run_scan([tmp_path], ScanOptions(deep=True))
    auto = run_scan([tmp_path], ScanOptions())
    assert auto.deep["enabled"] is False and "no model installed" in auto.deep["reason"]


def test_cli_deep_without_model_is_a_clear_error(tmp_path: Path, isolated_home: Path) -> None:
    photo(1).save(tmp_path / "a.png")
    env = {"DUPE_VIEWER_HOME": str(isolated_home), "PATH": "/usr/bin:/bin"}
    res = subprocess.run(
        [sys.executable, "-m", "dupe_viewer", "scan", str(tmp_path), "--deep"],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(Path(__file__).resolve().parents[3])},
    )
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0 and "models install" in res.stderr
    assert "Traceback" not in res.stderr


def test_report_says_deep_is_off(tmp_path: Path, isolated_home: Path) -> None:
    photo(1).save(tmp_path / "a.png")
    out = tmp_path / "r.json"
    res = subprocess.run(
        [sys.executable, "-m", "dupe_viewer", "scan", str(tmp_path), "--report", str(out), "-q"],
        capture_output=True,
        text=True,
        env={"DUPE_VIEWER_HOME": str(isolated_home), "PYTHONPATH": str(Path(__file__).resolve().parents[3])},
    )
    assert res.returncode == 0, res.stderr
    report = json.loads(out.read_text())
    assert report["deep"]["enabled"] is False and "models install" in report["deep"]["reason"]


def test_query_by_example(tiny_model, tmp_path: Path) -> None:
    from dupe_viewer.core.query import query

    _library(tmp_path / "lib")
    probe = tmp_path / "probe.jpg"
    Image.open(tmp_path / "lib" / "orig1.png").resize((240, 180)).save(probe, quality=80)
    hits, result = query(probe, [tmp_path / "lib"], ScanOptions(deep=True), top=3)
    assert result.deep["enabled"]
    assert Path(hits[0].path).name == "orig1.png" and hits[0].kind == "near" and hits[0].score > 0.95
    assert [Path(h.path).name for h in hits[:2]] == ["orig1.png", "crop1.png"] or hits[1].score < hits[
        0
    ].score
    hashes, _ = query(probe, [tmp_path / "lib"], ScanOptions(deep=False), top=1)
    assert Path(hashes[0].path).name == "orig1.png" and hashes[0].deep_similarity is None


def test_query_cli(tmp_path: Path, isolated_home: Path) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    for s in range(5):
        photo(600 + s, (300, 200)).save(lib / f"p{s}.png")
    env = {"DUPE_VIEWER_HOME": str(isolated_home), "PYTHONPATH": str(Path(__file__).resolve().parents[3])}
    res = subprocess.run(
        [sys.executable, "-m", "dupe_viewer", "query", str(lib / "p3.png"), "--in", str(lib), "--json"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["results"][0]["path"] == str(lib / "p3.png") and out["results"][0]["score"] == 1.0
    bad = subprocess.run(
        [sys.executable, "-m", "dupe_viewer", "query", str(lib / "nope.png"), "--in", str(lib)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert bad.returncode == 2 and "no such image" in bad.stderr


@pytest.mark.parametrize("graph", [True, False], ids=["hnswlib", "exact"])
def test_candidate_pairs_of_fresh_rows_only(graph: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """An incremental update queries only the new rows and finds exactly their pairs: those a
    full query finds that involve a new row (float16 vectors, queried in several chunks)."""
    from dupe_viewer.core.deep import stage as deep_mod
    from dupe_viewer.core.store import knn

    if graph and not knn.HAVE_HNSWLIB:
        pytest.skip("hnswlib is not installed")
    monkeypatch.setattr(knn, "EXACT_LIMIT", 0 if graph else 10**6)
    monkeypatch.setattr(deep_mod, "CHUNK", 16)
    rng = np.random.default_rng(5)
    n_old, n_new, dim = 200, 40, 32
    vecs = rng.normal(0, 1, (n_old + n_new, dim))
    for c in range(0, 20):  # old pairs: 2c+1 is a near copy of 2c
        vecs[2 * c + 1] = vecs[2 * c] + rng.normal(0, 0.3, dim)
    for c in range(n_old, n_old + 20):  # new copies of old files, and new pairs among themselves
        vecs[c] = vecs[c - 150] + rng.normal(0, 0.3, dim)
    vecs[n_old + 30] = vecs[n_old + 31] + rng.normal(0, 0.3, dim)
    vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float16)
    paths = [f"/lib/{i}.jpg" for i in range(n_old + n_new)]
    idx = VectorIndex("m", dim, None)
    old_labels = idx.sync(paths[:n_old], [(1, 1)] * n_old, vecs[:n_old])
    old_pairs, _ = deep_mod.candidate_pairs(idx, old_labels, vecs[:n_old])
    labels = idx.sync(paths, [(1, 1)] * len(paths), vecs)
    assert idx.fresh_rows.tolist() == list(range(n_old, n_old + n_new))
    new_pairs, new_cos = deep_mod.candidate_pairs(idx, labels, vecs, query_rows=idx.fresh_rows)
    all_pairs, all_cos = deep_mod.candidate_pairs(idx, labels, vecs)

    assert (new_pairs[:, 0] < new_pairs[:, 1]).all()
    assert len(np.unique(new_pairs, axis=0)) == len(new_pairs)
    assert np.isin(new_pairs, idx.fresh_rows).any(axis=1).all()
    expected = {tuple(p) for p in all_pairs.tolist() if p[0] >= n_old or p[1] >= n_old}
    assert {tuple(p) for p in new_pairs.tolist()} == expected
    assert {(c - 150, c) for c in range(n_old, n_old + 20)} | {(n_old + 30, n_old + 31)} <= expected
    # The old pairs plus the new ones are the full answer (what a persisted pair cache relies on).
    assert {tuple(p) for p in old_pairs.tolist()} | expected == {tuple(p) for p in all_pairs.tolist()}
    cos_of = dict(zip(map(tuple, all_pairs.tolist()), all_cos.tolist(), strict=True))
    for p, c in zip(map(tuple, new_pairs.tolist()), new_cos.tolist(), strict=True):
        assert c == pytest.approx(cos_of[p], abs=1e-3)
    assert deep_mod.candidate_pairs(idx, labels, vecs, query_rows=np.empty(0, np.int64))[0].shape == (0, 2)


def test_candidate_pairs_with_every_row_fresh_is_the_full_query() -> None:
    """A first scan (every row fresh) gets the full query, not the narrower per-row search."""
    from dupe_viewer.core.deep import stage as deep_mod

    rng = np.random.default_rng(6)
    vecs = rng.normal(0, 1, (60, 16))
    vecs[1::2] = vecs[::2] + rng.normal(0, 0.3, (30, 16))
    vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float16)
    idx = VectorIndex("m", 16, None)
    labels = idx.sync([f"/lib/{i}.jpg" for i in range(60)], [(1, 1)] * 60, vecs)
    full, cos = deep_mod.candidate_pairs(idx, labels, vecs)
    fresh, fresh_cos = deep_mod.candidate_pairs(idx, labels, vecs, query_rows=idx.fresh_rows)
    assert {(2 * c, 2 * c + 1) for c in range(30)} <= set(map(tuple, full.tolist()))
    np.testing.assert_array_equal(full, fresh)
    np.testing.assert_array_equal(cos, fresh_cos)


@pytest.mark.parametrize("fresh_only", [False, True], ids=["full", "fresh-rows"])
def test_candidate_pairs_from_a_reduced_index_match_the_exact_search(
    fresh_only: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The graph holds 16-d projections of 128-d vectors; fetched neighbours are re-ranked by their
    exact cosine, so the pairs and cosines are (nearly all) those of an exact full-space search."""
    from dupe_viewer.core.deep import stage as deep_mod
    from dupe_viewer.core.store import knn

    if not knn.HAVE_HNSWLIB:
        pytest.skip("hnswlib is not installed")
    rng = np.random.default_rng(7)
    n, dim = 3000, 128
    basis = np.linalg.qr(rng.standard_normal((dim, dim)))[0]
    vecs = (rng.standard_normal((n, dim)) / np.sqrt(np.arange(1, dim + 1))) @ basis.T + 0.4 * basis[:, -1]
    vecs[1::3] = vecs[::3] + rng.normal(0, 0.03, (n // 3, dim))  # copies: 3c+1 of 3c
    vecs = (vecs / np.linalg.norm(vecs, axis=1, keepdims=True)).astype(np.float16)
    paths = [f"/lib/{i}.jpg" for i in range(n)]
    monkeypatch.setattr(deep_mod, "INDEX_DIM", 16)
    monkeypatch.setattr(deep_mod, "CHUNK", 700)
    monkeypatch.setattr(deep_mod, "RERANK_BLOCK", 300)
    idx = deep_mod.open_index("m", dim, None)
    assert idx.index_dim == 16
    labels = idx.sync(paths, [(1, 1)] * n, vecs)
    query_rows = np.arange(0, n, 5) if fresh_only else None
    monkeypatch.setattr(knn, "EXACT_LIMIT", 10**6)  # the reference: exact, full space
    want, want_cos = deep_mod.candidate_pairs(idx, labels, vecs, query_rows=query_rows)
    monkeypatch.setattr(knn, "EXACT_LIMIT", 0)
    got, got_cos = deep_mod.candidate_pairs(idx, labels, vecs, query_rows=query_rows)
    want_set, got_set = set(map(tuple, want.tolist())), set(map(tuple, got.tolist()))
    asked = set(range(n)) if not fresh_only else set(query_rows.tolist())
    copies = {(3 * c, 3 * c + 1) for c in range(n // 3) if {3 * c, 3 * c + 1} & asked}
    assert copies <= want_set
    assert len(copies & got_set) == len(copies)
    assert len(got_set & want_set) >= 0.97 * len(want_set)
    # Cosines are exact (full space), not the reduced space's.
    cos_of = dict(zip(map(tuple, want.tolist()), want_cos.tolist(), strict=True))
    common = [(p, c) for p, c in zip(map(tuple, got.tolist()), got_cos.tolist(), strict=True) if p in cos_of]
    np.testing.assert_allclose([c for _, c in common], [cos_of[p] for p, _ in common], atol=1e-3)
