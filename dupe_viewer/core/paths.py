"""Per-user directories (cache, data, config), computed in one place.

platformdirs gives the platform's conventions. Environment variables override them for tests
and portable installs:

- ``DUPE_VIEWER_HOME``: one folder holding ``cache/``, ``data/`` and ``config/`` (portable mode).
- ``DUPE_VIEWER_CACHE_DIR``, ``DUPE_VIEWER_DATA_DIR``, ``DUPE_VIEWER_CONFIG_DIR``: each one alone;
  they win over ``DUPE_VIEWER_HOME``.

Directories are created on first use, not at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "dupe_viewer"


def _resolve(kind: str, default: str) -> Path:
    specific = os.environ.get(f"DUPE_VIEWER_{kind.upper()}_DIR")
    if specific:
        path = Path(specific).expanduser()
    elif os.environ.get("DUPE_VIEWER_HOME"):
        path = Path(os.environ["DUPE_VIEWER_HOME"]).expanduser() / kind
    else:
        path = Path(default)
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Where rebuildable data lives: the feature cache and the vector indexes."""
    return _resolve("cache", platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def data_dir() -> Path:
    """Where data the user would miss lives: models, the action journal, dismissals."""
    return _resolve("data", platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Where settings live."""
    return _resolve("config", platformdirs.user_config_dir(APP_NAME, appauthor=False))


def models_dir() -> Path:
    """Installed (prepared) ONNX models and their specs."""
    path = data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path
