"""The dupe_viewer engine: headless, Qt-free.

The API the GUI, the CLI, tests and benchmarks use::

    from dupe_viewer.core import ScanOptions, scan, run_scan, regroup, FeatureCache

A scan is a list of stages (:data:`.scan.STAGES`) over one state; each stage's package is named
after what it works on. See ``dupe_viewer/core/README.md`` for the map of stages to folders:

- :mod:`.files`: discovery, records, byte-identical contents;
- :mod:`.features`: decoding, orientation, perceptual features, the worker pool;
- :mod:`.store`: the feature cache, the pair store, the vector indexes;
- :mod:`.match`: candidate pairs, measures, scoring, incremental reuse;
- :mod:`.deep`: models, embeddings, the deep stage, geometric verification;
- :mod:`.group`: grouping, regrouping, keep rules, dismissals;
- :mod:`.act`: file actions, the journal, the report.

:mod:`.options` (frozen settings) and :mod:`.result` (the pair table, groups, events, the result)
are the vocabulary every stage shares.
"""

from .errors import DecodeError, DupeViewerError
from .files.discovery import FileError
from .group.regroup import regroup, regrouped
from .options import DiscoveryOptions, GroupingParams, Rule, ScanOptions
from .result import (
    Cancelled,
    DupGroup,
    ErrorFound,
    Finished,
    GroupsFound,
    Member,
    PairTable,
    Phase,
    Progress,
    ScanEvent,
    ScanResult,
    ScanStats,
)
from .scan import run_scan, scan
from .store.feature_cache import FeatureCache

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
    "GroupingParams",
    "GroupsFound",
    "Member",
    "PairTable",
    "Phase",
    "Progress",
    "Rule",
    "ScanEvent",
    "ScanOptions",
    "ScanResult",
    "ScanStats",
    "regroup",
    "regrouped",
    "run_scan",
    "scan",
]
