"""Generate camera-sized JPEGs for speed benchmarks.

    python tests/benchmarks/make_speed_corpus.py OUT_DIR [--count 90] [--photos PATH] [--seed S]
                                                 [--jobs N] [--force]

The shared photos are small (mostly 481x321), so decoding them says little about real folders of
12-megapixel camera JPEGs. Each file here is a shared photo cropped to 4:3, upscaled to 4000x3000,
given mild per-pixel noise (uniform, +-5 grey levels, so that it does not compress like a smooth
upscale would) and saved at quality 90: ~1.5-2.5 MB files that take about as long to decode as
camera photos of the same size (decode time depends on pixel count far more than on content).

About one file in nine is a copy of another so that a scan has something to find: exact byte
copies, recompressed copies (quality 75) and half-size copies. ``OUT_DIR/truth.json`` uses the
same format as make_corpus.py, so quality.py can score it too.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from make_corpus import DEFAULT_PHOTOS, pick_sources, prepare_out_dir  # sibling script (sys.path[0])
from PIL import Image

SIZE = (4000, 3000)
QUALITY = 90
#: Noise amplitude in grey levels (uniform in [-NOISE, NOISE]).
NOISE = 5
#: One file in COPY_EVERY is a copy (exact or near) of another.
COPY_EVERY = 9


def _camera_jpeg(src_path: str, seed: int) -> bytes:
    """Crop to 4:3, upscale to 4000x3000, add mild noise, encode at quality 90."""
    rng = np.random.default_rng(seed)
    with Image.open(src_path) as im:
        im = im.convert("RGB")
    w, h = im.size
    # Largest 4:3 box at a random position: the photos are 3:2, so a little of one side goes.
    cw, ch = (w, round(w * 3 / 4)) if w * 3 <= h * 4 else (round(h * 4 / 3), h)
    x, y = int(rng.integers(0, w - cw + 1)), int(rng.integers(0, h - ch + 1))
    big = im.crop((x, y, x + cw, y + ch)).resize(SIZE, Image.Resampling.BICUBIC)
    # Uniform integer noise in [-5, 5] (sigma ~3.2) done in uint8: float arrays of 36 M values
    # were several times slower. Clipping to [5, 250] first keeps the sum from wrapping around.
    pixels = np.asarray(big).copy()
    np.clip(pixels, 5, 250, out=pixels)
    pixels += rng.integers(0, 2 * NOISE + 1, size=pixels.shape, dtype=np.uint8)
    pixels -= NOISE
    buf = io.BytesIO()
    Image.fromarray(pixels, "RGB").save(buf, "JPEG", quality=QUALITY)
    return buf.getvalue()


def _near_copy(data: bytes, kind: str) -> bytes:
    with Image.open(io.BytesIO(data)) as im:
        im = im.convert("RGB")
    if kind == "downscale":
        im = im.resize((SIZE[0] // 2, SIZE[1] // 2), Image.Resampling.LANCZOS)
        quality = 88
    else:
        quality = 75
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def make_speed_corpus(out: Path, photos: Path, count: int, seed: int, jobs: int) -> dict[str, Any]:
    """Write ``count`` files and truth.json into ``out`` (which must exist and be empty)."""
    rng = random.Random(seed)
    n_copies = count // COPY_EVERY
    n_unique = count - n_copies
    sources, _ = pick_sources(photos, n_unique, 0, rng)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        # One seed per file, so the output does not depend on --jobs.
        originals = list(
            pool.map(
                _camera_jpeg, [str(s.path) for s in sources], [seed * 100_003 + i for i in range(n_unique)]
            )
        )

    groups: dict[int, dict[str, Any]] = {}
    names: list[str] = []
    for i, (src, data) in enumerate(zip(sources, originals, strict=True)):
        rel = f"DCIM/{100 + i // 50}CAMERA/IMG_{1000 + i:04d}.JPG"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
        names.append(rel)
        groups[i] = {"base": src.rel, "files": [{"path": rel, "kind": "original"}]}

    kinds = ("exact", "recompress", "downscale")
    for j, i in enumerate(rng.sample(range(n_unique), n_copies)):
        kind = kinds[j % len(kinds)]
        data = originals[i] if kind == "exact" else _near_copy(originals[i], kind)
        rel = f"backup/{2015 + j % 5}/{Path(names[i]).stem}_{kind}.jpg"
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_bytes(data)
        groups[i]["files"].append({"path": rel, "kind": kind})

    truth = {
        "version": 1,
        "seed": seed,
        "generator": "tests/benchmarks/make_speed_corpus.py",
        "groups": [g for g in groups.values() if len(g["files"]) > 1],
        # Photos without a copy are the distractors of this corpus.
        "distractors": [g["files"][0]["path"] for g in groups.values() if len(g["files"]) == 1],
        "hard_negatives": [],
    }
    (out / "truth.json").write_text(json.dumps(truth, indent=1), encoding="utf-8")
    return truth


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="folder to create (must be empty or absent)")
    ap.add_argument("--count", type=int, default=90, help="number of files (default 90)")
    ap.add_argument(
        "--photos", type=Path, default=DEFAULT_PHOTOS, help=f"shared photos (default {DEFAULT_PHOTOS})"
    )
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument(
        "--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes (default 2)"
    )
    ap.add_argument("--force", action="store_true", help="replace an existing corpus in OUT")
    args = ap.parse_args(argv)
    if not args.photos.is_dir():
        raise SystemExit(f"photos folder not found: {args.photos}")
    prepare_out_dir(args.out, args.force)
    t0 = time.perf_counter()
    truth = make_speed_corpus(args.out, args.photos, args.count, args.seed, max(1, args.jobs))
    n_files = sum(len(g["files"]) for g in truth["groups"]) + len(truth["distractors"])
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(
        f"wrote {n_files} files ({size / 1e6:.0f} MB, {len(truth['groups'])} groups with copies) "
        f"to {args.out} in {time.perf_counter() - t0:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
