"""Damaged and hostile images through the real command line: plain reasons, a silent stderr.

Every refusal a person reads (`sync` and `status`, text and JSON, and
`check`) must be one plain sentence: no "cannot identify image file
<_io.BufferedReader name=13>", no exception class names, no reprs. And no
Python warning may reach the terminal, even with warnings switched on
(`python -W default`, `PYTHONWARNINGS=default`), for files that make Pillow
warn: an APNG with two animation headers (refused by the gate, and found by
`check` when an older export holds one) and an AVIF whose EXIF points past
its end (exported, its EXIF read by Pellicle's own reader).
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import sqlite3
import struct
import subprocess
import sys
import warnings
import zlib
from pathlib import Path

from faults_helpers import database, env_for
from hostile_images import MAKERS
from PIL import Image

from pellicle.core import demo
from scrub_helpers import is_plain

#: Makers whose files cost real work each: one of each is enough here.
HEAVY = {"png_bomb_under_limit", "gif_many_frames"}
SUFFIXES = {"jpeg": ".jpg", "png": ".png", "webp": ".webp", "gif": ".gif", "tiff": ".tif",
            "heif": ".heic", "avif": ".avif"}  # fmt: skip


def run(home: Path, *args: str, code: int | None = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-W", "default", "-m", "pellicle", *args],
        env=env_for(home, PYTHONWARNINGS="default"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if code is not None:
        assert result.returncode == code, (args, result.returncode, result.stdout, result.stderr)
    assert result.stderr == "", (args, result.stderr)  # not a warning, not a log line
    return result


def assert_plain(reason: str) -> None:
    assert is_plain(reason), reason


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def apng_with_two_headers(seed: int) -> bytes:
    """A PNG that Pillow opens with "UserWarning: Invalid APNG ..." and then shows anyway."""
    base = demo.photo_bytes("png", width=16, height=16, plant=False, seed=seed)
    actl = _chunk(b"acTL", struct.pack(">II", 1, 0))
    return base[:33] + actl + actl + base[33:]


def avif_with_broken_exif() -> bytes:
    """An AVIF turned a quarter (irot) whose EXIF has a tag pointing past its end.

    Pillow checks the EXIF it writes, so the tag is broken afterwards, in place.
    """
    entries = struct.pack("<HHIHH", 0x0112, 3, 1, 6, 0) + struct.pack(
        "<HHI4s", 0x0131, 2, 4, b"abc\0"
    )
    tiff = b"II*\x00" + struct.pack("<IH", 8, 2) + entries + b"\0\0\0\0"
    buf = io.BytesIO()
    demo.pixels(40, 20, 3).save(buf, "AVIF", exif=b"Exif\x00\x00" + tiff, speed=10)
    software = struct.pack("<HHI4s", 0x0131, 2, 4, b"abc\0")
    assert buf.getvalue().count(software) == 1
    return buf.getvalue().replace(software, struct.pack("<HHII", 0x0131, 2, 400, 5000))


def damaged(fmt: str, rng: random.Random) -> dict[str, bytes]:
    data = demo.photo_bytes(fmt, width=48, height=32, seed=rng.randrange(1000))
    flipped = bytearray(data)
    for _ in range(12):
        flipped[rng.randrange(32, len(flipped))] = rng.randrange(256)
    return {
        "cut-early": data[: len(data) // 4],
        "cut-late": data[: len(data) * 4 // 5],
        "head-only": data[:64] + bytes(300),
        "flipped": bytes(flipped),
    }


def test_every_reason_is_plain_and_stderr_stays_silent(tmp_path: Path) -> None:
    lib, export, home = tmp_path / "lib", tmp_path / "export", tmp_path / "home"
    rng = random.Random(12)
    for kind, (ext, make) in MAKERS.items():
        (lib / "hostile").mkdir(parents=True, exist_ok=True)
        for i in range(1 if kind in HEAVY else 2):
            (lib / "hostile" / f"{kind}-{i}.{ext}").write_bytes(make(i))
    for fmt, ext in SUFFIXES.items():
        (lib / "damaged").mkdir(exist_ok=True)
        for name, data in damaged(fmt, rng).items():
            (lib / "damaged" / f"{fmt}-{name}{ext}").write_bytes(data)
    (lib / "damaged" / "garbage.heic").write_bytes(
        b"\0\0\0\x18ftypheic\0\0\0\0mif1heic" + bytes(64)
    )
    (lib / "damaged" / "two-headers.png").write_bytes(apng_with_two_headers(1))
    broken_exif = avif_with_broken_exif()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        Image.open(io.BytesIO(broken_exif)).close()
    assert seen, "Pillow should warn about this AVIF's EXIF, or this test proves nothing"
    (lib / "turned.avif").write_bytes(broken_exif)
    demo.write_photo(lib / "fine.jpg", "jpeg", seed=4)

    run(home, "init", "--library", str(lib), "--export", str(export))
    run(home, "share", str(lib))
    report = json.loads(run(home, "sync", "--json", code=1).stdout)
    failed = {item["path"]: item["reason"] for item in report["failed"]}
    status = json.loads(run(home, "status", "--json").stdout)
    problems = {item["path"]: item["reason"] for item in status["problems"]}
    reasons = [*failed.values(), *problems.values()]
    assert len(reasons) > 40
    for reason in reasons:
        assert_plain(reason)
    for line in run(home, "sync", code=None).stdout.splitlines():
        assert_plain(line)
    for line in run(home, "status").stdout.splitlines():
        assert_plain(line)

    by_name = {Path(p).name: r for p, r in {**failed, **problems}.items()}
    assert by_name["two-headers.png"].endswith(
        "damaged PNG: its animation control is repeated or misplaced"
    )
    for name in ("garbage.heic", "heif-head-only.heic", "avif-head-only.avif"):
        assert by_name[name].endswith(("not a readable HEIF file", "not a readable AVIF file")), (
            name,
            by_name[name],
        )
    assert by_name["heif-cut-late.heic"].endswith(
        ("truncated HEIF: the file ends before its image data does", "not a readable HEIF file")
    )
    # The AVIF with a damaged EXIF is exported, turned upright by its orientation.
    assert "turned.avif" not in by_name
    with Image.open(export / "turned.jpg") as img:
        assert img.size == (20, 40)


def test_check_reports_a_warning_file_in_the_export_plainly(tmp_path: Path) -> None:
    # An export written before the gate refused what makes Pillow warn: `check`
    # printed "UserWarning: Invalid APNG ..." twice. Now it names the file,
    # plainly, and says nothing on stderr.
    lib, export, home = tmp_path / "lib", tmp_path / "export", tmp_path / "home"
    lib.mkdir()
    (lib / "anim.png").write_bytes(demo.photo_bytes("png", width=16, height=16, plant=False))
    run(home, "init", "--library", str(lib), "--export", str(export))
    run(home, "share", str(lib))
    run(home, "sync")
    planted = apng_with_two_headers(1)
    (export / "anim.png").write_bytes(planted)
    with sqlite3.connect(database(home)) as db:
        db.execute(
            "UPDATE exports SET sha256 = ? WHERE export_rel = ?",
            (hashlib.sha256(planted).hexdigest(), b"anim.png"),
        )
    result = json.loads(run(home, "check", "--json", code=1).stdout)
    assert result["problems"], result
    for problem in result["problems"]:
        assert_plain(problem)
    assert any(
        "anim.png" in p and "damaged PNG: its animation control is repeated" in p
        for p in result["problems"]
    )
    for line in run(home, "check", code=1).stdout.splitlines():
        assert_plain(line)
