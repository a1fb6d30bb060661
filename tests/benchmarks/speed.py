"""Speed benchmark: the engine's cold and warm scans against a naive baseline, in one run.

    python tests/benchmarks/speed.py [CORPUS_DIR] [--smoke] [--workers N]

CORPUS_DIR defaults to a speed corpus made on the fly (make_speed_corpus.py, 90 camera-sized
4000×3000 JPEGs) in a temporary folder. Figures are printed; nothing is asserted (this is a
benchmark, not a test). ``--smoke`` makes a tiny corpus (8 files of 1200×900) so CI can run the
script in seconds and it cannot rot.

What is compared, on the same files after one untimed pass that puts them in the OS page cache
(so both sides measure computation, not the disk):

- **baseline**: what a simple script does: full-resolution decode + ``imagehash.phash``, one
  process.
- **engine cold**: ``run_scan`` with an empty feature cache (discovery, content hashing, DCT-scaled
  decode, 8-orientation hashes, matching, grouping) on all cores.
- **engine warm**: the same scan again; everything comes from the cache.
- with ``--model FILE`` (e.g. ``../shared/models/SqueezeNet_fp16.onnx``): **deep cold**, a cold
  scan with deep similarity, to show what embedding adds per image over hash-only.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1]))

import imagehash
from PIL import Image

from dupe_viewer.core import FeatureCache, ScanOptions, run_scan
from dupe_viewer.core.files.discovery import discover


def baseline(paths: list[str]) -> float:
    t = time.perf_counter()
    for p in paths:
        with Image.open(p) as im:
            imagehash.phash(im.convert("RGB"))
    return time.perf_counter() - t


def make_smoke_corpus(out: Path) -> None:
    import numpy as np

    rng = np.random.default_rng(0)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(6):
        base = rng.integers(0, 255, (9, 12, 3), dtype=np.uint8)
        im = Image.fromarray(base).resize((1200, 900), Image.Resampling.BICUBIC)
        im.save(out / f"img{i}.jpg", quality=90)
    im.save(out / "copy.jpg", quality=70)
    (out / "exact.jpg").write_bytes((out / "img0.jpg").read_bytes())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", help="folder of images (default: generate a speed corpus)")
    ap.add_argument("--smoke", action="store_true", help="tiny generated corpus, for CI")
    ap.add_argument("--workers", type=int, default=0, help="engine worker processes (0: all cores)")
    ap.add_argument("--count", type=int, default=90, help="files to generate when no corpus is given")
    ap.add_argument("--model", help="an ONNX model file: also time a cold deep scan (installed in a tmp dir)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        if args.corpus:
            corpus = Path(args.corpus)
        elif args.smoke:
            corpus = tmp_path / "corpus"
            make_smoke_corpus(corpus)
        else:
            corpus = tmp_path / "corpus"
            import subprocess

            print(f"generating {args.count} camera-sized JPEGs ...", file=sys.stderr)
            subprocess.run(
                [sys.executable, str(HERE / "make_speed_corpus.py"), str(corpus), "--count", str(args.count)],
                check=True,
            )
        paths = [e.path for e in discover([corpus]) if hasattr(e, "size")]
        size_mb = sum(os.path.getsize(p) for p in paths) / 1e6
        for p in paths:  # untimed: bring every file into the page cache
            Path(p).read_bytes()
        with Image.open(paths[0]) as im:
            dims = f"{im.width}×{im.height}"
        print(f"corpus: {corpus}  files: {len(paths)}  ({size_mb:.0f} MB, first is {dims})")
        print(f"cores: {os.cpu_count()}  engine workers: {args.workers or os.cpu_count()}")

        t_base = baseline(paths)
        opts = ScanOptions(workers=args.workers, deep=False)
        with FeatureCache(tmp_path / "cache.sqlite3") as cache:
            t = time.perf_counter()
            cold = run_scan([corpus], opts, cache=cache)
            t_cold = time.perf_counter() - t
            t = time.perf_counter()
            warm = run_scan([corpus], opts, cache=cache)
            t_warm = time.perf_counter() - t
        t_deep = None
        if args.model:
            os.environ["DUPE_VIEWER_HOME"] = str(tmp_path / "home")
            from dupe_viewer.core.deep import installed as model_registry

            model_registry.install_from_file(args.model)
            with FeatureCache(tmp_path / "cache-deep.sqlite3") as cache:
                t = time.perf_counter()
                deep = run_scan([corpus], ScanOptions(workers=args.workers, deep=True), cache=cache)
                t_deep = time.perf_counter() - t
            assert deep is not None and deep.deep["enabled"]
        assert cold is not None and warm is not None
        n = len(paths)
        print(f"{'':22}{'seconds':>9}{'ms/file':>10}{'files/s':>9}")
        for name, secs in (
            ("baseline (full+phash)", t_base),
            ("engine cold", t_cold),
            ("engine warm", t_warm),
        ):
            print(f"{name:22}{secs:9.2f}{1000 * secs / n:10.1f}{n / secs:9.1f}")
        print(f"cold speed-up vs baseline: {t_base / t_cold:.1f}×   (target ≥ 4×)")
        print(f"warm speed-up vs cold:     {t_cold / t_warm:.1f}×   (target ≥ 20×)")
        if t_deep is not None:
            print(f"deep similarity adds {1000 * (t_deep - t_cold) / n:.1f} ms per image to a cold scan")
        print(
            f"cold scan: {cold.stats.decoded} decoded, {cold.stats.copies} identical copies skipped, "
            f"{len(cold.groups)} groups; warm scan: {warm.stats.decoded} decoded, "
            f"{warm.stats.from_cache} from cache"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
