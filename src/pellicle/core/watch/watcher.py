"""The watcher itself: one thread, one Engine, one loop.

This room owns the lifecycle (start, stop, `run` on the caller's thread)
and the loop that decides when to sync: it drains the queue the observer
threads fill, hands each event to the intake, coalesces bursts (a batch is
synced `debounce` after the last event, or `max_wait` after the first),
lets anything that reduces what is shared jump the queue, notices rule
changes made by other Pellicle processes, runs the health checks and the
periodic full reconcile, retries failed syncs with a backoff, and tells its
caller what happened as `WatchEvent`s. `run_daemon` is `pellicle watch` on
top of it.

The Engine is used from this thread only (a SQLite connection is
single-threaded); the observers' handlers only enqueue. `on_event` is
called on this thread too: a GUI hands the events to its own thread.
"""

from __future__ import annotations

import errno
import json
import logging
import queue
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from pellicle.core.engine import Engine
from pellicle.core.errors import UserError
from pellicle.core.paths import Locations
from pellicle.core.roots import Root, locate
from pellicle.core.watch.config import WatchConfig
from pellicle.core.watch.events import PROGRESS_KINDS, Raw, WatchEvent
from pellicle.core.watch.intake import Intake
from pellicle.core.watch.observers import Observers
from pellicle.core.words import Message, msg

#: Seconds between two "progress" events of one sync.
PROGRESS_EVERY = 0.1


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
        self._queue: queue.SimpleQueue[Raw] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._full = threading.Event()
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        # Everything below is touched by the watcher's thread only.
        self._engine: Engine | None = None
        # Made by `run()` for each run, with that run's engine and roots.
        self._observers: Observers
        self._intake: Intake
        self._export_dir = ""
        self._roots: list[Root] = []
        self._rules_dirty = False
        self._foreign: set[str] = set()
        self._retry_at: float | None = None
        self._backoff = 1.0

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
        self._enqueue(Raw("wake", "wake"))
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)
            self._thread = None

    def request_full_sync(self) -> None:
        """Rescan everything soon (thread-safe; e.g. a GUI "Sync now")."""
        self._full.set()
        self._enqueue(Raw("wake", "wake"))

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
        self._observers = observers = Observers(
            self.config,
            engine.store,
            # Looked up on every event rather than bound once, so whatever
            # `_enqueue` is when an event arrives gets it (tests replace it
            # on a running watcher to lose events on purpose).
            enqueue=lambda raw: self._enqueue(raw),
            emit=self._emit,
            request_full=self._full.set,
        )
        self._intake = Intake(
            self.config,
            engine.store,
            self._roots,
            self._export_dir,
            mode_of=observers.mode_of,
            follow_move=self._follow_move,
        )
        observers.listen()
        try:
            observers.arm_all(self._roots, self._export_dir)
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
            observers.close()
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

    def _enqueue(self, raw: Raw) -> None:
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

    def _take(self, raw: Raw) -> None:
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
            self._observers.broken(raw.src)
            return
        self._intake.take(raw)

    def _setup_changed(self) -> bool:
        """`pellicle init` ran again: re-arm for the new roots or export folder."""
        engine = self.engine
        roots = engine.roots()
        export = engine.export_dir
        if [(r.id, r.path) for r in roots] == [(r.id, r.path) for r in self._roots] and (
            export == self._export_dir
        ):
            return False
        self._observers.disarm_all()
        self._roots, self._export_dir = roots, export
        self._intake.retarget(roots, export)
        self._observers.arm_all(roots, export)
        self._full.set()
        return True

    def _next_sync_due(self, now: float) -> float:
        """When the pending batch should be synced (inf: nothing pending)."""
        due = float("inf")
        pending = self._intake.pending
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
        export_dirty = self._intake.export_dirty
        if export_dirty is not None:
            due = min(due, export_dirty + self.config.debounce)
        if self._retry_at is not None:
            due = min(due, self._retry_at)
        return due

    # -- syncing ------------------------------------------------------------

    def _sync_pending(self, now: float, *, force: bool = False) -> None:
        intake = self._intake
        pending = intake.pending
        held = self._still_writing(now)
        ready = [p for p in pending.paths if p not in held]
        export_due = intake.export_dirty is not None and (
            force or now >= intake.export_dirty + self.config.debounce
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
        intake.export_dirty = None
        self._retry_at = None
        # Someone touched the export folder: read it whole this time, so an
        # altered or deleted copy is restored and a planted file reported.
        if not self._sync(changed=changed, check_export=export_due):
            for path in changed:
                pending.add(path, now)

    def _still_writing(self, now: float) -> set[str]:
        """Files whose writer may not be done: no close-write, size moving."""
        held = self._intake.still_writing(now)
        # Whatever sync runs next (even a full one) leaves these files as
        # they were before the write began.
        self.engine.held = held
        return held

    def _sync(
        self, *, full: bool = False, changed: list[str] | None = None, check_export: bool = False
    ) -> bool:
        """One engine sync; failures become one-line events and a retry.

        It is framed by "busy" and "idle" events with throttled "progress"
        between them, so a window can show how far long work has got and
        never say "in sync" while copies are still being written.
        """
        self._emit(WatchEvent("busy", msg("core.watch", "syncing")))
        try:
            report = self._run(
                lambda: self.engine.sync(
                    self._progress(),
                    changed=None if full else (changed or []),
                    check_export=True if full else check_export,
                )
            )
        finally:
            self._emit(WatchEvent("idle", msg("core.watch", "sync finished")))
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

    def _progress(self) -> Callable[[str, int, int], None]:
        """The engine's progress callback for one sync, as "progress"
        events: at most one every `PROGRESS_EVERY` seconds (the engine
        calls it per file), and always the last file of a known total."""
        last = [0.0]

        def report(what: str, done: int, total: int) -> None:
            now = time.monotonic()
            if now - last[0] >= PROGRESS_EVERY or (total and done >= total):
                last[0] = now
                self._emit(WatchEvent("progress", what, done=done, total=total))

        return report

    def _run(self, action: Callable[[], Any]) -> Any:
        try:
            return action()
        except Exception as exc:
            self._emit(WatchEvent("error", _one_line(exc)))
            return None

    def _follow_move(self, src: str, dest: str) -> None:
        """Rules follow a photo or folder before anything is synced."""
        try:
            self.engine.move_rules(src, dest)
        except Exception as exc:
            self._emit(
                WatchEvent(
                    "error",
                    msg("core.watch", "cannot follow a move: {error}").format(error=_one_line(exc)),
                )
            )

    def _check_health(self) -> None:
        observers = self._observers
        for root in observers.check_health(self._roots):
            if observers.mode_of(root.path) == "offline":
                # Its pending paths cannot be scanned now; the rescan when it
                # comes back covers them.
                pending = self._intake.pending
                pending.paths = {
                    p: t for p, t in pending.paths.items() if self._root_of(p) is not root
                }
            # Back: rescan it. Gone: the sync records it as offline (its
            # exported copies stay).
            self._sync(changed=[root.path])

    def _root_of(self, path: str) -> Root | None:
        found = locate(path, self._roots)
        return None if found is None else found.root


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
        if event.kind == "synced" or event.kind in PROGRESS_KINDS or reader_gone:
            return  # the per-file lines already said it; progress is for windows
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
