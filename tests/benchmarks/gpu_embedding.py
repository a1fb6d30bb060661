"""Deep-embedding throughput per onnxruntime execution provider (``--device``), in images/s.

    python tests/benchmarks/gpu_embedding.py [--model PATH.onnx] [--images 512] [--batch 1,8,32,128]

Runs the installed default model (or a prepared ``--model``, with the default model's spec) on
synthetic photo-like images, on every device this onnxruntime offers (cuda / coreml / directml,
then cpu), at each batch size. On a CPU-only machine it prints the CPU figures only; install
``onnxruntime-gpu`` where a CUDA GPU exists. Resizing (Pillow, in the caller) is timed apart from
the rest (the input tensor, the model, the pooling), since on a GPU resizing is the larger part
(measured on an H200: README, "Past one machine"). Last, each accelerator's embeddings are
compared with the CPU's (the largest difference and the lowest cosine over the same images): the
groups of a scan depend on them, so a device must give the CPU's vectors within rounding.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from dupe_viewer.core.deep import installed, providers
from dupe_viewer.core.deep.embedding import Embedder
from tests.library import photo


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", help="a prepared ONNX model (default: the installed default model)")
    ap.add_argument("--images", type=int, default=512)
    ap.add_argument("--batch", default="1,8,32,128")
    a = ap.parse_args()
    spec = installed.get_installed(None)
    if spec is None:
        sys.exit("no model installed: run `dupe-viewer models install` first")
    path = a.model or str(installed.installed_model_path(spec.id))
    images = [photo(k, (500, 375)) for k in range(min(a.images, 64))]
    images = (images * (a.images // len(images) + 1))[: a.images]
    offered = providers.available()
    devices = [d for d in (*providers.AUTO_ORDER, "cpu") if providers.PROVIDERS[d] in offered]
    try:
        version = importlib.metadata.version("onnxruntime-gpu") + " (onnxruntime-gpu)"
    except importlib.metadata.PackageNotFoundError:
        version = importlib.metadata.version("onnxruntime")
    print(f"model {spec.id}, {a.images} images 500×375; onnxruntime {version} offers {', '.join(offered)}")
    vectors: dict[str, object] = {}
    for device in devices:
        for batch in (int(b) for b in a.batch.split(",")):
            emb = Embedder(
                spec,
                path,
                threads=(os.cpu_count() or 1) if device == "cpu" else 1,
                batch_size=batch,
                device=device,
            )
            if emb.device != device:
                print(f"  {device}: fell back to {emb.device} ({emb.device_note})")
                break
            emb.embed(images[:batch])  # warm-up: session start, CUDA kernels, memory arenas
            t = time.perf_counter()
            arrays = [emb.resize(im) for im in images]
            t_resize = time.perf_counter() - t
            t = time.perf_counter()
            for lo in range(0, len(arrays), emb.batch_size):
                emb._infer(arrays[lo : lo + emb.batch_size])
            t_infer = time.perf_counter() - t
            t = time.perf_counter()
            out = emb.embed(images)
            total = time.perf_counter() - t
            vectors.setdefault(device, out)
            print(
                f"  {device:>8} batch {batch:>4}: {a.images / total:8.1f} images/s "
                f"(resize alone {len(arrays) / t_resize:.0f} images/s, on one thread; the rest alone "
                f"{len(arrays) / t_infer:.0f} images/s: input tensor, model, pooling)"
            )

    cpu = vectors.get("cpu")
    for device, out in vectors.items():
        if device == "cpu" or cpu is None:
            continue
        diff = float(abs(out - cpu).max())
        cosine = float((out * cpu).sum(axis=1).min())  # the vectors are L2-normalised
        print(f"  {device} vs cpu: largest difference {diff:.2e}, lowest cosine {cosine:.6f}")


if __name__ == "__main__":
    main()
