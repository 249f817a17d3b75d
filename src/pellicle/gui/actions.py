"""Every command of the window and every menu that shows them.

`Actions` makes the window's QActions (text, keys, tip) and adds them to
the window, so their keys work wherever the focus is; `fill_menu_bar` lays
them out in File / Edit / View, and `tag_menu` is the context menu of the
grid and the tree. This module names commands; it does not carry them out:
what each one does is connected in `MainWindow._wire`.

A new command: make its QAction in `Actions.__init__`, put it in a menu in
`fill_menu_bar` (and on the toolbar in `window` if it is an everyday one),
and connect it in `MainWindow._wire`. A new menu (Help, say) goes at the end
of `fill_menu_bar`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from pellicle.core.policy import Decision
from pellicle.gui.opening import open_folder

Keys = QKeySequence | QKeySequence.StandardKey | str


def key_list(keys: list[Keys]) -> list[QKeySequence]:
    """`keys` as one action's shortcuts: a standard key stands for every
    binding the platform gives it, and each sequence appears once.

    Qt gives a shortcut listed twice on one action two entries in its
    shortcut map, and two entries for one key are "ambiguous": the key
    then does nothing and Qt prints "Ambiguous shortcut overload". Which
    keys a standard key brings depends on the desktop (KDE's Redo begins
    with Ctrl+Shift+Z, Qt's generic one with Ctrl+Y), so explicit keys and
    standard ones are merged here rather than trusted to differ.
    """
    seen: dict[str, QKeySequence] = {}
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            found = QKeySequence.keyBindings(key)
        else:
            found = [QKeySequence(key)]
        for sequence in found:
            text = sequence.toString(QKeySequence.SequenceFormat.PortableText)
            if text and text not in seen:
                seen[text] = sequence
    return list(seen.values())


class Actions(QObject):
    """The window's commands, one attribute each."""

    def __init__(self, window: QWidget, undo_stack: QUndoStack) -> None:
        super().__init__(window)
        self._window = window
        self.share = self._make(
            self.tr("Mark &shareable"),
            ["S"],
            self.tr("Mark the selected photos or folders shareable (S)"),
        )
        self.private = self._make(
            self.tr("Mark &private"),
            ["P"],
            self.tr("Mark the selected photos or folders private (P)"),
        )
        self.clear = self._make(
            self.tr("&Clear mark"), ["U"], self.tr("Remove their own mark; they inherit again (U)")
        )
        self.undo = undo_stack.createUndoAction(window, self.tr("&Undo"))
        self.undo.setShortcuts(key_list(["Ctrl+Z", QKeySequence.StandardKey.Undo]))
        self.redo = undo_stack.createRedoAction(window, self.tr("&Redo"))
        # Both habits work everywhere: Ctrl+Shift+Z (GNOME, KDE, macOS) and
        # Ctrl+Y (Windows, office suites), plus whatever the platform adds.
        self.redo.setShortcuts(key_list(["Ctrl+Shift+Z", "Ctrl+Y", QKeySequence.StandardKey.Redo]))
        window.addAction(self.undo)
        window.addAction(self.redo)
        self.sync = self._make(self.tr("S&ync now"), ["F5"], self.tr("Bring the export up to date"))
        self.settings = self._make(
            self.tr("Se&ttings…"), ["Ctrl+,"], self.tr("Library folders, export folder and options")
        )
        self.find = self._make(
            self.tr("&Find"),
            ["Ctrl+F", QKeySequence.StandardKey.Find],
            self.tr("Search photos by name"),
        )
        self.quit = self._make(
            self.tr("&Quit"),
            # Not every platform binds Quit (Qt's generic Linux theme does not).
            ["Ctrl+Q", QKeySequence.StandardKey.Quit],
            self.tr("Quit Pellicle (syncing stops)"),
        )
        self.all_photos = self._make(
            self.tr("&All photos"), ["Ctrl+0"], self.tr("Show the photos of every library folder")
        )
        self.history = self._make(
            self.tr("Share &history"),
            ["Ctrl+H"],
            self.tr("What was shared when, and whether it still is"),
        )
        self.preview = self._make(
            self.tr("&Large preview"), ["Space"], self.tr("See the current photo large (Space)")
        )
        # Space is the grid's key only (the window wires the action to it):
        # elsewhere it presses buttons, the drop targets included.
        self.preview.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        self.inspector = self._make(
            self.tr("Show &inspector"),
            ["Ctrl+I"],
            self.tr("Show or hide the inspector; it makes room for the photos on small screens"),
        )
        self.inspector.setCheckable(True)
        # Thumbnail size and order (carried out by `arrange`).
        self.larger = self._make(
            self.tr("&Larger thumbnails"),
            [QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="],
            self.tr("Make the thumbnails larger (Ctrl++)"),
        )
        self.smaller = self._make(
            self.tr("S&maller thumbnails"),
            [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"],
            self.tr("Make the thumbnails smaller (Ctrl+-)"),
        )
        self.sort_name = self._make(
            self.tr("Sort by &name"), [], self.tr("Photos folder by folder, by file name")
        )
        self.sort_date = self._make(
            self.tr("Sort by &date taken"),
            [],
            self.tr("Newest photos first, under a header for each month"),
        )
        self._order = QActionGroup(self)
        for act in (self.sort_name, self.sort_date):
            act.setCheckable(True)
            self._order.addAction(act)
        self.sort_name.setChecked(True)
        # Help: F1 is the platform's help key (HelpContents).
        self.guide = self._make(
            self.tr("User &guide"),
            [QKeySequence.StandardKey.HelpContents],
            self.tr("Open the user guide"),
        )
        self.what_is_shared = self._make(
            self.tr("&What is shared?"), [], self.tr("What leaves your computer, in two lines")
        )
        self.about = self._make(
            self.tr("&About Pellicle"), [], self.tr("Version, licence and where your data lives")
        )

    def _make(self, text: str, keys: list[Keys], tip: str) -> QAction:
        act = QAction(text, self._window)
        act.setShortcuts(key_list(keys))
        act.setToolTip(tip)
        act.setStatusTip(tip)
        self._window.addAction(act)
        return act

    def show_order(self, order: str) -> None:
        """Check the View menu's order ("name" or "date")."""
        (self.sort_date if order == "date" else self.sort_name).setChecked(True)

    def tagging(self) -> list[QAction]:
        """The three tagging commands, in toolbar and menu order."""
        return [self.share, self.private, self.clear]

    def fill_menu_bar(self, bar: QMenuBar) -> None:
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.sync, self.settings])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions(self.tagging())
        edit_menu.addSeparator()
        edit_menu.addAction(self.find)
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.all_photos, self.history])
        view_menu.addSeparator()
        view_menu.addAction(self.inspector)
        view_menu.addAction(self.preview)
        view_menu.addActions([self.larger, self.smaller])
        view_menu.addSeparator()
        view_menu.addActions([self.sort_name, self.sort_date])

    def fill_help_menu(self, bar: QMenuBar) -> None:
        """The Help menu, last in the bar (after menus other rooms add)."""
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide, self.what_is_shared])
        help_menu.addSeparator()
        help_menu.addAction(self.about)

    def tag_menu(
        self,
        paths: list[str],
        *,
        folder: bool,
        tag: Callable[[list[str], Decision | None], None],
    ) -> QMenu:
        """The context menu for selected photos (or folders, `folder`)."""
        menu = QMenu(self._window)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one per right click
        choices = (
            (Decision.SHAREABLE, self.tr("Mark shareable")),
            (Decision.PRIVATE, self.tr("Mark private")),
            (None, self.tr("Clear mark")),
        )
        for decision, text in choices:
            menu.addAction(text, partial(tag, paths, decision))
        if len(paths) == 1:
            menu.addSeparator()
            target = paths[0] if folder else os.path.dirname(paths[0])
            menu.addAction(
                self.tr("Show in file manager"), partial(open_folder, target, self._window)
            )
        return menu
