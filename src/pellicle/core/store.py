"""Pellicle's state: one SQLite database in WAL mode, with versioned schema.

Roots, rules, the file index, the export manifest and the ledger live here.
Paths relative to a root are stored as BLOBs holding the file system's own
bytes, so names that are not valid UTF-8 survive a round trip.

Every write goes through `Store.write()`, a `BEGIN IMMEDIATE` transaction, so
several Pellicle processes (GUI, CLI, watcher) can share the database: SQLite
serialises writers and `busy_timeout` makes a writer wait its turn.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

from pellicle.core.errors import Busy, UserError
from pellicle.core.words import msg

#: Each entry upgrades the schema from version i to i + 1.
MIGRATIONS: Final[tuple[str, ...]] = (
    # 1: the first schema.
    """
    CREATE TABLE settings(
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE roots(
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL UNIQUE
    );
    CREATE TABLE folders(
        root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
        rel BLOB NOT NULL,
        dev INTEGER NOT NULL,
        ino INTEGER NOT NULL,
        problem TEXT,
        PRIMARY KEY(root_id, rel)
    ) WITHOUT ROWID;
    CREATE TABLE files(
        id INTEGER PRIMARY KEY,
        root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
        rel BLOB NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('file', 'link')),
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        dev INTEGER NOT NULL,
        ino INTEGER NOT NULL,
        fmt TEXT,
        target BLOB,
        problem TEXT,
        fingerprint TEXT,
        UNIQUE(root_id, rel)
    );
    CREATE INDEX files_size ON files(size);
    CREATE INDEX files_inode ON files(dev, ino);
    CREATE TABLE rules(
        id INTEGER PRIMARY KEY,
        root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
        rel BLOB NOT NULL,
        target TEXT NOT NULL CHECK (target IN ('file', 'folder')),
        decision TEXT NOT NULL CHECK (decision IN ('shareable', 'private')),
        size INTEGER,
        mtime_ns INTEGER,
        fingerprint TEXT,
        dev INTEGER,
        ino INTEGER,
        missing INTEGER NOT NULL DEFAULT 0,
        created REAL NOT NULL,
        UNIQUE(root_id, rel)
    );
    CREATE TABLE exports(
        id INTEGER PRIMARY KEY,
        export_rel BLOB NOT NULL UNIQUE,
        root_id INTEGER NOT NULL,
        rel BLOB NOT NULL,
        src_size INTEGER NOT NULL,
        src_mtime_ns INTEGER NOT NULL,
        src_ino INTEGER NOT NULL,
        fmt TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        ino INTEGER NOT NULL,
        options TEXT NOT NULL,
        time REAL NOT NULL,
        UNIQUE(root_id, rel)
    );
    CREATE TABLE pending(
        export_rel BLOB PRIMARY KEY,
        sha256 TEXT NOT NULL
    );
    CREATE TABLE ledger(
        id INTEGER PRIMARY KEY,
        time REAL NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('add', 'update', 'remove')),
        source TEXT NOT NULL,
        export_path TEXT NOT NULL,
        sha256 TEXT,
        reason TEXT NOT NULL
    );
    CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
    CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
        BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
    """,
    # 2: roots remember whether they were reachable and how they are watched,
    # so `status` and the GUI can say "paused" or "polling"; the ledger
    # records the source's content hash next to the exported copy's.
    """
    ALTER TABLE roots ADD COLUMN state TEXT NOT NULL DEFAULT 'online';
    ALTER TABLE ledger ADD COLUMN source_sha256 TEXT;
    CREATE INDEX exports_source ON exports(root_id, rel);
    CREATE INDEX ledger_time ON ledger(time);
    """,
    # 3: drop indexes no statement uses. Every query Pellicle makes (checked
    # with EXPLAIN QUERY PLAN) is served by the UNIQUE/PRIMARY KEY indexes;
    # files_size and files_inode were only maintained (~20 % of the cost of
    # writing a 100,000-file index on the first sync) and exports_source
    # duplicates the UNIQUE(root_id, rel) index of exports.
    """
    DROP INDEX IF EXISTS files_size;
    DROP INDEX IF EXISTS files_inode;
    DROP INDEX IF EXISTS exports_source;
    """,
    # 4: the Flatpak apps Pellicle restricted (core/grants/service.py): the
    # hashes of the user's override file before and after, so `unrestrict`
    # can put back exactly what was there and a hand edit is noticed.
    """
    CREATE TABLE grants(
        app_id TEXT PRIMARY KEY,
        time REAL NOT NULL,
        before_sha256 TEXT,
        after_sha256 TEXT,
        options TEXT NOT NULL
    );
    """,
    # 5: the share history shows what happened (a folder shared, photos made
    # private, export names switched), not one line per file: each ledger
    # row names the sync that wrote it (`batch`, from the settings counter
    # 'ledger_batch'), what that was about (`act`: shared, updated,
    # withdrawn, renamed, moved) and why in one word (`cause`, see
    # core/plan.py). Older rows keep NULL there; core/ledger.py groups them
    # by time and reason instead. The per-file rows stay as they were.
    """
    ALTER TABLE ledger ADD COLUMN batch INTEGER;
    ALTER TABLE ledger ADD COLUMN act TEXT;
    ALTER TABLE ledger ADD COLUMN cause TEXT;
    """,
    # 6: the date each photo was taken (core/dates.py), for the grid's "sort
    # by date taken": read once from EXIF or the movie header and kept by
    # the file's size and mtime, so 100,000 photos are not reopened at each
    # start. Only a cache: losing a row costs one read of the file.
    """
    CREATE TABLE IF NOT EXISTS taken(
        root_id INTEGER NOT NULL REFERENCES roots(id) ON DELETE CASCADE,
        rel BLOB NOT NULL,
        size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL,
        taken INTEGER NOT NULL,
        source TEXT NOT NULL,
        PRIMARY KEY(root_id, rel)
    ) WITHOUT ROWID;
    """,
)

SCHEMA_VERSION: Final = len(MIGRATIONS)

#: How long a writer waits for another process's transaction, in seconds.
BUSY_TIMEOUT_S: Final = 15.0


def encode_rel(rel: str) -> bytes:
    """A relative path as stored: the file system's bytes."""
    return os.fsencode(rel)


def decode_rel(rel: bytes) -> str:
    """A stored relative path as a `str` usable with `os` functions."""
    return os.fsdecode(rel)


def display(path: str | bytes) -> str:
    """A path made printable: undecodable bytes shown as escapes, one line."""
    raw = path if isinstance(path, bytes) else os.fsencode(path)
    text = raw.decode("utf-8", "backslashreplace")
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")


class Damaged(UserError):
    """The state database's content is corrupt."""


def _damaged(path: Path, exc: sqlite3.DatabaseError) -> Damaged:
    return Damaged(
        msg(
            "core.store",
            "the state database {path} is damaged ({error}); move it aside to start afresh",
        ).format(path=str(path), error=str(exc))
    )


class _Cursor(sqlite3.Cursor):
    """Reports a corrupt database (found on any read, not only at open) as a
    `Damaged` line naming the file, instead of a bare sqlite3.DatabaseError.
    Only that exact class means corruption; its subclasses (locked, busy,
    constraint) keep their own handling."""

    path: Path

    def execute(self, *args: Any) -> _Cursor:
        try:
            return super().execute(*args)
        except sqlite3.DatabaseError as exc:
            raise _translated(self.path, exc) from None

    def executemany(self, *args: Any) -> _Cursor:
        try:
            return super().executemany(*args)
        except sqlite3.DatabaseError as exc:
            raise _translated(self.path, exc) from None

    def fetchone(self) -> Any:
        try:
            return super().fetchone()
        except sqlite3.DatabaseError as exc:
            raise _translated(self.path, exc) from None

    def fetchall(self) -> list[Any]:
        try:
            return super().fetchall()
        except sqlite3.DatabaseError as exc:
            raise _translated(self.path, exc) from None


def _translated(path: Path, exc: sqlite3.DatabaseError) -> Exception:
    return _damaged(path, exc) if type(exc) is sqlite3.DatabaseError else exc


class _Connection(sqlite3.Connection):
    path: Path

    def _cursor(self) -> _Cursor:
        cursor = self.cursor(_Cursor)
        cursor.path = self.path
        return cursor

    def execute(self, *args: Any) -> _Cursor:
        return self._cursor().execute(*args)

    def executemany(self, *args: Any) -> _Cursor:
        return self._cursor().executemany(*args)


class Store:
    """A connection to Pellicle's database, migrated to the current schema."""

    def __init__(self, path: Path, *, timeout: float | None = None) -> None:
        self.path = path
        if timeout is None:
            # Scripts and tests may shorten the wait for a busy database.
            timeout = float(os.environ.get("PELLICLE_DB_TIMEOUT", BUSY_TIMEOUT_S))
        try:
            self.db = sqlite3.connect(
                path,
                timeout=timeout,
                isolation_level=None,
                check_same_thread=False,
                factory=_Connection,
            )
            self.db.path = path
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.OperationalError as exc:
            raise _translate(exc, path) from None
        except sqlite3.DatabaseError as exc:
            raise _damaged(path, exc) from None

    def close(self) -> None:
        self.db.close()

    # -- schema -------------------------------------------------------------

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise UserError(
                msg(
                    "core.store",
                    "the state database {path} was written by a newer Pellicle "
                    "(schema {version}, this one knows {known}); upgrade Pellicle",
                ).format(path=str(self.path), version=version, known=SCHEMA_VERSION)
            )
        if version == SCHEMA_VERSION:
            return
        with self.write():
            # Re-read inside the write lock: another process may have migrated.
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number + 1}")

    @property
    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    # -- transactions -------------------------------------------------------

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A write transaction; it takes SQLite's write lock at once."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _translate(exc, self.path) from None
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            try:
                self.db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                self.db.execute("ROLLBACK")
                raise _translate(exc, self.path) from None

    def query(self, sql: str, params: tuple[object, ...] = ()) -> list[sqlite3.Row]:
        cursor = self.db.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    def data_version(self) -> int:
        """Changes whenever another connection commits: cheap change polling."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    # -- settings -----------------------------------------------------------

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return default if row is None else str(row[0])

    def set_setting(self, key: str, value: str) -> None:
        with self.write() as db:
            db.execute(
                "INSERT INTO settings(key, value) VALUES(?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                (key, value),
            )

    def bump_rules_generation(self, db: sqlite3.Connection) -> None:
        """Record that rules changed, inside the caller's transaction."""
        db.execute(
            "INSERT INTO settings(key, value) VALUES('rules_generation', ?) "
            "ON CONFLICT(key) DO UPDATE SET value=CAST(value AS INTEGER) + 1",
            ("1",),
        )
        db.execute(
            "INSERT INTO settings(key, value) VALUES('rules_changed', ?) "
            "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
            (repr(time.time()),),
        )

    def generation(self, key: str) -> int:
        """A counter another process bumps when it writes one kind of state."""
        return int(self.get_setting(key, "0") or 0)

    def bump_generation(self, db: sqlite3.Connection, key: str) -> int:
        """Bump `key` inside the caller's write transaction; the new value."""
        db.execute(
            "INSERT INTO settings(key, value) VALUES(?, '1') "
            "ON CONFLICT(key) DO UPDATE SET value=CAST(value AS INTEGER) + 1",
            (key,),
        )
        row = db.execute("SELECT value FROM settings WHERE key=?", (key,)).fetchone()
        return int(row[0])

    def rules_generation(self) -> int:
        return int(self.get_setting("rules_generation", "0") or 0)


def _statements(script: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out: list[str] = []
    current = ""
    for line in script.strip().splitlines():
        current += line + "\n"
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out


def _translate(exc: sqlite3.OperationalError, path: Path) -> UserError:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return Busy(
            msg(
                "core.store", "the state database {path} is busy: another Pellicle process holds it"
            ).format(path=str(path))
        )
    if "readonly" in message or "unable to open" in message:
        return UserError(
            msg("core.store", "cannot write the state database {path}: {error}").format(
                path=str(path), error=message
            )
        )
    return UserError(
        msg("core.store", "state database error in {path}: {error}").format(
            path=str(path), error=message
        )
    )
