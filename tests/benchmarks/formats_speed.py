"""Decode time of camera RAW (through its preview or demosaiced) and JPEG XL next to a JPEG.

    python tests/benchmarks/formats_speed.py [--megapixels 24] [--out /tmp/formats_speed]

Writes, from one generated picture, a camera JPEG, three DNGs (a full-size preview, a 1616-px
preview like Sony's, no preview) built by ``tests/camera_files.py``, and a JPEG XL, then prints
the best of three ``decoding.decode`` calls (the scan's 384-px working image) for each.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PIL import Image

from dupe_viewer.core.features import decoding
from tests import camera_files
from tests.library import photo


def best_ms(path: Path, runs: int = 3) -> float:
    decoding.decode(path)  # warm: the file in the page cache, the libraries loaded
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        decoding.decode(path)
        times.append(time.perf_counter() - t)
    return min(times) * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--megapixels", type=float, default=24)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    out = args.out or Path(tempfile.mkdtemp(prefix="formats_speed_"))
    out.mkdir(parents=True, exist_ok=True)
    h = int((args.megapixels * 1e6 / 1.5) ** 0.5) // 2 * 2
    w = h * 3 // 2
    pic = photo(3, (600, 400)).resize((w, h), Image.Resampling.BICUBIC)
    files = {
        "camera JPEG (q90)": ("shot.jpg", camera_files.jpeg(pic, 90)),
        "DNG, full-size preview": ("full.dng", camera_files.dng(pic, camera_files.jpeg(pic, 90))),
        "DNG, 1616 px preview": (
            "sony.dng",
            camera_files.dng(pic, camera_files.jpeg(pic.resize((1616, 1077)), 85)),
        ),
        "DNG, no preview (half-size demosaic)": ("bare.dng", camera_files.dng(pic, None)),
    }
    for name, data in files.values():
        (out / name).write_bytes(data)
    pic.save(out / "shot.jxl", "JXL", quality=85)
    files["JPEG XL (q85)"] = ("shot.jxl", b"")
    print(f"{w}×{h} ({w * h / 1e6:.0f} MP), files in {out}")
    for label, (name, _) in files.items():
        print(f"{label:40s} {best_ms(out / name):7.0f} ms")


if __name__ == "__main__":
    main()
