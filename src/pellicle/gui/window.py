"""The main window: library tree, photo grid, inspector, status, history.

Everything a person does here ends up as a rule change through the engine
(on a worker thread), recorded on a QUndoStack so Ctrl+Z restores the
previous rule exactly, including "no rule". The export is kept in sync by
the core `Watcher` (live) and by explicit syncs the window runs with a
progress bar (first scan, "Sync now", and a periodic safety net).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSplitter,
    QSystemTrayIcon,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pellicle.core.engine import Engine
from pellicle.core.paths import Locations
from pellicle.core.policy import Decision
from pellicle.gui.apps import GrantsUi
from pellicle.gui.delegate import BADGE_COLOURS, FolderDelegate, PhotoDelegate
from pellicle.gui.dialogs import FirstRunDialog, SettingsDialog, set_autostart
from pellicle.gui.inspector import Details, Inspector, inspect_job
from pellicle.gui.models import (
    FILTERS,
    FolderModel,
    HistoryModel,
    KeyRole,
    PathRole,
    PhotoItem,
    PhotoModel,
    Snapshot,
    build_snapshot,
)
from pellicle.gui.tasks import EngineThread, ThumbLoader
from pellicle.gui.views import DropTarget, FolderTree, PhotoGrid, accept_as_copy

GRANT_SENTENCE = "This is the one folder to grant to AI and creative apps."

Changes = dict[str, Decision | None]


def previous_rules(engine: Engine, paths: list[str]) -> Changes:
    """The explicit rule each path has now (None: it inherits)."""
    roots = engine.roots()
    rules = {(r.root_id, r.rel): r.decision for r in engine.rules()}
    found: Changes = {}
    for path in paths:
        real = os.path.realpath(path)
        found[path] = None
        for root in roots:
            if real == root.path or real.startswith(root.path.rstrip(os.sep) + os.sep):
                rel = b"" if real == root.path else os.fsencode(os.path.relpath(real, root.path))
                found[path] = rules.get((root.id, rel))
                break
    return found


def apply_changes(engine: Engine, changes: Changes) -> None:
    """Set each path's explicit rule (None clears it), grouped by decision."""
    groups: dict[Decision | None, list[str]] = {}
    for path, decision in changes.items():
        groups.setdefault(decision, []).append(path)
    # Privacy first: withdrawals happen before anything new is shared.
    for decision in (Decision.PRIVATE, None, Decision.SHAREABLE):
        paths = groups.get(decision)
        if not paths:
            continue
        if decision is Decision.PRIVATE:
            engine.private(paths)
        elif decision is Decision.SHAREABLE:
            engine.share(paths)
        else:
            engine.clear(paths)


class RuleChange(QUndoCommand):
    """One tagging step; undo puts every path's previous rule back."""

    def __init__(self, window: MainWindow, before: Changes, after: Changes, text: str) -> None:
        super().__init__(text)
        self.window = window
        self.before = before
        self.after = after
        self._applied = True  # pushed after the change already ran

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.window.apply_rules(self.after)

    def undo(self) -> None:
        self.window.apply_rules(self.before)


class _WatchBridge(QObject):
    """Carries watcher events (from its thread) to the GUI thread."""

    event = Signal(object)


def app_icon(colour: QColor | None = None) -> QIcon:
    """A simple drawn icon (a framed photo), so no resource file is needed."""
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


class MainWindow(QMainWindow):
    """Pellicle's window. `live` starts the core watcher for live sync."""

    #: Emitted after a snapshot was applied to the models (tests wait on it).
    refreshed = Signal()
    #: Emitted when a sync this window ran has finished.
    synced = Signal(object)
    #: Emitted after a rule change (tag, undo, redo, drop) was applied.
    rules_applied = Signal()

    def __init__(
        self,
        where: Locations,
        settings: QSettings,
        *,
        live: bool = True,
        sync_interval_ms: int = 120_000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Workers (scan, snapshot, thumbnails) are Python threads sharing the
        # GIL with this one; a shorter switch interval bounds how long the
        # GUI thread waits for it (5 ms default -> 2 ms measured fewer stalls).
        sys.setswitchinterval(0.002)
        self.where = where
        self.qsettings = settings
        self.live = live
        self.snapshot = Snapshot()
        self.setWindowTitle("Pellicle")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)

        self.rules = EngineThread(where, "pellicle-rules", self)
        self.syncer = EngineThread(where, "pellicle-sync", self)
        self.syncer.progress.connect(self._on_progress)
        self.loader = ThumbLoader(where.thumbnails, parent=self)
        self.undo_stack = QUndoStack(self)
        self.watcher: Any = None
        self._bridge = _WatchBridge(self)
        self._bridge.event.connect(self._on_watch_event)
        self._syncing = False
        self._sync_again = False
        self._refreshing = False
        self._refresh_again = False
        self._inspect_token = 0
        self._closing = False
        self._last_error = ""

        self._build_models()
        self._build_actions()
        self._build_layout()
        self._build_status()
        self._build_tray()
        self.grants = GrantsUi(self, where)  # the Apps menu and the banner
        self._restore_state()

        self._inspect_timer = QTimer(self, singleShot=True, interval=60)
        self._inspect_timer.timeout.connect(self._update_inspector)
        self._sync_timer = QTimer(self, singleShot=True)
        self._sync_timer.timeout.connect(self.sync_now)
        self._periodic = QTimer(self, interval=sync_interval_ms)
        self._periodic.timeout.connect(self.sync_now)
        # Imports and widgets live as long as the window: keep the cyclic
        # collector from walking them again (see apply_snapshot).
        gc.freeze()

    # ------------------------------------------------------------ building

    def _build_models(self) -> None:
        self.photo_model = PhotoModel(self)
        self.folder_model = FolderModel(self)
        self.history_model = HistoryModel(self)
        self.loader.ready.connect(self.photo_model.path_changed)

    def _build_actions(self) -> None:
        def action(text: str, keys: Any, slot: Any, tip: str) -> QAction:
            act = QAction(text, self)
            if keys:
                act.setShortcuts(keys if isinstance(keys, list) else [QKeySequence(keys)])
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.act_share = action("Mark &shareable", "S", self.share_selection,
                                "Mark the selected photos or folders shareable (S)")  # fmt: skip
        self.act_private = action("Mark &private", "P", self.private_selection,
                                  "Mark the selected photos or folders private (P)")  # fmt: skip
        self.act_clear = action("&Clear mark", "U", self.clear_selection,
                                "Remove their own mark; they inherit again (U)")  # fmt: skip
        self.act_undo = self.undo_stack.createUndoAction(self, "&Undo")
        self.act_undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.act_redo = self.undo_stack.createRedoAction(self, "&Redo")
        self.act_redo.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        self.addAction(self.act_undo)
        self.addAction(self.act_redo)
        self.act_sync = action("S&ync now", "F5", self.sync_now, "Bring the export up to date")
        self.act_settings = action("Se&ttings…", "Ctrl+,", self.open_settings,
                                   "Library folders, export folder and options")  # fmt: skip
        self.act_find = action("&Find", QKeySequence.StandardKey.Find, self._focus_search,
                               "Search photos by name")  # fmt: skip
        self.act_quit = action("&Quit", QKeySequence.StandardKey.Quit, self.quit,
                               "Quit Pellicle (syncing stops)")  # fmt: skip
        self.act_all = action("&All photos", "Ctrl+0", self.show_all_photos,
                              "Show the photos of every library folder")  # fmt: skip
        self.act_history = action("Share &history", "Ctrl+H", self._show_history,
                                  "What was shared when, and whether it still is")  # fmt: skip

    def _build_layout(self) -> None:
        bar = QToolBar("Tagging", self)
        bar.setObjectName("tagging")
        bar.setAccessibleName("Tagging")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.act_share, self.act_private, self.act_clear):
            bar.addAction(act)
        bar.addSeparator()
        bar.addAction(self.act_undo)
        bar.addAction(self.act_redo)
        bar.addSeparator()
        self.filter_box = QComboBox()
        self.filter_box.addItems(["All photos", "Shareable", "Private", "Problems"])
        self.filter_box.setAccessibleName("Show")
        self.filter_box.currentIndexChanged.connect(self._on_filter)
        show = QLabel("&Show:")
        show.setBuddy(self.filter_box)
        bar.addWidget(show)
        bar.addWidget(self.filter_box)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by name")
        self.search.setAccessibleName("Search photos by name")
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        self.search.textChanged.connect(self._on_search)
        bar.addSeparator()
        bar.addWidget(self.search)
        bar.addSeparator()
        bar.addAction(self.act_sync)
        bar.addAction(self.act_settings)
        self.addToolBar(bar)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addAction(self.act_sync)
        file_menu.addAction(self.act_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = menu.addMenu("&Edit")
        for act in (self.act_undo, self.act_redo, None, self.act_share, self.act_private,
                    self.act_clear, None, self.act_find):  # fmt: skip
            if act is None:
                edit_menu.addSeparator()
            else:
                edit_menu.addAction(act)
        view_menu = menu.addMenu("&View")
        view_menu.addAction(self.act_all)
        view_menu.addAction(self.act_history)

        # Left: tree and the two drop targets.
        self.tree = FolderTree()
        self.tree.setModel(self.folder_model)
        self.tree.setItemDelegate(FolderDelegate(self.tree))
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree.dropped.connect(self.handle_drop)
        self.tree.menu_requested.connect(self._tree_menu)
        self.share_target = DropTarget(Decision.SHAREABLE)
        self.private_target = DropTarget(Decision.PRIVATE)
        for target in (self.share_target, self.private_target):
            target.dropped.connect(self.handle_drop)
            target.activated.connect(self.tag_selection)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.share_target)
        left_layout.addWidget(self.private_target)

        # Centre: grid and history.
        self.grid = PhotoGrid()
        self.grid.setModel(self.photo_model)
        self.grid.setItemDelegate(PhotoDelegate(self.loader, self.grid))
        self.grid.selectionModel().selectionChanged.connect(self._on_grid_selection)
        self.grid.menu_requested.connect(self._grid_menu)
        self.history = QTableView()
        self.history.setModel(self.history_model)
        self.history.setAccessibleName("Share history")
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.verticalHeader().hide()
        self.history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.history.horizontalHeader().setStretchLastSection(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Views")
        self.tabs.addTab(self.grid, "&Photos")
        self.tabs.addTab(self.history, "Share &history")

        self.inspector = Inspector()

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main-splitter")
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.inspector)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 760, 340])
        self.setCentralWidget(self.splitter)

    def _build_status(self) -> None:
        status = self.statusBar()
        self.counts_label = QLabel("Loading the library…")
        self.counts_label.setAccessibleName("Photo counts")
        self.sync_label = QLabel("Starting…")
        self.sync_label.setAccessibleName("Sync state")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Sync progress")
        self.progress.setMaximumWidth(160)
        self.progress.setTextVisible(False)
        self.progress.hide()
        status.addWidget(self.counts_label)
        status.addWidget(self.sync_label)
        status.addWidget(self.progress)
        export = QWidget()
        row = QHBoxLayout(export)
        row.setContentsMargins(0, 0, 0, 0)
        self.export_label = QLabel()
        self.export_label.setAccessibleName("Export folder")
        self.export_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.grant_label = QLabel(GRANT_SENTENCE)
        self.grant_label.setAccessibleName("About the export folder")
        self.open_button = QPushButton("Open")
        self.open_button.setAccessibleName("Open the export folder")
        self.open_button.clicked.connect(self.open_export)
        self.copy_button = QPushButton("Copy path")
        self.copy_button.setAccessibleName("Copy the export folder's path")
        self.copy_button.clicked.connect(self.copy_export_path)
        row.addWidget(QLabel("Export:"))
        row.addWidget(self.export_label)
        row.addWidget(self.open_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.grant_label)
        status.addPermanentWidget(export)

    def _build_tray(self) -> None:
        self.tray: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self.tray = QSystemTrayIcon(app_icon(), self)
        menu = QMenu(self)
        menu.addAction("Show Pellicle", self._show_from_tray)
        menu.addAction(self.act_sync)
        menu.addSeparator()
        menu.addAction(self.act_quit)
        self.tray.setContextMenu(menu)
        self.tray.activated.connect(self._on_tray_activated)
        self.tray.setToolTip("Pellicle")
        if self.tray_enabled:
            self.tray.show()

    @property
    def tray_enabled(self) -> bool:
        return bool(self.qsettings.value("tray", True, type=bool))

    def _restore_state(self) -> None:
        geometry = self.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        state = self.qsettings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        split = self.qsettings.value("window/splitter")
        if isinstance(split, QByteArray):
            self.splitter.restoreState(split)
        self.filter_box.setCurrentIndex(int(self.qsettings.value("view/filter", 0, type=int)))

    def save_state(self) -> None:
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        self.qsettings.setValue("window/state", self.saveState())
        self.qsettings.setValue("window/splitter", self.splitter.saveState())
        self.qsettings.setValue("view/filter", self.filter_box.currentIndex())
        self.qsettings.sync()

    # ------------------------------------------------------------- startup

    def start(self) -> None:
        """Load what the index knows, then sync (and watch, when live)."""
        self.refresh(then=self._after_first_refresh)

    def _after_first_refresh(self) -> None:
        if not self.snapshot.initialised:
            QTimer.singleShot(0, self.first_run)
            return
        self.sync_now()
        self._periodic.start()
        self.grants.start()
        if self.live:
            self.start_watcher()

    def first_run(self) -> None:
        dialog = FirstRunDialog(self.where, self)
        if dialog.exec() != FirstRunDialog.DialogCode.Accepted:
            self.sync_label.setText("Not set up: choose a library in Settings")
            return
        libraries, export = dialog.choice()
        self.setup(libraries, export)

    def setup(self, libraries: list[str], export: str, **options: Any) -> None:
        """Set roots and export folder (engine.init), then refresh and sync."""

        def job(engine: Engine) -> None:
            engine.init(libraries, export, **options)

        def done(_: object) -> None:
            self.refresh(then=self._after_first_refresh_setup)

        self.rules.submit(job, done, self.show_error)

    def _after_first_refresh_setup(self) -> None:
        self.sync_now()
        if not self._periodic.isActive():
            self._periodic.start()
        if self.live:
            self.stop_watcher()
            self.start_watcher()

    def start_watcher(self) -> None:
        from pellicle.core.watch import Watcher

        if self.watcher is not None:
            return
        self.watcher = Watcher(self.where, on_event=self._bridge.event.emit)
        self.watcher.start()

    def stop_watcher(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None

    @Slot(object)
    def _on_watch_event(self, event: Any) -> None:
        kind = getattr(event, "kind", "")
        if kind in ("synced", "started", "foreign", "state"):
            self.refresh()
        if kind == "error":
            self.show_error(str(event.message))
        elif kind in ("state", "foreign"):
            self.statusBar().showMessage(str(event.message), 8000)

    # ------------------------------------------------------------- refresh

    def refresh(self, then: Any = None) -> None:
        """Re-read the snapshot on the worker; coalesces bursts of requests."""
        if self._refreshing and then is None:
            self._refresh_again = True
            return
        self._refreshing = True
        previous = self.snapshot

        def done(snap: object) -> None:
            assert isinstance(snap, Snapshot)
            self._refreshing = False
            if self.snapshot is not previous:
                # Built against an older snapshot (overlapping refreshes):
                # its row diff does not apply to what is on screen now.
                snap.same_rows = snap.photos.same_rows(self.snapshot.photos)
                snap.changed = (0, len(snap.photos) - 1) if snap.same_rows else None
            self.apply_snapshot(snap)
            if then is not None:
                then()
            if self._refresh_again:
                self._refresh_again = False
                self.refresh()

        def failed(error: str) -> None:
            self._refreshing = False
            self.show_error(error)

        def job(engine: Engine) -> Snapshot:
            return build_snapshot(engine, previous=previous)

        # The sync thread's Engine keeps the index it synced in memory, so a
        # snapshot read there costs no reload and the process holds one
        # copy of the index, not two. While it is busy syncing, the rules
        # thread reads instead (a tag's badge must not wait for a rescan).
        worker = self.rules if self.syncer.busy else self.syncer
        worker.submit(job, done, failed)

    def apply_snapshot(self, snap: Snapshot) -> None:
        selected = self.selected_paths()
        self.snapshot = snap
        self.photo_model.set_photos(snap.photos, same_rows=snap.same_rows, changed=snap.changed)
        expanded = self._expanded_keys()
        current = self.tree.currentIndex().data(KeyRole)
        self.folder_model.set_folders(snap.folders)
        self._restore_tree(expanded, current)
        self.history_model.set_rows(snap.history)
        self._reselect(selected)
        self._update_status()
        self._inspect_timer.start()
        # What is alive now (the engines' indexes, this snapshot, Qt's
        # wrappers) stays alive until the next snapshot: move it out of the
        # cyclic collector's reach. Otherwise every full collection, run by
        # whichever thread allocates, walks ~10^6 objects holding the GIL
        # (measured 100-190 ms pauses at 100,000 photos). Objects frozen
        # here are still freed by reference counting; only reference cycles
        # among them would outlive their use, and the models build none.
        gc.freeze()
        self.refreshed.emit()

    def _expanded_keys(self) -> set[Any]:
        keys = set()
        model = self.folder_model
        stack = [model.index(r, 0) for r in range(model.rowCount())]
        while stack:
            index = stack.pop()
            if self.tree.isExpanded(index):
                keys.add(index.data(KeyRole))
            stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
        return keys

    def _restore_tree(self, expanded: set[Any], current: Any) -> None:
        if not expanded:
            # First time: show the roots open one level.
            for r in range(self.folder_model.rowCount()):
                self.tree.expand(self.folder_model.index(r, 0))
            return
        for key in expanded:
            index = self.folder_model.index_of(key)
            if index.isValid():
                self.tree.expand(index)
        if current is not None:
            index = self.folder_model.index_of(current)
            if index.isValid() and index != self.tree.currentIndex():
                self.tree.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate
                )

    def _reselect(self, paths: list[str]) -> None:
        if not paths:
            return
        rows = sorted(r for r in (self.photo_model.row_of(p) for p in paths) if r is not None)
        selection = QItemSelection()
        start = prev = None
        for row in [*rows, None]:  # type: ignore[list-item]
            if row is not None and prev is not None and row == prev + 1:
                prev = row
                continue
            if start is not None and prev is not None:
                selection.select(self.photo_model.index(start), self.photo_model.index(prev))
            start = prev = row
        model = self.grid.selectionModel()
        if selection.indexes() != model.selection().indexes():
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def _update_status(self) -> None:
        status = self.snapshot.status
        if not status:
            self.counts_label.setText("No library yet")
            self.export_label.setText("—")
            return
        problems = len(status.get("problems", []))
        self.counts_label.setText(
            f"{status['photos']:,} photos · {status['shareable']:,} shareable · "
            f"{status['private']:,} private · {status['exported']:,} exported"
        )
        export = str(status.get("export_dir") or "")
        metrics = self.export_label.fontMetrics()
        self.export_label.setText(metrics.elidedText(export, Qt.TextElideMode.ElideMiddle, 320))
        self.export_label.setToolTip(f"{export}\n{GRANT_SENTENCE}")
        if self._syncing:
            return
        self.sync_label.setText(self.sync_state_text(problems))
        if self.tray is not None:
            self.tray.setToolTip(f"Pellicle: {self.sync_label.text()}")

    def sync_state_text(self, problems: int | None = None) -> str:
        status = self.snapshot.status
        if problems is None:
            problems = len(status.get("problems", []))
        offline = [r["label"] for r in status.get("roots", []) if r.get("state") == "offline"]
        if offline:
            return f"Paused: {', '.join(offline)} offline"
        if status.get("foreign"):
            return f"{len(status['foreign'])} unknown files in the export (left alone)"
        if problems:
            return (
                f"In sync except {problems} problem{'s' if problems != 1 else ''}"
                if status.get("in_sync")
                else f"{problems} problem{'s' if problems != 1 else ''}"
            )
        if status.get("in_sync"):
            return "In sync" + (" · watching" if self.watcher is not None else "")
        pending = status.get("to_add", 0) + status.get("to_update", 0) + status.get("to_remove", 0)
        return f"{pending:,} changes waiting to sync"

    # ---------------------------------------------------------------- sync

    def schedule_sync(self, delay_ms: int = 400) -> None:
        self._sync_timer.start(delay_ms)

    @Slot()
    def sync_now(self) -> None:
        if self._syncing:
            self._sync_again = True
            return
        if not self.snapshot.initialised:
            return
        self._syncing = True
        self.sync_label.setText("Syncing…")
        self.progress.setRange(0, 0)
        self.progress.show()
        progress = self.syncer.progress_fn

        def job(engine: Engine) -> Any:
            return engine.sync(progress=progress)

        self.syncer.submit(job, self._sync_done, self._sync_failed)

    @Slot(str, int, int)
    def _on_progress(self, what: str, done: int, total: int) -> None:
        if not self._syncing:
            return
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.sync_label.setText(f"Syncing {done:,} of {total:,}")
        else:
            self.progress.setRange(0, 0)
            self.sync_label.setText(f"{what.capitalize()}: {done:,} files")

    def _sync_finished(self) -> None:
        self._syncing = False
        self.progress.hide()
        if self._sync_again:
            self._sync_again = False
            self.schedule_sync(0)

    def _sync_done(self, report: Any) -> None:
        self._sync_finished()
        self.synced.emit(report)
        self.refresh()

    def _sync_failed(self, error: str) -> None:
        self._sync_finished()
        self.sync_label.setText("Sync failed")
        self.show_error(error)

    # ------------------------------------------------------------- tagging

    def selected_paths(self) -> list[str]:
        rows = sorted({i.row() for i in self.grid.selectionModel().selectedIndexes()})
        return [self.photo_model.item(r).path for r in rows]

    def selected_items(self) -> list[PhotoItem]:
        rows = sorted({i.row() for i in self.grid.selectionModel().selectedIndexes()})
        return self.photo_model.items(rows)

    def selected_folders(self) -> list[str]:
        return [
            str(i.data(PathRole))
            for i in self.tree.selectionModel().selectedIndexes()
            if i.data(PathRole)
        ]

    def target_paths(self) -> list[str]:
        """What S / P / U act on: the tree's folders when it has focus."""
        if self.tree.hasFocus() and self.selected_folders():
            return self.selected_folders()
        return self.selected_paths() or self.selected_folders()

    @Slot()
    def share_selection(self) -> None:
        self.tag(self.target_paths(), Decision.SHAREABLE)

    @Slot()
    def private_selection(self) -> None:
        self.tag(self.target_paths(), Decision.PRIVATE)

    @Slot()
    def clear_selection(self) -> None:
        self.tag(self.target_paths(), None)

    @Slot(object)
    def tag_selection(self, decision: Decision) -> None:
        self.tag(self.target_paths(), decision)

    def tag(self, paths: list[str], decision: Decision | None) -> None:
        """Give `paths` an explicit rule (None clears it), undoably."""
        if not paths:
            self.statusBar().showMessage("Select photos or folders first", 4000)
            return
        paths = list(dict.fromkeys(paths))
        after: Changes = dict.fromkeys(paths, decision)
        verb = {Decision.SHAREABLE: "Mark shareable", Decision.PRIVATE: "Mark private"}.get(
            decision,  # type: ignore[arg-type]
            "Clear mark",
        )
        what = os.path.basename(paths[0]) if len(paths) == 1 else f"{len(paths):,} items"
        text = f"{verb}: {what}"

        def job(engine: Engine) -> Changes:
            before = previous_rules(engine, paths)
            apply_changes(engine, after)
            return before

        def done(before: object) -> None:
            assert isinstance(before, dict)
            if before != after:
                self.undo_stack.push(RuleChange(self, before, after, text))
            self._rules_changed()

        self.rules.submit(job, done, self.show_error)

    def apply_rules(self, changes: Changes) -> None:
        """Set rules exactly as given (undo and redo use this)."""

        def job(engine: Engine) -> None:
            apply_changes(engine, changes)

        self.rules.submit(job, lambda _: self._rules_changed(), self.show_error)

    def _rules_changed(self) -> None:
        self.rules_applied.emit()
        self.refresh()
        if self.watcher is None:
            self.schedule_sync()

    # ------------------------------------------------------------- drops

    @Slot(list, object, bool)
    def handle_drop(self, paths: list[str], decision: Decision | None, external: bool) -> None:
        """A drop on a target or a tree folder: tag inside roots, offer the rest."""
        inside, outside = self.split_by_roots(paths)
        if inside:
            self.tag(inside, decision)
        if outside:
            self.offer_new_roots(outside)

    def split_by_roots(self, paths: list[str]) -> tuple[list[str], list[str]]:
        roots = [r.path for r in self.snapshot.roots]
        inside, outside = [], []
        for path in paths:
            real = os.path.realpath(path)
            if any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots):
                inside.append(path)
            else:
                outside.append(path)
        return inside, outside

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            accept_as_copy(event)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            accept_as_copy(event)
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            event.ignore()
            return
        accept_as_copy(event)
        # Defer: a modal question inside a drop handler blocks the source app.
        QTimer.singleShot(0, lambda: self.handle_external_drop(paths))

    def handle_external_drop(self, paths: list[str]) -> None:
        inside, outside = self.split_by_roots(paths)
        if inside:
            decision = self.ask_decision(inside)
            if decision is not None:
                self.tag(inside, decision)
        if outside:
            self.offer_new_roots(outside)

    def ask_decision(self, paths: list[str]) -> Decision | None:
        box = QMessageBox(self)
        box.setWindowTitle("Mark dropped items")
        what = os.path.basename(paths[0]) if len(paths) == 1 else f"{len(paths)} items"
        box.setText(f"How should {what} be marked?")
        share = box.addButton("Mark shareable", QMessageBox.ButtonRole.AcceptRole)
        private = box.addButton("Mark private", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is share:
            return Decision.SHAREABLE
        if clicked is private:
            return Decision.PRIVATE
        return None

    def offer_new_roots(self, paths: list[str]) -> None:
        folders = [p for p in paths if os.path.isdir(p)]
        if not folders:
            self.statusBar().showMessage(
                "Those files are not in a library folder; add their folder as a library first.",
                6000,
            )
            return
        names = ", ".join(os.path.basename(f.rstrip(os.sep)) or f for f in folders)
        answer = QMessageBox.question(
            self,
            "Add library folder",
            f"Add {names} to your library? Everything in it starts private.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        roots = [r.path for r in self.snapshot.roots] + folders
        export = str(self.snapshot.settings.get("export_dir") or "")
        self.setup(roots, export)

    # ------------------------------------------------------------ menus

    def _tag_menu(self, where: QPoint, paths: list[str], folder: bool) -> None:
        menu = QMenu(self)
        choices = (
            (Decision.SHAREABLE, "Mark shareable"),
            (Decision.PRIVATE, "Mark private"),
            (None, "Clear mark"),
        )
        for decision, text in choices:
            menu.addAction(text, lambda d=decision: self.tag(paths, d))
        if len(paths) == 1:
            menu.addSeparator()
            target = paths[0] if folder else os.path.dirname(paths[0])
            menu.addAction(
                "Show in file manager",
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(target)),
            )
        if not folder:
            self.grants.add_open_with(menu, paths)
        menu.exec(where)

    @Slot(QPoint)
    def _grid_menu(self, where: QPoint) -> None:
        paths = self.selected_paths()
        if paths:
            self._tag_menu(where, paths, folder=False)

    @Slot(QPoint)
    def _tree_menu(self, where: QPoint) -> None:
        paths = self.selected_folders()
        if paths:
            self._tag_menu(where, paths, folder=True)

    # ------------------------------------------------------- view changes

    @Slot(int)
    def _on_filter(self, index: int) -> None:
        self.photo_model.set_filter(kind=FILTERS[max(0, index)])

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self.photo_model.set_filter(search=text)

    @Slot()
    def show_all_photos(self) -> None:
        """Leave the folder the tree narrowed the grid to: every photo again."""
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self.photo_model.set_filter(scope=None)

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        key = current.data(KeyRole) if current.isValid() else None
        self.photo_model.set_filter(scope=key)

    @Slot()
    def _on_grid_selection(self) -> None:
        self._inspect_timer.start()

    def _update_inspector(self) -> None:
        items = self.selected_items()
        if not items:
            self.inspector.show_nothing()
            return
        if len(items) > 1:
            self.inspector.show_many(items)
            return
        item = items[0]
        self._inspect_token += 1
        token = self._inspect_token
        self.inspector.show_loading(item)

        def done(details: object) -> None:
            if token == self._inspect_token and isinstance(details, Details):
                self.inspector.show_details(item, details)

        def failed(error: str) -> None:
            if token == self._inspect_token:
                self.inspector.show_error(item, error)

        self.rules.submit(inspect_job(item.path), done, failed)

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.grid)
        self.search.setFocus()
        self.search.selectAll()

    def _show_history(self) -> None:
        self.tabs.setCurrentWidget(self.history)
        self.history.setFocus()

    # ------------------------------------------------------ export folder

    @Slot()
    def open_export(self) -> None:
        export = self.snapshot.status.get("export_dir")
        if export:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(export)))

    @Slot()
    def copy_export_path(self) -> None:
        export = self.snapshot.status.get("export_dir")
        if export:
            QGuiApplication.clipboard().setText(str(export))
            self.statusBar().showMessage("Export folder path copied", 3000)

    # ------------------------------------------------------------ settings

    @Slot()
    def open_settings(self) -> None:
        if not self.snapshot.initialised:
            self.first_run()
            return
        settings = self.snapshot.settings
        dialog = SettingsDialog(
            [r.path for r in self.snapshot.roots],
            str(settings.get("export_dir") or ""),
            opaque_names=bool(settings.get("opaque_names")),
            keep_capture_date=bool(settings.get("keep_capture_date")),
            tray=self.tray_enabled,
            parent=self,
        )
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        self.apply_settings(dialog)

    def apply_settings(self, dialog: SettingsDialog) -> None:
        set_autostart(dialog.autostart.isChecked())
        self.qsettings.setValue("tray", dialog.tray.isChecked())
        if self.tray is not None:
            self.tray.setVisible(dialog.tray.isChecked())
        self.setup(
            dialog.libraries.folders(),
            dialog.export.text().strip(),
            opaque_names=dialog.opaque.isChecked(),
            keep_capture_date=dialog.keep_date.isChecked(),
        )

    # ----------------------------------------------------------- messages

    def show_error(self, error: str) -> None:
        self._last_error = error
        self.statusBar().showMessage(error, 10000)

    # -------------------------------------------------------------- tray

    def _show_from_tray(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            if self.isVisible():
                self.hide()
            else:
                self._show_from_tray()

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if not self._closing and self.tray is not None and self.tray.isVisible():
            # Keep syncing in the tray; Quit from its menu ends Pellicle.
            self.hide()
            self.tray.showMessage("Pellicle", "Still keeping the export folder in sync.")
            event.ignore()
            return
        self.shutdown()
        event.accept()

    @Slot()
    def quit(self) -> None:
        self._closing = True
        self.close()

    def shutdown(self) -> None:
        """Stop timers, the watcher and all worker threads (blocks until done)."""
        self._closing = True
        for timer in (self._sync_timer, self._periodic, self._inspect_timer):
            timer.stop()
        self.stop_watcher()
        self.loader.stop()
        self.rules.stop()
        self.syncer.stop()
        self.grants.stop()
        if self.tray is not None:
            self.tray.hide()
