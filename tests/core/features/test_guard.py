"""Hostile files at decode: nothing escapes as an exception, nothing blocks, nothing floods memory."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from dupe_viewer.core.errors import DecodeError
from dupe_viewer.core.features import decoding, guard, pool
from tests.benchmarks import hostile

POSIX = os.name == "posix"


def decode_error(path: Path, timeout: float = 20.0) -> str:
    """The DecodeError reason for ``path``; fails if decode raises anything else, succeeds, or
    does not return within ``timeout`` (a blocked open)."""
    out: dict[str, BaseException | str] = {}

    def run() -> None:
        try:
            decoding.decode(path)
            out["result"] = "decoded"
        except DecodeError as exc:
            out["result"] = str(exc)
        except BaseException as exc:
            out["result"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(timeout)
    assert not t.is_alive(), f"decode({path.name}) still running after {timeout} s"
    result = out["result"]
    assert isinstance(result, str), f"{path.name}: {result!r} escaped"
    assert result != "decoded", f"{path.name} decoded"
    return result


@pytest.mark.parametrize("case", hostile.text_chunk_bombs(), ids=lambda c: c.name)
def test_text_and_profile_chunk_bombs_are_refused(tmp_path: Path, case: hostile.Case) -> None:
    reason = decode_error(case.write(tmp_path))
    assert "metadata" in reason and "limit" in reason


def test_any_decoder_exception_becomes_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A corrupt AVIF makes the plugin raise RuntimeError at load; a corrupt TIFF ValueError at
    open. Whatever a plugin raises, it is one file's problem."""
    path = tmp_path / "x.png"
    Image.new("RGB", (40, 30), "red").save(path)
    monkeypatch.setattr(
        Image.Image, "load", lambda self: (_ for _ in ()).throw(RuntimeError("Failed to decode"))
    )
    assert decode_error(path) == "corrupt image data (Failed to decode)"
    monkeypatch.undo()
    monkeypatch.setattr(
        decoding.Image, "open", lambda fp: (_ for _ in ()).throw(ValueError("Invalid dimensions"))
    )
    assert decode_error(path) == "corrupt image data (Invalid dimensions)"


def test_analysis_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "x.png"
    Image.new("RGB", (40, 30), "red").save(path)

    def explode(*args: object, **kwargs: object) -> None:
        raise KeyError("a bug in a decoder we did not foresee")

    monkeypatch.setattr(decoding, "decode", explode)
    out = pool.analyse(str(path), pool.WorkerConfig())
    assert out.error is not None and "KeyError" in out.error


@pytest.mark.skipif(not POSIX, reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "photo.jpg"
    os.mkfifo(fifo)
    assert decode_error(fifo, timeout=5) == "not a regular file: a named pipe (FIFO)"


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "photo.jpg"
    link.symlink_to("/dev/zero")
    assert decode_error(link, timeout=5) == "not a regular file: a character device"


def test_declared_huge_images_are_refused_before_decoding(tmp_path: Path) -> None:
    reasons = {
        c.name: decode_error(c.write(tmp_path))
        for c in hostile.huge_declarations()
        if c.name != "huge_jpeg.jpg"
    }
    # The lossless WebP is under the pixel limit but its raster would not fit the budget.
    assert reasons["huge_webp.webp"].startswith("too large to decode safely: 16383×16383")
    assert "GB of memory (limit 1.0 GB)" in reasons["huge_webp.webp"]
    for name in ("huge_gif.gif", "huge_bmp.bmp", "huge_png_wide.png"):
        # The app's limit, not Pillow's (twice ours).
        assert "decompression bomb" in reasons[name] and "(limit 300)" in reasons[name], reasons[name]
        assert "600000000" not in reasons[name]


def test_budget_counts_pillow_storage() -> None:
    assert guard.bytes_per_pixel("RGB") == 4  # Pillow stores RGB as 4 bytes a pixel
    assert guard.bytes_per_pixel("I;16") == 2 and guard.bytes_per_pixel("L") == 1
    with pytest.raises(DecodeError, match="too large to decode safely"):
        guard.check_budget(Image.new("L", (64, 64)), budget=4000)
    guard.check_budget(Image.new("L", (64, 64)), budget=4096)
    with pytest.raises(DecodeError, match="2000×1000 = 2 megapixels"):
        guard.check_pixels(Image.new("L", (2000, 1000)), max_pixels=1_000_000)


@pytest.mark.parametrize("mode", ["RGB", "RGBA", "L", "I;16", "F", "P"])
def test_strip_conversion_equals_converting_the_whole_image(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = np.random.default_rng(1)
    base = rng.integers(0, 256, (301, 257, 4), dtype=np.uint8)
    im = {
        "RGB": Image.fromarray(base[..., :3]),
        "RGBA": Image.fromarray(base),
        "L": Image.fromarray(base[..., 0]),
        "I;16": Image.fromarray(base[..., 0].astype(np.uint16) * 257),
        "F": Image.fromarray(base[..., 0].astype(np.float32) / 255),
        "P": Image.fromarray(base[..., :3]).convert("P"),
    }[mode]
    monkeypatch.setattr(decoding, "STRIP_PIXELS", 257 * 20)  # many strips
    for factor in (1, 2, 3, 7):
        whole = decoding._to_rgb(im)
        whole = whole.reduce(factor) if factor > 1 else whole
        assert np.array_equal(np.asarray(decoding._reduced_rgb(im, factor)), np.asarray(whole))


def test_full_size_preview_of_a_huge_jpeg_is_reduced(tmp_path: Path) -> None:
    """A 693-byte JPEG declaring 17000×17000 took 4 GB in the full-size view."""
    path = hostile.Case("huge.jpg", hostile._jpeg_declaring(17000, 17000), "huge").write(tmp_path)
    im = decoding.display_image(path)
    assert im.width * im.height <= decoding.DISPLAY_MAX_PIXELS
    assert im.width > 4000  # still far more than a screen


def test_full_size_preview_keeps_normal_photos_whole(tmp_path: Path) -> None:
    path = tmp_path / "p.jpg"
    hostile.picture(3, (900, 600)).save(path, quality=90)
    assert decoding.display_image(path).size == (900, 600)


class RecordingGate:
    """A semaphore stand-in that records its turns."""

    def __init__(self) -> None:
        self.events: list[str] = []

    def acquire(self, timeout: float | None = None) -> bool:
        self.events.append("acquire")
        return True

    def release(self) -> None:
        self.events.append("release")


def test_large_decodes_take_turns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each file fits the budget, but workers decoding several huge files at once would not: a
    large decode holds the pool's shared turn, a normal one does not touch it."""
    gate = RecordingGate()
    monkeypatch.setattr(guard, "_gate", gate)
    monkeypatch.setattr(guard, "BIG_RASTER_BYTES", 1 << 20)
    small = tmp_path / "small.png"
    hostile.picture(1, (200, 150)).save(small)
    decoding.decode(small)
    assert gate.events == []
    (big,) = [c for c in hostile.pixel_floods(1) if "rgb" in c.name]  # 1 MP RGB: 4 MB of raster
    decoding.decode(big.write(tmp_path))
    assert gate.events == ["acquire", "release"]


def test_a_turn_never_taken_back_does_not_block_for_ever(monkeypatch: pytest.MonkeyPatch) -> None:
    class Held:
        def acquire(self, timeout: float | None = None) -> bool:
            assert timeout is not None  # a crashed worker may hold it: never wait unbounded
            return False

        def release(self) -> None:
            raise AssertionError("released a turn it did not get")

    monkeypatch.setattr(guard, "_gate", Held())
    monkeypatch.setattr(guard, "BIG_RASTER_BYTES", 0)
    with guard.large_decode_turn(Image.new("RGB", (10, 10))):
        pass


def test_workers_get_the_pool_gate() -> None:
    gate = RecordingGate()
    try:
        pool._init_worker(pool.WorkerConfig(), gate)
        assert guard._gate is gate
    finally:
        guard.set_gate(None)
        pool._state.clear()
