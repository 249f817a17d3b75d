"""Inspect videos and RAWs: every place they keep something is named, the
export shows none of it, and hostile files never raise."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pellicle.core import inspect_video
from pellicle.core.inspect import (
    CAMERA,
    DATES,
    EXTRA,
    OTHER,
    PEOPLE,
    PLACE,
    Inspection,
    inspect,
    kept_by_export,
)
from pellicle.core.inspect_video import _iso6709
from pellicle.core.scrub import ScrubOptions, scrub, verify
from tiff_builder import TiffBuilder, make_dng
from video_helpers import (
    CONTENT_ID,
    HANDLER,
    MAKE,
    MODEL,
    SOFTWARE,
    TITLE,
    XMP,
    make_video,
)


def _values(result: Inspection, category: str | None = None) -> list[str]:
    return [f.value for f in result.findings if category is None or f.category == category]


@pytest.fixture(scope="module")
def planted_mov(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_video(tmp_path_factory.mktemp("mov") / "IMG_0001.MOV", container="mov")


def test_a_phone_video_shows_place_device_dates_and_what_is_hidden(planted_mov: Path) -> None:
    result = inspect(planted_mov)
    assert result.error is None
    assert (result.fmt, result.width, result.height) == ("mov", 64, 48)
    assert result.duration == pytest.approx(1.0, abs=0.05)
    places = _values(result, PLACE)
    # QuickTime keys (ISO 6709, as iPhones write it), FFmpeg's location key,
    # the 3GPP location box: each in degrees.
    assert "12.34560° N, 65.43210° W, 10 m" in places
    assert "48.85820° N, 2.29450° E" in places
    assert any(p.startswith("48.85818° N, 2.29449° E") for p in places)
    camera = _values(result, CAMERA)
    for planted in (MAKE, MODEL, SOFTWARE):
        assert planted.decode() in camera
    assert any(v.startswith("Lavc") for v in camera)  # the encoder named in the sample entry
    assert "2019-05-06 07:08:09 UTC" in _values(result, DATES)
    everything = " ".join(_values(result))
    for planted in (TITLE, XMP, CONTENT_ID, HANDLER):
        assert planted.decode() in everything
    assert not any(f.kept for f in result.findings)
    hidden = _values(result, EXTRA)
    for what in ("subtitles or text", "timecode", "GoPro telemetry"):
        assert any(v.startswith(what) for v in hidden), what
    assert any("Samsung trailer (SEFT)" in v for v in hidden)
    assert any("PLANTED-UUID-BOX" in v for v in hidden)
    assert [(t.what, t.kept) for t in result.tracks if t.kept] == [("video", True), ("audio", True)]
    assert result.kept == kept_by_export("mov", keep_capture_date=False)
    assert "byte for byte" in result.kept[0]


def test_only_the_header_creation_dates_are_kept_when_opted_in(planted_mov: Path) -> None:
    result = inspect(planted_mov, keep_capture_date=True)
    kept = [(f.category, f.label) for f in result.findings if f.kept]
    assert kept == [(DATES, "Created (movie header)")]
    assert "the recording date (you opted in)" in result.kept


def test_an_mp4_with_itunes_items_and_a_3gpp_location(tmp_path: Path) -> None:
    result = inspect(make_video(tmp_path / "clip.mp4"))
    assert result.error is None and result.fmt == "mp4"
    assert TITLE.decode() in _values(result)
    assert any(v.startswith("48.85818° N, 2.29449° E") for v in _values(result, PLACE))
    assert any(v.startswith("Lavf") for v in _values(result, CAMERA))


@pytest.mark.parametrize("container", ["mov", "mp4"])
def test_the_exported_video_shows_nothing(tmp_path: Path, container: str) -> None:
    src = make_video(tmp_path / f"clip.{container}", container=container)
    out = tmp_path / f"out.{container}"
    fd = os.open(out, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        verify(fd, container, src, claimed=scrub(src, fd, container))
    finally:
        os.close(fd)
    assert len(inspect(src).findings) > 15
    result = inspect(out)
    assert result.error is None
    assert result.findings == []
    assert [t.what for t in result.tracks] == ["video", "audio"]
    assert result.duration == pytest.approx(1.0, abs=0.05)
    # With the capture date kept, that one date is all there is, marked kept.
    fd = os.open(out, os.O_RDWR | os.O_TRUNC)
    try:
        options = ScrubOptions(keep_capture_date=True)
        verify(fd, container, src, options, claimed=scrub(src, fd, container, options))
    finally:
        os.close(fd)
    findings = inspect(out, keep_capture_date=True).findings
    assert {(f.category, f.value, f.kept) for f in findings} == {
        (DATES, "2019-05-06 07:08:09 UTC", True)
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("+48.8582+002.2945/", "48.85820° N, 2.29450° E"),
        ("+12.3456-065.4321+010.000/", "12.34560° N, 65.43210° W, 10 m"),
        ("-33.8688+151.2093/", "33.86880° S, 151.20930° E"),
        ("+4851.492+00217.670/", "48.85820° N, 2.29450° E"),  # degrees and minutes
        ("+485129.5+0021740.2/", "48.85819° N, 2.29450° E"),  # and seconds
    ],
)
def test_iso6709_positions_in_words(text: str, words: str) -> None:
    assert _iso6709(text) == words


@pytest.mark.parametrize("text", ["", "Paris", "+99.0+000.0/", "+48.8+200.0/", "+4.8582+2.2945/"])
def test_what_is_not_an_iso6709_position_is_shown_as_it_is(text: str) -> None:
    assert _iso6709(text) is None


def test_a_movie_box_too_large_to_read_is_said(
    planted_mov: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inspect_video, "_MAX_MOOV", 1000)
    result = inspect(planted_mov)
    assert result.error == "the movie box is too large to read"
    # What lies outside it is still named.
    assert any("Samsung trailer" in v for v in _values(result, EXTRA))


def test_a_damaged_track_does_not_hide_the_rest(planted_mov: Path, tmp_path: Path) -> None:
    data = bytearray(planted_mov.read_bytes())
    at = data.find(b"stsd", data.find(b"trak"))
    struct.pack_into(">I", data, at - 4, 0xFFFFFF)  # a sample table that overflows its parent
    path = tmp_path / "damaged.mov"
    path.write_bytes(bytes(data))
    result = inspect(path)
    assert result.error is not None and "does not fit" in result.error
    assert MODEL.decode() in _values(result, CAMERA)  # the movie's own metadata still read


def _planted_video_bytes() -> bytes:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        return make_video(Path(folder) / "v.mov", container="mov", subtitles=False).read_bytes()


_VIDEO = _planted_video_bytes()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(st.tuples(st.integers(0, len(_VIDEO) - 1), st.binary(min_size=1, max_size=8)),
                  max_size=6),
    length=st.integers(8, len(_VIDEO)),
)  # fmt: skip
def test_hostile_videos_never_raise(
    tmp_path: Path, cuts: list[tuple[int, bytes]], length: int
) -> None:
    """Overwrite bytes of a real planted video (its box sizes, counts, keys)
    and cut it short: the inspector names what it can and never raises."""
    data = bytearray(_VIDEO[:length])
    for at, value in cuts:
        data[at : at + len(value)] = value
    path = tmp_path / "hostile.mov"
    path.write_bytes(bytes(data[:length]))
    result = inspect(path)
    assert result.kept
    assert len(result.findings) <= 500
    for finding in result.findings:
        assert 0 < len(finding.value) <= 200 and finding.value.isprintable()


# --- RAW ----------------------------------------------------------------------

RAW_PLANTED = (b"PLANTED-RAW-MAKE", b"PLANTED-RAW-MODEL", b"PLANTED-RAW-SERIAL", b"PLANTED-NOTE")


@pytest.mark.parametrize("little", [True, False])
def test_a_dng_shows_camera_serial_lens_place_and_date(tmp_path: Path, little: bool) -> None:
    path = tmp_path / "IMG_0001.DNG"
    path.write_bytes(make_dng(planted=RAW_PLANTED, little=little, lens=b"PLANTED-LENS", gps=True))
    result = inspect(path)
    assert result.error is None and result.fmt == "raw"
    camera = _values(result, CAMERA)
    for planted in (*RAW_PLANTED[:3], b"PLANTED-LENS", b"Planted Camera"):
        assert planted.decode() in camera
    assert "12 bytes of vendor data" in camera  # the maker note, by size
    assert "48.85820° N, 2.29450° E" in _values(result, PLACE)
    assert "2020:03:04 05:06:07" in _values(result, DATES)
    assert not any(f.kept for f in result.findings)
    kept = [f.label for f in inspect(path, keep_capture_date=True).findings if f.kept]
    assert kept == ["Taken"]
    assert result.kept[0].startswith("the picture as a JPEG")
    assert (result.width, result.height) == (64, 48)


def _cmt_tiff(entries: list[tuple[int, int, object]]) -> bytes:
    b = TiffBuilder()
    return b.finish(b.ifd(entries))  # type: ignore[arg-type]


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def test_a_canon_cr3_shows_its_cmt_boxes(tmp_path: Path) -> None:
    cmt1 = _cmt_tiff([(0x010F, 2, b"Canon\x00"), (0x0110, 2, b"PLANTED-CR3-MODEL\x00")])
    cmt2 = _cmt_tiff([(0xA431, 2, b"PLANTED-CR3-SERIAL\x00"), (0xA434, 2, b"RF50mm\x00")])
    cmt4 = _cmt_tiff([(1, 2, b"S\x00"), (2, 5, [(33, 1), (52, 1), (0, 1)]),
                      (3, 2, b"E\x00"), (4, 5, [(151, 1), (12, 1), (0, 1)])])  # fmt: skip
    canon = bytes.fromhex("85C0B687820F11E08111F4CE462B6A48")
    uuid = _box(b"uuid", canon + _box(b"CMT1", cmt1) + _box(b"CMT2", cmt2) + _box(b"CMT4", cmt4))
    data = _box(b"ftyp", b"crx \x00\x00\x00\x01crx isom") + _box(b"moov", uuid)
    path = tmp_path / "IMG_0001.CR3"
    path.write_bytes(data + _box(b"mdat", bytes(64)))
    result = inspect(path)
    assert result.fmt == "raw"
    camera = _values(result, CAMERA)
    assert {"Canon", "PLANTED-CR3-MODEL", "PLANTED-CR3-SERIAL", "RF50mm"} <= set(camera)
    assert _values(result, PLACE) == ["33.86667° S, 151.20000° E"]


def test_a_fujifilm_raf_shows_the_exif_of_its_embedded_jpeg(tmp_path: Path) -> None:
    exif = _cmt_tiff([(0x010F, 2, b"FUJIFILM\x00"), (0x0110, 2, b"PLANTED-RAF-MODEL\x00")])
    app1 = b"Exif\x00\x00" + exif
    jpeg = b"\xff\xd8" + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + b"\xff\xd9"
    head = b"FUJIFILMCCD-RAW 0201FF383501".ljust(84, b"\x00")
    head += struct.pack(">II", 100, len(jpeg)) + bytes(8)
    path = tmp_path / "DSCF0001.RAF"
    path.write_bytes(head + jpeg + bytes(64))
    result = inspect(path)
    assert result.fmt == "raw"
    assert {"FUJIFILM", "PLANTED-RAF-MODEL"} <= set(_values(result, CAMERA))


@pytest.mark.parametrize("head", [b"FOVb", b"IIRO"])  # Sigma X3F; an ORF without IFD
def test_a_raw_this_reader_cannot_read_says_so(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "IMG.RAW"
    path.write_bytes(head + bytes(60))
    result = inspect(path)
    assert result.fmt == "raw" and result.findings == []
    assert result.error in ("this kind of RAW's metadata is not read yet",
                            "no readable camera metadata")  # fmt: skip


_DNG = make_dng(planted=RAW_PLANTED, lens=b"LENS", gps=True, preview_size=None)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    cuts=st.lists(st.tuples(st.integers(0, len(_DNG) - 1), st.binary(min_size=1, max_size=8)),
                  max_size=6),
    length=st.integers(8, len(_DNG)),
)  # fmt: skip
def test_hostile_raws_never_raise(
    tmp_path: Path, cuts: list[tuple[int, bytes]], length: int
) -> None:
    data = bytearray(_DNG[:length])
    for at, value in cuts:
        data[at : at + len(value)] = value
    data[:4] = _DNG[:4]  # still a TIFF-based RAW for the sniffer, mostly
    path = tmp_path / "hostile.dng"
    path.write_bytes(bytes(data[:length]))
    result = inspect(path)
    assert result.kept
    for finding in result.findings:
        assert 0 < len(finding.value) <= 200 and finding.value.isprintable()
    assert {f.category for f in result.findings} <= {
        PLACE,
        CAMERA,
        DATES,
        PEOPLE,
        OTHER,
        "Comments",
    }


def test_a_movie_box_of_countless_empty_boxes_is_refused_not_walked(tmp_path: Path) -> None:
    udta = _box(b"udta", _box(b"free", b"") * 300_000)
    path = tmp_path / "bomb.mov"
    path.write_bytes(_box(b"ftyp", b"qt  \x00\x00\x00\x00qt  ") + _box(b"moov", udta))
    result = inspect(path)
    assert result.error == "damaged video: too many boxes"
    assert len(result.findings) <= 500


def test_a_codec_code_with_control_bytes_is_shown_printable() -> None:
    """Found by the hostile-video property test in CI: a codec written
    "\x01pmd" reached the inspector's text as it was."""
    from pellicle.core.inspect_video import _fourcc

    assert _fourcc(b"\x01pmd") == "?pmd"
    assert _fourcc(b"avc1") == "avc1"
    assert _fourcc(b"\x00\x00\x00\x00") == "?"
