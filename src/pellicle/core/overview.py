"""What people and views ask: explanations, status, photos, folder summaries.

Everything here reads; nothing rescans or writes. The engine hands in the
state it holds (the index with every verdict) and the plan of what a sync
would do; this room words and counts it for the command line and the app.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pellicle.core.decisions import LibraryState
from pellicle.core.exporter import Planned
from pellicle.core.plan import Key
from pellicle.core.policy import Decision, Policy, Target, Verdict
from pellicle.core.roots import Root
from pellicle.core.rules import Place
from pellicle.core.scan import FileFacts, facts_for, safe_fingerprint
from pellicle.core.store import Store, decode_rel, display
from pellicle.core.words import msg


@dataclass(frozen=True)
class Explanation:
    path: str
    decision: Decision
    reason: str
    problem: str | None = None
    exported_as: str | None = None
    is_folder: bool = False

    def sentence(self) -> str:
        text = Verdict(self.decision, self.reason).sentence(folder=self.is_folder)
        if self.problem:
            return msg("core.overview", "{sentence} (not exported: {problem})").format(
                sentence=text, problem=self.problem
            )
        return text


@dataclass(frozen=True)
class FolderSummary:
    """A folder as views show it: its rule, its decision, what lies below."""

    root: Root
    rel: bytes
    path: str
    #: The folder's explicit rule; None when it inherits.
    own: Decision | None
    #: The decision by place for what the folder holds, and why.
    verdict: Verdict
    #: Photos anywhere below the folder that are shareable, and private.
    shareable: int
    private: int

    @property
    def exceptions(self) -> int:
        """Photos below whose decision differs from the folder's own ("1
        private inside" a shareable folder): what a folder's badge adds to
        its rule, so one exception does not hide the rule as "mixed"."""
        return self.private if self.verdict.shareable else self.shareable


def explain(store: Store, raw: str, place: Place, policy: Policy, roots: list[Root]) -> Explanation:
    """The decision for the path a person named, and the rule behind it."""
    root, rel = place.root, place.rel
    shown = display(raw)
    if place.is_dir:
        verdict = policy.by_place(root.id, rel, is_folder=True)
        return Explanation(shown, verdict.decision, verdict.reason, is_folder=True)
    path = os.path.join(root.path, decode_rel(rel))
    problem: str | None
    if place.st is None:
        # Known to the index, its drive away: decided from what it knew.
        size, mtime, fp = place.size, place.mtime_ns, place.fingerprint
        problem = None
    else:
        facts = facts_for(path, rel, [r.path for r in roots])
        size = facts.size if facts else None
        mtime = facts.mtime_ns if facts else None
        fp = None
        if facts is not None and facts.size in policy.sizes_needing_fingerprint():
            fp = safe_fingerprint(path)
        problem = facts.problem if facts is not None else msg("core.overview", "not a photo")
    verdict = policy.decide(root.id, rel, fp, size=size)
    if problem is None:
        row = store.query(
            "SELECT problem FROM files WHERE root_id=? AND rel=? AND size=? AND mtime_ns=?",
            (root.id, rel, -1 if size is None else size, -1 if mtime is None else mtime),
        )
        if row and row[0]["problem"]:
            problem = str(row[0]["problem"])
    exported = store.query(
        "SELECT export_rel FROM exports WHERE root_id=? AND rel=?", (root.id, rel)
    )
    return Explanation(
        shown,
        verdict.decision,
        verdict.reason,
        problem,
        bytes(exported[0]["export_rel"]).decode() if exported else None,
    )


def status(
    store: Store,
    state: LibraryState,
    export: str,
    planned: Planned,
    not_exported: list[tuple[str, str]],
    source_name: Callable[[Key], str],
) -> dict[str, Any]:
    """Counts, export state and problems, from the index (no rescan)."""
    roots = state.roots
    photos = sum(len(files) for files in state.index.values())
    shareable = sum(1 for v in state.verdicts.values() if v.shareable)
    problems = [
        {"path": source_name((rid, rel)), "reason": facts.problem}
        for rid, files in state.index.items()
        for rel, facts in sorted(files.items())
        if facts.problem
    ]
    # A folder that cannot be listed hides its photos: say so.
    problems += [
        {
            "path": source_name((rid, rel)),
            "reason": msg("core.overview", "cannot read this folder: {error}").format(
                error=folder.problem
            ),
        }
        for rid, found in state.folders.items()
        for rel, folder in sorted(found.items())
        if folder.problem
    ]
    plan = planned.plan
    exported = int(store.query("SELECT count(*) AS n FROM exports")[0]["n"])
    last = store.get_setting("last_sync")
    watching = watch_modes(store)
    return {
        "roots": [_root_status(r, watching) for r in roots],
        "export_dir": export,
        "photos": photos,
        "shareable": shareable,
        "private": photos - shareable,
        "exported": exported,
        "to_add": sum(1 for a in plan.writes if a.kind == "add"),
        "to_update": sum(1 for a in plan.writes if a.kind == "update"),
        "to_remove": len(plan.removals),
        "in_sync": not plan and not planned.foreign,
        "problems": problems,
        # Shareable photos the export lacks, and why (what sync lists).
        "not_exported": [{"path": path, "reason": reason} for path, reason in not_exported],
        "foreign": planned.foreign,
        "last_sync": float(last) if last else None,
        "rules": len(state.policy.rules),
    }


def watch_modes(store: Store) -> dict[str, str] | None:
    """How a running watcher follows each root ("events", "polling",
    "offline"), or None when no watcher is running (see core.watch)."""
    raw = store.get_setting("watch_modes")
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


def _root_status(root: Root, watching: dict[str, str] | None) -> dict[str, Any]:
    # A polled root is reachable but its changes are seen late: say so.
    mode = None if watching is None else watching.get(root.path)
    state = "polling" if mode == "polling" and root.state == "online" else root.state
    return {"path": root.path, "label": root.label, "state": state, "watch": mode}


def photos(state: LibraryState) -> list[tuple[Root, FileFacts, Verdict]]:
    """Every indexed photo with its decision."""
    by_id = {r.id: r for r in state.roots}
    return [
        (by_id[rid], facts, state.verdicts[(rid, rel)])
        for rid, files in state.index.items()
        for rel, facts in files.items()
    ]


def folder_summaries(state: LibraryState) -> list[FolderSummary]:
    """Every folder holding photos (and every ruled folder and root): its own
    rule, its decision by place, and the shareable and private photos below."""
    roots = state.roots
    counts: dict[Key, list[int]] = {(r.id, b""): [0, 0] for r in roots}
    for (rid, rel), verdict in state.verdicts.items():
        slot = 0 if verdict.shareable else 1
        up = rel
        while True:
            cut = up.rfind(b"/")
            up = up[:cut] if cut >= 0 else b""
            counts.setdefault((rid, up), [0, 0])[slot] += 1
            if not up:
                break
    own = {
        (r.root_id, r.rel): r.decision
        for r in state.policy.rules.values()
        if r.target is Target.FOLDER
    }
    for key in own:
        counts.setdefault(key, [0, 0])  # a marked folder with no photos yet
    by_id = {r.id: r for r in roots}
    summaries = []
    for (rid, rel), (shared, private) in sorted(counts.items()):
        root = by_id.get(rid)
        if root is None:
            continue
        verdict = state.policy.by_place(rid, rel, is_folder=True)
        path = os.path.join(root.path, decode_rel(rel)) if rel else root.path
        summaries.append(
            FolderSummary(root, rel, path, own.get((rid, rel)), verdict, shared, private)
        )
    return summaries


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
