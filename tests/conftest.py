"""Fixtures shared by every test: an isolated Pellicle home per test.

Each test gets its own `PELLICLE_HOME`, so state never leaks between tests
or into the developer's real configuration. Under `CI=true` a skipped test
fails (`ci_policy`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ci_policy import pytest_make_collect_report, pytest_runtest_makereport
from flatpak_world import flatpak_world, grant_world  # noqa: F401  (fixtures)

__all__ = ["pytest_make_collect_report", "pytest_runtest_makereport"]


@pytest.fixture(scope="session", autouse=True)
def _catalogues() -> None:
    """The compiled translation catalogues, made from resources/i18n when
    missing or older than their sources (they are not in git)."""
    import catalogues

    if catalogues.stale():
        catalogues.build()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("PELLICLE_HOME", str(path))
    return path


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "library"
    path.mkdir()
    return path


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return tmp_path / "export"


@pytest.fixture
def engine(home: Path, library: Path, export: Path) -> Iterator[object]:
    from pellicle.core.engine import Engine

    with Engine() as eng:
        eng.init([str(library)], str(export))
        yield eng


@pytest.fixture(autouse=True)
def _no_leftover_threads(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a core, e2e or fault test that leaves a Python thread running (a
    watcher not stopped, a scrub or scan pool not shut down). GUI tests have
    their own guard, which also checks QThreads and thread pools."""
    if "tests/gui/" in str(request.node.path).replace("\\", "/"):
        yield
        return
    before = {t.ident for t in threading.enumerate()}
    yield
    extra = [
        t
        for t in threading.enumerate()
        if t.ident not in before and not isinstance(t, threading._DummyThread)
    ]
    for thread in extra:
        thread.join(timeout=2.0)  # one that is already on its way out
    alive = [t.name for t in extra if t.is_alive()]
    assert not alive, f"threads still running after the test: {alive}"
