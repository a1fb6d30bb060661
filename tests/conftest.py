"""Shared fixtures: an isolated per-user home, photo-like test images (:mod:`tests.library`), a
real trash, the ../shared folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from tests.library import photo

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own cache/data/config dirs: nothing touches the real user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("DUPE_VIEWER_HOME", str(home))
    for var in (
        "DUPE_VIEWER_CACHE_DIR",
        "DUPE_VIEWER_DATA_DIR",
        "DUPE_VIEWER_CONFIG_DIR",
        "DUPE_VIEWER_MODEL_URL",
    ):
        monkeypatch.delenv(var, raising=False)
    return home


@pytest.fixture
def make_photo() -> Callable[..., Image.Image]:
    return photo


@pytest.fixture
def write_image(tmp_path: Path) -> Callable[..., Path]:
    """write_image(rel_path, image, **save_kwargs) -> absolute path, folders created."""

    def _write(rel: str, image: Image.Image, **kwargs: object) -> Path:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(path, **kwargs)
        return path

    return _write


@pytest.fixture
def trash_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A real freedesktop trash under tmp_path (send2trash reads XDG_DATA_HOME at import time)."""
    if sys.platform in ("win32", "darwin"):
        pytest.skip("the freedesktop trash layout is Linux/BSD only")
    data = tmp_path / "xdg-data"
    data.mkdir()
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("HOME", str(tmp_path))  # same device as the files: the home trash is used
    import send2trash

    plat = sys.modules.get("send2trash.plat_other")
    if plat is not None:
        monkeypatch.setattr(plat, "XDG_DATA_HOME", os.fsencode(data))
        monkeypatch.setattr(plat, "HOMETRASH_B", os.fsencode(data / "Trash"))
        monkeypatch.setattr(plat, "HOMETRASH", str(data / "Trash"))
    if getattr(send2trash.send2trash, "__module__", "") != "send2trash.plat_other":
        pytest.skip("send2trash uses gio here; its trash location cannot be redirected")
    return data / "Trash"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): real photos and models are not available here")
    return SHARED


@pytest.fixture(scope="session")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The dev corpus generator's ``--small`` corpus from ../shared/photos, made once per run."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared is absent ({SHARED}): real photos and models are not available here")
    import subprocess

    corpus = tmp_path_factory.mktemp("small") / "corpus"
    subprocess.run(
        [
            sys.executable,
            str(REPO / "tests" / "benchmarks" / "make_corpus.py"),
            str(corpus),
            "--small",
            "--photos",
            str(SHARED / "photos"),
        ],
        check=True,
        capture_output=True,
    )
    return corpus


@pytest.fixture
def shared_models() -> Path:
    """../shared/models with the real SqueezeNet download (skips when absent)."""
    folder = SHARED / "models"
    if not (folder / "SqueezeNet_fp16.onnx").is_file():
        pytest.skip(f"real models not available ({folder} is absent)")
    return folder


def is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0
