"""The tray: the person's choice kept in QSettings, and no tray at all
where the desktop has none (the offscreen platform here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from pellicle.gui.tray import Tray, app_icon


def test_without_a_system_tray_closing_quits(qtbot: Any, settings: Any) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    tray = Tray(window, settings, [None])
    assert tray.icon is None and not tray.visible
    assert tray.enabled  # on by default
    tray.set_enabled(False)
    assert not tray.enabled and settings.value("tray", True, type=bool) is False
    tray.set_state("In sync")  # nothing to show it on: no error
    tray.tell_still_syncing()
    tray.hide()


def test_the_drawn_icon_is_not_empty(qtbot: Any) -> None:
    icon = app_icon()
    assert not icon.isNull() and not icon.pixmap(32, 32).toImage().isNull()
