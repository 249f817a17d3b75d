"""The engine: one object the CLI, the GUI and the watcher all drive.

It ties the layers together in the one direction data flows: library
files -> scan -> policy -> sync plan -> scrub -> export folder. Callers edit
rules and read state through it; they never touch the database or the
export folder themselves.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import secrets
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pellicle.core import ledger as ledger_mod
from pellicle.core.errors import Busy, NotInitialised, UserError
from pellicle.core.exportdir import STAGING, Entry, ExportBlocked, ExportDir, kind_of
from pellicle.core.lock import ExportLock
from pellicle.core.naming import Source, assign
from pellicle.core.paths import Locations, locations
from pellicle.core.plan import Exported, Key, Plan, Wanted, make_plan
from pellicle.core.policy import Decision, Policy, Rule, Target, Verdict
from pellicle.core.scan import (
    FileFacts,
    FolderFacts,
    RootScan,
    StatKey,
    facts_for,
    fingerprint,
    scan_root,
)
from pellicle.core.scrub import ScrubOptions
from pellicle.core.store import Store, decode_rel, display
from pellicle.core.sync import MANIFEST, ApplyReport, Context, apply

#: Bumped when the scrubber's output changes, so existing copies are redone.
SCRUB_REVISION = "2"

ProgressFn = Callable[[str, int, int], None]

#: Bumped with every write to the file index (see `_Cache`).
INDEX = "index_generation"


@dataclass(frozen=True)
class Root:
    id: int
    path: str
    label: str
    state: str


@dataclass(frozen=True)
class Explanation:
    path: str
    decision: Decision
    reason: str
    problem: str | None = None
    exported_as: str | None = None
    is_folder: bool = False

    def sentence(self) -> str:
        text = f"{self.decision.value}: {self.reason}"
        if self.problem:
            text += f" (not exported: {self.problem})"
        return text


@dataclass
class SyncReport:
    added: int = 0
    updated: int = 0
    removed: int = 0
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


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def clean(self) -> bool:
        return not self.problems


@dataclass
class _State:
    """A consistent in-memory picture of the library for one operation."""

    roots: list[Root]
    index: dict[int, dict[bytes, FileFacts]]
    folders: dict[int, dict[bytes, FolderFacts]]
    policy: Policy
    verdicts: dict[Key, Verdict]
    online: set[int]
    #: Photos whose facts or decision changed in this operation; None when
    #: everything must be considered (no cache to compare against).
    dirty: set[Key] | None = None


#: A policy's rules as the cache compares them: place rules, sticky private
#: rules, root names.
_Rules = tuple[frozenset[Rule], frozenset[Rule], frozenset[tuple[int, str]]]


@dataclass
class _Cache:
    """What an Engine keeps between operations so a sync costs what changed.

    Valid while no other connection has written the database (SQLite's
    `data_version` is unchanged); this connection's own writes update it.
    """

    data_version: int
    #: The index and manifest generations the cached copies belong to: a
    #: commit by another process that changed neither (a rule change, a
    #: status write) keeps them.
    index_generation: int = -1
    manifest_generation: int = -1
    index: dict[int, dict[bytes, FileFacts]] = field(default_factory=dict)
    folders: dict[int, dict[bytes, FolderFacts]] = field(default_factory=dict)
    rules: _Rules | None = None
    #: The fingerprint sizes every cached photo was checked against.
    hashed_sizes: set[int] | None = None
    verdicts: dict[Key, Verdict] = field(default_factory=dict)
    #: The facts each verdict was decided from: a new object means redo it.
    decided_from: dict[Key, FileFacts] = field(default_factory=dict)
    manifest: dict[Key, _ManifestRow] | None = None
    #: Export folder entries not in the manifest, from the last full walk.
    foreign: list[str] | None = None


@dataclass(frozen=True)
class _RuleReach:
    """The photos a change of rules can have decided differently.

    A folder rule decides what lies under its folder, a file rule its own
    photo, and a private file rule with a fingerprint also every exact copy
    (sticky private). Rules that were added, removed or changed in any
    field (a rule going missing included) are compared; a change of root
    names rewords every explanation, so it is not narrowed (None).
    """

    folders: dict[int, tuple[bytes, ...]]
    files: dict[int, frozenset[bytes]]
    fingerprints: frozenset[str]

    @staticmethod
    def between(old: _Rules, new: _Rules) -> _RuleReach | None:
        if old[2] != new[2]:
            return None
        folders: dict[int, list[bytes]] = {}
        files: dict[int, set[bytes]] = {}
        fingerprints: set[str] = set()
        for rule in (old[0] ^ new[0]) | (old[1] ^ new[1]):
            if rule.target is Target.FOLDER:
                folders.setdefault(rule.root_id, []).append(rule.rel + b"/" if rule.rel else b"")
            else:
                files.setdefault(rule.root_id, set()).add(rule.rel)
            if rule.fingerprint is not None:
                fingerprints.add(rule.fingerprint)
        return _RuleReach(
            {rid: tuple(prefixes) for rid, prefixes in folders.items()},
            {rid: frozenset(rels) for rid, rels in files.items()},
            frozenset(fingerprints),
        )

    def in_root(self, rid: int) -> Callable[[bytes, FileFacts], bool]:
        """Whether a photo of root `rid` is within reach of the change."""
        prefixes = self.folders.get(rid, ())
        own = self.files.get(rid, frozenset())
        fingerprints = self.fingerprints

        def reaches(rel: bytes, facts: FileFacts) -> bool:
            return (
                rel in own
                or (bool(prefixes) and rel.startswith(prefixes))
                or (facts.fingerprint is not None and facts.fingerprint in fingerprints)
            )

        return reaches


@dataclass(frozen=True, slots=True)
class _ManifestRow:
    export_rel: str
    src_size: int
    src_mtime_ns: int
    src_ino: int
    options: str
    size: int
    mtime_ns: int
    ino: int


class Engine:
    """Pellicle's core, bound to one state folder (see `paths`)."""

    def __init__(self, where: Locations | None = None, *, lock_timeout: float = 60.0) -> None:
        self.locations = where or locations()
        self.locations.ensure()
        self.store = Store(self.locations.database)
        self.lock_timeout = lock_timeout
        self.log: Callable[[str], None] | None = None
        #: Absolute paths of files a watcher knows are still being written:
        #: a scan keeps what the index knew about them (or leaves a new one
        #: out) so half a photo is never exported. See core.watch.
        self.held: set[str] = set()
        self._cache: _Cache | None = None
        self._names: dict[tuple[int, bytes, str], str] = {}
        #: Per root, the files the last scan found are not photos (videos,
        #: sidecars): facts about the file system, not about the database,
        #: so they outlive the cache and spare every rescan those reads.
        self._not_photos: dict[int, dict[bytes, StatKey]] = {}

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ setup

    @property
    def initialised(self) -> bool:
        return self.store.get_setting("export_dir") is not None

    def roots(self) -> list[Root]:
        return [
            Root(int(r["id"]), os.fsdecode(bytes(r["path"])), str(r["label"]), str(r["state"]))
            for r in self.store.query("SELECT id, path, label, state FROM roots ORDER BY id")
        ]

    @property
    def export_dir(self) -> str:
        value = self.store.get_setting("export_dir")
        if value is None:
            raise NotInitialised(
                "Pellicle has no library yet; run: pellicle init --library DIR --export DIR"
            )
        return value

    def settings(self) -> dict[str, Any]:
        return {
            "export_dir": self.store.get_setting("export_dir"),
            "opaque_names": self.store.get_setting("opaque_names", "0") == "1",
            "keep_capture_date": self.store.get_setting("keep_capture_date", "0") == "1",
        }

    def init(
        self,
        libraries: Sequence[str],
        export: str,
        *,
        opaque_names: bool | None = None,
        keep_capture_date: bool | None = None,
    ) -> None:
        """Set the library roots and the export folder (again, if need be)."""
        if not libraries:
            raise UserError("give at least one --library folder")
        roots: list[str] = []
        for lib in libraries:
            path = os.path.realpath(os.path.expanduser(lib))
            if not os.path.isdir(path):
                raise UserError(f"library folder {display(lib)} does not exist or is not a folder")
            roots.append(path)
        for i, a in enumerate(roots):
            for b in roots[i + 1 :]:
                if a == b or _inside(a, b) or _inside(b, a):
                    raise UserError(f"library folders overlap: {display(a)} and {display(b)}")
        target = os.path.realpath(os.path.expanduser(export))
        current = self.store.get_setting("export_dir")
        for root in roots:
            if current is not None and (
                root == current or _inside(root, current) or _inside(current, root)
            ):
                raise UserError(
                    f"{display(root)} holds Pellicle's export folder {display(current)}; "
                    "a library folder must lie apart from it"
                )
        for root in roots:
            if target == root or _inside(target, root):
                raise UserError(
                    f"the export folder {display(target)} lies inside the library {display(root)}"
                )
            if _inside(root, target):
                raise UserError(
                    f"the library {display(root)} lies inside the export folder {display(target)}"
                )
        _check_writable_export(target)
        with ExportLock(self.locations.lock_file, timeout=self.lock_timeout):
            old_export = self.store.get_setting("export_dir")
            if old_export is not None and old_export != target:
                self._withdraw_all(old_export, "export folder moved")
            os.makedirs(target, exist_ok=True)
            with self.store.write() as db:
                self._index_written(db)  # removed roots take their index rows along
                existing = {
                    os.fsdecode(bytes(r[1])): int(r[0])
                    for r in db.execute("SELECT id, path FROM roots")
                }
                for path, rid in existing.items():
                    if path not in roots:
                        db.execute("DELETE FROM roots WHERE id=?", (rid,))
                labels = {str(r[0]) for r in db.execute("SELECT label FROM roots")}
                for path in roots:
                    if path in existing:
                        continue
                    label = _unique_label(os.path.basename(path) or "root", labels)
                    labels.add(label)
                    db.execute(
                        "INSERT INTO roots(path, label) VALUES(?, ?)", (os.fsencode(path), label)
                    )
                _set(db, "export_dir", target)
                if db.execute("SELECT 1 FROM settings WHERE key='secret'").fetchone() is None:
                    _set(db, "secret", secrets.token_hex(32))
                if opaque_names is not None:
                    _set(db, "opaque_names", "1" if opaque_names else "0")
                if keep_capture_date is not None:
                    _set(db, "keep_capture_date", "1" if keep_capture_date else "0")
                self.store.bump_rules_generation(db)
            self._enforce_privacy()

    def set_options(
        self, *, opaque_names: bool | None = None, keep_capture_date: bool | None = None
    ) -> None:
        with self.store.write() as db:
            if opaque_names is not None:
                _set(db, "opaque_names", "1" if opaque_names else "0")
            if keep_capture_date is not None:
                _set(db, "keep_capture_date", "1" if keep_capture_date else "0")

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
            raise NotInitialised(
                "Pellicle has no library yet; run: pellicle init --library DIR --export DIR"
            )
        rows: list[tuple[Any, ...]] = []
        targets: list[tuple[int, bytes, str]] = []
        for raw in paths:
            root, rel, st = self._locate(raw, roots, must_exist=decision is not None)
            targets.append((root.id, rel, raw))
            if decision is None:
                # Clearing works on a path that is gone (a missing rule), but
                # a path with neither a file nor a rule is a typo.
                if st is None and not self.store.query(
                    "SELECT 1 FROM rules WHERE root_id=? AND rel=?", (root.id, rel)
                ):
                    raise UserError(f"{display(raw)} does not exist and has no rule to clear")
                continue
            if st is not None and stat.S_ISDIR(st.st_mode):
                rows.append(
                    (root.id, rel, "folder", decision.value, None, None, None, st.st_dev, st.st_ino)
                )
            elif not rel:
                raise UserError(f"{display(raw)} is a library root; only folders can hold rules")
            else:
                assert st is not None
                try:
                    fp = fingerprint(os.path.join(root.path, decode_rel(rel)))
                except OSError as exc:
                    raise UserError(f"cannot read {display(raw)}: {exc.strerror}") from None
                rows.append(
                    (
                        root.id,
                        rel,
                        "file",
                        decision.value,
                        st.st_size,
                        st.st_mtime_ns,
                        fp,
                        st.st_dev,
                        st.st_ino,
                    )
                )
        if not targets:
            raise UserError("give at least one path")
        with self.store.write() as db:
            if decision is None:
                for rid, rel, _ in targets:
                    db.execute("DELETE FROM rules WHERE root_id=? AND rel=?", (rid, rel))
            else:
                now = time.time()
                db.executemany(
                    "INSERT INTO rules(root_id, rel, target, decision, size, mtime_ns, fingerprint,"
                    " dev, ino, missing, created) VALUES(?,?,?,?,?,?,?,?,?,0,?)"
                    " ON CONFLICT(root_id, rel) DO UPDATE SET target=excluded.target,"
                    " decision=excluded.decision, size=excluded.size, mtime_ns=excluded.mtime_ns,"
                    " fingerprint=excluded.fingerprint, dev=excluded.dev, ino=excluded.ino,"
                    " missing=0, created=excluded.created",
                    [(*row, now) for row in rows],
                )
            self.store.bump_rules_generation(db)
        if decision is not Decision.SHAREABLE:
            try:
                with ExportLock(self.locations.lock_file, timeout=self.lock_timeout):
                    self._enforce_privacy()
            except Busy:
                raise Busy(
                    "the rule is in force, but another Pellicle process is writing the export; "
                    "it removes the affected copies itself (pellicle status shows when)"
                ) from None
            except ExportBlocked as exc:
                # The rule stands (it is what the person asked for); the
                # copies go with the first sync that can reach the folder.
                raise ExportBlocked(
                    f"the rule is in force, but {exc}; the next sync that can will remove them"
                ) from None
        return [self.explain(raw) for _, _, raw in targets if os.path.lexists(raw)]

    def rules(self) -> list[Rule]:
        return [_rule(r) for r in self.store.query("SELECT * FROM rules")]

    def move_rules(self, src: str, dst: str) -> int:
        """Follow a move the watcher saw: rules at or under `src` go to `dst`.

        Returns how many rules moved. Both paths must lie in library roots.
        """
        roots = self.roots()
        found_src = _find_root(os.path.abspath(src), roots)
        found_dst = _find_root(os.path.abspath(dst), roots)
        if found_src is None or found_dst is None:
            return 0
        (sroot, srel), (droot, drel) = found_src, found_dst
        if not srel:
            return 0
        moved = 0
        with self.store.write() as db:
            rows = db.execute(
                "SELECT id, rel FROM rules WHERE root_id=? AND (rel=? OR substr(rel, 1, ?)=?)",
                (sroot.id, srel, len(srel) + 1, srel + b"/"),
            ).fetchall()
            for rid, rel in rows:
                new = drel + bytes(rel)[len(srel) :]
                db.execute("DELETE FROM rules WHERE root_id=? AND rel=?", (droot.id, new))
                db.execute(
                    "UPDATE rules SET root_id=?, rel=?, missing=0 WHERE id=?", (droot.id, new, rid)
                )
                moved += 1
            if moved:
                self.store.bump_rules_generation(db)
        return moved

    # --------------------------------------------------------------- queries

    def explain(self, raw: str) -> Explanation:
        roots = self.roots()
        root, rel, st = self._locate(raw, roots, must_exist=True)
        policy = self._policy(roots)
        assert st is not None
        shown = display(raw)
        if stat.S_ISDIR(st.st_mode):
            verdict = policy.by_place(root.id, rel, is_folder=True)
            return Explanation(shown, verdict.decision, verdict.reason, is_folder=True)
        path = os.path.join(root.path, decode_rel(rel))
        facts = facts_for(path, rel, [r.path for r in roots])
        fp = None
        if facts is not None and facts.size in policy.sizes_needing_fingerprint():
            fp = _safe_fingerprint(path)
        verdict = policy.decide(root.id, rel, fp)
        problem = facts.problem if facts is not None else "not a photo"
        if problem is None:
            row = self.store.query(
                "SELECT problem FROM files WHERE root_id=? AND rel=? AND size=? AND mtime_ns=?",
                (root.id, rel, facts.size if facts else -1, facts.mtime_ns if facts else -1),
            )
            if row and row[0]["problem"]:
                problem = str(row[0]["problem"])
        exported = self.store.query(
            "SELECT export_rel FROM exports WHERE root_id=? AND rel=?", (root.id, rel)
        )
        return Explanation(
            shown,
            verdict.decision,
            verdict.reason,
            problem,
            bytes(exported[0]["export_rel"]).decode() if exported else None,
        )

    def status(self) -> dict[str, Any]:
        """Counts, export state and problems, from the index (no rescan)."""
        roots = self.roots()
        export = self.export_dir
        state = self._state(roots, scan=False)
        photos = sum(len(files) for files in state.index.values())
        shareable = sum(1 for v in state.verdicts.values() if v.shareable)
        problems = [
            {"path": self._source_name((rid, rel), roots), "reason": facts.problem}
            for rid, files in state.index.items()
            for rel, facts in sorted(files.items())
            if facts.problem
        ]
        # A folder that cannot be listed hides its photos: say so.
        problems += [
            {
                "path": self._source_name((rid, rel), roots),
                "reason": f"cannot read this folder: {folder.problem}",
            }
            for rid, found in state.folders.items()
            for rel, folder in sorted(found.items())
            if folder.problem
        ]
        plan, foreign = self._plan(state, export, roots)
        exported = int(self.store.query("SELECT count(*) AS n FROM exports")[0]["n"])
        last = self.store.get_setting("last_sync")
        watching = self.watch_modes()
        return {
            "roots": [self._root_status(r, watching) for r in roots],
            "export_dir": export,
            "photos": photos,
            "shareable": shareable,
            "private": photos - shareable,
            "exported": exported,
            "to_add": sum(1 for a in plan.writes if a.kind == "add"),
            "to_update": sum(1 for a in plan.writes if a.kind == "update"),
            "to_remove": len(plan.removals),
            "in_sync": not plan and not foreign,
            "problems": problems,
            "foreign": foreign,
            "last_sync": float(last) if last else None,
            "rules": len(state.policy.rules),
        }

    def watch_modes(self) -> dict[str, str] | None:
        """How a running watcher follows each root ("events", "polling",
        "offline"), or None when no watcher is running (see core.watch)."""
        raw = self.store.get_setting("watch_modes")
        if not raw:
            return None
        try:
            data = json.loads(raw)
            pid = int(data["pid"])
            modes = {str(k): str(v) for k, v in dict(data["roots"]).items()}
        except (ValueError, KeyError, TypeError):
            return None
        if not modes or not _pid_alive(pid):
            return None
        return modes

    def _root_status(self, root: Root, watching: dict[str, str] | None) -> dict[str, Any]:
        # A polled root is reachable but its changes are seen late: say so.
        mode = None if watching is None else watching.get(root.path)
        state = "polling" if mode == "polling" and root.state == "online" else root.state
        return {"path": root.path, "label": root.label, "state": state, "watch": mode}

    def audit(self, limit: int | None = None) -> list[dict[str, Any]]:
        return ledger_mod.entries(self.store, limit=limit)

    def photos(self) -> list[tuple[Root, FileFacts, Verdict]]:
        """Every indexed photo with its decision (for views; no rescan)."""
        roots = self.roots()
        state = self._state(roots, scan=False)
        by_id = {r.id: r for r in roots}
        return [
            (by_id[rid], facts, state.verdicts[(rid, rel)])
            for rid, files in state.index.items()
            for rel, facts in files.items()
        ]

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
        with ExportLock(self.locations.lock_file, timeout=self.lock_timeout):
            for _attempt in range(20):
                self._recover(export)
                roots = self.roots()
                subtrees = None if changed is None else _subtrees(changed, roots)
                state = self._state(roots, scan=True, progress=progress, under=subtrees)
                plan, foreign = self._plan(state, export, roots, walk=walk)
                report.foreign = foreign
                report.paused = [r.path for r in roots if r.id not in state.online]
                applied = self._apply(plan, state, export, roots, progress)
                for outcome in applied.done:
                    kind = outcome.action.kind
                    if kind == "add":
                        report.added += 1
                    elif kind == "update":
                        report.updated += 1
                    else:
                        report.removed += 1
                report.failed = [(o.action.export_rel, o.detail) for o in applied.failed]
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
        with ExportLock(self.locations.lock_file, timeout=self.lock_timeout):
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
        with ExportLock(self.locations.lock_file, timeout=self.lock_timeout):
            return self._check(progress, decode)

    def _check(self, progress: ProgressFn | None, decode: bool) -> CheckReport:
        from pellicle.core.scrub import ScrubError, verify

        export = self.export_dir
        report = CheckReport()
        roots = self.roots()
        state = self._state(roots, scan=True, write=False)
        plan, foreign = self._plan(state, export, roots)
        for rel in foreign:
            report.problems.append(f"not written by Pellicle: {rel}")
        for action in plan.removals:
            report.problems.append(
                f"exported but should not be: {action.export_rel} ({action.reason})"
            )
        for action in plan.writes:
            report.problems.append(f"missing or out of date: {action.export_rel} ({action.reason})")
        manifest = self.store.query("SELECT * FROM exports ORDER BY export_rel")
        options = self._scrub_options()
        try:
            with ExportDir(export) as folder:
                if folder.lstat(STAGING) is not None:
                    report.problems.append(f"staging folder {STAGING} is left over")
                for number, row in enumerate(manifest, 1):
                    if progress is not None:
                        progress("checking exported copies", number, len(manifest))
                    rel = bytes(row["export_rel"]).decode()
                    try:
                        fd = _open_existing(folder, rel)
                    except (OSError, ExportBlocked) as exc:
                        report.checked += 1
                        why = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
                        report.problems.append(f"cannot read the exported copy: {rel}: {why}")
                        continue
                    if fd is None:
                        continue  # missing: already reported by the plan
                    report.checked += 1
                    source = _check_source(state, row)
                    try:
                        digest = verify(fd, str(row["fmt"]), source, options, decode=decode)
                        if digest != row["sha256"]:
                            report.problems.append(f"altered since export: {rel}")
                    except ScrubError as exc:
                        reason = str(exc)
                        try:
                            altered = _sha256_fd(fd) != row["sha256"]
                        except OSError as err:
                            altered, reason = False, f"cannot read it: {err.strerror or err}"
                        if altered:
                            report.problems.append(f"altered since export: {rel}")
                        else:
                            report.problems.append(f"fails the export check: {rel}: {reason}")
                    finally:
                        os.close(fd)
        except ExportBlocked as exc:
            report.problems.append(str(exc))
        return report

    # --------------------------------------------------------------- internals

    def _locate(
        self, raw: str, roots: list[Root], *, must_exist: bool
    ) -> tuple[Root, bytes, os.stat_result | None]:
        absolute = os.path.abspath(os.path.expanduser(raw))
        exists = os.path.lexists(absolute)
        if not exists and must_exist:
            raise UserError(f"{display(raw)} does not exist")
        real = os.path.realpath(absolute) if exists else absolute
        found = _find_root(real, roots) or _find_root(absolute, roots)
        if found is None:
            raise UserError(f"{display(raw)} is not inside a library folder")
        root, rel = found
        if any(part.startswith(b".") for part in rel.split(b"/") if part):
            raise UserError(f"{display(raw)} is hidden; Pellicle skips hidden files and folders")
        st = None
        if exists:
            try:
                st = os.stat(real)
            except OSError as exc:
                raise UserError(f"cannot read {display(raw)}: {exc.strerror}") from None
        return root, rel, st

    def _policy(self, roots: list[Root]) -> Policy:
        names = {r.id: (r.label if len(roots) > 1 else r.path) for r in roots}
        return Policy(self.rules(), names)

    def _load_index(self, root_id: int) -> dict[bytes, FileFacts]:
        cursor = self.store.db.execute(
            "SELECT rel, kind, size, mtime_ns, dev, ino, fmt, target, problem, fingerprint"
            " FROM files WHERE root_id=?",
            (root_id,),
        )
        # SQLite hands back a new object per value; the few distinct kinds,
        # formats, devices and problems are shared instead (about 10 MB less
        # at 100,000 photos). Rows are consumed as they come, not listed.
        shared: dict[object, object] = {}
        index: dict[bytes, FileFacts] = {}
        for rel, kind, size, mtime_ns, dev, ino, fmt, target, problem, fp in cursor:
            index[rel] = FileFacts(
                rel,
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

    def _state(
        self,
        roots: list[Root],
        *,
        scan: bool,
        write: bool = True,
        progress: ProgressFn | None = None,
        under: dict[int, list[bytes]] | None = None,
    ) -> _State:
        index: dict[int, dict[bytes, FileFacts]] = {}
        folders: dict[int, dict[bytes, FolderFacts]] = {}
        online: set[int] = set()
        scans: dict[int, RootScan] = {}
        before: dict[int, dict[bytes, FileFacts]] = {}
        cache = self._valid_cache() if write else None
        for root in roots:
            if cache is not None and root.id in cache.index:
                previous = cache.index[root.id]
                prev_folders = cache.folders[root.id]
            else:
                previous = self._load_index(root.id)
                prev_folders = self._load_folders(root.id)
                if cache is not None:
                    cache.index[root.id] = previous
                    cache.folders[root.id] = prev_folders
                    cache.hashed_sizes = None  # these photos were not looked at
            if not scan or (under is not None and root.id not in under):
                index[root.id] = previous
                folders[root.id] = prev_folders
                if root.state != "offline":
                    online.add(root.id)
                continue

            def tick(n: int, label: str = root.label) -> None:
                if progress is not None:
                    progress(f"scanning {label}", n, 0)

            before[root.id] = previous
            subtrees = (under or {}).get(root.id) or [b""]
            result = RootScan(
                True, previous, prev_folders, set(), self._not_photos.get(root.id, {})
            )
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
            self._not_photos[root.id] = result.not_photos
            if result.online and previous and not result.files and not result.folders:
                # A library that had photos and now shows nothing at all is
                # far more likely an unmounted drive's empty mount point than
                # a person deleting everything: pause it like an unplugged
                # drive (its copies stay) instead of withdrawing every copy.
                result = RootScan(False, previous, prev_folders, set())
            if self.held:
                self._keep_held(root, previous, result)
            scans[root.id] = result
            index[root.id] = result.files
            folders[root.id] = result.folders
            if result.online:
                online.add(root.id)
            if write:
                self._save_scan(root, previous, prev_folders, result)
                if cache is not None:
                    cache.index[root.id] = result.files
                    cache.folders[root.id] = result.folders
        if scan and write:
            self._follow_rules(roots, index, folders, scans, online, before)
        policy = self._policy(roots)
        sizes = policy.sizes_needing_fingerprint()
        if cache is not None and cache.hashed_sizes == sizes:
            # Every cached photo of these sizes was looked at already: only
            # what the scans found new or changed can need a fingerprint.
            self._fingerprints(
                roots,
                index,
                sizes,
                write=write,
                only={rid: result.changed for rid, result in scans.items()},
            )
        else:
            self._fingerprints(roots, index, sizes, write=write)
            if cache is not None:
                cache.hashed_sizes = sizes
        if cache is None:
            verdicts = self._verdicts(roots, index, policy)
            return _State(roots, index, folders, policy, verdicts, online)
        for rid in list(cache.index):
            if rid not in index:
                del cache.index[rid]
                cache.folders.pop(rid, None)
        verdicts, dirty = self._cached_verdicts(cache, roots, index, policy)
        return _State(roots, index, folders, policy, verdicts, online, dirty)

    def _valid_cache(self) -> _Cache:
        """The cache, with whatever another process changed since dropped."""
        version = self.store.data_version()
        cache = self._cache
        if cache is not None and cache.data_version == version:
            return cache
        index_generation = self.store.generation(INDEX)
        manifest_generation = self.store.generation(MANIFEST)
        if cache is None or cache.index_generation != index_generation:
            cache = _Cache(version, index_generation, manifest_generation)
        else:
            cache.data_version = version
            if cache.manifest_generation != manifest_generation:
                cache.manifest = None
                cache.foreign = None
                cache.manifest_generation = manifest_generation
        self._cache = cache
        return cache

    def _index_written(self, db: sqlite3.Connection) -> None:
        """Inside a write to files or folders: tell other processes' caches."""
        generation = self.store.bump_generation(db, INDEX)
        if self._cache is not None:
            self._cache.index_generation = generation

    def _cached_verdicts(
        self,
        cache: _Cache,
        roots: list[Root],
        index: dict[int, dict[bytes, FileFacts]],
        policy: Policy,
    ) -> tuple[dict[Key, Verdict], set[Key] | None]:
        """Decide only what changed since the cached decisions were made."""
        rules = (
            frozenset(policy.rules.values()),
            frozenset(policy.private_fingerprints.values()),
            frozenset(policy.root_names.items()),
        )
        touched: _RuleReach | None = None
        if cache.rules != rules:
            old = cache.verdicts
            if old and cache.rules is not None:
                touched = _RuleReach.between(cache.rules, rules)
            cache.rules = rules
            if touched is None:
                verdicts = self._verdicts(roots, index, policy)
                cache.verdicts = verdicts
                # Keyed by the verdicts' own key tuples: one tuple per photo,
                # not two (5 MB at 100,000 photos).
                cache.decided_from = {key: index[key[0]][key[1]] for key in verdicts}
                if not old:
                    return verdicts, None
                dirty = {k for k, v in verdicts.items() if old.get(k) != v}
                dirty.update(k for k in old if k not in verdicts)
                return verdicts, dirty
        # Only photos whose facts changed, links (their targets' verdicts
        # may have moved) and photos a changed rule can reach are decided
        # again: a rule change costs the photos under it, not the library.
        verdicts = cache.verdicts
        decided = cache.decided_from
        dirty = set()
        seen = 0
        for rid, files in index.items():
            reaches = None if touched is None else touched.in_root(rid)
            for rel, facts in files.items():
                seen += 1
                key = (rid, rel)
                if (
                    decided.get(key) is facts
                    and facts.kind != "link"
                    and (reaches is None or not reaches(rel, facts))
                ):
                    continue
                if facts.kind == "link":
                    verdict = self._link_verdict(facts, roots, index, policy)
                else:
                    verdict = policy.decide(rid, rel, facts.fingerprint)
                if verdicts.get(key) != verdict or decided.get(key) is not facts:
                    dirty.add(key)
                verdicts[key] = verdict
                decided[key] = facts
        if len(verdicts) != seen:
            for key in [k for k in verdicts if index.get(k[0], {}).get(k[1]) is None]:
                del verdicts[key]
                decided.pop(key, None)
                dirty.add(key)
        return verdicts, dirty

    def _keep_held(self, root: Root, previous: dict[bytes, FileFacts], result: RootScan) -> None:
        """Files still being written count as they were before the write."""
        for path in self.held:
            found = _find_root(os.path.abspath(path), [root])
            if found is None or not found[1]:
                continue
            rel = found[1]
            result.changed.discard(rel)
            if rel in previous:
                result.files[rel] = previous[rel]
            else:
                result.files.pop(rel, None)

    def _save_scan(
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
            self._index_written(db)
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
                    (
                        root.id,
                        f.rel,
                        f.kind,
                        f.size,
                        f.mtime_ns,
                        f.dev,
                        f.ino,
                        f.fmt,
                        f.target,
                        f.problem,
                        f.fingerprint,
                    )
                    for f in changed
                ],
            )
            db.executemany(
                "DELETE FROM folders WHERE root_id=? AND rel=?",
                [(root.id, rel) for rel in gone_folders],
            )
            db.executemany(
                "INSERT OR REPLACE INTO folders(root_id, rel, dev, ino, problem) VALUES(?,?,?,?,?)",
                [(root.id, f.rel, f.dev, f.ino, f.problem) for f in new_folders],
            )

    def _follow_rules(
        self,
        roots: list[Root],
        index: dict[int, dict[bytes, FileFacts]],
        folders: dict[int, dict[bytes, FolderFacts]],
        scans: dict[int, RootScan],
        online: set[int],
        before: dict[int, dict[bytes, FileFacts]],
    ) -> None:
        """Keep rules on their photos and folders across moves and renames.

        `before` is each scanned root's index as it was before this scan."""
        rows = self.store.query("SELECT * FROM rules")
        if not rows:
            return
        # Where each inode is now: needed only when a rule's own path no
        # longer holds its photo or folder, so built on first need (a
        # sync with rules in place costs no pass over the whole index).
        inodes: list[dict[tuple[int, int], Key]] = []

        def by_inode() -> dict[tuple[int, int], Key]:
            if not inodes:
                files_at: dict[tuple[int, int], Key] = {}
                folders_at: dict[tuple[int, int], Key] = {}
                for rid in online:
                    for rel, known in index[rid].items():
                        if known.kind == "file":
                            files_at[(known.dev, known.ino)] = (rid, rel)
                    for rel, folder in folders[rid].items():
                        folders_at[(folder.dev, folder.ino)] = (rid, rel)
                inodes[:] = [files_at, folders_at]
            return inodes[0]

        def folder_inode() -> dict[tuple[int, int], Key]:
            by_inode()
            return inodes[1]

        ruled = {(int(r["root_id"]), bytes(r["rel"])) for r in rows}
        fresh = [
            (rid, rel) for rid, result in scans.items() if rid in online for rel in result.changed
        ]
        updates: list[
            tuple[Any, ...]
        ] = []  # (root_id, rel, missing, size, mtime, fp, dev, ino, id)

        def path_of(key: Key) -> str:
            root = next(r for r in roots if r.id == key[0])
            return os.path.join(root.path, decode_rel(key[1]))

        known: list[set[tuple[int, int]]] = []

        def known_before() -> set[tuple[int, int]]:
            """Inodes the index held before this scan (built on first need)."""
            if not known:
                known.append({(f.dev, f.ino) for files in before.values() for f in files.values()})
            return known[0]

        def find_copy(size: int, fp: str | None) -> Key | None:
            """The file this scan found that is the ruled photo moved by copy
            and delete (across disks): same content, and a file the index
            did not know before. A known file renamed at the same time (an
            older copy of the photo, never ruled) is another photo: it does
            not take the rule, which could share what was never shared."""
            if fp is None:
                return None
            for key in sorted(fresh):
                facts = index[key[0]].get(key[1])
                if facts is None or facts.kind != "file" or facts.size != size or key in ruled:
                    continue
                if (facts.dev, facts.ino) in known_before():
                    continue
                if _safe_fingerprint(path_of(key)) == fp:
                    return key
            return None

        for row in rows:
            rid, rel = int(row["root_id"]), bytes(row["rel"])
            if rid not in online:
                continue
            key = (rid, rel)
            if row["target"] == "folder":
                if not rel:
                    continue
                here = folders[rid].get(rel)
                if here is not None and (here.dev, here.ino) == (row["dev"], row["ino"]):
                    if row["missing"]:
                        updates.append(
                            (rid, rel, 0, None, None, None, here.dev, here.ino, row["id"])
                        )
                    continue
                moved = folder_inode().get((row["dev"], row["ino"])) if not row["missing"] else None
                if moved is not None and moved not in ruled:
                    ruled.discard(key)
                    ruled.add(moved)
                    updates.append((*moved, 0, None, None, None, row["dev"], row["ino"], row["id"]))
                elif here is not None:
                    updates.append((rid, rel, 0, None, None, None, here.dev, here.ino, row["id"]))
                elif not row["missing"]:
                    updates.append(
                        (rid, rel, 1, None, None, None, row["dev"], row["ino"], row["id"])
                    )
                continue
            facts = index[rid].get(rel)
            if (
                facts is not None
                and facts.kind == "file"
                and (facts.dev, facts.ino)
                == (
                    row["dev"],
                    row["ino"],
                )
            ):
                if (facts.size, facts.mtime_ns) != (row["size"], row["mtime_ns"]) or row["missing"]:
                    fp = _safe_fingerprint(path_of(key))
                    updates.append(
                        (
                            rid,
                            rel,
                            0,
                            facts.size,
                            facts.mtime_ns,
                            fp,
                            facts.dev,
                            facts.ino,
                            row["id"],
                        )
                    )
                continue
            target: Key | None = None
            if not row["missing"]:
                candidate = by_inode().get((row["dev"], row["ino"]))
                if candidate is not None and candidate not in ruled:
                    cfacts = index[candidate[0]][candidate[1]]
                    if (cfacts.size, cfacts.mtime_ns) == (row["size"], row["mtime_ns"]) or (
                        cfacts.size == row["size"]
                        and _safe_fingerprint(path_of(candidate)) == row["fingerprint"]
                    ):
                        target = candidate
            if target is None and facts is not None and facts.kind == "file" and not row["missing"]:
                # Replaced in place (an editor saving through a new file).
                fp = _safe_fingerprint(path_of(key))
                updates.append(
                    (rid, rel, 0, facts.size, facts.mtime_ns, fp, facts.dev, facts.ino, row["id"])
                )
                continue
            if target is None and row["size"] is not None and not row["missing"]:
                # Only in the scan where the photo vanished. A rule already
                # missing never attaches to a later copy: that copy is not
                # the photo, and a private rule moved onto it would lose its
                # stickiness the moment the copy is shared.
                target = find_copy(int(row["size"]), row["fingerprint"])
            if target is not None:
                tf = index[target[0]][target[1]]
                ruled.discard(key)
                ruled.add(target)
                updates.append(
                    (
                        *target,
                        0,
                        tf.size,
                        tf.mtime_ns,
                        row["fingerprint"],
                        tf.dev,
                        tf.ino,
                        row["id"],
                    )
                )
            elif not row["missing"]:
                updates.append(
                    (
                        rid,
                        rel,
                        1,
                        row["size"],
                        row["mtime_ns"],
                        row["fingerprint"],
                        row["dev"],
                        row["ino"],
                        row["id"],
                    )
                )
        if not updates:
            return
        with self.store.write() as db:
            for rid, rel, missing, size, mtime, fp, dev, ino, rule_id in updates:
                old = db.execute("SELECT root_id, rel FROM rules WHERE id=?", (rule_id,)).fetchone()
                if old is not None and (old[0], bytes(old[1])) != (rid, rel):
                    db.execute(
                        "DELETE FROM rules WHERE root_id=? AND rel=? AND id<>?", (rid, rel, rule_id)
                    )
                db.execute(
                    "UPDATE rules SET root_id=?, rel=?, missing=?, size=coalesce(?, size),"
                    " mtime_ns=coalesce(?, mtime_ns), fingerprint=coalesce(?, fingerprint),"
                    " dev=?, ino=? WHERE id=?",
                    (rid, rel, missing, size, mtime, fp, dev, ino, rule_id),
                )
            self.store.bump_rules_generation(db)

    def _fingerprints(
        self,
        roots: list[Root],
        index: dict[int, dict[bytes, FileFacts]],
        sizes: set[int],
        *,
        write: bool,
        only: dict[int, set[bytes]] | None = None,
    ) -> None:
        """Hash only files whose size matches an explicitly private photo
        (with `only`, only those of these files; the rest were looked at).

        A file that cannot be read keeps no fingerprint; it is tried again
        when it changes or the sizes do.
        """
        if not sizes:
            return
        found: list[tuple[str, int, bytes]] = []
        paths = {r.id: r.path for r in roots}
        for rid, files in index.items():
            if only is not None:
                wanted = only.get(rid)
                if not wanted:
                    continue
                candidates = [(rel, files[rel]) for rel in wanted if rel in files]
            else:
                candidates = list(files.items())
            for rel, facts in candidates:
                if (
                    facts.size in sizes
                    and facts.fingerprint is None
                    and facts.problem != "broken link"
                ):
                    source = (
                        os.fsdecode(facts.target)
                        if facts.kind == "link" and facts.target
                        else os.path.join(paths[rid], decode_rel(rel))
                    )
                    fp = _safe_fingerprint(source)
                    if fp is None:
                        continue
                    files[rel] = FileFacts(
                        facts.rel,
                        facts.kind,
                        facts.size,
                        facts.mtime_ns,
                        facts.dev,
                        facts.ino,
                        facts.fmt,
                        facts.target,
                        facts.problem,
                        fp,
                    )
                    found.append((fp, rid, rel))
        if found and write:
            with self.store.write() as db:
                self._index_written(db)
                db.executemany("UPDATE files SET fingerprint=? WHERE root_id=? AND rel=?", found)

    def _verdicts(
        self, roots: list[Root], index: dict[int, dict[bytes, FileFacts]], policy: Policy
    ) -> dict[Key, Verdict]:
        verdicts: dict[Key, Verdict] = {}
        for rid, files in index.items():
            for rel, facts in files.items():
                if facts.kind == "link":
                    verdicts[(rid, rel)] = self._link_verdict(facts, roots, index, policy)
                else:
                    verdicts[(rid, rel)] = policy.decide(rid, rel, facts.fingerprint)
        return verdicts

    def _link_verdict(
        self,
        facts: FileFacts,
        roots: list[Root],
        index: dict[int, dict[bytes, FileFacts]],
        policy: Policy,
    ) -> Verdict:
        target = os.fsdecode(facts.target or b"")
        found = _find_root(target, roots)
        if found is None:
            return Verdict(Decision.PRIVATE, "it is a link to a file outside the library")
        troot, trel = found
        tfacts = index.get(troot.id, {}).get(trel)
        verdict = policy.decide(troot.id, trel, tfacts.fingerprint if tfacts else facts.fingerprint)
        return Verdict(
            verdict.decision,
            f"it is a link to {policy.where(troot.id, trel)}, and {verdict.reason}",
            verdict.rule,
            verdict.copy_of,
        )

    def _scrub_options(self) -> ScrubOptions:
        return ScrubOptions(keep_capture_date=self.settings()["keep_capture_date"])

    def _options_tag(self) -> str:
        opts = self._scrub_options()
        return f"scrub={SCRUB_REVISION};date={int(opts.keep_capture_date)}"

    def _plan(
        self,
        state: _State,
        export: str,
        roots: list[Root],
        *,
        walk: bool = True,
    ) -> tuple[Plan, list[str]]:
        """Desired versus exported, as a plan, and the foreign files.

        With `walk` the whole export folder is read: copies altered or removed
        by someone else, and files Pellicle did not write, are found. Without
        it (a watcher's incremental sync) only the copies of photos that
        changed are looked at, and foreign files are those of the last walk.
        """
        settings = self.settings()
        labels = {r.id: r.label for r in roots}
        sources = [
            Source(rid, rel, facts.fmt or "")
            for rid, files in state.index.items()
            if rid in state.online
            for rel, facts in files.items()
            if facts.exportable and state.verdicts[(rid, rel)].shareable
        ]
        secret = bytes.fromhex(self.store.get_setting("secret", "") or "")
        names = assign(
            sources, labels, opaque=settings["opaque_names"], secret=secret, memo=self._names
        )
        tag = self._options_tag()
        wanted = []
        for source in sources:
            facts = state.index[source.root_id][source.rel]
            wanted.append(
                Wanted(
                    (source.root_id, source.rel),
                    names[(source.root_id, source.rel)],
                    source.fmt,
                    facts.size,
                    facts.mtime_ns,
                    facts.ino,
                    tag,
                )
            )
        manifest = self._manifest()
        cache = self._cache
        incremental = (
            not walk and cache is not None and cache.foreign is not None and state.dirty is not None
        )
        entries: dict[str, Any] = {}
        if incremental:
            assert cache is not None and state.dirty is not None
            try:
                with ExportDir(export) as folder:
                    for key in state.dirty:
                        row = manifest.get(key)
                        if row is None:
                            continue
                        st = folder.lstat(row.export_rel)
                        if st is not None:
                            entries[row.export_rel] = Entry(
                                row.export_rel, kind_of(st.st_mode), st.st_size,
                                st.st_mtime_ns, st.st_ino,
                            )  # fmt: skip
            except ExportBlocked:
                entries = {}
        else:
            try:
                with ExportDir(export) as folder:
                    entries = {e.rel: e for e in folder.walk()}
            except ExportBlocked:
                entries = {}
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
            assert cache is not None and cache.foreign is not None
            foreign = cache.foreign
        else:
            # Shown to people (one line each, valid UTF-8): a name planted in
            # the export may hold a newline or bytes that are not text.
            foreign = sorted(
                display(rel) for rel, e in entries.items() if e.kind != "dir" and rel not in owned
            )
            if cache is not None:
                cache.foreign = foreign
        known_roots = {r.id for r in roots}
        paused = frozenset(r.id for r in roots if r.id not in state.online)
        reasons: dict[Key, str] = {}
        for entry in exported:
            rid, src_rel = entry.key
            verdict = state.verdicts.get(entry.key)
            if rid not in known_roots:
                reasons[entry.key] = "its library folder was removed from Pellicle"
            elif verdict is None:
                reasons[entry.key] = "the photo is gone from the library"
            elif not verdict.shareable:
                reasons[entry.key] = verdict.sentence()
            else:
                found = state.index[rid].get(src_rel)
                if found is not None and found.problem:
                    reasons[entry.key] = f"cannot be exported: {found.problem}"
        plan = make_plan(wanted, exported, paused_roots=paused, removal_reasons=reasons)
        return plan, foreign

    def _manifest(self) -> dict[Key, _ManifestRow]:
        """The export manifest, from the cache when no one else wrote it."""
        cache = self._valid_cache()
        if cache.manifest is None:
            cache.manifest = self._load_manifest()
        return cache.manifest

    def _load_manifest(
        self, where: str = "", params: tuple[object, ...] = ()
    ) -> dict[Key, _ManifestRow]:
        rows = self.store.db.execute(
            "SELECT root_id, rel, export_rel, src_size, src_mtime_ns, src_ino, options, size,"
            " mtime_ns, ino FROM exports" + where,
            params,
        ).fetchall()
        return {
            (int(r[0]), bytes(r[1])): _ManifestRow(
                bytes(r[2]).decode(), r[3], r[4], r[5], r[6], r[7], r[8], r[9]
            )
            for r in rows
        }

    def _refresh_manifest(self, keys: Iterable[Key]) -> None:
        """Bring cached manifest entries up to date after this process wrote them."""
        cache = self._cache
        if cache is None or cache.manifest is None:
            return
        for key in keys:
            fresh = self._load_manifest(" WHERE root_id=? AND rel=?", key)
            if fresh:
                cache.manifest[key] = fresh[key]
            else:
                cache.manifest.pop(key, None)
        # Manifest writers hold the export lock, as this process does now:
        # the counter can only hold this process's own bumps.
        cache.manifest_generation = self.store.generation(MANIFEST)

    def _forget_manifest(self) -> None:
        """This process rewrote manifest rows behind the cache's back."""
        if self._cache is not None:
            self._cache.manifest = None
            self._cache.foreign = None

    def _apply(
        self,
        plan: Plan,
        state: _State,
        export: str,
        roots: list[Root],
        progress: ProgressFn | None,
    ) -> ApplyReport:
        if not plan:
            if os.path.lexists(os.path.join(export, STAGING)):
                # A sync killed while staging left files there; with nothing
                # to write now, nothing else would ever take them away.
                with ExportDir(export) as folder:
                    folder.drop_leftover_staging()
            return ApplyReport()
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

        problems: list[tuple[Wanted, str]] = []

        def record_problem(wanted: Wanted, reason: str) -> None:
            # Called from scrub workers: only collect here; the database
            # connection is written from this thread once the batch is done.
            problems.append((wanted, reason))

        def tick(done: int, total: int) -> None:
            if progress is not None:
                progress("exporting", done, total)

        with ExportDir(export) as folder:
            ctx = Context(
                store=self.store,
                export=folder,
                options=self._scrub_options(),
                options_tag=self._options_tag(),
                source_path=source_path,
                source_name=lambda key: self._source_name(key, roots),
                still_shareable=lambda key: not rules_changed(),
                rules_changed=rules_changed,
                record_problem=record_problem,
                source_hash=lambda key: state.index[key[0]][key[1]].fingerprint,
                progress=tick,
                log=self.log,
            )
            try:
                report = apply(plan, ctx)
            finally:
                self._save_problems(state, problems)
                self._refresh_manifest(
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
            return report

    def _save_problems(self, state: _State, problems: list[tuple[Wanted, str]]) -> None:
        """Record scrub refusals so an unchanged broken photo is not retried."""
        if not problems:
            return
        try:
            with self.store.write() as db:
                self._index_written(db)
                db.executemany(
                    "UPDATE files SET problem=? WHERE root_id=? AND rel=? AND size=?"
                    " AND mtime_ns=?",
                    [(r, w.key[0], w.key[1], w.src_size, w.src_mtime_ns) for w, r in problems],
                )
        except (sqlite3.Error, UserError):
            return
        for wanted, reason in problems:
            files = state.index.get(wanted.key[0], {})
            facts = files.get(wanted.key[1])
            if facts is not None and (facts.size, facts.mtime_ns) == (
                wanted.src_size,
                wanted.src_mtime_ns,
            ):
                files[wanted.key[1]] = dataclasses.replace(facts, problem=reason)

    def _enforce_privacy(self) -> int:
        """Remove exported copies whose photo is no longer shareable."""
        export = self.store.get_setting("export_dir")
        if export is None:
            return 0
        roots = self.roots()
        state = self._state(roots, scan=False)
        plan, _ = self._plan(state, export, roots, walk=False)
        privacy = Plan(removals=[a for a in plan.removals if a.reason != "export name changed"])
        if not privacy:
            return 0
        applied = self._apply(privacy, state, export, roots, None)
        if applied.failed:
            # Callers promise the copies are gone when they return: never
            # return quietly while one is still in view.
            first = applied.failed[0]
            raise ExportBlocked(
                f"{len(applied.failed)} exported copies that are no longer shareable "
                f"could not be removed ({display(first.action.export_rel)}: {first.detail})"
            )
        return len(applied.done)

    def _withdraw_all(self, export: str, reason: str) -> None:
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
            from pellicle.core.plan import Action

            removals.removals.append(Action("remove", rel, reason, exported=entry))
        roots = self.roots()
        state = self._state(roots, scan=False)
        if os.path.isdir(export):
            self._apply(removals, state, export, roots, None)
        else:
            with self.store.write() as db:
                self.store.bump_generation(db, MANIFEST)
                db.execute("DELETE FROM exports")
            self._forget_manifest()

    def _recover(self, export: str) -> None:
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
                fd = _open_in(folder, rel.decode())
                if fd is None:
                    continue
                try:
                    digest = _sha256_fd(fd)
                finally:
                    os.close(fd)
                if digest == row["sha256"]:
                    folder.remove(rel.decode())
                    with self.store.write() as db:
                        self.store.bump_generation(db, MANIFEST)
                        db.execute("DELETE FROM exports WHERE export_rel=?", (rel,))
                    self._forget_manifest()
        with self.store.write() as db:
            db.execute("DELETE FROM pending")

    def _source_name(self, key: Key, roots: list[Root]) -> str:
        root = next((r for r in roots if r.id == key[0]), None)
        if root is None:
            return display(key[1])
        return display(os.path.join(root.path, decode_rel(key[1])))


# ---------------------------------------------------------------------- helpers


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _inside(path: str, root: str) -> bool:
    return path.startswith(root.rstrip(os.sep) + os.sep)


def _find_root(path: str, roots: list[Root]) -> tuple[Root, bytes] | None:
    for root in roots:
        if path == root.path:
            return root, b""
        if _inside(path, root.path):
            return root, os.fsencode(os.path.relpath(path, root.path))
    return None


def _subtrees(paths: Iterable[str], roots: list[Root]) -> dict[int, list[bytes]]:
    """The smallest set of folders to rescan so every changed path is seen."""
    wanted: dict[int, set[bytes]] = {}
    for raw in paths:
        path = os.path.abspath(raw)
        found = _find_root(path, roots)
        if found is None:
            continue
        root, rel = found
        if rel and not os.path.isdir(path):
            cut = rel.rfind(b"/")
            rel = rel[:cut] if cut >= 0 else b""
        wanted.setdefault(root.id, set()).add(rel)
    result: dict[int, list[bytes]] = {}
    for rid, rels in wanted.items():
        kept: list[bytes] = []
        for rel in sorted(rels, key=len):
            if any(not k or rel == k or rel.startswith(k + b"/") for k in kept):
                continue
            kept.append(rel)
        result[rid] = kept
    return result


def _unique_label(base: str, taken: set[str]) -> str:
    label, n = base, 2
    while label in taken:
        label = f"{base} ({n})"
        n += 1
    return label


def _set(db: sqlite3.Connection, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO settings(key, value) VALUES(?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
        (key, value),
    )


def _rule(row: sqlite3.Row) -> Rule:
    return Rule(
        int(row["root_id"]),
        bytes(row["rel"]),
        Target(row["target"]),
        Decision(row["decision"]),
        row["size"],
        row["fingerprint"],
        bool(row["missing"]),
    )


def _check_writable_export(target: str) -> None:
    probe_dir = target
    while not os.path.exists(probe_dir):
        parent = os.path.dirname(probe_dir)
        if parent == probe_dir:
            break
        probe_dir = parent
    if os.path.exists(target) and not os.path.isdir(target):
        raise UserError(f"the export folder {display(target)} is a file, not a folder")
    if os.path.islink(target):
        raise UserError(f"the export folder {display(target)} is a link; give the real folder")
    if not os.access(probe_dir, os.W_OK | os.X_OK):
        raise UserError(f"the export folder {display(target)} is not writable")


def _safe_fingerprint(path: str) -> str | None:
    try:
        return fingerprint(path)
    except OSError:
        return None


def _open_in(folder: ExportDir, rel: str) -> int | None:
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


def _sha256_fd(fd: int) -> str:
    digest = hashlib.sha256()
    os.lseek(fd, 0, os.SEEK_SET)
    while chunk := os.read(fd, 1 << 20):
        digest.update(chunk)
    os.lseek(fd, 0, os.SEEK_SET)
    return digest.hexdigest()


def _open_existing(folder: ExportDir, rel: str) -> int | None:
    """A read fd on an exported copy; None when it is missing, OSError when unreadable."""
    try:
        fd, name = folder.parent(rel, create=False)
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        return os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC, dir_fd=fd)
    except FileNotFoundError:
        return None
    finally:
        os.close(fd)


def _check_source(state: _State, row: sqlite3.Row) -> str | None:
    """The library photo an exported copy was made from, if it can be compared.

    None when its drive is away, or it is gone or changed since the export
    (the plan reports those that should be updated): the copy is then
    decoded instead, since there is nothing to compare it with.
    """
    rid, rel = int(row["root_id"]), bytes(row["rel"])
    facts = state.index.get(rid, {}).get(rel)
    root = next((r for r in state.roots if r.id == rid), None)
    if facts is None or root is None or rid not in state.online:
        return None
    if facts.kind == "link" and facts.target:
        path = os.fsdecode(facts.target)
    else:
        path = os.path.join(root.path, decode_rel(rel))
    try:
        st = os.stat(path)
    except OSError:
        return None
    if (st.st_size, st.st_mtime_ns, st.st_ino) != (
        row["src_size"],
        row["src_mtime_ns"],
        row["src_ino"],
    ):
        return None
    return path
