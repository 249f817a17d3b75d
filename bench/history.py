"""Share history benchmark: a 100,000-row ledger folded into events and shown.

Not a test. Writes a state database whose ledger holds ROWS rows (100,000 by
default) the way years of use would leave them: big folder shares, a switch
of export names (a removal and an addition per photo), withdrawals, and
thousands of one-photo syncs from the watcher; half the copies are still in
the export. Then measures, each the best of three:

- fold: `ledger.history()` reading and grouping every row (the snapshot
  worker does this, off the GUI thread, only when the ledger or the export
  changed);
- reuse: the same call when nothing changed (every other snapshot);
- show: `HistoryModel.set_history` on the GUI thread (a model reset);
- search: filtering every photo name and path for a string (the first
  search of a history also casefolds every name once);
- open: the longest event-loop stall (a 5 ms timer's largest gap) while the
  largest event opens in a shown QTreeView and the view settles;
- memory: what the folded history holds (tracemalloc).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/history.py [--rows N]

Goals: show, search and open each < 50 ms on the GUI thread (a stall a
person does not notice); fold < 1 s on the worker.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def best(run: Callable[[], object], times: int = 3) -> float:
    took = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        took.append(time.perf_counter() - start)
    return min(took)


def fill(store: object, rows: int) -> None:
    """ROWS ledger rows in the shapes use leaves (see the module)."""
    from pellicle.core.store import Store

    assert isinstance(store, Store)
    big = rows // 2  # one share of a whole library
    renamed = rows // 8  # a switch of export names: 2 rows each
    single = rows - big - 2 * renamed - 1000  # one photo per sync
    out = []
    now = 1_700_000_000.0
    batch = 0

    def row(action: str, n: int, act: str, cause: str, name: str) -> None:
        folder = f"/home/someone/Pictures/Year {2000 + n // 5000}/Roll {n // 500:03d}"
        source = f"{folder}/IMG_{n:06d}.jpg"
        out.append((now + len(out) / 50, action, source, name, "h", "shareable", batch, act, cause))

    # Years of one-photo syncs first, then (the newest, near the top of
    # the history) the big share, the switch of names and a withdrawal.
    for n in range(single):
        batch += 1
        row("add", big + n, "shared", "shareable", f"new/IMG_{big + n:06d}.jpg")
    batch += 1
    for n in range(big):
        row("add", n, "shared", "shareable", f"Year {2000 + n // 5000}/IMG_{n:06d}.jpg")
    batch += 1
    for n in range(renamed):
        row("remove", n, "renamed", "renamed", f"Year {2000 + n // 5000}/IMG_{n:06d}.jpg")
    for n in range(renamed):
        row("add", n, "renamed", "renamed", f"{n:016x}.jpg")
    batch += 1
    for n in range(1000):
        row("remove", big - 1 - n, "withdrawn", "private", f"Year 2009/IMG_{n:06d}.jpg")
    with store.write() as db:
        db.executemany(
            "INSERT INTO ledger(time, action, source, export_path, sha256, reason, batch, act,"
            " cause) VALUES(?,?,?,?,?,?,?,?,?)",
            out,
        )
        # Half the photos are still exported under their new names.
        db.executemany(
            "INSERT INTO exports(export_rel, root_id, rel, src_size, src_mtime_ns, src_ino, fmt,"
            " sha256, size, mtime_ns, ino, options, time)"
            " VALUES(?, 1, ?, 0, 0, 0, 'jpeg', 'h', 0, 0, 0, '', 0)",
            ((f"{n:016x}.jpg".encode(), f"{n}".encode()) for n in range(renamed)),
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QTreeView

    from pellicle.core import ledger
    from pellicle.core.store import Store
    from pellicle.gui.history import HistoryView

    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "state.sqlite3")
        fill(store, args.rows)
        fold = best(lambda: ledger.history(store))
        tracemalloc.start()
        history = ledger.history(store)
        held = tracemalloc.get_traced_memory()[0] / 1e6
        tracemalloc.stop()
        reuse = best(lambda: ledger.history(store, history))
        view = HistoryView()
        view.resize(1200, 800)
        view.show()
        app.processEvents()

        def show() -> None:
            view.model.set_history(None)
            view.model.set_history(history)
            app.processEvents()

        shown = best(show)

        def search() -> None:
            view.model.set_search("IMG_0123")
            view.model.set_search("")

        # The first search also casefolds every name once (kept per history).
        first_search = best(search, times=1) / 2
        searched = best(search) / 2
        # Opening is measured as a person feels it: the longest gap of a
        # 5 ms timer while the event opens and the view settles (QTreeView
        # fetches a few more chunks as it lays the open row out).
        largest = max(range(view.model.rowCount()), key=lambda r: view.model.event_at(r).count)
        tree: QTreeView = view.tree
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)

        def settle(seconds: float) -> None:
            end = time.perf_counter() + seconds
            while time.perf_counter() < end:
                app.processEvents()

        opened = 0.0
        for _ in range(3):
            index = view.model.index(largest, 0)
            tree.collapse(index)
            settle(0.2)
            timer.start()
            last[0] = time.perf_counter()
            gaps.clear()
            tree.expand(index)
            tree.scrollTo(index)
            settle(1.0)
            timer.stop()
            opened = max(opened, max(gaps))
        given = view.model.rowCount(view.model.index(largest, 0))
        store.close()
    events = len(history.events)
    biggest = max(e.count for e in history.events)
    print(f"ledger rows          {args.rows:>10,}")
    print(f"events               {events:>10,}  (largest: {biggest:,} photos)")
    print(f"fold (worker)        {fold * 1000:>10.0f} ms")
    print(f"reuse, unchanged     {reuse * 1000:>10.2f} ms")
    print(f"show (GUI thread)    {shown * 1000:>10.1f} ms")
    print(f"first search         {first_search * 1000:>10.1f} ms")
    print(f"search (GUI thread)  {searched * 1000:>10.1f} ms")
    print(f"open largest event   {opened * 1000:>10.1f} ms longest stall ({given:,} given)")
    print(f"history held         {held:>10.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
