"""The window's settings: typed values, damaged values, and the keep chain of older versions."""

from __future__ import annotations

from pathlib import Path

from dupe_viewer.core.options import DEFAULT_RULES, OLD_DEFAULT_RULES, Rule
from dupe_viewer.gui.settings import DEFAULTS, GuiSettings


def test_old_default_keep_chain_reads_as_todays_default(tmp_path: Path) -> None:
    settings = GuiSettings(str(tmp_path / "s.ini"))
    settings.set_keep_rules(OLD_DEFAULT_RULES)
    assert settings.keep_rules() == DEFAULT_RULES


def test_a_chosen_keep_chain_is_kept(tmp_path: Path) -> None:
    settings = GuiSettings(str(tmp_path / "s.ini"))
    chosen = (Rule("resolution"), Rule("oldest"))
    settings.set_keep_rules(chosen)
    settings.sync()
    assert GuiSettings(str(tmp_path / "s.ini")).keep_rules() == chosen


def test_damaged_values_fall_back_to_defaults(tmp_path: Path) -> None:
    ini = tmp_path / "s.ini"
    ini.write_text("[scan]\nthreshold=not json\n[keep]\nrules=42\n")
    settings = GuiSettings(str(ini))
    assert settings.get("scan/threshold") == DEFAULTS["scan/threshold"]
    assert settings.keep_rules() == DEFAULT_RULES
