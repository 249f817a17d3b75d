"""Where a shared photo lands in the export folder.

Two layouts: "mirror" repeats the photo's folders relative to its root
(prefixed by the root's label when there are several roots), and "opaque"
gives flat names that reveal neither the original name nor its date.

Export names are made safe for any file system the folder may be copied
to: no control characters, no names Windows reserves, no `..`, valid UTF-8,
bounded length. Names that would collide (same name after case folding and
Unicode normalisation, or a HEIC and a JPEG that both become `.jpg`) are
told apart deterministically: the photo whose export name is its own name
unchanged keeps it; the others get a short tag derived from their source
path, so a name never depends on the order photos were found in.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from pellicle.core.formats import export_suffix

_WINDOWS_RESERVED: Final = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)
_UNSAFE: Final = re.compile(r'[\x00-\x1f\x7f<>:"\\|?*]')
#: Bytes, not characters: most file systems cap a name at 255 bytes.
_MAX_NAME: Final = 200

_SUFFIXES_BY_FORMAT: Final = {
    "jpeg": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "png": {".png", ".apng"},
    "webp": {".webp"},
    "gif": {".gif"},
    "tiff": {".tif", ".tiff"},
    "mp4": {".mp4"},
    "mov": {".mov", ".qt"},
    "m4v": {".m4v"},
    "3gp": {".3gp", ".3g2"},
}


@dataclass(frozen=True)
class Source:
    """A photo to be exported: its root, relative path and format."""

    root_id: int
    rel: bytes
    fmt: str


def safe_component(raw: bytes) -> str:
    """One path component made safe and portable."""
    text = raw.decode("utf-8", "replace").replace("\ufffd", "_")
    text = unicodedata.normalize("NFC", text)
    text = _UNSAFE.sub("_", text).strip().rstrip(".")
    if text in ("", ".", ".."):
        text = "_"
    stem, dot, ext = text.partition(".")
    if stem.lower() in _WINDOWS_RESERVED:
        text = f"{stem}_{dot}{ext}"
    while len(text.encode()) > _MAX_NAME:
        text = text[:-1]
    return text


def export_name(source: Source, labels: Mapping[int, str], *, several_roots: bool) -> str:
    """The mirrored export path of `source`, before collisions are resolved."""
    parts = source.rel.split(b"/")
    folders = [safe_component(p) for p in parts[:-1]]
    stem, suffix = os.path.splitext(os.fsdecode(parts[-1]))
    if suffix.lower() not in _SUFFIXES_BY_FORMAT.get(source.fmt, set()):
        suffix = export_suffix(source.fmt)
    name = safe_component(os.fsencode(stem)) if stem else "_"
    # Keep room for the suffix and a collision tag within the name limit.
    name = name.encode()[: _MAX_NAME - 20].decode("utf-8", "ignore") + suffix
    if several_roots:
        folders.insert(0, safe_component(labels[source.root_id].encode()))
    return "/".join([*folders, name])


def opaque_name(source: Source, secret: bytes) -> str:
    """A flat name from a keyed hash of the source: stable, and says nothing."""
    tag = hmac.new(secret, b"%d/" % source.root_id + source.rel, hashlib.sha256).hexdigest()
    return tag[:20] + export_suffix(source.fmt)


def _fold(path: str) -> str:
    return unicodedata.normalize("NFC", path).casefold()


def assign(
    sources: Iterable[Source],
    labels: Mapping[int, str],
    *,
    opaque: bool = False,
    secret: bytes = b"",
    memo: dict[Any, str] | None = None,
) -> dict[tuple[int, bytes], str]:
    """Export paths for all `sources`, unique even on case-insensitive disks.

    `memo`, when given, keeps each photo's name between calls (a long-running
    process re-plans often; names only depend on the photo and the layout).
    """
    several = len(labels) > 1
    wanted: dict[tuple[int, bytes], str] = {}
    for source in sources:
        key = (source.root_id, source.rel)
        label = labels[source.root_id] if several else None
        memo_key = (source.root_id, source.rel, source.fmt, opaque, label, secret)
        name = memo.get(memo_key) if memo is not None else None
        if name is None:
            if opaque:
                name = opaque_name(source, secret)
            else:
                name = export_name(source, labels, several_roots=several)
            if memo is not None:
                memo[memo_key] = name
        wanted[key] = name
    groups: dict[str, list[tuple[int, bytes]]] = {}
    for key, name in wanted.items():
        groups.setdefault(_fold(name), []).append(key)
    # Folders are compared case-insensitively too: "Trip/a.jpg" and
    # "trip/b.jpg" would share one folder on such a disk, which is fine.
    result: dict[tuple[int, bytes], str] = {}
    taken = set(groups)
    for keys in groups.values():
        if len(keys) == 1:
            result[keys[0]] = wanted[keys[0]]
            continue
        owners = sorted(k for k in keys if _unchanged(k, wanted[k], labels, several))
        # Several names differing only by case: the first in byte order keeps it.
        keeper = owners[0] if owners else None
        for key in sorted(keys):
            if key == keeper:
                result[key] = wanted[key]
                continue
            result[key] = _tagged(key, wanted[key], taken)
    return result


def _unchanged(key: tuple[int, bytes], name: str, labels: Mapping[int, str], several: bool) -> bool:
    """Whether the export path is exactly the source path (plus label)."""
    root_id, rel = key
    expected = (labels[root_id] + "/" if several else "") + rel.decode("utf-8", "replace")
    return name == expected


def _tagged(key: tuple[int, bytes], name: str, taken: set[str]) -> str:
    stem, suffix = os.path.splitext(name)
    digest = hashlib.sha256(b"%d/" % key[0] + key[1]).hexdigest()
    length = 6
    while True:
        candidate = f"{stem}~{digest[:length]}{suffix}"
        if _fold(candidate) not in taken or length >= len(digest):
            taken.add(_fold(candidate))
            return candidate
        length += 2
