"""The promise, end to end, through the real `pellicle` command.

A generated library whose photos carry planted GPS, serials, MakerNote, an
EXIF thumbnail, XMP with person names, IPTC, comments and trailing data is
tagged and synced in subprocesses, exactly as a user or a script would.
Then every exported byte is searched (zlib streams inflated), exiftool is
asked what it sees, JPEG scan data and orientation are compared with the
originals, and the library is checked untouched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from fs_helpers import exported_files, tree_digest
from pellicle.core.demo import PLANTED, make_library, write_photo
from scrub_helpers import leaks
from tool_helpers import require_tool


def pellicle(home: Path, *args: str, check: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PELLICLE_HOME=str(home))
    result = subprocess.run(
        [sys.executable, "-m", "pellicle", *args], env=env, capture_output=True, text=True
    )
    if check is not None:
        assert result.returncode == check, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def world(tmp_path: Path) -> dict[str, Path]:
    lib, export, home = tmp_path / "Pictures", tmp_path / "Shared", tmp_path / "home"
    make_library(lib, 32, seed=5)
    (lib / "Holidays" / "2025").mkdir(parents=True, exist_ok=True)
    write_photo(
        lib / "Holidays" / "2025" / "rotated.jpg",
        "jpeg",
        orientation=6,
        icc=True,
        width=80,
        height=40,
        seed=77,
    )
    write_photo(
        lib / "Holidays" / "2025" / "progressive.jpg", "jpeg", progressive=True, seed=78, restart=2
    )
    write_photo(lib / "Family" / "kid.jpg", "jpeg", seed=79)
    (lib / "Holidays" / "2025" / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe1\x00\x10junk")
    return {"lib": lib, "export": export, "home": home, "tmp": tmp_path}


def test_promise_end_to_end(world: dict[str, Path]) -> None:
    lib, export, home = world["lib"], world["export"], world["home"]
    before = tree_digest(lib)
    pellicle(home, "init", "--library", str(lib), "--export", str(export))
    pellicle(home, "share", str(lib / "Holidays"), str(lib / "Screenshots"))
    pellicle(home, "private", str(lib / "Holidays" / "2024"), str(lib / "Family" / "kid.jpg"))
    # A copy of a private photo dropped into a shared folder stays private.
    shutil.copyfile(lib / "Family" / "kid.jpg", lib / "Holidays" / "2025" / "kid copy.jpg")
    before = tree_digest(lib)

    result = pellicle(home, "sync", "--json", check=None)
    report = json.loads(result.stdout)
    assert result.returncode == 1, "a corrupt photo means not everything matched"
    assert [Path(f["path"]).name for f in report["failed"]] == ["corrupt.jpg"]

    shared = {
        str(p.relative_to(lib))
        for p in lib.rglob("*")
        if p.is_file()
        and (p.parts[len(lib.parts)] in ("Holidays", "Screenshots"))
        and "2024" not in p.parts
        and p.name not in ("kid copy.jpg", "corrupt.jpg")
    }
    got = exported_files(export)
    expected = {os.path.splitext(s)[0] for s in shared}
    assert {os.path.splitext(g)[0] for g in got} == expected
    assert not any("2024" in g or "Family" in g or "kid" in g for g in got)

    # No planted value in any exported byte, raw or inside zlib streams.
    for rel in got:
        data = (export / rel).read_bytes()
        assert leaks(data, PLANTED) == [], rel

    # JPEG scan data byte-identical; display orientation identical.
    for rel in got:
        src = next(lib.glob(os.path.splitext(rel)[0] + ".*"))
        out = export / rel
        if rel.endswith(".jpg") and src.suffix == ".jpg":
            assert _scan(out.read_bytes()) == _scan(src.read_bytes()), rel
        with Image.open(src) as a, Image.open(out) as b:
            ta, tb = ImageOps.exif_transpose(a), ImageOps.exif_transpose(b)
            assert ta.size == tb.size, rel
    with Image.open(export / "Holidays/2025/rotated.jpg") as img:
        assert img.getexif().get(0x0112) == 6
        assert img.info.get("icc_profile")

    # The library is exactly as it was.
    assert tree_digest(lib) == before

    status = json.loads(pellicle(home, "status", "--json").stdout)
    assert [Path(p["path"]).name for p in status["problems"]] == ["corrupt.jpg"]
    explain = pellicle(home, "explain", str(lib / "Holidays" / "2025" / "kid copy.jpg")).stdout
    assert "exact copy of Family/kid.jpg" in explain

    # check: clean now; 1 after a file is planted or an export altered.
    pellicle(home, "check")
    (export / "planted.jpg").write_bytes((export / "Holidays/2025/rotated.jpg").read_bytes())
    assert "not written by Pellicle" in pellicle(home, "check", check=1).stdout
    (export / "planted.jpg").unlink()
    pellicle(home, "check")
    victim = export / "Holidays/2025/rotated.jpg"
    victim.write_bytes(victim.read_bytes() + b"PLANTED-TRAILER")
    assert "altered" in pellicle(home, "check", check=1).stdout
    pellicle(home, "sync", check=None)
    pellicle(home, "check")

    # private returns only after the copy is gone; audit tells the story.
    pellicle(home, "private", str(lib / "Holidays" / "2025" / "rotated.jpg"))
    assert not victim.exists()
    audit = json.loads(pellicle(home, "audit", "--json").stdout)
    rotated = [e for e in audit if e["export_path"] == "Holidays/2025/rotated.jpg"]
    assert [e["action"] for e in rotated] == ["add", "update", "remove"]
    assert not any(e["still_shared"] for e in rotated)
    # The keys of `audit --json` are a stable interface: one object per file.
    assert set(audit[0]) == {"id", "time", "action", "source", "export_path", "sha256",
                             "source_sha256", "reason", "still_shared"}  # fmt: skip
    # Read by a person: what happened, each with its files indented below.
    told = pellicle(home, "audit").stdout.splitlines()
    headings = [line for line in told if not line.startswith("    ")]
    assert any("Shared " in h and " photos from " in h for h in headings), headings
    assert any("Restored 1 copy that was altered or removed" in h for h in headings)
    assert headings[-1].endswith(" Withdrew 1 photo (no longer shareable)")
    assert sum(1 for line in told if line.startswith("    ")) == len(audit)


def test_exiftool_sees_nothing_identifying(world: dict[str, Path]) -> None:
    exiftool = require_tool("exiftool")
    lib, export, home = world["lib"], world["export"], world["home"]
    pellicle(home, "init", "--library", str(lib), "--export", str(export))
    pellicle(home, "share", str(lib))
    pellicle(home, "sync", check=None)
    files = sorted(p for p in export.rglob("*") if p.is_file())
    assert len(files) > 20
    proc = subprocess.run(
        [exiftool, "-j", "-a", "-G1", "-struct", *map(str, files)], capture_output=True, check=True
    )
    identifying = (
        "GPS",
        "XMP",
        "IPTC",
        "MakerNotes",
        "Photoshop",
        "ExifIFD",
        "IFD1",
        "MPF",
        "Comment",
        "Apple",
        "Samsung",
        "Trailer",
    )
    for record in json.loads(proc.stdout):
        for key, value in record.items():
            group, _, tag = key.rpartition(":")
            assert not any(word in group for word in identifying), (record["SourceFile"], key)
            if group == "IFD0":
                assert tag in {
                    "Orientation",
                    "ResolutionUnit",
                    "XResolution",
                    "YResolution",
                    "YCbCrPositioning",
                    "ImageWidth",
                    "ImageHeight",
                    "BitsPerSample",
                    "Compression",
                    "PhotometricInterpretation",
                    "StripOffsets",
                    "SamplesPerPixel",
                    "RowsPerStrip",
                    "StripByteCounts",
                    "PlanarConfiguration",
                }, key
            assert not any(p.decode() in str(value) for p in PLANTED), (key, value)
            assert tag not in ("Comment", "UserComment", "Artist", "Make", "Model"), key


def test_bad_input_exits_2_with_one_line_and_changes_nothing(world: dict[str, Path]) -> None:
    lib, export, home, tmp = world["lib"], world["export"], world["home"], world["tmp"]
    pellicle(home, "init", "--library", str(lib), "--export", str(export))
    before = tree_digest(tmp)
    cases = [
        ("share", str(lib / "nope.jpg")),
        ("share", str(tmp)),
        ("explain", "/"),
        ("init", "--library", str(lib), "--export", str(lib / "Holidays" / "out")),
        ("init", "--library", str(lib), "--library", str(lib / "Family"), "--export", str(export)),
        ("init", "--library", str(export), "--export", str(tmp / "e2")),
        ("frobnicate",),
        ("share",),
    ]
    for args in cases:
        result = pellicle(home, *args, check=2)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(("pellicle:", "usage")), (args, lines)
    assert tree_digest(tmp) == before


def test_unwritable_export_and_busy_database_are_refused(world: dict[str, Path]) -> None:
    lib, home, tmp = world["lib"], world["home"], world["tmp"]
    blocker = tmp / "a-file"
    blocker.write_text("x")
    result = pellicle(home, "init", "--library", str(lib), "--export", str(blocker), check=2)
    assert "is a file" in result.stderr
    pellicle(home, "init", "--library", str(lib), "--export", str(world["export"]))
    # Another process holds the database's write lock past the timeout.
    import sqlite3

    db = sqlite3.connect(home / "data" / "pellicle.sqlite3", isolation_level=None, timeout=1)
    db.execute("BEGIN IMMEDIATE")
    env = dict(os.environ, PELLICLE_HOME=str(home), PELLICLE_DB_TIMEOUT="1")
    result = subprocess.run(
        [sys.executable, "-m", "pellicle", "share", str(lib / "Family")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    db.execute("ROLLBACK")
    db.close()
    assert result.returncode == 2, result.stderr
    assert "busy" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def _scan(data: bytes) -> bytes:
    """The first image's scans: from its first SOS to its EOI, walked properly.

    Segments are skipped by their lengths (an EXIF thumbnail inside APP1 has
    markers of its own), and entropy-coded data is scanned for the first
    marker that is neither a stuffed 0xFF00 nor a restart marker.
    """
    i = 2
    while data[i + 1] != 0xDA:
        i += 2 + int.from_bytes(data[i + 2 : i + 4], "big")
    start = i
    while True:
        i += 2 + int.from_bytes(data[i + 2 : i + 4], "big")  # past a segment header
        while True:  # entropy-coded data up to the next real marker
            i = data.index(b"\xff", i)
            nxt = data[i + 1]
            if nxt == 0x00 or 0xD0 <= nxt <= 0xD7 or nxt == 0xFF:
                i += 1 if nxt == 0xFF else 2
                continue
            break
        if nxt == 0xD9:
            return data[start : i + 2]


def test_no_display_gives_one_line_not_a_qt_abort(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["PELLICLE_HOME"] = str(tmp_path / "home")
    result = subprocess.run(
        [sys.executable, "-m", "pellicle"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "no display" in result.stderr


def test_decisions_reach_an_unplugged_drive_through_the_command_line(tmp_path: Path) -> None:
    """`private` and `explain` accept a path the index knows under a drive
    that is away; the copy is gone when the command returns; `sync` lists
    what cannot be exported on every run, by library path, and exits 1."""
    lib, drive, export, home = (tmp_path / n for n in ("Pictures", "Drive", "Shared", "home"))
    for root in (lib, drive):
        (root / "Trip").mkdir(parents=True)
    write_photo(drive / "Trip" / "beach.jpg", "jpeg", seed=1)
    write_photo(drive / "Trip" / "hotel.jpg", "jpeg", seed=2)
    (lib / "Trip" / "broken.heic").write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * 8)
    pellicle(home, "init", "--library", str(lib), "--library", str(drive), "--export", str(export))
    pellicle(home, "share", str(lib / "Trip"), str(drive / "Trip"))
    for _ in range(2):  # listed on every run, not only the first
        result = pellicle(home, "sync", "--json", check=1)
        failed = json.loads(result.stdout)["failed"]
        assert [f["path"] for f in failed] == [str(lib / "Trip" / "broken.heic")]
    assert exported_files(export) == {"Drive/Trip/beach.jpg", "Drive/Trip/hotel.jpg"}
    os.rename(drive, tmp_path / "Drive.away")
    text = pellicle(home, "sync", check=1).stdout
    assert f"paused (library folder unreachable): {drive}" in text
    assert exported_files(export) == {"Drive/Trip/beach.jpg", "Drive/Trip/hotel.jpg"}
    out = pellicle(home, "private", str(drive / "Trip" / "beach.jpg")).stdout
    assert "private: this photo is marked private" in out
    assert exported_files(export) == {"Drive/Trip/hotel.jpg"}
    explained = pellicle(home, "explain", str(drive / "Trip" / "hotel.jpg")).stdout
    assert "shareable: folder Drive/Trip is marked shareable" in explained
    pellicle(home, "clear", str(drive / "Trip"))
    assert exported_files(export) == set()
    status = json.loads(pellicle(home, "status", "--json").stdout)
    assert status["to_remove"] == 0
    typo = pellicle(home, "private", str(drive / "Trip" / "nope.jpg"), check=2)
    assert "does not exist" in typo.stderr
