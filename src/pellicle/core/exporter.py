"""The export side: from decisions to the export folder.

Given a `LibraryState` (every photo with its verdict), this room works out
what the export folder should hold (the names, the wanted copies), compares
it with the manifest and the folder itself into a `Plan` (removals first),
and carries the plan out through `sync.apply`. It also owns what keeps the
folder honest between syncs: recovering from a sync that died mid-publish,
removing every copy that is no longer shareable (`enforce_privacy`, which a
`private` command waits for), withdrawing everything when the export folder
moves, and listing every shareable photo the folder lacks, with why.

It never takes the export lock itself: the engine does, around each call.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass

from pellicle.core.decisions import LibraryState
from pellicle.core.exportdir import STAGING, Entry, ExportBlocked, ExportDir, kind_of
from pellicle.core.index import Index
from pellicle.core.library import Library
from pellicle.core.manifest import MANIFEST, Manifest, ManifestRow
from pellicle.core.naming import Source, assign
from pellicle.core.plan import (
    GONE,
    MOVED,
    PROBLEM,
    UNROOTED,
    Action,
    Exported,
    Key,
    Plan,
    Wanted,
    make_plan,
)
from pellicle.core.store import Store, decode_rel, display
from pellicle.core.sync import ApplyReport, Context, apply
from pellicle.core.words import msg

ProgressFn = Callable[[str, int, int], None]

#: The plan's reason for a copy whose name changed (not a withdrawal).
RENAMED = msg("core.plan", "export name changed")


@dataclass
class Planned:
    """A plan and the export folder's foreign files, as found with it."""

    plan: Plan
    foreign: list[str]


class Exporter:
    """Plans and applies changes to the export folder."""

    def __init__(self, store: Store, library: Library, index: Index, manifest: Manifest) -> None:
        self.store = store
        self.library = library
        self.index = index
        self.manifest = manifest
        self.log: Callable[[str], None] | None = None
        #: Names given out, kept between syncs (see naming.assign).
        self._names: dict[tuple[int, bytes, str], str] = {}

    # -- planning --------------------------------------------------------------

    def plan(self, state: LibraryState, export: str, *, walk: bool = True) -> Planned:
        """Desired versus exported, as a plan, and the foreign files.

        With `walk` the whole export folder is read: copies altered or removed
        by someone else, and files Pellicle did not write, are found. Without
        it (a watcher's incremental sync) only the copies of photos that
        changed are looked at, and foreign files are those of the last walk.
        """
        roots = state.roots
        wanted = self._wanted(state)
        manifest = self.manifest.rows()
        incremental = not walk and self.manifest.foreign is not None and state.dirty is not None
        entries = self._entries(export, manifest, state.dirty if incremental else None)
        exported = []
        owned: set[str] = set()
        dirty = state.dirty if incremental else None
        for key, row in manifest.items():
            rel = row.export_rel
            owned.add(rel)
            if dirty is not None and key not in dirty:
                intact = True  # not looked at: the last full walk found it whole
            else:
                entry = entries.get(rel)
                intact = (
                    entry is not None
                    and entry.kind == "file"
                    and (entry.size, entry.mtime_ns, entry.ino) == (row.size, row.mtime_ns, row.ino)
                )
            exported.append(
                Exported(key, rel, row.src_size, row.src_mtime_ns, row.src_ino, row.options, intact)
            )
        if incremental:
            assert self.manifest.foreign is not None
            foreign = self.manifest.foreign
        else:
            # Shown to people (one line each, valid UTF-8): a name planted in
            # the export may hold a newline or bytes that are not text.
            foreign = sorted(
                display(rel) for rel, e in entries.items() if e.kind != "dir" and rel not in owned
            )
            self.manifest.foreign = foreign
        known_roots = {r.id for r in roots}
        paused = frozenset(r.id for r in roots if r.id not in state.online)
        reasons: dict[Key, str] = {}
        causes: dict[Key, str] = {}
        for copy in exported:
            rid, src_rel = copy.key
            verdict = state.verdicts.get(copy.key)
            if rid not in known_roots:
                reasons[copy.key] = msg(
                    "core.exporter", "its library folder was removed from Pellicle"
                )
                causes[copy.key] = UNROOTED
            elif verdict is None:
                reasons[copy.key] = msg("core.exporter", "the photo is gone from the library")
                causes[copy.key] = GONE
            elif not verdict.shareable:
                reasons[copy.key] = verdict.sentence()
            else:
                found = state.index[rid].get(src_rel)
                if found is not None and found.problem:
                    reasons[copy.key] = msg(
                        "core.exporter", "cannot be exported: {problem}"
                    ).format(problem=found.problem)
                    causes[copy.key] = PROBLEM
        # Under a paused root, a copy whose photo the index knows and the
        # current rules make private goes now; only "photo gone" waits.
        withdrawn = {
            key
            for key in reasons
            if key[0] in paused
            and (verdict := state.verdicts.get(key)) is not None
            and not verdict.shareable
        }
        plan = make_plan(
            wanted,
            exported,
            paused_roots=paused,
            withdrawn=withdrawn,
            removal_reasons=reasons,
            removal_causes=causes,
        )
        return Planned(plan, foreign)

    def _wanted(self, state: LibraryState) -> list[Wanted]:
        """The copies the export folder should hold, named."""
        settings = self.library.settings()
        labels = {r.id: r.label for r in state.roots}
        sources = [
            Source(rid, rel, facts.fmt or "")
            for rid, files in state.index.items()
            if rid in state.online
            for rel, facts in files.items()
            if facts.exportable and state.verdicts[(rid, rel)].shareable
        ]
        names = assign(
            sources,
            labels,
            opaque=settings["opaque_names"],
            secret=self.library.secret(),
            memo=self._names,
        )
        tag = self.library.options_tag()
        wanted = []
        for source in sources:
            key = (source.root_id, source.rel)
            facts = state.index[source.root_id][source.rel]
            wanted.append(
                Wanted(key, names[key], source.fmt, facts.size, facts.mtime_ns, facts.ino, tag)
            )
        return wanted

    @staticmethod
    def _entries(
        export: str, manifest: dict[Key, ManifestRow], dirty: set[Key] | None
    ) -> dict[str, Entry]:
        """The export folder's entries: all of them, or (`dirty`) only the
        copies of those photos."""
        try:
            with ExportDir(export) as folder:
                if dirty is None:
                    return {e.rel: e for e in folder.walk()}
                entries: dict[str, Entry] = {}
                for key in dirty:
                    row = manifest.get(key)
                    if row is None:
                        continue
                    rel = row.export_rel
                    st = folder.lstat(rel)
                    if st is not None:
                        entries[rel] = Entry(
                            rel, kind_of(st.st_mode), st.st_size, st.st_mtime_ns, st.st_ino
                        )
                return entries
        except ExportBlocked:
            return {}

    # -- applying --------------------------------------------------------------

    def apply(
        self, plan: Plan, state: LibraryState, export: str, progress: ProgressFn | None
    ) -> ApplyReport:
        if not plan:
            if os.path.lexists(os.path.join(export, STAGING)):
                # A sync killed while staging left files there; with nothing
                # to write now, nothing else would ever take them away.
                with ExportDir(export) as folder:
                    folder.drop_leftover_staging()
            return ApplyReport()
        roots = state.roots
        generation = self.store.rules_generation()
        version = [self.store.data_version(), generation]
        paths = {r.id: r.path for r in roots}

        def source_path(key: Key) -> str:
            facts = state.index[key[0]][key[1]]
            if facts.kind == "link" and facts.target:
                return os.fsdecode(facts.target)
            return os.path.join(paths[key[0]], decode_rel(key[1]))

        def rules_changed() -> bool:
            # data_version is free to read; only then look at the counter.
            now = self.store.data_version()
            if now == version[0]:
                return False
            version[0] = now
            return self.store.rules_generation() != generation

        problems: list[tuple[Key, int, int, str]] = []

        def record_problem(wanted: Wanted, reason: str) -> None:
            # Called from scrub workers: only collect here; the database
            # connection is written from this thread once the batch is done.
            problems.append((wanted.key, wanted.src_size, wanted.src_mtime_ns, reason))

        def tick(done: int, total: int) -> None:
            if progress is not None:
                progress(msg("core.exporter", "exporting"), done, total)

        with ExportDir(export) as folder:
            ctx = Context(
                store=self.store,
                export=folder,
                options=self.library.scrub_options(),
                options_tag=self.library.options_tag(),
                source_path=source_path,
                source_name=lambda key: self.library.source_name(key, roots),
                rules_changed=rules_changed,
                record_problem=record_problem,
                source_hash=lambda key: state.index[key[0]][key[1]].fingerprint,
                progress=tick,
                log=self.log,
            )
            try:
                return apply(plan, ctx)
            finally:
                self.index.record_problems(state.index, problems)
                self.manifest.refresh(
                    {
                        key
                        for action in plan.actions
                        for key in (
                            action.wanted.key if action.wanted else None,
                            action.exported.key if action.exported else None,
                        )
                        if key is not None
                    }
                )

    # -- privacy, withdrawal, recovery -----------------------------------------

    def privacy_removals(self, state: LibraryState, export: str) -> Plan:
        """The removals of copies that are no longer shareable (no walk)."""
        planned = self.plan(state, export, walk=False)
        return Plan(removals=[a for a in planned.plan.removals if a.reason != RENAMED])

    def enforce_privacy(self, state: LibraryState, export: str) -> int:
        """Remove every copy that is no longer shareable; raise if one stays."""
        privacy = self.privacy_removals(state, export)
        if not privacy:
            return 0
        applied = self.apply(privacy, state, export, None)
        if applied.failed:
            # Callers promise the copies are gone when they return: never
            # return quietly while one is still in view.
            first = applied.failed[0]
            raise ExportBlocked(
                msg(
                    "core.exporter",
                    "{count} exported copies that are no longer shareable "
                    "could not be removed ({path}: {error})",
                ).format(
                    count=len(applied.failed),
                    path=display(first.action.export_rel),
                    error=first.detail,
                )
            )
        return len(applied.done)

    def withdraw_all(self, state: LibraryState, export: str, reason: str) -> None:
        """Remove every copy (the export folder moves elsewhere)."""
        rows = self.store.query("SELECT * FROM exports")
        if not rows:
            return
        removals = Plan()
        for row in rows:
            rel = bytes(row["export_rel"]).decode()
            entry = Exported(
                (int(row["root_id"]), bytes(row["rel"])),
                rel,
                row["src_size"],
                row["src_mtime_ns"],
                row["src_ino"],
                row["options"],
            )
            removals.removals.append(Action("remove", rel, reason, exported=entry, cause=MOVED))
        if os.path.isdir(export):
            self.apply(removals, state, export, None)
        else:
            with self.store.write() as db:
                self.store.bump_generation(db, MANIFEST)
                db.execute("DELETE FROM exports")
            self.manifest.forget()

    def recover(self, export: str) -> None:
        """Undo a sync that died between renaming a copy and recording it."""
        rows = self.store.query("SELECT export_rel, sha256 FROM pending")
        if not rows:
            return
        known = {
            (bytes(r["export_rel"]), str(r["sha256"]))
            for r in self.store.query("SELECT export_rel, sha256 FROM exports")
        }
        with ExportDir(export) as folder:
            for row in rows:
                rel = bytes(row["export_rel"])
                if (rel, row["sha256"]) in known:
                    continue
                fd = open_in(folder, rel.decode())
                if fd is None:
                    continue
                try:
                    digest = sha256_fd(fd)
                finally:
                    os.close(fd)
                if digest == row["sha256"]:
                    folder.remove(rel.decode())
                    with self.store.write() as db:
                        self.store.bump_generation(db, MANIFEST)
                        db.execute("DELETE FROM exports WHERE export_rel=?", (rel,))
                    self.manifest.forget()
        with self.store.write() as db:
            db.execute("DELETE FROM pending")

    def not_exported(self, state: LibraryState, applied: ApplyReport) -> list[tuple[str, str]]:
        """Every shareable photo the export lacks, by library path, with why.

        Listed on every sync, not only the one that met the problem (as
        rsync lists a partial transfer): refused photos (their recorded
        problem), what failed in this sync (unreadable, changing), and
        shareable photos of a root whose drive is away that have no copy.
        """
        why: dict[Key, str] = {}
        for outcome in applied.failed:
            action = outcome.action
            entry = action.wanted or action.exported
            if entry is not None:
                why[entry.key] = outcome.detail
        manifest = self.manifest.rows()
        for rid, files in state.index.items():
            away = rid not in state.online
            for rel, facts in files.items():
                if facts.problem is None and not away:
                    continue
                key = (rid, rel)
                if key in why or not state.verdicts[key].shareable:
                    continue
                if facts.problem is not None:
                    why[key] = facts.problem
                elif key not in manifest:
                    why[key] = msg(
                        "core.exporter",
                        "its library folder cannot be reached (a drive that is away?)",
                    )
        return sorted(
            (self.library.source_name(key, state.roots), reason) for key, reason in why.items()
        )


def open_in(folder: ExportDir, rel: str) -> int | None:
    """A read-only descriptor of an exported file, never through a link."""
    try:
        fd, name = folder.parent(rel, create=False)
    except (OSError, ExportBlocked):
        return None
    try:
        return os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=fd)
    except OSError:
        return None
    finally:
        os.close(fd)


def sha256_fd(fd: int) -> str:
    digest = hashlib.sha256()
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, 1 << 20):
        digest.update(chunk)
    os.lseek(fd, 0, os.SEEK_SET)
    return digest.hexdigest()
