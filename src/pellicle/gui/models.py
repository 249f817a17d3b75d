"""The window's data: a snapshot built on a worker, and the Qt models over it.

`build_snapshot` runs on an engine thread and turns the index, rules and
ledger into plain Python data; the GUI thread only swaps it into the
models. Photos are held once, in a `PhotoStore`: parallel arrays in display
order (the engine's own `rel` bytes, a root id, a one-byte badge, an index
into a table of distinct reason sentences), about 80 bytes per photo. Paths,
names, tooltips and `PhotoItem`s are made on demand, for the rows a view
asks about. The photo model filters itself over those arrays (a
QSortFilterProxyModel calling back into Python per row would not keep up),
resets on a new set of photos and, when only decisions changed, sends one
`dataChanged` over the rows that changed (the worker finds them).
"""

from __future__ import annotations

import bisect
import datetime as dt
import os
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from pellicle.core.engine import Engine, FolderSummary
from pellicle.core.policy import Decision
from pellicle.core.roots import Root, locate
from pellicle.core.store import decode_rel

#: Drag payload between Pellicle's own views: absolute paths, one per line.
MIME_PATHS = "application/x-pellicle-paths"

PhotoRole = Qt.ItemDataRole.UserRole + 1
PathRole = Qt.ItemDataRole.UserRole + 2
BadgeRole = Qt.ItemDataRole.UserRole + 3
KeyRole = Qt.ItemDataRole.UserRole + 4
FolderRole = Qt.ItemDataRole.UserRole + 5

# Badge kinds for photos.
SHAREABLE = "shareable"
PRIVATE = "private"
COPY = "copy"  # private because an exact copy is marked private
PROBLEM = "problem"  # shareable but cannot be exported

#: A photo's badge as stored: one byte per photo, an index into this tuple.
PHOTO_BADGES = (SHAREABLE, PRIVATE, COPY, PROBLEM)
_SHAREABLE, _PRIVATE, _COPY, _PROBLEM = range(4)

# Badge kinds for folders.
INHERITED = "inherited"
MIXED = "mixed"

FILTERS = ("all", "shareable", "private", "problems")


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
        text = f"{self.decision.value}: {self.reason}"
        if self.problem:
            text += f" (not exported: {self.problem})"
        return text


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

    def __len__(self) -> int:
        return len(self.rels)

    # -- reading one row (cheap; called for visible rows only)
    def path(self, i: int) -> str:
        root = self.root_paths.get(self.root_ids[i], "")
        return os.path.join(root, decode_rel(self.rels[i]))

    def name(self, i: int) -> str:
        return decode_rel(self.rels[i].rpartition(b"/")[2])

    def badge(self, i: int) -> str:
        return PHOTO_BADGES[self.badges[i]]

    def item(self, i: int) -> PhotoItem:
        return PhotoItem(self.root_ids[i], self.rels[i], self.path(i), self.name(i),
                         PHOTO_BADGES[self.badges[i]], self.reason_texts[self.reasons[i]],
                         self.problems.get(i))  # fmt: skip

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
    order (or already grouped by `group_by_folder`).

    Reason sentences are kept once each (most photos share their folder's).
    When `previous` holds the same photos, its `rels` list is reused.
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
    return store


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

    @classmethod
    def of(cls, summary: FolderSummary) -> FolderItem:
        rel, root = summary.rel, summary.root
        name = decode_rel(rel).rsplit("/", 1)[-1] if rel else root.label
        verdict = summary.verdict
        return cls(root.id, rel, summary.path, name, summary.own, verdict.decision,
                   verdict.reason, summary.shareable, summary.private)  # fmt: skip

    @property
    def badge(self) -> str:
        if self.shareable and self.private:
            return MIXED
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
    history: list[dict[str, Any]] = field(default_factory=list)
    initialised: bool = False
    #: Set by the builder: the photos are the same rows as the previous
    #: snapshot's, and these rows' decisions changed (None: none did).
    same_rows: bool = False
    changed: tuple[int, int] | None = None


def build_snapshot(
    engine: Engine, *, history_limit: int = 5000, previous: Snapshot | None = None
) -> Snapshot:
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
            badge = _SHAREABLE if facts.exportable else _PROBLEM
        else:
            badge = _COPY if verdict.copy_of is not None else _PRIVATE
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
    snap.history = engine.audit(limit=history_limit)
    return snap


def mime_for_paths(paths: list[str]) -> QMimeData:
    """Pellicle's own drag payload. No text/uri-list on purpose: dragging a
    private original into a browser or uploader would bypass the export."""
    mime = QMimeData()
    mime.setData(MIME_PATHS, QByteArray("\n".join(paths).encode("utf-8", "surrogateescape")))
    return mime


def paths_from_mime(mime: QMimeData) -> tuple[list[str], bool]:
    """The paths a drop carries, and whether they came from outside Pellicle."""
    if mime.hasFormat(MIME_PATHS):
        raw = bytes(mime.data(MIME_PATHS).data()).decode("utf-8", "surrogateescape")
        return [p for p in raw.split("\n") if p], False
    if mime.hasUrls():
        return [u.toLocalFile() for u in mime.urls() if u.isLocalFile()], True
    return [], True


class PhotoModel(QAbstractListModel):
    """The photos in the grid, filtered by kind, name and folder.

    Rows are indices into a `PhotoStore`: `range(len(store))` when nothing
    is filtered out (no memory at all), else an `array('I')` of the store
    rows shown, ascending.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = PhotoStore()
        self._visible: Sequence[int] = range(0)
        self._filter = "all"
        self._search = ""
        self._scope: tuple[int, bytes] | None = None

    # -- Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        i = self._visible[index.row()]
        store = self._store
        if role == Qt.ItemDataRole.DisplayRole:
            return store.name(i)
        if role == PhotoRole:
            return store.item(i)
        if role == BadgeRole:
            return store.badge(i)
        if role == PathRole:
            return store.path(i)
        if role == Qt.ItemDataRole.ToolTipRole:
            item = store.item(i)
            return f"{item.path}\n{item.sentence()}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            item = store.item(i)
            return f"{item.name}, {item.sentence()}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [MIME_PATHS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        return mime_for_paths([self.item(i.row()).path for i in indexes if i.isValid()])

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy only: nothing dragged from Pellicle may ever be moved away.
        return Qt.DropAction.CopyAction

    # -- our API
    def set_photos(
        self, store: PhotoStore, *, same_rows: bool = False,
        changed: tuple[int, int] | None = None,
    ) -> None:  # fmt: skip
        """Show `store`. `same_rows`/`changed` come from the worker that built
        it (see `build_snapshot`): with the same rows, the view keeps its
        selection and scroll position and only the changed rows repaint."""
        old_visible = self._visible
        self._store = store
        if same_rows:
            if self._filter in ("all", "problems"):
                # Rows shown depend only on names, places and problems.
                visible = old_visible if self._filter == "all" else self._select()
            else:
                visible = self._select()
            if visible == old_visible:
                self._visible = visible
                if changed is not None and len(visible):
                    first, last = self._rows_between(*changed)
                    if first <= last:
                        self.dataChanged.emit(self.index(first), self.index(last))
                return
        self.beginResetModel()
        self._visible = self._select()
        self.endResetModel()

    def _rows_between(self, lo: int, hi: int) -> tuple[int, int]:
        """Visible rows showing store rows lo..hi (both included)."""
        visible = self._visible
        if isinstance(visible, range):
            return max(lo, 0), min(hi, len(visible) - 1)
        return bisect.bisect_left(visible, lo), bisect.bisect_right(visible, hi) - 1

    def set_filter(self, kind: str | None = None, search: str | None = None,
                   scope: tuple[int, bytes] | bool | None = False) -> None:  # fmt: skip
        if kind is not None:
            self._filter = kind
        if search is not None:
            self._search = search.strip().casefold()
        if scope is not False:
            self._scope = scope  # type: ignore[assignment]
        self.beginResetModel()
        self._visible = self._select()
        self.endResetModel()

    def _select(self) -> Sequence[int]:
        store = self._store
        n = len(store)
        if self._filter == "all" and not self._search and self._scope is None:
            return range(n)
        rows: Sequence[int] = range(n)
        if self._scope is not None:
            rid, rel = self._scope
            ids, rels = store.root_ids, store.rels
            if rel:
                prefix = rel + b"/"
                rows = [i for i in rows if ids[i] == rid and rels[i].startswith(prefix)]
            else:
                rows = [i for i in rows if ids[i] == rid]
        badges = store.badges
        if self._filter == "shareable":
            rows = [i for i in rows if badges[i] in (_SHAREABLE, _PROBLEM)]
        elif self._filter == "private":
            rows = [i for i in rows if badges[i] in (_PRIVATE, _COPY)]
        elif self._filter == "problems":
            problems = store.problems
            rows = [i for i in rows if i in problems]
        if self._search:
            rels = store.rels
            matches = _name_matcher(self._search)
            rows = [i for i in rows if matches(rels[i].rpartition(b"/")[2])]
        return rows if isinstance(rows, range) else array("I", rows)

    def row_of(self, path: str) -> int | None:
        """The visible row showing `path`, or None (binary search, no index)."""
        found = self._store.locate(path)
        if found is None:
            return None
        i = self._store.find(*found)
        if i is None:
            return None
        visible = self._visible
        if isinstance(visible, range):
            return i if i < len(visible) else None
        row = bisect.bisect_left(visible, i)
        return row if row < len(visible) and visible[row] == i else None

    def item(self, row: int) -> PhotoItem:
        return self._store.item(self._visible[row])

    def items(self, rows: Sequence[int]) -> list[PhotoItem]:
        return [self._store.item(self._visible[r]) for r in rows]

    def store(self) -> PhotoStore:
        return self._store

    def path_changed(self, path: str) -> None:
        """Repaint the row showing `path` (its thumbnail arrived)."""
        row = self.row_of(path)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [PhotoRole])


def _name_matcher(needle: str) -> Any:
    """A test on a raw file name: does it contain `needle` (casefolded)?

    ASCII names (nearly all) are tested as bytes, where lower() is the same
    as casefold(); others are decoded first.
    """
    raw = needle.encode("utf-8", "surrogateescape") if needle.isascii() else None

    def matches(name: bytes) -> bool:
        if raw is not None and name.isascii():
            return raw in name.lower()
        return needle in decode_rel(name).casefold()

    return matches


class FolderModel(QStandardItemModel):
    """Roots and their folders, each with a decision badge.

    A new snapshot with the same folders updates only the folders whose
    badge, counts or reason changed (one `itemChanged` each), so a sync
    that changes nothing touches nothing on the GUI thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Library"])
        self._items: dict[tuple[int, bytes], QStandardItem] = {}
        self._shown: dict[tuple[int, bytes], FolderItem] = {}

    def set_folders(self, folders: list[FolderItem]) -> None:
        wanted = {(f.root_id, f.rel): f for f in folders}
        if wanted.keys() == self._items.keys():
            for key, folder in wanted.items():
                if self._shown.get(key) != folder:
                    self._fill(self._items[key], folder)
            self._shown = wanted
            return
        self.clear()
        self.setHorizontalHeaderLabels(["Library"])
        self._items = {}
        for folder in sorted(folders, key=lambda f: (f.root_id, f.rel.count(b"/"), f.rel)):
            item = QStandardItem()
            item.setEditable(False)
            item.setDropEnabled(True)
            item.setDragEnabled(bool(folder.rel))
            self._fill(item, folder)
            parent_key = None
            if folder.rel:
                cut = folder.rel.rfind(b"/")
                parent_key = (folder.root_id, folder.rel[:cut] if cut >= 0 else b"")
            parent = self._items.get(parent_key) if parent_key else None
            (parent or self.invisibleRootItem()).appendRow(item)
            self._items[(folder.root_id, folder.rel)] = item
        self._shown = wanted

    def _fill(self, item: QStandardItem, folder: FolderItem) -> None:
        item.setText(folder.name)
        item.setData(folder, FolderRole)
        item.setData(folder.path, PathRole)
        item.setData(folder.badge, BadgeRole)
        item.setData((folder.root_id, folder.rel), KeyRole)
        total = folder.shareable + folder.private
        item.setToolTip(
            f"{folder.path}\n{folder.decision.value}: {folder.reason}\n"
            f"{folder.shareable} of {total} photos below are shareable"
        )
        item.setData(
            f"{folder.name}, {_badge_words(folder.badge, folder.decision)}",
            Qt.ItemDataRole.AccessibleTextRole,
        )

    def index_of(self, key: tuple[int, bytes]) -> QModelIndex:
        item = self._items.get(key)
        return item.index() if item is not None else QModelIndex()

    def mimeTypes(self) -> list[str]:
        return [MIME_PATHS, "text/uri-list"]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        return mime_for_paths([str(i.data(PathRole)) for i in indexes if i.isValid()])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def _badge_words(badge: str, decision: Decision) -> str:
    if badge == INHERITED:
        return f"inherits {decision.value}"
    if badge == MIXED:
        return "mixed: some photos shareable, some private"
    return f"marked {badge}"


class HistoryModel(QAbstractTableModel):
    """The ledger: what was shared when, and whether it still is."""

    COLUMNS = ("When", "What happened", "Photo", "In the export as", "Now", "Why")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        rows = list(reversed(rows))  # newest first
        if [r["id"] for r in rows] == [r["id"] for r in self._rows]:
            self._rows = rows
            if rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, 5))
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.COLUMNS[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == 0:
            when = dt.datetime.fromtimestamp(float(row["time"]))
            return when.strftime("%Y-%m-%d %H:%M")
        if column == 1:
            return {"add": "shared", "update": "updated", "remove": "withdrawn"}.get(
                str(row["action"]), str(row["action"])
            )
        if column == 2:
            return str(row["source"] or "")
        if column == 3:
            return str(row["export_path"] or "")
        if column == 4:
            if row["action"] == "remove":
                return "withdrawn"
            return "still shared" if row["still_shared"] else "no longer shared"
        if column == 5:
            return str(row["reason"] or "")
        return None

    def url_of(self, row: int) -> QUrl:
        return QUrl.fromLocalFile(str(self._rows[row]["source"] or ""))
