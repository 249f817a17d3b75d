"""The real `flatpak` command, and what Flatpak keeps on disk.

Why it exists: Pellicle enforces the grant with Flatpak itself. Apps are
listed with `flatpak list`, permissions are changed only with
`flatpak override --user`, and what an app can really see is asked inside
its own sandbox with `flatpak run --command=...`. What Flatpak keeps on disk
(each app's metadata and the override files) is read the way Flatseal
reads it, because asking the command once per app and file would make a
listing slow; nothing here writes those files.

Locations follow Flatpak's own rules: the user installation is
`$FLATPAK_USER_DIR`, else `$XDG_DATA_HOME/flatpak`; the default system one is
`$FLATPAK_SYSTEM_DIR`, else /var/lib/flatpak; more system installations are
named in `$FLATPAK_CONFIG_DIR/installations.d` (default /etc/flatpak).
"""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from pellicle.core.errors import UserError
from pellicle.core.grants.permissions import Layer, read_keyfile
from pellicle.core.words import msg, os_error

#: Application ids as Flatpak accepts them (flatpak_is_valid_name).
APP_ID: Final = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z_][A-Za-z0-9_-]*)+$")

#: Seconds a flatpak command may take before Pellicle gives up on it.
TIMEOUT_S: Final = 120.0

#: Icon sizes to look for, best first.
ICON_SIZES: Final = ("scalable", "256x256", "128x128", "96x96", "64x64", "48x48", "32x32")


_CANNOT_READ = msg("core.flatpak", "cannot read {path}: {error}")


class FlatpakError(UserError):
    """The flatpak command failed; the message is its last line of error."""


@dataclass(frozen=True)
class Installation:
    """A Flatpak installation: `user`, `system` or a named system one."""

    name: str
    path: str

    @property
    def user(self) -> bool:
        return self.name == "user"

    def option(self) -> str:
        if self.name in ("user", "system"):
            return f"--{self.name}"
        return f"--installation={self.name}"


@dataclass(frozen=True)
class App:
    """One installed application, in one installation."""

    app_id: str
    name: str
    arch: str
    branch: str
    installation: Installation
    icon: str | None

    @property
    def deploy(self) -> Path:
        return Path(self.installation.path, "app", self.app_id, self.arch, self.branch, "active")

    @property
    def key(self) -> str:
        """Unique among installed apps: the id with its installation."""
        return f"{self.app_id}@{self.installation.name}"


def valid_app_id(app_id: str) -> bool:
    return len(app_id) <= 255 and APP_ID.match(app_id) is not None


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UserError(_CANNOT_READ.format(path=str(path), error=os_error(exc))) from None


class Flatpak:
    """The flatpak command found on PATH, and the installations it uses."""

    def __init__(self, binary: str, env: Mapping[str, str] | None = None) -> None:
        self.binary = binary
        self.env = dict(os.environ if env is None else env)

    @classmethod
    def find(cls, env: Mapping[str, str] | None = None) -> Flatpak | None:
        env = os.environ if env is None else env
        binary = shutil.which("flatpak", path=env.get("PATH", os.defpath))
        return None if binary is None else cls(binary, env)

    # -- running the command -----------------------------------------------

    def command(
        self, args: Sequence[str], *, timeout: float = TIMEOUT_S, check: bool = True
    ) -> subprocess.CompletedProcess[bytes]:
        try:
            done = subprocess.run(
                [self.binary, *args],
                capture_output=True,
                env=self.env,
                timeout=timeout,
                stdin=subprocess.DEVNULL,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise FlatpakError(
                msg("core.flatpak", "flatpak {command} did not finish in {seconds:.0f} s").format(
                    command=args[0], seconds=timeout
                )
            ) from None
        except OSError as exc:
            raise FlatpakError(
                msg("core.flatpak", "cannot run {program}: {error}").format(
                    program=self.binary, error=os_error(exc)
                )
            ) from None
        if check and done.returncode != 0:
            raise FlatpakError(
                msg("core.flatpak", "flatpak {command} failed: {error}").format(
                    command=args[0], error=last_line(done.stderr)
                )
            )
        return done

    # -- installations -------------------------------------------------------

    def user_installation(self) -> Installation:
        path = self.env.get("FLATPAK_USER_DIR")
        if not path:
            home = self.env.get("HOME") or os.path.expanduser("~")
            data = self.env.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")
            path = os.path.join(data, "flatpak")
        return Installation("user", path)

    def system_installation(self) -> Installation:
        return Installation("system", self.env.get("FLATPAK_SYSTEM_DIR") or "/var/lib/flatpak")

    def installations(self) -> dict[str, Installation]:
        found = {"user": self.user_installation(), "system": self.system_installation()}
        config = Path(self.env.get("FLATPAK_CONFIG_DIR") or "/etc/flatpak", "installations.d")
        try:
            confs = sorted(config.glob("*.conf"))
        except OSError:
            confs = []
        for conf in confs:
            parser = configparser.ConfigParser(interpolation=None, strict=False)
            try:
                parser.read(conf, encoding="utf-8")
            except (configparser.Error, UnicodeDecodeError):
                continue
            for section in parser.sections():
                match = re.fullmatch(r'Installation "(.+)"', section)
                path = parser.get(section, "Path", fallback=None)
                if match and path:
                    found.setdefault(match.group(1), Installation(match.group(1), path))
        return found

    # -- apps ----------------------------------------------------------------

    def apps(self) -> list[App]:
        """Every installed app, in every installation, sorted by name."""
        done = self.command(
            ["list", "--app", "--columns=application,name,arch,branch,installation"]
        )
        installations = self.installations()
        apps: list[App] = []
        for line in done.stdout.decode("utf-8", "replace").splitlines():
            parts = line.split("\t")
            if len(parts) < 5 or not valid_app_id(parts[0]):
                continue
            app_id, listed, arch, branch, where = (p.strip() for p in parts[:5])
            inst = installations.get(where)
            if inst is None:
                continue
            desktop = Path(inst.path, "exports", "share", "applications", f"{app_id}.desktop")
            name = desktop_name(_read(desktop)) or listed or app_id.rsplit(".", 1)[-1]
            apps.append(App(app_id, name, arch, branch, inst, _icon(inst, app_id)))
        apps.sort(key=lambda a: (a.name.casefold(), a.app_id, not a.installation.user))
        return apps

    def metadata(self, app: App) -> str | None:
        return _read(app.deploy / "metadata")

    def override_path(self, app_id: str, *, user: bool = True) -> Path:
        inst = self.user_installation() if user else self.system_installation()
        return Path(inst.path, "overrides", app_id)

    def layers(self, app: App) -> list[Layer]:
        """The app's permission layers, lowest first, as Flatpak applies them."""
        layers = [Layer.from_keyfile("app metadata", self.metadata(app))]
        if not app.installation.user:
            system = self.system_installation().path
            layers.append(
                Layer.from_keyfile(
                    "system global override", _read(Path(system, "overrides", "global"))
                )
            )
            layers.append(
                Layer.from_keyfile("system override", _read(Path(system, "overrides", app.app_id)))
            )
        user = self.user_installation().path
        layers.append(
            Layer.from_keyfile("user global override", _read(Path(user, "overrides", "global")))
        )
        layers.append(self.user_layer(app.app_id))
        return layers

    def user_override(self, app_id: str) -> bytes | None:
        """The user's per-app override file, byte for byte (None: no file)."""
        try:
            return self.override_path(app_id).read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise UserError(
                _CANNOT_READ.format(path=str(self.override_path(app_id)), error=os_error(exc))
            ) from None

    def user_layer(self, app_id: str) -> Layer:
        data = self.user_override(app_id)
        text = None if data is None else data.decode("utf-8", "surrogateescape")
        return Layer.from_keyfile("user override", text)

    # -- changing overrides (only ever through the command) -------------------

    def override(self, app_id: str, options: Sequence[str]) -> None:
        self.command(["override", "--user", *options, app_id])

    def reset(self, app_id: str) -> None:
        self.command(["override", "--user", "--reset", app_id])

    # -- inside the sandbox ----------------------------------------------------

    def runtime_files(self, app: App) -> Path | None:
        """The `files` folder of the app's runtime (/usr in the sandbox)."""
        text = self.metadata(app)
        if text is None:
            return None
        runtime = _keyfile_value(text, "Application", "runtime")
        if runtime is None or runtime.count("/") != 2:
            return None
        name, arch, branch = runtime.split("/")
        order = [app.installation, *self.installations().values()]
        for inst in order:
            files = Path(inst.path, "runtime", name, arch, branch, "active", "files")
            if files.is_dir():
                return files
        return None

    def run_in(
        self, app: App, argv: Sequence[str], *, timeout: float = 60.0
    ) -> subprocess.CompletedProcess[bytes]:
        """`argv` inside the app's own sandbox (its permissions, its runtime)."""
        return self.command(
            [
                "run",
                app.installation.option(),
                f"--arch={app.arch}",
                f"--command={argv[0]}",
                "--die-with-parent",
                f"{app.app_id}//{app.branch}",
                *argv[1:],
            ],
            timeout=timeout,
            check=False,
        )


def last_line(stderr: bytes) -> str:
    lines = [s.strip() for s in stderr.decode("utf-8", "replace").splitlines() if s.strip()]
    return lines[-1] if lines else "no message"


def desktop_name(text: str | None) -> str | None:
    if text is None:
        return None
    return _keyfile_value(text, "Desktop Entry", "Name")


def _keyfile_value(text: str, group: str, key: str) -> str | None:
    value = read_keyfile(text).get(group, {}).get(key)
    return value.strip() if value else None


def _icon(inst: Installation, app_id: str) -> str | None:
    base = Path(inst.path, "exports", "share", "icons", "hicolor")
    for size in ICON_SIZES:
        for ext in ("svg", "png") if size == "scalable" else ("png",):
            path = base / size / "apps" / f"{app_id}.{ext}"
            if path.is_file():
                return str(path)
    return None
