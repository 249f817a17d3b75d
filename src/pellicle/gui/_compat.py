"""A guard against a reference-counting bug in PySide6 6.12 on CPython 3.11.

Measured here (PySide6 6.12.0, CPython 3.11.7): every `Signal.emit()` from
Python drops one reference to `True`, and every Python slot or virtual
override (a model's `data()`) that returns `None` drops one to `None`. On
CPython 3.12+ those objects are immortal and the bug is harmless; on 3.11
`True` starts with ~50 references, so a window crashes with "deallocating
True or False" after a few dozen emits. Only these singletons are affected
(returned strings and objects keep their counts), and they are never freed
while the interpreter runs, so we do what 3.12 does: give them a reference
count so large the stray decrements can never reach zero.
"""

from __future__ import annotations

import ctypes
import sys

_BOOST = 1 << 48
_done = False


def immortalise_singletons() -> None:
    """Make None, True and False effectively immortal (CPython < 3.12 only)."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += _BOOST
    _done = True
