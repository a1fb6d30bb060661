"""Ground truth, normalised to pairs, and the groups of a report to compare with it.

The accepted formats are listed in :mod:`dupe_viewer.evaluation`. Truth paths are relative to a
corpus root; report paths are absolute, so they are made relative to that root before comparing
(:func:`relative_to_root`).
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

Pair = frozenset[str]

#: Kind given to a pair of two variants of the same base (neither of them the original).
VARIANT_VARIANT = "variant-variant"
#: Kind of files that are crops (halves) of a base: neither duplicates nor non-duplicates of it.
HALF = "half"
#: Kind of pairs whose truth format says nothing about how they were made.
UNKNOWN_KIND = "unknown"


def norm_path(path: str | os.PathLike[str]) -> str:
    """Normalise a path for comparison (separators, ``..``, case on case-insensitive systems)."""
    return os.path.normcase(os.path.normpath(os.fspath(path)))


def _pair(a: str, b: str) -> Pair:
    return frozenset((a, b))


@dataclass(frozen=True)
class SimilarSet:
    """Different pictures that look alike: ``kind`` "burst", "shot" or "look_alike"; ``best``:
    the frame that should be suggested (the sharp one of a burst), or None."""

    kind: str
    files: tuple[str, ...]
    best: str | None = None


@dataclass
class Truth:
    """Ground truth normalised to pairs.

    ``pairs`` are the true duplicate pairs. ``ignored`` pairs are neither right nor wrong when
    predicted (a half and the photo it was cut from: it *is* a crop, but we do not require it to be
    found). ``hard_negatives`` are pairs that look related but must not be grouped; they are not in
    ``pairs``, so grouping them already counts as a false positive, and :func:`pair_metrics` also
    reports them separately. All paths are normalised with :func:`norm_path` and relative to the
    corpus root.
    """

    pairs: set[Pair] = field(default_factory=set)
    pair_kind: dict[Pair, str] = field(default_factory=dict)
    hard_negatives: set[Pair] = field(default_factory=set)
    ignored: set[Pair] = field(default_factory=set)
    #: Every file the truth knows about (group members, distractors, halves).
    files: set[str] = field(default_factory=set)
    #: Variant kind per file, when the format records it ("original", "rot90", "half", ...).
    file_kind: dict[str, str] = field(default_factory=dict)
    #: The generator's parameters per file (e.g. the format of a "format" variant).
    file_params: dict[str, dict[str, Any]] = field(default_factory=dict)
    #: Which truth group each grouped file belongs to (index into ``groups``).
    group_of: dict[str, int] = field(default_factory=dict)
    #: The duplicate groups (halves excluded), for group-level statistics.
    groups: list[list[str]] = field(default_factory=list)
    #: Sets of different pictures that look alike (bursts, other shots of a scene, photos of one
    #: subject): grouping two of them is right only as "similar" and unmarked. Their pairs are
    #: left out of pair precision (in ``ignored``) and scored by :mod:`.decisions`.
    similar_sets: list[SimilarSet] = field(default_factory=list)
    source_format: str = ""

    def kind_of(self, pair: Pair) -> str:
        """The variant kind of a true pair, or :data:`UNKNOWN_KIND`."""
        return self.pair_kind.get(pair, UNKNOWN_KIND)


def _add_group(truth: Truth, members: Sequence[str]) -> None:
    """Record every pair within one group of duplicates (kind unknown unless set later)."""
    unique = sorted(set(members))
    truth.files.update(unique)
    if len(unique) > 1:
        for path in unique:
            truth.group_of[path] = len(truth.groups)
        truth.groups.append(unique)
    for a, b in itertools.combinations(unique, 2):
        truth.pairs.add(_pair(a, b))


def _truth_from_generator(data: Mapping[str, Any]) -> Truth:
    truth = Truth(source_format="dupe_viewer-truth")
    for group in data.get("groups", []):
        entries = [(norm_path(f["path"]), str(f.get("kind", UNKNOWN_KIND))) for f in group["files"]]
        for f, (path, kind) in zip(group["files"], entries, strict=True):
            truth.files.add(path)
            truth.file_kind[path] = kind
            truth.file_params[path] = dict(f.get("params") or {})
        members = [p for p, k in entries if k != HALF]
        halves = [p for p, k in entries if k == HALF]
        _add_group(truth, members)
        kind = dict(entries)
        originals = {p for p in members if kind[p] == "original"}
        for a, b in itertools.combinations(sorted(set(members)), 2):
            if a in originals and b not in originals:
                truth.pair_kind[_pair(a, b)] = kind[b]
            elif b in originals and a not in originals:
                truth.pair_kind[_pair(a, b)] = kind[a]
            elif a in originals and b in originals:
                # Two files both marked original would be a generator bug; keep them paired anyway.
                truth.pair_kind[_pair(a, b)] = "original-original"
            else:
                truth.pair_kind[_pair(a, b)] = VARIANT_VARIANT
        # A half is a crop of its photo, so grouping it with the photo (or its variants) is not
        # wrong, but not required either. Half-half pairs are left out: they are hard negatives.
        for h in halves:
            for m in members:
                truth.ignored.add(_pair(h, m))
    for path in data.get("distractors", []):
        truth.files.add(norm_path(path))
        truth.file_kind.setdefault(norm_path(path), "distractor")
    for neg in data.get("hard_negatives", []):
        paths = [norm_path(p) for p in neg]
        truth.files.update(paths)
        for a, b in itertools.combinations(sorted(set(paths)), 2):
            truth.hard_negatives.add(_pair(a, b))
    for entry in data.get("similar_sets", []):
        paths = tuple(norm_path(p) for p in entry["files"])
        kind = str(entry.get("kind", "similar"))
        best = entry.get("best")
        truth.similar_sets.append(SimilarSet(kind, paths, norm_path(best) if best else None))
        for path in paths:
            truth.files.add(path)
            truth.file_kind.setdefault(path, kind)
        for a, b in itertools.combinations(sorted(set(paths)), 2):
            truth.ignored.add(_pair(a, b))
        # A set may hold the original of a duplicate group (one view of a stereo pair that is
        # also a base): the other pictures of the set are different shots of its copies too.
        for path in paths:
            if path in truth.group_of:
                for member in truth.groups[truth.group_of[path]]:
                    truth.ignored.update(_pair(member, q) for q in paths if q != path)
    # A pair cannot be both a positive and a negative; trust the positive (it is the stronger claim).
    truth.hard_negatives -= truth.pairs
    truth.ignored -= truth.pairs | truth.hard_negatives
    return truth


def _truth_from_plain_groups(groups: Iterable[Sequence[str]]) -> Truth:
    truth = Truth(source_format="groups")
    for group in groups:
        _add_group(truth, [norm_path(p) for p in group])
    return truth


def _truth_from_mapping(mapping: Mapping[str, Sequence[str]]) -> Truth:
    """imagededup's format: each file maps to its duplicates (usually symmetric, not required)."""
    truth = Truth(source_format="imagededup")
    # Union-find over the listed pairs so that groups come out whole even if the map is asymmetric.
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for key, dups in mapping.items():
        a = norm_path(key)
        truth.files.add(a)
        find(a)
        for dup in dups:
            b = norm_path(dup)
            truth.files.add(b)
            if a != b:
                truth.pairs.add(_pair(a, b))
                parent[find(a)] = find(b)
    # Only the explicitly listed pairs are true pairs; groups are for statistics.
    clusters: dict[str, list[str]] = {}
    for f in sorted(truth.files):
        clusters.setdefault(find(f), []).append(f)
    truth.groups = [members for members in clusters.values() if len(members) > 1]
    return truth


def truth_from_data(data: Mapping[str, Any]) -> Truth:
    """Build a :class:`Truth` from an already parsed JSON object in any supported format."""
    if not isinstance(data, Mapping):
        raise ValueError("ground truth must be a JSON object")
    groups = data.get("groups")
    if isinstance(groups, list) and (
        "distractors" in data or "hard_negatives" in data or any(isinstance(g, Mapping) for g in groups)
    ):
        return _truth_from_generator(data)
    if isinstance(groups, list) and all(isinstance(g, list) for g in groups):
        return _truth_from_plain_groups(groups)
    if all(isinstance(v, list) for v in data.values()):
        return _truth_from_mapping(data)
    raise ValueError("unrecognised ground-truth format (expected truth.json, imagededup map or groups)")


def load_truth(path: str | os.PathLike[str]) -> Truth:
    """Read a ground-truth JSON file in any of the three supported formats.

    Formats: (a) our ``truth.json`` (``{"version": 1, "groups": [{"base": ..., "files": [{"path",
    "kind"}]}], "distractors": [...], "hard_negatives": [[left, right], ...]}``), (b) imagededup's
    ``{file: [duplicate, ...]}``, (c) ``{"groups": [[file, ...], ...]}``. Paths stay relative to
    the corpus root, normalised with :func:`norm_path`.
    """
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    return truth_from_data(data)


def report_groups(report: str | os.PathLike[str] | Mapping[str, Any]) -> Iterator[Mapping[str, Any]]:
    """The group dicts of an engine report: a parsed dict, or a path to a JSON report (parsed
    whole), a JSON-lines or a Parquet report (streamed: see ``dupe_viewer.core.act.report_stream``
    for both layouts; read here without importing the engine, from which this tool stands apart)."""
    if isinstance(report, Mapping):
        yield from report.get("groups", [])
        return
    ext = os.path.splitext(os.fspath(report))[1].lower()
    if ext == ".jsonl":
        with open(report, encoding="utf-8") as fh:
            fh.readline()  # the header
            yield from (json.loads(line) for line in fh if line.strip())
    elif ext == ".parquet":
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise ValueError("Parquet reports need pyarrow: pip install 'dupe-viewer[cluster]'") from None
        for batch in pq.ParquetFile(report).iter_batches(batch_size=4096):
            yield from (_unescaped(g) for g in batch.to_pylist())
    elif ext in (".json", ""):
        with open(report, encoding="utf-8") as fh:
            yield from json.load(fh).get("groups", [])
    else:
        raise ValueError(f"{os.fspath(report)}: not a report (.json, .jsonl or .parquet)")


def _unescaped(value: Any) -> Any:
    """A Parquet report's value with file-name surrogate escapes (``\\udcXX``) restored."""
    if isinstance(value, str) and "\\udc" in value:
        return re.sub(r"\\udc([89a-f][0-9a-f])", lambda m: chr(0xDC00 + int(m.group(1), 16)), value)
    if isinstance(value, list):
        return [_unescaped(v) for v in value]
    if isinstance(value, dict):
        return {k: _unescaped(v) for k, v in value.items()}
    return value


def load_report_groups(report: str | os.PathLike[str] | Mapping[str, Any]) -> list[list[str]]:
    """Return the member paths of each group in an engine report (a path or the parsed dict;
    see :func:`report_groups`)."""
    return [[str(m["path"]) for m in g.get("members", [])] for g in report_groups(report)]


def relative_to_root(path: str, root: str | os.PathLike[str] | None) -> str:
    """Express a report path relative to the corpus root, normalised like truth paths.

    Relative paths are kept as they are. The root is tried both as given and with symlinks
    resolved, because the engine may report either form (e.g. macOS's /tmp -> /private/tmp).
    """
    if root is None or not os.path.isabs(path):
        return norm_path(path)
    root_str = os.fspath(root)
    candidates = [(os.path.abspath(path), os.path.abspath(root_str))]
    candidates.append((os.path.realpath(path), os.path.realpath(root_str)))
    for p, r in candidates:
        try:
            rel = os.path.relpath(p, r)
        except ValueError:  # different drives on Windows
            continue
        if not rel.startswith(os.pardir):
            return norm_path(rel)
    return norm_path(path)


def rebased(truth: Truth, root: str | os.PathLike[str] | None) -> Truth:
    """``truth`` with its absolute paths expressed as report paths are (:func:`relative_to_root`:
    relative to ``root`` when under it, absolute otherwise), so that absolute paths on either side
    match as they are: an imagededup map written with absolute paths scores against a report
    whatever the root. Relative paths, and every other string (kinds, formats), are unchanged."""

    def path(p: str) -> str:
        return relative_to_root(p, root) if os.path.isabs(p) else p

    def mapped(value: Any) -> Any:
        if isinstance(value, str):
            return path(value)
        if isinstance(value, (list, tuple, set, frozenset)):
            return type(value)(mapped(v) for v in value)
        if isinstance(value, dict):
            return {mapped(k): mapped(v) for k, v in value.items()}
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return dataclasses.replace(
                value, **{f.name: mapped(getattr(value, f.name)) for f in dataclasses.fields(value)}
            )
        return value

    return mapped(truth)
