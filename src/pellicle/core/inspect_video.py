"""What a video carries about its owner, read for the inspector.

A phone video says where it was recorded (QuickTime `©xyz`, the
`com.apple.quicktime.location.ISO6709` key, XMP), on which phone and
software, and when (the movie, track and media headers, `©day`, the
`creationdate` key); it may hold tracks a player never shows (timed
metadata, a GoPro GPS track, subtitles, timecode) and bytes after its last
box (Samsung's SEFT trailer). The inspector lists all of it next to what the
export keeps, so a person sees what sharing the original would give away.

This reader is the inspector's own: it shares no code with the video writer
(`scrub/video.py`) or its gate, so a misunderstanding in one does not hide
the same thing in the other. Files are hostile: only box headers and the
movie box (bounded) are read, every size is checked against its parent,
nesting and counts are bounded, and a damaged box ends the reading of its
container with a note, never an exception to the caller.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Final

from pellicle.core.words import msg, os_error

#: Kinds of facts; `inspect` maps them to the categories a person reads.
PLACE: Final = "place"
DEVICE: Final = "device"
DATE: Final = "date"
PEOPLE: Final = "people"
TEXT: Final = "text"
OTHER: Final = "other"
EXTRA: Final = "extra"  # tracks and bytes the export drops whole

_MAX_MOOV: Final = 64 << 20
#: Other top-level boxes are read up to this much (XMP, vendor boxes).
_MAX_BOX: Final = 1 << 20
_MAX_TOP: Final = 10_000
_MAX_DEPTH: Final = 10
_MAX_KEYS: Final = 4096
_MAX_BOXES: Final = 200_000
_MAX_FACTS: Final = 500
_MAX_TEXT: Final = 4096
_EPOCH_1904: Final = datetime(1904, 1, 1, tzinfo=UTC)
_XMP_UUID: Final = bytes.fromhex("BE7ACFCB97A942E89C71999491E3AFAC")

# QuickTime user-data atoms (moov/udta, trak/udta) and iTunes-style items.
_ATOMS: Final = {
    b"\xa9xyz": (PLACE, msg("core.inspect", "GPS position (©xyz)")),
    b"\xa9mak": (DEVICE, msg("core.inspect", "Make")),
    b"\xa9mod": (DEVICE, msg("core.inspect", "Model")),
    b"\xa9swr": (DEVICE, msg("core.inspect", "Software")),
    b"\xa9too": (DEVICE, msg("core.inspect", "Encoder")),
    b"\xa9enc": (DEVICE, msg("core.inspect", "Encoder")),
    b"\xa9day": (DATE, msg("core.inspect", "Recorded (©day)")),
    b"\xa9nam": (TEXT, msg("core.inspect", "Title")),
    b"\xa9cmt": (TEXT, msg("core.inspect", "Comment")),
    b"\xa9des": (TEXT, msg("core.inspect", "Description")),
    b"\xa9inf": (TEXT, msg("core.inspect", "Information")),
    b"\xa9key": (TEXT, msg("core.inspect", "Keywords")),
    b"desc": (TEXT, msg("core.inspect", "Description")),
    b"name": (TEXT, msg("core.inspect", "Track name")),
    b"\xa9ART": (PEOPLE, msg("core.inspect", "Artist")),
    b"\xa9aut": (PEOPLE, msg("core.inspect", "Author")),
    b"\xa9wrt": (PEOPLE, msg("core.inspect", "Writer")),
    b"\xa9dir": (PEOPLE, msg("core.inspect", "Director")),
    b"\xa9prd": (PEOPLE, msg("core.inspect", "Producer")),
    b"\xa9cpy": (PEOPLE, msg("core.inspect", "Copyright")),
    b"cprt": (PEOPLE, msg("core.inspect", "Copyright")),
}
# QuickTime metadata keys (moov/meta: keys + ilst), after "com.apple.quicktime.".
_KEYS: Final = {
    "location.iso6709": (PLACE, msg("core.inspect", "GPS position")),
    "location": (PLACE, msg("core.inspect", "GPS position")),
    "location.name": (PLACE, msg("core.inspect", "Place name")),
    "make": (DEVICE, msg("core.inspect", "Make")),
    "model": (DEVICE, msg("core.inspect", "Model")),
    "software": (DEVICE, msg("core.inspect", "Software")),
    "camera.identifier": (DEVICE, msg("core.inspect", "Camera")),
    "camera.lens_model": (DEVICE, msg("core.inspect", "Lens")),
    "creationdate": (DATE, msg("core.inspect", "Recorded (creationdate)")),
    "creation_time": (DATE, msg("core.inspect", "Recorded (creation_time)")),
    "date": (DATE, msg("core.inspect", "Date")),
    "encoder": (DEVICE, msg("core.inspect", "Encoder")),
    "content.identifier": (OTHER, msg("core.inspect", "Live Photo identifier")),
    "author": (PEOPLE, msg("core.inspect", "Author")),
    "artist": (PEOPLE, msg("core.inspect", "Artist")),
    "director": (PEOPLE, msg("core.inspect", "Director")),
    "producer": (PEOPLE, msg("core.inspect", "Producer")),
    "publisher": (PEOPLE, msg("core.inspect", "Publisher")),
    "copyright": (PEOPLE, msg("core.inspect", "Copyright")),
    "title": (TEXT, msg("core.inspect", "Title")),
    "displayname": (TEXT, msg("core.inspect", "Title")),
    "description": (TEXT, msg("core.inspect", "Description")),
    "comment": (TEXT, msg("core.inspect", "Comment")),
    "keywords": (TEXT, msg("core.inspect", "Keywords")),
    "information": (TEXT, msg("core.inspect", "Information")),
}
# Boxes that only hold other boxes, walked for metadata.
_CONTAINERS: Final = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"dinf"})
_SUBTITLES: Final = frozenset({b"text", b"sbtl", b"subt", b"clcp"})


@dataclass(frozen=True)
class Fact:
    kind: str
    label: str
    value: str
    #: A creation time in a movie, track or media header: the one date the
    #: export keeps when the person opts in to keeping capture dates.
    capture_date: bool = False


@dataclass(frozen=True)
class Track:
    track_id: int
    handler: str
    codec: str
    samples: int
    #: Video and audio are exported; every other track is dropped whole.
    kept: bool
    what: str


@dataclass
class VideoFacts:
    facts: list[Fact] = field(default_factory=list)
    tracks: list[Track] = field(default_factory=list)
    #: XMP packets found (uuid and XMP_ boxes), for the caller's XMP search.
    xmp: list[bytes] = field(default_factory=list)
    duration: float | None = None
    width: int = 0
    height: int = 0
    #: Why reading stopped early, if it did.
    error: str | None = None
    #: Header dates already listed: tracks usually repeat the movie's.
    _dates: set[tuple[str, str]] = field(default_factory=set, repr=False)
    #: Boxes left to walk in this file.
    _budget: int = field(default=_MAX_BOXES, repr=False)

    def add(self, kind: str, label: str, value: str, *, capture_date: bool = False) -> None:
        if value and len(self.facts) < _MAX_FACTS:
            self.facts.append(Fact(kind, label, value, capture_date))


_DAMAGED: Final = msg("core.inspect", "damaged video: {error}")
_TOO_DEEP: Final = msg("core.inspect", "boxes nested too deep")
_BYTES: Final = msg("core.inspect", "{count:,} bytes")
#: Dates in a movie, track or media header, by (which date, which header).
_HEADER_DATES: Final = {
    ("Created", "movie"): msg("core.inspect", "Created (movie header)"),
    ("Modified", "movie"): msg("core.inspect", "Modified (movie header)"),
    ("Created", "track"): msg("core.inspect", "Created (track header)"),
    ("Modified", "track"): msg("core.inspect", "Modified (track header)"),
    ("Created", "media"): msg("core.inspect", "Created (media header)"),
    ("Modified", "media"): msg("core.inspect", "Modified (media header)"),
}
#: A vendor's uuid box, by where it lies ("": at the top of the file).
_UUID_LABELS: Final = {
    "": msg("core.inspect", "Vendor box 'uuid'"),
    "movie": msg("core.inspect", "Vendor box 'uuid' in the movie"),
    "user data": msg("core.inspect", "Vendor box 'uuid' in the user data"),
}


class _Damaged(Exception):
    """A box whose size does not fit: its container is read no further."""


def read_video(fd: int) -> VideoFacts:
    """Everything `fd` (an ISO base media file) says about its owner."""
    facts = VideoFacts()
    try:
        moov = _top_level(fd, facts)
        if moov is not None:
            _movie(moov, facts)
    except _Damaged as exc:
        facts.error = _DAMAGED.format(error=str(exc))
    except OSError as exc:
        facts.error = msg("core.inspect", "cannot read: {error}").format(
            error=os_error(exc) if exc.strerror else msg("core.oserror", "input/output error")
        )
    except (ValueError, struct.error, IndexError, OverflowError):
        facts.error = msg("core.inspect", "damaged video: its boxes could not be read")
    return facts


def _top_level(fd: int, facts: VideoFacts) -> bytes | None:
    """Walk the top-level boxes by their headers; return the movie box."""
    size = os.fstat(fd).st_size
    pos = 0
    moov: bytes | None = None
    for _ in range(_MAX_TOP):
        if pos + 8 > size:
            break
        head = os.pread(fd, 16, pos)
        length, kind = struct.unpack_from(">I4s", head)
        header = 8
        if length == 1 and len(head) == 16:
            length, header = struct.unpack_from(">Q", head, 8)[0], 16
        elif length == 0:
            length = size - pos
        if length < header or pos + length > size:
            break  # not a box: the rest is a trailer
        body = pos + header
        if kind == b"moov" and moov is None:
            if length - header > _MAX_MOOV:
                facts.error = msg("core.inspect", "the movie box is too large to read")
            else:
                moov = os.pread(fd, length - header, body)
        elif kind == b"uuid":
            _uuid(os.pread(fd, min(length - header, _MAX_BOX), body), facts, "")
        elif kind == b"meta":
            try:
                _meta(os.pread(fd, min(length - header, _MAX_BOX), body), facts)
            except _Damaged as exc:
                facts.error = facts.error or _DAMAGED.format(error=str(exc))
        elif kind in (b"free", b"skip", b"wide"):
            sample = os.pread(fd, min(length - header, 1 << 16), body)
            if sample.strip(b"\x00"):
                facts.add(
                    EXTRA,
                    msg("core.inspect", "Leftover data in padding"),
                    _BYTES.format(count=length - header),
                )
        elif kind not in (b"ftyp", b"mdat", b"moov", b"pnot"):
            facts.add(
                EXTRA,
                msg("core.inspect", "Vendor box '{box}'").format(box=_fourcc(kind)),
                _sized(length - header),
            )
        pos += length
    if pos < size:
        tail = os.pread(fd, min(size - pos, 1 << 16), pos)
        if b"SEF" in tail:
            trailer = msg("core.inspect", "Samsung trailer (SEFT), {count:,} bytes")
        else:
            trailer = _BYTES
        facts.add(
            EXTRA,
            msg("core.inspect", "Data after the end of the video"),
            trailer.format(count=size - pos),
        )
    if moov is None and facts.error is None:
        facts.error = msg("core.inspect", "not a readable video: it has no movie box")
    return moov


def _boxes(facts: VideoFacts, buf: bytes, start: int, end: int) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, end) of the boxes filling buf[start:end]. Every
    box counts against one budget per file: a movie box of millions of
    empty boxes is refused, not walked for minutes."""
    pos = start
    while end - pos >= 8:
        facts._budget -= 1
        if facts._budget < 0:
            raise _Damaged(msg("core.inspect", "too many boxes"))
        length, kind = struct.unpack_from(">I4s", buf, pos)
        header = 8
        if length == 1:
            if end - pos < 16:
                raise _Damaged(
                    msg("core.inspect", "box '{box}' cut short").format(box=_fourcc(kind))
                )
            length, header = struct.unpack_from(">Q", buf, pos + 8)[0], 16
        elif length == 0:
            length = end - pos
        if length < header or pos + length > end:
            raise _Damaged(
                msg("core.inspect", "box '{box}' does not fit").format(box=_fourcc(kind))
            )
        yield kind, pos + header, pos + length
        pos += length


def _movie(moov: bytes, facts: VideoFacts) -> None:
    for kind, start, end in _boxes(facts, moov, 0, len(moov)):
        try:
            if kind == b"mvhd":
                timescale, duration = _header_times(moov[start:end], facts, "movie")
                if timescale:
                    facts.duration = duration / timescale
            elif kind == b"trak":
                _trak(moov, start, end, facts)
            elif kind == b"udta":
                _udta(moov, start, end, facts, 1)
            elif kind == b"meta":
                _meta(moov[start:end], facts)
            elif kind == b"uuid":
                _uuid(moov[start:end], facts, "movie")
        except _Damaged as exc:
            # One damaged box must not hide what its neighbours reveal.
            facts.error = facts.error or _DAMAGED.format(error=str(exc))


def _header_times(body: bytes, facts: VideoFacts, what: str) -> tuple[int, int]:
    """Creation and modification times of an mvhd/tkhd/mdhd; for mvhd and
    mdhd also (timescale, duration)."""
    if len(body) < 24:
        return 0, 0
    wide = body[0] == 1
    fmt = ">QQ" if wide else ">II"
    created, modified = struct.unpack_from(fmt, body, 4)
    for label, value, capture in (("Created", created, True), ("Modified", modified, False)):
        text = _qt_time(value)
        if text and (label, text) not in facts._dates:
            facts._dates.add((label, text))
            facts.add(DATE, _HEADER_DATES[(label, what)], text, capture_date=capture)
    at = 20 if wide else 12
    if what == "track":
        return 0, 0
    if len(body) < at + (12 if wide else 8):
        return 0, 0
    timescale = struct.unpack_from(">I", body, at)[0]
    duration = struct.unpack_from(">Q" if wide else ">I", body, at + 4)[0]
    return timescale, duration


def _qt_time(seconds: int) -> str:
    """A QuickTime time (seconds since 1904, UTC) in words; '' for none."""
    if not seconds or seconds > 1 << 40:
        return ""
    try:
        when = _EPOCH_1904 + timedelta(seconds=seconds)
    except OverflowError:
        return ""
    return when.strftime("%Y-%m-%d %H:%M:%S UTC")


def _trak(moov: bytes, start: int, end: int, facts: VideoFacts) -> None:
    track_id = 0
    handler = codec = b""
    samples = 0
    width = height = 0

    def walk(s: int, e: int, depth: int) -> None:
        nonlocal track_id, handler, codec, samples, width, height
        if depth > _MAX_DEPTH:
            raise _Damaged(_TOO_DEEP)
        for kind, bs, be in _boxes(facts, moov, s, e):
            body = moov[bs:be]
            if kind == b"tkhd":
                _header_times(body, facts, "track")
                wide = body[:1] == b"\x01"
                at = 20 if wide else 12
                if len(body) >= at + 4:
                    track_id = struct.unpack_from(">I", body, at)[0]
                if len(body) >= 8:
                    width, height = (
                        v >> 16 for v in struct.unpack_from(">II", body, len(body) - 8)
                    )
            elif kind == b"mdhd":
                _header_times(body, facts, "media")
            elif kind == b"hdlr" and len(body) >= 12 and not handler:
                handler = body[8:12]
                name = body[24:].split(b"\x00", 1)[0]
                if name[:1] and name[0] == len(name) - 1:  # QuickTime: a Pascal string
                    name = name[1:]
                facts.add(OTHER, msg("core.inspect", "Track handler name"), _text(name))
            elif kind == b"stsd" and len(body) >= 16 and not codec:
                codec = body[12:16]
                if len(body) >= 8 + 8 + 78 and handler == b"vide":
                    # The visual sample entry's compressor name (a Pascal string).
                    name = body[8 + 8 + 42 : 8 + 8 + 74]
                    facts.add(DEVICE, msg("core.inspect", "Encoder"), _text(name[1 : 1 + name[0]]))
            elif kind in (b"stsz", b"stz2") and len(body) >= 12:
                samples = struct.unpack_from(">I", body, 8)[0]
            elif kind == b"udta":
                _udta(moov, bs, be, facts, depth + 1)
            elif kind == b"meta":
                _meta(body, facts)
            elif kind in _CONTAINERS:
                walk(bs, be, depth + 1)

    walk(start, end, 2)
    kept = handler in (b"vide", b"soun")
    if handler == b"vide" and not facts.width and width and height:
        facts.width, facts.height = width, height
    facts.tracks.append(
        Track(track_id, _fourcc(handler), _fourcc(codec), samples, kept, _what(handler, codec))
    )


def _what(handler: bytes, codec: bytes) -> str:
    if handler == b"vide":
        return msg("core.inspect", "video")
    if handler == b"soun":
        return msg("core.inspect", "audio")
    if codec == b"gpmd":
        return msg("core.inspect", "GoPro telemetry: GPS and motion sensors")
    if codec == b"camm":
        return msg("core.inspect", "camera motion")
    if codec == b"mebx":
        return msg("core.inspect", "timed metadata (still time, motion, location)")
    if handler == b"meta":
        return msg("core.inspect", "timed metadata")
    if handler in _SUBTITLES or codec in (b"tx3g", b"text", b"wvtt", b"stpp", b"c608"):
        return msg("core.inspect", "subtitles or text")
    if handler == b"tmcd" or codec == b"tmcd":
        return msg("core.inspect", "timecode")
    if handler == b"hint":
        return msg("core.inspect", "streaming hints")
    return msg("core.inspect", "data track")


def _udta(buf: bytes, start: int, end: int, facts: VideoFacts, depth: int) -> None:
    if depth > _MAX_DEPTH:
        raise _Damaged(_TOO_DEEP)
    for kind, s, e in _boxes(facts, buf, start, end):
        body = buf[s:e]
        if kind == b"meta":
            _meta(body, facts)
        elif kind == b"XMP_":
            facts.xmp.append(body[:_MAX_BOX])
        elif kind == b"uuid":
            _uuid(body, facts, "user data")
        elif kind in _ATOMS:
            category, label = _ATOMS[kind]
            _add_atom(facts, category, label, _atom_text(facts, buf, s, e), kind)
        elif kind == b"loci":
            facts.add(PLACE, msg("core.inspect", "GPS position (3GPP)"), _loci(body))
        elif kind[:1] == b"\xa9":
            facts.add(
                TEXT,
                msg("core.inspect", "Text '{box}'").format(box=_fourcc(kind)),
                _atom_text(facts, buf, s, e),
            )
        else:
            facts.add(
                OTHER,
                msg("core.inspect", "Vendor data '{box}'").format(box=_fourcc(kind)),
                _sized(len(body), body),
            )


def _add_atom(facts: VideoFacts, category: str, label: str, value: str, kind: bytes) -> None:
    if kind == b"\xa9xyz":
        value = _iso6709(value) or value
    facts.add(category, label, value)


def _atom_text(facts: VideoFacts, buf: bytes, start: int, end: int) -> str:
    """A user-data atom's text: QuickTime's (length, language, text) or an
    iTunes-style list of `data` boxes."""
    body = buf[start:end]
    if body[4:8] == b"data":
        return _data_values(facts, buf, start, end)
    if len(body) >= 4:
        n = struct.unpack_from(">H", body)[0]
        if 0 < n <= len(body) - 4:
            return _text(body[4 : 4 + n])
    return _text(body)


def _loci(body: bytes) -> str:
    """A 3GPP location box: name, role, longitude, latitude, altitude
    (16.16 fixed point), body, notes."""
    end = body.find(b"\x00", 6)
    if len(body) < 6 or end < 0 or len(body) < end + 14:
        return _sized(len(body), body)
    name = _text(body[6:end])
    lon, lat, alt = struct.unpack_from(">iii", body, end + 2)
    lon_deg, lat_deg = lon / 65536, lat / 65536
    if abs(lat_deg) > 90 or abs(lon_deg) > 180:
        return _sized(len(body), body)
    north, east = "N" if lat_deg >= 0 else "S", "E" if lon_deg >= 0 else "W"
    place = f"{abs(lat_deg):.5f}° {north}, {abs(lon_deg):.5f}° {east}, {alt / 65536:g} m"
    return f"{place} ({name})" if name else place


def _meta(body: bytes, facts: VideoFacts) -> None:
    """A `meta` box: QuickTime keys + items, or iTunes-style items."""
    start = 0 if body[4:8] in (b"hdlr", b"keys", b"ilst") else 4  # ISO: version and flags
    keys: list[str] = []
    items: tuple[int, int] | None = None
    for kind, s, e in _boxes(facts, body, start, len(body)):
        if kind == b"keys" and e - s >= 8:
            count = min(struct.unpack_from(">I", body, s + 4)[0], _MAX_KEYS)
            pos = s + 8
            for _ in range(count):
                if e - pos < 8:
                    break
                size = struct.unpack_from(">I", body, pos)[0]
                if size < 8 or pos + size > e:
                    raise _Damaged(msg("core.inspect", "metadata key does not fit"))
                keys.append(body[pos + 8 : pos + size].decode("utf-8", "replace"))
                pos += size
        elif kind == b"ilst":
            items = (s, e)
        elif kind == b"XMP_":
            facts.xmp.append(body[s:e])
    if items is None:
        return
    for kind, s, e in _boxes(facts, body, *items):
        index = int.from_bytes(kind, "big")
        if keys and 1 <= index <= len(keys):
            _key_item(facts, keys[index - 1], _data_values(facts, body, s, e))
        elif kind in _ATOMS:
            category, label = _ATOMS[kind]
            _add_atom(facts, category, label, _data_values(facts, body, s, e), kind)
        else:
            facts.add(
                OTHER,
                msg("core.inspect", "Item '{box}'").format(box=_fourcc(kind)),
                _data_values(facts, body, s, e),
            )


def _key_item(facts: VideoFacts, key: str, value: str) -> None:
    short = key.removeprefix("com.apple.quicktime.")
    found = _KEYS.get(short.lower())
    if found is None:
        lower = short.lower()
        label = msg("core.inspect", "Key {key}").format(key=key)
        if "location" in lower or "gps" in lower:
            found = (PLACE, label)
        elif lower.startswith(("camera.", "com.android.")):
            found = (DEVICE, label)
        elif "date" in lower:
            found = (DATE, label)
        else:
            found = (OTHER, label)
    category, label = found
    if category == PLACE:
        value = _iso6709(value) or value
    facts.add(category, label, value)


def _data_values(facts: VideoFacts, buf: bytes, start: int, end: int) -> str:
    """The values of the `data` boxes in an item, as text."""
    values = []
    for kind, s, e in _boxes(facts, buf, start, end):
        if kind != b"data" or e - s < 8:
            continue
        kind_code = int.from_bytes(buf[s + 1 : s + 4], "big")
        raw = buf[s + 8 : e]
        if kind_code == 1:
            values.append(_text(raw))
        elif kind_code == 2:
            values.append(raw[:_MAX_TEXT].decode("utf-16-be", "replace"))
        elif kind_code in (21, 22) and 1 <= len(raw) <= 8:
            values.append(str(int.from_bytes(raw, "big", signed=kind_code == 21)))
        elif kind_code == 23 and len(raw) == 4:
            values.append(f"{struct.unpack('>f', raw)[0]:g}")
        elif kind_code == 24 and len(raw) == 8:
            values.append(f"{struct.unpack('>d', raw)[0]:g}")
        else:
            values.append(_sized(len(raw)))
    values = [v for v in values if v]
    if len(values) == 1:
        return values[0]  # Pellicle's own words ("12 bytes") stay translatable
    return ", ".join(values)


def _uuid(body: bytes, facts: VideoFacts, where: str) -> None:
    if body[:16] == _XMP_UUID:
        facts.xmp.append(body[16:])
        return
    label = _UUID_LABELS[where]
    facts.add(EXTRA if not where else OTHER, label, _sized(len(body) - 16, body[16:]))


_ISO6709: Final = re.compile(r"^\s*([+-]\d+(?:\.\d*)?)([+-]\d+(?:\.\d*)?)([+-]\d+(?:\.\d*)?)?")


def _iso6709(text: str) -> str | None:
    """'+48.8582+002.2945+035.000/' in words, or None if it is not one."""
    found = _ISO6709.match(text)
    if not found:
        return None
    lat = _sexagesimal(found.group(1), 2)
    lon = _sexagesimal(found.group(2), 3)
    if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180:
        return None
    place = (
        f"{abs(lat):.5f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.5f}° {'E' if lon >= 0 else 'W'}"
    )
    if found.group(3):
        place += f", {float(found.group(3)):g} m"
    return place


def _sexagesimal(value: str, degree_digits: int) -> float | None:
    """ISO 6709 writes ±DD.D, ±DDMM.M or ±DDMMSS.S (longitude: one more D)."""
    sign = -1.0 if value[0] == "-" else 1.0
    whole, _, fraction = value[1:].partition(".")
    extra = len(whole) - degree_digits
    try:
        if extra == 0:
            return sign * float(value[1:])
        if extra == 2:
            return sign * (int(whole[:degree_digits]) + float(f"{whole[-2:]}.{fraction}0") / 60)
        if extra == 4:
            minutes = int(whole[degree_digits:-2])
            seconds = float(f"{whole[-2:]}.{fraction}0")
            return sign * (int(whole[:degree_digits]) + minutes / 60 + seconds / 3600)
    except ValueError:
        return None
    return None


def _text(raw: bytes) -> str:
    return raw[:_MAX_TEXT].split(b"\x00", 1)[0].decode("utf-8", "replace").strip()


def _sized(n: int, body: bytes = b"") -> str:
    """'N bytes', with the first readable words in `body` when it has some."""
    words = re.search(rb"[\x20-\x7e]{6,}", body[:_MAX_TEXT])
    if words:
        return msg("core.inspect", "{count:,} bytes: {text}").format(
            count=n, text=words.group().decode("ascii")
        )
    return _BYTES.format(count=n)


def _fourcc(kind: bytes) -> str:
    """A box or codec code as people may read it: a hostile file's control
    bytes (a "\x01pmd" codec) become "?", never raw text in the inspector."""
    text = "".join(
        c if c.isprintable() else "?" for c in kind.decode("latin-1").replace("\x00", " ")
    )
    return text.strip() or "?"
