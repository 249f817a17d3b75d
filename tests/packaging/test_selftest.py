"""`pellicle --self-test`: one line per check, exit 0 or 1, never a traceback.

The self-test is what proves an installed package works (packaging/ci-smoke
runs it from the .deb), so it must pass on a headless machine without any
Qt configuration, and its failures must be one readable line each.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pellicle import selftest

LINE = re.compile(r"^(ok  |FAIL) [a-z]+: \S.*$")


def _run_cli(env_changes: dict[str, str | None]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "pellicle", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_headless_machine_passes_with_offscreen_fallback(home: Path) -> None:
    # As in CI: no display and no QT_QPA_PLATFORM. The check must choose
    # offscreen itself and say so.
    proc = _run_cli({"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None})
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert all(LINE.match(line) for line in lines), lines
    checks = [line.split()[1].rstrip(":") for line in lines]
    assert checks == [
        "python", "qt", "jpeg", "png", "webp", "heic", "sqlite", "watch", "language", "paths"
    ]  # fmt: skip
    assert any(line.startswith("ok   language: catalogues fr (") for line in lines), lines
    qt = next(line for line in lines if line.startswith("ok   qt:"))
    assert "platform offscreen" in qt and "no display" in qt
    assert "xcb" in qt  # the desktop plugin was load-tested even without a display
    assert f"PELLICLE_HOME: config {home / 'config'}" in lines[-1]
    assert "Traceback" not in proc.stderr


def test_a_platform_that_cannot_start_is_one_fail_line(home: Path) -> None:
    proc = _run_cli({"QT_QPA_PLATFORM": "no-such-platform"})
    assert proc.returncode == 1
    qt = [line for line in proc.stdout.splitlines() if " qt:" in line]
    assert len(qt) == 1 and qt[0].startswith("FAIL qt: QT_QPA_PLATFORM=no-such-platform")
    assert "no-such-platform" in qt[0]
    assert "Traceback" not in proc.stdout + proc.stderr


def test_unexpected_exception_becomes_a_fail_line(
    home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> str:
        raise RuntimeError("codec exploded\nacross lines")

    monkeypatch.setattr(selftest, "check_qt", lambda: "skipped in this test")
    monkeypatch.setattr(selftest, "check_sqlite", broken)
    assert selftest.run() == 1
    out = capsys.readouterr().out.splitlines()
    assert "FAIL sqlite: RuntimeError: codec exploded across lines" in out
    assert sum(line.startswith("FAIL") for line in out) == 1


def test_unusable_data_folder_fails_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A file where the folders should go: unusable even for root, which
    # ignores permission bits.
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PELLICLE_HOME", str(blocker / "home"))
    with pytest.raises(selftest.CheckFailed, match="is not a folder"):
        selftest.check_paths()


def test_paths_check_creates_nothing(home: Path) -> None:
    detail = selftest.check_paths()
    assert "not created yet" in detail
    assert not home.exists()


def test_watch_check_names_the_observer() -> None:
    detail = selftest.check_watch()
    assert re.match(r"^\w+Observer saw a new file after \d+ ms", detail)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "HEIF"])
def test_image_formats_round_trip(fmt: str) -> None:
    assert "encode+decode" in selftest.check_image_format(fmt)


def test_failure_reason_prefers_the_real_cause_over_qts_generic_hint() -> None:
    stderr = (
        "qt.qpa.xcb: could not connect to display :77\n"
        "qt.qpa.plugin: From 6.5.0, xcb-cursor0 or libxcb-cursor0 is needed to load the "
        "Qt xcb platform plugin.\n"
        'qt.qpa.plugin: Could not load the Qt platform plugin "xcb" in "" even though it '
        "was found.\n"
    )
    assert selftest._qt_failure_reason(-6, stderr) == "qt.qpa.xcb: could not connect to display :77"
    assert selftest._qt_failure_reason(-6, "") == "process ended with signal 6"
