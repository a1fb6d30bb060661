"""Tests for dupe_viewer.core.files.formats: the extensions come from Pillow's registry and its
plugins plus rawpy's RAW formats; what is left out is left out for a stated reason."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image

from dupe_viewer.core.files import discovery, formats

REPO = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    "ext", ["jpg", "jpeg", "png", "jxl", "psd", "dng", "cr2", "cr3", "nef", "arw", "orf", "raf", "rw2",
            "pef", "srw", "heic", "heif", "hif", "webp", "avif", "tif", "gif", "bmp", "mpo", "jp2"],
)  # fmt: skip
def test_photo_extensions_are_read(ext: str) -> None:
    assert ext in formats.image_extensions()
    assert discovery.has_image_extension(f"photo.{ext.upper()}")


@pytest.mark.parametrize(
    "ext", ["pdf", "eps", "ps", "apng", "avifs", "ico", "dds", "mpg", "raw", "mp4", "xcf"]
)
def test_non_photo_or_unsafe_extensions_are_not_read(ext: str) -> None:
    assert ext not in formats.image_extensions()


def test_pillow_extensions_are_exactly_the_registry_narrowed_to_photo_formats() -> None:
    formats.register_plugins()
    registry = Image.registered_extensions()
    expected = {
        ext[1:]
        for ext, fmt in registry.items()
        if fmt in formats.PHOTO_FORMATS and ext[1:] not in formats.LEFT_OUT_EXTENSIONS
    }
    assert set(formats.pillow_extensions()) == expected
    # The plugins really registered theirs: the list is Pillow's, not ours.
    assert registry[".jxl"] == "JXL" and registry[".heic"] == "HEIF"


def test_every_registered_format_is_judged() -> None:
    """A format Pillow registers is either read or left out with a reason: a new Pillow format
    shows up here instead of being scanned (or ignored) unnoticed."""
    formats.register_plugins()
    registered = set(Image.registered_extensions().values())
    assert registered - formats.PHOTO_FORMATS - set(formats.LEFT_OUT) == set()
    assert all(reason.strip() for reason in formats.LEFT_OUT.values())
    assert formats.PHOTO_FORMATS.isdisjoint(formats.LEFT_OUT)


def test_image_extensions_constant_is_the_computed_set() -> None:
    assert formats.image_extensions() == discovery.IMAGE_EXTENSIONS
    with pytest.raises(AttributeError):
        _ = discovery.NO_SUCH_NAME  # type: ignore[attr-defined]


def test_raw_helpers() -> None:
    assert formats.raw_supported()
    assert formats.is_raw(SimpleNamespace(format="NEF"))
    assert formats.is_raw(SimpleNamespace(format="dng"))
    assert not formats.is_raw(SimpleNamespace(format="JPEG"))
    assert not formats.is_raw(SimpleNamespace(format=""))
    assert formats.raw_format_name("/photos/IMG_0001.Cr3") == "CR3"
    assert {"DNG", "CR2", "CR3", "NEF", "ARW", "ORF", "RAF", "RW2", "PEF", "SRW"} <= formats.RAW_FORMATS
    assert formats.RAW_EXTENSIONS.isdisjoint(formats.pillow_extensions())


def test_skipped_summary() -> None:
    assert formats.skipped_summary({}) == ""
    assert (
        formats.skipped_summary({"xcf": 12, "mp4": 400})
        == "412 files skipped as unsupported: .mp4 400, .xcf 12"
    )
    assert formats.skipped_summary({"": 1}) == "1 file skipped as unsupported: (no extension) 1"
    many = {f"x{k}": 10 - k for k in range(10)}
    text = formats.skipped_summary(many, limit=3)
    assert text == "55 files skipped as unsupported: .x0 10, .x1 9, .x2 8, 7 more types"


# -- the list kept in the user cache ----------------------------------------------------------------
def _fresh() -> None:
    formats.pillow_extensions.cache_clear()
    formats.image_extensions.cache_clear()


def _cache_files(home: Path) -> list[Path]:
    return sorted((home / "cache").glob("pillow_extensions-*.json"))


def test_cached_list_is_the_one_computed_from_the_full_registry(isolated_home: Path) -> None:
    _fresh()
    computed = formats.pillow_extensions()  # nothing cached yet: computed and kept
    assert computed == formats.registry_extensions()
    (kept,) = _cache_files(isolated_home)
    # A new process reads it back without loading a single Pillow plugin, and gets the same list.
    code = (
        "import json, sys\n"
        "from dupe_viewer.core.files import formats\n"
        "exts = dict(formats.pillow_extensions())\n"
        "loaded = sorted(m for m in sys.modules if m.endswith('ImagePlugin') or m.startswith('pillow_'))\n"
        "print(json.dumps([exts, loaded, dict(formats.registry_extensions())]))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    res = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=REPO, timeout=60
    )
    assert res.returncode == 0, res.stderr
    cached, loaded, recomputed = json.loads(res.stdout)
    assert loaded == []
    assert cached == computed == recomputed
    assert _cache_files(isolated_home) == [kept]


def test_a_damaged_or_foreign_cache_file_is_computed_again(isolated_home: Path) -> None:
    _fresh()
    expected = dict(formats.pillow_extensions())
    (kept,) = _cache_files(isolated_home)
    for damage in ("{not json", "[]", '{"key": [], "extensions": {"jpg": "JPEG"}}', ""):
        kept.write_text(damage)
        _fresh()
        assert dict(formats.pillow_extensions()) == expected
        assert json.loads(kept.read_text())["extensions"] == expected  # written again
    data = json.loads(kept.read_text())
    data["extensions"]["mp4"] = "MPEG"  # not a scanned format: never believed
    kept.write_text(json.dumps(data))
    _fresh()
    assert dict(formats.pillow_extensions()) == expected


def test_the_cache_key_follows_the_rules_and_the_installed_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    key = formats._registry_key()
    assert key is not None
    packages = {entry[0]: entry for entry in key[4:]}
    assert set(packages) == {"PIL", "pillow_heif", "pillow_jxl"}
    assert packages["PIL"][3] == [f"pillow-{Image.__version__}.dist-info"]  # the installed version
    monkeypatch.setattr(formats, "LEFT_OUT_EXTENSIONS", {**formats.LEFT_OUT_EXTENSIONS, "jpe": "test"})
    assert formats._registry_key() != key
    monkeypatch.undo()
    real_find_spec = importlib.util.find_spec

    def without_jxl(name: str) -> object:
        return None if name == "pillow_jxl" else real_find_spec(name)

    monkeypatch.setattr(formats.importlib.util, "find_spec", without_jxl)
    assert formats._registry_key() not in (None, key)  # the plugin was removed


def test_a_package_that_cannot_be_examined_disables_the_cache(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_stat = os.stat

    def stat(path: str, *args: object, **kwargs: object) -> os.stat_result:
        if "pillow_heif" in str(path):
            raise PermissionError(path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(formats.os, "stat", stat)
    assert formats._registry_key() is None
    _fresh()
    assert dict(formats.pillow_extensions()) == formats.registry_extensions()
    assert _cache_files(isolated_home) == []
    _fresh()


def test_a_plugin_that_failed_to_load_is_not_cached(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(formats, "register_plugins", lambda: ("pillow-heif",))  # JPEG XL "failed"
    assert not formats._plugins_complete()
    _fresh()
    formats.pillow_extensions()
    assert _cache_files(isolated_home) == []
    _fresh()
