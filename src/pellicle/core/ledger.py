"""The ledger: an append-only record of what was shared, when and why.

It answers "what did I share, when, and is it still shared?". Rows are only
ever inserted (SQLite triggers refuse updates and deletes), one per file
added to, updated in or removed from the export; `pellicle audit --json`
prints them as they are.

People think in what they did, not in files: "Shared 80 photos from
Holidays", "Export names changed: 284 copies renamed". So each row also
names the sync that wrote it (its batch) and what that was about (its act
and cause), and `history` folds the rows into `Event`s, each with the
photos behind it and a sentence saying what happened. Rows written before
batches existed are grouped by time (a sync writes its files seconds
apart) and by their reason.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass, field, replace
from typing import Any, Final

from pellicle.core import plan as causes
from pellicle.core.manifest import MANIFEST
from pellicle.core.store import Store
from pellicle.core.words import Message, msg

#: What an event was about (the ledger's `act` column).
SHARED: Final = "shared"
UPDATED: Final = "updated"
WITHDRAWN: Final = "withdrawn"
RENAMED: Final = "renamed"
MOVED: Final = "moved"

#: The settings counter that numbers batches.
BATCH_KEY: Final = "ledger_batch"

#: Rows written before batches existed belong to one sync when each came
#: less than this many seconds after the one before (a sync writes its
#: files back to back; two syncs are at least the watcher's debounce apart).
OLD_ROWS_GAP_S: Final = 5.0


def entries(store: Store, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Ledger rows, oldest first, each with whether its copy is still shared.

    The shape `pellicle audit --json` prints (a stable interface)."""
    sql = (
        "SELECT l.id, l.time, l.action, l.source, l.export_path, l.sha256, l.source_sha256,"
        " l.reason, e.sha256 AS current FROM ledger l"
        " LEFT JOIN exports e ON e.export_rel = CAST(l.export_path AS BLOB)"
        " ORDER BY l.id"
    )
    rows = store.query(sql)
    if limit is not None:
        rows = rows[-limit:]
    out = []
    for row in rows:
        still = row["current"] is not None and row["current"] == row["sha256"]
        out.append(
            {
                "id": row["id"],
                "time": row["time"],
                "action": row["action"],
                "source": row["source"],
                "export_path": row["export_path"],
                "sha256": row["sha256"],
                "source_sha256": row["source_sha256"],
                "reason": row["reason"],
                "still_shared": bool(still) and row["action"] != "remove",
            }
        )
    return out


# -- writing --------------------------------------------------------------------


class Batch:
    """One apply's name in the ledger, taken when its first row is written
    (a sync that changes nothing uses no number)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.id: int | None = None

    def take(self, db: sqlite3.Connection) -> int:
        if self.id is None:
            self.id = self.store.bump_generation(db, BATCH_KEY)
        return self.id


def act_of(action: str, cause: str) -> str:
    """What a row is about, from the file's action and the plan's cause."""
    if cause == causes.RENAMED:
        return RENAMED
    if cause == causes.MOVED:
        return MOVED
    return {"add": SHARED, "update": UPDATED}.get(action, WITHDRAWN)


def record(
    db: sqlite3.Connection,
    batch: Batch,
    action: str,
    cause: str,
    source: str,
    export_rel: str,
    sha256: str | None,
    source_sha256: str | None,
    reason: str,
) -> None:
    """Append one row, inside the caller's write transaction."""
    db.execute(
        "INSERT INTO ledger(time, action, source, export_path, sha256, source_sha256, reason,"
        " batch, act, cause) VALUES(?,?,?,?,?,?,?,?,?,?)",
        (
            time.time(),
            action,
            source,
            export_rel,
            sha256,
            source_sha256,
            reason,
            batch.take(db),
            act_of(action, cause),
            cause or None,
        ),
    )


# -- reading, grouped -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Photo:
    """One file of an event: a ledger row as the history shows it."""

    id: int
    time: float
    action: str
    source: str
    export_path: str
    reason: str
    still_shared: bool
    #: In a rename: the copy's name before.
    was: str = ""


@dataclass(slots=True)
class Event:
    """One thing that happened to the export, with the photos behind it."""

    #: The first row's id: stable across reloads (views keep what is open).
    key: int
    act: str
    cause: str
    time: float
    photos: list[Photo] = field(default_factory=list)
    #: The deepest folder holding every photo (its path), or "".
    folder: str = ""
    #: How many of its photos' copies are in the export now.
    still_shared: int = 0

    @property
    def count(self) -> int:
        return len(self.photos)

    def sentence(self) -> Message:
        """What happened, in one sentence ("Shared 80 photos from Holidays")."""
        one = self.count == 1
        name = os.path.basename(self.folder.rstrip("/")) if self.folder else ""
        if self.act == SHARED and name:
            pair = _SHARED_FROM
        else:
            pair = _SENTENCES.get((self.act, self.cause)) or _SENTENCES[(self.act, "")]
        return pair[0 if one else 1].format(count=self.count, folder=name)


# Core has no plural forms: one sentence for 1, one for the rest
# (resources/i18n/README.md). Causes without a sentence of their own use ("").
_SHARED_FROM: Final = (
    msg("core.ledger", "Shared 1 photo from {folder}"),
    msg("core.ledger", "Shared {count} photos from {folder}"),
)
_SENTENCES: Final[dict[tuple[str, str], tuple[Message, Message]]] = {
    (SHARED, ""): (
        msg("core.ledger", "Shared 1 photo"),
        msg("core.ledger", "Shared {count} photos"),
    ),
    (UPDATED, ""): (
        msg("core.ledger", "Updated 1 copy"),
        msg("core.ledger", "Updated {count} copies"),
    ),
    (UPDATED, causes.PHOTO_CHANGED): (
        msg("core.ledger", "Updated 1 copy (the photo changed)"),
        msg("core.ledger", "Updated {count} copies (the photos changed)"),
    ),
    (UPDATED, causes.OPTIONS_CHANGED): (
        msg("core.ledger", "Export options changed: 1 copy rewritten"),
        msg("core.ledger", "Export options changed: {count} copies rewritten"),
    ),
    (UPDATED, causes.ALTERED): (
        msg("core.ledger", "Restored 1 copy that was altered or removed"),
        msg("core.ledger", "Restored {count} copies that were altered or removed"),
    ),
    (WITHDRAWN, ""): (
        msg("core.ledger", "Withdrew 1 photo"),
        msg("core.ledger", "Withdrew {count} photos"),
    ),
    (WITHDRAWN, causes.PRIVATE): (
        msg("core.ledger", "Withdrew 1 photo (no longer shareable)"),
        msg("core.ledger", "Withdrew {count} photos (no longer shareable)"),
    ),
    (WITHDRAWN, causes.GONE): (
        msg("core.ledger", "Withdrew 1 photo (gone from the library)"),
        msg("core.ledger", "Withdrew {count} photos (gone from the library)"),
    ),
    (WITHDRAWN, causes.UNROOTED): (
        msg("core.ledger", "Withdrew 1 photo (its library folder was removed)"),
        msg("core.ledger", "Withdrew {count} photos (their library folder was removed)"),
    ),
    (WITHDRAWN, causes.PROBLEM): (
        msg("core.ledger", "Withdrew 1 photo (it can no longer be exported)"),
        msg("core.ledger", "Withdrew {count} photos (they can no longer be exported)"),
    ),
    (RENAMED, ""): (
        msg("core.ledger", "Export names changed: 1 copy renamed"),
        msg("core.ledger", "Export names changed: {count} copies renamed"),
    ),
    (MOVED, ""): (
        msg("core.ledger", "Export folder changed: 1 copy withdrawn from the old folder"),
        msg("core.ledger", "Export folder changed: {count} copies withdrawn from the old folder"),
    ),
}


@dataclass(frozen=True, slots=True)
class History:
    """The ledger as events, newest first, and what it was read from."""

    events: list[Event]
    #: (last row id, manifest generation): the same key, the same history.
    version: tuple[int, int]
    rows: int


def history_version(store: Store) -> tuple[int, int]:
    """Changes when a row is added or a copy comes or goes (cheap)."""
    last = store.db.execute("SELECT COALESCE(MAX(id), 0) FROM ledger").fetchone()[0]
    return int(last), store.generation(MANIFEST)


def history(store: Store, previous: History | None = None) -> History:
    """The ledger folded into events, newest first; `previous` is returned
    as it is when nothing changed since it was read."""
    version = history_version(store)
    if previous is not None and previous.version == version:
        return previous
    cursor = store.db.execute(
        "SELECT l.id, l.time, l.action, l.source, l.export_path, l.reason, l.batch, l.act,"
        " l.cause, l.sha256 IS NOT NULL AND e.sha256 = l.sha256 FROM ledger l"
        " LEFT JOIN exports e ON e.export_rel = CAST(l.export_path AS BLOB)"
        " ORDER BY l.id"
    )
    events: list[Event] = []
    #: The events of the batch being read, by (act, cause).
    open_events: dict[tuple[str, str], Event] = {}
    batch: int | None = None
    last_time = 0.0
    count = 0
    interned: dict[str, str] = {}
    for row in cursor.fetchall():
        count += 1
        rid, when, action, source, export_path, reason, row_batch, act, cause, still = row
        if act is None:
            act, cause = _classify(action, reason)
            # An old row: a new "batch" when it came long after the last one.
            same = batch is None and when - last_time < OLD_ROWS_GAP_S
            row_batch = None
        else:
            same = row_batch == batch
            cause = cause or ""
        if not same:
            events.extend(open_events.values())
            open_events = {}
        batch = row_batch
        last_time = when
        event = open_events.get((act, cause))
        if event is None:
            event = open_events[(act, cause)] = Event(rid, act, cause, when)
        reason = interned.setdefault(reason, reason)
        shared = bool(still) and action != "remove"
        event.photos.append(Photo(rid, when, action, source, export_path, reason, shared))
    events.extend(open_events.values())
    for event in events:
        event.photos = _one_per_photo(event.photos) if event.act == RENAMED else event.photos
        event.folder = _common_folder(event.photos)
        event.still_shared = sum(1 for p in event.photos if p.still_shared)
    events.sort(key=lambda e: e.key, reverse=True)
    return History(events, version, count)


def _classify(action: str, reason: str) -> tuple[str, str]:
    """(act, cause) of a row written before the ledger kept them, from its
    action and English reason (the database keeps English)."""
    if reason == "export name changed":
        return RENAMED, ""
    if reason == "export folder moved":
        return MOVED, ""
    if action == "add":
        return SHARED, ""
    if action == "update":
        return UPDATED, _OLD_UPDATES.get(reason, "")
    if reason == "the photo is gone from the library":
        return WITHDRAWN, causes.GONE
    if reason == "its library folder was removed from Pellicle":
        return WITHDRAWN, causes.UNROOTED
    if reason.startswith("cannot be exported:"):
        return WITHDRAWN, causes.PROBLEM
    return WITHDRAWN, causes.PRIVATE


_OLD_UPDATES: Final = {
    "photo changed": causes.PHOTO_CHANGED,
    "export options changed": causes.OPTIONS_CHANGED,
    "exported copy was altered or removed": causes.ALTERED,
}


def _one_per_photo(photos: list[Photo]) -> list[Photo]:
    """A rename writes a removal and an addition per photo: keep the last
    row of each (its new name), knowing the name it replaced, in order."""
    last: dict[str, Photo] = {}
    for photo in photos:
        before = last.pop(photo.source, None)
        if before is not None and before.action == "remove" and photo.action != "remove":
            photo = replace(photo, was=before.export_path)
        last[photo.source] = photo
    return list(last.values())


def _common_folder(photos: list[Photo]) -> str:
    """The deepest folder holding every photo's source, or ""."""
    if not photos:
        return ""
    prefix = os.path.dirname(photos[0].source)
    for photo in photos:
        source = photo.source
        while prefix and not source.startswith(prefix + "/"):
            cut = prefix.rfind("/")
            prefix = prefix[:cut] if cut > 0 else ""
    return prefix
