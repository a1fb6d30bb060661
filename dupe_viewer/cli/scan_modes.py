"""The ways ``dupe-viewer scan`` can run beyond one machine's defaults: on a Dask cluster
(``--dask``), between two sets of files (``--cross A --against B``), with embeddings on an
accelerator (``--device``). :mod:`.scan` registers these options and asks this module which
scan to start and how to finish its result; the engine is imported only when a scan runs."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from typing import Any

from .common import UsageError

DEVICES = ("auto", "cuda", "coreml", "directml", "cpu")


def add_arguments(p: argparse.ArgumentParser) -> None:
    """The options of this module, on the ``scan`` parser."""
    p.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask cluster: local[:N] starts N local worker processes, tcp://host:port "
        "connects to a running scheduler (needs `pip install dupe-viewer[cluster]`; default: this machine)",
    )
    p.add_argument(
        "--store",
        metavar="DIR",
        help="with --dask: the feature store (Parquet shards), on storage every worker sees "
        "(default: under the user cache)",
    )
    p.add_argument(
        "--cross",
        action="append",
        default=[],
        metavar="A",
        help="report only pairs between A and the --against set: one group per file of A with "
        "the files of the other set that match it (repeatable; default: every pair)",
    )
    p.add_argument(
        "--against",
        action="append",
        default=[],
        metavar="B",
        help="the other set of --cross (repeatable; default: none)",
    )
    p.add_argument(
        "--device",
        choices=DEVICES,
        help="where deep embeddings run (onnxruntime execution provider); default: auto, the "
        "first accelerator available, else the CPU",
    )


def paths(args: argparse.Namespace) -> list[str]:
    """The paths to scan: PATHs, or the two sets of --cross/--against (checked here)."""
    if bool(args.cross) != bool(args.against):
        raise UsageError("--cross A needs --against B (and --against needs --cross)")
    if args.cross:
        if args.paths:
            raise UsageError("with --cross A --against B, give the folders there, not as PATH")
        a = {os.path.abspath(p) for p in args.cross}
        b = {os.path.abspath(p) for p in args.against}
        for x in a:
            for y in b:
                if (
                    x == y
                    or x.startswith(y.rstrip(os.sep) + os.sep)
                    or y.startswith(x.rstrip(os.sep) + os.sep)
                ):
                    raise UsageError(f"--cross {x} and --against {y} overlap: the sets must be apart")
        return [*args.cross, *args.against]
    if not args.paths:
        raise UsageError("give at least one PATH to scan")
    if args.store and not args.dask:
        raise UsageError("--store is the cluster's feature store: it needs --dask")
    return list(args.paths)


def start(args: argparse.Namespace, opts: Any, cancel: Any, scan: Any) -> Iterator[Any]:
    """The scan's event generator: on the cluster with --dask, else ``scan`` (the engine's)."""
    if args.device:
        from ..core.deep import providers

        # Read by every worker process the scan starts (see core.deep.providers).
        os.environ[providers.ENV] = args.device
        choice = providers.choose(args.device)
        if choice.message:
            print(f"dupe-viewer: warning: {choice.message}", file=sys.stderr)
    if not args.dask:
        return scan(args.paths, opts, cancel=cancel)
    from ..core.cluster import scan as cluster_scan
    from ..core.cluster.connect import ClusterUnavailable, parse

    try:
        parse(args.dask)
        import distributed  # noqa: F401  (checked before any work)
    except ClusterUnavailable as exc:
        raise UsageError(str(exc)) from None
    except ImportError:
        raise UsageError("--dask needs Dask: install it with `pip install dupe-viewer[cluster]`") from None
    copts = cluster_scan.ClusterOptions(address=args.dask, store=args.store, use_store=opts.use_cache)
    return cluster_scan.scan(args.paths, opts, copts, cancel=cancel.is_set)


def finish(args: argparse.Namespace, result: Any) -> Any:
    """The result to report: with --cross, its cross-set groups."""
    if result is None or not args.cross:
        return result
    from ..core.cross import restrict

    return restrict(result, args.cross, args.against)
