"""A deep-similarity model's spec: how to feed one ONNX model and read a descriptor from it.

A model is an ONNX file plus a :class:`ModelSpec` saying how to feed it (layout, dtype, size,
channel order, normalisation) and how to turn its output into a descriptor (which tensor, which
pooling). :func:`default_spec` is the built-in default (SqueezeNet 1.1, pinned by SHA-256); its
download is :mod:`.download`, its one-time preparation :mod:`.prepare`, and where installed models
live :mod:`.installed`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_LAYOUTS = ("NCHW", "NHWC")
_DTYPES = ("float32", "uint8")
_CHANNEL_ORDERS = ("RGB", "BGR")
_POOLINGS = ("gap", "gem", "rmac", "none")
_RESIZES = ("squash", "shorter_side", "center_crop")


class ModelError(Exception):
    """An expected failure (bad file, bad spec, network, checksum) with a user-readable message."""


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
