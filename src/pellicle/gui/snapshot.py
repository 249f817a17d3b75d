"""The window's data, read in one go on a worker: a `Snapshot`.

`build_snapshot` runs on an engine thread and turns what the engine offers
views (its photos with their verdicts, `folder_summaries`, `status`, the
ledger) into plain Python data; the GUI thread only swaps it into the Qt
models (`models`). Photos are held once, in a `PhotoStore`: parallel
arrays in display order (the engine's own `rel` bytes, a root id, a
one-byte badge, an index into a table of distinct reason sentences), about
80 bytes per photo. Paths, names, tooltips and `PhotoItem`s are made on
demand, for the rows a view asks about. The builder compares the new store
with the one on screen, so the GUI thread does no diffing.

No Qt here, and no decisions either: every decision and every "which root
holds this path" comes from the engine (`core.roots.locate`).
"""

from __future__ import annotations

import bisect
import os
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from typing import Any

import numpy as np
import numpy.typing as npt

from pellicle.core.engine import Engine, Explanation, FolderSummary
from pellicle.core.ledger import History
from pellicle.core.policy import Decision
from pellicle.core.roots import Root, locate
from pellicle.core.store import decode_rel

# Badge kinds for photos.
SHAREABLE = "shareable"
PRIVATE = "private"
COPY = "copy"  # private because an exact copy is marked private
PROBLEM = "problem"  # shareable but cannot be exported

#: A photo's badge as stored: one byte per photo, an index into this tuple
#: in the low bits, plus `OWN_RULE` when the photo's own rule decided.
PHOTO_BADGES = (SHAREABLE, PRIVATE, COPY, PROBLEM)
BADGE_SHAREABLE, BADGE_PRIVATE, BADGE_COPY, BADGE_PROBLEM = range(4)
OWN_RULE = 0x10
KIND_MASK = 0x0F

#: Dates taken of a store's rows (wall-clock seconds, see core.dates; 0: not known).
Dates = npt.NDArray[np.int64]

# Badge kinds for folders.
INHERITED = "inherited"


@dataclass(frozen=True, slots=True)
class PhotoItem:
    """One photo as the views see it; made on demand from a `PhotoStore` row."""

    root_id: int
    rel: bytes
    path: str
    name: str
    badge: str
    reason: str
    problem: str | None
    #: The photo's own rule decided (not its folder's, not the default).
    own: bool = False

    @property
    def key(self) -> tuple[int, bytes]:
        return (self.root_id, self.rel)

    @property
    def decision(self) -> Decision:
        return Decision.SHAREABLE if self.badge in (SHAREABLE, PROBLEM) else Decision.PRIVATE

    @property
    def copy_of(self) -> bool:
        return self.badge == COPY

    @property
    def exportable(self) -> bool:
        return self.badge != PROBLEM

    def sentence(self) -> str:
        """The decision and why, as core says it (a Message: the views
        show it with `pellicle.i18n.say`)."""
        return Explanation(self.path, self.decision, self.reason, self.problem).sentence()


def _folder_of(rel: bytes) -> bytes:
    cut = rel.rfind(b"/")
    return rel[:cut] if cut >= 0 else b""


class PhotoStore:
    """Every photo, in display order, one compact row each.

    Order: by root, then folder, then name (a folder's own photos before
    its sub-folders'), so a folder's photos are neighbours in the grid.
    Immutable once built: a worker builds it, the GUI thread only reads it,
    and the next worker compares against it.
    """

    __slots__ = (
        "badges",
        "problems",
        "reason_texts",
        "reasons",
        "rels",
        "root_ids",
        "root_paths",
        "roots",
        "taken",
    )  # fmt: skip

    def __init__(self, roots: Sequence[Root] = ()) -> None:
        self.roots: tuple[Root, ...] = tuple(roots)
        self.root_paths: dict[int, str] = {r.id: r.path for r in self.roots}
        self.root_ids = array("I")
        #: The engine's own `rel` bytes objects (shared with its index).
        self.rels: list[bytes] = []
        self.badges = bytearray()
        self.reasons = array("I")
        self.reason_texts: list[str] = []
        #: Row -> why it cannot be exported (only the few that have one).
        self.problems: dict[int, str] = {}
        #: Dates taken, once the grid's date order asked for them (the GUI
        #: fills them in; the next store carries them over, see `carry_dates`).
        self.taken: Dates | None = None

    def __len__(self) -> int:
        return len(self.rels)

    # -- reading one row (cheap; called for visible rows only)
    def path(self, i: int) -> str:
        root = self.root_paths.get(self.root_ids[i], "")
        return os.path.join(root, decode_rel(self.rels[i]))

    def name(self, i: int) -> str:
        return decode_rel(self.rels[i].rpartition(b"/")[2])

    def roots_in_use(self) -> set[int]:
        """The ids of the roots holding photos (read from the ends and the
        roots: rows are ordered by root, so no walk over every row)."""
        ids = self.root_ids
        if not ids:
            return set()
        if ids[0] == ids[-1]:
            return {ids[0]}
        return {r.id for r in self.roots} | {ids[0], ids[-1]}

    def badge(self, i: int) -> str:
        return PHOTO_BADGES[self.badges[i] & KIND_MASK]

    def own(self, i: int) -> bool:
        return bool(self.badges[i] & OWN_RULE)

    def item(self, i: int) -> PhotoItem:
        code = self.badges[i]
        return PhotoItem(self.root_ids[i], self.rels[i], self.path(i), self.name(i),
                         PHOTO_BADGES[code & KIND_MASK], self.reason_texts[self.reasons[i]],
                         self.problems.get(i), bool(code & OWN_RULE))  # fmt: skip

    def sort_key(self, i: int) -> tuple[int, bytes, bytes]:
        rel = self.rels[i]
        return (self.root_ids[i], _folder_of(rel), rel)

    def find(self, root_id: int, rel: bytes) -> int | None:
        """The row of (root_id, rel), by binary search over the display order."""
        key = (root_id, _folder_of(rel), rel)
        i = bisect.bisect_left(range(len(self.rels)), key, key=self.sort_key)
        if i < len(self.rels) and self.root_ids[i] == root_id and self.rels[i] == rel:
            return i
        return None

    def locate(self, path: str) -> tuple[int, bytes] | None:
        """(root_id, rel) of an absolute path under one of the roots (a
        root itself is not a photo: None)."""
        found = locate(path, self.roots)
        if found is None or not found.rel:
            return None
        return found.root.id, found.rel

    def same_rows(self, other: PhotoStore | None) -> bool:
        """Same photos in the same order (decisions may differ; so may a
        root's online state)."""
        return (
            other is not None
            and other.root_paths == self.root_paths
            and other.root_ids == self.root_ids
            and other.rels == self.rels
        )

    def changed_span(self, other: PhotoStore) -> tuple[int, int] | None:
        """First and last row whose badge, reason or problem differ from
        `other` (same rows assumed); None when nothing differs."""
        if (self.badges == other.badges and self.reasons == other.reasons
                and self.reason_texts == other.reason_texts
                and self.problems == other.problems):  # fmt: skip
            return None
        mine, theirs = self.reason_texts, other.reason_texts
        b1, b2, r1, r2 = self.badges, other.badges, self.reasons, other.reasons
        p1, p2 = self.problems, other.problems

        def differs(i: int) -> bool:
            return (b1[i] != b2[i] or mine[r1[i]] != theirs[r2[i]]
                    or p1.get(i) != p2.get(i))  # fmt: skip

        n = len(self.rels)
        lo = next((i for i in range(n) if differs(i)), None)
        if lo is None:
            return None
        hi = next(i for i in range(n - 1, lo - 1, -1) if differs(i))
        return lo, hi


Row = tuple[int, bytes, int, str, "str | None"]


def group_by_folder(rows: Iterable[Row]) -> dict[tuple[int, bytes], list[Row]]:
    """Rows keyed by (root_id, folder holding the photo)."""
    groups: dict[tuple[int, bytes], list[Row]] = {}
    for row in rows:
        rel = row[1]
        cut = rel.rfind(b"/")
        key = (row[0], rel[:cut] if cut >= 0 else b"")
        group = groups.get(key)
        if group is None:
            group = groups[key] = []
        group.append(row)
    return groups


def build_photo_store(
    rows: Iterable[Row] | dict[tuple[int, bytes], list[Row]],
    roots: Sequence[Root],
    previous: PhotoStore | None = None,
) -> PhotoStore:
    """A store from (root_id, rel, badge code, reason, problem) rows, in any
    order (or already grouped by `group_by_folder`). A badge code is one of
    the `BADGE_*` values, with `OWN_RULE` added for a photo's own rule.

    Reason sentences are kept once each (most photos share their folder's).
    When `previous` holds the same photos, its `rels` list is reused; the
    dates taken it knows are carried over (done here, on the worker, since
    it takes ~40 ms for 100,000 photos).
    """
    groups = rows if isinstance(rows, dict) else group_by_folder(rows)
    store = PhotoStore(roots)
    text_index: dict[str, int] = {}
    texts, problems = store.reason_texts, store.problems
    root_ids, rels, badges, reasons = store.root_ids, store.rels, store.badges, store.reasons
    i = 0
    for key in sorted(groups):
        members = groups[key]
        members.sort(key=itemgetter(1))
        for rid, rel, badge, reason, problem in members:
            root_ids.append(rid)
            rels.append(rel)
            badges.append(badge)
            slot = text_index.get(reason)
            if slot is None:
                slot = text_index[reason] = len(texts)
                texts.append(reason)
            reasons.append(slot)
            if problem:
                problems[i] = problem
            i += 1
    if previous is not None and store.same_rows(previous):
        store.rels = previous.rels  # one list of names, not two
        store.taken = previous.taken
    elif previous is not None and previous.taken is not None:
        store.taken = carry_dates(previous, previous.taken, store)
    return store


def carry_dates(old: PhotoStore, dates: Dates, new: PhotoStore) -> Dates | None:
    """Dates taken of `new`'s rows known for `old` (0 for new photos), so a
    photo added or removed does not send the grid back to name order;
    None when none is known (another library).

    The loops run in C (dict, zip, map). With one library folder (the usual
    case) the keys are the `rel` bytes themselves: tuples would be 100,000
    objects the cyclic collector walks while they are made (~100 ms more)."""
    ids = {*old.roots_in_use(), *new.roots_in_use()}
    values = dates.tolist()
    if len(ids) <= 1:
        by_rel = dict(zip(old.rels, values, strict=True))
        found = map(by_rel.get, new.rels, repeat(0))
    else:
        by_key = dict(zip(zip(old.root_ids, old.rels, strict=True), values, strict=True))
        found = map(by_key.get, zip(new.root_ids, new.rels, strict=True), repeat(0))
    carried = np.fromiter(found, dtype=np.int64, count=len(new))
    return carried if carried.any() else None


@dataclass(frozen=True)
class FolderItem:
    """One folder as the tree shows it (from the engine's `FolderSummary`)."""

    root_id: int
    rel: bytes
    path: str
    name: str
    own: Decision | None
    decision: Decision
    reason: str
    shareable: int
    private: int
    #: Photos below that differ from the folder's decision (core counts them).
    exceptions: int = 0

    @classmethod
    def of(cls, summary: FolderSummary) -> FolderItem:
        rel, root = summary.rel, summary.root
        name = decode_rel(rel).rsplit("/", 1)[-1] if rel else root.label
        verdict = summary.verdict
        return cls(root.id, rel, summary.path, name, summary.own, verdict.decision,
                   verdict.reason, summary.shareable, summary.private,
                   summary.exceptions)  # fmt: skip

    @property
    def badge(self) -> str:
        """The folder's rule: its own ("shareable", "private") or INHERITED.
        Exceptions below are shown beside it (`exceptions`), never instead:
        a shareable folder with one private photo is still shareable."""
        if self.own is None:
            return INHERITED
        return self.own.value


@dataclass
class Snapshot:
    """Everything the window shows, read in one go on a worker thread."""

    roots: list[Root] = field(default_factory=list)
    photos: PhotoStore = field(default_factory=PhotoStore)
    folders: list[FolderItem] = field(default_factory=list)
    status: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    #: The ledger as events (the previous snapshot's object while unchanged).
    history: History | None = None
    initialised: bool = False
    #: Set by the builder: the photos are the same rows as the previous
    #: snapshot's, and these rows' decisions changed (None: none did).
    same_rows: bool = False
    changed: tuple[int, int] | None = None


def build_snapshot(engine: Engine, *, previous: Snapshot | None = None) -> Snapshot:
    """Read the index, rules, status and ledger. Runs on a worker thread.

    `previous` (the snapshot on screen) lets the builder say whether only
    decisions changed, and which rows, so the GUI thread does no diffing.
    """
    snap = Snapshot(initialised=engine.initialised)
    if not snap.initialised:
        return snap
    roots = engine.roots()
    snap.roots = roots
    snap.settings = engine.settings()
    rows: list[Row] = []
    for root, facts, verdict in engine.photos():
        if verdict.decision is Decision.SHAREABLE:
            badge = BADGE_SHAREABLE if facts.exportable else BADGE_PROBLEM
        else:
            badge = BADGE_COPY if verdict.copy_of is not None else BADGE_PRIVATE
        if verdict.photo_own_rule:
            badge |= OWN_RULE
        rows.append((root.id, facts.rel, badge, verdict.reason, facts.problem))
    groups = group_by_folder(rows)
    del rows
    prev_store = previous.photos if previous is not None else None
    snap.photos = build_photo_store(groups, roots, prev_store)
    del groups
    if prev_store is not None and snap.photos.same_rows(prev_store):
        snap.same_rows = True
        snap.changed = snap.photos.changed_span(prev_store)
    snap.folders = [FolderItem.of(summary) for summary in engine.folder_summaries()]
    snap.status = engine.status()
    snap.history = engine.history(previous.history if previous is not None else None)
    return snap
