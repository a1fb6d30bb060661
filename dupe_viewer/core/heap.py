"""Keep freed memory in a worker process's heap instead of handing it back to the system at once.

Dask's nanny starts every worker with ``MALLOC_TRIM_THRESHOLD_=65536`` (to return memory to the
system early in workers that hold data for long). Setting any of glibc's malloc variables also
switches off glibc's *dynamic* mmap threshold, so every buffer over 128 KB (each decoded image,
its resized copies, the feature arrays) becomes a fresh ``mmap`` that is zero-filled page by page
and unmapped when freed: measured in a ``--dask local:1`` worker, ~2,800 page faults and ~3 ms of
kernel time per file of the dev corpus, against ~50 faults and 0.2 ms in a scan's own worker
processes, which made the per-file analysis ~30 % slower on the cluster (user time the same;
``tests/benchmarks/cluster_throughput.py``). Our tasks keep nothing between them but their
results, so a worker keeps up to :data:`TRIM_THRESHOLD` of freed heap for the next file instead.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading

#: Allocations at least this large are mmapped (glibc's largest dynamic threshold, 32 MB on
#: 64-bit): a decode buffer of a camera photo is reused from the heap.
MMAP_THRESHOLD = 32 * 2**20
#: Freed memory at the top of the heap kept for reuse before it is returned to the system.
TRIM_THRESHOLD = 64 * 2**20
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's mallopt() parameters

_done = False
_lock = threading.Lock()


def keep_freed_memory() -> bool:
    """Raise glibc's mmap and trim thresholds in this process, once; False where there is no
    glibc (macOS, Windows, musl) or it refused. Cheap to call before every task."""
    global _done
    if _done:
        return True
    with _lock:
        if _done or not sys.platform.startswith("linux"):
            return _done
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
            mallopt = libc.mallopt
        except (OSError, AttributeError):  # not glibc
            return False
        mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
        _done = bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
            mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
        )
        return _done
