"""Proof of what an app can really see, tried from inside its own sandbox.

The permission model (`permissions`, `exposure`) predicts what an app can
read; this room checks it the only way that cannot be fooled by a model's
mistake: it runs a command in the app's sandbox (`flatpak run --command`)
and looks. It lists the folder of one real file in each library root (a
file, because Flatpak makes empty folders where it hides something, so a
folder's name proves nothing), reads one exported file and compares its
hash, and tries to open that file for appending to learn whether the
export is read-only in there.

Apps bring their own files but not necessarily any tools, so only tools of
the app's runtime are used (`TOOLS`, best first: ls, test, cat, or a
shell), and each answer says which tool gave it. When listing a library
folder fails for another reason than the sandbox (flatpak itself failing),
that folder's answer is "unknown" and the reason is kept: a failure is
never taken for "hidden".
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from pellicle.core.grants.flatpak import App, Flatpak, last_line
from pellicle.core.words import join, msg

#: The tools `verify` may use inside a sandbox, best first; all are looked
#: up in the runtime (/usr/bin in the sandbox), never in the app itself.
TOOLS: Final = ("ls", "test", "cat", "sh")


#: A library folder as a check inside a sandbox found it.
_SEEN: Final = {
    "visible": msg("core.grants", "visible"),
    "hidden": msg("core.grants", "hidden"),
    "empty": msg("core.grants", "empty"),
    "unknown": msg("core.grants", "unknown"),
}


@dataclass(frozen=True)
class Verification:
    """What an app could really see, tried inside its sandbox."""

    app: App
    tool: str | None  # the runtime tool used; None: nothing to try with
    library: dict[str, str]  # root -> "visible" | "hidden" | "empty" | "unknown"
    export: str  # "readable" | "not readable" | "nothing exported" | "unknown"
    export_writable: bool | None
    problem: str | None = None

    @property
    def sees_library(self) -> bool:
        return "visible" in self.library.values()

    def as_dict(self) -> dict[str, Any]:
        return {
            "app_id": self.app.app_id,
            "installation": self.app.installation.name,
            "tool": self.tool,
            "library": self.library,
            "export": self.export,
            "export_writable": self.export_writable,
            "problem": self.problem,
        }

    def sentence(self) -> str:
        if self.problem:
            return msg("core.grants", "cannot verify: {problem}").format(problem=self.problem)
        seen = [r for r, v in self.library.items() if v == "visible"]
        text: str
        if seen:
            text = msg("core.grants", "can see the library ({folders})").format(
                folders=", ".join(seen)
            )
        elif all(v == "hidden" for v in self.library.values()):
            text = msg("core.grants", "cannot see the library")
        else:
            text = msg("core.grants", "library: {states}").format(
                states=join(
                    (
                        msg("core.grants", "{folder}: {state}").format(
                            folder=r, state=_SEEN.get(v, v)
                        )
                        for r, v in self.library.items()
                    ),
                    ", ",
                )
            )
        readable = self.export == "readable"
        if readable and self.export_writable is False:
            export = msg("core.grants", "reads the export folder (read-only)")
        elif readable and self.export_writable:
            export = msg("core.grants", "reads the export folder (and can write to it)")
        else:
            export = {
                "readable": msg("core.grants", "reads the export folder"),
                "not readable": msg("core.grants", "cannot read the export folder"),
                "nothing exported": msg("core.grants", "the export folder is empty"),
            }.get(self.export, msg("core.grants", "export folder: cannot tell"))
        return msg("core.grants", "{library}; {export} (checked with {tool})").format(
            library=text, export=export, tool=str(self.tool)
        )


def prove(flatpak: Flatpak, app: App, roots: Sequence[str], export: str) -> Verification:
    """Try, inside the app's sandbox, to list each library folder (`roots`)
    and to read one file of the export folder (`export`)."""
    files = flatpak.runtime_files(app)
    if files is None:
        return Verification(
            app, None, {}, "unknown", None, msg("core.grants", "its runtime is not installed")
        )
    tools = {t: f"/usr/bin/{t}" for t in TOOLS if os.path.lexists(files / "bin" / t)}
    if not tools:
        return Verification(
            app, None, {}, "unknown", None,
            msg("core.grants", "its runtime ships none of {tools}").format(tools=", ".join(TOOLS)),
        )  # fmt: skip
    used: list[str] = []
    library = {}
    for root in roots:
        library[root] = _try_library(flatpak, app, tools, root, used)
    export, writable = _try_export(flatpak, app, tools, export, used)
    tool = ", ".join(dict.fromkeys(used)) or None
    problems = [v for v in library.values() if v.startswith("failed: ")]
    problem = problems[0][len("failed: ") :] if problems else None
    clean = {r: ("unknown" if v.startswith("failed: ") else v) for r, v in library.items()}
    return Verification(app, tool, clean, export, writable, problem)


def _try_library(
    flatpak: Flatpak, app: App, tools: dict[str, str], root: str, used: list[str]
) -> str:
    # A file, not a folder: Flatpak makes empty folders where it hides
    # something, so a folder's name proves nothing.
    found = _first_file(root)
    if found is None:
        return "empty"
    folder, probe = os.path.split(found)
    if "ls" in tools:
        used.append("ls")
        done = flatpak.run_in(app, [tools["ls"], "-a", folder])
        if done.returncode == 0:
            listed = done.stdout.decode("utf-8", "surrogateescape").splitlines()
            return "visible" if probe in listed else "hidden"
        # ls names the folder it could not open; anything else is
        # flatpak run failing, which proves nothing.
        if os.fsencode(folder) in done.stderr:
            return "hidden"
        return f"failed: {last_line(done.stderr)}"
    argv = _test_argv(tools, "-e", found)
    if argv is None:
        return "unknown"
    used.append(argv[0].rsplit("/", 1)[-1])
    done = flatpak.run_in(app, argv)
    if done.returncode == 0:
        return "visible"
    if done.returncode == 1 and not done.stderr.strip():
        return "hidden"
    return f"failed: {last_line(done.stderr)}"


def _try_export(
    flatpak: Flatpak, app: App, tools: dict[str, str], export: str, used: list[str]
) -> tuple[str, bool | None]:
    sample = _exported_file(export)
    if sample is None:
        return "nothing exported", None
    try:
        want = _sha(Path(sample).read_bytes())
    except OSError:
        return "unknown", None
    if "cat" in tools:
        used.append("cat")
        done = flatpak.run_in(app, [tools["cat"], sample])
        state = "readable" if done.returncode == 0 and _sha(done.stdout) == want else None
        if state is None:
            state = "not readable"
    else:
        argv = _test_argv(tools, "-r", sample)
        if argv is None:
            return "unknown", None
        used.append(argv[0].rsplit("/", 1)[-1])
        done = flatpak.run_in(app, argv)
        state = "readable" if done.returncode == 0 else "not readable"
    writable = None
    if "sh" in tools and state == "readable":
        # Open the file for appending and write nothing: it fails on a
        # read-only mount and changes nothing otherwise. (`test -w` is no
        # proof: BusyBox's says yes to root whatever the mount.)
        done = flatpak.run_in(app, [tools["sh"], "-c", ': >> "$1"', "sh", sample])
        writable = done.returncode == 0
    return state, writable


def _test_argv(tools: dict[str, str], flag: str, path: str) -> list[str] | None:
    if "test" in tools:
        return [tools["test"], flag, path]
    if "sh" in tools:
        return [tools["sh"], "-c", f'test {flag} "$1"', "sh", path]
    return None


def _exported_file(export: str) -> str | None:
    """One regular file Pellicle exported (hidden staging files skipped)."""
    return _first_file(export)


def _first_file(top: str) -> str | None:
    """The first regular, not hidden file under `top`, in name order."""
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = os.path.join(folder, name)
            if not name.startswith(".") and os.path.isfile(path) and not os.path.islink(path):
                return path
    return None


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
