"""Every user-visible string goes through Qt's translation functions, under the context lupdate
files it in: a pseudo-translation (every extracted string wrapped in ⟦…⟧) is built with the real
tools and loaded, and then every button, menu entry, label and header of a window that has
scanned and opened a group must show the brackets."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

pytestmark = pytest.mark.gui

GUI = Path(__file__).resolve().parents[2] / "dupe_viewer" / "gui"


def _tool(name: str) -> str:
    exe = shutil.which(name) or str(Path(sys.executable).with_name(name))
    if not Path(exe).exists():
        pytest.skip(f"{name} is not installed")
    return exe


@pytest.fixture
def pseudo_translation(tmp_path: Path, qapp):
    ts = tmp_path / "dupe_viewer_xx.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), *map(str, sorted(GUI.rglob("*.py"))), "-ts", str(ts)],
        check=True,
        capture_output=True,
    )
    tree = ET.parse(ts)
    count = 0
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                translation.remove(form)
            for _ in range(2):  # real plural forms: "(s)" is what untranslated English looks like
                ET.SubElement(translation, "numerusform").text = f"⟦{source.replace('(s)', 's')}⟧"
        else:
            translation.text = f"⟦{source}⟧"
        count += 1
    assert count > 150  # the whole window, not a handful of strings
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    qm = tmp_path / "dupe_viewer_xx.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_every_visible_string_is_translated(qtbot, pseudo_translation, photos, wait_scan) -> None:
    from dupe_viewer.gui.window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle() == ""  # Qt shows the application's name alone
    window.add_paths([str(photos)])
    wait_scan(window)
    assert window.windowTitle() == photos.name  # a folder's name needs no translation
    window.compare.set_mode("grid")

    untranslated = []
    checked = []

    def check(kind: str, value: str) -> None:
        if value and not value.isdigit():
            checked.append(value)
            if "⟦" not in value:
                untranslated.append(f"{kind}: {value!r}")

    for action in window.actions():
        check("action", action.text())
        check("tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else "")
    for menu_action in window.menuBar().actions():
        check("menu", menu_action.text())
    for box in window.findChildren(QGroupBox):
        check("group box", box.title())
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.text() not in ("", "…"):
            check("button", button.text())
    for label in window.findChildren(QLabel):
        text = label.text()
        # Numbers and file facts are data; the row labels around them are what must be translated.
        if label.isVisibleTo(window) and text and not text.startswith("<table"):
            check("label", text)
    for model in (window.model, window.roots_model):
        for col in range(model.columnCount()):
            check("header", model.headerData(col, Qt.Orientation.Horizontal))
    for pane in window.compare.shown:
        info = pane.info.text()
        for word in ("Match", "Pixels", "File", "Taken", "Modified", "Folder"):
            assert f"⟦{word}⟧" in info
    assert untranslated == []
    assert len(checked) > 80, checked  # the check saw the window, not an empty shell
