"""The Qt models over a snapshot: photos and folders (the share history has
its own room, `history`).

The photo model filters itself over the `PhotoStore` arrays (a
QSortFilterProxyModel calling back into Python per row would not keep up),
resets on a new set of photos and, when only decisions changed, sends one
`dataChanged` over the rows that changed (the worker that built the
snapshot found them). The folder model updates only the folders whose
badge changed. Also here: the item data roles the views and delegates
read, and Pellicle's own drag payload.

Models only show a snapshot (`snapshot`); they never call the engine.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from pellicle.core.policy import Decision, Verdict
from pellicle.core.store import decode_rel
from pellicle.gui.snapshot import (
    BADGE_COPY,
    BADGE_PRIVATE,
    BADGE_PROBLEM,
    BADGE_SHAREABLE,
    INHERITED,
    MIXED,
    FolderItem,
    PhotoItem,
    PhotoStore,
)
from pellicle.i18n import say

#: Drag payload between Pellicle's own views: absolute paths, one per line.
MIME_PATHS = "application/x-pellicle-paths"

PhotoRole = Qt.ItemDataRole.UserRole + 1
PathRole = Qt.ItemDataRole.UserRole + 2
BadgeRole = Qt.ItemDataRole.UserRole + 3
KeyRole = Qt.ItemDataRole.UserRole + 4
FolderRole = Qt.ItemDataRole.UserRole + 5

FILTERS = ("all", "shareable", "private", "problems")


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
            return f"{item.path}\n{say(item.sentence())}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            item = store.item(i)
            return f"{item.name}, {say(item.sentence())}"
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [MIME_PATHS]

    def mimeData(self, indexes: Sequence[QModelIndex], /) -> QMimeData:
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
        if scope is None or isinstance(scope, tuple):
            self._scope = scope
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
            rows = [i for i in rows if badges[i] in (BADGE_SHAREABLE, BADGE_PROBLEM)]
        elif self._filter == "private":
            rows = [i for i in rows if badges[i] in (BADGE_PRIVATE, BADGE_COPY)]
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


def _name_matcher(needle: str) -> Callable[[bytes], bool]:
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
        self.setHorizontalHeaderLabels([self.tr("Library")])
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
        self.setHorizontalHeaderLabels([self.tr("Library")])
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
        why = say(Verdict(folder.decision, folder.reason).sentence(folder=True))
        below = self.tr("Shareable below: {shareable} of %Ln photo(s)", "", total).format(
            shareable=QLocale().toString(folder.shareable)
        )
        item.setToolTip(f"{folder.path}\n{why}\n{below}")
        item.setData(
            f"{folder.name}, {_badge_words(folder.badge, folder.decision)}",
            Qt.ItemDataRole.AccessibleTextRole,
        )

    def index_of(self, key: tuple[int, bytes]) -> QModelIndex:
        item = self._items.get(key)
        return item.index() if item is not None else QModelIndex()

    def mimeTypes(self) -> list[str]:
        return [MIME_PATHS, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex], /) -> QMimeData:
        return mime_for_paths([str(i.data(PathRole)) for i in indexes if i.isValid()])

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def _badge_words(badge: str, decision: Decision) -> str:
    """A folder's badge, for assistive technology."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("FolderModel", text)

    shareable = decision is Decision.SHAREABLE
    if badge == INHERITED:
        return tr(_BADGE_WORDS["inherits shareable" if shareable else "inherits private"])
    if badge == MIXED:
        return tr(_BADGE_WORDS["mixed"])
    return tr(_BADGE_WORDS["marked shareable" if badge == "shareable" else "marked private"])


_BADGE_WORDS = {
    "inherits shareable": str(QT_TRANSLATE_NOOP("FolderModel", "inherits shareable")),
    "inherits private": str(QT_TRANSLATE_NOOP("FolderModel", "inherits private")),
    "mixed": str(QT_TRANSLATE_NOOP("FolderModel", "mixed: some photos shareable, some private")),
    "marked shareable": str(QT_TRANSLATE_NOOP("FolderModel", "marked shareable")),
    "marked private": str(QT_TRANSLATE_NOOP("FolderModel", "marked private")),
}
