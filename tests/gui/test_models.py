"""The Qt models over a snapshot, without a window or an engine.

Each model runs under Qt's QAbstractItemModelTester (qutebrowser's habit,
the `model_tester` fixture) while it is filled, filtered and updated the
ways the window does it; a model with a planted bug proves the tester is
alive and heard.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QMessageLogContext,
    QModelIndex,
    QPersistentModelIndex,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QImage

from gui_helpers import PRIV, ROOT, ROOTS, SHARE, store_of
from pellicle.core.policy import Decision
from pellicle.gui.models import FolderModel, PhotoModel
from pellicle.gui.snapshot import PHOTO_BADGES, FolderItem, build_photo_store
from pellicle.gui.tasks import ThumbLoader


class ClaimsARow(QAbstractListModel):
    """A planted bug: announces an inserted row but never adds it."""

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        return None

    def insert_nothing(self) -> None:
        self.beginInsertRows(QModelIndex(), 0, 0)
        self.endInsertRows()


def test_the_model_tester_is_alive_and_reports_a_broken_model(
    qtbot: Any, qtlog: Any, model_tester: Any
) -> None:
    model = ClaimsARow()
    tester = model_tester(model)
    del tester  # the Python wrapper going must not take the tester with it
    heard: list[str] = []

    def handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        heard.append(message)

    # Outside pytest-qt's capture: here a report is the expected outcome.
    with qtlog.disabled():
        previous = qInstallMessageHandler(handler)
        try:
            model.insert_nothing()
        finally:
            qInstallMessageHandler(previous)
    assert any(m.startswith("FAIL!") and "rowCount" in m for m in heard), heard


def test_photo_model_updates_in_place_and_filters(qtbot: Any, model_tester: Any) -> None:
    model = PhotoModel()
    tester = model_tester(model)
    resets: list[int] = []
    changes: list[tuple[int, int]] = []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda a, b, roles=(): changes.append((a.row(), b.row())))
    first = store_of()
    model.set_photos(first)
    assert model.rowCount() == 6 and len(resets) == 1
    second = store_of({b"a/2.jpg": SHARE}, previous=first)
    model.set_photos(second, same_rows=True, changed=second.changed_span(first))
    assert len(resets) == 1 and changes == [(2, 2)]  # no reset: one row repainted
    assert model.item(2).badge == "shareable"
    assert model.row_of("/lib/a/2.jpg") == 2 and model.row_of("/lib/nope.jpg") is None

    model.set_filter(kind="shareable")
    assert [model.item(r).path for r in range(model.rowCount())] == ["/lib/a/2.jpg"]
    assert model.row_of("/lib/a/2.jpg") == 0 and model.row_of("/lib/top.jpg") is None
    # A decision change under a decision filter changes which rows show: reset.
    third = store_of({b"a/2.jpg": SHARE, b"b/2.jpg": SHARE}, previous=second)
    model.set_photos(third, same_rows=True, changed=third.changed_span(second))
    assert model.rowCount() == 2 and len(resets) == 3
    model.set_filter(kind="problems")
    assert model.rowCount() == 0
    model.set_filter(kind="all", scope=(1, b"a"))
    assert [model.item(r).name for r in range(model.rowCount())] == ["1.jpg", "2.jpg", "1.jpg"]
    model.set_filter(scope=None, search="TOP")
    assert [model.item(r).path for r in range(model.rowCount())] == ["/lib/top.jpg"]
    assert model.data(model.index(0), 3) is not None  # tooltip made on demand
    model.set_filter(search="")
    assert model.rowCount() == 6 and model.index(0).parent() == QModelIndex()
    assert shiboken6.isValid(tester)  # it watched all of the above


def test_photo_model_search_non_ascii_names(qtbot: Any, model_tester: Any) -> None:
    model = PhotoModel()
    model_tester(model)
    store = build_photo_store(
        [(1, "Straße/Fuß.jpg".encode(), PRIV, "r", None), (1, b"x/plain.jpg", PRIV, "r", None)],
        ROOTS,
    )
    model.set_photos(store)
    model.set_filter(search="FUSS")  # casefold: ß -> ss
    assert [model.item(r).name for r in range(model.rowCount())] == ["Fuß.jpg"]
    assert PHOTO_BADGES[PRIV] == "private"


def folder(rel: bytes, shareable: int, private: int) -> FolderItem:
    return FolderItem(1, rel, f"{ROOT}/{rel.decode()}" if rel else ROOT, rel.decode() or "lib",
                      None, Decision.PRIVATE, "default", shareable, private)  # fmt: skip


def test_folder_model_updates_only_changed_badges(qtbot: Any, model_tester: Any) -> None:
    model = FolderModel()
    model_tester(model)
    model.set_folders([folder(b"", 0, 3), folder(b"a", 0, 2), folder(b"a/x", 0, 1)])
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 1
    changed: list[Any] = []
    model.itemChanged.connect(changed.append)
    model.set_folders([folder(b"", 0, 3), folder(b"a", 0, 2), folder(b"a/x", 0, 1)])
    assert changed == []
    model.set_folders([folder(b"", 1, 2), folder(b"a", 1, 1), folder(b"a/x", 0, 1)])
    assert changed and {i.text() for i in changed} == {"lib", "a"}
    assert model.index_of((1, b"a")).data(0) == "a"
    # A new set of folders: the tree is rebuilt.
    model.set_folders([folder(b"", 0, 1), folder(b"b", 0, 1)])
    assert model.rowCount(model.index(0, 0)) == 1 and not model.index_of((1, b"a")).isValid()


def test_thumbnail_memory_is_bounded_in_bytes(qtbot: Any, tmp_path: Any) -> None:
    image = QImage(100, 100, QImage.Format.Format_RGB32)
    image.fill(0)
    per = 100 * 100 * 4
    loader = ThumbLoader(tmp_path, threads=1, memory_bytes=3 * per)
    try:
        for n in range(5):
            loader._on_result(f"/p/{n}.jpg", 144, image, "")
        assert loader.delivered == 5
        assert [k[0] for k in loader._pixmaps] == ["/p/2.jpg", "/p/3.jpg", "/p/4.jpg"]
        assert loader._held_bytes == 3 * per
        loader.forget("/p/3.jpg")
        assert loader._held_bytes == 2 * per
    finally:
        loader.stop()
