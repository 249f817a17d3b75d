"""What the GUI tests share: photo store rows without an engine, waiting
for the window to settle, selecting photos, reading rules back from a
separate Engine, and drop events."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent

from pellicle.core.engine import Engine
from pellicle.core.policy import Decision
from pellicle.core.roots import Root
from pellicle.gui.snapshot import PhotoStore, build_photo_store

ROOT = "/lib"
ROOTS = [Root(1, ROOT, "lib", "online")]
SHARE, PRIV, COPY, PROB = range(4)


def rows(badge_of: dict[bytes, int] | None = None) -> list[tuple[Any, ...]]:
    rels = [b"b/2.jpg", b"a/x/1.jpg", b"a/2.jpg", b"top.jpg", b"a/1.jpg", b"a-b/1.jpg"]
    badge_of = badge_of or {}
    out = []
    for rel in rels:
        badge = badge_of.get(rel, PRIV)
        reason = "marked" if badge != PRIV else "private by default"
        problem = "corrupt" if badge == PROB else None
        out.append((1, rel, badge, reason, problem))
    return out


def store_of(badge_of: dict[bytes, int] | None = None, previous: PhotoStore | None = None):
    return build_photo_store(rows(badge_of), ROOTS, previous)


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
