"""How the grid is arranged: thumbnail size, and the order (name or date taken).

People expect to make thumbnails bigger or smaller (a slider, Ctrl++ and
Ctrl+-) and to see their photos by when they were taken, under month
headers, as every photo app shows them. Both choices are kept in QSettings
("view/thumb_size", "view/sort").

Dates taken come from core (`Engine.capture_dates`, which reads EXIF and
keeps the answers in the database) on the rules thread, after the grid is
shown, a slice of at most ~150 ms at a time so a tag never waits long
behind them; the grid switches to date order once every photo's date is
known. They are kept on the `PhotoStore` (`taken`), and the worker that
builds the next snapshot carries them over, so only new photos are read.
The model makes the order and its month headers (`PhotoModel.set_order`,
`set_dates`); the delegate paints headers and cells at the chosen size;
the grid lays them out (`PhotoGrid.set_cells`).
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSlider, QWidget

from pellicle.core.dates import BATCH
from pellicle.core.engine import Engine
from pellicle.gui.delegate import THUMB, THUMB_SIZES, PhotoDelegate, cell_size
from pellicle.gui.models import BY_DATE, BY_NAME, PhotoModel
from pellicle.gui.snapshot import Dates, PhotoStore
from pellicle.gui.tasks import EngineThread
from pellicle.gui.throttle import Throttle
from pellicle.gui.views import PhotoGrid

#: Longest a slice of date reading holds the rules thread (seconds).
SLICE_S = 0.15
#: Fewer photos to read than this: no note in the status bar.
QUIET_BELOW = 2000


def nearest_size(thumb: int) -> int:
    """The offered size nearest `thumb` (a hand-edited setting, an old one)."""
    return min(THUMB_SIZES, key=lambda size: abs(size - thumb))


def read_dates(engine: Engine, store: PhotoStore, rows: Sequence[int] | Dates) -> list[int]:
    """Dates taken of the first of `rows` (runs on the rules thread): as
    many as fit in `SLICE_S`, at least one batch."""
    out: list[int] = []
    start = time.monotonic()
    ids, rels = store.root_ids, store.rels
    for first in range(0, len(rows), BATCH):
        chunk = rows[first : first + BATCH]
        out.extend(engine.capture_dates([(ids[i], rels[i]) for i in map(int, chunk)]))
        if time.monotonic() - start > SLICE_S:
            break
    return out


class SizeSlider(QWidget):
    """The thumbnail size slider, for the status bar (digiKam's place)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, len(THUMB_SIZES) - 1)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.NoTicks)
        self.slider.setFixedWidth(110)
        self.slider.setAccessibleName(self.tr("Thumbnail size"))
        self.slider.setToolTip(self.tr("Thumbnail size (Ctrl++ larger, Ctrl+- smaller)"))
        small, large = QLabel("▫"), QLabel("◻")
        for label in (small, large):
            label.setAccessibleName(self.tr("Thumbnail size"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(small)
        layout.addWidget(self.slider)
        layout.addWidget(large)


class Arrangement(QObject):
    """Thumbnail size and order of the grid, remembered, and the dates taken."""

    #: BY_NAME or BY_DATE: the order chosen (the View menu follows it).
    order_changed = Signal(str)
    #: The thumbnail size chosen (logical pixels).
    size_changed = Signal(int)
    #: A passing note (text, timeout ms) and an error, for the status bar.
    message = Signal(str, int)
    failed = Signal(str)

    def __init__(
        self,
        grid: PhotoGrid,
        delegate: PhotoDelegate,
        model: PhotoModel,
        rules: EngineThread,
        settings: QSettings,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._grid, self._delegate, self._model = grid, delegate, model
        self._rules, self._settings = rules, settings
        self.slider = SizeSlider()
        self._reading: Throttle[[]] = Throttle(self._read, parent=self)
        self._stopped = False
        size = settings.value("view/thumb_size", THUMB, type=int)
        self.thumb = nearest_size(size if isinstance(size, int) else THUMB)
        order = settings.value("view/sort", BY_NAME)
        self.order = BY_DATE if order == BY_DATE else BY_NAME
        self.slider.slider.setValue(THUMB_SIZES.index(self.thumb))
        self.slider.slider.valueChanged.connect(self._on_slider)
        self._apply()
        model.set_order(self.order)

    # ------------------------------------------------------------ size

    @Slot()
    def larger(self) -> None:
        self.set_thumb(THUMB_SIZES[min(THUMB_SIZES.index(self.thumb) + 1, len(THUMB_SIZES) - 1)])

    @Slot()
    def smaller(self) -> None:
        self.set_thumb(THUMB_SIZES[max(THUMB_SIZES.index(self.thumb) - 1, 0)])

    @Slot(int)
    def _on_slider(self, step: int) -> None:
        self.set_thumb(THUMB_SIZES[step])

    def set_thumb(self, thumb: int) -> None:
        thumb = nearest_size(thumb)
        if thumb == self.thumb:
            return
        # Keep the photo in view that the person was looking at.
        current = self._grid.currentIndex()
        self.thumb = thumb
        self.slider.slider.setValue(THUMB_SIZES.index(thumb))
        self._settings.setValue("view/thumb_size", thumb)
        self._apply()
        if current.isValid():
            self._grid.scrollTo(current)
        self.size_changed.emit(thumb)

    def _apply(self) -> None:
        self._delegate.set_thumb(self.thumb)
        self._grid.set_cells(cell_size(self.thumb), headers=self._model.dated())
        self._grid.viewport().update()

    # ----------------------------------------------------------- order

    @Slot()
    def by_name(self) -> None:
        self.set_order(BY_NAME)

    @Slot()
    def by_date(self) -> None:
        self.set_order(BY_DATE)

    def set_order(self, order: str) -> None:
        if order == self.order:
            return
        self.order = order
        self._settings.setValue("view/sort", order)
        self._model.set_order(order)
        self._apply()
        current = self._grid.currentIndex()
        if current.isValid():
            self._grid.scrollTo(current)
        self.order_changed.emit(order)
        self.follow()

    @Slot()
    @Slot(object)
    def follow(self, _snapshot: object = None) -> None:
        """The grid shows new photos, or date order was chosen: read the
        dates not known yet (only in date order)."""
        self._grid.set_cells(cell_size(self.thumb), headers=self._model.dated())
        if self.order == BY_DATE and not self._stopped:
            self._reading()

    def _read(self) -> bool:
        store = self._model.store()
        rows = self._model.undated()
        if not len(rows) or self._stopped:
            return False
        total = len(rows)
        got: list[int] = []

        def next_slice() -> None:
            done = len(got)
            rest = rows[done:]
            if total >= QUIET_BELOW:
                self.message.emit(
                    self.tr("Reading the dates photos were taken: {done} of {total}").format(
                        done=QLocale().toString(done), total=QLocale().toString(total)
                    ),
                    3000,
                )
            job = self._rules.submit(lambda engine: read_dates(engine, store, rest), arrived,
                                     failed)  # fmt: skip
            if job < 0:  # the window is closing
                self._reading.finished()

        def arrived(result: object) -> None:
            assert isinstance(result, list)
            got.extend(result)
            if len(got) < total and result and not self._stopped:
                next_slice()
                return
            if self._model.set_dates(store, rows[: len(got)], got):
                self._grid.set_cells(cell_size(self.thumb), headers=self._model.dated())
                current = self._grid.currentIndex()
                if current.isValid():
                    self._grid.scrollTo(current)  # the photo being looked at moved
            self._reading.finished()

        def failed(error: str) -> None:
            self.failed.emit(error)
            self._reading.finished()

        next_slice()
        return True

    def stop(self) -> None:
        """No more reading (the window is closing)."""
        self._stopped = True
        self._reading.cancel()
