"""Fixtures shared by every test: an isolated Pellicle home per test.

Each test gets its own `PELLICLE_HOME`, so state never leaks between tests
or into the developer's real configuration. Under `CI=true` a skipped test
fails (`ci_policy`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ci_policy import pytest_make_collect_report, pytest_runtest_makereport

__all__ = ["pytest_make_collect_report", "pytest_runtest_makereport"]


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
