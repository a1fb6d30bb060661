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

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # what the names below are, for type checkers and import-linter
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

#: Where each public name lives. They load on first use: a worker process that needs only the
#: decoders, or ``dupe-viewer --help``, must not pay for importing every stage (and scipy).
_EXPORTS = {
    **dict.fromkeys(("DecodeError", "DupeViewerError"), ".errors"),
    "FileError": ".files.discovery",
    **dict.fromkeys(("regroup", "regrouped"), ".group.regroup"),
    **dict.fromkeys(("DiscoveryOptions", "GroupingParams", "Rule", "ScanOptions"), ".options"),
    **dict.fromkeys(
        (
            "Cancelled",
            "DupGroup",
            "ErrorFound",
            "Finished",
            "GroupsFound",
            "Member",
            "PairTable",
            "Phase",
            "Progress",
            "ScanEvent",
            "ScanResult",
            "ScanStats",
        ),
        ".result",
    ),
    **dict.fromkeys(("run_scan", "scan"), ".scan"),
    "FeatureCache": ".store.feature_cache",
}


class _Engine(types.ModuleType):
    """This package, loading its public names on first use."""

    def __getattr__(self, name: str) -> object:
        where = _EXPORTS.get(name)
        if where is None:
            raise AttributeError(f"module {self.__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(where, self.__name__), name)
        setattr(self, name, value)
        return value

    def __setattr__(self, name: str, value: object) -> None:
        # Importing the submodule ``.scan`` makes the import system set ``core.scan`` to that
        # module; the package's ``scan`` is the function, as when it was imported eagerly.
        if name == "scan" and isinstance(value, types.ModuleType):
            value = value.scan
        super().__setattr__(name, value)

    def __dir__(self) -> list[str]:
        return sorted({*super().__dir__(), *_EXPORTS})


sys.modules[__name__].__class__ = _Engine

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
