"""Turn decoded images into L2-normalised deep descriptors with an installed ONNX model.

:class:`Embedder` owns one onnxruntime session and does, per batch of PIL images:

1. resize (per ``spec.resize``: squash to a square, keep aspect with the shorter side at
   ``input_size``, or centre-crop) with Pillow, which is C code and antialiases;
2. vectorised numpy normalisation into the model's layout/dtype/channel order;
3. batched inference when the prepared model has a dynamic batch dimension (it loops otherwise);
4. pooling of the feature map — GAP, GeM or R-MAC, all in numpy — or flattening of an already
   pooled vector;
5. L2 normalisation, so cosine similarity is a dot product.

Inputs are RGB PIL images with EXIF orientation already applied by the caller. Nothing here
imports Qt; ``Embedder.embed`` may be called from worker threads (onnxruntime sessions are safe to
run concurrently).
"""

from __future__ import annotations

import functools
import logging
import math
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from PIL import Image

from . import providers
from .installed import get_installed, installed_model_path
from .spec import ModelError, ModelSpec

__all__ = [
    "Embedder",
    "EmbedderFactory",
    "l2_normalize",
    "load_embedder",
    "pool",
    "pool_gap",
    "pool_gem",
    "pool_rmac",
    "rmac_regions",
]

log = logging.getLogger(__name__)

# Longest side allowed in "shorter_side" mode, as a multiple of input_size: a panorama would
# otherwise cost many times a normal photo; beyond this the image is squashed a little.
_MAX_ASPECT = 2.0
# In "shorter_side" mode the long side is rounded to this many pixels so that photos with
# nearly the same aspect ratio share a shape and can go through the model in one batch.
_SIDE_QUANTUM = 16
# Pillow first shrinks by an integer factor with a box filter, then resamples the rest with
# the real filter: much faster on camera-sized inputs, visually the same for 224 px targets.
_REDUCING_GAP = 3.0


# --------------------------------------------------------------------------------------------
# Pooling. All take a feature map (N, C, H, W) and return (N, C) float32, not normalised.


def l2_normalize(x: np.ndarray, axis: int = -1, eps: float = 1e-12) -> np.ndarray:
    """Divide by the L2 norm along ``axis``; an all-zero vector stays zero instead of NaN."""
    norm = np.linalg.norm(x, axis=axis, keepdims=True)
    return x / np.maximum(norm, eps)


def pool_gap(fm: np.ndarray) -> np.ndarray:
    """Global average pooling."""
    return fm.mean(axis=(2, 3), dtype=np.float32)


def pool_gem(fm: np.ndarray, p: float = 3.0, eps: float = 1e-6) -> np.ndarray:
    """Generalised-mean pooling (Radenović et al.): (mean x^p)^(1/p).

    p=1 is GAP and p→∞ is max pooling; p=3 favours the strongest activations, which
    concentrate on the objects that make two photos the same rather than on the background.
    """
    x = np.maximum(fm, eps, dtype=np.float32)  # ReLU maps are ≥ 0; eps keeps the power defined
    powered = x * x * x if p == 3.0 else np.power(x, p)
    return np.power(powered.mean(axis=(2, 3)), 1.0 / p).astype(np.float32, copy=False)


@functools.lru_cache(maxsize=64)
def rmac_regions(height: int, width: int, levels: int = 3) -> tuple[tuple[int, int, int, int], ...]:
    """R-MAC regions (Tolias et al., 2016) as (y0, y1, x0, x1): square regions at ``levels``
    scales, ~40 % overlap, the same grid the reference implementations (cirtorch) use."""
    overlap = 0.4
    steps = np.array([2, 3, 4, 5, 6, 7], dtype=np.float64)
    side = min(height, width)
    # Extra regions along the longer side, chosen so consecutive regions overlap by ~40 %.
    b = (max(height, width) - side) / (steps - 1)
    idx = int(np.argmin(np.abs(((side**2 - side * b) / side**2) - overlap)))
    extra_w = idx + 1 if height < width else 0
    extra_h = idx + 1 if height > width else 0

    regions: list[tuple[int, int, int, int]] = []
    for level in range(1, levels + 1):
        size = math.floor(2 * side / (level + 1))
        if size < 1:
            break
        half = math.floor(size / 2 - 1)

        def starts(extent: int, extra: int, size: int = size, level: int = level, half: int = half):
            n = level + extra
            step = (extent - size) / (n - 1) if n > 1 else 0.0
            centres = np.floor(half + np.arange(n) * step) - half
            return [int(min(max(c, 0), extent - size)) for c in centres]

        for y in starts(height, extra_h):
            for x in starts(width, extra_w):
                regions.append((y, y + size, x, x + size))
    return tuple(dict.fromkeys(regions))  # drop duplicates (tiny maps), keep order


def pool_rmac(fm: np.ndarray, levels: int = 3) -> np.ndarray:
    """Regional maximum activations of convolutions: the global max-pooled vector plus one
    max-pooled vector per R-MAC region, each L2-normalised, summed. Regions make the
    descriptor tolerant to crops and to objects moving within the frame."""
    n, channels, height, width = fm.shape
    # Channels-last makes each regional max a reduction over contiguous C-vectors: ~6× faster
    # than reducing (N, C, h, w) slices whose rows are only w floats long.
    hwc = np.ascontiguousarray(fm.transpose(0, 2, 3, 1), dtype=np.float32)
    regions = rmac_regions(height, width, levels)
    maxima = np.empty((n, len(regions) + 1, channels), np.float32)
    maxima[:, 0] = hwc.max(axis=(1, 2))
    for index, (y0, y1, x0, x1) in enumerate(regions, start=1):
        maxima[:, index] = hwc[:, y0:y1, x0:x1].max(axis=(1, 2))
    return l2_normalize(maxima).sum(axis=1, dtype=np.float32)


def pool(fm: np.ndarray, mode: str, gem_p: float = 3.0) -> np.ndarray:
    """Pool an (N, C, H, W) map with ``mode`` ("gap", "gem", "rmac") or flatten ("none")."""
    if mode == "none":
        return fm.reshape(fm.shape[0], -1)
    if fm.ndim != 4:
        raise ModelError(f"Pooling '{mode}' needs a 4-D feature map, got shape {list(fm.shape)}.")
    if mode == "gap":
        return pool_gap(fm)
    if mode == "gem":
        return pool_gem(fm, gem_p)
    if mode == "rmac":
        return pool_rmac(fm)
    raise ModelError(f"Unknown pooling '{mode}'.")


# --------------------------------------------------------------------------------------------


class Embedder:
    """Computes descriptors for one installed model.

    ``threads`` is onnxruntime's intra-op thread count; the caller decides how to share cores
    between decoding and inference. ``batch_size`` is the largest batch sent to the model;
    batching barely helps on CPU (SqueezeNet, 2 cores: batch 8 is ~15 % faster than batch 1
    with 2 threads and ~10 % slower with 1 thread, as bigger batches fall out of cache), so
    it exists mainly to amortise Python overhead when embedding many images in one call.
    """

    def __init__(
        self,
        spec: ModelSpec,
        model_path: str | os.PathLike[str],
        threads: int = 1,
        batch_size: int = 8,
        device: str | None = None,
    ) -> None:
        import onnxruntime as ort

        self.spec = spec
        options = ort.SessionOptions()
        options.intra_op_num_threads = max(1, int(threads))
        options.inter_op_num_threads = 1
        options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        # Idle intra-op threads spin by default, burning a core the decoder threads need.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        choice = providers.choose(device)  # --device (see providers): CPU unless asked or offered
        providers.preload(choice.device)
        try:
            try:
                self._session = ort.InferenceSession(
                    str(model_path), sess_options=options, providers=list(choice.providers)
                )
            except Exception as first:
                if choice.device == "cpu":
                    raise
                # The accelerator's session cannot start (a missing CUDA library): the CPU can.
                why = f"{providers.PROVIDERS[choice.device]} could not start ({first}); embedding on the CPU"
                choice = providers.Choice("cpu", (providers.PROVIDERS["cpu"],), why)
                self._session = ort.InferenceSession(
                    str(model_path), sess_options=options, providers=list(choice.providers)
                )
        except Exception as exc:  # onnxruntime raises its own Fail/InvalidGraph/NoSuchFile types
            raise ModelError(f"Cannot load model {model_path}: {exc}") from None
        #: The device the session really runs on, and why not the one asked for (if it is not).
        self.device, self.device_note = providers.session_device(choice, self._session.get_providers())
        if self.device_note:
            log.warning("%s", self.device_note)

        inputs = {i.name: i for i in self._session.get_inputs()}
        if spec.input_name and spec.input_name not in inputs:
            raise ModelError(f"Model {model_path} has no input '{spec.input_name}'.")
        model_input = inputs[spec.input_name] if spec.input_name else next(iter(inputs.values()))
        self._input_name = model_input.name
        outputs = [o.name for o in self._session.get_outputs()]
        self._output_name = spec.output or outputs[0]
        if self._output_name not in outputs:
            raise ModelError(f"Model {model_path} has no output '{self._output_name}' (has {outputs}).")

        shape = list(model_input.shape)
        h_axis, w_axis = (2, 3) if spec.layout == "NCHW" else (1, 2)
        # onnxruntime reports symbolic dims as strings (or None): those are dynamic.
        self.dynamic_batch = not isinstance(shape[0], int)
        self.dynamic_size = not isinstance(shape[h_axis], int) and not isinstance(shape[w_axis], int)
        self.batch_size = max(1, int(batch_size)) if self.dynamic_batch else 1
        if spec.resize == "shorter_side" and not self.dynamic_size:
            raise ModelError("resize 'shorter_side' needs a model prepared with dynamic height/width.")

        channel_order = [2, 1, 0] if spec.channel_order == "BGR" else [0, 1, 2]
        self._channel_order = None if spec.channel_order == "RGB" else channel_order
        # (x * scale - mean) / std folded into one multiply-add per pixel.
        std = np.asarray(spec.std, np.float32)
        self._mul = (np.float32(spec.scale) / std).astype(np.float32)
        self._add = (-np.asarray(spec.mean, np.float32) / std).astype(np.float32)
        self._identity = spec.scale == 1.0 and not any(spec.mean) and all(s == 1.0 for s in spec.std)
        self.dim = spec.dim or self._probe_dim()

    @property
    def model_id(self) -> str:
        """The cache key of the descriptors this embedder produces."""
        return self.spec.cache_id

    def _probe_dim(self) -> int:
        size = self.spec.input_size
        return int(self._infer([np.zeros((size, size, 3), np.uint8)]).shape[1])

    # -- preprocessing -------------------------------------------------------------------

    def _target(self, width: int, height: int) -> tuple[tuple[int, int], tuple[float, float, float, float]]:
        """Output size (w, h) and source box for one image, per the spec's resize mode."""
        size = self.spec.input_size
        full = (0.0, 0.0, float(width), float(height))
        mode = self.spec.resize
        if mode == "squash":
            return (size, size), full
        if mode == "center_crop":
            side = min(width, height)
            left, top = (width - side) / 2, (height - side) / 2
            return (size, size), (left, top, left + side, top + side)
        # shorter_side: keep the aspect ratio (up to _MAX_ASPECT), long side on a coarse grid.
        short, long = min(width, height), max(width, height)
        long_out = size * min(long / short, _MAX_ASPECT)
        long_out = max(size, round(long_out / _SIDE_QUANTUM) * _SIDE_QUANTUM)
        return ((long_out, size) if width >= height else (size, long_out)), full

    def resize(self, image: Image.Image) -> np.ndarray:
        """One image → uint8 (H, W, 3) RGB array at the model's input size."""
        if image.mode != "RGB":
            image = image.convert("RGB")
        out_size, box = self._target(*image.size)
        if image.size != out_size or box != (0.0, 0.0, *map(float, image.size)):
            image = image.resize(out_size, Image.Resampling.BILINEAR, box=box, reducing_gap=_REDUCING_GAP)
        return np.asarray(image, dtype=np.uint8)

    def _to_input(self, pixels: np.ndarray) -> np.ndarray:
        """Stacked uint8 (N, H, W, 3) RGB → the model's input tensor."""
        if self._channel_order is not None:
            pixels = pixels[..., self._channel_order]
        if self.spec.dtype == "uint8":
            x = pixels
        elif self._identity:
            x = pixels.astype(np.float32)
        else:
            x = pixels.astype(np.float32)
            x *= self._mul
            x += self._add
        if self.spec.layout == "NCHW":
            x = x.transpose(0, 3, 1, 2)
        return np.ascontiguousarray(x)

    # -- inference -----------------------------------------------------------------------

    def _infer(self, arrays: Sequence[np.ndarray]) -> np.ndarray:
        """Same-shaped uint8 HWC arrays → un-normalised descriptors (N, D)."""
        x = self._to_input(np.stack(arrays))
        out = self._session.run([self._output_name], {self._input_name: x})[0]
        if self.spec.is_feature_map:
            if out.ndim == 4 and self.spec.effective_output_layout == "NHWC":
                out = out.transpose(0, 3, 1, 2)
            return pool(out, self.spec.pooling, self.spec.gem_p)
        return out.reshape(out.shape[0], -1)

    def embed(self, images: Sequence[Image.Image]) -> np.ndarray:
        """Descriptors for ``images``: float32 (len(images), dim), rows L2-normalised."""
        result = np.zeros((len(images), self.dim), np.float32)
        if not images:
            return result
        arrays = [self.resize(image) for image in images]
        # Batch images that share a shape (all of them, except in "shorter_side" mode).
        groups: dict[tuple[int, ...], list[int]] = defaultdict(list)
        for index, array in enumerate(arrays):
            groups[array.shape].append(index)
        for indices in groups.values():
            for start in range(0, len(indices), self.batch_size):
                chunk = indices[start : start + self.batch_size]
                vectors = self._infer([arrays[i] for i in chunk])
                if vectors.shape[1] != self.dim:
                    raise ModelError(
                        f"Model '{self.spec.id}' produced {vectors.shape[1]}-d vectors, expected {self.dim}."
                    )
                result[chunk] = vectors
        return l2_normalize(result).astype(np.float32, copy=False)


#: Images per model call on the CPU in a scan's workers (one inference thread each). Measured
#: (SqueezeNet, 500×375 photos, one thread, CPU time, alternated): batch 1 9.7 ms an image,
#: 8: 10.2, 16: 10.0, 32: 11.0: on a CPU a batch only falls out of cache, so one at a time.
CPU_BATCH = 1
#: Images per model call on an accelerator (CUDA, CoreML, DirectML), where one call per image
#: leaves the device idle between copies. Measured on an H200 with SqueezeNet (README, "Past one
#: machine"): batch 1 / 8 / 32 / 128 gave 257 / 272 / 318 / 310 images/s.
ACCELERATOR_BATCH = 32
#: Overrides both (a positive integer): ``DUPE_VIEWER_EMBED_BATCH=16 dupe-viewer scan ...``.
BATCH_ENV = "DUPE_VIEWER_EMBED_BATCH"


def default_batch(device: str) -> int:
    """Images per model call for a session on ``device`` (``cpu``, ``cuda``, ...)."""
    raw = os.environ.get(BATCH_ENV, "").strip()
    if raw:
        try:
            return max(1, int(raw))
        except ValueError:
            log.warning("%s=%r is not a number; using the default batch", BATCH_ENV, raw)
    return CPU_BATCH if device == "cpu" else ACCELERATOR_BATCH


@dataclass(frozen=True)
class EmbedderFactory:
    """Makes an :class:`Embedder` of one model in a worker process: a picklable value (the spec
    and the prepared model's path) that the scan hands to the worker pool."""

    spec: ModelSpec
    model_path: str
    #: ``--device`` (:mod:`.providers`); None: the DUPE_VIEWER_DEVICE environment, else auto.
    device: str | None = None
    #: Images per model call; 0: :func:`default_batch` of the device the session runs on.
    batch_size: int = 0

    @property
    def batch(self) -> int:
        """The batch the workers will use (before the model is opened): what the analysis pool
        sizes its tasks by, so a task holds a whole batch of decoded images."""
        return self.batch_size or default_batch(providers.choose(self.device).device)

    def __call__(self) -> Embedder:
        # One inference thread per worker: the pool already uses every core.
        emb = Embedder(self.spec, self.model_path, threads=1, device=self.device)
        if emb.dynamic_batch:  # a fixed-batch model runs one image per call whatever is asked
            emb.batch_size = self.batch_size or default_batch(emb.device)
        return emb


def load_embedder(model_id: str | None = None, threads: int = 1, batch_size: int = 8) -> Embedder | None:
    """An Embedder for an installed model (the active one by default), or None if none is."""
    spec = get_installed(model_id)
    if spec is None:
        return None
    return Embedder(spec, installed_model_path(spec.id), threads=threads, batch_size=batch_size)
