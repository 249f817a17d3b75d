"""Every keyed query the engine, sync and watcher make is an index search."""

from __future__ import annotations

from pathlib import Path

import pytest

from pellicle.core.store import Store

KEYED = [
    "SELECT rel, kind, size, mtime_ns, dev, ino, fmt, target, problem, fingerprint"
    " FROM files WHERE root_id=?",
    "SELECT rel, dev, ino, problem FROM folders WHERE root_id=?",
    "SELECT id, rel FROM rules WHERE root_id=? AND (rel=? OR substr(rel, 1, ?)=?)",
    "SELECT problem FROM files WHERE root_id=? AND rel=? AND size=? AND mtime_ns=?",
    "UPDATE files SET fingerprint=? WHERE root_id=? AND rel=?",
    "DELETE FROM files WHERE root_id=? AND rel=?",
    "SELECT export_rel FROM exports WHERE root_id=? AND rel=?",
    "DELETE FROM exports WHERE export_rel=?",
    "SELECT size, mtime_ns, ino FROM exports WHERE export_rel=?",
]


@pytest.mark.parametrize("sql", KEYED)
def test_keyed_queries_search_an_index(tmp_path: Path, sql: str) -> None:
    store = Store(tmp_path / "state.db")
    plan = store.db.execute("EXPLAIN QUERY PLAN " + sql, (1,) * sql.count("?")).fetchall()
    assert plan and all(row[3].startswith("SEARCH") for row in plan), plan


def test_ledger_join_looks_exports_up_by_name(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    plan = store.db.execute(
        "EXPLAIN QUERY PLAN SELECT l.id, e.sha256 FROM ledger l"
        " LEFT JOIN exports e ON e.export_rel = CAST(l.export_path AS BLOB) ORDER BY l.id"
    ).fetchall()
    assert any("SEARCH e USING" in row[3] for row in plan), plan


def test_unused_indexes_are_gone(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    names = {r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert not names & {"files_size", "files_inode", "exports_source"}
