"""Tests that decoding loads Pillow's plugins (and HEIF, JPEG XL) on its first file, not on import,
and that loading them late changes nothing: the same openers, tried in the same order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[3]

#: Prints which plugins are loaded after importing decoding, then Pillow's opener order after
#: ``how`` (the first decode, or the eager registration decoding used to do on import).
PROBE = """
import json, sys
from dupe_viewer.core.features import decoding
from dupe_viewer.core.files import formats
from PIL import Image
on_import = sorted(m for m in sys.modules if m.endswith("ImagePlugin") or m.startswith("pillow_"))
if sys.argv[1] == "decode":
    decoding.decode(sys.argv[2])
else:
    formats.register_plugins()
print(json.dumps([on_import, list(Image.ID), decoding.HEIF_SUPPORTED]))
"""


def _probe(how: str, image: Path) -> tuple[list[str], list[str], bool]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    res = subprocess.run(
        [sys.executable, "-c", PROBE, how, str(image)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    on_import, order, heif = json.loads(res.stdout)
    return on_import, order, heif


def test_plugins_load_on_the_first_decode_in_the_order_they_always_had(tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    Image.new("RGB", (64, 48), (200, 10, 10)).save(image)
    on_import, lazy_order, heif = _probe("decode", image)
    assert on_import == []  # importing the decoder loads no format plugin
    _, eager_order, _ = _probe("eager", image)
    assert lazy_order == eager_order
    assert {"JPEG", "PNG", "TIFF", "HEIF", "JXL"} <= set(lazy_order)
    assert heif is True


def test_workers_set_one_decoder_thread_when_the_plugin_loads_later(tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    Image.new("RGB", (64, 48)).save(image)
    code = (
        "import sys\n"
        "from dupe_viewer.core.features import decoding\n"
        "decoding.single_threaded()\n"
        "assert 'pillow_jxl' not in sys.modules\n"
        "decoding.decode(sys.argv[1])\n"
        "from pillow_jxl import JpegXLImagePlugin\n"
        "print(JpegXLImagePlugin.DECODE_THREADS)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    res = subprocess.run(
        [sys.executable, "-c", code, str(image)],
        capture_output=True,
        text=True,
        env=env,
        cwd=REPO,
        timeout=60,
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.split() == ["1"]
