"""The Help menu: the guide (F1) in the UI language, "What is shared?",
and About with where the data lives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from pellicle import __version__
from pellicle.gui import help as help_module
from pellicle.gui import language
from pellicle.gui.help import AboutDialog, Help, guide_file


def test_help_is_the_last_menu_with_the_guide_on_f1(ready: Any) -> None:
    window = ready
    menus = [a.menu() for a in window.menuBar().actions() if a.menu()]
    assert menus[-1].title() == "&Help"
    assert [a.text() for a in menus[-1].actions() if not a.isSeparator()] == [
        "User &guide",
        "&What is shared?",
        "&About Pellicle",
    ]
    assert QKeySequence("F1") in window.acts.guide.shortcuts()


def test_f1_opens_the_english_guide_rendered(qtbot: Any, ready: Any) -> None:
    window = ready
    window.activateWindow()
    qtbot.keyClick(window.grid, Qt.Key.Key_F1)
    guide = window.help.guide_window
    assert guide is not None and guide.isVisible()
    assert guide.path == guide_file("en")
    assert guide.path is not None and guide.path.parts[-2] == "en"
    text = guide.browser.toPlainText()
    # Rendered, not shown as Markdown source.
    assert text.startswith("Pellicle user guide") and "## " not in text
    assert "What is shared?" in text and "Mark shareable" in text
    # A second F1 raises the same window.
    window.acts.guide.trigger()
    assert window.help.guide_window is guide


def test_the_guide_follows_the_ui_language(qtbot: Any, where: Any, tmp_path: Path) -> None:
    french = QSettings(str(tmp_path / "fr.ini"), QSettings.Format.IniFormat)
    language.set_choice(french, "fr")
    app = QApplication.instance()
    assert app is not None
    try:
        language.install(app, french)
        holder = QMessageBox()  # any parent widget
        qtbot.addWidget(holder)
        helper = Help(where, french, holder)
        helper.show_guide()
        assert helper.guide_window is not None
        assert helper.guide_window.path == guide_file("fr")
        assert helper.guide_window.browser.toPlainText().startswith("Guide de l’utilisateur")
        helper.guide_window.close()
    finally:
        english = QSettings(str(tmp_path / "en.ini"), QSettings.Format.IniFormat)
        language.set_choice(english, "en")
        language.install(app, english)


def test_a_language_without_a_guide_falls_back_to_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert guide_file("de") == guide_file("en")
    en = guide_file("en")
    assert en is not None and en.is_file()
    # Nowhere to be found: the window says so instead of failing.
    monkeypatch.setattr(help_module, "PACKAGED_GUIDE", tmp_path / "none")
    monkeypatch.setattr(help_module, "SOURCE_GUIDE", tmp_path / "none")
    assert guide_file("en") is None
    window = help_module.GuideWindow("en")
    assert "missing" in window.browser.toPlainText()
    window.deleteLater()


def test_both_guides_cover_the_same_sections() -> None:
    en, fr = guide_file("en"), guide_file("fr")
    assert en is not None and fr is not None and en != fr
    heads = [[ln for ln in p.read_text().splitlines() if ln.startswith("#")] for p in (en, fr)]
    assert len(heads[0]) == len(heads[1]) > 10


def test_what_is_shared_is_two_lines_from_the_menu_and_the_status_bar(
    qtbot: Any, ready: Any
) -> None:
    window = ready
    text = window.help.what_is_shared_text()
    lines = text.splitlines()
    assert len(lines) == 2
    assert "only the photos you mark shareable" in lines[0].lower()
    assert "cleaned copies" in lines[0] and "export folder" in lines[0]
    assert "private" in lines[1]
    for trigger in (window.acts.what_is_shared.trigger,
                    window.status_area.what_is_shared_button.click):  # fmt: skip
        trigger()
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.text() == text
        box.accept()
        qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    button = window.status_area.what_is_shared_button
    assert button.accessibleName() == "What is shared?" and button.toolTip() == text


def test_about_shows_version_licence_and_where_the_data_lives(
    qtbot: Any, where: Any, settings: QSettings
) -> None:
    dialog = AboutDialog(where, settings.fileName())
    qtbot.addWidget(dialog)
    labels = " ".join(lbl.text() for lbl in dialog.findChildren(help_module.QLabel))
    assert __version__ in labels and "General Public License, version 3 or later" in labels
    assert list(dialog.paths.values()) == [
        str(where.database),
        str(where.thumbnails),
        settings.fileName(),
        str(where.data / "sample-library"),
    ]
    fields = dialog.findChildren(QLineEdit)
    assert [f.text() for f in fields] == list(dialog.paths.values())
    assert all(f.isReadOnly() for f in fields)  # selectable, not editable
    # Each Copy button puts its own path on the clipboard.
    copies = [b for b in dialog.findChildren(help_module.QPushButton) if b.text() == "Copy"]
    assert len(copies) == 4
    copies[2].click()
    assert QGuiApplication.clipboard().text() == settings.fileName()


def test_about_opens_from_the_menu(ready: Any) -> None:
    window = ready
    window.acts.about.trigger()
    assert window.help.about_dialog is not None and window.help.about_dialog.isVisible()
    assert str(window.where.database) in window.help.about_dialog.paths.values()
    window.help.about_dialog.close()
