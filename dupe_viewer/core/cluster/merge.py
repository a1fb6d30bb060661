"""Merging what the partitions found, as it arrives: each query image's best pairs, reduced in
buckets of images so the client never holds every partition's raw pairs at once.

A partition answers a query with its best neighbours there; an image queried in two or three
partitions (near a boundary, or in several orientations) has its best pairs chosen over all of
them. Both selections (:func:`..match.candidates.top_per_image` for the hash stage, the best
``k`` per query for the deep stage) keep, per query, a prefix of its pairs in one total order
(similarity, then neighbour), so reducing any subset first and the union later keeps exactly
what one selection over everything keeps.

Pairs are bucketed by query image (a range of positions each), and a bucket is reduced when
what it buffered outgrows what it keeps: the peak is about twice the kept pairs, and each
reduction sorts only one bucket. There are :data:`BUCKETS` buckets, more past
:data:`BUCKET_IMAGES` images each (a bucket's last reduction sorts all of its pairs), which then
share what that many buckets would buffer and keep in memory. The last step, each unordered
pair once (:func:`unordered`), is a second merge bucketed by the pair's first image, fed one
bucket of the first at a time: one sort over all pairs at once needed ~130 bytes of
temporaries per pair (measured at 300k synthetic images: 430 MB over the client's 410 MB for
3.3M candidates).

At ten million images the pairs kept (~22 per image before the second merge, 17 bytes each) and
what waits to be reduced took more memory than the client had (killed at 23.6 GB in the last
merge, measured). So a bucket whose kept pairs outgrow ``spill_rows`` keeps them in files
instead, and its buffer is reduced once it reaches ``spill_rows`` rather than the kept size:
each such buffer, reduced alone, becomes one more file (a run), and a bucket's runs are
reduced together once, when the bucket is read at the end. The client holds at most about
twice ``spill_rows`` rows per bucket while pairs arrive (its buffer, and its kept pairs while
they are fewer), whatever the number of images, and each pair is sorted about twice (merging
the buffer into the kept pairs at each reduction sorted them all again each time: at ten
million images that was ~90 % of the client's time, py-spy). Small merges never touch the disk.

The files go to a folder of each merge's own in :func:`spill_root` (the cache folder's
``merge/``, not /tmp: a system's /tmp is often a small RAM disk, and at ten million images the
buckets take gigabytes), named ``{host}-{pid}-…`` and removed when the merge ends; folders of
this host's processes that died before (killed, out of memory) are removed when a merge next
makes its folder (:func:`remove_stale`). A write that fails (a full disk, a read-only folder) costs no
pairs: the merge keeps its buckets in memory from then on (``spill_error`` says why, the scan
warns). A file that cannot be read back loses pairs, so the merge stops with :class:`SpillLost`.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sys
import tempfile
import weakref
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from ..errors import CacheError
from ..paths import cache_dir

#: A reduction: columns (the first the query positions) -> the same columns, reduced.
Reduce = Callable[[tuple[np.ndarray, ...]], tuple[np.ndarray, ...]]
#: Rows to keep of reduced columns: a boolean mask.
Select = Callable[[tuple[np.ndarray, ...]], np.ndarray]
#: Buckets of query images (each reduced on its own), at least.
BUCKETS = 64
#: Images per bucket at most, beyond :data:`BUCKETS` buckets: a bucket's last reduction sorts all
#: its pairs at once (~130 bytes of temporaries a pair, ~22 pairs an image), so 150,000 images
#: keep that near 3.3M pairs (~430 MB) whatever the collection; 64 buckets of a hundred million
#: images would sort ~34M pairs (~4.4 GB) each.
BUCKET_IMAGES = 150_000
#: Rows a bucket buffers at least before it is reduced (small partitions' results are many).
MIN_BUFFER = 200_000
#: Kept pairs a bucket holds in memory at most (see above): 1M rows is ~17 MB per bucket.
SPILL_ROWS = 1_000_000
#: Where merges write their buckets instead of the cache folder's ``merge/`` (tests, benchmarks).
SPILL_DIR: Path | None = None


class SpillLost(CacheError):
    """A bucket written to disk could not be read back: its pairs are lost, the scan stops."""


def spill_root() -> Path:
    """The folder merges write their buckets in: :data:`SPILL_DIR`, or the cache folder's
    ``merge/`` (``DUPE_VIEWER_CACHE_DIR`` moves it)."""
    return SPILL_DIR if SPILL_DIR is not None else cache_dir() / "merge"


def _prefix() -> str:
    # The host too: a cache folder on shared storage holds other machines' merges, whose pids
    # mean nothing here.
    return f"{socket.gethostname()}-{os.getpid()}-"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process (PermissionError), or unknown: left alone
        return True
    return True


def remove_stale(root: Path) -> None:
    """Remove the merge folders in ``root`` of this host's processes that are gone (a merge
    killed before it could remove its own). Others' folders and live processes' stay."""
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process there, not probe it
        return
    host = socket.gethostname()
    try:
        entries = list(root.iterdir())
    except OSError:
        return
    for entry in entries:
        # mkdtemp's random tail has no '-', a host name may: split from the right.
        parts = entry.name.rsplit("-", 2)
        if len(parts) != 3 or parts[0] != host or not parts[1].isdigit() or int(parts[1]) <= 0:
            continue
        if entry.is_dir() and not _alive(int(parts[1])):
            shutil.rmtree(entry, ignore_errors=True)


def _write(path: Path, cols: tuple[np.ndarray, ...]) -> None:
    np.savez(path, *cols)  # uncompressed: written and read once or twice each


class BucketMerge:
    """Pairs of ``n`` query images, reduced per bucket of queries by ``reduce`` as they arrive.
    The first two columns (image positions) are kept as int32 where ``n`` allows."""

    def __init__(
        self,
        n: int,
        reduce: Reduce,
        buckets: int | None = None,
        min_buffer: int | None = None,
        spill_rows: int | None = None,
        spill_dir: Path | None = None,
    ) -> None:
        self.reduce = reduce
        if buckets is None:
            buckets = max(BUCKETS, -(-n // BUCKET_IMAGES))
        # More buckets than BUCKETS share what that many would hold (buffers and kept pairs in
        # memory), so the client's memory does not grow with the number of buckets.
        share = min(1.0, BUCKETS / max(1, buckets))
        if spill_rows is None:
            spill_rows = max(1, int(SPILL_ROWS * share))
        if min_buffer is None:
            min_buffer = max(1, int(MIN_BUFFER * share))
        self.spill_rows = spill_rows
        self.spill_dir = spill_dir  # None: spill_root(), looked up only when a bucket spills
        self._folder: Path | None = None
        self._remove: weakref.finalize | None = None
        self.spilled = 0  # buckets written to disk so far (what the tests and benchmarks read)
        self.spill_error: str | None = None  # why writing a bucket failed (then none is written)
        self.index = np.int32 if n < 2**31 else np.int64
        self.width = max(1, -(-n // max(1, buckets)))
        self.buckets = -(-n // self.width) if n else 1
        self.min_buffer = min_buffer
        # A bucket's kept pairs: runs, each reduced (its columns, or the file they were written
        # to); a bucket of one run is reduced as a whole. Rows over its runs (exact for one run).
        self.kept: list[list[tuple[np.ndarray, ...] | Path]] = [[] for _ in range(self.buckets)]
        self.kept_rows = [0] * self.buckets
        self._files = 0
        self.buffer: list[list[tuple[np.ndarray, ...]]] = [[] for _ in range(self.buckets)]
        self.buffered = [0] * self.buckets

    def add(self, cols: tuple[np.ndarray, ...]) -> None:
        """One partition's pairs: ``cols[0]`` the query positions, the rest aligned with it."""
        q = cols[0]
        if len(q) == 0:
            return
        b = q // self.width
        order = np.argsort(b, kind="stable")
        bounds = np.searchsorted(b[order], np.arange(self.buckets + 1))
        for k in np.flatnonzero(np.diff(bounds)):
            sel = order[bounds[k] : bounds[k + 1]]
            part = tuple(c[sel].astype(self.index) if m < 2 else c[sel] for m, c in enumerate(cols))
            self.buffer[k].append(part)
            self.buffered[k] += len(sel)
            if self.buffered[k] >= max(self.min_buffer, min(self.kept_rows[k], self.spill_rows)):
                self._reduce(k)

    def _reduce(self, k: int, spill: bool = True, whole: bool = False) -> None:
        """Reduce bucket ``k``'s buffer; ``whole``: its runs too, into one."""
        parts = self.buffer[k]
        self.buffer[k], self.buffered[k] = [], 0
        runs = self.kept[k]
        if not whole and spill and self.kept_rows[k] > self.spill_rows:
            # A bucket on disk: its buffer, reduced alone, is one more run, and the runs are
            # reduced together once, at the end. Merged into the kept pairs at each reduction,
            # every pair was sorted again each time (a 10M-image client spent ~90 % of its time
            # there, py-spy); now twice.
            if parts:
                reduced = self.reduce(_concat(parts))
                del parts
                runs.append(self._spill(k, reduced))
                self.kept_rows[k] += len(reduced[0])
            return
        if not parts and len(runs) <= 1:
            return
        cols = _concat([*(self._read(r) for r in runs), *parts])
        self.kept[k] = []
        del parts, runs
        reduced = self.reduce(cols)
        del cols
        self.kept_rows[k] = len(reduced[0])
        big = spill and self.kept_rows[k] > self.spill_rows
        self.kept[k] = [self._spill(k, reduced) if big else reduced]

    def _spill(self, k: int, cols: tuple[np.ndarray, ...]) -> Path | tuple[np.ndarray, ...]:
        """``cols`` written to a file (its path), or on a failure ``cols`` themselves."""
        where: Path | str | None = self.spill_dir  # None: cache_dir() itself failed
        path = None
        try:
            if self._folder is None:
                where = root = self.spill_dir if self.spill_dir is not None else spill_root()
                root.mkdir(parents=True, exist_ok=True)
                remove_stale(root)
                self._folder = Path(tempfile.mkdtemp(prefix=_prefix(), dir=root))
                # Also removed when the merge is dropped unfinished (an error, a cancel).
                self._remove = weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
            self._files += 1
            path = where = self._folder / f"bucket{k}-{self._files}.npz"
            _write(path, cols)
        except OSError as exc:
            if path is not None:
                with contextlib.suppress(OSError):
                    path.unlink(missing_ok=True)  # a partial file would only take space
            self.spill_error = f"{where or exc.filename or 'the cache folder'}: {exc.strerror or exc}"
            # Each later write would likely fail as well, after the time spent writing.
            self.spill_rows = sys.maxsize
            return cols
        self.spilled += 1
        return path

    def _read(self, run: tuple[np.ndarray, ...] | Path) -> tuple[np.ndarray, ...]:
        if not isinstance(run, Path):
            return run
        try:
            with np.load(run) as data:
                cols = tuple(data[f"arr_{m}"] for m in range(len(data.files)))
        except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise SpillLost(
                f"The candidate pairs written to {run} could not be read back ({reason}); scan again"
            ) from exc
        with contextlib.suppress(OSError):  # read: a file left behind goes with its folder
            run.unlink()
        return cols

    def buckets_reduced(self) -> Iterator[tuple[np.ndarray, ...]]:
        """Every non-empty bucket reduced, in query order, each let go once yielded."""
        try:
            for k in range(self.buckets):
                if self.buffer[k] or len(self.kept[k]) > 1:
                    self._reduce(k, spill=False, whole=True)  # read at once: not written again
                kept = self._read(self.kept[k][0]) if self.kept[k] else None
                self.kept[k] = []
                if kept is not None and len(kept[0]):
                    yield kept
                del kept
        finally:
            self.close()

    def close(self) -> None:
        """Remove the files of spilled buckets (also when the merge was abandoned)."""
        if self._remove is not None:
            self._remove()
            self._remove = self._folder = None

    def result(self, table: bool = False, where: Select | None = None) -> tuple[np.ndarray, ...] | None:
        """Every bucket reduced, concatenated in query order; None when nothing was added.
        ``table``: the first two columns as one P×2 int64 table (what the caller needs: made
        here, the int32 columns are never held beside it). Filled bucket by bucket into arrays
        of the final size: a list of every bucket and its concatenation would hold the pairs
        twice. ``where``: only the rows it selects of each bucket (few: those are listed, then
        joined)."""
        if where is not None:
            return self._selected(table, where)
        try:
            for k in range(self.buckets):  # reduced first, so that every bucket's size is known
                if self.buffer[k] or len(self.kept[k]) > 1:
                    self._reduce(k, whole=True)
        except BaseException:
            self.close()  # a lost bucket (SpillLost): the others' files go now, not at exit
            raise
        total = sum(self.kept_rows)
        if total == 0:
            self.close()
            return None
        out: list[np.ndarray] | None = None
        at = 0
        for cols in self.buckets_reduced():
            if table:
                cols = (np.stack(cols[:2], axis=1), *cols[2:])
            if out is None:
                out = [
                    np.empty((total, *c.shape[1:]), np.int64 if table and m == 0 else c.dtype)
                    for m, c in enumerate(cols)
                ]
            for o, c in zip(out, cols, strict=True):
                o[at : at + len(c)] = c
            at += len(cols[0])
        assert out is not None and at == total
        return tuple(out)

    def _selected(self, table: bool, where: Select) -> tuple[np.ndarray, ...] | None:
        kept = []
        for cols in self.buckets_reduced():
            sel = where(cols)
            kept.append(tuple(c[sel] for c in cols))
            del cols
        kept = [k for k in kept if len(k[0])]
        if not kept:
            return None
        cols = _concat(kept)
        return (np.stack(cols[:2], axis=1).astype(np.int64), *cols[2:]) if table else cols


def _concat(parts: list[tuple[np.ndarray, ...]]) -> tuple[np.ndarray, ...]:
    return tuple(np.concatenate(c) for c in zip(*parts, strict=True))


def _best_of_pair(cols: tuple[np.ndarray, ...], n: int) -> tuple[np.ndarray, ...]:
    """Each (i, j) once, with its highest score (column 3), in (i, j) order."""
    i, j = cols[0], cols[1]
    key = i.astype(np.int64) * n + j
    order = np.lexsort((-cols[-1], key))
    key = key[order]
    first = order[np.r_[True, key[1:] != key[:-1]]]
    return tuple(c[first] for c in cols)


def unordered(
    merged: BucketMerge,
    n: int,
    turn: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
    table: bool = False,
    where: Select | None = None,
) -> tuple[np.ndarray, ...] | None:
    """The pairs of ``merged`` (query, neighbour, ..., score) as i < j, each once with its best
    score, sorted by (i, j); ``turn(columns 2.., swapped)`` fixes what a swap changes (the hash
    stage's orientation of i relative to j). ``table``: (i, j) as one P×2 int64 table (see
    :meth:`BucketMerge.result`); ``where``: only the pairs it selects (a mask of the columns).
    None when there are none. ``merged.spilled`` and
    ``merged.spill_error`` count this second merge's writes too."""
    pairs = BucketMerge(
        n,
        lambda cols: _best_of_pair(cols, n),
        merged.buckets,
        merged.min_buffer,
        merged.spill_rows,  # sys.maxsize once the first merge failed to write: none tried here
        merged.spill_dir,
    )
    for cols in merged.buckets_reduced():
        i, j = cols[0], cols[1]
        swap = i > j
        rest = cols[2:]
        if turn is not None and swap.any():
            rest = (turn(rest[0], swap), *rest[1:])
        keep = i != j
        pairs.add(tuple(c[keep] for c in (np.minimum(i, j), np.maximum(i, j), *rest)))
    try:
        return pairs.result(table, where)
    finally:
        # What the caller reads of the whole merge (stats, warnings): both steps' writes.
        merged.spilled += pairs.spilled
        merged.spill_error = merged.spill_error or pairs.spill_error
