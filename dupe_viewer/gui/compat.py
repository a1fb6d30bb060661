"""Work-arounds for defects in the Qt bindings, detected at run time (no-ops where absent).

**PySide6 6.12.0 on CPython < 3.12.** Its ``abi3`` wheels drop one reference to ``None`` on
every call of a Qt method that returns nothing (``label.setText(...)``, ``bar.setValue(...)``,
``QCoreApplication.processEvents()``...). CPython 3.12+ made ``None`` immortal (PEP 683), so the
bug is invisible there; on 3.10/3.11 ``None``'s reference count (about 5,000 at start) reaches
zero after a few thousand such calls and the interpreter aborts with "Fatal Python error:
none_dealloc". In this app that is a few minutes of browsing groups.

The work-around does what 3.12 does: it gives ``None`` (and, defensively, ``True``/``False``) a
reference count so large that no session can exhaust it, so they are never deallocated. It is
applied only when a probe shows the bug, and only when the object layout is the one expected
(the reference count is the first field of the object).
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger(__name__)

#: Added to the reference count: 2**40 void calls is beyond any session.
_PADDING = 1 << 40


def _refcnt_field(obj: object) -> ctypes.c_ssize_t | None:
    field = ctypes.c_ssize_t.from_address(id(obj))
    # sys.getrefcount counts its own argument: one more than the stored count.
    return field if field.value == sys.getrefcount(obj) - 1 else None


def void_calls_leak_none() -> bool:
    """True when calling a void Qt method drops a reference to None (see the module docstring)."""
    if sys.version_info >= (3, 12):
        return False  # None is immortal: its count no longer matters
    from PySide6.QtCore import QTimer

    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(64):
        timer.setInterval(1)
    return before - sys.getrefcount(None) >= 32


def protect_singletons() -> bool:
    """Apply the work-around if this PySide6/Python pair needs it; True when applied."""
    if not void_calls_leak_none():
        return False
    fields = [_refcnt_field(obj) for obj in (None, True, False)]
    if any(f is None for f in fields):
        log.warning("PySide6 leaks references to None here, and the work-around cannot be applied")
        return False
    for f in fields:
        assert f is not None
        f.value += _PADDING
    log.info("applied the PySide6 None-reference work-around (see dupe_viewer.gui.compat)")
    return True
