"""A real Flatpak world for the grant's tests (e2e and GUI), built offline.

Its fixtures are registered by tests/conftest.py.

Once per session: a temporary HOME under /home (Flatpak's `host`
permission does not show /tmp, so a library there would prove nothing), with
its own user installation (`FLATPAK_USER_DIR`), its own system installation
(`FLATPAK_SYSTEM_DIR`: the machine's real one is never touched) and its own
user-dirs.dirs. A minimal runtime is a folder with `metadata` and `files/`
holding a static BusyBox (sh, ls, cat, test), committed with `ostree commit`
into a local repository with the metadata's exact text in `xa.metadata`; a
bare runtime ships nothing. Apps are made with `flatpak build-init`,
`build-finish --filesystem=...` and `build-export`, and installed with
`flatpak install --user` (one of them system-wide too). Each test then gets
a fresh Pellicle state and override files reset to nothing.

Under CI=true a missing tool fails the tests; elsewhere they are skipped.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tool_helpers import require_tool, unavailable

TOOLS = ("flatpak", "ostree", "bwrap", "busybox")
RUNTIME = "org.pellicle.test.Platform"
BARE = "org.pellicle.test.BarePlatform"
BRANCH = "1"

#: App id -> (runtime, --filesystem values); "{home}" is the test's HOME.
APPS = {
    "org.pellicle.test.Home": (RUNTIME, ["home"]),
    "org.pellicle.test.Host": (RUNTIME, ["host"]),
    "org.pellicle.test.Pictures": (RUNTIME, ["xdg-pictures"]),
    "org.pellicle.test.Explicit": (RUNTIME, ["{home}/Pictures/Holidays:ro", "xdg-download"]),
    "org.pellicle.test.Documents": (RUNTIME, ["xdg-documents"]),
    "org.pellicle.test.Bare": (BARE, ["home"]),
}
#: Apps also installed system-wide.
SYSTEM_APPS = ("org.pellicle.test.Host",)


def _need_tools() -> None:
    for tool in TOOLS:
        require_tool(tool)


@dataclass
class FlatpakWorld:
    home: Path
    env: dict[str, str]
    apps: dict[str, tuple[str, list[str]]] = field(default_factory=dict)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        done = subprocess.run(list(args), env=self.env, capture_output=True, check=False)
        if check and done.returncode != 0:
            raise AssertionError(f"{args} failed: {done.stderr.decode(errors='replace')}")
        return done

    def flatpak(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
        return self.run("flatpak", *args, check=check)

    def sandboxed(self, app_id: str, *argv: str, system: bool = False) -> int:
        """Exit status of `argv` inside the app's own sandbox."""
        where = "--system" if system else "--user"
        done = self.flatpak("run", where, f"--command={argv[0]}", app_id, *argv[1:], check=False)
        return done.returncode

    def pellicle(self, *args: str, check: int | None = 0) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "pellicle", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
        )
        if check is not None:
            assert done.returncode == check, (args, done.stdout, done.stderr)
        assert "Traceback" not in done.stderr and "Warning" not in done.stderr
        return done

    @property
    def user_overrides(self) -> Path:
        return Path(self.env["FLATPAK_USER_DIR"], "overrides")

    @property
    def system_overrides(self) -> Path:
        return Path(self.env["FLATPAK_SYSTEM_DIR"], "overrides")

    def overrides(self) -> dict[str, bytes]:
        """Every override file, user and system, byte for byte."""
        out = {}
        for base in (self.user_overrides, self.system_overrides):
            if base.is_dir():
                for path in sorted(base.iterdir()):
                    out[str(path)] = path.read_bytes()
        return out

    def reset(self) -> None:
        for base in (self.user_overrides, self.system_overrides):
            if base.is_dir():
                for path in base.iterdir():
                    path.unlink()


def _commit_runtime(world: FlatpakWorld, repo: Path, name: str, busybox: bool) -> None:
    root = world.home / "build" / f"runtime-{name}"
    (root / "files" / "bin").mkdir(parents=True)
    if busybox:
        shutil.copy2(require_tool("busybox"), root / "files" / "bin" / "busybox")
        for tool in ("sh", "ls", "cat", "test"):
            os.symlink("busybox", root / "files" / "bin" / tool)
    ref = f"{name}/x86_64/{BRANCH}"
    metadata = f"[Runtime]\nname={name}\nruntime={ref}\nsdk={ref}\n"
    (root / "metadata").write_text(metadata)
    world.run(
        "ostree",
        f"--repo={repo}",
        "commit",
        f"--branch=runtime/{name}/x86_64/{BRANCH}",
        f"--add-metadata-string=xa.metadata={metadata}",
        str(root),
    )


def build_world(
    home: Path,
    apps: dict[str, tuple[str, list[str]]] = APPS,
    system_apps: tuple[str, ...] = SYSTEM_APPS,
    names: dict[str, tuple[str, str]] | None = None,
) -> FlatpakWorld:
    """Build runtimes and apps in `home` (an empty folder under /home).
    `names` gives some apps a desktop name and an icon colour, exported
    the way real apps export theirs."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("XDG_", "FLATPAK_", "DBUS_")) and k != "PELLICLE_HOME"
    }
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CACHE_HOME=str(home / ".cache"),
        FLATPAK_USER_DIR=str(home / ".local" / "share" / "flatpak"),
        FLATPAK_SYSTEM_DIR=str(home / "system-flatpak"),
        FLATPAK_CONFIG_DIR=str(home / "etc-flatpak"),
        PELLICLE_HOME=str(home / "pellicle-state"),
    )
    world = FlatpakWorld(home, env)
    (home / ".config").mkdir()
    (home / ".config" / "user-dirs.dirs").write_text(
        'XDG_PICTURES_DIR="$HOME/Pictures"\n'
        'XDG_DOCUMENTS_DIR="$HOME/Documents"\n'
        'XDG_DOWNLOAD_DIR="$HOME/Downloads"\n'
    )
    for folder in ("Pictures", "Documents", "Downloads"):
        (home / folder).mkdir()
    repo = home / "repo"
    world.run("ostree", f"--repo={repo}", "init", "--mode=archive-z2")
    _commit_runtime(world, repo, RUNTIME, busybox=True)
    _commit_runtime(world, repo, BARE, busybox=False)
    world.flatpak("build-update-repo", str(repo))
    for where in ("--user", "--system"):
        world.flatpak("remote-add", where, "--no-gpg-verify", "pellicle-test", f"file://{repo}")
    install = ("install", "-y", "--noninteractive", "pellicle-test")
    runtimes = sorted({runtime for runtime, _ in apps.values()})
    world.flatpak(install[0], "--user", *install[1:], *runtimes)
    if system_apps:
        world.flatpak(install[0], "--system", *install[1:], RUNTIME)
    for app_id, (runtime, filesystems) in apps.items():
        build = home / "build" / f"app-{app_id}"
        world.flatpak("build-init", str(build), app_id, runtime, runtime, BRANCH)
        if names and app_id in names:
            _desktop_files(build / "files" / "share", app_id, *names[app_id])
        world.flatpak(
            "build-finish",
            str(build),
            "--command=sh",
            *(f"--filesystem={f.format(home=home)}" for f in filesystems),
        )
        world.flatpak("build-export", str(repo), str(build))
        world.apps[app_id] = (runtime, [f.format(home=home) for f in filesystems])
    world.flatpak("build-update-repo", str(repo))
    world.flatpak(install[0], "--user", *install[1:], *apps)
    if system_apps:
        world.flatpak(install[0], "--system", *install[1:], *system_apps)
    return world


def _desktop_files(share: Path, app_id: str, name: str, colour: str) -> None:
    (share / "applications").mkdir(parents=True)
    (share / "applications" / f"{app_id}.desktop").write_text(
        f"[Desktop Entry]\nType=Application\nName={name}\nExec=sh\nIcon={app_id}\n"
    )
    icons = share / "icons" / "hicolor" / "scalable" / "apps"
    icons.mkdir(parents=True)
    (icons / f"{app_id}.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
        f'<rect x="4" y="4" width="56" height="56" rx="14" fill="{colour}"/>'
        '<text x="32" y="43" font-size="30" font-family="sans-serif" fill="white" '
        f'text-anchor="middle">{name[0]}</text></svg>'
    )


@pytest.fixture(scope="session")
def flatpak_world() -> Iterator[FlatpakWorld]:
    _need_tools()
    if os.uname().machine != "x86_64":
        unavailable("the test runtime is built for x86_64")
    try:
        home = Path(tempfile.mkdtemp(prefix="pellicle-grant-", dir="/home"))
    except OSError as exc:
        unavailable(f"cannot make a HOME under /home: {exc}")
        raise
    try:
        yield build_world(home)
    finally:
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture
def grant_world(flatpak_world: FlatpakWorld) -> Iterator[FlatpakWorld]:
    """The Flatpak world with no overrides and a fresh Pellicle state."""
    world = flatpak_world
    world.reset()
    state = Path(world.env["PELLICLE_HOME"])
    shutil.rmtree(state, ignore_errors=True)
    for folder in ("Pictures", "Shared"):
        shutil.rmtree(world.home / folder, ignore_errors=True)
    (world.home / "Pictures").mkdir()
    yield world
    world.reset()
    shutil.rmtree(state, ignore_errors=True)
