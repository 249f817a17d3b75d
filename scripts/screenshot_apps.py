"""Open the real window and its Apps view on real Flatpak apps, and save
docs/apps.png.

Run under a virtual display, as root (Flatpak apps are built offline into
a temporary HOME under /home, removed afterwards):

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_apps.py

Three apps are built like the tests' (tests/flatpak_world.py) with names and
icons: a photo editor granted `host`, an AI upscaler granted `xdg-pictures`
and a notes app granted `xdg-documents`. The upscaler is restricted first,
so the view shows a red, a green and a neutral row, and the banner names
the app that can still read the library.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE / "tests"))

APPS = {
    "org.example.PhotoEditor": ["host"],
    "org.example.Upscaler": ["xdg-pictures"],
    "org.example.Notes": ["xdg-documents"],
}
NAMES = {
    "org.example.PhotoEditor": ("Photo Editor", "#5b6ee1"),
    "org.example.Upscaler": ("AI Upscaler", "#d9822b"),
    "org.example.Notes": ("Notes", "#3a9c5b"),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default=str(HERE / "docs" / "apps.png"))
    args = parser.parse_args()

    from flatpak_world import RUNTIME, build_world

    home = Path(tempfile.mkdtemp(prefix="pellicle-shot-", dir="/home"))
    try:
        world = build_world(
            home, {a: (RUNTIME, f) for a, f in APPS.items()}, system_apps=(), names=NAMES
        )
        os.environ.update(world.env)
        os.environ["XDG_DATA_DIRS"] = str(home / "no-system-apps")
        return shoot(home, Path(args.out))
    finally:
        shutil.rmtree(home, ignore_errors=True)


def shoot(home: Path, out: Path) -> int:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from pellicle.core.demo import make_library
    from pellicle.core.engine import Engine
    from pellicle.core.paths import locations
    from pellicle.gui.app import APPLICATION, ORGANISATION, gui_settings
    from pellicle.gui.apps import grants_for
    from pellicle.gui.window import MainWindow

    where = locations()
    where.ensure()
    library, export = home / "Pictures", home / "Shared with apps"
    make_library(library, 24, seed=3)
    with Engine(where) as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library / "Holidays")])
        engine.sync()
        grants_for(engine).restrict(["org.example.Upscaler"])

    app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    window = MainWindow(where, gui_settings(where, isolated=True), live=False)
    window.resize(1400, 860)
    window.move(0, 0)
    window.show()

    def wait(seconds: float) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)

    window.start()
    wait(1.5)
    while window._syncing or window.rules.busy or window.grants.report is None:
        wait(0.1)
    window.grants.action.trigger()
    dialog = window.grants.dialog
    assert dialog is not None
    dialog.resize(1000, 300)
    dialog.move(200, 240)
    wait(1.0)
    dialog.verify()
    while not dialog.model.checks:
        wait(0.1)
    wait(0.5)
    screen = app.primaryScreen()
    shot = screen.grabWindow(0, 0, 0, 1400, 580)
    out.parent.mkdir(parents=True, exist_ok=True)
    shot.save(str(out))
    # Fewer colours keep the PNG small enough for the repository.
    from PIL import Image

    with Image.open(out) as image:
        image.convert("RGB").quantize(colors=128, dither=Image.Dither.NONE).save(out, optimize=True)
    print(f"saved {out} ({shot.width()}x{shot.height()}, {out.stat().st_size} bytes)")
    dialog.close()
    window.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
