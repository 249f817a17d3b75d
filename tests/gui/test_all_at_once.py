"""The desktop app, the `pellicle watch` daemon and the CLI on one state.

Three Pellicle processes (this test process running the window with its
own live watcher, a daemon subprocess, and CLI subprocesses) change rules
and sync at once. Their export writes must never interleave, and once they
are quiet the export must hold exactly the shareable photos, clean.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from fs_helpers import exported_files
from pellicle.core.demo import PLANTED
from pellicle.core.engine import Engine
from pellicle.core.policy import Decision


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pellicle", *args],
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=120,
    )


def expected_export(library: Path) -> set[str]:
    with Engine() as engine:
        shareable = {
            os.path.join(root.path, os.fsdecode(facts.rel))
            for root, facts, verdict in engine.photos()
            if verdict.shareable and facts.exportable
        }
    return {os.path.splitext(os.path.relpath(p, library))[0] for p in shareable}


def test_window_daemon_and_cli_at_once(
    qtbot: Any, engine: Any, sample_library: Path, export: Path, make_window: Any
) -> None:
    engine.sync()
    daemon = subprocess.Popen(
        [sys.executable, "-m", "pellicle", "watch"],
        env=dict(os.environ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window = make_window(live=True)
        qtbot.waitUntil(lambda: window.syncing.watching, timeout=10_000)
        photos = sorted(str(p) for p in sample_library.rglob("IMG_*") if p.is_file())
        folders = sorted(str(p) for p in sample_library.iterdir() if p.is_dir())
        # The window, the CLI and the daemon's follow-up syncs, interleaved.
        with qtbot.waitSignal(window.tagging.rules_applied, timeout=15_000):
            window.tagging.tag(folders[:2], Decision.SHAREABLE)
        assert cli("share", folders[-1]).returncode == 0
        with qtbot.waitSignal(window.tagging.rules_applied, timeout=15_000):
            window.tagging.tag(photos[:3], Decision.PRIVATE)

        def stems() -> set[str]:
            return {os.path.splitext(rel)[0] for rel in exported_files(export)}

        def settled() -> bool:
            return stems() == expected_export(sample_library)

        qtbot.waitUntil(settled, timeout=30_000)
        shown = [p for p in photos if os.path.splitext(os.path.relpath(p, sample_library))[0]
                 in stems()]  # fmt: skip
        assert len(shown) >= 2, "the shared folders' photos were exported"
        # A private mark returns only after its copies are gone, while the
        # window's watcher and the daemon are both following changes.
        assert cli("private", *shown[:2]).returncode == 0
        for path in shown[:2]:
            assert os.path.splitext(os.path.relpath(path, sample_library))[0] not in stems()
        assert cli("sync").returncode in (0, 1)
        assert cli("clear", photos[0]).returncode == 0
        qtbot.waitUntil(settled, timeout=30_000)
        for rel in exported_files(export):
            data = (export / rel).read_bytes()
            assert not any(p in data for p in PLANTED), rel
        window.shutdown()
    finally:
        daemon.send_signal(signal.SIGTERM)
        _, err = daemon.communicate(timeout=60)
    assert daemon.returncode == 0, err
    assert "Traceback" not in err
    deadline = time.monotonic() + 30
    while True:
        result = cli("check")
        if result.returncode == 0 or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    assert result.returncode == 0, result.stdout + result.stderr
