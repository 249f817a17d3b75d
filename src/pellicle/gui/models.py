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

import numpy as np
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QDate,
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
    KIND_MASK,
    Dates,
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
#: A month header's text (date order only); None for a photo.
HeaderRole = Qt.ItemDataRole.UserRole + 6

FILTERS = ("all", "shareable", "private", "problems")
#: The grid's orders: by name (folder by folder), or newest taken first.
BY_NAME, BY_DATE = "name", "date"


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

    In date order (`set_order(BY_DATE)`, once the store's dates taken are
    known: `PhotoStore.taken`, filled by `set_dates` and carried from one
    snapshot to the next by the worker that builds it; until every
    photo's date taken) rows are an `array('q')`, newest first, and a
    month starts with a header row: a negative entry, `-1 - year * 12 -
    (month - 1)` (`-1`: photos without a date, last). Headers are enabled
    but not selectable or draggable, hold no photo (`PhotoRole` is None,
    `is_header`), and the grid lays each out across a whole line.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = PhotoStore()
        self._visible: Sequence[int] = range(0)
        self._filter = "all"
        self._search = ""
        self._scope: tuple[int, bytes] | None = None
        self._order = BY_NAME
        #: Store row -> visible row, made when first needed in date order.
        self._rows: Dates | None = None

    # -- Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._visible):
            return None
        i = self._visible[index.row()]
        if i < 0:
            return self._header_data(i, role)
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
            return f"{item.path}\n{self.rule_words(item)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            item = store.item(i)
            return f"{item.name}, {self.rule_words(item)}"
        return None

    def _header_data(self, code: int, role: int) -> Any:
        if role in (HeaderRole, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return month_title(-1 - code)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            if self.is_header(index.row()):
                return Qt.ItemFlag.ItemIsEnabled  # a title: never selected, dragged or tagged
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base

    def mimeTypes(self) -> list[str]:
        return [MIME_PATHS]

    def mimeData(self, indexes: Sequence[QModelIndex], /) -> QMimeData:
        rows = [i.row() for i in indexes if i.isValid() and not self.is_header(i.row())]
        return mime_for_paths([self.item(r).path for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy only: nothing dragged from Pellicle may ever be moved away.
        return Qt.DropAction.CopyAction

    # -- our API
    def rule_words(self, item: PhotoItem) -> str:
        """Whose rule decides, then the decision and why: "Own rule —
        shareable: this photo is marked shareable", "Inherited — shareable:
        folder Holidays is marked shareable" (the reason names the folder)."""
        sentence = say(item.sentence())
        if item.copy_of:
            return sentence  # decided by the other photo, which the reason names
        if item.own:
            return self.tr("Own rule — {sentence}").format(sentence=sentence)
        return self.tr("Inherited — {sentence}").format(sentence=sentence)

    def set_photos(
        self, store: PhotoStore, *, same_rows: bool = False,
        changed: tuple[int, int] | None = None,
    ) -> None:  # fmt: skip
        """Show `store`. `same_rows`/`changed` come from the worker that built
        it (see `build_snapshot`): with the same rows, the view keeps its
        selection and scroll position and only the changed rows repaint."""
        old_visible, old_store = self._visible, self._store
        self._store = store
        if store.taken is None and same_rows:
            store.taken = old_store.taken  # read since the worker built `store`
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
        if self.dated():
            return 0, len(visible) - 1  # not in store order: repaint them all
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
        self._rows = None
        if self._filter == "all" and not self._search and self._scope is None:
            if store.taken is not None and self._order == BY_DATE:
                return by_month(range(n), store.taken)
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
            rows = [i for i in rows if badges[i] & KIND_MASK in (BADGE_SHAREABLE, BADGE_PROBLEM)]
        elif self._filter == "private":
            rows = [i for i in rows if badges[i] & KIND_MASK in (BADGE_PRIVATE, BADGE_COPY)]
        elif self._filter == "problems":
            problems = store.problems
            rows = [i for i in rows if i in problems]
        if self._search:
            rels = store.rels
            matches = _name_matcher(self._search)
            rows = [i for i in rows if matches(rels[i].rpartition(b"/")[2])]
        if self._order == BY_DATE and store.taken is not None:
            return by_month(rows, store.taken)
        return rows if isinstance(rows, range) else array("I", rows)

    # -- order: by name, or by date taken under month headers
    def order(self) -> str:
        return self._order

    def dated(self) -> bool:
        """Date order is shown (chosen, and the dates are known)."""
        return self._order == BY_DATE and self._store.taken is not None

    def set_order(self, order: str) -> None:
        """BY_NAME or BY_DATE; date order shows once `set_dates` gave the dates."""
        if order == self._order:
            return
        self._order = order
        self._rearrange()

    def undated(self) -> Dates:
        """Store rows whose date taken is not known (all, before any)."""
        taken = self._store.taken
        if taken is None:
            return np.arange(len(self._store), dtype=np.int64)
        return np.flatnonzero(taken == 0).astype(np.int64)

    def set_dates(
        self, store: PhotoStore, rows: Sequence[int] | Dates, taken: Sequence[int]
    ) -> bool:
        """The dates taken of `store`'s `rows`; False (and nothing done) if
        the grid shows other photos by now (ask again for those)."""
        if store is not self._store and not store.same_rows(self._store):
            return False
        store = self._store
        if store.taken is None:
            store.taken = np.zeros(len(store), dtype=np.int64)
        if len(rows):
            store.taken[np.asarray(rows, dtype=np.int64)] = np.asarray(taken, dtype=np.int64)
        if self._order == BY_DATE:
            self._rearrange()
        return True

    def _rearrange(self) -> None:
        """Show the same photos in the current order, keeping selection and
        current item (a layout change, not a reset)."""
        self.layoutAboutToBeChanged.emit()
        old = self._visible
        persistent = self.persistentIndexList()
        keep = [old[i.row()] if 0 <= i.row() < len(old) else -1 for i in persistent]
        self._visible = self._select()
        new_rows = [self._visible_row(i) if i >= 0 else None for i in keep]
        self.changePersistentIndexList(
            persistent,
            [self.index(r) if r is not None else QModelIndex() for r in new_rows],
        )
        self.layoutChanged.emit()

    def _visible_row(self, i: int) -> int | None:
        """The visible row of store row `i`, or None."""
        visible = self._visible
        if isinstance(visible, range):
            return i if i < len(visible) else None
        if not self.dated():
            row = bisect.bisect_left(visible, i)
            return row if row < len(visible) and visible[row] == i else None
        if self._rows is None:
            shown = np.frombuffer(visible, dtype=np.int64) if isinstance(visible, array) else (
                np.asarray(visible, dtype=np.int64))  # fmt: skip
            rows = np.full(len(self._store), -1, dtype=np.int64)
            photos = np.flatnonzero(shown >= 0)
            rows[shown[photos]] = photos
            self._rows = rows
        row = int(self._rows[i]) if i < len(self._rows) else -1
        return row if row >= 0 else None

    def is_header(self, row: int) -> bool:
        """Row `row` is a month header, not a photo."""
        return 0 <= row < len(self._visible) and self._visible[row] < 0

    def row_of(self, path: str) -> int | None:
        """The visible row showing `path`, or None (binary search, no index)."""
        found = self._store.locate(path)
        if found is None:
            return None
        i = self._store.find(*found)
        if i is None:
            return None
        return self._visible_row(i)

    def item(self, row: int) -> PhotoItem:
        """The photo on `row`; a month header holds none (`is_header`)."""
        i = self._visible[row]
        if i < 0:
            raise ValueError(f"row {row} is a month header, not a photo")
        return self._store.item(i)

    def items(self, rows: Sequence[int]) -> list[PhotoItem]:
        return [self.item(r) for r in rows if not self.is_header(r)]

    def store(self) -> PhotoStore:
        return self._store

    def path_changed(self, path: str) -> None:
        """Repaint the row showing `path` (its thumbnail arrived)."""
        row = self.row_of(path)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [PhotoRole])


#: Months from year 0 to 1970 (a header's key is year * 12 + month - 1).
_MONTHS_TO_1970 = 1970 * 12


def by_month(rows: Sequence[int], dates: Sequence[int] | Dates) -> array[int]:
    """Store `rows` newest taken first, each month after its header (see
    `PhotoModel`); photos taken at the same second keep their name order,
    reversed, as a burst's numbers run. Photos without a date come last, in
    name order, under their own header. Vectorised: 100,000 photos in a few
    milliseconds, on the GUI thread."""
    if isinstance(rows, range):
        picked = np.arange(rows.start, rows.stop, rows.step, dtype=np.int64)
    else:
        picked = np.asarray(rows, dtype=np.int64)
    values = np.asarray(dates, dtype=np.int64)[picked]
    known = values != 0
    dated, when = picked[known], values[known]
    order = np.argsort(when, kind="stable")[::-1]
    dated, when = dated[order], when[order]
    months = when.astype("datetime64[s]").astype("datetime64[M]").astype(np.int64)
    keys = months + _MONTHS_TO_1970
    starts = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1]))) if len(keys) else (
        np.zeros(0, dtype=np.int64))  # fmt: skip
    shown = np.insert(dated, starts, -1 - keys[starts])
    undated = picked[~known]
    if len(undated):
        shown = np.concatenate((shown, [-1], undated))
    out = array("q")
    out.frombytes(shown.astype(np.int64).tobytes())
    return out


def month_title(key: int) -> str:
    """A month header: "March 2024" in the app's language (key: year * 12 +
    month - 1); key 0 is the header of photos without a date."""
    if key <= 0:
        return QCoreApplication.translate("PhotoModel", "No date")
    year, month = divmod(key, 12)
    text = QLocale().toString(QDate(year, month + 1, 1), "MMMM yyyy")
    return text[:1].upper() + text[1:]


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
        words = _badge_words(folder)
        if folder.exceptions:
            words += ", " + (
                self.tr("%Ln private photo(s) inside", "", folder.exceptions)
                if folder.decision is Decision.SHAREABLE
                else self.tr("%Ln shareable photo(s) inside", "", folder.exceptions)
            )
        item.setData(f"{folder.name}, {words}", Qt.ItemDataRole.AccessibleTextRole)

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


def _badge_words(folder: FolderItem) -> str:
    """A folder's rule, for assistive technology (`_fill` adds what
    differs inside)."""

    def tr(text: str) -> str:
        return QCoreApplication.translate("FolderModel", text)

    shareable = folder.decision is Decision.SHAREABLE
    if folder.badge == INHERITED:
        words = tr(_BADGE_WORDS["inherits shareable" if shareable else "inherits private"])
    else:
        words = tr(_BADGE_WORDS["marked shareable" if shareable else "marked private"])
    return words


_BADGE_WORDS = {
    "inherits shareable": str(QT_TRANSLATE_NOOP("FolderModel", "inherits shareable")),
    "inherits private": str(QT_TRANSLATE_NOOP("FolderModel", "inherits private")),
    "marked shareable": str(QT_TRANSLATE_NOOP("FolderModel", "marked shareable")),
    "marked private": str(QT_TRANSLATE_NOOP("FolderModel", "marked private")),
}
