"""How many orientation queries the canonical-orientation search needs, and what it still finds.

    python tests/benchmarks/orientations.py CORPUS_DIR [--margins 0.1,0.2,0.3,0.4]

Scans the dev corpus (hash-only, no cache), then for every true pair of the corpus that the hash
stage can score (tiny-image correlation ≥ the candidate floor in its best orientation) checks
whether one of the two images is queried in the orientation that meets the other's canonical
(index) orientation. Prints, per margin: share of those pairs reachable, mean queries per image
(8 would be the search over every orientation). The engine uses
``candidates.CANON_MARGIN``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.features.orientation import COMPOSE, INVERSE
from dupe_viewer.core.match import candidates, measure
from dupe_viewer.evaluation import load_truth


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--margins", default="0.1,0.2,0.3,0.4")
    args = ap.parse_args()
    root = Path(args.corpus).resolve()
    with tempfile.TemporaryDirectory() as home:
        os.environ["DUPE_VIEWER_HOME"] = home
        result = run_scan([root], ScanOptions(deep=False, use_cache=False))
    assert result is not None
    truth = load_truth(root / "truth.json")
    index = {os.path.relpath(r.path, root): i for i, r in enumerate(result.records)}
    pairs = np.array(
        sorted({(index[a], index[b]) for a, b in truth.pairs if a in index and b in index}), dtype=np.int64
    ).reshape(-1, 2)
    feats = result.features
    meas = measure.measure(feats, pairs)
    ok = meas.corr >= candidates.CANDIDATE_MIN_CORR
    pairs, r = pairs[ok], meas.orientation[ok].astype(np.int64)
    z = candidates.normalised_tiny(candidates.tiny_images(feats["thumb"]))
    s = candidates.index_descriptor(z) @ candidates.W_CANON
    canon = s.argmax(axis=1)
    best = s.max(axis=1)
    scale = np.abs(s).max(axis=1)
    a, b = pairs[:, 0], pairs[:, 1]
    # b meets a's index entry when queried in c_a ∘ r⁻¹; a meets b's in c_b ∘ r.
    need_b = best[b] - s[b, COMPOSE[canon[a], INVERSE[r]]]
    need_a = best[a] - s[a, COMPOSE[canon[b], r]]
    print(
        f"{len(pairs)} true pairs with correlation >= {candidates.CANDIDATE_MIN_CORR} in {len(feats)} files"
    )
    for m in (float(x) for x in args.margins.split(",")):
        queried = s >= (best - m * scale)[:, None]
        found = (need_a <= m * scale[a]) | (need_b <= m * scale[b])
        per_image = queried.sum(axis=1).mean()
        print(f"margin {m:.2f}: reachable {found.mean():.4f}   queries per image {per_image:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
