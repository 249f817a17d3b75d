"""The sync planner: what must change so the export equals the desired set.

Pure and small on purpose: given the photos that should be exported and the
manifest of what is, it returns removals and writes. The executor in
`sync.py` carries them out, removals first, because making something
private is handled before anything else is added.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Final, Literal

from pellicle.core.words import msg

Key = tuple[int, bytes]

#: Reasons in the plan (and the ledger) for a withdrawal and a new name.
NO_LONGER_SHAREABLE: Final = msg("core.plan", "no longer shareable")
NAME_CHANGED: Final = msg("core.plan", "export name changed")

#: Why an action is taken, in one word the ledger keeps so the share history
#: can group a sync's files into the few things that happened (see ledger).
SHAREABLE: Final = "shareable"
RENAMED: Final = "renamed"
PHOTO_CHANGED: Final = "changed"
OPTIONS_CHANGED: Final = "options"
ALTERED: Final = "altered"
PRIVATE: Final = "private"
GONE: Final = "gone"
UNROOTED: Final = "unrooted"
PROBLEM: Final = "problem"
MOVED: Final = "moved"


@dataclass(frozen=True)
class Wanted:
    """A shareable photo and where its scrubbed copy belongs."""

    key: Key
    export_rel: str
    fmt: str
    src_size: int
    src_mtime_ns: int
    src_ino: int
    options: str


@dataclass(frozen=True)
class Exported:
    """A manifest entry: a copy Pellicle wrote, as it wrote it."""

    key: Key
    export_rel: str
    src_size: int
    src_mtime_ns: int
    src_ino: int
    options: str
    #: False when the file in the export folder is missing or was altered.
    intact: bool = True


@dataclass(frozen=True)
class Action:
    kind: Literal["add", "update", "remove"]
    export_rel: str
    reason: str
    wanted: Wanted | None = None
    exported: Exported | None = None
    #: One of the words above (or a removal's, set by the exporter).
    cause: str = ""


@dataclass
class Plan:
    removals: list[Action] = field(default_factory=list)
    writes: list[Action] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.removals or self.writes)

    @property
    def actions(self) -> list[Action]:
        return [*self.removals, *self.writes]


def make_plan(
    wanted: Iterable[Wanted],
    exported: Iterable[Exported],
    *,
    paused_roots: frozenset[int] = frozenset(),
    withdrawn: AbstractSet[Key] = frozenset(),
    removal_reasons: Mapping[Key, str] | None = None,
    removal_causes: Mapping[Key, str] | None = None,
) -> Plan:
    """Compare desired and exported; removals come first, writes sorted by path.

    Copies from a paused root (its drive is away) wait for it: a photo that
    vanished with the drive keeps its copy, and nothing of it can be read
    to add or update. Decisions still apply there: a copy whose photo is
    decided not shareable any more (`withdrawn`) is removed at once.
    """
    want = {w.key: w for w in wanted}
    reasons = removal_reasons or {}
    causes = removal_causes or {}
    plan = Plan()
    seen: set[Key] = set()
    for entry in exported:
        seen.add(entry.key)
        if entry.key[0] in paused_roots:
            if entry.key in withdrawn:
                reason = reasons.get(entry.key, NO_LONGER_SHAREABLE)
                plan.removals.append(
                    Action(
                        "remove",
                        entry.export_rel,
                        reason,
                        exported=entry,
                        cause=causes.get(entry.key, PRIVATE),
                    )
                )
            continue
        target = want.get(entry.key)
        if target is None:
            reason = reasons.get(entry.key, NO_LONGER_SHAREABLE)
            cause = causes.get(entry.key, PRIVATE)
            plan.removals.append(
                Action("remove", entry.export_rel, reason, exported=entry, cause=cause)
            )
        elif target.export_rel != entry.export_rel:
            plan.removals.append(
                Action("remove", entry.export_rel, NAME_CHANGED, exported=entry, cause=RENAMED)
            )
            renamed = Action("add", target.export_rel, NAME_CHANGED, target, cause=RENAMED)
            plan.writes.append(renamed)
        elif (target.src_size, target.src_mtime_ns, target.src_ino) != (
            entry.src_size,
            entry.src_mtime_ns,
            entry.src_ino,
        ):
            plan.writes.append(
                Action(
                    "update",
                    target.export_rel,
                    msg("core.plan", "photo changed"),
                    target,
                    entry,
                    cause=PHOTO_CHANGED,
                )
            )
        elif target.options != entry.options:
            plan.writes.append(
                Action(
                    "update",
                    target.export_rel,
                    msg("core.plan", "export options changed"),
                    target,
                    entry,
                    cause=OPTIONS_CHANGED,
                )
            )
        elif not entry.intact:
            plan.writes.append(
                Action(
                    "update",
                    target.export_rel,
                    msg("core.plan", "exported copy was altered or removed"),
                    target,
                    entry,
                    cause=ALTERED,
                )
            )
    for key, target in want.items():
        if key not in seen and key[0] not in paused_roots:
            plan.writes.append(
                Action(
                    "add", target.export_rel, msg("core.plan", "shareable"), target, cause=SHAREABLE
                )
            )
    plan.removals.sort(key=lambda a: a.export_rel)
    plan.writes.sort(key=lambda a: a.export_rel)
    return plan
