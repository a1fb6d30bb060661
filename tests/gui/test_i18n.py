"""The translations (translations/*.ts) against the code, and how the window loads them
(dupe_viewer/gui/i18n.py): every source string lupdate finds in dupe_viewer/gui is translated in
every language, whole (placeholders, accelerators and plural forms kept), with no unfinished or
obsolete entry; English plural forms replace "(s)"; the language is the system's or the one
chosen in View ▸ Language."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from dupe_viewer.gui import i18n, text

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
GUI = REPO / "dupe_viewer" / "gui"
TRANSLATIONS = REPO / "translations"
#: The languages shipped, and how many plural forms each has (Qt's rules for the language).
FORMS = {"de": 2, "fr": 2, "es": 2, "pt_BR": 2, "zh_CN": 1, "ja": 1}
#: Strings whose translation is rightly the source itself: placeholders and units only.
SAME_EVERYWHERE = {
    "%1 (%2)",
    "%1. %2",
    "%1: %2",
    "%1/s",
    "%1 s",
    "%1 min %2 s",
    "%1 h %2 min",
    "%1 %",
    "100 %",
    "%1 of %2",
    "%1 × %2 px (%3 MP)",
    "<b>Group %1</b> · %2 · %3",
}
#: Words spelled the same in a language as in English.
SAME_WORD = {"de": {"Problem"}, "fr": {"Action", "Photos", "Pixels"}, "pt_BR": {"Pixels"}}


def _tool(name: str) -> str:
    exe = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(exe).exists():
        pytest.skip(f"{name} is not installed")
    return exe


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <message> of a .ts file."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], ET.Element]:
    """What lupdate extracts from the window's code today."""
    ts = tmp_path_factory.mktemp("lupdate") / "sources.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, sorted(GUI.rglob("*.py"))), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    return messages(ts)


def forms(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    if message.get("numerus") == "yes":
        return [f.text or "" for f in translation.findall("numerusform")]
    return [translation.text or ""]


def placeholders(value: str) -> list[str]:
    return sorted(re.findall(r"%L?[0-9n]|\{[a-z_]+\}", value))


def test_lupdate_sees_every_count_as_a_plural(sources) -> None:
    """A "%n" string outside a ``tr(text, None, n)`` call (lupdate's Python parser ignores the
    count of ``translate``) would get one form for every count: "1 Dateien"."""
    counted = [k for k, m in sources.items() if re.search("%L?n", k[1])]
    assert len(counted) >= 10
    assert [k for k in counted if sources[k].get("numerus") != "yes"] == []


@pytest.mark.parametrize("language", sorted(FORMS))
def test_every_source_string_is_translated(sources, language: str) -> None:
    ts = TRANSLATIONS / f"dupe_viewer_{language}.ts"
    assert ts.is_file(), f"{ts} is missing"
    have = messages(ts)
    assert sorted(set(sources) - set(have)) == [], "not in the .ts: run lupdate (translations/README.md)"
    assert sorted(set(have) - set(sources)) == [], "obsolete entries: run lupdate with -no-obsolete"
    problems = []
    for key, message in have.items():
        _, source = key
        translation = message.find("translation")
        assert translation is not None
        if translation.get("type"):  # unfinished, obsolete, vanished
            problems.append(f"{translation.get('type')}: {source!r}")
        said = forms(message)
        if message.get("numerus") == "yes" and len(said) != FORMS[language]:
            problems.append(f"{len(said)} plural forms, not {FORMS[language]}: {source!r}")
        for form in said:
            if not form.strip():
                problems.append(f"empty: {source!r}")
            if placeholders(form) != placeholders(source):
                problems.append(f"placeholders changed: {source!r} -> {form!r}")
            if "&" in source.replace("&nbsp;", "") and form.count("&") != 1:
                problems.append(f"keyboard accelerator lost: {source!r} -> {form!r}")
            if form == source and source not in SAME_EVERYWHERE | SAME_WORD.get(language, set()):
                problems.append(f"left in English: {source!r}")
    assert problems == []


def test_menu_accelerators_are_unique_in_each_language() -> None:
    """The menu bar's titles need distinct Alt keys."""
    titles = ["&File", "&Review", "&View", "&Tools", "&Help"]
    for language in FORMS:
        have = messages(TRANSLATIONS / f"dupe_viewer_{language}.ts")
        keys = [re.search("&(.)", forms(have[("WindowActions", t)])[0]).group(1).lower() for t in titles]
        assert len(set(keys)) == len(keys), (language, keys)


def test_english_plural_forms_replace_the_parentheses(sources) -> None:
    have = messages(TRANSLATIONS / "dupe_viewer_en.ts")
    counted = {k for k, m in sources.items() if m.get("numerus") == "yes"}
    assert set(have) == counted  # lupdate -pluralonly: the plural strings, nothing else
    for key, message in have.items():
        one, many = forms(message)
        assert message.find("translation").get("type") is None, key
        if "(s)" in key[1]:
            assert "(s)" not in one + many and one != many, key


@pytest.fixture
def translators(qapp):
    """Installs translations for a test and takes them out again (and the default locale)."""
    installed: list[QTranslator] = []
    before = QLocale()

    def install(locale: QLocale) -> list[QTranslator]:
        installed.extend(i18n.install_translators(qapp, locale))
        return installed

    yield install
    for t in installed:
        QCoreApplication.removeTranslator(t)
    QLocale.setDefault(before)


def test_plurals_in_english_german_and_japanese(translators) -> None:
    def groups(n: int) -> str:
        return QCoreApplication.translate("GroupsPanel", "%Ln group(s)", None, n)

    def status(n: int) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Scanned %1 in %2 (%3 from the cache): %Ln group(s).", None, n
        )

    # tests/gui/conftest.py installed English, as create_app does for an English system.
    assert (groups(1), groups(2), text.count_files(1), text.count_files(3)) == (
        "1 group",
        "2 groups",
        "1 file",
        "3 files",
    )
    assert status(1).endswith(": 1 group.") and status(2).endswith(": 2 groups.")
    translators(QLocale("de"))
    assert (groups(1), groups(2), text.count_files(1), text.count_files(3)) == (
        "1 Gruppe",
        "2 Gruppen",
        "1 Datei",
        "3 Dateien",
    )
    assert status(1).endswith(": 1 Gruppe.")
    translators(QLocale("ja"))
    assert (groups(1), groups(5)) == ("1 グループ", "5 グループ")


def test_a_language_without_translation_keeps_english_plurals(translators) -> None:
    translators(QLocale("it_IT"))  # Qt has Italian for its own dialogs; we have none
    assert QCoreApplication.translate("WindowActions", "&File") == "&File"
    assert text.count_files(1) == "1 file" and text.count_files(2) == "2 files"


def test_numbers_and_sizes_follow_the_locale(translators) -> None:
    QLocale.setDefault(QLocale("de_DE"))
    assert text.number_text(12345) == "12.345"
    assert text.number_text(2.5, 1) == "2,5"
    assert text.count_files(12345) == "12.345 files"  # %Ln: the locale's digits
    assert text.size_text(1536 * 1024) == "1,5 MB"
    QLocale.setDefault(QLocale("en_US"))
    assert text.number_text(12345) == "12,345"


def test_stale_translations_are_compiled(tmp_path: Path) -> None:
    shutil.copy(TRANSLATIONS / "dupe_viewer_de.ts", tmp_path)
    assert i18n.compile_stale(tmp_path) == [tmp_path / "dupe_viewer_de.qm"]
    assert i18n.compile_stale(tmp_path) == []  # up to date
    ts = tmp_path / "dupe_viewer_de.ts"
    os.utime(ts, ns=(ts.stat().st_mtime_ns + 10**9,) * 2)
    assert i18n.compile_stale(tmp_path) == [tmp_path / "dupe_viewer_de.qm"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dupe_viewer_de.qm", "dupe_viewer_de.ts"]
    translator = QTranslator()
    assert translator.load(str(tmp_path / "dupe_viewer_de.qm"))
    assert translator.translate("WindowActions", "&File") == "&Datei"


def test_the_language_menu_stores_the_choice(qtbot, window) -> None:
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    menu = next(a.menu() for a in view.actions() if a.menu() is not None)
    assert menu.title() == "&Language"
    entries = {a.text(): a for a in menu.actions()}
    assert set(entries) == {"System default", *i18n.LANGUAGES.values()}
    assert entries["System default"].isChecked()
    entries["Deutsch"].trigger()
    assert window.settings.get(i18n.SETTING) == "de"
    # Said in the language chosen, so that the person can read it.
    assert (
        window.statusBar().currentMessage() == "Die neue Sprache gilt ab dem nächsten Start von Dupe Viewer."
    )
    entries["English"].trigger()
    assert window.statusBar().currentMessage() == "The new language applies the next time Dupe Viewer starts."


def test_the_app_starts_in_the_language_chosen(tmp_path: Path) -> None:
    """create_app(), as ``dupe-viewer`` runs it: the setting wins over the system's language."""
    probe = (
        "from dupe_viewer.gui.settings import GuiSettings\n"
        "s = GuiSettings(); s.set('view/language', 'fr'); s.sync()\n"
        "from dupe_viewer.gui.app import create_app\n"
        "from dupe_viewer.gui import text\n"
        "from PySide6.QtCore import QCoreApplication, QLocale\n"
        "app = create_app(['x'])\n"
        "import json\n"
        "print(json.dumps([QCoreApplication.translate('WindowActions', '&File'), text.count_files(2),"
        " text.number_text(1234.5, 1), QLocale().name()]))\n"
    )
    env = {**os.environ, "DUPE_VIEWER_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "de"}
    res = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, cwd=REPO)
    assert res.returncode == 0, res.stderr
    menu, files, number, locale = json.loads(res.stdout.splitlines()[-1])
    assert (menu, files, locale) == ("&Fichier", "2 fichiers", "fr_FR")
    assert number.endswith("234,5") and number.startswith("1") and len(number) == 7  # "1 234,5"


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="POSIX locale variables")
def test_formats_follow_language_when_no_locale_names_them() -> None:
    """LANGUAGE=de with LANG=C.UTF-8 translates the window: its numbers are German too, while a
    real LANG (en_US) keeps its own formats (the person's explicit choice)."""
    assert i18n.untold_formats({"LANG": "C.UTF-8"}) and i18n.untold_formats({})
    assert i18n.untold_formats({"LC_ALL": "POSIX", "LANG": "de_DE.UTF-8"})
    assert not i18n.untold_formats({"LANG": "en_US.UTF-8"})
    assert not i18n.untold_formats({"LC_NUMERIC": "de_DE.UTF-8", "LANG": "C"})
    assert i18n.first_of_ours(["de-Latn-DE", "de-DE", "de"]) == "de"
    assert i18n.first_of_ours(["pt-BR", "pt"]) == "pt_BR"
    assert i18n.first_of_ours(["pt-PT", "pt", "fr-FR"]) == "fr"
    assert i18n.first_of_ours(["zh-Hans-CN", "zh-CN", "zh"]) == "zh_CN"
    assert i18n.first_of_ours(["nl-NL", "nl"]) is None
    probe = (
        "from PySide6.QtCore import QLocale\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from dupe_viewer.gui import i18n\n"
        "app = QApplication([])\n"
        "i18n.apply_language(app, '')\n"
        "print(QLocale().toString(1234567))\n"
    )
    shown = {}
    for lang in ("C.UTF-8", "en_US.UTF-8"):
        env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
        env.update(LANGUAGE="de", LANG=lang, QT_QPA_PLATFORM="offscreen")
        out = subprocess.run(
            [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=120
        )
        assert out.returncode == 0, out.stderr
        shown[lang] = out.stdout.strip().splitlines()[-1]
    assert shown == {"C.UTF-8": "1.234.567", "en_US.UTF-8": "1,234,567"}
