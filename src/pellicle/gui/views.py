"""The grid, the library tree and the sidebar drop targets, with drag and drop.

Drag and drop in Pellicle only ever changes rules. Drags start as
CopyAction only and every drop is accepted as CopyAction (picard's rule: a
MoveAction from a file manager can delete the user's file), and no view
ever writes, moves or deletes a file. What each drop means:

- onto the "Shareable" / "Private" targets: mark the dropped photos or
  folders so;
- onto a folder in the tree: give the dropped items that folder's decision,
  as their own rule (a user dragging photos "into" a shareable folder
  expects them to be shared like it; Pellicle never moves them there, and
  says so first: `folderdrop`);
- from the file manager onto the rest of the window: inside a library,
  ask shareable or private; outside, offer to add the folder as a library.

Views emit `dropped(paths, decision_or_None, external)`; `tagging` acts.
The grid and the tree also keep their own selection and open folders
across a new snapshot (`select_rows`, `expanded_keys`/`restore_expansion`).
`GridHeader` is the line above the grid saying which folder it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSizePolicy,
    QTreeView,
    QWidget,
)

from pellicle.gui.delegate import CELL
from pellicle.gui.dragimage import make_drag
from pellicle.gui.models import MIME_PATHS, FolderModel, FolderRole, KeyRole, paths_from_mime
from pellicle.gui.snapshot import FolderItem


def acceptable(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> bool:
    mime = event.mimeData()
    return mime.hasFormat(MIME_PATHS) or mime.hasUrls()


def accept_as_copy(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> None:
    event.setDropAction(Qt.DropAction.CopyAction)
    event.accept()


def menu_position(view: QAbstractItemView, pos: QPoint) -> QPoint:
    """Where a view's context menu opens, in global coordinates. The menu
    acts on the item under the pointer: it becomes current if it is not
    selected already (a right click outside the selection)."""
    index = view.indexAt(pos)
    if index.isValid() and not view.selectionModel().isSelected(index):
        view.setCurrentIndex(index)
    return view.viewport().mapToGlobal(pos)


class PhotoGrid(QListView):
    """Thumbnails in a wrapping grid; drags out photo paths (copy only)."""

    #: The context menu was asked for at this global position.
    menu_requested = Signal(QPoint)
    #: Space, Enter or a double-click asked to see this row large.
    open_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(CELL)
        self.setSpacing(0)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(500)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_menu)
        self.setAccessibleName(self.tr("Photos"))
        self.setAccessibleDescription(
            self.tr("Photos in the library. S marks shareable, P private, U clears the mark.")
        )

    def _on_menu(self, pos: QPoint) -> None:
        self.menu_requested.emit(menu_position(self, pos))

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # A drag out of Pellicle is only ever a copy: a move could delete
        # the person's file. The drag image is a small tile (`dragimage`).
        drag = make_drag(self)
        if drag is not None:
            drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Space, Enter: the large preview, as in photo apps (Ctrl+Space
        # still toggles the selection, as in every list).
        keys = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if event.key() in keys and plain and self.currentIndex().isValid():
            self.open_requested.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and event.button() == Qt.MouseButton.LeftButton:
            self.open_requested.emit(index.row())
            return
        super().mouseDoubleClickEvent(event)

    # -- cell size and month headers (set by `arrange`)

    def set_cells(self, cell: QSize, *, headers: bool) -> None:
        """Cells of `cell`. With `headers` (date order) items take their
        own sizes, so a month header (as wide as the grid, see the
        delegate) sits on a line of its own; without, a fixed grid, which
        lays out 100,000 photos without asking each one its size."""
        if (headers, cell) == (self._headers, self._cell):
            return
        self._headers, self._cell = headers, QSize(cell)
        self.setUniformItemSizes(not headers)
        self.setGridSize(QSize() if headers else cell)
        self.scheduleDelayedItemsLayout()

    _headers = False
    _cell = QSize()

    def _is_header(self, index: QModelIndex) -> bool:
        model = self.model()
        test = getattr(model, "is_header", None)
        return index.isValid() and callable(test) and bool(test(index.row()))

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Arrow keys, Home, End and pages skip month headers."""
        move = QAbstractItemView.CursorAction
        current = self.currentIndex()
        if self._headers and current.isValid() and cursorAction in (move.MoveUp, move.MoveDown):
            found = self._photo_beyond(current, down=cursorAction == move.MoveDown)
            return found if found.isValid() else current
        index = super().moveCursor(cursorAction, modifiers)
        if not self._is_header(index):
            return index
        back = (move.MoveUp, move.MoveLeft, move.MovePrevious, move.MovePageUp)
        step = -1 if cursorAction in back else 1
        model = self.model()
        row = index.row() + step
        while 0 <= row < model.rowCount() and self._is_header(model.index(row, 0)):
            row += step
        if 0 <= row < model.rowCount():
            return model.index(row, 0)
        return current if current.isValid() else QModelIndex()

    def _photo_beyond(self, current: QModelIndex, *, down: bool) -> QModelIndex:
        """The photo on the line above or below `current`, in its column
        or the nearest one to its left (a month's last line may be short),
        past a month header."""
        rect = self.visualRect(current)
        half = max(rect.height() // 2, 1)
        x = rect.center().x()
        y = rect.bottom() + half if down else rect.top() - half
        for _ in range(3):
            index = self.indexAt(QPoint(x, y))
            if self._is_header(index):
                header = self.visualRect(index)
                y = header.bottom() + half if down else header.top() - half
                continue
            if index.isValid():
                return index
            for left in range(x - rect.width(), 0, -rect.width()):
                index = self.indexAt(QPoint(left, y))
                if index.isValid() and not self._is_header(index):
                    return index
            break
        return QModelIndex()

    def selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.selectionModel().selectedIndexes()})

    def select_rows(self, rows: Sequence[int]) -> None:
        """Select exactly these rows (ascending), as few ranges as possible;
        no signal when that is already the selection."""
        model = self.model()
        selection = QItemSelection()
        start = prev = -1
        for row in rows:
            if row == prev + 1 and start >= 0:
                prev = row
                continue
            if start >= 0:
                selection.select(model.index(start, 0), model.index(prev, 0))
            start = prev = row
        if start >= 0:
            selection.select(model.index(start, 0), model.index(prev, 0))
        selected = self.selectionModel()
        if selection.indexes() != selected.selection().indexes():
            selected.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)


class FolderTree(QTreeView):
    """Roots and folders with badges; accepts drops onto a folder."""

    dropped = Signal(list, object, bool)  # paths, FolderItem, external
    menu_requested = Signal(QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        # Badges take the right of a row; a long name keeps its start and end.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_menu)
        self.setAccessibleName(self.tr("Library folders"))
        self.setAccessibleDescription(
            self.tr(
                "Library folders with their decision. Drop photos on a folder to give them "
                "that folder's decision."
            )
        )

    def _on_menu(self, pos: QPoint) -> None:
        self.menu_requested.emit(menu_position(self, pos))

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        drag = make_drag(self)  # copy only, with a small tile, as the grid
        if drag is not None:
            drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def expanded_keys(self) -> set[object]:
        """The keys (`KeyRole`) of every expanded folder."""
        keys = set()
        model = self.model()
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop()
            if self.isExpanded(index):
                keys.add(index.data(KeyRole))
            stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
        return keys

    def restore_expansion(self, expanded: set[object], current: object) -> None:
        """Expand these folders again and make `current` current (after the
        model was rebuilt); with none expanded yet, open the roots."""
        model = self.model()
        if not expanded:
            for r in range(model.rowCount()):
                self.expand(model.index(r, 0))
            return
        for key in expanded:
            index = self._index_of(key)
            if index.isValid():
                self.expand(index)
        if current is not None:
            index = self._index_of(current)
            if index.isValid() and index != self.currentIndex():
                self.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate
                )

    def _index_of(self, key: object) -> QModelIndex:
        model = self.model()
        if isinstance(model, FolderModel) and isinstance(key, tuple):
            return model.index_of(key)
        return QModelIndex()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if acceptable(event):
            accept_as_copy(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if acceptable(event) and self.folder_at(event.position().toPoint()) is not None:
            accept_as_copy(event)
        else:
            event.ignore()

    def folder_at(self, pos: QPoint) -> FolderItem | None:
        index: QModelIndex = self.indexAt(pos)
        folder = index.data(FolderRole) if index.isValid() else None
        return folder if isinstance(folder, FolderItem) else None

    def dropEvent(self, event: QDropEvent) -> None:
        # Never hand the event to QTreeView: its default would ask the model
        # to insert (or, for a move, remove) rows.
        folder = self.folder_at(event.position().toPoint())
        paths, external = paths_from_mime(event.mimeData())
        if folder is None or not paths:
            event.ignore()
            return
        accept_as_copy(event)
        paths = [p for p in paths if p != folder.path]
        if paths:
            self.dropped.emit(paths, folder, external)  # `folderdrop` asks first


class GridHeader(QLabel):
    """Above the grid: which folder it shows and its counts ("Holidays 2024
    — 126 photos, 80 shareable", or "All photos — ...").

    A long folder name is elided in the middle (its start and its end are
    what tell folders apart); the full path is the tooltip. The counts are
    never elided.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self._counts = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # Ignored: a long name must never widen the window; it elides instead.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setContentsMargins(6, 4, 6, 2)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.show_scope(None, "", photos=0, shareable=0)

    def show_scope(
        self, name: str | None, path: str, *, photos: int, shareable: int, shown: int | None = None
    ) -> None:
        """Show folder `name` at `path` (None: every photo of `path`, the
        libraries), holding `photos`, `shareable` of them; `shown` is how
        many the filter and search leave, when they leave fewer."""
        self._name = name if name is not None else self.tr("All photos")
        counts = (
            self.tr("%Ln photo(s)", "", photos) + ", " + self.tr("%Ln shareable", "", shareable)
        )
        if shown is not None and shown != photos:
            counts += " · " + self.tr("%Ln shown", "", shown)
        self._counts = counts
        self.setToolTip(path)
        self.setAccessibleName(self.tr("Showing {name}").format(name=self._name))
        self.setAccessibleDescription(f"{path}\n{counts}" if path else counts)
        self._elide()

    def full_text(self) -> str:
        return f"{self._name} — {self._counts}"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        tail = f" — {self._counts}"
        room = self.contentsRect().width() - metrics.horizontalAdvance(tail) - 4
        name = metrics.elidedText(self._name, Qt.TextElideMode.ElideMiddle, max(room, 40))
        self.setText(name + tail)
