"""Model specs, download (against a local HTTP server), preparation, install/list/remove, CLI.

Fast tests use tiny ONNX graphs built here with ``onnx.helper``. Tests marked ``shared`` use the
real SqueezeNet and Coral MobileNet files from ``<repo>/../shared/models`` and skip when absent.
"""

from __future__ import annotations

import argparse
import hashlib
import http.server
import json
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper

from dupe_viewer.cli.models import add_parser as add_models_parser
from dupe_viewer.cli.models import run as run_models
from dupe_viewer.core.deep import download as model_download
from dupe_viewer.core.deep import installed as model_registry
from dupe_viewer.core.deep import spec as model_spec
from dupe_viewer.core.deep.spec import ModelError, ModelSpec

SQUEEZENET = "SqueezeNet_fp16.onnx"
CORAL = "mobilenet_v1_coral_quant_embed.onnx"


# --------------------------------------------------------------------------------------------
# Fixtures and tiny models


def _save(model: onnx.ModelProto, path: Path) -> Path:
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def tiny_conv_model(path: Path, size: int = 32, channels: int = 8) -> Path:
    """float32 NCHW [1,3,size,size] → Conv 3×3/2 → Relu → [1,channels,h,w] feature map."""
    rng = np.random.default_rng(0)
    weight = numpy_helper.from_array(rng.normal(0, 0.1, (channels, 3, 3, 3)).astype(np.float32), "w")
    bias = numpy_helper.from_array(np.full(channels, 0.1, np.float32), "b")
    nodes = [
        helper.make_node("Conv", ["pixels", "w", "b"], ["conv"], strides=[2, 2], kernel_shape=[3, 3]),
        helper.make_node("Relu", ["conv"], ["features"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny",
        [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, [1, 3, size, size])],
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, [1, channels, None, None])],
        [weight, bias],
    )
    return _save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8), path)


def tiny_fp16_model(path: Path) -> Path:
    """A mixed-precision graph like converted fp16 exports: float32 input cast to fp16, fp16
    weights and a fp16 Constant, a Cast back to float32, and an unused classifier tail."""
    rng = np.random.default_rng(1)
    weight = numpy_helper.from_array(rng.normal(0, 0.1, (4, 3, 3, 3)).astype(np.float16), "w16")
    head = numpy_helper.from_array(rng.normal(0, 0.1, (2, 4, 1, 1)).astype(np.float16), "head16")
    nodes = [
        helper.make_node("Cast", ["pixels"], ["x16"], to=TensorProto.FLOAT16),
        helper.make_node("Conv", ["x16", "w16"], ["conv16"], kernel_shape=[3, 3]),
        helper.make_node(
            "Constant",
            [],
            ["two16"],
            value=numpy_helper.from_array(np.array(2.0, np.float16), "two"),
        ),
        helper.make_node("Mul", ["conv16", "two16"], ["scaled16"]),
        helper.make_node("Relu", ["scaled16"], ["fmap16"]),
        helper.make_node("Cast", ["fmap16"], ["fmap"], to=TensorProto.FLOAT),
        # The classifier the preparation must cut off.
        helper.make_node("Conv", ["fmap16", "head16"], ["logits16"], kernel_shape=[1, 1]),
        helper.make_node("GlobalAveragePool", ["logits16"], ["pooled16"]),
    ]
    graph = helper.make_graph(
        nodes,
        "fp16",
        [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, [1, 3, 16, 16])],
        [
            helper.make_tensor_value_info("pooled16", TensorProto.FLOAT16, [1, 2, 1, 1]),
            helper.make_tensor_value_info("fmap", TensorProto.FLOAT, [1, 4, 14, 14]),
        ],
        [weight, head],
    )
    return _save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8), path)


def fixed_batch_model(path: Path) -> Path:
    """GAP then Reshape to a constant [1, -1]: runs with any batch but mixes the images, so the
    preparation must keep the batch fixed at 1."""
    shape = numpy_helper.from_array(np.array([1, -1], np.int64), "shape")
    nodes = [
        helper.make_node("GlobalAveragePool", ["pixels"], ["gap"]),
        helper.make_node("Reshape", ["gap", "shape"], ["vector"]),
    ]
    graph = helper.make_graph(
        nodes,
        "fixed",
        [helper.make_tensor_value_info("pixels", TensorProto.FLOAT, [1, 3, 16, 16])],
        [helper.make_tensor_value_info("vector", TensorProto.FLOAT, [1, 3])],
        [shape],
    )
    return _save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], ir_version=8), path)


TINY_SPEC = {"id": "tiny", "name": "Tiny", "input_size": 32, "pooling": "gem", "scale": 1 / 255}


def _input_dims(model_path: Path) -> list:
    session = ort.InferenceSession(str(model_path), providers=["CPUExecutionProvider"])
    return list(session.get_inputs()[0].shape)


# --------------------------------------------------------------------------------------------
# ModelSpec


def test_spec_round_trips_through_json() -> None:
    spec = model_spec.default_spec()
    again = ModelSpec.from_dict(json.loads(spec.to_json()))
    assert again == spec
    assert isinstance(again.mean, tuple)


def test_spec_rejects_unknown_keys_and_bad_values() -> None:
    with pytest.raises(ModelError, match="Unknown key"):
        ModelSpec.from_dict({"id": "x", "pooling_mode": "gem"})
    with pytest.raises(ModelError, match="needs an 'id'"):
        ModelSpec.from_dict({"layout": "NCHW"})
    for bad in (
        {"id": "../evil"},
        {"id": "x", "layout": "CHW"},
        {"id": "x", "dtype": "float16"},
        {"id": "x", "pooling": "max"},
        {"id": "x", "std": [1, 0, 1]},
        {"id": "x", "mean": [1, 2]},
        {"id": "x", "dtype": "uint8", "scale": 0.5},
        {"id": "x", "near_similarity": 0.5, "similar_similarity": 0.9},
        {"id": "x", "input_size": "big"},
    ):
        with pytest.raises(ModelError):
            ModelSpec.from_dict(bad)
    # Installed spec.json files written by a newer version may carry extra keys.
    assert ModelSpec.from_dict({"id": "x", "future": 1}, strict=False).id == "x"


def test_cache_id_tracks_what_changes_the_vectors() -> None:
    spec = model_spec.default_spec()
    assert spec.cache_id.startswith(f"squeezenet1.1@{spec.version}-")
    bumped = model_spec.ModelSpec.from_dict({**spec.to_dict(), "version": spec.version + "x"})
    assert bumped.cache_id != spec.cache_id
    assert model_spec.ModelSpec.from_dict({**spec.to_dict(), "pooling": "gap"}).cache_id != spec.cache_id
    same = model_spec.ModelSpec.from_dict({**spec.to_dict(), "near_similarity": 0.99, "dim": 7})
    assert same.cache_id == spec.cache_id


def test_default_spec_url_can_be_overridden(monkeypatch: pytest.MonkeyPatch) -> None:
    assert model_spec.default_spec().url == model_spec.DEFAULT_MODEL_URL
    assert "155b5eeb1f48b49235f31ef3a68db0bd8707ce89" in model_spec.DEFAULT_MODEL_URL
    monkeypatch.setenv(model_spec.MODEL_URL_ENV, "http://mirror.example/sq.onnx")
    assert model_spec.default_spec().url == "http://mirror.example/sq.onnx"
    assert model_spec.default_spec().sha256 == model_spec.DEFAULT_MODEL_SHA256


def test_load_spec_from_file(tmp_path: Path) -> None:
    path = tmp_path / "spec.json"
    path.write_text(json.dumps(TINY_SPEC))
    assert model_spec.load_spec(path).input_size == 32
    path.write_text("{not json")
    with pytest.raises(ModelError, match="not valid JSON"):
        model_spec.load_spec(path)
    with pytest.raises(ModelError, match="Cannot read"):
        model_spec.load_spec(tmp_path / "missing.json")


# --------------------------------------------------------------------------------------------
# Preparation and install with tiny models


def test_install_custom_model_with_spec(tmp_path: Path, isolated_home: Path) -> None:
    src = tiny_conv_model(tmp_path / "tiny.onnx")
    assert model_registry.get_installed() is None
    spec = model_registry.install_from_file(src, TINY_SPEC)
    assert spec.dim == 8
    assert spec.input_name == "pixels" and spec.output == "features"
    assert spec.sha256 == hashlib.sha256(src.read_bytes()).hexdigest()
    folder = isolated_home / "data" / "models" / "tiny"
    assert (folder / "model.onnx").is_file() and (folder / "spec.json").is_file()
    assert not (folder / "source.onnx").exists()  # only the default keeps its source
    assert json.loads((folder / "spec.json").read_text())["dim"] == 8
    # Batch and spatial dims were made dynamic (the model is fully convolutional).
    batch, _, height, width = _input_dims(folder / "model.onnx")
    assert not isinstance(batch, int) and not isinstance(height, int) and not isinstance(width, int)
    assert [s.id for s in model_registry.list_installed()] == ["tiny"]
    assert model_registry.get_installed() == spec == model_registry.get_installed("tiny")


def test_preparation_converts_float16_and_cuts_the_graph(tmp_path: Path) -> None:
    src = tiny_fp16_model(tmp_path / "fp16.onnx")
    spec = model_registry.install_from_file(
        src, {"id": "half", "input_size": 16, "output": "fmap16", "pooling": "gap"}
    )
    prepared = onnx.load(str(model_registry.installed_model_path("half")))
    assert [o.name for o in prepared.graph.output] == ["fmap16"]
    # Nothing float16 survives: no weights, no casts down, no graph I/O.
    assert all(t.data_type != TensorProto.FLOAT16 for t in prepared.graph.initializer)
    assert "head16" not in {t.name for t in prepared.graph.initializer}  # pruned classifier
    for node in prepared.graph.node:
        for attr in node.attribute:
            assert not (attr.name == "to" and attr.i == TensorProto.FLOAT16)
            if attr.type == onnx.AttributeProto.TENSOR:
                assert attr.t.data_type != TensorProto.FLOAT16
    assert spec.dim == 4
    # Same numbers as the float16 original (up to fp16 rounding).
    x = np.random.default_rng(3).random((1, 3, 16, 16), np.float32)
    original = ort.InferenceSession(str(src), providers=["CPUExecutionProvider"])
    want = original.run(["fmap"], {"pixels": x})[0]
    converted = ort.InferenceSession(
        str(model_registry.installed_model_path("half")), providers=["CPUExecutionProvider"]
    )
    got = converted.run(None, {"pixels": np.concatenate([x, x])})[0]
    assert got.shape == (2, *want.shape[1:])
    np.testing.assert_allclose(got[1], want[0], rtol=2e-2, atol=2e-2)


def test_batch_stays_fixed_when_a_batch_would_mix_images(tmp_path: Path) -> None:
    src = fixed_batch_model(tmp_path / "fixed.onnx")
    spec = model_registry.install_from_file(src, {"id": "fixed", "input_size": 16})
    assert spec.dim == 3
    assert _input_dims(model_registry.installed_model_path("fixed"))[0] == 1


def test_corrupt_or_unsuitable_files_raise_model_error(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.onnx"
    garbage.write_bytes(b"\x08\x07this is not a protobuf" * 50)
    with pytest.raises(ModelError, match="not a valid ONNX model"):
        model_registry.install_from_file(garbage, TINY_SPEC)
    truncated = tmp_path / "truncated.onnx"
    truncated.write_bytes(tiny_conv_model(tmp_path / "ok.onnx").read_bytes()[:300])
    with pytest.raises(ModelError):
        model_registry.install_from_file(truncated, TINY_SPEC)
    empty = tmp_path / "empty.onnx"
    empty.write_bytes(b"")
    with pytest.raises(ModelError):
        model_registry.install_from_file(empty, TINY_SPEC)
    with pytest.raises(ModelError, match="No such file"):
        model_registry.install_from_file(tmp_path / "missing.onnx", TINY_SPEC)
    assert model_registry.list_installed() == []


def test_spec_mismatches_are_reported(tmp_path: Path) -> None:
    src = tiny_conv_model(tmp_path / "tiny.onnx")
    cases = {
        "no tensor named 'nope'": {**TINY_SPEC, "output": "nope"},
        "no input 'image'": {**TINY_SPEC, "input_name": "image"},
        "dtype 'uint8'": {**TINY_SPEC, "dtype": "uint8", "scale": 1},
        "input_size is 224": {**TINY_SPEC, "input_size": 224},
        "3 colour": {**TINY_SPEC, "layout": "NHWC"},
        "needs a vector": {**TINY_SPEC, "pooling": "none", "resize": "squash"},
        "sha256": {**TINY_SPEC, "sha256": "0" * 64},
        "reserved": {**TINY_SPEC, "id": model_spec.DEFAULT_MODEL_ID},
    }
    for message, spec in cases.items():
        with pytest.raises(ModelError, match=message):
            model_registry.install_from_file(src, spec)
    with pytest.raises(ModelError, match="needs a 4-D feature map"):
        model_registry.install_from_file(
            fixed_batch_model(tmp_path / "f.onnx"), {"id": "f", "input_size": 16, "pooling": "gap"}
        )


def test_a_custom_file_needs_a_spec(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="--spec"):
        model_registry.install_from_file(tiny_conv_model(tmp_path / "tiny.onnx"))


def test_remove_and_active_model(tmp_path: Path) -> None:
    src = tiny_conv_model(tmp_path / "tiny.onnx")
    model_registry.install_from_file(src, TINY_SPEC)
    model_registry.install_from_file(src, {**TINY_SPEC, "id": "tiny2", "pooling": "rmac"})
    assert model_registry.get_installed().id == "tiny2"  # last installed is active
    model_registry.set_active("tiny")
    assert model_registry.get_installed().id == "tiny"
    with pytest.raises(ModelError, match="not installed"):
        model_registry.set_active("ghost")
    model_registry.remove("tiny")
    assert model_registry.get_installed("tiny") is None
    assert model_registry.get_installed().id == "tiny2"  # falls back to what is left
    with pytest.raises(ModelError, match="not installed"):
        model_registry.remove("tiny")
    with pytest.raises(ModelError, match="not a valid model id"):
        model_registry.remove("../../etc")
    model_registry.remove("tiny2")
    assert model_registry.get_installed() is None and model_registry.list_installed() == []


def test_reinstall_replaces_the_previous_install(tmp_path: Path, isolated_home: Path) -> None:
    src = tiny_conv_model(tmp_path / "tiny.onnx")
    model_registry.install_from_file(src, TINY_SPEC)
    model_registry.install_from_file(src, {**TINY_SPEC, "pooling": "gap"})
    assert model_registry.get_installed("tiny").pooling == "gap"
    leftovers = [p.name for p in (isolated_home / "data" / "models").iterdir() if p.name.startswith(".")]
    assert leftovers == []


# --------------------------------------------------------------------------------------------
# CLI


def _cli(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="dupe-viewer")
    add_models_parser(parser.add_subparsers(dest="command"))
    return run_models(parser.parse_args(list(argv)))


def test_cli_list_install_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("models", "list") == 0
    assert "No model installed" in capsys.readouterr().out
    src = tiny_conv_model(tmp_path / "tiny.onnx")
    spec_file = tmp_path / "tiny.json"
    spec_file.write_text(json.dumps(TINY_SPEC))
    assert _cli("models", "install", "--from", str(src), "--spec", str(spec_file)) == 0
    assert "Installed model 'tiny'" in capsys.readouterr().out
    assert _cli("models", "list") == 0
    assert capsys.readouterr().out.startswith("* tiny")
    assert _cli("models", "remove", "tiny") == 0
    assert model_registry.list_installed() == []


def test_cli_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _cli("models", "remove", "ghost") == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and "Traceback" not in err
    assert _cli("models", "install", "--spec", "x.json") == 2
    garbage = tmp_path / "g.onnx"
    garbage.write_bytes(b"nope")
    assert _cli("models", "install", "--from", str(garbage)) == 1
    assert "not the default model" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------
# Download against a local server (real SqueezeNet bytes)


@dataclass
class Server:
    url: str
    requests: list[str | None] = field(default_factory=list)  # Range header of each request


@dataclass
class Behaviour:
    body: bytes
    honour_range: bool = True
    # Close the connection after this many bytes of the body, for the first `drops` requests.
    drop_after: int | None = None
    drops: int = 0
    fail_after_first: bool = False  # later requests are answered with a reset connection
    status: int = 200
    reject_range: bool = False  # answer Range requests with 416


@pytest.fixture
def serve() -> Iterator:
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(behaviour: Behaviour) -> Server:
        record = Server(url="")
        state = {"count": 0}

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:
                state["count"] += 1
                range_header = self.headers.get("Range")
                record.requests.append(range_header)
                if behaviour.fail_after_first and state["count"] > 1:
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                if behaviour.status != 200:
                    self.send_error(behaviour.status)
                    return
                if range_header and behaviour.reject_range:
                    self.send_error(416)
                    return
                body, start = behaviour.body, 0
                if range_header and behaviour.honour_range:
                    start = int(range_header.removeprefix("bytes=").split("-")[0])
                    self.send_response(206)
                    self.send_header("Content-Range", f"bytes {start}-{len(body) - 1}/{len(body)}")
                else:
                    self.send_response(200)
                chunk = body[start:]
                self.send_header("Content-Length", str(len(chunk)))
                self.end_headers()
                if behaviour.drop_after is not None and state["count"] <= behaviour.drops:
                    self.wfile.write(chunk[: behaviour.drop_after])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                self.wfile.write(chunk)

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        servers.append(httpd)
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        record.url = f"http://127.0.0.1:{httpd.server_address[1]}/SqueezeNet_fp16.onnx"
        return record

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def _spec_for(url: str) -> ModelSpec:
    spec = model_spec.default_spec()
    spec.url = url
    return spec


@pytest.mark.shared
def test_install_default_downloads_verifies_and_prepares(
    shared_models: Path, serve, monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    server = serve(Behaviour((shared_models / SQUEEZENET).read_bytes()))
    monkeypatch.setenv(model_spec.MODEL_URL_ENV, server.url)
    seen: list[tuple[int, int | None]] = []
    spec = model_registry.install_default(progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (model_spec.DEFAULT_MODEL_SIZE, model_spec.DEFAULT_MODEL_SIZE)
    assert spec.id == model_spec.DEFAULT_MODEL_ID and spec.dim == 512
    assert spec.output == "fire9/concat_1"
    folder = isolated_home / "data" / "models" / model_spec.DEFAULT_MODEL_ID
    assert model_download.file_sha256(folder / "source.onnx") == model_spec.DEFAULT_MODEL_SHA256
    session = ort.InferenceSession(str(folder / "model.onnx"), providers=["CPUExecutionProvider"])
    x = np.zeros((2, 3, 224, 224), np.float32)
    assert session.run(None, {"data_0": x})[0].shape == (2, 512, 13, 13)
    assert model_registry.get_installed() == spec
    # The download went through the cache dir and is gone once installed.
    assert list((isolated_home / "cache" / "downloads").iterdir()) == []


@pytest.mark.shared
def test_checksum_failure_deletes_the_file(shared_models: Path, serve, tmp_path: Path) -> None:
    wrong = bytearray((shared_models / SQUEEZENET).read_bytes())
    wrong[1000] ^= 0xFF
    server = serve(Behaviour(bytes(wrong)))
    dest = tmp_path / "dl" / "model.onnx"
    with pytest.raises(ModelError) as info:
        model_download.download(_spec_for(server.url), dest)
    message = str(info.value)
    assert model_spec.DEFAULT_MODEL_SHA256 in message and hashlib.sha256(wrong).hexdigest() in message
    assert "install --from" in message
    assert list(dest.parent.iterdir()) == []


@pytest.mark.shared
def test_interrupted_download_resumes_with_range(shared_models: Path, serve, tmp_path: Path) -> None:
    body = (shared_models / SQUEEZENET).read_bytes()
    half = len(body) // 2
    server = serve(Behaviour(body, drop_after=half, drops=1))
    dest = tmp_path / "model.onnx"
    model_download.download(_spec_for(server.url), dest)
    assert dest.read_bytes() == body
    assert server.requests == [None, f"bytes={half}-"]
    assert not dest.with_name("model.onnx.part").exists()


@pytest.mark.shared
def test_failed_resume_then_later_resume(shared_models: Path, serve, tmp_path: Path) -> None:
    body = (shared_models / SQUEEZENET).read_bytes()
    half = len(body) // 2
    flaky = serve(Behaviour(body, drop_after=half, drops=1, fail_after_first=True))
    dest = tmp_path / "model.onnx"
    with pytest.raises(ModelError, match="install --from"):
        model_download.download(_spec_for(flaky.url), dest)
    part = dest.with_name("model.onnx.part")
    assert part.stat().st_size == half  # kept for next time
    good = serve(Behaviour(body))
    model_download.download(_spec_for(good.url), dest)
    assert good.requests == [f"bytes={half}-"]
    assert model_download.file_sha256(dest) == model_spec.DEFAULT_MODEL_SHA256


@pytest.mark.shared
def test_server_ignoring_range_restarts_cleanly(shared_models: Path, serve, tmp_path: Path) -> None:
    body = (shared_models / SQUEEZENET).read_bytes()
    dest = tmp_path / "model.onnx"
    dest.with_name("model.onnx.part").write_bytes(body[:1000])
    server = serve(Behaviour(body, honour_range=False))
    model_download.download(_spec_for(server.url), dest)
    assert server.requests == ["bytes=1000-"]
    assert dest.read_bytes() == body


@pytest.mark.shared
def test_rejected_range_restarts_cleanly(shared_models: Path, serve, tmp_path: Path) -> None:
    body = (shared_models / SQUEEZENET).read_bytes()
    dest = tmp_path / "model.onnx"
    dest.with_name("model.onnx.part").write_bytes(b"x" * 1000)
    server = serve(Behaviour(body, reject_range=True))
    model_download.download(_spec_for(server.url), dest)
    assert server.requests == ["bytes=1000-", None]
    assert dest.read_bytes() == body


@pytest.mark.shared
def test_cancel_keeps_the_partial_file(shared_models: Path, serve, tmp_path: Path) -> None:
    server = serve(Behaviour((shared_models / SQUEEZENET).read_bytes()))
    dest = tmp_path / "model.onnx"
    progress: list[int] = []
    with pytest.raises(model_download.DownloadCancelled):
        model_download.download(
            _spec_for(server.url),
            dest,
            progress=lambda done, total: progress.append(done),
            cancel=lambda: len(progress) > 3,
        )
    assert 0 < dest.with_name("model.onnx.part").stat().st_size < model_spec.DEFAULT_MODEL_SIZE
    assert not dest.exists()


def test_offline_error_explains_manual_install(monkeypatch: pytest.MonkeyPatch) -> None:
    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv(model_spec.MODEL_URL_ENV, f"http://127.0.0.1:{port}/SqueezeNet_fp16.onnx")
    with pytest.raises(ModelError) as info:
        model_registry.install_default()
    message = str(info.value)
    assert "install --from" in message and f"127.0.0.1:{port}" in message
    assert model_spec.MODEL_URL_ENV in message
    assert model_registry.get_installed() is None


def test_http_error_is_a_model_error(serve, tmp_path: Path) -> None:
    server = serve(Behaviour(b"", status=404))
    with pytest.raises(ModelError, match=r"HTTP 404.*install --from"):
        model_download.download(_spec_for(server.url), tmp_path / "m.onnx")
    assert server.requests == [None]  # no pointless retries


# --------------------------------------------------------------------------------------------
# Real models installed from files


@pytest.mark.shared
def test_install_default_from_file_and_refresh_after_spec_change(
    shared_models: Path, isolated_home: Path
) -> None:
    spec = model_registry.install_from_file(shared_models / SQUEEZENET)
    assert spec.id == model_spec.DEFAULT_MODEL_ID and spec.dim == 512
    # Simulate an install made by an older app version with other preprocessing.
    spec_file = isolated_home / "data" / "models" / model_spec.DEFAULT_MODEL_ID / "spec.json"
    before = spec_file.stat().st_mtime_ns
    assert model_registry.get_installed() == spec and model_registry.get_installed() == spec
    assert spec_file.stat().st_mtime_ns == before  # up to date: not prepared again
    stale = {**json.loads(spec_file.read_text()), "version": "0", "pooling": "gap"}
    spec_file.write_text(json.dumps(stale))
    refreshed = model_registry.get_installed()
    assert refreshed is not None and refreshed.version == model_spec.default_spec().version
    assert refreshed.pooling == model_spec.default_spec().pooling


@pytest.mark.shared
def test_install_coral_custom_model(shared_models: Path) -> None:
    spec = model_registry.install_from_file(
        shared_models / CORAL,
        {
            "id": "coral-mobilenet-v1",
            "name": "MobileNet v1 (Coral embedding extractor)",
            "layout": "NHWC",
            "dtype": "uint8",
            "channel_order": "RGB",
            "output": "embedding",
            "pooling": "none",
        },
    )
    assert spec.dim == 1024 and spec.input_name == "input"
    assert _input_dims(model_registry.installed_model_path(spec.id))[1:] == [224, 224, 3]
    # Batch made dynamic (the graph ends in Flatten, which is batch-safe).
    assert not isinstance(_input_dims(model_registry.installed_model_path(spec.id))[0], int)
