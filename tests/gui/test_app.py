"""Process-wide settings are made once, by the app, never by the window."""

from __future__ import annotations

import gc
import sys
from typing import Any

import pytest

from pellicle.gui import app as app_module


def test_open_window_makes_the_process_settings_and_the_window_does_not(
    qtbot: Any, where: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    monkeypatch.setattr(sys, "setswitchinterval", lambda value: calls.append(value))
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    from pellicle.gui.window import MainWindow

    plain = MainWindow(where, settings, live=False)
    qtbot.addWidget(plain)
    assert calls == []
    window = app_module.open_window(where, settings, live=False)
    qtbot.addWidget(window)
    assert calls == [0.002, "freeze"]
    for made in (plain, window):
        made.shutdown()


def test_settings_stay_in_pellicle_home_when_isolated(where: Any) -> None:
    isolated = app_module.gui_settings(where, isolated=True)
    assert isolated.fileName() == str(where.config / "gui.ini")
