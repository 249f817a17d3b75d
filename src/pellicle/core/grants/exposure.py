"""What a Flatpak sandbox holds on this machine, and what to withdraw.

`permissions` says what an app's layers grant, as locations (`home`,
`xdg-pictures`, `~/Photos:ro`). This room turns them into host paths the
way Flatpak's exports code does (flatpak-exports.c): each location becomes
paths on this machine (`Where`: the home, xdg-user-dirs, XDG base
directories, what `/` holds); the same path shared by two entries gets the
more permissive mode; a negated location (other than `home` and the `host*`
keywords, which only withdraw) hides its folder under an empty tmpfs; the
deepest entry above a path decides what the app sees there, and anything
shared inside a folder stays visible. From that it answers whether an app
can read a library folder and through which permissions (`access`), and
computes the override that hides the library and leaves the export folder
readable (`restriction`).

It is separate from `permissions` as Flatpak's own code is: parsing and
layering need no machine, this needs one (passed in as `Where`, so tests
describe any machine). Like the rest of the model it errs towards "can
read" wherever Flatpak's answer depends on something it cannot see (a path
that does not exist yet counts as shared); `pellicle apps --verify` checks
the real answer inside the sandbox.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from pellicle.core.grants.permissions import (
    SPECIAL,
    USER_DIRS,
    Entry,
    Mode,
    Source,
    xdg_parts,
)

#: Top-level folders `host` does not share (flatpak-metadata(5)), plus the
#: ones Flatpak always provides itself.
HOST_SKIPS: Final = frozenset(
    {
        ".flatpak-info",
        "app",
        "bin",
        "boot",
        "dev",
        "efi",
        "etc",
        "lib",
        "lib32",
        "lib64",
        "proc",
        "root",
        "run",
        "sbin",
        "sys",
        "tmp",
        "usr",
        "var",
    }
)

#: Paths Flatpak never shares under their own name (dont_export_in and the
#: usr-merged folders); `host-os` and `host-etc` show them under /run/host.
RESERVED: Final = (
    "/.flatpak-info",
    "/app",
    "/dev",
    "/etc",
    "/proc",
    "/run/flatpak",
    "/run/host",
    "/usr",
    "/bin",
    "/lib",
    "/lib32",
    "/lib64",
    "/sbin",
)

HOST_OS: Final = ("/usr", "/bin", "/lib", "/lib32", "/lib64", "/sbin")


def _is_under(path: str, parent: str) -> bool:
    return path == parent or path.startswith(parent.rstrip("/") + "/")


def overlaps(a: str, b: str) -> bool:
    """One of the two paths contains the other (or they are the same)."""
    return _is_under(a, b) or _is_under(b, a)


@dataclass(frozen=True)
class Where:
    """The machine's paths that locations stand for, as Flatpak finds them."""

    home: str
    user_dirs: Mapping[str, str] = field(default_factory=dict)  # keyword -> path
    base_dirs: Mapping[str, str] = field(default_factory=dict)  # keyword -> path
    runtime_dir: str | None = None
    host_entries: tuple[str, ...] = ()  # names in /
    resolve: Callable[[str], str] = os.path.realpath
    isdir: Callable[[str], bool] = os.path.isdir

    @classmethod
    def current(cls, env: Mapping[str, str] | None = None) -> Where:
        env = os.environ if env is None else env
        home = env.get("HOME") or os.path.expanduser("~")
        config = env.get("XDG_CONFIG_HOME") or os.path.join(home, ".config")
        base = {
            "xdg-config": config,
            "xdg-data": env.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share"),
            "xdg-cache": env.get("XDG_CACHE_HOME") or os.path.join(home, ".cache"),
            "xdg-state": env.get("XDG_STATE_HOME") or os.path.join(home, ".local", "state"),
        }
        try:
            with open(os.path.join(config, "user-dirs.dirs"), encoding="utf-8") as f:
                dirs_text = f.read()
        except (OSError, UnicodeDecodeError):
            dirs_text = ""
        try:
            entries = tuple(sorted(os.listdir("/")))
        except OSError:
            entries = ()
        return cls(
            home=home,
            user_dirs=user_dirs(dirs_text, home),
            base_dirs=base,
            runtime_dir=env.get("XDG_RUNTIME_DIR"),
            host_entries=entries,
        )


def user_dirs(text: str, home: str) -> dict[str, str]:
    """xdg-user-dirs as GLib reads user-dirs.dirs: `$HOME/...` or absolute
    values only; the desktop folder defaults to ~/Desktop, others to none."""
    by_key = {v: k for k, v in USER_DIRS.items()}
    found: dict[str, str] = {"xdg-desktop": os.path.join(home, "Desktop")}
    for raw in text.splitlines():
        line = raw.lstrip(" \t")
        key, sep, value = line.partition("=")
        keyword = by_key.get(key.rstrip(" \t"))
        if keyword is None or not sep:
            continue
        value = value.lstrip(" \t")
        if not value.startswith('"'):
            continue
        value = value[1:]
        end = value.find('"')
        if end < 0:
            continue
        value = value[:end]
        if value.startswith("$HOME"):
            rest = value[5:]
            if rest and not rest.startswith("/"):
                continue
            path = home + rest
        elif value.startswith("/"):
            path = value
        else:
            continue
        if len(path) > 1:
            path = path.rstrip("/") or "/"
        found[keyword] = path
    return found


def location_paths(location: str, where: Where) -> list[str]:
    """The host paths a location shares (resolved), or [] for none."""
    if location == "home":
        raw = [where.home]
    elif location == "host":
        raw = [f"/{name}" for name in where.host_entries if name not in HOST_SKIPS]
        raw.append("/run/media")
        return sorted({where.resolve(p) for p in raw})
    elif location == "host-os":
        return list(HOST_OS)
    elif location == "host-etc":
        return ["/etc"]
    elif location in SPECIAL:
        return []
    elif location.startswith("~/"):
        raw = [os.path.join(where.home, location[2:])]
    elif location.startswith("/"):
        raw = [location]
    else:
        parts = xdg_parts(location)
        if parts is None:
            return []
        prefix, rest = parts
        if prefix in USER_DIRS:
            base = where.user_dirs.get(prefix)
            # A user dir set to $HOME means "disabled"; Flatpak ignores it.
            if base is None or base.rstrip("/") == where.home.rstrip("/"):
                return []
        elif prefix == "xdg-run":
            base = where.runtime_dir
            if base is None:
                return []
        else:
            base = where.base_dirs.get(prefix)
            if base is None:
                return []
        raw = [os.path.join(base, rest) if rest else base]
    out = []
    for path in raw:
        real = where.resolve(os.path.normpath(path))
        if not any(_is_under(real, r) for r in RESERVED):
            out.append(real)
    return out


@dataclass(frozen=True)
class Exposure:
    """What the sandbox holds at one host path."""

    path: str
    mode: Mode
    locations: tuple[str, ...]


def exposures(merged: Mapping[str, Source], where: Where) -> dict[str, Exposure]:
    """Every path the merged permissions share or hide, as flatpak-exports
    builds them: one path shared twice gets the more permissive mode."""
    out: dict[str, Exposure] = {}
    host = merged["host"].mode if "host" in merged else Mode.NONE
    for location, source in sorted(merged.items()):
        mode = source.mode
        if mode == Mode.NONE and location in SPECIAL:
            continue  # `!home`, `!host`: a withdrawal, not a hidden folder
        if location in ("home", "host-os", "host-etc"):
            # Flatpak shares these with the more permissive of their own
            # mode and `host`'s (flatpak_context_export).
            mode = max(mode, host)
        for path in location_paths(location, where):
            if mode == Mode.NONE and not where.isdir(path):
                continue  # only folders can be hidden
            old = out.get(path)
            if old is None or mode > old.mode:
                out[path] = Exposure(path, mode, (location,))
            elif mode == old.mode:
                out[path] = Exposure(path, old.mode, (*old.locations, location))
    return out


@dataclass(frozen=True)
class Access:
    """What an app can do at one path (a library folder, the export)."""

    readable: bool
    writable: bool
    through: tuple[str, ...]  # the locations that give it

    @property
    def read_only(self) -> bool:
        return self.readable and not self.writable


def _above(path: str, table: Mapping[str, Exposure]) -> Exposure | None:
    """The deepest entry at or above `path`: the one that decides it."""
    above: Exposure | None = None
    for candidate, exposure in table.items():
        if _is_under(path, candidate) and (above is None or len(candidate) > len(above.path)):
            above = exposure
    return above


def mode_at(path: str, table: Mapping[str, Exposure]) -> Mode:
    """What the sandbox holds at `path` itself (as `flatpak info
    --file-access` answers): hidden, read-only or read-write."""
    above = _above(path, table)
    return Mode.NONE if above is None else above.mode


def access(path: str, table: Mapping[str, Exposure]) -> Access:
    """Can the sandbox read `path` (a resolved folder), or anything in it?"""
    above = _above(path, table)
    inner = [
        e
        for candidate, e in table.items()
        if candidate != path and _is_under(candidate, path) and e.mode > Mode.NONE
    ]
    through: list[str] = []
    readable = writable = False
    if above is not None and above.mode > Mode.NONE:
        readable = True
        writable = above.mode >= Mode.READ_WRITE
        through.extend(above.locations)
    for exposure in sorted(inner, key=lambda e: e.path):
        readable = True
        through.extend(x for x in exposure.locations if x not in through)
    return Access(readable, writable, tuple(through))


def reaches(location: str, places: Sequence[str], where: Where) -> bool:
    """Does `location`, when granted, share any of `places` or part of one?"""
    return any(overlaps(p, place) for p in location_paths(location, where) for place in places)


# -- restricting ------------------------------------------------------------


def restriction(
    below: Mapping[str, Source],
    own: Mapping[str, Mode],
    roots: Sequence[str],
    protected: Sequence[str],
    export: str,
    where: Where,
) -> list[Entry]:
    """The entries `flatpak override --user` must get so that no library
    root (nor any other `protected` folder) is readable, and the export
    folder is readable and not writable.

    `below` is the merge of every layer under the user's per-app override,
    `own` that override's current entries. The entries start with
    `!host:reset`, which drops everything below (so a permission an app
    update adds later is held back too) and, as `flatpak override` merges
    it, the override's own filesystems entries as well; so every entry that
    does not reach a library root is granted again as it was, every hidden
    folder stays hidden, and only what reaches a root is withdrawn. Every
    root and protected folder is also hidden, so a broad permission added
    to the override by hand later still does not show it; the export folder
    is granted read-only, and so is anything granted at or inside it.
    """
    roots = [where.resolve(r) for r in roots]
    hidden = [*roots, *(where.resolve(p) for p in protected)]
    export_real = where.resolve(export)
    current: dict[str, Mode] = {k: s.mode for k, s in below.items()}
    current.update(own)
    current.pop("host-reset", None)
    out: list[Entry] = [Entry("host-reset", Mode.NONE)]
    for location, mode in sorted(current.items()):
        if mode == Mode.NONE:
            if location != "host":  # the reset withdraws `host` itself
                out.append(Entry(location, Mode.NONE))  # keep what was hidden
        elif reaches(location, roots, where):
            out.append(Entry(location, Mode.NONE))
        elif any(overlaps(p, export_real) and len(p) >= len(export_real)
                 for p in location_paths(location, where)):  # fmt: skip
            # At or inside the export folder: it would make it writable.
            out.append(Entry(location, Mode.READ_ONLY))
        else:
            out.append(Entry(location, mode))
    for path in hidden:
        if not overlaps(path, export_real):
            out.append(Entry(path, Mode.NONE))
    out.append(Entry(export_real, Mode.READ_ONLY))
    seen: set[str] = set()
    unique: list[Entry] = []
    for entry in reversed(out):  # a later entry for a location wins
        if entry.location not in seen:
            seen.add(entry.location)
            unique.append(entry)
    return list(reversed(unique))
