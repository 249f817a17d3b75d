"""Badges: which one a photo or a folder gets (pure), and what is painted.

Private is the quiet default: no badge for a photo private only by
inheritance; a clear check-marked badge for a shareable one; a quiet one for
a photo's own private rule; the problem badges unchanged. Folders show their
own rule and, beside it, what differs inside.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeView

from gui_helpers import COPY, PRIV, PROB, ROOT, ROOTS, SHARE
from pellicle.core.policy import Decision
from pellicle.gui.delegate import (
    BADGE_COLOURS,
    CELL,
    OWN_PRIVATE,
    QUIET_FILL,
    Badge,
    FolderDelegate,
    PhotoDelegate,
    item_badge,
    photo_badge,
)
from pellicle.gui.models import FolderModel, PhotoModel
from pellicle.gui.snapshot import COPY as COPY_KIND
from pellicle.gui.snapshot import (
    OWN_RULE,
    PRIVATE,
    PROBLEM,
    SHAREABLE,
    FolderItem,
    build_photo_store,
)
from pellicle.gui.tasks import ThumbLoader

S, P = Decision.SHAREABLE, Decision.PRIVATE


@pytest.mark.parametrize(
    ("decision", "own", "problem", "badge"),
    [
        (P, False, None, None),  # private by inheritance or default: quiet
        (P, True, None, Badge(OWN_PRIVATE, True)),  # its own private rule: small badge
        (S, False, None, Badge(SHAREABLE, False)),  # shared by its folder
        (S, True, None, Badge(SHAREABLE, True)),  # shared by its own rule: dot
        (P, False, COPY_KIND, Badge(COPY_KIND, False)),  # a private copy: problem badge
        (P, True, COPY_KIND, Badge(COPY_KIND, False)),
        (S, False, PROBLEM, Badge(PROBLEM, False)),  # not exportable
        (S, True, PROBLEM, Badge(PROBLEM, True)),
    ],
)
def test_photo_badge(decision: Decision, own: bool, problem: str | None, badge: Any) -> None:
    assert photo_badge(decision, own, problem) == badge


def _store() -> Any:
    rows = [
        (1, b"a/inherited.jpg", PRIV, "private by default", None),
        (1, b"a/own-private.jpg", PRIV | OWN_RULE, "this photo is marked private", None),
        (1, b"a/shared.jpg", SHARE, "folder a is marked shareable", None),
        (1, b"a/own-shared.jpg", SHARE | OWN_RULE, "this photo is marked shareable", None),
        (1, b"a/copy.jpg", COPY, "an exact copy", None),
        (1, b"a/broken.jpg", PROB, "folder a is marked shareable", "corrupt"),
    ]
    return build_photo_store(rows, ROOTS)


def test_the_store_keeps_own_rules_apart_from_the_badge_kind(qtbot: Any) -> None:
    store = _store()
    items = {store.name(i): store.item(i) for i in range(len(store))}
    assert {n: (i.badge, i.own) for n, i in items.items()} == {
        "inherited.jpg": (PRIVATE, False),
        "own-private.jpg": (PRIVATE, True),
        "shared.jpg": (SHAREABLE, False),
        "own-shared.jpg": (SHAREABLE, True),
        "copy.jpg": (COPY_KIND, False),
        "broken.jpg": (PROBLEM, False),
    }
    assert item_badge(items["inherited.jpg"]) is None
    assert item_badge(items["own-shared.jpg"]) == Badge(SHAREABLE, True)
    # The own-rule bit never leaks into the filters.
    model = PhotoModel()
    model.set_photos(store)
    model.set_filter(kind="private")
    assert sorted(model.item(r).name for r in range(model.rowCount())) == [
        "copy.jpg", "inherited.jpg", "own-private.jpg"]  # fmt: skip
    model.set_filter(kind="shareable")
    assert model.rowCount() == 3
    # The tooltip says whose rule decides.
    model.set_filter(kind="all")
    tips = {model.item(r).name: model.data(model.index(r), 3) for r in range(model.rowCount())}
    assert "Own rule — shareable: this photo is marked shareable" in tips["own-shared.jpg"]
    assert "Inherited — shareable: folder a is marked shareable" in tips["shared.jpg"]
    assert "Own rule" not in tips["copy.jpg"] and "Inherited" not in tips["copy.jpg"]


def _colours_in(image: QImage, rect: QRect) -> set[int]:
    return {
        image.pixel(x, y)
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom())
    }


def test_photo_cells_paint_only_the_badges_that_mean_something(qtbot: Any, tmp_path: Path) -> None:
    store = _store()
    model = PhotoModel()
    model.set_photos(store)
    loader = ThumbLoader(tmp_path / "thumbs", threads=1)
    loader.stop()  # no thumbnails: the placeholder, and no worker left behind
    delegate = PhotoDelegate(loader)
    painted: dict[str, QImage] = {}
    for row in range(model.rowCount()):
        image = QImage(CELL, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, CELL.width(), CELL.height())
        delegate.paint(painter, option, model.index(row))
        painter.end()
        painted[model.item(row).name] = image
    corner = QRect(14, 10, 60, 14)  # the picture's top-left, where badges go
    green = BADGE_COLOURS[SHAREABLE].rgb()
    assert green in _colours_in(painted["shared.jpg"], corner)
    assert green in _colours_in(painted["own-shared.jpg"], corner)
    assert BADGE_COLOURS[PROBLEM].rgb() in _colours_in(painted["broken.jpg"], corner)
    assert BADGE_COLOURS[COPY_KIND].rgb() in _colours_in(painted["copy.jpg"], corner)
    # Inherited private: the bare placeholder, no badge at all.
    assert len(_colours_in(painted["inherited.jpg"], corner)) == 1
    # Own private: the quiet veil, not the grey "Private" fill of old.
    quiet = _colours_in(painted["own-private.jpg"], corner)
    assert len(quiet) > 2 and BADGE_COLOURS[PRIVATE].rgb() not in quiet
    assert QUIET_FILL.alpha() < 255  # a veil over the picture, not a solid block
    # The own-rule dot: the own-shared badge is wider than the inherited one.
    assert _badge_width(painted["own-shared.jpg"], green) > _badge_width(
        painted["shared.jpg"], green)  # fmt: skip
    loader.deleteLater()


def _badge_width(image: QImage, colour: int) -> int:
    xs = [x for x in range(image.width()) for y in range(8, 30) if image.pixel(x, y) == colour]
    return max(xs) - min(xs)


def _folder(own: Decision | None, decision: Decision, shareable: int, private: int) -> FolderItem:
    exceptions = private if decision is Decision.SHAREABLE else shareable
    return FolderItem(1, b"Holidays", f"{ROOT}/Holidays", "Holidays", own, decision, "why",
                      shareable, private, exceptions)  # fmt: skip


@pytest.mark.parametrize(
    ("folder", "words"),
    [
        (_folder(S, S, 80, 1), ["Shareable", "1 private inside"]),
        (_folder(S, S, 80, 0), ["Shareable"]),
        (_folder(P, P, 3, 40), ["Private", "3 shareable inside"]),
        (_folder(None, S, 5, 2), ["shareable (inherited)", "2 private inside"]),
        (_folder(None, P, 0, 9), []),  # private by default: quiet
        (_folder(None, P, 1, 9), ["1 shareable inside"]),
    ],
)
def test_folder_badges_say_the_rule_and_the_exceptions(
    qtbot: Any, folder: FolderItem, words: list[str]
) -> None:
    assert [text for text, _c in FolderDelegate().folder_badges(folder)] == words


def test_narrow_trees_get_short_words(qtbot: Any) -> None:
    delegate = FolderDelegate()
    folder = _folder(None, S, 5, 2)
    assert [t for t, _c in delegate.folder_badges(folder, short=1)] == ["shareable", "+2 private"]
    assert [t for t, _c in delegate.folder_badges(folder, short=2)] == ["+2 private"]
    # Narrowest: a folder's own rule alone (the exception is in the tooltip);
    # without an own rule, what differs inside is still shown.
    own = _folder(S, S, 80, 1)
    assert [t for t, _c in delegate.folder_badges(own, short=3)] == ["Shareable"]
    assert [t for t, _c in delegate.folder_badges(folder, short=3)] == ["+2 private"]


def test_a_narrow_row_keeps_the_whole_folder_name(qtbot: Any, model_tester: Any) -> None:
    """At the default tree width, "2024-07 Brittany" with its own rule and an
    exception shows its whole name: the exception badge gives way first."""
    from PySide6.QtCore import QRect, Qt

    model = FolderModel()
    model_tester(model)
    root = FolderItem(1, b"", "/lib", "lib", None, P, "why", 79, 1, 79)
    folder = FolderItem(1, b"2024-07 Brittany", "/lib/2024-07 Brittany", "2024-07 Brittany",
                        S, S, "why", 79, 1, 1)  # fmt: skip
    model.set_folders([root, folder])
    index = model.index_of((1, b"2024-07 Brittany"))
    view = QTreeView()
    qtbot.addWidget(view)
    delegate = FolderDelegate(view)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = QRect(0, 0, 200, 22)
    option.decorationSize = view.iconSize()
    drawn: list[str] = []
    original = delegate.folder_badges

    def spy(item: FolderItem, *, short: int = 0) -> list[tuple[str, QColor]]:
        parts = original(item, short=short)
        drawn[:] = [t for t, _c in parts]
        return parts

    delegate.folder_badges = spy  # type: ignore[method-assign]
    image = QImage(200, 22, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    assert drawn == ["Shareable"]
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).endswith("1 private photo inside")
    option.rect = QRect(0, 0, 420, 22)
    painter = QPainter(image)
    delegate.paint(painter, option, index)
    painter.end()
    assert drawn == ["Shareable", "1 private inside"]


def test_folder_row_paints_its_rule_and_the_exception(qtbot: Any, model_tester: Any) -> None:
    model = FolderModel()
    model_tester(model)
    folder = _folder(S, S, 80, 1)
    root = FolderItem(1, b"", ROOT, "lib", None, P, "why", 80, 1, 80)
    model.set_folders([root, folder])
    index = model.index_of((1, b"Holidays"))
    from PySide6.QtCore import Qt

    text = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert text == "Holidays, marked shareable, 1 private photo inside"
    view = QTreeView()
    qtbot.addWidget(view)
    delegate = FolderDelegate(view)
    image = QImage(400, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect = QRect(0, 0, 400, 24)
    option.font = view.font()
    delegate.paint(painter, option, index)
    painter.end()
    colours = _colours_in(image, QRect(200, 0, 200, 24))
    assert BADGE_COLOURS[SHAREABLE].rgb() in colours  # the folder's rule
    assert BADGE_COLOURS[PRIVATE].rgb() in colours  # the private photo inside
