"""The grant in the window: the Apps view, the banner, and "Open with
(restricted)...".

Why it exists: the person should see at a glance which sandboxed apps can
read the whole library, and fix it with one button, without a terminal.
`GrantsUi` hooks into the main window from outside (an "Apps" menu, a
banner above the central widget while any installed app can read the
library, an "Open with (restricted)" submenu for photos), so window.py only
creates it, stops it, and lets it extend the photo menu. Everything that
runs `flatpak` or reads files happens on its own `EngineThread`; the GUI
thread only shows results.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QProcess,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pellicle.core.engine import Engine
from pellicle.core.grants.desktop import DesktopApp, image_apps
from pellicle.core.grants.sandbox import Sandbox
from pellicle.core.grants.service import AppView, Grants, Report, Verification
from pellicle.gui.tasks import EngineThread
from pellicle.i18n import say

RED = QColor("#b3261e")
GREEN = QColor("#1e7b34")

#: Roles of AppsModel beyond Qt's own.
AppIdRole = Qt.ItemDataRole.UserRole + 1
ReadsRole = Qt.ItemDataRole.UserRole + 2
RestrictedRole = Qt.ItemDataRole.UserRole + 3

#: How often the window looks again at what apps can read, at most.
RECHECK_MS = 60_000


def grants_for(engine: Engine) -> Grants:
    return Grants(
        engine.store, engine.locations, [r.path for r in engine.roots()], engine.export_dir
    )


class AppsModel(QAbstractTableModel):
    """One row per installed app (per installation): name and icon, what
    it can read, and what a check inside its sandbox found."""

    APP, ACCESS, CHECKED, ACTION = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.views: list[AppView] = []
        self.checks: dict[tuple[str, str], Verification] = {}
        self._icons: dict[str, QIcon] = {}

    def set_report(self, report: Report | None) -> None:
        self.beginResetModel()
        self.views = list(report.apps) if report is not None else []
        self.checks = {}
        self.endResetModel()

    def set_checks(self, checks: list[Verification]) -> None:
        self.checks = {(c.app.app_id, c.app.installation.name): c for c in checks}
        if self.views:
            self.dataChanged.emit(
                self.index(0, self.CHECKED), self.index(len(self.views) - 1, self.CHECKED)
            )

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.views)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("App"), self.tr("What it can read"), self.tr("Checked in its sandbox"))
        return titles[section] if section < len(titles) else ""

    def sentence(self, view: AppView) -> str:
        if view.reads_library:
            text = self.tr("Can read your library (through: %1)").replace(
                "%1", ", ".join(view.through)
            )
            if view.restricted:
                text += " " + self.tr("— its permissions changed since it was restricted")
            return text
        if view.export.readable:
            return self.tr("Sees only the export folder")
        return self.tr("Cannot read your library")

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.views):
            return None
        view = self.views[index.row()]
        column = index.column()
        if role == AppIdRole:
            return view.app.app_id
        if role == ReadsRole:
            return view.reads_library
        if role == RestrictedRole:
            return view.restricted
        if column == self.APP:
            if role == Qt.ItemDataRole.DisplayRole:
                return view.app.name
            if role == Qt.ItemDataRole.DecorationRole:
                return self._icon(view.app.icon)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{view.app.app_id} ({view.app.installation.name})"
        elif column == self.ACCESS:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.sentence(view)
            if role == Qt.ItemDataRole.ForegroundRole:
                if view.reads_library:
                    return RED
                return GREEN if view.export.readable or view.restricted else None
            if role == Qt.ItemDataRole.ToolTipRole and view.changed:
                return say(view.changed)
        elif column == self.CHECKED:
            check = self.checks.get((view.app.app_id, view.app.installation.name))
            if check is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self.checked(check)
            if role == Qt.ItemDataRole.ToolTipRole:
                return say(check.sentence())
            if role == Qt.ItemDataRole.ForegroundRole:
                return RED if check.sees_library else GREEN
        return None

    def checked(self, check: Verification) -> str:
        """A check's result in a few words (the full sentence is the tooltip)."""
        if check.problem:
            return self.tr("Cannot check: %1").replace("%1", say(check.problem))
        if check.sees_library:
            library = self.tr("sees the library")
        elif all(v == "hidden" for v in check.library.values()):
            library = self.tr("library hidden")
        else:
            library = self.tr("library: cannot tell")
        export = {
            "readable": self.tr("reads the export")
            if check.export_writable is not True
            else self.tr("reads and writes the export"),
            "not readable": self.tr("no export"),
            "nothing exported": self.tr("export empty"),
        }.get(check.export, self.tr("export: cannot tell"))
        return f"{library}, {export}"

    def _icon(self, path: str | None) -> QIcon:
        if not path:
            return QIcon.fromTheme("application-x-executable")
        if path not in self._icons:
            self._icons[path] = QIcon(path)
        return self._icons[path]


class AppsDialog(QDialog):
    """Sandboxed apps, what each can read, and one button each."""

    def __init__(self, ui: GrantsUi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setWindowTitle(self.tr("Apps and your library"))
        self.resize(1000, 380)
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Sandboxed (Flatpak) apps should see only the export folder. "
                "Restricting an app removes every permission that reaches your library "
                "and lets it read the export folder; Undo puts back exactly what it had."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.model = AppsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Sandboxed apps"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setIconSize(QSize(24, 24))
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AppsModel.APP, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AppsModel.ACCESS, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AppsModel.CHECKED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AppsModel.ACTION, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Result"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.verify_button = buttons.addButton(
            self.tr("Check inside the sandboxes"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.verify_button.setToolTip(
            self.tr("Run a tiny command in each app's own sandbox to see what it really reads")
        )
        self.verify_button.clicked.connect(self.verify)
        self.refresh_button = buttons.addButton(
            self.tr("Refresh"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.refresh_button.clicked.connect(self.ui.refresh)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons: dict[int, QPushButton] = {}
        ui.report_ready.connect(self.show_report)
        self.show_report(ui.report)

    @Slot(object)
    def show_report(self, report: Report | None) -> None:
        self.model.set_report(report)
        self.buttons.clear()
        if report is None:
            self.message.setText(self.tr("Looking at the installed apps…"))
        elif not report.available:
            self.message.setText(
                self.tr("There are no sandboxed apps: %1.").replace("%1", say(report.reason))
            )
        elif not report.apps:
            self.message.setText(self.tr("No Flatpak apps are installed."))
        else:
            reading = len(report.reading())
            if reading == 1:
                self.message.setText(self.tr("1 app can read your library."))
            elif reading:
                self.message.setText(self.tr("%n apps can read your library.", "", reading))
            else:
                self.message.setText(self.tr("No installed app can read your library."))
        for row, view in enumerate(self.model.views):
            button = QPushButton()
            if view.restricted and not view.reads_library:
                button.setText(self.tr("Undo"))
                button.setToolTip(self.tr("Give it back exactly the permissions it had"))
            elif view.restricted:
                button.setText(self.tr("Restrict again"))
            else:
                button.setText(self.tr("Restrict"))
                button.setEnabled(view.reads_library)
                if not view.reads_library:
                    button.setToolTip(self.tr("It cannot read your library"))
            button.setAccessibleName(f"{button.text()} {view.app.name}")
            button.clicked.connect(lambda _=False, v=view: self.act(v))
            self.buttons[row] = button
        self._place_buttons()
        self.verify_button.setEnabled(bool(self.model.views))

    def _place_buttons(self) -> None:
        for row, button in self.buttons.items():
            cell = QWidget()
            row_layout = QHBoxLayout(cell)
            row_layout.setContentsMargins(4, 1, 4, 1)
            row_layout.addWidget(button)
            self.table.setIndexWidget(self.model.index(row, AppsModel.ACTION), cell)

    def act(self, view: AppView) -> None:
        force = False
        if view.restricted and view.changed:
            answer = QMessageBox.question(
                self,
                self.tr("Changed by hand"),
                self.tr("%1\n\nGo on and overwrite that change?").replace("%1", say(view.changed)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            force = True
        undo = view.restricted and not view.reads_library
        self.message.setText(
            self.tr("Giving %1 back its permissions…").replace("%1", view.app.name)
            if undo
            else self.tr("Restricting %1 to the export folder…").replace("%1", view.app.name)
        )
        for button in self.buttons.values():
            button.setEnabled(False)
        self.ui.change(view.app.app_id, undo=undo, force=force, done=self._changed)

    def _changed(self, text: str) -> None:
        self.message.setText(say(text))

    @Slot()
    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.message.setText(self.tr("Checking inside each app's sandbox…"))
        self.ui.verify(self._verified)

    def _verified(self, checks: object) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(checks, str):
            self.message.setText(say(checks))
            return
        assert isinstance(checks, list)
        self.model.set_checks(checks)
        seeing = len([c for c in checks if c.sees_library])
        if seeing == 1:
            self.message.setText(self.tr("Checked: 1 app can see your library."))
        elif seeing:
            self.message.setText(self.tr("Checked: %n apps can see your library.", "", seeing))
        else:
            self.message.setText(self.tr("Checked: no app can see your library."))


class Banner(QFrame):
    """A red band above the window's content while an app reads the library."""

    review = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("grant-banner")
        self.setStyleSheet(
            "#grant-banner { background: #fdecea; border-bottom: 1px solid #e6b0aa; }"
            "#grant-banner QLabel { color: #8c1d18; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Apps that can read your library"))
        self.label.setWordWrap(True)
        self.button = QPushButton(self.tr("Review apps…"))
        self.button.clicked.connect(self.review)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        self.hide()

    def show_report(self, report: Report | None) -> None:
        reading = report.reading() if report is not None else []
        names = sorted({v.app.name for v in reading})
        if not names:
            self.hide()
            return
        if len(names) == 1:
            text = self.tr("1 app can read your whole library: %1")
        else:
            text = self.tr("%n apps can read your whole library: %1", "", len(names))
        self.label.setText(text.replace("%1", ", ".join(names)))
        self.show()


class GrantsUi(QObject):
    """The grant's place in the main window."""

    report_ready = Signal(object)

    def __init__(self, window: QMainWindow, where: Any) -> None:
        super().__init__(window)
        self.window = window
        self.report: Report | None = None
        self.image_apps: list[DesktopApp] = []
        self.worker = EngineThread(where, "pellicle-grants", self)
        self.dialog: AppsDialog | None = None
        self._last = -RECHECK_MS
        self._clock = QTimer(self)
        self._clock.setInterval(RECHECK_MS)
        self._clock.timeout.connect(self.refresh)

        self.banner = Banner()
        self.banner.review.connect(self.open_dialog)
        central = window.takeCentralWidget()
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        if central is not None:
            column.addWidget(central, 1)
        window.setCentralWidget(holder)

        self.action = QAction(self.tr("&Apps and your library…"), self)
        self.action.setStatusTip(self.tr("Which sandboxed apps can read your library"))
        self.action.triggered.connect(self.open_dialog)
        menu = window.menuBar().addMenu(self.tr("&Apps"))
        menu.addAction(self.action)
        self.open_menu = menu.addMenu(self.tr("Open an application &restricted"))
        self.open_menu.setToolTipsVisible(True)
        self.open_menu.aboutToShow.connect(self._fill_open_menu)

    # -- refreshing ------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Look again (on the worker) at what every app can read."""

        def job(engine: Engine) -> tuple[Report, list[DesktopApp]]:
            if not engine.initialised:
                return Report(True, ""), image_apps()
            return grants_for(engine).report(), image_apps()

        self.worker.submit(job, self._got_report, self._failed)

    def start(self) -> None:
        """Called once the window shows a library."""
        self.refresh()
        self._clock.start()

    def _got_report(self, result: object) -> None:
        assert isinstance(result, tuple)
        self.report, self.image_apps = result
        self.banner.show_report(self.report)
        self.report_ready.emit(self.report)

    def _failed(self, error: str) -> None:
        if self.dialog is not None:
            self.dialog.message.setText(say(error))

    def stop(self) -> None:
        self._clock.stop()
        self.worker.stop()

    # -- the dialog ------------------------------------------------------------

    @Slot()
    def open_dialog(self) -> None:
        if self.dialog is None:
            self.dialog = AppsDialog(self, self.window)
        self.dialog.show()
        self.dialog.raise_()
        self.refresh()

    def change(self, app_id: str, *, undo: bool, force: bool, done: Any) -> None:
        def job(engine: Engine) -> str:
            grants = grants_for(engine)
            if undo:
                grants.unrestrict([app_id], force=force)
                return self.tr("%1 has its own permissions back.").replace("%1", app_id)
            outcome = grants.restrict([app_id], force=force)[0]
            checks = "; ".join(say(c.sentence()) for c in outcome.verifications)
            return (
                self.tr("%1 is restricted. Checked: %2").replace("%1", app_id).replace("%2", checks)
            )

        def finished(text: object) -> None:
            done(str(text))
            self.refresh()

        def failed(error: str) -> None:
            done(error)
            self.refresh()

        self.worker.submit(job, finished, failed)

    def verify(self, done: Any) -> None:
        def job(engine: Engine) -> list[Verification]:
            return grants_for(engine).verify(None)

        self.worker.submit(job, done, done)

    # -- opening apps restricted -------------------------------------------------

    def _fill_open_menu(self) -> None:
        self.open_menu.clear()
        if not self.image_apps:
            none = self.open_menu.addAction(self.tr("No applications that open images"))
            none.setEnabled(False)
            return
        for app in self.image_apps:
            act = self.open_menu.addAction(self._app_icon(app), app.name)
            act.setToolTip(self.tr("Start it seeing the export folder, not your library"))
            act.triggered.connect(lambda _=False, a=app: self.launch(a, []))

    def add_open_with(self, menu: QMenu, paths: list[str]) -> None:
        """An "Open with (restricted)" submenu for photos: the application
        opens their exported copies, and cannot see the library itself."""
        sub = menu.addMenu(self.tr("Open with (restricted)"))
        if not self.image_apps:
            none = sub.addAction(self.tr("No applications that open images"))
            none.setEnabled(False)
        for app in self.image_apps:
            sub.addAction(self._app_icon(app), app.name, lambda a=app: self.open_exported(a, paths))

    def open_exported(self, app: DesktopApp, paths: list[str]) -> None:
        def job(engine: Engine) -> list[str]:
            copies = [engine.explain(p).exported_as for p in paths]
            return [os.path.join(engine.export_dir, c) for c in copies if c]

        def done(copies: object) -> None:
            assert isinstance(copies, list)
            if not copies:
                QMessageBox.information(
                    self.window,
                    self.tr("Not shared"),
                    self.tr(
                        "Only shared photos can be opened restricted: the application "
                        "sees the export folder, not your library."
                    ),
                )
                return
            self.launch(app, copies)

        self.worker.submit(job, done, self._show_error)

    def launch(self, app: DesktopApp, files: list[str]) -> None:
        def job(engine: Engine) -> list[str]:
            grants = grants_for(engine)
            sandbox = Sandbox.find(grants.protected, grants.export)
            sandbox.check()
            return sandbox.command(app.command(files))

        def done(argv: object) -> None:
            assert isinstance(argv, list)
            started, _pid = QProcess.startDetached(argv[0], argv[1:])
            if not started:
                self._show_error(self.tr("Could not start %1.").replace("%1", app.name))

        self.worker.submit(job, done, self._show_error)

    def _show_error(self, error: str) -> None:
        QMessageBox.warning(self.window, self.tr("Pellicle"), say(error))

    def _app_icon(self, app: DesktopApp) -> QIcon:
        if app.icon and app.icon.startswith("/"):
            return QIcon(app.icon)
        return QIcon.fromTheme(app.icon or "application-x-executable")
