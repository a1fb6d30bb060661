"""Exceptions the engine raises for expected, user-explainable problems."""

from __future__ import annotations


class DupeViewerError(Exception):
    """Base class: the message is meant for the user, one line, no traceback needed."""


class DecodeError(DupeViewerError):
    """A file could not be read as an image (corrupt, truncated, unsupported, too large...)."""


class CacheError(DupeViewerError):
    """The feature cache could not be used (and could not be rebuilt)."""


class ScanCancelled(DupeViewerError):
    """Raised inside the pipeline when the user cancels; the scan stops cleanly."""
