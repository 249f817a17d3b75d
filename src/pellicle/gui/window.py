"""The main window: it lays out the views and wires the rooms together.

Library tree, photo grid and share history in the centre, the inspector on
the right, the status bar below. What the window does is done elsewhere,
and connected here in `_wire`, the one place to read how a key press
becomes a rule change and a rule change becomes a repaint:

- `actions`: the commands (keys, menus, context menus);
- `tagging`: rule changes, undo, drops;
- `syncing`: snapshots, syncs with progress, the live watcher;
- `settings`: first run, Settings, adding library folders;
- `statusbar`, `tray`, `inspector`: what they show;
- `help`: the user guide, "What is shared?" and About.

The window itself keeps only what is about its views: applying a snapshot
to the models while keeping the selection, the tree's open folders and the
filters; its geometry (QSettings); closing to the tray.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QModelIndex,
    QPoint,
    QSettings,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from pellicle.core.paths import Locations
from pellicle.core.policy import Decision
from pellicle.gui.access import name_toolbar_extras
from pellicle.gui.actions import Actions
from pellicle.gui.apps import GrantsUi
from pellicle.gui.arrange import Arrangement
from pellicle.gui.delegate import FolderDelegate, PhotoDelegate
from pellicle.gui.droptarget import DropTarget
from pellicle.gui.folderdrop import FolderDrop
from pellicle.gui.help import Help
from pellicle.gui.history import HistoryView
from pellicle.gui.inspector import Inspector
from pellicle.gui.models import (
    FILTERS,
    FolderModel,
    FolderRole,
    KeyRole,
    PathRole,
    PhotoModel,
)
from pellicle.gui.panels import PanelSplitter, default_size
from pellicle.gui.preview import Preview
from pellicle.gui.settings import SettingsFlow
from pellicle.gui.snapshot import FolderItem, PhotoItem, Snapshot
from pellicle.gui.statusbar import StatusArea
from pellicle.gui.syncing import Syncing
from pellicle.gui.tagging import Tagging
from pellicle.gui.tasks import EngineThread, ThumbLoader
from pellicle.gui.tray import Tray, app_icon
from pellicle.gui.views import FolderTree, GridHeader, PhotoGrid


class MainWindow(QMainWindow):
    """Pellicle's window. `live` starts the core watcher for live sync."""

    #: Emitted after a snapshot was applied to the models (tests wait on it).
    refreshed = Signal()

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
        self.where = where
        self.qsettings = settings
        self._closing = False
        self.setWindowTitle("Pellicle")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)  # from a file manager: see dropEvent

        # Workers: quick rule edits and reads, syncs, thumbnails (see tasks).
        self.rules = EngineThread(where, "pellicle-rules", self)
        self.syncer = EngineThread(where, "pellicle-sync", self)
        self.loader = ThumbLoader(where.thumbnails, parent=self)
        self.photo_model = PhotoModel(self)
        self.folder_model = FolderModel(self)
        self.history = HistoryView()
        self.history_model = self.history.model

        self.syncing = Syncing(where, self.rules, self.syncer, live=live,
                               sync_interval_ms=sync_interval_ms, parent=self)  # fmt: skip
        self.tagging = Tagging(self.rules, targets=self.target_paths,
                               roots=lambda: self.snapshot.roots, window=self)  # fmt: skip
        self.acts = Actions(self, self.tagging.undo_stack)
        self.folder_drop = FolderDrop(settings, inside=lambda p: self.tagging.split_by_roots(p)[0],
                                      apply=self.tagging.handle_drop, window=self)  # fmt: skip
        self._build_toolbar()
        self.acts.fill_menu_bar(self.menuBar())
        self._build_centre()
        self.preview = Preview(self.grid, self.rules, self)  # a page over the views
        self.preview.attach(self)
        self.status_area = StatusArea(self.statusBar())
        self.arrange = Arrangement(self.grid, self.photo_delegate, self.photo_model, self.rules,
                                   settings, parent=self)  # fmt: skip
        self.statusBar().addPermanentWidget(self.arrange.slider)
        self.tray = Tray(self, settings, [self.acts.sync, None, self.acts.quit])
        self.grants = GrantsUi(self, where)  # the Apps menu and the banner
        self.help = Help(where, settings, self)
        self.acts.fill_help_menu(self.menuBar())  # last, after Apps
        self.settings_flow = SettingsFlow(where, self.rules, snapshot=lambda: self.snapshot,
                                          restart=self.syncing.restart, tray=self.tray,
                                          window=self, settings=settings)  # fmt: skip
        self._wire()
        self._restore_state()

    @property
    def snapshot(self) -> Snapshot:
        """What the window shows now."""
        return self.syncing.snapshot

    @property
    def busy(self) -> bool:
        """A rule change, a snapshot read or a sync is queued or running."""
        return self.rules.busy or self.syncing.busy

    # ------------------------------------------------------------ building

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Tagging"), self)
        bar.setObjectName("tagging")
        bar.setAccessibleName(self.tr("Tagging"))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addActions(self.acts.tagging())
        bar.addSeparator()
        bar.addActions([self.acts.undo, self.acts.redo])
        bar.addSeparator()
        self.filter_box = QComboBox()
        self.filter_box.addItems([self.tr("All photos"), self.tr("Shareable"), self.tr("Private"),
                                  self.tr("Problems")])  # fmt: skip
        self.filter_box.setAccessibleName(self.tr("Show"))
        show = QLabel(self.tr("&Show:"))
        show.setBuddy(self.filter_box)
        bar.addWidget(show)
        bar.addWidget(self.filter_box)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name"))
        self.search.setAccessibleName(self.tr("Search photos by name"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(260)
        # Room for the whole placeholder ("Chercher par nom" in French), plus
        # the clear button.
        hint = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(min(260, hint + 48))
        bar.addSeparator()
        bar.addWidget(self.search)
        bar.addSeparator()
        bar.addActions([self.acts.sync, self.acts.settings])
        self.addToolBar(bar)
        name_toolbar_extras(bar, self.search)

    def _build_centre(self) -> None:
        # Left: the tree and the two drop targets.
        self.tree = FolderTree()
        self.tree.setModel(self.folder_model)
        self.tree.setItemDelegate(FolderDelegate(self.tree))
        self.share_target = DropTarget(Decision.SHAREABLE)
        self.private_target = DropTarget(Decision.PRIVATE)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(4, 4, 0, 4)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.share_target)
        left_layout.addWidget(self.private_target)

        # Centre: one tab per view of the library (a new view is a tab here).
        self.grid = PhotoGrid()
        self.grid.setModel(self.photo_model)
        self.photo_delegate = PhotoDelegate(self.loader, self.grid)
        self.grid.setItemDelegate(self.photo_delegate)
        self.grid_header = GridHeader()
        self.photos_page = QWidget()
        page = QVBoxLayout(self.photos_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.setSpacing(0)
        page.addWidget(self.grid_header)
        page.addWidget(self.grid, 1)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Views"))
        self.tabs.addTab(self.photos_page, self.tr("&Photos"))
        self.tabs.addTab(self.history, self.tr("Share histor&y"))

        # Right: the inspector.
        self.inspector = Inspector(self.rules, self.selected_items)

        # The grid keeps its columns; the inspector gives way (see panels).
        self.splitter = PanelSplitter(left, self.tabs, self.inspector, grid=self.grid,
                                      toggle=self.acts.inspector)  # fmt: skip
        self.setCentralWidget(self.splitter)

    def _wire(self) -> None:
        acts, tagging, syncing, flow = self.acts, self.tagging, self.syncing, self.settings_flow
        status = self.status_area
        # Commands.
        acts.share.triggered.connect(tagging.share_selection)
        acts.private.triggered.connect(tagging.private_selection)
        acts.clear.triggered.connect(tagging.clear_selection)
        acts.sync.triggered.connect(syncing.sync_now)
        acts.settings.triggered.connect(flow.open_settings)
        acts.find.triggered.connect(self._focus_search)
        acts.quit.triggered.connect(self.quit)
        acts.all_photos.triggered.connect(self.show_all_photos)
        acts.history.triggered.connect(self._show_history)
        arrange = self.arrange
        acts.larger.triggered.connect(arrange.larger)
        acts.smaller.triggered.connect(arrange.smaller)
        acts.sort_name.triggered.connect(arrange.by_name)
        acts.sort_date.triggered.connect(arrange.by_date)
        acts.show_order(arrange.order)
        arrange.order_changed.connect(acts.show_order)
        acts.guide.triggered.connect(self.help.show_guide)
        acts.what_is_shared.triggered.connect(self.help.show_what_is_shared)
        acts.about.triggered.connect(self.help.show_about)
        status.what_is_shared_button.clicked.connect(self.help.show_what_is_shared)
        status.what_is_shared_button.setToolTip(self.help.what_is_shared_text())
        # Views.
        self.filter_box.currentIndexChanged.connect(self._on_filter)
        self.search.textChanged.connect(self._on_search)
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current)
        self.tree.dropped.connect(self.folder_drop.dropped)
        self.tree.menu_requested.connect(self._tree_menu)
        for target in (self.share_target, self.private_target):
            target.dropped.connect(tagging.handle_drop)
            target.activated.connect(tagging.tag_selection)
        self.grid.selectionModel().selectionChanged.connect(self.inspector.follow)
        # A model reset clears the grid's selection without a selectionChanged
        # signal: without this the inspector kept showing a photo the grid no
        # longer held (after a filter, a search, a folder change, a refresh).
        self.photo_model.modelReset.connect(self.inspector.follow)
        self.photo_model.rowsRemoved.connect(self.inspector.follow)
        self.grid.menu_requested.connect(self._grid_menu)
        self.loader.ready.connect(self.photo_model.path_changed)
        # The header follows what the grid shows (folder, filter, search).
        self.photo_model.modelReset.connect(self._update_header)
        # The large preview: Space / Enter / double-click; another tab closes it.
        self.grid.open_requested.connect(self.preview.open_row)
        self.grid.addAction(acts.preview)  # its Space works in the grid only
        acts.preview.triggered.connect(self.preview.toggle)
        self.tabs.currentChanged.connect(self.preview.close_preview)
        self.refreshed.connect(self.preview.refresh)
        # A rule change is shown, then synced; a dropped outside folder may
        # become a library.
        tagging.rules_applied.connect(syncing.rules_changed)
        tagging.outside_library.connect(flow.offer_new_roots)
        # Snapshots and syncs.
        syncing.snapshot_ready.connect(self.apply_snapshot)
        syncing.snapshot_ready.connect(arrange.follow)  # after: dates of new photos
        syncing.refreshed.connect(self.refreshed)
        syncing.needs_setup.connect(flow.first_run)
        syncing.sync_started.connect(status.sync_started)
        syncing.sync_progress.connect(status.sync_progress)
        syncing.work_finished.connect(status.sync_finished)
        syncing.sync_failed.connect(status.sync_failed)
        status.state_changed.connect(self.tray.set_state)
        flow.declined.connect(status.not_set_up)
        # Notes and errors, from every room, to the status bar.
        for room in (tagging, syncing, flow, arrange):
            room.message.connect(status.message)
            room.failed.connect(status.show_error)

    def _restore_state(self) -> None:
        geometry = self.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(default_size(self))
        state = self.qsettings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.splitter.restore(self.qsettings)
        index = self.qsettings.value("view/filter", 0, type=int)
        self.filter_box.setCurrentIndex(index if isinstance(index, int) else 0)

    def save_state(self) -> None:
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        self.qsettings.setValue("window/state", self.saveState())
        self.splitter.save(self.qsettings)
        self.qsettings.setValue("view/filter", self.filter_box.currentIndex())
        self.qsettings.sync()

    # ------------------------------------------------------------- startup

    def start(self) -> None:
        """Load what the index knows, then sync (and watch, when live)."""
        self.syncing.start()
        self.grants.start()

    @Slot(object)
    def apply_snapshot(self, snap: Snapshot) -> None:
        """Show `snap`, keeping the selection, open folders and filters."""
        selected = self.selected_paths()
        self.photo_model.set_photos(snap.photos, same_rows=snap.same_rows, changed=snap.changed)
        expanded = self.tree.expanded_keys()
        current = self.tree.currentIndex().data(KeyRole)
        self.folder_model.set_folders(snap.folders)
        self.tree.restore_expansion(expanded, current)
        self.history.set_history(snap.history)
        if selected:
            rows = (self.photo_model.row_of(p) for p in selected)
            self.grid.select_rows(sorted(r for r in rows if r is not None))
        self.status_area.show_status(snap.status, watching=self.syncing.watching)
        self._update_header()
        self.inspector.follow()

    # ----------------------------------------------------------- selection

    def selected_paths(self) -> list[str]:
        return [self.photo_model.item(r).path for r in self.grid.selected_rows()]

    def selected_items(self) -> list[PhotoItem]:
        return self.photo_model.items(self.grid.selected_rows())

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

    @Slot(QPoint)
    def _grid_menu(self, where: QPoint) -> None:
        paths = self.selected_paths()
        if paths:
            menu = self.acts.tag_menu(paths, folder=False, tag=self.tagging.tag)
            self.grants.add_open_with(menu, paths)
            menu.exec(where)

    @Slot(QPoint)
    def _tree_menu(self, where: QPoint) -> None:
        paths = self.selected_folders()
        if paths:
            self.acts.tag_menu(paths, folder=True, tag=self.tagging.tag).exec(where)

    # ------------------------------------------------------- view changes

    def _refilter(self, **change: object) -> None:
        """Narrow or widen the grid (`PhotoModel.set_filter`), keeping the
        selected photos that are still shown; the inspector follows what
        stays selected, and shows nothing when none does."""
        selected = self.selected_paths()
        current = self.grid.currentIndex().data(PathRole)
        self.photo_model.set_filter(**change)  # type: ignore[arg-type]
        rows = (self.photo_model.row_of(p) for p in selected)
        self.grid.select_rows(sorted(r for r in rows if r is not None))
        kept = self.photo_model.row_of(str(current)) if current else None
        if kept is not None:
            self.grid.selectionModel().setCurrentIndex(
                self.photo_model.index(kept), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.inspector.follow()

    @Slot(int)
    def _on_filter(self, index: int) -> None:
        self._refilter(kind=FILTERS[max(0, index)])

    @Slot(str)
    def _on_search(self, text: str) -> None:
        self._refilter(search=text)

    @Slot()
    def show_all_photos(self) -> None:
        """Leave the folder the tree narrowed the grid to: every photo again."""
        self.tree.clearSelection()
        self.tree.setCurrentIndex(QModelIndex())
        self._refilter(scope=None)

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        key = current.data(KeyRole) if current.isValid() else None
        self._refilter(scope=key)

    @Slot()
    def _update_header(self) -> None:
        """Say above the grid which folder it shows, with its counts."""
        folder = self.tree.currentIndex().data(FolderRole)
        shown = self.photo_model.rowCount()
        if isinstance(folder, FolderItem):
            total = folder.shareable + folder.private
            self.grid_header.show_scope(folder.name, folder.path, photos=total,
                                        shareable=folder.shareable, shown=shown)  # fmt: skip
            return
        status = self.snapshot.status
        roots = "\n".join(r.path for r in self.snapshot.roots)
        self.grid_header.show_scope(None, roots, photos=int(status.get("photos", 0)),
                                    shareable=int(status.get("shareable", 0)),
                                    shown=shown)  # fmt: skip

    @Slot()
    def _focus_search(self) -> None:
        if self.tabs.currentWidget() is self.history:  # Ctrl+F searches what is shown
            self.history.search.setFocus()
            self.history.search.selectAll()
            return
        self.tabs.setCurrentWidget(self.photos_page)
        self.search.setFocus()
        self.search.selectAll()

    @Slot()
    def _show_history(self) -> None:
        self.tabs.setCurrentWidget(self.history)
        self.history.tree.setFocus()

    # Files dragged from a file manager onto the window (not onto a view
    # that takes drops itself): tagging decides what they mean.

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.tagging.drag_over(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.tagging.drag_over(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.tagging.dropped_on_window(event)

    # ------------------------------------------------------------ closing

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if not self._closing and self.tray.visible:
            # Keep syncing in the tray; Quit from its menu ends Pellicle.
            self.hide()
            self.tray.tell_still_syncing()
            event.ignore()
            return
        self.shutdown()
        event.accept()

    def stays_in_tray(self) -> bool:
        """Closing the window left Pellicle syncing in the tray."""
        return self.tray.visible and not self._closing

    @Slot()
    def quit(self) -> None:
        self._closing = True
        self.close()

    def shutdown(self) -> None:
        """Stop timers, the watcher and all worker threads (blocks until done)."""
        self._closing = True
        self.syncing.shutdown()
        self.inspector.stop()
        self.preview.stop()
        self.arrange.stop()
        self.loader.stop()
        self.rules.stop()
        self.syncer.stop()
        self.grants.stop()
        self.tray.hide()
