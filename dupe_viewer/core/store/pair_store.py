"""Scored pairs saved between scans, so a rescan only matches what changed.

A scan of some folders ends with the pairs worth keeping among its matched files (hash and deep
scores, crop windows). They are saved under ``cache_dir()/pairs/<scope>.npz`` together with the
*members*: the files (path and identity) that were all matched against each other. The next scan
of the same folders with the same matching settings reuses every pair whose two files are
unchanged members, and matches only new or changed files against everything.

The scope is a digest of the folders and of everything that decides which pairs are kept (the
matching version, the hash floor, the deep model and its floor): another setting is another file.
The file is a cache: when it is damaged or from another version it is ignored (with a warning)
and everything is matched again. It holds a blake2b checksum of its arrays, so a file edited or
damaged in a way that still loads (the arrays agree with each other) is not trusted either. Only
the most recently used :data:`MAX_SCOPES` files are kept.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..result import KINDS, PairTable

log = logging.getLogger(__name__)

#: Bump when what a pair's stored columns mean changes (scores, kinds, candidate search).
#: 2: members' identities gained inode and ctime, and the file a checksum. 3: same-size pairs
#: whose content moved are similar shots (``match.parallax``): older pairs never were checked.
#: 4: so are same-size pairs whose whole picture moved (the camera, between burst frames).
STORE_VERSION = 4
MAX_SCOPES = 12


@dataclass
class StoredPairs:
    """What one scan matched: its members and the pairs kept among them (positions into members)."""

    paths: list[str]
    ident: np.ndarray  # N×k int64: the identity "unchanged" compares (size, mtime_ns, inode, ctime_ns)
    has_vector: np.ndarray  # N bool: the member had an embedding (deep scans)
    table: PairTable


def scope_key(roots: Sequence[str], settings: dict[str, Any]) -> str:
    blob = json.dumps({"v": STORE_VERSION, "roots": sorted(roots), **settings}, sort_keys=True)
    return hashlib.blake2b(blob.encode(), digest_size=12).hexdigest()


class PairStore:
    """Load and save the :class:`StoredPairs` of one scope (``directory`` None: nothing persists)."""

    def __init__(self, directory: Path | None, key: str) -> None:
        self.file = directory / f"{key}.npz" if directory is not None else None
        self.warnings: list[str] = []

    def load(self) -> StoredPairs | None:
        if self.file is None or not self.file.exists():
            return None
        try:
            with np.load(self.file, allow_pickle=False) as npz:
                if int(npz["version"]) != STORE_VERSION:
                    return None
                z = {k: npz[k] for k in npz.files}
            if "checksum" not in z or bytes(z.pop("checksum")) != _checksum(z):
                raise ValueError("checksum mismatch")
            ident = z["ident"].astype(np.int64)
            stored = StoredPairs(
                paths=[os.fsdecode(bytes(p)) for p in z["paths"]],
                ident=ident.reshape(len(ident), -1) if ident.ndim != 2 else ident,
                has_vector=z["has_vector"].astype(bool),
                table=PairTable(
                    ij=z["pairs"].astype(np.int64).reshape(-1, 2),
                    similarity=z["similarity"].astype(np.float32),
                    kinds=np.asarray(KINDS)[z["kinds"].astype(np.int64)],
                    deep_similarity=z.get("deep_similarity"),
                    crop_box=z.get("crop_box"),
                    crop_container=z.get("crop_container"),
                ),
            )
            t = stored.table
            n, p = len(stored.paths), len(t)
            if len(stored.ident) != n or len(stored.has_vector) != n:
                raise ValueError("member arrays disagree")
            if p and (t.ij.min() < 0 or t.ij.max() >= n):
                raise ValueError("pair outside the members")
            for col in (t.similarity, t.kinds, t.deep_similarity, t.crop_container):
                if col is not None and len(col) != p:
                    raise ValueError("pair columns disagree")
            return stored
        except Exception as exc:  # a damaged cache file: match everything again
            log.warning("saved matches %s unreadable: %s", self.file, exc)
            msg = f"The saved matches ({self.file.name}) were damaged; all files are matched again."
            self.warnings.append(msg)
            return None

    def save(self, stored: StoredPairs) -> None:
        if self.file is None:
            return
        self.file.parent.mkdir(parents=True, exist_ok=True)
        t = stored.table
        cols: dict[str, np.ndarray] = {
            "version": np.array(STORE_VERSION),
            "paths": np.array([os.fsencode(p) for p in stored.paths], dtype=bytes)
            if stored.paths
            else np.array([], dtype=bytes),
            "ident": np.asarray(stored.ident, dtype=np.int64).reshape(len(stored.paths), -1)
            if stored.paths
            else np.asarray(stored.ident, dtype=np.int64).reshape(0, 4),
            "has_vector": np.asarray(stored.has_vector, dtype=bool),
            "pairs": np.asarray(t.ij, dtype=np.int32 if len(stored.paths) < 2**31 else np.int64),
            "similarity": np.asarray(t.similarity, dtype=np.float32),
            "kinds": _codes(t.kinds),
        }
        if t.deep_similarity is not None:
            cols["deep_similarity"] = np.asarray(t.deep_similarity, dtype=np.float32)
        if t.crop_box is not None:
            cols["crop_box"] = np.asarray(t.crop_box, dtype=np.float32)
        if t.crop_container is not None:
            cols["crop_container"] = np.asarray(t.crop_container, dtype=np.int8)
        cols["checksum"] = np.frombuffer(_checksum(cols), dtype=np.uint8)
        tmp = self.file.with_name(self.file.stem + ".tmp.npz")
        np.savez(tmp, **cols)
        os.replace(tmp, self.file)
        self._prune()

    def _prune(self) -> None:
        assert self.file is not None
        files = sorted(self.file.parent.glob("*.npz"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in files[MAX_SCOPES:]:
            old.unlink(missing_ok=True)


def _checksum(cols: dict[str, np.ndarray]) -> bytes:
    """blake2b over every array but the checksum: name, dtype, shape and bytes, in name order.
    One pass over ~100 MB at a million members (~0.1 s), once per scan."""
    h = hashlib.blake2b(digest_size=16)
    for name in sorted(cols):
        if name == "checksum":
            continue
        a = np.ascontiguousarray(cols[name])
        h.update(f"{name}|{a.dtype.str}|{a.shape}|".encode())
        h.update(a.reshape(-1).view(np.uint8))  # a view: no copy of the paths
    return h.digest()


def _codes(kinds: np.ndarray) -> np.ndarray:
    out = np.zeros(len(kinds), dtype=np.int8)
    for code, name in enumerate(KINDS):
        out[np.asarray(kinds) == name] = code
    return out
