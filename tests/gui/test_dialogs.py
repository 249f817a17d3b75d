"""The first-run and settings dialogs on their own, and the login entry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pellicle.gui.dialogs import FirstRunDialog, autostart_file, set_autostart


def test_first_run_refuses_empty_choices(qtbot: Any, where: Any) -> None:
    dialog = FirstRunDialog(where)
    qtbot.addWidget(dialog)
    dialog.libraries.set_folders([])
    dialog.buttons.accepted.emit()
    assert "library folder" in dialog.message.text()
    assert dialog.result() == 0
    dialog.done(0)


def test_autostart_entry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    set_autostart(True)
    entry = autostart_file()
    assert entry == tmp_path / "config" / "autostart" / "pellicle.desktop"
    text = entry.read_text()
    assert "[Desktop Entry]" in text and "Exec=" in text and "pellicle" in text
    set_autostart(False)
    assert not entry.exists()


@pytest.fixture
def person_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh HOME with its own XDG config (user-dirs.dirs lives there)."""
    home = tmp_path / "person"
    (home / ".config").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    return home


def test_first_run_proposes_the_pictures_folder_when_it_exists(
    qtbot: Any, where: Any, person_home: Path
) -> None:
    dialog = FirstRunDialog(where)
    qtbot.addWidget(dialog)
    assert dialog.libraries.folders() == []  # no Pictures folder: nothing made up
    assert dialog.export.text() == str(person_home / "Pellicle Export")
    dialog.done(0)
    (person_home / "Pictures").mkdir()
    dialog = FirstRunDialog(where)
    qtbot.addWidget(dialog)
    assert dialog.libraries.folders() == [str(person_home / "Pictures")]
    dialog.done(0)


def test_first_run_follows_the_xdg_pictures_folder(
    qtbot: Any, where: Any, person_home: Path
) -> None:
    # A French session names it Images (xdg-user-dirs writes user-dirs.dirs).
    (person_home / "Images").mkdir()
    (person_home / ".config" / "user-dirs.dirs").write_text(
        'XDG_PICTURES_DIR="$HOME/Images"\n', encoding="utf-8"
    )
    dialog = FirstRunDialog(where)
    qtbot.addWidget(dialog)
    assert dialog.libraries.folders() == [str(person_home / "Images")]
    dialog.done(0)


def test_folder_pickers_start_in_the_home_folder(
    qtbot: Any, where: Any, person_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QFileDialog, QPushButton

    asked: list[str] = []

    def pick(parent: object, title: str, start: str = "") -> str:
        asked.append(start)
        return str(person_home / "Chosen")

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(pick))
    dialog = FirstRunDialog(where)
    qtbot.addWidget(dialog)
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    buttons["&Add…"].click()
    buttons["Choose…"].click()
    assert asked == [str(person_home), str(person_home)]
    assert dialog.libraries.folders()[-1] == str(person_home / "Chosen")
    assert dialog.export.text() == str(person_home / "Chosen")
    dialog.done(0)


@pytest.mark.parametrize("which", ["first-run", "settings"])
def test_the_library_list_takes_the_spare_height(qtbot: Any, where: Any, which: str) -> None:
    # The list once kept a fixed height and floated in the middle of its row
    # when the dialog grew, leaving gaps above and below it.
    from pellicle.gui.dialogs import SettingsDialog

    if which == "first-run":
        dialog: Any = FirstRunDialog(where)
        below = dialog.export
    else:
        dialog = SettingsDialog(["/a", "/b"], "/e", opaque_names=False, keep_capture_date=False,
                                tray=False)  # fmt: skip
        below = dialog.export
    qtbot.addWidget(dialog)
    dialog.show()
    heights = []
    for height in (460, 700):
        dialog.resize(620, height)
        qtbot.waitUntil(lambda h=height: dialog.height() == h)
        listed = dialog.libraries.list
        bottom = listed.mapTo(dialog, listed.rect().bottomLeft()).y()
        gap = below.mapTo(dialog, below.rect().topLeft()).y() - bottom
        heights.append(listed.height())
        assert 0 <= gap < 24, (height, gap)
    assert heights[1] - heights[0] >= 200  # it grew with the dialog
    dialog.done(0)
