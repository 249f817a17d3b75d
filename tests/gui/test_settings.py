"""The settings flow: first run (with sample photos), Settings, the tray."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from gui_helpers import wait_idle
from pellicle.core import samples
from pellicle.core.engine import Engine
from pellicle.gui.dialogs import (
    MODEL_SENTENCES,
    SAMPLE_COUNT,
    FirstRunDialog,
    SettingsDialog,
    autostart_file,
)


def test_first_run_with_sample_photos(
    qtbot: Any, where: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pellicle.gui.settings import SettingsFlow

    opened: list[bool] = []
    # The window opens the (modal) dialog itself on first run; here the test
    # drives the same dialog instead of a blocking exec().
    monkeypatch.setattr(SettingsFlow, "first_run", lambda self: opened.append(True))
    window = make_window()
    qtbot.waitUntil(lambda: bool(opened), timeout=5_000)
    assert not window.snapshot.initialised
    assert window.status_area.counts_label.text() == "No library yet"

    dialog = FirstRunDialog(where, window)
    qtbot.addWidget(dialog)
    assert len(MODEL_SENTENCES) == 3
    with qtbot.waitSignal(dialog.samples_ready, timeout=60_000):
        dialog.sample.click()
    libraries, export = dialog.choice()
    assert libraries == [str(where.data / "sample-library")]
    photos = [p for p in Path(libraries[0]).rglob("*") if p.is_file()]
    assert len(photos) == SAMPLE_COUNT == samples.COUNT
    assert (Path(libraries[0]) / "2024-07 Brittany").is_dir()
    dialog.done(FirstRunDialog.DialogCode.Accepted)

    with qtbot.waitSignal(window.syncing.synced, timeout=60_000) as blocker:
        window.settings_flow.setup(libraries, export)
    assert blocker.args[0].in_sync
    qtbot.waitUntil(lambda: window.snapshot.status.get("photos") == SAMPLE_COUNT, timeout=15_000)
    # Everything starts private: nothing is exported.
    assert window.snapshot.status["shareable"] == 0
    assert not [p for p in Path(export).rglob("*") if p.is_file()]
    assert window.status_area.sync_label.text().startswith("In sync")
    wait_idle(qtbot, window)


def test_a_declined_first_run_says_so(
    qtbot: Any, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(FirstRunDialog, "exec", lambda self: FirstRunDialog.DialogCode.Rejected)
    window = make_window()
    qtbot.waitUntil(
        lambda: window.status_area.sync_label.text().startswith("Not set up"), timeout=5_000
    )
    with Engine() as engine:
        assert not engine.initialised
    wait_idle(qtbot, window)


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
    with qtbot.waitSignal(window.syncing.synced, timeout=15_000):
        window.settings_flow.apply_settings(dialog)
    with Engine() as engine:
        assert engine.settings()["opaque_names"] and engine.settings()["keep_capture_date"]
    assert autostart_file().exists()
    assert window.tray.enabled is False
    assert window.qsettings.value("tray", True, type=bool) is False
    wait_idle(qtbot, window)
