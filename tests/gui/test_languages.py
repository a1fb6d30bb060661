"""The window in each language shipped: started with the compiled translation loaded (as
create_app loads it), before and after a scan, side by side and in the grid, nothing it shows
is still English: no visible text is (or is made from) an English source string whose
translation differs. Strings rightly the same in a language (units, "%1 (%2)", "Problem" in
German) are listed in tests/gui/test_i18n.py; names (Dupe Viewer, JPEG, ONNX, file names) are
no source strings at all."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QMenu, QWidget

from dupe_viewer.gui import i18n
from tests.gui.test_i18n import FORMS, TRANSLATIONS, forms, messages

pytestmark = pytest.mark.gui

PLACEHOLDER = re.compile(r"%L?[0-9n]|\{[a-z_]+\}")


def _plain(value: str) -> str:
    """What a person reads: no markup, no accelerator ampersand, one space per run."""
    value = (
        html.unescape(re.sub(r"<[^>]+>", " ", value.replace("&&", "\0"))).replace("&", "").replace("\0", "&")
    )
    return " ".join(value.split())


def _pattern(template: str) -> str:
    parts = PLACEHOLDER.split(_plain(template))
    return "(.+?)".join(re.escape(p) for p in parts)


def english_patterns(language: str) -> list[tuple[str, re.Pattern[str], bool]]:
    """(source, pattern, whole-only) for every source string this language translates
    differently; the English plural forms ("1 file", "%Ln files") stand for the "(s)" ones."""
    plural = messages(TRANSLATIONS / "dupe_viewer_en.ts")
    out = []
    for key, message in messages(TRANSLATIONS / f"dupe_viewer_{language}.ts").items():
        source = key[1]
        if source in forms(message):
            continue  # the same in this language: whitelisted in test_i18n
        english = forms(plural[key]) if key in plural else [source]
        for text in english:
            plain = _plain(text)
            letters = re.sub(PLACEHOLDER, "", plain)
            if not re.search(r"[A-Za-z]{2}", letters):
                continue
            # Several words are looked for anywhere (inside a longer text too); one word only as
            # the whole text (an English word may be part of a file name).
            whole = " " not in letters.strip()
            out.append((source, re.compile(_pattern(text), re.DOTALL), whole))
    return out


def visible_texts(window: QWidget) -> list[str]:
    """Every text the window shows now: menus (with their entries and tips), actions, buttons,
    labels, titles, tips, placeholders, list entries, table headers and cells, the status bar."""
    out: list[str] = []

    def add(*values: object) -> None:
        out.extend(str(v) for v in values if isinstance(v, str) and v.strip())

    def menu(m: QMenu) -> None:
        add(m.title())
        for action in m.actions():
            add(action.text(), action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
            if action.menu() is not None:
                menu(action.menu())

    for action in window.menuBar().actions():
        if action.menu() is not None:
            menu(action.menu())
    for action in window.actions():
        add(action.text(), action.toolTip(), action.statusTip())
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        add(widget.toolTip(), widget.accessibleName())
        if isinstance(widget, (QAbstractButton, QLabel)):
            add(widget.text())
        if isinstance(widget, QGroupBox):
            add(widget.title())
        if isinstance(widget, QLineEdit):
            add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            add(*(widget.itemText(i) for i in range(widget.count())))
    for model in (window.model, window.roots_model):
        for col in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                add(model.headerData(col, Qt.Orientation.Horizontal, role))
            for row in range(model.rowCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    add(model.data(model.index(row, col), role))
    add(window.statusBar().currentMessage())
    return [_plain(t) for t in out]


@pytest.mark.parametrize("language", sorted(FORMS))
def test_the_window_shows_no_english(qtbot, qapp, photos: Path, wait_scan, language: str) -> None:
    from dupe_viewer.gui.window import MainWindow

    before = QLocale()
    QLocale.setDefault(QLocale(language))  # numbers and dates too, as a chosen language does
    installed = i18n.install_translators(qapp, QLocale(language))
    try:
        assert QCoreApplication.translate("WindowActions", "&File") != "&File"
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        seen = visible_texts(window)  # the welcome page
        window.add_paths([str(photos)])
        wait_scan(window)
        assert window.model.rowCount() >= 2
        seen += visible_texts(window)  # the status bar says how many groups, in words
        for mode in ("grid", "pair"):
            window.compare.set_mode(mode)
            seen += visible_texts(window)
            seen += [_plain(p.info.text()) for p in window.compare.shown]
        window.close()
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
        QLocale.setDefault(before)

    patterns = english_patterns(language)
    english = []
    for text in set(seen):
        for source, pattern, whole in patterns:
            if pattern.fullmatch(text) if whole else pattern.search(text):
                english.append(f"{text!r} (English: {source!r})")
    assert english == []
    assert len(set(seen)) > 120, sorted(set(seen))  # the check saw the window, not an empty shell
