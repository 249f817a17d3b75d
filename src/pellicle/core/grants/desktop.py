"""Installed desktop applications that open images, for "Open with
(restricted)...".

Why it exists: the app offers to open an exported photo in, say, an image
editor started through `pellicle run`'s sandbox. The applications are the
`.desktop` files of the XDG data folders (the user's first, as desktop menus
do) that declare an `image/*` MimeType and are meant to be shown. Flatpak
apps are left out: they have their own sandbox, which `pellicle restrict`
governs, and Flatpak cannot start inside bubblewrap.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from pellicle.core.grants.permissions import read_keyfile


@dataclass(frozen=True)
class DesktopApp:
    desktop_id: str
    name: str
    icon: str | None
    exec_line: str
    path: str

    def command(self, files: Sequence[str]) -> list[str]:
        """The Exec line with its field codes filled in (Desktop Entry spec)."""
        try:
            words = shlex.split(self.exec_line)
        except ValueError:
            return []
        out: list[str] = []
        for word in words:
            if word in ("%f", "%u"):
                out.extend(files[:1])
            elif word in ("%F", "%U"):
                out.extend(files)
            elif word == "%i":
                if self.icon:
                    out.extend(["--icon", self.icon])
            elif word == "%c":
                out.append(self.name)
            elif word == "%k":
                out.append(self.path)
            elif word in ("%d", "%D", "%n", "%N", "%v", "%m"):
                continue  # deprecated: removed
            else:
                out.append(word.replace("%%", "%"))
        return out


def data_dirs(env: Mapping[str, str] | None = None) -> list[str]:
    env = os.environ if env is None else env
    home = env.get("HOME") or os.path.expanduser("~")
    user = env.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")
    system = env.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [user, *(d for d in system.split(":") if d)]


def image_apps(env: Mapping[str, str] | None = None) -> list[DesktopApp]:
    """Applications that open images, by name; the first desktop id wins."""
    seen: set[str] = set()
    apps: list[DesktopApp] = []
    for base in data_dirs(env):
        folder = Path(base, "applications")
        if "/flatpak/exports/" in str(folder) + "/":
            continue
        try:
            files = sorted(folder.rglob("*.desktop"))
        except OSError:
            continue
        for path in files:
            desktop_id = str(path.relative_to(folder)).replace(os.sep, "-")
            if desktop_id in seen:
                continue
            seen.add(desktop_id)
            app = _read(path, desktop_id)
            if app is not None:
                apps.append(app)
    apps.sort(key=lambda a: a.name.casefold())
    return apps


_ESCAPES = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}


def _unescape(value: str) -> str:
    out = []
    i = 0
    while i < len(value):
        c = value[i]
        if c == "\\" and i + 1 < len(value):
            out.append(_ESCAPES.get(value[i + 1], value[i : i + 2]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _read(path: Path, desktop_id: str) -> DesktopApp | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    entry = read_keyfile(text).get("Desktop Entry", {})
    if entry.get("Type") != "Application" or "X-Flatpak" in entry:
        return None
    if entry.get("NoDisplay") == "true" or entry.get("Hidden") == "true":
        return None
    mimes = [m for m in entry.get("MimeType", "").split(";") if m]
    if not any(m.startswith("image/") for m in mimes):
        return None
    exec_line = _unescape(entry.get("Exec", ""))
    name = _unescape(entry.get("Name", "")).strip()
    if not exec_line or not name:
        return None
    try:
        program = shlex.split(exec_line)[0]
    except (ValueError, IndexError):
        return None
    if os.path.basename(program) == "flatpak":
        return None
    try_exec = entry.get("TryExec")
    if try_exec and not _found(_unescape(try_exec)):
        return None
    if not _found(program):
        return None
    return DesktopApp(desktop_id, name, entry.get("Icon") or None, exec_line, str(path))


def _found(program: str) -> bool:
    if os.path.isabs(program):
        return os.access(program, os.X_OK)
    return shutil.which(program) is not None
