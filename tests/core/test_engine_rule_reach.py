"""A rule change re-decides only the photos it can reach, and nothing else
changes: a long-lived engine's cached decisions (explanations included)
always equal those of a fresh engine that decides everything again."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pellicle.core.policy as policy_mod
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine
from pellicle.core.errors import UserError
from pellicle.core.paths import Locations

FOLDERS = ["", "A", "A/x", "A/x/deep", "B", "Bee"]  # "Bee" is not under "B"


def _library(lib: Path) -> list[str]:
    rels = []
    for i, folder in enumerate(FOLDERS):
        for j in range(2):
            rel = f"{folder}/p{i}{j}.jpg" if folder else f"p{i}{j}.jpg"
            (lib / rel).parent.mkdir(parents=True, exist_ok=True)
            write_photo(lib / rel, "jpeg", seed=10 * i + j, width=16, height=16)
            rels.append(rel)
    # Exact copies in other folders: a private rule on one reaches them.
    for source, copy in (("A/x/p20.jpg", "B/copy.jpg"), ("p00.jpg", "Bee/copy.jpg")):
        shutil.copyfile(lib / source, lib / copy)
        rels.append(copy)
    return rels


targets = st.sampled_from(
    [f"{f}/p{i}{j}.jpg" if f else f"p{i}{j}.jpg" for i, f in enumerate(FOLDERS) for j in (0, 1)]
    + ["B/copy.jpg", "Bee/copy.jpg"]
    + [f for f in FOLDERS if f]
    + ["."]
)
steps = st.lists(
    st.tuples(st.sampled_from(["share", "private", "clear"]), targets), min_size=1, max_size=10
)


@contextmanager
def _synced_engine() -> Iterator[tuple[Engine, Path, Locations]]:
    """An engine on a fresh copy of the library, synced once."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        lib = base / "lib"
        _library(lib)
        loc = Locations(base / "h" / "c", base / "h" / "d", base / "h" / "k")
        with Engine(loc) as engine:
            engine.init([str(lib)], str(base / "export"))
            engine.sync()
            yield engine, lib, loc


def _decisions(engine: Engine) -> dict[bytes, tuple[str, str]]:
    return {facts.rel: (v.decision.value, v.reason) for _root, facts, v in engine.photos()}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_cached_decisions_equal_fresh_ones_after_every_rule_change(
    changes: list[tuple[str, str]],
) -> None:
    with _synced_engine() as (engine, lib, loc):
        for verb, target in changes:
            path = str(lib) if target == "." else str(lib / target)
            if verb == "clear":
                try:
                    engine.clear([path])
                except UserError:  # no rule there: refused, nothing changed
                    pass
            else:
                getattr(engine, verb)([path])
            engine.sync(changed=[])
            with Engine(loc) as fresh:
                assert _decisions(engine) == _decisions(fresh), (verb, target)


def test_a_rule_change_decides_only_the_photos_under_it(monkeypatch: pytest.MonkeyPatch) -> None:
    with _synced_engine() as (engine, lib, _loc):
        decided: list[bytes] = []
        real = policy_mod.Policy.decide

        def counting(
            self: policy_mod.Policy,
            root_id: int,
            rel: bytes,
            fingerprint: str | None = None,
            *,
            size: int | None,
        ) -> policy_mod.Verdict:
            decided.append(rel)
            return real(self, root_id, rel, fingerprint, size=size)

        monkeypatch.setattr(policy_mod.Policy, "decide", counting)
        engine.share([str(lib / "A/x")])
        engine.sync(changed=[])
        assert sorted(decided) == [
            b"A/x/deep/p30.jpg",
            b"A/x/deep/p31.jpg",
            b"A/x/p20.jpg",
            b"A/x/p21.jpg",
        ]
        decided.clear()
        # Private on a photo with a copy elsewhere: it and its copy.
        engine.private([str(lib / "A/x/p20.jpg")])
        engine.sync(changed=[])
        assert b"A/x/p20.jpg" in decided and b"B/copy.jpg" in decided
        # Besides those, only photos of the same size, which were hashed
        # now to learn whether they are copies (their facts changed).
        size = (lib / "A/x/p20.jpg").stat().st_size
        others = {rel for rel in decided if (lib / rel.decode()).stat().st_size != size}
        assert others == set(), others
        assert {p.name for p in Path(engine.export_dir).rglob("*.jpg")} == {
            "p21.jpg",
            "p30.jpg",
            "p31.jpg",
        }
