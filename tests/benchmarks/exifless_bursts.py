"""Bursts without EXIF: are their frames similar shots, or copies pre-marked for the trash?

    python tests/benchmarks/exifless_bursts.py CORPUS [--quality 90] [--out FILE.json]
    python tests/benchmarks/exifless_bursts.py --photos ../shared/photos --bursts 4   # no corpus

CORPUS is a dev corpus written by ``make_corpus.py`` (``truth.json`` inside). Its bursts
(:mod:`hard_cases`) carry the camera's EXIF, which alone makes their frames shots
(:mod:`dupe_viewer.core.group.moments`). Here every frame of every burst is re-saved without
EXIF (JPEG at ``--quality``, as a messenger or an export leaves it) into one folder (with
``--photos``, ``--bursts`` new bursts are made from those photos by :func:`hard_cases.burst`
instead), which is
scanned hash-only twice in this run: with the pixel test as it is (:mod:`..core.match.parallax`)
and, as the baseline, without its whole-picture rule (only content that moved in several ways
makes another moment). Prints, for both: frames grouped, frames shown as copies (labelled exact,
near or edited), frames pre-marked for the trash, bursts whose sharp frame is suggested.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

from PIL import Image

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.group.reasons import relations, suggestion
from dupe_viewer.core.match import parallax
from dupe_viewer.core.result import COPY_KINDS


def write_frames(corpus: Path, out: Path, quality: int) -> dict[str, tuple[int, bool]]:
    """Every burst frame, re-saved without EXIF: file name -> (burst number, the sharp frame)."""
    truth = json.loads((corpus / "truth.json").read_text())
    frames: dict[str, tuple[int, bool]] = {}
    bursts = [s for s in truth["similar_sets"] if s["kind"] == "burst"]
    for b, s in enumerate(bursts):
        for k, rel in enumerate(s["files"]):
            name = f"burst{b:02d}_{k}.jpg"
            with Image.open(corpus / rel) as im:
                im.convert("RGB").save(out / name, quality=quality)  # no exif= : stripped
            frames[name] = (b, rel == s["best"])
    return frames


def make_frames(photos: Path, n: int, out: Path, quality: int, seed: int = 0) -> dict[str, tuple[int, bool]]:
    """``n`` bursts of photos under ``photos`` (scenes and moving subjects), saved without EXIF."""
    from tests.benchmarks.hard_cases import burst

    rng = random.Random(seed)
    paths = sorted(p for p in photos.rglob("*") if p.suffix.lower() in (".jpg", ".jpeg", ".png"))
    rng.shuffle(paths)
    usable = (im for im in map(_opened, paths) if im is not None)
    frames: dict[str, tuple[int, bool]] = {}
    for b in range(n):
        scene, donor = next(usable), next(usable)
        shots, sharp = burst(scene, donor, rng)
        for k, im in enumerate(shots):
            name = f"burst{b:02d}_{k}.jpg"
            im.save(out / name, quality=quality)
            frames[name] = (b, k == sharp)
    return frames


def _opened(path: Path) -> Image.Image | None:
    """The photo, at most 1024 px; None for a broken file or one too small for a scene (the
    shared photos hold deliberately corrupt ones)."""
    try:
        with Image.open(path) as im:
            im = im.convert("RGB")
    except (OSError, ValueError):
        return None
    if min(im.size) < 300:
        return None
    im.thumbnail((1024, 1024))
    return im


def measure(folder: Path, frames: dict[str, tuple[int, bool]]) -> dict[str, int]:
    result = run_scan([folder], ScanOptions(use_cache=False, deep=False, workers=1))
    assert result is not None
    grouped = as_copy = marked = sharp_kept = 0
    bursts_grouped: set[int] = set()
    for g in result.groups:
        rels = relations(g)
        keep_name = Path(result.records[g.keep].path).name
        for m in g.members:
            name = Path(result.records[m.index].path).name
            grouped += 1
            bursts_grouped.add(frames[name][0])
            if m.index != g.keep and rels[m.index] in COPY_KINDS:
                as_copy += 1
            if suggestion(g, m.index, (), result.records, rels) == "trash":
                marked += 1
        sharp_kept += frames[keep_name][1]
    return {
        "frames": len(frames),
        "grouped": grouped,
        "as_copy": as_copy,
        "pre_marked": marked,
        "bursts": len({b for b, _ in frames.values()}),
        "bursts_grouped": len(bursts_grouped),
        "sharp_kept": sharp_kept,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", type=Path, nargs="?")
    ap.add_argument("--photos", type=Path, help="make new bursts from these photos instead")
    ap.add_argument("--bursts", type=int, default=4, help="with --photos: how many")
    ap.add_argument("--quality", type=int, default=90)
    ap.add_argument("--out", type=Path, help="write the figures here as JSON")
    args = ap.parse_args(argv)
    if (args.corpus is None) == (args.photos is None):
        ap.error("give a CORPUS or --photos")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.photos is not None:
            frames = make_frames(args.photos, args.bursts, folder, args.quality)
        else:
            frames = write_frames(args.corpus, folder, args.quality)
        now = measure(folder, frames)
        saved = parallax.MIN_AGREEING
        parallax.MIN_AGREEING = 10**9  # the baseline: no whole-picture rule
        try:
            before = measure(folder, frames)
        finally:
            parallax.MIN_AGREEING = saved
    print(f"{now['frames']} burst frames of {now['bursts']} bursts, re-saved without EXIF (q{args.quality})")
    print(f"{'':28s}{'grouped':>9s}{'as copies':>11s}{'pre-marked':>12s}{'sharp kept':>12s}")
    for label, r in (("without the whole-move rule", before), ("with it (today)", now)):
        kept = f"{r['sharp_kept']}/{r['bursts_grouped']}"
        print(f"{label:28s}{r['grouped']:9d}{r['as_copy']:11d}{r['pre_marked']:12d}{kept:>12s}")
    if args.out:
        args.out.write_text(json.dumps({"before": before, "now": now}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
