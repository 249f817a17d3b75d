"""What identifying metadata a photo carries, next to what its export keeps.

A person deciding whether a photo may leave the machine should see what it
gives away besides its pixels: where it was taken (GPS), which camera took
it (make, model, serial numbers), who is in it (names in XMP face regions
and IPTC), when, and any comments. The GUI's inspector shows this list and,
beside it, the short list of what the scrubbed export keeps.

Photos are read with Pillow (EXIF, XMP, IPTC, comments); videos with
`inspect_video` (place, device, dates, duration, the tracks and bytes the
export drops) and RAWs with `inspect_raw` (their EXIF, which Pillow cannot
reach). Files are hostile input, so every reader is bounded and guarded and
a failure becomes a note in the result, never an exception. XMP is searched
with bounded regular expressions rather than an XML parser, so entity
tricks cannot expand. The module never imports Qt.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

from PIL import ExifTags, Image, IptcImagePlugin

from pellicle.core import inspect_video
from pellicle.core.formats import HEAD_SIZE, VIDEO, classify_tiff, sniff
from pellicle.core.imaging import open_image, pillow, register_heif
from pellicle.core.inspect_raw import read_raw
from pellicle.core.inspect_video import Track, read_video
from pellicle.core.reasons import describe
from pellicle.core.words import Message, msg

pillow()  # Pellicle's limits, before any image is opened here

_log = logging.getLogger(__name__)

#: Categories, in the order the inspector shows them.
PLACE: Final = msg("core.inspect", "Place")
CAMERA: Final = msg("core.inspect", "Camera")
PEOPLE: Final = msg("core.inspect", "People")
DATES: Final = msg("core.inspect", "Dates")
COMMENTS: Final = msg("core.inspect", "Comments")
OTHER: Final = msg("core.inspect", "Other")
#: Tracks and bytes a player does not show, which the export drops whole
#: (a video's timed metadata, GPS, subtitle and timecode tracks; trailers).
EXTRA: Final = msg("core.inspect", "Hidden tracks and data")
CATEGORIES: Final = (PLACE, PEOPLE, CAMERA, DATES, COMMENTS, OTHER, EXTRA)

#: Longest value shown; a hostile file may carry megabytes of "comment".
_MAX_VALUE: Final = 200
#: Largest XMP packet searched.
_MAX_XMP: Final = 1 << 20

# EXIF tags (IFD0 and the Exif sub-IFD) worth naming to a person.
_IFD0: Final = {
    0x010F: (CAMERA, msg("core.inspect", "Camera make")),
    0x0110: (CAMERA, msg("core.inspect", "Camera model")),
    0x0131: (CAMERA, msg("core.inspect", "Software")),
    0x013B: (PEOPLE, msg("core.inspect", "Artist")),
    0x8298: (PEOPLE, msg("core.inspect", "Copyright")),
    0x010E: (COMMENTS, msg("core.inspect", "Description")),
    0x0132: (DATES, msg("core.inspect", "Modified")),
}
_EXIF: Final = {
    0x9003: (DATES, msg("core.inspect", "Taken")),
    0x9004: (DATES, msg("core.inspect", "Digitised")),
    0x9011: (DATES, msg("core.inspect", "Time zone")),
    0x9286: (COMMENTS, msg("core.inspect", "User comment")),
    0xA420: (OTHER, msg("core.inspect", "Unique image ID")),
    0xA430: (PEOPLE, msg("core.inspect", "Camera owner")),
    0xA431: (CAMERA, msg("core.inspect", "Body serial number")),
    0xA433: (CAMERA, msg("core.inspect", "Lens make")),
    0xA434: (CAMERA, msg("core.inspect", "Lens model")),
    0xA435: (CAMERA, msg("core.inspect", "Lens serial number")),
}
_XMP_TAGS: Final = (
    ("Iptc4xmpExt:PersonInImage", PEOPLE, msg("core.inspect", "Person in image")),
    ("Iptc4xmpExt:PersonInDisplayName", PEOPLE, msg("core.inspect", "Person in image")),
    ("mwg-rs:Name", PEOPLE, msg("core.inspect", "Named face")),
    ("MP:PersonDisplayName", PEOPLE, msg("core.inspect", "Named face")),
    ("dc:creator", PEOPLE, msg("core.inspect", "Creator")),
    ("dc:description", COMMENTS, msg("core.inspect", "Description")),
    ("exif:GPSLatitude", PLACE, msg("core.inspect", "GPS latitude (XMP)")),
    ("exif:GPSLongitude", PLACE, msg("core.inspect", "GPS longitude (XMP)")),
    ("photoshop:City", PLACE, msg("core.inspect", "City")),
    ("xmpMM:DocumentID", OTHER, msg("core.inspect", "Document ID")),
    ("xmpMM:OriginalDocumentID", OTHER, msg("core.inspect", "Original document ID")),
    ("aux:SerialNumber", CAMERA, msg("core.inspect", "Body serial number")),
)
_IPTC: Final = {
    (2, 80): (PEOPLE, msg("core.inspect", "By-line")),
    (2, 120): (COMMENTS, msg("core.inspect", "Caption")),
    (2, 90): (PLACE, msg("core.inspect", "City")),
    (2, 101): (PLACE, msg("core.inspect", "Country")),
    (2, 25): (OTHER, msg("core.inspect", "Keywords")),
}


@dataclass(frozen=True)
class Finding:
    """One identifying item: where it belongs, what it is, what it says."""

    category: str
    label: str
    value: str
    #: True when the scrubbed export keeps it (only the opted-in capture date).
    kept: bool = False


@dataclass
class Inspection:
    """What a photo carries, and what its export keeps."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    #: Why reading stopped early, if it did (the findings so far still hold).
    error: str | None = None
    width: int = 0
    height: int = 0
    fmt: str | None = None
    #: A video's length in seconds.
    duration: float | None = None
    #: A video's tracks: which the export keeps (video, audio) and which not.
    tracks: list[Track] = field(default_factory=list)
    #: The photo embeds a colour profile (ICC), which the export keeps.
    colour_profile: bool = False
    #: The photo says to display it turned or mirrored (EXIF Orientation
    #: 2-8), which the export keeps; 1 ("as stored") is nothing to keep.
    orientation: bool = False

    @property
    def removed(self) -> list[str]:
        """What the scrubbed copy drops, in plain words, each once, in the
        inspector's category order ("GPS position", "Artist", "Body serial
        number"...): every finding the export does not keep."""
        seen: set[str] = set()
        names: list[str] = []
        for findings in self.by_category().values():
            for finding in findings:
                if not finding.kept and finding.label not in seen:
                    seen.add(finding.label)
                    names.append(finding.label)
        return names

    def by_category(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = {}
        for finding in self.findings:
            grouped.setdefault(finding.category, []).append(finding)
        return {c: grouped[c] for c in CATEGORIES if c in grouped}


def kept_by_export(
    fmt: str | None,
    *,
    keep_capture_date: bool,
    colour_profile: bool = True,
    orientation: bool = True,
    capture_date: bool = True,
) -> list[str]:
    """The allowlist (see DESIGN.md), in words, for one photo's format.

    For one photo, `colour_profile`, `orientation` and `capture_date` say
    whether it carries them: what it does not carry is not named as kept.
    (Videos, HEIF and RAW keep their colour and rotation in other ways and
    always list them.)
    """
    kept: list[str]
    if fmt in VIDEO:
        kept = [
            msg("core.inspect", "the video and sound, byte for byte (not re-encoded)"),
            msg("core.inspect", "which way up it plays (rotation), its colour and HDR information"),
        ]
        if keep_capture_date:
            kept.append(msg("core.inspect", "the recording date (you opted in)"))
        return kept
    kept = []
    if fmt in ("heif", "avif"):
        kept.append(msg("core.inspect", "the picture, re-encoded as a high-quality JPEG"))
        kept.append(
            msg(
                "core.inspect",
                "its colours: the colour profile, or converted to sRGB (HDR toned down)",
            )
        )
    elif fmt == "raw":
        kept.append(
            msg(
                "core.inspect",
                "the picture as a JPEG: the camera's own full-size preview, or rendered",
            )
        )
        kept.append(msg("core.inspect", "the colour profile"))
    else:
        kept.append(msg("core.inspect", "the picture's pixels, untouched"))
        if colour_profile:
            kept.append(msg("core.inspect", "the colour profile"))
    if orientation or fmt in ("heif", "avif", "raw"):
        kept.append(msg("core.inspect", "which way up it is displayed (orientation)"))
    if keep_capture_date and capture_date:
        kept.append(msg("core.inspect", "the capture date (you opted in)"))
    return kept


def inspect(path: str | os.PathLike[str], *, keep_capture_date: bool = False) -> Inspection:
    """Read what identifies `path`. Never raises for a bad file."""
    result = Inspection(os.fspath(path))
    head = b""
    try:
        with open(path, "rb") as handle:
            head = handle.read(HEAD_SIZE)
            handle.seek(0)
            kind = sniff(head)
            fd = handle.fileno()
            if kind == "tiff":
                kind = classify_tiff(lambda off, n: os.pread(fd, n, off))
            if kind in VIDEO:
                result.fmt = kind
                _read_video(fd, result, keep_capture_date)
            elif kind == "raw":
                result.fmt = kind
                _read_raw(fd, result, keep_capture_date)
            else:
                if head[4:8] == b"ftyp":
                    register_heif()
                with open_image(handle) as img:
                    result.width, result.height = img.size
                    result.fmt = _FORMATS.get(img.format or "", (img.format or "").lower() or None)
                    _read(img, result, keep_capture_date)
    except Exception as exc:  # hostile files may raise anything
        result.error = describe(exc, sniff(head))
    if result.fmt is None or result.fmt in VIDEO or result.fmt == "raw":
        # Unread, or kept whole as the format carries them: the general list.
        result.kept = kept_by_export(result.fmt, keep_capture_date=keep_capture_date)
    else:
        result.kept = kept_by_export(
            result.fmt,
            keep_capture_date=keep_capture_date,
            colour_profile=result.colour_profile,
            orientation=result.orientation,
            capture_date=any(f.kept for f in result.findings),
        )
    return result


_FORMATS: Final = {
    "JPEG": "jpeg",
    "MPO": "jpeg",
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
    "TIFF": "tiff",
    "HEIF": "heif",
    "AVIF": "avif",
}


#: What each reader reads, for "its ... could not be read".
_BLOCKS: Final = {
    "_read_exif": msg("core.inspect", "its EXIF block could not be read"),
    "_read_xmp": msg("core.inspect", "its XMP block could not be read"),
    "_read_iptc": msg("core.inspect", "its IPTC block could not be read"),
    "_read_comments": msg("core.inspect", "its comment could not be read"),
}


_MAKER_NOTE: Final = msg("core.inspect", "Maker note")
_VENDOR_BYTES: Final = msg("core.inspect", "{count} bytes of vendor data")


def _adder(result: Inspection) -> Any:
    """add(category, label, value, kept=False): one finding, cleaned and bounded,
    each (label, value) once."""
    seen: set[tuple[str, str]] = set()

    def add(category: str, label: str, value: Any, *, kept: bool = False) -> None:
        # Pellicle's own words stay translatable; the file's are cleaned.
        text = value if isinstance(value, Message) else _clean(_text(value))
        if not text or (label, text) in seen:
            return
        seen.add((label, text))
        result.findings.append(Finding(category, label, text, kept))

    return add


def _read(img: Image.Image, result: Inspection, keep_date: bool) -> None:
    add = _adder(result)
    result.colour_profile = bool(img.info.get("icc_profile"))
    with contextlib.suppress(Exception):
        result.orientation = img.getexif().get(0x0112) in range(2, 9)
    for step in (_read_exif, _read_xmp, _read_iptc, _read_comments):
        try:
            step(img, add, keep_date)
        except Exception as exc:
            # One damaged block must not hide what the others reveal.
            _log.debug("%s unreadable in %s: %r", step.__name__, result.path, exc)
            result.error = result.error or _BLOCKS[step.__name__]


_VIDEO_KINDS: Final = {
    inspect_video.PLACE: PLACE,
    inspect_video.DEVICE: CAMERA,
    inspect_video.DATE: DATES,
    inspect_video.PEOPLE: PEOPLE,
    inspect_video.TEXT: COMMENTS,
    inspect_video.OTHER: OTHER,
    inspect_video.EXTRA: EXTRA,
}


def _read_video(fd: int, result: Inspection, keep_date: bool) -> None:
    facts = read_video(fd)
    add = _adder(result)
    result.width, result.height = facts.width, facts.height
    result.duration, result.tracks = facts.duration, facts.tracks
    for fact in facts.facts:
        add(_VIDEO_KINDS[fact.kind], fact.label, fact.value, kept=keep_date and fact.capture_date)
    for packet in facts.xmp:
        _xmp_findings(packet, add)
    for track in facts.tracks:
        if not track.kept:
            if track.samples == 1:
                what = msg("core.inspect", "{track} ('{codec}', 1 sample)")
            else:
                what = msg("core.inspect", "{track} ('{codec}', {samples} samples)")
            add(
                EXTRA,
                msg("core.inspect", "Track the export drops"),
                what.format(track=track.what, codec=track.codec, samples=track.samples),
            )
    result.error = facts.error


# What a DNG adds to the EXIF names: its own camera name, serial, file name.
_DNG: Final = {
    0xC614: (CAMERA, msg("core.inspect", "Camera model (DNG)")),
    0xC615: (CAMERA, msg("core.inspect", "Camera model (DNG)")),
    0xC62F: (CAMERA, msg("core.inspect", "Body serial number")),
    0xC68B: (OTHER, msg("core.inspect", "Original file name")),
}


def _read_raw(fd: int, result: Inspection, keep_date: bool) -> None:
    tags = read_raw(fd)
    add = _adder(result)
    for tag, (category, label) in (_IFD0 | _DNG).items():
        if tag in tags.ifd0:
            add(category, label, tags.ifd0[tag])
    for tag, (category, label) in _EXIF.items():
        if tag in tags.exif:
            add(category, label, tags.exif[tag], kept=keep_date and tag == 0x9003)
    if 0xA432 in tags.exif:
        add(CAMERA, msg("core.inspect", "Lens"), _lens_spec(tags.exif[0xA432]))
    if tags.maker_note:
        add(CAMERA, _MAKER_NOTE, _VENDOR_BYTES.format(count=tags.maker_note))
    _gps_findings(tags.gps, add)
    if tags.xmp:
        _xmp_findings(tags.xmp, add)
    result.error = tags.error
    with contextlib.suppress(Exception):
        result.width, result.height = _raw_size(fd)


def _lens_spec(value: Any) -> str:
    """EXIF LensSpecification (min/max focal length, min/max f-number) in words."""
    if not isinstance(value, tuple) or len(value) != 4:
        return ""
    wide, tele, f_wide, _f_tele = (float(v) for v in value)
    focal = f"{wide:g} mm" if wide == tele else f"{wide:g}-{tele:g} mm"
    return f"{focal} f/{f_wide:g}" if f_wide == f_wide and f_wide > 0 else focal


def _raw_size(fd: int) -> tuple[int, int]:
    import rawpy  # LibRaw: the size the export is rendered at

    with rawpy.RawPy() as raw:
        raw.open_file(f"/proc/self/fd/{fd}")
        sizes = raw.sizes
        turned = sizes.flip in (5, 6)
        return (sizes.height, sizes.width) if turned else (sizes.width, sizes.height)


def _read_exif(img: Image.Image, add: Any, keep_date: bool) -> None:
    exif = img.getexif()
    for tag, (category, label) in _IFD0.items():
        if tag in exif:
            add(category, label, exif[tag])
    sub = exif.get_ifd(0x8769)
    for tag, (category, label) in _EXIF.items():
        if tag in sub:
            add(category, label, sub[tag], kept=keep_date and tag == 0x9003)
    if 0x927C in sub:
        add(CAMERA, _MAKER_NOTE, _VENDOR_BYTES.format(count=len(_as_bytes(sub[0x927C]))))
    _gps_findings(exif.get_ifd(0x8825), add)
    with contextlib.suppress(Exception):
        if 0x0201 in exif.get_ifd(ExifTags.IFD.IFD1):
            add(
                OTHER,
                msg("core.inspect", "Embedded thumbnail"),
                msg("core.inspect", "a small copy of the photo inside its EXIF"),
            )


def _gps_findings(gps: Any, add: Any) -> None:
    if not gps:
        return
    place = _gps_text(gps)
    if place:
        add(PLACE, msg("core.inspect", "GPS position"), place)
    for tag, label in (
        (0x001B, msg("core.inspect", "GPS method")),
        (0x001C, msg("core.inspect", "GPS area")),
        (0x001D, msg("core.inspect", "GPS date")),
    ):
        if tag in gps:
            add(PLACE if tag != 0x001D else DATES, label, gps[tag])
    if not place and not any(t in gps for t in (0x001B, 0x001C)):
        add(
            PLACE,
            msg("core.inspect", "GPS"),
            msg("core.inspect", "{count} GPS fields").format(count=len(gps)),
        )


def _xmp_findings(raw: Any, add: Any) -> None:
    text = _as_bytes(raw)[:_MAX_XMP].decode("utf-8", "replace")
    for tag, category, label in _XMP_TAGS:
        for value in _xmp_values(text, tag):
            add(category, label, value)


def _read_xmp(img: Image.Image, add: Any, keep_date: bool) -> None:
    raw = img.info.get("xmp") or img.info.get("XML:com.adobe.xmp")
    if raw is None and img.format == "TIFF":
        raw = getattr(img, "tag_v2", {}).get(700)
    if raw:
        _xmp_findings(raw, add)


def _read_iptc(img: Image.Image, add: Any, keep_date: bool) -> None:
    if img.format not in ("JPEG", "MPO", "TIFF"):
        return
    info = IptcImagePlugin.getiptcinfo(img)  # type: ignore[arg-type]
    if not info:
        return
    for key, (category, label) in _IPTC.items():
        value = info.get(key)
        if value is None:
            continue
        for item in value if isinstance(value, list) else [value]:
            add(category, label, item)


def _read_comments(img: Image.Image, add: Any, keep_date: bool) -> None:
    comment = img.info.get("comment")
    if comment:
        add(COMMENTS, msg("core.inspect", "Comment"), comment)
    if img.format == "PNG":
        for key, value in (getattr(img, "text", None) or {}).items():
            if key != "XML:com.adobe.xmp":
                add(
                    COMMENTS,
                    msg("core.inspect", "Text ({key})").format(key=_clean(key)[:40]),
                    value,
                )


def _xmp_values(text: str, tag: str) -> list[str]:
    """Values of `tag` in an XMP packet, as attribute or element (bags flattened)."""
    name = re.escape(tag)
    values = re.findall(rf'{name}="([^"]{{0,{_MAX_VALUE * 2}}})"', text)
    for body in re.findall(rf"<{name}(?:\s[^>]*)?>(.{{0,20000}}?)</{name}>", text, re.S):
        items = re.findall(r"<rdf:li(?:\s[^>]*)?>([^<]{0,400})</rdf:li>", body)
        if items:
            values.extend(items)
        else:
            stripped = re.sub(r"<[^>]*>", " ", body)
            if stripped.strip():
                values.append(stripped)
    return [v for v in (" ".join(v.split()) for v in values) if v]


def _gps_text(gps: Any) -> str | None:
    try:
        lat = _degrees(gps[0x0002], gps.get(0x0001, "N"))
        lon = _degrees(gps[0x0004], gps.get(0x0003, "E"))
    except Exception:
        return None
    if lat is None or lon is None:
        return None
    return f"{abs(lat):.5f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.5f}° {'E' if lon >= 0 else 'W'}"


def _degrees(value: Iterable[Any], ref: Any) -> float | None:
    parts = [float(v) for v in value]
    if len(parts) != 3 or any(p != p for p in parts):  # NaN from 0/0 rationals
        return None
    deg = parts[0] + parts[1] / 60 + parts[2] / 3600
    if not (-180.0 <= deg <= 180.0):
        return None
    negative = _text(ref).strip().upper() in ("S", "W")
    return -deg if negative else deg


def _as_bytes(value: Any) -> bytes:
    if isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8", "replace")
    return bytes(value) if isinstance(value, (bytearray, memoryview)) else str(value).encode()


def _text(value: Any) -> str:
    if isinstance(value, (bytes, bytearray)):
        data = bytes(value)
        # EXIF UserComment and GPS text fields start with an 8-byte charset.
        for prefix, codec in ((b"ASCII\0\0\0", "ascii"), (b"UNICODE\0", "utf-16"),
                              (b"\0" * 8, "latin-1")):  # fmt: skip
            if data.startswith(prefix):
                return data[8:].decode(codec, "replace")
        return data.decode("utf-8", "replace")
    if isinstance(value, tuple):
        return ", ".join(_text(v) for v in value)
    return str(value)


def _clean(text: str) -> str:
    """Printable, one line, bounded: safe to put in a label."""
    text = "".join(ch if ch.isprintable() else " " for ch in text[: _MAX_VALUE * 4])
    text = " ".join(text.split())
    return text if len(text) <= _MAX_VALUE else text[: _MAX_VALUE - 1] + "…"
