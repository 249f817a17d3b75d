"""The sync planner, property-tested: applying a plan yields the desired set.

A tiny simulated export folder applies the plan's actions; whatever the
starting manifest, the result must equal the desired set, removals must all
come before writes, and an export already in sync must plan nothing.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pellicle.core.plan import Exported, Wanted, make_plan

KEYS = [(r, f"{i}".encode()) for r in (1, 2) for i in range(6)]
NAMES = ["a.jpg", "b.jpg", "c/d.jpg", "e.png", "f.jpg", "g.gif"]


@st.composite
def wanted_sets(draw: st.DrawFn) -> list[Wanted]:
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=8))
    names = (
        draw(st.lists(st.sampled_from(NAMES), unique=True, min_size=len(keys), max_size=len(keys)))
        if len(keys) <= len(NAMES)
        else NAMES
    )
    out = []
    for key, name in zip(keys, names, strict=False):
        out.append(
            Wanted(
                key,
                f"{key[0]}/{name}",
                "jpeg",
                draw(st.integers(1, 3)),
                draw(st.integers(1, 3)),
                7,
                draw(st.sampled_from(["o1", "o2"])),
            )
        )
    return out


@st.composite
def manifests(draw: st.DrawFn) -> list[Exported]:
    keys = draw(st.lists(st.sampled_from(KEYS), unique=True, max_size=8))
    names = (
        draw(st.lists(st.sampled_from(NAMES), unique=True, min_size=len(keys), max_size=len(keys)))
        if len(keys) <= len(NAMES)
        else NAMES
    )
    return [
        Exported(
            key,
            f"{key[0]}/{name}",
            draw(st.integers(1, 3)),
            draw(st.integers(1, 3)),
            7,
            draw(st.sampled_from(["o1", "o2"])),
            draw(st.booleans()),
        )
        for key, name in zip(keys, names, strict=False)
    ]


def simulate(manifest: list[Exported], wanted: list[Wanted], paused: frozenset[int]) -> None:
    plan = make_plan(wanted, manifest, paused_roots=paused)
    state = {e.export_rel: (e.key, e.src_size, e.src_mtime_ns, e.options) for e in manifest}
    kinds = [a.kind for a in plan.actions]
    assert kinds == sorted(kinds, key=lambda k: k != "remove"), "removals must come first"
    for action in plan.removals:
        assert action.export_rel in state
        del state[action.export_rel]
    for action in plan.writes:
        w = action.wanted
        assert w is not None
        if action.kind == "add":
            assert w.export_rel not in state, "an add never overwrites"
        state[w.export_rel] = (w.key, w.src_size, w.src_mtime_ns, w.options)
    expected = {
        w.export_rel: (w.key, w.src_size, w.src_mtime_ns, w.options)
        for w in wanted
        if w.key[0] not in paused
    }
    kept = {
        e.export_rel: (e.key, e.src_size, e.src_mtime_ns, e.options)
        for e in manifest
        if e.key[0] in paused
    }
    assert state == {**expected, **kept}


@settings(max_examples=400, deadline=None)
@given(wanted_sets(), manifests(), st.sampled_from([frozenset(), frozenset({2})]))
def test_applying_the_plan_gives_exactly_the_desired_export(
    wanted: list[Wanted], manifest: list[Exported], paused: frozenset[int]
) -> None:
    # A manifest entry and a wanted entry may not claim one export path for
    # different photos unless the manifest entry is being removed; the engine
    # guarantees unique names among wanted, and the planner removes first.
    simulate(manifest, wanted, paused)


@settings(max_examples=200, deadline=None)
@given(wanted_sets())
def test_an_export_in_sync_plans_nothing(wanted: list[Wanted]) -> None:
    manifest = [
        Exported(w.key, w.export_rel, w.src_size, w.src_mtime_ns, w.src_ino, w.options, True)
        for w in wanted
    ]
    assert not make_plan(wanted, manifest)


def test_altered_copy_is_rewritten_and_private_removed_first() -> None:
    w = Wanted((1, b"a"), "a.jpg", "jpeg", 1, 1, 1, "o")
    manifest = [
        Exported((1, b"a"), "a.jpg", 1, 1, 1, "o", intact=False),
        Exported((1, b"z"), "z.jpg", 1, 1, 1, "o"),
    ]
    plan = make_plan([w], manifest, removal_reasons={(1, b"z"): "private: marked"})
    assert [(a.kind, a.export_rel, a.reason) for a in plan.actions] == [
        ("remove", "z.jpg", "private: marked"),
        ("update", "a.jpg", "exported copy was altered or removed"),
    ]
