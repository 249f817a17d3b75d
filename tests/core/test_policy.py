"""Decisions against a small reference model, with hypothesis.

The model states DESIGN.md's rules as plainly as possible: the nearest
explicit rule on the way up wins, no rule means private, and an exact copy
of a photo with an explicit file-level PRIVATE rule is private wherever it
lies. The real `Policy` must agree with it on random trees.
"""

from __future__ import annotations

import hashlib

from hypothesis import given, settings
from hypothesis import strategies as st

from pellicle.core.policy import Decision, Policy, Rule, Target, parents

FOLDERS = [b"", b"a", b"a/b", b"a/b/c", b"d", b"d/e"]
NAMES = [b"1.jpg", b"2.jpg", b"3.png"]
CONTENTS = [b"alpha", b"beta", b"gamma-longer", b"delta"]


def fp(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


@st.composite
def worlds(draw: st.DrawFn) -> tuple[dict[bytes, bytes], list[Rule]]:
    files: dict[bytes, bytes] = {}
    for folder in FOLDERS:
        for name in NAMES:
            if draw(st.booleans()):
                rel = folder + b"/" + name if folder else name
                files[rel] = draw(st.sampled_from(CONTENTS))
    rules: list[Rule] = []
    for folder in FOLDERS:
        choice = draw(st.sampled_from([None, Decision.SHAREABLE, Decision.PRIVATE]))
        if choice is not None:
            rules.append(Rule(1, folder, Target.FOLDER, choice))
    for rel, content in files.items():
        choice = draw(st.sampled_from([None, None, Decision.SHAREABLE, Decision.PRIVATE]))
        if choice is not None:
            missing = draw(st.booleans()) and draw(st.booleans())
            # A rule set while its photo could not be read knows its size
            # but not its content.
            known = draw(st.integers(0, 4)) > 0
            rules.append(
                Rule(
                    1,
                    rel,
                    Target.FILE,
                    choice,
                    len(content),
                    fp(content) if known else None,
                    missing=missing,
                )
            )
    return files, rules


@st.composite
def worlds_with_unreadable(
    draw: st.DrawFn,
) -> tuple[dict[bytes, bytes], list[Rule], set[bytes]]:
    files, rules = draw(worlds())
    unreadable = {rel for rel in files if draw(st.integers(0, 5)) == 0}
    return files, rules, unreadable


def model(
    rel: bytes,
    files: dict[bytes, bytes],
    rules: list[Rule],
    unreadable: frozenset[bytes] = frozenset(),
) -> Decision:
    # Missing rules lost their object: they decide nothing by place, but a
    # missing private photo's content stays sticky.
    by_rel = {r.rel: r for r in rules if not r.missing}
    private = [r for r in rules if r.target is Target.FILE and r.decision is Decision.PRIVATE]
    sticky = {r.fingerprint for r in private if r.fingerprint is not None}
    if fp(files[rel]) in sticky and rel not in unreadable:
        return Decision.PRIVATE
    # Fail closed: a photo that might be a copy of a private photo (same
    # size) and cannot be compared (it, or that private photo, cannot be
    # read) is private.
    size = len(files[rel])
    if any(r.size == size and (rel in unreadable or r.fingerprint is None) for r in private):
        return Decision.PRIVATE
    own = by_rel.get(rel)
    if own is not None and own.target is Target.FILE:
        return own.decision
    for folder in parents(rel):
        rule = by_rel.get(folder)
        if rule is not None and rule.target is Target.FOLDER:
            return rule.decision
    return Decision.PRIVATE


@settings(max_examples=400, deadline=None)
@given(worlds_with_unreadable())
def test_policy_agrees_with_the_reference_model(
    world: tuple[dict[bytes, bytes], list[Rule], set[bytes]],
) -> None:
    files, rules, unreadable = world
    policy = Policy(rules, {1: "Pictures"})
    sizes = policy.sizes_needing_fingerprint()
    for rel, content in files.items():
        # The size prefilter: only files of a private photo's size are
        # hashed, and an unreadable one gets no fingerprint.
        given_fp = fp(content) if len(content) in sizes and rel not in unreadable else None
        verdict = policy.decide(1, rel, given_fp, size=len(content))
        expected = model(rel, files, rules, frozenset(unreadable))
        assert verdict.decision is expected, (rel, verdict)
        assert verdict.reason


@settings(max_examples=200, deadline=None)
@given(worlds())
def test_every_decision_is_explained_by_the_rule_that_made_it(
    world: tuple[dict[bytes, bytes], list[Rule]],
) -> None:
    files, rules = world
    policy = Policy(rules, {1: "Pictures"})
    for rel, content in files.items():
        verdict = policy.decide(1, rel, fp(content), size=len(content))
        if verdict.rule is None:
            assert verdict.decision is Decision.PRIVATE
            assert "default" in verdict.reason or "could not be compared" in verdict.reason
        elif verdict.copy_of is not None:
            assert verdict.copy_of[1] in files or verdict.rule.missing
            assert "copy" in verdict.reason or (
                "could not be compared" in verdict.reason and verdict.rule.fingerprint is None
            )
        else:
            assert verdict.rule.decision is verdict.decision
            assert verdict.decision.value in verdict.reason


def test_explanations_name_the_folder() -> None:
    rules = [
        Rule(1, b"Holidays/2025", Target.FOLDER, Decision.SHAREABLE),
        Rule(1, b"Holidays/2025/kid.jpg", Target.FILE, Decision.PRIVATE, 5, fp(b"kiddo")),
    ]
    policy = Policy(rules, {1: "Pictures"})
    assert (
        policy.decide(1, b"Holidays/2025/sea.jpg", size=None).sentence()
        == "shareable: folder Holidays/2025 is marked shareable"
    )
    assert policy.decide(1, b"Holidays/2025/kid.jpg", size=None).sentence() == (
        "private: this photo is marked private"
    )
    copy = policy.decide(1, b"Holidays/2025/copy.jpg", fp(b"kiddo"), size=5)
    assert copy.sentence() == (
        "private: it is an exact copy of Holidays/2025/kid.jpg, which is marked private"
    )
    assert policy.decide(1, b"Other/x.jpg", size=None).decision is Decision.PRIVATE


def test_folder_rules_do_not_spread_by_content() -> None:
    rules = [Rule(1, b"Private", Target.FOLDER, Decision.PRIVATE)]
    policy = Policy(rules, {1: "Pictures"})
    assert policy.sizes_needing_fingerprint() == set()
    assert policy.decide(1, b"Private/a.jpg", size=None).decision is Decision.PRIVATE


def test_shareable_file_rule_loses_to_a_private_copy() -> None:
    rules = [
        Rule(1, b"a.jpg", Target.FILE, Decision.PRIVATE, 5, fp(b"same!")),
        Rule(1, b"b.jpg", Target.FILE, Decision.SHAREABLE, 5, fp(b"same!")),
    ]
    policy = Policy(rules, {1: "Pictures"})
    assert policy.decide(1, b"b.jpg", fp(b"same!"), size=5).decision is Decision.PRIVATE


def test_photo_own_rule_is_only_the_photos_own_file_rule() -> None:
    secret = fp(b"alpha")
    policy = Policy(
        [
            Rule(1, b"a", Target.FOLDER, Decision.SHAREABLE),
            Rule(1, b"a/1.jpg", Target.FILE, Decision.PRIVATE, size=5, fingerprint=secret),
            Rule(1, b"a/2.jpg", Target.FILE, Decision.SHAREABLE),
        ],
        {1: "lib"},
    )
    own = policy.decide(1, b"a/1.jpg", secret, size=5)
    assert own.photo_own_rule and own.decision is Decision.PRIVATE
    assert policy.decide(1, b"a/2.jpg", None, size=None).photo_own_rule
    inherited = policy.decide(1, b"a/3.jpg", None, size=None)
    assert inherited.shareable and not inherited.photo_own_rule
    assert not policy.decide(1, b"d/1.jpg", None, size=None).photo_own_rule  # the default
    # An exact copy is private by the other photo's rule, not its own.
    copy = policy.decide(1, b"a/4.jpg", secret, size=5)
    assert copy.copy_of == (1, b"a/1.jpg") and not copy.photo_own_rule
