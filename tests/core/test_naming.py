"""Export names: mirrored, safe on any disk, collision-free, deterministic."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from pellicle.core.naming import Source, assign, safe_component


def test_mirror_layout_keeps_folders_and_names() -> None:
    names = assign([Source(1, b"Holidays/2025/IMG_1.JPG", "jpeg")], {1: "Pictures"})
    assert names == {(1, b"Holidays/2025/IMG_1.JPG"): "Holidays/2025/IMG_1.JPG"}


def test_several_roots_are_prefixed_by_label() -> None:
    names = assign(
        [Source(1, b"a.jpg", "jpeg"), Source(2, b"a.jpg", "jpeg")], {1: "Phone", 2: "Camera"}
    )
    assert names == {(1, b"a.jpg"): "Phone/a.jpg", (2, b"a.jpg"): "Camera/a.jpg"}


def test_heic_becomes_jpg_and_collisions_resolve_deterministically() -> None:
    sources = [
        Source(1, b"a.heic", "heif"),
        Source(1, b"a.jpg", "jpeg"),
        Source(1, b"A.JPG", "jpeg"),
    ]
    first = assign(sources, {1: "P"})
    for _ in range(5):
        shuffled = sources[:]
        random.shuffle(shuffled)
        assert assign(shuffled, {1: "P"}) == first
    # Exactly one of the two JPEGs keeps its own name; the HEIC never takes it.
    kept = [k for k in ((1, b"a.jpg"), (1, b"A.JPG")) if first[k] == k[1].decode()]
    assert len(kept) == 1
    assert first[(1, b"a.heic")].startswith("a~")
    folded = {n.casefold() for n in first.values()}
    assert len(folded) == 3


def test_content_decides_the_suffix_not_the_name() -> None:
    names = assign([Source(1, b"fake.jpg", "png")], {1: "P"})
    assert names[(1, b"fake.jpg")] == "fake.png"


def test_opaque_names_reveal_nothing() -> None:
    names = assign(
        [Source(1, b"Family/2019-07-14 Jane birthday.jpg", "jpeg")],
        {1: "P"},
        opaque=True,
        secret=b"k" * 32,
    )
    name = names[(1, b"Family/2019-07-14 Jane birthday.jpg")]
    assert "/" not in name and "Jane" not in name and "2019" not in name
    assert name.endswith(".jpg")


def test_unsafe_components_are_made_portable() -> None:
    assert safe_component(b"..") == "_"
    assert safe_component(b"con.jpg") == "con_.jpg"
    assert safe_component(b"a\nb.jpg") == "a_b.jpg"
    assert safe_component(b"caf\xe9.jpg") == "caf_.jpg"
    assert len(safe_component(b"x" * 400).encode()) <= 200


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from([1, 2]),
            st.lists(
                st.sampled_from([b"a", b"A", b"b", b"\xc3\xa9", b"e\xcc\x81", b".."]),
                min_size=1,
                max_size=3,
            ),
            st.sampled_from([b".jpg", b".JPG", b".heic", b".png"]),
        ),
        max_size=12,
    )
)
def test_names_are_unique_even_on_case_insensitive_disks(
    raw: list[tuple[int, list[bytes], bytes]],
) -> None:
    fmt = {b".jpg": "jpeg", b".JPG": "jpeg", b".heic": "heif", b".png": "png"}
    sources = {
        (rid, b"/".join(parts) + ext): Source(rid, b"/".join(parts) + ext, fmt[ext])
        for rid, parts, ext in raw
    }
    names = assign(sources.values(), {1: "One", 2: "Two"})
    assert len(names) == len(sources)
    import unicodedata

    folded = {unicodedata.normalize("NFC", n).casefold() for n in names.values()}
    assert len(folded) == len(names)
    for name in names.values():
        assert all(part not in ("", ".", "..") for part in name.split("/"))
