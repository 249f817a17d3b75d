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
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from pellicle import i18n
from pellicle.gui.models import BadgeRole, FolderRole, PhotoRole
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


THUMB = 144  # logical pixels
CELL = QSize(THUMB + 24, THUMB + 44)


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

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(CELL)

    def thumb_pixels(self, widget: QWidget | None) -> int:
        """Thumbnail size in device pixels: crisp on HiDPI, bucketed so a
        fractional scale does not fill the cache with near-duplicates."""
        ratio = widget.devicePixelRatioF() if widget is not None else 1.0
        return 256 if ratio > 1.0 else THUMB

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        item = index.data(PhotoRole)
        if not isinstance(item, PhotoItem):
            return
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
        area = QRect(rect.x() + (rect.width() - THUMB) // 2, rect.y() + 8, THUMB, THUMB)
        size = self.thumb_pixels(widget)
        pixmap = self.loader.pixmap(item.path, size)
        if pixmap is not None:
            ratio = max(pixmap.width() / THUMB, pixmap.height() / THUMB, 1e-6)
            w, h = int(pixmap.width() / ratio), int(pixmap.height() / ratio)
            target = QRect(area.x() + (THUMB - w) // 2, area.y() + (THUMB - h) // 2, w, h)
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
