"""The large preview: one photo at the size of the window, and on request
its exported copy beside it.

People expect to look at a photo before deciding what to do with it, and a
144 px thumbnail is not enough to see who is in it. Like Shotwell and
gThumb, Pellicle shows the photo large *inside* its window (a page that
takes the place of the library views, not a separate window): Space, Enter
or a double-click on the grid opens it; Left/Right (and Home/End) walk the
grid's photos in its current order and filter, stopping at the ends; Esc
(or Space, or a double-click) goes back to the grid with the last photo
looked at selected and in view. The grid's selection follows the preview,
so S / P / U mark the photo on screen.

"Compare with the exported copy" (C) puts the copy apps get beside the
original, read from the export folder; a private photo, or one not
exported yet, says so instead. Videos show their first frame and RAW files
the preview their camera embedded (the thumbnails' code, larger), with a
note saying so.

Decoding happens on an `ImageDecoder` pool (`tasks`): a placeholder shows
meanwhile, a result for a photo the person already moved away from is
never shown in its place, and the next photo the way the person walks is
read ahead, so stepping through at a normal pace never waits. Where the exported copy lives
is asked of the engine on the rules thread, as the inspector does.
"""

from __future__ import annotations

import html
import math
import os
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QLocale, QModelIndex, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pellicle.core.engine import Engine
from pellicle.core.formats import VIDEO
from pellicle.gui.delegate import BADGE_COLOURS, BADGE_TEXT, badge_text
from pellicle.gui.models import PhotoRole
from pellicle.gui.snapshot import COPY, PRIVATE, PROBLEM, PhotoItem
from pellicle.gui.tasks import EngineThread, ImageDecoder
from pellicle.gui.views import PhotoGrid
from pellicle.i18n import say

#: The largest side decoded (device pixels): a 4K screen's width. Bigger
#: would only cost memory; two images this size are about 70 MB.
MAX_SIDE = 3840
#: Pixel memory for originals kept decoded while the preview is open (the
#: one shown, the next one read ahead, those just left), so going back a
#: photo or turning comparison on and off is instant: about a dozen photos
#: at 1600 px, two at 3840 px.
KEPT_BYTES = 64 << 20

ORIGINAL, EXPORTED = "original", "exported"


def export_path_job(path: str) -> Callable[[Engine], str | None]:
    """A job for an engine thread: where `path`'s exported copy is, if any."""

    def job(engine: Engine) -> str | None:
        exported = engine.explain(path).exported_as
        return os.path.join(engine.export_dir, exported) if exported else None

    return job


class ImageView(QWidget):
    """One image, fit to the widget (never enlarged past its own size),
    centred on a dark backdrop; or one line of text where there is none."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)
        self._pixmap: QPixmap | None = None
        #: The pixmap scaled to the size it is painted at: smooth scaling a
        #: screen-sized photo takes ~10 ms, paid once per size, not per paint.
        self._scaled: QPixmap | None = None
        self._text = ""
        #: The file the image shown was read from ("" when none).
        self.source = ""

    @property
    def text(self) -> str:
        return self._text

    @property
    def has_image(self) -> bool:
        return self._pixmap is not None

    def image_size(self) -> QSize:
        return self._pixmap.size() if self._pixmap is not None else QSize()

    def set_image(self, image: QImage, source: str) -> None:
        self._pixmap = QPixmap.fromImage(image)
        self._scaled = None
        self.source = source
        self._text = ""
        self.setAccessibleDescription("")
        self.update()

    def set_text(self, text: str) -> None:
        self._pixmap = self._scaled = None
        self.source = ""
        self._text = text
        self.setAccessibleDescription(text)
        self.update()

    def image_rect(self) -> QRectF:
        """Where the image is painted, in logical pixels (fit, centred)."""
        if self._pixmap is None:
            return QRectF()
        ratio = self.devicePixelRatioF()
        w, h = self._pixmap.width() / ratio, self._pixmap.height() / ratio
        scale = min(self.width() / w, self.height() / h, 1.0)
        w, h = w * scale, h * scale
        return QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        # Photo viewers show photos on a dark ground whatever the theme (a
        # light one changes how the picture's own tones look): the window's
        # colour, much darker, is near-black on light and dark themes alike.
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window).darker(400))
        if self._pixmap is not None:
            target = self.image_rect()
            ratio = self.devicePixelRatioF()
            size = QSize(round(target.width() * ratio), round(target.height() * ratio))
            if self._scaled is None or self._scaled.size() != size:
                self._scaled = self._pixmap.scaled(
                    size,
                    Qt.AspectRatioMode.IgnoreAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                self._scaled.setDevicePixelRatio(ratio)
            painter.drawPixmap(target.topLeft(), self._scaled)
        elif self._text:
            painter.setPen(QColor(Qt.GlobalColor.white))
            painter.drawText(
                self.rect().adjusted(16, 16, -16, -16),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self._text,
            )
        painter.end()


class Pane(QWidget):
    """A caption (shown only when comparing) above an `ImageView`."""

    def __init__(self, caption: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = QLabel(caption)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view = ImageView(name, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)


class Preview(QWidget):
    """The large preview page. `attach` puts it in a window; `open_row`
    shows a grid row; `closed` says the grid is back."""

    #: The preview closed; the grid shows again.
    closed = Signal()
    #: A photo is on screen (its path): tests and the window may follow it.
    shown = Signal(str)

    def __init__(self, grid: PhotoGrid, rules: EngineThread, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = grid
        self._rules = rules
        self._decoder = ImageDecoder(parent=self)
        self._decoder.decoded.connect(self._on_decoded)
        self._stack: QStackedWidget | None = None
        self._item: PhotoItem | None = None
        self._token = 0
        self._kept: OrderedDict[str, tuple[QImage, str]] = OrderedDict()
        #: Originals asked of the decoder and not delivered nor dropped yet.
        self._requested: set[str] = set()
        #: Which way the person walks (+1, -1): the photo read ahead.
        self._direction = 1
        self._export_pending = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.tr("Large preview"))
        self.setAccessibleDescription(
            self.tr("Left and Right: previous and next photo. C: compare with the exported "
                    "copy. Esc: back to the photos.")
        )  # fmt: skip

        self.previous = self._button(self.tr("◀ P&revious"), self.tr("Previous photo (Left)"))
        self.next = self._button(self.tr("&Next ▶"), self.tr("Next photo (Right)"))
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.title.setWordWrap(True)
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title.setAccessibleName(self.tr("Photo and decision"))
        self.compare = self._button(
            self.tr("&Compare with the exported copy"),
            self.tr("Show the copy apps get beside the original (C)"),
        )
        self.compare.setCheckable(True)
        self.close_button = self._button(
            self.tr("&Back to photos"), self.tr("Back to the photos (Esc)")
        )
        header = QHBoxLayout()
        header.setContentsMargins(8, 6, 8, 4)
        header.addWidget(self.previous)
        header.addWidget(self.next)
        header.addWidget(self.title, 1)
        header.addWidget(self.compare)
        header.addWidget(self.close_button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setContentsMargins(8, 0, 8, 0)
        self.note.hide()

        self.original = Pane(
            self.tr("<b>The original</b> (stays on this computer)"), self.tr("The original")
        )
        self.exported = Pane(
            self.tr("<b>The exported copy</b> (what apps see)"), self.tr("The exported copy")
        )
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        body.addWidget(self.original, 1)
        body.addWidget(self.exported, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        self._show_comparison(False)

        self.previous.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        self.compare.toggled.connect(self._show_comparison)
        self.close_button.clicked.connect(self.close_preview)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        # The page keeps the keyboard: arrows and Esc must not stop on a button.
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        return button

    # ------------------------------------------------------------ placing

    def attach(self, window: QMainWindow) -> None:
        """Become a page of `window`: its central widget and this preview
        share a stack, so the library views are hidden (not merely covered)
        while a photo is shown, and Tab never reaches them."""
        library = window.takeCentralWidget()
        if library is None:
            raise ValueError("the window has no central widget to share")
        stack = QStackedWidget(window)
        stack.addWidget(library)
        stack.addWidget(self)
        window.setCentralWidget(stack)
        self._stack = stack

    @property
    def is_open(self) -> bool:
        return self._stack is not None and self._stack.currentWidget() is self

    @property
    def item(self) -> PhotoItem | None:
        """The photo on screen."""
        return self._item

    # ------------------------------------------------------------ showing

    @Slot(int)
    def open_row(self, row: int) -> None:
        """Show the grid's `row` large."""
        item = self._photo_at(row)
        if item is None:
            return
        if self._stack is not None:
            self._stack.setCurrentWidget(self)
        self._direction = 1
        self._show(item, row)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def toggle(self) -> None:
        """View > Large preview: open the grid's current photo, or close."""
        if self.is_open:
            self.close_preview()
        elif self._grid.currentIndex().isValid():
            self.open_row(self._grid.currentIndex().row())

    @Slot()
    def close_preview(self) -> None:
        """Back to the grid, the last photo shown selected and in view."""
        if not self.is_open:
            return
        self._token += 1  # anything still decoding is for a page now gone
        self._forget(self._decoder.drop_queued())
        self._kept.clear()
        assert self._stack is not None
        self._stack.setCurrentIndex(0)
        row = self._row_of(self._item)
        if row is not None:
            index = self._grid.model().index(row, 0)
            self._grid.scrollTo(index, PhotoGrid.ScrollHint.PositionAtCenter)
        self._grid.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def step(self, delta: int) -> None:
        """Move `delta` photos along the grid (stopping at the ends)."""
        row = self._row_of(self._item)
        count = self._grid.model().rowCount()
        if row is None:
            # The photo left the grid (a filter, a deletion): start again
            # from the end the person walks towards.
            start = 0 if delta > 0 else count - 1
        else:
            start = row + delta
        direction = self._direction = 1 if delta > 0 else -1
        for target in range(start, count if direction > 0 else -1, direction):
            item = self._photo_at(target)
            if item is not None:
                self._show(item, target)
                return

    def go_to_end(self, last: bool) -> None:
        count = self._grid.model().rowCount()
        rows = range(count - 1, -1, -1) if last else range(count)
        self._direction = -1 if last else 1
        for row in rows:
            item = self._photo_at(row)
            if item is not None:
                self._show(item, row)
                return

    @Slot()
    def refresh(self) -> None:
        """A new snapshot was applied: show the photo's decision as it is
        now, and look for its exported copy again if that may have changed."""
        if not self.is_open or self._item is None:
            return
        row = self._row_of(self._item)
        item = self._photo_at(row) if row is not None else None
        if item is None:
            self._update_header(self._item, None)
            return
        changed = item.badge != self._item.badge or item.problem != self._item.problem
        self._item = item
        self._update_header(item, row)
        if self.compare.isChecked() and (changed or self._export_pending):
            self._load_export(item)

    def _show(self, item: PhotoItem, row: int) -> None:
        self._token += 1
        self._forget(self._decoder.drop_queued())
        self._item = item
        self._select(row)
        self._update_header(item, row)
        self.note.hide()
        kept = self._kept.get(item.path)
        if kept is not None:
            self._kept.move_to_end(item.path)
            self.original.view.set_image(kept[0], item.path)
            self._note_kind(kept[1])
            self._look_ahead()
        else:
            self.original.view.set_text(self.tr("Loading…"))
            if item.path not in self._requested:  # else already decoding: it will show
                self._request(item.path)
        if self.compare.isChecked():
            self._load_export(item)
        self.shown.emit(item.path)

    def _load_export(self, item: PhotoItem) -> None:
        view = self.exported.view
        self._export_pending = False
        if item.badge in (PRIVATE, COPY):
            view.set_text(self.tr("Not in the export: this photo is private."))
            return
        if item.badge == PROBLEM:
            reason = say(item.problem) if item.problem else self.tr("it cannot be exported")
            view.set_text(self.tr("Not in the export: {reason}").format(reason=reason))
            return
        view.set_text(self.tr("Loading…"))
        token = self._token

        def found(result: object) -> None:
            if token != self._token:
                return  # the person moved on
            if isinstance(result, str):
                self._decoder.decode((EXPORTED, token, result), result, self._side())
            else:
                self._export_pending = True  # a later snapshot may bring it
                view.set_text(self.tr("Not exported yet: it appears after the next sync."))

        def failed(error: str) -> None:
            if token == self._token:
                view.set_text(
                    self.tr("Cannot find the exported copy: {reason}").format(reason=say(error))
                )

        self._rules.submit(export_path_job(item.path), found, failed)

    def _request(self, path: str) -> None:
        self._requested.add(path)
        self._decoder.decode((ORIGINAL, path), path, self._side())

    def _forget(self, dropped: list[object]) -> None:
        """Decodes dropped before they started will never deliver."""
        for key in dropped:
            if isinstance(key, tuple) and key[0] == ORIGINAL:
                self._requested.discard(key[1])

    def _look_ahead(self) -> None:
        """Decode the next photo the way the person walks, once the one on
        screen is done: holding an arrow key then shows each photo at once."""
        row = self._row_of(self._item)
        if not self.is_open or row is None:
            return
        count = self._grid.model().rowCount()
        target = row + self._direction
        while 0 <= target < count:
            item = self._photo_at(target)
            if item is not None:
                if item.path not in self._kept and item.path not in self._requested:
                    self._request(item.path)
                return
            target += self._direction

    def _keep(self, path: str, image: QImage, kind: str) -> None:
        self._kept[path] = (image, kind)
        self._kept.move_to_end(path)
        held = sum(kept.sizeInBytes() for kept, _ in self._kept.values())
        while held > KEPT_BYTES and len(self._kept) > 1:
            _, (dropped, _) = self._kept.popitem(last=False)
            held -= dropped.sizeInBytes()

    @Slot(object, QImage, object, str)
    def _on_decoded(self, key: object, image: QImage, error: object, kind: str) -> None:
        if not isinstance(key, tuple):
            return
        reason = say(error) if isinstance(error, str) and error else self.tr("unknown error")
        if key[0] == EXPORTED:
            _, token, path = key
            if token != self._token:
                return  # a photo the person already moved away from
            if image.isNull():
                text = self.tr("Cannot show the exported copy: {reason}")
                self.exported.view.set_text(text.format(reason=reason))
            else:
                self.exported.view.set_image(image, path)
            return
        # An original: the photo on screen, one read ahead, or one already
        # left (kept for going back, never shown in another photo's place).
        _, path = key
        self._requested.discard(path)
        current = self.is_open and self._item is not None and self._item.path == path
        if image.isNull():
            if current:
                text = self.tr("Cannot show this photo: {reason}")
                self.original.view.set_text(text.format(reason=reason))
                self._look_ahead()
            return
        if self.is_open:
            self._keep(path, image, kind)
        if current and self.original.view.source != path:
            self.original.view.set_image(image, path)
            self._note_kind(kind)
            self._look_ahead()

    def _note_kind(self, kind: str) -> None:
        if kind in VIDEO:
            self.note.setText(self.tr("A video: its first frame is shown."))
        elif kind == "raw":
            self.note.setText(self.tr("A RAW file: the preview its camera embedded is shown."))
        else:
            self.note.hide()
            return
        self.note.show()

    def _update_header(self, item: PhotoItem, row: int | None) -> None:
        colour = BADGE_COLOURS[item.badge].name()
        badge = (
            f"<span style='background:{colour}; color:white; font-weight:bold;'>"
            f"&nbsp;{html.escape(badge_text(BADGE_TEXT[item.badge]))}&nbsp;</span>"
        )
        count = self._grid.model().rowCount()
        where = (
            self.tr("{position} of {count}").format(
                position=QLocale().toString(row + 1), count=QLocale().toString(count)
            )
            if row is not None
            else self.tr("no longer in the grid")
        )
        self.title.setText(
            f"<b>{html.escape(item.name)}</b>&nbsp;&nbsp;<small>{html.escape(where)}</small>"
            f"<br>{badge}&nbsp; {html.escape(say(item.sentence()))}"
        )
        self.previous.setEnabled(row is None or self._neighbour(row, -1))
        self.next.setEnabled(row is None or self._neighbour(row, 1))

    @Slot(bool)
    def _show_comparison(self, on: bool) -> None:
        self.exported.setVisible(on)
        self.original.caption.setVisible(on)
        if on and self._item is not None and self.is_open:
            self._load_export(self._item)

    # ------------------------------------------------------------ the grid

    def _photo_at(self, row: int) -> PhotoItem | None:
        item = self._grid.model().index(row, 0).data(PhotoRole)
        return item if isinstance(item, PhotoItem) else None

    def _row_of(self, item: PhotoItem | None) -> int | None:
        if item is None:
            return None
        model = self._grid.model()
        row_of = getattr(model, "row_of", None)
        if callable(row_of):
            found = row_of(item.path)
            return found if isinstance(found, int) else None
        return None

    def _neighbour(self, row: int, direction: int) -> bool:
        count = self._grid.model().rowCount()
        target = row + direction
        while 0 <= target < count:
            if self._photo_at(target) is not None:
                return True
            target += direction
        return False

    def _select(self, row: int) -> None:
        """The grid's selection follows: S / P / U act on the photo shown."""
        self._grid.select_rows([row])
        index: QModelIndex = self._grid.model().index(row, 0)
        self._grid.selectionModel().setCurrentIndex(
            index, self._grid.selectionModel().SelectionFlag.NoUpdate
        )

    def _side(self) -> int:
        """Decode to the screen's size: maximising never needs a new decode."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return 2048
        size = screen.geometry().size()
        side = math.ceil(max(size.width(), size.height()) * screen.devicePixelRatio())
        return max(256, min(side, MAX_SIDE))

    # ------------------------------------------------------------ input

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if not plain:
            super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace):
            self.step(-1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown):
            self.step(1)
        elif key == Qt.Key.Key_Home:
            self.go_to_end(last=False)
        elif key == Qt.Key.Key_End:
            self.go_to_end(last=True)
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_preview()
        elif key == Qt.Key.Key_C:
            self.compare.toggle()
        else:
            super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.close_preview()

    def stop(self) -> None:
        """Drop queued decodes and wait for running ones (the window closes)."""
        self._token += 1
        self._decoder.stop()
        self._kept.clear()
