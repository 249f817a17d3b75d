"""First run (with sample photos), settings and the live watcher."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pellicle.core.engine import Engine
from pellicle.core.policy import Decision
from pellicle.gui.dialogs import (
    MODEL_SENTENCES,
    SAMPLE_COUNT,
    FirstRunDialog,
    SettingsDialog,
    autostart_file,
    set_autostart,
)


def test_first_run_with_sample_photos(
    qtbot: Any, where: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pellicle.gui.window import MainWindow

    opened: list[bool] = []
    # The window opens the (modal) dialog itself on first run; here the test
    # drives the same dialog instead of a blocking exec().
    monkeypatch.setattr(MainWindow, "first_run", lambda self: opened.append(True))
    window = make_window()
    qtbot.waitUntil(lambda: bool(opened), timeout=5_000)
    assert not window.snapshot.initialised
    assert window.counts_label.text() == "No library yet"

    dialog = FirstRunDialog(where, window)
    qtbot.addWidget(dialog)
    assert len(MODEL_SENTENCES) == 3
    with qtbot.waitSignal(dialog.samples_ready, timeout=60_000):
        dialog.sample.click()
    libraries, export = dialog.choice()
    assert libraries == [str(where.data / "sample-library")]
    photos = [p for p in Path(libraries[0]).rglob("IMG_*")]
    assert len(photos) == SAMPLE_COUNT
    dialog.done(FirstRunDialog.DialogCode.Accepted)

    with qtbot.waitSignal(window.synced, timeout=60_000) as blocker:
        window.setup(libraries, export)
    assert blocker.args[0].in_sync
    qtbot.waitUntil(lambda: window.snapshot.status.get("photos") == SAMPLE_COUNT, timeout=15_000)
    # Everything starts private: nothing is exported.
    assert window.snapshot.status["shareable"] == 0
    assert not [p for p in Path(export).rglob("*") if p.is_file()]
    assert window.sync_label.text().startswith("In sync")
    qtbot.waitUntil(lambda: not window.rules.busy and not window._refreshing, timeout=10_000)


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


def test_settings_change_options(
    qtbot: Any, ready: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    window = ready
    s = window.snapshot.settings
    dialog = SettingsDialog(
        [r.path for r in window.snapshot.roots],
        str(s["export_dir"]),
        opaque_names=False,
        keep_capture_date=False,
        tray=True,
        parent=window,
    )
    qtbot.addWidget(dialog)
    dialog.opaque.setChecked(True)
    dialog.keep_date.setChecked(True)
    dialog.autostart.setChecked(True)
    dialog.tray.setChecked(False)
    with qtbot.waitSignal(window.synced, timeout=15_000):
        window.apply_settings(dialog)
    with Engine() as engine:
        assert engine.settings()["opaque_names"] and engine.settings()["keep_capture_date"]
    assert autostart_file().exists()
    assert window.tray_enabled is False
    qtbot.waitUntil(lambda: not window.rules.busy and not window._refreshing, timeout=10_000)


def test_live_watcher_exports_after_a_tag(
    qtbot: Any, engine: Any, sample_library: Path, export: Path, make_window: Any
) -> None:
    engine.sync()
    window = make_window(live=True)
    qtbot.waitUntil(lambda: window.watcher is not None, timeout=10_000)
    photo = next(sample_library.rglob("IMG_*.jpg"))
    with qtbot.waitSignal(window.rules_applied, timeout=10_000):
        window.tag([str(photo)], Decision.SHAREABLE)
    # The watcher (not the window) notices the rule change and exports it.
    qtbot.waitUntil(lambda: any(export.rglob("*.jpg")), timeout=20_000)
    qtbot.waitUntil(lambda: window.snapshot.status.get("exported") == 1, timeout=20_000)
    window.shutdown()
    assert window.watcher is None
