"""Score duplicate-finder output against ground truth: a tool of the project (``dupe-viewer eval``,
the quality benchmarks), not part of the engine.

Three ground-truth formats are accepted (see :func:`load_truth`):

a. our generator's ``truth.json`` (``tests/benchmarks/make_corpus.py``), which also records the
   variant kind of every file and *hard negatives* (left/right halves of one photo, which must not
   be grouped with each other);
b. imagededup's mapping ``{file: [duplicate files, ...]}``;
c. a plain ``{"groups": [[file, ...], ...]}``.

Truth paths are relative to a corpus root; report paths are absolute, so they are made relative to
that root before comparing, and absolute truth paths likewise (:func:`rebased`: absolute paths on
either side match as they are) (:mod:`.truth`); :mod:`.metrics` scores them. Pure Python, no Qt.
"""

from .metrics import (
    DEFAULT_EXAMPLES,
    evaluate_report,
    format_metrics,
    pair_metrics,
    predicted_pairs,
    ranked_from_report,
    retrieval_metrics,
)
from .truth import (
    HALF,
    UNKNOWN_KIND,
    VARIANT_VARIANT,
    Pair,
    Truth,
    load_report_groups,
    load_truth,
    norm_path,
    rebased,
    relative_to_root,
    truth_from_data,
)

__all__ = [
    "DEFAULT_EXAMPLES",
    "HALF",
    "UNKNOWN_KIND",
    "VARIANT_VARIANT",
    "Pair",
    "Truth",
    "evaluate_report",
    "format_metrics",
    "load_report_groups",
    "load_truth",
    "norm_path",
    "pair_metrics",
    "predicted_pairs",
    "ranked_from_report",
    "rebased",
    "relative_to_root",
    "retrieval_metrics",
    "truth_from_data",
]
