"""CPU embedding cost per batch size, one inference thread (as in a scan's worker).

    python tests/benchmarks/embed_batch.py [--batch 1,8,16,32] [--rounds 4]

Runs the installed default model on 64 synthetic 500×375 photos (resize included) at each batch
size, the sizes alternated (forwards, then backwards) ``--rounds`` times in one run; prints the
median CPU time per image, the figure that chose :data:`dupe_viewer.core.deep.embedding.CPU_BATCH`,
and checks every batch gives batch 1's embeddings within 1e-4. For accelerators see
gpu_embedding.py.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.deep import installed
from dupe_viewer.core.deep.embedding import Embedder
from tests.library import photo


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--batch", default="1,8,16,32")
    ap.add_argument("--rounds", type=int, default=4)
    a = ap.parse_args()
    spec = installed.get_installed(None)
    if spec is None:
        sys.exit("no model installed: run `dupe-viewer models install` first")
    path = installed.installed_model_path(spec.id)
    images = [photo(k, (500, 375)) for k in range(32)] * 2
    batches = [int(b) for b in a.batch.split(",")]
    embedders = {b: Embedder(spec, path, threads=1, batch_size=b) for b in batches}
    for b, emb in embedders.items():
        emb.embed(images[:b])  # warm-up: session arenas
    reference = embedders[batches[0]].embed(images)
    cpu: dict[int, list[float]] = {b: [] for b in batches}
    for r in range(a.rounds):
        for b in batches if r % 2 == 0 else batches[::-1]:
            c = time.process_time()
            out = embedders[b].embed(images)
            cpu[b].append(time.process_time() - c)
            assert np.abs(out - reference).max() < 1e-4
    print(f"model {spec.id}, {len(images)} images 500×375, one thread, medians of {a.rounds} rounds")
    for b in batches:
        per = statistics.median(cpu[b]) / len(images)
        print(f"  batch {b:>3}: {1e3 * per:5.1f} ms CPU an image ({1 / per:6.1f} images per CPU second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
