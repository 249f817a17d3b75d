"""Painting: photo cells with thumbnail and decision badge, folder badges.

Badges are the only hard-coded colours in the app: each is a saturated fill
with white text, chosen so the text passes contrast on the fill itself and
the fill stands out on both light and dark window backgrounds. Everything
else comes from the palette, so the window follows the system theme.

Private is the quiet default, as photo pickers leave unchosen items plain:
a photo private only because nothing above it is shared has no badge; a
shareable photo has a clear one with a check mark; a photo's own private
rule a small, quiet one; the problems (a private copy, not exportable) keep
theirs. Which badge a photo gets is `photo_badge`, a pure function, so it
is tested without painting. A small dot on a badge marks the photo's own
rule (versus one it inherits from its folder).
"""

from __future__ import annotations

from typing import NamedTuple

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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from pellicle import i18n
from pellicle.core.policy import Decision
from pellicle.gui.models import FolderRole, HeaderRole, PhotoRole
from pellicle.gui.snapshot import (
    COPY,
    INHERITED,
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
}
#: The quiet badge of a photo's own private rule: a dark veil, readable
#: over any picture, in a smaller plain font.
QUIET_FILL = QColor(0, 0, 0, 150)
#: A photo marked private by its own rule (the grid's quiet badge).
OWN_PRIVATE = "own-private"
#: Badge words, in English; `badge_text` gives them in the app's language.
BADGE_TEXT = {
    SHAREABLE: str(QT_TRANSLATE_NOOP("Badge", "Shareable")),
    PRIVATE: str(QT_TRANSLATE_NOOP("Badge", "Private")),
    COPY: str(QT_TRANSLATE_NOOP("Badge", "Private copy")),
    PROBLEM: str(QT_TRANSLATE_NOOP("Badge", "Not exportable")),
    INHERITED: str(QT_TRANSLATE_NOOP("Badge", "inherited")),
    OWN_PRIVATE: str(QT_TRANSLATE_NOOP("Badge", "Private")),
}
#: A folder's own rule, on its badge: its own context, since French agrees
#: the word with what it describes ("une photo privée", "un dossier privé").
FOLDER_TEXT = {
    SHAREABLE: str(QT_TRANSLATE_NOOP("FolderBadge", "Shareable")),
    PRIVATE: str(QT_TRANSLATE_NOOP("FolderBadge", "Private")),
}
#: What a folder inherits, on its badge.
INHERITED_TEXT = {
    SHAREABLE: str(QT_TRANSLATE_NOOP("Badge", "shareable (inherited)")),
    PRIVATE: str(QT_TRANSLATE_NOOP("Badge", "private (inherited)")),
}
#: The same where the tree is narrow: the lighter colour says "inherited".
INHERITED_SHORT = {
    SHAREABLE: str(QT_TRANSLATE_NOOP("Badge", "shareable")),
    PRIVATE: str(QT_TRANSLATE_NOOP("Badge", "private")),
}
_translated: dict[tuple[str, str, str, int], str] = {}


def badge_text(text: str, count: int = -1, context: str = "Badge") -> str:
    """A badge word in the app's language (painted per cell: kept once)."""
    key = (i18n.language(), context, text, count)
    found = _translated.get(key)
    if found is None:
        found = _translated[key] = QCoreApplication.translate(context, text, "", count)
    return found


class Badge(NamedTuple):
    """What a photo's cell shows: a badge kind, and whether the photo's own
    rule set it (the small dot)."""

    kind: str
    own: bool


def photo_badge(decision: Decision, own: bool, problem: str | None) -> Badge | None:
    """The grid badge for a photo: `decision`, whether its `own` rule
    decided, and its `problem` (COPY: private as a copy of a private photo;
    PROBLEM: shareable but not exportable; None). None: no badge at all
    (private by inheritance or default, the quiet case)."""
    if problem == PROBLEM:
        return Badge(PROBLEM, own)
    if problem == COPY:
        return Badge(COPY, False)  # private by another photo's rule
    if decision is Decision.SHAREABLE:
        return Badge(SHAREABLE, own)
    return Badge(OWN_PRIVATE, True) if own else None


def item_badge(item: PhotoItem) -> Badge | None:
    """`photo_badge` for a grid row."""
    problem = item.badge if item.badge in (COPY, PROBLEM) else None
    return photo_badge(item.decision, item.own, problem)


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


def paint_photo_badge(painter: QPainter, corner: QRect, badge: Badge, base: QFont) -> QRect:
    """Paint `badge` in the top-left of `corner` (the picture); the rect it took."""
    quiet = badge.kind == OWN_PRIVATE
    font = badge_font(base, quiet=quiet)
    metrics = QFontMetrics(font)
    text = badge_text(BADGE_TEXT[badge.kind])
    check = metrics.height() * 0.55 if badge.kind == SHAREABLE else 0.0
    dot = 6 if badge.own else 0
    pad = 4 if quiet else 6
    width = metrics.horizontalAdvance(text) + 2 * pad + int(check) + (4 if check else 0)
    width += dot + (3 if dot else 0)
    rect = QRect(corner.x() + 4, corner.y() + 4, width, metrics.height() + (2 if quiet else 4))
    painter.save()
    painter.setFont(font)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QUIET_FILL if quiet else BADGE_COLOURS[badge.kind])
    painter.drawRoundedRect(QRectF(rect), 4, 4)
    white = QColor("white")
    x = rect.x() + pad
    if check:
        # A drawn check mark: every font has it, and pickers use it for "chosen".
        mid = rect.center().y()
        path = QPainterPath()
        path.moveTo(x, mid)
        path.lineTo(x + check * 0.38, mid + check * 0.38)
        path.lineTo(x + check, mid - check * 0.45)
        pen = QPen(white, max(1.5, check / 6))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        x += int(check) + 4
    painter.setPen(white)
    text_rect = QRect(x, rect.y(), metrics.horizontalAdvance(text), rect.height())
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
    if dot:
        # The photo's own rule, not one it inherits.
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(white)
        painter.drawEllipse(QRectF(text_rect.right() + 4, rect.center().y() - dot / 2 + 0.5,
                                   dot, dot))  # fmt: skip
    painter.restore()
    return rect


def badge_font(base: QFont, *, quiet: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(max(7.0, base.pointSizeF() * (0.78 if quiet else 0.85)))
    font.setBold(not quiet)
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
        # Badge in the picture's top-left corner (none: private by default).
        badge = item_badge(item)
        if badge is not None:
            paint_photo_badge(painter, area, badge, painter.font())
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
    """Tree rows: the folder name, then its rule's badge on the right and,
    beside it, what differs inside ("Shareable | 1 private inside").

    A folder private only by default has no badge (the quiet default); the
    name is elided so it never runs under the badges.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        folder = index.data(FolderRole)
        if not isinstance(folder, FolderItem):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        font = badge_font(option.font)
        metrics = QFontMetrics(font)
        # The name must stay readable: narrow rows get the short words, then
        # only what differs inside, then only the folder's own rule (the
        # tooltip always says everything). A level is good enough when the
        # badges take at most about 60 % of the row and the whole name fits
        # beside them.
        name = QFontMetrics(option.font).horizontalAdvance(str(index.data() or ""))
        name += option.decorationSize.width() + 12
        for short in (0, 1, 2, 3):
            parts = self.folder_badges(folder, short=short)
            widths = [metrics.horizontalAdvance(text) + 10 for text, _colour in parts]
            used = sum(widths) + 3 * len(parts) + (2 if parts else 0)
            if used <= rect.width() * 0.6 and rect.width() - used >= name:
                break
        # The name and icon get what the badges leave (the style elides it).
        narrowed = QStyleOptionViewItem(option)
        narrowed.rect = QRect(rect.x(), rect.y(), max(0, rect.width() - used), rect.height())
        super().paint(painter, narrowed, index)
        painter.save()
        painter.setFont(font)
        x = rect.right() - used + 3
        for (text, colour), width in zip(parts, widths, strict=True):
            paint_badge(painter, QRect(x, rect.y() + 2, width, rect.height() - 4), text, colour)
            x += width + 3
        painter.restore()

    def folder_badges(self, folder: FolderItem, *, short: int = 0) -> list[tuple[str, QColor]]:
        """A folder's badges, words and colours: its rule (own, or inherited
        and lighter), then the photos inside that differ from it, in their
        decision's colour ("Shareable", "1 private inside"). A folder private
        by default (no rule above it) shows no rule, as the grid shows no
        badge on such photos: only what is shareable inside, if anything.
        `short`: 1, the words for a narrow tree ("+1 private", "shareable"
        for an inherited rule, in its lighter colour); 2, no inherited rule,
        only what differs inside; 3, the folder's own rule alone when it has
        one (the tree is too narrow for both; the tooltip says the rest)."""
        decision = folder.decision.value
        other = PRIVATE if decision == SHAREABLE else SHAREABLE
        parts: list[tuple[str, QColor]] = []
        if folder.badge != INHERITED:
            parts.append((badge_text(FOLDER_TEXT[decision], context="FolderBadge"),
                          BADGE_COLOURS[decision]))  # fmt: skip
        elif decision == SHAREABLE and (short < 2 or not folder.exceptions):
            words = INHERITED_SHORT if short else INHERITED_TEXT
            parts.append((badge_text(words[decision]),
                          BADGE_COLOURS[decision].lighter(125)))  # fmt: skip
        if folder.exceptions and (short < 3 or not parts):
            parts.append((self.exception_text(decision, folder.exceptions, short=bool(short)),
                          BADGE_COLOURS[other]))  # fmt: skip
        return parts

    def exception_text(self, decision: str, count: int, *, short: bool = False) -> str:
        """What differs inside a folder of `decision`, beside its rule ("1
        private inside"); `short` where the tree is too narrow ("+1 private")."""
        key = (i18n.language(), "FolderDelegate", f"{decision}/{short}", count)
        found = _translated.get(key)
        if found is None:
            if decision == SHAREABLE:
                found = (self.tr("+%Ln private", "", count) if short
                         else self.tr("%Ln private inside", "", count))  # fmt: skip
            else:
                found = (self.tr("+%Ln shareable", "", count) if short
                         else self.tr("%Ln shareable inside", "", count))  # fmt: skip
            _translated[key] = found
        return found

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width() + 90, max(hint.height(), 24))
