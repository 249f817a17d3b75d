"""The sample camera roll ("Try with sample photos"): a believable roll whose
metadata is real, written fast, and scrubbed by the export like any photo."""

from __future__ import annotations

import os
import time
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from pellicle.core import samples
from pellicle.core.engine import Engine


@pytest.fixture(scope="module")
def roll(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], float]:
    root = tmp_path_factory.mktemp("roll")
    start = time.perf_counter()
    paths = samples.make_camera_roll(root)
    return paths, time.perf_counter() - start


def _exif(path: Path) -> tuple[dict[int, object], dict[int, object], dict[int, object]]:
    with Image.open(path) as img:
        exif = img.getexif()
        return dict(exif), dict(exif.get_ifd(0x8769)), dict(exif.get_ifd(0x8825))


def _degrees(dms: object, ref: object) -> float:
    d, m, s = (float(x) for x in dms)  # type: ignore[attr-defined]
    return (d + m / 60 + s / 3600) * (-1 if ref in ("S", "W") else 1)


def test_folders_and_names_look_like_a_camera_roll(roll: tuple[list[Path], float]) -> None:
    paths, seconds = roll
    root = paths[0].parents[1]
    assert len(paths) == samples.COUNT == len(set(paths))
    assert sorted(p.name for p in root.iterdir()) == sorted(samples.FOLDERS)
    assert {"2024-07 Brittany", "Family", "Screenshots", "Paperwork"} <= set(samples.FOLDERS)
    names = [p.name for p in paths]
    assert any(n.startswith("IMG_") and n.endswith(".JPG") for n in names)
    assert any(n.startswith("PXL_2023") for n in names)
    assert all(n.startswith("Screenshot_") for n in os.listdir(root / "Screenshots"))
    # Generation stays fast enough to run while the person waits (about a
    # second on the 2-core machine; bounded loosely for busy CI runners).
    assert seconds < 15, seconds


def test_nothing_reads_like_test_noise(roll: tuple[list[Path], float]) -> None:
    paths, _ = roll
    for path in paths:
        data = path.read_bytes()
        assert b"PLANTED" not in data and b"PL4NT3D" not in data, path
        assert b"Jane" not in data and b"Nowhere" not in data, path
        assert "PLANTED" not in str(path)
        # EXIF text is ASCII: a "©" would be stored, and shown, as "?".
        assert b"? 20" not in data, path


def test_real_cameras_places_owner_and_dates(roll: tuple[list[Path], float]) -> None:
    paths, _ = roll
    cameras, places = set(), set()
    for path in paths:
        if path.suffix == ".png":
            continue
        ifd0, sub, gps = _exif(path)
        cameras.add(f"{ifd0[0x010F]} {ifd0[0x0110]}")
        assert sub[0xA430] == samples.OWNER  # camera owner
        assert sub[0xA431]  # body serial number
        taken = datetime.strptime(str(sub[0x9003]), "%Y:%m:%d %H:%M:%S")
        assert abs(path.stat().st_mtime - taken.timestamp()) < 1, path  # sorted by date too
        assert 8 <= taken.hour < 22
        lat, lon = _degrees(gps[2], gps[1]), _degrees(gps[4], gps[3])
        places.add((round(lat), round(lon)))
    assert cameras == {"Apple iPhone 14", "Google Pixel 7", "samsung Galaxy S23",
                       "Canon Canon EOS R6"}  # fmt: skip
    # Brittany, Lisbon, Marseille and Lyon, to the nearest degree.
    assert {(49, -2), (39, -9), (43, 5), (46, 5)} <= places
    canon = next(p for p in paths if "Marseille" in str(p))
    ifd0, sub, _ = _exif(canon)
    assert ifd0[0x013B] == samples.OWNER and sub[0xA435]  # artist, lens serial
    family = [p.read_bytes() for p in paths if p.parent.name == "Family"]
    assert any(b"PersonInImage" in d and "Léo Martin".encode() in d for d in family)


def test_portraits_are_stored_sideways_as_phones_do(roll: tuple[list[Path], float]) -> None:
    paths, _ = roll
    turned = []
    for path in paths:
        if path.suffix == ".png":
            continue
        with Image.open(path) as img:
            if img.getexif().get(0x0112) == 6:
                turned.append(img.size)
    assert turned and all(w > h for w, h in turned)  # landscape pixels, shown upright


def test_the_same_call_writes_the_same_roll(tmp_path: Path, roll: tuple[list[Path], float]) -> None:
    paths, _ = roll
    again = samples.make_camera_roll(tmp_path)
    assert [p.relative_to(tmp_path) for p in again] == [p.relative_to(p.parents[1]) for p in paths]
    assert again[5].read_bytes() == paths[5].read_bytes()
    assert samples.is_camera_roll(tmp_path)
    assert not samples.is_camera_roll(tmp_path / "2024-07 Brittany")


def test_the_export_removes_what_the_roll_carries(home: Path, tmp_path: Path) -> None:
    library, export = tmp_path / "library", tmp_path / "export"
    paths = samples.make_camera_roll(library)
    with Engine() as engine:
        engine.init([str(library)], str(export))
        engine.share([str(library)])
        engine.sync()
    copies = [p for p in export.rglob("*") if p.is_file()]
    assert len(copies) == len(paths)
    owner = samples.OWNER.encode()
    serials = [c.serial.encode() for c in (samples.IPHONE, samples.PIXEL, samples.GALAXY,
                                           samples.CANON)]  # fmt: skip
    for copy in copies:
        data = copy.read_bytes()
        assert owner not in data and b"iPhone" not in data and b"Pixel 7" not in data
        assert not any(s in data for s in serials)
        with Image.open(copy) as img:
            assert 0x8825 not in img.getexif()
