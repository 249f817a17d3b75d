"""Live Photo pairing: by folder and base name, confirmed by content identifiers."""

from __future__ import annotations

import io
import struct
from pathlib import Path

from PIL import Image

from pellicle.core.livephoto import LivePair, content_identifier, pair_live_photos
from video_helpers import CONTENT_ID, make_video


def _apple_jpeg(identifier: bytes) -> bytes:
    """A JPEG whose EXIF holds an Apple MakerNote with a content identifier."""
    value = identifier + b"\x00"
    # MakerNote: header, version, byte order, then an IFD at offset 14 whose
    # value offsets count from the MakerNote's start.
    ifd_at = 14
    value_at = ifd_at + 2 + 12 + 4
    maker = b"Apple iOS\x00" + b"\x00\x01MM"
    maker += struct.pack(">H", 1) + struct.pack(">HHII", 0x0011, 2, len(value), value_at)
    maker += struct.pack(">I", 0) + value
    # TIFF: IFD0 with an Exif pointer, the Exif IFD with the MakerNote.
    exif_ifd = 8 + 2 + 12 + 4
    note_at = exif_ifd + 2 + 12 + 4
    tiff = b"MM\x00*" + struct.pack(">I", 8)
    tiff += struct.pack(">H", 1) + struct.pack(">HHII", 0x8769, 4, 1, exif_ifd) + bytes(4)
    tiff += struct.pack(">H", 1) + struct.pack(">HHII", 0x927C, 7, len(maker), note_at)
    tiff += bytes(4) + maker
    buf = io.BytesIO()
    Image.new("RGB", (8, 8)).save(buf, "JPEG", exif=b"Exif\x00\x00" + tiff)
    return buf.getvalue()


def test_identifiers_are_read_from_the_mov_keys_and_the_stills_makernote(tmp_path: Path) -> None:
    mov = make_video(tmp_path / "IMG_0001.MOV", container="mov")
    assert content_identifier(mov) == CONTENT_ID.decode()
    still = tmp_path / "IMG_0001.JPG"
    still.write_bytes(_apple_jpeg(CONTENT_ID))
    assert content_identifier(still) == CONTENT_ID.decode()
    plain = make_video(tmp_path / "plain.mov", container="mov", plant=False)
    assert content_identifier(plain) is None
    (tmp_path / "junk.mov").write_bytes(b"\x00\x00\x00\x14ftypqt  " + b"\xff" * 40)
    assert content_identifier(tmp_path / "junk.mov") is None
    assert content_identifier(tmp_path / "missing.mov") is None


def test_pairs_by_folder_and_name() -> None:
    files = [
        (b"2024/IMG_0001.HEIC", "heif"),
        (b"2024/IMG_0001.MOV", "mov"),
        (b"2024/IMG_0002.JPG", "jpeg"),
        (b"2024/img_0002.mov", "mov"),  # case aside
        (b"2024/IMG_0003.MOV", "mov"),  # a plain video
        (b"other/IMG_0001.MOV", "mov"),  # another folder
        (b"2024/IMG_0004.HEIC", "heif"),
        (b"2024/IMG_0004.JPG", "jpeg"),  # two stills: ambiguous
        (b"2024/IMG_0004.MOV", "mov"),
        (b"2024/IMG_0005.MP4", "mp4"),  # not a Live Photo container
        (b"2024/IMG_0005.JPG", "jpeg"),
    ]
    pairs = pair_live_photos(files)
    assert pairs == {
        b"2024/IMG_0001.MOV": LivePair(b"2024/IMG_0001.HEIC", b"2024/IMG_0001.MOV"),
        b"2024/img_0002.mov": LivePair(b"2024/IMG_0002.JPG", b"2024/img_0002.mov"),
    }


def test_identifiers_that_differ_undo_a_pair_and_only_candidates_are_read() -> None:
    files = [(b"a/IMG_1.HEIC", "heif"), (b"a/IMG_1.MOV", "mov"), (b"a/IMG_2.HEIC", "heif")]
    files += [(b"a/IMG_2.MOV", "mov"), (b"a/IMG_3.JPG", "jpeg"), (b"a/other.MOV", "mov")]
    ids = {b"a/IMG_1.HEIC": "X", b"a/IMG_1.MOV": "Y", b"a/IMG_2.HEIC": "Z", b"a/IMG_2.MOV": None}
    read: list[bytes] = []

    def identifier(rel: bytes) -> str | None:
        read.append(rel)
        return ids.get(rel)

    pairs = pair_live_photos(files, identifier)
    assert set(pairs) == {b"a/IMG_2.MOV"}  # unknown on one side: the name decides
    assert sorted(read) == sorted(ids)  # never IMG_3.JPG or other.MOV
