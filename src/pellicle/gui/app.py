"""Start the desktop app: `pellicle` with no arguments lands here.

Sets the organisation and application names (QSettings and the desktop
session use them), keeps QSettings inside `PELLICLE_HOME` when that is set
(tests and scripts must never touch the user's real settings), opens the
window and runs the event loop.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from pellicle import __version__
from pellicle.core import warnings_policy
from pellicle.core.paths import Locations, locations

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


def run(argv: list[str]) -> int:
    """Open the window; returns the process exit code."""
    import os

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

    from pellicle.gui.window import MainWindow

    where = locations()
    where.ensure()
    settings = gui_settings(where, isolated=bool(os.environ.get("PELLICLE_HOME")))
    window = MainWindow(where, settings)
    window.show()
    window.start()

    def last_window_closed() -> None:
        if window.tray is None or not window.tray.isVisible() or window._closing:
            app.quit()

    app.lastWindowClosed.connect(last_window_closed)
    app.aboutToQuit.connect(window.shutdown)
    return int(app.exec())
