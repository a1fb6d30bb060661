"""GUI test fixtures: offscreen Qt, a real trash under tmp_path, folders of generated photos."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image

from tests.library import PhotoLibrary

# Before any QApplication exists: no display needed, same pixels everywhere.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session", autouse=True)
def _pyside_none_refcount_workaround(qapp) -> None:
    """The app applies it in create_app(); tests build windows on pytest-qt's QApplication."""
    from dupe_viewer.gui.compat import protect_singletons

    protect_singletons()


@pytest.fixture(scope="session", autouse=True)
def _english(qapp) -> None:
    """The app loads its translations in create_app(); tests build windows on pytest-qt's
    QApplication, in English, with English plural forms ("1 file", "2 files": gui/i18n.py)."""
    from PySide6.QtCore import QLocale

    from dupe_viewer.gui import i18n

    i18n.install_translators(qapp, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))


@pytest.fixture
def photos(tmp_path: Path, make_photo: Callable[..., Image.Image]) -> Path:
    """Three photos with copies (exact, resized, re-encoded, edited) and two unrelated photos.

    Expected at the default threshold: three groups. Only the exact copy survives a threshold of
    1.0 as a duplicate for sure; the edited (cropped) copy needs a loose threshold.
    """
    lib = PhotoLibrary(tmp_path / "photos")
    for n, seed in enumerate((11, 22, 33)):
        variants: dict = {f"phone/small{n}.jpg": (lambda img: img.resize((240, 180)), {"quality": 70})}
        if n == 0:
            variants["backup/crop0.jpg"] = (lambda img: img.crop((40, 30, 440, 330)), {"quality": 90})
        lib.original(
            f"orig{n}.jpg",
            make_photo(seed, (480, 360)),
            variants=variants,
            copies=["backup/orig0.jpg"] if n == 0 else [],
            quality=95,
        )
    lib.write("other1.jpg", make_photo(101, (480, 360)), quality=90)
    lib.write("other2.png", make_photo(202, (360, 480)))
    root = lib.root
    return root


@pytest.fixture
def window(qtbot) -> Iterator:
    from dupe_viewer.gui.window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1300, 850)
    w.show()
    yield w
    w.close()


@pytest.fixture
def wait_scan(qtbot) -> Callable[..., None]:
    """wait_scan(window): until the scan has finished and any regroup it started is applied."""

    def wait(window, timeout: int = 30_000) -> None:
        qtbot.waitUntil(lambda: window.final and not window.scanner.running, timeout=timeout)
        qtbot.waitUntil(lambda: not window.regrouper.busy, timeout=timeout)

    return wait


@pytest.fixture
def wait_idle(qtbot) -> Callable[..., None]:
    """wait_idle(window): until background file actions and regroups are done and delivered."""

    def wait(window, timeout: int = 30_000) -> None:
        qtbot.waitUntil(lambda: not window.io.busy() and not window.regrouper.busy, timeout=timeout)

    return wait
