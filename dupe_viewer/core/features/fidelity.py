"""How faithful one file is to the picture it shows: the evidence the keeper is chosen from.

A copy can have more pixels and a bigger file than its original and still be the worse file: an
upscale adds pixels but no detail, a letterbox adds border, a re-save at a higher JPEG quality
adds bytes but not fidelity. Measured here, per file, from what the decode already has:

- :func:`jpeg_quality`: the IJG quality (1-100) that best explains the file's luminance
  quantisation table (read from the header; no pixels needed).
- :func:`camera`: make and model from EXIF (camera originals carry them; messengers, screenshots
  and most exports strip them).
- :func:`detail`, on the decoded pixels before any resizing (native resolution for images up to
  :data:`NATIVE_MAX_PIXELS`, which are decoded whole for it; larger JPEGs at their DCT-scaled
  size):

  * ``top``: how much detail reaches the pixel grid: the power of the top half-octave of the
    radially averaged spectrum of a centre crop, relative to its lowest 1.5 octaves (log10).
    An enlarged copy has nothing above its source's Nyquist frequency, so its ``top`` is far
    below its source's (median -1.2 on the dev corpus), while a larger original and its
    downscale have about the same (median -0.1): :mod:`..group.keeper` compares the members of
    a group with it.
  * ``blockiness``: mean luminance step across the 8-pixel JPEG block grid over the mean step
    elsewhere. About 1.0 for a clean picture; well above it when the pixels went through a
    coarser JPEG compression at some point, even if the file itself is a high-quality JPEG or
    a PNG (a re-save of a re-save).
  * ``sharpness``: Laplacian energy over the image's variance, for choosing among burst frames.
  * ``clipped``: the share of pixels burnt out or crushed (luminance ≥ 250 or ≤ 5): of two
    equally sharp frames of a burst, the better exposed one clips less.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np
from PIL import ExifTags, Image

#: Images up to this many pixels are measured at native resolution (a JPEG this size is decoded
#: whole instead of at a DCT-reduced scale: ~10 ms). Larger ones are measured at their decoded size.
NATIVE_MAX_PIXELS = 6_000_000
#: Side of the centre crop whose spectrum is measured.
SPECTRUM_SIDE = 384
#: Quarter-octave frequencies (cycles per pixel) of the spectrum, from Nyquist down.
FREQS = 0.5 / 2 ** (np.arange(13) / 4)

#: The IJG standard luminance quantisation table (JPEG Annex K), row by row.
_IJG_LUMA = np.array(
    [
        [16, 11, 10, 16, 24, 40, 51, 61],
        [12, 12, 14, 19, 26, 58, 60, 55],
        [14, 13, 16, 24, 40, 57, 69, 56],
        [14, 17, 22, 29, 51, 87, 80, 62],
        [18, 22, 37, 56, 68, 109, 103, 77],
        [24, 35, 55, 64, 81, 104, 113, 92],
        [49, 64, 78, 87, 103, 121, 120, 101],
        [72, 92, 95, 98, 112, 100, 103, 99],
    ],
    dtype=np.float64,
).ravel()


def _ijg_table(quality: int) -> np.ndarray:
    scale = 5000 / quality if quality < 50 else 200 - 2 * quality
    return np.clip(np.floor((_IJG_LUMA * scale + 50) / 100), 1, 255)


#: The luminance table libjpeg writes at each quality 1-100.
_IJG_TABLES = np.array([_ijg_table(q) for q in range(1, 101)])


@dataclass(frozen=True)
class Detail:
    top: float = 0.0
    blockiness: float = 1.0
    sharpness: float = 0.0
    clipped: float = 0.0
    #: Measured on the native pixels (False: on a reduced decode, which hides small upscales).
    native: bool = False


def jpeg_quality(im: Image.Image) -> float | None:
    """Estimated IJG quality of a JPEG from its luminance table; None for other formats.

    Tables that are not scaled IJG tables (some cameras) get the quality whose table has the
    closest average step, which orders files by coarseness just the same."""
    tables = getattr(im, "quantization", None)
    if im.format != "JPEG" or not tables:
        return None
    table = np.asarray(tables.get(0, next(iter(tables.values()))), dtype=np.float64)
    if table.size != 64:
        return None
    # Pillow gives the table in natural (row-major) order, like _IJG_LUMA.
    err = np.abs(_IJG_TABLES - table).mean(axis=1)
    best = int(np.argmin(err))
    if err[best] > 1.0:
        best = int(np.argmin(np.abs(_IJG_TABLES.mean(axis=1) - table.mean())))
    return float(best + 1)


def camera(im: Image.Image) -> str | None:
    """ "Make Model" from EXIF, or None when the file names no camera."""
    try:
        exif = im.getexif()
    except Exception:  # broken EXIF must not cost the image
        return None
    return camera_of(exif)


def camera_of(exif: Image.Exif) -> str | None:
    """ "Make Model" from an EXIF block (:func:`camera`; RAW files have theirs read apart)."""
    make = str(exif.get(ExifTags.Base.Make, "") or "").strip("\x00 ")
    model = str(exif.get(ExifTags.Base.Model, "") or "").strip("\x00 ")
    if not model:
        return make or None
    return model if model.lower().startswith(make.lower()) else f"{make} {model}".strip()


#: Side of the (block-grid aligned) centre crop that blockiness and sharpness are measured on.
MEASURE_SIDE = 1024


def measure_box(w: int, h: int) -> tuple[int, int, int, int]:
    """The centre crop of a ``w``×``h`` image that :func:`detail` measures (left, top, right,
    bottom). Cropping to it first measures the same: the box of the box is itself."""
    cw, ch = min(w, MEASURE_SIDE), min(h, MEASURE_SIDE)
    # The crop starts on the 8-pixel grid so that JPEG block boundaries stay where they were.
    x0, y0 = ((w - cw) // 2) & ~7, ((h - ch) // 2) & ~7
    return x0, y0, x0 + cw, y0 + ch


def detail(image: Image.Image, native: bool) -> Detail:
    """Top-band detail, blockiness and sharpness of ``image`` (RGB, not yet resized)."""
    gray = np.asarray(image.crop(measure_box(*image.size)).convert("L"), dtype=np.float32)
    if gray.shape[0] < 32 or gray.shape[1] < 32:
        return Detail(native=native)
    return Detail(
        top=_top(gray),
        blockiness=_blockiness(gray) if native else 1.0,
        sharpness=_sharpness(gray),
        clipped=float(((gray >= 250) | (gray <= 5)).mean()),
        native=native,
    )


def _spectrum(gray: np.ndarray) -> np.ndarray:
    """log10 radially averaged power at :data:`FREQS`, of a Hann-windowed centre crop."""
    h, w = gray.shape
    c = _fast_side(min(SPECTRUM_SIDE, h, w))
    y0, x0 = (h - c) // 2, (w - c) // 2
    x = gray[y0 : y0 + c, x0 : x0 + c]
    x = x - x.mean()
    window, band, counts = _spectrum_plan(c)
    import scipy.fft  # here: a warm rescan decodes nothing and must not pay for loading scipy

    power = np.abs(scipy.fft.rfft2(x * window)) ** 2
    sums = np.bincount(band, weights=power.ravel(), minlength=len(FREQS) + 2)[1:-1]
    return np.log10(sums / np.maximum(counts, 1) + 1e-6)


def _fast_side(n: int) -> int:
    """The largest side <= ``n`` (and even) whose FFT is fast (only small prime factors): a 374-px
    crop takes 25 ms, a 360-px one 1 ms."""
    import scipy.fft  # see _spectrum

    while n > 2 and (n % 2 or scipy.fft.next_fast_len(n, real=True) != n):
        n -= 1
    return n


@functools.lru_cache(maxsize=16)
def _spectrum_plan(c: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For a c×c crop: the Hann window, each half-spectrum bin's quarter-octave band (shifted by
    one: 0 and len+1 collect what is outside), and how many bins each band has."""
    window = np.outer(np.hanning(c), np.hanning(c)).astype(np.float32)
    fy, fx = np.fft.fftfreq(c), np.fft.rfftfreq(c)
    r = np.hypot(fy[:, None], fx[None, :])
    band = np.clip(np.round(np.log2(0.5 / np.maximum(r, 1e-9)) * 4), -1, len(FREQS)).astype(np.int64)
    band = band.ravel() + 1
    counts = np.bincount(band, minlength=len(FREQS) + 2)[1:-1]
    return window, band, counts


def _top(gray: np.ndarray) -> float:
    spectrum = _spectrum(gray)
    return float(spectrum[:2].mean() - spectrum[-6:].mean())


def _blockiness(gray: np.ndarray) -> float:
    dx = np.abs(np.diff(gray, axis=1))
    dy = np.abs(np.diff(gray, axis=0))
    if dx.shape[1] < 16 or dy.shape[0] < 16:
        return 1.0
    # Column 7 of dx is the step between pixels 7 and 8: across a block boundary.
    ratio_x = dx[:, 7::8].mean() / (dx.mean() + 1e-6)
    ratio_y = dy[7::8, :].mean() / (dy.mean() + 1e-6)
    return float((ratio_x + ratio_y) / 2)


def _sharpness(gray: np.ndarray) -> float:
    lap = 4 * gray[1:-1, 1:-1] - gray[:-2, 1:-1] - gray[2:, 1:-1] - gray[1:-1, :-2] - gray[1:-1, 2:]
    return float((lap * lap).mean() / (gray.var() + 1.0))
