"""The desktop app over many sync and refresh cycles: does its memory settle?

Not a test. The window freezes the cyclic garbage collector's view of each
model snapshot (`gc.freeze()` in `MainWindow.apply_snapshot`); anything
frozen that is only freed by the collector (a reference cycle) would stay
for good. This opens the real window on N photos and runs `--cycles`
rounds of: change a rule from another Engine (as the CLI would), sync in
the window, wait for the refreshed models. It prints the resident memory
every few cycles and the growth per cycle over the second half.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui_soak.py [--count 20000] [--cycles 60]
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gui import make_photos


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--cycles", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    base = Path(tempfile.mkdtemp(prefix="pellicle-soak-"))
    os.environ["PELLICLE_HOME"] = str(base / "home")
    library, export = base / "library", base / "export"
    make_photos(library, args.count)
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from pellicle.core.engine import Engine
    from pellicle.core.paths import locations
    from pellicle.gui.app import gui_settings, open_window

    where = locations()
    where.ensure()
    with Engine(where) as engine:
        engine.init([str(library)], str(export))
        engine.sync()

    app = QApplication(sys.argv[:1])
    window = open_window(where, gui_settings(where, isolated=True), live=False)
    window.resize(1200, 800)
    window.show()

    def spin(until: object, limit: float = 120.0) -> None:
        end = time.perf_counter() + limit
        while not until() and time.perf_counter() < end:  # type: ignore[operator]
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    def idle() -> bool:
        return not window.busy

    refreshed = [0]
    window.refreshed.connect(lambda: refreshed.__setitem__(0, refreshed[0] + 1))
    window.syncing.refresh()
    spin(lambda: refreshed[0] >= 1)
    folders = sorted(p for p in library.glob("*/*") if p.is_dir())
    samples: list[float] = []
    print(f"{args.count:,} photos; RSS at start {rss_mb():.0f} MB", flush=True)
    with Engine(where) as other:
        for cycle in range(args.cycles):
            folder = folders[cycle % len(folders)]
            if cycle % 2:
                other.clear([str(folder)])
            else:
                other.share([str(folder)])
            before = refreshed[0]
            window.syncing.sync_now()
            spin(lambda b=before: refreshed[0] > b and idle())
            samples.append(rss_mb())
            if cycle % 10 == 9:
                print(
                    f"  cycle {cycle + 1:3d}: RSS {samples[-1]:.0f} MB, "
                    f"frozen objects {gc.get_freeze_count():,}",
                    flush=True,
                )
    half = samples[len(samples) // 2 :]
    slope = (half[-1] - half[0]) / max(1, len(half) - 1)
    print(
        f"RSS over the second half: min {min(half):.0f}, max {max(half):.0f}, "
        f"median {statistics.median(half):.0f} MB; growth {slope * 1024:.0f} KB per cycle"
    )
    print(f"objects the collector does not track (frozen): {gc.get_freeze_count():,}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
