"""Which onnxruntime execution provider computes the embeddings: ``--device``.

``cuda`` (onnxruntime-gpu), ``coreml`` (macOS), ``directml`` (onnxruntime-directml on Windows)
or ``cpu``; by default (``auto``) the first of the accelerators that this onnxruntime offers,
else the CPU. An accelerator that is asked for but not offered, or whose session cannot start
(a missing CUDA library), falls back to the CPU with a message, never to an error: a cluster's
workers need not all have one. The CPU provider is always listed last, so operators the
accelerator lacks still run.

The device travels to worker processes in :class:`.embedding.EmbedderFactory`; where it is not
set there, the ``DUPE_VIEWER_DEVICE`` environment variable (which ``--device`` sets for the
worker processes it starts) is read.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: Device name -> onnxruntime execution provider.
PROVIDERS = {
    "cuda": "CUDAExecutionProvider",
    "coreml": "CoreMLExecutionProvider",
    "directml": "DmlExecutionProvider",
    "cpu": "CPUExecutionProvider",
}
DEVICES = ("auto", *PROVIDERS)
#: Tried in this order by ``auto``.
AUTO_ORDER = ("cuda", "coreml", "directml")
ENV = "DUPE_VIEWER_DEVICE"


@dataclass(frozen=True)
class Choice:
    """The device chosen, the providers to give onnxruntime, and what to tell the user."""

    device: str
    providers: tuple[str, ...]
    message: str | None = None


def available() -> list[str]:
    import onnxruntime as ort

    return list(ort.get_available_providers())


def requested(device: str | None = None) -> str:
    """The device asked for: ``device``, else the environment's, else ``auto``."""
    name = (device or os.environ.get(ENV) or "auto").strip().lower()
    if name not in DEVICES:
        raise ValueError(f"unknown device '{name}' (choose from {', '.join(DEVICES)})")
    return name


def choose(device: str | None = None) -> Choice:
    """The providers for ``device`` (see the module docstring)."""
    name = requested(device)
    have = available()
    cpu = (PROVIDERS["cpu"],)
    if name == "cpu":
        return Choice("cpu", cpu)
    if name == "auto":
        for d in AUTO_ORDER:
            if PROVIDERS[d] in have:
                return Choice(d, (PROVIDERS[d], *cpu))
        return Choice("cpu", cpu)
    if PROVIDERS[name] in have:
        return Choice(name, (PROVIDERS[name], *cpu))
    return Choice(
        "cpu",
        cpu,
        f"--device {name}: this onnxruntime has no {PROVIDERS[name]} (it offers "
        f"{', '.join(have) or 'none'}); embedding on the CPU",
    )


_preloaded = False


def preload(device: str) -> None:
    """Load the CUDA and cuDNN libraries before a CUDA session starts, once per process.

    onnxruntime-gpu finds them on the library path only; installed from PyPI (``pip install
    onnxruntime-gpu[cuda,cudnn]``, or beside PyTorch) they lie in site-packages, where its
    ``preload_dlls`` (onnxruntime 1.21+) looks. Without it such a machine's session starts on
    the CPU. A failure here is no error: the session's own fall back says what happened.
    """
    global _preloaded
    if device != "cuda" or _preloaded:
        return
    _preloaded = True
    import onnxruntime as ort

    load = getattr(ort, "preload_dlls", None)
    if load is None:
        return
    try:
        load()
    except Exception as exc:  # a missing library surfaces as the session's fall back
        log.info("onnxruntime.preload_dlls failed: %s", exc)


def session_device(choice: Choice, session_providers: list[str]) -> tuple[str, str | None]:
    """The device a started session really uses, and a message when it fell back to the CPU."""
    if choice.device == "cpu" or PROVIDERS[choice.device] in session_providers:
        return choice.device, choice.message
    return "cpu", f"{PROVIDERS[choice.device]} could not start; embedding on the CPU"
