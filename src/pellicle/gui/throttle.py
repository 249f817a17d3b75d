"""One way to coalesce bursts of requests: call now, then hold the latest.

The window gets requests in bursts: a watcher reporting a dozen events, a
person pressing S on photo after photo, a selection dragged across the
grid. Each burst must lead to one refresh, one sync, one inspector read,
not a queue of them, and never two at once on the same worker. `Throttle`
is that rule, written once (the shape of qutebrowser's misc/throttle.py):

- a call made while the throttle is free runs at once;
- the throttle is busy for `delay_ms` after a run, and, when the run says
  it started work that ends later (its function returned True), until
  `finished()` is called;
- calls made while it is busy are held, only the latest (its arguments
  replace the earlier ones), and that one runs as soon as it is free.

It lives on the GUI thread (a QTimer drives the delay); `finished()` is
called from the result callbacks of `tasks.EngineThread`, which also run
there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Generic, ParamSpec

from PySide6.QtCore import QObject, QTimer

P = ParamSpec("P")


class Throttle(Generic[P]):
    """Coalesce calls to `func`: at most one running, the latest one held.

    `func` returns True when it started work that ends later (a worker
    job): the throttle then holds further calls until `finished()`. It
    returns False when there was nothing to do.
    """

    def __init__(self, func: Callable[P, bool], delay_ms: int = 0, *, parent: QObject) -> None:
        self._func = func
        self._delay = max(0, delay_ms) / 1000
        self._timer = QTimer(parent)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._release)
        self._last: float | None = None
        self._running = False
        self._held: tuple[tuple[Any, ...], dict[str, Any]] | None = None

    @property
    def running(self) -> bool:
        """A run started work that has not finished yet."""
        return self._running

    @property
    def pending(self) -> bool:
        """A call is held, waiting for the throttle to be free."""
        return self._held is not None

    @property
    def busy(self) -> bool:
        """Running, or holding a call that will run."""
        return self._running or self._held is not None

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> None:
        self._held = (args, kwargs)
        self._release()

    def finished(self) -> None:
        """The work the last run started is over: run the held call, if any."""
        self._running = False
        self._release()

    def cancel(self) -> None:
        """Drop the held call and stop waiting (the window is closing)."""
        self._held = None
        self._timer.stop()

    def _release(self) -> None:
        if self._held is None or self._running or self._timer.isActive():
            return
        if self._last is not None:
            wait = self._last + self._delay - time.monotonic()
            if wait > 0:
                self._timer.start(max(1, round(wait * 1000)))
                return
        args, kwargs = self._held
        self._held = None
        self._last = time.monotonic()
        # Set before the call: `func` may call finished() itself at once.
        self._running = True
        try:
            started = self._func(*args, **kwargs)
        except BaseException:
            self._running = False
            raise
        if not started:
            self._running = False
            self._release()
