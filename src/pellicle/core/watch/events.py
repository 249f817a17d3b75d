"""What flows into the watcher and what flows out of it.

Two kinds of event cross the watcher's thread boundary, and both are plain
frozen values so they can be handed between threads without locks:

* `Raw` comes in: a watchdog event (or a control signal) reduced on the
  observer thread to the few fields the sync thread needs, then queued.
  Keeping it this small is what lets the observer threads do nothing but
  enqueue, and lets the intake be fed by tests without watchdog at all.
* `WatchEvent` goes out: one thing worth telling a person or a GUI, passed
  to the caller's `on_event` on the watcher's thread.

They live in their own room because every other room of the watcher speaks
them: the observers produce `Raw`, the intake reads it, all of them emit
`WatchEvent`s.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any, Literal

from pellicle.core.engine import SyncReport

#: How a folder is being watched: inotify events, the polling fallback, or
#: not at all because it is unreachable (a drive away).
Mode = Literal["events", "polling", "offline"]

#: Event kinds handed to `on_event`.
EventKind = Literal[
    "started",
    "export",
    "synced",
    "state",
    "foreign",
    "error",
    "stopped",
    "busy",
    "progress",
    "idle",
]

#: Kinds that say how far the watcher's work has got, for a progress bar:
#: not news for a person reading a log (`pellicle watch` leaves them out).
PROGRESS_KINDS = frozenset({"busy", "progress", "idle"})


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
      "busy"     a sync began (the export may be written until "idle")
      "progress" how far that sync has got: message is the engine's step
                 ("exporting", "scanning Pictures"), done of total (total
                 0: not known yet); at most ten a second
      "idle"     that sync ended, whether or not it changed anything
    """

    kind: EventKind
    message: str
    root: str | None = None
    mode: Mode | None = None
    report: SyncReport | None = None
    done: int = 0
    total: int = 0
    time: float = field(default_factory=time.time)

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"time": self.time, "kind": self.kind, "message": self.message}
        if self.root is not None:
            data["root"] = self.root
        if self.mode is not None:
            data["mode"] = self.mode
        if self.report is not None:
            data["report"] = self.report.as_dict()
        if self.kind == "progress":
            data["done"], data["total"] = self.done, self.total
        return data


@dataclass(frozen=True)
class Raw:
    """A watchdog event reduced to what the sync thread needs.

    where:
      "library"   a change under a library root (kind is watchdog's type)
      "export"    a change in the export folder
      "overflow"  watchdog logged a kernel queue overflow: events were lost
      "broken"    watchdog logged a failed (re-)arm; src holds its message
      "wake"      nothing happened: wakes the loop (stop, a full sync asked)
    """

    where: Literal["library", "export", "overflow", "broken", "wake"]
    kind: str
    src: str = ""
    dest: str = ""
    is_dir: bool = False
    #: `time.monotonic()` when the observer thread saw it.
    at: float = 0.0
