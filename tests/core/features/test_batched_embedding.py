"""The analysis workers embed a task's images in batches: the same embeddings as one by one."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from dupe_viewer.core.deep import embedding
from dupe_viewer.core.deep import installed as model_registry
from dupe_viewer.core.deep.embedding import EmbedderFactory
from dupe_viewer.core.features.pool import CHUNK, AnalysisPool, WorkerConfig, analyse_many
from tests.core.deep.test_embedding import TINY, photo
from tests.onnx_models import conv_model


@pytest.fixture
def factory(tmp_path: Path) -> EmbedderFactory:
    spec = model_registry.install_from_file(conv_model(tmp_path / "tiny.onnx"), TINY)
    return EmbedderFactory(spec, str(model_registry.installed_model_path(spec.id)), device="cpu")


def _files(tmp_path: Path, n: int) -> list[str]:
    paths = []
    for i in range(n):
        p = tmp_path / f"p{i}.png"
        # Two shapes: shorter_side batches only images of one shape together.
        photo(i, (120, 90) if i % 3 else (90, 120)).save(p)
        paths.append(str(p))
    (tmp_path / "broken.png").write_bytes(b"not an image")
    return [*paths[:3], str(tmp_path / "broken.png"), *paths[3:]]


def test_batched_embeddings_equal_one_by_one(tmp_path: Path, factory: EmbedderFactory) -> None:
    paths = _files(tmp_path, 11)
    config = WorkerConfig(embedder=factory)
    single = factory()
    batched = EmbedderFactory(factory.spec, factory.model_path, device="cpu", batch_size=4)()
    assert single.batch_size == embedding.CPU_BATCH == 1 and batched.batch_size == 4
    one = analyse_many(paths, config, single)
    many = analyse_many(paths, config, batched)
    assert [a.error is None for a in one] == [b.error is None for b in many]
    assert sum(a.embedding is not None for a in one) == 11
    for a, b in zip(one, many, strict=True):
        assert a.features == b.features
        if a.embedding is not None:
            va, vb = np.frombuffer(a.embedding, np.float32), np.frombuffer(b.embedding, np.float32)
            np.testing.assert_allclose(vb, va, rtol=1e-4, atol=1e-5)


def test_batch_size_is_configurable_and_sizes_the_tasks(
    monkeypatch: pytest.MonkeyPatch, factory: EmbedderFactory
) -> None:
    assert WorkerConfig(embedder=factory).chunk == CHUNK  # one image a call on the CPU
    monkeypatch.setenv(embedding.BATCH_ENV, "24")
    assert factory.batch == 24 and factory().batch_size == 24
    assert WorkerConfig(embedder=factory).chunk == 24  # a task holds a whole batch
    assert embedding.default_batch("cuda") == 24
    monkeypatch.delenv(embedding.BATCH_ENV)
    assert embedding.default_batch("cuda") == embedding.ACCELERATOR_BATCH


def test_pool_with_batches_gives_the_in_process_embeddings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, factory: EmbedderFactory
) -> None:
    paths = _files(tmp_path, 30)
    reference = {a.path: a.embedding for a in analyse_many(paths, WorkerConfig(embedder=factory), factory())}
    monkeypatch.setenv(embedding.BATCH_ENV, "16")  # inherited by the spawned workers
    with AnalysisPool(WorkerConfig(embedder=factory), workers=2) as pool:
        got = {a.path: a.embedding for a in pool.run(paths)}
    assert got.keys() == reference.keys()
    for path, vec in reference.items():
        if vec is None:
            assert got[path] is None
        else:
            np.testing.assert_allclose(
                np.frombuffer(got[path], np.float32), np.frombuffer(vec, np.float32), rtol=1e-4, atol=1e-5
            )
