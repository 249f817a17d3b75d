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
