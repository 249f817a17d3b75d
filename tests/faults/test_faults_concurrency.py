"""Several CLI processes on the same state at once, no GUI.

`pellicle sync`, `share` and `private` run in parallel subprocesses, each
with `Exporter.apply` (every export write) wrapped to log when it starts and ends writing the export
(CLOCK_MONOTONIC is system-wide). The intervals must never overlap (the
flock in lock.py), each `private` must find its photo's copy gone when it
returns, the database must stay sound, and after quiescence one sync makes
the export exact.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from faults_helpers import consistent, env_for, integrity, pellicle, visible

from fs_helpers import tree_digest
from pellicle.core.demo import write_photo

RUNNER = """
import json, os, sys, time
import pellicle.core.exporter as exporter
real = exporter.Exporter.apply
log = sys.argv[1]
def apply(self, plan, *args):
    start = time.monotonic()
    try:
        return real(self, plan, *args)
    finally:
        line = json.dumps({"pid": os.getpid(), "start": start, "end": time.monotonic()})
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        os.write(fd, (line + "\\n").encode())
        os.close(fd)
exporter.Exporter.apply = apply
from pellicle.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_parallel_syncs_and_rule_changes(tmp_path: Path) -> None:
    rng = random.Random(7)
    lib, export, home = tmp_path / "lib", tmp_path / "export", tmp_path / "home"
    folders = [f"F{i}" for i in range(6)]
    for i, folder in enumerate(folders):
        for j in range(5):
            (lib / folder).mkdir(parents=True, exist_ok=True)
            write_photo(lib / folder / f"{j}.jpg", "jpeg", seed=100 * i + j, width=96)
    pellicle(home, "init", "--library", str(lib), "--export", str(export))
    pellicle(home, "share", str(lib))
    library = tree_digest(lib)
    log = tmp_path / "writes.log"
    # Photos made private here are never shared again, so "gone when
    # private returns" can be checked however the processes interleave.
    made_private = [f"F{i}/{j}.jpg" for i in range(3) for j in range(2)]
    commands: list[list[str]] = [["sync"] for _ in range(6)]
    commands += [["private", str(lib / rel)] for rel in made_private]
    commands += [["share", str(lib / "F4")], ["private", str(lib / "F5")], ["sync"]]
    rng.shuffle(commands)
    env = env_for(home, PELLICLE_DB_TIMEOUT="60")
    procs = [
        (
            cmd,
            subprocess.Popen(
                [sys.executable, "-c", RUNNER, str(log), *cmd],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for cmd in commands
    ]
    for cmd, proc in procs:
        _, err = proc.communicate(timeout=120)
        assert "Traceback" not in err, err
        assert proc.returncode in (0, 1), (cmd, proc.returncode, err)
        if cmd[0] == "private" and "/F5" not in cmd[1]:
            rel = os.path.relpath(cmd[1], lib)
            assert rel not in visible(export), f"{rel} still exported after private returned"
        assert integrity(home) == "ok"

    intervals = sorted(
        (entry["start"], entry["end"], entry["pid"])
        for entry in map(json.loads, log.read_text().splitlines())
    )
    assert len({pid for _, _, pid in intervals}) >= 5
    for (_, end, pid), (start, _, other) in itertools.pairwise(intervals):
        assert end <= start, f"export writes of {pid} and {other} interleaved"

    # Quiescence: one more sync, and the export is exact.
    pellicle(home, "sync")
    expected = {f"{folder}/{j}.jpg" for folder in folders[:5] for j in range(5)} - set(made_private)
    assert visible(export) == expected
    consistent(home, export)
    pellicle(home, "check")
    assert tree_digest(lib) == library
