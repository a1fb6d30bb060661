"""Compare deep descriptor choices on the dev corpus (SqueezeNet fire9 feature maps).

    python tests/benchmarks/deep_descriptors.py CORPUS_DIR [--model PATH] [--limit N]

For every file the prepared model's last feature map is computed once; each descriptor choice
(pooling, centring, regional matching) is then scored on the corpus truth: the similarity
threshold at which pair precision is 0.99 over *all* pairs of the corpus, and the recall of
original-vs-variant pairs per kind at that threshold, plus how many hard-negative half pairs
score above it. Figures are printed; the choices the engine makes cite them.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from dupe_viewer.core.deep import verify
from dupe_viewer.core.deep.embedding import pool_gap, pool_gem, pool_rmac
from dupe_viewer.core.features import decoding
from dupe_viewer.core.features import perceptual as features

SHARED_MODEL = HERE.parents[2] / "shared" / "models" / "SqueezeNet_fp16.onnx"


def load_truth(corpus: Path) -> tuple[list[str], dict[str, tuple], dict[str, str], list[tuple[str, str]]]:
    t = json.loads((corpus / "truth.json").read_text())
    base: dict[str, tuple] = {}
    kind: dict[str, str] = {}
    for gi, g in enumerate(t["groups"]):
        for f in g["files"]:
            kind[f["path"]] = f["kind"]
            base[f["path"]] = (gi,) if f["kind"] != "half" else ("half", f["path"])
    for d in t["distractors"]:
        kind[d] = "distractor"
        base[d] = ("d", d)
    return sorted(kind), base, kind, [tuple(p) for p in t["hard_negatives"]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--model", default=str(SHARED_MODEL), help="the SqueezeNet download (fp16 ONNX)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N files (quick runs)")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    files, base, kind, hard = load_truth(corpus)
    if args.limit:
        files = files[: args.limit]

    os.environ.setdefault("DUPE_VIEWER_HOME", tempfile.mkdtemp(prefix="dv_deep_"))
    from dupe_viewer.core.deep import installed as model_registry
    from dupe_viewer.core.deep.embedding import Embedder

    spec = model_registry.install_from_file(args.model)
    emb = Embedder(spec, model_registry.installed_model_path(spec.id), threads=2)
    sess, in_name, out_name = emb._session, emb._input_name, emb._output_name

    t0 = time.perf_counter()
    maps: list[np.ndarray] = []
    for f in files:
        img = decoding.decode(corpus / f).image
        x = emb._to_input(emb.resize(img)[None])
        maps.append(sess.run([out_name], {in_name: x})[0][0].astype(np.float32))
    print(f"{len(files)} feature maps in {time.perf_counter() - t0:.1f} s", file=sys.stderr)

    idx = {f: i for i, f in enumerate(files)}
    n = len(files)
    same = np.array([[base[a] == base[b] for b in files] for a in files])
    orig = {base[f]: idx[f] for f in files if kind[f] == "original"}
    pos_pairs = {}  # kind -> list of (i, j) original-vs-variant
    for f in files:
        k = kind[f]
        if k in ("original", "distractor", "half") or base[f] not in orig:
            continue
        pos_pairs.setdefault(k, []).append((orig[base[f]], idx[f]))
    hard_idx = [(idx[a], idx[b]) for a, b in hard if a in idx and b in idx]
    neg_mask = ~same & ~np.eye(n, dtype=bool)
    # Halves are crops of their own photo: "don't care" pairs, left out of the negatives.
    for f in files:
        if kind[f] == "half":
            neg_mask[idx[f], :] = False
            neg_mask[:, idx[f]] = False
    for a, b in hard_idx:
        neg_mask[a, b] = neg_mask[b, a] = True

    def evaluate(name: str, sim: np.ndarray) -> None:
        negs = np.sort(sim[np.triu(neg_mask, 1)])[::-1]
        allpos = np.concatenate([[sim[i, j] for i, j in v] for v in pos_pairs.values()])
        # Lowest threshold at which positives above it are >= 99 % of everything above it.
        cands = np.sort(np.unique(np.concatenate([allpos, negs[:2000]])))[::-1]
        thr = cands[0]
        for t in cands:
            tp = (allpos >= t).sum()
            fp = np.searchsorted(-negs, -t, side="right")
            if tp / max(tp + fp, 1) < 0.99:
                break
            thr = t
        rec = {k: np.mean([sim[i, j] >= thr for i, j in v]) for k, v in sorted(pos_pairs.items())}
        hn = np.mean([sim[a, b] >= thr for a, b in hard_idx]) if hard_idx else 0.0
        line = " ".join(f"{k[:9]}={v:.2f}" for k, v in rec.items())
        print(f"{name:28s} thr={thr:.3f} maxneg={negs[0]:.3f} halves={hn:.2f} | {line}")

    def cosine(desc: np.ndarray) -> np.ndarray:
        d = desc / np.linalg.norm(desc, axis=1, keepdims=True)
        return d @ d.T

    gap = np.stack([pool_gap(m[None])[0] for m in maps])
    gem = np.stack([pool_gem(m[None])[0] for m in maps])
    rmac = np.stack([pool_rmac(m[None])[0] for m in maps])
    print("cosine alone (threshold where pair precision drops below 0.99 over all corpus pairs):")
    for name, desc in (("gap", gap), ("gem p=3", gem), ("rmac", rmac)):
        evaluate(name, cosine(desc))
    # sqrt (Hellinger-like) before pooling tames bursty channels.
    rs = np.stack([pool_rmac(np.sqrt(np.maximum(m, 0))[None])[0] for m in maps])
    evaluate("rmac sqrt", cosine(rs))

    # Cosine + geometric verification on the 32×32 thumbnails (what the engine does): candidates
    # with cosine >= 0.75, score = (w·cosine + verification) / (1 + w); threshold just above the
    # best-scoring unrelated or hard-negative candidate; recall of the kinds hashes cannot find.
    print("\ncosine + crop verification (candidates with cosine >= 0.75; threshold above every negative):")
    thumbs = np.stack([thumb(corpus / f) for f in files])
    hard_set = {(min(a, b), max(a, b)) for a, b in hard_idx}
    for name, desc in (("gem p=3", gem), ("rmac", rmac)):
        sim = cosine(desc)
        ii, jj = np.nonzero(np.triu(sim >= 0.75, 1))
        labels = []
        keep = []
        for i, j in zip(ii, jj, strict=True):
            fi, fj = files[i], files[j]
            if base[fi] == base[fj]:
                k = kind[fj] if kind[fi] == "original" else kind[fi] if kind[fj] == "original" else "vv"
                if k in ("crop_small", "crop_large", "tilt"):
                    labels.append(k)
                    keep.append((i, j))
            elif (i, j) in hard_set or (kind[fi] != "half" and kind[fj] != "half"):
                labels.append("NEG")
                keep.append((i, j))
        lab = np.array(labels)
        a = np.array([p[0] for p in keep])
        b = np.array([p[1] for p in keep])
        ver = verify.crop_scores(thumbs[a], thumbs[b])[0]
        g = sim[a, b]
        for w in (0.5, 1.0, 2.0):
            score = (w * g + ver) / (1 + w)
            top = score[lab == "NEG"].max()
            rec = " ".join(
                f"{k}={(score[lab == k] > top).mean():.2f}" for k in ("crop_small", "crop_large", "tilt")
            )
            print(f"{name:10s} w={w:3.1f}  max negative {top:.3f} | {rec}")
    return 0


def thumb(path: Path) -> np.ndarray:
    return features.compute(decoding.decode(path).image).thumb


if __name__ == "__main__":
    sys.exit(main())
