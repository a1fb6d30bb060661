"""Exact (byte-identical) duplicates: size buckets, then a hash of the first block, then the whole file.

Reading every byte of every file is the slowest thing a duplicate finder can do, so full hashes are
computed only for files whose size *and* first block collide with another file's.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

#: Bytes read for the first-block hash.
PARTIAL_BYTES = 64 * 1024
_CHUNK = 1024 * 1024


def partial_hash(path: str | os.PathLike[str]) -> bytes:
    with open(path, "rb") as fh:
        return hashlib.blake2b(fh.read(PARTIAL_BYTES), digest_size=16).digest()


def full_hash(path: str | os.PathLike[str], should_stop: Callable[[], bool] | None = None) -> bytes:
    h = hashlib.blake2b(digest_size=16)
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            if should_stop is not None and should_stop():
                raise InterruptedError("cancelled")
    return h.digest()


def size_collisions(sizes: Sequence[int]) -> list[list[int]]:
    """Indices grouped by equal size, only groups of two or more (0-byte files are not images)."""
    by_size: dict[int, list[int]] = defaultdict(list)
    for i, s in enumerate(sizes):
        if s > 0:
            by_size[s].append(i)
    return [idx for idx in by_size.values() if len(idx) > 1]


def refine(buckets: Iterable[list[int]], key: Callable[[int], bytes | None]) -> list[list[int]]:
    """Split each bucket by ``key`` (None: unreadable, dropped); keep sub-buckets of two or more."""
    out: list[list[int]] = []
    for bucket in buckets:
        sub: dict[bytes, list[int]] = defaultdict(list)
        for i in bucket:
            k = key(i)
            if k is not None:
                sub[k].append(i)
        out.extend(v for v in sub.values() if len(v) > 1)
    return out
