"""Download a model file: resumable, checksummed, with progress and cancel, failing fast offline."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

from .spec import DEFAULT_MODEL_ID, DEFAULT_MODEL_URL, MODEL_URL_ENV, ModelError, ModelSpec

_CHUNK = 64 * 1024
# Attempts that receive no bytes end the download at once (offline, 404, refused...). Attempts
# that made progress are resumed with a Range request, up to this many times in a row.
_MAX_RESUMES = 5


class DownloadCancelled(ModelError):
    """The caller's ``cancel`` callback asked to stop; the partial file is kept for resuming."""


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _manual_install_hint(spec: ModelSpec) -> str:
    # When a mirror failed, point at the original: it is the one address known to be right.
    url = DEFAULT_MODEL_URL if spec.id == DEFAULT_MODEL_ID else spec.url
    return (
        f"To install it by hand, download {url} with a browser, then run "
        f"`dupe-viewer models install --from FILE` (or set {MODEL_URL_ENV} to a mirror)."
    )


class _Incomplete(Exception):
    """The server stopped sending before the whole file arrived."""


def download(
    spec: ModelSpec,
    dest: str | os.PathLike[str],
    progress: Callable[[int, int | None], None] | None = None,
    timeout: float = 30,
    cancel: Callable[[], bool] | None = None,
) -> Path:
    """Download ``spec.url`` to ``dest``, verifying ``spec.sha256``; return ``dest``.

    Bytes go to ``dest + ".part"`` first. A partial file left by an interrupted or cancelled
    run is resumed with an HTTP Range request; a server that ignores Range (200 instead of 206)
    makes us restart cleanly. A connection that drops mid-file is resumed automatically as long
    as each attempt makes progress. ``progress(done, total)`` is called per chunk (``total`` is
    None when unknown); ``cancel()`` returning True stops with :class:`DownloadCancelled`.
    """
    # The HTTP stack (with ssl) loads only to download: every scan imports this module.
    import http.client
    import urllib.error

    dest = Path(dest)
    if not spec.url:
        raise ModelError(
            f"Model '{spec.id}' has no download URL; install it with "
            "`dupe-viewer models install --from FILE`."
        )
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")

    resumes = 0
    while True:
        if cancel is not None and cancel():
            raise DownloadCancelled("Download cancelled; it will resume where it stopped next time.")
        before = part.stat().st_size if part.exists() else 0
        try:
            _fetch(spec, part, progress, timeout, cancel)
            break
        except DownloadCancelled:
            raise
        except urllib.error.HTTPError as exc:
            raise ModelError(
                f"Could not download model '{spec.id}' from {spec.url}: HTTP {exc.code} {exc.reason}. "
                + _manual_install_hint(spec)
            ) from None
        except (OSError, http.client.HTTPException, _Incomplete) as exc:
            after = part.stat().st_size if part.exists() else 0
            # Only keep trying while bytes are flowing: a dead network fails fast instead of
            # hanging the UI through several timeouts.
            if after > before and resumes < _MAX_RESUMES:
                resumes += 1
                continue
            reason = getattr(exc, "reason", None) or exc or type(exc).__name__
            raise ModelError(
                f"Could not download model '{spec.id}' from {spec.url}: {reason}. "
                + _manual_install_hint(spec)
            ) from None

    if spec.sha256:
        got = file_sha256(part)
        if got != spec.sha256:
            size = part.stat().st_size
            part.unlink(missing_ok=True)
            raise ModelError(
                f"The downloaded file for model '{spec.id}' failed the SHA-256 check "
                f"(expected {spec.sha256}, got {got}; {size} bytes) and was deleted. "
                "The server or a proxy may have sent something else. " + _manual_install_hint(spec)
            )
    os.replace(part, dest)
    return dest


def _fetch(
    spec: ModelSpec,
    part: Path,
    progress: Callable[[int, int | None], None] | None,
    timeout: float,
    cancel: Callable[[], bool] | None,
) -> None:
    """One HTTP attempt, appending to ``part``; raises on anything short of a complete file."""
    import urllib.error
    import urllib.request

    from dupe_viewer import __version__

    offset = part.stat().st_size if part.exists() else 0
    if spec.size and offset > spec.size:
        # Can't be a prefix of the right file.
        part.unlink()
        offset = 0
    if spec.size and offset == spec.size:
        return  # complete already; the checksum decides

    request = urllib.request.Request(spec.url, headers={"User-Agent": f"dupe-viewer/{__version__}"})
    if offset:
        request.add_header("Range", f"bytes={offset}-")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and offset:
            # Our partial file doesn't fit the server's file (it changed?): start over.
            part.unlink(missing_ok=True)
            return _fetch(spec, part, progress, timeout, cancel)
        raise

    with response:
        status = response.status
        content_range = response.headers.get("Content-Range", "")
        if offset and status == 206 and not content_range.startswith(f"bytes {offset}-"):
            # A range we didn't ask for can't be appended: start over without Range.
            part.unlink(missing_ok=True)
            response.close()
            return _fetch(spec, part, progress, timeout, cancel)
        if offset and status != 206:
            offset = 0  # the server ignored Range and sends the whole file: restart cleanly
        length = response.headers.get("Content-Length")
        total: int | None = offset + int(length) if length and length.isdigit() else (spec.size or None)
        done = offset
        with open(part, "ab" if offset else "wb") as out:
            if progress is not None:
                progress(done, total)
            while True:
                if cancel is not None and cancel():
                    raise DownloadCancelled("Download cancelled; it will resume where it stopped next time.")
                chunk = response.read(_CHUNK)
                if not chunk:
                    break
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
                if spec.size and done > spec.size:
                    break  # not our file; stop wasting bandwidth, the checksum will reject it
    expected = spec.size or total
    if expected and done < expected:
        raise _Incomplete(f"connection closed after {done} of {expected} bytes")
