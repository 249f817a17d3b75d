"""Write real photos that carry planted identifying metadata.

Pellicle's central promise is that no exported file carries identifying data.
The only convincing way to test that (and to show it to a user trying the app)
is to start from photos that carry such data in every place a camera, phone or
editor puts it, with distinctive byte strings that a raw search of an exported
file can find. This module makes those photos for tests, benchmarks and the
scripts; it lives in `src` because they all import it from the installed
package, and it never imports Qt. The sample camera roll a person sees
("Try with sample photos") is `samples`: believable photos with real
metadata, and none of these test strings.

Pixels are deterministic for a given seed so that lossless handling can be
checked by comparing pixels, and generation is fast enough for hundreds of
images per test run.

Why one module of this length: it has one job, and its parts are read
together. Every format writer below places the same planted strings and the
same blocks (EXIF, laid out by the TIFF routine here that also lays out the
TIFF photos; XMP; IPTC; ICC) in every place that format can hide metadata,
and a reviewer checking that no hiding place is left unplanted needs the
strings, the blocks and the writers side by side. Split by format or by
block, that one checklist would be spread over several files that all import
each other's helpers. The demo library (`make_library`) is a few lines on
top.
"""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Final

from PIL import Image, ImageCms
from PIL.PngImagePlugin import PngInfo

from pellicle.core.imaging import pillow, register_heif

pillow()  # Pellicle's limits, before any image is opened here

# Each planted string is distinctive enough that finding it anywhere in an
# exported file (raw, or inside an inflated zlib stream) is proof of a leak.
GPS_AREA: Final = b"PLANTED-GPS-AREA-Nowhere"
GPS_METHOD: Final = b"PLANTED-GPS-METHOD"
BODY_SERIAL: Final = b"SERIAL-PL4NT3D"
LENS_SERIAL: Final = b"LENS-SERIAL-PL4NT3D"
PERSON: Final = b"Jane Planted-Person"
MAKE: Final = b"PLANTED-MAKE"
MODEL: Final = b"PLANTED-MODEL"
COPYRIGHT: Final = b"PLANTED-COPYRIGHT"
SOFTWARE: Final = b"PLANTED-SOFTWARE"
USER_COMMENT: Final = b"PLANTED-USERCOMMENT"
MAKER_NOTE: Final = b"PLANTED-MAKERNOTE"
UNIQUE_ID: Final = b"PLANTED-UNIQUE-ID"
THUMB_COMMENT: Final = b"PLANTED-THUMB-COMMENT"
XMP_DOC: Final = b"PLANTED-XMP-DOC"
XMP_EXTENDED: Final = b"PLANTED-XMP-EXTENDED"
IPTC_BYLINE: Final = b"PLANTED-IPTC-BYLINE"
COMMENT: Final = b"PLANTED-COMMENT"
TRAILER: Final = b"PLANTED-TRAILER"
MPF_IMAGE: Final = b"PLANTED-MPF-IMAGE"
VENDOR_APP: Final = b"PLANTED-VENDOR-APP"
JFXX_THUMB: Final = b"PLANTED-JFXX-THUMB"
PNG_TEXT: Final = b"PLANTED-PNG-TEXT"
PNG_ZTXT: Final = b"PLANTED-PNG-ZTXT"
PAGE_TWO: Final = b"PLANTED-PAGE-TWO"
MODIFY_DATE: Final = b"2018:01:02 03:04:05"

#: Every planted string. None of these may appear in an exported file.
PLANTED: Final[tuple[bytes, ...]] = (
    GPS_AREA,
    GPS_METHOD,
    BODY_SERIAL,
    LENS_SERIAL,
    PERSON,
    MAKE,
    MODEL,
    COPYRIGHT,
    SOFTWARE,
    USER_COMMENT,
    MAKER_NOTE,
    UNIQUE_ID,
    THUMB_COMMENT,
    XMP_DOC,
    XMP_EXTENDED,
    IPTC_BYLINE,
    COMMENT,
    TRAILER,
    MPF_IMAGE,
    VENDOR_APP,
    JFXX_THUMB,
    PNG_TEXT,
    PNG_ZTXT,
    PAGE_TWO,
    MODIFY_DATE,
)

#: The planted EXIF DateTimeOriginal. It is not in PLANTED because an export
#: profile may opt in to keeping the capture date.
CAPTURE_DATE: Final = b"2019:07:14 12:34:56"

#: Formats `write_photo` can produce.
FORMATS: Final = ("jpeg", "png", "webp", "gif", "tiff", "heif", "avif")

_SUFFIX: Final = {
    "jpeg": ".jpg",
    "png": ".png",
    "webp": ".webp",
    "gif": ".gif",
    "tiff": ".tif",
    "heif": ".heic",
    "avif": ".avif",
}

# --- TIFF / EXIF structures ----------------------------------------------------

_BYTE, _ASCII, _SHORT, _LONG, _RATIONAL, _UNDEFINED = 1, 2, 3, 4, 5, 7


@dataclass
class _Entry:
    tag: int
    typ: int
    count: int
    data: bytes = b""
    # Offsets resolved at layout time: ("ifd", index) or ("blob", index).
    refs: list[tuple[str, int]] = field(default_factory=list)


@dataclass
class _Ifd:
    entries: list[_Entry]
    next: int | None = None


def _ascii(tag: int, text: bytes) -> _Entry:
    return _Entry(tag, _ASCII, len(text) + 1, text + b"\0")


def _undef(tag: int, data: bytes) -> _Entry:
    return _Entry(tag, _UNDEFINED, len(data), data)


def _shorts(tag: int, e: str, *vals: int) -> _Entry:
    return _Entry(tag, _SHORT, len(vals), struct.pack(f"{e}{len(vals)}H", *vals))


def _longs(tag: int, e: str, *vals: int) -> _Entry:
    return _Entry(tag, _LONG, len(vals), struct.pack(f"{e}{len(vals)}I", *vals))


def _rationals(tag: int, e: str, *pairs: tuple[int, int]) -> _Entry:
    flat = [v for p in pairs for v in p]
    return _Entry(tag, _RATIONAL, len(pairs), struct.pack(f"{e}{len(flat)}I", *flat))


def _ref(tag: int, *refs: tuple[str, int]) -> _Entry:
    return _Entry(tag, _LONG, len(refs), refs=list(refs))


def _tiff_bytes(ifds: Sequence[_Ifd], blobs: Sequence[bytes], *, big: bool = False) -> bytes:
    """Lay out IFDs (IFD 0 first) and blobs into one TIFF structure."""
    e = ">" if big else "<"

    def payload_len(en: _Entry) -> int:
        return 4 * len(en.refs) if en.refs else len(en.data)

    ifd_off: list[int] = []
    pos = 8
    for ifd in ifds:
        ifd_off.append(pos)
        pos += 2 + 12 * len(ifd.entries) + 4
        for en in ifd.entries:
            n = payload_len(en)
            if n > 4:
                pos += n + (n & 1)
    blob_off: list[int] = []
    for blob in blobs:
        blob_off.append(pos)
        pos += len(blob) + (len(blob) & 1)

    out = bytearray(b"MM\x00*" if big else b"II*\x00")
    out += struct.pack(f"{e}I", 8)
    for i, ifd in enumerate(ifds):
        entries = sorted(ifd.entries, key=lambda en: en.tag)
        extra_pos = ifd_off[i] + 2 + 12 * len(entries) + 4
        head = bytearray(struct.pack(f"{e}H", len(entries)))
        extra = bytearray()
        for en in entries:
            if en.refs:
                offs = [ifd_off[j] if kind == "ifd" else blob_off[j] for kind, j in en.refs]
                data = struct.pack(f"{e}{len(offs)}I", *offs)
            else:
                data = en.data
            head += struct.pack(f"{e}HHI", en.tag, en.typ, en.count)
            if len(data) <= 4:
                head += data.ljust(4, b"\0")
            else:
                head += struct.pack(f"{e}I", extra_pos + len(extra))
                extra += data + (b"\0" if len(data) & 1 else b"")
        nxt = ifd_off[ifd.next] if ifd.next is not None else 0
        head += struct.pack(f"{e}I", nxt)
        out += head + extra
    for blob in blobs:
        out += blob + (b"\0" if len(blob) & 1 else b"")
    assert len(out) == pos
    return bytes(out)


@lru_cache(maxsize=8)
def _tiny_jpeg(comment: bytes) -> bytes:
    """A small JPEG carrying `comment`, used as an embedded thumbnail."""
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 40, 40)).save(buf, "JPEG", quality=70, comment=comment)
    return buf.getvalue()


def _exif_entries(e: str, orientation: int) -> tuple[list[_Entry], _Ifd, _Ifd]:
    """Identifying IFD0 entries plus Exif and GPS sub-IFDs, as phones write them."""
    ifd0 = [
        _ascii(0x010F, MAKE),
        _ascii(0x0110, MODEL),
        _shorts(0x0112, e, orientation),
        _ascii(0x0131, SOFTWARE),
        _ascii(0x0132, MODIFY_DATE),
        _ascii(0x013B, PERSON),
        _ascii(0x8298, COPYRIGHT),
    ]
    exif_ifd = _Ifd(
        [
            _ascii(0x9003, CAPTURE_DATE),
            _ascii(0x9004, CAPTURE_DATE),
            _ascii(0x9011, b"+02:00"),
            _undef(0x9286, b"ASCII\0\0\0" + USER_COMMENT),
            _undef(0x927C, b"Planted\0" + MAKER_NOTE + b"\0" * 8),
            _ascii(0xA420, UNIQUE_ID),
            _ascii(0xA430, PERSON),
            _ascii(0xA431, BODY_SERIAL),
            _ascii(0xA435, LENS_SERIAL),
        ]
    )
    gps_ifd = _Ifd(
        [
            _Entry(0x0000, _BYTE, 4, bytes([2, 3, 0, 0])),
            _ascii(0x0001, b"N"),
            _rationals(0x0002, e, (48, 1), (51, 1), (2980, 100)),
            _ascii(0x0003, b"E"),
            _rationals(0x0004, e, (2, 1), (17, 1), (4020, 100)),
            _undef(0x001B, b"ASCII\0\0\0" + GPS_METHOD),
            _undef(0x001C, b"ASCII\0\0\0" + GPS_AREA),
            _ascii(0x001D, b"2019:07:14"),
        ]
    )
    return ifd0, exif_ifd, gps_ifd


def exif_block(orientation: int = 1, *, plant: bool = True, thumbnail: bool = True) -> bytes:
    """A TIFF-structured EXIF block (no 'Exif\\0\\0' prefix).

    With `plant`, it holds owner, camera, serials, dates, GPS, a MakerNote and
    an embedded JPEG thumbnail that carries its own planted comment.
    """
    e = "<"
    if not plant:
        return _tiff_bytes([_Ifd([_shorts(0x0112, e, orientation)])], [])
    ifd0, exif_ifd, gps_ifd = _exif_entries(e, orientation)
    ifd0 += [_ref(0x8769, ("ifd", 2)), _ref(0x8825, ("ifd", 3))]
    ifds = [_Ifd(ifd0, next=1 if thumbnail else None), _Ifd([]), exif_ifd, gps_ifd]
    blobs: list[bytes] = []
    if thumbnail:
        thumb = _tiny_jpeg(THUMB_COMMENT)
        ifds[1] = _Ifd(
            [
                _shorts(0x0103, e, 6),
                _ref(0x0201, ("blob", 0)),
                _longs(0x0202, e, len(thumb)),
            ]
        )
        blobs.append(thumb)
    else:
        ifds[1] = _Ifd([_shorts(0x0103, e, 6)])
    return _tiff_bytes(ifds, blobs)


def xmp_packet() -> bytes:
    """An XMP packet with face regions, person names, a document ID and GPS."""
    person = PERSON.decode()
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
        'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" '
        'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
        'xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/" '
        'xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/" '
        'xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#" '
        f'xmpMM:DocumentID="{XMP_DOC.decode()}" '
        'exif:GPSLatitude="48,51.298N" exif:GPSLongitude="2,17.402E">'
        f"<dc:creator><rdf:Seq><rdf:li>{person}</rdf:li></rdf:Seq></dc:creator>"
        f"<Iptc4xmpExt:PersonInImage><rdf:Bag><rdf:li>{person}</rdf:li></rdf:Bag>"
        "</Iptc4xmpExt:PersonInImage>"
        '<Iptc4xmpExt:PersonInImageWDetails><rdf:Bag><rdf:li rdf:parseType="Resource">'
        f"<Iptc4xmpExt:PersonInDisplayName>{person}</Iptc4xmpExt:PersonInDisplayName>"
        "</rdf:li></rdf:Bag></Iptc4xmpExt:PersonInImageWDetails>"
        '<mwg-rs:Regions rdf:parseType="Resource"><mwg-rs:RegionList><rdf:Bag>'
        '<rdf:li rdf:parseType="Resource">'
        f"<mwg-rs:Name>{person}</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type>"
        '<mwg-rs:Area stArea:x="0.5" stArea:y="0.5" stArea:w="0.1" stArea:h="0.1"/>'
        "</rdf:li></rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>"
        "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    ).encode()


def iptc_irb() -> bytes:
    """A Photoshop image resource block holding IPTC-IIM (resource 0x0404)."""

    def dataset(record: int, num: int, value: bytes) -> bytes:
        return bytes([0x1C, record, num]) + struct.pack(">H", len(value)) + value

    iim = (
        dataset(1, 90, b"\x1b%G")
        + dataset(2, 80, IPTC_BYLINE)
        + dataset(2, 120, PERSON)
        + dataset(2, 90, b"PLANTED-CITY")
    )
    res = b"8BIM" + struct.pack(">H", 0x0404) + b"\0\0" + struct.pack(">I", len(iim)) + iim
    return res + (b"\0" if len(iim) & 1 else b"")


@lru_cache(maxsize=1)
def srgb_icc() -> bytes:
    """A real sRGB ICC profile (built by LittleCMS)."""
    return bytes(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())


def large_icc(size: int = 150_000) -> bytes:
    """A valid-looking ICC profile too large for one JPEG APP2 segment.

    The sRGB profile's header size field is patched and padding appended, so
    JPEG writers must split it over several ICC_PROFILE chunks.
    """
    base = bytearray(srgb_icc())
    base += bytes(size - len(base))
    base[0:4] = struct.pack(">I", size)
    return bytes(base)


# --- pixels --------------------------------------------------------------------


def pixels(width: int, height: int, seed: int = 0, mode: str = "RGB") -> Image.Image:
    """Deterministic, photo-like content: smooth colour fields plus fine noise.

    Pure noise would make JPEGs unrealistically large; pure gradients would
    hide pixel-handling bugs. A blend of both is fast and checkable.
    """
    rng = random.Random(seed)
    small = (max(1, width // 16), max(1, height // 16))
    base = Image.frombytes("RGB", small, rng.randbytes(small[0] * small[1] * 3))
    base = base.resize((width, height), Image.Resampling.BILINEAR)
    noise = Image.frombytes("RGB", (width, height), rng.randbytes(width * height * 3))
    img = Image.blend(base, noise, 0.12)
    if mode == "RGB":
        return img
    if mode == "P":
        return img.quantize(colors=64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    if mode == "I;16":
        grey = img.convert("L")
        lo = Image.frombytes("L", (width, height), rng.randbytes(width * height))
        raw = bytes(b for pair in zip(lo.tobytes(), grey.tobytes(), strict=True) for b in pair)
        return Image.frombytes("I;16", (width, height), raw)
    return img.convert(mode)


# --- per-format writers --------------------------------------------------------


def _app(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def _split_jpeg_head(data: bytes) -> tuple[list[bytes], bytes]:
    """Split a simple JPEG (as Pillow writes it) into leading APPn segments and the rest."""
    pos = 2
    segs: list[bytes] = []
    while data[pos + 1] in range(0xE0, 0xF0) or data[pos + 1] == 0xFE:
        n = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        segs.append(data[pos : pos + 2 + n])
        pos += 2 + n
    return segs, data[pos:]


def _mpf_segment(first_len: int, second_len: int, second_off: int) -> bytes:
    e = ">"
    entries = struct.pack(f"{e}IIIHH", 0x20030000, first_len, 0, 0, 0) + struct.pack(
        f"{e}IIIHH", 0x00020002, second_len, second_off, 0, 0
    )
    ifd = _tiff_bytes(
        [
            _Ifd(
                [
                    _undef(0xB000, b"0100"),
                    _longs(0xB001, e, 2),
                    _undef(0xB002, entries),
                ]
            )
        ],
        [],
        big=True,
    )
    return _app(0xE2, b"MPF\0" + ifd)


def _jpeg_bytes(
    img: Image.Image,
    *,
    orientation: int,
    plant: bool,
    progressive: bool,
    icc: bytes | None,
    quality: int,
    restart: int,
    subsampling: int,
) -> bytes:
    kwargs: dict[str, object] = {"quality": quality, "subsampling": subsampling}
    if progressive:
        kwargs["progressive"] = True
    if icc:
        kwargs["icc_profile"] = icc
    if restart:
        kwargs["restart_marker_blocks"] = restart
    if not plant and orientation != 1:
        kwargs["exif"] = b"Exif\0\0" + exif_block(orientation, plant=False)
    buf = io.BytesIO()
    img.save(buf, "JPEG", **kwargs)
    data = buf.getvalue()
    if not plant:
        return data
    head, rest = _split_jpeg_head(data)
    jfif = [s for s in head if s[4:9] == b"JFIF\0"]
    others = [s for s in head if s[4:9] != b"JFIF\0"]
    thumb = _tiny_jpeg(JFXX_THUMB)
    xmp = xmp_packet()
    pre = b"".join(
        [
            b"\xff\xd8",
            *jfif,
            _app(0xE0, b"JFXX\0\x10" + thumb),
            _app(0xE1, b"Exif\0\0" + exif_block(orientation)),
            _app(0xE1, b"http://ns.adobe.com/xap/1.0/\0" + xmp),
            _app(
                0xE1,
                b"http://ns.adobe.com/xmp/extension/\0"
                + b"0123456789ABCDEF0123456789ABCDEF"
                + struct.pack(">II", 64, 0)
                + XMP_EXTENDED.ljust(64, b" "),
            ),
        ]
    )
    mpf_pos = len(pre)
    post = b"".join(
        [
            *others,
            _app(0xED, b"Photoshop 3.0\0" + iptc_irb()),
            _app(0xEA, b"VendorData\0" + VENDOR_APP),
            _app(0xFE, COMMENT),
            rest,
        ]
    )
    second = _tiny_jpeg(MPF_IMAGE)
    mpf_len = len(_mpf_segment(0, 0, 0))
    first_len = len(pre) + mpf_len + len(post)
    # MPF offsets count from the TIFF header inside the MPF segment.
    mpf = _mpf_segment(first_len, len(second), first_len - (mpf_pos + 8))
    trailer = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"MotionPhoto_Data" + TRAILER
    return pre + mpf + post + second + trailer


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_bytes(
    img: Image.Image, frames: list[Image.Image], *, orientation: int, plant: bool, icc: bytes | None
) -> bytes:
    kwargs: dict[str, object] = {}
    if icc:
        kwargs["icc_profile"] = icc
    if plant:
        info = PngInfo()
        info.add_text("Author", PERSON.decode())
        info.add_text("Comment", PNG_TEXT.decode())
        info.add_text("Description", PNG_ZTXT.decode() * 4, zip=True)
        info.add_itxt("XML:com.adobe.xmp", xmp_packet().decode(), zip=True)
        kwargs["pnginfo"] = info
        kwargs["exif"] = exif_block(orientation, thumbnail=False)
    elif orientation != 1:
        kwargs["exif"] = exif_block(orientation, plant=False)
    if "transparency" in img.info:
        kwargs["transparency"] = img.info["transparency"]
    if frames:
        kwargs.update(save_all=True, append_images=frames, duration=100, loop=0)
    buf = io.BytesIO()
    img.save(buf, "PNG", **kwargs)
    data = buf.getvalue()
    if not plant:
        return data
    # tIME goes right after IHDR; a planted trailer follows IEND.
    ihdr_end = 8 + 25
    tm = _png_chunk(b"tIME", struct.pack(">HBBBBB", 2019, 7, 14, 12, 34, 56))
    return data[:ihdr_end] + tm + data[ihdr_end:] + TRAILER


def _webp_bytes(
    img: Image.Image, frames: list[Image.Image], *, orientation: int, plant: bool, icc: bytes | None
) -> bytes:
    kwargs: dict[str, object] = {"lossless": True, "quality": 50, "method": 0}
    if icc:
        kwargs["icc_profile"] = icc
    if plant:
        kwargs["exif"] = b"Exif\0\0" + exif_block(orientation)
        kwargs["xmp"] = xmp_packet()
    elif orientation != 1:
        kwargs["exif"] = b"Exif\0\0" + exif_block(orientation, plant=False)
    if frames:
        kwargs.update(save_all=True, append_images=frames, duration=100, loop=0)
    buf = io.BytesIO()
    img.save(buf, "WEBP", **kwargs)
    return buf.getvalue() + (TRAILER if plant else b"")


def _gif_xmp_extension() -> bytes:
    """XMP the way Adobe stores it in GIF: raw packet plus the 258-byte magic trailer."""
    magic = b"\x01" + bytes(range(255, -1, -1))
    return b"\x21\xff\x0bXMP DataXMP" + xmp_packet() + magic + b"\x00"


def _gif_bytes(img: Image.Image, frames: list[Image.Image], *, plant: bool) -> bytes:
    kwargs: dict[str, object] = {}
    if plant:
        kwargs["comment"] = COMMENT
    if frames:
        kwargs.update(save_all=True, append_images=frames, duration=100, loop=0)
    buf = io.BytesIO()
    img.save(buf, "GIF", **kwargs)
    data = buf.getvalue()
    if not plant:
        return data
    flags = data[10]
    pos = 13 + (3 * (2 ** ((flags & 7) + 1)) if flags & 0x80 else 0)
    vendor = b"\x21\xff\x0bPLANTEDAPP1" + bytes([len(VENDOR_APP)]) + VENDOR_APP + b"\x00"
    return data[:pos] + _gif_xmp_extension() + vendor + data[pos:] + TRAILER


def _tiff_image_bytes(
    img: Image.Image, *, orientation: int, plant: bool, icc: bytes | None, big: bool
) -> bytes:
    e = ">" if big else "<"
    w, h = img.size
    spp = len(img.getbands())
    raw = img.tobytes()
    rows = max(1, min(h, 16))
    strips = [raw[i : i + rows * w * spp] for i in range(0, len(raw), rows * w * spp)]
    entries = [
        _longs(0x0100, e, w),
        _longs(0x0101, e, h),
        _shorts(0x0102, e, *([8] * spp)),
        _shorts(0x0103, e, 1),
        _shorts(0x0106, e, 2 if spp >= 3 else 1),
        _ref(0x0111, *[("blob", i) for i in range(len(strips))]),
        _shorts(0x0112, e, orientation),
        _shorts(0x0115, e, spp),
        _longs(0x0116, e, rows),
        _longs(0x0117, e, *[len(s) for s in strips]),
        _rationals(0x011A, e, (72, 1)),
        _rationals(0x011B, e, (72, 1)),
        _shorts(0x011C, e, 1),
        _shorts(0x0128, e, 2),
    ]
    if icc:
        entries.append(_undef(0x8773, icc))
    blobs: list[bytes] = list(strips)
    ifds = [_Ifd(entries)]
    if plant:
        id0, exif_ifd, gps_ifd = _exif_entries(e, orientation)
        entries += [x for x in id0 if x.tag != 0x0112]
        entries += [
            _ascii(0x010E, PERSON),
            _Entry(0x02BC, _BYTE, len(xmp_packet()), xmp_packet()),
            _undef(0x83BB, iptc_irb()[12:]),
            _undef(0x8649, iptc_irb()),
            _ref(0x8769, ("ifd", 1)),
            _ref(0x8825, ("ifd", 2)),
        ]
        ifds += [exif_ifd, gps_ifd]
        # A second page: a tiny image whose description is planted.
        page = bytes(4 * 4 * 3)
        blobs.append(page)
        ifds[0].next = 3
        ifds.append(
            _Ifd(
                [
                    _longs(0x0100, e, 4),
                    _longs(0x0101, e, 4),
                    _shorts(0x0102, e, 8, 8, 8),
                    _shorts(0x0103, e, 1),
                    _shorts(0x0106, e, 2),
                    _ascii(0x010E, PAGE_TWO),
                    _ref(0x0111, ("blob", len(blobs) - 1)),
                    _shorts(0x0115, e, 3),
                    _longs(0x0116, e, 4),
                    _longs(0x0117, e, len(page)),
                ]
            )
        )
    data = _tiff_bytes(ifds, blobs, big=big)
    return data + (TRAILER if plant else b"")


def _heif_bytes(
    img: Image.Image, *, fmt: str, orientation: int, plant: bool, icc: bytes | None
) -> bytes:
    exif = b"Exif\0\0" + exif_block(orientation, plant=plant, thumbnail=False)
    kwargs: dict[str, object] = {"quality": 80, "exif": exif}
    if plant:
        kwargs["xmp"] = xmp_packet()
    if icc:
        kwargs["icc_profile"] = icc
    buf = io.BytesIO()
    if fmt == "heif":
        register_heif()
        img.save(buf, "HEIF", **kwargs)
    else:
        kwargs["speed"] = 10
        img.save(buf, "AVIF", **kwargs)
    return buf.getvalue()


def photo_bytes(
    fmt: str = "jpeg",
    *,
    width: int = 64,
    height: int = 48,
    orientation: int = 1,
    seed: int = 0,
    plant: bool = True,
    progressive: bool = False,
    icc: bool | bytes = False,
    frames: int = 1,
    mode: str | None = None,
    quality: int = 90,
    restart: int = 0,
    subsampling: int = 2,
    big_endian: bool = False,
) -> bytes:
    """The bytes of a photo in `fmt`; see `write_photo` for the parameters."""
    icc_bytes = srgb_icc() if icc is True else (icc or None)
    if fmt in ("gif",):
        img_mode = "P"
    elif fmt in ("jpeg", "heif", "avif", "tiff"):
        img_mode = mode or "RGB"
    else:
        img_mode = mode or "RGB"
    img = pixels(width, height, seed, img_mode)
    if img_mode == "P" and fmt == "png":
        img.info["transparency"] = 0
    extra = [pixels(width, height, seed + i, img_mode) for i in range(1, frames)]
    if fmt == "jpeg":
        return _jpeg_bytes(
            img,
            orientation=orientation,
            plant=plant,
            progressive=progressive,
            icc=icc_bytes,
            quality=quality,
            restart=restart,
            subsampling=subsampling,
        )
    if fmt == "png":
        return _png_bytes(img, extra, orientation=orientation, plant=plant, icc=icc_bytes)
    if fmt == "webp":
        return _webp_bytes(img, extra, orientation=orientation, plant=plant, icc=icc_bytes)
    if fmt == "gif":
        return _gif_bytes(img, extra, plant=plant)
    if fmt == "tiff":
        return _tiff_image_bytes(
            img, orientation=orientation, plant=plant, icc=icc_bytes, big=big_endian
        )
    if fmt in ("heif", "avif"):
        return _heif_bytes(img, fmt=fmt, orientation=orientation, plant=plant, icc=icc_bytes)
    raise ValueError(f"demo cannot write format {fmt!r}")


def write_photo(
    path: str | Path,
    fmt: str = "jpeg",
    *,
    width: int = 64,
    height: int = 48,
    orientation: int = 1,
    seed: int = 0,
    plant: bool = True,
    progressive: bool = False,
    icc: bool | bytes = False,
    frames: int = 1,
    mode: str | None = None,
    quality: int = 90,
    restart: int = 0,
    subsampling: int = 2,
    big_endian: bool = False,
) -> None:
    """Write a photo with planted identifying metadata (when `plant`).

    `orientation` is stored as EXIF Orientation (where the format has EXIF).
    `icc` is True for an sRGB profile or the profile bytes. `frames` > 1 makes
    an animated PNG, WebP or GIF. `mode` picks "P" (palette, PNG with tRNS),
    "I;16" (16-bit greyscale PNG), "L" or "RGBA". `restart` sets a JPEG restart
    interval in MCU blocks. TIFFs are written uncompressed in several strips,
    optionally big-endian, with a planted second page.
    """
    data = photo_bytes(
        fmt,
        width=width,
        height=height,
        orientation=orientation,
        seed=seed,
        plant=plant,
        progressive=progressive,
        icc=icc,
        frames=frames,
        mode=mode,
        quality=quality,
        restart=restart,
        subsampling=subsampling,
        big_endian=big_endian,
    )
    Path(path).write_bytes(data)


_FOLDERS: Final = (
    "Holidays/2025",
    "Holidays/2024/Beach",
    "Family",
    "Family/Birthday",
    "Screenshots",
    "",
)
_LIBRARY_FORMATS: Final = ("jpeg", "jpeg", "jpeg", "png", "webp", "heif", "gif", "tiff")


def make_library(root: str | Path, n: int, *, seed: int = 0) -> list[Path]:
    """Write `n` planted photos in a small folder tree under `root`.

    Formats are mixed (mostly JPEG, as in a real camera roll); folders include
    `Holidays/2025/`, `Family/` and `Screenshots/`. Returns the paths written,
    in creation order. The same seed gives the same library.
    """
    rng = random.Random(seed)
    root = Path(root)
    paths: list[Path] = []
    for i in range(n):
        folder = _FOLDERS[i % len(_FOLDERS)]
        fmt = _LIBRARY_FORMATS[rng.randrange(len(_LIBRARY_FORMATS))]
        if folder == "Screenshots":
            fmt = "png"
        orientation = rng.choice((1, 1, 1, 6, 3, 8))
        target = root / folder if folder else root
        target.mkdir(parents=True, exist_ok=True)
        path = target / f"IMG_{i + 1:04d}{_SUFFIX[fmt]}"
        write_photo(
            path,
            fmt,
            width=rng.choice((64, 96, 120)),
            height=rng.choice((48, 72, 80)),
            orientation=orientation,
            seed=seed * 100_003 + i,
            progressive=rng.random() < 0.3,
            icc=rng.random() < 0.5,
        )
        paths.append(path)
    return paths
