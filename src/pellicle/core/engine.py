"""The engine: the one object the CLI, the GUI and the watcher all drive.

It is a facade. Data flows one way through the rooms behind it: the file
`index` (scan) -> `rulefollow` (rules stay on their photos) -> `decisions`
(verdicts) -> `exporter` (plan, scrub, gate, export folder). `rules` edits
rules, `library` holds roots and options, `overview` words what people ask,
`checker` re-proves the export. The engine takes the export lock around
whatever writes the export folder, and keeps the rooms' memory in step with
other processes (SQLite's `data_version`). Callers never touch the database
or the export folder themselves. See docs/architecture.md.
"""

from __future__ import annotations

import dataclasses
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pellicle.core import ledger as ledger_mod
from pellicle.core import overview
from pellicle.core.checker import CheckReport, check
from pellicle.core.dates import TakenCache
from pellicle.core.decisions import Decisions, LibraryState
from pellicle.core.errors import Busy, NotInitialised
from pellicle.core.exportdir import ExportBlocked
from pellicle.core.exporter import Exporter
from pellicle.core.index import Index
from pellicle.core.library import NO_LIBRARY, Library
from pellicle.core.livephoto import VIDEO_FORMATS as LIVE_VIDEO_FORMATS
from pellicle.core.lock import ExportLock
from pellicle.core.manifest import Manifest
from pellicle.core.overview import Explanation, FolderSummary
from pellicle.core.paths import Locations, locations
from pellicle.core.policy import Decision, Rule, Verdict
from pellicle.core.roots import Root, locate
from pellicle.core.rulefollow import Scanned as RuleScan
from pellicle.core.rulefollow import follow
from pellicle.core.rules import Rules
from pellicle.core.scan import FileFacts, safe_fingerprint
from pellicle.core.store import Store, decode_rel
from pellicle.core.sync import ApplyReport
from pellicle.core.words import msg

ProgressFn = Callable[[str, int, int], None]

__all__ = ["CheckReport", "Engine", "Explanation", "FolderSummary", "Root", "SyncReport"]


@dataclass
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
    #: Every shareable photo the export lacks (library path, why).
    failed: list[tuple[str, str]] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    paused: list[str] = field(default_factory=list)
    in_sync: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added,
            "updated": self.updated,
            "removed": self.removed,
            "failed": [{"path": p, "reason": r} for p, r in self.failed],
            "foreign": self.foreign,
            "paused_roots": self.paused,
            "in_sync": self.in_sync,
        }


class Engine:
    """Pellicle's core, bound to one state folder (see `paths`)."""

    def __init__(self, where: Locations | None = None, *, lock_timeout: float = 60.0) -> None:
        self.locations = where or locations()
        self.locations.ensure()
        self.store = Store(self.locations.database)
        self.lock_timeout = lock_timeout
        self.library = Library(self.store)
        self.index = Index(self.store)
        self.decisions = Decisions(self.index)
        self.manifest = Manifest(self.store)
        self.exporter = Exporter(self.store, self.library, self.index, self.manifest)
        self.rulebook = Rules(self.store, self.index)
        #: SQLite's data_version when the rooms' memory was last checked.
        self._version: int | None = None
        #: Dates taken, made on first use (`capture_dates`).
        self._taken: TakenCache | None = None

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def log(self) -> Callable[[str], None] | None:
        """Called with one line per change written to the export."""
        return self.exporter.log

    @log.setter
    def log(self, value: Callable[[str], None] | None) -> None:
        self.exporter.log = value

    @property
    def held(self) -> set[str]:
        """Files a watcher knows are still being written (see `index`)."""
        return self.index.held

    @held.setter
    def held(self, paths: set[str]) -> None:
        self.index.held = paths

    # ------------------------------------------------------------------ setup

    @property
    def initialised(self) -> bool:
        return self.library.initialised

    def roots(self) -> list[Root]:
        return self.library.roots()

    @property
    def export_dir(self) -> str:
        return self.library.export_dir

    def settings(self) -> dict[str, Any]:
        return self.library.settings()

    def init(
        self,
        libraries: Sequence[str],
        export: str,
        *,
        opaque_names: bool | None = None,
        keep_capture_date: bool | None = None,
    ) -> None:
        """Set the library roots and the export folder (again, if need be)."""
        roots, target = self.library.checked(libraries, export)
        with self._export_lock():
            old_export = self.store.get_setting("export_dir")
            if old_export is not None and old_export != target:
                state = self._state(self.roots(), scan=False)
                self.exporter.withdraw_all(
                    state, old_export, msg("core.engine", "export folder moved")
                )
            os.makedirs(target, exist_ok=True)
            with self.store.write() as db:
                self.index.written(db)  # removed roots take their index rows along
                self.library.write(
                    db,
                    roots,
                    target,
                    opaque_names=opaque_names,
                    keep_capture_date=keep_capture_date,
                )
                self.store.bump_rules_generation(db)
            self._enforce_privacy()

    def set_options(
        self,
        *,
        opaque_names: bool | None = None,
        keep_capture_date: bool | None = None,
        live_photo_videos: bool | None = None,
    ) -> None:
        self.library.set_options(
            opaque_names=opaque_names,
            keep_capture_date=keep_capture_date,
            live_photo_videos=live_photo_videos,
        )

    # ------------------------------------------------------------------ rules

    def share(self, paths: Iterable[str]) -> list[Explanation]:
        return self._set_rules(paths, Decision.SHAREABLE)

    def private(self, paths: Iterable[str]) -> list[Explanation]:
        """Mark private; returns once every affected exported copy is gone."""
        return self._set_rules(paths, Decision.PRIVATE)

    def clear(self, paths: Iterable[str]) -> list[Explanation]:
        return self._set_rules(paths, None)

    def _set_rules(self, paths: Iterable[str], decision: Decision | None) -> list[Explanation]:
        roots = self.roots()
        if not roots:
            raise NotInitialised(NO_LIBRARY)
        named = self.rulebook.set(paths, decision, roots)
        # Private and clear can take copies out of the export; a share cannot
        # by itself, but whatever this change leaves undecided in the export
        # is looked for anyway (sticky private, a drive that is away), and
        # the command returns only once those copies are gone.
        if decision is not Decision.SHAREABLE or self._privacy_pending():
            try:
                with self._export_lock():
                    self._enforce_privacy()
            except Busy:
                raise Busy(
                    msg(
                        "core.engine",
                        "the rule is in force, but another Pellicle process is writing the "
                        "export; it removes the affected copies itself "
                        "(pellicle status shows when)",
                    )
                ) from None
            except ExportBlocked as exc:
                # The rule stands (it is what the person asked for); the
                # copies go with the first sync that can reach the folder.
                raise ExportBlocked(
                    msg(
                        "core.engine",
                        "the rule is in force, but {error}; "
                        "the next sync that can will remove them",
                    ).format(error=str(exc))
                ) from None
        return [self.explain(raw) for raw in self.rulebook.explainable(named, self.roots())]

    def rules(self) -> list[Rule]:
        return self.rulebook.all()

    def rules_at(self, paths: Iterable[str]) -> dict[str, Decision | None]:
        """The explicit rule each path has now (None: it inherits)."""
        return self.rulebook.at(paths, self.roots())

    def move_rules(self, src: str, dst: str) -> int:
        """Follow a move the watcher saw: rules at or under `src` go to `dst`."""
        return self.rulebook.move(src, dst, self.roots())

    # --------------------------------------------------------------- queries

    def explain(self, raw: str) -> Explanation:
        roots = self.roots()
        place = self.rulebook.locate(raw, roots, must_exist=True)
        policy = self.decisions.policy(self.rules(), roots)
        explanation = overview.explain(self.store, raw, place, policy, roots)
        known = None if place.is_dir else self.index.known(place.root.id, place.rel)
        if isinstance(known, FileFacts) and known.fmt in LIVE_VIDEO_FORMATS:
            # A Live Photo's video follows its still: only the whole state
            # knows which videos are such (see decisions).
            state = self._state(roots, scan=False)
            if place.rel in self.decisions.live.get(place.root.id, {}):
                verdict = state.verdicts.get((place.root.id, place.rel))
                if verdict is not None:
                    explanation = dataclasses.replace(
                        explanation, decision=verdict.decision, reason=verdict.reason
                    )
        return explanation

    def status(self) -> dict[str, Any]:
        """Counts, export state and problems, from the index (no rescan)."""
        export = self.export_dir
        state = self._state(self.roots(), scan=False)
        planned = self.exporter.plan(state, export)
        missing = self.exporter.not_exported(state, ApplyReport())
        return overview.status(
            self.store,
            state,
            export,
            planned,
            missing,
            lambda key: self.library.source_name(key, state.roots),
        )

    def watch_modes(self) -> dict[str, str] | None:
        """How a running watcher follows each root, or None (see core.watch)."""
        return overview.watch_modes(self.store)

    def audit(self, limit: int | None = None) -> list[dict[str, Any]]:
        return ledger_mod.entries(self.store, limit=limit)

    def history(self, previous: ledger_mod.History | None = None) -> ledger_mod.History:
        """The ledger as events ("Shared 80 photos from Holidays"), newest
        first; `previous` itself when the ledger and export are unchanged."""
        return ledger_mod.history(self.store, previous)

    def photos(self) -> list[tuple[Root, FileFacts, Verdict]]:
        """Every indexed photo with its decision (for views; no rescan)."""
        return overview.photos(self._state(self.roots(), scan=False))

    def folder_summaries(self) -> list[FolderSummary]:
        """Every folder with its own rule, decision and counts (no rescan)."""
        return overview.folder_summaries(self._state(self.roots(), scan=False))

    def capture_dates(self, photos: Sequence[tuple[int, bytes]]) -> list[int]:
        """When each (root_id, rel) was taken, in wall-clock seconds (see
        `core.dates`), 0 for a file that cannot be reached. Dates already
        read are kept in the database; an unchanged file is only `stat`-ed."""
        if self._taken is None:
            self._taken = TakenCache(self.store)
        return self._taken.dates(self.roots(), photos)

    # ------------------------------------------------------------------ sync

    def sync(
        self,
        progress: ProgressFn | None = None,
        *,
        changed: Iterable[str] | None = None,
        check_export: bool | None = None,
    ) -> SyncReport:
        """One reconcile: scan, plan, remove, write. Idempotent.

        With `changed` (paths a watcher saw change), only the folders holding
        them are rescanned and only those photos' copies are looked at; the
        export folder is read whole only when `check_export` is true (the
        watcher saw it change). Without `changed`, everything is rescanned
        and the whole export folder is read.
        """
        walk = changed is None if check_export is None else check_export
        export = self.export_dir
        report = SyncReport()
        interrupted = False
        with self._export_lock():
            for _attempt in range(20):
                self.exporter.recover(export)
                roots = self.roots()
                subtrees = None if changed is None else _subtrees(changed, roots)
                state = self._state(roots, scan=True, progress=progress, under=subtrees)
                planned = self.exporter.plan(state, export, walk=walk)
                report.foreign = planned.foreign
                report.paused = [r.path for r in roots if r.id not in state.online]
                applied = self.exporter.apply(planned.plan, state, export, progress)
                for outcome in applied.done:
                    kind = outcome.action.kind
                    if kind == "add":
                        report.added += 1
                    elif kind == "update":
                        report.updated += 1
                    else:
                        report.removed += 1
                report.failed = self.exporter.not_exported(state, applied)
                interrupted = applied.interrupted
                if not interrupted:
                    break
            self.store.set_setting("last_sync", repr(time.time()))
            # Every action ran (an interrupted round was re-planned above), so
            # the export matches unless something failed or is not ours.
            report.in_sync = not interrupted and not report.failed and not report.foreign
        return report

    def enforce_privacy(self) -> int:
        """Remove every exported copy that is no longer shareable; no scan."""
        with self._export_lock():
            return self._enforce_privacy()

    def check(self, progress: ProgressFn | None = None, *, decode: bool = False) -> CheckReport:
        """Re-read the export and the policy; list anything that is not right.

        Every exported copy goes through the same gate as during the sync:
        compared with its source when that is still the photo it was made
        from, decoded when not (source changed, gone, or on an unplugged
        drive), and decoded as well when `decode` is true. A copy that cannot
        be read or parsed is a problem, never skipped.

        Takes the export lock, so a sync running elsewhere (whose staging
        folder would look like a leftover) finishes first.
        """
        with self._export_lock():
            export = self.export_dir
            state = self._state(self.roots(), scan=True, write=False)
            options = self.library.scrub_options()
            return check(self.store, self.exporter, state, export, options, progress, decode=decode)

    # --------------------------------------------------------------- internals

    def _export_lock(self) -> ExportLock:
        return ExportLock(self.locations.lock_file, timeout=self.lock_timeout)

    def _state(
        self,
        roots: list[Root],
        *,
        scan: bool,
        write: bool = True,
        progress: ProgressFn | None = None,
        under: dict[int, list[bytes]] | None = None,
    ) -> LibraryState:
        """The library as the rooms see it now: scanned (`scan`), rules
        followed, every photo decided. Without `write` nothing is written
        or kept (a read-only look)."""
        self._catch_up()
        scanned = self.index.scan(roots, scan=scan, cached=write, under=under, progress=progress)
        if scan and write:
            paths = {r.id: r.path for r in roots}
            moves = follow(
                self.rulebook.stored(),
                RuleScan(
                    scanned.index, scanned.folders, scanned.online, scanned.changed, scanned.before
                ),
                lambda key: safe_fingerprint(os.path.join(paths[key[0]], decode_rel(key[1]))),
            )
            self.rulebook.apply_moves(moves)
        live_videos = bool(self.library.settings()["live_photo_videos"])
        return self.decisions.decide(
            roots, scanned, self.rules(), cached=write, live_videos=live_videos
        )

    def _catch_up(self) -> None:
        """Drop what the rooms remember that another process changed since."""
        version = self.store.data_version()
        if version == self._version:
            return
        self._version = version
        if not self.index.revalidate():
            # Another process scanned: its index replaces ours, and every
            # verdict and manifest row kept from ours goes with it.
            self.decisions.forget()
            self.manifest.forget()
            self.manifest.generation = -1
        self.manifest.revalidate()

    def _privacy_pending(self) -> bool:
        export = self.store.get_setting("export_dir")
        if export is None:
            return False
        state = self._state(self.roots(), scan=False)
        return bool(self.exporter.privacy_removals(state, export))

    def _enforce_privacy(self) -> int:
        """Remove exported copies whose photo is no longer shareable."""
        export = self.store.get_setting("export_dir")
        if export is None:
            return 0
        state = self._state(self.roots(), scan=False)
        return self.exporter.enforce_privacy(state, export)


def _subtrees(paths: Iterable[str], roots: list[Root]) -> dict[int, list[bytes]]:
    """The smallest set of folders to rescan so every changed path is seen."""
    wanted: dict[int, set[bytes]] = {}
    for raw in paths:
        path = os.path.abspath(raw)
        found = locate(path, roots)
        if found is None:
            continue
        rel = found.rel
        if rel and not os.path.isdir(path):
            cut = rel.rfind(b"/")
            rel = rel[:cut] if cut >= 0 else b""
        wanted.setdefault(found.root.id, set()).add(rel)
    result: dict[int, list[bytes]] = {}
    for rid, rels in wanted.items():
        kept: list[bytes] = []
        for rel in sorted(rels, key=len):
            if any(not k or rel == k or rel.startswith(k + b"/") for k in kept):
                continue
            kept.append(rel)
        result[rid] = kept
    return result
