"""The keeper's detail evidence measured again at native resolution, for files that need it.

A scan decodes camera-sized JPEGs (above :data:`.fidelity.NATIVE_MAX_PIXELS`) at a DCT-reduced
scale: five times faster, but a reduced decode cannot show that a file was enlarged (its missing
fine detail is below the reduced grid). Whether that matters is only known once pairs are
scored: when a file is grouped with a clearly smaller copy of the same picture, the keeper has
to know whether the larger one is the original or an upscale of the smaller. The scan then
measures :class:`.fidelity.Detail` on the native pixels of just those files
(:func:`native_detail`), and caches it with their features, so it is done once per file.
"""

from __future__ import annotations

import os
import warnings

from PIL import Image

from ..errors import DecodeError
from ..options import DEFAULT_MAX_PIXELS
from . import fidelity, guard


def native_detail(path: str | os.PathLike[str], max_pixels: int = DEFAULT_MAX_PIXELS) -> fidelity.Detail:
    """:func:`.fidelity.detail` of ``path`` decoded whole, at its own resolution.

    Raises DecodeError (one line) for anything the decode guard refuses or a decoder raises."""
    with guard.open_regular(path) as fh:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                im = Image.open(fh)
        except Exception as exc:  # the scan already decoded it once; it may have changed since
            raise DecodeError(guard.reason(exc, max_pixels)) from None
        with im:
            try:
                guard.check_pixels(im, max_pixels)
                guard.check_budget(im)
                if im.format in ("JPEG", "MPO") and im.mode == "RGB":
                    # Every measure is of luminance: decoding only the Y channel skips chroma
                    # upsampling and colour conversion (about 1.8x faster at 12 MP; the measures
                    # agree with an RGB decode to the third decimal).
                    im.draft("L", im.size)
                with guard.large_decode_turn(im):
                    im.load()
                    crop = im.crop(fidelity.measure_box(*im.size))
                    if crop.mode not in ("RGB", "L"):
                        crop = crop.convert("RGB")
                    return fidelity.detail(crop, native=True)
            except DecodeError:
                raise
            except Exception as exc:
                raise DecodeError(guard.reason(exc, max_pixels)) from None
