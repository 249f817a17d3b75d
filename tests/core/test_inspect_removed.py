"""Inspect: what the copy drops and keeps, named for THIS photo.

The inspector shows "Removed from the copy: ..." against "Kept: ...". Both
lists come from core and must describe the photo at hand: a photo without a
colour profile does not claim to keep one, one without GPS does not list GPS
as removed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pellicle.core.demo import write_photo
from pellicle.core.inspect import inspect

COLOUR = "the colour profile"
TURN = "which way up it is displayed (orientation)"
DATE = "the capture date (you opted in)"
PIXELS = "the picture's pixels, untouched"


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp", "tiff"])
def test_planted_gps_artist_and_serial_are_removed(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"p.{fmt}"
    write_photo(path, fmt)
    removed = inspect(path).removed
    for label in ("GPS position", "Artist", "Body serial number", "Camera make"):
        assert label in removed
    assert len(removed) == len(set(removed))  # each once
    assert removed.index("GPS position") < removed.index("Body serial number")  # place first


def test_a_photo_without_metadata_removes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "clean.png"
    write_photo(path, "png", plant=False)
    result = inspect(path, keep_capture_date=True)
    assert result.removed == []
    assert result.kept == [PIXELS]  # no profile, no turn, no date: not claimed


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp", "tiff"])
def test_colour_profile_is_kept_only_when_the_photo_has_one(tmp_path: Path, fmt: str) -> None:
    plain, profiled = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    write_photo(plain, fmt)
    write_photo(profiled, fmt, icc=True)
    assert COLOUR not in inspect(plain).kept
    assert COLOUR in inspect(profiled).kept
    assert inspect(profiled).colour_profile and not inspect(plain).colour_profile


def test_orientation_is_kept_only_when_the_photo_is_turned(tmp_path: Path) -> None:
    upright, turned = tmp_path / "a.jpg", tmp_path / "b.jpg"
    write_photo(upright, "jpeg", orientation=1)
    write_photo(turned, "jpeg", orientation=6)
    assert TURN not in inspect(upright).kept
    assert TURN in inspect(turned).kept
    assert "Orientation" not in inspect(turned).removed


def test_capture_date_is_kept_only_when_opted_in_and_present(tmp_path: Path) -> None:
    dated, clean = tmp_path / "a.jpg", tmp_path / "b.jpg"
    write_photo(dated, "jpeg")
    write_photo(clean, "jpeg", plant=False)
    assert DATE not in inspect(dated).kept
    assert "Taken" in inspect(dated).removed
    opted = inspect(dated, keep_capture_date=True)
    assert DATE in opted.kept and "Taken" not in opted.removed
    assert "Modified" in opted.removed  # only the capture date is kept
    assert DATE not in inspect(clean, keep_capture_date=True).kept


def test_unreadable_file_still_says_what_an_export_keeps(tmp_path: Path) -> None:
    path = tmp_path / "broken.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not really")
    result = inspect(path)
    assert result.error is not None
    assert result.removed == [] and result.kept
