"""The window's data: a snapshot built on a worker, and the Qt models over it.

`build_snapshot` runs on an engine thread and turns the index, rules and
ledger into plain Python objects; the GUI thread only swaps them into the
models. The photo model filters itself (a list comprehension over 20,000
items takes milliseconds; a QSortFilterProxyModel calling back into Python
per row does not), resets on a new set of photos and sends one
`dataChanged` when only decisions changed (vorta's table-model shape).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
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

from pellicle.core.engine import Engine
from pellicle.core.policy import Decision, Policy, Target, parents
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

# Badge kinds for folders.
INHERITED = "inherited"
MIXED = "mixed"

FILTERS = ("all", "shareable", "private", "problems")


@dataclass(frozen=True)
class PhotoItem:
    root_id: int
    rel: bytes
    path: str
    name: str
    decision: Decision
    reason: str
    explicit: Decision | None
    copy_of: bool
    problem: str | None
    exportable: bool
    size: int
    mtime_ns: int

    @property
    def key(self) -> tuple[int, bytes]:
        return (self.root_id, self.rel)

    @property
    def badge(self) -> str:
        if self.decision is Decision.SHAREABLE:
            return PROBLEM if not self.exportable else SHAREABLE
        return COPY if self.copy_of else PRIVATE

    def sentence(self) -> str:
        text = f"{self.decision.value}: {self.reason}"
        if self.problem:
            text += f" (not exported: {self.problem})"
        return text


@dataclass(frozen=True)
class FolderItem:
    root_id: int
    rel: bytes
    path: str
    name: str
    own: Decision | None
    decision: Decision
    reason: str
    shareable: int
    private: int

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

    roots: list[Any] = field(default_factory=list)
    photos: list[PhotoItem] = field(default_factory=list)
    folders: list[FolderItem] = field(default_factory=list)
    status: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)
    history: list[dict[str, Any]] = field(default_factory=list)
    initialised: bool = False


def build_snapshot(engine: Engine, *, history_limit: int = 5000) -> Snapshot:
    """Read the index, rules, status and ledger. Runs on a worker thread."""
    snap = Snapshot(initialised=engine.initialised)
    if not snap.initialised:
        return snap
    roots = engine.roots()
    snap.roots = roots
    snap.settings = engine.settings()
    rules = engine.rules()
    names = {r.id: (r.label if len(roots) > 1 else r.path) for r in roots}
    policy = Policy(rules, names)
    own_file = {(r.root_id, r.rel): r.decision for r in rules if r.target is Target.FILE}
    own_folder = {(r.root_id, r.rel): r.decision for r in rules if r.target is Target.FOLDER}
    by_id = {r.id: r for r in roots}
    counts: dict[tuple[int, bytes], list[int]] = {(r.id, b""): [0, 0] for r in roots}
    photos = []
    for root, facts, verdict in engine.photos():
        rel = facts.rel
        photos.append(
            PhotoItem(
                root.id,
                rel,
                os.path.join(root.path, decode_rel(rel)),
                decode_rel(rel).rsplit("/", 1)[-1],
                verdict.decision,
                verdict.reason,
                own_file.get((root.id, rel)),
                verdict.copy_of is not None,
                facts.problem,
                facts.exportable,
                facts.size,
                facts.mtime_ns,
            )
        )
        slot = 0 if verdict.shareable else 1
        for folder in parents(rel):
            counts.setdefault((root.id, folder), [0, 0])[slot] += 1
    photos.sort(key=lambda p: (p.root_id, p.rel.rsplit(b"/", 1)[0] if b"/" in p.rel else b"",
                               p.rel))  # fmt: skip
    snap.photos = photos
    for key, decision in own_folder.items():
        counts.setdefault(key, [0, 0])  # a marked folder with no photos yet
        del decision
    for (rid, rel), (shared, private) in sorted(counts.items()):
        root = by_id.get(rid)
        if root is None:
            continue
        verdict = policy.by_place(rid, rel, is_folder=True)
        snap.folders.append(
            FolderItem(
                rid,
                rel,
                os.path.join(root.path, decode_rel(rel)) if rel else root.path,
                decode_rel(rel).rsplit("/", 1)[-1] if rel else root.label,
                own_folder.get((rid, rel)),
                verdict.decision,
                verdict.reason,
                shared,
                private,
            )
        )
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
    """The photos in the grid, filtered by kind, name and folder."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[PhotoItem] = []
        self._keys: tuple[str, ...] = ()
        self._visible: list[PhotoItem] = []
        self._row_of: dict[str, int] = {}
        self._filter = "all"
        self._search = ""
        self._scope: tuple[int, bytes] | None = None

    # -- Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        item = self._visible[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return item.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{item.path}\n{item.sentence()}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{item.name}, {item.sentence()}"
        if role == PhotoRole:
            return item
        if role == PathRole:
            return item.path
        if role == BadgeRole:
            return item.badge
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [MIME_PATHS]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        return mime_for_paths([self._visible[i.row()].path for i in indexes if i.isValid()])

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy only: nothing dragged from Pellicle may ever be moved away.
        return Qt.DropAction.CopyAction

    # -- our API
    def set_photos(self, photos: list[PhotoItem]) -> None:
        keys = tuple(p.path for p in photos)
        same = keys == self._keys
        self._all = photos
        self._keys = keys
        if same and self._filter == "all":
            # Same photos and a filter that does not depend on decisions:
            # the same rows stay visible, so repaint them and keep the
            # selection and scroll position (no reset; cheap for 20,000).
            self._visible = self._select()
            if self._visible:
                self.dataChanged.emit(self.index(0), self.index(len(self._visible) - 1))
            return
        self.beginResetModel()
        self._visible = self._select()
        self._index_rows()
        self.endResetModel()

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
        self._index_rows()
        self.endResetModel()

    def _select(self) -> list[PhotoItem]:
        items = self._all
        if self._scope is not None:
            rid, rel = self._scope
            prefix = rel + b"/"
            items = [p for p in items if p.root_id == rid and (not rel or p.rel.startswith(prefix))]
        if self._filter == "shareable":
            items = [p for p in items if p.decision is Decision.SHAREABLE]
        elif self._filter == "private":
            items = [p for p in items if p.decision is Decision.PRIVATE]
        elif self._filter == "problems":
            items = [p for p in items if p.problem]
        if self._search:
            needle = self._search
            items = [p for p in items if needle in p.name.casefold()]
        return items

    def _index_rows(self) -> None:
        self._row_of = {p.path: i for i, p in enumerate(self._visible)}

    def row_of(self, path: str) -> int | None:
        return self._row_of.get(path)

    def item(self, row: int) -> PhotoItem:
        return self._visible[row]

    def all_photos(self) -> list[PhotoItem]:
        return self._all

    def path_changed(self, path: str) -> None:
        row = self._row_of.get(path)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [PhotoRole])


class FolderModel(QStandardItemModel):
    """Roots and their folders, each with a decision badge."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Library"])
        self._items: dict[tuple[int, bytes], QStandardItem] = {}

    def set_folders(self, folders: list[FolderItem]) -> None:
        wanted = {(f.root_id, f.rel): f for f in folders}
        if set(wanted) == set(self._items):
            for key, folder in wanted.items():
                self._fill(self._items[key], folder)
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
