"""Tagging: every rule change a person makes in the window, undoably, and
what a drop means.

S / P / U, the toolbar, the menus, drops on the sidebar targets and on the
tree, and files dropped from a file manager all end here in one call,
`Tagging.tag(paths, decision)`. The change runs on the rules engine thread,
privacy first (`apply_changes`), and goes on the undo stack with each
path's previous rule as the engine reports it (`Engine.rules_at`), so undo
puts back exactly what was there, "no rule" included.

It may not touch the export, the models or the widgets: after a change it
says `rules_applied` (and `syncing` refreshes and syncs); a folder dropped
from outside every library is handed on as `outside_library` (the settings
flow offers to add it). Drops never move, rename or delete a file: every
drop is accepted as a copy (see `views`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QDragMoveEvent, QDropEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from pellicle.core.engine import Engine
from pellicle.core.policy import Decision
from pellicle.core.roots import Root, locate
from pellicle.gui.tasks import EngineThread
from pellicle.gui.views import accept_as_copy

#: Path -> its explicit rule (None: no rule of its own; it inherits).
Changes = dict[str, Decision | None]


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

    def __init__(self, tagging: Tagging, before: Changes, after: Changes, text: str) -> None:
        super().__init__(text)
        self.tagging = tagging
        self.before = before
        self.after = after
        self._applied = True  # pushed after the change already ran

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self.tagging.apply_rules(self.after)

    def undo(self) -> None:
        self.tagging.apply_rules(self.before)


class Tagging(QObject):
    """Rule changes from keys, menus and drops, with their undo stack."""

    #: A rule change (tag, undo, redo, drop) was applied by the engine.
    rules_applied = Signal()
    #: Paths dropped from outside every library folder.
    outside_library = Signal(list)
    #: A passing note for the status bar: text, milliseconds.
    message = Signal(str, int)
    #: A change failed: one line for the person.
    failed = Signal(str)

    def __init__(
        self,
        rules: EngineThread,
        *,
        targets: Callable[[], list[str]],
        roots: Callable[[], Sequence[Root]],
        window: QWidget,
    ) -> None:
        """`targets` gives what S / P / U act on now; `roots` the library
        folders as last read; `window` is the parent of the questions."""
        super().__init__(window)
        self.rules = rules
        self.undo_stack = QUndoStack(self)
        self._targets = targets
        self._roots = roots
        self._window = window

    # ------------------------------------------------------------ tagging

    @Slot()
    def share_selection(self) -> None:
        self.tag(self._targets(), Decision.SHAREABLE)

    @Slot()
    def private_selection(self) -> None:
        self.tag(self._targets(), Decision.PRIVATE)

    @Slot()
    def clear_selection(self) -> None:
        self.tag(self._targets(), None)

    @Slot(object)
    def tag_selection(self, decision: Decision) -> None:
        self.tag(self._targets(), decision)

    def tag(self, paths: list[str], decision: Decision | None) -> None:
        """Give `paths` an explicit rule (None clears it), undoably."""
        if not paths:
            self.message.emit(self.tr("Select photos or folders first"), 4000)
            return
        paths = list(dict.fromkeys(paths))
        after: Changes = dict.fromkeys(paths, decision)
        text = self._describe(paths, decision)

        def job(engine: Engine) -> Changes:
            before = engine.rules_at(paths)
            apply_changes(engine, after)
            return before

        def done(before: object) -> None:
            assert isinstance(before, dict)
            if before != after:
                self.undo_stack.push(RuleChange(self, before, after, text))
            self.rules_applied.emit()

        self.rules.submit(job, done, self.failed.emit)

    def _describe(self, paths: list[str], decision: Decision | None) -> str:
        """The undo stack's name for a change: "Mark private: IMG_1.jpg"."""
        if len(paths) == 1:
            what = os.path.basename(paths[0])
        else:
            what = self.tr("%Ln item(s)", "", len(paths))
        if decision is Decision.SHAREABLE:
            return self.tr("Mark shareable: {what}").format(what=what)
        if decision is Decision.PRIVATE:
            return self.tr("Mark private: {what}").format(what=what)
        return self.tr("Clear mark: {what}").format(what=what)

    def apply_rules(self, changes: Changes) -> None:
        """Set rules exactly as given (undo and redo use this)."""

        def job(engine: Engine) -> None:
            apply_changes(engine, changes)

        def done(_: object) -> None:
            self.rules_applied.emit()

        self.rules.submit(job, done, self.failed.emit)

    # -------------------------------------------------------------- drops

    @Slot(list, object, bool)
    def handle_drop(self, paths: list[str], decision: Decision | None, external: bool) -> None:
        """A drop on a target or a tree folder: tag inside roots, offer the rest."""
        inside, outside = self.split_by_roots(paths)
        if inside:
            self.tag(inside, decision)
        if outside:
            self.outside_library.emit(outside)

    def split_by_roots(self, paths: list[str]) -> tuple[list[str], list[str]]:
        """Paths inside a library folder, and the others (links resolved)."""
        roots = self._roots()
        inside, outside = [], []
        for path in paths:
            if locate(os.path.realpath(path), roots) is not None:
                inside.append(path)
            else:
                outside.append(path)
        return inside, outside

    # Files dragged from a file manager onto the window itself (its
    # dragEnterEvent, dragMoveEvent and dropEvent hand them here).

    def drag_over(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasUrls():
            accept_as_copy(event)
        else:
            event.ignore()

    def dropped_on_window(self, event: QDropEvent) -> None:
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
            self.outside_library.emit(outside)

    def ask_decision(self, paths: list[str]) -> Decision | None:
        """Shareable or private? for items dropped from a file manager."""
        box = QMessageBox(self._window)
        box.setWindowTitle(self.tr("Mark dropped items"))
        if len(paths) == 1:
            what = os.path.basename(paths[0])
        else:
            what = self.tr("%Ln item(s)", "", len(paths))
        box.setText(self.tr("How should {what} be marked?").format(what=what))
        share = box.addButton(self.tr("Mark shareable"), QMessageBox.ButtonRole.AcceptRole)
        private = box.addButton(self.tr("Mark private"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        clicked = box.clickedButton()
        if clicked is share:
            return Decision.SHAREABLE
        if clicked is private:
            return Decision.PRIVATE
        return None
