"""The state database: WAL, schema versions, migrations, damage handling."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from pellicle.core.errors import UserError
from pellicle.core.store import MIGRATIONS, SCHEMA_VERSION, Store, _statements


def make_v1(path: Path) -> None:
    """A database as the first released schema left it, with data in it."""
    db = sqlite3.connect(path)
    for statement in _statements(MIGRATIONS[0]):
        db.execute(statement)
    db.execute("PRAGMA user_version=1")
    db.execute("INSERT INTO roots(path, label) VALUES(?, 'Pictures')", (b"/photos",))
    db.execute(
        "INSERT INTO rules(root_id, rel, target, decision, created) VALUES(1, ?, 'folder',"
        " 'shareable', 0)",
        (b"Holidays",),
    )
    db.execute(
        "INSERT INTO ledger(time, action, source, export_path, sha256, reason)"
        " VALUES(1, 'add', '/photos/a.jpg', 'a.jpg', 'ab', 'shareable')"
    )
    db.commit()
    db.close()


def test_upgrades_an_old_schema_keeping_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    make_v1(path)
    store = Store(path)
    assert store.version == SCHEMA_VERSION > 1
    assert store.query("SELECT state FROM roots")[0]["state"] == "online"
    assert bytes(store.query("SELECT rel FROM rules")[0]["rel"]) == b"Holidays"
    row = store.query("SELECT source, source_sha256 FROM ledger")[0]
    assert row["source"] == "/photos/a.jpg" and row["source_sha256"] is None
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    store.close()
    # Opening again is a no-op.
    assert Store(path).version == SCHEMA_VERSION


def test_fresh_database_equals_migrated_one(tmp_path: Path) -> None:
    make_v1(tmp_path / "old.sqlite3")
    old = Store(tmp_path / "old.sqlite3")
    new = Store(tmp_path / "new.sqlite3")

    def schema(store: Store) -> list[tuple[str, str]]:
        return sorted(
            (r["name"], r["sql"] or "")
            for r in store.query(
                "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        )

    assert schema(old) == schema(new)


def test_newer_database_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(UserError, match="newer Pellicle") as info:
        Store(path)
    assert "\n" not in str(info.value)


def test_damaged_database_is_refused_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(UserError, match=r"damaged|database") as info:
        Store(path)
    assert "\n" not in str(info.value)


def test_ledger_is_append_only(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    with store.write() as db:
        db.execute(
            "INSERT INTO ledger(time, action, source, export_path, reason)"
            " VALUES(1, 'add', 's', 'e', 'r')"
        )
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), store.write() as db:
        db.execute("UPDATE ledger SET reason='x'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), store.write() as db:
        db.execute("DELETE FROM ledger")
    assert len(store.query("SELECT * FROM ledger")) == 1


def test_non_utf8_paths_round_trip(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    with store.write() as db:
        db.execute("INSERT INTO roots(path, label) VALUES(?, 'x')", (b"/r",))
        db.execute(
            "INSERT INTO rules(root_id, rel, target, decision, created)"
            " VALUES(1, ?, 'file', 'private', 0)",
            (b"caf\xe9\n.jpg",),
        )
    assert bytes(store.query("SELECT rel FROM rules")[0]["rel"]) == b"caf\xe9\n.jpg"


def test_version_4_ledger_upgrades_and_is_still_grouped(tmp_path: Path) -> None:
    """Migration 5 adds the ledger's batch, act and cause; the rows written
    before keep NULL there (the ledger is append-only) and are grouped by
    time and reason."""
    path = tmp_path / "v4.sqlite3"
    db = sqlite3.connect(path)
    for script in MIGRATIONS[:4]:
        for statement in _statements(script):
            db.execute(statement)
    db.execute("PRAGMA user_version=4")
    for n in range(3):
        db.execute(
            "INSERT INTO ledger(time, action, source, export_path, sha256, reason)"
            " VALUES(?, 'add', ?, ?, 'ab', 'shareable')",
            (10.0 + n, f"/photos/Holidays/{n}.jpg", f"Holidays/{n}.jpg"),
        )
    db.execute(
        "INSERT INTO ledger(time, action, source, export_path, reason)"
        " VALUES(90, 'remove', '/photos/Holidays/0.jpg', 'Holidays/0.jpg',"
        " 'private: this photo is marked private')"
    )
    db.commit()
    db.close()
    store = Store(path)
    assert store.version == SCHEMA_VERSION == 6
    assert store.query("SELECT count(*) FROM taken")[0][0] == 0  # migration 6
    rows = store.query("SELECT batch, act, cause FROM ledger")
    assert len(rows) == 4 and all(tuple(r) == (None, None, None) for r in rows)
    from pellicle.core import ledger

    assert [e.sentence() for e in ledger.history(store).events] == [
        "Withdrew 1 photo (no longer shareable)",
        "Shared 3 photos from Holidays",
    ]
    # Still append-only after the upgrade.
    with pytest.raises(sqlite3.DatabaseError, match="append-only"), store.write() as db:
        db.execute("UPDATE ledger SET batch=1")
