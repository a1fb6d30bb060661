"""Discovery of image files under fsspec URL roots (``s3://``, ``gs://``, ``file://``, ``memory://``...).

The building block for cluster scans of object stores (issue 14): the same rules as local
discovery (:mod:`.discovery`: readable extensions, include/exclude patterns, hidden names,
recursion, skipped files counted per extension), each object reported once with its size and a
*change key* that tells a rescan whether the object changed: its version id or ETag where the
filesystem gives one (an object store's mtime is only its upload time), else its modification
time. The key is an int64 (a hash of the text for ETags), so it fits the feature shards'
``mtime_ns`` column. fsspec is imported only when a URL is used.

Cluster scans use it (:mod:`..cluster.scan`): workers read each object into memory with
:func:`read_object` (size checked first) and decode it as a local file's bytes; byte-identical
checks hash objects through :func:`open_object`. One-machine scans take local paths only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any, BinaryIO

from ..errors import DecodeError
from ..options import DECODE_BUDGET_BYTES, DiscoveryOptions
from . import formats
from .discovery import FileEntry, FileError, _matches

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")
#: Info fields that change whenever an object's content does, strongest first.
_VERSION_FIELDS = ("VersionId", "version_id", "generation", "ETag", "etag", "md5Hash", "content_md5")
_TIME_FIELDS = ("mtime", "LastModified", "last_modified", "updated", "modified", "created")


class RemoteUnavailable(ValueError):
    """A URL whose filesystem cannot be used here; the message is one line naming the fix."""


def is_url(path: object) -> bool:
    """Whether ``path`` is an fsspec URL (``proto://...``); a Windows path (``C:\\x``) is not."""
    return isinstance(path, str) and bool(_URL.match(path))


def protocol(url: str) -> str:
    return url.split("://", 1)[0].lower()


def check_available(url: str) -> None:
    """Raise :class:`RemoteUnavailable` when fsspec, or the package of ``url``'s filesystem,
    is not installed (or the protocol is unknown), before any work."""
    try:
        import fsspec
        from fsspec.registry import known_implementations
    except ImportError:
        raise RemoteUnavailable(f"{url}: URLs need fsspec: install it with `pip install fsspec`") from None
    proto = protocol(url)
    try:
        fsspec.get_filesystem_class(proto)
    except ImportError:
        spec = known_implementations.get(proto, {})
        package = str(spec.get("class", proto)).split(".")[0]
        raise RemoteUnavailable(
            f"{url}: the {proto}:// filesystem needs the package {package}: install it with "
            f"`pip install {package}`"
        ) from None
    except ValueError:
        raise RemoteUnavailable(
            f"{url}: unknown URL protocol {proto}:// (not an fsspec filesystem)"
        ) from None


def change_key(info: dict[str, Any]) -> int:
    """An int64 that changes when the object described by ``info`` (an fsspec info dict) does."""
    for name in _VERSION_FIELDS:
        value = info.get(name)
        if value not in (None, ""):
            digest = hashlib.blake2b(f"{name}={value}".encode(), digest_size=8).digest()
            return int.from_bytes(digest, "big") >> 1  # non-negative int64
    for name in _TIME_FIELDS:
        value = info.get(name)
        if isinstance(value, (int, float)):
            return round(value * 1e9)
        if isinstance(value, dt.datetime):
            return round(value.timestamp() * 1e9)
        if isinstance(value, str) and value:
            try:
                return round(dt.datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp() * 1e9)
            except ValueError:
                continue
    return 0


def _hidden_or_excluded(rel: str, opts: DiscoveryOptions, exclude: list[str]) -> bool:
    """Whether a folder on the way to ``rel`` is hidden or excluded, as local discovery prunes them."""
    parts = rel.split("/")
    for depth, name in enumerate(parts[:-1]):
        if not opts.include_hidden and name.startswith("."):
            return True
        if exclude and _matches(exclude, name, "/".join(parts[: depth + 1])):
            return True
    return False


def discover_url(
    root: str,
    options: DiscoveryOptions | None = None,
    skipped: Counter[str] | None = None,
    seen: set[str] | None = None,
) -> Iterator[FileEntry | FileError]:
    """Yield every image object under the URL ``root`` once (sorted), plus errors, as
    :func:`.discovery.discover` does for a folder. Entries' paths are URLs; ``mtime_ns`` holds
    the change key (:func:`change_key`), inode and device are 0. ``seen`` (URLs already
    reported) drops objects reached through overlapping roots."""
    import fsspec

    opts = options or DiscoveryOptions()
    include = [p.lower() for p in opts.include]
    exclude = [p.lower() for p in opts.exclude]
    seen = seen if seen is not None else set()
    readable = formats.image_extensions()
    try:
        fs, base = fsspec.core.url_to_fs(root)
        top = fs.info(base)
    except FileNotFoundError:
        yield FileError(root, "does not exist")
        return
    except Exception as exc:  # credentials, network, a malformed URL: the root's problem only
        yield FileError(root, f"cannot list: {' '.join(str(exc).split()) or type(exc).__name__}")
        return
    if top.get("type") != "directory":
        name = base.rstrip("/").rsplit("/", 1)[-1]
        if formats.extension(name) not in readable:
            yield FileError(root, "not an image file (unknown extension)")
            return
        listing = {base: top}
    else:
        try:
            listing = fs.find(base, maxdepth=None if opts.recursive else 1, detail=True)
        except Exception as exc:
            yield FileError(root, f"cannot list: {' '.join(str(exc).split()) or type(exc).__name__}")
            return
    prefix = base.rstrip("/") + "/"
    for key in sorted(listing):
        info = listing[key]
        if info.get("type", "file") != "file":
            continue
        rel = key[len(prefix) :] if key.startswith(prefix) else key.rsplit("/", 1)[-1]
        name = rel.rsplit("/", 1)[-1]
        if not opts.include_hidden and name.startswith("."):
            continue
        if _hidden_or_excluded(rel, opts, exclude):
            continue
        if include and not _matches(include, name, rel):
            continue
        if exclude and _matches(exclude, name, rel):
            continue
        ext = formats.extension(name)
        if ext not in readable:
            if skipped is not None:
                skipped[ext] += 1
            continue
        url = fs.unstrip_protocol(key)
        if url in seen:
            continue
        seen.add(url)
        yield FileEntry(url, int(info.get("size") or 0), change_key(info), 0, 0, 0)


#: The largest object read into memory to be decoded: half the decode budget, the limit a
#: local RAW file has too (:func:`..features.raw.read`); no photo comes near it.
MAX_OBJECT_BYTES = DECODE_BUDGET_BYTES // 2


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def open_object(url: str) -> BinaryIO:
    """``url`` opened for reading through fsspec. Whatever the filesystem raises (credentials,
    network) becomes an OSError, so callers handle a remote object as they handle a file."""
    import fsspec

    try:
        return fsspec.open(url, "rb").open()
    except OSError:
        raise
    except Exception as exc:
        raise OSError(f"cannot open {url}: {_one_line(exc)}") from None


def read_object(url: str, limit: int = MAX_OBJECT_BYTES) -> io.BytesIO:
    """The bytes of ``url``, in memory. Raises DecodeError (one line) when the object is gone,
    cannot be read, is larger than ``limit`` (checked before reading) or changes while read."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
        size = fs.size(path)
    except FileNotFoundError:
        raise DecodeError("object vanished before it could be read") from None
    except Exception as exc:
        raise DecodeError(f"cannot read the object: {_one_line(exc)}") from None
    if size is None or size > limit:
        what = "of unknown size" if size is None else f"of {size / 2**20:,.0f} MB"
        raise DecodeError(f"too large to read safely: an object {what} (limit {limit / 2**20:,.0f} MB)")
    try:
        with fs.open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise DecodeError("object vanished before it could be read") from None
    except Exception as exc:
        raise DecodeError(f"cannot read the object: {_one_line(exc)}") from None
    if len(data) != size:
        raise DecodeError("the object changed while it was read (its size differs)")
    return io.BytesIO(data)
