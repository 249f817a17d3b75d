"""The status bar: counts, the sync state and its progress, the export folder.

It turns what the engine reports (`Engine.status()` in the snapshot, and
the progress of a sync the window runs) into the few words at the bottom
of the window, and gives the export folder its Open and Copy path buttons
with the sentence that says what the folder is for. It only shows: it
starts nothing, and `syncing` tells it when a sync starts, moves and ends.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QToolButton,
    QWidget,
)

from pellicle.i18n import say


class StatusArea(QObject):
    """The status bar's standing widgets, and the text they show."""

    #: The one-line sync state changed (the tray shows it as its tooltip).
    state_changed = Signal(str)

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self._syncing = False
        self._export = ""
        self.counts_label = QLabel(self.tr("Loading the library…"))
        self.counts_label.setAccessibleName(self.tr("Photo counts"))
        self.sync_label = QLabel(self.tr("Starting…"))
        self.sync_label.setAccessibleName(self.tr("Sync state"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        bar.addWidget(self.counts_label)
        bar.addWidget(self.sync_label)
        bar.addWidget(self.progress)
        export = QWidget()
        row = QHBoxLayout(export)
        row.setContentsMargins(0, 0, 0, 0)
        self.export_label = QLabel()
        self.export_label.setAccessibleName(self.tr("Export folder"))
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grant_label = QLabel(self.grant_sentence())
        self.grant_label.setAccessibleName(self.tr("About the export folder"))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setAccessibleName(self.tr("Open the export folder"))
        self.open_button.clicked.connect(self.open_export)
        self.copy_button = QPushButton(self.tr("Copy path"))
        self.copy_button.setAccessibleName(self.tr("Copy the export folder's path"))
        self.copy_button.clicked.connect(self.copy_export_path)
        row.addWidget(QLabel(self.tr("Export:")))
        row.addWidget(self.export_label)
        row.addWidget(self.open_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.grant_label)
        # "?": what is shared, in two lines (help.Help shows it).
        self.what_is_shared_button = QToolButton()
        self.what_is_shared_button.setText("?")
        self.what_is_shared_button.setAccessibleName(self.tr("What is shared?"))
        row.addWidget(self.what_is_shared_button)
        bar.addPermanentWidget(export)

    def grant_sentence(self) -> str:
        return self.tr("This is the one folder to grant to AI and creative apps.")

    # ------------------------------------------------------------ messages

    @Slot(str, int)
    def message(self, text: str, timeout_ms: int) -> None:
        """A passing note (it goes after `timeout_ms`); core's notes (the
        watcher's) are said in the person's language."""
        self.bar.showMessage(say(text), timeout_ms)

    @Slot(str)
    def show_error(self, error: str) -> None:
        self.bar.showMessage(say(error), 10000)

    @Slot()
    def not_set_up(self) -> None:
        self.sync_label.setText(self.tr("Not set up: choose a library in Settings"))

    # --------------------------------------------------------------- state

    def show_status(self, status: dict[str, Any], *, watching: bool) -> None:
        """Counts, export folder and sync state from `Engine.status()`."""
        if not status:
            self.counts_label.setText(self.tr("No library yet"))
            self.export_label.setText("—")
            return
        self.counts_label.setText(
            " · ".join(
                (
                    self.tr("%Ln photo(s)", "", int(status["photos"])),
                    self.tr("%Ln shareable", "", int(status["shareable"])),
                    self.tr("%Ln private", "", int(status["private"])),
                    self.tr("%Ln exported", "", int(status["exported"])),
                )
            )
        )
        self._export = str(status.get("export_dir") or "")
        metrics = self.export_label.fontMetrics()
        self.export_label.setText(
            metrics.elidedText(self._export, Qt.TextElideMode.ElideMiddle, 320)
        )
        self.export_label.setToolTip(f"{self._export}\n{self.grant_sentence()}")
        if self._syncing:
            return  # "Syncing…" stays until the sync ends
        self.sync_label.setText(self.state_text(status, watching=watching))
        self.state_changed.emit(self.sync_label.text())

    def state_text(self, status: dict[str, Any], *, watching: bool) -> str:
        """One line: paused, unknown files, problems, in sync, or waiting."""
        problems = len(status.get("problems", []))
        offline = [r["label"] for r in status.get("roots", []) if r.get("state") == "offline"]
        if offline:
            return self.tr("Paused: {roots} offline").format(roots=", ".join(offline))
        if status.get("foreign"):
            return self.tr(
                "%Ln unknown file(s) in the export (left alone)", "", len(status["foreign"])
            )
        if problems:
            if status.get("in_sync"):
                return self.tr("In sync except %Ln problem(s)", "", problems)
            return self.tr("%Ln problem(s)", "", problems)
        if status.get("in_sync"):
            return self.tr("In sync · watching") if watching else self.tr("In sync")
        pending = status.get("to_add", 0) + status.get("to_update", 0) + status.get("to_remove", 0)
        return self.tr("%Ln change(s) waiting to sync", "", pending)

    # ---------------------------------------------------------------- sync

    @Slot()
    def sync_started(self) -> None:
        self._syncing = True
        self.sync_label.setText(self.tr("Syncing…"))
        self.progress.setRange(0, 0)
        self.progress.show()

    @Slot(str, int, int)
    def sync_progress(self, what: str, done: int, total: int) -> None:
        if not self._syncing:
            return
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.sync_label.setText(
                self.tr("Syncing {done} of {total}").format(
                    done=QLocale().toString(done), total=QLocale().toString(total)
                )
            )
        else:
            # `what` comes from the engine ("scanning Pictures"): only its
            # first letter is raised (str.capitalize would lower the label).
            self.progress.setRange(0, 0)
            what = say(what)
            what = what[:1].upper() + what[1:]
            self.sync_label.setText(self.tr("{what}: %Ln file(s)", "", done).format(what=what))

    @Slot()
    def sync_finished(self) -> None:
        """The sync ended; the next snapshot says where things stand."""
        self._syncing = False
        self.progress.hide()

    @Slot(str)
    def sync_failed(self, error: str) -> None:
        self.sync_finished()
        self.sync_label.setText(self.tr("Sync failed"))
        self.show_error(error)

    # -------------------------------------------------------- export folder

    @Slot()
    def open_export(self) -> None:
        if self._export:
            QDesktopServices.openUrl(QUrl.fromLocalFile(self._export))

    @Slot()
    def copy_export_path(self) -> None:
        if self._export:
            QGuiApplication.clipboard().setText(self._export)
            self.message(self.tr("Export folder path copied"), 3000)
