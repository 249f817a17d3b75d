"""The export manifest: what Pellicle wrote into the export folder, as it
wrote it, kept in memory between syncs.

The rows live in SQLite (`exports`), written by `sync` as each copy is
published or removed. This room reads them, keeps them while no other
process wrote them (a generation counter says so), and remembers the files
in the export folder that Pellicle did not write as of the last full walk.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from pellicle.core.plan import Key
from pellicle.core.store import Store

#: Bumped with every manifest write, so other processes drop cached copies.
MANIFEST: Final = "manifest_generation"


@dataclass(frozen=True, slots=True)
class ManifestRow:
    """One exported copy: where it is, what it was made from and with, and
    the file's identity when it was written (a change means someone else
    touched it)."""

    export_rel: str
    src_size: int
    src_mtime_ns: int
    src_ino: int
    options: str
    size: int
    mtime_ns: int
    ino: int


class Manifest:
    """The manifest rows, and the foreign files of the last full walk."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.generation = -1
        self._rows: dict[Key, ManifestRow] | None = None
        #: Export folder entries not in the manifest, from the last full walk
        #: (None: no walk since the rows were loaded).
        self.foreign: list[str] | None = None

    def revalidate(self) -> None:
        """Drop the kept rows if another process wrote the manifest since."""
        generation = self.store.generation(MANIFEST)
        if generation != self.generation:
            self.forget()
            self.generation = generation

    def forget(self) -> None:
        """This process, or another, rewrote rows behind the kept copy."""
        self._rows = None
        self.foreign = None

    def rows(self) -> dict[Key, ManifestRow]:
        if self._rows is None:
            self._rows = self._load()
        return self._rows

    def refresh(self, keys: Iterable[Key]) -> None:
        """Bring kept rows up to date after this process wrote them."""
        if self._rows is None:
            return
        for key in keys:
            fresh = self._load(" WHERE root_id=? AND rel=?", key)
            if fresh:
                self._rows[key] = fresh[key]
            else:
                self._rows.pop(key, None)
        # Manifest writers hold the export lock, as this process does now:
        # the counter can only hold this process's own bumps.
        self.generation = self.store.generation(MANIFEST)

    def _load(self, where: str = "", params: tuple[object, ...] = ()) -> dict[Key, ManifestRow]:
        rows = self.store.db.execute(
            "SELECT root_id, rel, export_rel, src_size, src_mtime_ns, src_ino, options, size,"
            " mtime_ns, ino FROM exports" + where,
            params,
        ).fetchall()
        return {
            (int(r[0]), bytes(r[1])): ManifestRow(
                bytes(r[2]).decode(), r[3], r[4], r[5], r[6], r[7], r[8], r[9]
            )
            for r in rows
        }
