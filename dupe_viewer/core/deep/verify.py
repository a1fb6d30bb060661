"""Geometric verification of deep-similarity candidates on the stored 32×32 thumbnails.

A CNN descriptor says "these look alike": two photos of cats, the two halves of one panorama, or
a photo and a crop of it all score high. What tells a crop from a look-alike is geometry: a crop
is literally a window of the other image. For each pair we search windows of one thumbnail
(every offset, widths and heights of 50-100 % of the side) for the best normalised
cross-correlation with the other thumbnail scaled to that window, in both directions.

Measured on the dev corpus (tests/benchmarks/deep_descriptors.py, candidates with GeM cosine
≥ 0.75): crops and tilted copies verify at 0.78-1.0, unrelated look-alikes at ≤ 0.85 (median 0.49),
left-vs-right halves of one photo at ≤ 0.88 (median 0.61). Averaged with the cosine, the verified
deep score separates them: see the thresholds of :func:`.spec.default_spec`.

Vectorised over pairs: resizes are matrix products, correlations FFTs, window statistics
summed-area tables.
"""

from __future__ import annotations

from functools import cache

import numpy as np

#: Fractions of the side a crop may keep, per axis.
SCALES = (1.0, 0.9, 0.8, 0.7, 0.6, 0.5)
#: Crops that change the aspect ratio more than this (per-axis fraction difference) are not
#: searched: a 4:3 photo cropped square is 0.25, a panorama slice is rarer than the cost.
MAX_ASPECT_CHANGE = 0.3
#: Pairs whose best window at unchanged aspect scores below this are not searched further.
PRESCREEN = 0.55
_CHUNK = 256


@cache
def _area_matrix(out: int, inp: int) -> np.ndarray:
    """(out × inp) matrix that box-resamples a length-``inp`` signal to length ``out``."""
    m = np.zeros((out, inp), dtype=np.float32)
    scale = inp / out
    for i in range(out):
        lo, hi = i * scale, (i + 1) * scale
        for j in range(int(np.floor(lo)), min(inp, int(np.ceil(hi)))):
            m[i, j] = max(0.0, min(hi, j + 1) - max(lo, j))
        m[i] /= m[i].sum()
    return m


def _integral(x: np.ndarray) -> np.ndarray:
    """(P, H, W) -> (P, H+1, W+1) summed-area tables."""
    out = np.zeros((x.shape[0], x.shape[1] + 1, x.shape[2] + 1), dtype=np.float64)
    out[:, 1:, 1:] = x.cumsum(axis=1).cumsum(axis=2)
    return out


def _window_sums(integral: np.ndarray, th: int, tw: int) -> np.ndarray:
    """Sums over every th×tw window: (P, H-th+1, W-tw+1)."""
    return integral[:, th:, tw:] - integral[:, :-th, tw:] - integral[:, th:, :-tw] + integral[:, :-th, :-tw]


class _Side:
    """One side of a batch of pairs, with what every window search over it needs."""

    def __init__(self, thumbs: np.ndarray) -> None:
        import scipy.fft  # here: a hash-only or warm scan imports this module, never scipy

        self.x = thumbs.astype(np.float32)
        self.fft = scipy.fft.rfft2(self.x)
        self.sum = _integral(self.x)
        self.sq = _integral(self.x.astype(np.float64) ** 2)


def _best_ncc(big: _Side, small: _Side, fx: float, fy: float) -> tuple[np.ndarray, np.ndarray]:
    """For each pair: best NCC of ``small`` scaled to (fy, fx) of the side, over windows of
    ``big``, and that window as (x0, y0, x1, y1) in fractions of ``big``'s sides."""
    side = big.x.shape[1]
    th, tw = max(4, round(side * fy)), max(4, round(side * fx))
    t = np.einsum("ij,pjk,lk->pil", _area_matrix(th, side), small.x, _area_matrix(tw, side), optimize=True)
    t -= t.mean(axis=(1, 2), keepdims=True)
    tnorm = np.sqrt((t * t).sum(axis=(1, 2)))
    padded = np.zeros_like(small.x)
    padded[:, :th, :tw] = t
    # Cross-correlation by FFT; with the template in the top-left corner, the valid offsets
    # (y <= H-th, x <= W-tw) never wrap around.
    import scipy.fft  # see _Side

    corr = scipy.fft.irfft2(big.fft * np.conj(scipy.fft.rfft2(padded)), s=(side, side))
    num = corr[:, : side - th + 1, : side - tw + 1]
    n = th * tw
    wsum = _window_sums(big.sum, th, tw)
    wvar = np.maximum(_window_sums(big.sq, th, tw) - wsum * wsum / n, 0.0)
    ncc = (num / (np.sqrt(wvar) * tnorm[:, None, None] + 1e-3)).reshape(len(num), -1)
    at = ncc.argmax(axis=1)
    y, x = np.divmod(at, side - tw + 1)
    box = np.stack([x, y, x + tw, y + th], axis=1).astype(np.float32) / side
    return ncc[np.arange(len(ncc)), at], box


def crop_scores(
    thumbs_a: np.ndarray, thumbs_b: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Verify pairs of (P, 32, 32) uint8 thumbnails.

    Returns per pair: the verification score (-1..1); the area fraction of the best window (1.0:
    the whole image); that window (x0, y0, x1, y1) in fractions of the containing image's sides;
    and which side contains it (0: the window is in ``a``, 1: in ``b``).
    """
    p = len(thumbs_a)
    best = np.full(p, -1.0, dtype=np.float32)
    area = np.ones(p, dtype=np.float32)
    boxes = np.tile(np.array([0, 0, 1, 1], np.float32), (p, 1))
    container = np.zeros(p, dtype=np.int8)
    square = [(f, f) for f in SCALES]
    other = [
        (fx, fy) for fx in SCALES for fy in SCALES if fx != fy and abs(fx - fy) <= MAX_ASPECT_CHANGE + 1e-9
    ]
    for lo in range(0, p, _CHUNK):
        rows = np.arange(lo, min(p, lo + _CHUNK))
        _search(thumbs_a[rows], thumbs_b[rows], square, rows, best, area, boxes, container)
        # Windows of other aspect ratios only where the square search found something: most
        # look-alikes correlate poorly at every scale (median 0.49), so this halves the work.
        rows = rows[best[rows] >= PRESCREEN]
        if len(rows):
            _search(thumbs_a[rows], thumbs_b[rows], other, rows, best, area, boxes, container)
    return best, area, boxes, container


def _search(
    ta: np.ndarray,
    tb: np.ndarray,
    scales: list[tuple[float, float]],
    rows: np.ndarray,
    best: np.ndarray,
    area: np.ndarray,
    boxes: np.ndarray,
    container: np.ndarray,
) -> None:
    a, b = _Side(ta), _Side(tb)
    for fx, fy in scales:
        for big, small, side in ((a, b, 0), (b, a, 1)):
            if fx == fy == 1.0 and side == 1:
                continue  # the whole-image comparison is symmetric
            s, box = _best_ncc(big, small, fx, fy)
            better = s > best[rows] + 1e-6
            upd = rows[better]
            best[upd] = s[better]
            area[upd] = fx * fy
            boxes[upd] = box[better]
            container[upd] = side


#: A crop shows its window's colours: a verified window whose mean chroma (Cb or Cr, 0-255)
#: differs from the crop's by more than this, both in colour, is a look-alike. On the dev corpus
#: (deep-linked crop pairs of two colour images) true crops and tilts differ by at most 13.4,
#: except a hue-shifted copy against a crop of its original (28); a different photo of
#: mountains matched into a window of an INRIA Holidays shot differed by 18.7.
COLOUR_MISMATCH = 15.0
#: Below this colourfulness an image is grayscale (as :data:`..features.perceptual.GRAY_CHROMA`).
_GRAY = 4.0


def _cell_weights(boxes: np.ndarray) -> np.ndarray:
    """(P, 4, 4) share of each 4×4 colour-grid cell covered by each window (rows sum to 1)."""
    edges = np.arange(5) / 4.0
    lo, hi = edges[:-1], edges[1:]
    oy = np.clip(np.minimum(boxes[:, 3:4], hi) - np.maximum(boxes[:, 1:2], lo), 0, None)
    ox = np.clip(np.minimum(boxes[:, 2:3], hi) - np.maximum(boxes[:, 0:1], lo), 0, None)
    w = oy[:, :, None] * ox[:, None, :]
    return w / np.maximum(w.sum(axis=(1, 2), keepdims=True), 1e-9)


def colour_mismatch(
    colour: np.ndarray, chroma: np.ndarray, pairs: np.ndarray, boxes: np.ndarray, container: np.ndarray
) -> np.ndarray:
    """Per pair verified as a crop (``container`` 0/1, window ``boxes``): the crop's colours are
    not those of its window (both images in colour). ``colour``: the files' 4×4 YCbCr grids,
    ``chroma``: their colourfulness."""
    out = np.zeros(len(pairs), dtype=bool)
    rows = np.flatnonzero(container >= 0)
    if len(rows) == 0:
        return out
    side = container[rows].astype(np.int64)
    big = pairs[rows, side]
    small = pairs[rows, 1 - side]
    w = _cell_weights(np.nan_to_num(boxes[rows], nan=0.0).astype(np.float64))
    window = np.einsum("pij,pijc->pc", w, colour[big].astype(np.float64))
    crop = colour[small].astype(np.float64).mean(axis=(1, 2))
    diff = np.abs(window[:, 1:] - crop[:, 1:]).max(axis=1)
    colourful = (chroma[big] >= _GRAY) & (chroma[small] >= _GRAY)
    out[rows] = colourful & (diff > COLOUR_MISMATCH)
    return out
