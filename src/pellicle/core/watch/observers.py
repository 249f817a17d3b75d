"""The observers: which folders are watched, and how.

Every library root and the export folder gets a recursive watch. inotify
(watchdog's `Observer`) is the normal way; it is not always available or
not always enough, and this room is where that is handled so the rest of
the watcher can assume events simply arrive:

* `schedule()` can fail (`ENOSPC`: the inotify watch limit; other errors on
  file systems without inotify). That folder is polled instead
  (watchdog's `PollingObserver`), with one line saying why.
* watchdog reports a full kernel queue or a failed re-arm only by logging;
  `LogSignal` turns those log records into queued signals.
* An emitter thread can die silently; `check_health` notices, falls back to
  polling, and also pauses a root that became unreachable and re-arms it
  when it comes back.
* How each root is watched is recorded in the store, so `pellicle status`
  and the GUI (other processes) can show "polling" or "offline".

The handlers here run on watchdog's observer threads. They only reduce an
event to a `Raw` and enqueue it: no store, no engine, never Qt. Everything
else in this room runs on the watcher's thread.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.polling import PollingObserver

from pellicle.core.roots import Root
from pellicle.core.store import Store, display
from pellicle.core.watch.config import WatchConfig
from pellicle.core.watch.events import Mode, Raw, WatchEvent
from pellicle.core.words import msg

# watchdog 7's inotify layer warns when a recursive watch re-adds a folder it
# already watches (a folder deleted and re-created at once, as the export's
# are) and then simply replaces the callback: bookkeeping, not a lost event.
# Left alone it prints from watchdog's thread into `pellicle watch` output.
for _message in (
    r"Callback with id .* already exists for watch",
    r"Callback with id .* does not exist",
):
    warnings.filterwarnings("ignore", message=_message, category=RuntimeWarning)

#: The settings key where a running watcher records how each root is watched.
WATCH_SETTING: Final = "watch_modes"

#: watchdog reports inotify trouble only through these loggers.
WATCHDOG_LOGGERS: Final = ("watchdog.observers.inotify_c", "watchdog.observers.inotify")

#: The events asked of inotify. Leaving out opens and read-only closes
#: matters: every scan and scrub reads library files, and those events would
#: flood the kernel queue (16,384 by default) on a big library.
EVENTS: Final[list[type[FileSystemEvent]]] = [
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileAttribEvent,
    FileMovedEvent,
    FileClosedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]

#: Event types that say nothing about content (reads, folder mtime bumps).
IGNORED: Final = frozenset({"opened", "closed_no_write"})

POLLING_INSTEAD: Final = msg("core.watch", "{path}: {why}; polling instead")
STOPPED_WORKING: Final = msg("core.watch", "file events stopped working")
#: A library folder's watch state, as `status` and the app say it.
MODES: Final = {
    "events": msg("core.watch", "{path}: events"),
    "polling": msg("core.watch", "{path}: polling"),
    "offline": msg("core.watch", "{path}: offline"),
}

Enqueue = Callable[[Raw], None]


class Handler(FileSystemEventHandler):
    """Runs on watchdog's threads: only reduce the event and queue it."""

    def __init__(self, enqueue: Enqueue, where: Literal["library", "export"]) -> None:
        super().__init__()
        self.enqueue = enqueue
        self.where: Literal["library", "export"] = where

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = str(event.event_type)
        if kind in IGNORED or (kind == "modified" and event.is_directory):
            return
        self.enqueue(
            Raw(
                self.where,
                kind,
                os.fsdecode(event.src_path),
                os.fsdecode(event.dest_path or ""),
                bool(event.is_directory),
                time.monotonic(),
            )
        )


class LogSignal(logging.Handler):
    """watchdog logs (never raises) a queue overflow or a failed re-arm."""

    def __init__(self, enqueue: Enqueue) -> None:
        super().__init__(logging.WARNING)
        self.enqueue = enqueue

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record must not break watchdog
            return
        lowered = message.lower()
        if "overflow" in lowered:
            self.enqueue(Raw("overflow", "overflow", message, at=time.monotonic()))
        elif "unable to" in lowered:
            self.enqueue(Raw("broken", "broken", message, at=time.monotonic()))


@dataclass
class Armed:
    """How one folder (a root or the export folder) is being watched."""

    path: str
    mode: Mode
    watch: Any = None  # watchdog's ObservedWatch
    observer: Any = None


class Observers:
    """The watches on the library roots and the export folder.

    One inotify observer and, only once something needs it, one polling
    observer, shared by all folders. `enqueue` is what the handlers call on
    the observer threads; `emit` tells the caller about modes and fallbacks;
    `request_full` asks the watcher for a full reconcile (a folder that
    switched to polling may have missed events meanwhile).
    """

    def __init__(
        self,
        config: WatchConfig,
        store: Store,
        *,
        enqueue: Enqueue,
        emit: Callable[[WatchEvent], None],
        request_full: Callable[[], None],
    ) -> None:
        self.config = config
        self.store = store
        self._enqueue = enqueue
        self._emit = emit
        self._request_full = request_full
        self._observer: Any = None
        self._poller: Any = None
        #: Library roots by path (the export folder is `export`).
        self.armed: dict[str, Armed] = {}
        self.export: Armed | None = None
        self._log_signal = LogSignal(enqueue)

    # -- lifecycle ----------------------------------------------------------

    def listen(self) -> None:
        """Hear watchdog's overflow and re-arm failures (see `LogSignal`)."""
        for name in WATCHDOG_LOGGERS:
            logging.getLogger(name).addHandler(self._log_signal)

    def close(self) -> None:
        """Stop watching, stop listening, and record that nobody watches."""
        self.disarm_all()
        for name in WATCHDOG_LOGGERS:
            logging.getLogger(name).removeHandler(self._log_signal)
        # The store may be what failed; stopping must still complete.
        with contextlib.suppress(Exception):
            self.record_modes(clear=True)

    def arm_all(self, roots: list[Root], export_dir: str) -> None:
        """Watch every reachable root and the export folder."""
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        for root in roots:
            if os.path.isdir(root.path):
                self.arm(root.path, "library")
            else:
                self.armed[root.path] = Armed(root.path, "offline")
        self.export = self.arm(export_dir, "export")
        self.record_modes()

    def disarm_all(self) -> None:
        # Stop every observer first, then wait for them: their threads wind
        # down side by side instead of one after the other.
        for observer in (self._observer, self._poller):
            if observer is None:
                continue
            with contextlib.suppress(Exception):
                observer.stop()
        for observer in (self._observer, self._poller):
            if observer is None:
                continue
            with contextlib.suppress(Exception):
                observer.join(10)
        self._observer = self._poller = None
        self.armed.clear()
        self.export = None

    # -- one folder ---------------------------------------------------------

    def arm(self, path: str, where: Literal["library", "export"]) -> Armed:
        """Watch `path` with inotify, or by polling if that is not possible."""
        handler = Handler(self._enqueue, where)
        armed: Armed | None = None
        if not self.config.force_polling:
            try:
                watch = self._observer.schedule(handler, path, recursive=True, event_filter=EVENTS)
                armed = Armed(path, "events", watch, self._observer)
            except OSError as exc:
                reason = (
                    msg(
                        "core.watch",
                        "the inotify watch limit is reached (raise fs.inotify.max_user_watches)",
                    )
                    if exc.errno == errno.ENOSPC
                    else msg("core.watch", "file events are unavailable ({error})").format(
                        error=exc.strerror or str(exc)
                    )
                )
                self._emit(
                    WatchEvent("error", POLLING_INSTEAD.format(path=display(path), why=reason))
                )
        if armed is None:
            armed = Armed(path, "polling", *self._poll(handler, path))
        if where == "library":
            self.armed[path] = armed
            self._emit(
                WatchEvent("state", MODES[armed.mode].format(path=display(path)), path, armed.mode)
            )
        return armed

    def _poll(self, handler: Handler, path: str) -> tuple[Any, Any]:
        if self._poller is None:
            self._poller = PollingObserver(timeout=self.config.polling_interval)
            self._poller.daemon = True
            self._poller.start()
        watch = self._poller.schedule(handler, path, recursive=True, event_filter=EVENTS)
        return watch, self._poller

    def unarm(self, armed: Armed) -> None:
        if armed.watch is not None and armed.observer is not None:
            with contextlib.suppress(Exception):
                armed.observer.unschedule(armed.watch)
        armed.watch = armed.observer = None

    def fall_back(self, armed: Armed, why: str) -> None:
        """Switch a folder from inotify to polling and reconcile it."""
        if armed.mode != "events":
            return
        self.unarm(armed)
        where: Literal["library", "export"] = "export" if armed is self.export else "library"
        armed.watch, armed.observer = self._poll(Handler(self._enqueue, where), armed.path)
        armed.mode = "polling"
        self._emit(WatchEvent("error", POLLING_INSTEAD.format(path=display(armed.path), why=why)))
        if where == "library":
            self._emit(
                WatchEvent(
                    "state",
                    MODES["polling"].format(path=display(armed.path)),
                    armed.path,
                    "polling",
                )
            )
        self.record_modes()
        self._request_full()

    def broken(self, message: str) -> None:
        """watchdog could not (re-)arm a watch: poll the folder its message
        names, or every folder if it names none (better slow than blind)."""
        watched = [a for a in [*self.armed.values(), self.export] if a is not None]
        named = [a for a in watched if a.path in message]
        for armed in named or watched:
            self.fall_back(armed, STOPPED_WORKING)

    def mode_of(self, root_path: str) -> Mode | None:
        """How the root at `root_path` is watched (None: not a root)."""
        armed = self.armed.get(root_path)
        return None if armed is None else armed.mode

    # -- health: offline roots, dead emitters -------------------------------

    def check_health(self, roots: list[Root]) -> list[Root]:
        """Pause unreachable roots, re-arm returning ones, and poll where an
        emitter died. Returns the roots that went offline or came back: the
        caller syncs each (which records an offline root as such)."""
        changed: list[Root] = []
        for root in roots:
            armed = self.armed.get(root.path)
            if armed is None:
                continue
            reachable = os.path.isdir(root.path)
            if armed.mode == "offline" and reachable:
                self.armed.pop(root.path)
                self.arm(root.path, "library")
                self.record_modes()
                changed.append(root)
            elif armed.mode != "offline" and not reachable:
                self.unarm(armed)
                armed.mode = "offline"
                self._emit(
                    WatchEvent(
                        "state",
                        msg(
                            "core.watch", "{path}: offline (paused; its exported copies stay)"
                        ).format(path=display(root.path)),
                        root.path,
                        "offline",
                    )
                )
                self.record_modes()
                changed.append(root)
            elif armed.mode == "events" and not self._emitter_alive(armed):
                self.fall_back(armed, STOPPED_WORKING)
        if self.export is not None and self.export.mode == "events":
            if not self._emitter_alive(self.export):
                self.fall_back(self.export, STOPPED_WORKING)
        return changed

    def _emitter_alive(self, armed: Armed) -> bool:
        observer = armed.observer
        if observer is None or not observer.is_alive():
            return False
        for emitter in list(observer.emitters):
            if emitter.watch == armed.watch:
                return bool(emitter.is_alive())
        return False

    def record_modes(self, *, clear: bool = False) -> None:
        """Tell other processes (status, the GUI) how each root is watched."""
        modes = {} if clear else {path: a.mode for path, a in self.armed.items()}
        value = json.dumps({"pid": os.getpid(), "time": time.time(), "roots": modes})
        self.store.set_setting(WATCH_SETTING, value)
