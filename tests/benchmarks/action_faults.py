"""Long mode of the file-action fault suite: many SIGKILLs at random points, two actors at once.

``tests/core/act/test_action_faults.py`` kills a 500-file batch at 4 random points in CI; this
runs the same checks over ``--kills`` seeds (trash and move alternately; every interrupted move
batch is then undone) and ``--duels`` runs of two processes with opposite keepers, and prints
how many left a group without a real file, a file nowhere, or a moved file without a journal line.
Each check raises on the first broken invariant, so the figure is the number of runs that broke.

    python tests/benchmarks/action_faults.py --kills 100 --duels 10
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.core.act import test_action_faults as suite


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kills", type=int, default=100)
    ap.add_argument("--duels", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1000)
    args = ap.parse_args(argv)
    broken: list[str] = []
    t0 = time.perf_counter()
    for k in range(args.kills):
        action = "move" if k % 2 else "trash"
        with tempfile.TemporaryDirectory(prefix="dv_kill_") as tmp:
            try:
                suite.test_killed_at_a_random_point(Path(tmp), args.seed + k, action)
            except Exception:  # a broken invariant: count it and show it
                broken.append(f"kill seed {args.seed + k} ({action}): {traceback.format_exc(limit=2)}")
    kills_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    for _ in range(args.duels):
        with tempfile.TemporaryDirectory(prefix="dv_duel_") as tmp:
            try:
                suite.test_two_actors_with_opposite_keepers(Path(tmp))
            except Exception:
                broken.append(f"duel: {traceback.format_exc(limit=2)}")
    duels_s = time.perf_counter() - t0
    what = "batches (400 of 500 files in 100 groups of 5) killed at random points"
    print(f"{args.kills} {what}: {kills_s:.0f} s")
    print(f"{args.duels} duels of two processes over 300 groups with opposite keepers: {duels_s:.0f} s")
    for line in broken[:10]:
        print("BROKEN", line)
    print(f"runs that broke an invariant: {len(broken)} of {args.kills + args.duels}")
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
