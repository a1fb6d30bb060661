"""The cluster's feature store: Parquet shards keyed by path + size + mtime, listed in a manifest.

On one machine the SQLite feature cache remembers what each file's analysis gave; on a cluster
each worker writes the analyses of its partition of files as one Parquet shard (pyarrow) into a
folder every machine sees, and the client lists the finished shards in ``manifest.json``. A rescan
reads the key columns of the listed shards, takes the rows whose file is unchanged (same path,
size and modification time) and recomputes only new or changed files. A shard written by a task
whose scan was cancelled before it was listed is simply not used (the next scan's shards
supersede it). Rows of a later shard win over earlier ones for the same path.

Columns: ``path`` (binary: the file name's bytes, so names that are not UTF-8 survive), ``size``,
``mtime_ns``, ``width``, ``height``, ``format``, ``taken``, ``camera``, ``quality``, ``error``,
``features`` (one FEATURE_DTYPE record, binary), ``embedding`` (float32 bytes, with ``model``).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..features.perceptual import FEATURE_VERSION
from ..features.pool import Analysis

MANIFEST = "manifest.json"
#: Bumped when the shard layout changes: shards of another layout are not read.
SHARD_VERSION = 1


def _pa():
    import pyarrow as pa
    import pyarrow.parquet as pq

    return pa, pq


def _text(value: str | None) -> str | None:
    # Parquet strings are UTF-8: a lone surrogate (an odd EXIF field) is written escaped.
    if value is None:
        return None
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


@dataclass(frozen=True)
class Key:
    """What identifies an unchanged file."""

    path: str
    size: int
    mtime_ns: int


def write_shard(directory: str, keys: Sequence[Key], results: Sequence[Analysis], model: str | None) -> str:
    """Write one shard of ``results`` (aligned with ``keys``) under ``directory``; returns its name.

    Runs on the worker that analysed the files, so features never travel twice. Written to a
    temporary name and renamed: a reader never sees half a shard."""
    pa, pq = _pa()
    name = f"shard-{uuid.uuid4().hex}.parquet"
    table = pa.table(
        {
            "path": pa.array([os.fsencode(k.path) for k in keys], pa.binary()),
            "size": pa.array([k.size for k in keys], pa.int64()),
            "mtime_ns": pa.array([k.mtime_ns for k in keys], pa.int64()),
            "width": pa.array([r.width for r in results], pa.int32()),
            "height": pa.array([r.height for r in results], pa.int32()),
            "format": pa.array([_text(r.format) for r in results], pa.string()),
            "taken": pa.array([_text(r.taken) for r in results], pa.string()),
            "camera": pa.array([_text(r.camera) for r in results], pa.string()),
            "quality": pa.array([r.quality for r in results], pa.float64()),
            "error": pa.array([_text(r.error) for r in results], pa.string()),
            "features": pa.array([r.features for r in results], pa.binary()),
            "embedding": pa.array([r.embedding for r in results], pa.binary()),
            "model": pa.array([model if r.embedding is not None else None for r in results], pa.string()),
        }
    )
    os.makedirs(directory, exist_ok=True)
    tmp = os.path.join(directory, f".{name}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, os.path.join(directory, name))
    return name


class ShardStore:
    """The manifest of one feature store folder: which shards hold valid analyses."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)
        self.shards: list[str] = []
        self.warnings: list[str] = []
        path = self.directory / MANIFEST
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("version") == SHARD_VERSION and data.get("features") == FEATURE_VERSION:
                    self.shards = [str(s) for s in data["shards"]]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                self.warnings.append(f"The cluster feature store {path} could not be read ({exc}); rebuilt.")

    def add(self, names: Sequence[str]) -> None:
        self.shards.extend(names)

    def save(self) -> None:
        """Write the manifest (atomically)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        tmp = self.directory / f".{MANIFEST}.{os.getpid()}.tmp"
        data = {"version": SHARD_VERSION, "features": FEATURE_VERSION, "shards": self.shards}
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, self.directory / MANIFEST)

    def lookup(self, keys: Sequence[Key], model: str | None) -> Iterator[tuple[int, Analysis]]:
        """(position in ``keys``, stored analysis) for every unchanged file the shards know.

        The analysis has no embedding unless it was made with ``model``. Shards that cannot be
        read are skipped with a warning (their files are analysed again)."""
        _, pq = _pa()
        want = {os.fsencode(k.path): n for n, k in enumerate(keys)}
        best: dict[int, tuple[int, int]] = {}  # key position -> (shard, row); later shards win
        for s, name in enumerate(self.shards):
            try:
                t = pq.read_table(self.directory / name, columns=["path", "size", "mtime_ns"])
            except (OSError, ValueError) as exc:
                self.warnings.append(f"Skipped an unreadable feature shard {name} ({exc}).")
                continue
            paths = t.column("path").to_pylist()
            size = t.column("size").to_numpy()
            mtime = t.column("mtime_ns").to_numpy()
            for row, p in enumerate(paths):
                n = want.get(p)
                if n is not None and keys[n].size == size[row] and keys[n].mtime_ns == mtime[row]:
                    best[n] = (s, row)
        by_shard: dict[int, list[tuple[int, int]]] = {}
        for n, (s, row) in best.items():
            by_shard.setdefault(s, []).append((n, row))
        for s, items in sorted(by_shard.items()):
            t = pq.read_table(self.directory / self.shards[s]).take(np.array([r for _, r in items]))
            cols = {c: t.column(c).to_pylist() for c in t.column_names}
            for k, (n, _) in enumerate(items):
                emb = cols["embedding"][k] if cols["model"][k] == model and model is not None else None
                yield (
                    n,
                    Analysis(
                        keys[n].path,
                        width=cols["width"][k],
                        height=cols["height"][k],
                        format=cols["format"][k] or "",
                        taken=cols["taken"][k],
                        camera=cols["camera"][k],
                        quality=cols["quality"][k],
                        features=cols["features"][k],
                        embedding=emb,
                        error=cols["error"][k],
                    ),
                )
