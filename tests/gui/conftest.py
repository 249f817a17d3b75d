"""Fixtures for GUI tests: offscreen Qt, a real library, strict threads.

Qt must be told to render offscreen before it is imported anywhere. Every
test gets its own PELLICLE_HOME (from the root conftest), a generated
library with planted metadata, and an isolated QSettings file. A test that
leaves a worker thread or a busy thread pool behind fails (napari's
`_dangling_qthreads` idea), as does any Qt warning (`qt_log_level_fail`).
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QAbstractItemModel
from PySide6.QtTest import QAbstractItemModelTester

from pellicle.core.demo import make_library


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/gui" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            # The offscreen platform cannot do these; they are not our bugs.
            item.add_marker(
                pytest.mark.qt_log_ignore(
                    "This plugin does not support",
                    "QStandardPaths: wrong permissions",
                    "Cannot open default",
                )
            )


@pytest.fixture(autouse=True)
def _english(qapp: object, tmp_path: Path) -> None:
    """Every GUI test starts in English, as `pellicle` under LANG=C: the
    English catalogue (its plural forms) installed, QLocale English."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from pellicle.gui import language

    settings = QSettings(str(tmp_path / "language.ini"), QSettings.Format.IniFormat)
    language.set_choice(settings, "en")
    app = QApplication.instance()
    assert app is not None
    language.install(app, settings)


@pytest.fixture(autouse=True)
def _no_dangling_threads(qapp: object) -> Iterator[None]:
    """Fail a test that leaves a QThread, a busy pool or a Python thread running."""
    from pellicle.gui.tasks import LIVE_POOLS, LIVE_THREADS

    before = {t.ident for t in threading.enumerate()}
    yield
    running = [t.objectName() for t in list(LIVE_THREADS) if t.isRunning()]
    busy = [p for p in list(LIVE_POOLS) if p.activeThreadCount()]
    extra = [
        t.name
        for t in threading.enumerate()
        if t.ident not in before and t.is_alive() and not isinstance(t, threading._DummyThread)
    ]
    assert not running, f"QThreads still running after the test: {running}"
    assert not busy, f"{len(busy)} thread pools still busy after the test"
    assert not extra, f"Python threads still running after the test: {extra}"


ModelTester = Callable[[QAbstractItemModel], QAbstractItemModelTester]


@pytest.fixture
def model_tester(qtbot: object) -> Iterator[ModelTester]:
    """Put models under Qt's QAbstractItemModelTester for the whole test
    (qutebrowser's habit): `model_tester(model)`.

    The tester is made the model's child, so it lives exactly as long as
    the model: PySide deletes a parentless tester as soon as its Python
    wrapper goes, which silently leaves the model untested. Failures are
    reported as Qt warnings in the "qt.modeltest" category, which pytest-qt
    turns into a test failure (Fatal mode would abort the whole run). At
    teardown, a tester that is gone while its model still exists fails the
    test.
    """
    kept: list[tuple[QAbstractItemModel, QAbstractItemModelTester]] = []

    def tested(model: QAbstractItemModel) -> QAbstractItemModelTester:
        mode = QAbstractItemModelTester.FailureReportingMode.Warning
        tester = QAbstractItemModelTester(model, mode, model)
        kept.append((model, tester))
        return tester

    yield tested
    for model, tester in kept:
        if shiboken6.isValid(model):
            assert shiboken6.isValid(tester), f"the tester of {type(model).__name__} was deleted"


@pytest.fixture
def sample_library(library: Path) -> Path:
    make_library(library, 12, seed=5)
    return library


@pytest.fixture
def where(home: Path) -> object:
    from pellicle.core.paths import locations

    loc = locations()
    loc.ensure()
    return loc


@pytest.fixture
def settings(tmp_path: Path) -> object:
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "gui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot: object, where: object, settings: object) -> Iterator[object]:
    """Build MainWindows that are shut down (threads joined) after the test."""
    from pellicle.gui.window import MainWindow

    made: list[MainWindow] = []

    def make(*, live: bool = False, start: bool = True) -> MainWindow:
        window = MainWindow(where, settings, live=live)  # type: ignore[arg-type]
        qtbot.addWidget(window)  # type: ignore[attr-defined]
        made.append(window)
        window.resize(1200, 800)
        window.show()
        if start:
            with qtbot.waitSignal(window.refreshed, timeout=10_000):  # type: ignore[attr-defined]
                window.start()
        return window

    yield make
    for window in made:
        window.shutdown()


@pytest.fixture
def ready(engine: object, sample_library: Path, make_window: object, qtbot: object) -> object:
    """A window on an initialised, synced 12-photo library."""
    engine.sync()  # type: ignore[attr-defined]
    window = make_window()  # type: ignore[operator]
    qtbot.waitUntil(lambda: not window.busy, timeout=15_000)  # type: ignore[attr-defined]
    return window
