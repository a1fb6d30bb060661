"""Installed models: where they live, installing (download or a local file), choosing, removing.

Installed models live under ``models_dir()/<id>/`` as ``model.onnx`` (the *prepared* graph, see
:mod:`.prepare`) and ``spec.json``; the built-in default also keeps ``source.onnx`` (the 2.4 MB
download) so that a newer app version can re-prepare it offline when the default spec changes.
The downloader and :mod:`.prepare` load only when a model is installed or re-prepared: every scan
looks the registry up, and needs neither.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import secrets
import shutil
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from ..paths import cache_dir, models_dir
from .spec import (
    _ID_RE,
    DEFAULT_MODEL_ID,
    DEFAULT_MODEL_SHA256,
    ModelError,
    ModelSpec,
    default_spec,
    load_spec,
)

MODEL_FILE = "model.onnx"
SPEC_FILE = "spec.json"
SOURCE_FILE = "source.onnx"
_ACTIVE_FILE = "active.txt"


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
    from .prepare import convert  # here: a scan that only looks the model up never prepares one

    src = Path(src_onnx)
    spec.validate()
    model_bytes, full_spec = convert(src, spec)
    return _install_prepared(model_bytes, full_spec, src if keep_source else None)


def install_default(
    progress: Callable[[int, int | None], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    timeout: float = 30,
) -> ModelSpec:
    """Download (or resume), verify, prepare and activate the default model."""
    from .download import download, file_sha256

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
    from .download import file_sha256

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
    from .download import file_sha256  # here: only a changed default reads its source

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
