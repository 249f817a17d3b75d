"""What the window tests share: waiting for the window to settle, selecting
photos, reading rules back from a separate Engine, and drop events."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

from pellicle.core.engine import Engine
from pellicle.core.policy import Decision


def wait_idle(qtbot: Any, window: Any) -> None:
    """Until no rule change, snapshot read or sync is queued or running."""
    qtbot.waitUntil(lambda: not window.busy, timeout=15_000)


def select_rows(window: Any, rows: list[int]) -> list[str]:
    model = window.photo_model
    sel = window.grid.selectionModel()
    sel.clearSelection()
    for row in rows:
        sel.select(model.index(row), QItemSelectionModel.SelectionFlag.Select)
    sel.setCurrentIndex(model.index(rows[0]), QItemSelectionModel.SelectionFlag.NoUpdate)
    return [model.item(r).path for r in rows]


def rule_of(path: str) -> Decision | None:
    """The explicit rule on `path`, read by an Engine of its own."""
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


#: QDropEvent does not own its QMimeData: keep each alive for the session.
_MIME_KEPT: list[QMimeData] = []


def drop_event(mime: QMimeData, pos: QPoint | None = None) -> QDropEvent:
    """A drop offering copy or move, as a file manager sends it."""
    _MIME_KEPT.append(mime)
    point = QPointF(pos if pos is not None else QPoint(5, 5))
    return QDropEvent(
        point,
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
