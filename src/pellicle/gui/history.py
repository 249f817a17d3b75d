"""The Share history tab: what Pellicle did to the export, one line per action.

Why it exists: the ledger has a row per file, but a person remembers what
they did ("I shared Holidays", "I switched to opaque names"). Core folds the
rows into events (`core.ledger.history`, read on a worker thread with each
snapshot and reused while nothing changed); this room shows them as a tree:
an event per top row ("Shared 80 photos from Holidays", when, how many, how
many are still shared), the photos behind it as its children, with a search
box that filters by photo name or path and by what happened. Nothing is
built per photo: an event keeps its photos as core read them. The view is
given events 500 at a time (`fetchMore`, asked by QTreeView as it scrolls
to the end), and the photos of an open event 500 at a time as well, asked
by `HistoryView` when the event opens and when scrolling nears the last
photo given (`fetch_photos`): a QTreeView asks each row it holds whether
it has children, so handing it 24,000 events or 50,000 photos at once
stalls the GUI thread for a third of a second or more, and its own
`fetchMore` for an open row fires on every relayout, not when the rows
are needed (bench/history.py). Names are elided in the middle (the start
and the file name stay readable) and the full path is in the tooltip.
Times carry seconds, written as the locale writes them.

The model only shows a `History`; it never calls the engine.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QDateTime,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Slot,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from pellicle.core.ledger import MOVED, WITHDRAWN, Event, History, Photo
from pellicle.i18n import say

#: The event's key (its first ledger row), for keeping rows open on reload.
EventKeyRole: Final = Qt.ItemDataRole.UserRole + 20
#: A photo's full library path (children only).
SourceRole: Final = Qt.ItemDataRole.UserRole + 21

_TOP: Final = 0  # internalId of a top row; a child's is its parent's row + 1

#: Events, and photos of one event, handed to the view at a time (see the
#: module).
CHUNK: Final = 500
#: Rows before the last photo given at which the view asks for more.
NEAR_END: Final = 100

WHEN, WHAT, PHOTOS, NOW = range(4)


def when_format(locale: QLocale) -> str:
    """The locale's short date and time, with seconds ("dd/MM/yyyy HH:mm:ss").

    Qt's short time has no seconds and its long time adds the time zone;
    the seconds go after the minutes of the short one."""
    time = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if "s" not in time:
        at = time.rfind("mm")
        time = time[: at + 2] + ":ss" + time[at + 2 :] if at >= 0 else time + ":ss"
    return f"{locale.dateFormat(QLocale.FormatType.ShortFormat)} {time}"


class HistoryModel(QAbstractItemModel):
    """Events as top rows, their photos as children (see the module)."""

    COLUMNS = (
        str(QT_TRANSLATE_NOOP("HistoryModel", "When")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "What happened")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "Photos")),
        str(QT_TRANSLATE_NOOP("HistoryModel", "Now")),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._history: History | None = None
        self._search = ""
        #: Events the search keeps (all when none), each with the photos
        #: shown under it (all of them, or those the search matched).
        self._rows: list[Event] = []
        self._children: list[Sequence[Photo]] = []
        #: How many events, and how many photos of each, the view was given.
        self._shown = 0
        self._given: list[int] = []
        #: Set while the view hears of a change: no fetching then (Qt's
        #: model tester fetches from its change handlers).
        self._notifying = False
        #: Sentences as shown, by what makes them (thousands of events say
        #: the same), and per event key its photos' names and paths
        #: casefolded in one string (made by the first search).
        self._texts: dict[tuple[str, str, int, str], str] = {}
        self._haystacks: dict[int, str] = {}
        self._format = when_format(QLocale())

    # -- our API
    def set_history(self, history: History | None) -> None:
        """Show `history`; the same object again (nothing changed) is free."""
        if history is self._history:
            return
        self._history = history
        self._haystacks = {}
        self._refill()

    def set_search(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._search:
            return
        self._search = needle
        self._refill()

    def event_at(self, row: int) -> Event:
        return self._rows[row]

    def narrowed(self, row: int) -> bool:
        """The search shows only some of this event's photos."""
        return len(self._children[row]) != self._rows[row].count

    def given(self, row: int) -> int:
        """How many of this event's photos the view was given so far."""
        return self._given[row]

    def rows_of(self, keys: set[int]) -> list[int]:
        """The rows showing the events with these keys."""
        return [row for row in range(self._shown) if self._rows[row].key in keys]

    def text(self, event: Event) -> str:
        """What happened, as shown (translated once per event)."""
        made = (event.act, event.cause, event.count, event.folder)
        text = self._texts.get(made)
        if text is None:
            text = self._texts[made] = say(event.sentence())
        return text

    def _haystack(self, event: Event) -> str:
        found = self._haystacks.get(event.key)
        if found is None:
            names = "\n".join(f"{p.source}\n{p.export_path}" for p in event.photos)
            found = self._haystacks[event.key] = names.casefold()
        return found

    def _refill(self) -> None:
        self._notifying = True
        try:
            self._reset()
        finally:
            self._notifying = False

    def _reset(self) -> None:
        self.beginResetModel()
        self._format = when_format(QLocale())
        events = self._history.events if self._history is not None else []
        needle = self._search
        if not needle:
            rows: list[Event] = events
            children: list[Sequence[Photo]] = [event.photos for event in events]
        else:
            rows, children = [], []
            for event in events:
                if needle in self.text(event).casefold():
                    rows.append(event)
                    children.append(event.photos)
                elif needle in self._haystack(event):
                    rows.append(event)
                    children.append(
                        [
                            p
                            for p in event.photos
                            if needle in p.source.casefold() or needle in p.export_path.casefold()
                        ]
                    )
        self._rows, self._children = rows, children
        # The newest events first; more as the view scrolls (fetchMore).
        self._shown = min(CHUNK, len(rows))
        self._given = [0] * len(rows)
        self.endResetModel()

    # -- Qt API: structure
    def index(
        self,
        row: int,
        column: int,
        parent: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if not 0 <= column < len(self.COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _TOP) if row < self._shown else QModelIndex()
        if parent.internalId() != _TOP or parent.row() >= self._shown:
            return QModelIndex()
        if row >= self._given[parent.row()]:
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(  # type: ignore[override]
        self,
        index: QModelIndex | QPersistentModelIndex = QModelIndex(),  # noqa: B008
    ) -> QModelIndex:
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._shown
        if parent.internalId() == _TOP and parent.column() == 0:
            return self._given[parent.row()]
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return len(self.COLUMNS)

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        if not parent.isValid():
            return self._shown > 0
        if parent.internalId() == _TOP and parent.column() == 0:
            return bool(self._children[parent.row()])
        return False

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        """More events (only: the photos of an event are given when the view
        asks, `fetch_photos`; QTreeView would fetch another chunk of every
        open event each time it lays itself out)."""
        if self._notifying or parent.isValid():
            return False
        return self._shown < len(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        if self.canFetchMore(parent):
            self._insert(parent, self._shown, len(self._rows))

    def can_fetch_photos(self, event: QModelIndex | QPersistentModelIndex) -> bool:
        if self._notifying or not event.isValid() or event.internalId() != _TOP:
            return False
        return self._given[event.row()] < len(self._children[event.row()])

    def fetch_photos(self, event: QModelIndex | QPersistentModelIndex) -> None:
        """The next photos of an open event (the view asks: see the module)."""
        if self.can_fetch_photos(event):
            row = event.row()
            self._insert(self.index(row, 0), self._given[row], len(self._children[row]))

    def _insert(self, parent: QModelIndex | QPersistentModelIndex, first: int, total: int) -> None:
        last = min(first + CHUNK, total) - 1
        self._notifying = True
        try:
            self.beginInsertRows(parent, first, last)
            if parent.isValid():
                self._given[parent.row()] = last + 1
            else:
                self._shown = last + 1
            self.endInsertRows()
        finally:
            self._notifying = False

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return self.tr(self.COLUMNS[section])
        return None

    # -- Qt API: what is shown
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOP:
            if index.row() >= self._shown:
                return None
            return self._event_data(self._rows[index.row()], index.column(), role)
        parent = index.internalId() - 1
        if parent >= self._shown or index.row() >= self._given[parent]:
            return None
        photo = self._children[parent][index.row()]
        return self._photo_data(photo, self._rows[parent], index.column(), role)

    def _when(self, seconds: float) -> str:
        when = QDateTime.fromMSecsSinceEpoch(int(seconds * 1000))
        return QLocale().toString(when, self._format)

    def _event_data(self, event: Event, column: int, role: int) -> Any:
        if role == EventKeyRole:
            return event.key
        if role == Qt.ItemDataRole.TextAlignmentRole and column == PHOTOS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                return self._when(event.time)
            if column == WHAT:
                return self.text(event)
            if column == PHOTOS:
                return QLocale().toString(event.count)
            return self._now(event)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.text(event)]
            if event.folder:
                lines.append(self.tr("From {folder}").format(folder=event.folder))
            lines.append(self._now(event))
            return "\n".join(lines)
        return None

    def _now(self, event: Event) -> str:
        """How many of the event's photos are shared now, counted (French
        agrees the words with the number)."""
        if event.act in (WITHDRAWN, MOVED):
            return self.tr("%Ln withdrawn", "", event.count)
        if event.still_shared == 0:
            return self.tr("None still shared")
        return self.tr("%Ln still shared", "", event.still_shared)

    def _photo_data(self, photo: Photo, event: Event, column: int, role: int) -> Any:
        if role == SourceRole:
            return photo.source
        if role == Qt.ItemDataRole.DisplayRole:
            if column == WHEN:
                return self._when(photo.time)
            if column == WHAT:
                return _below(photo.source, event.folder)
            if column == PHOTOS:
                return None
            return self._photo_now(photo)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                photo.source,
                self.tr("In the export as: {name}").format(name=photo.export_path),
            ]
            if photo.was:
                lines.append(self.tr("Named before: {name}").format(name=photo.was))
            if photo.reason:
                lines.append(self.tr("Why: {reason}").format(reason=say(photo.reason)))
            lines.append(self._photo_now(photo))
            return "\n".join(lines)
        return None

    def _photo_now(self, photo: Photo) -> str:
        if photo.action == "remove":
            return self.tr("Withdrawn", "a photo")
        if photo.still_shared:
            return self.tr("Still shared", "a photo")
        return self.tr("No longer shared", "a photo")


def _below(path: str, folder: str) -> str:
    """`path` as seen from its event's folder (the row under "Shared 80
    photos from Holidays" reads "2025/IMG_0001.jpg"); the tooltip has it whole."""
    if folder and path.startswith(folder + "/"):
        return path[len(folder) + 1 :]
    return path


class HistoryView(QWidget):
    """The tab: a search box over the history tree."""

    #: Events the search narrowed that are opened to show what matched.
    OPEN_AT_MOST: Final = 20
    #: The narrowest "What happened" column, in average characters.
    WHAT_AT_LEAST: Final = 46

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = HistoryModel(self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the history by photo name, path or action"))
        self.search.setAccessibleName(self.tr("Search the share history"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Share history"))
        self.tree.setUniformRowHeights(True)  # 100,000 rows stay cheap to lay out
        self.tree.setAlternatingRowColors(True)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # "What happened" is shown last: in a narrow window (1024 px, or
        # 150 % scale) the sentence runs past the edge, never "Now", the
        # column that answers "is it still shared?".
        header.moveSection(header.visualIndex(WHAT), len(HistoryModel.COLUMNS) - 1)
        self._size_columns()
        self.tree.viewport().installEventFilter(self)
        # In place of an empty tree: what will appear here, or that the
        # search found nothing.
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setMargin(24)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tree)
        self.pages.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.pages, 1)
        # Filtering 100,000 names takes a few tens of milliseconds: once the
        # typing pauses, not on every key.
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(150)
        self._typing.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._apply_search)
        #: Events opened by hand, by key: open again after a reload.
        self._open: set[int] = set()
        self._opening = False
        self.tree.verticalScrollBar().valueChanged.connect(self._fetch_near)
        self.tree.expanded.connect(self._on_expanded)
        self.tree.collapsed.connect(self._on_collapsed)
        # Open again once the reset is over: opening fetches photos, which
        # must not happen while the model's reset is being announced.
        self._reopening = QTimer(self)
        self._reopening.setSingleShot(True)
        self._reopening.setInterval(0)
        self._reopening.timeout.connect(self._reopen)
        self.model.modelReset.connect(self._reopening.start)
        self.model.modelReset.connect(self._show_empty)
        self._show_empty()

    def set_history(self, history: History | None) -> None:
        self.model.set_history(history)

    @Slot()
    def _show_empty(self) -> None:
        if self.model.rowCount():
            self.pages.setCurrentWidget(self.tree)
            return
        if self.search.text().strip():
            self.empty.setText(self.tr("Nothing in the history matches this search."))
        else:
            self.empty.setText(
                self.tr(
                    "Nothing has been shared yet. Photos you mark shareable are listed "
                    "here once their copies are in the export folder."
                )
            )
        self.pages.setCurrentWidget(self.empty)

    def _size_columns(self) -> None:
        metrics = self.tree.fontMetrics()
        sample = QLocale().toString(QDateTime.currentDateTime(), when_format(QLocale()))
        header = self.tree.header()
        # Room for a photo's indentation (two steps: the event's arrow and
        # its own level) and padding.
        when = metrics.horizontalAdvance(sample) + 2 * self.tree.indentation() + 16
        header.resizeSection(WHEN, when)
        header.resizeSection(PHOTOS, metrics.horizontalAdvance(self.tr("Photos") + "00"))
        widest = max(self.tr("None still shared"), self.tr("%Ln still shared", "", 88888), key=len)
        header.resizeSection(NOW, metrics.horizontalAdvance(widest) + 24)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_what()
        return super().eventFilter(watched, event)

    def _fit_what(self) -> None:
        """ "What happened" takes the room the other columns leave, but never
        less than WHAT_AT_LEAST pixels: in a narrow window the tree scrolls
        sideways rather than eliding every sentence to "S…s"."""
        header = self.tree.header()
        others = sum(header.sectionSize(c) for c in (WHEN, PHOTOS, NOW))
        at_least = self.tree.fontMetrics().averageCharWidth() * self.WHAT_AT_LEAST
        header.resizeSection(WHAT, max(at_least, self.tree.viewport().width() - others))

    @Slot()
    def _apply_search(self) -> None:
        self._typing.stop()
        self.model.set_search(self.search.text())

    @Slot()
    def _reopen(self) -> None:
        """After a reload or a search: the events opened by hand, and those
        the search narrowed (what matched is inside them)."""
        rows = self.model.rows_of(self._open) if self._open else []
        if self.search.text().strip():
            narrowed = [r for r in range(self.model.rowCount()) if self.model.narrowed(r)]
            rows += narrowed[: self.OPEN_AT_MOST]
        self._opening = True
        try:
            for row in rows:
                self.tree.expand(self.model.index(row, 0))
        finally:
            self._opening = False

    @Slot()
    def _fetch_near(self) -> None:
        """More photos of an open event when the rows in view near the last
        one given (QTreeView only fetches for the end of the whole tree)."""
        viewport = self.tree.viewport()
        for y in (1, viewport.height() - 2):
            index = self.tree.indexAt(QPoint(4, y))
            parent = index.parent()
            if parent.isValid() and index.row() >= self.model.given(parent.row()) - NEAR_END:
                self.model.fetch_photos(parent)

    @Slot(QModelIndex)
    def _on_expanded(self, index: QModelIndex) -> None:
        if not self._opening:
            self._open.add(int(index.data(EventKeyRole)))
        if not self.model.given(index.row()):
            self.model.fetch_photos(index)

    @Slot(QModelIndex)
    def _on_collapsed(self, index: QModelIndex) -> None:
        self._open.discard(int(index.data(EventKeyRole)))
