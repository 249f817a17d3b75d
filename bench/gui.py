"""GUI benchmark: startup, first thumbnails, event-loop stalls, memory.

Not a test. Generates a library of small JPEGs (20,000 by default), indexes
it once with the engine (as a previous run would have), then opens the real
window and measures:

- time to first window: process start -> window shown and painted (the
  photo list is read on a worker meanwhile; the status bar says "Loading");
- time to photos shown: process start -> every photo of the index in the
  grid, with its badge, the folder tree and the status bar filled in;
- time to first thumbnails: window loaded -> every visible cell painted;
- the longest event-loop stall (a 5 ms timer's largest gap) while the
  window loads, syncs (a full rescan of the library), thumbnails and scrolls;
- peak resident memory (VmHWM).

With `--sort date` the grid starts in date order (month headers): the
dates taken are read on the rules thread after the grid shows (cold the
first time, from the database with `--keep` afterwards), and the time until
the grid is in date order is reported. Both orders then step the thumbnail
size up and down (Ctrl++ / Ctrl+-), a stall phase of its own ("zoom").

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/gui.py --count 20000

Goals: window < 1.5 s, thumbnails < 1 s after, stall < 50 ms, RSS < 400 MB.
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import os  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def make_photos(root: Path, count: int) -> None:
    """Small real JPEGs (with planted metadata) in folders of 500."""
    from pellicle.core.demo import photo_bytes

    variants = [photo_bytes("jpeg", width=160, height=120, seed=s) for s in range(64)]
    for i in range(count):
        folder = root / f"Year {2000 + i // 5000}" / f"Roll {i // 500:03d}"
        if i % 500 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        (folder / f"IMG_{i:06d}.jpg").write_bytes(variants[i % len(variants)])


def peak_rss_mb() -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


class StallMeter:
    """Largest gap between ticks of a 5 ms timer, per named phase."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)
        self.last = time.perf_counter()
        self.phase = "load"
        self.worst: dict[str, float] = {}

    def tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last - 0.005
        self.last = now
        self.worst[self.phase] = max(self.worst.get(self.phase, 0.0), gap)

    def start(self, phase: str) -> None:
        self.phase = phase
        self.last = time.perf_counter()
        if not self.timer.isActive():
            self.timer.start()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--keep", help="reuse/keep this folder for the library and state")
    parser.add_argument("--sort", choices=("name", "date"), default="name")
    args = parser.parse_args()

    base = Path(args.keep or tempfile.mkdtemp(prefix="pellicle-bench-gui-"))
    os.environ["PELLICLE_HOME"] = str(base / "home")
    library, export = base / "library", base / "export"
    if not library.is_dir():
        t = time.perf_counter()
        make_photos(library, args.count)
        print(f"generated {args.count:,} photos in {time.perf_counter() - t:.1f} s")
    from pellicle.core.engine import Engine
    from pellicle.core.paths import locations

    where = locations()
    where.ensure()
    with Engine(where) as engine:
        if not engine.initialised:
            engine.init([str(library)], str(export))
            t = time.perf_counter()
            engine.sync()
            print(f"indexed in {time.perf_counter() - t:.1f} s (before the GUI starts)")
        for thumb in where.thumbnails.rglob("*.thumb"):
            thumb.unlink()  # measure cold thumbnails

    global START
    START = time.perf_counter()  # the GUI "process start": after the setup above
    from PySide6.QtCore import QEvent, QEventLoop, QObject
    from PySide6.QtWidgets import QApplication

    from pellicle.gui.app import gui_settings, open_window

    app = QApplication(sys.argv[:1])
    meter = StallMeter()
    meter.start("load")
    painted: list[float] = []

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if not painted and event.type() == QEvent.Type.Paint:
                painted.append(time.perf_counter())
            return False

    first_paint = FirstPaint()
    settings = gui_settings(where, isolated=True)
    settings.setValue("view/sort", args.sort)
    settings.setValue("view/thumb_size", 144)
    window = open_window(where, settings, live=False)
    window.resize(1400, 860)
    window.statusBar().installEventFilter(first_paint)
    window.show()
    loaded: list[float] = []
    window.refreshed.connect(lambda: loaded.append(time.perf_counter()))
    window.syncing.refresh()

    def spin(until: object, limit: float = 120.0) -> None:
        end = time.perf_counter() + limit
        while not until() and time.perf_counter() < end:  # type: ignore[operator]
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)

    spin(lambda: loaded and painted)
    t_window = painted[0] - START
    t_loaded = loaded[0] - START
    photos = window.photo_model.rowCount()

    # First thumbnails: every cell visible in the viewport delivered.
    meter.start("thumbnails")
    grid = window.grid
    visible = 0
    for row in range(min(photos, 400)):
        rect = grid.visualRect(window.photo_model.index(row))
        if rect.intersects(grid.viewport().rect()):
            visible += 1
    t0 = time.perf_counter()
    spin(lambda: window.loader.delivered >= visible)
    t_thumbs = time.perf_counter() - t0

    # Date order: until every photo's date taken is known and the grid is sorted.
    t_dates = None
    if args.sort == "date":
        meter.start("dates")
        t0 = time.perf_counter()
        spin(window.photo_model.dated)
        t_dates = time.perf_counter() - t0

    # Thumbnail size: three steps up and back, as Ctrl++ / Ctrl+- would.
    meter.start("zoom")
    for step in [window.arrange.larger] * 3 + [window.arrange.smaller] * 3:
        step()
        pause = time.perf_counter() + 0.3
        spin(lambda: time.perf_counter() >= pause)  # noqa: B023 (used at once)

    # A full sync (rescan of the whole library) while the window is up.
    meter.start("sync")
    t0 = time.perf_counter()
    window.syncing.sync_now()
    spin(lambda: not window.busy)
    t_sync = time.perf_counter() - t0

    # Scroll through the grid, a page every 16 ms, for 3 seconds.
    meter.start("scroll")
    bar = grid.verticalScrollBar()
    end = time.perf_counter() + 3.0
    while time.perf_counter() < end:
        bar.setValue(min(bar.maximum(), bar.value() + grid.viewport().height()))
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 16)
    spin(lambda: True, 0.5)
    meter.timer.stop()
    window.shutdown()

    print(f"photos in the grid:        {photos:,}")
    print(f"time to first window:      {t_window:.2f} s (window shown and painted)")
    print(f"time to photos shown:      {t_loaded:.2f} s (index loaded into the grid)")
    print(f"first thumbnails:          {t_thumbs:.2f} s after ({visible} cells, cold cache)")
    if t_dates is not None:
        print(f"date order shown:          {t_dates:.2f} s after (dates taken read)")
    print(f"full sync (rescan) in GUI: {t_sync:.2f} s")
    for phase, worst in meter.worst.items():
        print(f"longest stall, {phase + ':':12s}{worst * 1000:6.1f} ms")
    print(f"peak RSS:                  {peak_rss_mb():.0f} MB")
    print(f"thumbnails decoded:        {window.loader.cache.made:,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
