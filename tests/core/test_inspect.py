"""Inspect: identifying metadata is found; the export shows none of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pellicle.core.demo import BODY_SERIAL, GPS_AREA, MAKE, PERSON, write_photo
from pellicle.core.inspect import CAMERA, DATES, PEOPLE, PLACE, inspect, kept_by_export
from scrub_helpers import is_plain


@pytest.mark.parametrize("fmt", ["jpeg", "png", "webp", "tiff", "heif"])
def test_planted_metadata_is_named(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"p.{fmt}"
    write_photo(path, fmt)
    result = inspect(path)
    assert result.error is None
    groups = result.by_category()
    values = " ".join(f.value for f in result.findings)
    assert PLACE in groups and PEOPLE in groups and CAMERA in groups and DATES in groups
    assert PERSON.decode() in values
    assert MAKE.decode() in values
    assert BODY_SERIAL.decode() in values
    assert GPS_AREA.decode() in values or fmt != "jpeg"
    assert any(f.label == "GPS position" and "N" in f.value for f in result.findings)
    assert not any(f.kept for f in result.findings)


def test_capture_date_is_marked_kept_only_when_opted_in(tmp_path: Path) -> None:
    path = tmp_path / "p.jpg"
    write_photo(path, "jpeg")
    kept = [f for f in inspect(path, keep_capture_date=True).findings if f.kept]
    assert [f.label for f in kept] == ["Taken"]
    assert "the capture date (you opted in)" in kept_by_export("jpeg", keep_capture_date=True)
    assert any("re-encoded" in k for k in kept_by_export("heif", keep_capture_date=False))


def test_a_scrubbed_export_carries_nothing(engine: object, library: Path, export: Path) -> None:
    photo = library / "Holidays" / "IMG_1.jpg"
    photo.parent.mkdir()
    write_photo(photo, "jpeg", width=120, height=80)
    engine.share([str(photo)])  # type: ignore[attr-defined]
    assert engine.sync().in_sync  # type: ignore[attr-defined]
    copy = next(export.rglob("*.jpg"))
    assert len(inspect(photo).findings) > 10
    assert inspect(copy).findings == []


def test_clean_photo_has_no_findings(tmp_path: Path) -> None:
    path = tmp_path / "clean.png"
    write_photo(path, "png", plant=False)
    assert inspect(path).findings == []


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=800), prefix=st.sampled_from(
    [b"\xff\xd8\xff\xe1\x01\x00Exif\0\0II*\0", b"\x89PNG\r\n\x1a\n", b"II*\0\x08\0\0\0",
     b"RIFF\0\0\0\0WEBPVP8X", b"\0\0\0\x18ftypheic", b""]))  # fmt: skip
def test_hostile_files_never_raise(tmp_path: Path, data: bytes, prefix: bytes) -> None:
    path = tmp_path / "hostile"
    path.write_bytes(prefix + data)
    result = inspect(path)
    assert result.kept  # always says what an export would keep
    assert result.error is None or is_plain(result.error), result.error
    for finding in result.findings:
        assert len(finding.value) <= 200 and finding.value.isprintable()
