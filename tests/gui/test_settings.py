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


def test_thresholds_that_are_not_numbers_in_range_read_as_defaults(tmp_path: Path) -> None:
    for raw in ("NaN", "Infinity", "-Infinity", "1e308", "-0.5", "true", '"x"'):
        ini = tmp_path / f"s{abs(hash(raw))}.ini"
        ini.write_text(f"[scan]\nthreshold={raw}\ndeep_threshold={raw}\n")
        settings = GuiSettings(str(ini))
        assert settings.get("scan/threshold") == DEFAULTS["scan/threshold"], raw
        assert settings.get("scan/deep_threshold") == DEFAULTS["scan/deep_threshold"], raw
    ini = tmp_path / "ok.ini"
    ini.write_text("[scan]\nthreshold=0.8\ndeep_threshold=1\n")
    assert GuiSettings(str(ini)).get("scan/threshold") == 0.8
    assert GuiSettings(str(ini)).get("scan/deep_threshold") == 1.0


def test_the_window_starts_with_a_nan_threshold_saved(qtbot, isolated_home: Path) -> None:
    from dupe_viewer.core import paths
    from dupe_viewer.gui.settings import INI_NAME
    from dupe_viewer.gui.window import MainWindow

    ini = paths.config_dir() / INI_NAME
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[scan]\nthreshold=NaN\ndeep_threshold=1e308\n")
    w = MainWindow()
    qtbot.addWidget(w)
    assert w.threshold.value() == round(DEFAULTS["scan/threshold"] * 100)
    w.close()
