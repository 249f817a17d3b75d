"""Live sync: follow the library and the export folder, keep the promise.

`pellicle sync` reconciles once; this package keeps reconciling as things
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

The rooms, in the order an event travels through them:

* `observers` — the watches: inotify per folder, the polling fallback,
  watchdog's log signals, emitter and reachability checks, the modes
  recorded in the store. Its handlers run on watchdog's threads and only
  enqueue.
* `intake` — one raw event at a time into pending changes: moves and their
  echoes, deletions, files still being written, foreign changes in the
  export folder (the manifest match).
* `watcher` — `Watcher`: the thread, the loop, debounce and when to sync,
  retries, events to callers; and `run_daemon` (`pellicle watch`).
* `events`, `config` — the values they share: `Raw` in, `WatchEvent` out,
  and `WatchConfig`.

`Watcher` is the service the GUI reuses (its own thread, its own Engine,
plain-Python callbacks, never Qt); `run_daemon` is `pellicle watch`.
"""

from pellicle.core.watch.config import WatchConfig
from pellicle.core.watch.events import PROGRESS_KINDS, EventKind, Mode, WatchEvent
from pellicle.core.watch.observers import WATCH_SETTING
from pellicle.core.watch.watcher import Watcher, run_daemon

__all__ = [
    "PROGRESS_KINDS",
    "WATCH_SETTING",
    "EventKind",
    "Mode",
    "WatchConfig",
    "WatchEvent",
    "Watcher",
    "run_daemon",
]
