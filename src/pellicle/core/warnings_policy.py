"""Where Python warnings go: to a log, never to a person's terminal.

Pillow reports much of what is wrong with a file through `warnings.warn` and
carries on ("Invalid APNG, will use default PNG image if possible",
"Truncated File Read", "Corrupt EXIF data"), and Python prints each warning
on stderr, between the lines of `pellicle check`. Two rules:

- `install()`, called first by the command line and the desktop app, sends
  every warning to the `pellicle.warnings` logger, and gives logging a
  silent handler, so neither a warning nor a logged traceback reaches the
  terminal (`PELLICLE_DEBUG=1` shows them all on stderr, for developers).
- `library_warnings_are_errors()`: inside it, on the calling thread only, a
  warning from an image library (a `UserWarning`, Pillow's way of saying
  "this file is damaged, I guessed") raises `LibraryWarning`, so the caller
  refuses the file with a reason instead of accepting Pillow's guess. The
  gate uses it when it decodes an exported copy. Other threads (thumbnails,
  the inspector) keep the lenient behaviour.

Both work through `warnings.showwarning`, the documented hook; warning
filters are process-wide and changing them around a decode would race with
the sync's other worker threads.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import warnings
from collections.abc import Iterator
from typing import Any, Final, TextIO

#: Warnings from these modules are the image libraries'.
_LIBRARIES: Final = r"(PIL|pillow_heif)(\.|$)"
_ALWAYS: Final = ("always", None, UserWarning, _LIBRARIES)

_log = logging.getLogger("pellicle.warnings")
_lock = threading.Lock()
_state = threading.local()
_routed = False
_logging_set = False
_fallback: Any = None


class LibraryWarning(Exception):
    """An image library warned about the file being decoded; the file is refused."""


def install() -> None:
    """Route every Python warning to the log and keep logging off the terminal.

    Idempotent; call it before anything else at a program's entry point.
    """
    global _routed, _logging_set
    with _lock:
        _routed = True
        if not _logging_set:
            if os.environ.get("PELLICLE_DEBUG"):
                logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")
            else:
                # Without any handler, logging prints WARNING and above on
                # stderr ("last resort"), tracebacks included.
                logging.getLogger().addHandler(logging.NullHandler())
            _logging_set = True
        # Every library warning reaches the hook, even a repeat: with Python's
        # "default" action a second identical warning would be skipped, and a
        # second damaged file would pass a strict section unnoticed.
        warnings.filterwarnings("always", category=UserWarning, module=_LIBRARIES)
    _hook()


@contextlib.contextmanager
def library_warnings_are_errors() -> Iterator[None]:
    """Within this block, on this thread, an image library's warning raises `LibraryWarning`."""
    _hook()
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    finally:
        _state.depth -= 1


def _hook() -> None:
    global _fallback
    with _lock:
        if warnings.showwarning is not _show:
            _fallback = warnings.showwarning
            warnings.showwarning = _show
        if not any(_matches_always(f) for f in warnings.filters):
            # Appended, so whatever the program asked for first (a test
            # suite's "error") still wins.
            warnings.filterwarnings("always", category=UserWarning, module=_LIBRARIES, append=True)


def _matches_always(entry: tuple[Any, ...]) -> bool:
    action, message, category, module, lineno = entry
    pattern = getattr(module, "pattern", module)
    return (action, message, category, pattern) == _ALWAYS and lineno == 0


def _show(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: TextIO | None = None,
    line: str | None = None,
) -> None:
    if getattr(_state, "depth", 0) and issubclass(category, UserWarning):
        raise LibraryWarning(str(message))
    if _routed:
        _log.warning("%s: %s (%s:%s)", category.__name__, message, filename, lineno)
        return
    if _fallback is not None:
        _fallback(message, category, filename, lineno, file, line)
