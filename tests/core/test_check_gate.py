"""The gate through a real sync, and `check` judging copies the same way.

The sync's gate and `pellicle check` share one notion of what an exported
file should be (its source's image data, byte for byte; decoded when there
is nothing to compare with), and `check` fails closed: a copy it cannot
read or parse is a problem, never counted as checked.
"""

from __future__ import annotations

import errno
import io
import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from PIL import Image

from fs_helpers import exported_files, tree_digest
from pellicle.core import demo
from pellicle.core import sync as sync_mod
from pellicle.core.engine import Engine


def _lzw_image(img: Image.Image) -> tuple[bytes, bytes]:
    """(global colour table, code size + LZW sub-blocks) of `img` as Pillow writes it."""
    buf = io.BytesIO()
    img.save(buf, "GIF")
    data = buf.getvalue()
    flags = data[10]
    table = data[13 : 13 + (3 << ((flags & 7) + 1))]
    pos = 13 + len(table)
    while data[pos] == 0x21:  # extensions before the image
        pos += 2
        while data[pos]:
            pos += 1 + data[pos]
        pos += 1
    assert data[pos] == 0x2C and not data[pos + 9] & 0x80  # no local colour table
    start = pos + 10
    pos = start + 1
    while data[pos]:
        pos += 1 + data[pos]
    return table, data[start : pos + 1]


def extents_gif() -> bytes:
    """A GIF like Pillow's Tests/images/test_extents.gif: a 100x100 screen
    whose second 100x100 frame sits at (50, 50), reaching past the screen."""
    first = demo.pixels(100, 100, seed=1).quantize(16)
    second = demo.pixels(100, 100, seed=2).quantize(palette=first)
    table, data1 = _lzw_image(first)
    _, data2 = _lzw_image(second)
    size_bits = (len(table) // 3).bit_length() - 2
    out = b"GIF87a" + struct.pack("<HHBBB", 100, 100, 0x80 | size_bits, 0, 0) + table
    out += b"\x2c" + struct.pack("<HHHHB", 0, 0, 100, 100, 0) + data1
    out += b"\x2c" + struct.pack("<HHHHB", 50, 50, 100, 100, 0) + data2
    return out + b"\x3b"


def _problems(engine: Engine) -> dict[str, str]:
    return {p["path"].rsplit("/", 1)[-1]: p["reason"] for p in engine.status()["problems"]}


def test_gif_whose_frames_reach_past_the_screen_syncs_and_checks_clean(
    engine: Engine, library: Path, export: Path
) -> None:
    data = extents_gif()
    with Image.open(io.BytesIO(data)) as img:
        assert img.size == (100, 100) and img.n_frames == 2
        img.seek(1)
        assert img.size == (150, 150)  # what made `check` expect 150x150 before
    (library / "S").mkdir()
    (library / "S" / "extents.gif").write_bytes(data)
    engine.share([str(library / "S")])
    assert engine.sync().in_sync
    assert exported_files(export) == {"S/extents.gif"}
    report = engine.check()
    assert report.clean, report.problems
    assert report.checked == 1
    report = engine.check(decode=True)
    assert report.clean, report.problems


def test_png_with_a_big_icc_profile_is_exported(
    engine: Engine, library: Path, export: Path
) -> None:
    # 1.6 MB: more than the 1 MB Pillow inflates for a PNG text chunk by default.
    icc = demo.large_icc(1_600_000)
    (library / "S").mkdir()
    demo.write_photo(library / "S" / "print.png", "png", icc=icc, width=40, height=30)
    engine.share([str(library / "S")])
    assert engine.sync().in_sync
    with Image.open(export / "S" / "print.png") as img:
        assert img.info["icc_profile"] == icc
    assert engine.check().clean
    assert engine.check(decode=True).clean


def _scans(data: bytes) -> list[tuple[int, int]]:
    """(start, end) of each scan's entropy-coded data in a JPEG."""
    spans = []
    pos = 0
    while (sos := data.find(b"\xff\xda", pos)) >= 0:
        start = sos + 2 + struct.unpack(">H", data[sos + 2 : sos + 4])[0]
        end = start
        while not (data[end] == 0xFF and data[end + 1] not in (0x00, *range(0xD0, 0xD8))):
            end += 1
        spans.append((start, end))
        pos = end
    return spans


def _jpeg_scan_zeroed() -> bytes:
    """Scan data overwritten inside a scan: libjpeg only warns, and shows grey."""
    data = bytearray(demo.photo_bytes("jpeg", width=128, height=96, plant=False))
    start, end = _scans(bytes(data))[0]
    for i in range((start + end) // 2, end - 1):
        if 0xFF not in data[i - 1 : i + 2]:
            data[i] = 0
    return bytes(data)


def _jpeg_bogus_table() -> bytes:
    """A Huffman table whose code counts are impossible: nothing decodes it."""
    data = demo.photo_bytes("jpeg", width=64, height=48, plant=False)
    dht = data.index(b"\xff\xc4")
    return data[: dht + 5] + b"\xff" * 16 + data[dht + 21 :]


def _webp_bitstream_zeroed() -> bytes:
    data = bytearray(demo.photo_bytes("webp", width=64, height=48, plant=False))
    at = data.index(b"VP8L") if b"VP8L" in data else data.index(b"VP8 ")
    (size,) = struct.unpack("<I", data[at + 4 : at + 8])
    data[at + 8 + 20 : at + 8 + size - 4] = bytes(size - 24)
    return bytes(data)


def _gif_lzw_garbage() -> bytes:
    data = bytearray(demo.photo_bytes("gif", width=64, height=48, plant=False))
    pos = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)
    while data[pos] == 0x21:
        pos += 2
        while data[pos]:
            pos += 1 + data[pos]
        pos += 1
    assert data[pos] == 0x2C and not data[pos + 9] & 0x80
    first = pos + 11  # the first data sub-block's length byte
    data[first + 1 : first + 1 + min(40, data[first])] = b"\xff" * min(40, data[first])
    return bytes(data)


#: Whole files whose image data is damaged: the user's own photos, shown as
#: they are. The flag says whether Pillow refuses to decode it.
DAMAGED_DATA = {
    "zeroed.jpg": (_jpeg_scan_zeroed, False),
    "bogus-table.jpg": (_jpeg_bogus_table, True),
    "zeroed.webp": (_webp_bitstream_zeroed, True),
    "garbage.gif": (_gif_lzw_garbage, True),
}


def _decodes(data: bytes) -> bool:
    try:
        with Image.open(io.BytesIO(data)) as img:
            for frame in range(getattr(img, "n_frames", 1)):
                img.seek(frame)
                img.load()
    except OSError:
        return False
    return True


def test_sources_with_damaged_image_data_are_exported_as_they_are(
    engine: Engine, library: Path, export: Path
) -> None:
    (library / "S").mkdir()
    for name, (make, refused) in DAMAGED_DATA.items():
        data = make()
        assert _decodes(data) is not refused, name  # before, the gate's decode refused these
        (library / "S" / name).write_bytes(data)
    engine.share([str(library / "S")])
    report = engine.sync()
    assert report.in_sync and not report.failed, report.failed
    assert exported_files(export) == {f"S/{name}" for name in DAMAGED_DATA}
    assert (export / "S" / "zeroed.jpg").read_bytes() == DAMAGED_DATA["zeroed.jpg"][0]()
    assert engine.check().clean
    # Decoding on request tells the user what the decoder thinks of them.
    flagged = {p.split(": ")[1] for p in engine.check(decode=True).problems}
    assert flagged == {f"S/{name}" for name, (_, refused) in DAMAGED_DATA.items() if refused}


def _bad_png_crc() -> bytes:
    data = bytearray(demo.photo_bytes("png", plant=False))
    idat = data.index(b"IDAT")
    data[idat + 6] ^= 0x01  # data changed, CRC left as it was
    return bytes(data)


def _png_without_iend() -> bytes:
    data = demo.photo_bytes("png", plant=False)
    return data[: data.rindex(b"IEND") - 4]


STRUCTURALLY_BROKEN = {
    "truncated.jpg": demo.photo_bytes("jpeg", plant=False)[:-300],
    "no-eoi.jpg": demo.photo_bytes("jpeg", plant=False)[:-2],
    "bad-crc.png": _bad_png_crc(),
    "no-iend.png": _png_without_iend(),
    "no-trailer.gif": demo.photo_bytes("gif", plant=False)[:-1],
    "short.webp": demo.photo_bytes("webp", plant=False)[:-10],
    "short-strips.tif": demo.photo_bytes("tiff", plant=False)[:-50],
}


def test_structurally_broken_sources_are_refused(
    engine: Engine, library: Path, export: Path
) -> None:
    (library / "S").mkdir()
    for name, data in STRUCTURALLY_BROKEN.items():
        (library / "S" / name).write_bytes(data)
    engine.share([str(library / "S")])
    report = engine.sync()
    assert not report.in_sync
    assert exported_files(export) == set()
    problems = _problems(engine)
    assert set(problems) == set(STRUCTURALLY_BROKEN), problems
    assert all("\n" not in reason for reason in problems.values())


def test_source_changed_between_copy_and_gate_is_retried_not_blamed(
    engine: Engine, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = library / "S" / "a.jpg"
    path.parent.mkdir()
    demo.write_photo(path, "jpeg", width=64, height=48, plant=False)
    engine.share([str(library / "S")])
    real = sync_mod.scrub

    def scrub_then_edit(src: str, fd: int, fmt: str, options: object) -> object:
        result = real(src, fd, fmt, options)  # type: ignore[arg-type]
        # A photo editor saves new pixels, same size, while the copy waits.
        data = bytearray(Path(src).read_bytes())
        sos = data.index(b"\xff\xda")
        data[sos + 40] = 0x00 if data[sos + 40] != 0x00 else 0x01
        Path(src).write_bytes(bytes(data))
        return result

    monkeypatch.setattr(sync_mod, "scrub", scrub_then_edit)
    report = engine.sync()
    assert not report.in_sync
    assert [reason for _, reason in report.failed] == ["changed while exporting; retried next sync"]
    assert _problems(engine) == {}
    monkeypatch.undo()
    assert engine.sync().in_sync
    assert (export / "S" / "a.jpg").exists()
    assert engine.check().clean


def _set_manifest_digest(engine: Engine, rel: str, data: bytes) -> None:
    import hashlib

    with engine.store.write() as db:
        db.execute(
            "UPDATE exports SET sha256=? WHERE export_rel=?",
            (hashlib.sha256(data).hexdigest(), rel.encode()),
        )


@pytest.mark.parametrize(
    "content",
    [b"", b"not an image at all", b"\xff\xd8\xff\xdb\x00\x04\x00\x00\xff\xd9"],
    ids=["empty", "garbage", "jpeg-shell"],
)
def test_check_fails_closed_on_a_copy_it_cannot_parse(
    engine: Engine, library: Path, export: Path, content: bytes
) -> None:
    # The manifest agrees with the bytes: only parsing the file can tell.
    path = library / "S" / "a.jpg"
    path.parent.mkdir()
    demo.write_photo(path, "jpeg", width=32, height=24)
    engine.share([str(library / "S")])
    engine.sync()
    (export / "S" / "a.jpg").write_bytes(content)
    _set_manifest_digest(engine, "S/a.jpg", content)
    report = engine.check()
    assert report.checked == 1
    assert [p for p in report.problems if p.startswith("fails the export check: S/a.jpg: ")]


def test_check_fails_closed_on_a_copy_it_cannot_read(
    engine: Engine, library: Path, export: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = library / "S" / "a.jpg"
    path.parent.mkdir()
    demo.write_photo(path, "jpeg", width=32, height=24)
    engine.share([str(library / "S")])
    engine.sync()
    real_open = os.open

    def refusing(name: object, flags: int, *args: object, **kw: object) -> int:
        if name == "a.jpg" and "dir_fd" in kw:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_open(name, flags, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refusing)
    report = engine.check()
    monkeypatch.undo()
    assert report.checked == 1
    assert report.problems == ["cannot read the exported copy: S/a.jpg: input/output error"]


def test_copy_of_an_unplugged_drive_is_decoded_instead(
    engine: Engine, library: Path, export: Path, tmp_path: Path
) -> None:
    for name, fmt in (("a.jpg", "jpeg"), ("b.png", "png")):
        (library / "S").mkdir(exist_ok=True)
        demo.write_photo(library / "S" / name, fmt, width=32, height=24)
    engine.share([str(library / "S")])
    engine.sync()
    os.rename(library, tmp_path / "unplugged")
    report = engine.check()
    assert report.clean and report.checked == 2, report.problems
    # A copy that no longer decodes is found without its source too.
    data = bytearray((export / "S" / "b.png").read_bytes())
    idat = data.index(b"IDAT")
    (length,) = struct.unpack(">I", data[idat - 4 : idat])
    data[idat + 4 : idat + 4 + length] = b"\x00" * length
    data[idat + 4 + length : idat + 8 + length] = struct.pack(
        ">I", zlib.crc32(bytes(data[idat : idat + 4 + length]))
    )
    (export / "S" / "b.png").write_bytes(bytes(data))
    _set_manifest_digest(engine, "S/b.png", bytes(data))
    problems = engine.check().problems
    assert len(problems) == 1 and problems[0].startswith("fails the export check: S/b.png: ")


def test_cli_check_decode(home: Path, library: Path, export: Path, tmp_path: Path) -> None:
    (library / "S").mkdir()
    demo.write_photo(library / "S" / "a.jpg", "jpeg", width=32, height=24)
    (library / "S" / "b.jpg").write_bytes(_jpeg_bogus_table())
    before = tree_digest(library)
    env = dict(os.environ, PELLICLE_HOME=str(home))

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pellicle", *args], env=env, capture_output=True, text=True
        )

    assert cli("init", "--library", str(library), "--export", str(export)).returncode == 0
    assert cli("share", str(library / "S")).returncode == 0
    assert cli("sync").returncode == 0
    plain = cli("check")
    assert plain.returncode == 0, plain.stdout
    decoded = cli("check", "--decode")
    assert decoded.returncode == 1
    assert "problem: fails the export check: S/b.jpg" in decoded.stdout
    assert "Traceback" not in decoded.stderr and decoded.stderr == ""
    assert tree_digest(library) == before


def test_exporting_copies_never_imports_pillow(
    home: Path, library: Path, export: Path, tmp_path: Path
) -> None:
    # The gate compares copies instead of decoding them: a sync of JPEG,
    # PNG, WebP, GIF and TIFF photos has no use for an image library, and
    # the command should not pay for importing one. `check` neither.
    (library / "S").mkdir()
    for i, fmt in enumerate(("jpeg", "png", "webp", "gif", "tiff")):
        demo.write_photo(library / "S" / f"p{i}.{fmt}", fmt, width=32, height=24)
    script = (
        "import sys\n"
        "from pellicle.cli import main\n"
        "codes = [main(args) for args in (['init', '--library', sys.argv[1], '--export', "
        "sys.argv[2]], ['share', sys.argv[1]], ['sync'], ['check'])]\n"
        "loaded = sorted(m for m in sys.modules if m == 'PIL' or m.startswith('PIL.'))\n"
        "print(codes, loaded)\n"
    )
    env = dict(os.environ, PELLICLE_HOME=str(home))
    out = subprocess.run(
        [sys.executable, "-c", script, str(library), str(export)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip().splitlines()[-1] == "[0, 0, 0, 0] []", out.stdout
    assert len(exported_files(export)) == 5
