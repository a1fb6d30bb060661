"""Engine options, declared once with their defaults.

The CLI builds :class:`ScanOptions` from its flags, the GUI from its persisted settings; both start
from these defaults, so a default changes in one place.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from . import decoding, scoring
from .discovery import DiscoveryOptions
from .keep import DEFAULT_RULES, Rule


@dataclass
class ScanOptions:
    """Everything that decides what a scan finds."""

    discovery: DiscoveryOptions = field(default_factory=DiscoveryOptions)
    #: Minimum hash-stage similarity (0-1) for two files to be duplicates.
    threshold: float = scoring.DEFAULT_THRESHOLD
    #: Lowest threshold kept available for regrouping without a rescan (slider range).
    min_threshold: float = 0.5
    #: Deep similarity: None uses the installed model if there is one, True requires it, False never.
    deep: bool | None = None
    #: Minimum deep (embedding) similarity, when deep matching runs; None: the model's recommendation.
    deep_threshold: float | None = None
    #: Model id for deep similarity; None: the default installed model.
    model: str | None = None
    use_cache: bool = True
    #: Worker processes; 0 means one per CPU core.
    workers: int = 0
    decode_size: int = decoding.WORK_SIZE
    max_pixels: int = decoding.DEFAULT_MAX_PIXELS
    keep_rules: tuple[Rule, ...] = DEFAULT_RULES
    #: Folders whose files are never proposed for deletion.
    protected: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["keep_rules"] = [
            r.name if not r.values else f"{r.name}:{','.join(r.values)}" for r in self.keep_rules
        ]
        return d
