"""The grant, end to end, with the real flatpak and bwrap commands.

Apps granted `home`, `host`, `xdg-pictures` and an explicit path inside the
library can read a library photo; after `pellicle restrict` each of them,
asked through `flatpak run` inside its own sandbox, can no longer read it
but reads the exported copy and cannot write to it; `unrestrict` puts back
every override file exactly. `pellicle run` hides the library the same way
for programs without a sandbox. Pellicle's permission model is compared
with Flatpak's own answer (`flatpak info --file-access`) over generated
override layers, user and system. Bad input changes nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flatpak_world import SYSTEM_APPS, FlatpakWorld
from pellicle.core.demo import write_photo

READERS = (
    "org.pellicle.test.Home",
    "org.pellicle.test.Host",
    "org.pellicle.test.Pictures",
    "org.pellicle.test.Explicit",
)


def library(world: FlatpakWorld) -> dict[str, Path]:
    """A library with a shared and a private photo, synced."""
    pictures, shared = world.home / "Pictures", world.home / "Shared"
    (pictures / "Holidays").mkdir()
    write_photo(pictures / "Holidays" / "beach.jpg", "jpeg", seed=1)
    write_photo(pictures / "Holidays" / "kids.jpg", "jpeg", seed=2)
    write_photo(pictures / "me.jpg", "jpeg", seed=3)
    world.pellicle("init", "--library", str(pictures), "--export", str(shared))
    world.pellicle("share", str(pictures / "Holidays"))
    world.pellicle("private", str(pictures / "Holidays" / "kids.jpg"))
    world.pellicle("sync")
    copy = shared / "Holidays" / "beach.jpg"
    assert copy.is_file()
    return {
        "pictures": pictures,
        "photo": pictures / "Holidays" / "kids.jpg",
        "top": pictures / "me.jpg",
        "export": shared,
        "copy": copy,
    }


def apps_json(world: FlatpakWorld, *args: str, check: int = 0) -> dict[str, Any]:
    out: dict[str, Any] = json.loads(world.pellicle("apps", "--json", *args, check=check).stdout)
    return out


def by_id(report: dict[str, Any], installation: str = "user") -> dict[str, Any]:
    return {a["app_id"]: a for a in report["apps"] if a["installation"] == installation}


def test_restrict_then_unrestrict_through_the_real_sandboxes(grant_world: FlatpakWorld) -> None:
    world = grant_world
    lib = library(world)
    photo = str(lib["photo"])
    # The person's own override for one app, with a comment and other keys:
    # it must survive restrict and come back byte for byte.
    world.user_overrides.mkdir(parents=True, exist_ok=True)
    mine = world.user_overrides / "org.pellicle.test.Pictures"
    mine.write_bytes(b"[Context]\n# my own\nsockets=x11;\nfilesystems=xdg-download;\n")
    world.flatpak("override", "--system", "--filesystem=xdg-documents:ro", "org.pellicle.test.Host")
    before = world.overrides()

    report = by_id(apps_json(world))
    for app_id in READERS:
        assert world.sandboxed(app_id, "cat", photo) == 0, app_id
        assert report[app_id]["reads_library"], app_id
        assert not report[app_id]["restricted"]
    assert report["org.pellicle.test.Home"]["through"] == ["home"]
    assert report["org.pellicle.test.Host"]["through"] == ["host"]
    assert report["org.pellicle.test.Pictures"]["through"] == ["xdg-pictures"]
    assert report["org.pellicle.test.Explicit"]["through"] == [str(lib["pictures"] / "Holidays")]
    assert not report["org.pellicle.test.Documents"]["reads_library"]
    assert world.sandboxed("org.pellicle.test.Documents", "cat", photo) != 0
    assert by_id(apps_json(world), "system")["org.pellicle.test.Host"]["reads_library"]
    status = json.loads(world.pellicle("status", "--json").stdout)
    assert {a["app_id"] for a in status["apps_reading_library"]} >= set(READERS)
    assert "can read your library" in world.pellicle("status").stdout

    done = world.pellicle("restrict", *READERS)
    assert done.stdout.count("cannot see the library; reads the export folder (read-only)") == 5

    for app_id in READERS:
        for system in (False, True) if app_id in SYSTEM_APPS else (False,):
            assert world.sandboxed(app_id, "cat", photo, system=system) != 0, app_id
            assert world.sandboxed(app_id, "ls", str(lib["top"]), system=system) != 0
            assert world.sandboxed(app_id, "cat", str(lib["copy"]), system=system) == 0
            assert world.sandboxed(app_id, "sh", "-c", f': >> "{lib["copy"]}"') != 0, app_id
    # Pellicle's own state (names and thumbnails of private photos) is hidden too.
    state = world.env["PELLICLE_HOME"]
    assert world.sandboxed("org.pellicle.test.Home", "ls", f"{state}/data/pellicle.sqlite3") != 0
    # Other permissions are as they were: the person's own and the app's.
    assert world.sandboxed("org.pellicle.test.Explicit", "ls", str(world.home / "Downloads")) == 0
    assert world.sandboxed("org.pellicle.test.Pictures", "ls", str(world.home / "Downloads")) == 0
    assert b"sockets=x11;" in mine.read_bytes()

    report = by_id(apps_json(world))
    for app_id in READERS:
        assert report[app_id]["restricted"] and not report[app_id]["reads_library"]
        assert report[app_id]["export"] == {"readable": True, "writable": False, "through": [
            str(lib["export"])]}  # fmt: skip
    status = json.loads(world.pellicle("status", "--json").stdout)
    assert not {a["app_id"] for a in status["apps_reading_library"]} & set(READERS)
    verified = by_id(apps_json(world, "--verify", *READERS))
    for app_id in READERS:
        check = verified[app_id]["verified"]
        assert check["library"] == {str(lib["pictures"]): "hidden"}
        assert check["export"] == "readable" and check["export_writable"] is False

    world.pellicle("unrestrict", "--all")
    assert world.overrides() == before  # byte for byte, and no file where there was none
    for app_id in READERS:
        assert world.sandboxed(app_id, "cat", photo) == 0, app_id
    assert apps_json(world)["apps"] and not any(a["restricted"] for a in apps_json(world)["apps"])


def test_restrict_all_picks_the_apps_that_read_the_library(grant_world: FlatpakWorld) -> None:
    world = grant_world
    library(world)
    world.pellicle("restrict", "--all")
    report = by_id(apps_json(world))
    assert {a for a, v in report.items() if v["restricted"]} == {*READERS, "org.pellicle.test.Bare"}
    assert not report["org.pellicle.test.Documents"]["restricted"]  # it never could
    assert "nothing to restrict" in world.pellicle("restrict", "--all").stdout
    world.pellicle("unrestrict", "--all")
    assert world.overrides() == {}


def test_a_hand_changed_override_is_not_clobbered(grant_world: FlatpakWorld) -> None:
    world = grant_world
    library(world)
    app = "org.pellicle.test.Home"
    world.pellicle("restrict", app)
    world.flatpak("override", "--user", "--filesystem=xdg-pictures", app)
    changed = world.overrides()
    report = by_id(apps_json(world))[app]
    assert report["reads_library"] and report["restricted"]
    assert "added xdg-pictures" in report["changed_by_hand"]
    for command in ("restrict", "unrestrict"):
        done = world.pellicle(command, app, check=2)
        assert "added xdg-pictures" in done.stderr and "--force" in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1
        assert world.overrides() == changed
    world.pellicle("restrict", "--force", app)
    assert not by_id(apps_json(world))[app]["reads_library"]
    world.pellicle("unrestrict", "--force", app)
    assert world.overrides() == {}


def test_verify_says_when_the_runtime_ships_no_tools(grant_world: FlatpakWorld) -> None:
    world = grant_world
    library(world)
    report = by_id(apps_json(world, "--verify", "org.pellicle.test.Bare"))
    check = report["org.pellicle.test.Bare"]["verified"]
    assert check["tool"] is None and "ships none of ls, test, cat, sh" in check["problem"]
    text = world.pellicle("apps", "--verify", "org.pellicle.test.Bare").stdout
    assert "cannot verify: its runtime ships none of" in text


def test_pellicle_run_hides_the_library(grant_world: FlatpakWorld) -> None:
    world = grant_world
    lib = library(world)
    assert world.pellicle("run", "--", "cat", str(lib["photo"]), check=1).stdout == ""
    copy = subprocess.run(
        [sys.executable, "-m", "pellicle", "run", "--", "cat", str(lib["copy"])],
        env=world.env,
        capture_output=True,
        check=True,
    )
    assert copy.stdout == lib["copy"].read_bytes()
    assert world.pellicle("run", "--", "ls", "-A", str(lib["pictures"])).stdout == ""
    # The exit status is passed on, writes to the export fail.
    assert world.pellicle("run", "--", "sh", "-c", "exit 7", check=7)
    world.pellicle("run", "--", "sh", "-c", f': > "{lib["export"]}/new.jpg"', check=2)
    assert not (lib["export"] / "new.jpg").exists()
    # Another process's /proc/PID/root leads nowhere else.
    assert world.pellicle("run", "--", "cat", f"/proc/1/root{lib['photo']}", check=None).returncode
    state = world.env["PELLICLE_HOME"]
    hidden = world.pellicle("run", "--", "ls", f"{state}/data/pellicle.sqlite3", check=None)
    assert hidden.returncode != 0 and "No such file" in hidden.stderr
    bad = world.pellicle("run", "--", "no-such-program-here", check=2)
    assert bad.stderr.strip() == "pellicle: no such command: no-such-program-here"
    assert world.pellicle("run", check=2).stderr.startswith("pellicle: no command to run")


def test_bad_input_changes_nothing(grant_world: FlatpakWorld, tmp_path: Path) -> None:
    world = grant_world
    library(world)
    world.pellicle("restrict", "org.pellicle.test.Home")
    before = world.overrides()
    database = Path(world.env["PELLICLE_HOME"], "data", "pellicle.sqlite3")
    rows = _grant_rows(database)
    for args in (
        ("restrict", "org.pellicle.test.Host", "org.example.NotInstalled"),
        ("restrict", "not an id"),
        ("restrict",),
        ("restrict", "--all", "org.pellicle.test.Host"),
        ("unrestrict", "org.pellicle.test.Host"),
        ("unrestrict",),
    ):
        done = world.pellicle(*args, check=2)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert world.overrides() == before and _grant_rows(database) == rows
    # No flatpak on PATH: `apps` says so, `restrict` refuses, nothing changes.
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(Path(__import__("sys").executable))
    saved = world.env["PATH"]
    world.env["PATH"] = str(bin_dir)
    try:
        assert "Flatpak is not installed" in world.pellicle("apps").stdout
        assert apps_json(world) == {
            "flatpak": False,
            "reason": "Flatpak is not installed (no flatpak command on PATH)",
            "apps": [],
        }
        done = world.pellicle("restrict", "org.pellicle.test.Host", check=2)
        assert done.stderr.strip() == (
            "pellicle: Flatpak is not installed (no flatpak command on PATH)"
        )
        done = world.pellicle("run", "--", "true", check=2)
        assert "bubblewrap is not installed" in done.stderr
        status = json.loads(world.pellicle("status", "--json").stdout)
        assert status["apps_reading_library"] == []
    finally:
        world.env["PATH"] = saved
    assert world.overrides() == before and _grant_rows(database) == rows
    world.pellicle("unrestrict", "--all")


def _grant_rows(database: Path) -> list[tuple[Any, ...]]:
    import sqlite3

    with sqlite3.connect(database) as db:
        return list(db.execute("SELECT app_id, before_sha256, after_sha256 FROM grants"))


# -- the model against Flatpak's own answer ------------------------------------

TOKENS = [
    "home",
    "home:ro",
    "!home",
    "host",
    "host:ro",
    "!host",
    "!host:reset",
    "xdg-pictures",
    "xdg-pictures:ro",
    "!xdg-pictures",
    "xdg-pictures/Holidays:ro",
    "!xdg-pictures/Holidays",
    "~/Pictures:ro",
    "!~/Pictures",
    "~/Shared",
    "!~/Shared",
    "{home}/Pictures/Holidays",
    "!{home}/Pictures/Holidays",
    "xdg-documents:ro",
]
PROBES = ("Pictures", "Pictures/Holidays", "Shared", "Documents", "")


def _option(token: str, home: Path) -> str:
    token = token.format(home=home)
    return f"--nofilesystem={token[1:]}" if token.startswith("!") else f"--filesystem={token}"


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    layers=st.tuples(*(st.lists(st.sampled_from(TOKENS), max_size=3) for _ in range(4))),
)
def test_the_model_agrees_with_flatpak(
    grant_world: FlatpakWorld, layers: tuple[list[str], ...]
) -> None:
    from pellicle.core.grants.exposure import Where, exposures, mode_at
    from pellicle.core.grants.flatpak import Flatpak
    from pellicle.core.grants.permissions import Mode, merge

    world = grant_world
    world.reset()
    for folder in ("Pictures/Holidays", "Shared"):
        (world.home / folder).mkdir(parents=True, exist_ok=True)
    app = "org.pellicle.test.Host"  # installed for the user and system-wide
    targets = (("--system", None), ("--system", app), ("--user", None), ("--user", app))
    for (where, target), tokens in zip(targets, layers, strict=True):
        if tokens:
            options = [_option(t, world.home) for t in tokens]
            world.flatpak("override", where, *options, *([target] if target else []))
    flatpak = Flatpak("flatpak", world.env)
    place = Where.current(world.env)
    words = {Mode.NONE: "hidden", Mode.READ_ONLY: "read-only", Mode.READ_WRITE: "read-write",
             Mode.CREATE: "read-write"}  # fmt: skip
    for installed in flatpak.apps():
        if installed.app_id != app:
            continue
        table = exposures(merge(flatpak.layers(installed)), place)
        for probe in PROBES:
            path = str(world.home / probe) if probe else str(world.home)
            said = world.flatpak(
                "info", installed.installation.option(), f"--file-access={path}", app
            )
            expected = said.stdout.decode().strip()
            assert words[mode_at(path, table)] == expected, (installed.key, probe, layers)
