"""What the keeper rules compare, per file of a result (:class:`Evidence`): sizes, borders,
detail, colour, camera metadata, encoding, dates, sharpness and exposure, as whole arrays
aligned with the records; :mod:`.keeper` turns them into the keep chain's columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from ..features.perceptual import GRAY_CHROMA
from ..files.formats import is_raw, is_raw_format
from ..files.records import ImageRecord

#: A file whose pixels show JPEG blocks this strongly went through a coarser JPEG than its own.
BLOCKY = 1.12
#: What such a re-save ranks as (an unknown, lower quality).
RESAVED_QUALITY = 75.0
#: Rank of lossy formats whose quality cannot be read (WebP, AVIF, HEIC): below a good JPEG.
OTHER_LOSSY_QUALITY = 85.0
LOSSLESS = frozenset({"PNG", "TIFF", "BMP", "DIB", "GIF", "PPM", "DNG"})


@dataclass(frozen=True)
class Evidence:
    """Per file of a result, what the keeper rules compare (arrays aligned with the records)."""

    pixels: np.ndarray  # canvas pixels
    picture: np.ndarray  # share of the canvas that is picture
    top: np.ndarray  # top-band detail (see fidelity); NaN when not measured
    gray: np.ndarray  # bool: no colour
    camera: np.ndarray  # bool: EXIF names a camera
    raw: np.ndarray  # bool: a camera RAW file
    encoding: np.ndarray  # rank of the encoding (0-100, lossless 100)
    taken: np.ndarray  # capture time (seconds), +inf when the file has none
    mtime: np.ndarray  # modification time (seconds)
    path_len: np.ndarray
    path_rank: np.ndarray  # alphabetical rank of the path
    #: Per file, an id shared by byte-identical files (same whole-file digest), else its own:
    #: what the scan measured of one content holds for all its copies.
    content: np.ndarray
    sharpness: np.ndarray  # Laplacian energy over variance (see fidelity); 0 when not measured
    native_sharpness: np.ndarray  # the same, NaN unless measured at native resolution
    clipped: np.ndarray  # share of burnt-out or crushed pixels (exposure); 0 when not measured
    #: The files' 32×32 thumbnails (a view of the features), None without features.
    thumbs: np.ndarray | None = None
    #: Per file: it has a thumbnail (was decoded); None without features.
    has_thumb: np.ndarray | None = None
    #: The files' 8×8 Cb/Cr maps (a view of the features), None without features.
    chroma_maps: np.ndarray | None = None
    #: Local-edit flags of group compositions seen before (regrouping on a slider step mostly
    #: meets the same groups again): tuple of members -> flags.
    local_memo: dict[tuple[int, ...], np.ndarray] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, records: Sequence[ImageRecord], features: np.ndarray | None = None) -> Evidence:
        n = len(records)
        pixels = np.array([r.pixels for r in records], dtype=np.float64)
        if features is not None and len(features) == n and "top" in (features.dtype.names or ()):
            # Files without features (not decoded: content 0) count as untouched full pictures.
            content = features["content"].astype(np.float64)
            known = content > 0
            picture = np.where(known, np.clip(content, 0.05, 1.0), 1.0)
            top = np.where(known & (features["native"] > 0), features["top"].astype(np.float64), np.nan)
            gray = known & (features["chroma"] < GRAY_CHROMA)
            blocky = known & (features["blockiness"] >= BLOCKY)
            sharpness = np.where(known, features["sharpness"].astype(np.float64), 0.0)
            native_sharp = np.where(known & (features["native"] > 0), sharpness, np.nan)
            clipped = np.where(known, features["clipped"].astype(np.float64), 0.0)
        else:
            picture, top = np.ones(n), np.full(n, np.nan)
            gray, blocky = np.zeros(n, bool), np.zeros(n, bool)
            sharpness = np.zeros(n)
            native_sharp = np.full(n, np.nan)
            clipped = np.zeros(n)
        thumbs = chroma_maps = None
        if features is not None and len(features) == n and "thumb" in (features.dtype.names or ()):
            thumbs = features["thumb"]
            chroma_maps = features["chroma_map"] if "chroma_map" in features.dtype.names else None
        by_path = sorted(range(n), key=lambda i: records[i].path)
        path_rank = np.empty(n, dtype=np.float64)
        path_rank[by_path] = np.arange(n)
        ids: dict[bytes, int] = {}
        content = np.array(
            [ids.setdefault(r.digest, i) if r.digest is not None else i for i, r in enumerate(records)],
            dtype=np.int64,
        )
        return cls(
            pixels=pixels,
            picture=picture,
            top=top,
            gray=np.asarray(gray, dtype=bool),
            camera=np.array([bool(r.camera) for r in records], dtype=bool),
            raw=np.array([is_raw(r) for r in records], dtype=bool),
            encoding=np.array([_encoding(r, bool(b)) for r, b in zip(records, blocky, strict=True)]),
            taken=np.array([_taken(r) for r in records], dtype=np.float64),
            mtime=np.array([r.mtime_ns / 1e9 for r in records], dtype=np.float64),
            path_len=np.array([len(r.path) for r in records], dtype=np.float64),
            path_rank=path_rank,
            content=content,
            sharpness=np.nan_to_num(sharpness, nan=0.0),
            native_sharpness=native_sharp,
            clipped=np.nan_to_num(clipped, nan=0.0),
            thumbs=thumbs,
            has_thumb=None if thumbs is None else thumbs.any(axis=tuple(range(1, thumbs.ndim))),
            chroma_maps=chroma_maps,
        )


def _encoding(rec: ImageRecord, blocky: bool) -> float:
    fmt = rec.format.upper()
    if is_raw_format(fmt):
        return 100.0  # the sensor data, before any encoding
    if fmt == "JPEG" and rec.quality is not None:
        q = float(rec.quality)
        return min(q, RESAVED_QUALITY) if blocky and q > RESAVED_QUALITY else q
    if fmt in LOSSLESS:
        return RESAVED_QUALITY if blocky else 100.0
    return OTHER_LOSSY_QUALITY


def _taken(rec: ImageRecord) -> float:
    if rec.taken:
        try:
            return datetime.strptime(rec.taken[:19], "%Y:%m:%d %H:%M:%S").timestamp()
        except ValueError:
            pass
    return float("inf")
