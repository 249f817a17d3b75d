"""Helpers for the fault and attack tests (imported by name: keep it unique).

`pellicle()` runs the real command line in a subprocess; `consistent()`
checks what must hold after any fault: the database passes SQLite's own
integrity check, the manifest matches the files in the export folder one to
one, and no staging or partial file is in view.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from fs_helpers import exported_files
from pellicle.core.exportdir import STAGING


def env_for(home: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, PELLICLE_HOME=str(home), **extra)
    env.pop("PELLICLE_DEBUG", None)
    return env


def pellicle(
    home: Path, *args: str, check: int | None = 0, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess[str]:
    """Run `pellicle ARGS` as a user would; never a traceback."""
    result = subprocess.run(
        [sys.executable, "-m", "pellicle", *args],
        env=env_for(home, **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if check is not None:
        assert result.returncode == check, (args, result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """Exit 2 with exactly one `pellicle: ...` line on stderr naming `words`."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pellicle: "), lines
    assert "unexpected error" not in lines[0], lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def database(home: Path) -> Path:
    return home / "data" / "pellicle.sqlite3"


def integrity(home: Path) -> str:
    db = sqlite3.connect(database(home))
    try:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        db.close()


def manifest(home: Path) -> dict[str, str]:
    """export_rel -> sha256 as the database records it."""
    db = sqlite3.connect(database(home))
    try:
        rows = db.execute("SELECT export_rel, sha256 FROM exports").fetchall()
    finally:
        db.close()
    return {bytes(r[0]).decode(): str(r[1]) for r in rows}


def pending(home: Path) -> dict[str, str]:
    db = sqlite3.connect(database(home))
    try:
        rows = db.execute("SELECT export_rel, sha256 FROM pending").fetchall()
    finally:
        db.close()
    return {bytes(r[0]).decode(): str(r[1]) for r in rows}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def visible(export: Path) -> set[str]:
    """Files in view: everything but the hidden staging folder's content."""
    return {rel for rel in exported_files(export) if not rel.startswith(STAGING)}


def consistent(home: Path, export: Path, *, quiescent: bool = True) -> None:
    """The database is sound and agrees with the export folder.

    When `quiescent` (no sync interrupted since the last complete one) the
    manifest lists exactly the files in view, with their content hashes, and
    there is no staging folder. After a crash, a file in view may also be a
    published copy the manifest has not recorded yet: it must then be
    announced in `pending` with its exact hash (the next sync reconciles it).
    """
    assert integrity(home) == "ok"
    known = manifest(home)
    shown = visible(export)
    if quiescent:
        assert shown == set(known), shown ^ set(known)
        assert not (export / STAGING).exists()
        assert pending(home) == {}
    announced = pending(home)
    for rel in shown:
        digest = sha256(export / rel)
        assert digest in (known.get(rel), announced.get(rel)), f"{rel} is not a verified copy"
