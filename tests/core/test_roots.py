"""`locate`: the one answer to "which root holds this path"."""

from __future__ import annotations

from pellicle.core.roots import Root, inside, locate

ROOTS = [Root(1, "/photos", "photos", "online"), Root(2, "/photos-old", "old", "offline")]


def test_root_itself_is_rel_empty() -> None:
    found = locate("/photos", ROOTS)
    assert found is not None and found.root.id == 1 and found.rel == b""


def test_sibling_sharing_a_prefix_is_not_inside() -> None:
    found = locate("/photos-old/a.jpg", ROOTS)
    assert found is not None and found.root.id == 2 and found.rel == b"a.jpg"
    assert locate("/photosX/a.jpg", ROOTS) is None
    assert not inside("/photos-old", "/photos")


def test_nested_path_and_non_utf8_bytes() -> None:
    found = locate("/photos/2025/caf\udce9.jpg", ROOTS)
    assert found is not None and found.rel == b"2025/caf\xe9.jpg"


def test_outside_every_root() -> None:
    assert locate("/elsewhere/a.jpg", ROOTS) is None
    assert locate("/", ROOTS) is None
