"""Tests for dupe_viewer.core.files.formats: the extensions come from Pillow's registry and its
plugins plus rawpy's RAW formats; what is left out is left out for a stated reason."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PIL import Image

from dupe_viewer.core.files import discovery, formats


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
