"""Make phone-like test videos with FFmpeg and exiftool, planted in every place
a video keeps things about its owner, and read them back with ffprobe.

Tests need the real tools (CI has them): a missing tool fails under CI=true
and skips elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import struct
import subprocess
from pathlib import Path

from tool_helpers import require_tool

# One string per place; none may reach an exported byte.
TITLE = b"PLANTED-VIDEO-TITLE"
LOCATION_UDTA = b"+48.8582+002.2945/"  # QuickTime (c)xyz, written by FFmpeg's "location"
LOCATION_KEYS = b"+12.3456-065.4321+010.000/"  # com.apple.quicktime.location.ISO6709
MAKE = b"PLANTED-VIDEO-MAKE"
MODEL = b"PLANTED-VIDEO-MODEL"
SOFTWARE = b"PLANTED-VIDEO-SOFTWARE"
CONTENT_ID = b"PLANTED-CONTENT-IDENTIFIER-0001"
XMP = b"PLANTED-VIDEO-XMP"
HANDLER = b"PLANTED-HANDLER-NAME"
SUBTITLE = b"PLANTED-SUBTITLE-SAMPLE"
DATA_TRACK = b"PLANTED-DATA-TRACK-SAMPLE"
GPS_TRACK = b"PLANTED-GPS-TELEMETRY"  # the samples of a GoPro-style gpmd track
FREE = b"PLANTED-FREE-BOX"
UUID_BOX = b"PLANTED-UUID-BOX"
VENDOR = b"PLANTED-VENDOR-BOX"
TRAILER = b"PLANTED-SEFT-TRAILER"
DATE = "2019:05:06 07:08:09"

PLANTED: tuple[bytes, ...] = (
    TITLE,
    LOCATION_UDTA,
    LOCATION_KEYS,
    MAKE,
    MODEL,
    SOFTWARE,
    CONTENT_ID,
    XMP,
    HANDLER,
    SUBTITLE,
    DATA_TRACK,
    GPS_TRACK,
    FREE,
    UUID_BOX,
    VENDOR,
    TRAILER,
    b"Lavf",  # FFmpeg's own encoder tag
    b"Lavc",  # and compressor name (MOV)
)


def need(tool: str) -> str:
    """The tool's path (see tool_helpers: skips locally, fails under CI)."""
    return require_tool(tool)


def run(*args: str | Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(a) for a in args], check=True, capture_output=True, timeout=300)


def _box(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", 8 + len(body)) + kind + body


def make_video(
    path: Path,
    *,
    container: str = "mp4",
    seconds: float = 1.0,
    size: str = "64x48",
    plant: bool = True,
    subtitles: bool = True,
    timecode: bool = True,
    rotate: int = 0,
) -> Path:
    """An H.264 + AAC video; planted: metadata in udta, keys, XMP, handler
    names, a subtitle track whose samples hold text, a timecode track, a
    free box, a uuid box, a vendor box and a trailer; a MOV also gets a
    GoPro-style telemetry track (`gpmd`) whose samples hold text."""
    need("ffmpeg")
    srt = path.with_suffix(".srt")
    srt.write_bytes(b"1\n00:00:00,000 --> 00:00:00,900\n" + SUBTITLE + b" " + DATA_TRACK + b"\n\n")
    telemetry = path.with_suffix(".gpmd")
    data_track = plant and container == "mov"
    telemetry.write_bytes((GPS_TRACK + b" ") * 8)
    args: list[str | Path] = [
        "ffmpeg", "-v", "error", "-y",
        "-f", "lavfi", "-i", f"testsrc2=size={size}:rate=30:duration={seconds}",
        "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
    ]  # fmt: skip
    if subtitles:
        args += ["-i", srt]
    if data_track:
        args += ["-f", "data", "-i", telemetry]
    args += ["-map", "0:v", "-map", "1:a"]
    if subtitles:
        args += ["-map", "2:s", "-c:s", "mov_text"]
    if data_track:
        args += ["-map", f"{3 if subtitles else 2}:d", "-c:d", "copy", "-tag:d", "gpmd"]
    args += [
        "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-g", "15",
        "-c:a", "aac", "-b:a", "64k",
        # FFmpeg's AAC encoder writes its name into the first audio sample;
        # samples are copied as they are, so keep the test's own out of them.
        "-flags:a", "+bitexact",
    ]  # fmt: skip
    if plant:
        args += [
            "-metadata", f"title={TITLE.decode()}",
            "-metadata", f"location={LOCATION_UDTA.decode()}",
            "-metadata", f"make={MAKE.decode()}",
            "-metadata", "creation_time=2019-05-06T07:08:09Z",
            "-metadata:s:v", f"handler_name={HANDLER.decode()}",
            "-metadata:s:a", f"handler_name={HANDLER.decode()}",
        ]  # fmt: skip
        if container == "mov":
            # Every -metadata key becomes a QuickTime key (mdta), as on iPhones.
            args += ["-movflags", "use_metadata_tags"]
            args += ["-metadata", f"com.apple.quicktime.content.identifier={CONTENT_ID.decode()}"]
        if timecode:
            args += ["-timecode", "01:02:03:04"]
    args += [path]
    run(*args)
    srt.unlink()
    telemetry.unlink()
    if rotate:
        _set_rotation(path, rotate)
    if plant:
        need("exiftool")
        run(
            "exiftool", "-q", "-overwrite_original", "-api", "LargeFileSupport=1",
            f"-Keys:Make={MAKE.decode()}",
            f"-Keys:Model={MODEL.decode()}",
            f"-Keys:Software={SOFTWARE.decode()}",
            f"-Keys:GPSCoordinates={LOCATION_KEYS.decode()}",
            f"-Keys:ContentIdentifier={CONTENT_ID.decode()}",
            f"-UserData:Model={MODEL.decode()}",
            f"-XMP-dc:Description={XMP.decode()}",
            f"-QuickTime:CreateDate={DATE}",
            path,
        )  # fmt: skip
        data = path.read_bytes()
        vendor = _box(b"uuid", bytes(range(16)) + UUID_BOX)
        data += _box(b"free", FREE) + vendor + _box(b"SDLN", VENDOR)
        data += b"SEFH" + TRAILER + b"\x00\x00\x00\x10SEFT"  # not a box: a trailer
        path.write_bytes(data)
    return path


def _set_rotation(path: Path, degrees: int) -> None:
    """Write a rotation matrix into the first video track header (as phones do)."""
    data = bytearray(path.read_bytes())
    at = data.find(b"tkhd")
    version = data[at + 4]
    matrix_at = at + 4 + (4 + (16 if version else 8) + 4 + 4 + (8 if version else 4) + 8 + 8)
    one, zero, minus = 0x10000, 0, 0xFFFF0000
    matrix = {
        90: (zero, one, 0, minus, zero, 0, 0, 0, 0x40000000),
        180: (minus, zero, 0, zero, minus, 0, 0, 0, 0x40000000),
        270: (zero, minus, 0, one, zero, 0, 0, 0, 0x40000000),
    }[degrees]
    struct.pack_into(">9I", data, matrix_at, *matrix)
    path.write_bytes(bytes(data))


def packet_hashes(path: Path) -> dict[str, list[str]]:
    """SHA-256 of every video and audio packet, per stream kind, via ffprobe."""
    need("ffprobe")
    out = run(
        "ffprobe", "-v", "error", "-show_entries", "packet=codec_type,data_hash,pts,dts,duration",
        "-show_data_hash", "sha256", "-of", "json", path,
    ).stdout  # fmt: skip
    hashes: dict[str, list[str]] = {}
    for packet in json.loads(out)["packets"]:
        kind = packet["codec_type"]
        if kind in ("video", "audio"):
            hashes.setdefault(kind, []).append(
                f"{packet['data_hash']}@{packet.get('pts')}/{packet.get('dts')}"
            )
    return hashes


def stream_kinds(path: Path) -> list[str]:
    out = run("ffprobe", "-v", "error", "-show_streams", "-of", "json", path).stdout
    return [s["codec_type"] for s in json.loads(out)["streams"]]


def decodes_to_the_end(path: Path) -> str:
    """FFmpeg's complaints while decoding every frame ('' when none)."""
    result = subprocess.run(
        ["ffmpeg", "-v", "error", "-i", str(path), "-f", "null", "-"],
        capture_output=True,
        timeout=300,
    )
    return result.stderr.decode(errors="replace") + ("" if result.returncode == 0 else "failed")


def exiftool_tags(path: Path) -> dict[str, object]:
    need("exiftool")
    out = run("exiftool", "-a", "-G1", "-j", "-api", "LargeFileSupport=1", path).stdout
    tags: dict[str, object] = json.loads(out)[0]
    return tags


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
