"""Flatpak's filesystem permissions as an app's layers state them.

Why it exists: `pellicle apps` must say, for each sandboxed app, whether it
can read a library folder and through which permission, and `restrict` must
know exactly which permissions to take away. This module reads what the
permissions say, pure, so it can be tested against every combination; what
they mean on this machine (host paths, hidden folders, access) is
`exposure`. It follows Flatpak 1.14's own rules (flatpak-context.c;
flatpak-metadata(5), flatpak-override(1)):

- A filesystems entry is `[!]location[:ro|:rw|:create]`, with backslash
  escapes; `~` means `home`, `home/x` means `~/x`; `!host:reset` drops every
  filesystems entry of the layers below it.
- Layers, lowest first: the app's metadata, the system-wide global override
  and the system per-app override (both only for apps installed system-wide),
  the user's global override, the user's per-app override. A later layer's
  entry for the same location replaces the earlier one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Final


class Mode(IntEnum):
    """Flatpak's FlatpakFilesystemMode, in order of more access."""

    NONE = 0  # a negated entry: withdraws, and hides a folder
    READ_ONLY = 1
    READ_WRITE = 2
    CREATE = 3


#: Keywords that are not paths (flatpak_context_special_filesystems).
SPECIAL: Final = frozenset({"home", "host", "host-etc", "host-os", "host-reset", "host-root"})

#: xdg-user-dirs keywords and the user-dirs.dirs key each reads.
USER_DIRS: Final[Mapping[str, str]] = {
    "xdg-desktop": "XDG_DESKTOP_DIR",
    "xdg-documents": "XDG_DOCUMENTS_DIR",
    "xdg-download": "XDG_DOWNLOAD_DIR",
    "xdg-music": "XDG_MUSIC_DIR",
    "xdg-pictures": "XDG_PICTURES_DIR",
    "xdg-public-share": "XDG_PUBLICSHARE_DIR",
    "xdg-templates": "XDG_TEMPLATES_DIR",
    "xdg-videos": "XDG_VIDEOS_DIR",
}

#: XDG base directory keywords (xdg-run needs a subfolder).
BASE_DIRS: Final = ("xdg-config", "xdg-data", "xdg-cache", "xdg-state")


@dataclass(frozen=True)
class Entry:
    """One filesystems entry: a normalised location and its mode."""

    location: str
    mode: Mode

    def token(self) -> str:
        """The entry as `flatpak override --[no]filesystem=` takes it."""
        text = escape(self.location)
        if self.location == "host-reset":
            return "host:reset"
        if self.mode == Mode.READ_ONLY:
            return f"{text}:ro"
        if self.mode == Mode.CREATE:
            return f"{text}:create"
        return text

    def option(self) -> str:
        flag = "--nofilesystem" if self.mode == Mode.NONE else "--filesystem"
        return f"{flag}={self.token()}"

    def describe(self) -> str:
        """As a person would read it in a list: `!home`, `xdg-pictures:ro`."""
        return ("!" if self.mode == Mode.NONE else "") + self.token()


def escape(location: str) -> str:
    """Escape a location's `:` and `\\` the way Flatpak unescapes them."""
    return location.replace("\\", "\\\\").replace(":", "\\:")


def parse_entry(token: str) -> Entry | None:
    """One filesystems entry as Flatpak parses it; None when Flatpak would
    reject it (it ignores such entries)."""
    negated = token.startswith("!")
    body = token[1:] if negated else token
    chars: list[str] = []
    i = 0
    while i < len(body) and body[i] != ":":
        if body[i] == "\\":
            i += 1
            if i < len(body):
                chars.append(body[i])
                i += 1
        else:
            chars.append(body[i])
            i += 1
    location = "".join(chars)
    mode = Mode.NONE if negated else Mode.READ_WRITE
    reset = location == "host-reset"
    if reset and (not negated or i < len(body)):
        return None
    if i < len(body):
        suffix = body[i + 1 :]
        if suffix == "ro":
            mode = Mode.READ_ONLY
        elif suffix == "rw":
            mode = Mode.READ_WRITE
        elif suffix == "create":
            mode = Mode.CREATE
        elif suffix == "reset":
            reset = True
        # Any other suffix: Flatpak warns and ignores it.
        if negated:
            mode = Mode.NONE
        if reset:
            if not negated or location != "host":
                return None
            location = "host-reset"
    if any(ord(c) < 0x20 or c == "\x7f" for c in location):
        return None
    normal = _normalise(location)
    if normal is None:
        return None
    return Entry(normal, mode)


def _normalise(location: str) -> str | None:
    slash = location.find("/")
    if slash >= 0:
        after = location[slash + 1 :]
        if after.startswith("../") or after.endswith("/..") or "/../" in after:
            return None
        chars = list(location)
        i = slash
        while i >= 0:  # "//" and "/./" become "/"
            while True:
                if i + 1 < len(chars) and chars[i + 1] == "/":
                    del chars[i + 1]
                elif i + 2 < len(chars) and chars[i + 1] == "." and chars[i + 2] == "/":
                    del chars[i + 1 : i + 3]
                else:
                    break
            i = next((j for j in range(i + 1, len(chars)) if chars[j] == "/"), -1)
        while True:  # no trailing "/" or "/."
            last = len(chars) - 1 - chars[::-1].index("/") if "/" in chars else -1
            if last < 0:
                break
            if (last != 0 and last == len(chars) - 1) or chars[last + 1 :] == ["."]:
                del chars[last:]
            else:
                break
        location = "".join(chars)
        if location == "/":
            return None  # Flatpak refuses --filesystem=/
    if location in SPECIAL or xdg_parts(location) is not None:
        return location
    if location.startswith("~/") or location.startswith("/"):
        return location
    if location == "~":
        return "home"
    if location.startswith("home/"):
        return "~/" + location[5:]
    return None


def xdg_parts(location: str) -> tuple[str, str] | None:
    prefix, _, rest = location.partition("/")
    if prefix in USER_DIRS or prefix in BASE_DIRS:
        return prefix, rest
    if prefix == "xdg-run" and rest:
        return prefix, rest
    return None


# -- key files --------------------------------------------------------------


def read_keyfile(text: str) -> dict[str, dict[str, str]]:
    """Groups of raw values from a GKeyFile text (metadata, overrides)."""
    groups: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for raw in text.splitlines():
        line = raw.lstrip(" \t")
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            end = line.find("]")
            if end < 0:
                current = None
                continue
            current = groups.setdefault(line[1:end], {})
            continue
        if current is None or "=" not in line:
            continue
        key, _, value = line.partition("=")
        current[key.rstrip(" \t")] = value.lstrip(" \t")
    return groups


def parse_list(value: str) -> list[str] | None:
    """A GKeyFile string list (`a;b\\;c;`); None on an escape GKeyFile
    refuses (it then drops the whole key)."""
    items: list[str] = []
    piece: list[str] = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\":
            i += 1
            if i >= len(value):
                return None
            nxt = value[i]
            mapped = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\", ";": ";"}.get(nxt)
            if mapped is None:
                return None
            piece.append(mapped)
        elif c == ";":
            items.append("".join(piece))
            piece = []
        else:
            piece.append(c)
        i += 1
    if piece:
        items.append("".join(piece))
    return items


@dataclass(frozen=True)
class Layer:
    """One source of permissions (the app's metadata or an override file)."""

    name: str
    entries: tuple[Entry, ...] = ()

    @classmethod
    def from_keyfile(cls, name: str, text: str | None) -> Layer:
        if not text:
            return cls(name)
        value = read_keyfile(text).get("Context", {}).get("filesystems")
        tokens = parse_list(value) if value is not None else None
        parsed = (parse_entry(t) for t in tokens or [])
        return cls(name, tuple(e for e in parsed if e is not None))

    def table(self) -> dict[str, Mode]:
        """This layer alone: a later entry for a location replaces an earlier
        one; `!host:reset` also withdraws `host`."""
        out: dict[str, Mode] = {}
        for entry in self.entries:
            if entry.location == "host-reset":
                out["host"] = Mode.NONE
            out[entry.location] = entry.mode
        return out


@dataclass(frozen=True)
class Source:
    """A merged entry and the layer it came from."""

    mode: Mode
    layer: str


def merge(layers: Iterable[Layer]) -> dict[str, Source]:
    """The layers applied lowest first, as flatpak_context_merge does."""
    out: dict[str, Source] = {}
    for layer in layers:
        table = layer.table()
        if "host-reset" in table:
            out.clear()
        for location, mode in table.items():
            out[location] = Source(mode, layer.name)
    return out


def override_with(own: Layer, added: Sequence[Entry]) -> Layer:
    """The per-app override after `flatpak override` added `added` to it:
    the new entries are merged in like a layer above, so a `!host:reset`
    among them drops the override's own filesystems entries too."""
    table = Layer("", tuple(added)).table()
    merged = {} if "host-reset" in table else own.table()
    merged.update(table)
    first = [Entry("host-reset", Mode.NONE)] if "host-reset" in merged else []
    rest = [Entry(k, m) for k, m in merged.items() if k != "host-reset"]
    return Layer(own.name, (*first, *rest))
