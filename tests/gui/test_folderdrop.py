"""A drop onto a tree folder says what it does (no move) before doing it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from gui_helpers import drop_event, rule_of, wait_idle
from pellicle.core.engine import Engine
from pellicle.core.policy import Decision
from pellicle.gui.folderdrop import ASK_KEY
from pellicle.gui.models import mime_for_paths
from pellicle.gui.snapshot import FolderItem

Button = QMessageBox.StandardButton


def answer(qtbot: Any, button: Button, *, never_again: bool = False) -> list[str]:
    """Answer the next question with `button`; returns what it said."""
    said: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        said.extend([box.text(), box.informativeText(), box.checkBox().text()])
        said.extend(b.text() for b in box.buttons())
        if never_again:
            box.checkBox().setChecked(True)
        box.button(button).click()

    QTimer.singleShot(0, click)
    return said


@pytest.fixture
def holidays(qtbot: Any, ready: Any, sample_library: Path) -> FolderItem:
    """The "Holidays" folder, marked shareable, as the tree shows it."""
    window = ready
    with Engine() as engine:
        engine.share([str(sample_library / "Holidays")])
    window.syncing.refresh()
    qtbot.waitUntil(
        lambda: any(f.name == "Holidays" and f.own is Decision.SHAREABLE
                    for f in window.snapshot.folders),
        timeout=10_000,
    )  # fmt: skip
    wait_idle(qtbot, window)
    return next(f for f in window.snapshot.folders if f.name == "Holidays")


def outside(window: Any, folder: FolderItem, count: int) -> list[str]:
    """`count` photos that are not under `folder`."""
    rows = range(window.photo_model.rowCount())
    paths = [window.photo_model.item(r).path for r in rows]
    return [p for p in paths if not p.startswith(folder.path + "/")][:count]


def test_apply_gives_the_folder_s_rule(qtbot: Any, ready: Any, holidays: FolderItem) -> None:
    window = ready
    paths = outside(window, holidays, 3)
    index = window.folder_model.index_of((holidays.root_id, holidays.rel))
    window.tree.scrollTo(index)
    event = drop_event(mime_for_paths(paths), window.tree.visualRect(index).center())
    said = answer(qtbot, Button.Apply)
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.tree.dropEvent(event)  # the question comes after the drop returned
    assert said[0] == (
        "Pellicle never moves photos. Give these 3 photos the rule of “Holidays” (shareable)?"
    )
    assert "stay where they are" in said[1] and said[2] == "&Don't ask again"
    assert [rule_of(p) for p in paths] == [Decision.SHAREABLE] * 3
    assert all(Path(p).exists() for p in paths)  # nothing moved
    assert window.qsettings.value(ASK_KEY, True, type=bool) is True  # asks again next time
    wait_idle(qtbot, window)


def test_cancel_changes_nothing(
    qtbot: Any, ready: Any, holidays: FolderItem, sample_library: Path
) -> None:
    window = ready
    paths = outside(window, holidays, 1)
    said = answer(qtbot, Button.Cancel, never_again=True)
    with qtbot.assertNotEmitted(window.tagging.rules_applied, wait=300):
        window.folder_drop.confirm_and_apply(paths, holidays, False)
    assert said[0].startswith("Pellicle never moves photos. Give 1 photo the rule")
    assert rule_of(paths[0]) is None
    # A cancelled question is not a "don't ask again".
    assert window.qsettings.value(ASK_KEY, True, type=bool) is True
    # Folders dropped are "items"; a private folder says so.
    family = next(f for f in window.snapshot.folders if f.name == "Family")
    box = window.folder_drop.question([str(sample_library / "Holidays"), paths[0]], family)
    assert box.text() == (
        "Pellicle never moves photos. Give these 2 items the rule of “Family” (private)?"
    )
    box.deleteLater()
    wait_idle(qtbot, window)


def test_don_t_ask_again_is_remembered(
    qtbot: Any, ready: Any, holidays: FolderItem, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready
    first, second = outside(window, holidays, 2)
    answer(qtbot, Button.Apply, never_again=True)
    with qtbot.waitSignal(window.tagging.rules_applied, timeout=10_000):
        window.folder_drop.confirm_and_apply([first], holidays, False)
    assert rule_of(first) is Decision.SHAREABLE
    assert window.qsettings.value(ASK_KEY, True, type=bool) is False
    wait_idle(qtbot, window)
    window.save_state()
    # After a restart, the next drop applies without a question.
    again = make_window()
    wait_idle(qtbot, again)

    def no_question(*args: Any) -> int:
        raise AssertionError("asked again")

    monkeypatch.setattr(QMessageBox, "exec", no_question)
    with qtbot.waitSignal(again.tagging.rules_applied, timeout=10_000):
        again.folder_drop.confirm_and_apply([second], holidays, False)
    assert rule_of(second) is Decision.SHAREABLE
    wait_idle(qtbot, again)
    wait_idle(qtbot, window)
