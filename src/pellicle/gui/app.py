"""Start the desktop app: `pellicle` with no arguments lands here.

Sets the organisation and application names (QSettings and the desktop
session use them), keeps QSettings inside `PELLICLE_HOME` when that is set
(tests and scripts must never touch the user's real settings), makes the
process-wide settings the window's smoothness depends on (`open_window`),
opens the window and runs the event loop. Benchmarks and scripts open the
window through `open_window` too, so they measure what a person gets.
"""

from __future__ import annotations

import gc
import os
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from pellicle import __version__
from pellicle.core import warnings_policy
from pellicle.core.paths import Locations, locations
from pellicle.gui import language
from pellicle.gui.window import MainWindow

ORGANISATION = "Pellicle"
APPLICATION = "Pellicle"


def gui_settings(where: Locations, *, isolated: bool) -> QSettings:
    """Window geometry and view preferences.

    Isolated (PELLICLE_HOME set): an INI file in Pellicle's config folder.
    Otherwise the platform's usual place under Pellicle/Pellicle.
    """
    if isolated:
        return QSettings(str(where.config / "gui.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                     ORGANISATION, APPLICATION)  # fmt: skip


def open_window(
    where: Locations, settings: QSettings, *, live: bool = True, sync_interval_ms: int = 120_000
) -> MainWindow:
    """Make the process-wide settings, then build the window. Call once
    per process, after the QApplication."""
    # Workers (scan, snapshot, thumbnails) are Python threads sharing the
    # GIL with the GUI thread; a shorter switch interval bounds how long
    # the GUI thread waits for it (5 ms default -> 2 ms measured fewer
    # stalls; docs/benchmarks.md, GUI).
    sys.setswitchinterval(0.002)
    window = MainWindow(where, settings, live=live, sync_interval_ms=sync_interval_ms)
    # Imports and widgets live as long as the process: keep the cyclic
    # collector from walking them again on every full pass (each snapshot
    # the window applies is frozen the same way; see `syncing`).
    gc.freeze()
    return window


def run(argv: list[str]) -> int:
    """Open the window; returns the process exit code."""
    # No Python warning reaches the terminal the app was started from.
    warnings_policy.install()

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.pellicle.Pellicle")
    # Closing the window may leave Pellicle syncing in the tray.
    app.setQuitOnLastWindowClosed(False)

    where = locations()
    where.ensure()
    settings = gui_settings(where, isolated=bool(os.environ.get("PELLICLE_HOME")))
    # Before the first widget: every text is made in the chosen language.
    language.install(app, settings)
    window = open_window(where, settings)
    window.show()
    window.start()

    def last_window_closed() -> None:
        if not window.stays_in_tray():
            app.quit()

    app.lastWindowClosed.connect(last_window_closed)
    app.aboutToQuit.connect(window.shutdown)
    return int(app.exec())
