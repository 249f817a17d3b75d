"""The index room's contract with the decisions room.

`Index.scan` hands an unchanged file's facts on as the very same object,
and the verdict cache in `decisions` keys on that identity: an unchanged
photo is not decided again, a changed one always is. If the scan ever
built new objects for unchanged files, syncs would cost the whole library;
if it reused an object for a changed file, a photo could keep a stale
verdict. Both directions are held here, at the API.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pellicle.core import policy as policy_mod
from pellicle.core.demo import write_photo
from pellicle.core.engine import Engine


def test_an_unchanged_file_keeps_its_facts_object_and_a_changed_one_gets_a_new_one(
    engine: Engine, library: Path
) -> None:
    write_photo(library / "a.jpg", "jpeg", seed=1)
    write_photo(library / "b.jpg", "jpeg", seed=2)
    roots = engine.roots()
    first = engine.index.scan(roots, scan=True, cached=True)
    rid = roots[0].id
    a1, b1 = first.index[rid][b"a.jpg"], first.index[rid][b"b.jpg"]
    write_photo(library / "b.jpg", "jpeg", seed=3, width=70)  # edited
    second = engine.index.scan(roots, scan=True, cached=True)
    assert second.index[rid][b"a.jpg"] is a1
    assert second.index[rid][b"b.jpg"] is not b1
    assert second.changed[rid] == {b"b.jpg"}
    # A partial rescan of another folder hands every fact on untouched.
    (library / "x").mkdir()
    third = engine.index.scan(roots, scan=True, cached=True, under={rid: [b"x"]})
    assert third.index[rid][b"a.jpg"] is a1


def test_only_photos_with_new_facts_are_decided_again(
    engine: Engine, library: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(5):
        write_photo(library / f"p{i}.jpg", "jpeg", seed=i)
    engine.sync()
    decided: list[bytes] = []
    real = policy_mod.Policy.decide

    def counting(self: policy_mod.Policy, root_id: int, rel: bytes, *args: object,
                 **kwargs: object) -> policy_mod.Verdict:  # fmt: skip
        decided.append(rel)
        return real(self, root_id, rel, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(policy_mod.Policy, "decide", counting)
    engine.sync(changed=[str(library / "p0.jpg")])
    assert decided == []
    write_photo(library / "p3.jpg", "jpeg", seed=30, width=80)
    engine.sync(changed=[str(library / "p3.jpg")])
    assert decided == [b"p3.jpg"]
