"""The video gate: re-read an exported video with its own box walker and prove it.

A bug in the video writer must not become a leak, so this module shares no
code with `video` (only the value types): it walks the exported file against
a keep-list of its own and refuses anything else — a box off the list, a
non-zero date, a handler or compressor name, a vendor field, slack bytes in
a table, bytes in the media data that no sample accounts for, anything after
the media data. It then walks the sample tables of the export and of the
source side by side: every table but the chunk offsets must be identical,
and every chunk's bytes must equal the source's, read and compared in
bounded pieces (a 200 MB clip is never held in memory). The export's
SHA-256 is computed from the same pieces, on a second thread, so hashing
(the slowest part) runs beside the reads and comparisons.

Without a source (re-checking an export later), the structure is checked
and the media data must still be exactly the samples the tables describe.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import queue
import struct
import threading
from dataclasses import dataclass, field
from typing import Final

from pellicle.core.scrub._types import ScrubError, ScrubOptions, ScrubResult
from pellicle.core.words import msg

_MOOV_LIMIT: Final = 64 << 20
#: Bytes read, compared and hashed at a time; at most `_BUFFERS` are in use.
#: 1 MB pieces stay in the CPU's caches between the read, the comparison and
#: the hash: 12 % less CPU than 8 MB pieces for a 190 MB clip, measured.
_PIECE: Final = 1 << 20
_BUFFERS: Final = 4
_DEPTH: Final = 12

# What may appear where: a container's allowed children. Leaves are checked
# by their own functions below.
_TREE: Final = {
    b"moov": frozenset({b"mvhd", b"trak"}),
    b"trak": frozenset({b"tkhd", b"tapt", b"edts", b"mdia"}),
    b"tapt": frozenset({b"clef", b"prof", b"enof"}),
    b"edts": frozenset({b"elst"}),
    b"mdia": frozenset({b"mdhd", b"hdlr", b"minf"}),
    b"minf": frozenset({b"vmhd", b"smhd", b"dinf", b"stbl"}),
    b"dinf": frozenset({b"dref"}),
    b"stbl": frozenset(
        {
            b"stsd", b"stts", b"ctts", b"cslg", b"stss", b"stps", b"sdtp", b"stsc",
            b"stsz", b"stz2", b"stco", b"co64", b"sgpd", b"sbgp",
        }
    ),
}  # fmt: skip
_ONCE: Final = frozenset(
    {
        b"mvhd", b"tkhd", b"tapt", b"edts", b"elst", b"mdia", b"mdhd", b"hdlr",
        b"minf", b"vmhd", b"smhd", b"dinf", b"dref", b"stbl", b"stsd", b"stts",
        b"ctts", b"cslg", b"stss", b"stps", b"sdtp", b"stsc", b"stsz", b"stz2",
        b"stco", b"co64", b"clef", b"prof", b"enof",
    }
)  # fmt: skip
_VIDEO_FORMATS: Final = frozenset(
    b"avc1 avc2 avc3 avc4 hvc1 hev1 hvc2 hev2 dvh1 dvhe dva1 dvav dav1 av01 vp08 vp09 "
    b"mp4v s263 h263 jpeg mjpa mjpb apch apcn apcs apco ap4h ap4x aprn aprh".split()
)
_AUDIO_FORMATS: Final = frozenset(
    [
        *b"mp4a ac-3 ec-3 ac-4 alac Opus fLaC lpcm sowt twos in24 in32 fl32 fl64 ipcm fpcm "
        b"samr sawb .mp3 ima4 ulaw alaw mlpa".split(),
        b"mp3 ",
        b"raw ",
    ]
)
_VIDEO_CONFIG: Final = frozenset(
    b"avcC hvcC av1C vpcC esds colr pasp clap btrt fiel mdcv clli dvcC dvvC dvwC lhvC "
    b"vexu hfov gama SmDm CoLL amve d263 glbl".split()
)
_AUDIO_CONFIG: Final = frozenset(
    b"esds wave chan dac3 dec3 dac4 dOps dfLa alac btrt pcmC damr dmlp SA3D srat chnl".split()
)
_WAVE_CONFIG: Final = frozenset([*b"frma mp4a esds enda alac".split(), bytes(4)])
_FIXED_SIZE: Final = {
    b"pasp": 8, b"clap": 32, b"btrt": 12, b"fiel": 2, b"clli": 4, b"mdcv": 24, b"gama": 4,
}  # fmt: skip
_GROUP_TYPES: Final = frozenset(
    [*b"roll prol sync tele alst tscl tsas stsa".split(), b"rap ", b"sap "]
)
# Tables that must equal the source's byte for byte.
_SAME_AS_SOURCE: Final = (
    b"stts", b"ctts", b"cslg", b"stss", b"stps", b"sdtp", b"stsc", b"stsz", b"stz2",
)  # fmt: skip


_PREADV: Final = hasattr(os, "preadv")


def _bad(reason: str) -> ScrubError:
    # The reason itself is a diagnostic for a bug report: it stays English.
    return ScrubError(msg("core.scrub", "verification failed: {reason}").format(reason=reason))


@dataclass
class _Node:
    kind: bytes
    body: bytes
    kids: list[_Node] = field(default_factory=list)

    def one(self, kind: bytes) -> _Node | None:
        return next((k for k in self.kids if k.kind == kind), None)

    def need(self, kind: bytes) -> _Node:
        found = self.one(kind)
        if found is None:
            raise _bad(f"'{kind.decode('latin-1')}' missing in '{self.kind.decode('latin-1')}'")
        return found


@dataclass
class _Trak:
    track_id: int
    handler: bytes
    width: int
    height: int
    tables: dict[bytes, bytes]
    chunks: list[tuple[int, int]]  # (offset, length) in chunk order


def verify_video(
    fd: int,
    source: str | os.PathLike[str] | None,
    options: ScrubOptions = ScrubOptions(),  # noqa: B008 - frozen, so sharing is safe
    *,
    claimed: ScrubResult | None = None,
) -> str:
    """Check the exported video behind `fd`; return its sha256 hex digest.

    Raises ScrubError with the reason when anything is off the keep-list,
    when a sample differs from the source's (the video at `source`; None
    when it cannot be compared: then the data must still be exactly the
    samples the tables describe), or when the file does not match `claimed`
    (what the scrubber reported writing).
    """
    try:
        if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_WRONLY:
            rfd = os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_CLOEXEC)
        else:
            rfd = os.dup(fd)
    except OSError as exc:
        raise _bad(f"cannot read back: {exc.strerror or exc}") from exc
    sfd = -1
    try:
        out = _Reader(rfd)
        moov_at, mdat = _layout(out)
        tracks = _movie(out.read(*moov_at), options)
        if claimed is not None:
            _expect(tracks, claimed)
        src_tracks: dict[int, _Trak] | None = None
        if source is not None:
            try:
                sfd = os.open(source, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
            except OSError as exc:
                raise _bad(f"cannot re-read the source: {exc.strerror or exc}") from exc
            src_tracks = _source_tracks(_Reader(sfd))
        return _prove(out, tracks, mdat, src_tracks, _Reader(sfd) if sfd >= 0 else None)
    except ScrubError:
        raise
    except MemoryError:
        raise _bad("video needs too much memory") from None
    except Exception as exc:
        raise _bad(f"{type(exc).__name__}: {exc}".replace("\n", " ")) from exc
    finally:
        os.close(rfd)
        if sfd >= 0:
            os.close(sfd)


class _Reader:
    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.size = os.fstat(fd).st_size

    def read(self, start: int, end: int) -> bytes:
        if start < 0 or end > self.size or end < start:
            raise _bad("reference past the end of the file")
        data = os.pread(self.fd, end - start, start)
        while len(data) < end - start:
            more = os.pread(self.fd, end - start - len(data), start + len(data))
            if not more:
                raise _bad("file shorter than it says")
            data += more
        return data

    def read_into(self, view: memoryview, start: int) -> None:
        """Fill `view` with the bytes at `start`, without allocating."""
        if start < 0 or start + len(view) > self.size:
            raise _bad("reference past the end of the file")
        got = 0
        while got < len(view):
            if _PREADV:
                n = os.preadv(self.fd, [view[got:]], start + got)
            else:
                data = os.pread(self.fd, len(view) - got, start + got)
                n = len(data)
                view[got : got + n] = data
            if not n:
                raise _bad("file shorter than it says")
            got += n


def _header(r: _Reader, pos: int) -> tuple[bytes, int, int]:
    """(type, payload start, end) of the top-level box at `pos`."""
    head = r.read(pos, min(pos + 16, r.size))
    if len(head) < 8:
        raise _bad("bytes after the last box")
    size, kind = struct.unpack(">I4s", head[:8])
    start = pos + 8
    if size == 1:
        if len(head) < 16:
            raise _bad("bytes after the last box")
        size = struct.unpack(">Q", head[8:16])[0]
        start = pos + 16
    if size < start - pos or pos + size > r.size:
        raise _bad(f"box '{kind.decode('latin-1')}' does not fit the file")
    return kind, start, pos + size


def _layout(r: _Reader) -> tuple[tuple[int, int], tuple[int, int]]:
    """The export is [ftyp] moov mdat and nothing else, mdat last."""
    pos = 0
    kind, start, end = _header(r, pos)
    if kind == b"ftyp":
        body = r.read(start, end)
        if len(body) < 8 or len(body) > 4096 or len(body) % 4:
            raise _bad("bad file type box")
        pos = end
        kind, start, end = _header(r, pos)
    if kind != b"moov" or end - start > _MOOV_LIMIT:
        raise _bad("expected the movie box after the file type")
    moov = (start, end)
    kind, start, end = _header(r, end)
    if kind != b"mdat":
        raise _bad(f"unexpected top-level box '{kind.decode('latin-1')}'")
    if end != r.size:
        raise _bad("bytes after the media data")
    return moov, (start, end)


def _parse(buf: bytes, kind: bytes, depth: int) -> _Node:
    node = _Node(kind, buf)
    allowed = _TREE.get(kind)
    if allowed is None:
        return node
    if depth > _DEPTH:
        raise _bad("boxes nested too deep")
    pos = 0
    seen: set[bytes] = set()
    while pos < len(buf):
        if len(buf) - pos < 8:
            raise _bad("box header cut short")
        size, child = struct.unpack_from(">I4s", buf, pos)
        if size < 8 or pos + size > len(buf):
            raise _bad(f"box '{child.decode('latin-1')}' does not fit its parent")
        if child not in allowed:
            raise _bad(f"box '{child.decode('latin-1')}' not allowed in '{kind.decode()}'")
        if child in _ONCE and child in seen:
            raise _bad(f"box '{child.decode()}' twice in '{kind.decode()}'")
        seen.add(child)
        node.kids.append(_parse(buf[pos + 8 : pos + size], child, depth + 1))
        pos += size
    return node


def _movie(moov: bytes, options: ScrubOptions) -> list[_Trak]:
    root = _parse(moov, b"moov", 0)
    _check_mvhd(root.need(b"mvhd").body, options)
    tracks = [_trak(t, options) for t in root.kids if t.kind == b"trak"]
    if not tracks:
        raise _bad("no track")
    if len({t.track_id for t in tracks}) != len(tracks):
        raise _bad("two tracks with the same ID")
    return tracks


def _zero(data: bytes, what: str) -> None:
    if any(data):
        raise _bad(f"{what} is not blank")


def _times(body: bytes, n: int, options: ScrubOptions, what: str) -> None:
    created, modified = body[4 : 4 + n], body[4 + n : 4 + 2 * n]
    _zero(modified, f"{what} modification time")
    if not options.keep_capture_date:
        _zero(created, f"{what} creation time")


def _check_mvhd(body: bytes, options: ScrubOptions) -> None:
    if not (
        (body[:1] == b"\x00" and len(body) == 100) or (body[:1] == b"\x01" and len(body) == 112)
    ):
        raise _bad("bad movie header")
    _zero(body[1:4], "movie header flags")
    n = 8 if body[0] else 4
    _times(body, n, options, "movie")
    rest = body[4 + 2 * n + 4 + n :]  # after timescale and duration
    _zero(rest[6:16], "movie header reserved bytes")
    _zero(rest[52:76], "movie header player state")


def _trak(trak: _Node, options: ScrubOptions) -> _Trak:
    tkhd = trak.need(b"tkhd").body
    if not ((tkhd[:1] == b"\x00" and len(tkhd) == 84) or (tkhd[:1] == b"\x01" and len(tkhd) == 96)):
        raise _bad("bad track header")
    n = 8 if tkhd[0] else 4
    _times(tkhd, n, options, "track")
    after = 4 + 2 * n
    track_id = struct.unpack_from(">I", tkhd, after)[0]
    _zero(tkhd[after + 4 : after + 8], "track header reserved bytes")
    tail = tkhd[after + 8 + n :]
    _zero(tail[0:8], "track header reserved bytes")
    _zero(tail[14:16], "track header reserved bytes")
    width, height = struct.unpack_from(">II", tail, 52)
    tapt = trak.one(b"tapt")
    if tapt is not None:
        for kid in tapt.kids:
            if len(kid.body) != 12 or any(kid.body[:4]):
                raise _bad("bad track aperture box")
    edts = trak.one(b"edts")
    if edts is not None:
        elst = edts.need(b"elst").body
        if len(elst) < 8 or elst[0] > 1 or any(elst[1:4]):
            raise _bad("bad edit list")
        entry = 20 if elst[0] else 12
        if len(elst) != 8 + entry * struct.unpack_from(">I", elst, 4)[0]:
            raise _bad("edit list size does not match its entries")
    mdia = trak.need(b"mdia")
    mdhd = mdia.need(b"mdhd").body
    if not ((mdhd[:1] == b"\x00" and len(mdhd) == 24) or (mdhd[:1] == b"\x01" and len(mdhd) == 36)):
        raise _bad("bad media header")
    _zero(mdhd[1:4], "media header flags")
    m = 8 if mdhd[0] else 4
    _times(mdhd, m, options, "media")
    if mdhd[-4:] != b"\x55\xc4\x00\x00":
        raise _bad("media language is not 'und'")
    hdlr = mdia.need(b"hdlr").body
    handler = hdlr[8:12]
    if (
        len(hdlr) != 25
        or any(hdlr[:4])
        or hdlr[4:8] not in (bytes(4), b"mhlr", b"dhlr")
        or handler not in (b"vide", b"soun")
        or any(hdlr[12:])
    ):
        raise _bad("handler is not a blank video or audio handler")
    minf = mdia.need(b"minf")
    header = minf.one(b"vmhd") if handler == b"vide" else minf.one(b"smhd")
    other = minf.one(b"smhd") if handler == b"vide" else minf.one(b"vmhd")
    if header is None or other is not None or len(header.body) != (12 if handler == b"vide" else 8):
        raise _bad("bad media information header")
    if handler == b"soun":
        _zero(header.body[:4] + header.body[6:8], "sound header reserved bytes")
    _check_dref(minf.need(b"dinf").need(b"dref").body)
    stbl = minf.need(b"stbl")
    tables = {k.kind: k.body for k in stbl.kids if k.kind in _SAME_AS_SOURCE}
    for kind, body in tables.items():
        _check_table(kind, body)
    _check_stsd(stbl.need(b"stsd").body, handler)
    _check_groups(stbl)
    stco, co64 = stbl.one(b"stco"), stbl.one(b"co64")
    if (stco is None) == (co64 is None):
        raise _bad("needs exactly one chunk offset table")
    offsets = _offsets(stco.body if stco is not None else co64.body, 4 if stco else 8)  # type: ignore[union-attr]
    chunks = _chunks(tables, offsets)
    return _Trak(track_id, handler, width >> 16, height >> 16, tables, chunks)


def _check_dref(body: bytes) -> None:
    if len(body) < 8 or any(body[:4]):
        raise _bad("bad data reference")
    count = struct.unpack_from(">I", body, 4)[0]
    if count == 0 or len(body) != 8 + 12 * count:
        raise _bad("bad data reference")
    for i in range(count):
        if body[8 + 12 * i : 20 + 12 * i] != b"\x00\x00\x00\x0curl \x00\x00\x00\x01":
            raise _bad("data reference is not this file")


def _check_table(kind: bytes, body: bytes) -> None:
    if len(body) < 8:
        raise _bad(f"bad '{kind.decode()}' table")
    count = struct.unpack_from(">I", body, 4)[0]
    if kind == b"stsz":
        if len(body) < 12:
            raise _bad("bad sample size table")
        fixed, count = struct.unpack_from(">II", body, 4)
        want = 12 + (0 if fixed else 4 * count)
    elif kind == b"stz2":
        if len(body) < 12 or body[7] not in (4, 8, 16):
            raise _bad("bad compact sample size table")
        want = 12 + (struct.unpack_from(">I", body, 8)[0] * body[7] + 7) // 8
    elif kind == b"cslg":
        want = 24 if body[0] == 0 else 44
    elif kind == b"sdtp":
        return  # compared with the source's, byte for byte
    else:
        want = 8 + count * {b"stts": 8, b"ctts": 8, b"stss": 4, b"stps": 4, b"stsc": 12}[kind]
    if len(body) != want:
        raise _bad(f"'{kind.decode()}' table size does not match its entries")


def _boxes_in(buf: bytes, what: str) -> list[tuple[bytes, bytes]]:
    """Child boxes that exactly fill `buf` (the writer leaves no padding)."""
    out = []
    pos = 0
    while pos < len(buf):
        if len(buf) - pos < 8:
            raise _bad(f"stray bytes in {what}")
        size, kind = struct.unpack_from(">I4s", buf, pos)
        if size < 8 or pos + size > len(buf):
            raise _bad(f"box '{kind.decode('latin-1')}' does not fit {what}")
        out.append((kind, buf[pos + 8 : pos + size]))
        pos += size
    return out


def _check_stsd(body: bytes, handler: bytes) -> None:
    if len(body) < 8 or any(body[:4]):
        raise _bad("bad sample description")
    entries = _boxes_in(body[8:], "the sample description")
    if not entries or len(entries) != struct.unpack_from(">I", body, 4)[0]:
        raise _bad("sample description count is wrong")
    for kind, entry in entries:
        if handler == b"vide":
            if kind not in _VIDEO_FORMATS or len(entry) < 78:
                raise _bad(f"video format '{kind.decode('latin-1')}' not allowed")
            _zero(entry[:6], "sample entry reserved bytes")
            _zero(entry[8:24], "video vendor and quality fields")
            _zero(entry[42:74], "compressor name")
            config, allowed = entry[78:], _VIDEO_CONFIG
        else:
            if kind not in _AUDIO_FORMATS or len(entry) < 28:
                raise _bad(f"audio format '{kind.decode('latin-1')}' not allowed")
            _zero(entry[:6], "sample entry reserved bytes")
            _zero(entry[10:16], "audio vendor fields")
            version = struct.unpack_from(">H", entry, 8)[0]
            config, allowed = _audio_config(entry, version), _AUDIO_CONFIG
        for child, data in _boxes_in(config, "a sample entry"):
            _check_config(child, data, allowed)


def _audio_config(entry: bytes, version: int) -> bytes:
    """The boxes after a sound entry's fields (QuickTime v1/v2 are longer;
    ISO's v1 is not): the layout whose rest parses as boxes."""
    candidates = {0: [28], 1: [44, 28], 2: [64]}.get(version)
    if candidates is None:
        raise _bad("unknown audio sample entry version")
    for fields in candidates:
        rest = entry[fields:]
        if len(entry) >= fields:
            try:
                _boxes_in(rest, "an audio entry")
            except ScrubError:
                continue
            return rest
    raise _bad("bad audio sample entry")


def _check_config(kind: bytes, data: bytes, allowed: frozenset[bytes]) -> None:
    if kind not in allowed:
        raise _bad(f"box '{kind.decode('latin-1')}' not allowed in a sample entry")
    if kind in _FIXED_SIZE and len(data) != _FIXED_SIZE[kind]:
        raise _bad(f"bad '{kind.decode()}' box")
    if kind == b"colr" and not (
        (data[:4] == b"nclx" and len(data) == 11)
        or (data[:4] == b"nclc" and len(data) == 10)
        or (data[:4] in (b"prof", b"rICC") and len(data) > 4)
    ):
        raise _bad("bad colour box")
    if kind == b"wave":
        for child, inner in _boxes_in(data, "a wave box"):
            _check_config(child, inner, _WAVE_CONFIG)


def _check_groups(stbl: _Node) -> None:
    described = set()
    for node in stbl.kids:
        if node.kind == b"sgpd":
            if len(node.body) < 16 or node.body[0] != 1 or node.body[4:8] not in _GROUP_TYPES:
                raise _bad("sample group description not allowed")
            described.add(node.body[4:8])
    for node in stbl.kids:
        if node.kind == b"sbgp" and (len(node.body) < 12 or node.body[4:8] not in described):
            raise _bad("sample-to-group box without its description")


def _offsets(body: bytes, width: int) -> list[int]:
    if len(body) < 8 or any(body[:4]):
        raise _bad("bad chunk offset table")
    count = struct.unpack_from(">I", body, 4)[0]
    if len(body) != 8 + width * count:
        raise _bad("chunk offset table size does not match its entries")
    return list(struct.unpack_from(f">{count}{'I' if width == 4 else 'Q'}", body, 8))


def _chunks(tables: dict[bytes, bytes], offsets: list[int]) -> list[tuple[int, int]]:
    """(offset, length) of every chunk, from this file's own tables."""
    stsc = tables.get(b"stsc")
    if stsc is None or (b"stsz" in tables) == (b"stz2" in tables):
        raise _bad("sample table incomplete")
    if b"stsz" in tables:
        fixed, count = struct.unpack_from(">II", tables[b"stsz"], 4)
        sizes: list[int] | None = (
            None if fixed else list(struct.unpack_from(f">{count}I", tables[b"stsz"], 12))
        )
    else:
        body = tables[b"stz2"]
        fixed, count, bits = 0, struct.unpack_from(">I", body, 8)[0], body[7]
        data = body[12:]
        if bits == 16:
            sizes = list(struct.unpack_from(f">{count}H", data))
        elif bits == 8:
            sizes = list(data[:count])
        else:
            sizes = [(data[i >> 1] >> (4 * (1 - (i & 1)))) & 15 for i in range(count)]
    entries = struct.unpack_from(">I", stsc, 4)[0]
    runs = [struct.unpack_from(">III", stsc, 8 + 12 * i) for i in range(entries)]
    out: list[tuple[int, int]] = []
    sample = 0
    for i, (first, per, _) in enumerate(runs):
        stop = runs[i + 1][0] if i + 1 < len(runs) else len(offsets) + 1
        if i == 0 and first != 1:
            raise _bad("sample-to-chunk table does not start at chunk 1")
        too_many = sample + per * (stop - first) > count
        if stop <= first or stop > len(offsets) + 1 or per == 0 or too_many:
            raise _bad("sample-to-chunk table does not match the samples")
        for chunk in range(first, stop):
            length = fixed * per if sizes is None else sum(sizes[sample : sample + per])
            out.append((offsets[chunk - 1], length))
            sample += per
    if len(out) != len(offsets) or sample != count:
        raise _bad("sample-to-chunk table does not match the samples")
    return out


def _expect(tracks: list[_Trak], expected: ScrubResult) -> None:
    first = next((t for t in tracks if t.handler == b"vide"), tracks[0])
    got = (first.width, first.height, 1, len(tracks))
    want = (expected.width, expected.height, expected.orientation, expected.frames)
    if got != want:
        raise _bad(f"video has size/orientation/tracks {got}, expected {want}")


def _source_tracks(r: _Reader) -> dict[int, _Trak]:
    """The source's video and audio tracks, read with the same walker but
    without the keep-list (the source has everything the export must not)."""
    pos = 0
    moov: bytes | None = None
    while pos + 8 <= r.size:
        kind, start, end = _header(r, pos)
        if kind == b"moov":
            if end - start > _MOOV_LIMIT:
                raise _bad("source movie box too large")
            moov = r.read(start, end)
            break
        pos = end
    if moov is None:
        raise _bad("source has no movie box")
    found: dict[int, _Trak] = {}
    for kind, trak in _boxes_in(moov, "the source movie"):
        if kind != b"trak":
            continue
        boxes = dict(_boxes_in(trak, "a source track"))
        tkhd = boxes.get(b"tkhd", b"")
        if len(tkhd) < 24:
            raise _bad("bad source track header")
        track_id = struct.unpack_from(">I", tkhd, 20 if tkhd[0] else 12)[0]
        mdia = dict(_boxes_in(boxes.get(b"mdia", b""), "a source track"))
        handler = mdia.get(b"hdlr", b"")[8:12]
        if handler not in (b"vide", b"soun"):
            continue
        stbl = _boxes_in(
            dict(_boxes_in(mdia.get(b"minf", b""), "source media")).get(b"stbl", b""),
            "source samples",
        )
        tables = {k: v for k, v in stbl if k in _SAME_AS_SOURCE}
        stco = dict(stbl)
        if b"stco" in stco:
            offsets = _offsets(stco[b"stco"], 4)
        elif b"co64" in stco:
            offsets = _offsets(stco[b"co64"], 8)
        else:
            raise _bad("source track without chunk offsets")
        found[track_id] = _Trak(track_id, handler, 0, 0, tables, _chunks(tables, offsets))
    return found


def _prove(
    out: _Reader,
    tracks: list[_Trak],
    mdat: tuple[int, int],
    src_tracks: dict[int, _Trak] | None,
    src: _Reader | None,
) -> str:
    """Hash the export in file order while comparing every chunk with the
    source's; the chunks must tile the media data exactly."""
    pairs: list[tuple[int, int, int]] = []  # (export offset, length, source offset)
    for track in tracks:
        source_offsets: list[int] = [-1] * len(track.chunks)
        if src_tracks is not None:
            mine = src_tracks.get(track.track_id)
            if mine is None or mine.handler != track.handler:
                raise _bad(f"track {track.track_id} is not in the source")
            if mine.tables != track.tables:
                raise _bad(f"track {track.track_id}'s sample tables differ from the source's")
            if [n for _, n in mine.chunks] != [n for _, n in track.chunks]:
                raise _bad(f"track {track.track_id}'s chunks differ from the source's")
            source_offsets = [o for o, _ in mine.chunks]
        for (off, length), src_off in zip(track.chunks, source_offsets, strict=True):
            pairs.append((off, length, src_off))
    pairs.sort()
    runs = _runs(pairs, mdat)
    # Pieces no larger than the longest run: a small clip allocates little.
    piece = max(1, min(_PIECE, max((length for _, length, _ in runs), default=1)))
    source_piece = bytearray(piece) if src is not None else None
    with _Digest(piece) as digest:
        digest.update(out.read(0, mdat[0]))
        for off, length, src_off in runs:
            done = 0
            while done < length:
                n = min(piece, length - done)
                buffer = digest.buffer()
                exported = memoryview(buffer)[:n]
                out.read_into(exported, off + done)
                digest.submit(buffer, n)  # hashed on the other thread meanwhile
                if src is not None and source_piece is not None:
                    src.read_into(memoryview(source_piece)[:n], src_off + done)
                    # startswith compares the first n bytes with memcmp, in
                    # place (== on memoryviews goes byte by byte).
                    if not source_piece.startswith(exported):
                        raise _bad("a sample differs from the source's")
                done += n
        return digest.hexdigest()


def _runs(pairs: list[tuple[int, int, int]], mdat: tuple[int, int]) -> list[tuple[int, int, int]]:
    """Check that the chunks tile the media data exactly, and merge chunks
    that follow each other in both files into one run (compared in large
    pieces instead of one small read per chunk)."""
    runs: list[tuple[int, int, int]] = []
    pos = mdat[0]
    for off, length, src_off in pairs:
        if off != pos:
            raise _bad("media data holds bytes that are not samples")
        pos = off + length
        if runs:
            last_off, last_length, last_src = runs[-1]
            follows = src_off < 0 or src_off == last_src + last_length
            if last_off + last_length == off and (last_src < 0) == (src_off < 0) and follows:
                runs[-1] = (last_off, last_length + length, last_src)
                continue
        runs.append((off, length, src_off))
    if pos != mdat[1]:
        raise _bad("media data holds bytes that are not samples")
    return runs


class _Digest:
    """SHA-256 computed on a second thread while this one reads and compares.

    hashlib releases the GIL on large buffers, so hashing the export (the
    slowest part of the gate) runs beside the comparison with the source on
    the other core. Pieces are read into a few reused buffers (no allocation
    and no page faults per piece); a buffer returns to this thread once it
    is hashed, so memory stays bounded. The thread always takes work until
    its end marker, so the reader never waits on it forever, and leaving the
    block joins it, whatever happened.
    """

    def __init__(self, piece: int) -> None:
        self._piece = piece
        self._hash = hashlib.sha256()
        self._todo: queue.SimpleQueue[tuple[bytes | bytearray, int] | None] = queue.SimpleQueue()
        self._free: queue.SimpleQueue[bytearray] = queue.SimpleQueue()
        self._made = 0
        self._thread = threading.Thread(target=self._run, name="pellicle-video-hash", daemon=True)
        self._failed: BaseException | None = None

    def __enter__(self) -> _Digest:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._finish()

    def _run(self) -> None:
        while (item := self._todo.get()) is not None:
            data, n = item
            if self._failed is None:
                try:
                    self._hash.update(memoryview(data)[:n])
                except BaseException as exc:  # MemoryError: reported by hexdigest
                    self._failed = exc
            if isinstance(data, bytearray):
                self._free.put(data)

    def buffer(self) -> bytearray:
        """A buffer of `piece` bytes that nobody else is using."""
        if self._made < _BUFFERS:
            try:
                return self._free.get_nowait()
            except queue.Empty:
                self._made += 1
                return bytearray(self._piece)
        return self._free.get()

    def submit(self, buffer: bytearray, n: int) -> None:
        """Hash the first `n` bytes of `buffer`, then hand it back."""
        self._todo.put((buffer, n))

    def update(self, data: bytes) -> None:
        self._todo.put((data, len(data)))

    def _finish(self) -> None:
        if self._thread.is_alive():
            self._todo.put(None)
            self._thread.join()

    def hexdigest(self) -> str:
        self._finish()
        if self._failed is not None:
            raise _bad(f"cannot hash the export: {type(self._failed).__name__}")
        return self._hash.hexdigest()
