"""A state database that is locked, damaged or from a newer Pellicle.

Through the real command line: one clear line on stderr, exit 2, no
traceback; the export folder, the library and the database file itself are
left exactly as they were (nothing lost: the person can move the file aside
or upgrade, and nothing was guessed or overwritten).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from faults_helpers import consistent, database, integrity, one_line_error, pellicle, visible

from fs_helpers import tree_digest
from pellicle.core.demo import write_photo

COMMANDS = [
    ("sync",),
    ("status", "--json"),
    ("check",),
    ("audit",),
    ("private", "LIB/S/0.jpg"),
    ("share", "LIB/T"),
]


@pytest.fixture
def setup(tmp_path: Path) -> dict[str, Path]:
    lib, export, home = tmp_path / "lib", tmp_path / "export", tmp_path / "home"
    for folder in ("S", "T"):
        (lib / folder).mkdir(parents=True)
        for i in range(3):
            write_photo(lib / folder / f"{i}.jpg", "jpeg", seed=i + ord(folder))
    pellicle(home, "init", "--library", str(lib), "--export", str(export))
    pellicle(home, "share", str(lib / "S"))
    pellicle(home, "sync")
    return {"lib": lib, "export": export, "home": home}


def args_for(cmd: tuple[str, ...], lib: Path) -> list[str]:
    return [a.replace("LIB", str(lib)) for a in cmd]


def snapshot(w: dict[str, Path]) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    return tree_digest(w["lib"]), tree_digest(w["export"]), tree_digest(w["home"] / "data")


def test_locked_database(setup: dict[str, Path]) -> None:
    lib, export, home = setup["lib"], setup["export"], setup["home"]
    holder = sqlite3.connect(database(home), isolation_level=None, timeout=1)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before_lib, before_export = tree_digest(lib), tree_digest(export)
        for cmd in COMMANDS:
            result = pellicle(home, *args_for(cmd, lib), check=None, PELLICLE_DB_TIMEOUT="0.5")
            if cmd[0] in ("status", "audit", "check"):
                # WAL: readers never wait for a writer.
                assert result.returncode in (0, 1), (cmd, result.stderr)
            else:
                one_line_error(result, "busy")
            assert tree_digest(export) == before_export, cmd
        assert tree_digest(lib) == before_lib
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    consistent(home, export)
    assert visible(export) == {"S/0.jpg", "S/1.jpg", "S/2.jpg"}
    # Nothing was half-done: the same commands now simply work.
    pellicle(home, "private", str(lib / "S" / "0.jpg"))
    pellicle(home, "sync")
    assert visible(export) == {"S/1.jpg", "S/2.jpg"}


@pytest.mark.parametrize("damage", ["garbage", "zeroed_pages", "truncated"])
def test_corrupt_database(setup: dict[str, Path], damage: str) -> None:
    lib, home = setup["lib"], setup["home"]
    pellicle(home, "status")  # checkpointed and closed
    path = database(home)
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    data = bytearray(path.read_bytes())
    if damage == "garbage":
        data = bytearray(b"this is not a database, just garbage bytes " * 200)
    elif damage == "zeroed_pages":
        page = int.from_bytes(data[16:18], "big")
        data[page : len(data)] = bytes(len(data) - page)  # every page but the header one
    else:
        data = data[: len(data) // 3 + 7]
    path.write_bytes(bytes(data))
    before = snapshot(setup)
    for cmd in COMMANDS:
        result = pellicle(home, *args_for(cmd, lib), check=None)
        line = one_line_error(result)
        assert "database" in line and str(path) in line, line
    assert snapshot(setup) == before, "nothing is overwritten, repaired or deleted"


def test_database_from_a_newer_schema(setup: dict[str, Path]) -> None:
    lib, home = setup["lib"], setup["home"]
    db = sqlite3.connect(database(home), isolation_level=None)
    db.execute("PRAGMA user_version=99")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    before = snapshot(setup)
    for cmd in COMMANDS:
        result = pellicle(home, *args_for(cmd, lib), check=None)
        one_line_error(result, "newer Pellicle", "schema 99")
    assert snapshot(setup) == before
    assert integrity(home) == "ok"
