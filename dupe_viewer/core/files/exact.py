"""Exact (byte-identical) duplicates: size buckets, then a hash of the first block, then the whole file.

Reading every byte of every file is the slowest thing a duplicate finder can do, so full hashes are
computed only for files whose size *and* first block collide with another file's. A cluster
scan's fsspec URLs are hashed the same way, read through fsspec.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import BinaryIO

from . import remote
from .opening import open_regular

#: Bytes read for the first-block hash.
PARTIAL_BYTES = 64 * 1024
_CHUNK = 1024 * 1024


def _open(path: str | os.PathLike[str]) -> BinaryIO:
    """A local file (regular files only) or, for a cluster scan, an fsspec URL's object."""
    return remote.open_object(path) if remote.is_url(path) else open_regular(path)


def partial_hash(path: str | os.PathLike[str], size: int | None = None) -> bytes:
    """Hash of the first :data:`PARTIAL_BYTES` (of at most ``size`` bytes, the size discovery saw)."""
    limit = PARTIAL_BYTES if size is None else min(PARTIAL_BYTES, size)
    with _open(path) as fh:
        return hashlib.blake2b(fh.read(limit), digest_size=16).digest()


def full_hash(
    path: str | os.PathLike[str], should_stop: Callable[[], bool] | None = None, size: int | None = None
) -> bytes:
    """Hash of the whole file. With ``size`` (what discovery saw) no more than that is read, and a
    file that turns out longer raises :class:`ChangedError`: a file still being written, or one
    swapped for something endless, is not hashed forever. ``should_stop`` is checked after every
    chunk (1 MB): cancel reaches a 2 GB file within milliseconds (raises InterruptedError)."""
    h = hashlib.blake2b(digest_size=16)
    left = size
    with _open(path) as fh:
        while left is None or left > 0:
            chunk = fh.read(_CHUNK if left is None else min(_CHUNK, left))
            if not chunk:
                break
            h.update(chunk)
            if left is not None:
                left -= len(chunk)
            if should_stop is not None and should_stop():
                raise InterruptedError("cancelled")
        if left is not None and (left > 0 or fh.read(1)):
            raise ChangedError(errno.ESTALE, "the file changed while it was read (its size differs)")
    return h.digest()


class ChangedError(OSError):
    """A file's size differs from what discovery saw: it changed while the scan ran."""


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
