"""How the window's three panels share its width: the grid comes first.

The photo grid is what a person works in, so it keeps at least
`MIN_COLUMNS` columns of thumbnails whenever the window allows it; the
inspector is the panel that gives way. When the window narrows (a small
screen, 150 % scale), the inspector shrinks to `MIN_INSPECTOR`, then
collapses, and only then does the library tree narrow, to `MIN_LEFT`. When
the window widens again, the inspector comes back at the width the person
gave it.

The person decides too: View > Show inspector (Ctrl+I) hides or shows it,
and dragging the splitter sets each panel's width (dragging the inspector
to the edge hides it). Those choices are kept in QSettings (`view/...`)
across restarts; what the window did on its own to make room is not.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Slot
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import QListView, QSplitter, QStyle, QWidget

#: Thumbnail columns the grid keeps before anything else gets room.
MIN_COLUMNS = 3
#: Below this the inspector is no use: it collapses instead.
MIN_INSPECTOR = 220
#: The library tree never gets narrower than this.
MIN_LEFT = 140
#: Widths on first run, in logical pixels.
DEFAULT_LEFT = 240
DEFAULT_INSPECTOR = 300
#: The window's size on first run (never larger than the screen).
DEFAULT_SIZE = QSize(1360, 860)


def default_size(window: QWidget) -> QSize:
    """The first-run window size: `DEFAULT_SIZE`, within the screen."""
    screen = window.screen()
    if screen is None:
        return QSize(DEFAULT_SIZE)
    room = screen.availableGeometry().size()
    return DEFAULT_SIZE.boundedTo(room)


class PanelSplitter(QSplitter):
    """Tree | centre (the tabs holding `grid`) | inspector, laid out so the
    grid keeps its columns; `toggle` is the Show inspector command."""

    def __init__(
        self,
        left: QWidget,
        centre: QWidget,
        inspector: QWidget,
        *,
        grid: QListView,
        toggle: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setObjectName("main-splitter")
        for widget in (left, centre, inspector):
            self.addWidget(widget)
        self.setStretchFactor(1, 1)
        self.setCollapsible(0, False)
        self.setCollapsible(1, False)
        self.setCollapsible(2, True)
        self._grid = grid
        self._centre = centre
        self.toggle = toggle
        #: The person's choices: the tree's and the inspector's widths, and
        #: whether they want the inspector at all.
        self.left_width = DEFAULT_LEFT
        self.inspector_width = DEFAULT_INSPECTOR
        self.wanted = True
        self._fitted: list[int] = []
        toggle.setCheckable(True)
        toggle.setChecked(True)
        toggle.triggered.connect(self.show_inspector)
        self.splitterMoved.connect(self._moved)
        self.setSizes([DEFAULT_LEFT, 760, DEFAULT_INSPECTOR])

    # ------------------------------------------------------------ measure

    def columns(self) -> int:
        """Thumbnail columns the grid shows now."""
        cell = max(1, self._grid.gridSize().width())
        return self._grid.viewport().width() // cell

    def needed(self) -> int:
        """The centre panel's width for `MIN_COLUMNS` columns, with room for
        the grid's frame, the tab pane and a vertical scroll bar."""
        cell = max(1, self._grid.gridSize().width())
        bar = self._grid.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        if self.isVisible() and self._grid.width() > 0:
            chrome = self._centre.width() - self._grid.viewport().width()
            if self._grid.verticalScrollBar().isVisible():
                bar = 0
        else:
            chrome = 2 * self._grid.frameWidth() + 12
        return MIN_COLUMNS * cell + chrome + bar + 2

    # ---------------------------------------------------------------- fit

    def fit(self, *, explicit: bool = False) -> None:
        """Share the width: tree and grid first, the inspector what is left
        (up to its own width); `explicit`: the person just asked to see the
        inspector, so it shows at least at `MIN_INSPECTOR`."""
        total = sum(self.sizes())
        if total <= 0:
            return
        need = self.needed()
        left = self.left_width
        room = total - left - need
        if self.wanted and room >= MIN_INSPECTOR:
            inspector = min(self.inspector_width, room)
        elif self.wanted and explicit:
            inspector = min(self.inspector_width, MIN_INSPECTOR)
        else:
            inspector = 0
        if total - left - inspector < need:  # the tree gives way last
            left = max(MIN_LEFT, min(left, total - need - inspector))
        self.setSizes([left, max(0, total - left - inspector), inspector])
        self._fitted = self.sizes()
        self._show_toggle(self._fitted[2] > 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    @Slot(bool)
    def show_inspector(self, show: bool) -> None:
        """View > Show inspector."""
        self.wanted = show
        self.fit(explicit=show)

    @property
    def inspector_shown(self) -> bool:
        return self.sizes()[2] > 0

    def _show_toggle(self, shown: bool) -> None:
        if self.toggle.isChecked() != shown:
            self.toggle.blockSignals(True)
            self.toggle.setChecked(shown)
            self.toggle.blockSignals(False)

    @Slot(int, int)
    def _moved(self, pos: int = 0, index: int = 0) -> None:
        """The person dragged a handle (or code set sizes): adopt them."""
        sizes = self.sizes()
        self.left_width = sizes[0]
        if sizes[2] > 0:
            self.inspector_width = sizes[2]
            self.wanted = True
        else:
            self.wanted = False
        self._fitted = sizes
        self._show_toggle(sizes[2] > 0)

    # ---------------------------------------------------------- settings

    def save(self, settings: QSettings) -> None:
        """Keep the person's widths (not the room made on their behalf)."""
        if self.sizes() != self._fitted:
            self._moved()
        settings.setValue("view/tree-width", self.left_width)
        settings.setValue("view/inspector-width", self.inspector_width)
        settings.setValue("view/inspector", self.wanted)

    def restore(self, settings: QSettings) -> None:
        left = settings.value("view/tree-width", DEFAULT_LEFT, type=int)
        inspector = settings.value("view/inspector-width", DEFAULT_INSPECTOR, type=int)
        wanted = settings.value("view/inspector", True, type=bool)
        self.left_width = max(MIN_LEFT, left) if isinstance(left, int) else DEFAULT_LEFT
        if isinstance(inspector, int) and inspector >= MIN_INSPECTOR:
            self.inspector_width = inspector
        self.wanted = bool(wanted)
        self.fit()
