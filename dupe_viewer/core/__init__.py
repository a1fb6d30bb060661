"""The dupe_viewer engine: headless, Qt-free.

Public API for the GUI, the CLI, tests and benchmarks::

    from dupe_viewer.core import ScanOptions, scan, run_scan, FeatureCache

See :mod:`dupe_viewer.core.scan` for the events a scan yields.
"""

from .cache import FeatureCache
from .discovery import DiscoveryOptions, FileError
from .errors import DecodeError, DupeViewerError
from .scan import (
    Cancelled,
    DupGroup,
    ErrorFound,
    Finished,
    GroupsFound,
    Member,
    Phase,
    Progress,
    ScanResult,
    ScanStats,
    run_scan,
    scan,
)
from .settings import ScanOptions

__all__ = [
    "Cancelled",
    "DecodeError",
    "DiscoveryOptions",
    "DupGroup",
    "DupeViewerError",
    "ErrorFound",
    "FeatureCache",
    "FileError",
    "Finished",
    "GroupsFound",
    "Member",
    "Phase",
    "Progress",
    "ScanOptions",
    "ScanResult",
    "ScanStats",
    "run_scan",
    "scan",
]
