"""`pellicle run`: start a program that sees the export folder, and not the
library, in a bubblewrap sandbox.

Why it exists: most desktop programs have no sandbox of their own. The real
`bwrap` command gives one with the whole system as usual (`--dev-bind / /`:
network, display, sound, home) except that every library root, and
Pellicle's own state and cache (they hold names and thumbnails of private
photos), are covered by an empty read-only tmpfs, and the export folder is
bound read-only. The program gets its own process namespace and a fresh
/proc, so /proc/PID/root of a process outside cannot lead back to the real
folders; `--new-session` keeps it from typing into the terminal it was
started from; `--die-with-parent` ends it with Pellicle.

It fails closed: if the sandbox cannot be set up, the program is not run.
What it does not cover (root, programs already running, a program asking
another program outside the sandbox to read for it) is in docs/grants.md.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from pellicle.core.errors import UserError
from pellicle.core.words import msg, os_error

NO_COMMAND = msg("core.sandbox", "no command to run (usage: pellicle run -- COMMAND [ARGS...])")

#: How long the dry run that checks the sandbox can be set up may take.
PREFLIGHT_TIMEOUT_S: Final = 30.0


class SandboxError(UserError):
    """The sandbox could not be set up; nothing was run."""


@dataclass(frozen=True)
class Sandbox:
    """The folders to hide and the export folder to show read-only."""

    bwrap: str
    hide: tuple[str, ...]
    export: str | None

    @classmethod
    def find(
        cls,
        hide: Sequence[str],
        export: str | None,
        env: Mapping[str, str] | None = None,
    ) -> Sandbox:
        env = os.environ if env is None else env
        bwrap = shutil.which("bwrap", path=env.get("PATH", os.defpath))
        if bwrap is None and not sys.platform.startswith("linux"):
            raise SandboxError(
                msg("core.sandbox", "pellicle run needs bubblewrap, which exists only on Linux")
            )
        if bwrap is None:
            raise SandboxError(
                msg(
                    "core.sandbox",
                    "bubblewrap is not installed (no bwrap command on PATH); "
                    "install it (Debian/Ubuntu: apt install bubblewrap)",
                )
            )
        return cls(bwrap, _folders(hide), export)

    def arguments(self) -> list[str]:
        """bwrap's options, up to and including the `--`."""
        args = [
            "--dev-bind", "/", "/",
            "--unshare-pid", "--proc", "/proc",
            "--new-session",
            "--die-with-parent",
        ]  # fmt: skip
        for folder in self.hide:
            args += ["--tmpfs", folder, "--remount-ro", folder]
        if self.export is not None and os.path.isdir(self.export):
            export = os.path.realpath(self.export)
            args += ["--ro-bind", export, export]
        return [*args, "--"]

    def command(self, argv: Sequence[str]) -> list[str]:
        """The full command line that runs `argv` in the sandbox."""
        if not argv:
            raise UserError(NO_COMMAND)
        return [self.bwrap, *self.arguments(), *argv]

    def check(self) -> None:
        """Set the sandbox up once, running nothing of the person's, so a
        failure is one clear line and the program is never run outside."""
        probe = shutil.which("true") or "/bin/true"
        try:
            done = subprocess.run(
                self.command([probe]),
                capture_output=True,
                stdin=subprocess.DEVNULL,
                timeout=PREFLIGHT_TIMEOUT_S,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SandboxError(
                msg("core.sandbox", "the sandbox could not be set up: {error}").format(
                    error=str(exc)
                )
            ) from None
        if done.returncode != 0:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
            why = (
                lines[-1]
                if lines
                else msg("core.sandbox", "bwrap exited with {status}").format(
                    status=str(done.returncode)
                )
            )
            raise SandboxError(
                msg(
                    "core.sandbox", "the sandbox could not be set up, nothing was run: {error}"
                ).format(error=why)
            )

    def run(self, argv: Sequence[str]) -> int:
        """Run `argv` in the sandbox with this process's terminal and
        environment; the program's exit status."""
        if not argv:
            raise UserError(NO_COMMAND)
        if shutil.which(argv[0]) is None:
            raise UserError(
                msg("core.sandbox", "no such command: {command}").format(command=argv[0])
            )
        self.check()
        try:
            return subprocess.call(self.command(argv))
        except OSError as exc:
            raise SandboxError(
                msg("core.sandbox", "cannot start bwrap: {error}").format(error=os_error(exc))
            ) from None


def _folders(paths: Sequence[str]) -> tuple[str, ...]:
    """Existing folders, resolved, outermost first, none inside another."""
    real = sorted({os.path.realpath(p) for p in paths if os.path.isdir(p)})
    out: list[str] = []
    for path in real:
        if not any(path == o or path.startswith(o.rstrip("/") + "/") for o in out):
            out.append(path)
    return tuple(out)
