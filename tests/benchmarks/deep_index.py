"""Does the reduced deep index lose real duplicates? Exact search vs the graph, on real descriptors.

    python tests/benchmarks/deep_index.py CORPUS_DIR [--model PATH]

The deep stage indexes embeddings reduced to ``deep.INDEX_DIM`` principal components and re-ranks
the fetched neighbours by their exact cosine. A corpus of a few thousand files is searched
exactly (``knn.EXACT_LIMIT``), so the dev corpus alone never exercises the graph; this script
forces it. With the real model's embeddings of CORPUS_DIR (scanned once into the per-user cache,
``DUPE_VIEWER_HOME`` honoured) it prints, for the exact full-space search, the reduced graph and
the unreduced 512-d graph:

* candidate pairs, and how many of the exact search's candidates and of its *true* candidates
  (same truth group) each search finds;
* the whole scan's pair precision / recall against ``CORPUS_DIR/truth.json`` (each run on a copy
  of the warm feature cache, so no run reuses another's pairs or index).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from dupe_viewer.core import ScanOptions, run_scan
from dupe_viewer.core.deep import installed as model_registry
from dupe_viewer.core.deep import stage as deep
from dupe_viewer.core.store import knn
from dupe_viewer.core.store.feature_cache import FeatureCache
from dupe_viewer.evaluation import Truth, load_truth, norm_path, pair_metrics

SHARED_MODEL = HERE.parents[2] / "shared" / "models" / "SqueezeNet_fp16.onnx"

#: (name, EXACT_LIMIT, INDEX_DIM) of each search compared.
SEARCHES = (
    ("exact 512-d", 10**9, deep.INDEX_DIM),
    (f"graph {deep.INDEX_DIM}-d", 0, deep.INDEX_DIM),
    ("graph 512-d", 0, 10**9),  # reduce ≥ dim: not reduced
)


def _set_search(exact_limit: int, index_dim: int) -> None:
    knn.EXACT_LIMIT = exact_limit
    deep.INDEX_DIM = index_dim


def _truth_group(truth: Truth, files: list[str], corpus: Path) -> np.ndarray:
    """A group id per file: files of one truth group share it, every other file has its own."""
    gid = {f: i for i, g in enumerate(truth.groups) for f in g}
    rel = [norm_path(os.path.relpath(f, corpus)) for f in files]
    return np.array([gid.get(r, len(truth.groups) + i) for i, r in enumerate(rel)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--model", default=str(SHARED_MODEL), help="the SqueezeNet download (fp16 ONNX)")
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    truth = load_truth(corpus / "truth.json")
    if model_registry.get_installed(None) is None:
        model_registry.install_from_file(args.model)
    setup, _ = deep.resolve(True, None, None)
    assert setup is not None

    # Warm the per-user cache (features and embeddings) once; every run below works on a copy.
    t0 = time.perf_counter()
    run_scan([corpus], ScanOptions(deep=True))
    print(f"warm-up scan {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    user_cache = FeatureCache()
    src = user_cache.path
    files = sorted(str(p) for p in corpus.rglob("*") if p.is_file() and p.name != "truth.json")
    emb = dict(user_cache.iter_embeddings(files, setup.model_id))
    user_cache.close()
    files = [f for f in files if f in emb]
    vecs = np.stack([emb[f] for f in files]).astype(np.float16)
    group = _truth_group(truth, files, corpus)
    print(f"{len(files)} files with embeddings ({setup.model_id})\n")

    ref: set[tuple[int, int]] | None = None
    ref_true: set[tuple[int, int]] = set()
    for name, limit, dim in SEARCHES:
        _set_search(limit, dim)
        idx = deep.open_index(setup.model_id, vecs.shape[1], None)
        labels = idx.sync(files, [(1, 1)] * len(files), vecs)
        t0 = time.perf_counter()
        pairs, _ = deep.candidate_pairs(idx, labels, vecs)
        secs = time.perf_counter() - t0
        got = set(map(tuple, pairs.tolist()))
        if ref is None:
            ref = got
            ref_true = {p for p in got if group[p[0]] == group[p[1]]}
        true_found = len({p for p in got if p in ref_true})
        with tempfile.TemporaryDirectory() as tmp:
            shutil.copy(src, Path(tmp) / src.name)
            cache = FeatureCache(Path(tmp) / src.name)
            t1 = time.perf_counter()
            result = run_scan([corpus], ScanOptions(deep=True), cache=cache)
            scan_s = time.perf_counter() - t1
            cache.close()
        assert result is not None
        groups = [[result.records[i].path for i in g.indices] for g in result.groups]
        m = pair_metrics(truth, groups, corpus)
        print(
            f"{name:12s} candidates {len(got):6d} ({secs:5.2f} s): exact's {len(got & ref) / len(ref):.4f}, "
            f"exact's true {true_found}/{len(ref_true)} = {true_found / max(1, len(ref_true)):.4f}  |  "
            f"scan {scan_s:5.1f} s: P {m['precision']:.4f} R {m['recall']:.4f} "
            f"(tp {m['tp']} fp {m['fp']} fn {m['fn']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
