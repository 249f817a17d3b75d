"""The status bar: counts, the sync state and its progress, the export folder.

It turns what the engine reports (`Engine.status()` in the snapshot, and
the progress of a sync the window runs) into the few words at the bottom
of the window, and gives the export folder its Open and Copy path buttons
with the sentence that says what the folder is for. It only shows: it
starts nothing, and `syncing` tells it when a sync starts, moves and ends.

While a sync runs (this window's or the watcher's) the state line says so
("Exporting 37 of 126") and never "In sync": a snapshot read meanwhile
changes the counts only. The bar appears only once work has lasted
`BAR_AFTER_MS`, so a one-photo sync does not flash it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QToolButton,
    QWidget,
)

from pellicle.gui.opening import open_folder
from pellicle.i18n import say

#: How long work must last before the progress bar appears (ms).
BAR_AFTER_MS = 300
#: The export folder's path is elided to between these widths (pixels).
PATH_MIN, PATH_MAX = 120, 320
#: The sentence about the export folder shows only if the path keeps this much.
PATH_WITH_SENTENCE = 160


class StatusArea(QObject):
    """The status bar's standing widgets, and the text they show."""

    #: The one-line sync state changed (the tray shows it as its tooltip).
    state_changed = Signal(str)

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self.bar = bar
        self._syncing = False
        self._export = ""
        #: The "cannot open the folder" box while it is shown (tests read it).
        self.cannot_open: QMessageBox | None = None
        self._counts = self.tr("Loading the library…")
        self.counts_label = QLabel(self._counts)
        self.counts_label.setAccessibleName(self.tr("Photo counts"))
        self.sync_label = QLabel(self.tr("Starting…"))
        self.sync_label.setAccessibleName(self.tr("Sync state"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Sync progress"))
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self._bar_timer = QTimer(self)
        self._bar_timer.setSingleShot(True)
        self._bar_timer.setInterval(BAR_AFTER_MS)
        self._bar_timer.timeout.connect(self._show_bar)
        self._bar_due = False
        bar.messageChanged.connect(self._message_changed)
        bar.addWidget(self.counts_label)
        # A thin line between the counts and the sync state, which otherwise
        # read as one sentence ("26 exported In sync").
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Sunken)
        bar.addWidget(divider)
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
        self._export_row = export
        bar.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        """Share the bar's width so the sync state always shows in full.

        The state line and the bar come first; the export folder's path is
        elided to what is left (between `PATH_MIN` and `PATH_MAX` pixels);
        the sentence about the folder shows only when it fits whole beside
        at least `PATH_WITH_SENTENCE` pixels of path (it is also in the
        path's tooltip); the counts are elided last. At 1024
        pixels, or at 150 % scale, "Exporting 37 of 126" used to be pushed
        out of the bar by the export folder's row.
        """
        metrics = self.sync_label.fontMetrics()
        widest = self.tr("Exporting {done} of {total}").format(
            done=QLocale().toString(99_999), total=QLocale().toString(99_999)
        )
        # While work runs, room for its longest line, so the counts and the
        # path do not move with every number.
        longest = metrics.horizontalAdvance(widest) if self._syncing else 0
        state = max(longest, self.sync_label.sizeHint().width())
        row = self._export_row.layout()
        spacing = row.spacing() if row is not None else 6
        others = sum(
            w.sizeHint().width() + spacing
            for w in self._export_row.findChildren(QWidget)
            if w.isVisibleTo(self._export_row) and w not in (self.export_label, self.grant_label)
        )
        # What others put in the bar (the thumbnail size slider) takes its room too.
        mine = (self._export_row, self.sync_label, self.progress, self.counts_label)
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        others += sum(
            w.sizeHint().width() + spacing
            for w in self.bar.findChildren(QWidget, options=direct)
            if w.isVisibleTo(self.bar) and w not in mine and not w.isWindow()
            and w.metaObject().className() != "QSizeGrip"
        )  # fmt: skip
        bar = self.progress.maximumWidth() if self._syncing else 0
        room = self.bar.width() - 40 - state - bar - others
        counts = self.counts_label.fontMetrics().horizontalAdvance(self._counts)
        path_room = room - counts
        grant = self.grant_label.sizeHint().width() + spacing
        with_grant = path_room - grant >= PATH_WITH_SENTENCE
        if with_grant:
            path = min(PATH_MAX, path_room - grant)
        else:
            path = max(PATH_MIN, min(PATH_MAX, path_room))
        self.export_label.setText(
            self.export_label.fontMetrics().elidedText(
                self._export, Qt.TextElideMode.ElideMiddle, path
            )
            if self._export
            else "—"
        )
        self.grant_label.setVisible(with_grant)
        fitted = max(80, room - path - (grant if with_grant else 0))
        self.counts_label.setText(
            self.counts_label.fontMetrics().elidedText(
                self._counts, Qt.TextElideMode.ElideRight, fitted
            )
        )
        self.counts_label.setToolTip(
            self._counts if self.counts_label.text() != self._counts else ""
        )

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
            self._counts, self._export = self.tr("No library yet"), ""
            self._fit()
            return
        self._counts = " · ".join(
            (
                self.tr("%Ln photo(s)", "", int(status["photos"])),
                self.tr("%Ln shareable", "", int(status["shareable"])),
                self.tr("%Ln private", "", int(status["private"])),
                self.tr("%Ln exported", "", int(status["exported"])),
            )
        )
        self._export = str(status.get("export_dir") or "")
        self.export_label.setToolTip(f"{self._export}\n{self.grant_sentence()}")
        if not self._syncing:  # otherwise "Syncing…" stays until the sync ends
            self.sync_label.setText(self.state_text(status, watching=watching))
            self.state_changed.emit(self.sync_label.text())
        self._fit()

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

    @property
    def syncing(self) -> bool:
        return self._syncing

    @Slot()
    def sync_started(self) -> None:
        if self._syncing:
            return
        self._syncing = True
        self.sync_label.setText(self.tr("Syncing…"))
        self.state_changed.emit(self.sync_label.text())
        self.progress.setRange(0, 0)
        self._bar_timer.start()
        self._fit()

    @Slot()
    def _show_bar(self) -> None:
        self._bar_due = True
        # A passing note covers the state line and the bar for its few
        # seconds (QStatusBar hides them); showing the bar then would paint
        # it over the note. It comes back with the note's end.
        if self._syncing and not self.bar.currentMessage():
            self.progress.show()

    @Slot(str)
    def _message_changed(self, text: str) -> None:
        if not text and self._syncing and self._bar_due:
            self.progress.show()

    @Slot(str, int, int)
    def sync_progress(self, what: str, done: int, total: int) -> None:
        if not self._syncing:
            return
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            numbers = {"done": QLocale().toString(done), "total": QLocale().toString(total)}
            # Writing copies is the one step whose total is known in advance
            # (core's "exporting"); any other counted step says its own name.
            if str(what) == "exporting":
                text = self.tr("Exporting {done} of {total}").format(**numbers)
            else:
                text = self.tr("{what}: {done} of {total}").format(
                    what=_raised(say(what)), **numbers
                )
            self.sync_label.setText(text)
        else:
            # `what` comes from the engine ("scanning Pictures"): only its
            # first letter is raised (str.capitalize would lower the label).
            self.progress.setRange(0, 0)
            self.sync_label.setText(
                self.tr("{what}: %Ln file(s)", "", done).format(what=_raised(say(what)))
            )

    @Slot()
    def sync_finished(self) -> None:
        """No sync runs any more; the next snapshot says where things stand
        (until then the line keeps what the sync last said)."""
        self._syncing = False
        self._bar_due = False
        self._bar_timer.stop()
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
            self.cannot_open = open_folder(self._export, self.bar.window())

    @Slot()
    def copy_export_path(self) -> None:
        if self._export:
            QGuiApplication.clipboard().setText(self._export)
            self.message(self.tr("Export folder path copied"), 3000)


def _raised(text: str) -> str:
    """`text` with its first letter raised: the engine's steps ("scanning
    Pictures") begin a line here (str.capitalize would lower the rest)."""
    return text[:1].upper() + text[1:]
