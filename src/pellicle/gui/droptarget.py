"""The sidebar's "Shareable" and "Private" targets: drop here, or press.

They are push buttons, not frames, so that assistive technology announces
them as buttons ("Mark shareable, button") with a Press action, and Space,
Enter and a click all mark the selection. They paint themselves (a dashed
outline in the decision's colour, solid while something is dragged over
them) and draw a focus outline when they have keyboard focus, since a
custom-painted button gets no focus frame from the style.

Dropping never moves a file: every drop is accepted as a copy (see `views`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from pellicle.core.policy import Decision
from pellicle.gui.delegate import BADGE_COLOURS
from pellicle.gui.models import paths_from_mime
from pellicle.gui.views import accept_as_copy, acceptable


class DropTarget(QPushButton):
    """A sidebar target: drop photos or folders here to mark them."""

    dropped = Signal(list, object, bool)  # paths, Decision, external
    activated = Signal(object)  # Decision (keyboard / click: tag the selection)

    def __init__(self, decision: Decision, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.decision = decision
        self.hot = False  # something droppable is over the target
        shareable = decision is Decision.SHAREABLE
        self.title = self.tr("Shareable") if shareable else self.tr("Private")
        self.hint = self.tr("drop photos or folders here")
        self.colour = BADGE_COLOURS["shareable" if shareable else "private"]
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        # A push button will not shrink below its text; these elide their hint.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(44)
        self.setAccessibleName(self.tr("Mark shareable") if shareable else self.tr("Mark private"))
        self.setAccessibleDescription(
            self.tr("Drop photos or folders here, or press Enter, to mark the selection shareable.")
            if shareable
            else self.tr(
                "Drop photos or folders here, or press Enter, to mark the selection private."
            )
        )
        self.setToolTip(self.accessibleDescription())
        self.clicked.connect(lambda: self.activated.emit(self.decision))

    def sizeHint(self) -> QSize:
        metrics = QFontMetrics(self.font())
        width = max(metrics.horizontalAdvance(self.title), metrics.horizontalAdvance(self.hint))
        return QSize(width + 24, max(44, metrics.height() * 2 + 14))

    def minimumSizeHint(self) -> QSize:
        return QSize(60, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        box = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        if self.isDown() or self.hot:
            fill = self.colour.lighter(185) if palette.window().color().value() > 128 else (
                self.colour.darker(160)
            )  # fmt: skip
            painter.fillRect(box, fill)
        outline = QPen(self.colour, 2)
        outline.setStyle(Qt.PenStyle.SolidLine if self.hot else Qt.PenStyle.DashLine)
        painter.setPen(outline)
        painter.drawRoundedRect(box, 6, 6)
        if self.hasFocus():
            # Keyboard focus: a solid outline in the system's focus colour,
            # just inside the dashed one, so both stay visible.
            focus = QPen(palette.color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(focus)
            painter.drawRoundedRect(box.adjusted(3, 3, -3, -3), 4, 4)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFont(self.font())
        small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.85))
        half = box.height() / 2
        top = QRectF(box.x(), box.y(), box.width(), half)
        bottom = QRectF(box.x(), box.y() + half, box.width(), half)
        painter.setFont(bold)
        painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                         self.title)  # fmt: skip
        painter.setFont(small)
        hint = QFontMetrics(small).elidedText(
            self.hint, Qt.TextElideMode.ElideRight, int(box.width()) - 8
        )
        painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, hint)
        painter.end()

    def _set_hot(self, hot: bool) -> None:
        if hot != self.hot:
            self.hot = hot
            self.update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if acceptable(event):
            accept_as_copy(event)
            self._set_hot(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if acceptable(event):
            accept_as_copy(event)
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QEvent) -> None:
        self._set_hot(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_hot(False)
        paths, external = paths_from_mime(event.mimeData())
        if not paths:
            event.ignore()
            return
        accept_as_copy(event)
        self.dropped.emit(paths, self.decision, external)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter as well as Space: the targets are the sidebar's "do it" keys.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
            return
        super().keyPressEvent(event)
