"""Fixtures shared by every test: an isolated Pellicle home per test.

Each test gets its own `PELLICLE_HOME`, so state never leaks between tests
or into the developer's real configuration.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest


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


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under `root` with its content hash: proof nothing changed."""
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                out[str(path.relative_to(root))] = "link:" + os.readlink(path)
            else:
                out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
        for name in dirnames:
            out[str((Path(dirpath) / name).relative_to(root)) + "/"] = "dir"
    return out


def exported_files(export: Path) -> set[str]:
    """Relative paths of the files in the export folder."""
    if not export.exists():
        return set()
    return {
        str(p.relative_to(export))
        for p in export.rglob("*")
        if not p.is_dir() or p.is_symlink()
    }
