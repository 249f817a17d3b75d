"""Thumbnails: fast decode paths, the 0700 disk cache, LRU bounds, hostile files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pellicle.core.demo import FORMATS, write_photo
from pellicle.core.thumbs import ThumbCache, ThumbError, cache_key, make_thumbnail
from scrub_helpers import is_plain


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_supported_format_gives_a_bounded_thumbnail(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"photo.{fmt}"
    write_photo(path, fmt, width=400, height=300)
    img = make_thumbnail(path, 128)
    assert max(img.size) == 128
    assert img.mode in ("RGB", "RGBA")


def test_orientation_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "turned.jpg"
    write_photo(path, "jpeg", width=400, height=200, orientation=6)
    assert make_thumbnail(path, 100).size == (50, 100)


def test_jpeg_is_decoded_at_reduced_scale(tmp_path: Path) -> None:
    path = tmp_path / "big.jpg"
    write_photo(path, "jpeg", width=2048, height=1536, plant=False)
    from PIL import Image

    with Image.open(path) as img:
        img.draft("RGB", (128, 128))
        assert img.size[0] <= 2048 // 8  # what make_thumbnail relies on
    assert max(make_thumbnail(path, 128).size) == 128


def test_cache_hits_unchanged_files_and_remakes_changed_ones(tmp_path: Path) -> None:
    path = tmp_path / "a.jpg"
    write_photo(path, "jpeg", width=300, height=200)
    cache = ThumbCache(tmp_path / "cache")
    assert oct(os.stat(tmp_path / "cache").st_mode & 0o777) == oct(0o700)
    first = cache.get(path, 96)
    second = cache.get(path, 96)
    assert cache.made == 1 and first.size == second.size
    # A second cache object (the next app start) still finds it on disk.
    assert ThumbCache(tmp_path / "cache").get(path, 96).size == first.size
    write_photo(path, "jpeg", width=200, height=300, seed=9)
    os.utime(path, ns=(1, 1))
    assert cache.get(path, 96).size == (64, 96)
    assert cache.made == 2
    assert cache_key(path, 96, 1, 5) != cache_key(path, 96, 2, 5)


def test_cache_is_bounded_by_lru_eviction(tmp_path: Path) -> None:
    cache = ThumbCache(tmp_path / "cache", max_bytes=30_000)
    paths = []
    for i in range(30):
        path = tmp_path / f"p{i}.jpg"
        write_photo(path, "jpeg", width=256, height=256, seed=i, plant=False)
        paths.append(path)
        cache.get(path, 128)
    assert cache.total_bytes() <= 30_000
    # The most recently used thumbnail survived eviction.
    made = cache.made
    cache.get(paths[-1], 128)
    assert cache.made == made


def test_unreadable_files_raise_thumb_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    with pytest.raises(ThumbError, match=r"^not a readable JPEG file$"):
        make_thumbnail(bad, 64)
    cut = tmp_path / "cut.heic"
    write_photo(cut, "heif", width=64, height=48)
    cut.write_bytes(cut.read_bytes()[:200])
    with pytest.raises(ThumbError) as info:
        make_thumbnail(cut, 64)
    assert str(info.value) in (
        "not a readable HEIF file",
        "truncated HEIF: the file ends before its image data does",
    )
    with pytest.raises(ThumbError):
        ThumbCache(tmp_path / "c").get(tmp_path / "missing.jpg", 64)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=600), prefix=st.sampled_from(
    [b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF89a", b"RIFF\0\0\0\0WEBP", b"II*\0",
     b"\0\0\0\x18ftypheic"]))  # fmt: skip
def test_hostile_bytes_never_escape_as_other_errors(
    tmp_path: Path, data: bytes, prefix: bytes
) -> None:
    path = tmp_path / "hostile"
    path.write_bytes(prefix + data)
    try:
        make_thumbnail(path, 64)
    except ThumbError as exc:
        assert is_plain(str(exc)), str(exc)


def test_phone_jpegs_with_an_mpf_block_are_decoded_at_reduced_scale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Most phone JPEGs carry an MPF block and open as "MPO": still drafted."""
    from PIL import Image

    import pellicle.core.thumbs as thumbs

    path = tmp_path / "phone.jpg"
    write_photo(path, "jpeg", width=2048, height=1536)  # planted: has an MPF image
    with Image.open(path) as img:
        assert img.format == "MPO"
    seen: list[tuple[int, int]] = []
    real = thumbs._finish

    def spy(img: Image.Image, size: int, **kwargs: bool) -> Image.Image:
        seen.append(img.size)
        return real(img, size, **kwargs)

    monkeypatch.setattr(thumbs, "_finish", spy)
    assert max(make_thumbnail(path, 128).size) == 128
    assert seen == [(256, 192)]  # decoded at 1/8 scale, not 2048x1536


def test_raw_thumbnail_comes_from_its_preview_turned_upright(tmp_path: Path) -> None:
    from pellicle.core.thumbs import make_thumbnail
    from tiff_builder import make_dng

    path = tmp_path / "photo.dng"
    path.write_bytes(make_dng(preview_size=(2000, 1500), orientation=6))
    thumb = make_thumbnail(path, 256)
    assert thumb.size == (192, 256)  # the 4:3 preview, turned a quarter
    assert thumb.getpixel((96, 128))[0] > 150  # the preview's orange, not the grey sensor


def test_video_thumbnail_and_duration(tmp_path: Path) -> None:
    from pellicle.core.thumbs import make_thumbnail, video_duration
    from video_helpers import make_video, need

    need("ffmpeg")
    path = make_video(tmp_path / "clip.mov", container="mov", seconds=2, size="320x240")
    thumb = make_thumbnail(path, 128)
    assert thumb.size == (128, 96)
    assert video_duration(path) == pytest.approx(2.0, abs=0.1)
    (tmp_path / "junk.mp4").write_bytes(b"\x00\x00\x00\x10ftypisom" + bytes(8))
    assert video_duration(tmp_path / "junk.mp4") is None


def _ffmpeg_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    import pellicle.core.thumbs as thumbs

    calls: list[list[str]] = []
    real = thumbs.subprocess.run

    def spy(args: list[str], **kwargs: object) -> object:
        calls.append(args)
        return real(args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(thumbs.subprocess, "run", spy)
    return calls


@pytest.mark.parametrize(("codec", "rotate"), [("h264", 0), ("h264", 90), ("hevc", 0)])
def test_a_video_thumbnail_takes_one_ffmpeg_run_without_probing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str, rotate: int
) -> None:
    """The cheap first try (no stream probe, one thread) gives the very
    pixels FFmpeg's defaults give, turned by the rotation matrix."""
    import pellicle.core.thumbs as thumbs
    from video_helpers import make_video, need, run

    need("ffmpeg")
    path = make_video(tmp_path / "clip.mov", container="mov", size="320x240", rotate=rotate)
    if codec == "hevc":
        hevc = tmp_path / "hevc.mov"
        run("ffmpeg", "-v", "error", "-i", path, "-map", "0:v", "-c:v", "libx265",
            "-x265-params", "log-level=none", "-tag:v", "hvc1", hevc)  # fmt: skip
        path = hevc
    calls = _ffmpeg_calls(monkeypatch)
    fast = make_thumbnail(path, 128)
    assert len(calls) == 1 and "-probesize" in calls[0]
    assert fast.size == ((96, 128) if rotate else (128, 96))
    monkeypatch.setattr(thumbs, "_VIDEO_TRIES", ((),))
    assert make_thumbnail(path, 128).tobytes() == fast.tobytes()


def test_a_video_the_cheap_try_cannot_read_gets_ffmpegs_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pellicle.core.thumbs as thumbs
    from video_helpers import make_video, need

    need("ffmpeg")
    path = make_video(tmp_path / "clip.mp4", size="160x120", plant=False)
    monkeypatch.setattr(thumbs, "_VIDEO_TRIES", (("-no-such-option", "1"), ()))
    calls = _ffmpeg_calls(monkeypatch)
    assert make_thumbnail(path, 64).size == (64, 48)
    assert len(calls) == 2
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00\x00\x00\x10ftypisom" + bytes(8) + b"\x00\x00\x00\x08mdat")
    with pytest.raises(ThumbError, match="no decodable frame"):
        make_thumbnail(junk, 64)


def test_video_thumbnails_are_cached_like_photos(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FFmpeg runs once per video: later asks, in this process or the next,
    read the disk cache; a changed video is decoded again."""
    import pellicle.core.thumbs as thumbs
    from video_helpers import make_video, need

    need("ffmpeg")
    path = make_video(tmp_path / "clip.mp4", size="160x120", plant=False)
    calls = _ffmpeg_calls(monkeypatch)
    cache = ThumbCache(tmp_path / "cache")
    first = cache.get(path, 96)
    assert len(calls) == 1 and cache.made == 1
    monkeypatch.setattr(thumbs.shutil, "which", lambda name: None)  # no FFmpeg any more
    again = ThumbCache(tmp_path / "cache")
    assert again.get(path, 96).size == first.size == (96, 72)
    assert again.made == 0 and len(calls) == 1
    os.utime(path, ns=(1, 1))
    with pytest.raises(ThumbError, match="no video decoder"):
        again.get(path, 96)
