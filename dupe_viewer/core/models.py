"""Deep-similarity models: specs, download, one-time preparation, install and removal.

A model is an ONNX file plus a :class:`ModelSpec` saying how to feed it (layout, dtype, size,
channel order, normalisation) and how to turn its output into a descriptor (which tensor, which
pooling). Installed models live under ``models_dir()/<id>/`` as ``model.onnx`` (the *prepared*
graph) and ``spec.json``; the built-in default also keeps ``source.onnx`` (the 2.4 MB download) so
that a newer app version can re-prepare it offline when the default spec changes.

Preparation (:func:`prepare`) happens once per install:

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

Nothing here imports Qt: the module is shared by the CLI, the GUI and the tests.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import http.client
import json
import os
import re
import secrets
import shutil
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from dupe_viewer.core.paths import cache_dir, models_dir

__all__ = [
    "DEFAULT_MODEL_ID",
    "DEFAULT_MODEL_SHA256",
    "DEFAULT_MODEL_URL",
    "MODEL_URL_ENV",
    "DownloadCancelled",
    "ModelError",
    "ModelSpec",
    "default_spec",
    "download",
    "file_sha256",
    "get_installed",
    "install_default",
    "install_from_file",
    "installed_model_path",
    "list_installed",
    "load_spec",
    "prepare",
    "remove",
    "set_active",
]

# --------------------------------------------------------------------------------------------
# The built-in default: SqueezeNet 1.1 from microsoft/Windows-Machine-Learning, pinned to a commit
# so the SHA-256 below can never drift.
DEFAULT_MODEL_ID = "squeezenet1.1"
DEFAULT_MODEL_URL = (
    "https://raw.githubusercontent.com/microsoft/Windows-Machine-Learning/"
    "155b5eeb1f48b49235f31ef3a68db0bd8707ce89/SharedContent/models/SqueezeNet_fp16.onnx"
)
DEFAULT_MODEL_SHA256 = "21f25e3d9254af93e6218a359469fac714a017b3f9035c0f5c4acbf9a3ff7233"
DEFAULT_MODEL_SIZE = 2_484_091
MODEL_URL_ENV = "DUPE_VIEWER_MODEL_URL"

MODEL_FILE = "model.onnx"
SPEC_FILE = "spec.json"
SOURCE_FILE = "source.onnx"
_ACTIVE_FILE = "active.txt"

_CHUNK = 64 * 1024
# Attempts that receive no bytes end the download at once (offline, 404, refused...). Attempts
# that made progress are resumed with a Range request, up to this many times in a row.
_MAX_RESUMES = 5

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_LAYOUTS = ("NCHW", "NHWC")
_DTYPES = ("float32", "uint8")
_CHANNEL_ORDERS = ("RGB", "BGR")
_POOLINGS = ("gap", "gem", "rmac", "none")
_RESIZES = ("squash", "shorter_side", "center_crop")


class ModelError(Exception):
    """An expected failure (bad file, bad spec, network, checksum) with a user-readable message."""


class DownloadCancelled(ModelError):
    """The caller's ``cancel`` callback asked to stop; the partial file is kept for resuming."""


# --------------------------------------------------------------------------------------------
# Spec


@dataclass
class ModelSpec:
    """How to feed one ONNX model and how to turn its output into a descriptor.

    Pixel pipeline: RGB 0–255 → ``channel_order`` → ``* scale`` → ``- mean`` → ``/ std`` (per
    channel, in the model's channel order) → ``layout``. For ``dtype="uint8"`` the pixels go in
    raw, so scale/mean/std must be the identity.
    """

    id: str
    name: str = ""
    url: str = ""
    sha256: str = ""
    size: int = 0
    licence: str = ""
    input_name: str = ""  # "" = the model's only input
    layout: str = "NCHW"
    dtype: str = "float32"
    input_size: int = 224
    channel_order: str = "RGB"
    scale: float = 1.0
    mean: tuple[float, float, float] = (0.0, 0.0, 0.0)
    std: tuple[float, float, float] = (1.0, 1.0, 1.0)
    output: str = ""  # "" = the model's first output
    output_layout: str = ""  # layout of a 4-D output; "" = same as ``layout``
    pooling: str = "none"
    gem_p: float = 3.0
    # "squash": resize to input_size² ignoring aspect; "shorter_side": shorter side to
    # input_size keeping aspect (needs a fully convolutional model, batches by shape);
    # "center_crop": shorter side to input_size then the central square.
    resize: str = "squash"
    # Cosine similarity of L2-normalised descriptors at or above which two images are
    # proposed as near-duplicates / as merely similar.
    near_similarity: float = 0.95
    similar_similarity: float = 0.85
    # Bump whenever anything that changes the descriptors changes (preprocessing, pooling, the
    # preparation code): it is part of :attr:`cache_id`, so cached vectors are recomputed.
    version: str = "1"
    dim: int = 0  # descriptor length; filled in by prepare()

    # -- serialisation ---------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["mean"] = list(self.mean)
        data["std"] = list(self.std)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, strict: bool = True) -> ModelSpec:
        """Build and validate a spec. ``strict`` rejects unknown keys (typos in user specs);
        installed spec.json files are read leniently so a downgrade doesn't break them."""
        if not isinstance(data, Mapping):
            raise ModelError("A model spec must be a JSON object.")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown and strict:
            raise ModelError(f"Unknown key(s) in model spec: {', '.join(unknown)}.")
        if "id" not in data:
            raise ModelError("A model spec needs an 'id'.")
        kwargs = {k: v for k, v in data.items() if k in known}
        try:
            for key in ("mean", "std"):
                if key in kwargs:
                    kwargs[key] = tuple(float(v) for v in kwargs[key])
            for key in ("scale", "gem_p", "near_similarity", "similar_similarity"):
                if key in kwargs:
                    kwargs[key] = float(kwargs[key])
            for key in ("size", "input_size", "dim"):
                if key in kwargs:
                    kwargs[key] = int(kwargs[key])
            for key in ("id", "name", "version"):
                if key in kwargs:
                    kwargs[key] = str(kwargs[key])
        except (TypeError, ValueError) as exc:
            raise ModelError(f"Invalid value in model spec: {exc}.") from None
        spec = cls(**kwargs)
        spec.validate()
        return spec

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=False) + "\n"

    # -- derived values --------------------------------------------------------------------

    @property
    def cache_id(self) -> str:
        """Key for cached descriptors: id, version and a fingerprint of every field that changes
        the vectors, so that editing a custom spec without bumping ``version`` is still safe."""
        relevant = {
            k: v
            for k, v in self.to_dict().items()
            if k not in {"name", "url", "size", "licence", "near_similarity", "similar_similarity", "dim"}
        }
        digest = hashlib.sha256(json.dumps(relevant, sort_keys=True).encode()).hexdigest()[:8]
        return f"{self.id}@{self.version}-{digest}"

    @property
    def is_feature_map(self) -> bool:
        return self.pooling != "none"

    @property
    def effective_output_layout(self) -> str:
        return self.output_layout or self.layout

    def validate(self) -> None:
        """Raise ModelError describing the first problem found."""

        def bad(msg: str) -> ModelError:
            return ModelError(f"Invalid model spec '{self.id}': {msg}")

        if not _ID_RE.match(self.id):
            raise bad("id must be 1–64 letters, digits, '.', '_' or '-' and start with a letter/digit.")
        if not re.match(r"^[A-Za-z0-9._-]{1,32}$", self.version):
            raise bad("version must be 1–32 letters, digits, '.', '_' or '-'.")
        for attr, allowed in (
            ("layout", _LAYOUTS),
            ("dtype", _DTYPES),
            ("channel_order", _CHANNEL_ORDERS),
            ("pooling", _POOLINGS),
            ("resize", _RESIZES),
        ):
            if getattr(self, attr) not in allowed:
                raise bad(f"{attr} must be one of {', '.join(allowed)} (got {getattr(self, attr)!r}).")
        if self.output_layout and self.output_layout not in _LAYOUTS:
            raise bad(f"output_layout must be empty or one of {', '.join(_LAYOUTS)}.")
        if not 16 <= self.input_size <= 2048:
            raise bad("input_size must be between 16 and 2048.")
        if len(self.mean) != 3 or len(self.std) != 3:
            raise bad("mean and std need exactly 3 values (one per channel).")
        if any(s == 0 for s in self.std):
            raise bad("std values must be non-zero.")
        if self.scale <= 0:
            raise bad("scale must be positive.")
        if self.dtype == "uint8" and (self.scale != 1.0 or any(self.mean) or any(s != 1.0 for s in self.std)):
            raise bad("a uint8 model takes raw 0–255 pixels: scale must be 1, mean 0 and std 1.")
        if self.pooling == "gem" and not 0.5 <= self.gem_p <= 16:
            raise bad("gem_p must be between 0.5 and 16.")
        if self.resize == "shorter_side" and not self.is_feature_map:
            raise bad("resize 'shorter_side' needs a feature-map output (pooling gap/gem/rmac).")
        if not -1.0 <= self.similar_similarity <= self.near_similarity <= 1.0:
            raise bad("thresholds must satisfy -1 ≤ similar_similarity ≤ near_similarity ≤ 1.")
        if self.sha256 and not re.match(r"^[0-9a-f]{64}$", self.sha256):
            raise bad("sha256 must be 64 lowercase hex digits.")


def default_spec() -> ModelSpec:
    """The built-in SqueezeNet 1.1 spec (values from the model's Caffe training setup).

    ``DUPE_VIEWER_MODEL_URL`` replaces the download URL (a mirror, or a local test server); the
    SHA-256 still has to match, so a mirror cannot substitute a different file.
    """
    return ModelSpec(
        id=DEFAULT_MODEL_ID,
        name="SqueezeNet 1.1 (ImageNet, fire9 features)",
        url=os.environ.get(MODEL_URL_ENV) or DEFAULT_MODEL_URL,
        sha256=DEFAULT_MODEL_SHA256,
        size=DEFAULT_MODEL_SIZE,
        licence="MIT (microsoft/Windows-Machine-Learning); SqueezeNet 1.1 weights BSD-2-Clause",
        input_name="data_0",
        layout="NCHW",
        dtype="float32",
        input_size=224,
        # Caffe convention: BGR, 0–255, mean subtraction only. RGB or ImageNet mean/std is garbage.
        channel_order="BGR",
        scale=1.0,
        mean=(104.0, 117.0, 123.0),
        std=(1.0, 1.0, 1.0),
        output="fire9/concat_1",
        output_layout="NCHW",
        # GeM (p=3) on an aspect-preserving input. On the dev corpus (deep_descriptors.py, 1388
        # files) GeM and R-MAC found crops and tilts equally well, but GeM put fewer left/right
        # halves of one photo above the threshold (3 % vs 7 % before verification), and with
        # crop verification (verify.py) it separated crops from look-alikes best.
        pooling="gem",
        gem_p=3.0,
        resize="shorter_side",
        # Thresholds on the *verified* deep score (cosine + crop verification) / 2: every
        # unrelated or hard-negative candidate of the dev corpus scored below 0.84; crops kept
        # 98-100 % recall and tilts 96 % above 0.85.
        near_similarity=0.95,
        similar_similarity=0.85,
        version="2",
    )


def load_spec(spec: ModelSpec | Mapping[str, Any] | str | os.PathLike[str]) -> ModelSpec:
    """Accept a ModelSpec, a dict, or a path to a JSON file; return a validated ModelSpec."""
    if isinstance(spec, ModelSpec):
        spec.validate()
        return spec
    if isinstance(spec, Mapping):
        return ModelSpec.from_dict(spec)
    path = Path(spec)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError(f"Cannot read model spec {path}: {exc.strerror or exc}.") from None
    except json.JSONDecodeError as exc:
        raise ModelError(f"Model spec {path} is not valid JSON: {exc}.") from None
    return ModelSpec.from_dict(data)


# --------------------------------------------------------------------------------------------
# Download


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _manual_install_hint(spec: ModelSpec) -> str:
    # When a mirror failed, point at the original: it is the one address known to be right.
    url = DEFAULT_MODEL_URL if spec.id == DEFAULT_MODEL_ID else spec.url
    return (
        f"To install it by hand, download {url} with a browser, then run "
        f"`dupe-viewer models install --from FILE` (or set {MODEL_URL_ENV} to a mirror)."
    )


class _Incomplete(Exception):
    """The server stopped sending before the whole file arrived."""


def download(
    spec: ModelSpec,
    dest: str | os.PathLike[str],
    progress: Callable[[int, int | None], None] | None = None,
    timeout: float = 30,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Download ``spec.url`` to ``dest``, verifying ``spec.sha256``; return ``dest``.

    Bytes go to ``dest + ".part"`` first. A partial file left by an interrupted or cancelled
    run is resumed with an HTTP Range request; a server that ignores Range (200 instead of 206)
    makes us restart cleanly. A connection that drops mid-file is resumed automatically as long
    as each attempt makes progress. ``progress(done, total)`` is called per chunk (``total`` is
    None when unknown); ``cancel()`` returning True stops with :class:`DownloadCancelled`.
    """
    dest = Path(dest)
    if not spec.url:
        raise ModelError(
            f"Model '{spec.id}' has no download URL; install it with "
            "`dupe-viewer models install --from FILE`."
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")

    resumes = 0
    while True:
        if cancel is not None and cancel():
            raise DownloadCancelled("Download cancelled; it will resume where it stopped next time.")
        before = part.stat().st_size if part.exists() else 0
        try:
            _fetch(spec, part, progress, timeout, cancel)
            break
        except DownloadCancelled:
            raise
        except urllib.error.HTTPError as exc:
            raise ModelError(
                f"Could not download model '{spec.id}' from {spec.url}: HTTP {exc.code} {exc.reason}. "
                + _manual_install_hint(spec)
            ) from None
        except (OSError, http.client.HTTPException, _Incomplete) as exc:
            after = part.stat().st_size if part.exists() else 0
            # Only keep trying while bytes are flowing: a dead network fails fast instead of
            # hanging the UI through several timeouts.
            if after > before and resumes < _MAX_RESUMES:
                resumes += 1
                continue
            reason = getattr(exc, "reason", None) or exc or type(exc).__name__
            raise ModelError(
                f"Could not download model '{spec.id}' from {spec.url}: {reason}. "
                + _manual_install_hint(spec)
            ) from None

    if spec.sha256:
        got = file_sha256(part)
        if got != spec.sha256:
            size = part.stat().st_size
            part.unlink(missing_ok=True)
            raise ModelError(
                f"The downloaded file for model '{spec.id}' failed the SHA-256 check "
                f"(expected {spec.sha256}, got {got}; {size} bytes) and was deleted. "
                "The server or a proxy may have sent something else. " + _manual_install_hint(spec)
            )
    os.replace(part, dest)
    return dest


def _fetch(
    spec: ModelSpec,
    part: Path,
    progress: Callable[[int, int | None], None] | None,
    timeout: float,
    cancel: Callable[[], bool] | None,
) -> None:
    """One HTTP attempt, appending to ``part``; raises on anything short of a complete file."""
    from dupe_viewer import __version__

    offset = part.stat().st_size if part.exists() else 0
    if spec.size and offset > spec.size:
        # Can't be a prefix of the right file.
        part.unlink()
        offset = 0
    if spec.size and offset == spec.size:
        return  # complete already; the checksum decides

    request = urllib.request.Request(spec.url, headers={"User-Agent": f"dupe-viewer/{__version__}"})
    if offset:
        request.add_header("Range", f"bytes={offset}-")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and offset:
            # Our partial file doesn't fit the server's file (it changed?): start over.
            part.unlink(missing_ok=True)
            return _fetch(spec, part, progress, timeout, cancel)
        raise

    with response:
        status = response.status
        content_range = response.headers.get("Content-Range", "")
        if offset and status == 206 and not content_range.startswith(f"bytes {offset}-"):
            # A range we didn't ask for can't be appended: start over without Range.
            part.unlink(missing_ok=True)
            response.close()
            return _fetch(spec, part, progress, timeout, cancel)
        if offset and status != 206:
            offset = 0  # the server ignored Range and sends the whole file: restart cleanly
        length = response.headers.get("Content-Length")
        total: int | None = offset + int(length) if length and length.isdigit() else (spec.size or None)
        done = offset
        with open(part, "ab" if offset else "wb") as out:
            if progress is not None:
                progress(done, total)
            while True:
                if cancel is not None and cancel():
                    raise DownloadCancelled("Download cancelled; it will resume where it stopped next time.")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
                if spec.size and done > spec.size:
                    break  # not our file; stop wasting bandwidth, the checksum will reject it
    expected = spec.size or total
    if expected and done < expected:
        raise _Incomplete(f"connection closed after {done} of {expected} bytes")


# --------------------------------------------------------------------------------------------
# Preparation


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


def _convert(src: Path, spec: ModelSpec) -> tuple[bytes, ModelSpec]:
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


def installed_model_path(model_id: str) -> Path:
    """``models_dir()/<id>/model.onnx`` (whether or not it exists)."""
    _check_id(model_id)
    return models_dir() / model_id / MODEL_FILE


def _check_id(model_id: str) -> None:
    if not _ID_RE.match(model_id):
        raise ModelError(f"'{model_id}' is not a valid model id.")


def _install_prepared(model_bytes: bytes, spec: ModelSpec, source: Path | None) -> Path:
    """Write model.onnx + spec.json (+ source.onnx) into models_dir()/<id>/, replacing any
    previous install atomically enough that a crash never leaves a half-written model."""
    root = models_dir()
    final = root / spec.id
    # Not tempfile.mkdtemp: its 0700 mode would stick to the final directory.
    staging = root / f".{spec.id}.{secrets.token_hex(4)}.tmp"
    old = root / f".{spec.id}.{secrets.token_hex(4)}.old"
    moved_old = False
    try:
        staging.mkdir()
        (staging / MODEL_FILE).write_bytes(model_bytes)
        if source is not None:
            shutil.copyfile(source, staging / SOURCE_FILE)
        # spec.json last: a directory without it is ignored by list_installed().
        (staging / SPEC_FILE).write_text(spec.to_json(), encoding="utf-8")
        if final.exists():
            # Directories can't be replaced in one step (Windows refuses, POSIX needs it
            # empty): move the old one aside, and back if the swap fails.
            os.replace(final, old)
            moved_old = True
        os.replace(staging, final)
    except OSError as exc:
        if moved_old and not final.exists():
            with contextlib.suppress(OSError):
                os.replace(old, final)
        shutil.rmtree(staging, ignore_errors=True)
        raise ModelError(f"Cannot write the model to {final}: {exc.strerror or exc}.") from None
    if moved_old:
        shutil.rmtree(old, ignore_errors=True)
    return final / MODEL_FILE


def prepare(src_onnx: str | os.PathLike[str], spec: ModelSpec, *, keep_source: bool = False) -> Path:
    """Prepare ``src_onnx`` for embedding and install it under ``models_dir()/<spec.id>/``.

    Returns the path of the prepared ``model.onnx``; ``spec.json`` next to it is ``spec`` with
    ``input_name``, ``output`` and ``dim`` filled in. ``keep_source`` also stores the original
    file so the model can be re-prepared offline later.
    """
    src = Path(src_onnx)
    spec.validate()
    model_bytes, full_spec = _convert(src, spec)
    return _install_prepared(model_bytes, full_spec, src if keep_source else None)


# --------------------------------------------------------------------------------------------
# Install / list / remove


def install_default(
    progress: Callable[[int, int | None], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    timeout: float = 30,
) -> ModelSpec:
    """Download (or resume), verify, prepare and activate the default model."""
    spec = default_spec()
    downloads = cache_dir() / "downloads"
    dest = downloads / f"{spec.id}-{spec.sha256[:12]}.onnx"
    if not (dest.exists() and file_sha256(dest) == spec.sha256):
        download(spec, dest, progress=progress, timeout=timeout, cancel=cancel)
    prepare(dest, spec, keep_source=True)
    dest.unlink(missing_ok=True)  # a copy is kept as source.onnx
    set_active(spec.id)
    installed = get_installed(spec.id)
    assert installed is not None
    return installed


def install_from_file(
    path: str | os.PathLike[str],
    spec: ModelSpec | Mapping[str, Any] | str | os.PathLike[str] | None = None,
) -> ModelSpec:
    """Install a local ONNX file and make it the active model.

    Without ``spec`` the file must be the default model (same SHA-256), e.g. downloaded by hand.
    Any other file needs a spec (ModelSpec, dict or path to a JSON file); the model is validated
    by a dummy inference whose output shape must suit the spec's pooling.
    """
    src = Path(path)
    if not src.is_file():
        raise ModelError(f"No such file: {src}.")
    try:
        sha = file_sha256(src)
    except OSError as exc:
        raise ModelError(f"Cannot read {src}: {exc.strerror or exc}.") from None
    is_default = sha == DEFAULT_MODEL_SHA256
    if spec is None:
        if not is_default:
            raise ModelError(
                f"{src.name} is not the default model (its SHA-256 is {sha}, expected "
                f"{DEFAULT_MODEL_SHA256}). To use a custom model, describe it with a spec: "
                "`dupe-viewer models install --from FILE --spec SPEC.json`."
            )
        model_spec = default_spec()
    else:
        model_spec = load_spec(spec)
        if model_spec.sha256 and model_spec.sha256 != sha:
            raise ModelError(
                f"{src.name} does not match the spec's sha256 (expected {model_spec.sha256}, got {sha})."
            )
        if model_spec.id == DEFAULT_MODEL_ID and not is_default:
            raise ModelError(
                f"The id '{DEFAULT_MODEL_ID}' is reserved for the default model; pick another id."
            )
        model_spec = dataclasses.replace(model_spec, sha256=sha, size=src.stat().st_size)
    prepare(src, model_spec, keep_source=is_default)
    set_active(model_spec.id)
    installed = get_installed(model_spec.id)
    assert installed is not None
    return installed


def _read_installed(directory: Path) -> ModelSpec | None:
    try:
        data = json.loads((directory / SPEC_FILE).read_text(encoding="utf-8"))
        spec = ModelSpec.from_dict(data, strict=False)
    except (OSError, ValueError, ModelError):
        return None
    if spec.id != directory.name or not (directory / MODEL_FILE).is_file():
        return None
    return spec


def _same_settings(installed: ModelSpec, builtin: ModelSpec) -> bool:
    """Whether an installed default still matches the built-in spec. Compares every setting,
    not just ``version``, so a changed threshold also reaches existing installs; the URL (may
    come from the environment) and ``dim`` (filled in at install) don't count."""
    ignore = {"url", "dim"}
    a = {k: v for k, v in installed.to_dict().items() if k not in ignore}
    b = {k: v for k, v in builtin.to_dict().items() if k not in ignore}
    return a == b


def _refresh_default(spec: ModelSpec) -> ModelSpec:
    """Re-prepare the default model from its kept source when the built-in spec has changed
    since it was installed (a newer app version). Falls back to the installed spec, which still
    works and has its own cache id."""
    current = default_spec()
    if spec.id != current.id or _same_settings(spec, current):
        return spec
    source = models_dir() / spec.id / SOURCE_FILE
    try:
        if source.is_file() and file_sha256(source) == current.sha256:
            prepare(source, current, keep_source=True)
            refreshed = _read_installed(models_dir() / spec.id)
            if refreshed is not None:
                return refreshed
    except (OSError, ModelError):
        pass
    return spec


def list_installed() -> list[ModelSpec]:
    """Installed models, sorted by id (broken or half-written directories are skipped)."""
    specs = []
    for directory in sorted(models_dir().iterdir()):
        if directory.is_dir() and not directory.name.startswith("."):
            spec = _read_installed(directory)
            if spec is not None:
                specs.append(spec)
    return specs


def set_active(model_id: str) -> None:
    """Make ``model_id`` the model :func:`get_installed` returns by default."""
    _check_id(model_id)
    if _read_installed(models_dir() / model_id) is None:
        raise ModelError(f"Model '{model_id}' is not installed.")
    (models_dir() / _ACTIVE_FILE).write_text(model_id + "\n", encoding="utf-8")


def _active_id() -> str | None:
    try:
        return (models_dir() / _ACTIVE_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def get_installed(model_id: str | None = None) -> ModelSpec | None:
    """The installed spec for ``model_id``, or for the active model when None.

    The active model is the last one installed (or chosen with :func:`set_active`); failing
    that the default, failing that the first installed. None means nothing is installed and the
    engine runs on hashes only.
    """
    if model_id is not None:
        _check_id(model_id)
        spec = _read_installed(models_dir() / model_id)
        return _refresh_default(spec) if spec is not None else None
    candidates = [_active_id(), DEFAULT_MODEL_ID]
    for candidate in candidates:
        if candidate and _ID_RE.match(candidate):
            spec = _read_installed(models_dir() / candidate)
            if spec is not None:
                return _refresh_default(spec)
    installed = list_installed()
    return installed[0] if installed else None


def remove(model_id: str) -> None:
    """Delete an installed model (raises ModelError if it isn't installed)."""
    _check_id(model_id)
    directory = models_dir() / model_id
    if not directory.is_dir():
        raise ModelError(f"Model '{model_id}' is not installed.")
    try:
        shutil.rmtree(directory)
    except OSError as exc:
        raise ModelError(f"Cannot remove {directory}: {exc.strerror or exc}.") from None
    if _active_id() == model_id:
        with contextlib.suppress(OSError):
            (models_dir() / _ACTIVE_FILE).unlink()
