"""``--device``: which onnxruntime execution provider embeds, and the fall back to the CPU."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnxruntime
import pytest
from PIL import Image

from dupe_viewer.core.deep import providers
from dupe_viewer.core.deep.embedding import Embedder, EmbedderFactory
from dupe_viewer.core.deep.spec import ModelSpec
from tests.onnx_models import conv_model

CPU = "CPUExecutionProvider"


def _offer(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    monkeypatch.setattr(onnxruntime, "get_available_providers", lambda: [*names, CPU])


def test_auto_takes_the_first_accelerator_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(providers.ENV, raising=False)
    _offer(monkeypatch)
    assert providers.choose() == providers.Choice("cpu", (CPU,))
    _offer(monkeypatch, "DmlExecutionProvider", "CUDAExecutionProvider")
    assert providers.choose("auto") == providers.Choice("cuda", ("CUDAExecutionProvider", CPU))
    _offer(monkeypatch, "CoreMLExecutionProvider")
    assert providers.choose().device == "coreml"


def test_an_accelerator_not_offered_falls_back_with_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    _offer(monkeypatch, "CoreMLExecutionProvider")
    choice = providers.choose("cuda")
    assert choice.device == "cpu" and choice.providers == (CPU,)
    assert choice.message is not None and "CUDAExecutionProvider" in choice.message
    assert providers.choose("directml").device == "cpu"
    assert providers.choose("cpu") == providers.Choice("cpu", (CPU,))
    with pytest.raises(ValueError, match="unknown device 'tpu'"):
        providers.choose("tpu")


def test_the_environment_sets_the_device_of_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    _offer(monkeypatch, "CUDAExecutionProvider")
    monkeypatch.setenv(providers.ENV, "cpu")
    assert providers.choose().device == "cpu"
    assert providers.choose("cuda").device == "cuda"  # an explicit device wins


def _spec() -> ModelSpec:
    return ModelSpec.from_dict({"id": "t", "input_size": 32, "pooling": "gap", "resize": "squash"})


def test_a_session_that_cannot_start_on_the_accelerator_runs_on_the_cpu(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """CUDA listed (as onnxruntime-gpu lists it even when the CUDA libraries are missing) but the
    session refuses it: the embedder runs on the CPU, says so, and gives the CPU's vectors."""
    model = conv_model(tmp_path / "m.onnx", size=32)
    _offer(monkeypatch, "CUDAExecutionProvider")
    real = onnxruntime.InferenceSession
    asked: list[list[str]] = []

    def session(path, sess_options=None, providers=None):
        asked.append(list(providers))
        if "CUDAExecutionProvider" in providers:
            raise RuntimeError("libcudart.so.12: cannot open shared object file")
        return real(path, sess_options=sess_options, providers=providers)

    monkeypatch.setattr(onnxruntime, "InferenceSession", session)
    emb = EmbedderFactory(_spec(), str(model), device="cuda")()
    assert asked == [["CUDAExecutionProvider", CPU], [CPU]]
    assert emb.device == "cpu" and emb.device_note is not None and "libcudart" in emb.device_note
    assert "could not start" in caplog.text
    img = Image.new("RGB", (40, 30), (200, 40, 90))
    cpu = Embedder(_spec(), model, device="cpu")
    assert np.array_equal(emb.embed([img]), cpu.embed([img]))


def test_cuda_loads_the_pip_installed_cuda_libraries_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """onnxruntime-gpu from PyPI finds CUDA and cuDNN in site-packages only through preload_dlls;
    the CPU never calls it, and a failing preload leaves the session's fall back to speak."""
    calls: list[str] = []
    monkeypatch.setattr(providers, "_preloaded", False)
    monkeypatch.setattr(onnxruntime, "preload_dlls", lambda: calls.append("load"), raising=False)
    providers.preload("cpu")
    assert calls == []
    providers.preload("cuda")
    providers.preload("cuda")
    assert calls == ["load"]

    def broken() -> None:
        raise OSError("libcudnn.so.9: cannot open shared object file")

    monkeypatch.setattr(providers, "_preloaded", False)
    monkeypatch.setattr(onnxruntime, "preload_dlls", broken, raising=False)
    providers.preload("cuda")  # no exception
    monkeypatch.setattr(providers, "_preloaded", False)
    monkeypatch.delattr(onnxruntime, "preload_dlls", raising=False)
    providers.preload("cuda")  # an onnxruntime without it (before 1.21)
