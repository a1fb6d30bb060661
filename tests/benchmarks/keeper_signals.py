"""How well the keeper's upscale evidence separates enlargements from genuine larger originals.

    python tests/benchmarks/keeper_signals.py CORPUS_DIR

For every base of a dev corpus (``make_corpus.py``) it measures the top-band detail
(:func:`dupe_viewer.core.features.fidelity.detail`) of the files, then compares pairs the keeper
must tell apart: an ``upscale`` against its ``original`` (the larger file is an enlargement: its
detail should be far below), and every same-size copy against the ``downscale`` (the larger file
is genuine: its detail should be about the same). It prints both distributions and, for the
threshold the keeper uses (:data:`dupe_viewer.core.group.keeper.UPSCALED`) and a few others, the
share of enlargements missed and of genuine files taken for enlargements.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageOps

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.features import fidelity
from dupe_viewer.core.group import keeper

SAME_SIZE_KINDS = (
    "original",
    "mirror",
    "rot90",
    "rot180",
    "rot270",
    "colour",
    "brightness",
    "contrast",
    "exif_rotation",
    "format",
    "recompress",
    "blur_noise",
    "overlay",
)


def top(path: Path) -> float:
    with Image.open(path) as im:
        rgb = ImageOps.exif_transpose(im).convert("RGB")
    return fidelity.detail(rgb, native=True).top


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    args = ap.parse_args(argv)
    truth = json.loads((args.corpus / "truth.json").read_text(encoding="utf-8"))
    enlarged: list[float] = []
    genuine: list[float] = []
    for group in truth["groups"]:
        files = {f["kind"]: args.corpus / f["path"] for f in group["files"]}
        tops = {
            kind: top(path)
            for kind, path in files.items()
            if kind in (*SAME_SIZE_KINDS, "upscale", "downscale")
        }
        if "upscale" in tops:
            enlarged.append(tops["upscale"] - tops["original"])
        if "downscale" in tops:
            genuine += [tops[k] - tops["downscale"] for k in SAME_SIZE_KINDS if k in tops]
    pct = (0, 5, 25, 50, 75, 95, 100)
    for name, values in (("upscale vs its original", enlarged), ("same-size copy vs downscale", genuine)):
        v = np.array(values)
        print(f"{name:<30} n={len(v):<4} percentiles {pct}: {np.round(np.percentile(v, pct), 2).tolist()}")
    e, g = np.array(enlarged), np.array(genuine)
    for thr in sorted({keeper.UPSCALED, -0.5, -0.6, -0.8, -0.9}):
        mark = "  <- keeper.UPSCALED" if thr == keeper.UPSCALED else ""
        print(
            f"threshold {thr:5.2f}: enlargements missed {np.mean(e >= thr):6.1%}   "
            f"genuine taken for enlargements {np.mean(g < thr):6.1%}{mark}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
