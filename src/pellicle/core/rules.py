"""Rules as the store keeps them: set, cleared, moved, looked up.

`share`, `private` and `clear` arrive here with paths a person typed or
dropped. This room finds where each path lies (`Place`: on disk, or, under
a drive that is away, as the index last saw it), refuses what cannot hold
a rule (hidden entries, a root as a file, a typo) before anything is
written, and writes the rule rows. It also applies the moves the watcher
sees and the rule moves `rulefollow` works out after a scan.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pellicle.core import scan
from pellicle.core.errors import UserError
from pellicle.core.index import Index
from pellicle.core.library import away
from pellicle.core.policy import Decision, Rule, Target
from pellicle.core.roots import Root, locate
from pellicle.core.rulefollow import RuleMove, StoredRule
from pellicle.core.scan import FolderFacts
from pellicle.core.store import Store, decode_rel, display
from pellicle.core.words import msg, os_error

_DOES_NOT_EXIST = msg("core.rules", "{path} does not exist")
_CANNOT_READ = msg("core.rules", "cannot read {path}: {error}")


@dataclass(frozen=True)
class Place:
    """A path a person named, located: what is there, from the file system
    (`st`) or, under a root whose drive is away, from the index."""

    root: Root
    rel: bytes
    is_dir: bool
    st: os.stat_result | None
    size: int | None = None
    mtime_ns: int | None = None
    dev: int | None = None
    ino: int | None = None
    fingerprint: str | None = None

    @property
    def known(self) -> bool:
        """Something is there (on disk, or in the index of an away drive)."""
        return self.st is not None or self.dev is not None


class Rules:
    """The rules table."""

    def __init__(self, store: Store, index: Index) -> None:
        self.store = store
        self.index = index

    def all(self) -> list[Rule]:
        return [_rule(r) for r in self.store.query("SELECT * FROM rules")]

    def stored(self) -> list[StoredRule]:
        return [_stored_rule(r) for r in self.store.query("SELECT * FROM rules")]

    # -- where a path lies -----------------------------------------------------

    def locate(self, raw: str, roots: list[Root], *, must_exist: bool) -> Place:
        """Where a path given by a person lies, and what is there.

        A path that does not exist is accepted when its root's drive is away
        and the index knows it (a file or a folder): decisions still apply
        to photos whose drive is unplugged. Otherwise, with `must_exist`, it
        is an error.
        """
        absolute = os.path.abspath(os.path.expanduser(raw))
        exists = os.path.lexists(absolute)
        real = os.path.realpath(absolute) if exists else absolute
        found = locate(real, roots) or locate(absolute, roots)
        if found is None:
            if not exists and must_exist:
                raise UserError(_DOES_NOT_EXIST.format(path=display(raw)))
            raise UserError(
                msg("core.rules", "{path} is not inside a library folder").format(path=display(raw))
            )
        root, rel = found.root, found.rel
        if any(part.startswith(b".") for part in rel.split(b"/") if part):
            raise UserError(
                msg(
                    "core.rules", "{path} is hidden; Pellicle skips hidden files and folders"
                ).format(path=display(raw))
            )
        if exists:
            try:
                st = os.stat(real)
            except OSError as exc:
                raise UserError(
                    _CANNOT_READ.format(path=display(raw), error=os_error(exc))
                ) from None
            return Place(
                root, rel, stat.S_ISDIR(st.st_mode), st,
                st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino,
            )  # fmt: skip
        if rel and away(root):
            known = self.index.known(root.id, rel)
            if isinstance(known, FolderFacts):
                return Place(root, rel, True, None, dev=known.dev, ino=known.ino)
            if known is not None:
                return Place(
                    root, rel, False, None, known.size, known.mtime_ns, known.dev, known.ino,
                    known.fingerprint,
                )  # fmt: skip
        if must_exist:
            raise UserError(_DOES_NOT_EXIST.format(path=display(raw)))
        return Place(root, rel, False, None)

    def explainable(self, paths: Iterable[str], roots: list[Root]) -> list[str]:
        """The paths that exist, or that the index knows under a drive that
        is away."""
        found = []
        for raw in paths:
            try:
                self.locate(raw, roots, must_exist=True)
            except UserError:
                continue
            found.append(raw)
        return found

    def at(self, paths: Iterable[str], roots: list[Root]) -> dict[str, Decision | None]:
        """The explicit rule each path has now (None: it inherits).

        Paths under a root whose drive is away are answered from the rules as
        stored; a path outside every root has no rule.
        """
        rules = {(r.root_id, r.rel): r.decision for r in self.all()}
        found: dict[str, Decision | None] = {}
        for raw in paths:
            absolute = os.path.abspath(os.path.expanduser(raw))
            real = os.path.realpath(absolute) if os.path.lexists(absolute) else absolute
            where = locate(real, roots) or locate(absolute, roots)
            found[raw] = None if where is None else rules.get((where.root.id, where.rel))
        return found

    # -- writing ---------------------------------------------------------------

    def set(self, paths: Iterable[str], decision: Decision | None, roots: list[Root]) -> list[str]:
        """Set (or, with None, clear) the rule of every path; all or nothing.

        Returns the paths as given. A path that is not right (outside the
        library, hidden, a typo, unreadable) raises UserError before anything
        is written.
        """
        rows: list[tuple[Any, ...]] = []
        targets: list[tuple[int, bytes, str]] = []
        for raw in paths:
            place = self.locate(raw, roots, must_exist=decision is not None)
            root, rel = place.root, place.rel
            targets.append((root.id, rel, raw))
            if decision is None:
                # Clearing works on a path that is gone (a missing rule), but
                # a path with neither a file nor a rule is a typo.
                if not place.known and not self.store.query(
                    "SELECT 1 FROM rules WHERE root_id=? AND rel=?", (root.id, rel)
                ):
                    raise UserError(
                        msg("core.rules", "{path} does not exist and has no rule to clear").format(
                            path=display(raw)
                        )
                    )
                continue
            if place.is_dir:
                rows.append(
                    (root.id, rel, "folder", decision.value, None, None, None, place.dev, place.ino)
                )
            elif not rel:
                raise UserError(
                    msg(
                        "core.rules", "{path} is a library root; only folders can hold rules"
                    ).format(path=display(raw))
                )
            else:
                fp = place.fingerprint
                if place.st is not None:
                    try:
                        fp = scan.fingerprint(os.path.join(root.path, decode_rel(rel)))
                    except OSError as exc:
                        raise UserError(
                            _CANNOT_READ.format(path=display(raw), error=os_error(exc))
                        ) from None
                # Under an unplugged drive the content may be unknown (None):
                # the policy then keeps every photo of its size private until
                # the drive is back and the rule learns its content.
                rows.append(
                    (root.id, rel, "file", decision.value, place.size, place.mtime_ns, fp,
                     place.dev, place.ino)
                )  # fmt: skip
        if not targets:
            raise UserError(msg("core.rules", "give at least one path"))
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
        return [raw for _, _, raw in targets]

    def move(self, src: str, dst: str, roots: list[Root]) -> int:
        """Follow a move the watcher saw: rules at or under `src` go to `dst`.

        Returns how many rules moved. Both paths must lie in library roots.
        """
        found_src = locate(os.path.abspath(src), roots)
        found_dst = locate(os.path.abspath(dst), roots)
        if found_src is None or found_dst is None or not found_src.rel:
            return 0
        sroot, srel = found_src.root, found_src.rel
        droot, drel = found_dst.root, found_dst.rel
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

    def apply_moves(self, moves: list[RuleMove]) -> None:
        """Write where `rulefollow` found each rule's object."""
        if not moves:
            return
        with self.store.write() as db:
            for move in moves:
                old = db.execute(
                    "SELECT root_id, rel FROM rules WHERE id=?", (move.rule_id,)
                ).fetchone()
                if old is not None and (old[0], bytes(old[1])) != (move.root_id, move.rel):
                    # Moved over another ruled photo: the moved rule wins.
                    db.execute(
                        "DELETE FROM rules WHERE root_id=? AND rel=? AND id<>?",
                        (move.root_id, move.rel, move.rule_id),
                    )
                db.execute(
                    "UPDATE rules SET root_id=?, rel=?, missing=?, size=coalesce(?, size),"
                    " mtime_ns=coalesce(?, mtime_ns), fingerprint=?, dev=?, ino=? WHERE id=?",
                    (
                        move.root_id, move.rel, int(move.missing), move.size, move.mtime_ns,
                        move.fingerprint, move.dev, move.ino, move.rule_id,
                    ),
                )  # fmt: skip
            self.store.bump_rules_generation(db)


def _stored_rule(row: sqlite3.Row) -> StoredRule:
    return StoredRule(
        int(row["id"]),
        int(row["root_id"]),
        bytes(row["rel"]),
        Target(row["target"]),
        row["size"],
        row["mtime_ns"],
        row["fingerprint"],
        row["dev"],
        row["ino"],
        bool(row["missing"]),
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
