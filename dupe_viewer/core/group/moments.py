"""Which pairs are two moments, not two copies: the camera says so.

A copy keeps its picture's capture time or loses it: a re-encode, a resize, an export or a HEIC
conversion carries the camera's ``DateTimeOriginal`` along, a messenger strips it. Two files from
one camera whose capture times differ are therefore two exposures, however alike they look:
frames of a burst, another shot of the same scene (the three INRIA Holidays shots of one scene
were taken 13 and 35 s apart). Such a pair is a *similar shot* (kind ``shot``): grouped for the
person to choose, never pre-marked for the trash.

Times are compared to the sub-second where both files have ``SubSecTimeOriginal`` (a burst
shares its second), else to the second. A difference of a whole number of quarter hours is not
taken as another moment: that is how photo tools shift a capture time to another time zone.
Without both times and the same camera nothing is concluded.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence

import numpy as np

from ..files.records import ImageRecord

#: Time-zone corrections move a capture time by whole quarter hours.
ZONE_STEP = 900


def _seconds(taken: str | None) -> tuple[float, float]:
    """(seconds of the capture time to the second, its sub-second fraction or NaN); NaN, NaN
    when there is no parsable time."""
    if not taken or len(taken) < 19:
        return np.nan, np.nan
    try:
        y, mo, d = int(taken[0:4]), int(taken[5:7]), int(taken[8:10])
        h, mi, s = int(taken[11:13]), int(taken[14:16]), int(taken[17:19])
        seconds = float(calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0)))
    except (ValueError, OverflowError):
        return np.nan, np.nan
    if y < 1900 or seconds <= 0:  # "0000:00:00 00:00:00" and other placeholders
        return np.nan, np.nan
    frac = taken[20:] if len(taken) > 20 and taken[19] == "." else ""
    return seconds, (float("0." + frac) if frac.isdigit() else np.nan)


class Moments:
    """Per record: capture time, its sub-second part and a camera code (-1: none)."""

    def __init__(self, records: Sequence[ImageRecord]) -> None:
        n = len(records)
        self.seconds = np.full(n, np.nan)
        self.subsec = np.full(n, np.nan)
        self.camera = np.full(n, -1, dtype=np.int64)
        cameras: dict[str, int] = {}
        for i, r in enumerate(records):
            if r.taken and r.camera:
                self.seconds[i], self.subsec[i] = _seconds(r.taken)
                self.camera[i] = cameras.setdefault(r.camera, len(cameras))

    def other_moment(self, ij: np.ndarray) -> np.ndarray:
        """Per pair (P×2 record indices): two exposures of one camera at different times."""
        if len(ij) == 0 or not (self.camera >= 0).any():
            return np.zeros(len(ij), dtype=bool)
        a, b = ij[:, 0], ij[:, 1]
        same_camera = (self.camera[a] >= 0) & (self.camera[a] == self.camera[b])
        dt = np.abs(self.seconds[a] - self.seconds[b])
        ds = np.abs(self.subsec[a] - self.subsec[b])
        with np.errstate(invalid="ignore"):
            zone_shift = (dt >= ZONE_STEP) & (np.mod(dt, ZONE_STEP) == 0)
            differs = (dt > 0) | (ds > 1e-6)
        return same_camera & differs & ~zone_shift
