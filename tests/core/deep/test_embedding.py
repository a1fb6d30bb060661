"""Embedder: preprocessing, pooling, normalisation, batching; real models when available.

Tiny ONNX graphs built with ``onnx.helper`` cover the pipeline in milliseconds; tests marked
``shared`` run the real SqueezeNet and Coral MobileNet from ``<repo>/../shared/models``.
"""

from __future__ import annotations

import dataclasses
import zlib
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
from onnx import TensorProto, helper, numpy_helper
from PIL import Image, ImageDraw

from dupe_viewer.core.deep import installed as model_registry
from dupe_viewer.core.deep.embedding import (
    Embedder,
    l2_normalize,
    load_embedder,
    pool,
    pool_gap,
    pool_gem,
    pool_rmac,
    rmac_regions,
)
from dupe_viewer.core.deep.spec import ModelError
from tests.onnx_models import conv_model, save_model

SHARED = Path(__file__).resolve().parents[3].parent / "shared"


def identity_model(path: Path, layout: str, dtype: int, size: int = 16) -> Path:
    """Passes the (float-cast) input through, so pooled outputs expose the preprocessing."""
    shape = [1, 3, size, size] if layout == "NCHW" else [1, size, size, 3]
    return save_model(
        [helper.make_node("Cast", ["x"], ["y"], to=TensorProto.FLOAT)],
        [helper.make_tensor_value_info("x", dtype, shape)],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, shape)],
        [],
        path,
    )


def photo(seed: int, size: tuple[int, int] = (120, 90)) -> Image.Image:
    """A random but structured RGB picture (gradient + shapes)."""
    rng = np.random.default_rng(seed)
    w, h = size
    yy, xx = np.mgrid[0:h, 0:w]
    base = np.stack([xx * rng.uniform(0.5, 2), yy * rng.uniform(0.5, 2), (xx + yy) * rng.uniform(0.2, 1)], -1)
    image = Image.fromarray((base % 256).astype(np.uint8))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, w - 10)), int(rng.integers(0, h - 10))
        box = (x0, y0, x0 + int(rng.integers(5, w // 2)), y0 + int(rng.integers(5, h // 2)))
        draw.ellipse(box, fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
    return image


TINY = {"id": "tiny", "input_size": 32, "pooling": "gem", "scale": 1 / 255}


@pytest.fixture
def tiny(tmp_path: Path) -> Embedder:
    spec = model_registry.install_from_file(conv_model(tmp_path / "tiny.onnx"), TINY)
    return Embedder(spec, model_registry.installed_model_path(spec.id))


# --------------------------------------------------------------------------------------------
# Pooling


def test_gap_and_gem() -> None:
    fm = np.random.default_rng(0).random((2, 5, 7, 9)).astype(np.float32)
    np.testing.assert_allclose(pool_gap(fm), fm.mean(axis=(2, 3)), rtol=1e-6)
    np.testing.assert_allclose(pool_gem(fm, p=1.0), fm.mean(axis=(2, 3)), rtol=1e-5)
    want = np.power(np.power(np.maximum(fm, 1e-6), 3).mean(axis=(2, 3)), 1 / 3)
    np.testing.assert_allclose(pool_gem(fm, p=3.0), want, rtol=1e-5)
    # Large p approaches max pooling.
    np.testing.assert_allclose(pool_gem(fm.astype(np.float64), p=12.0), fm.max(axis=(2, 3)), rtol=0.25)
    assert pool_gem(fm).dtype == np.float32 and pool_gap(fm).shape == (2, 5)


def test_rmac_regions_match_the_reference_grid() -> None:
    # Tolias et al. / cirtorch grid for a 13×13 map: 1 + 4 + 9 square regions.
    regions = rmac_regions(13, 13)
    assert len(regions) == 14
    assert regions[0] == (0, 13, 0, 13)
    assert set(regions[1:5]) == {(0, 8, 0, 8), (0, 8, 5, 13), (5, 13, 0, 8), (5, 13, 5, 13)}
    for height, width in ((13, 17), (17, 13), (3, 3), (1, 5), (20, 60)):
        for y0, y1, x0, x1 in rmac_regions(height, width):
            assert 0 <= y0 < y1 <= height and 0 <= x0 < x1 <= width
    # A wide map gets extra regions along its long side.
    assert len(rmac_regions(13, 26)) > len(rmac_regions(13, 13))


def test_rmac_sums_normalised_regional_maxima() -> None:
    fm = np.random.default_rng(1).random((3, 4, 13, 13)).astype(np.float32)
    want = l2_normalize(fm.max(axis=(2, 3)))
    for y0, y1, x0, x1 in rmac_regions(13, 13):
        want = want + l2_normalize(fm[:, :, y0:y1, x0:x1].max(axis=(2, 3)))
    np.testing.assert_allclose(pool_rmac(fm), want, rtol=1e-5)
    # A single hot spot dominates its channel.
    hot = np.zeros((1, 4, 13, 13), np.float32)
    hot[0, 2, 6, 6] = 5.0
    assert int(np.argmax(pool_rmac(hot)[0])) == 2


def test_pool_dispatch_and_normalise() -> None:
    fm = np.ones((2, 3, 4, 4), np.float32)
    assert pool(fm, "none").shape == (2, 48)
    for mode in ("gap", "gem", "rmac"):
        assert pool(fm, mode).shape == (2, 3)
    with pytest.raises(ModelError):
        pool(np.ones((2, 3), np.float32), "gap")
    zeros = l2_normalize(np.zeros((2, 4), np.float32))
    assert not np.isnan(zeros).any() and not zeros.any()


# --------------------------------------------------------------------------------------------
# Embedder on tiny models


def test_embed_shapes_and_normalisation(tiny: Embedder) -> None:
    images = [photo(i) for i in range(5)]
    vectors = tiny.embed(images)
    assert vectors.shape == (5, 8) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert tiny.embed([]).shape == (0, 8)
    assert tiny.dim == 8 and tiny.dynamic_batch and tiny.batch_size == 8
    assert tiny.model_id == tiny.spec.cache_id


def test_batched_equals_one_by_one(tmp_path: Path, tiny: Embedder) -> None:
    images = [photo(i, size=(80 + 13 * i, 60 + 7 * i)) for i in range(7)]
    one_by_one = np.concatenate([tiny.embed([image]) for image in images])
    small_batches = Embedder(tiny.spec, model_registry.installed_model_path("tiny"), batch_size=3)
    np.testing.assert_allclose(small_batches.embed(images), one_by_one, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(tiny.embed(images), one_by_one, rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("pooling", ["gap", "gem", "rmac"])
@pytest.mark.parametrize("resize", ["squash", "shorter_side", "center_crop"])
def test_pooling_and_resize_modes(tiny: Embedder, pooling: str, resize: str) -> None:
    spec = dataclasses.replace(tiny.spec, pooling=pooling, resize=resize)
    embedder = Embedder(spec, model_registry.installed_model_path("tiny"), batch_size=4)
    # Landscape, portrait, square and a panorama: shorter_side batches them by shape.
    images = [
        photo(1, (120, 90)),
        photo(2, (90, 120)),
        photo(3, (64, 64)),
        photo(4, (400, 50)),
        photo(5, (120, 90)),
    ]
    vectors = embedder.embed(images)
    assert vectors.shape == (5, 8)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    single = np.concatenate([embedder.embed([image]) for image in images])
    np.testing.assert_allclose(vectors, single, rtol=1e-4, atol=1e-5)
    shapes = [embedder.resize(image).shape for image in images]
    if resize == "shorter_side":
        assert shapes[0] == (32, 48, 3) and shapes[1] == (48, 32, 3) and shapes[2] == (32, 32, 3)
        assert shapes[3] == (32, 64, 3)  # aspect capped at 2:1
    else:
        assert set(shapes) == {(32, 32, 3)}


def test_resized_copy_is_close_and_other_picture_is_not(tiny: Embedder) -> None:
    original = photo(7, (200, 150))
    copy = original.resize((100, 75), Image.Resampling.LANCZOS)
    other = photo(8, (200, 150))
    a, b, c = tiny.embed([original, copy, other])
    assert float(a @ b) > float(a @ c)
    assert float(a @ b) > 0.95


def test_non_rgb_images_are_accepted(tiny: Embedder) -> None:
    base = photo(3)
    vectors = tiny.embed([base.convert("L"), base.convert("RGBA"), base.convert("P")])
    assert vectors.shape == (3, 8) and np.isfinite(vectors).all()


def test_preprocessing_nchw_float_bgr_mean_std(tmp_path: Path) -> None:
    path = identity_model(tmp_path / "id.onnx", "NCHW", TensorProto.FLOAT)
    spec = model_registry.install_from_file(
        path,
        {
            "id": "ident",
            "input_size": 16,
            "channel_order": "BGR",
            "scale": 0.5,
            "mean": [1, 2, 3],
            "std": [2, 4, 8],
            "pooling": "gap",
        },
    )
    embedder = Embedder(spec, model_registry.installed_model_path("ident"))
    solid = Image.new("RGB", (40, 30), (10, 20, 30))
    # BGR → (30, 20, 10); * 0.5 → (15, 10, 5); - mean → (14, 8, 2); / std → (7, 2, 0.25)
    np.testing.assert_allclose(embedder.embed([solid])[0], l2_normalize(np.array([7, 2, 0.25])), rtol=1e-5)


def test_preprocessing_nhwc_uint8(tmp_path: Path) -> None:
    path = identity_model(tmp_path / "id8.onnx", "NHWC", TensorProto.UINT8)
    spec = model_registry.install_from_file(
        path, {"id": "ident8", "layout": "NHWC", "dtype": "uint8", "input_size": 16, "pooling": "gap"}
    )
    embedder = Embedder(spec, model_registry.installed_model_path("ident8"))
    solid = Image.new("RGB", (40, 30), (10, 20, 30))
    np.testing.assert_allclose(embedder.embed([solid])[0], l2_normalize(np.array([10, 20, 30])), rtol=1e-5)


def test_fixed_batch_model_is_run_one_by_one(tmp_path: Path) -> None:
    shape = numpy_helper.from_array(np.array([1, -1], np.int64), "shape")
    path = save_model(
        [
            helper.make_node("GlobalAveragePool", ["x"], ["gap"]),
            helper.make_node("Reshape", ["gap", "shape"], ["vector"]),
        ],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, 16, 16])],
        [helper.make_tensor_value_info("vector", TensorProto.FLOAT, [1, 3])],
        [shape],
        tmp_path / "fixed.onnx",
    )
    spec = model_registry.install_from_file(path, {"id": "fixed", "input_size": 16})
    embedder = Embedder(spec, model_registry.installed_model_path("fixed"), batch_size=16)
    assert not embedder.dynamic_batch and embedder.batch_size == 1
    colours = [(255, 0, 0), (0, 255, 0), (0, 0, 255)]
    vectors = embedder.embed([Image.new("RGB", (20, 20), c) for c in colours])
    np.testing.assert_allclose(vectors, np.eye(3), atol=1e-6)


def test_bad_model_file_raises_model_error(tmp_path: Path, tiny: Embedder) -> None:
    bad = tmp_path / "bad.onnx"
    bad.write_bytes(b"not an onnx model at all")
    with pytest.raises(ModelError, match="Cannot load model"):
        Embedder(tiny.spec, bad)
    with pytest.raises(ModelError, match="Cannot load model"):
        Embedder(tiny.spec, tmp_path / "missing.onnx")
    wrong_output = dataclasses.replace(tiny.spec, output="nope")
    with pytest.raises(ModelError, match="no output"):
        Embedder(wrong_output, model_registry.installed_model_path("tiny"))


def test_load_embedder(tmp_path: Path) -> None:
    assert load_embedder() is None
    model_registry.install_from_file(conv_model(tmp_path / "tiny.onnx"), TINY)
    embedder = load_embedder(threads=2)
    assert embedder is not None and embedder.spec.id == "tiny"


# --------------------------------------------------------------------------------------------
# Real models


def _shared_photo(name: str) -> Image.Image:
    path = SHARED / "photos" / name
    if path.is_file():
        with Image.open(path) as image:
            return image.convert("RGB")
    return photo(zlib.crc32(name.encode()) % 1000, (320, 240))  # photos absent: still meaningful


@pytest.mark.shared
def test_squeezenet_embeddings(shared_models: Path) -> None:
    spec = model_registry.install_from_file(shared_models / "SqueezeNet_fp16.onnx")
    path = model_registry.installed_model_path(spec.id)
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    x = np.zeros((3, 3, 224, 224), np.float32)
    assert session.run(None, {"data_0": x})[0].shape == (3, 512, 13, 13)

    cat = _shared_photo("coral/cat.bmp")
    small = cat.resize((cat.width // 2, cat.height // 2), Image.Resampling.LANCZOS)
    fish = _shared_photo("windows_ml/fish.png")
    for pooling in ("gap", "gem", "rmac"):
        for resize in ("squash", "shorter_side"):
            variant = dataclasses.replace(spec, pooling=pooling, resize=resize)
            embedder = Embedder(variant, path, threads=1)
            a, b, c = embedder.embed([cat, small, fish])
            assert a.shape == (512,)
            assert float(a @ b) > 0.95, (pooling, resize)
            assert float(a @ c) < float(a @ b) - 0.1, (pooling, resize)
            np.testing.assert_allclose(embedder.embed([small])[0], b, atol=1e-4)


@pytest.mark.shared
def test_coral_custom_model_embeddings(shared_models: Path) -> None:
    spec = model_registry.install_from_file(
        shared_models / "mobilenet_v1_coral_quant_embed.onnx",
        {"id": "coral", "layout": "NHWC", "dtype": "uint8", "output": "embedding", "pooling": "none"},
    )
    embedder = load_embedder("coral")
    assert embedder is not None and embedder.dim == 1024 and embedder.dynamic_batch
    cat = _shared_photo("coral/cat.bmp")
    cat_720p = _shared_photo("coral/cat_720p.jpg")
    fish = _shared_photo("windows_ml/fish.png")
    a, b, c = embedder.embed([cat, cat_720p, fish])
    assert float(a @ b) > float(a @ c)
    np.testing.assert_allclose(np.linalg.norm([a, b, c], axis=1), 1.0, rtol=1e-5)
    assert spec.cache_id.startswith("coral@1-")
