"""Flatpak's permission model: parsing, the layer merge, what reaches a
folder, and the restriction's promise (no library root readable, the export
readable and not writable, everything else as it was), tried against every
combination hypothesis can draw. The same model is checked against the real
`flatpak info --file-access` in tests/e2e/test_grants_flatpak.py.
"""

from __future__ import annotations

import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pellicle.core.grants.exposure import (
    Where,
    access,
    exposures,
    mode_at,
    reaches,
    restriction,
    user_dirs,
)
from pellicle.core.grants.permissions import (
    Entry,
    Layer,
    Mode,
    Source,
    merge,
    override_with,
    parse_entry,
    parse_list,
    read_keyfile,
)

HOME = "/home/ann"
ROOT = f"{HOME}/Pictures"
EXPORT = f"{HOME}/Shared"
STATE = f"{HOME}/.local/share/pellicle"
CACHE = f"{HOME}/.cache/pellicle"
ROOT2 = "/media/disk/photos"

WHERE = Where(
    home=HOME,
    user_dirs={
        "xdg-pictures": ROOT,
        "xdg-documents": f"{HOME}/Documents",
        "xdg-download": f"{HOME}/Downloads",
        "xdg-desktop": f"{HOME}/Desktop",
        "xdg-music": HOME,  # disabled: set to $HOME
    },
    base_dirs={
        "xdg-config": f"{HOME}/.config",
        "xdg-data": f"{HOME}/.local/share",
        "xdg-cache": f"{HOME}/.cache",
    },
    runtime_dir="/run/user/1000",
    host_entries=("bin", "etc", "home", "media", "mnt", "opt", "root", "srv", "tmp", "usr", "var"),
    resolve=os.path.normpath,
    isdir=lambda path: True,
)


def table_of(*layers: Layer) -> dict[str, object]:
    return exposures(merge(layers), WHERE)  # type: ignore[return-value]


def layer(name: str, *tokens: str) -> Layer:
    entries = [parse_entry(t) for t in tokens]
    assert all(e is not None for e in entries), tokens
    return Layer(name, tuple(e for e in entries if e is not None))


# -- parsing ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("token", "location", "mode"),
    [
        ("home", "home", Mode.READ_WRITE),
        ("~", "home", Mode.READ_WRITE),
        ("home/Photos", "~/Photos", Mode.READ_WRITE),
        ("~/Photos/", "~/Photos", Mode.READ_WRITE),
        ("/a//b/./c/", "/a/b/c", Mode.READ_WRITE),
        ("/a/b/.", "/a/b", Mode.READ_WRITE),
        ("xdg-pictures:ro", "xdg-pictures", Mode.READ_ONLY),
        ("xdg-pictures/Holidays:create", "xdg-pictures/Holidays", Mode.CREATE),
        ("host:rw", "host", Mode.READ_WRITE),
        ("!home", "home", Mode.NONE),
        ("!home:ro", "home", Mode.NONE),  # suffixes mean nothing on a negation
        ("!host:reset", "host-reset", Mode.NONE),
        ("/x\\:y:ro", "/x:y", Mode.READ_ONLY),  # an escaped colon is part of the path
        ("/x:y:ro", "/x", Mode.READ_WRITE),  # an unknown suffix is ignored
        ("xdg-run/pipewire-0", "xdg-run/pipewire-0", Mode.READ_WRITE),
    ],
)
def test_parse_entry(token: str, location: str, mode: Mode) -> None:
    assert parse_entry(token) == Entry(location, mode)


@pytest.mark.parametrize(
    "token",
    ["/", "host:reset", "!home:reset", "xdg-run", "pictures", "/../etc", "/a/../b", "/a/..", ""],
)
def test_parse_entry_refuses_what_flatpak_refuses(token: str) -> None:
    assert parse_entry(token) is None


@given(
    st.sampled_from(["home", "host", "host-os", "xdg-pictures", "~/a b", "/x:y", "/p\\q"]),
    st.sampled_from(list(Mode)),
)
def test_token_round_trip(location: str, mode: Mode) -> None:
    entry = Entry(location, mode)
    token = ("!" if mode == Mode.NONE else "") + entry.token()
    assert parse_entry(token) == entry


def test_keyfile_lists_and_escapes() -> None:
    text = "# comment\n[Context]\nfilesystems=home;/a\\;b;~/x\\sy;\nsockets = x11;\n[Other]\nk=v\n"
    groups = read_keyfile(text)
    assert groups["Context"]["sockets"] == "x11;"
    assert parse_list(groups["Context"]["filesystems"]) == ["home", "/a;b", "~/x y"]
    assert parse_list("a\\qb") is None  # GKeyFile drops the whole key
    bad = Layer.from_keyfile("x", "[Context]\nfilesystems=home;\\q;\n")
    assert bad.entries == ()


def test_user_dirs_like_glib() -> None:
    text = (
        'XDG_PICTURES_DIR="$HOME/Photos"\n'
        'XDG_VIDEOS_DIR="/data/videos/"\n'
        'XDG_MUSIC_DIR="$HOMEX/no"\n'
        'XDG_DOWNLOAD_DIR="relative/no"\n'
        '  XDG_DOCUMENTS_DIR = "$HOME"\n'
    )
    dirs = user_dirs(text, HOME)
    assert dirs["xdg-pictures"] == f"{HOME}/Photos"
    assert dirs["xdg-videos"] == "/data/videos"
    assert dirs["xdg-desktop"] == f"{HOME}/Desktop"  # GLib's default
    assert "xdg-music" not in dirs and "xdg-download" not in dirs
    assert dirs["xdg-documents"] == HOME


# -- merge and exposure ----------------------------------------------------------


def test_later_layers_win_and_reset_drops_the_layers_below() -> None:
    app = layer("app metadata", "home", "xdg-download")
    user = layer("user override", "!home")
    merged = merge([app, user])
    assert merged["home"] == Source(Mode.NONE, "user override")
    assert merged["xdg-download"] == Source(Mode.READ_WRITE, "app metadata")
    reset = merge([app, layer("user override", "!host:reset", "xdg-documents")])
    assert set(reset) == {"host-reset", "host", "xdg-documents"}
    assert reset["host"].mode == Mode.NONE


def test_what_reaches_the_library() -> None:
    cases = {
        "home": True,
        "host": True,
        "xdg-pictures": True,
        "xdg-pictures/Holidays": True,  # inside the root
        "~/Pictures": True,
        f"{ROOT}/Holidays": True,
        HOME: True,
        "host-os": False,
        "host-etc": False,
        "xdg-documents": False,
        "xdg-music": False,  # set to $HOME: Flatpak ignores it
        "xdg-config": False,
        "~/Pictures-old": False,  # a sibling with a common prefix
    }
    for location, expected in cases.items():
        assert reaches(location, [ROOT], WHERE) is expected, location


def test_host_does_not_reach_root_home_or_tmp() -> None:
    where = Where(home="/root", host_entries=("home", "root", "tmp", "media"),
                  resolve=os.path.normpath, isdir=lambda p: True)  # fmt: skip
    assert not reaches("host", ["/root/Pictures"], where)
    assert not reaches("host", ["/tmp/lib"], where)
    assert reaches("host", ["/media/disk/photos"], where)
    assert reaches("host", ["/run/media/ann/disk"], where)
    assert reaches("home", ["/root/Pictures"], where)


def test_the_deepest_entry_decides_and_a_shared_subfolder_stays_visible() -> None:
    table = table_of(layer("app", "home:ro", f"!{ROOT}"))
    assert mode_at(ROOT, table) == Mode.NONE
    assert mode_at(HOME, table) == Mode.READ_ONLY
    assert not access(ROOT, table).readable
    table = table_of(layer("app", "home:ro", f"!{ROOT}", "xdg-pictures/Holidays"))
    got = access(ROOT, table)
    assert got.readable and got.through == ("xdg-pictures/Holidays",)
    assert mode_at(ROOT, table) == Mode.NONE


def test_one_path_shared_twice_gets_the_more_permissive_mode() -> None:
    table = table_of(layer("app", "xdg-pictures:ro", f"!{ROOT}"))
    assert mode_at(ROOT, table) == Mode.READ_ONLY
    assert access(ROOT, table).through == ("xdg-pictures",)


def test_withdrawing_home_does_not_hide_a_narrower_grant() -> None:
    table = table_of(layer("app", "xdg-pictures"), layer("user override", "!home"))
    assert access(ROOT, table).readable


def test_a_disabled_user_dir_shares_nothing() -> None:
    assert not access(HOME, table_of(layer("app", "xdg-music"))).readable


# -- the restriction's promise -----------------------------------------------------

LOCATIONS = [
    "home",
    "host",
    "host-os",
    "host-etc",
    "xdg-pictures",
    "xdg-pictures/Holidays",
    "xdg-documents",
    "xdg-download",
    "xdg-config/app",
    "~/Pictures",
    "~/Pictures/Holidays",
    "~/Shared",
    "~/Documents/notes",
    ROOT,
    f"{ROOT}/Holidays",
    "/media/disk",
    ROOT2,
    f"{ROOT2}/2024",
    HOME,
    EXPORT,
    "~/.cache",
    "~/.local/share",
]

entries = st.builds(
    Entry,
    st.sampled_from(LOCATIONS),
    st.sampled_from(list(Mode)),
)
resets = st.lists(st.just(Entry("host-reset", Mode.NONE)), max_size=1)
layers = st.builds(lambda a, b: (*b, *a), st.lists(entries, max_size=5), resets)


@settings(max_examples=400, deadline=None)
@given(
    app=st.lists(entries, max_size=6),
    system=layers,
    user_global=layers,
    own=layers,
)
def test_restriction_hides_the_library_and_keeps_the_rest(
    app: list[Entry],
    system: tuple[Entry, ...],
    user_global: tuple[Entry, ...],
    own: tuple[Entry, ...],
) -> None:
    below_layers = [
        Layer("app metadata", tuple(app)),
        Layer("system override", tuple(system)),
        Layer("user global override", tuple(user_global)),
    ]
    own_layer = Layer("user override", tuple(own))
    below = merge(below_layers)
    roots = [ROOT, ROOT2]
    added = restriction(below, own_layer.table(), roots, [STATE, CACHE], EXPORT, WHERE)
    after = override_with(own_layer, added)
    table = exposures(merge([*below_layers, after]), WHERE)
    for place in (ROOT, f"{ROOT}/Holidays", ROOT2, STATE, CACHE):
        assert not access(place, table).readable, (place, added)
    export = access(EXPORT, table)
    assert export.readable and not export.writable
    assert mode_at(EXPORT, table) == Mode.READ_ONLY
    # Everything that does not reach the library is as it was.
    before = merge([*below_layers, own_layer])
    now = merge([*below_layers, after])
    for location, source in before.items():
        if location in ("host-reset", "host") or source.mode == Mode.NONE:
            continue
        if not reaches(location, [*roots, EXPORT], WHERE):
            assert now[location].mode == source.mode, location
    # Restricting again changes nothing more.
    again = restriction(below, after.table(), roots, [STATE, CACHE], EXPORT, WHERE)
    assert override_with(after, again).table() == after.table()


def test_restriction_of_a_typical_app() -> None:
    app = layer("app metadata", "home", "xdg-config/gimp:ro", "!~/.ssh")
    below = merge([app])
    added = restriction(below, {}, [ROOT], [STATE, CACHE], EXPORT, WHERE)
    options = [e.option() for e in added]
    assert options[0] == "--nofilesystem=host:reset"
    assert "--nofilesystem=home" in options
    assert "--filesystem=xdg-config/gimp:ro" in options
    assert "--nofilesystem=~/.ssh" in options  # what was hidden stays hidden
    assert f"--nofilesystem={ROOT}" in options
    assert f"--filesystem={EXPORT}:ro" in options
