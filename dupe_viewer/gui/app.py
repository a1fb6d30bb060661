"""Start the window: ``run_app(paths)`` is what ``dupe-viewer`` and the GUI launcher call."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from .. import __version__, assets
from ..core.act.report_open import is_report_path
from . import i18n
from .compat import protect_singletons
from .settings import GuiSettings


def app_icon() -> QIcon:
    """The desktop theme's icon (``dupe-viewer --install-desktop``, a Flatpak), else the packaged
    SVG (every install has it: see dupe_viewer/assets)."""
    icon = QIcon.fromTheme(assets.APP_ID)
    if icon.isNull():
        path = assets.icon_path()
        if path is not None:
            return QIcon(str(path))
    return icon


def create_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("dupe_viewer")
    app.setOrganizationName("dupe_viewer")
    app.setApplicationDisplayName("Dupe Viewer")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(assets.APP_ID)  # Wayland matches the window to the entry by it
    protect_singletons()  # before the window makes thousands of Qt calls (see compat.py)
    app.setWindowIcon(app_icon())
    # The system's language, or the one chosen in View > Language (see i18n).
    i18n.apply_language(app, GuiSettings().get(i18n.SETTING))
    return app


def run_app(paths: list[str]) -> int:
    """Open the main window; with ``paths``, add them as folders to scan and start at once; one
    existing report file (or ``--report FILE``) opens that report for review instead."""
    app = create_app()
    from .window import MainWindow  # after QApplication: widgets need it

    window = MainWindow()
    window.show()
    if paths and paths[0] == "--report":  # dupe-viewer-gui --report FILE
        paths = paths[1:2]
    if len(paths) == 1 and is_report_path(paths[0]):
        # A saved report (.json, .jsonl, .parquet) opens for review, not as a folder to scan.
        report = os.path.abspath(paths[0])
        QTimer.singleShot(0, lambda: window.open_report(report))
        return app.exec()
    if paths:
        existing = [os.path.abspath(p) for p in paths if os.path.exists(p)]
        missing = [p for p in paths if not os.path.exists(p)]
        if missing:
            window.statusBar().showMessage(
                QCoreApplication.translate("app", "Not found: %1").replace("%1", ", ".join(missing)), 15000
            )
        if existing:
            # Exactly these folders (not the ones saved from last time), once the event loop runs
            # so the window paints before the scan starts.
            window.roots_model.replace(existing)
            QTimer.singleShot(0, window.start_scan)
    return app.exec()
