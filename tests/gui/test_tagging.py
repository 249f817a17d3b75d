"""Tagging as a person does it: keys, buttons, menus, drops, undo.

Real engine, real files: every assertion about a rule is read back from a
separate Engine, and files are checked to be untouched by drops.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from gui_helpers import decision_of, drop_event, rule_of, select_rows, wait_idle
from pellicle.core.engine import Engine
from pellicle.core.policy import Decision
from pellicle.gui.models import mime_for_paths


def test_keys_tag_the_selection(qtbot: Any, ready: Any) -> None:
    window = ready
    applied = window.tagging.rules_applied
    paths = select_rows(window, [0, 1])
    window.grid.setFocus()
    with qtbot.waitSignal(applied, timeout=10_000):
        QTest.keyClick(window.grid, Qt.Key.Key_S)
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2
    wait_idle(qtbot, window)
    badges = {window.photo_model.item(window.photo_model.row_of(p)).badge for p in paths}
    assert badges <= {"shareable", "problem"}

    with qtbot.waitSignal(applied, timeout=10_000):
        QTest.keyClick(window.grid, Qt.Key.Key_P)
    assert [rule_of(p) for p in paths] == [Decision.PRIVATE] * 2

    with qtbot.waitSignal(applied, timeout=10_000):
        QTest.keyClick(window.grid, Qt.Key.Key_U)
    assert [rule_of(p) for p in paths] == [None, None]
    assert [decision_of(p) for p in paths] == [Decision.PRIVATE] * 2
    wait_idle(qtbot, window)


def test_toolbar_buttons_and_tree_folders(qtbot: Any, ready: Any, sample_library: Path) -> None:
    window = ready
    paths = select_rows(window, [2])
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.acts.share.trigger()
    assert rule_of(paths[0]) is Decision.SHAREABLE

    # With the tree focused, the buttons act on the selected folder.
    holidays = str(sample_library / "Holidays")
    index = next(
        window.folder_model.index_of((f.root_id, f.rel))
        for f in window.snapshot.folders
        if f.path == holidays
    )
    window.tree.setFocus()
    window.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert window.target_paths() == [holidays]
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.acts.private.trigger()
    assert rule_of(holidays) is Decision.PRIVATE
    wait_idle(qtbot, window)
    folder = next(f for f in window.snapshot.folders if f.path == holidays)
    assert folder.own is Decision.PRIVATE and folder.badge == "private"


def test_undo_and_redo_restore_rules_exactly(qtbot: Any, ready: Any) -> None:
    window = ready
    tagging = window.tagging
    paths = select_rows(window, [0, 3])
    # Start from a mix: one photo private, one with no rule.
    with qtbot.waitSignal(tagging.rules_applied, timeout=10_000):
        tagging.tag([paths[0]], Decision.PRIVATE)
    with qtbot.waitSignal(tagging.rules_applied, timeout=10_000):
        tagging.tag(paths, Decision.SHAREABLE)
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2
    assert tagging.undo_stack.undoText() == "Mark shareable: 2 items"

    with qtbot.waitSignal(tagging.rules_applied, timeout=10_000):
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [rule_of(p) for p in paths] == [Decision.PRIVATE, None]

    with qtbot.waitSignal(tagging.rules_applied, timeout=10_000):
        tagging.undo_stack.undo()
    assert [rule_of(p) for p in paths] == [None, None]
    assert not tagging.undo_stack.canUndo()

    with qtbot.waitSignal(tagging.rules_applied, timeout=10_000):
        QTest.keyClick(
            window,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert [rule_of(p) for p in paths] == [Decision.PRIVATE, None]
    with qtbot.waitSignal(tagging.rules_applied, timeout=10_000):
        tagging.undo_stack.redo()
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2
    wait_idle(qtbot, window)


def test_a_change_that_changes_nothing_is_not_an_undo_step(qtbot: Any, ready: Any) -> None:
    window = ready
    tagging = window.tagging
    paths = select_rows(window, [1])
    with qtbot.waitSignal(tagging.rules_applied, timeout=10_000):
        tagging.tag(paths, None)  # it has no rule: clearing changes nothing
    assert tagging.undo_stack.count() == 0
    with qtbot.waitSignal(tagging.message, timeout=5_000) as note:
        tagging.tag([], Decision.SHAREABLE)
    assert note.args[0] == "Select photos or folders first"
    wait_idle(qtbot, window)


def test_paths_are_split_by_the_one_locate(
    ready: Any, sample_library: Path, tmp_path: Path
) -> None:
    window = ready
    photo = next(sample_library.rglob("IMG_*.jpg"))
    # A sibling sharing the root's name as a prefix is outside it.
    sibling = Path(str(sample_library) + "-2")
    sibling.mkdir()
    link = tmp_path / "link-to-photo.jpg"
    link.symlink_to(photo)
    inside, outside = window.tagging.split_by_roots(
        [str(photo), str(sibling), str(sample_library), str(link)]
    )
    assert inside == [str(photo), str(sample_library), str(link)]
    assert outside == [str(sibling)]


def test_internal_drops_on_targets_and_tree(qtbot: Any, ready: Any, sample_library: Path) -> None:
    window = ready
    applied = window.tagging.rules_applied
    paths = [window.photo_model.item(r).path for r in (0, 1)]
    mime = window.photo_model.mimeData([window.photo_model.index(0), window.photo_model.index(1)])
    assert "text/uri-list" not in mime.formats()  # originals never leave by drag
    event = drop_event(mime)
    with qtbot.waitSignal(applied, timeout=10_000):
        window.share_target.dropEvent(event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2

    event = drop_event(mime_for_paths(paths))
    with qtbot.waitSignal(applied, timeout=10_000):
        window.private_target.dropEvent(event)
    assert [rule_of(p) for p in paths] == [Decision.PRIVATE] * 2

    # Onto a folder in the tree: items take that folder's decision.
    family = str(sample_library / "Family")
    with Engine() as engine:
        engine.share([family])
    window.syncing.refresh()
    qtbot.waitUntil(
        lambda: any(f.path == family and f.own is Decision.SHAREABLE
                    for f in window.snapshot.folders),
        timeout=10_000,
    )  # fmt: skip
    wait_idle(qtbot, window)
    index = window.folder_model.index_of(
        next((f.root_id, f.rel) for f in window.snapshot.folders if f.path == family)
    )
    window.tree.scrollTo(index)
    pos = window.tree.visualRect(index).center()
    event = drop_event(mime_for_paths(paths), pos)
    asked: list[str] = []  # the explanation itself: tests/gui/test_folderdrop.py
    window.folder_drop.ask = lambda paths, folder: asked.append(folder.name) or True
    with qtbot.waitSignal(applied, timeout=10_000):
        window.tree.dropEvent(event)
    assert asked == ["Family"]
    assert event.dropAction() == Qt.DropAction.CopyAction
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2
    wait_idle(qtbot, window)


def test_external_drop_inside_a_root_tags_and_never_touches_files(
    qtbot: Any, ready: Any, sample_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready
    applied = window.tagging.rules_applied
    photo = next(sample_library.rglob("IMG_*.jpg"))
    before = (photo.read_bytes(), photo.stat().st_mtime_ns)
    monkeypatch.setattr(window.tagging, "ask_decision", lambda paths: Decision.SHAREABLE)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    event = drop_event(mime)
    with qtbot.waitSignal(applied, timeout=10_000):
        window.dropEvent(event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert rule_of(str(photo)) is Decision.SHAREABLE
    assert (photo.read_bytes(), photo.stat().st_mtime_ns) == before
    wait_idle(qtbot, window)

    # The same file dropped on the Private target from a file manager.
    event = drop_event(mime)
    with qtbot.waitSignal(applied, timeout=10_000):
        window.private_target.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.CopyAction
    assert rule_of(str(photo)) is Decision.PRIVATE
    assert photo.exists()
    wait_idle(qtbot, window)


def test_external_drop_outside_roots_offers_a_new_root(
    qtbot: Any, ready: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready
    other = tmp_path / "Other photos"
    other.mkdir()
    loose = tmp_path / "loose.jpg"
    loose.write_bytes(b"not in any library")
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    # A file outside every library: told what to do, nothing asked.
    with qtbot.waitSignal(window.settings_flow.message, timeout=5_000) as note:
        window.tagging.handle_drop([str(loose)], Decision.SHAREABLE, True)
    assert "not in a library folder" in note.args[0] and not asked

    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = drop_event(mime)
    window.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.CopyAction
    qtbot.waitUntil(lambda: len(window.snapshot.roots) == 2, timeout=10_000)
    assert asked and "Other photos" in asked[0]
    with Engine() as engine:
        assert str(other) in [r.path for r in engine.roots()]
    assert os.listdir(other) == []
    wait_idle(qtbot, window)
