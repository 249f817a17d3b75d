"""Choosing the library and the export folder: first run, Settings, and
folders dropped from outside every library.

The flow around the dialogs of `dialogs`: it asks (the first-run dialog
when nothing is set up, the settings dialog, a yes/no question for a folder
dropped from a file manager), applies the answer through the engine
(`Engine.init`, on the rules thread), and hands over to `syncing`
(`restart`: read, sync and watch anew) and to the tray (kept or not).

It may not change rules or touch the export itself; window geometry and
view preferences (QSettings) are the window's.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from pellicle.core.engine import Engine
from pellicle.core.paths import Locations
from pellicle.gui import language
from pellicle.gui.dialogs import FirstRunDialog, SettingsDialog, set_autostart
from pellicle.gui.snapshot import Snapshot
from pellicle.gui.tasks import EngineThread
from pellicle.gui.tray import Tray


class SettingsFlow(QObject):
    """First run, Settings, and adding library folders."""

    #: A passing note for the status bar: text, milliseconds.
    message = Signal(str, int)
    #: Setting up failed: one line for the person.
    failed = Signal(str)
    #: The first run was cancelled: nothing is set up.
    declined = Signal()

    def __init__(
        self,
        where: Locations,
        rules: EngineThread,
        *,
        snapshot: Callable[[], Snapshot],
        restart: Callable[[], None],
        tray: Tray,
        window: QWidget,
        settings: QSettings | None = None,
    ) -> None:
        """`snapshot` gives what the window shows now; `restart` is called
        once a new setup is saved (read, sync and watch anew); `settings`
        keeps the language choice (none: the language is not offered)."""
        super().__init__(window)
        self.qsettings = settings
        self.where = where
        self.rules = rules
        self.tray = tray
        self._snapshot = snapshot
        self._restart = restart
        self._window = window

    @Slot()
    def first_run(self) -> None:
        dialog = FirstRunDialog(self.where, self._window)
        if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
            self.declined.emit()
            return
        libraries, export = dialog.choice()
        self.setup(libraries, export)

    def setup(self, libraries: list[str], export: str, **options: bool) -> None:
        """Set roots and export folder (engine.init), then read and sync."""

        def job(engine: Engine) -> None:
            engine.init(libraries, export, **options)

        def done(_: object) -> None:
            self._restart()

        self.rules.submit(job, done, self.failed.emit)

    @Slot()
    def open_settings(self) -> None:
        snapshot = self._snapshot()
        if not snapshot.initialised:
            self.first_run()
            return
        settings = snapshot.settings
        dialog = SettingsDialog(
            [r.path for r in snapshot.roots],
            str(settings.get("export_dir") or ""),
            opaque_names=bool(settings.get("opaque_names")),
            keep_capture_date=bool(settings.get("keep_capture_date")),
            tray=self.tray.enabled,
            language_choice=language.choice(self.qsettings) if self.qsettings else "system",
            parent=self._window,
        )
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog)

    def apply_settings(self, dialog: SettingsDialog) -> None:
        set_autostart(dialog.autostart.isChecked())
        self.tray.set_enabled(dialog.tray.isChecked())
        self._apply_language(dialog.language_choice())
        self.setup(
            dialog.libraries.folders(),
            dialog.export.text().strip(),
            opaque_names=dialog.opaque.isChecked(),
            keep_capture_date=dialog.keep_date.isChecked(),
        )

    def _apply_language(self, chosen: str) -> None:
        """Keep the language choice; it applies the next time Pellicle starts."""
        if self.qsettings is None or chosen == language.choice(self.qsettings):
            return
        language.set_choice(self.qsettings, chosen)
        self.qsettings.sync()
        self.message.emit(self.tr("The new language applies the next time Pellicle starts."), 8000)

    @Slot(list)
    def offer_new_roots(self, paths: list[str]) -> None:
        """Paths dropped from outside every library: offer their folders."""
        folders = [p for p in paths if os.path.isdir(p)]
        if not folders:
            self.message.emit(
                self.tr(
                    "Those files are not in a library folder; add their folder as a library first."
                ),
                6000,
            )
            return
        names = ", ".join(os.path.basename(f.rstrip(os.sep)) or f for f in folders)
        answer = QMessageBox.question(
            self._window,
            self.tr("Add library folder"),
            self.tr("Add {names} to your library? Everything in it starts private.").format(
                names=names
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        snapshot = self._snapshot()
        roots = [r.path for r in snapshot.roots] + folders
        export = str(snapshot.settings.get("export_dir") or "")
        self.setup(roots, export)
