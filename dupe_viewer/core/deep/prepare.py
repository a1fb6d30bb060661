"""One-time preparation of an ONNX model for embedding: ONNX graph surgery, checked by test runs.

Preparation (:func:`convert`) happens once per install (:mod:`.installed`):

- float16 weights, constants, casts and graph I/O become float32. Not for speed (measured on a
  2-core x86 VM, the fp16 original runs about as fast, 5.3 vs 5.9 ms) but because float32 is
  the type onnxruntime has CPU kernels for on every op and every platform, so results don't
  depend on which build or CPU runs them, and the output needs no conversion;
- the graph is cut so the configured feature map is the only output, and nodes/initializers that
  no longer feed it are pruned;
- the batch dimension (and, for feature-map models, the spatial dimensions) are made symbolic
  when a test run proves the graph still computes the same thing, so the embedder can batch and
  feed aspect-preserving inputs;
- the result is checked by one dummy inference whose output shape gives the descriptor length.

onnx and onnxruntime are imported only here, and only when a model is prepared.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from .spec import ModelError, ModelSpec


def _onnx():
    # Imported lazily: onnx is only needed at install time, and importing it costs ~0.3 s.
    import onnx

    return onnx


def _load_onnx(path: Path):
    onnx = _onnx()
    try:
        model = onnx.load(str(path))
    except FileNotFoundError:
        raise ModelError(f"Model file not found: {path}.") from None
    except Exception as exc:  # protobuf raises a variety of DecodeError/RuntimeError types
        raise ModelError(f"{path} is not a valid ONNX model ({type(exc).__name__}: {exc}).") from None
    if not model.graph.node:
        raise ModelError(f"{path} is not a valid ONNX model (its graph has no nodes).")
    return model


def _tensor_to_float32(tensor) -> None:
    """Rewrite a float16 TensorProto in place as float32 (keeps name and dims)."""
    onnx = _onnx()
    from onnx import numpy_helper

    if tensor.data_type != onnx.TensorProto.FLOAT16:
        return
    array = numpy_helper.to_array(tensor).astype(np.float32)
    tensor.CopyFrom(numpy_helper.from_array(array, tensor.name))


def _graph_to_float32(graph) -> int:
    """Convert every float16 thing in a graph (recursively) to float32; return how many."""
    onnx = _onnx()
    fp16, fp32 = onnx.TensorProto.FLOAT16, onnx.TensorProto.FLOAT
    changed = 0
    for tensor in graph.initializer:
        if tensor.data_type == fp16:
            _tensor_to_float32(tensor)
            changed += 1
    for sparse in graph.sparse_initializer:
        if sparse.values.data_type == fp16:
            _tensor_to_float32(sparse.values)
            changed += 1
    for info in (*graph.input, *graph.output, *graph.value_info):
        if info.type.HasField("tensor_type") and info.type.tensor_type.elem_type == fp16:
            info.type.tensor_type.elem_type = fp32
            changed += 1
    for node in graph.node:
        for attr in node.attribute:
            # Cast(to=FLOAT16), ConstantOfShape/RandomNormal/EyeLike(dtype=FLOAT16)...: once
            # everything is float32, a cast down to float16 would reintroduce fp16 tensors
            # feeding float32-only kernels (type errors) and silently lose precision.
            if attr.type == onnx.AttributeProto.INT and attr.name in ("to", "dtype") and attr.i == fp16:
                attr.i = fp32
                changed += 1
            elif attr.type == onnx.AttributeProto.TENSOR and attr.t.data_type == fp16:
                _tensor_to_float32(attr.t)  # Constant(value=...), ConstantOfShape(value=...)
                changed += 1
            elif attr.type == onnx.AttributeProto.TENSORS:
                for tensor in attr.tensors:
                    if tensor.data_type == fp16:
                        _tensor_to_float32(tensor)
                        changed += 1
            elif attr.type == onnx.AttributeProto.GRAPH:
                changed += _graph_to_float32(attr.g)
            elif attr.type == onnx.AttributeProto.GRAPHS:
                for sub in attr.graphs:
                    changed += _graph_to_float32(sub)
    return changed


def _real_inputs(graph) -> list:
    """Graph inputs that are not initializers (IR < 4 lists every weight as an input too)."""
    init_names = {t.name for t in graph.initializer}
    return [i for i in graph.input if i.name not in init_names]


def _subgraph_outer_refs(graph) -> set[str]:
    """Names a node's subgraphs (If/Loop/Scan bodies) read from the enclosing scope."""
    onnx = _onnx()
    refs: set[str] = set()
    for node in graph.node:
        for attr in node.attribute:
            subs = [attr.g] if attr.type == onnx.AttributeProto.GRAPH else list(attr.graphs)
            for sub in subs:
                local = {i.name for i in sub.input} | {t.name for t in sub.initializer}
                for sub_node in sub.node:
                    local.update(sub_node.output)
                for sub_node in sub.node:
                    refs.update(n for n in sub_node.input if n and n not in local)
                refs |= _subgraph_outer_refs(sub) - local
    return refs


def _cut_graph(model, input_name: str, output_name: str) -> None:
    """Make ``output_name`` the only graph output and prune everything that doesn't feed it."""
    onnx = _onnx()
    graph = model.graph
    producers: dict[str, int] = {}
    for idx, node in enumerate(graph.node):
        for out in node.output:
            producers[out] = idx

    needed_nodes: set[int] = set()
    needed_names: set[str] = set()
    stack = [output_name]
    while stack:
        name = stack.pop()
        if name in needed_names:
            continue
        needed_names.add(name)
        idx = producers.get(name)
        if idx is None or idx in needed_nodes:
            continue
        needed_nodes.add(idx)
        node = graph.node[idx]
        stack.extend(n for n in node.input if n)
        # A control-flow node's body may read outer tensors that aren't listed as inputs.
        holder = onnx.GraphProto()
        holder.node.append(node)
        stack.extend(_subgraph_outer_refs(holder))

    kept_nodes = [n for i, n in enumerate(graph.node) if i in needed_nodes]
    kept_inits = [t for t in graph.initializer if t.name in needed_names]
    kept_inputs = [i for i in graph.input if i.name == input_name]
    del graph.node[:]
    graph.node.extend(kept_nodes)
    del graph.initializer[:]
    graph.initializer.extend(kept_inits)
    del graph.input[:]
    graph.input.extend(kept_inputs)
    del graph.output[:]
    graph.output.append(onnx.helper.make_tensor_value_info(output_name, onnx.TensorProto.FLOAT, None))
    # The old intermediate shapes describe a fixed batch of 1; onnxruntime infers its own.
    del graph.value_info[:]
    # IR 4+ lets initializers be constants rather than overridable inputs, which is what allows
    # onnxruntime to fold and fuse them (Conv+Relu etc.).
    model.ir_version = max(model.ir_version, 4)


def _set_input_dims(model, input_name: str, dims: list[int | str]) -> None:
    for inp in model.graph.input:
        if inp.name == input_name:
            shape = inp.type.tensor_type.shape
            del shape.dim[:]
            for value in dims:
                dim = shape.dim.add()
                if isinstance(value, str):
                    dim.dim_param = value
                else:
                    dim.dim_value = value


def _input_dims(info) -> list[int | str]:
    dims: list[int | str] = []
    for dim in info.type.tensor_type.shape.dim:
        if dim.HasField("dim_value"):
            dims.append(dim.dim_value)
        else:
            dims.append(dim.dim_param or "?")
    return dims


def _session(model_bytes: bytes):
    import onnxruntime as ort

    options = ort.SessionOptions()
    # Trial runs with dynamic dims are expected to fail on some models; their ERROR lines
    # would only alarm the user, and failures surface as exceptions anyway.
    options.log_severity_level = 4
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    return ort.InferenceSession(model_bytes, sess_options=options, providers=["CPUExecutionProvider"])


def _dummy_input(spec: ModelSpec, batch: int, height: int, width: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    pixels = rng.integers(0, 256, size=(batch, height, width, 3), dtype=np.uint8)
    if spec.dtype == "uint8":
        x: np.ndarray = pixels
    else:
        x = (pixels.astype(np.float32) * spec.scale - np.asarray(spec.mean, np.float32)) / np.asarray(
            spec.std, np.float32
        )
    if spec.layout == "NCHW":
        x = x.transpose(0, 3, 1, 2)
    return np.ascontiguousarray(x)


def _descriptor_dim(spec: ModelSpec, output: np.ndarray) -> int:
    """Check the output's shape fits the spec's pooling; return the descriptor length."""
    shape = tuple(output.shape)
    if spec.is_feature_map:
        if output.ndim != 4:
            raise ModelError(
                f"Output '{spec.output}' has shape {list(shape)}, but pooling '{spec.pooling}' needs "
                "a 4-D feature map. Use pooling 'none' for an already pooled vector."
            )
        return shape[1] if spec.effective_output_layout == "NCHW" else shape[3]
    if output.ndim == 2 or (output.ndim == 4 and all(d == 1 for d in shape[2:])):
        return int(np.prod(shape[1:]))
    raise ModelError(
        f"Output '{spec.output}' has shape {list(shape)}; pooling 'none' needs a vector per image "
        "([N, D] or [N, D, 1, 1]). Pick a feature-map output with pooling gap/gem/rmac instead."
    )


def _run(session, input_name: str, x: np.ndarray, output_name: str) -> np.ndarray:
    return session.run([output_name], {input_name: x})[0]


def convert(src: Path, spec: ModelSpec) -> tuple[bytes, ModelSpec]:
    """Return the prepared model bytes and the spec completed with input/output names and dim."""
    onnx = _onnx()
    model = _load_onnx(src)
    graph = model.graph

    # Resolve the input.
    inputs = _real_inputs(graph)
    names = [i.name for i in inputs]
    input_name = spec.input_name
    if not input_name:
        if len(inputs) != 1:
            raise ModelError(f"The model has inputs {names}; set 'input_name' in the spec.")
        input_name = names[0]
    elif input_name not in names:
        raise ModelError(f"The model has no input '{input_name}' (its inputs: {names}).")
    info = next(i for i in inputs if i.name == input_name)
    elem = info.type.tensor_type.elem_type
    want = {"float32": (onnx.TensorProto.FLOAT, onnx.TensorProto.FLOAT16), "uint8": (onnx.TensorProto.UINT8,)}
    if elem not in want[spec.dtype]:
        got = onnx.TensorProto.DataType.Name(elem)
        raise ModelError(f"Input '{input_name}' has type {got}, but the spec says dtype '{spec.dtype}'.")
    dims = _input_dims(info)
    if len(dims) != 4:
        raise ModelError(f"Input '{input_name}' has shape {dims}; a 4-D image input is expected.")
    c_axis, h_axis, w_axis = (1, 2, 3) if spec.layout == "NCHW" else (3, 1, 2)
    if isinstance(dims[c_axis], int) and dims[c_axis] != 3:
        raise ModelError(
            f"Input '{input_name}' has shape {dims}: with layout {spec.layout} that isn't 3 colour "
            "channels. Check 'layout' in the spec."
        )
    for axis in (h_axis, w_axis):
        if isinstance(dims[axis], int) and dims[axis] != spec.input_size:
            raise ModelError(
                f"Input '{input_name}' is {dims}, but the spec's input_size is {spec.input_size}."
            )

    # Resolve the output.
    output_name = spec.output or graph.output[0].name
    produced = {o for n in graph.node for o in n.output} | set(names)
    if output_name not in produced:
        # Exported names can be hundreds of characters long (TFLite fuses them); shorten.
        def short(name: str) -> str:
            return name if len(name) <= 60 else name[:28] + "…" + name[-28:]

        tail = [short(o) for n in graph.node[-4:] for o in n.output if o]
        raise ModelError(
            f"The model has no tensor named '{output_name}'. Its outputs: "
            f"{[short(o.name) for o in graph.output]}; the last nodes produce {tail}. "
            "(A viewer such as Netron shows every tensor name.)"
        )

    _graph_to_float32(graph)
    _cut_graph(model, input_name, output_name)
    spec = dataclasses.replace(spec, input_name=input_name, output=output_name)

    # Fixed-shape baseline: must run, and defines the expected result.
    size = spec.input_size
    base_dims: list[int | str] = [1, 0, 0, 0]
    base_dims[c_axis], base_dims[h_axis], base_dims[w_axis] = 3, size, size
    _set_input_dims(model, input_name, base_dims)
    try:
        session = _session(model.SerializeToString())
        one = [
            _run(session, input_name, _dummy_input(spec, 1, size, size, seed), output_name) for seed in (1, 2)
        ]
    except ModelError:
        raise
    except Exception as exc:
        raise ModelError(f"The model does not run in onnxruntime after preparation: {exc}") from None
    dim = _descriptor_dim(spec, one[0])
    if not np.all(np.isfinite(one[0])):
        raise ModelError("The model produced NaN/Inf on a test image; check the spec's normalisation.")

    # Dynamic batch: keep it only if a batch of 2 reproduces the two single runs (a Reshape to a
    # constant [1, -1] would run fine and mix the images together).
    batch_dims = list(base_dims)
    batch_dims[0] = "batch"
    if _try_dims(model, spec, batch_dims, [(2, size, size)], expect=np.concatenate(one)):
        base_dims = batch_dims
    else:
        _set_input_dims(model, input_name, base_dims)

    # Dynamic spatial size (for aspect-preserving input): only meaningful for feature maps,
    # and only if a non-square input gives a map with the same channels.
    if spec.is_feature_map:
        spatial = list(base_dims)
        spatial[h_axis], spatial[w_axis] = "height", "width"
        if not _try_dims(model, spec, spatial, [(1, size, size + 32), (1, size + 32, size)], channels=dim):
            _set_input_dims(model, input_name, base_dims)
    final_dims = _input_dims(next(i for i in model.graph.input if i.name == input_name))
    if spec.resize == "shorter_side" and isinstance(final_dims[h_axis], int):
        raise ModelError(
            "resize 'shorter_side' needs a model that accepts any image size, and this one "
            "doesn't; use resize 'squash' or 'center_crop'."
        )

    _infer_output_type(model, output_name)
    spec = dataclasses.replace(spec, dim=dim)
    return model.SerializeToString(), spec


def _infer_output_type(model, output_name: str) -> None:
    """Give the graph output its inferred shape (e.g. [batch, 512, h, w]): onnxruntime doesn't
    need it, but onnx.checker and model viewers want graph outputs to have one."""
    onnx = _onnx()
    try:
        inferred = onnx.shape_inference.infer_shapes(model)
    except Exception:
        return  # custom ops etc.: the model still runs, only the metadata stays vague
    for info in inferred.graph.value_info:
        if info.name == output_name and info.type.tensor_type.HasField("shape"):
            model.graph.output[0].type.CopyFrom(info.type)
            return


def _try_dims(
    model,
    spec: ModelSpec,
    dims: list[int | str],
    shapes: list[tuple[int, int, int]],
    expect: np.ndarray | None = None,
    channels: int | None = None,
) -> bool:
    """Set the input dims and check test inputs of the given (batch, height, width) still run."""
    _set_input_dims(model, spec.input_name, dims)
    try:
        session = _session(model.SerializeToString())
        for batch, height, width in shapes:
            seeds = [_dummy_input(spec, 1, height, width, seed) for seed in range(1, batch + 1)]
            x = np.concatenate(seeds)
            out = _run(session, spec.input_name, x, spec.output)
            if out.shape[0] != batch:
                return False
            if expect is not None and not np.allclose(
                out, expect, rtol=1e-3, atol=1e-3 * max(1.0, float(np.abs(expect).max()))
            ):
                return False
            if channels is not None:
                if out.ndim != 4:
                    return False
                got = out.shape[1] if spec.effective_output_layout == "NCHW" else out.shape[3]
                if got != channels:
                    return False
    except Exception:
        return False
    return True
