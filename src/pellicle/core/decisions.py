"""Decisions: every indexed photo's verdict under the current rules.

This room turns the index and the rules into verdicts: it builds the
`Policy`, hashes the few files that could be copies of a private photo
(only those of a private photo's size), and keeps the verdicts between
syncs, deciding again only what a change can reach: photos whose facts are
new objects (see the identity contract in `index`), links, and photos under
a changed rule. A photo that cannot be compared with the private photos
stays private and is hashed again at every sync.

A Live Photo (a still and its short video, see `livephoto`) is one photo
for rules: the video takes the still's decision, and is shareable only when
the person asked for Live Photo videos to be exported with their stills.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from pellicle.core.index import Index, Scanned
from pellicle.core.livephoto import content_identifier, pair_live_photos
from pellicle.core.plan import Key
from pellicle.core.policy import Decision, Policy, Rule, Target, Verdict
from pellicle.core.roots import Root, locate, root_names
from pellicle.core.scan import FileFacts, FolderFacts, safe_fingerprint
from pellicle.core.store import decode_rel
from pellicle.core.words import msg


@dataclass
class LibraryState:
    """A consistent picture of the library for one operation."""

    roots: list[Root]
    index: dict[int, dict[bytes, FileFacts]]
    folders: dict[int, dict[bytes, FolderFacts]]
    policy: Policy
    verdicts: dict[Key, Verdict]
    online: set[int]
    #: Photos whose facts or decision changed in this operation; None when
    #: everything must be considered (no earlier verdicts to compare with).
    dirty: set[Key] | None = None


#: A policy's rules as the cache compares them: place rules, sticky private
#: rules, root names.
_Rules = tuple[frozenset[Rule], frozenset[Rule], frozenset[tuple[int, str]]]


class Decisions:
    """Verdicts for the whole index, kept between operations."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.forget()

    def forget(self) -> None:
        """Drop every kept verdict (the index they were made from is gone)."""
        self.rules: _Rules | None = None
        #: The fingerprint sizes every kept photo was checked against.
        self.hashed_sizes: set[int] | None = None
        #: Photos of those sizes that could not be hashed: retried every sync.
        self.unhashed: set[Key] = set()
        self.verdicts: dict[Key, Verdict] = {}
        #: The facts each verdict was decided from: a new object means redo it.
        self.decided_from: dict[Key, FileFacts] = {}
        #: Per root, Live Photo videos and their stills (video rel -> still
        #: rel), and how many files the root had when they were found.
        self.live: dict[int, dict[bytes, bytes]] = {}
        self._live_sizes: dict[int, int] = {}
        #: Content identifiers read, by (root, rel, size, mtime).
        self._identifiers: dict[tuple[int, bytes, int, int], str | None] = {}

    @staticmethod
    def policy(rules: list[Rule], roots: list[Root]) -> Policy:
        return Policy(rules, root_names(roots))

    def decide(
        self,
        roots: list[Root],
        scanned: Scanned,
        rules: list[Rule],
        *,
        cached: bool,
        live_videos: bool = False,
    ) -> LibraryState:
        """Verdicts for `scanned`. With `cached`, only what changed since the
        last call is decided again and what is learnt is written back; without
        it everything is decided and nothing is kept (a read-only look).
        `live_videos`: Live Photo videos are exported with shareable stills."""
        index = scanned.index
        before = {rid: set(pairs) for rid, pairs in self.live.items()}
        policy = _LivePolicy(
            rules, root_names(roots), self._pairs(roots, scanned, cached=cached), live_videos
        )
        # Videos that were Live Photo videos and are no longer (the still was
        # renamed or deleted) are decided again too.
        policy.was_live = before
        sizes = policy.sizes_needing_fingerprint()
        if cached and scanned.reloaded:
            self.hashed_sizes = None  # photos this process never looked at
        if cached and self.hashed_sizes == sizes:
            # Every kept photo of these sizes was looked at already: only what
            # the scans found new or changed can need a fingerprint, and what
            # could not be hashed before is tried again (it stays private
            # until it can be compared).
            only = {rid: set(rels) for rid, rels in scanned.changed.items()}
            for rid, rel in self.unhashed:
                only.setdefault(rid, set()).add(rel)
            self.unhashed = self._fingerprints(roots, index, sizes, write=True, only=only)
        else:
            failed = self._fingerprints(roots, index, sizes, write=cached)
            if cached:
                self.hashed_sizes = sizes
                self.unhashed = failed
        if not cached:
            verdicts = _all_verdicts(roots, index, policy)
            return LibraryState(roots, index, scanned.folders, policy, verdicts, scanned.online)
        verdicts, dirty = self._cached_verdicts(roots, index, policy)
        return LibraryState(roots, index, scanned.folders, policy, verdicts, scanned.online, dirty)

    def _pairs(
        self, roots: list[Root], scanned: Scanned, *, cached: bool
    ) -> dict[int, dict[bytes, bytes]]:
        """Live Photo pairs per root, found again only where files were added,
        changed or removed since the last time."""
        paths = {r.id: r.path for r in roots}
        found: dict[int, dict[bytes, bytes]] = {}
        for rid, files in scanned.index.items():
            known = self.live.get(rid) if cached else None
            if (
                known is not None
                and not scanned.changed.get(rid)
                and self._live_sizes.get(rid) == len(files)
            ):
                found[rid] = known
                continue

            def identifier(
                rel: bytes, rid: int = rid, files: Mapping[bytes, FileFacts] = files
            ) -> str | None:
                facts = files[rel]
                key = (rid, rel, facts.size, facts.mtime_ns)
                if key not in self._identifiers:
                    path = os.path.join(paths[rid], decode_rel(rel))
                    self._identifiers[key] = content_identifier(path)
                return self._identifiers[key]

            pairs = pair_live_photos(
                ((rel, facts.fmt) for rel, facts in files.items() if facts.kind == "file"),
                identifier=identifier,
            )
            found[rid] = {video: pair.still for video, pair in pairs.items()}
            if cached:
                self.live[rid] = found[rid]
                self._live_sizes[rid] = len(files)
        return found

    def _cached_verdicts(
        self, roots: list[Root], index: dict[int, dict[bytes, FileFacts]], policy: Policy
    ) -> tuple[dict[Key, Verdict], set[Key] | None]:
        """Decide only what changed since the kept verdicts were made."""
        rules = (
            frozenset(policy.rules.values()),
            frozenset([*policy.private_fingerprints.values(), *policy.unknown_private.values()]),
            frozenset(policy.root_names.items()),
        )
        touched: _RuleReach | None = None
        if self.rules != rules:
            old = self.verdicts
            if old and self.rules is not None:
                touched = _RuleReach.between(self.rules, rules)
            self.rules = rules
            if touched is None:
                verdicts = _all_verdicts(roots, index, policy)
                self.verdicts = verdicts
                # Keyed by the verdicts' own key tuples: one tuple per photo,
                # not two (5 MB at 100,000 photos).
                self.decided_from = {key: index[key[0]][key[1]] for key in verdicts}
                if not old:
                    return verdicts, None
                changed = {k for k, v in verdicts.items() if old.get(k) != v}
                changed.update(k for k in old if k not in verdicts)
                return verdicts, changed
        # Only photos whose facts changed, links (their targets' verdicts may
        # have moved) and photos a changed rule can reach are decided again:
        # a rule change costs the photos under it, not the library.
        verdicts = self.verdicts
        decided = self.decided_from
        dirty: set[Key] = set()
        seen = 0
        live = policy.live if isinstance(policy, _LivePolicy) else {}
        was = policy.was_live if isinstance(policy, _LivePolicy) else {}
        for rid, files in index.items():
            reaches = None if touched is None else touched.in_root(rid)
            videos = live.get(rid, {}).keys() | was.get(rid, set())
            for rel, facts in files.items():
                seen += 1
                key = (rid, rel)
                # Links and Live Photo videos follow another photo's verdict:
                # they are decided again every time (there are few).
                if (
                    decided.get(key) is facts
                    and facts.kind != "link"
                    and rel not in videos
                    and (reaches is None or not reaches(rel, facts))
                ):
                    continue
                verdict = _verdict(rid, rel, facts, roots, index, policy)
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

    def _fingerprints(
        self,
        roots: list[Root],
        index: dict[int, dict[bytes, FileFacts]],
        sizes: set[int],
        *,
        write: bool,
        only: dict[int, set[bytes]] | None = None,
    ) -> set[Key]:
        """Hash only files whose size matches an explicitly private photo
        (with `only`, only those of these files; the rest were looked at).

        Returns the photos that could not be hashed: they keep no
        fingerprint, so the policy keeps them private ("could not be
        compared"), and the caller tries them again at the next sync.
        """
        failed: set[Key] = set()
        if not sizes:
            return failed
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
                if facts.size not in sizes or facts.fingerprint is not None:
                    continue
                if facts.problem == "broken link":
                    failed.add((rid, rel))
                    continue
                source = (
                    os.fsdecode(facts.target)
                    if facts.kind == "link" and facts.target
                    else os.path.join(paths[rid], decode_rel(rel))
                )
                fp = safe_fingerprint(source)
                if fp is None:
                    failed.add((rid, rel))
                    continue
                files[rel] = dataclasses.replace(facts, fingerprint=fp)
                found.append((fp, rid, rel))
        if write:
            self.index.record_fingerprints(found)
        return failed


def _all_verdicts(
    roots: list[Root], index: dict[int, dict[bytes, FileFacts]], policy: Policy
) -> dict[Key, Verdict]:
    return {
        (rid, rel): _verdict(rid, rel, facts, roots, index, policy)
        for rid, files in index.items()
        for rel, facts in files.items()
    }


def _verdict(
    rid: int,
    rel: bytes,
    facts: FileFacts,
    roots: list[Root],
    index: dict[int, dict[bytes, FileFacts]],
    policy: Policy,
) -> Verdict:
    if facts.kind == "link":
        return link_verdict(facts, roots, index, policy)
    if isinstance(policy, _LivePolicy):
        still = policy.live.get(rid, {}).get(rel)
        if still is not None and still in index.get(rid, {}):
            return policy.live_verdict(rid, rel, facts, still, index[rid][still])
    return policy.decide(rid, rel, facts.fingerprint, size=facts.size)


class _LivePolicy(Policy):
    """The policy, knowing which videos are Live Photo videos."""

    def __init__(
        self,
        rules: list[Rule],
        names: Mapping[int, str],
        live: dict[int, dict[bytes, bytes]],
        export_videos: bool,
    ) -> None:
        super().__init__(rules, names)
        self.live = live
        self.export_videos = export_videos
        self.was_live: dict[int, set[bytes]] = {}

    def live_verdict(
        self, rid: int, video_rel: bytes, video: FileFacts, still_rel: bytes, still: FileFacts
    ) -> Verdict:
        """A Live Photo video's verdict: its still's, unless the video is
        private by itself (its own private rule, or it is or might be a copy
        of a private photo), and shareable only when Live Photo videos are
        exported."""
        own = self.rules.get((rid, video_rel))
        if own is not None and own.target is Target.FILE and own.decision is Decision.PRIVATE:
            return self.by_place(rid, video_rel)
        copy = self.copy_verdict(rid, video_rel, video.fingerprint, size=video.size)
        if copy is not None:
            return copy
        verdict = self.decide(rid, still_rel, still.fingerprint, size=still.size)
        name = self.where(rid, still_rel)
        if not verdict.shareable:
            return Verdict(
                Decision.PRIVATE,
                msg(
                    "core.decisions",
                    "it is the video of the Live Photo {name}, which is private: {reason}",
                ).format(name=name, reason=verdict.reason),
                verdict.rule,
                verdict.copy_of,
            )
        if not self.export_videos:
            return Verdict(
                Decision.PRIVATE,
                msg(
                    "core.decisions",
                    "it is the video of the Live Photo {name}; Live Photo videos are not "
                    "exported (Settings: Include Live Photo videos)",
                ).format(name=name),
                verdict.rule,
            )
        return Verdict(
            Decision.SHAREABLE,
            msg("core.decisions", "it is the video of the Live Photo {name}, and {reason}").format(
                name=name, reason=verdict.reason
            ),
            verdict.rule,
        )


def link_verdict(
    facts: FileFacts,
    roots: list[Root],
    index: dict[int, dict[bytes, FileFacts]],
    policy: Policy,
) -> Verdict:
    """A link is judged by its target's decision; one leading out of the
    library is private."""
    found = locate(os.fsdecode(facts.target or b""), roots)
    if found is None:
        return Verdict(
            Decision.PRIVATE, msg("core.decisions", "it is a link to a file outside the library")
        )
    troot, trel = found.root, found.rel
    tfacts = index.get(troot.id, {}).get(trel)
    source = tfacts or facts
    verdict = policy.decide(troot.id, trel, source.fingerprint, size=source.size)
    return Verdict(
        verdict.decision,
        msg("core.decisions", "it is a link to {place}, and {reason}").format(
            place=policy.where(troot.id, trel), reason=verdict.reason
        ),
        verdict.rule,
        verdict.copy_of,
    )


@dataclass(frozen=True)
class _RuleReach:
    """The photos a change of rules can have decided differently.

    A folder rule decides what lies under its folder, a file rule its own
    photo, and a private file rule also every photo of its size (sticky
    private: an exact copy has the same size, and a photo of that size that
    cannot be compared stays private). Rules that were added, removed or
    changed in any field (a rule going missing included) are compared; a
    change of root names rewords every explanation, so it is not narrowed
    (None).
    """

    folders: dict[int, tuple[bytes, ...]]
    files: dict[int, frozenset[bytes]]
    sizes: frozenset[int]

    @staticmethod
    def between(old: _Rules, new: _Rules) -> _RuleReach | None:
        if old[2] != new[2]:
            return None
        folders: dict[int, list[bytes]] = {}
        files: dict[int, set[bytes]] = {}
        sizes: set[int] = set()
        for rule in (old[0] ^ new[0]) | (old[1] ^ new[1]):
            if rule.target is Target.FOLDER:
                folders.setdefault(rule.root_id, []).append(rule.rel + b"/" if rule.rel else b"")
            else:
                files.setdefault(rule.root_id, set()).add(rule.rel)
                if rule.decision is Decision.PRIVATE and rule.size is not None:
                    sizes.add(rule.size)
        return _RuleReach(
            {rid: tuple(prefixes) for rid, prefixes in folders.items()},
            {rid: frozenset(rels) for rid, rels in files.items()},
            frozenset(sizes),
        )

    def in_root(self, rid: int) -> Callable[[bytes, FileFacts], bool]:
        """Whether a photo of root `rid` is within reach of the change."""
        prefixes = self.folders.get(rid, ())
        own = self.files.get(rid, frozenset())
        sizes = self.sizes

        def reaches(rel: bytes, facts: FileFacts) -> bool:
            return (
                rel in own or (bool(prefixes) and rel.startswith(prefixes)) or facts.size in sizes
            )

        return reaches
