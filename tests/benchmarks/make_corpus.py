"""Generate the near-duplicate dev corpus (and its ground truth) from the shared photos.

    python tests/benchmarks/make_corpus.py OUT_DIR [--photos PATH] [--bases N] [--distractors N]
                                           [--halves N] [--seed S] [--small] [--force]

Each *base* photo is written once as-is (kind ``original``) plus a random subset of variant kinds
(see ``KINDS``); *distractors* are unrelated photos written once. For some bases the left and right
halves are also written: they are hard negatives (two different images that must not be grouped
with each other) and are neither duplicates nor non-duplicates of their photo. Every file gets a
random name in a random folder, so names and folders reveal nothing. ``OUT_DIR/truth.json``
records everything; ``dupe_viewer.evaluation`` scores a scan report against it.

The output is deterministic for a given seed, photo set and Pillow version. The photos are read
from ``--photos`` (default ``<repo>/../shared/photos``) and are never copied into the repository.

Only some photo folders are usable as bases: several others contain duplicates of each other
(pillow/hopper.* is one photo, coral/cat*, imagededup/ and most of caltech_resized/ are resized or
edited copies), which would make the truth wrong. Candidates are also checked against each other
with a perceptual hash so that two bases never look alike.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import imagehash
import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

REPO = Path(__file__).resolve().parents[2]
DEFAULT_PHOTOS = REPO.parent / "shared" / "photos"

#: Folders whose photos are all distinct scenes. caltech_resized is special-cased (see below).
BASE_FOLDERS = ("bsds500_train", "bsds500_val", "caltech_resized", "skimage")
#: motorcycle_right is the stereo partner of motorcycle_left: similar, but not a duplicate.
EXCLUDED = {"skimage/motorcycle_right.png"}
#: Below this many pixels on the short side a photo is too small to make useful variants from.
MIN_SIDE = 150
#: Two candidates whose pHashes differ by at most this many bits (of 64) are treated as the same
#: photo. Distinct BSDS photos are >= 14 bits apart; caltech's resized copies are 0-2 bits apart.
SAME_PHOTO_BITS = 10

KINDS = (
    "exact",
    "recompress",
    "downscale",
    "upscale",
    "format",
    "brightness",
    "contrast",
    "colour",
    "grayscale",
    "blur_noise",
    "rot90",
    "rot180",
    "rot270",
    "mirror",
    "exif_rotation",
    "border",
    "overlay",
    "crop_small",
    "crop_large",
    "tilt",
    "combo",
)
COMBO_OPS = ("downscale", "recompress", "brightness", "mirror", "border", "overlay")

#: Default sizes; --small gives a corpus that a CI smoke test scans in seconds.
DEFAULT_BASES, DEFAULT_DISTRACTORS, DEFAULT_KINDS_PER_BASE = 120, 120, (8, 10)
SMALL_BASES, SMALL_DISTRACTORS, SMALL_KINDS_PER_BASE = 12, 8, (2, 3)

EXT = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
OVERLAY_TEXTS = (
    "© 2019 J. Smith Photography",
    "SAMPLE",
    "holiday 2016",
    "www.example-photos.com",
    "DRAFT - not for print",
    "@travel_snaps",
)


# ---------------------------------------------------------------------------------------------
# Choosing source photos


@dataclass
class Source:
    """One usable photo from the shared folder."""

    rel: str  # relative to the photos folder, with "/" separators (goes into truth.json)
    path: Path
    image: Image.Image  # decoded, EXIF-transposed, RGB or L

    @property
    def is_colour(self) -> bool:
        return self.image.mode == "RGB"


def candidate_paths(photos: Path) -> list[Path]:
    """Files that may serve as bases or distractors, in a stable order."""
    out: list[Path] = []
    for folder in BASE_FOLDERS:
        d = photos / folder
        if not d.is_dir():
            continue
        files = sorted(p for p in d.iterdir() if p.suffix.lower() in {".jpg", ".jpeg", ".png"})
        listing = d / "out.csv"
        if folder == "caltech_resized" and listing.is_file():
            # out.csv names the 17 originals (with how many resized copies each has); the other
            # 66 files are those copies, so only the listed ones are distinct photos.
            with listing.open(newline="") as fh:
                listed = {row[0] for row in csv.reader(fh) if row}
            files = [p for p in files if p.name in listed]
        out.extend(p for p in files if f"{folder}/{p.name}" not in EXCLUDED)
    return out


def _load(path: Path) -> Image.Image | None:
    """Decode fully (so corrupt files are caught now), apply EXIF orientation, normalise mode."""
    try:
        with Image.open(path) as im:
            im.load()
            im = ImageOps.exif_transpose(im)
            if im.mode not in ("RGB", "L"):
                im = im.convert("RGB")
            return im.copy()
    except Exception as exc:  # any decoder error just means "not a usable source"
        print(f"skipping {path}: {exc}", file=sys.stderr)
        return None


def pick_sources(
    photos: Path, n_bases: int, n_distractors: int, rng: random.Random
) -> tuple[list[Source], list[Source]]:
    """Pick disjoint bases (colour photos) and distractors (any), none looking like another."""
    paths = candidate_paths(photos)
    rng.shuffle(paths)
    bases: list[Source] = []
    distractors: list[Source] = []
    hashes: list[imagehash.ImageHash] = []
    for path in paths:
        if len(bases) >= n_bases and len(distractors) >= n_distractors:
            break
        im = _load(path)
        if im is None or min(im.size) < MIN_SIDE:
            continue
        h = imagehash.phash(im.convert("RGB"))
        if any(h - other <= SAME_PHOTO_BITS for other in hashes):
            continue
        src = Source(f"{path.parent.name}/{path.name}", path, im)
        # Bases must be in colour: grayscale/colour variants of a gray photo would be no-ops.
        if src.is_colour and len(bases) < n_bases:
            bases.append(src)
        elif len(distractors) < n_distractors:
            distractors.append(src)
        else:
            continue
        hashes.append(h)
    if len(bases) < n_bases or len(distractors) < n_distractors:
        raise SystemExit(
            f"only {len(bases)} bases and {len(distractors)} distractors available in {photos} "
            f"(asked for {n_bases} and {n_distractors})"
        )
    return bases, distractors


def spare_sources(photos: Path, used: list[Source], n: int) -> list[Image.Image]:
    """Up to ``n`` colour photos that are none of ``used`` and look like none of them (in path
    order, so the main corpus's random draws are untouched)."""
    taken = {s.rel for s in used}
    hashes = [imagehash.phash(s.image.convert("RGB")) for s in used]
    out: list[Image.Image] = []
    for path in candidate_paths(photos):
        if len(out) >= n:
            break
        if f"{path.parent.name}/{path.name}" in taken:
            continue
        im = _load(path)
        if im is None or im.mode != "RGB" or min(im.size) < MIN_SIDE:
            continue
        h = imagehash.phash(im)
        if any(h - other <= SAME_PHOTO_BITS for other in hashes):
            continue
        hashes.append(h)
        out.append(im)
    return out


# ---------------------------------------------------------------------------------------------
# Random names and folders


class Namer:
    """Random 12-hex-digit names in a random tree of folders (depth 0-3) shared by all files."""

    def __init__(self, rng: random.Random, n_files: int) -> None:
        self.rng = rng
        self.used: set[str] = set()
        dirs: list[tuple[str, int]] = [("", 0)]
        for _ in range(max(4, n_files // 12)):
            parent, depth = rng.choice([d for d in dirs if d[1] < 3])
            name = self._hex(8)
            dirs.append((f"{parent}/{name}" if parent else name, depth + 1))
        self.dirs = dirs

    def _hex(self, n: int) -> str:
        return f"{self.rng.getrandbits(4 * n):0{n}x}"

    def new(self, ext: str) -> str:
        if ext == ".jpg":
            # Real folders mix spellings; the engine must not care.
            ext = self.rng.choices([".jpg", ".jpeg", ".JPG"], weights=[8, 1, 1])[0]
        while True:
            # Depth first (uniform over 0-3), then a folder at that depth: picking a folder directly
            # would put most files three levels down, since most folders are there.
            depth = self.rng.choice(sorted({d for _, d in self.dirs}))
            folder = self.rng.choice([p for p, d in self.dirs if d == depth])
            rel = f"{folder}/{self._hex(12)}{ext}" if folder else f"{self._hex(12)}{ext}"
            if rel.lower() not in self.used:
                self.used.add(rel.lower())
                return rel


# ---------------------------------------------------------------------------------------------
# Variants


@dataclass
class Variant:
    """An edited image and how to save it."""

    image: Image.Image
    fmt: str = "JPEG"
    save_args: dict[str, Any] = field(default_factory=lambda: {"quality": 92})
    params: dict[str, Any] = field(default_factory=dict)


Ctx = tuple[random.Random, np.random.Generator]


def _scaled(im: Image.Image, s: float, resample: Image.Resampling) -> Image.Image:
    return im.resize((max(1, round(im.width * s)), max(1, round(im.height * s))), resample)


def v_recompress(im: Image.Image, ctx: Ctx) -> Variant:
    q = ctx[0].randint(50, 75)
    return Variant(im, "JPEG", {"quality": q}, {"quality": q})


def v_downscale(im: Image.Image, ctx: Ctx) -> Variant:
    s = ctx[0].uniform(0.30, 0.60)
    return Variant(_scaled(im, s, Image.Resampling.LANCZOS), params={"scale": round(s, 3)})


def v_upscale(im: Image.Image, ctx: Ctx) -> Variant:
    s = ctx[0].uniform(1.5, 2.0)
    return Variant(_scaled(im, s, Image.Resampling.BICUBIC), params={"scale": round(s, 3)})


def v_format(im: Image.Image, ctx: Ctx, source_fmt: str = "JPEG") -> Variant:
    choices = ["PNG", "WEBP"] if source_fmt == "JPEG" else ["WEBP", "JPEG"]
    fmt = ctx[0].choice(choices)
    args: dict[str, Any] = {"WEBP": {"quality": 90, "method": 4}, "PNG": {}, "JPEG": {"quality": 95}}[fmt]
    return Variant(im, fmt, args, {"format": fmt})


def v_brightness(im: Image.Image, ctx: Ctx) -> Variant:
    delta = ctx[0].uniform(0.15, 0.30) * ctx[0].choice((-1, 1))
    return Variant(ImageEnhance.Brightness(im).enhance(1 + delta), params={"factor": round(1 + delta, 3)})


def v_contrast(im: Image.Image, ctx: Ctx) -> Variant:
    f = ctx[0].uniform(0.6, 0.8) if ctx[0].random() < 0.5 else ctx[0].uniform(1.25, 1.5)
    return Variant(ImageEnhance.Contrast(im).enhance(f), params={"factor": round(f, 3)})


def _hue_shift(im: Image.Image, degrees: float) -> Image.Image:
    hsv = np.asarray(im.convert("HSV")).copy()
    hsv[..., 0] = (hsv[..., 0].astype(np.int16) + round(degrees / 360 * 256)) % 256
    return Image.fromarray(hsv, "HSV").convert("RGB")


def v_colour(im: Image.Image, ctx: Ctx) -> Variant:
    rng = ctx[0]
    what = rng.choice(("saturation", "hue", "both"))
    params: dict[str, Any] = {"edit": what}
    if what in ("saturation", "both"):
        f = rng.uniform(0.4, 0.7) if rng.random() < 0.5 else rng.uniform(1.3, 1.6)
        im = ImageEnhance.Color(im).enhance(f)
        params["saturation"] = round(f, 3)
    if what in ("hue", "both"):
        deg = rng.uniform(10, 30) * rng.choice((-1, 1))
        im = _hue_shift(im, deg)
        params["hue_degrees"] = round(deg, 1)
    return Variant(im, params=params)


def v_grayscale(im: Image.Image, ctx: Ctx) -> Variant:
    return Variant(im.convert("L"))


def v_blur_noise(im: Image.Image, ctx: Ctx) -> Variant:
    rng, nrng = ctx
    r, sigma = rng.uniform(1.0, 2.0), rng.uniform(5.0, 10.0)
    arr = np.asarray(im.filter(ImageFilter.GaussianBlur(r)), dtype=np.float32)
    arr = arr + nrng.normal(0.0, sigma, arr.shape).astype(np.float32)
    out = Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), im.mode)
    return Variant(out, params={"blur_radius": round(r, 2), "noise_sigma": round(sigma, 2)})


def v_rot90(im: Image.Image, ctx: Ctx) -> Variant:
    # PIL's ROTATE_* are counter-clockwise; our kind names are clockwise like photo apps.
    return Variant(im.transpose(Image.Transpose.ROTATE_270), params={"clockwise": 90})


def v_rot180(im: Image.Image, ctx: Ctx) -> Variant:
    return Variant(im.transpose(Image.Transpose.ROTATE_180), params={"clockwise": 180})


def v_rot270(im: Image.Image, ctx: Ctx) -> Variant:
    return Variant(im.transpose(Image.Transpose.ROTATE_90), params={"clockwise": 270})


def v_mirror(im: Image.Image, ctx: Ctx) -> Variant:
    return Variant(im.transpose(Image.Transpose.FLIP_LEFT_RIGHT))


#: EXIF Orientation -> how to store the pixels so that a viewer applying the tag shows the photo
#: upright: tag 6 means "rotate 90° clockwise to display", so the stored pixels are the photo
#: rotated 90° counter-clockwise (PIL ROTATE_90), and so on. Verified after saving.
EXIF_STORE = {
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
    3: Image.Transpose.ROTATE_180,
}


def v_exif_rotation(im: Image.Image, ctx: Ctx) -> Variant:
    orientation = ctx[0].choices((6, 8, 3), weights=(2, 2, 1))[0]
    exif = Image.Exif()
    exif[0x0112] = orientation
    stored = im.transpose(EXIF_STORE[orientation])
    return Variant(stored, "JPEG", {"quality": 92, "exif": exif.tobytes()}, {"orientation": orientation})


def _add_border(im: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    colour = rng.choice(("black", "white"))
    sides = rng.choice(("top_bottom", "left_right", "all"))
    frac = rng.uniform(0.05, 0.15)
    tb = round(im.height * frac) if sides in ("top_bottom", "all") else 0
    lr = round(im.width * frac) if sides in ("left_right", "all") else 0
    fill = 0 if colour == "black" else 255
    canvas = Image.new(
        im.mode, (im.width + 2 * lr, im.height + 2 * tb), fill if im.mode == "L" else (fill,) * 3
    )
    canvas.paste(im, (lr, tb))
    return canvas, {"colour": colour, "sides": sides, "fraction": round(frac, 3)}


def v_border(im: Image.Image, ctx: Ctx) -> Variant:
    out, params = _add_border(im, ctx[0])
    return Variant(out, params=params)


def _add_overlay(im: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    """Draw a caption and/or a logo box in a corner, together covering at most ~10% of the area."""
    w, h = im.size
    what = rng.choice(("text", "logo", "both"))
    layer = Image.new("RGBA", im.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    covered = 0
    params: dict[str, Any] = {"overlay": what}
    if what in ("logo", "both"):
        lw, lh = round(w * rng.uniform(0.12, 0.22)), round(h * rng.uniform(0.08, 0.15))
        x = rng.choice((round(w * 0.03), w - lw - round(w * 0.03)))
        y = rng.choice((round(h * 0.03), h - lh - round(h * 0.03)))
        colour = (*(rng.randrange(256) for _ in range(3)), rng.randint(160, 255))
        draw.rectangle((x, y, x + lw, y + lh), fill=colour)
        draw.ellipse(
            (x + lw * 0.1, y + lh * 0.15, x + lw * 0.1 + lh * 0.7, y + lh * 0.85), fill=(255, 255, 255, 220)
        )
        covered += lw * lh
        params["logo_box"] = [x, y, lw, lh]
    if what in ("text", "both"):
        text = rng.choice(OVERLAY_TEXTS)
        size = max(10, round(h * rng.uniform(0.05, 0.08)))
        # Shrink the font until the caption covers at most 6% of the image.
        while True:
            font = ImageFont.load_default(size=size)
            left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
            tw, th = right - left, bottom - top
            if (tw <= w * 0.9 and tw * th <= 0.06 * w * h) or size <= 8:
                break
            size -= 2
        x = rng.randint(round(w * 0.03), max(round(w * 0.03), w - tw - round(w * 0.03)))
        y = h - th - round(h * 0.05) - top if rng.random() < 0.7 else round(h * 0.04) - top
        shade = rng.choice(((255, 255, 255), (0, 0, 0)))
        draw.text((x, y), text, font=font, fill=(*shade, rng.randint(170, 255)))
        covered += tw * th
        params["text"] = text
    out = Image.alpha_composite(im.convert("RGBA"), layer).convert(im.mode)
    params["covered_fraction"] = round(covered / (w * h), 3)
    return out, params


def v_overlay(im: Image.Image, ctx: Ctx) -> Variant:
    out, params = _add_overlay(im, ctx[0])
    return Variant(out, params=params)


def _crop(im: Image.Image, rng: random.Random, lo: float, hi: float) -> Variant:
    fx, fy = rng.uniform(lo, hi), rng.uniform(lo, hi)
    cw, ch = round(im.width * fx), round(im.height * fy)
    x, y = rng.randint(0, im.width - cw), rng.randint(0, im.height - ch)
    return Variant(
        im.crop((x, y, x + cw, y + ch)), params={"box": [x, y, cw, ch], "kept_area": round(fx * fy, 3)}
    )


def v_crop_small(im: Image.Image, ctx: Ctx) -> Variant:
    return _crop(im, ctx[0], 0.85, 0.95)


def v_crop_large(im: Image.Image, ctx: Ctx) -> Variant:
    return _crop(im, ctx[0], 0.60, 0.75)


def inscribed_scale(w: int, h: int, degrees: float) -> float:
    """Largest s such that a centred s*w x s*h box fits inside the w x h image rotated by degrees.

    A corner (s*w/2, s*h/2) of the box, rotated back, must stay inside the original rectangle:
    s*(w*cos + h*sin) <= w and s*(w*sin + h*cos) <= h.
    """
    a = np.radians(abs(degrees))
    c, s = float(np.cos(a)), float(np.sin(a))
    return min(w / (w * c + h * s), h / (w * s + h * c))


def v_tilt(im: Image.Image, ctx: Ctx) -> Variant:
    deg = ctx[0].uniform(2.0, 5.0) * ctx[0].choice((-1, 1))
    rotated = im.rotate(deg, resample=Image.Resampling.BICUBIC, expand=False)
    s = inscribed_scale(im.width, im.height, deg)
    # Two pixels less on each side: bicubic blends the black fill into the edge pixels.
    cw, ch = int(im.width * s) - 4, int(im.height * s) - 4
    x, y = (im.width - cw) // 2, (im.height - ch) // 2
    return Variant(rotated.crop((x, y, x + cw, y + ch)), params={"degrees": round(deg, 2)})


def v_combo(im: Image.Image, ctx: Ctx) -> Variant:
    rng = ctx[0]
    ops = rng.sample(COMBO_OPS, rng.randint(2, 3))
    params: dict[str, Any] = {"ops": sorted(ops, key=COMBO_OPS.index)}
    # Fixed order (edits first, resize, then encode) as an editing app would do it.
    if "mirror" in ops:
        im = im.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    if "brightness" in ops:
        v = v_brightness(im, ctx)
        im, params["brightness"] = v.image, v.params["factor"]
    if "overlay" in ops:
        im, params["overlay"] = _add_overlay(im, rng)
    if "border" in ops:
        im, params["border"] = _add_border(im, rng)
    if "downscale" in ops:
        v = v_downscale(im, ctx)
        im, params["scale"] = v.image, v.params["scale"]
    q = rng.randint(50, 75) if "recompress" in ops else 90
    params["quality"] = q
    return Variant(im, "JPEG", {"quality": q}, params)


VARIANTS: dict[str, Callable[[Image.Image, Ctx], Variant]] = {
    "recompress": v_recompress,
    "downscale": v_downscale,
    "upscale": v_upscale,
    "format": v_format,
    "brightness": v_brightness,
    "contrast": v_contrast,
    "colour": v_colour,
    "grayscale": v_grayscale,
    "blur_noise": v_blur_noise,
    "rot90": v_rot90,
    "rot180": v_rot180,
    "rot270": v_rot270,
    "mirror": v_mirror,
    "exif_rotation": v_exif_rotation,
    "border": v_border,
    "overlay": v_overlay,
    "crop_small": v_crop_small,
    "crop_large": v_crop_large,
    "tilt": v_tilt,
    "combo": v_combo,
}
assert set(VARIANTS) | {"exact"} == set(KINDS)


def encode(v: Variant) -> bytes:
    buf = io.BytesIO()
    v.image.save(buf, v.fmt, **v.save_args)
    return buf.getvalue()


def check_exif_rotation(data: bytes, original: Image.Image) -> None:
    """The file must *display* like the original once its EXIF Orientation is applied."""
    with Image.open(io.BytesIO(data)) as im:
        shown = ImageOps.exif_transpose(im).convert(original.mode)
    if shown.size != original.size:
        raise AssertionError(f"exif_rotation displays as {shown.size}, original is {original.size}")
    diff = np.abs(np.asarray(shown, np.int16) - np.asarray(original, np.int16)).mean()
    if diff > 4.0:  # JPEG at q92 is ~1-2 on average; a wrong rotation is 30+
        raise AssertionError(f"exif_rotation differs from the original by {diff:.1f} on average")


# ---------------------------------------------------------------------------------------------
# The corpus


def choose_kinds(counts: Counter[str], n: int, rng: random.Random) -> list[str]:
    """The n least used kinds so far (random among ties), so every kind appears about equally."""
    order = sorted(KINDS, key=lambda k: (counts[k], rng.random()))
    chosen = order[:n]
    counts.update(chosen)
    return [k for k in KINDS if k in chosen]


def make_corpus(
    out: Path,
    photos: Path,
    *,
    n_bases: int,
    n_distractors: int,
    n_halves: int,
    kinds_per_base: tuple[int, int],
    seed: int,
    hard_cases: bool = False,
) -> dict[str, Any]:
    """Write the corpus and truth.json into ``out`` (which must exist and be empty); with
    ``hard_cases``, also :mod:`hard_cases` (shots, look-alikes, bursts, phone sets, pastes)."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    ctx: Ctx = (rng, nrng)
    bases, distractors = pick_sources(photos, n_bases, n_distractors, rng)
    estimate = n_bases * (2 + sum(kinds_per_base) // 2) + n_distractors + 2 * n_halves
    namer = Namer(rng, estimate)
    half_bases = set(rng.sample(range(len(bases)), min(n_halves, len(bases))))

    # Modification times that say nothing about which file is the original (as after a copy or a
    # restore from backup): a random time in one year, per file. A separate generator, so the
    # corpus itself is the same as without it.
    year = 365 * 24 * 3600
    clock = random.Random(seed + 1)

    def write(data: bytes, ext: str) -> str:
        rel = namer.new(ext)
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        when = 1_600_000_000 + clock.randrange(year)
        os.utime(target, (when, when))
        return rel

    counts: Counter[str] = Counter()
    groups: list[dict[str, Any]] = []
    hard_negatives: list[list[str]] = []
    for i, base in enumerate(bases):
        raw = base.path.read_bytes()
        source_ext = base.path.suffix.lower().replace(".jpeg", ".jpg")
        source_fmt = "PNG" if source_ext == ".png" else "JPEG"
        files = [{"path": write(raw, source_ext), "kind": "original"}]
        for kind in choose_kinds(counts, rng.randint(*kinds_per_base), rng):
            if kind == "exact":
                files.append({"path": write(raw, source_ext), "kind": kind})
                continue
            v = v_format(base.image, ctx, source_fmt) if kind == "format" else VARIANTS[kind](base.image, ctx)
            data = encode(v)
            if kind == "exif_rotation":
                check_exif_rotation(data, base.image)
            files.append({"path": write(data, EXT[v.fmt]), "kind": kind, "params": v.params})
        if i in half_bases:
            w, h = base.image.size
            pair = []
            for side, box in (("left", (0, 0, w // 2, h)), ("right", (w // 2, 0, w, h))):
                rel = write(encode(Variant(base.image.crop(box))), ".jpg")
                files.append({"path": rel, "kind": "half", "params": {"side": side, "box": list(box)}})
                pair.append(rel)
            hard_negatives.append(pair)
        groups.append({"base": base.rel, "files": files})

    distractor_paths = []
    for d in distractors:
        ext = d.path.suffix.lower().replace(".jpeg", ".jpg")
        distractor_paths.append(write(d.path.read_bytes(), ext))

    similar_sets: list[dict[str, Any]] = []
    if hard_cases:
        try:  # run as a script (its folder on sys.path), or imported as tests.benchmarks...
            from hard_cases import N_BURSTS, N_PASTED, add_hard_cases
        except ImportError:
            from .hard_cases import N_BURSTS, N_PASTED, add_hard_cases

        spare = spare_sources(photos, [*bases, *distractors], N_BURSTS + N_PASTED + 2)
        originals = {g["base"]: g["files"][0]["path"] for g in groups}
        extra = add_hard_cases(photos, spare, write, seed, originals)
        groups += extra.groups
        similar_sets = extra.similar_sets

    truth = {
        "version": 1,
        "seed": seed,
        "generator": "tests/benchmarks/make_corpus.py",
        "notes": (
            "Paths are relative to this file's folder. Files of kind 'half' are the left/right halves "
            "of their group's photo: not duplicates of it (pairs with them are ignored when scoring) "
            "and hard negatives of each other (see hard_negatives)."
        ),
        "groups": groups,
        "distractors": distractor_paths,
        "distractor_sources": [d.rel for d in distractors],
        "hard_negatives": hard_negatives,
        "similar_sets": similar_sets,
    }
    (out / "truth.json").write_text(json.dumps(truth, indent=1, ensure_ascii=False), encoding="utf-8")
    return truth


def kind_counts(truth: dict[str, Any]) -> Counter[str]:
    """Files per kind (plus 'distractor'), for the summary."""
    c: Counter[str] = Counter(f["kind"] for g in truth["groups"] for f in g["files"])
    c["distractor"] = len(truth["distractors"])
    c.update(s["kind"] for s in truth.get("similar_sets", []) for _ in s["files"])
    return c


def prepare_out_dir(out: Path, force: bool) -> None:
    """Create ``out``; refuse to write into a non-empty folder unless it is an old corpus and --force."""
    if out.exists() and any(out.iterdir()):
        if not force:
            raise SystemExit(f"{out} is not empty (use --force to replace an existing corpus)")
        if not (out / "truth.json").is_file():
            raise SystemExit(f"{out} has no truth.json; refusing to delete a folder that is not a corpus")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter
    )
    ap.add_argument("out", type=Path, help="folder to create (must be empty or absent)")
    ap.add_argument(
        "--photos", type=Path, default=DEFAULT_PHOTOS, help=f"shared photos (default {DEFAULT_PHOTOS})"
    )
    ap.add_argument(
        "--bases", type=int, help=f"photos with variants (default {DEFAULT_BASES}, small {SMALL_BASES})"
    )
    ap.add_argument(
        "--distractors",
        type=int,
        help=f"unrelated photos (default {DEFAULT_DISTRACTORS}, small {SMALL_DISTRACTORS})",
    )
    ap.add_argument("--halves", type=int, help="bases that also get left/right halves (default bases/4)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--small", action="store_true", help="tiny corpus for CI smoke runs")
    ap.add_argument("--force", action="store_true", help="replace an existing corpus in OUT")
    ap.add_argument(
        "--hard-cases",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="add the hard cases of hard_cases.py (default: on, off with --small)",
    )
    args = ap.parse_args(argv)

    n_bases = args.bases if args.bases is not None else (SMALL_BASES if args.small else DEFAULT_BASES)
    n_distractors = args.distractors
    if n_distractors is None:
        n_distractors = SMALL_DISTRACTORS if args.small else DEFAULT_DISTRACTORS
    n_halves = args.halves if args.halves is not None else max(1, n_bases // 4) if n_bases else 0
    kinds_per_base = SMALL_KINDS_PER_BASE if args.small else DEFAULT_KINDS_PER_BASE
    if not args.photos.is_dir():
        raise SystemExit(f"photos folder not found: {args.photos}")

    prepare_out_dir(args.out, args.force)
    t0 = time.perf_counter()
    truth = make_corpus(
        args.out,
        args.photos,
        n_bases=n_bases,
        n_distractors=n_distractors,
        n_halves=n_halves,
        kinds_per_base=kinds_per_base,
        seed=args.seed,
        hard_cases=not args.small if args.hard_cases is None else args.hard_cases,
    )
    counts = kind_counts(truth)
    print(f"wrote {sum(counts.values())} files to {args.out} in {time.perf_counter() - t0:.1f} s")
    for kind in sorted(counts, key=lambda k: (k not in ("original", *KINDS), k)):
        print(f"  {kind:<14}{counts.get(kind, 0):>5}")
    for kind, sets in Counter(s["kind"] for s in truth["similar_sets"]).items():
        print(f"  ({kind}: {sets} sets of different pictures: similar, not copies)")
    missing = [k for k in KINDS if not counts.get(k)]
    if missing:
        print(f"note: no files of kind {', '.join(missing)} (too few bases)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
