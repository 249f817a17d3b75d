"""Video export: rebuild an ISO base media file (MP4, MOV, M4V, 3GP) from a keep-list.

A phone video says more about its owner than a photo: the place (`©xyz`,
`com.apple.quicktime.location.ISO6709`), the phone, its software, the time,
a Live Photo identifier, and on action cameras a GPS track in a data track.
Re-encoding would lose quality and time, and FFmpeg's muxer rewrites sample
tables and adds its own strings (see docs/design-notes.md), so this module
writes a new container around the untouched samples:

- `ftyp`, then a fresh `moov` holding only what a player needs: `mvhd`, and
  for each video and audio track `tkhd`, `tapt`, `edts`/`elst`, `mdhd`,
  `hdlr` (name blanked), `vmhd`/`smhd`, a self-contained `dref`, and the
  sample tables (`stsd` entries with a keep-list of codec, colour and HDR
  boxes and a blank compressor name, `stts`, `ctts`, `cslg`, `stss`, `stps`,
  `sdtp`, `stsc`, `stsz`/`stz2`, `sgpd`/`sbgp` of known groupings) copied
  byte for byte, chunk offsets rewritten;
- one `mdat` holding each kept chunk, copied from the source in the kernel
  and in source order, so nothing between chunks survives.

Everything else is dropped: `udta`, `meta` (keys, ilst), `uuid` (XMP),
`XMP_`, vendor boxes, `free`/`skip`, track references, every track that is
not video or audio together with its samples (timed metadata, GPS, text,
subtitles, timecode), and whatever follows the last box (Samsung's SEFT
trailer). Creation and modification times are zeroed (creation times are
kept when the profile keeps the capture date); handler names, compressor
names and vendor fields are blanked. Fragmented files (`moof`), encrypted
tracks and media kept in other files are refused.

The source is never read whole: only box headers and the `moov` box (bounded)
are read; sample data moves file to file with `copy_file_range`. How each
box and sample table is walked and checked is `video_boxes`; this module is
what is kept and how the new file is laid out.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from typing import Final

from pellicle.core.scrub._io import Sink, Source
from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.scrub.video_boxes import (
    Box,
    box_bytes,
    check_entry_box,
    check_table,
    child_boxes,
    chunk_offsets,
    chunk_sizes,
    entry_boxes,
    fourcc,
    grouping_type,
    sample_sizes,
    u32,
    unreadable,
)
from pellicle.core.words import msg

#: The movie box is read into memory; real ones are well below this (an hour
#: of 60 fps video with audio has about 10 MB of sample tables).
MAX_MOOV: Final = 64 << 20
#: Offsets and sizes from here on need 64-bit fields (co64, a large mdat).
LIMIT_32: Final = 1 << 32
_MAX_TRACKS: Final = 64

# Track handlers whose samples are exported.
_AV_HANDLERS: Final = frozenset({b"vide", b"soun"})
# Sample entry formats a kept track may use. Anything else is refused rather
# than copied with children nobody has checked.
VIDEO_CODECS: Final = frozenset(
    {
        b"avc1", b"avc2", b"avc3", b"avc4", b"hvc1", b"hev1", b"hvc2", b"hev2",
        b"dvh1", b"dvhe", b"dva1", b"dvav", b"dav1", b"av01", b"vp08", b"vp09",
        b"mp4v", b"s263", b"h263", b"jpeg", b"mjpa", b"mjpb", b"apch", b"apcn",
        b"apcs", b"apco", b"ap4h", b"ap4x", b"aprn", b"aprh",
    }
)  # fmt: skip
AUDIO_CODECS: Final = frozenset(
    {
        b"mp4a", b"ac-3", b"ec-3", b"ac-4", b"alac", b"Opus", b"fLaC", b"lpcm",
        b"sowt", b"twos", b"in24", b"in32", b"fl32", b"fl64", b"ipcm", b"fpcm",
        b"samr", b"sawb", b".mp3", b"mp3 ", b"raw ", b"ulaw", b"alaw", b"ima4",
        b"mlpa",
    }
)  # fmt: skip
# Boxes inside a sample entry that decoders and displays use: codec
# configuration, colour, aspect, field order, HDR mastering and light level,
# Dolby Vision and stereo configuration, bit rate, audio layout.
VIDEO_ENTRY_BOXES: Final = frozenset(
    {
        b"avcC", b"hvcC", b"av1C", b"vpcC", b"esds", b"colr", b"pasp", b"clap",
        b"btrt", b"fiel", b"mdcv", b"clli", b"dvcC", b"dvvC", b"dvwC", b"lhvC",
        b"vexu", b"hfov", b"gama", b"SmDm", b"CoLL", b"amve", b"d263", b"glbl",
    }
)  # fmt: skip
AUDIO_ENTRY_BOXES: Final = frozenset(
    {
        b"esds", b"wave", b"chan", b"dac3", b"dec3", b"dac4", b"dOps", b"dfLa",
        b"alac", b"btrt", b"pcmC", b"damr", b"dmlp", b"SA3D", b"srat", b"chnl",
    }
)  # fmt: skip
# Inside QuickTime's `wave`: the format, its configuration, a terminator.
WAVE_BOXES: Final = frozenset({b"frma", b"mp4a", b"esds", b"enda", b"alac", b"\x00\x00\x00\x00"})
# Sample groupings that describe decoding (random access, recovery, temporal
# layers); other groupings are dropped with their descriptions.
GROUPINGS: Final = frozenset(
    {b"roll", b"prol", b"sync", b"rap ", b"tele", b"sap ", b"alst", b"tscl", b"tsas", b"stsa"}
)
# Sample-table boxes copied byte for byte (after their layout is checked).
_TABLES: Final = (b"stts", b"ctts", b"cslg", b"stss", b"stps", b"sdtp", b"stsc", b"stsz", b"stz2")
_ENCRYPTED: Final = frozenset({b"encv", b"enca", b"sinf", b"saio", b"saiz", b"senc"})
_FRAGMENTED: Final = frozenset({b"moof", b"mfra", b"styp", b"sidx", b"ssix"})
# What follows a sample entry's 8-byte header before its child boxes.
_VISUAL_FIELDS: Final = 78
_SOUND_FIELDS: Final = {0: 28, 1: 44, 2: 64}


@dataclass
class _Track:
    track_id: int
    handler: bytes
    boxes: list[bytes] = field(default_factory=list)  # trak children, rebuilt
    mdia: list[bytes] = field(default_factory=list)
    minf: list[bytes] = field(default_factory=list)
    stbl: list[bytes] = field(default_factory=list)
    chunk_offsets: list[int] = field(default_factory=list)
    chunk_sizes: list[int] = field(default_factory=list)
    new_offsets: list[int] = field(default_factory=list)
    width: int = 0
    height: int = 0


def scrub_video(src: Source, sink: Sink, options: ScrubOptions) -> ScrubResult:
    ftyp, moov_at, mdats = _top_level(src)
    moov = src.read(moov_at[0], moov_at[1] - moov_at[0], "movie box")
    movie = _Movie(moov, options)
    if not movie.tracks:
        raise ScrubError(msg("core.scrub", "video has no video or audio track"))
    # Every kept chunk must lie inside a media data box; sorted by source
    # offset they must not overlap (a hostile file could make one byte count
    # a million times).
    chunks: list[tuple[int, int, _Track, int]] = []
    for track in movie.tracks:
        for i, (off, size) in enumerate(zip(track.chunk_offsets, track.chunk_sizes, strict=True)):
            chunks.append((off, size, track, i))
            track.new_offsets.append(0)
    chunks.sort(key=lambda c: c[0])
    end_prev = 0
    for off, size, _, _ in chunks:
        if off < end_prev:
            raise unreadable(msg("core.scrub", "chunks of samples overlap"))
        if not any(a <= off and off + size <= b for a, b in mdats):
            raise ScrubError(
                msg("core.scrub", "truncated video: samples lie outside the media data")
            )
        end_prev = off + size
    payload = sum(c[1] for c in chunks)
    large = payload + 8 >= LIMIT_32
    mdat_header = 16 if large else 8

    head = box_bytes(b"ftyp", ftyp) if ftyp is not None else b""
    wide = False
    for _attempt in range(2):
        moov_size = len(movie.build(wide))
        pos = len(head) + moov_size + mdat_header
        for _off, size, track, i in chunks:
            track.new_offsets[i] = pos
            pos += size
        if pos < LIMIT_32 or wide:
            break
        wide = True  # offsets past 4 GB: every table becomes co64
    out_moov = movie.build(wide)
    if mdat_header == 16:
        mdat = struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", payload + 16)
    else:
        mdat = struct.pack(">I", payload + 8) + b"mdat"
    sink.write(head + out_moov + mdat)
    # Coalesce chunks that follow each other in the source into one copy.
    run_start, run_len = -1, 0
    for off, size, _, _ in chunks:
        if off == run_start + run_len:
            run_len += size
            continue
        if run_len:
            sink.copy(src, run_start, run_len)
        run_start, run_len = off, size
    if run_len:
        sink.copy(src, run_start, run_len)
    first = next((t for t in movie.tracks if t.handler == b"vide"), movie.tracks[0])
    return ScrubResult(src.fmt, first.width, first.height, 1, len(movie.tracks))


def _top_level(src: Source) -> tuple[bytes | None, tuple[int, int], list[tuple[int, int]]]:
    """Find ftyp, moov and the media data boxes by reading box headers only."""
    pos = 0
    ftyp: bytes | None = None
    moov: tuple[int, int] | None = None
    mdats: list[tuple[int, int]] = []
    boxes = 0
    while pos + 8 <= src.size:
        boxes += 1
        if boxes > 100_000:
            raise unreadable(msg("core.scrub", "too many top-level boxes"))
        head = src.read(pos, min(16, src.size - pos))
        size = u32(head, 0)
        kind = head[4:8]
        header = 8
        if size == 1:
            if len(head) < 16:
                break
            size = int.from_bytes(head[8:16], "big")
            header = 16
        elif size == 0:
            size = src.size - pos
        if size < header or pos + size > src.size:
            if kind == b"mdat":
                raise ScrubError(msg("core.scrub", "truncated video: media data past end of file"))
            if kind == b"moov":
                raise ScrubError(msg("core.scrub", "truncated video: movie box past end of file"))
            # Not a box: a trailer after the last box (dropped with it).
            break
        if kind in _FRAGMENTED:
            raise ScrubError(msg("core.scrub", "fragmented video (moof): not exported yet"))
        if kind == b"ftyp":
            if ftyp is not None or size - header > 4096 or (size - header) % 4:
                raise unreadable(msg("core.scrub", "bad file type box"))
            ftyp = src.read(pos + header, size - header, "file type box")
            if len(ftyp) < 8:
                raise unreadable(msg("core.scrub", "bad file type box"))
        elif kind == b"moov":
            if moov is not None:
                raise unreadable(msg("core.scrub", "more than one movie box"))
            if size - header > MAX_MOOV:
                raise ScrubError(msg("core.scrub", "video movie box too large"))
            moov = (pos + header, pos + size)
        elif kind == b"mdat":
            mdats.append((pos + header, pos + size))
        pos += size
    if moov is None:
        raise ScrubError(msg("core.scrub", "truncated video: no movie box"))
    return ftyp, moov, mdats


class _Movie:
    """The parsed movie box, rebuilt from its keep-list."""

    def __init__(self, moov: bytes, options: ScrubOptions) -> None:
        self.options = options
        self.mvhd = b""
        self.tracks: list[_Track] = []
        traks = 0
        for box in child_boxes(moov, 0, len(moov), 1):
            body = moov[box.body : box.end]
            if box.type == b"mvhd":
                if self.mvhd:
                    raise unreadable(msg("core.scrub", "more than one movie header"))
                self.mvhd = self._mvhd(body)
            elif box.type == b"trak":
                traks += 1
                if traks > _MAX_TRACKS:
                    raise unreadable(msg("core.scrub", "too many tracks"))
                track = self._trak(moov, box)
                if track is not None:
                    self.tracks.append(track)
            elif box.type == b"mvex":
                raise ScrubError(msg("core.scrub", "fragmented video (moof): not exported yet"))
            # udta, meta, iods, uuid, free, ...: dropped.
        if not self.mvhd:
            raise unreadable(msg("core.scrub", "no movie header"))

    def build(self, wide: bool) -> bytes:
        traks = [self._build_trak(t, wide) for t in self.tracks]
        return box_bytes(b"moov", self.mvhd, *traks)

    def _build_trak(self, t: _Track, wide: bool) -> bytes:
        if wide:
            offsets = box_bytes(
                b"co64",
                struct.pack(">II", 0, len(t.new_offsets)),
                struct.pack(f">{len(t.new_offsets)}Q", *t.new_offsets),
            )
        else:
            offsets = box_bytes(
                b"stco",
                struct.pack(">II", 0, len(t.new_offsets)),
                struct.pack(f">{len(t.new_offsets)}I", *t.new_offsets),
            )
        stbl = box_bytes(b"stbl", *t.stbl, offsets)
        minf = box_bytes(b"minf", *t.minf, stbl)
        mdia = box_bytes(b"mdia", *t.mdia, minf)
        return box_bytes(b"trak", *t.boxes, mdia)

    # ---- headers: times zeroed, reserved and player-state fields cleared

    def _times(self, body: bytes, wide: bool) -> bytes:
        """Creation and modification time fields, zeroed unless the date is kept."""
        n = 8 if wide else 4
        created = body[4 : 4 + n] if self.options.keep_capture_date else bytes(n)
        return created + bytes(n)

    def _mvhd(self, body: bytes) -> bytes:
        version = body[0] if body else -1
        if version == 0 and len(body) == 100:
            t, rest = 4, body[12:]
        elif version == 1 and len(body) == 112:
            t, rest = 8, body[20:]
        else:
            raise unreadable(msg("core.scrub", "bad movie header"))
        # rest: timescale, duration, rate, volume, reserved, matrix, (QuickTime
        # preview/poster/selection/current times), next track ID.
        d = 4 if t == 4 else 8
        timescale_duration = rest[: 4 + d]
        rate_volume = rest[4 + d : 4 + d + 6]
        matrix = rest[4 + d + 16 : 4 + d + 52]
        next_id = rest[-4:]
        return box_bytes(
            b"mvhd",
            bytes((version, 0, 0, 0)),
            self._times(body, t == 8),
            timescale_duration,
            rate_volume,
            bytes(10),
            matrix,
            bytes(24),
            next_id,
        )

    def _tkhd(self, body: bytes) -> tuple[bytes, int, int, int]:
        version = body[0] if body else -1
        if version == 0 and len(body) == 84:
            rest = body[12:]
            track_id, duration = rest[0:4], rest[8:12]
            tail = rest[12:]
        elif version == 1 and len(body) == 96:
            rest = body[20:]
            track_id, duration = rest[0:4], rest[8:16]
            tail = rest[16:]
        else:
            raise unreadable(msg("core.scrub", "bad track header"))
        # tail: reserved 8, layer, alternate group, volume, reserved 2, matrix, width, height.
        layer_group_volume = tail[8:14]
        matrix = tail[16:52]
        width, height = u32(tail, 52), u32(tail, 56)
        flags = body[1:4]
        built = box_bytes(
            b"tkhd",
            bytes((version,)) + flags,
            self._times(body, version == 1),
            track_id,
            bytes(4),
            duration,
            bytes(8),
            layer_group_volume,
            bytes(2),
            matrix,
            tail[52:60],
        )
        return built, int.from_bytes(track_id, "big"), width >> 16, height >> 16

    def _mdhd(self, body: bytes) -> bytes:
        version = body[0] if body else -1
        if version == 0 and len(body) == 24:
            rest = body[12:20]
        elif version == 1 and len(body) == 36:
            rest = body[20:32]
        else:
            raise unreadable(msg("core.scrub", "bad media header"))
        # Language 'und': the phone's language is not part of the picture.
        return box_bytes(
            b"mdhd",
            bytes((version, 0, 0, 0)),
            self._times(body, version == 1),
            rest,
            b"\x55\xc4\x00\x00",
        )

    @staticmethod
    def _hdlr(body: bytes) -> tuple[bytes, bytes]:
        if len(body) < 12:
            raise unreadable(msg("core.scrub", "bad handler box"))
        # QuickTime puts its component type ('mhlr', 'dhlr') before the
        # handler type; ISO files put zero there. The name is blanked: it is
        # where muxers and phones write their own names.
        component, handler = body[4:8], body[8:12]
        if component not in (bytes(4), b"mhlr", b"dhlr"):
            component = bytes(4)
        return box_bytes(b"hdlr", bytes(4), component, handler, bytes(12), b"\x00"), handler

    # ---- tracks

    def _trak(self, moov: bytes, trak: Box) -> _Track | None:
        tkhd = None
        edts = tapt = b""
        mdia: Box | None = None
        for box in child_boxes(moov, trak.body, trak.end, 2):
            body = moov[box.body : box.end]
            if box.type == b"tkhd":
                tkhd = self._tkhd(body)
            elif box.type == b"mdia":
                mdia = box
            elif box.type == b"edts":
                edts = self._edts(moov, box)
            elif box.type == b"tapt":
                tapt = self._tapt(moov, box)
        if tkhd is None or mdia is None:
            raise unreadable(msg("core.scrub", "track without header or media"))
        handler = self._handler_of(moov, mdia)
        if handler not in _AV_HANDLERS:
            return None  # timed metadata, GPS, text, timecode: dropped with its samples
        built, track_id, width, height = tkhd
        track = _Track(track_id, handler, width=width, height=height)
        track.boxes = [built] + ([tapt] if tapt else []) + ([edts] if edts else [])
        self._mdia(moov, mdia, track)
        return track

    def _handler_of(self, moov: bytes, mdia: Box) -> bytes:
        for box in child_boxes(moov, mdia.body, mdia.end, 3):
            if box.type == b"hdlr":
                return self._hdlr(moov[box.body : box.end])[1]
        raise unreadable(msg("core.scrub", "media without handler"))

    @staticmethod
    def _edts(moov: bytes, edts: Box) -> bytes:
        kept = b""
        for box in child_boxes(moov, edts.body, edts.end, 3):
            if box.type != b"elst":
                continue
            body = moov[box.body : box.end]
            if len(body) < 8 or body[0] > 1:
                raise unreadable(msg("core.scrub", "bad edit list"))
            entry = 20 if body[0] == 1 else 12
            count = u32(body, 4)
            if len(body) != 8 + count * entry:
                raise unreadable(msg("core.scrub", "edit list size does not match its entries"))
            kept = box_bytes(b"elst", bytes((body[0], 0, 0, 0)), body[4:])
        return box_bytes(b"edts", kept) if kept else b""

    @staticmethod
    def _tapt(moov: bytes, tapt: Box) -> bytes:
        kept = []
        for box in child_boxes(moov, tapt.body, tapt.end, 3):
            body = moov[box.body : box.end]
            if box.type in (b"clef", b"prof", b"enof") and len(body) == 12:
                kept.append(box_bytes(box.type, bytes(4), body[4:]))
        return box_bytes(b"tapt", *kept) if kept else b""

    def _mdia(self, moov: bytes, mdia: Box, track: _Track) -> None:
        minf: Box | None = None
        mdhd = hdlr = b""
        for box in child_boxes(moov, mdia.body, mdia.end, 3):
            body = moov[box.body : box.end]
            if box.type == b"mdhd" and not mdhd:
                mdhd = self._mdhd(body)
            elif box.type == b"hdlr" and not hdlr:
                hdlr = self._hdlr(body)[0]
            elif box.type == b"minf" and minf is None:
                minf = box
        if not mdhd or not hdlr or minf is None:
            raise unreadable(msg("core.scrub", "track media incomplete"))
        track.mdia = [mdhd, hdlr]
        stbl: Box | None = None
        for box in child_boxes(moov, minf.body, minf.end, 4):
            body = moov[box.body : box.end]
            if box.type == b"vmhd" and len(body) == 12 and track.handler == b"vide":
                track.minf.append(box_bytes(b"vmhd", body[:4], body[4:12]))
            elif box.type == b"smhd" and len(body) == 8 and track.handler == b"soun":
                track.minf.append(box_bytes(b"smhd", bytes(4), body[4:6], bytes(2)))
            elif box.type == b"dinf":
                track.minf.append(self._dinf(moov, box))
            elif box.type == b"stbl":
                stbl = box
            # QuickTime's data handler hdlr ('dhlr'/'alis') and anything else: dropped.
        if stbl is None or not any(b[4:8] == b"dinf" for b in track.minf):
            raise unreadable(msg("core.scrub", "track without sample table or data reference"))
        self._stbl(moov, stbl, track)

    @staticmethod
    def _dinf(moov: bytes, dinf: Box) -> bytes:
        for box in child_boxes(moov, dinf.body, dinf.end, 5):
            if box.type != b"dref":
                continue
            body = moov[box.body : box.end]
            if len(body) < 8:
                raise unreadable(msg("core.scrub", "bad data reference"))
            count = u32(body, 4)
            entries = list(child_boxes(moov, box.body + 8, box.end, 6))
            if count == 0 or count != len(entries) or count > 64:
                raise unreadable(msg("core.scrub", "bad data reference"))
            for entry in entries:
                flags = moov[entry.body + 1 : entry.body + 4]
                if entry.end - entry.body < 4 or not flags[2] & 1:
                    raise ScrubError(
                        msg("core.scrub", "video refers to media in another file: not exported")
                    )
            # Each entry becomes a plain "in this file" reference.
            urls = box_bytes(b"url ", b"\x00\x00\x00\x01") * count
            return box_bytes(b"dinf", box_bytes(b"dref", bytes(4), struct.pack(">I", count), urls))
        raise unreadable(msg("core.scrub", "track without data reference"))

    # ---- sample tables

    def _stbl(self, moov: bytes, stbl: Box, track: _Track) -> None:
        tables: dict[bytes, bytes] = {}
        groups: list[tuple[bytes, bytes | None, bytes]] = []  # sgpd/sbgp: kind, grouping, box
        offsets: list[int] | None = None
        for box in child_boxes(moov, stbl.body, stbl.end, 5):
            body = moov[box.body : box.end]
            kind = box.type
            if kind in _ENCRYPTED:
                raise ScrubError(msg("core.scrub", "encrypted video: not exported"))
            if kind == b"stsd":
                tables[kind] = self._stsd(moov, box, track.handler)
            elif kind in _TABLES:
                if kind in tables:
                    raise unreadable(
                        msg("core.scrub", "more than one '{box}' table").format(box=fourcc(kind))
                    )
                check_table(kind, body)
                tables[kind] = box_bytes(kind, body)
            elif kind in (b"stco", b"co64"):
                if offsets is not None:
                    raise unreadable(msg("core.scrub", "more than one chunk offset table"))
                offsets = chunk_offsets(kind, body)
            elif kind in (b"sgpd", b"sbgp"):
                grouping = grouping_type(kind, body)
                if grouping in GROUPINGS:
                    groups.append((kind, grouping, box_bytes(kind, body)))
        for need in (b"stsd", b"stts", b"stsc"):
            if need not in tables:
                raise unreadable(
                    msg("core.scrub", "sample table without '{box}'").format(box=fourcc(need))
                )
        if offsets is None or (b"stsz" not in tables) == (b"stz2" not in tables):
            raise unreadable(msg("core.scrub", "sample table without sizes or chunk offsets"))
        fixed, sizes, count = sample_sizes(tables.get(b"stsz") or tables[b"stz2"])
        if b"sdtp" in tables and len(tables[b"sdtp"]) - 12 != count:
            raise unreadable(
                msg("core.scrub", "sample dependency table does not match the samples")
            )
        track.chunk_offsets = offsets
        track.chunk_sizes = chunk_sizes(tables[b"stsc"][8:], len(offsets), fixed, sizes, count)
        order = (b"stsd", *_TABLES)
        track.stbl = [tables[k] for k in order if k in tables]
        described = {g for k, g, _ in groups if k == b"sgpd"}
        track.stbl += [b for k, _, b in groups if k == b"sgpd"]
        # A sample-to-group box is kept only beside its descriptions.
        track.stbl += [b for k, g, b in groups if k == b"sbgp" and g in described]

    def _stsd(self, moov: bytes, stsd: Box, handler: bytes) -> bytes:
        body = moov[stsd.body : stsd.end]
        if len(body) < 8:
            raise unreadable(msg("core.scrub", "bad sample description"))
        count = u32(body, 4)
        entries = list(child_boxes(moov, stsd.body + 8, stsd.end, 6))
        if count == 0 or count != len(entries):
            raise unreadable(msg("core.scrub", "bad sample description"))
        built = [self._entry(moov, e, handler) for e in entries]
        return box_bytes(b"stsd", bytes(4), struct.pack(">I", count), *built)

    def _entry(self, moov: bytes, entry: Box, handler: bytes) -> bytes:
        kind = entry.type
        body = moov[entry.body : entry.end]
        if kind in _ENCRYPTED:
            raise ScrubError(msg("core.scrub", "encrypted video: not exported"))
        if handler == b"vide":
            if kind not in VIDEO_CODECS:
                raise ScrubError(
                    msg("core.scrub", "unsupported video codec '{box}'").format(box=fourcc(kind))
                )
            if len(body) < _VISUAL_FIELDS:
                raise unreadable(msg("core.scrub", "short video sample description"))
            # Keep reserved/data reference index, width, height, resolution,
            # frame count and depth; blank QuickTime's version/vendor/quality
            # fields and the compressor name (an encoder's name).
            head = body[:8] + bytes(16) + body[24:42] + bytes(32) + body[74:78]
            children = entry_boxes(moov, entry.body + _VISUAL_FIELDS, entry.end)
            return box_bytes(kind, head, *_kept(moov, children, VIDEO_ENTRY_BOXES))
        if kind not in AUDIO_CODECS:
            raise ScrubError(
                msg("core.scrub", "unsupported audio codec '{box}'").format(box=fourcc(kind))
            )
        if len(body) < 28:
            raise unreadable(msg("core.scrub", "short audio sample description"))
        version = int.from_bytes(body[8:10], "big")
        # QuickTime's version 1 and 2 add 16 and 36 bytes of fields; ISO's
        # version 1 adds none. Whichever layout leaves well-formed boxes wins.
        layouts = [_SOUND_FIELDS[version]] if version in _SOUND_FIELDS else []
        if version == 1:
            layouts.append(28)
        for fixed in layouts:
            if len(body) < fixed:
                continue
            try:
                children = entry_boxes(moov, entry.body + fixed, entry.end)
            except ScrubError:
                continue
            # Revision and vendor blanked; the rest describes the audio.
            head = body[:10] + bytes(6) + body[16:fixed]
            return box_bytes(kind, head, *_kept(moov, children, AUDIO_ENTRY_BOXES))
        raise unreadable(msg("core.scrub", "bad audio sample description"))


def _kept(moov: bytes, boxes: list[Box], allowed: frozenset[bytes]) -> list[bytes]:
    kept: list[bytes] = []
    for box in boxes:
        if box.type not in allowed:
            continue
        body = moov[box.body : box.end]
        if box.type == b"wave":
            inner = entry_boxes(moov, box.body, box.end)
            kept.append(box_bytes(b"wave", *_kept(moov, inner, WAVE_BOXES)))
        else:
            check_entry_box(box.type, body)
            kept.append(box_bytes(box.type, body))
    return kept
