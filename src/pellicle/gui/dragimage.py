"""The image under the pointer while photos or folders are dragged.

Qt's own drag image for a view is a picture of every selected cell: with
a few photos selected it is larger than the sidebar and hides the very
targets the person is aiming at. Pellicle drags a small tile instead
(`SIZE`, about a thumbnail's corner), a stack with the number of items on
a badge when there are several, held above and to the right of the
pointer (`HOTSPOT`) so the "Shareable" / "Private" targets (bottom left)
and the tree's folders (left) stay in sight, as photo apps and file
managers do.

Drags out of Pellicle are copies only, and carry Pellicle's own paths, not
`text/uri-list` (see `models.mime_for_paths`).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetrics, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QStyle

from pellicle.gui.delegate import PhotoDelegate
from pellicle.gui.models import PhotoRole
from pellicle.gui.snapshot import PhotoItem

#: The tile's side, in logical pixels (the badge and the stack fit inside).
SIZE = 64
#: Where the pointer is, relative to the tile's top-left corner: just off
#: its bottom-left corner, so the tile floats above and right of the pointer.
HOTSPOT = QPoint(-12, SIZE + 12)
#: The count badge's fill (the app's accent for "how many").
BADGE = QColor("#1f5fbf")


def count_text(count: int) -> str:
    """The number on the badge, as the locale writes numbers ("1 234")."""
    return QLocale().toString(count) if count < 1000 else "999+"


def drag_pixmap(thumb: QPixmap | None, count: int, palette: QPalette, ratio: float) -> QPixmap:
    """The drag tile for `count` items showing `thumb` (or a plain card),
    at device pixel ratio `ratio`."""
    canvas = QPixmap(QSize(SIZE, SIZE) * ratio)
    canvas.setDevicePixelRatio(ratio)
    canvas.fill(Qt.GlobalColor.transparent)
    painter = QPainter(canvas)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    edge = palette.color(QPalette.ColorRole.Mid)
    card = QRect(2, 10, SIZE - 14, SIZE - 14)
    if count > 1:  # a second card behind: "several"
        behind = card.translated(6, -6)
        painter.setPen(edge)
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(QRectF(behind), 3, 3)
    painter.setPen(edge)
    painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
    painter.drawRoundedRect(QRectF(card), 3, 3)
    if thumb is not None and not thumb.isNull():
        inner = card.adjusted(1, 1, -1, -1)
        scaled = thumb.size().scaled(inner.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRect(
            inner.x() + (inner.width() - scaled.width()) // 2,
            inner.y() + (inner.height() - scaled.height()) // 2,
            scaled.width(),
            scaled.height(),
        )
        painter.drawPixmap(target, thumb)
    if count > 1:
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(12)
        painter.setFont(font)
        text = count_text(count)
        width = max(22, QFontMetrics(font).horizontalAdvance(text) + 10)
        badge = QRect(SIZE - width, 0, width, 22)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE)
        painter.drawRoundedRect(QRectF(badge), 11, 11)
        painter.setPen(QColor("white"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return canvas


def thumb_of(view: QAbstractItemView) -> QPixmap | None:
    """The thumbnail the grid shows for its current (or first selected)
    photo, if it is loaded; a folder icon for the tree."""
    delegate = view.itemDelegate()
    if isinstance(delegate, PhotoDelegate):
        index = view.currentIndex()
        selected = view.selectionModel().selectedIndexes()
        if selected and index not in selected:
            index = selected[0]
        item = index.data(PhotoRole) if index.isValid() else None
        if isinstance(item, PhotoItem):
            return delegate.loader.pixmap(item.path, delegate.thumb_pixels(view))
        return None
    icon = view.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
    return icon.pixmap(QSize(SIZE, SIZE), view.devicePixelRatioF())


def make_drag(view: QAbstractItemView) -> QDrag | None:
    """A copy-only drag of `view`'s selection with the small tile, or None
    when nothing draggable is selected."""
    model = view.model()
    indexes = [
        i
        for i in view.selectionModel().selectedIndexes()
        if i.column() == 0 and model.flags(i) & Qt.ItemFlag.ItemIsDragEnabled
    ]
    if not indexes:
        return None
    mime = model.mimeData(indexes)
    if mime is None:
        return None
    drag = QDrag(view)
    drag.setMimeData(mime)
    pixmap = drag_pixmap(thumb_of(view), len(indexes), view.palette(), view.devicePixelRatioF())
    drag.setPixmap(pixmap)
    drag.setHotSpot(HOTSPOT)
    return drag
