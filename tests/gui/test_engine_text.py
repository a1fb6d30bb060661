"""The engine's reasons shown in the user's language (dupe_viewer/gui/engine_text.py): each
message is made by the engine's own code (discovery, guard, decoding, raw, deep), so a change of
its wording fails here instead of silently showing English; and the problems dialog, the compare
view and the deep-similarity note show them translated."""

from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication, QLocale

from dupe_viewer.core import messages
from dupe_viewer.core.act import identity, survivors
from dupe_viewer.core.act.report_open import ReportError, open_report
from dupe_viewer.core.deep import stage
from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding, guard
from dupe_viewer.core.files.discovery import FileError, discover
from dupe_viewer.gui import engine_text, i18n
from dupe_viewer.gui.dialogs import ErrorsDialog
from tests.factories import record

pytestmark = pytest.mark.gui


def _raised(call, *args) -> str:
    with pytest.raises(DecodeError) as info:
        call(*args)
    return messages.of(info.value)  # the engine's message, its code kept


def _errors(*roots: Path) -> list[str]:
    return [e.error for e in discover(roots, skipped=Counter()) if isinstance(e, FileError)]


def _report_messages(folder: Path) -> dict[str, str]:
    """kind -> why the engine cannot open a report file made for it."""
    folder.mkdir()
    header = '{"version": 1, "roots": [], "groups": []}'
    files = {
        "report_not_utf8": ("latin.json", b'{"roots": "\xe9t\xe9"}'),
        "report_not_json": ("broken.json", b'{"version": 1, "roots": [], "groups": [{"id"'),
        "report_no_header": ("other.json", b'{"groups": []}'),
        "report_version": ("future.json", b'{"version": 99, "roots": [], "groups": []}'),
        "report_bad_group": ("bad.json", b'{"version": 1, "roots": [], "groups": [{"id": 1}]}'),
        "report_bad_line": ("bad.jsonl", header[:-15].encode() + b"}\n{broken\n"),
        "report_csv": ("table.csv", b"group,path\n"),
        "report_empty": ("empty.jsonl", b""),
        "report_foreign": ("garbage.parquet", b"not parquet at all"),
    }
    out: dict[str, str] = {}
    for kind, (name, content) in files.items():
        (folder / name).write_bytes(content)
        with pytest.raises(ReportError) as info:
            list(open_report(folder / name))
        out[kind] = messages.of(info.value)
    (folder / "folder.json").mkdir()
    with pytest.raises(ReportError) as info:
        list(open_report(folder / "folder.json"))
    out["report_unreadable"] = messages.of(info.value)
    return out


@pytest.fixture
def engine_messages(tmp_path: Path) -> dict[str, str]:
    """kind -> a message the engine really makes for it."""
    out: dict[str, str] = {}
    (tmp_path / "folder.jpg").mkdir()
    out["directory"] = _raised(guard.open_regular, tmp_path / "folder.jpg")
    out["vanished"] = _raised(guard.open_regular, tmp_path / "gone.jpg")
    (out["missing"],) = _errors(tmp_path / "nowhere")
    (tmp_path / "notes.txt").write_text("x")
    (out["unknown_extension"],) = _errors(tmp_path / "notes.txt")
    links = tmp_path / "links"
    links.mkdir()
    os.symlink(links / "absent.jpg", links / "broken.jpg")
    (out["broken_link"],) = _errors(links)
    if hasattr(os, "mkfifo"):
        pipes = tmp_path / "pipes"
        pipes.mkdir()
        os.mkfifo(pipes / "pipe.jpg")
        (out["skipped_special"],) = _errors(pipes)
        out["not_regular"] = _raised(guard.open_regular, pipes / "pipe.jpg")
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        locked = tmp_path / "locked.jpg"
        locked.write_bytes(b"x")
        locked.chmod(0)
        out["permission"] = _raised(guard.open_regular, locked)
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    out["no_pixels"] = _raised(guard.check_size, 0, 10, 100)
    out["bomb_size"] = _raised(guard.check_size, 17000, 17000, 178_000_000)
    bomb = Image.DecompressionBombError("Image size (357913941 pixels) exceeds limit of 178956970 pixels")
    out["bomb_declared"] = guard.reason(bomb, 178_000_000)
    out["bomb"] = guard.reason(Image.DecompressionBombError("too big"), 178_000_000)
    out["memory_budget"] = _raised(guard.check_need, 3 << 30, "40000×30000 (JPEG RGB)", 1 << 30)
    out["out_of_memory"] = guard.reason(MemoryError(), 1)
    out["metadata_bomb"] = guard.reason(ValueError("Decompressed Data Too Large: MAX_TEXT_CHUNK"), 1)
    out["truncated"] = guard.reason(OSError("image file is truncated (3 bytes not processed)"), 1)
    out["corrupt"] = guard.reason(SyntaxError("broken PNG file"), 1)
    for kind, content in (
        ("empty", b""),
        ("text_file", b"hello, world\n"),
        ("unrecognised", b"\x00\x9f" * 40),
    ):
        (tmp_path / f"{kind}.jpg").write_bytes(content)
        out[kind] = _raised(decoding.decode, tmp_path / f"{kind}.jpg", 64)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"x" * 10)
    target = identity.Target.of(record(0, str(photo)))
    out["act_changed"] = identity.check_unchanged(target)  # the record says another size
    out["act_gone"] = identity.check_unchanged(identity.Target.of(record(1, str(tmp_path / "gone.jpg"))))
    out["act_every_copy"], out["act_protected"] = survivors.EVERY_COPY, survivors.PROTECTED
    out["act_no_survivor"] = messages.message("act_no_survivor", name="photo.jpg", reason=out["act_gone"])
    out.update(_report_messages(tmp_path / "reports"))
    out["deep_off"] = stage.resolve(False, None, None)[1]["reason"]
    out["no_model"] = stage.resolve(None, None, None)[1]["reason"]  # an empty per-test home
    return out


def test_every_engine_message_is_recognised_and_translated(engine_messages, qapp) -> None:
    for kind, message in engine_messages.items():
        found = engine_text.problem_kind(message)
        assert found is not None and found[0] == kind, (kind, message)
    translators = i18n.install_translators(qapp, QLocale("de"))
    try:
        said = dict(zip(engine_messages, engine_text.problem_texts(engine_messages.values()), strict=True))
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
    assert said["directory"] == "Ein Ordner, keine Datei"
    assert said["truncated"] == "Abgeschnittene Bilddatei (das Ende der Datei fehlt)"
    # The values go into the translation: numbers in the user's locale, the decoder's own words.
    assert said["bomb_size"].startswith("Als mögliche Dekompressionsbombe abgelehnt: 17000 × 17000 = 289")
    assert "broken PNG file" in said["corrupt"]
    if "skipped_special" in said:
        assert said["skipped_special"] == "Übersprungen: eine benannte Pipe (FIFO), keine normale Datei"
    assert said["act_no_survivor"].endswith("(photo.jpg: Die Datei existiert nicht mehr)")
    assert all(said[k] != engine_messages[k] for k in said)


def test_a_message_of_another_wording_is_shown_as_it_is() -> None:
    assert engine_text.problem_text("the disk caught fire") == "the disk caught fire"
    assert engine_text.problem_kind("permission denied, and more") is None  # matched whole only


def test_raw_messages_are_recognised() -> None:
    raw = pytest.importorskip("dupe_viewer.core.features.raw")
    rawpy = pytest.importorskip("rawpy")
    cases = {
        "raw_too_large": rawpy.LibRawTooBigError(),
        "raw_corrupt": rawpy.LibRawIOError(),
        "out_of_memory": MemoryError(),
    }
    for kind, exc in cases.items():
        assert engine_text.problem_kind(raw._reason(rawpy, exc, 1)) is not None
        assert engine_text.problem_kind(raw._reason(rawpy, exc, 1))[0] == kind


def test_the_problems_dialog_shows_them_translated(engine_messages, qtbot, qapp) -> None:
    rows = [("/photos/a.jpg", engine_messages["truncated"]), ("/photos/b.jpg", "the disk caught fire")]
    translators = i18n.install_translators(qapp, QLocale("fr"))
    try:
        dialog = ErrorsDialog(rows, None)
        qtbot.addWidget(dialog)
        model = dialog.view.model()
        shown = [model.index(r, 1).data() for r in range(model.rowCount())]
        assert shown == ["Fichier image tronqué (la fin du fichier manque)", "the disk caught fire"]
        assert model.index(0, 0).data() == "/photos/a.jpg"
        assert dialog.windowTitle() == "Problèmes rencontrés pendant l'analyse"
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)


def test_no_model_is_told_by_its_kind(engine_messages) -> None:
    assert engine_text.no_model(engine_messages["no_model"])
    assert not engine_text.no_model(engine_messages["deep_off"])
    assert not engine_text.no_model("something else mentions no model installed")


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs")
def test_every_pattern_has_an_engine_message(engine_messages) -> None:
    """Each wording the table knows is one the engine still makes (raw and model wordings are
    made in test_raw_messages_are_recognised or need a model registry)."""
    untested = {"raw_budget", "raw_unsupported", "raw_unavailable", "vanished_scanning", "link_loop"}
    untested |= {"raw_too_large", "raw_corrupt", "model_missing", "unreadable"}
    # Made for files that change between the scan and the action (tests/core/act cover them).
    untested |= {"act_replaced", "act_rewritten", "act_content", "act_link", "act_not_regular"}
    untested |= {"act_uncheckable", "act_unreadable", "act_cancelled"}
    # Why a kept file is no copy, inside "no file kept ..." (tests/core/act/test_survivors.py).
    untested |= {"act_hard_link", "act_through_link"}
    # A Parquet file of another program, and a machine without pyarrow.
    untested |= {"report_not_parquet", "report_needs_pyarrow"}
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        untested.add("permission")
    assert set(engine_text.PATTERNS) - untested == set(engine_messages)


def _plain(text: str) -> str:
    return str.__str__(text)


def test_codes_and_wordings_agree(engine_messages, qapp) -> None:
    """A message with its code and the same message as plain text (a report read back from JSON,
    a cache written before codes) are worded alike; every code the engine has is worded here."""
    coded = {k: m for k, m in engine_messages.items() if isinstance(m, messages.Message)}
    assert len(coded) >= len(engine_messages) - 1, set(engine_messages) - set(coded)
    assert set(messages.CATALOGUE) == set(engine_text.PATTERNS)
    assert set(messages.CATALOGUE) <= set(engine_text._templates())
    translators = i18n.install_translators(qapp, QLocale("de"))
    try:
        by_code = engine_text.problem_texts(coded.values())
        by_wording = engine_text.problem_texts(_plain(m) for m in coded.values())
    finally:
        for t in translators:
            QCoreApplication.removeTranslator(t)
    assert by_code == by_wording
    assert all(said != m for said, m in zip(by_code, coded.values(), strict=True))


def test_a_code_words_a_message_whatever_its_english_says() -> None:
    """The code, not the English, decides: values that would defeat the wording's pattern (a
    decoder message holding a parenthesis, a name holding a colon) are still worded."""
    tricky = messages.message("act_no_survivor", name="a: b.jpg", reason=messages.message("act_gone"))
    assert engine_text.problem_kind(tricky) == ("act_no_survivor", ("a: b.jpg", messages.message("act_gone")))
    bomb = messages.message("bomb_size", width=17000, height=17000, megapixels=289, limit=178)
    assert engine_text.problem_kind(bomb) == ("bomb_size", ("17000", "17000", "289", "178"))
    budget = messages.message("memory_budget", what="4×3 (PNG)", need_gb=3.0, limit_gb=1.0)
    assert engine_text.problem_kind(budget) == ("memory_budget", ("4×3 (PNG)", "3.0", "1.0"))


def test_a_scans_reasons_reach_the_window_with_their_codes(qtbot, window, tmp_path) -> None:
    """The scan worker hands each reason over as the engine made it (a str-typed signal would
    turn it into plain text and lose its code)."""
    Image.new("RGB", (64, 48), (200, 30, 30)).save(tmp_path / "photo.jpg")
    (tmp_path / "empty.jpg").write_bytes(b"")
    window.add_paths([str(tmp_path)])
    qtbot.waitUntil(lambda: window.final and not window.scanner.running, timeout=30_000)
    ((path, reason),) = window.errors
    assert path.endswith("empty.jpg")
    assert isinstance(reason, messages.Message) and reason.code == "empty"
