"""The file index: what the scans found in each root, in SQLite and in memory.

A sync rescans (all, or the folders a watcher names), compares with the
index, writes what changed and keeps the result in memory for the next
sync, so a long-lived engine (the app, `pellicle watch`) costs what changed,
not the library. Another process's scan bumps a generation counter in the
store; this room then drops its copy and reloads.

The memory copy relies on one contract with `scan.scan_root`: a file that
did not change is handed on as the very same `FileFacts` object. The
decisions room keys its verdict cache on that identity (`is`), so an
unchanged photo is not decided again. `tests/core/test_index.py` holds
that contract.
"""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pellicle.core.errors import UserError
from pellicle.core.plan import Key
from pellicle.core.roots import Root, locate
from pellicle.core.scan import FileFacts, FolderFacts, RootScan, StatKey, scan_root
from pellicle.core.store import Store
from pellicle.core.words import msg

#: Bumped with every write to the file index (tells other processes' caches).
INDEX = "index_generation"

ProgressFn = Callable[[str, int, int], None]


@dataclass
class Scanned:
    """The index after one operation's scans (or as loaded, without scans)."""

    index: dict[int, dict[bytes, FileFacts]]
    folders: dict[int, dict[bytes, FolderFacts]]
    #: Roots whose drive is there.
    online: set[int]
    #: Per scanned root, the files found new or changed.
    changed: dict[int, set[bytes]] = field(default_factory=dict)
    #: Per scanned root, the index before the scan.
    before: dict[int, dict[bytes, FileFacts]] = field(default_factory=dict)
    #: Some root's index was loaded from the store rather than the memory
    #: copy: nothing of it was looked at by this process yet.
    reloaded: bool = False


class Index:
    """The index of every root: load, rescan, save, and the memory copy."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: The generation the memory copy belongs to.
        self.generation = -1
        self.files: dict[int, dict[bytes, FileFacts]] = {}
        self.folders: dict[int, dict[bytes, FolderFacts]] = {}
        #: Per root, the files the last scan found are not photos (documents,
        #: sidecars): facts about the file system, not about the database,
        #: so they outlive the memory copy and spare every rescan those reads.
        self.not_photos: dict[int, dict[bytes, StatKey]] = {}
        #: Absolute paths of files a watcher knows are still being written:
        #: a scan keeps what the index knew about them (or leaves a new one
        #: out) so half a photo is never exported. See core.watch.
        self.held: set[str] = set()

    # -- the memory copy ---------------------------------------------------

    def revalidate(self) -> bool:
        """Drop the memory copy if another process wrote the index since;
        False when it was dropped."""
        generation = self.store.generation(INDEX)
        if generation == self.generation:
            return True
        self.forget()
        self.generation = generation
        return False

    def forget(self) -> None:
        self.files = {}
        self.folders = {}

    def written(self, db: sqlite3.Connection) -> None:
        """Inside a write to files or folders: tell other processes' caches,
        and keep this one (it holds what was written)."""
        self.generation = self.store.bump_generation(db, INDEX)

    # -- reading and scanning ----------------------------------------------

    def scan(
        self,
        roots: list[Root],
        *,
        scan: bool,
        cached: bool,
        under: dict[int, list[bytes]] | None = None,
        progress: ProgressFn | None = None,
    ) -> Scanned:
        """Every root's index, rescanned (`scan`; only the subtrees in
        `under` when given) and written back. Without `cached` nothing is
        kept in memory nor written (a read-only look, as `check` takes)."""
        result = Scanned({}, {}, set())
        for root in roots:
            if cached and root.id in self.files:
                previous = self.files[root.id]
                prev_folders = self.folders[root.id]
            else:
                previous = self._load(root.id)
                prev_folders = self._load_folders(root.id)
                result.reloaded = True
                if cached:
                    self.files[root.id] = previous
                    self.folders[root.id] = prev_folders
            if not scan or (under is not None and root.id not in under):
                result.index[root.id] = previous
                result.folders[root.id] = prev_folders
                if root.online:
                    result.online.add(root.id)
                continue
            found = self._rescan(root, roots, previous, prev_folders, under, progress)
            result.before[root.id] = previous
            result.changed[root.id] = found.changed
            result.index[root.id] = found.files
            result.folders[root.id] = found.folders
            if found.online:
                result.online.add(root.id)
            if cached:
                self._save(root, previous, prev_folders, found)
                self.files[root.id] = found.files
                self.folders[root.id] = found.folders
        if cached:
            for rid in [rid for rid in self.files if rid not in result.index]:
                del self.files[rid]  # a root removed from the library
                self.folders.pop(rid, None)
        return result

    def _rescan(
        self,
        root: Root,
        roots: list[Root],
        previous: dict[bytes, FileFacts],
        prev_folders: dict[bytes, FolderFacts],
        under: dict[int, list[bytes]] | None,
        progress: ProgressFn | None,
    ) -> RootScan:
        def tick(n: int) -> None:
            if progress is not None:
                progress(msg("core.index", "scanning {folder}").format(folder=root.label), n, 0)

        subtrees = (under or {}).get(root.id) or [b""]
        result = RootScan(True, previous, prev_folders, set(), self.not_photos.get(root.id, {}))
        changed: set[bytes] = set()
        for subtree in subtrees:
            result = scan_root(
                root.path,
                result.files,
                previous_folders=result.folders,
                roots=[r.path for r in roots],
                under=subtree,
                progress=tick,
                not_photos=result.not_photos,
            )
            changed |= result.changed
            if not result.online:
                break
        result.changed = changed
        self.not_photos[root.id] = result.not_photos
        if result.online and previous and not result.files and not result.folders:
            # A library that had photos and now shows nothing at all is far
            # more likely an unmounted drive's empty mount point than a
            # person deleting everything: pause it like an unplugged drive
            # (its copies stay) instead of withdrawing every copy.
            result = RootScan(False, previous, prev_folders, set())
        if self.held:
            self._keep_held(root, previous, result)
        return result

    def _keep_held(self, root: Root, previous: dict[bytes, FileFacts], result: RootScan) -> None:
        """Files still being written count as they were before the write."""
        for path in self.held:
            found = locate(os.path.abspath(path), [root])
            if found is None or not found.rel:
                continue
            rel = found.rel
            result.changed.discard(rel)
            if rel in previous:
                result.files[rel] = previous[rel]
            else:
                result.files.pop(rel, None)

    def known(self, root_id: int, rel: bytes) -> FileFacts | FolderFacts | None:
        """What the stored index holds at `rel` (a folder first), or None."""
        folder = self.store.db.execute(
            "SELECT rel, dev, ino, problem FROM folders WHERE root_id=? AND rel=?", (root_id, rel)
        ).fetchone()
        if folder is not None:
            return FolderFacts(bytes(folder[0]), folder[1], folder[2], folder[3])
        found = self._load(root_id, rel)
        return found.get(rel)

    def _load(self, root_id: int, rel: bytes | None = None) -> dict[bytes, FileFacts]:
        query = (
            "SELECT rel, kind, size, mtime_ns, dev, ino, fmt, target, problem, fingerprint"
            " FROM files WHERE root_id=?"
        )
        params: tuple[object, ...] = (root_id,)
        if rel is not None:
            query += " AND rel=?"
            params = (root_id, rel)
        cursor = self.store.db.execute(query, params)
        # SQLite hands back a new object per value; the few distinct kinds,
        # formats, devices and problems are shared instead (about 10 MB less
        # at 100,000 photos). Rows are consumed as they come, not listed.
        shared: dict[object, object] = {}
        index: dict[bytes, FileFacts] = {}
        for rel_, kind, size, mtime_ns, dev, ino, fmt, target, problem, fp in cursor:
            index[rel_] = FileFacts(
                rel_,
                shared.setdefault(kind, kind),  # type: ignore[arg-type]
                size,
                mtime_ns,
                shared.setdefault(dev, dev),  # type: ignore[arg-type]
                ino,
                shared.setdefault(fmt, fmt),  # type: ignore[arg-type]
                target,
                shared.setdefault(problem, problem),  # type: ignore[arg-type]
                fp,
            )
        return index

    def _load_folders(self, root_id: int) -> dict[bytes, FolderFacts]:
        rows = self.store.db.execute(
            "SELECT rel, dev, ino, problem FROM folders WHERE root_id=?", (root_id,)
        ).fetchall()
        return {bytes(r[0]): FolderFacts(bytes(r[0]), r[1], r[2], r[3]) for r in rows}

    # -- writing -------------------------------------------------------------

    def _save(
        self,
        root: Root,
        previous: dict[bytes, FileFacts],
        prev_folders: dict[bytes, FolderFacts],
        result: RootScan,
    ) -> None:
        state = "online" if result.online else "offline"
        gone = [rel for rel in previous if rel not in result.files]
        # Identity first: an unchanged file keeps the very same facts object.
        changed = [
            f
            for rel, f in result.files.items()
            if previous.get(rel) is not f and previous.get(rel) != f
        ]
        gone_folders = [rel for rel in prev_folders if rel not in result.folders]
        new_folders = [f for rel, f in result.folders.items() if prev_folders.get(rel) != f]
        if not (gone or changed or gone_folders or new_folders) and state == root.state:
            return
        with self.store.write() as db:
            self.written(db)
            db.execute("UPDATE roots SET state=? WHERE id=?", (state, root.id))
            db.executemany(
                "DELETE FROM files WHERE root_id=? AND rel=?", [(root.id, rel) for rel in gone]
            )
            db.executemany(
                "INSERT INTO files(root_id, rel, kind, size, mtime_ns, dev, ino, fmt, target,"
                " problem, fingerprint) VALUES(?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT(root_id, rel) DO UPDATE SET kind=excluded.kind, size=excluded.size,"
                " mtime_ns=excluded.mtime_ns, dev=excluded.dev, ino=excluded.ino,"
                " fmt=excluded.fmt, target=excluded.target, problem=excluded.problem,"
                " fingerprint=excluded.fingerprint",
                [
                    (root.id, f.rel, f.kind, f.size, f.mtime_ns, f.dev, f.ino, f.fmt, f.target,
                     f.problem, f.fingerprint)
                    for f in changed
                ],
            )  # fmt: skip
            db.executemany(
                "DELETE FROM folders WHERE root_id=? AND rel=?",
                [(root.id, rel) for rel in gone_folders],
            )
            db.executemany(
                "INSERT OR REPLACE INTO folders(root_id, rel, dev, ino, problem) VALUES(?,?,?,?,?)",
                [(root.id, f.rel, f.dev, f.ino, f.problem) for f in new_folders],
            )

    def record_fingerprints(self, found: Iterable[tuple[str, int, bytes]]) -> None:
        """(fingerprint, root_id, rel) rows learnt by the decisions room."""
        rows = list(found)
        if not rows:
            return
        with self.store.write() as db:
            self.written(db)
            db.executemany("UPDATE files SET fingerprint=? WHERE root_id=? AND rel=?", rows)

    def record_problems(
        self,
        index: dict[int, dict[bytes, FileFacts]],
        problems: Iterable[tuple[Key, int, int, str]],
    ) -> None:
        """Scrub refusals (key, size, mtime, reason) become the photo's
        problem, so an unchanged broken photo is not retried; `index` (this
        operation's) learns them too."""
        rows = list(problems)
        if not rows:
            return
        try:
            with self.store.write() as db:
                self.written(db)
                db.executemany(
                    "UPDATE files SET problem=? WHERE root_id=? AND rel=? AND size=?"
                    " AND mtime_ns=?",
                    [(reason, key[0], key[1], size, mtime) for key, size, mtime, reason in rows],
                )
        except (sqlite3.Error, UserError):
            return  # not recorded: the photo is simply tried again next sync
        for key, size, mtime, reason in rows:
            files = index.get(key[0], {})
            facts = files.get(key[1])
            if facts is not None and (facts.size, facts.mtime_ns) == (size, mtime):
                files[key[1]] = dataclasses.replace(facts, problem=reason)
