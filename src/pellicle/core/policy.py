"""Rules and decisions: which photos may leave the machine, and why.

A rule is an explicit SHAREABLE or PRIVATE tag on a file or a folder. A
photo's decision is the nearest explicit rule on the path from the photo up
to its library root; no rule means PRIVATE. One exception makes private
sticky: an exact copy (same content) of a photo that carries an explicit
file-level PRIVATE rule is private too, wherever it lies.

Everything here is pure: it works on rules and file facts handed to it, so
it can be tested against a reference model with hypothesis.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from pellicle.core.store import display
from pellicle.core.words import msg


class Decision(enum.Enum):
    SHAREABLE = "shareable"
    PRIVATE = "private"


class Target(enum.Enum):
    FILE = "file"
    FOLDER = "folder"


@dataclass(frozen=True)
class Rule:
    """An explicit tag. `rel` is relative to its root; b"" is the root itself."""

    root_id: int
    rel: bytes
    target: Target
    decision: Decision
    size: int | None = None
    fingerprint: str | None = None
    missing: bool = False


@dataclass(frozen=True)
class Verdict:
    """A decision and the one sentence that explains it."""

    decision: Decision
    reason: str
    rule: Rule | None = None
    #: Set when the photo is private because a copy of it is marked private.
    copy_of: tuple[int, bytes] | None = None

    @property
    def shareable(self) -> bool:
        return self.decision is Decision.SHAREABLE

    @property
    def photo_own_rule(self) -> bool:
        """For a photo's verdict: its own rule decided (not a folder's rule,
        not the default, not a private copy elsewhere). Views mark such
        photos apart from those that only follow their folder."""
        return self.rule is not None and self.rule.target is Target.FILE and self.copy_of is None

    def sentence(self, *, folder: bool = False) -> str:
        """ "private: <reason>"; about a folder when `folder` (the same English,
        but other languages agree the word with "folder", not "photo")."""
        return _SENTENCE[(folder, self.decision)].format(reason=self.reason)


def parents(rel: bytes) -> Iterable[bytes]:
    """The folders above `rel`, nearest first, ending with the root (b"")."""
    while rel:
        cut = rel.rfind(b"/")
        rel = rel[:cut] if cut >= 0 else b""
        yield rel


class Policy:
    """Decisions for one set of rules.

    `root_names` maps a root id to how it is named in explanations (its
    label, or its path when there is only one root).
    """

    def __init__(self, rules: Iterable[Rule], root_names: Mapping[int, str]) -> None:
        self.root_names = dict(root_names)
        self.rules: dict[tuple[int, bytes], Rule] = {}
        self.private_fingerprints: dict[str, Rule] = {}
        #: Private photos of known size whose content is not known, by size.
        self.unknown_private: dict[int, Rule] = {}
        self._folder_cache: dict[tuple[int, bytes], Verdict] = {}
        for rule in rules:
            # A missing rule lost its photo or folder: it no longer decides by
            # place (a rule belongs to the photo, not its name), but a missing
            # private photo's content stays private wherever a copy turns up.
            if not rule.missing:
                self.rules[(rule.root_id, rule.rel)] = rule
            if (
                rule.target is Target.FILE
                and rule.decision is Decision.PRIVATE
                and rule.fingerprint is not None
            ):
                # Deterministic choice when several private files share content.
                known = self.private_fingerprints.get(rule.fingerprint)
                if known is None or (rule.root_id, rule.rel) < (known.root_id, known.rel):
                    self.private_fingerprints[rule.fingerprint] = rule
            elif (
                rule.target is Target.FILE
                and rule.decision is Decision.PRIVATE
                and rule.size is not None
            ):
                # A private photo whose content could not be read (its drive
                # is away, or it failed to hash): nothing of its size can be
                # told apart from it, so all of that size stays private.
                known = self.unknown_private.get(rule.size)
                if known is None or (rule.root_id, rule.rel) < (known.root_id, known.rel):
                    self.unknown_private[rule.size] = rule
        self._sizes = frozenset(self.sizes_needing_fingerprint())

    def sizes_needing_fingerprint(self) -> set[int]:
        """Only files of these sizes can be copies of an explicitly private photo."""
        sizes = {
            rule.size
            for rule in self.private_fingerprints.values()
            if rule.size is not None and rule.fingerprint is not None
        }
        sizes.update(self.unknown_private)
        return sizes

    def where(self, root_id: int, rel: bytes) -> str:
        """A place named for a person: "Holidays/2025", or the root itself."""
        if not rel:
            return msg("core.policy", "library folder {name}").format(
                name=self.root_names.get(root_id, "?")
            )
        if len(self.root_names) > 1:
            return f"{self.root_names.get(root_id, '?')}/{display(rel)}"
        return display(rel)

    def by_place(self, root_id: int, rel: bytes, *, is_folder: bool = False) -> Verdict:
        """The nearest explicit rule for a file (or folder) at `rel`."""
        own = self.rules.get((root_id, rel))
        if own is not None and (own.target is Target.FOLDER) == is_folder:
            return Verdict(own.decision, _OWN[(is_folder, own.decision)], own)
        cut = rel.rfind(b"/")
        return self._inherited(root_id, rel[:cut] if cut >= 0 else b"")

    def _inherited(self, root_id: int, folder: bytes) -> Verdict:
        """The verdict a folder passes down to what it holds (memoised)."""
        key = (root_id, folder)
        cached = self._folder_cache.get(key)
        if cached is not None:
            return cached
        rule = self.rules.get(key)
        if rule is not None and rule.target is Target.FOLDER:
            if folder:
                place = self.where(root_id, folder)
                reason = _FOLDER[rule.decision].format(place=place)
            else:
                name = self.root_names.get(root_id, "?")
                reason = _ROOT[rule.decision].format(name=name)
            verdict = Verdict(rule.decision, reason, rule)
        elif folder:
            cut = folder.rfind(b"/")
            verdict = self._inherited(root_id, folder[:cut] if cut >= 0 else b"")
        else:
            verdict = Verdict(
                Decision.PRIVATE,
                msg("core.policy", "nothing above it is marked, and photos are private by default"),
            )
        self._folder_cache[key] = verdict
        return verdict

    def decide(
        self, root_id: int, rel: bytes, fingerprint: str | None = None, *, size: int | None
    ) -> Verdict:
        """The decision for a photo, including stickiness of private copies.

        `size` is the photo's size in bytes. When it is one of
        `sizes_needing_fingerprint()` the photo might be an exact copy of a
        private photo: its `fingerprint` decides, and a photo that could not
        be compared (no fingerprint: unreadable, or the private photo's own
        content is unknown) is private, failing closed. `size=None` means the
        caller knows the photo cannot be such a copy.
        """
        verdict = self.by_place(root_id, rel)
        sticky = self._sticky(root_id, rel, fingerprint)
        if sticky is not None:
            return sticky  # an exact copy of a private photo: private wherever it lies
        unsure = self._uncomparable(root_id, rel, fingerprint, size=size)
        return unsure if unsure is not None and verdict.shareable else verdict

    def copy_verdict(
        self, root_id: int, rel: bytes, fingerprint: str | None, *, size: int | None
    ) -> Verdict | None:
        """Private because the photo is, or cannot be shown not to be, an
        exact copy of a photo marked private; None when it is not."""
        sticky = self._sticky(root_id, rel, fingerprint)
        if sticky is not None:
            return sticky
        return self._uncomparable(root_id, rel, fingerprint, size=size)

    def _uncomparable(
        self, root_id: int, rel: bytes, fingerprint: str | None, *, size: int | None
    ) -> Verdict | None:
        """Private because the photo might be a copy of a private photo (same
        size) and the two cannot be compared; None when they can be."""
        if size is None or size not in self._sizes:
            return None
        unknown = self.unknown_private.get(size)
        if unknown is not None and (unknown.root_id, unknown.rel, unknown.missing) != (
            root_id,
            rel,
            False,
        ):
            # A missing rule's old name may hold another file of the same
            # size, which cannot be told apart from the private photo.
            place = self.where(unknown.root_id, unknown.rel)
            if unknown.missing:
                reason = msg(
                    "core.policy",
                    "it could not be compared with {place}, which is marked private and is gone",
                )
            else:
                reason = msg(
                    "core.policy",
                    "it could not be compared with {place}, which is marked private and "
                    "cannot be read now",
                )
            return Verdict(
                Decision.PRIVATE,
                reason.format(place=place),
                unknown,
                copy_of=(unknown.root_id, unknown.rel),
            )
        if fingerprint is None:
            return Verdict(
                Decision.PRIVATE,
                msg(
                    "core.policy",
                    "it could not be compared with your private photos (it cannot be read); "
                    "Pellicle tries again at every sync",
                ),
            )
        return None

    def _sticky(self, root_id: int, rel: bytes, fingerprint: str | None) -> Verdict | None:
        if fingerprint is None:
            return None
        original = self.private_fingerprints.get(fingerprint)
        if original is None:
            return None
        if (original.root_id, original.rel) == (root_id, rel) and not original.missing:
            return None
        place = self.where(original.root_id, original.rel)
        if original.missing:
            reason = msg(
                "core.policy",
                "it is an exact copy of {place} (now missing), which is marked private",
            )
        else:
            reason = msg("core.policy", "it is an exact copy of {place}, which is marked private")
        return Verdict(
            Decision.PRIVATE,
            reason.format(place=place),
            original,
            copy_of=(original.root_id, original.rel),
        )


_SENTENCE = {
    (False, Decision.SHAREABLE): msg("core.policy", "shareable: {reason}"),
    (False, Decision.PRIVATE): msg("core.policy", "private: {reason}"),
    (True, Decision.SHAREABLE): msg("core.folder", "shareable: {reason}"),
    (True, Decision.PRIVATE): msg("core.folder", "private: {reason}"),
}
# Separate sentences, not one with the decision put in: other languages
# agree the adjective with the noun ("cette photo est marquée privée",
# "ce dossier est marqué privé").
_OWN = {
    (False, Decision.SHAREABLE): msg("core.policy", "this photo is marked shareable"),
    (False, Decision.PRIVATE): msg("core.policy", "this photo is marked private"),
    (True, Decision.SHAREABLE): msg("core.policy", "this folder is marked shareable"),
    (True, Decision.PRIVATE): msg("core.policy", "this folder is marked private"),
}
_FOLDER = {
    Decision.SHAREABLE: msg("core.policy", "folder {place} is marked shareable"),
    Decision.PRIVATE: msg("core.policy", "folder {place} is marked private"),
}
_ROOT = {
    Decision.SHAREABLE: msg("core.policy", "library folder {name} is marked shareable"),
    Decision.PRIVATE: msg("core.policy", "library folder {name} is marked private"),
}
