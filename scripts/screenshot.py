"""Open the real window on the sample camera roll and save docs/screenshot.png.

Run under a virtual display:

    xvfb-run -a -s "-screen 0 1400x900x24" .venv/bin/python scripts/screenshot.py

It makes a private PELLICLE_HOME in a temporary folder, writes the sample
camera roll (`core/samples.py`, what "Try with sample photos" makes: real
GPS, serials and a made-up owner's name), marks some of it shareable,
syncs, selects a shared photo so the inspector shows what it carries and
what the export keeps, waits for thumbnails, and grabs the window. The
window speaks the system's language (LANG), or the one given with
`--language fr` (docs/screenshot-fr.png is made that way).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "docs" /
                                             "screenshot.png"))  # fmt: skip
    parser.add_argument("--size", default="1400x860", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--language", choices=("system", "en", "fr"), default="system")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))

    home = tempfile.mkdtemp(prefix="pellicle-shot-")
    os.environ["PELLICLE_HOME"] = home
    from PySide6.QtCore import QEventLoop, QItemSelectionModel, QTimer
    from PySide6.QtWidgets import QApplication

    from pellicle.core.engine import Engine
    from pellicle.core.paths import locations
    from pellicle.core.samples import make_camera_roll
    from pellicle.gui import language
    from pellicle.gui.app import APPLICATION, ORGANISATION, gui_settings, open_window

    where = locations()
    where.ensure()
    library = Path(home) / "Pictures"
    export = Path(home) / "Shared with apps"
    photos = make_camera_roll(library)
    brittany = [p for p in photos if p.parent.name == "2024-07 Brittany"]
    with Engine(where) as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "2024-07 Brittany"), str(library / "2023-10 Lisbon")])
        engine.private([str(brittany[1])])  # the one with the family in it
        engine.share([str(library / "Screenshots")])
        engine.sync()

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = gui_settings(where, isolated=True)
    language.set_choice(settings, args.language)
    language.install(app, settings)
    window = open_window(where, settings, live=False)
    window.resize(width, height)
    window.show()

    def wait(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    window.start()
    wait(1.5)
    while window.busy:
        wait(0.1)
    # Select one shared photo.
    model = window.photo_model
    target = next(
        (r for r in range(model.rowCount()) if model.item(r).badge == "shareable"
         and model.item(r).name.lower().endswith(".jpg")), 0)  # fmt: skip
    window.grid.selectionModel().setCurrentIndex(
        model.index(target), QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    window.grid.setFocus()
    wait(1.5)
    while window.rules.busy:
        wait(0.1)
    wait(0.5)
    QTimer.singleShot(0, lambda: None)
    pixmap = window.grab()
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    pixmap.save(args.out)
    print(f"saved {args.out} ({pixmap.width()}x{pixmap.height()})")
    window.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
