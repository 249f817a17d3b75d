"""Hostile and awkward file names, end to end through the CLI.

Sources are read correctly whatever their bytes; exported names are safe
(valid UTF-8, no control characters, no reserved Windows names, no `..`,
within NAME_MAX) and unique even on a case-insensitive, normalising disk;
`status --json` is valid JSON and the text output keeps one line per problem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from faults_helpers import consistent, env_for, pellicle, visible
from PIL import Image

from pellicle.core.demo import write_photo

RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}
NAME_MAX = 255


def hostile_names(root: Path) -> list[bytes]:
    deep = b"/".join([b"d" * 200] * 18)  # a path near PATH_MAX (4096)
    return [
        b"caf\xe9-latin1.jpg",  # not UTF-8
        b"\xff\xfe\xfd.jpg",
        b"line\nbreak.jpg",
        b"tab\tand\rcr.jpg",
        b"x" * (NAME_MAX - 4) + b".jpg",  # exactly NAME_MAX
        "é".encode() * 125 + b".jpg",  # 254 bytes, multi-byte characters
        deep + b"/" + b"p" * 40 + b".jpg",
        b"Case.jpg",
        b"case.jpg",
        b"CASE.JPG",
        unicodedata.normalize("NFC", "Zoë.jpg").encode(),
        unicodedata.normalize("NFD", "Zoë.jpg").encode(),
        b"...jpg",  # hidden: skipped like every dot-file
        b"..\xe2\x80\xa4jpg",  # looks like "..", is not
        b"a..b.jpg",
        b"CON.jpg",
        b"nul.jpg",
        b"Com1.jpg",
        b"lpt9.tar.jpg",
        b'quote"colon:star*.jpg',
        b"back\\slash.jpg",
        b"trailing dot..jpg",
        b"trailing space .jpg",
        b" leading space.jpg",
        b"aux/inside-reserved-folder.jpg",
        b"..folder/x.jpg",  # hidden folder: skipped
        b"dots.../y.jpg",
    ]


def write(root: Path, rel: bytes, seed: int) -> None:
    path = os.path.join(os.fsencode(root), rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = os.path.join(os.fsencode(root), b"tmp.jpg")
    write_photo(os.fsdecode(tmp), "jpeg", seed=seed, width=16 + seed, height=16)
    os.rename(tmp, path)


def test_hostile_names_export_safely(tmp_path: Path) -> None:
    lib, export, home = tmp_path / "lib", tmp_path / "export", tmp_path / "home"
    lib.mkdir()
    names = hostile_names(lib)
    for seed, rel in enumerate(names):
        write(lib, rel, seed)
    # Problems with hostile names too (one line each in the text output).
    for rel in (b"bad\nname.jpg", b"bad\xffbytes.jpg"):
        with open(os.path.join(os.fsencode(lib), rel), "wb") as f:
            f.write(b"\xff\xd8\xff\xe0garbage")
    visible_sources = [r for r in names if not any(p.startswith(b".") for p in r.split(b"/"))]
    pellicle(home, "init", "--library", str(lib), "--export", str(export))
    pellicle(home, "share", str(lib))
    result = pellicle(home, "sync", "--json", check=1)  # the two broken files
    report = json.loads(result.stdout)
    assert len(report["failed"]) == 2

    got = visible(export)
    assert len(got) == len(visible_sources), "one copy per photo, none lost to a collision"
    folded = {unicodedata.normalize("NFC", g).casefold() for g in got}
    assert len(folded) == len(got), "unique on a case-insensitive, normalising disk"
    for rel in got:
        raw = os.fsencode(rel)
        raw.decode("utf-8")  # valid UTF-8
        for part in rel.split("/"):
            assert part not in ("", ".", "..")
            assert len(part.encode()) <= NAME_MAX
            assert not any(ord(c) < 32 or c in '<>:"\\|?*' for c in part), part
            assert part.split(".")[0].lower() not in RESERVED, part
            assert not part.endswith((".", " ")), part
    # Each copy holds the pixels of its own source (widths were made unique).
    widths = []
    for rel in got:
        with Image.open(export / rel) as img:
            widths.append(img.size[0])
    widths.sort()
    assert widths == sorted(16 + names.index(r) for r in visible_sources)

    status = pellicle(home, "status", "--json").stdout
    data = json.loads(status)
    reasons = {p["path"]: p["reason"] for p in data["problems"]}
    assert len(reasons) == 2 and all("\n" not in p for p in reasons)
    text = pellicle(home, "status").stdout.splitlines()
    assert sum(line.startswith("problem: ") for line in text) == 2
    assert all(
        line.startswith(("problem", "export", "library", "photos", "not exported")) for line in text
    ), text
    # A foreign file with a hostile name in the export folder: one line too.
    with open(os.path.join(os.fsencode(export), b"planted\n\xff.jpg"), "wb") as f:
        f.write(b"foreign")
    for args in (("status",), ("sync",), ("check",), ("status", "--json")):
        raw = subprocess.run(
            [sys.executable, "-m", "pellicle", *args],
            env=env_for(home, LC_ALL="C.UTF-8"),
            capture_output=True,
        ).stdout
        out = raw.decode("utf-8").splitlines()  # valid UTF-8
        if "--json" in args:
            assert json.loads(raw)["foreign"] == ["planted\\n\\xff.jpg"]
            continue
        foreign = [line for line in out if "planted" in line]
        assert len(foreign) == 1, (args, out)
        assert all(line.startswith(("problem", "export", "library", "photos", "added",
                                    "not ", "checked")) for line in out), (args, out)  # fmt: skip
    os.unlink(os.path.join(os.fsencode(export), b"planted\n\xff.jpg"))
    # Sources are read through their real bytes: a sync after a rescan is
    # idle, and still lists (exit 1) the two photos it cannot export.
    again = json.loads(pellicle(home, "sync", "--json", check=1).stdout)
    assert again["added"] == 0 and len(again["failed"]) == 2
    consistent(home, export)
    pellicle(home, "check")
