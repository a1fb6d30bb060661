"""End-to-end benchmark on many real-sized files: discovery, cold scan, warm rescan, regroup.

    python tests/benchmarks/e2e.py [--files 10000] [--size 640] [--photos PATH] [--out DIR] [--keep]

Makes ``--files`` small JPEGs (``--size`` px wide, 640 by default) from ../shared/photos:
random crops, scales, colour and noise of the ~500 photos, so most files are distinct and some
are near copies, in nested folders. Then times, in one process with an empty cache dir:
discovery alone, a cold scan (hash-only), a warm rescan (nothing changed), a rescan with 1 % new
files, and regrouping at three thresholds. Figures are
printed, nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
from PIL import Image, ImageEnhance

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from dupe_viewer.core import FeatureCache, ScanOptions, regroup, run_scan
from dupe_viewer.core.files.discovery import discover

DEFAULT_PHOTOS = HERE.parents[2] / "shared" / "photos"


def generate(out: Path, count: int, photos: Path, seed: int = 0, size: int = 640) -> None:
    rng = np.random.default_rng(seed)
    sources = sorted(p for p in photos.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    images = []
    for p in sources:
        try:
            with Image.open(p) as im:
                rgb = im.convert("RGB")
                if size < 640:
                    # Small files for file-count benchmarks: cheaper crops to make 100k of them.
                    rgb.thumbnail((4 * size, 4 * size))
                images.append(rgb)
        except OSError:
            continue
    for i in range(count):
        im = images[int(rng.integers(len(images)))]
        w, h = im.size
        fx, fy = rng.uniform(0.5, 1.0, 2)
        cw, ch = max(16, int(w * fx)), max(16, int(h * fy))
        x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
        tile = im.crop((x, y, x + cw, y + ch)).resize((size, int(size * ch / cw) or 1))
        tile = ImageEnhance.Color(tile).enhance(float(rng.uniform(0.6, 1.4)))
        folder = out / f"{i % 37:02d}" / f"{i % 11:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        tile.save(folder / f"img_{i:06d}.jpg", quality=int(rng.integers(70, 95)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=10000)
    ap.add_argument("--size", type=int, default=640, help="width of the generated JPEGs")
    ap.add_argument("--photos", default=str(DEFAULT_PHOTOS))
    ap.add_argument("--out", help="where to write the files (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    args = ap.parse_args()
    out = Path(args.out) if args.out else Path(tempfile.mkdtemp(prefix="dv_e2e_"))
    try:
        if not any(out.rglob("*.jpg")):
            t = time.perf_counter()
            generate(out, args.files, Path(args.photos), size=args.size)
            print(f"generated {args.files} files in {time.perf_counter() - t:.1f} s", file=sys.stderr)
        t = time.perf_counter()
        n = sum(1 for e in discover([out]) if hasattr(e, "size"))
        t_disc = time.perf_counter() - t
        opts = ScanOptions(deep=False)
        with tempfile.TemporaryDirectory() as cache_dir, FeatureCache(Path(cache_dir) / "c.sqlite3") as cache:
            t = time.perf_counter()
            cold = run_scan([out], opts, cache=cache)
            t_cold = time.perf_counter() - t
            t = time.perf_counter()
            warm = run_scan([out], opts, cache=cache)
            t_warm = time.perf_counter() - t
            # 1 % new files: only they are decoded and matched against everything.
            extra = out / "new_files"
            shutil.rmtree(extra, ignore_errors=True)
            generate(extra, max(1, n // 100), Path(args.photos), seed=1, size=args.size)
            t = time.perf_counter()
            grown = run_scan([out], opts, cache=cache)
            t_grown = time.perf_counter() - t
            shutil.rmtree(extra, ignore_errors=True)
        assert cold is not None and warm is not None
        times = []
        for thr in (0.6, 0.8, 0.65):
            t = time.perf_counter()
            regroup(warm, replace(warm.grouping, threshold=thr))
            times.append(time.perf_counter() - t)
        print(f"files {n}  cores {os.cpu_count()}")
        print(f"discovery          {t_disc:8.2f} s")
        ms = 1000 * t_cold / n
        print(f"cold scan          {t_cold:8.2f} s  ({ms:.1f} ms/file, {cold.stats.decoded} decoded)")
        s = warm.stats
        print(
            f"warm rescan        {t_warm:8.2f} s  ({s.decoded} decoded, {s.from_cache} from cache, "
            f"{s.matched} matched, {s.pairs_reused} pairs reused)"
        )
        g = grown.stats
        print(f"+1 % new files     {t_grown:8.2f} s  ({g.decoded} decoded, {g.matched} matched)")
        worst = 1000 * max(times)
        print(f"regroup            {worst:8.1f} ms (worst of 3 thresholds), {len(warm.pairs)} pairs")
        print(f"groups             {len(cold.groups)}")
    finally:
        if not args.keep and not args.out:
            shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
