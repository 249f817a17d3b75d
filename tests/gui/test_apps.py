"""The Apps view, the banner and "Open with (restricted)" in the real
window, against the real Flatpak world of tests/flatpak_world.py.

The banner names the apps that can read the library; the Apps view's one
button restricts an app (its override is written by flatpak and the app is
then green) and undoes it (no override left); the model is checked by Qt's
model tester throughout; a desktop application opened restricted from a
photo's menu reads the exported copy and not the library.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from pellicle.core.demo import write_photo


@pytest.fixture
def apps_window(grant_world: Any, home: Path, monkeypatch: pytest.MonkeyPatch,
                make_window: Any) -> Any:  # fmt: skip
    """A window whose library is in the Flatpak world's HOME."""
    from pellicle.core.engine import Engine

    world = grant_world
    for key, value in world.env.items():
        if key != "PELLICLE_HOME" and (
            key in ("HOME", "PATH") or key.startswith(("XDG_", "FLATPAK_"))
        ):
            monkeypatch.setenv(key, value)
    monkeypatch.setenv("XDG_DATA_DIRS", str(world.home / "no-system-apps"))
    pictures, shared = world.home / "Pictures", world.home / "Shared"
    (pictures / "Holidays").mkdir()
    write_photo(pictures / "Holidays" / "beach.jpg", "jpeg", seed=1)
    write_photo(pictures / "me.jpg", "jpeg", seed=3)
    with Engine() as engine:
        engine.init([str(pictures)], str(shared))
        engine.share([str(pictures / "Holidays")])
        engine.sync()
    window = make_window()
    window.world = world
    return window


def _report(qtbot: Any, window: Any) -> Any:
    with qtbot.waitSignal(window.grants.report_ready, timeout=30_000) as got:
        window.grants.refresh()
    return got.args[0]


def test_banner_dialog_restrict_and_undo(apps_window: Any, qtbot: Any) -> None:
    window = apps_window
    world = window.world
    report = _report(qtbot, window)
    banner = window.grants.banner
    assert banner.isVisible()
    for name in ("Home", "Host", "Pictures", "Explicit"):
        assert name in banner.label.text()
    assert "Documents" not in banner.label.text()

    window.grants.action.trigger()
    dialog = window.grants.dialog
    tester = QAbstractItemModelTester(
        dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    qtbot.waitUntil(lambda: dialog.model.rowCount() == len(report.apps), timeout=30_000)
    model = dialog.model
    rows = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    home_row = next(r for r in range(model.rowCount())
                    if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
                    == "org.pellicle.test.Home")  # fmt: skip
    access = model.index(home_row, model.ACCESS)
    assert access.data() == "Can read your library (through: home)"
    assert access.data(Qt.ItemDataRole.ForegroundRole).name() == "#b3261e"
    docs = model.index(rows["Documents"], model.ACCESS)
    assert docs.data() == "Cannot read your library"
    assert not dialog.buttons[rows["Documents"]].isEnabled()

    button = dialog.buttons[home_row]
    assert button.text() == "Restrict"
    button.click()
    assert not button.isEnabled()
    qtbot.waitUntil(lambda: "is restricted" in dialog.message.text(), timeout=60_000)
    assert "cannot see the library" in dialog.message.text()
    override = world.user_overrides / "org.pellicle.test.Home"
    assert override.is_file() and b"!home;" in override.read_bytes()

    def home_access() -> Any:
        row = next(r for r in range(model.rowCount())
                   if model.index(r, 0).data(Qt.ItemDataRole.UserRole + 1)
                   == "org.pellicle.test.Home")  # fmt: skip
        return model.index(row, model.ACCESS)

    qtbot.waitUntil(lambda: home_access().data() == "Sees only the export folder", timeout=30_000)
    access = home_access()
    home_row = access.row()
    assert access.data(Qt.ItemDataRole.ForegroundRole).name() == "#1e7b34"
    assert "Home" not in banner.label.text().split(":", 1)[1]

    dialog.verify_button.click()
    qtbot.waitUntil(lambda: bool(dialog.model.checks), timeout=60_000)
    assert model.index(home_row, model.CHECKED).data() == "library hidden, reads the export"

    undo = dialog.buttons[home_row]
    assert undo.text() == "Undo"
    undo.click()
    qtbot.waitUntil(lambda: "permissions back" in dialog.message.text(), timeout=60_000)
    assert not override.exists()
    qtbot.waitUntil(lambda: home_access().data().startswith("Can read"), timeout=30_000)
    dialog.close()
    del tester


def test_open_with_restricted_reads_the_copy_not_the_library(apps_window: Any, qtbot: Any) -> None:
    window = apps_window
    world = window.world
    out = world.home / "opened"
    out.mkdir(exist_ok=True)
    apps = Path(os.environ["XDG_DATA_HOME"], "applications")
    apps.mkdir(parents=True, exist_ok=True)
    library_photo = world.home / "Pictures" / "me.jpg"
    script = (
        f'cat "$1" > {out}/copy; cat {library_photo} > {out}/library 2>/dev/null; '
        f"echo $? > {out}/status"
    )
    (apps / "viewer.desktop").write_text(
        "[Desktop Entry]\nType=Application\nName=Test Viewer\n"
        f"Exec=sh -c '{script}' sh %f\nMimeType=image/jpeg;image/png;\n"
    )
    _report(qtbot, window)
    # The window's own first look (at start) may answer after the refresh
    # above was asked for, from before the .desktop file existed: wait for
    # the answer to the refresh made after it (a race seen on busy machines).
    qtbot.waitUntil(
        lambda: [a.name for a in window.grants.image_apps] == ["Test Viewer"], timeout=30_000
    )
    photo = str(world.home / "Pictures" / "Holidays" / "beach.jpg")
    window.grants.open_exported(window.grants.image_apps[0], [photo])
    qtbot.waitUntil(lambda: (out / "status").is_file(), timeout=30_000)
    time.sleep(0.2)
    exported = world.home / "Shared" / "Holidays" / "beach.jpg"
    assert (out / "copy").read_bytes() == exported.read_bytes()
    assert (out / "library").read_bytes() == b""
    assert (out / "status").read_text().strip() != "0"
