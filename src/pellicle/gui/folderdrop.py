"""Photos dropped onto a folder in the tree: say what that does, then do it.

In a file manager, dropping onto a folder moves things into it, and that is
what people expect here too. Pellicle never moves a photo: the dropped
items get the folder's decision as their own rule. So before the first such
drop takes effect, Pellicle says so and asks ("Pellicle never moves photos.
Give these 3 photos the rule of “Holidays” (shareable)?", Apply / Cancel);
"Don't ask again" is kept in QSettings (`ASK_KEY`) and the drop then
applies at once. Settings are only ever read and written here.

The question is asked after the drop has returned (a modal dialog inside a
drop handler would freeze the application the drag came from); `tagging`
then carries the drop out as any other.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Slot
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from pellicle.core.policy import Decision
from pellicle.gui.snapshot import FolderItem

#: QSettings key: whether a drop onto a tree folder is explained first.
ASK_KEY = "ask/folder-drop"

#: Hands a drop on: paths, decision, whether they came from outside Pellicle.
Apply = Callable[[list[str], Decision | None, bool], None]


class FolderDrop(QObject):
    """Explains and confirms drops onto tree folders, then applies them."""

    def __init__(
        self,
        settings: QSettings,
        *,
        inside: Callable[[list[str]], list[str]],
        apply: Apply,
        window: QWidget,
    ) -> None:
        """`inside` keeps the paths inside a library folder (the ones that
        would get a rule); `apply` is `Tagging.handle_drop`."""
        super().__init__(window)
        self._settings = settings
        self._inside = inside
        self._apply = apply
        self._window = window

    @property
    def asks(self) -> bool:
        return bool(self._settings.value(ASK_KEY, True, type=bool))

    @Slot(list, object, bool)
    def dropped(self, paths: list[str], folder: FolderItem, external: bool) -> None:
        """The tree took a drop onto `folder`: ask (later), then apply."""
        QTimer.singleShot(0, self, lambda: self.confirm_and_apply(paths, folder, external))

    def confirm_and_apply(self, paths: list[str], folder: FolderItem, external: bool) -> None:
        inside = self._inside(paths)
        if inside and self.asks and not self.ask(inside, folder):
            return
        self._apply(paths, folder.decision, external)

    def ask(self, paths: list[str], folder: FolderItem) -> bool:
        """Ask whether `paths` should get `folder`'s rule; keeps "Don't ask
        again" when the answer is Apply."""
        box = self.question(paths, folder)
        box.exec()
        yes = box.clickedButton() is box.button(QMessageBox.StandardButton.Apply)
        checkbox = box.checkBox()
        if yes and checkbox is not None and checkbox.isChecked():
            self._settings.setValue(ASK_KEY, False)
            self._settings.sync()
        return yes

    def question(self, paths: list[str], folder: FolderItem) -> QMessageBox:
        """The question itself (not yet shown)."""
        count = len(paths)
        photos = not any(os.path.isdir(p) for p in paths)
        shareable = folder.decision is Decision.SHAREABLE
        if photos and shareable:
            text = self.tr(
                "Pellicle never moves photos. Give %n photo(s) the rule of “{folder}” (shareable)?",
                "",
                count,
            )
        elif photos:
            text = self.tr(
                "Pellicle never moves photos. Give %n photo(s) the rule of “{folder}” (private)?",
                "",
                count,
            )
        elif shareable:
            text = self.tr(
                "Pellicle never moves photos. Give %n item(s) the rule of “{folder}” (shareable)?",
                "",
                count,
            )
        else:
            text = self.tr(
                "Pellicle never moves photos. Give %n item(s) the rule of “{folder}” (private)?",
                "",
                count,
            )
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Drop onto a folder"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(text.format(folder=folder.name))
        box.setInformativeText(
            self.tr(
                "They stay where they are. Each gets a rule of its own, which it keeps "
                "even if the folder's rule changes later. Undo (Ctrl+Z) takes it back."
            )
        )
        box.setStandardButtons(QMessageBox.StandardButton.Apply | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Apply)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        # Parented to the box: PySide would otherwise delete it with its wrapper.
        box.setCheckBox(QCheckBox(self.tr("&Don't ask again"), box))
        return box
