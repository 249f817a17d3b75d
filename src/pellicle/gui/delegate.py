"""Painting: photo cells with thumbnail and decision badge, folder badges.

Badges are the only hard-coded colours in the app: each is a saturated fill
with white text, chosen so the text passes contrast on the fill itself and
the fill stands out on both light and dark window backgrounds. Everything
else comes from the palette, so the window follows the system theme.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from pellicle import i18n
from pellicle.gui.models import BadgeRole, FolderRole, HeaderRole, PhotoRole
from pellicle.gui.snapshot import (
    COPY,
    INHERITED,
    MIXED,
    PRIVATE,
    PROBLEM,
    SHAREABLE,
    FolderItem,
    PhotoItem,
)
from pellicle.gui.tasks import ThumbLoader

#: Badge fills; white text on each has a contrast ratio of at least 4.5:1.
BADGE_COLOURS = {
    SHAREABLE: QColor("#1b7f3b"),
    PRIVATE: QColor("#5a5f66"),
    COPY: QColor("#7a3e9d"),
    PROBLEM: QColor("#b3261e"),
    INHERITED: QColor("#5a5f66"),
    MIXED: QColor("#a05a00"),
}
#: Badge words, in English; `badge_text` gives them in the app's language.
BADGE_TEXT = {
    SHAREABLE: str(QT_TRANSLATE_NOOP("Badge", "Shareable")),
    PRIVATE: str(QT_TRANSLATE_NOOP("Badge", "Private")),
    COPY: str(QT_TRANSLATE_NOOP("Badge", "Private copy")),
    PROBLEM: str(QT_TRANSLATE_NOOP("Badge", "Not exportable")),
    INHERITED: str(QT_TRANSLATE_NOOP("Badge", "inherited")),
    MIXED: str(QT_TRANSLATE_NOOP("Badge", "mixed")),
}
#: What a folder inherits, on its badge.
INHERITED_TEXT = {
    SHAREABLE: str(QT_TRANSLATE_NOOP("Badge", "shareable (inherited)")),
    PRIVATE: str(QT_TRANSLATE_NOOP("Badge", "private (inherited)")),
}
_translated: dict[tuple[str, str], str] = {}


def badge_text(text: str) -> str:
    """A badge word in the app's language (painted per cell: kept once)."""
    key = (i18n.language(), text)
    found = _translated.get(key)
    if found is None:
        found = _translated[key] = QCoreApplication.translate("Badge", text)
    return found


#: Thumbnail sizes offered (logical pixels): the slider's steps, Ctrl++ and Ctrl+-.
THUMB_SIZES = (96, 120, 144, 176, 224, 272, 320)
THUMB = 144  # the default
#: Sizes thumbnails are decoded at (device pixels): few, so the disk cache
#: holds one or two sizes of a photo, not one per slider step and screen scale.
DECODE_SIZES = (144, 256, 384, 512)


def cell_size(thumb: int) -> QSize:
    """A grid cell around a thumbnail of `thumb` logical pixels."""
    return QSize(thumb + 24, thumb + 44)


def decode_size(thumb: int, ratio: float) -> int:
    """The decode size for a `thumb`-pixel thumbnail on a `ratio` screen:
    the smallest at least as sharp, or the largest."""
    need = thumb * ratio
    return next((size for size in DECODE_SIZES if size >= need), DECODE_SIZES[-1])


CELL = cell_size(THUMB)


def paint_badge(painter: QPainter, rect: QRect, text: str, colour: QColor) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(QRectF(rect), 4, 4)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()


def badge_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
    font.setBold(True)
    return font


class PhotoDelegate(QStyledItemDelegate):
    """A grid cell: thumbnail, name, and the decision badge over the picture."""

    def __init__(self, loader: ThumbLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loader = loader
        #: Thumbnail size, logical pixels (one of THUMB_SIZES).
        self.thumb = THUMB

    def set_thumb(self, thumb: int) -> None:
        self.thumb = thumb

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if isinstance(index.data(HeaderRole), str):
            # A month header takes a whole line of the grid (see PhotoGrid).
            widget = option.widget
            width = widget.viewport().width() if isinstance(widget, QAbstractScrollArea) else 400
            return QSize(max(width - 1, 1), header_height(option.font))
        return cell_size(self.thumb)

    def thumb_pixels(self, widget: QWidget | None) -> int:
        """Thumbnail size in device pixels: crisp on HiDPI, bucketed so a
        fractional scale does not fill the cache with near-duplicates."""
        ratio = widget.devicePixelRatioF() if widget is not None else 1.0
        return decode_size(self.thumb, ratio)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = index.data(PhotoRole)
        if not isinstance(item, PhotoItem):
            title = index.data(HeaderRole)
            if isinstance(title, str):
                paint_header(painter, option, title)
            return
        thumb = self.thumb
        widget = option.widget
        palette: QPalette = option.palette
        rect: QRect = option.rect
        state = option.state
        painter.save()
        if state & QStyle.StateFlag.State_Selected:
            painter.fillRect(
                rect.adjusted(2, 2, -2, -2), palette.color(QPalette.ColorRole.Highlight)
            )
            text_colour = palette.color(QPalette.ColorRole.HighlightedText)
        else:
            text_colour = palette.color(QPalette.ColorRole.Text)
        area = QRect(rect.x() + (rect.width() - thumb) // 2, rect.y() + 8, thumb, thumb)
        size = self.thumb_pixels(widget)
        pixmap = self.loader.pixmap(item.path, size)
        if pixmap is None:
            # While the new size is decoded, scale the one already here.
            pixmap = self.loader.ready_pixmap(item.path, DECODE_SIZES)
        if pixmap is not None:
            ratio = max(pixmap.width() / thumb, pixmap.height() / thumb, 1e-6)
            w, h = int(pixmap.width() / ratio), int(pixmap.height() / ratio)
            target = QRect(area.x() + (thumb - w) // 2, area.y() + (thumb - h) // 2, w, h)
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(area, palette.color(QPalette.ColorRole.AlternateBase))
            failed = self.loader.failed(item.path, size)
            if failed:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                                 self.tr("no preview"))  # fmt: skip
        # Badge in the picture's top-left corner.
        font = badge_font(painter.font())
        painter.setFont(font)
        metrics = QFontMetrics(font)
        text = badge_text(BADGE_TEXT[item.badge])
        badge = QRect(area.x() + 4, area.y() + 4, metrics.horizontalAdvance(text) + 12,
                      metrics.height() + 4)  # fmt: skip
        paint_badge(painter, badge, text, BADGE_COLOURS[item.badge])
        # Name under the picture, elided in the middle (IMG_…1234.jpg).
        painter.setFont(option.font)
        metrics = QFontMetrics(option.font)
        name_rect = QRect(rect.x() + 4, area.bottom() + 6, rect.width() - 8, metrics.height())
        name = metrics.elidedText(item.name, Qt.TextElideMode.ElideMiddle, name_rect.width())
        painter.setPen(text_colour)
        painter.drawText(name_rect, Qt.AlignmentFlag.AlignHCenter, name)
        if state & QStyle.StateFlag.State_HasFocus:
            focus = palette.color(QPalette.ColorRole.Highlight)
            painter.setPen(focus)
            painter.drawRect(rect.adjusted(1, 1, -2, -2))
        painter.restore()


def header_font(base: QFont) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * 1.25 if base.pointSizeF() > 0 else 12.0)
    font.setBold(True)
    return font


def header_height(base: QFont) -> int:
    return QFontMetrics(header_font(base)).height() + 18


def paint_header(painter: QPainter, option: QStyleOptionViewItem, title: str) -> None:
    """A month header ("March 2024"): the title, then a thin rule to the right."""
    rect: QRect = option.rect
    palette: QPalette = option.palette
    painter.save()
    font = header_font(option.font)
    painter.setFont(font)
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    text_rect = rect.adjusted(10, 6, -10, -4)
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    width = QFontMetrics(font).horizontalAdvance(title)
    line_x = text_rect.x() + width + 12
    if line_x < text_rect.right():
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        y = text_rect.center().y() + 1
        painter.drawLine(line_x, y, text_rect.right(), y)
    painter.restore()


class FolderDelegate(QStyledItemDelegate):
    """Tree rows: the folder name, then its badge on the right."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        badge = index.data(BadgeRole)
        super().paint(painter, option, index)
        if not isinstance(badge, str) or badge not in BADGE_TEXT:
            return
        rect: QRect = option.rect
        painter.save()
        font = badge_font(option.font)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        text = badge_text(BADGE_TEXT[badge])
        colour = BADGE_COLOURS[badge]
        folder = index.data(FolderRole)
        if badge == INHERITED and isinstance(folder, FolderItem):
            # Say what it inherits, in that decision's colour, marked as such.
            text = badge_text(INHERITED_TEXT[folder.decision.value])
            colour = BADGE_COLOURS[folder.decision.value].lighter(125)
        width = metrics.horizontalAdvance(text) + 10
        box = QRect(rect.right() - width - 4, rect.y() + 2, width, rect.height() - 4)
        paint_badge(painter, box, text, colour)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 90, max(hint.height(), 24))
