"""Live sync: follow the library and the export folder, keep the promise.

`pellicle sync` reconciles once; this module keeps reconciling as things
change, so that within the sync latency the export folder holds exactly the
shareable photos (DESIGN.md, promise point 2). It adapts watchdog's events to
the engine:

* Library events are queued from watchdog's observer threads and handled on
  one thread that owns an `Engine` (a SQLite connection is single-threaded).
* Bursts are coalesced: a batch is synced ~250 ms after the last event, or
  after `max_wait` at the latest, and only the folders that changed are
  rescanned (`Engine.sync(changed=...)`).
* A file still being written (no close-write yet, size still moving) is held
  back until it settles, so half a photo is never picked up on purpose.
* Moves call `Engine.move_rules` before the next sync, so rules follow their
  photos and folders.
* Anything that reduces what is shared is never kept waiting behind a batch:
  deletions sync at once, and a rule changed by another Pellicle process
  (seen by polling `PRAGMA data_version`) runs `enforce_privacy()` first.
* The export folder is watched too. Pellicle's own writes are recognised by
  comparing an event with the manifest; anything else (a copy deleted or
  altered, a file planted) triggers a plan-only sync that restores our copies
  and reports foreign files without touching them.
* Events are not always enough: a full inotify queue, the inotify watch limit
  (`ENOSPC` from `schedule()`), a dead emitter thread. Those roots fall back
  to watchdog's `PollingObserver` and get a full reconcile; the mode is
  recorded so `status()` and the GUI can show "polling". A periodic full
  reconcile (10 min by default) is the last safety net, and a root that goes
  offline is paused and resumed when it comes back.

`Watcher` is the service the GUI reuses (its own thread, its own Engine,
plain-Python callbacks, never Qt); `run_daemon` is `pellicle watch`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import logging
import os
import queue
import sys
import threading
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
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

from pellicle.core.engine import Engine, SyncReport
from pellicle.core.errors import UserError
from pellicle.core.exportdir import STAGING
from pellicle.core.paths import Locations
from pellicle.core.roots import Root, locate
from pellicle.core.store import display
from pellicle.core.words import Message, msg

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
_WATCHDOG_LOGGERS: Final = ("watchdog.observers.inotify_c", "watchdog.observers.inotify")

Mode = Literal["events", "polling", "offline"]

#: Event kinds handed to `on_event`.
EventKind = Literal["started", "export", "synced", "state", "foreign", "error", "stopped"]


@dataclass(frozen=True)
class WatchEvent:
    """One thing worth telling a person (or a GUI) about the live sync.

    kind:
      "started"  the watcher armed its watches and finished its first sync
      "export"   one change to the export folder (message: one log line)
      "synced"   a sync finished (report holds the counts)
      "state"    a root changed mode (root, mode: "events"/"polling"/"offline")
      "foreign"  a file Pellicle did not write appeared in the export folder
      "error"    something failed; message is one line; the watcher goes on
      "stopped"  the watcher thread ended
    """

    kind: EventKind
    message: str
    root: str | None = None
    mode: Mode | None = None
    report: SyncReport | None = None
    time: float = field(default_factory=time.time)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"time": self.time, "kind": self.kind, "message": self.message}
        if self.root is not None:
            data["root"] = self.root
        if self.mode is not None:
            data["mode"] = self.mode
        if self.report is not None:
            data["report"] = self.report.as_dict()
        return data


@dataclass(frozen=True)
class WatchConfig:
    """Timings of the live sync; defaults meet the 1 s latency goal."""

    #: Quiet time after the last event before a batch is synced.
    debounce: float = 0.25
    #: A steady stream of events still gets synced this often.
    max_wait: float = 2.0
    #: A file written under a polled root (no close-write events there)
    #: counts as complete once its size and mtime have not moved for this
    #: long (at least twice the polling interval).
    settle: float = 1.0
    #: Under inotify a file is complete at its close-write; one written to
    #: and left open counts as complete after this long without change.
    open_write_timeout: float = 30.0
    #: How often to look for rule changes made by other Pellicle processes.
    rules_poll: float = 0.15
    #: How often to check that roots are reachable and emitters alive.
    health_check: float = 1.0
    #: Seconds between full reconciles (the safety net for lost events).
    reconcile: float = 600.0
    #: Scan interval of the polling fallback.
    polling_interval: float = 2.0
    #: Watch every root by polling (for file systems without inotify).
    force_polling: bool = False

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> WatchConfig:
        """Overrides from PELLICLE_WATCH_RECONCILE, _POLLING, _POLL_INTERVAL."""
        env = dict(os.environ) if env is None else env
        config = cls()
        values: dict[str, Any] = {}
        for key, name in (
            ("PELLICLE_WATCH_RECONCILE", "reconcile"),
            ("PELLICLE_WATCH_POLL_INTERVAL", "polling_interval"),
            ("PELLICLE_WATCH_DEBOUNCE", "debounce"),
        ):
            raw = env.get(key)
            if raw:
                try:
                    value = float(raw)
                except ValueError:
                    raise UserError(
                        msg("core.watch", "{name} must be a number of seconds, not {value}").format(
                            name=key, value=repr(raw)
                        )
                    ) from None
                if value <= 0:
                    raise UserError(
                        msg("core.watch", "{name} must be a positive number of seconds").format(
                            name=key
                        )
                    )
                values[name] = value
        if env.get("PELLICLE_WATCH_POLLING", "") not in ("", "0"):
            values["force_polling"] = True
        return dataclasses.replace(config, **values)


# --------------------------------------------------------------------- events


@dataclass(frozen=True)
class _Raw:
    """A watchdog event reduced to what the sync thread needs."""

    where: Literal["library", "export", "overflow", "broken", "wake"]
    kind: str
    src: str = ""
    dest: str = ""
    is_dir: bool = False
    at: float = 0.0


#: The events asked of inotify. Leaving out opens and read-only closes
#: matters: every scan and scrub reads library files, and those events would
#: flood the kernel queue (16,384 by default) on a big library.
_EVENTS: Final[list[type[FileSystemEvent]]] = [
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
_IGNORED: Final = frozenset({"opened", "closed_no_write"})


class _Handler(FileSystemEventHandler):
    """Runs on watchdog's threads: only reduce the event and queue it."""

    def __init__(self, watcher: Watcher, where: Literal["library", "export"]) -> None:
        super().__init__()
        self.watcher = watcher
        self.where: Literal["library", "export"] = where

    def on_any_event(self, event: FileSystemEvent) -> None:
        kind = str(event.event_type)
        if kind in _IGNORED or (kind == "modified" and event.is_directory):
            return
        self.watcher._enqueue(
            _Raw(
                self.where,
                kind,
                os.fsdecode(event.src_path),
                os.fsdecode(event.dest_path or ""),
                bool(event.is_directory),
                time.monotonic(),
            )
        )


class _LogSignal(logging.Handler):
    """watchdog logs (never raises) a queue overflow or a failed re-arm."""

    def __init__(self, watcher: Watcher) -> None:
        super().__init__(logging.WARNING)
        self.watcher = watcher

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = record.getMessage()
        except Exception:  # a malformed record must not break watchdog
            return
        lowered = message.lower()
        if "overflow" in lowered:
            self.watcher._enqueue(_Raw("overflow", "overflow", message, at=time.monotonic()))
        elif "unable to" in lowered:
            self.watcher._enqueue(_Raw("broken", "broken", message, at=time.monotonic()))


# ---------------------------------------------------------------------- state


@dataclass
class _Armed:
    """How one folder (a root or the export folder) is being watched."""

    path: str
    mode: Mode
    watch: Any = None  # watchdog's ObservedWatch
    observer: Any = None


@dataclass
class _Pending:
    """Library changes seen but not yet synced."""

    paths: dict[str, float] = field(default_factory=dict)  # path -> last event
    #: Files written with no close-write yet: path -> (last write, stat seen,
    #: how long it must stay unchanged to count as complete).
    writing: dict[str, tuple[float, tuple[int, int] | None, float]] = field(default_factory=dict)
    first: float | None = None
    last: float = 0.0
    urgent: bool = False

    def add(self, path: str, now: float, *, urgent: bool = False) -> None:
        self.paths[path] = now
        if self.first is None:
            self.first = now
        self.last = now
        self.urgent = self.urgent or urgent

    def __bool__(self) -> bool:
        return bool(self.paths)


class Watcher:
    """Keeps the export in sync with the library until stopped.

    `start()` runs the watcher on its own thread with its own Engine;
    `run()` runs it on the calling thread (that is what `pellicle watch`
    does). `on_event` is called on the watcher's thread with plain
    `WatchEvent`s; a GUI must hand them to its own thread.
    """

    def __init__(
        self,
        where: Locations | None = None,
        on_event: Callable[[WatchEvent], None] | None = None,
        *,
        config: WatchConfig | None = None,
    ) -> None:
        self.where = where
        self.on_event = on_event
        self.config = config or WatchConfig()
        self._queue: queue.SimpleQueue[_Raw] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._full = threading.Event()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        # Everything below is touched by the watcher's thread only.
        self._engine: Engine | None = None
        self._observer: Any = None
        self._poller: Any = None
        self._armed: dict[str, _Armed] = {}
        self._export: _Armed | None = None
        self._export_dir = ""
        self._roots: list[Root] = []
        self._pending = _Pending()
        self._export_dirty: float | None = None
        self._rules_dirty = False
        self._foreign: set[str] = set()
        self._retry_at: float | None = None
        self._backoff = 1.0
        self._log_signal: _LogSignal | None = None
        self._moved_dir: tuple[str, str] | None = None

    # ----------------------------------------------------------- public API

    def start(self) -> None:
        """Start the watcher thread; returns at once (see `wait_ready`)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._ready.clear()
        self._thread = threading.Thread(
            target=self._thread_main, name="pellicle-watch", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float | None = 30.0) -> None:
        """Ask the watcher to stop and wait for its thread to end."""
        self._stop.set()
        self._enqueue(_Raw("wake", "wake"))
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
            self._thread = None

    def request_full_sync(self) -> None:
        """Rescan everything soon (thread-safe; e.g. a GUI "Sync now")."""
        self._full.set()
        self._enqueue(_Raw("wake", "wake"))

    def wait_ready(self, timeout: float | None = None) -> bool:
        """Block until watches are armed and the first sync is done."""
        return self._ready.wait(timeout)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def run(self, engine: Engine, should_stop: Callable[[], bool] = lambda: False) -> None:
        """Watch on the calling thread with `engine` until stopped.

        Raises UserError if Pellicle is not set up; every later failure is
        reported as an "error" event and retried.
        """
        self._engine = engine
        self._export_dir = engine.export_dir  # raises NotInitialised early
        self._roots = engine.roots()
        previous_log = engine.log
        engine.log = lambda line: self._emit(WatchEvent("export", line))
        self._log_signal = _LogSignal(self)
        for name in _WATCHDOG_LOGGERS:
            logging.getLogger(name).addHandler(self._log_signal)
        try:
            self._arm_all()
            # Take the rules baseline before the first sync reads the rules,
            # so a change made meanwhile is never mistaken for the baseline.
            baseline = (engine.store.data_version(), engine.store.rules_generation())
            self._sync(full=True)
            if len(self._roots) == 1:
                started = msg("core.watch", "watching 1 library folder")
            else:
                started = msg("core.watch", "watching {count} library folders").format(
                    count=len(self._roots)
                )
            self._emit(WatchEvent("started", started))
            self._ready.set()
            self._loop(should_stop, baseline)
        finally:
            self._ready.set()
            self._disarm_all()
            for name in _WATCHDOG_LOGGERS:
                logging.getLogger(name).removeHandler(self._log_signal)
            with contextlib.suppress(Exception):
                self._record_modes(clear=True)
            engine.log = previous_log
            self._engine = None

    # ------------------------------------------------------------ internals

    def _thread_main(self) -> None:
        try:
            with Engine(self.where) as engine:
                self.run(engine, self._stop.is_set)
        except Exception as exc:  # one line for the GUI, never a traceback
            self._emit(WatchEvent("error", _one_line(exc)))
        finally:
            self._emit(WatchEvent("stopped", msg("core.watch", "stopped watching")))

    def _enqueue(self, raw: _Raw) -> None:
        self._queue.put(raw)

    def _emit(self, event: WatchEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:  # a broken callback must not stop the sync
            logging.getLogger(__name__).exception("watch event callback failed")

    @property
    def engine(self) -> Engine:
        assert self._engine is not None
        return self._engine

    # -- arming -------------------------------------------------------------

    def _arm_all(self) -> None:
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        for root in self._roots:
            if os.path.isdir(root.path):
                self._arm(root.path, "library")
            else:
                self._armed[root.path] = _Armed(root.path, "offline")
        self._export = self._arm(self._export_dir, "export")
        self._record_modes()

    def _arm(self, path: str, where: Literal["library", "export"]) -> _Armed:
        """Watch `path` with inotify, or by polling if that is not possible."""
        handler = _Handler(self, where)
        armed: _Armed | None = None
        if not self.config.force_polling:
            try:
                watch = self._observer.schedule(handler, path, recursive=True, event_filter=_EVENTS)
                armed = _Armed(path, "events", watch, self._observer)
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
                    WatchEvent("error", _POLLING_INSTEAD.format(path=display(path), why=reason))
                )
        if armed is None:
            armed = _Armed(path, "polling", *self._poll(handler, path))
        if where == "library":
            self._armed[path] = armed
            self._emit(
                WatchEvent("state", _MODES[armed.mode].format(path=display(path)), path, armed.mode)
            )
        return armed

    def _poll(self, handler: _Handler, path: str) -> tuple[Any, Any]:
        if self._poller is None:
            self._poller = PollingObserver(timeout=self.config.polling_interval)
            self._poller.daemon = True
            self._poller.start()
        watch = self._poller.schedule(handler, path, recursive=True, event_filter=_EVENTS)
        return watch, self._poller

    def _unarm(self, armed: _Armed) -> None:
        if armed.watch is not None and armed.observer is not None:
            with contextlib.suppress(Exception):
                armed.observer.unschedule(armed.watch)
        armed.watch = armed.observer = None

    def _fall_back(self, armed: _Armed, why: str) -> None:
        """Switch a folder from inotify to polling and reconcile it."""
        if armed.mode != "events":
            return
        self._unarm(armed)
        where: Literal["library", "export"] = "export" if armed is self._export else "library"
        armed.watch, armed.observer = self._poll(_Handler(self, where), armed.path)
        armed.mode = "polling"
        self._emit(WatchEvent("error", _POLLING_INSTEAD.format(path=display(armed.path), why=why)))
        if where == "library":
            self._emit(
                WatchEvent(
                    "state",
                    _MODES["polling"].format(path=display(armed.path)),
                    armed.path,
                    "polling",
                )
            )
        self._record_modes()
        self._full.set()

    def _disarm_all(self) -> None:
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
        self._armed.clear()
        self._export = None

    def _record_modes(self, *, clear: bool = False) -> None:
        """Tell other processes (status, the GUI) how each root is watched."""
        modes = {} if clear else {path: a.mode for path, a in self._armed.items()}
        value = json.dumps({"pid": os.getpid(), "time": time.time(), "roots": modes})
        self.engine.store.set_setting(WATCH_SETTING, value)

    # -- the loop ---------------------------------------------------------

    def _loop(self, should_stop: Callable[[], bool], baseline: tuple[int, int]) -> None:
        cfg = self.config
        store = self.engine.store
        data_version, generation = baseline
        now = time.monotonic()
        next_rules = now + cfg.rules_poll
        next_health = now + cfg.health_check
        next_reconcile = now + cfg.reconcile
        while not (self._stop.is_set() or should_stop()):
            now = time.monotonic()
            wait = min(next_rules, next_health, next_reconcile, self._next_sync_due(now)) - now
            try:
                raw = self._queue.get(timeout=max(0.005, min(wait, cfg.rules_poll)))
            except queue.Empty:
                raw = None
            while raw is not None:
                self._take(raw)
                try:
                    raw = self._queue.get_nowait()
                except queue.Empty:
                    raw = None
            now = time.monotonic()
            if now >= next_rules:
                next_rules = now + cfg.rules_poll
                current = store.data_version()
                if current != data_version:
                    data_version = current
                    new_generation = store.rules_generation()
                    if new_generation != generation:
                        generation = new_generation
                        self._rules_dirty = True
            if now >= next_health:
                next_health = now + cfg.health_check
                self._check_health()
            if self._full.is_set() or now >= next_reconcile:
                self._full.clear()
                next_reconcile = now + cfg.reconcile
                self._still_writing(now)
                self._sync(full=True)
                continue
            if self._rules_dirty:
                self._rules_dirty = False
                if self._setup_changed():
                    continue
                # Removals first: privacy never waits for a batch.
                self._run(self.engine.enforce_privacy)
                self._sync_pending(now, force=True)
                continue
            if now >= self._next_sync_due(now):
                self._sync_pending(now)

    def _setup_changed(self) -> bool:
        """`pellicle init` ran again: re-arm for the new roots or export folder."""
        engine = self.engine
        roots = engine.roots()
        export = engine.export_dir
        if [(r.id, r.path) for r in roots] == [(r.id, r.path) for r in self._roots] and (
            export == self._export_dir
        ):
            return False
        self._disarm_all()
        self._roots, self._export_dir = roots, export
        self._pending = _Pending()
        self._export_dirty = None
        self._arm_all()
        self._full.set()
        return True

    def _next_sync_due(self, now: float) -> float:
        """When the pending batch should be synced (inf: nothing pending)."""
        due = float("inf")
        pending = self._pending
        if pending:
            if pending.urgent:
                return now
            assert pending.first is not None
            if any(path not in pending.writing for path in pending.paths):
                due = min(pending.last + self.config.debounce, pending.first + self.config.max_wait)
            if pending.writing:
                # Files still being written are looked at again when they may
                # have settled; they never delay the rest of the batch.
                due = min(due, min(t + hold for t, _, hold in pending.writing.values()))
        if self._export_dirty is not None:
            due = min(due, self._export_dirty + self.config.debounce)
        if self._retry_at is not None:
            due = min(due, self._retry_at)
        return due

    def _take(self, raw: _Raw) -> None:
        """Fold one event into the pending state (on the watcher thread)."""
        if raw.where == "wake":
            return
        if raw.where == "overflow":
            # watchdog logs one overflow per watch; one reconcile covers all.
            if not self._full.is_set():
                self._emit(
                    WatchEvent(
                        "error",
                        msg("core.watch", "file events were lost (queue overflow); rescanning"),
                    )
                )
            self._full.set()
            return
        if raw.where == "broken":
            watched = [a for a in [*self._armed.values(), self._export] if a is not None]
            named = [a for a in watched if a.path in raw.src]
            for armed in named or watched:
                self._fall_back(armed, _STOPPED_WORKING)
            return
        if raw.where == "export":
            if self._foreign_change(raw):
                if self._export_dirty is None:
                    self._export_dirty = raw.at
            return
        self._take_library(raw)

    def _take_library(self, raw: _Raw) -> None:
        pending = self._pending
        now = raw.at
        kind = raw.kind
        if kind == "moved":
            hidden_src, hidden_dest = _hidden(raw.src), _hidden(raw.dest)
            inside = self._moved_dir is not None and _under_move(raw, *self._moved_dir)
            if raw.is_dir and not inside:
                self._moved_dir = (raw.src, raw.dest)
            if inside:
                pass  # watchdog repeats a folder move for each child; rules already moved
            elif not hidden_src and not hidden_dest and self._root_of(raw.dest) is not None:
                # Rules follow the photo or folder before anything is synced.
                try:
                    self.engine.move_rules(raw.src, raw.dest)
                except Exception as exc:
                    self._emit(
                        WatchEvent(
                            "error",
                            msg("core.watch", "cannot follow a move: {error}").format(
                                error=_one_line(exc)
                            ),
                        )
                    )
            pending.writing.pop(raw.src, None)
            if not hidden_src:
                pending.add(raw.src, now, urgent=True)  # it left its old place
            if not hidden_dest:
                pending.add(raw.dest, now)
            return
        if _hidden(raw.src):
            return
        if kind == "deleted":
            pending.writing.pop(raw.src, None)
            pending.add(raw.src, now, urgent=True)
        elif kind == "closed":
            pending.writing.pop(raw.src, None)
            pending.add(raw.src, now)
        elif kind == "modified" and not raw.is_dir:
            # Written to and not closed yet: hold it until close-write or
            # until it stops changing. A bare "created" (no write follows) is
            # a file moved in from outside: complete already.
            pending.writing[raw.src] = (now, _stat_key(raw.src), self._hold_for(raw.src))
            pending.add(raw.src, now)
        else:  # a folder created, attributes changed
            pending.add(raw.src, now)

    def _foreign_change(self, raw: _Raw) -> bool:
        """Is an export-folder event anything other than our own write?"""
        paths = [raw.src, raw.dest] if raw.kind == "moved" else [raw.src]
        for path in paths:
            if not path:
                continue
            rel = os.path.relpath(path, self._export_dir)
            if rel == "." or rel.startswith(".."):
                if rel == "." and raw.kind in ("deleted", "moved"):
                    return True
                continue
            if rel.split(os.sep, 1)[0] == STAGING:
                continue
            if raw.is_dir:
                if raw.kind in ("deleted", "moved"):
                    return True
                continue
            if not self._matches_manifest(rel, path):
                return True
        return False

    def _matches_manifest(self, rel: str, path: str) -> bool:
        rows = self.engine.store.query(
            "SELECT size, mtime_ns, ino FROM exports WHERE export_rel=?", (os.fsencode(rel),)
        )
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            return not rows  # we removed it, or it never was ours
        except OSError:
            return False
        if not rows:
            return False
        row = rows[0]
        return (st.st_size, st.st_mtime_ns, st.st_ino) == (row["size"], row["mtime_ns"], row["ino"])

    # -- syncing ------------------------------------------------------------

    def _sync_pending(self, now: float, *, force: bool = False) -> None:
        pending = self._pending
        held = self._still_writing(now)
        ready = [p for p in pending.paths if p not in held]
        export_due = self._export_dirty is not None and (
            force or now >= self._export_dirty + self.config.debounce
        )
        retry_due = self._retry_at is not None and now >= self._retry_at
        if not ready and not export_due and not force and not retry_due:
            if pending and not pending.urgent:
                # Only files still being written: look again when they settle.
                pending.first = None if not pending.paths else now
                pending.last = now
            pending.urgent = False
            return
        changed = [p for p in ready if self._root_of(p) is not None]
        for path in ready:
            del pending.paths[path]
        pending.urgent = False
        if pending.paths:
            pending.first = pending.last = now
        else:
            pending.first = None
        self._export_dirty = None
        self._retry_at = None
        # Someone touched the export folder: read it whole this time, so an
        # altered or deleted copy is restored and a planted file reported.
        if not self._sync(changed=changed, check_export=export_due):
            for path in changed:
                pending.add(path, now)

    def _still_writing(self, now: float) -> set[str]:
        """Files whose writer may not be done: no close-write, size moving."""
        held: set[str] = set()
        for path, (last, seen, hold) in list(self._pending.writing.items()):
            if now - last < hold:
                held.add(path)
                continue
            current = _stat_key(path)
            if current is not None and current != seen:
                # Still moving: give it another settle time.
                self._pending.writing[path] = (now, current, hold)
                held.add(path)
                continue
            del self._pending.writing[path]
        # Whatever sync runs next (even a full one) leaves these files as
        # they were before the write began.
        self.engine.held = held
        return held

    def _hold_for(self, path: str) -> float:
        root = self._root_of(path)
        armed = self._armed.get(root.path) if root is not None else None
        if armed is not None and armed.mode == "events":
            return self.config.open_write_timeout
        return max(self.config.settle, 2 * self.config.polling_interval)

    def _sync(
        self, *, full: bool = False, changed: list[str] | None = None, check_export: bool = False
    ) -> bool:
        """One engine sync; failures become one-line events and a retry."""
        report = self._run(
            lambda: self.engine.sync(
                changed=None if full else (changed or []),
                check_export=True if full else check_export,
            )
        )
        if report is None:
            self._retry_at = time.monotonic() + self._backoff
            self._backoff = min(self._backoff * 2, 30.0)
            return False
        self._backoff = 1.0
        if any("changed while exporting" in reason for _, reason in report.failed):
            self._retry_at = time.monotonic() + self.config.settle
        new_foreign = [rel for rel in report.foreign if rel not in self._foreign]
        self._foreign = set(report.foreign)
        for rel in new_foreign:
            self._emit(
                WatchEvent(
                    "foreign",
                    msg("core.watch", "not written by Pellicle (left alone): {path}").format(
                        path=rel
                    ),
                )
            )
        if report.added or report.updated or report.removed or report.failed:
            self._emit(
                WatchEvent(
                    "synced",
                    (
                        msg(
                            "core.watch",
                            "added {added}, updated {updated}, removed {removed}, "
                            "{failed} not exported",
                        )
                        if report.failed
                        else msg(
                            "core.watch", "added {added}, updated {updated}, removed {removed}"
                        )
                    ).format(
                        added=report.added,
                        updated=report.updated,
                        removed=report.removed,
                        failed=len(report.failed),
                    ),
                    report=report,
                )
            )
        return True

    def _run(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except Exception as exc:
            self._emit(WatchEvent("error", _one_line(exc)))
            return None

    # -- health: offline roots, dead emitters ------------------------------

    def _check_health(self) -> None:
        for root in self._roots:
            armed = self._armed.get(root.path)
            if armed is None:
                continue
            reachable = os.path.isdir(root.path)
            if armed.mode == "offline" and reachable:
                self._armed.pop(root.path)
                self._arm(root.path, "library")
                self._record_modes()
                self._sync(changed=[root.path])
            elif armed.mode != "offline" and not reachable:
                self._unarm(armed)
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
                self._record_modes()
                self._pending.paths = {
                    p: t for p, t in self._pending.paths.items() if self._root_of(p) is not root
                }
                self._sync(changed=[root.path])  # records the root as offline
            elif armed.mode == "events" and not self._emitter_alive(armed):
                self._fall_back(armed, _STOPPED_WORKING)
        if self._export is not None and self._export.mode == "events":
            if not self._emitter_alive(self._export):
                self._fall_back(self._export, _STOPPED_WORKING)

    def _emitter_alive(self, armed: _Armed) -> bool:
        observer = armed.observer
        if observer is None or not observer.is_alive():
            return False
        for emitter in list(observer.emitters):
            if emitter.watch == armed.watch:
                return bool(emitter.is_alive())
        return False

    def _root_of(self, path: str) -> Root | None:
        found = locate(path, self._roots)
        return None if found is None else found.root


def _under_move(raw: _Raw, src: str, dest: str) -> bool:
    """Is `raw` the echo, for one child, of the folder move src -> dest?"""
    return raw.src.startswith(src + os.sep) and raw.dest == dest + raw.src[len(src) :]


def _stat_key(path: str) -> tuple[int, int] | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


_POLLING_INSTEAD = msg("core.watch", "{path}: {why}; polling instead")
_STOPPED_WORKING = msg("core.watch", "file events stopped working")
#: A library folder's watch state, as `status` and the app say it.
_MODES = {
    "events": msg("core.watch", "{path}: events"),
    "polling": msg("core.watch", "{path}: polling"),
    "offline": msg("core.watch", "{path}: offline"),
}


def _hidden(path: str) -> bool:
    """Hidden names are skipped by the scan (editors' temporary files)."""
    return os.path.basename(path).startswith(".")


def _one_line(exc: BaseException) -> str:
    text = str(exc) if isinstance(exc, UserError) else f"{type(exc).__name__}: {exc}"
    if isinstance(text, Message) and "\n" not in text:
        return text  # one line already, and still translatable
    return " ".join(text.split())


# --------------------------------------------------------------------- daemon


def run_daemon(
    engine: Engine,
    *,
    should_stop: Callable[[], bool],
    json_lines: bool = False,
    config: WatchConfig | None = None,
    say: Callable[[str], str] = str,
) -> int:
    """`pellicle watch`: sync, then follow changes until `should_stop()`.

    Export changes go to stdout, one line each (JSON objects with
    `json_lines`, whose messages stay English); notices and errors go to
    stderr as one line each. `say` puts a line of text in the person's
    language (the command line passes `pellicle.i18n.say`).
    Returns 0 when stopped. Raises UserError when Pellicle is not set up.
    """

    reader_gone = False

    def show(event: WatchEvent) -> None:
        nonlocal reader_gone
        if event.kind == "synced" or reader_gone:
            return  # the per-file lines already said it
        try:
            if json_lines:
                print(json.dumps(event.as_dict()), flush=True)
            elif event.kind == "export":
                print(say(event.message), flush=True)
            else:
                print(f"pellicle: {say(event.message)}", file=sys.stderr, flush=True)
        except BrokenPipeError:
            # `pellicle watch | head`: the reader went away. Stop as any
            # program whose pipe closed; the CLI ends it quietly.
            reader_gone = True

    watcher = Watcher(engine.locations, show, config=config or WatchConfig.from_env())
    watcher.run(engine, lambda: reader_gone or should_stop())
    if reader_gone:
        raise BrokenPipeError(errno.EPIPE, "the reader of pellicle watch went away")
    return 0
