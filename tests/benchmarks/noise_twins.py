"""Issue 11 research: do noise residuals tell copies of one exposure from different exposures?

    python tests/benchmarks/noise_twins.py CORPUS [--limit N] [--block 64] [--max-blocks 200]
                                           [--sigma 1.0] [--seed 0] [--csv OUT.csv]

CORPUS is a dev corpus written by ``make_corpus.py`` (with its hard cases; ``truth.json`` inside).

Score of a pair: both files are decoded to luminance (EXIF orientation applied) and brought into
one geometry at the *smaller* file's scale; each gets a high-frequency residual ``Y -
gaussian(Y, sigma)``; the picture is cut into blocks (``--block`` px at the common scale), each
block of one file is aligned to the other by phase correlation of the smoothed images (search +-
block/4 px, then the best of the 3x3 integer shifts around the peak by residual correlation), and
the block's score is the normalised cross-correlation (NCC) of the two residuals. The pair's score
is the median over blocks (``med``); ``flat`` is the median over the half of the blocks with the
least scene texture (where the residual is mostly noise rather than edges).

Alignment:
- positives (original vs each copy in ``groups``): the transform the truth records is undone (crop
  box, rotation, mirror, border, letterbox, tilt angle, combo ops), then the larger file is resized
  (Lanczos) to the smaller's size; the per-block search then only has to find ~0.
- negatives (``similar_sets``: ``shot`` = INRIA Holidays / UKBench / skimage stereo; ``burst`` =
  synthetic bursts, reported separately): no truth transform exists, so the orientation (0/90/180/
  270) is chosen by low-resolution correlation, the larger file is resized to the smaller's size,
  a global similarity (scale, rotation, shift) is found by brute force at 160 px and refined at
  640 px, the second file is warped onto the first, and each block is then aligned locally as
  above (which absorbs some parallax). ``align`` (median smoothed-image NCC of the blocks) says
  whether that worked: a low residual NCC means "independent noise" only where ``align`` is high.
  ``med_al`` is the median residual NCC over the blocks whose smoothed NCC >= 0.9 (at least 5).

Caveat: the synthetic bursts of ``hard_cases.burst`` are crops of ONE source photo (no independent
noise is added), so their frames share the source's noise: they are not a fair negative here.

Prints, for each positive kind and each negative set: count, min / 5th pct / median / max of both
scores, the best single threshold on each score (copies above, different exposures below) with
how many of each class fall on the wrong side, and the cost per pair. ``--limit`` caps the pairs
per positive kind (random, seeded) to keep the run to a few minutes.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageOps
from scipy import ndimage

try:
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - heic pairs are then skipped
    pillow_heif = None

T = Image.Transpose
ALIGNED = 0.9  # a block counts as aligned when its smoothed images correlate this well
MIN_ALIGNED = 5  # fewest aligned blocks for a med_al score


def load_y(path: Path) -> np.ndarray:
    with Image.open(path) as im:
        if im.format in ("JPEG", "MPO") and im.mode == "RGB":
            im.draft("L", im.size)
        im = ImageOps.exif_transpose(im)
        return np.asarray(im.convert("L"), dtype=np.float32)


def to_img(a: np.ndarray) -> Image.Image:
    return Image.fromarray(a.astype(np.float32), "F")


def resize(a: np.ndarray, w: int, h: int) -> np.ndarray:
    if a.shape == (h, w):
        return a
    return np.asarray(to_img(a).resize((w, h), Image.Resampling.LANCZOS), dtype=np.float32)


def transpose(a: np.ndarray, op: T) -> np.ndarray:
    return np.asarray(to_img(a).transpose(op), dtype=np.float32)


def crop(a: np.ndarray, x: int, y: int, w: int, h: int) -> np.ndarray:
    return a[y : y + h, x : x + w]


def border_box(w: int, h: int, p: dict[str, Any]) -> tuple[int, int]:
    """(lr, tb) border widths that make_corpus._add_border added to a w x h picture."""
    tb = round(h * p["fraction"]) if p["sides"] in ("top_bottom", "all") else 0
    lr = round(w * p["fraction"]) if p["sides"] in ("left_right", "all") else 0
    return lr, tb


def strip_border(c: np.ndarray, w: int, h: int, p: dict[str, Any]) -> np.ndarray:
    """Remove the border from copy ``c`` (maybe scaled since) of a w x h picture."""
    lr, tb = border_box(w, h, p)
    H, W = c.shape
    sx, sy = W / (w + 2 * lr), H / (h + 2 * tb)
    x0, y0 = round(lr * sx), round(tb * sy)
    return c[y0 : H - y0 if y0 else H, x0 : W - x0 if x0 else W]


def truth_align(o: np.ndarray, c: np.ndarray, kind: str, p: dict[str, Any]) -> tuple[np.ndarray, np.ndarray]:
    """Original and copy in one geometry (not yet one scale), from the recorded transform."""
    h, w = o.shape
    if kind == "rot90":
        c = transpose(c, T.ROTATE_90)
    elif kind == "rot180":
        c = transpose(c, T.ROTATE_180)
    elif kind == "rot270":
        c = transpose(c, T.ROTATE_270)
    elif kind == "mirror":
        c = transpose(c, T.FLIP_LEFT_RIGHT)
    elif kind in ("crop_small", "crop_large"):
        o = crop(o, *p["box"])
    elif kind == "border":
        c = strip_border(c, w, h, p)
    elif kind == "letterbox":
        H, W = c.shape  # square canvas, the photo centred (same scale)
        x0, y0 = (W - w) // 2, (H - h) // 2
        c = c[y0 : y0 + h, x0 : x0 + w]
    elif kind == "tilt":
        rot = np.asarray(to_img(o).rotate(p["degrees"], resample=Image.Resampling.BICUBIC), dtype=np.float32)
        ch, cw = c.shape
        x, y = (w - cw) // 2, (h - ch) // 2
        o = rot[y : y + ch, x : x + cw]
        # the edges of the rotated frame carry no useful residual: trim a little on both
    elif kind == "combo":
        ops = p["ops"]
        if "mirror" in ops:
            o = transpose(o, T.FLIP_LEFT_RIGHT)
        if "border" in ops:
            c = strip_border(c, w, h, p["border"])
    return o, c


def common_scale(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Resize the larger of the two (by area) to the smaller's size."""
    if a.size <= b.size:
        return a, resize(b, a.shape[1], a.shape[0])
    return resize(a, b.shape[1], b.shape[0]), b


def _lowres(a: np.ndarray, side: int = 256) -> np.ndarray:
    h, w = a.shape
    s = side / max(h, w)
    return resize(a, max(8, round(w * s)), max(8, round(h * s)))


def _ncc(a: np.ndarray, b: np.ndarray) -> float:
    a = a - a.mean()
    b = b - b.mean()
    d = float(np.sqrt((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / d) if d > 1e-9 else 0.0


def phase_shift(a: np.ndarray, b: np.ndarray, max_shift: int) -> tuple[int, int]:
    """Integer (dy, dx) such that b[y+dy, x+dx] ~ a[y, x] (a, b same shape)."""
    h, w = a.shape
    win = np.outer(np.hanning(h), np.hanning(w)).astype(np.float32)
    fa = np.fft.rfft2((a - a.mean()) * win)
    fb = np.fft.rfft2((b - b.mean()) * win)
    r = np.conj(fa) * fb
    r /= np.abs(r) + 1e-9
    corr = np.fft.irfft2(r, s=(h, w))
    # restrict to the search window
    ys = np.r_[0 : max_shift + 1, h - max_shift : h]
    xs = np.r_[0 : max_shift + 1, w - max_shift : w]
    sub = corr[np.ix_(ys, xs)]
    iy, ix = np.unravel_index(int(np.argmax(sub)), sub.shape)
    dy, dx = int(ys[iy]), int(xs[ix])
    if dy > h // 2:
        dy -= h
    if dx > w // 2:
        dx -= w
    return dy, dx


def warp(
    b: np.ndarray, shape: tuple[int, int], s: float, deg: float, oy: float = 0, ox: float = 0
) -> np.ndarray:
    """Output pixel (x, y) samples ``b`` at the centre-anchored similarity (scale s, deg) of
    (x + ox, y + oy); outside ``b`` is 0."""
    h, w = shape
    hb, wb = b.shape
    c, n = s * np.cos(np.radians(deg)), s * np.sin(np.radians(deg))
    X0, Y0 = ox - (w - 1) / 2, oy - (h - 1) / 2
    data = (
        c,
        -n,
        c * X0 - n * Y0 + (wb - 1) / 2 + 0.5 - 0.5 * (c - n),
        n,
        c,
        n * X0 + c * Y0 + (hb - 1) / 2 + 0.5 - 0.5 * (n + c),
    )
    out = to_img(b).transform((w, h), Image.Transform.AFFINE, data, Image.Resampling.BICUBIC)
    return np.asarray(out, dtype=np.float32)


def _overlap_ncc(a: np.ndarray, b: np.ndarray, dy: int, dx: int) -> float:
    h, w = a.shape
    ya, yb = max(0, -dy), max(0, dy)
    xa, xb = max(0, -dx), max(0, dx)
    hh, ww = h - abs(dy), w - abs(dx)
    if hh < 8 or ww < 8:
        return -1.0
    pa, pb = a[ya : ya + hh, xa : xa + ww], b[yb : yb + hh, xb : xb + ww]
    keep = pb != 0
    return _ncc(pa[keep], pb[keep]) if keep.mean() > 0.5 else -1.0


#: Global similarity search for negatives (wide: UKBench objects are turned by up to ~30 deg).
WIDE = (
    tuple(float(x) for x in np.geomspace(0.6, 1 / 0.6, 19)),
    tuple(float(x) for x in np.arange(-40, 40.1, 2.5)),
)
NARROW = (
    tuple(float(x) for x in np.geomspace(0.9, 1 / 0.9, 7)),
    tuple(float(x) for x in np.arange(-4, 4.1, 2.0)),
)


def _search(la: np.ndarray, lb: np.ndarray, scales, angles, prior=(1.0, 0.0, 0.0, 0.0)):
    """Best (ncc, scale, deg, oy, ox) warping lb onto la's grid; prior offsets in la pixels."""
    la_s = ndimage.gaussian_filter(la, 1.0)
    top = (-2.0, 1.0, 0.0, 0.0, 0.0)
    for sc in scales:
        for deg in angles:
            lw = ndimage.gaussian_filter(warp(lb, la.shape, sc, deg, prior[2], prior[3]), 1.0)
            dy, dx = phase_shift(la_s, lw, max(la.shape) // 4)
            v = _overlap_ncc(la_s, lw, dy, dx)
            if v > top[0]:
                top = (v, sc, deg, prior[2] + dy, prior[3] + dx)
    return top


def estimate_align(
    a: np.ndarray, b: np.ndarray, wide: bool = True
) -> tuple[np.ndarray, np.ndarray, tuple[int, int]]:
    """Negatives: orientation by low-res correlation, common scale, then a global similarity by
    brute force at 160 px (wide: scale 0.6-1.67, rotation +-40 deg; narrow: 0.9-1.11, +-4 deg),
    refined at 640 px (+-4 %, +-2 deg); b is warped onto a's grid at full resolution.
    Returns a, warped b, (0, 0) (any remaining shift is left to the per-block search)."""
    la = _lowres(a, 128)
    best = None
    for op in (None, T.ROTATE_90, T.ROTATE_270, T.ROTATE_180):
        bb = b if op is None else transpose(b, op)
        lb = resize(_lowres(bb, 128), la.shape[1], la.shape[0])
        sc = _ncc(ndimage.gaussian_filter(la, 1), ndimage.gaussian_filter(lb, 1))
        if best is None or sc > best[0]:
            best = (sc, bb)
    b = best[1]
    a, b = common_scale(a, b)
    scales, angles = WIDE if wide else NARROW
    la, lb = _lowres(a, 160), _lowres(b, 160)
    lb = resize(lb, la.shape[1], la.shape[0])
    _, sc, deg, oy, ox = _search(la, lb, scales, angles)
    # refine at 640 px (or full size when smaller)
    f0 = la.shape[0]
    la, lb = _lowres(a, min(640, max(a.shape))), _lowres(b, min(640, max(a.shape)))
    lb = resize(lb, la.shape[1], la.shape[0])
    k = la.shape[0] / f0
    top = (-2.0,)
    for ds in np.geomspace(0.96, 1 / 0.96, 5):
        for dd in (-2.0, -1.0, 0.0, 1.0, 2.0):
            # re-centre: same rotation/scale about the centre, offsets scaled to this level
            r = _search(la, lb, (sc * ds,), (deg + dd,), (1.0, 0.0, oy * k, ox * k))
            if r[0] > top[0]:
                top = r
    _, sc, deg, oy, ox = top
    f = a.shape[0] / la.shape[0]
    return a, warp(b, a.shape, sc, deg, oy * f, ox * f), (0, 0)


def pair_score(
    a: np.ndarray,
    b: np.ndarray,
    shift: tuple[int, int] = (0, 0),
    block: int = 64,
    sigma: float = 1.0,
    max_blocks: int = 200,
    rng: random.Random | None = None,
) -> dict[str, float]:
    """a, b: same-shaped luminance. Returns med / flat / n (blocks)."""
    # small pictures (a 0.3x downscale of a 481 px photo is 144 px wide) get smaller blocks
    block = max(16, min(block, (min(a.shape) // 4) // 8 * 8))
    ra = a - ndimage.gaussian_filter(a, sigma)
    rb = b - ndimage.gaussian_filter(b, sigma)
    sa = ndimage.gaussian_filter(a, 2.0)
    sb = ndimage.gaussian_filter(b, 2.0)
    h, w = a.shape
    gy, gx = shift
    m = block // 4  # local search range
    e = 4  # keep off the picture's edge (filters, tilt fill, resampling ringing)
    pos = [
        (y, x)
        for y in range(e + m, h - block - e - m, block)
        for x in range(e + m, w - block - e - m, block)
        if e + m <= y + gy <= h - block - e - m and e + m <= x + gx <= w - block - e - m
    ]
    if rng is not None and len(pos) > max_blocks:
        pos = rng.sample(pos, max_blocks)
    scores, texture, aligned = [], [], []
    for y, x in pos:
        ba = sa[y : y + block, x : x + block]
        yy, xx = y + gy, x + gx
        dy, dx = phase_shift(ba, sb[yy : yy + block, xx : xx + block], m)
        best, at = -1.0, (yy + dy, xx + dx)
        pa = ra[y : y + block, x : x + block]
        for ey in (-1, 0, 1):
            for ex in (-1, 0, 1):
                y2, x2 = yy + dy + ey, xx + dx + ex
                if y2 < 0 or x2 < 0 or y2 + block > h or x2 + block > w:
                    continue
                v = _ncc(pa, rb[y2 : y2 + block, x2 : x2 + block])
                if v > best:
                    best, at = v, (y2, x2)
        scores.append(best)
        # how well the scene itself lines up there (smoothed images): a low residual NCC only
        # means "independent noise" where this is high
        aligned.append(_ncc(ba, sb[at[0] : at[0] + block, at[1] : at[1] + block]))
        g = np.diff(ba, axis=0)
        texture.append(float((g * g).mean()))
    if not scores:
        return {
            "med": float("nan"),
            "flat": float("nan"),
            "align": float("nan"),
            "n": 0,
            "med_al": float("nan"),
            "n_al": 0,
        }
    s = np.asarray(scores)
    al = np.asarray(aligned)
    good = s[al >= ALIGNED]
    order = np.argsort(texture)
    flat = s[order[: max(1, len(s) // 2)]]
    return {
        "med": float(np.median(s)),
        "flat": float(np.median(flat)),
        "align": float(np.median(aligned)),
        "n": len(s),
        # only where the scene lines up (smoothed NCC >= ALIGNED): the fair comparison
        "med_al": float(np.median(good)) if len(good) >= MIN_ALIGNED else float("nan"),
        "n_al": len(good),
    }


def collect_pairs(
    truth: dict[str, Any], limit: int, rng: random.Random
) -> list[tuple[str, str, str, str, dict]]:
    """(class, label, file a, file b, params). class: pos / neg / burst."""
    by_kind: dict[str, list] = defaultdict(list)
    for g in truth["groups"]:
        orig = next(f for f in g["files"] if f["kind"] == "original")
        for f in g["files"]:
            if f["kind"] in ("original", "half"):
                continue
            by_kind[f["kind"]].append(("pos", f["kind"], orig["path"], f["path"], f.get("params", {})))
    pairs: list = []
    for kind in sorted(by_kind):
        lst = by_kind[kind]
        pairs += rng.sample(lst, limit) if limit and len(lst) > limit else lst
    for s in truth["similar_sets"]:
        if s["kind"] == "shot":
            src = s["sources"][0]
            label = "stereo" if "motorcycle" in src else "holidays" if "/1000" in src else "ukbench"
            cls = "neg"
        elif s["kind"] == "burst":
            label, cls = "burst", "burst"
        else:
            continue  # look-alikes: different photos of a subject, not alignable
        fs = s["files"]
        for i in range(len(fs)):
            for j in range(i + 1, len(fs)):
                pairs.append((cls, label, fs[i], fs[j], {}))
    return pairs


def best_threshold(pos: list[float], neg: list[float]) -> tuple[float, int, int]:
    """Threshold t (copy if score > t) minimising errors; (t, positives <= t, negatives > t)."""
    cand = sorted(set(pos) | set(neg))
    best = (float("-inf"), 0, len(neg))
    best_err = len(neg)
    for i, t in enumerate(cand):
        fn = sum(p <= t for p in pos)
        fp = sum(n > t for n in neg)
        if fn + fp < best_err or (fn + fp == best_err and fp < best[2]):
            nxt = cand[i + 1] if i + 1 < len(cand) else t + 1e-3
            best, best_err = ((t + nxt) / 2, fn, fp), fn + fp
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--limit", type=int, default=12, help="pairs per positive kind (0: all)")
    ap.add_argument("--block", type=int, default=64)
    ap.add_argument("--max-blocks", type=int, default=200)
    ap.add_argument("--sigma", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--csv", type=Path)
    args = ap.parse_args(argv)
    truth = json.loads((args.corpus / "truth.json").read_text(encoding="utf-8"))
    rng = random.Random(args.seed)
    pairs = collect_pairs(truth, args.limit, rng)
    rows = []
    t_all = time.perf_counter()
    for cls, label, fa, fb, params in pairs:
        t0 = time.perf_counter()
        try:
            a, b = load_y(args.corpus / fa), load_y(args.corpus / fb)
        except Exception as exc:
            print(f"skip {fa} {fb}: {exc}", file=sys.stderr)
            continue
        if cls == "pos":
            a, b = truth_align(a, b, label, params)
            a, b = common_scale(a, b)
            shift = (0, 0)
        else:
            a, b, shift = estimate_align(a, b, wide=cls == "neg")
        sc = pair_score(a, b, shift, args.block, args.sigma, args.max_blocks, random.Random(args.seed))
        ms = (time.perf_counter() - t0) * 1000
        rows.append(
            {"cls": cls, "label": label, "a": fa, "b": fb, "ms": ms, "w": a.shape[1], "h": a.shape[0], **sc}
        )
    elapsed = time.perf_counter() - t_all

    def fmt(v: list[float]) -> str:
        v = np.asarray([x for x in v if x == x])
        if not len(v):
            return f"{'(none)':27}"
        return f"{v.min():6.3f} {np.percentile(v, 5):6.3f} {np.median(v):6.3f} {v.max():6.3f}"

    print(f"{len(rows)} pairs in {elapsed:.1f} s; block {args.block}, sigma {args.sigma}")
    print(
        f"{'class':5} {'kind/set':13} {'n':>3} | {'med:  min     p5 median    max':27} | "
        f"{'flat: min     p5 median    max':27} | {'med_al: min   p5 median    max':27} | "
        f"n_al align | ms"
    )
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for r in rows:
        groups[(r["cls"], r["label"])].append(r)
    order = {"pos": 0, "neg": 1, "burst": 2}
    for (cls, label), rs in sorted(groups.items(), key=lambda kv: (order[kv[0][0]], kv[0][1])):
        ok = [r for r in rs if r["n"]]
        if not ok:
            print(f"{cls:5} {label:13} {len(rs):3} | no blocks")
            continue
        print(
            f"{cls:5} {label:13} {len(ok):3} | {fmt([r['med'] for r in ok])} | "
            f"{fmt([r['flat'] for r in ok])} | {fmt([r['med_al'] for r in ok])} | "
            f"{np.median([r['n_al'] for r in ok]):4.0f} {np.median([r['align'] for r in ok]):5.2f} | "
            f"{np.median([r['ms'] for r in ok]):4.0f}"
        )
    for key in ("med", "flat", "med_al"):
        # a pair without a score (no aligned blocks) counts as "not a copy"
        val = {id(r): (r[key] if r["n"] and r[key] == r[key] else -1.0) for r in rows}
        pos = [val[id(r)] for r in rows if r["cls"] == "pos"]
        neg = [val[id(r)] for r in rows if r["cls"] == "neg"]
        bur = [val[id(r)] for r in rows if r["cls"] == "burst"]
        t, fn, fp = best_threshold(pos, neg)
        print(
            f"[{key}] best threshold {t:.3f}: {fn}/{len(pos)} copies at or below, "
            f"{fp}/{len(neg)} real different exposures above "
            f"({sum(v < 0 for v in neg)} of them unscored); "
            f"bursts above: {sum(v > t for v in bur)}/{len(bur)}"
        )
        low = sorted((val[id(r)], r["label"], r["b"]) for r in rows if r["cls"] == "pos" and val[id(r)] <= t)
        for v, lab, f in low[:12]:
            print(f"    copy below: {v:.3f} {lab} {f}")
        hi = sorted(((val[id(r)], r["label"]) for r in rows if r["cls"] == "neg"), reverse=True)
        print("    highest negatives: " + ", ".join(f"{v:.3f} {lab}" for v, lab in hi[:6]))
        # the operating point that matters for pre-marking: no real different exposure above it
        safe = max(neg)
        miss: dict[str, int] = defaultdict(int)
        for r in rows:
            if r["cls"] == "pos" and val[id(r)] <= safe:
                miss[r["label"]] += 1
        print(
            f"    zero-false-premark threshold {safe:.3f} (highest negative): "
            f"{sum(miss.values())}/{len(pos)} copies at or below: "
            + ", ".join(f"{k} {v}/{len(groups[('pos', k)])}" for k, v in sorted(miss.items()))
        )
    print(
        f"median cost per pair {np.median([r['ms'] for r in rows]):.0f} ms "
        f"(max {max(r['ms'] for r in rows):.0f} ms, at {max(rows, key=lambda r: r['ms'])['w']} px wide)"
    )
    if args.csv:
        import csv

        with args.csv.open("w", newline="") as fh:
            wr = csv.DictWriter(fh, fieldnames=list(rows[0]))
            wr.writeheader()
            wr.writerows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
