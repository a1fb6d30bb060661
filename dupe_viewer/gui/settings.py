"""The window's persistent settings, declared once with their defaults.

Stored with QSettings in an INI file under :func:`core.paths.config_dir` (so tests are isolated by
``DUPE_VIEWER_HOME``). Plain values are stored as JSON text: INI files have no types, and JSON
round-trips lists, floats, booleans and None exactly. Window geometry is stored as Qt's bytes.
Engine defaults (thresholds, keep rules) are read from :class:`ScanOptions`, never repeated here.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from ..core import paths
from ..core.group.keep import parse_rules, rules_text
from ..core.options import OLD_DEFAULT_RULES, Rule, ScanOptions

INI_NAME = "dupe_viewer.ini"


@dataclass
class RootEntry:
    """A folder (or file) to scan, as listed in the window."""

    path: str
    recursive: bool = True
    protected: bool = False


_ENGINE = ScanOptions()

#: key -> default. The only place a GUI default is written down.
DEFAULTS: dict[str, Any] = {
    "scan/roots": [],  # list of RootEntry dicts
    "scan/threshold": _ENGINE.threshold,
    "scan/deep_threshold": _ENGINE.deep_threshold,  # None: the model's recommendation
    "keep/rules": rules_text(_ENGINE.keep_rules),
    "view/compare_mode": "auto",  # "auto", "pair" or "grid"
    "view/sort_column": -1,
    "view/sort_order": 0,
    "view/kind_filter": "",
    "view/language": "",  # a locale name of gui/i18n.LANGUAGES; "": the system's language
    "paths/last_folder": "",
    "paths/last_export": "",
    "paths/last_move": "",
}

#: Numeric keys and the range a saved value must be in (a hand-edited "NaN", "Infinity" or
#: "1e308" reads as its default instead of stopping the window from starting).
RANGES: dict[str, tuple[float, float]] = {"scan/threshold": (0.0, 1.0), "scan/deep_threshold": (0.0, 1.0)}

#: Keys stored as Qt byte arrays (window geometry and layout).
BYTES_KEYS = ("window/geometry", "window/state", "window/main_splitter", "window/left_splitter")


class GuiSettings:
    """Typed access to the INI file; unknown or damaged values fall back to the defaults."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or str(paths.config_dir() / INI_NAME)
        self.qsettings = QSettings(self.path, QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        raw = self.qsettings.value(key)
        if raw is None:
            return default
        try:
            value = json.loads(str(raw))
        except ValueError:
            return default
        if key in RANGES and value is not None:
            lo, hi = RANGES[key]
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            return float(value) if number and math.isfinite(value) and lo <= value <= hi else default
        # A value of the wrong type (hand-edited file, older version) is ignored, not trusted.
        if default is not None and not isinstance(value, type(default)):
            if isinstance(default, float) and isinstance(value, int):
                return float(value)
            return default
        return value

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self.qsettings.setValue(key, json.dumps(value))

    def get_bytes(self, key: str) -> QByteArray | None:
        raw = self.qsettings.value(key)
        return raw if isinstance(raw, QByteArray) and not raw.isEmpty() else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def roots(self) -> list[RootEntry]:
        out = []
        for item in self.get("scan/roots"):
            if isinstance(item, dict) and isinstance(item.get("path"), str):
                out.append(
                    RootEntry(item["path"], bool(item.get("recursive", True)), bool(item.get("protected")))
                )
        return out

    def set_roots(self, roots: list[RootEntry]) -> None:
        self.set("scan/roots", [asdict(r) for r in roots])

    def keep_rules(self) -> tuple[Rule, ...]:
        rules = parse_rules(self.get("keep/rules")) or _ENGINE.keep_rules
        # Earlier versions saved their default chain on first use: a person who never changed it
        # gets today's default (the best original), not the chain that kept upscaled copies.
        return _ENGINE.keep_rules if rules == OLD_DEFAULT_RULES else rules

    def set_keep_rules(self, rules: tuple[Rule, ...]) -> None:
        self.set("keep/rules", rules_text(rules))

    def sync(self) -> None:
        self.qsettings.sync()
