"""The dev corpus's hard cases: what a duplicate finder must *not* call a copy, and realistic sets
where the best file is not the obvious one. Written by :func:`add_hard_cases` after the main
corpus of :mod:`make_corpus` (with its own random generator, so the main corpus is unchanged).

- **Different shots** (``similar_sets``, kind ``shot``): the real photo sets kept aside for this in
  ``shared/photos``: the three INRIA Holidays shots of one scene, the UKBench objects photographed
  four times, the skimage stereo pair. Two of them may be grouped only as "similar", never
  pre-marked.
- **Look-alikes** (kind ``look_alike``): different photos of one subject (cats, dogs, hot dogs from
  the coral test images).
- **Bursts** (kind ``burst``): one scene framed 3-5 times a moment apart: a small camera shift, a
  subject that moves, a little exposure jitter, and camera shake blur on every frame but one,
  each with the camera's EXIF and its own sub-second capture time. ``best`` names the sharp
  frame, which should be suggested.
- **Phone/backup sets** (``groups``): a camera original (EXIF make, model, capture time) with a
  byte-identical backup, a messenger copy (1600 px at most, quality 70, EXIF stripped), a HEIC
  re-encode that keeps the EXIF, an edited export at a higher JPEG quality, an upscale and a
  letterboxed copy. Modification times are random, as after a restore.
- **Pasted objects** (``groups``): a copy with 8-11 % of the picture replaced by a region of
  another photo, and a copy with a region of the photo moved within it, both re-saved at a higher
  quality than the original: edited copies that must be found, and lose to the original.
"""

from __future__ import annotations

import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

#: Different shots of one scene or object (relative to the photos folder).
SHOT_SETS = (
    ("simbench/100000.jpg", "simbench/100001.jpg", "simbench/100002.jpg"),
    tuple(f"simbench/ukbench{i:05d}.jpg" for i in range(0, 4)),
    tuple(f"simbench/ukbench{i:05d}.jpg" for i in range(4, 8)),
    ("simbench/ukbench00008.jpg", "simbench/ukbench00009.jpg"),
    ("skimage/motorcycle_left.png", "skimage/motorcycle_right.png"),
)
#: Different photos of one subject.
LOOK_ALIKE_SETS = (
    ("coral/imprinting_cat_test_0.bmp", "coral/imprinting_cat_train_0.bmp", "coral/cat.bmp"),
    ("coral/imprinting_dog_test_0.bmp", "coral/imprinting_dog_train_0.bmp"),
    (
        "coral/imprinting_hotdog_test_0.bmp",
        "coral/imprinting_hotdog_train_0.bmp",
        "coral/imprinting_hotdog_train_1.bmp",
        "coral/hot_dog.jpg",
    ),
)
#: Large photos that play camera originals (none is a base, distractor or shot elsewhere).
CAMERA_PHOTOS = (
    "simbench/landscape_01.jpg",
    "simbench/landscape_02.jpg",
    "simbench/macro_01.jpg",
    "simbench/portrait_01.jpg",
    "simbench/portrait_02.jpg",
    "coral/kite_and_cold.jpg",
)
CAMERAS = (("Canon", "Canon EOS 80D"), ("Apple", "iPhone 12"), ("SONY", "ILCE-7M3"), ("NIKON", "D750"))
N_BURSTS = 16
N_PASTED = 16
#: EXIF tags (IFD0 / Exif IFD).
_MAKE, _MODEL, _SOFTWARE, _EXIF_IFD = 0x010F, 0x0110, 0x0131, 0x8769
_DATETIME_ORIGINAL, _SUBSEC_ORIGINAL = 0x9003, 0x9291

Writer = Callable[[bytes, str], str]


@dataclass
class HardCases:
    """What :func:`add_hard_cases` adds to the truth."""

    groups: list[dict[str, Any]]
    similar_sets: list[dict[str, Any]]


def _exif(make: str, model: str, taken: str, subsec: str | None = None, software: str | None = None) -> bytes:
    exif = Image.Exif()
    exif[_MAKE], exif[_MODEL] = make, model
    if software:
        exif[_SOFTWARE] = software
    ifd = exif.get_ifd(_EXIF_IFD)
    ifd[_DATETIME_ORIGINAL] = taken
    if subsec is not None:
        ifd[_SUBSEC_ORIGINAL] = subsec
    return exif.tobytes()


def _jpeg(im: Image.Image, quality: int, exif: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    kwargs: dict[str, Any] = {"quality": quality}
    if exif:
        kwargs["exif"] = exif
    im.convert("RGB").save(buf, "JPEG", **kwargs)
    return buf.getvalue()


def _decoded(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as im:
        return im.convert("RGB")


def _load(path: Path) -> Image.Image:
    with Image.open(path) as im:
        return im.convert("RGB")


def _taken(rng: random.Random) -> str:
    return f"20{rng.randint(15, 24)}:{rng.randint(1, 12):02d}:{rng.randint(1, 28):02d} " + (
        f"{rng.randint(7, 20):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    )


def _ellipse_mask(size: tuple[int, int]) -> Image.Image:
    mask = Image.new("L", size, 0)
    ImageDraw.Draw(mask).ellipse((0, 0, size[0] - 1, size[1] - 1), fill=255)
    return mask.filter(ImageFilter.GaussianBlur(1.5))


def _patch(donor: Image.Image, w: int, h: int, rng: random.Random) -> Image.Image:
    """A w×h region of ``donor`` at a random place (scaled up first if the donor is small)."""
    if donor.width < w or donor.height < h:
        s = max(w / donor.width, h / donor.height) * 1.05
        donor = donor.resize((round(donor.width * s) + 1, round(donor.height * s) + 1))
    x, y = rng.randint(0, donor.width - w), rng.randint(0, donor.height - h)
    return donor.crop((x, y, x + w, y + h))


def burst(scene: Image.Image, donor: Image.Image, rng: random.Random) -> tuple[list[Image.Image], int]:
    """3-5 frames of one scene a moment apart, and which of them is the sharp one."""
    n = rng.randint(3, 5)
    w, h = scene.size
    fw, fh = round(w / 1.08), round(h / 1.08)  # the frame: the scene less room for camera shake
    sw, sh = round(fw * rng.uniform(0.16, 0.24)), round(fh * rng.uniform(0.22, 0.32))
    subject = _patch(donor, sw, sh, rng)
    mask = _ellipse_mask((sw, sh))
    x, y = rng.uniform(0.1, 0.5) * w, rng.uniform(0.2, 0.6) * h
    angle = rng.uniform(0, 2 * np.pi)
    step = rng.uniform(0.05, 0.09) * w
    sharp = rng.randrange(n)
    frames = []
    for k in range(n):
        canvas = scene.copy()
        px = int(np.clip(x + k * step * np.cos(angle), 0, w - sw))
        py = int(np.clip(y + k * step * np.sin(angle), 0, h - sh))
        canvas.paste(subject, (px, py), mask)
        ox = round((w - fw) / 2 + rng.uniform(-0.025, 0.025) * fw)
        oy = round((h - fh) / 2 + rng.uniform(-0.025, 0.025) * fh)
        frame = canvas.crop((ox, oy, ox + fw, oy + fh))
        frame = ImageEnhance.Brightness(frame).enhance(rng.uniform(0.96, 1.04))
        if k != sharp:
            frame = frame.filter(ImageFilter.GaussianBlur(rng.uniform(1.0, 2.0)))
        frames.append(frame)
    return frames, sharp


def paste_foreign(
    im: Image.Image, donor: Image.Image, rng: random.Random
) -> tuple[Image.Image, dict[str, Any]]:
    """``im`` with 8-11 % of its area replaced by a region of ``donor``."""
    share = rng.uniform(0.08, 0.11)
    aspect = rng.uniform(0.7, 1.4)
    pw = round((share * im.width * im.height * aspect) ** 0.5)
    ph = round(share * im.width * im.height / pw)
    x, y = rng.randint(0, im.width - pw), rng.randint(0, im.height - ph)
    out = im.copy()
    out.paste(_patch(donor, pw, ph, rng), (x, y))
    return out, {"box": [x, y, pw, ph], "share": round(pw * ph / (im.width * im.height), 3)}


def paste_moved(im: Image.Image, rng: random.Random) -> tuple[Image.Image, dict[str, Any]]:
    """``im`` with a region (8-11 % of the area) copied over another place of itself."""
    share = rng.uniform(0.08, 0.11)
    pw = round((share * im.width * im.height) ** 0.5)
    ph = round(share * im.width * im.height / pw)
    sx, sy = rng.randint(0, im.width - pw), rng.randint(0, im.height - ph)
    while True:
        tx, ty = rng.randint(0, im.width - pw), rng.randint(0, im.height - ph)
        if abs(tx - sx) >= pw or abs(ty - sy) >= ph:
            break
    out = im.copy()
    out.paste(im.crop((sx, sy, sx + pw, sy + ph)), (tx, ty))
    return out, {"from": [sx, sy], "to": [tx, ty], "size": [pw, ph]}


def _letterbox(im: Image.Image) -> Image.Image:
    side = max(im.size)
    canvas = Image.new("RGB", (side, side), (0, 0, 0))
    canvas.paste(im, ((side - im.width) // 2, (side - im.height) // 2))
    return canvas


def phone_set(photo: Image.Image, rng: random.Random) -> list[tuple[str, bytes, str, dict[str, Any]]]:
    """(kind, bytes, extension, params) of a camera original and its copies."""
    import pillow_heif

    make, model = rng.choice(CAMERAS)
    taken = _taken(rng)
    exif = _exif(make, model, taken)
    original = _jpeg(photo, 92, exif)
    photo = _decoded(original)  # every copy is made from the camera's file
    long_side = max(photo.size)
    s = min(1600, round(0.8 * long_side)) / long_side
    messenger = photo.resize((round(photo.width * s), round(photo.height * s)), Image.Resampling.LANCZOS)
    pillow_heif.register_heif_opener()
    heic = io.BytesIO()
    photo.save(heic, "HEIF", quality=95, exif=exif)
    edited = ImageEnhance.Contrast(ImageEnhance.Brightness(photo).enhance(1.08)).enhance(1.05)
    up = photo.resize((round(photo.width * 1.5), round(photo.height * 1.5)), Image.Resampling.BICUBIC)
    return [
        ("original", original, ".jpg", {"camera": model, "taken": taken}),
        ("exact", original, ".jpg", {}),
        ("messenger", _jpeg(messenger, 70), ".jpg", {"scale": round(s, 3)}),
        ("heic", heic.getvalue(), ".heic", {"format": "HEIF", "quality": 95}),
        ("export_edit", _jpeg(edited, 95, _exif(make, model, taken, software="Adobe Lightroom")), ".jpg", {}),
        ("upscale", _jpeg(up, 90), ".jpg", {"factor": 1.5}),
        ("letterbox", _jpeg(_letterbox(photo), 90), ".jpg", {}),
    ]


def add_hard_cases(
    photos: Path,
    spare: list[Image.Image],
    write: Writer,
    seed: int,
    written: dict[str, str],
    *,
    n_bursts: int = N_BURSTS,
    n_pasted: int = N_PASTED,
    shot_sets: tuple[tuple[str, ...], ...] = SHOT_SETS,
    look_alike_sets: tuple[tuple[str, ...], ...] = LOOK_ALIKE_SETS,
    camera_photos: tuple[str, ...] = CAMERA_PHOTOS,
) -> HardCases:
    """Write the hard cases with ``write(data, ext) -> relative path``. ``spare``: photos used
    nowhere else in the corpus (scenes for bursts, originals for pasted objects, donors).
    ``written``: photos the main corpus already wrote as an original -> that file (the left
    view of the stereo pair is a base there: its set uses that file instead of a copy)."""
    rng = random.Random(seed * 7919 + 11)
    groups: list[dict[str, Any]] = []
    similar: list[dict[str, Any]] = []
    for kind, sets in (("shot", shot_sets), ("look_alike", look_alike_sets)):
        for names in sets:
            files = [
                written.get(n) or write((photos / n).read_bytes(), Path(n).suffix.lower()) for n in names
            ]
            similar.append({"kind": kind, "sources": list(names), "files": files, "best": None})
    need = n_bursts + n_pasted + 1
    if len(spare) < need:
        raise SystemExit(f"the hard cases need {need} spare photos, only {len(spare)} are left")
    scenes, originals = spare[:n_bursts], spare[n_bursts : n_bursts + n_pasted]
    donors = spare[n_bursts + n_pasted :]
    for scene in scenes:
        frames, sharp = burst(scene, rng.choice(donors + originals), rng)
        make, model = rng.choice(CAMERAS)
        taken = _taken(rng)
        files = [
            write(_jpeg(f, 90, _exif(make, model, taken, subsec=f"{12 + 21 * k:02d}")), ".jpg")
            for k, f in enumerate(frames)
        ]
        similar.append({"kind": "burst", "files": files, "best": files[sharp]})
    for k, im in enumerate(originals):
        donor = donors[k % len(donors)] if k % 2 or not scenes else scenes[k % len(scenes)]
        original = _jpeg(im, 85)
        im = _decoded(original)  # the edits are made from the original file, as an editor would
        foreign, p1 = paste_foreign(im, donor, rng)
        moved, p2 = paste_moved(im, rng)
        files = [
            {"path": write(original, ".jpg"), "kind": "original"},
            {"path": write(_jpeg(foreign, 95), ".jpg"), "kind": "paste_foreign", "params": p1},
            {"path": write(_jpeg(moved, 95), ".jpg"), "kind": "paste_moved", "params": p2},
        ]
        groups.append({"base": f"pasted-{k}", "files": files})
    for name in camera_photos:
        files = [
            {"path": write(data, ext), "kind": kind, "params": params}
            for kind, data, ext, params in phone_set(_load(photos / name), rng)
        ]
        groups.append({"base": name, "files": files})
    return HardCases(groups, similar)
