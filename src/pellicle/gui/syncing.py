"""Keeping the window current and the export in sync: refresh, sync, watch.

Four things change what the window must show: a sync the window runs
(at start, F5, every two minutes as a safety net, after a rule change when
not watching), the live watcher (its own thread; its events cross to the
GUI thread through `_WatchBridge`), rule changes (`tagging`), and a new
setup (`settings`). `Syncing` turns each burst of them into one snapshot
read (`models.build_snapshot`, on a worker) and at most one sync at a time,
through two `Throttle`s, and hands each snapshot to the window
(`snapshot_ready`). It owns the periodic timer and the watcher.

It may not touch widgets or models: the window applies snapshots, and the
status bar shows the sync's progress from the signals here. Work on the
export is whichever runs: a sync of this window's or one of the watcher's
(reported by its "busy", "progress" and "idle" events). `sync_started`
says work began, `sync_progress` how far it got, `work_finished` that none
is running any more (a snapshot read follows, so the status bar says "In
sync" only from a state read after the copies were written).
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from pellicle.core.engine import Engine, SyncReport
from pellicle.core.paths import Locations
from pellicle.gui.snapshot import Snapshot, build_snapshot
from pellicle.gui.tasks import EngineThread
from pellicle.gui.throttle import Throttle

if TYPE_CHECKING:
    from pellicle.core.watch import Watcher, WatchEvent


class _WatchBridge(QObject):
    """Carries watcher events (from its thread) to the GUI thread."""

    received = Signal(object)


class Syncing(QObject):
    """Snapshots for the window, syncs with progress, and the live watcher."""

    #: A new snapshot: the window applies it to its models.
    snapshot_ready = Signal(object)
    #: Emitted after a snapshot was applied (tests and benchmarks wait on it).
    refreshed = Signal()
    #: Work on the export (this window's sync or the watcher's) started /
    #: moved on (what, done, total) / ended, none running any more.
    sync_started = Signal()
    sync_progress = Signal(str, int, int)
    work_finished = Signal()
    #: A sync this window ran has finished (its SyncReport), or failed.
    synced = Signal(object)
    sync_failed = Signal(str)
    #: Nothing is set up yet: the first-run flow should start.
    needs_setup = Signal()
    #: Something went wrong outside a sync: one line for the person.
    failed = Signal(str)
    #: A passing note from the watcher: text, milliseconds.
    message = Signal(str, int)

    def __init__(
        self,
        where: Locations,
        rules: EngineThread,
        syncer: EngineThread,
        *,
        live: bool,
        sync_interval_ms: int,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.where = where
        self.rules = rules
        self.syncer = syncer
        self.live = live
        #: What the window shows now (replaced whole by each refresh).
        self.snapshot = Snapshot()
        self.watcher: Watcher | None = None
        self._after_refresh: list[Callable[[], None]] = []
        self._refresh = Throttle(self._start_refresh, parent=self)
        self._sync = Throttle(self._start_sync, parent=self)
        self._periodic = QTimer(self)
        self._periodic.setInterval(sync_interval_ms)
        self._periodic.timeout.connect(self.sync_now)
        #: This window's sync is running / the watcher said "busy", not "idle".
        self._own_sync = False
        self._watch_busy = False
        self._bridge = _WatchBridge(self)
        self._bridge.received.connect(self._on_watch_event)
        syncer.progress.connect(self._on_progress)

    @property
    def busy(self) -> bool:
        """A snapshot read or a sync is running or waiting to run."""
        return self._refresh.busy or self._sync.busy

    @property
    def refreshing(self) -> bool:
        return self._refresh.busy

    @property
    def syncing(self) -> bool:
        return self._sync.busy

    @property
    def working(self) -> bool:
        """Copies may be being written now: this window's sync or the
        watcher's is running."""
        return self._own_sync or self._watch_busy

    @property
    def watching(self) -> bool:
        return self.watcher is not None

    # ------------------------------------------------------------- startup

    def start(self) -> None:
        """Load what the index knows, then sync (and watch, when live)."""
        self.refresh(then=self._started)

    def _started(self) -> None:
        if not self.snapshot.initialised:
            # Not from inside this callback: the first run opens a dialog.
            QTimer.singleShot(0, self.needs_setup.emit)
            return
        self.sync_now()
        self._periodic.start()
        if self.live:
            self.start_watcher()

    def restart(self) -> None:
        """The roots or the export folder changed: read, sync, watch anew."""
        self.refresh(then=self._restarted)

    def _restarted(self) -> None:
        self.sync_now()
        if not self._periodic.isActive():
            self._periodic.start()
        if self.live:
            self.stop_watcher()
            self.start_watcher()

    def shutdown(self) -> None:
        """Stop the timer, drop held requests, stop the watcher (blocks)."""
        self._periodic.stop()
        self._refresh.cancel()
        self._sync.cancel()
        self.stop_watcher()
        self._watch_busy = False

    # ------------------------------------------------------------- refresh

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read a new snapshot on a worker; a burst of requests makes at
        most one read after the one running. `then` runs once a snapshot
        read after this call is applied."""
        if then is not None:
            self._after_refresh.append(then)
        self._refresh()

    def _start_refresh(self) -> bool:
        thens, self._after_refresh = self._after_refresh, []
        previous = self.snapshot

        def job(engine: Engine) -> Snapshot:
            return build_snapshot(engine, previous=previous)

        def done(snap: object) -> None:
            assert isinstance(snap, Snapshot)
            self.snapshot = snap
            self.snapshot_ready.emit(snap)
            # What is alive now (the engines' indexes, this snapshot, Qt's
            # wrappers) stays alive until the next snapshot: move it out of
            # the cyclic collector's reach. Otherwise every full collection,
            # run by whichever thread allocates, walks ~10^6 objects holding
            # the GIL (measured 100-190 ms pauses at 100,000 photos). Frozen
            # objects are still freed by reference counting; only reference
            # cycles among them would outlive their use, and the models
            # build none (bench/gui_soak.py checks that memory settles).
            gc.freeze()
            self.refreshed.emit()
            for then in thens:
                then()
            self._refresh.finished()

        def failed(error: str) -> None:
            self.failed.emit(error)
            self._refresh.finished()

        # The sync thread's Engine keeps the index it synced in memory, so a
        # snapshot read there costs no reload and the process holds one
        # copy of the index, not two. While it is busy syncing, the rules
        # thread reads instead (a tag's badge must not wait for a rescan).
        worker = self.rules if self.syncer.busy else self.syncer
        return worker.submit(job, done, failed) >= 0

    # ---------------------------------------------------------------- sync

    @Slot()
    def sync_now(self) -> None:
        """Sync on the sync thread; requests during a sync make one more."""
        self._sync()

    @Slot()
    def rules_changed(self) -> None:
        """A rule changed here: show it, and sync unless the watcher will."""
        self.refresh()
        if self.watcher is None:
            self.sync_now()

    def _start_sync(self) -> bool:
        if not self.snapshot.initialised:
            return False
        progress = self.syncer.progress_fn

        def job(engine: Engine) -> SyncReport:
            return engine.sync(progress=progress)

        if self.syncer.submit(job, self._sync_done, self._sync_error) < 0:
            return False  # shutting down
        self._set_working(own=True)
        return True

    def _sync_done(self, report: object) -> None:
        self.synced.emit(report)
        self._set_working(own=False)
        self.refresh()
        self._sync.finished()

    def _sync_error(self, error: str) -> None:
        self.sync_failed.emit(error)
        self._set_working(own=False)
        if self.working:
            # The watcher is still writing: its progress goes on being shown
            # (the error stays in the status bar's message meanwhile).
            self.sync_started.emit()
        self._sync.finished()

    def _set_working(self, *, own: bool | None = None, watcher: bool | None = None) -> None:
        """Note which work runs; say when work begins and when none is left."""
        before = self.working
        if own is not None:
            self._own_sync = own
        if watcher is not None:
            self._watch_busy = watcher
        if self.working and not before:
            self.sync_started.emit()
        elif before and not self.working:
            self.work_finished.emit()

    @Slot(str, int, int)
    def _on_progress(self, what: str, done: int, total: int) -> None:
        if self._own_sync:
            self.sync_progress.emit(what, done, total)

    # ------------------------------------------------------------- watcher

    def start_watcher(self) -> None:
        from pellicle.core.watch import Watcher

        if self.watcher is not None:
            return
        self.watcher = Watcher(self.where, on_event=self._bridge.received.emit)
        self.watcher.start()

    def stop_watcher(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
            # Its last events may still be queued: it is not writing now.
            self._set_working(watcher=False)

    @Slot(object)
    def _on_watch_event(self, event: WatchEvent) -> None:
        kind = event.kind
        if self.watcher is None:
            return  # queued before it stopped: about a watcher that is gone
        if kind == "busy":
            self._set_working(watcher=True)
        elif kind == "progress":
            if self._watch_busy:
                self.sync_progress.emit(str(event.message), event.done, event.total)
        elif kind == "idle":
            if self._watch_busy:
                self._set_working(watcher=False)
                if not self.working:
                    self.refresh()  # what is true now that the copies are written
        if kind in ("synced", "started", "foreign", "state"):
            self.refresh()
        if kind == "error":
            self.failed.emit(str(event.message))
        elif kind == "foreign" or (kind == "state" and event.mode != "events"):
            # A folder followed by events is the normal case, not news (the
            # note "Pictures: events" covered the state line for 8 s at
            # every start); polling and offline are worth saying.
            self.message.emit(str(event.message), 8000)
