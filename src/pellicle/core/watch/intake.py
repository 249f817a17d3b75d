"""The intake: raw file events become pending changes.

watchdog says what happened to a path; the sync needs to know which paths
to rescan, how soon, and which ones to leave alone for now. This room makes
that translation, one `Raw` at a time, on the watcher's thread:

* Library events become `Pending` paths. Anything that reduces what is
  shared (a deletion, a file moved away) is marked urgent so it never waits
  behind a batch.
* A move makes the rules follow the photo or folder (`follow_move`) before
  anything is synced; watchdog repeats a folder move once per child, and
  those echoes must not move the rules again.
* A file written to but not yet closed is held back (`Pending.writing`)
  until its close-write, or until its size and mtime stop moving, so half a
  photo is never picked up on purpose.
* Hidden names (editors' temporary files) are what the scan skips, so they
  are never pending; an editor's save (a hidden file renamed over a photo)
  counts as the photo changing.
* In the export folder, our own writes are recognised by comparing the file
  with its manifest row; anything else (a copy deleted or altered, a file
  planted) marks the export dirty, which the watcher answers with a sync
  that reads the export folder whole.

It decides nothing about timing (the watcher's loop schedules the syncs)
and never touches watchdog, so tests feed it `Raw` values and read
`pending` and `export_dirty` back.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field

from pellicle.core.exportdir import STAGING
from pellicle.core.roots import Root, locate
from pellicle.core.store import Store
from pellicle.core.watch.config import WatchConfig
from pellicle.core.watch.events import Mode, Raw


@dataclass
class Pending:
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


class Intake:
    """Folds library and export-folder events into what the next sync needs.

    `mode_of(root_path)` says how a root is watched (a file under inotify is
    complete at its close-write; under polling there is none, so it must
    settle); `follow_move(src, dest)` moves the rules with a photo or folder
    and reports its own failures.
    """

    def __init__(
        self,
        config: WatchConfig,
        store: Store,
        roots: list[Root],
        export_dir: str,
        *,
        mode_of: Callable[[str], Mode | None],
        follow_move: Callable[[str, str], None],
    ) -> None:
        self.config = config
        self.store = store
        self.roots = roots
        self.export_dir = export_dir
        self._mode_of = mode_of
        self._follow_move = follow_move
        self.pending = Pending()
        #: When a foreign change to the export folder was first seen since
        #: the last sync that read it whole (None: none seen).
        self.export_dirty: float | None = None
        #: The last folder move (src, dest), to know its per-child echoes.
        self._moved_dir: tuple[str, str] | None = None

    def retarget(self, roots: list[Root], export_dir: str) -> None:
        """`pellicle init` ran again: what was pending is for folders that may
        no longer be watched, and the next sync is a full one anyway. The
        last folder move is kept: its echoes may still be on their way."""
        self.roots, self.export_dir = roots, export_dir
        self.pending = Pending()
        self.export_dirty = None

    def take(self, raw: Raw) -> None:
        """Fold one library or export-folder event into the pending state.

        Control signals ("overflow", "broken", "wake") are the loop's."""
        if raw.where == "export":
            if self._foreign_change(raw) and self.export_dirty is None:
                self.export_dirty = raw.at
        elif raw.where == "library":
            self._take_library(raw)

    def still_writing(self, now: float) -> set[str]:
        """Files whose writer may not be done: no close-write, size moving.

        Files that have settled leave `pending.writing` (and so become ready
        with the rest of the batch)."""
        writing = self.pending.writing
        held: set[str] = set()
        for path, (last, seen, hold) in list(writing.items()):
            if now - last < hold:
                held.add(path)
                continue
            current = _stat_key(path)
            if current is not None and current != seen:
                # Still moving: give it another settle time.
                writing[path] = (now, current, hold)
                held.add(path)
                continue
            del writing[path]
        return held

    def root_of(self, path: str) -> Root | None:
        found = locate(path, self.roots)
        return None if found is None else found.root

    # -- the library --------------------------------------------------------

    def _take_library(self, raw: Raw) -> None:
        pending = self.pending
        now = raw.at
        kind = raw.kind
        if kind == "moved":
            hidden_src, hidden_dest = _hidden(raw.src), _hidden(raw.dest)
            inside = self._moved_dir is not None and _under_move(raw, *self._moved_dir)
            if raw.is_dir and not inside:
                self._moved_dir = (raw.src, raw.dest)
            if inside:
                pass  # watchdog repeats a folder move for each child; rules already moved
            elif not hidden_src and not hidden_dest and self.root_of(raw.dest) is not None:
                # Rules follow the photo or folder before anything is synced.
                self._follow_move(raw.src, raw.dest)
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

    def _hold_for(self, path: str) -> float:
        root = self.root_of(path)
        if root is not None and self._mode_of(root.path) == "events":
            return self.config.open_write_timeout
        return max(self.config.settle, 2 * self.config.polling_interval)

    # -- the export folder --------------------------------------------------

    def _foreign_change(self, raw: Raw) -> bool:
        """Is an export-folder event anything other than our own write?"""
        paths = [raw.src, raw.dest] if raw.kind == "moved" else [raw.src]
        for path in paths:
            if not path:
                continue
            rel = os.path.relpath(path, self.export_dir)
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
        rows = self.store.query(
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


def _under_move(raw: Raw, src: str, dest: str) -> bool:
    """Is `raw` the echo, for one child, of the folder move src -> dest?"""
    return raw.src.startswith(src + os.sep) and raw.dest == dest + raw.src[len(src) :]


def _stat_key(path: str) -> tuple[int, int] | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _hidden(path: str) -> bool:
    """Hidden names are skipped by the scan (editors' temporary files)."""
    return os.path.basename(path).startswith(".")
