"""The persisted vector index: labels, fresh rows, token, chunked float16 input, reload and growth."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from dupe_viewer.core.store import knn, vector_index
from dupe_viewer.core.store.vector_index import VectorIndex

DIM = 24


def _unit(n: int, seed: int = 0, dtype: type = np.float32) -> np.ndarray:
    v = np.random.default_rng(seed).normal(0, 1, (n, DIM))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(dtype)


def _paths(n: int, prefix: str = "/lib/a") -> list[str]:
    return [f"{prefix}{i}.jpg" for i in range(n)]


class RowGuard:
    """A float16 matrix that refuses to hand out more than ``limit`` rows at once: proof that
    the index converts its input chunk by chunk instead of copying it whole to float32."""

    def __init__(self, data: np.ndarray, limit: int) -> None:
        self.data, self.limit, self.biggest = data, limit, 0

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, rows: np.ndarray | slice) -> np.ndarray:
        out = self.data[rows]
        assert len(out) <= self.limit, f"{len(out)} rows at once"
        self.biggest = max(self.biggest, len(out))
        return out


@pytest.fixture(params=["hnswlib", "numpy"])
def backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Both implementations; hnswlib even for tiny sets (EXACT_LIMIT 0) so the graph is used."""
    if request.param == "numpy":
        monkeypatch.setattr(knn, "HAVE_HNSWLIB", False)
    elif not knn.HAVE_HNSWLIB:
        pytest.skip("hnswlib is not installed")
    else:
        monkeypatch.setattr(knn, "EXACT_LIMIT", 0)
    return request.param


def test_fresh_rows_are_new_and_changed_files(backend: str, tmp_path: Path) -> None:
    idx = VectorIndex("m", DIM, tmp_path)
    vecs = _unit(10)
    labels = idx.sync(_paths(10), [(1, 1)] * 10, vecs)
    assert labels.tolist() == list(range(10))
    assert idx.fresh_rows.tolist() == list(range(10))
    # Same files again (another order): nothing fresh, same labels.
    order = np.arange(10)[::-1]
    again = idx.sync([_paths(10)[i] for i in order], [(1, 1)] * 10, vecs[order])
    assert again.tolist() == labels[order].tolist()
    assert idx.fresh_rows.dtype == np.int64 and len(idx.fresh_rows) == 0
    # File 3 changed (new mtime), file "new" appeared: both fresh, with labels never used before.
    paths = [*_paths(10), "/lib/new.jpg"]
    idents = [(1, 1)] * 10 + [(5, 5)]
    idents[3] = (1, 2)
    vecs2 = np.concatenate([vecs, _unit(1, seed=9)])
    vecs2[3] = _unit(1, seed=8)[0]
    labels2 = idx.sync(paths, idents, vecs2)
    assert idx.fresh_rows.tolist() == [3, 10]
    assert labels2[3] == 10 and labels2[10] == 11  # label = len(paths) at the time
    assert idx.paths[3] == "" and len(idx) == 11  # the old vector of file 3 is deleted
    nb, sim = idx.knn(vecs2[[3]], 1)
    assert nb[0, 0] == 10 and sim[0, 0] == pytest.approx(1.0, abs=1e-5)


def test_chunked_add_and_query_from_float16(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vector_index, "CHUNK", 7)
    vecs = _unit(50, seed=1, dtype=np.float16)
    guard = RowGuard(vecs, limit=7)
    idx = VectorIndex("m", DIM, None)
    labels = idx.sync(_paths(50), [(1, 1)] * 50, guard)  # type: ignore[arg-type]
    assert guard.biggest == 7
    np.testing.assert_array_equal(idx._get(labels), vecs.astype(np.float32))
    nb, sim = idx.knn(guard, 3)  # type: ignore[arg-type]
    assert nb[:, 0].tolist() == labels.tolist()
    np.testing.assert_allclose(sim[:, 0], 1.0, atol=2e-3)  # float16 rounding of unit vectors
    assert (sim[:, 1] <= sim[:, 0]).all()


def test_knn_with_allowed_matches_exact_search(backend: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both hnswlib branches (over-fetch when most labels are allowed, filter otherwise), queried
    in chunks, against brute force over the allowed rows."""
    monkeypatch.setattr(vector_index, "CHUNK", 64)
    n, k = 400, 5
    vecs = _unit(n, seed=2)
    idx = VectorIndex("m", DIM, None)
    labels = idx.sync(_paths(n), [(1, 1)] * n, vecs)
    rng = np.random.default_rng(3)
    for share in (0.7, 0.2):  # > half: over-fetch; < half: hnswlib's filter
        allowed = np.sort(rng.choice(labels, int(n * share), replace=False))
        nb, sim = idx.knn(vecs, k, allowed=allowed)
        want_i, want_s = knn.exact_knn(vecs, vecs[allowed], k)
        hit = np.mean([len(set(nb[q]) & set(allowed[want_i[q]])) / k for q in range(n)])
        assert hit >= 0.98, (share, hit)
        assert np.isin(nb, allowed).all()
        np.testing.assert_allclose(sim[:, 0], want_s[:, 0], atol=1e-4)
    # Fewer allowed labels than k: the rest is -1 / -inf.
    nb, sim = idx.knn(vecs[:3], k, allowed=labels[:2])
    assert (nb[:, 2:] == -1).all() and np.isneginf(sim[:, 2:]).all()
    assert set(nb[:, :2].ravel()) == {0, 1}


@pytest.mark.skipif(not knn.HAVE_HNSWLIB, reason="persistence needs hnswlib")
def test_token_changes_on_every_save_and_survives_reload(tmp_path: Path) -> None:
    idx = VectorIndex("m", DIM, tmp_path)
    assert idx.token is None and idx.dir == tmp_path / vector_index._safe("m")
    idx.sync(_paths(5), [(1, 1)] * 5, _unit(5))
    idx.save()
    first = idx.token
    assert isinstance(first, str) and len(first) == 16 and int(first, 16) >= 0
    assert json.loads((idx.dir / "meta.json").read_text())["token"] == first
    idx.save()  # nothing changed: nothing written, same state, same token
    assert idx.token == first
    assert VectorIndex("m", DIM, tmp_path).token == first
    idx.sync(_paths(6), [(1, 1)] * 6, _unit(6))
    assert idx.token == first  # unsaved changes: the token still names what is on disk
    idx.save()
    assert idx.token not in (None, first)
    assert VectorIndex("m", DIM, tmp_path).token == idx.token


@pytest.mark.skipif(not knn.HAVE_HNSWLIB, reason="persistence needs hnswlib")
def test_rebuilt_index_has_no_token(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idx = VectorIndex("m", DIM, tmp_path)
    idx.sync(_paths(5), [(1, 1)] * 5, _unit(5))
    idx.save()
    monkeypatch.setattr(vector_index, "PARAMS", {**vector_index.PARAMS, "M": 8})
    rebuilt = VectorIndex("m", DIM, tmp_path)
    assert len(rebuilt.paths) == 0 and rebuilt.token is None


@pytest.mark.skipif(not knn.HAVE_HNSWLIB, reason="persistence needs hnswlib")
def test_reloaded_index_is_grown_not_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(knn, "EXACT_LIMIT", 0)
    n, extra = 300, 30
    vecs = _unit(n + extra, seed=4, dtype=np.float16)
    paths = _paths(n + extra)
    idx = VectorIndex("m", DIM, tmp_path)
    old = idx.sync(paths[:n], [(1, 1)] * n, vecs[:n])
    idx.forget_missing(["/lib"], set(paths[: n - 1]))  # the last old file vanished
    idx.save()
    del idx

    idx2 = VectorIndex("m", DIM, tmp_path)
    assert not idx2.warnings and len(idx2.paths) == n and len(idx2) == n - 1
    assert idx2.label_of == {p: i for i, p in enumerate(paths[: n - 1])}
    labels = idx2.sync(paths, [(1, 1)] * (n + extra), vecs)
    assert labels[: n - 1].tolist() == old[: n - 1].tolist()  # old files keep their labels
    assert idx2.fresh_rows.tolist() == [n - 1, *range(n, n + extra)]  # only the new rows were added
    assert labels[idx2.fresh_rows].tolist() == list(range(n, n + extra + 1))
    assert idx2._index.get_current_count() == n + extra + 1  # n old (one deleted) + the new
    nb, _ = idx2.knn(vecs[n:], 1, allowed=labels)
    assert nb[:, 0].tolist() == labels[n:].tolist()
    idx2.save()
    meta = json.loads((idx2.dir / "meta.json").read_text())
    assert meta["count"] == n + extra + 1


# -- reduced indexes (the deep stage's embeddings) ----------------------------------------------
FULL, REDUCED = 96, 12


def _low_rank(n: int, seed: int = 0, dtype: type = np.float16) -> np.ndarray:
    """Unit vectors with most of their variance in a few directions plus a common offset, like
    real descriptors; every odd row is a near copy of the even row before it."""
    rng = np.random.default_rng(seed)
    basis = np.linalg.qr(rng.standard_normal((FULL, FULL)))[0]
    scale = 1.0 / np.arange(1, FULL + 1)
    v = (rng.standard_normal((n, FULL)) * scale) @ basis.T + 0.3 * basis[:, -1]
    v[1::2] = v[0::2][: n // 2] + rng.normal(0, 0.02, (n // 2, FULL))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(dtype)


@pytest.mark.parametrize("persist", [True, False])
def test_reduced_index_stores_projected_vectors_and_finds_copies(
    backend: str, persist: bool, tmp_path: Path
) -> None:
    n = 600
    vecs = _low_rank(n)
    idx = VectorIndex("m", FULL, tmp_path if persist else None, reduce=REDUCED)
    assert idx.index_dim == REDUCED
    labels = idx.sync(_paths(n), [(1, 1)] * n, vecs)
    basis = idx._proj[1]
    assert idx._fitted == n and basis.shape == (FULL, REDUCED)
    np.testing.assert_allclose(basis.T @ basis, np.eye(REDUCED), atol=1e-5)  # orthonormal
    stored = idx._get(labels)
    assert stored.shape == (n, REDUCED)
    np.testing.assert_allclose(np.linalg.norm(stored, axis=1), 1.0, atol=1e-5)
    nb, _ = idx.knn(vecs, 2, allowed=labels)
    partner = labels ^ 1  # rows 2c and 2c+1 are copies
    assert np.mean(nb[:, 1] == partner) >= 0.99


def test_reduced_index_reloads_its_projection_and_grows_without_refit(tmp_path: Path) -> None:
    if not knn.HAVE_HNSWLIB:
        pytest.skip("persistence needs hnswlib")
    n = 400
    vecs = _low_rank(n + 100)
    idx = VectorIndex("m", FULL, tmp_path, reduce=REDUCED)
    idx.sync(_paths(n), [(1, 1)] * n, vecs[:n])
    idx.save()
    meta = json.loads((idx.dir / "meta.json").read_text())
    assert meta["reduce"] == REDUCED and meta["fitted"] == n
    again = VectorIndex("m", FULL, tmp_path, reduce=REDUCED)
    assert not again.warnings and len(again) == n and again._fitted == n
    np.testing.assert_array_equal(again._proj[1], idx._proj[1])
    labels = again.sync(_paths(n + 100), [(1, 1)] * (n + 100), vecs)  # grown < REFIT_GROWTH×
    assert again.fresh_rows.tolist() == list(range(n, n + 100)) and again._fitted == n
    assert labels[:n].tolist() == list(range(n))
    # An unreduced index of the same model is another index: rebuilt, not misread.
    assert len(VectorIndex("m", FULL, tmp_path)) == 0


def test_reduced_index_refits_when_the_collection_doubles(
    backend: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(vector_index, "MIN_FIT", 50)
    monkeypatch.setattr(vector_index, "FIT_ENOUGH", 1000)
    vecs = _low_rank(1200)
    idx = VectorIndex("m", FULL, None, reduce=REDUCED)
    idx.sync(_paths(20), [(1, 1)] * 20, vecs[:20])
    assert idx._fitted == 0  # too few to fit: a fixed random rotation
    np.testing.assert_allclose(idx._proj[0], 0.0)
    idx.sync(_paths(60), [(1, 1)] * 60, vecs[:60])
    assert idx._fitted == 60 and len(idx.fresh_rows) == 60  # fitted: every vector added again
    assert len(idx.paths) == 60  # old labels were dropped with the old space
    idx.sync(_paths(100), [(1, 1)] * 100, vecs[:100])
    assert idx._fitted == 60 and idx.fresh_rows.tolist() == list(range(60, 100))
    idx.sync(_paths(120), [(1, 1)] * 120, vecs[:120])
    assert idx._fitted == 120 and len(idx.fresh_rows) == 120
    idx.sync(_paths(1200), [(1, 1)] * 1200, vecs)
    assert idx._fitted == 1200
    # Fitted on FIT_ENOUGH or more: the space never changes again.
    more = np.concatenate([vecs, _low_rank(1400, seed=1)[:1400]])
    idx.sync(_paths(2600), [(1, 1)] * 2600, more)
    assert idx._fitted == 1200 and len(idx.fresh_rows) == 1400


def test_damaged_projection_rebuilds_with_warning(tmp_path: Path) -> None:
    if not knn.HAVE_HNSWLIB:
        pytest.skip("persistence needs hnswlib")
    idx = VectorIndex("m", FULL, tmp_path, reduce=REDUCED)
    idx.sync(_paths(300), [(1, 1)] * 300, _low_rank(300))
    idx.save()
    (idx.dir / "projection.npz").write_bytes(b"garbage")
    again = VectorIndex("m", FULL, tmp_path, reduce=REDUCED)
    assert len(again) == 0 and again._proj is None
    assert any("damaged" in w for w in again.warnings)


def test_empty_reduced_index_reloads_without_warning(tmp_path: Path) -> None:
    if not knn.HAVE_HNSWLIB:
        pytest.skip("persistence needs hnswlib")
    idx = VectorIndex("m", FULL, tmp_path, reduce=REDUCED)
    idx.sync([], [], np.empty((0, FULL), np.float32))
    idx.save()
    again = VectorIndex("m", FULL, tmp_path, reduce=REDUCED)
    assert not again.warnings and len(again) == 0 and again._proj is None
    again.sync(_paths(300), [(1, 1)] * 300, _low_rank(300))  # fitted on first use
    assert again._fitted == 300
