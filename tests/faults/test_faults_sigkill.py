"""A real `pellicle sync` SIGKILLed at random moments, round after round.

Each round changes the rules (folders and photos made shareable or private,
so syncs both add and remove) and sometimes the library (a photo moved out or
back, as a person would), starts `pellicle sync` as a subprocess and kills it
after a seeded random delay drawn over the length of a real sync. Then:

- in view are only verified copies (each one's hash is in the manifest, or
  in `pending` when the kill fell between rename and record) of photos that
  are shareable now or were in view before the round; the database passes
  `PRAGMA integrity_check`; the library is byte-for-byte as the test left it;
- a restarted `pellicle sync` exits 0 and restores the promise exactly: the
  export holds one copy per shareable photo, the manifest matches the files,
  `check` is clean, no staging folder or pending record is left.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from faults_helpers import consistent, env_for, integrity, manifest, pellicle, visible

from fs_helpers import tree_digest
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.exportdir import STAGING

ROUNDS = int(os.environ.get("PELLICLE_KILL_ROUNDS", "30"))
PLACES = ("", "Holidays/2024", "Holidays/2025", "Family", "Family/Birthday")
FOLDERS = ("", "", "Holidays", "Holidays/2024", "Holidays/2025", "Family", "Family/Birthday")
FORMATS = ("jpeg", "png", "jpeg", "webp", "tiff", "jpeg", "gif", "heif", "jpeg", "png")


def decision(rel: str, rules: dict[str, str]) -> str:
    """The nearest rule on the path from the photo up to the root wins."""
    parts = rel.split("/")
    for i in range(len(parts), -1, -1):
        key = "/".join(parts[:i])
        if key in rules:
            return rules[key]
    return "private"


def stems(rels: set[str]) -> set[str]:
    return {os.path.splitext(r)[0] for r in rels}


@pytest.mark.slow
def test_sync_killed_at_random_points(tmp_path: Path, home: Path) -> None:
    rng = random.Random(20251008)
    lib, export, aside = (tmp_path / n for n in ("lib", "export", "aside"))
    photos = set()
    for i in range(60):
        # Big enough that exporting takes a while: kills land mid-write too.
        fmt = FORMATS[i % len(FORMATS)]
        rel = f"{PLACES[i % len(PLACES)]}/IMG_{i:04d}.{fmt}".lstrip("/")
        (lib / rel).parent.mkdir(parents=True, exist_ok=True)
        write_photo(lib / rel, fmt, width=480, height=360, seed=i, orientation=1 + i % 8)
        photos.add(rel)
    pellicle(home, "init", "--library", str(lib), "--export", str(export))
    rules: dict[str, str] = {"": "shareable"}
    pellicle(home, "share", str(lib))
    started = time.monotonic()
    pellicle(home, "sync")
    full = time.monotonic() - started
    assert len(visible(export)) == 60
    started = time.monotonic()
    pellicle(home, "sync")
    idle = time.monotonic() - started  # start-up and a rescan: nothing to do
    per_photo = max(full - idle, 0.01) / 60
    moved: set[str] = set()
    kills = mid_write = 0
    for _round in range(ROUNDS):
        before_round = visible(export)
        # Change the rules (in-process: private returns once copies are gone).
        with Engine() as engine:
            for _ in range(rng.randint(1, 3)):
                if rng.random() < 0.75:
                    target = rng.choice(FOLDERS)
                else:
                    target = rng.choice(sorted(photos - moved))
                verdict = rng.choice(("shareable", "private"))
                path = str(lib / target) if target else str(lib)
                (engine.share if verdict == "shareable" else engine.private)([path])
                rules[target] = verdict
        # The person moves a photo out of the library, or back.
        if moved and rng.random() < 0.3:
            back = rng.choice(sorted(moved))
            os.rename(aside / back, lib / back)
            moved.discard(back)
        elif rng.random() < 0.5:
            for out in rng.sample(sorted(photos - moved), rng.randint(1, 4)):
                (aside / out).parent.mkdir(parents=True, exist_ok=True)
                os.rename(lib / out, aside / out)
                moved.add(out)
        library_now = tree_digest(lib)
        expected = {p for p in photos - moved if decision(p, rules) == "shareable"}

        proc = subprocess.Popen(
            [sys.executable, "-m", "pellicle", "sync"],
            env=env_for(home),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        work = len(expected ^ before_round) + 1
        if rng.random() < 0.5:
            # Anywhere from start-up to the end of this round's work.
            time.sleep(rng.uniform(idle * 0.3, idle + per_photo * work * 1.2))
        else:
            # Within the writing phase: timed from the staging folder's birth.
            while proc.poll() is None and not (export / STAGING).exists():
                time.sleep(0.001)
            time.sleep(rng.uniform(0, per_photo * min(work, 4)))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        _, err = proc.communicate(timeout=60)
        assert b"Traceback" not in err

        # At the moment of the kill: sound, nothing unverified or private in view.
        assert integrity(home) == "ok"
        consistent(home, export, quiescent=False)
        mid_write += (export / STAGING).exists()
        assert stems(visible(export)) <= stems(expected) | stems(before_round)
        assert tree_digest(lib) == library_now

        # The restart restores the promise exactly.
        pellicle(home, "sync")
        assert stems(visible(export)) == stems(expected)
        assert len(visible(export)) == len(expected)
        consistent(home, export)
        assert set(manifest(home)) == visible(export)
        assert tree_digest(lib) == library_now
    pellicle(home, "check")
    # The delays were drawn over a real sync's length (start-up included):
    # many rounds were killed, some while copies were being staged.
    assert kills >= ROUNDS // 3, kills
    print(f"{ROUNDS} rounds, {kills} killed, {mid_write} while staging copies")
    assert mid_write >= min(2, ROUNDS // 10), mid_write
