"""The main window driven as a person would: keys, buttons, drops, undo.

Real engine, real files: every assertion about a rule is read back from a
separate Engine, and files are checked to be untouched by drops.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from pellicle.core.engine import Engine
from pellicle.core.policy import Decision
from pellicle.gui.models import mime_for_paths


def idle(window: Any) -> bool:
    return not (window.rules.busy or window._syncing or window._refreshing)


def wait_idle(qtbot: Any, window: Any) -> None:
    qtbot.waitUntil(lambda: idle(window), timeout=15_000)


def select_rows(window: Any, rows: list[int]) -> list[str]:
    model = window.photo_model
    sel = window.grid.selectionModel()
    sel.clearSelection()
    for row in rows:
        sel.select(model.index(row), QItemSelectionModel.SelectionFlag.Select)
    sel.setCurrentIndex(model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate)
    return [model.item(r).path for r in rows]


def rule_of(path: str) -> Decision | None:
    with Engine() as engine:
        roots = engine.roots()
        real = os.path.realpath(path)
        for rule in engine.rules():
            root = next(r for r in roots if r.id == rule.root_id)
            where = os.path.join(root.path, os.fsdecode(rule.rel)) if rule.rel else root.path
            if where == real:
                return rule.decision
    return None


def decision_of(path: str) -> Decision:
    with Engine() as engine:
        return engine.explain(path).decision


#: QDropEvent does not own its QMimeData: keep each alive for the test.
_MIME_KEPT: list[QMimeData] = []


def drop_event(target: Any, mime: QMimeData, pos: QPoint | None = None) -> QDropEvent:
    _MIME_KEPT.append(mime)
    point = QPointF(pos if pos is not None else QPoint(5, 5))
    return QDropEvent(
        point,
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )


def test_keys_tag_the_selection(qtbot: Any, ready: Any) -> None:
    window = ready
    paths = select_rows(window, [0, 1])
    window.grid.setFocus()
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        QTest.keyClick(window.grid, Qt.Key.Key_S)
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2
    wait_idle(qtbot, window)
    badges = {window.photo_model.item(window.photo_model.row_of(p)).badge for p in paths}
    assert badges <= {"shareable", "problem"}

    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        QTest.keyClick(window.grid, Qt.Key.Key_P)
    assert [rule_of(p) for p in paths] == [Decision.PRIVATE] * 2

    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        QTest.keyClick(window.grid, Qt.Key.Key_U)
    assert [rule_of(p) for p in paths] == [None, None]
    assert [decision_of(p) for p in paths] == [Decision.PRIVATE] * 2
    wait_idle(qtbot, window)


def test_toolbar_buttons_and_tree_folders(qtbot: Any, ready: Any, sample_library: Path) -> None:
    window = ready
    paths = select_rows(window, [2])
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.act_share.trigger()
    assert rule_of(paths[0]) is Decision.SHAREABLE

    # With the tree focused, the buttons act on the selected folder.
    holidays = str(sample_library / "Holidays")
    index = next(
        window.folder_model.index_of(f.root_id and (f.root_id, f.rel))
        for f in window.snapshot.folders
        if f.path == holidays
    )
    window.tree.setFocus()
    window.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert window.target_paths() == [holidays]
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.act_private.trigger()
    assert rule_of(holidays) is Decision.PRIVATE
    wait_idle(qtbot, window)
    folder = next(f for f in window.snapshot.folders if f.path == holidays)
    assert folder.own is Decision.PRIVATE and folder.badge == "private"


def test_undo_and_redo_restore_rules_exactly(qtbot: Any, ready: Any) -> None:
    window = ready
    paths = select_rows(window, [0, 3])
    # Start from a mix: one photo private, one with no rule.
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.tag([paths[0]], Decision.PRIVATE)
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.tag(paths, Decision.SHAREABLE)
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2

    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [rule_of(p) for p in paths] == [Decision.PRIVATE, None]

    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.undo_stack.undo()
    assert [rule_of(p) for p in paths] == [None, None]
    assert not window.undo_stack.canUndo()

    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        QTest.keyClick(
            window,
            Qt.Key.Key_Z,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert [rule_of(p) for p in paths] == [Decision.PRIVATE, None]
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.undo_stack.redo()
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2
    wait_idle(qtbot, window)


def test_internal_drops_on_targets_and_tree(qtbot: Any, ready: Any, sample_library: Path) -> None:
    window = ready
    paths = [window.photo_model.item(r).path for r in (0, 1)]
    mime = window.photo_model.mimeData([window.photo_model.index(0), window.photo_model.index(1)])
    assert "text/uri-list" not in mime.formats()  # originals never leave by drag
    event = drop_event(window.share_target, mime)
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.share_target.dropEvent(event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2

    event = drop_event(window.private_target, mime_for_paths(paths))
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.private_target.dropEvent(event)
    assert [rule_of(p) for p in paths] == [Decision.PRIVATE] * 2

    # Onto a folder in the tree: items take that folder's decision.
    family = str(sample_library / "Family")
    with Engine() as engine:
        engine.share([family])
    window.refresh()
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
    event = drop_event(window.tree, mime_for_paths(paths), pos)
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.tree.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.CopyAction
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 2
    wait_idle(qtbot, window)


def test_external_drop_inside_a_root_tags_and_never_touches_files(
    qtbot: Any, ready: Any, sample_library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready
    photo = next(sample_library.rglob("IMG_*.jpg"))
    before = (photo.read_bytes(), photo.stat().st_mtime_ns)
    monkeypatch.setattr(window, "ask_decision", lambda paths: Decision.SHAREABLE)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo))])
    event = drop_event(window, mime)
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.dropEvent(event)
    assert event.isAccepted() and event.dropAction() == Qt.DropAction.CopyAction
    assert rule_of(str(photo)) is Decision.SHAREABLE
    assert (photo.read_bytes(), photo.stat().st_mtime_ns) == before
    wait_idle(qtbot, window)

    # The same file dropped on the Private target from a file manager.
    event = drop_event(window.private_target, mime)
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
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
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = drop_event(window, mime)
    window.dropEvent(event)
    assert event.dropAction() == Qt.DropAction.CopyAction
    qtbot.waitUntil(lambda: len(window.snapshot.roots) == 2, timeout=10_000)
    assert asked and "Other photos" in asked[0]
    with Engine() as engine:
        assert str(other) in [r.path for r in engine.roots()]
    wait_idle(qtbot, window)


def test_models_pass_the_model_tester(qtbot: Any, ready: Any, model_tester: Any) -> None:
    window = ready
    testers = [
        model_tester(window.photo_model),
        model_tester(window.folder_model),
        model_tester(window.history_model),
    ]
    paths = select_rows(window, [0, 1, 2])
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.tag(paths, Decision.SHAREABLE)
    wait_idle(qtbot, window)
    for kind in ("shareable", "private", "problems", "all"):
        window.photo_model.set_filter(kind=kind)
    window.photo_model.set_filter(search="IMG_000")
    assert all("img_000" in window.photo_model.item(r).name.lower()
               for r in range(window.photo_model.rowCount()))  # fmt: skip
    window.photo_model.set_filter(search="")
    with qtbot.waitSignal(window.synced, timeout=15_000):
        window.sync_now()
    wait_idle(qtbot, window)
    assert window.history_model.rowCount() >= 1
    # Each tester watched every change above (a failure fails the test).
    assert all(shiboken6.isValid(t) for t in testers)


def test_filters_show_the_right_photos(qtbot: Any, ready: Any) -> None:
    window = ready
    paths = select_rows(window, [0])
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.tag(paths, Decision.SHAREABLE)
    wait_idle(qtbot, window)
    window.filter_box.setCurrentIndex(1)  # Shareable
    shown = [window.photo_model.item(r).path for r in range(window.photo_model.rowCount())]
    assert shown == paths
    window.filter_box.setCurrentIndex(2)  # Private
    assert window.photo_model.rowCount() == 11
    window.filter_box.setCurrentIndex(0)
    assert window.photo_model.rowCount() == 12


def test_status_bar_after_a_sync(qtbot: Any, ready: Any, export: Path) -> None:
    window = ready
    paths = select_rows(window, [0, 1, 2, 3])
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.tag(paths, Decision.SHAREABLE)
    with qtbot.waitSignal(window.synced, timeout=15_000) as blocker:
        window.sync_now()
    report = blocker.args[0]
    assert report.in_sync
    wait_idle(qtbot, window)
    status = window.snapshot.status
    assert status["exported"] == 4 - len(status["problems"]) or status["exported"] >= 1
    assert window.sync_label.text().startswith(("In sync", "In sync except"))
    assert "12 photos" in window.counts_label.text()
    assert "4 shareable" in window.counts_label.text()
    assert window.progress.isHidden()
    assert window.export_label.toolTip().startswith(str(export))
    assert "grant" in window.grant_label.text()
    window.copy_export_path()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == str(export)
    exported = [p for p in export.rglob("*") if p.is_file()]
    assert len(exported) == status["exported"]


def test_inspector_shows_what_a_photo_carries(qtbot: Any, ready: Any) -> None:
    window = ready
    row = next(
        r for r in range(window.photo_model.rowCount())
        if window.photo_model.item(r).name.endswith(".jpg")
    )  # fmt: skip
    select_rows(window, [row])
    qtbot.waitUntil(lambda: "GPS position" in window.inspector.carries.text(), timeout=10_000)
    assert "Jane Planted-Person" in window.inspector.carries.text()
    assert "nothing else" in window.inspector.keeps.text()
    assert "Not exported" in window.inspector.preview_caption.text()
    wait_idle(qtbot, window)


def test_thumbnails_are_delivered_to_the_grid(qtbot: Any, ready: Any) -> None:
    window = ready
    item = window.photo_model.item(0)
    size = window.grid.itemDelegate().thumb_pixels(window.grid)
    if window.loader.pixmap(item.path, size) is None:
        qtbot.waitUntil(lambda: window.loader.pixmap(item.path, size) is not None, timeout=10_000)
    pixmap = window.loader.pixmap(item.path, size)
    assert pixmap is not None and not pixmap.isNull()
    assert max(pixmap.width(), pixmap.height()) <= size
    cache = Path(window.where.thumbnails)
    assert oct(cache.stat().st_mode & 0o777) == oct(0o700)


def test_window_geometry_and_splitter_are_remembered(
    qtbot: Any, ready: Any, make_window: Any, settings: Any
) -> None:
    window = ready
    window.splitter.setSizes([300, 600, 300])
    sizes = window.splitter.sizes()
    window.filter_box.setCurrentIndex(2)
    window.save_state()
    again = make_window()
    assert again.filter_box.currentIndex() == 2
    assert again.splitter.sizes() == sizes
    wait_idle(qtbot, again)
    wait_idle(qtbot, window)


def test_all_photos_leaves_the_folder_the_tree_narrowed_to(
    qtbot: Any, ready: Any, sample_library: Path
) -> None:
    window = ready
    everything = window.photo_model.rowCount()
    holidays = str(sample_library / "Holidays")
    index = next(
        window.folder_model.index_of((f.root_id, f.rel))
        for f in window.snapshot.folders
        if f.path == holidays
    )
    window.tree.selectionModel().setCurrentIndex(
        index, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    narrowed = window.photo_model.rowCount()
    assert 0 < narrowed < everything
    shown = [window.photo_model.item(r).path for r in range(narrowed)]
    assert all(p.startswith(holidays + os.sep) for p in shown)
    window.act_all.trigger()
    assert window.photo_model.rowCount() == everything
    assert not window.tree.selectionModel().hasSelection()
