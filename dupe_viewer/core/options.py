"""Every setting of a scan, as frozen values declared once with their defaults.

The CLI builds :class:`ScanOptions` from its flags, the GUI from its persisted settings; both start
from these defaults, so a default changes in one place. Nothing changes an options value after it
is made: a scan reports the thresholds its groups were built with as a separate
:class:`GroupingParams` (the deep threshold resolved to the model's recommendation), and a
regroup takes new :class:`GroupingParams` instead of editing anything.

This module is the bottom of the engine: it imports nothing from it, and every stage reads its
defaults from here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

#: Default minimum hash-stage similarity (0-1) for two files to be duplicates. On the dev corpus
#: (tests/benchmarks/make_corpus.py, 1388 files) every unrelated candidate pair scored below 0.62
#: and 99.7 % of true copies (excluding crops and tilts) scored above 0.65.
DEFAULT_THRESHOLD = 0.65
#: Lowest hash threshold kept available for regrouping without a rescan (the slider's floor).
MIN_THRESHOLD = 0.5
#: Long side of the working image handed to the feature extractors. 384 lets libjpeg decode a
#: 12-megapixel photo at 1/8 scale (500×375); hashes need 32 px and the deep models 224 px.
WORK_SIZE = 384
#: Images larger than this (in pixels) are refused as probable decompression bombs.
DEFAULT_MAX_PIXELS = 300_000_000
#: Most bytes of decoded raster one image may take (Pillow's own storage, at the DCT-reduced size
#: for JPEGs). Formats that cannot be reduced while decoding (PNG, WebP, TIFF...) are decoded
#: whole, so this bounds the memory one hostile or huge file can cost: an RGB image up to ~268
#: megapixels, a 16-bit grey one up to the pixel limit. Measured peaks: tests/benchmarks/fuzz.py.
DECODE_BUDGET_BYTES = 1 << 30


@dataclass(frozen=True)
class DiscoveryOptions:
    """What to look for. Patterns are shell globs matched case-insensitively against the file name
    and against the path relative to its root (``/`` separated)."""

    include: tuple[str, ...] = ()  # empty: every image extension
    exclude: tuple[str, ...] = ()
    include_hidden: bool = False
    recursive: bool = True
    follow_symlinks: bool = True

    def __post_init__(self) -> None:
        # Lists are accepted for convenience and frozen into tuples, so the value stays hashable.
        object.__setattr__(self, "include", tuple(self.include))
        object.__setattr__(self, "exclude", tuple(self.exclude))


@dataclass(frozen=True)
class Rule:
    """One step of a keep chain: ``name`` is one of :data:`.group.keep.RULES`; ``values``
    parameterise it (preferred folders, a format order).

    Its text form, ``name`` or ``name:value,value``, is what reports and the window's settings
    store; :meth:`text` and :meth:`parse` are the only places that spell it."""

    name: str
    values: tuple[str, ...] = field(default_factory=tuple)

    @property
    def text(self) -> str:
        return self.name if not self.values else f"{self.name}:{','.join(self.values)}"

    @classmethod
    def parse(cls, text: str) -> Rule:
        name, _, values = str(text).partition(":")
        return cls(name, tuple(v for v in values.split(",") if v))


#: The default keep chain: the best original (:mod:`.group.keeper`: not an edit, real resolution,
#: camera metadata, encoding, earliest capture, oldest file, shortest path).
DEFAULT_RULES: tuple[Rule, ...] = (Rule("original"),)
#: The default chain of versions before 0.2 (highest resolution, largest file, oldest date):
#: settings that still hold it are read as the current default.
OLD_DEFAULT_RULES: tuple[Rule, ...] = (Rule("resolution"), Rule("size"), Rule("oldest"))


@dataclass(frozen=True)
class GroupingParams:
    """What turns scored pairs into groups and keepers: regrouping with other values reads no file.

    ``deep_threshold`` None means no deep pair links files (no deep scores, or deep matching off).
    """

    threshold: float = DEFAULT_THRESHOLD
    deep_threshold: float | None = None
    keep_rules: tuple[Rule, ...] = DEFAULT_RULES
    #: Folders whose files are never proposed for deletion (and are preferred as keepers).
    protected: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScanOptions:
    """Everything that decides what a scan finds."""

    discovery: DiscoveryOptions = field(default_factory=DiscoveryOptions)
    #: Minimum hash-stage similarity (0-1) for two files to be duplicates.
    threshold: float = DEFAULT_THRESHOLD
    #: Lowest threshold kept available for regrouping without a rescan (slider range).
    min_threshold: float = MIN_THRESHOLD
    #: Deep similarity: None uses the installed model if there is one, True requires it, False never.
    deep: bool | None = None
    #: Minimum deep (embedding) similarity, when deep matching runs; None: the model's recommendation.
    deep_threshold: float | None = None
    #: Model id for deep similarity; None: the default installed model.
    model: str | None = None
    use_cache: bool = True
    #: Worker processes; 0 means one per CPU core.
    workers: int = 0
    decode_size: int = WORK_SIZE
    max_pixels: int = DEFAULT_MAX_PIXELS
    keep_rules: tuple[Rule, ...] = DEFAULT_RULES
    #: Folders whose files are never proposed for deletion.
    protected: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "keep_rules", tuple(self.keep_rules))
        object.__setattr__(self, "protected", tuple(self.protected))

    @property
    def grouping(self) -> GroupingParams:
        """The grouping part of these options, as asked for (the deep threshold unresolved)."""
        return GroupingParams(self.threshold, self.deep_threshold, self.keep_rules, self.protected)

    def with_grouping(self, grouping: GroupingParams) -> ScanOptions:
        """These options with the grouping values of ``grouping`` (what a report of groups built
        with them states as its settings)."""
        return replace(
            self,
            threshold=grouping.threshold,
            deep_threshold=grouping.deep_threshold,
            keep_rules=grouping.keep_rules,
            protected=grouping.protected,
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["discovery"] = {
            k: list(v) if isinstance(v, tuple) else v for k, v in asdict(self.discovery).items()
        }
        d["keep_rules"] = [r.text for r in self.keep_rules]
        d["protected"] = list(self.protected)
        return d
