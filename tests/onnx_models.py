"""Tiny ONNX models built in the tests (onnx.helper), for fast pipeline tests without downloads."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def save_model(nodes, inputs, outputs, inits, path: Path) -> Path:
    model = helper.make_model(
        helper.make_graph(nodes, "test", inputs, outputs, inits),
        opset_imports=[helper.make_opsetid("", 13)],
        ir_version=8,  # onnx's newest IR can be newer than onnxruntime supports
    )
    onnx.checker.check_model(model)
    onnx.save(model, str(path))
    return path


def conv_model(path: Path, size: int = 32, channels: int = 8) -> Path:
    """[1,3,size,size] → Conv 3×3/2 → Relu: a small fully convolutional net."""
    rng = np.random.default_rng(0)
    return save_model(
        [
            helper.make_node("Conv", ["x", "w", "b"], ["c"], strides=[2, 2], kernel_shape=[3, 3]),
            helper.make_node("Relu", ["c"], ["fmap"]),
        ],
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3, size, size])],
        [helper.make_tensor_value_info("fmap", TensorProto.FLOAT, [1, channels, None, None])],
        [
            numpy_helper.from_array(rng.normal(0, 0.1, (channels, 3, 3, 3)).astype(np.float32), "w"),
            numpy_helper.from_array(np.full(channels, 0.05, np.float32), "b"),
        ],
        path,
    )
