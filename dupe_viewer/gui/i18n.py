"""The window's languages: which exist, which one is loaded, and compiling them in a checkout.

Translations are Qt ``.ts`` files in ``translations/`` (one per language, plus
``dupe_viewer_en.ts``: the English plural forms, made with ``lupdate -pluralonly``, since Qt
picks "%n file(s)" → "1 file" / "2 files" only from a loaded translation). The wheel and the
bundles ship them compiled (see :mod:`dupe_viewer.assets`); a source checkout compiles them here,
next to their ``.ts`` (``translations/*.qm``, ignored by git), whenever a ``.ts`` is newer than
its ``.qm``, with the ``lrelease`` PySide6 ships. So tests and ``dupe-viewer`` in a checkout always
run with the translations as they are in the sources, and no build output is committed.

The language is the system's (``QLocale.system().uiLanguages()``, i.e. ``LANGUAGE``/``LANG`` on
Linux), unless the person chose one in *View ▸ Language*; that choice is stored in the settings
and applied at the next start: re-translating a live window would need every widget to rebuild
its texts on ``LanguageChange``, for a choice made once.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from .. import assets
from .settings import GuiSettings

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # lupdate extracts translate("context", "literal") calls

#: Translation file names: ``dupe_viewer_<language>.qm``.
PREFIX = "dupe_viewer"
#: The languages shipped, by Qt locale name, each in its own language: a person looks for their
#: language by its own name, whatever the window speaks now.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "Deutsch",
    "es": "Español",
    "fr": "Français",
    "pt_BR": "Português (Brasil)",
    "ja": "日本語",
    "zh_CN": "简体中文",
}
#: The settings key of the person's choice ("": the system's language).
SETTING = "view/language"


def lrelease_command() -> list[str] | None:
    """Qt's ``lrelease``: PySide6's own binary, else one on ``PATH``; None when there is none."""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        bundled = Path(spec.origin).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if bundled.is_file():
            return [str(bundled)]
    for name in ("pyside6-lrelease", "lrelease", "lrelease-qt6"):
        found = shutil.which(name)
        if found:
            return [found]
    return None


def compile_stale(folder: Path) -> list[Path]:
    """Compile each ``folder/*.ts`` whose ``.qm`` is missing or older; return those written.

    Written to a temporary file and renamed, so a test run or a window starting at the same time
    never loads half a file. A failure (no ``lrelease``, a read-only checkout) is logged: the
    window then runs with the ``.qm`` files that exist, in English at worst."""
    written = []
    command = None
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.is_file() and qm.stat().st_mtime_ns >= ts.stat().st_mtime_ns:
            continue
        command = command or lrelease_command()
        if command is None:
            log.warning("cannot compile %s: Qt's lrelease was not found", ts)
            return written
        fd, tmp = tempfile.mkstemp(prefix=f".{ts.stem}.", suffix=".qm", dir=folder)
        os.close(fd)
        try:
            subprocess.run([*command, "-silent", str(ts), "-qm", tmp], check=True, capture_output=True)
            os.replace(tmp, qm)
            written.append(qm)
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("cannot compile %s: %s", ts, exc)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    return written


def translation_dirs() -> list[Path]:
    """Where ``dupe_viewer_<language>.qm`` are, best first (:func:`assets.translation_dirs`),
    after compiling a checkout's stale ones."""
    root = assets.checkout_root()
    if root is not None and (root / assets.TRANSLATION_SOURCES).is_dir():
        compile_stale(root / assets.TRANSLATION_SOURCES)
    return assets.translation_dirs()


def locale_for(language: str) -> QLocale:
    """The locale of a language chosen in the menu ("" or unknown: the system's)."""
    return QLocale(language) if language in LANGUAGES else QLocale.system()


def install_translators(app: QCoreApplication, locale: QLocale) -> list[QTranslator]:
    """Load and install the translations for ``locale``: the English plural forms first (what a
    string missing from the language falls back to), Qt's own strings (dialog buttons), then
    the best of ours among ``locale.uiLanguages()`` (installed last: searched first)."""
    installed: list[QTranslator] = []
    dirs = [str(d) for d in translation_dirs()]

    def add(translator: QTranslator) -> None:
        app.installTranslator(translator)
        installed.append(translator)

    for folder in dirs:
        english = QTranslator(app)
        if english.load(f"{PREFIX}_en", folder):
            add(english)
            break
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        add(qt)
    for folder in dirs:
        ours = QTranslator(app)
        if ours.load(locale, PREFIX, "_", folder):
            if not ours.language().startswith("en"):
                add(ours)
            break
    return installed


def untold_formats(environ: dict[str, str] | None = None) -> bool:
    """Whether the system names no locale for numbers and dates: on Linux and the BSDs the
    POSIX variables (``LC_ALL``, else ``LC_NUMERIC``, else ``LANG``) are unset, ``C`` or
    ``POSIX`` (``C.UTF-8`` too). ``LANGUAGE`` alone (``LANGUAGE=de`` with ``LANG=C.UTF-8``, as
    in a minimal session or a container) then translates the window while Qt formats numbers
    the C way, "1,234 Dateien", which a German reads as one point two. Windows and macOS name
    their formats in their own settings."""
    if sys.platform in ("win32", "darwin"):
        return False
    env = os.environ if environ is None else environ
    value = env.get("LC_ALL") or env.get("LC_NUMERIC") or env.get("LANG") or ""
    return value.split(".")[0] in ("", "C", "POSIX")


def apply_language(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Start-up: the chosen ``language`` (or the system's) for texts, and, when one was chosen,
    for numbers and dates too (``QLocale.setDefault``): a German window writes "1.234,5". So
    does a window the system's ``LANGUAGE`` translates when no locale names the formats."""
    if language in LANGUAGES:
        QLocale.setDefault(QLocale(language))
    elif untold_formats():
        spoken = system_language()
        if spoken is not None:
            QLocale.setDefault(QLocale(spoken))
    return install_translators(app, locale_for(language))


def system_language() -> str | None:
    """The first of our languages among the system's user-interface languages, or None."""
    return first_of_ours(QLocale.system().uiLanguages())


def first_of_ours(ui_languages: list[str]) -> str | None:
    """The first of ``ui_languages`` ("de-Latn-DE", "pt-BR", "zh-Hans-CN") that we ship, by
    language and region ("pt_BR") or by language alone ("de"); None when none is ours."""
    for name in ui_languages:
        parts = name.split("-")
        regional = f"{parts[0]}_{parts[-1]}" if len(parts) > 1 else ""
        if regional in LANGUAGES:
            return regional
        if parts[0] in LANGUAGES:
            return parts[0]
    return None


def language_menu(parent: QWidget, chosen: str, on_choice: Callable[[str], object]) -> QMenu:
    """*Language*: "System default" and each shipped language by its own name, the current
    choice checked; ``on_choice(code)`` ("" for the system's) when the person picks one."""
    menu = QMenu(translate("LanguageMenu", "&Language"), parent)
    group = QActionGroup(menu)
    entries = [("", translate("LanguageMenu", "System default"))]
    entries += sorted(LANGUAGES.items(), key=lambda item: item[1].casefold())
    for code, name in entries:
        action = QAction(name, menu)
        action.setCheckable(True)
        action.setChecked(code == (chosen if chosen in LANGUAGES else ""))
        action.setData(code)
        action.triggered.connect(lambda _=False, code=code: on_choice(code))
        group.addAction(action)
        menu.addAction(action)
    return menu


def restart_note(language: str) -> str:
    """ "The language changes the next time Dupe Viewer starts", in the language chosen (so the
    person can read it), else in the current one."""
    source = "The new language applies the next time Dupe Viewer starts."
    current = translate("LanguageMenu", "The new language applies the next time Dupe Viewer starts.")
    target = locale_for(language)
    for folder in translation_dirs():
        translator = QTranslator()
        if translator.load(target, PREFIX, "_", str(folder)):
            if translator.language().startswith("en"):
                return source
            return translator.translate("LanguageMenu", source) or current
    return source if target.language() == QLocale.Language.English else current


def add_language_menu(view: QMenu, settings: GuiSettings, tell: Callable[[str], object]) -> QMenu:
    """View ▸ Language: the choice stored in ``settings``; ``tell`` shows when it applies."""

    def choose(language: str) -> None:
        if language != settings.get(SETTING):
            settings.set(SETTING, language)
            tell(restart_note(language))

    view.addSeparator()
    menu = language_menu(view, settings.get(SETTING), choose)
    view.addMenu(menu)
    return menu
