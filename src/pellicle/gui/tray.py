"""The tray icon, where Pellicle keeps syncing when its window is closed,
and the app's icon (drawn, so no resource file is needed).

Whether the tray is used is a person's choice kept in QSettings ("tray",
on by default), changed in Settings. Without a system tray (some desktops,
the offscreen platform) `Tray` does nothing and closing the window quits.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from pellicle.gui.delegate import BADGE_COLOURS


def app_icon(colour: QColor | None = None) -> QIcon:
    """A simple drawn icon: a framed photo."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(colour or BADGE_COLOURS["shareable"])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawRoundedRect(4, 10, 56, 44, 8, 8)
    painter.setBrush(QColor("white"))
    painter.drawEllipse(QPoint(22, 26), 6, 6)
    painter.drawPolygon([QPoint(10, 48), QPoint(28, 30), QPoint(38, 40), QPoint(46, 32),
                         QPoint(56, 48)])  # fmt: skip
    painter.end()
    return QIcon(pixmap)


class Tray(QObject):
    """The tray icon and its menu (Show Pellicle, `actions`, Quit)."""

    def __init__(self, window: QWidget, settings: QSettings, actions: list[QAction | None]) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self.icon: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self.icon = QSystemTrayIcon(app_icon(), window)
        menu = QMenu(window)
        menu.addAction(self.tr("Show Pellicle"), self.show_window)
        for act in actions:
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(act)
        self.icon.setContextMenu(menu)
        self.icon.activated.connect(self._on_activated)
        self.icon.setToolTip(self.tr("Pellicle"))
        if self.enabled:
            self.icon.show()

    @property
    def enabled(self) -> bool:
        """The person wants Pellicle to stay in the tray."""
        return bool(self._settings.value("tray", True, type=bool))

    def set_enabled(self, enabled: bool) -> None:
        self._settings.setValue("tray", enabled)
        if self.icon is not None:
            self.icon.setVisible(enabled)

    @property
    def visible(self) -> bool:
        return self.icon is not None and self.icon.isVisible()

    @Slot(str)
    def set_state(self, text: str) -> None:
        """The sync state, as the icon's tooltip."""
        if self.icon is not None:
            self.icon.setToolTip(self.tr("Pellicle: {state}").format(state=text))

    def tell_still_syncing(self) -> None:
        if self.icon is not None:
            self.icon.showMessage(
                self.tr("Pellicle"), self.tr("Still keeping the export folder in sync.")
            )

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    @Slot()
    def show_window(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    @Slot(QSystemTrayIcon.ActivationReason)
    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            if self._window.isVisible():
                self._window.hide()
            else:
                self.show_window()
