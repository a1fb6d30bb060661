"""How well the group consensus's colour evidence finds the member carrying a local edit.

    python tests/benchmarks/local_edits.py CORPUS_DIR [--no-deep]

It scans a dev corpus (``make_corpus.py``, with its hard cases) and, in every group of
:data:`~dupe_viewer.core.group.consensus.MIN_MEMBERS` to ``MAX_MEMBERS`` files, counts per colour
member the 8×8 colour cells that depart from the group's consensus
(:func:`~dupe_viewer.core.group.consensus.colour_departures`) at a few thresholds. Originals must
not depart (a flagged original loses its group to a copy); foreign pastes should. It prints the
distribution for both, and for the thresholds the keeper uses, the share of members of each
variant kind that are flagged. Figures only; nothing is asserted.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.features.perceptual import GRAY_CHROMA
from dupe_viewer.core.group import consensus

OUTLIERS = (8.0, 10.0, 12.0, 14.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--no-deep", action="store_true")
    args = ap.parse_args(argv)
    root = args.corpus.resolve()
    truth = json.loads((root / "truth.json").read_text())
    kind = {os.path.join(root, f["path"]): f["kind"] for g in truth["groups"] for f in g["files"]}
    result = run_scan([root], ScanOptions(deep=not args.no_deep))
    cells: dict[str, list[list[int]]] = collections.defaultdict(list)
    for g in result.groups:
        items = np.array(g.indices)
        if not consensus.MIN_MEMBERS <= len(items) <= consensus.MAX_MEMBERS:
            continue
        f = result.features[items]
        colourful = f["chroma"] >= GRAY_CHROMA
        maps = consensus.aligned_colour_maps(f["thumb"], f["chroma_map"])
        counts = [consensus.colour_departures(maps, colourful, t) for t in OUTLIERS]
        for j, i in enumerate(items.tolist()):
            if colourful[j]:
                cells[kind.get(result.records[i].path, "other")].append([int(c[j]) for c in counts])
    used = OUTLIERS.index(consensus.COLOUR_OUTLIER)
    for name in ("original", "paste_foreign", "paste_moved"):
        rows = np.array(cells.get(name, []), dtype=np.int64).reshape(-1, len(OUTLIERS))
        print(f"{name}: {len(rows)} colour members in groups of 3+")
        for k, t in enumerate(OUTLIERS):
            hist = sorted(collections.Counter(rows[:, k].tolist()).items())
            print(f"  departing cells at > {t:4.1f}: " + ", ".join(f"{c}: {n}" for c, n in hist))
    print(
        f"\nflagged by colour (> {consensus.COLOUR_OUTLIER} in >= {consensus.EDITED_COLOUR_CELLS} cells), "
        "per kind:"
    )
    for name, rows in sorted(cells.items()):
        flagged = sum(r[used] >= consensus.EDITED_COLOUR_CELLS for r in rows)
        print(f"  {name:14s} {flagged:4d} of {len(rows):4d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
