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


_RUN_AND_REPORT = """
import json, sys
from PySide6.QtWidgets import QApplication
from pellicle.gui import app as app_module

def report(self):
    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "" and
                  type(w).__name__ == "MainWindow")
    menus = [a.text() for a in window.menuBar().actions()]
    print(json.dumps({"menus": menus, "sync": window.acts.sync.text()}), flush=True)
    window.shutdown()
    return 0

QApplication.exec = report
sys.exit(app_module.run([]))
"""


@pytest.mark.parametrize(
    ("lang", "menus"),
    [
        ("fr_FR.UTF-8", ["&Fichier", "É&dition", "&Affichage", "Appli&cations", "A&ide"]),
        ("C.UTF-8", ["&File", "&Edit", "&View", "&Apps", "&Help"]),
        ("de_DE.UTF-8", ["&File", "&Edit", "&View", "&Apps", "&Help"]),  # not spoken: English
    ],
)
def test_pellicle_opens_in_the_system_language(home: Any, lang: str, menus: list[str]) -> None:
    """`pellicle` with no arguments, as a person starts it under LANG."""
    import json
    import os
    import subprocess

    env = {k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG=lang, QT_QPA_PLATFORM="offscreen", PELLICLE_HOME=str(home))
    done = subprocess.run(
        [sys.executable, "-c", _RUN_AND_REPORT], env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["menus"] == menus
