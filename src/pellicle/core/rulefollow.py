"""Rule tracking: keep each rule on its photo or folder across moves.

A rule belongs to the photo, not to its name (DESIGN.md). After a scan this
module works out, for every rule, where its object is now: still in place,
renamed or moved (same inode), replaced in place by an editor, moved across
disks (a new file with the same content that the index never knew), or
missing. It is a pure function of the rules, the index before and after the
scan and a content hasher; the engine writes the `RuleMove` records it
returns. Keeping it pure lets it be tested directly, case by case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from pellicle.core.plan import Key
from pellicle.core.policy import Target
from pellicle.core.scan import FileFacts, FolderFacts

#: Content fingerprint of the file at a key, or None when it cannot be read.
Hasher = Callable[[Key], "str | None"]
#: (device, inode); a rule set before its object was known may have None.
_Inode = tuple["int | None", "int | None"]


@dataclass(frozen=True, slots=True)
class StoredRule:
    """A rule as the store records it, with what it knows of its object."""

    id: int
    root_id: int
    rel: bytes
    target: Target
    size: int | None
    mtime_ns: int | None
    fingerprint: str | None
    dev: int | None
    ino: int | None
    missing: bool

    @property
    def key(self) -> Key:
        return (self.root_id, self.rel)


@dataclass(frozen=True, slots=True)
class RuleMove:
    """Where rule `rule_id` now stands and what it now knows of its object.

    `size` and `mtime_ns` of None keep the stored values (folders have
    none); `fingerprint` is stored as given: None means the content is not
    known (never the old content's fingerprint after an edit).
    """

    rule_id: int
    root_id: int
    rel: bytes
    missing: bool
    size: int | None
    mtime_ns: int | None
    fingerprint: str | None
    dev: int | None
    ino: int | None


@dataclass(frozen=True)
class Scanned:
    """What one sync's scans found, for the roots that were scanned."""

    #: Each root's index now (every root, scanned or not).
    index: Mapping[int, Mapping[bytes, FileFacts]]
    folders: Mapping[int, Mapping[bytes, FolderFacts]]
    #: Roots whose drive is there (rules of other roots are left alone).
    online: set[int]
    #: Per scanned root, the files the scan found new or changed.
    changed: Mapping[int, Iterable[bytes]]
    #: Per scanned root, the index as it was before this scan.
    before: Mapping[int, Mapping[bytes, FileFacts]]


def follow(rules: Iterable[StoredRule], scanned: Scanned, hasher: Hasher) -> list[RuleMove]:
    """The moves that keep every rule on its object after a scan."""
    return _Follower(list(rules), scanned, hasher).run()


class _Follower:
    def __init__(self, rules: list[StoredRule], scanned: Scanned, hasher: Hasher) -> None:
        self.rules = rules
        self.s = scanned
        self.hash = hasher
        #: Keys that hold a rule: a rule never moves onto another's object.
        self.ruled = {rule.key for rule in rules}
        self.fresh = sorted(
            (rid, rel)
            for rid, rels in scanned.changed.items()
            if rid in scanned.online
            for rel in rels
        )
        # Built on first need: a sync with every rule in place costs no pass
        # over the whole index.
        self._files_at: dict[_Inode, Key] | None = None
        self._folders_at: dict[_Inode, Key] | None = None
        self._known_before: set[tuple[int, int]] | None = None

    def run(self) -> list[RuleMove]:
        moves: list[RuleMove] = []
        for rule in self.rules:
            if rule.root_id not in self.s.online:
                continue  # its drive is away: nothing can be seen of it
            move = self._folder(rule) if rule.target is Target.FOLDER else self._file(rule)
            if move is not None:
                moves.append(move)
        return moves

    # -- folders ---------------------------------------------------------------

    def _folder(self, rule: StoredRule) -> RuleMove | None:
        rid, rel = rule.key
        if not rel:
            return None  # the root itself
        here = self.s.folders[rid].get(rel)
        if here is not None and (here.dev, here.ino) == (rule.dev, rule.ino):
            return self._folder_at(rule, rule.key, here.dev, here.ino) if rule.missing else None
        moved = None if rule.missing else self._folder_inodes().get((rule.dev, rule.ino))
        if moved is not None and moved not in self.ruled:
            self._take(rule.key, moved)
            return self._folder_at(rule, moved, rule.dev, rule.ino)
        if here is not None:
            # Another folder now has its name (the old one is gone): the
            # rule is about this place now.
            return self._folder_at(rule, rule.key, here.dev, here.ino)
        if not rule.missing:
            return RuleMove(rule.id, rid, rel, True, None, None, None, rule.dev, rule.ino)
        return None

    @staticmethod
    def _folder_at(rule: StoredRule, key: Key, dev: int | None, ino: int | None) -> RuleMove:
        return RuleMove(rule.id, key[0], key[1], False, None, None, None, dev, ino)

    # -- files -----------------------------------------------------------------

    def _file(self, rule: StoredRule) -> RuleMove | None:
        rid, rel = rule.key
        facts = self.s.index[rid].get(rel)
        if (
            facts is not None
            and facts.kind == "file"
            and (facts.dev, facts.ino)
            == (
                rule.dev,
                rule.ino,
            )
        ):
            return self._in_place(rule, facts)
        target = None if rule.missing else self._renamed(rule)
        if target is None and facts is not None and facts.kind == "file" and not rule.missing:
            # Replaced in place (an editor saving through a new file): the
            # rule stays with the name, and learns the new content.
            return self._at(rule, rule.key, facts, self.hash(rule.key))
        if target is None and rule.size is not None and not rule.missing:
            # Only in the scan where the photo vanished. A rule already
            # missing never attaches to a later copy: that copy is not the
            # photo, and a private rule moved onto it would lose its
            # stickiness the moment the copy is shared.
            target = self._moved_across_disks(rule.size, rule.fingerprint)
        if target is not None:
            self._take(rule.key, target)
            return self._at(rule, target, self.s.index[target[0]][target[1]], rule.fingerprint)
        if not rule.missing:
            return RuleMove(
                rule.id, rid, rel, True, rule.size, rule.mtime_ns, rule.fingerprint,
                rule.dev, rule.ino,
            )  # fmt: skip
        return None

    def _in_place(self, rule: StoredRule, facts: FileFacts) -> RuleMove | None:
        """The photo is where the rule is: refresh what the rule knows when
        the content may have changed, or was never known (set while its
        drive was away, or its hash failed)."""
        if (
            (facts.size, facts.mtime_ns) == (rule.size, rule.mtime_ns)
            and not rule.missing
            and rule.fingerprint is not None
        ):
            return None
        # None when it cannot be read: the content is then unknown (and
        # every photo of its size stays private), never the old content's.
        fp = self.hash(rule.key)
        if (facts.size, facts.mtime_ns, fp) == (rule.size, rule.mtime_ns, rule.fingerprint) and (
            not rule.missing
        ):
            return None
        return self._at(rule, rule.key, facts, fp)

    def _renamed(self, rule: StoredRule) -> Key | None:
        """The same inode under another name, confirmed by size and mtime,
        or by content when only the size matches."""
        candidate = self._file_inodes().get((rule.dev, rule.ino))
        if candidate is None or candidate in self.ruled:
            return None
        facts = self.s.index[candidate[0]][candidate[1]]
        if (facts.size, facts.mtime_ns) == (rule.size, rule.mtime_ns):
            return candidate
        if facts.size == rule.size and self.hash(candidate) == rule.fingerprint:
            return candidate
        return None

    def _moved_across_disks(self, size: int, fingerprint: str | None) -> Key | None:
        """The file this scan found that is the ruled photo moved by copy and
        delete: same content, and a file the index did not know before. A
        known file renamed at the same time (an older copy of the photo,
        never ruled) is another photo: it does not take the rule, which
        could share what was never shared."""
        if fingerprint is None:
            return None
        for key in self.fresh:
            facts = self.s.index[key[0]].get(key[1])
            if facts is None or facts.kind != "file" or facts.size != size or key in self.ruled:
                continue
            if (facts.dev, facts.ino) in self._inodes_before():
                continue
            if self.hash(key) == fingerprint:
                return key
        return None

    @staticmethod
    def _at(rule: StoredRule, key: Key, facts: FileFacts, fingerprint: str | None) -> RuleMove:
        return RuleMove(
            rule.id, key[0], key[1], False, facts.size, facts.mtime_ns, fingerprint,
            facts.dev, facts.ino,
        )  # fmt: skip

    # -- bookkeeping -----------------------------------------------------------

    def _take(self, old: Key, new: Key) -> None:
        self.ruled.discard(old)
        self.ruled.add(new)

    def _file_inodes(self) -> dict[_Inode, Key]:
        if self._files_at is None:
            self._build_inodes()
        assert self._files_at is not None
        return self._files_at

    def _folder_inodes(self) -> dict[_Inode, Key]:
        if self._folders_at is None:
            self._build_inodes()
        assert self._folders_at is not None
        return self._folders_at

    def _build_inodes(self) -> None:
        files_at: dict[_Inode, Key] = {}
        folders_at: dict[_Inode, Key] = {}
        for rid in self.s.online:
            for rel, known in self.s.index[rid].items():
                if known.kind == "file":
                    files_at[(known.dev, known.ino)] = (rid, rel)
            for rel, folder in self.s.folders[rid].items():
                folders_at[(folder.dev, folder.ino)] = (rid, rel)
        self._files_at, self._folders_at = files_at, folders_at

    def _inodes_before(self) -> set[tuple[int, int]]:
        """Inodes the index held before this scan (built on first need)."""
        if self._known_before is None:
            self._known_before = {
                (f.dev, f.ino) for files in self.s.before.values() for f in files.values()
            }
        return self._known_before
