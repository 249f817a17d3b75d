"""`./scripts/run --install` and `--uninstall`, for real, in a throwaway HOME.

The install puts a launcher in ~/.local/bin, the menu entry and icon in
~/.local/share and the live-sync user unit in ~/.config/systemd/user, each
pointing at this clone; the uninstall removes exactly those files. A
recording `systemctl` stands first on PATH, so no test touches the real
user manager, and says what the scripts asked of it.
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pellicle import __version__

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.pellicle.Pellicle"


@pytest.fixture
def user(tmp_path: Path) -> dict[str, str]:
    """The environment of a person whose HOME has a space in its name."""
    home = tmp_path / "a home"
    home.mkdir()
    fake_bin = tmp_path / "fake-bin"
    fake_bin.mkdir()
    systemctl = fake_bin / "systemctl"
    systemctl.write_text(f'#!/bin/sh\necho "$*" >> "{tmp_path}/systemctl.calls"\n')
    systemctl.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env.update(HOME=str(home), PATH=f"{fake_bin}:/usr/local/bin:/usr/bin:/bin")
    env.pop("PELLICLE_HOME", None)
    return env


def run(env: dict[str, str], *args: str, check: int = 0) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(ROOT / "scripts" / "run"), *args], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == check, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    return result


def files_under(home: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(home)): p.read_bytes()
        if not p.is_symlink()
        else b"->" + bytes(p.readlink())
        for p in sorted(home.rglob("*"))
        if p.is_file() or p.is_symlink()
    }


def installed_paths(home: Path) -> list[Path]:
    return [
        home / ".local/bin/pellicle",
        home / f".local/share/applications/{APP_ID}.desktop",
        home / f".local/share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        home / ".config/systemd/user/pellicle-watch.service",
    ]


def test_install_puts_pellicle_on_path_and_uninstall_removes_exactly_that(
    user: dict[str, str], tmp_path: Path
) -> None:
    home = Path(user["HOME"])
    # What the person had before: other programs, menu entries and units.
    for name, text in {
        ".local/bin/other-tool": "#!/bin/sh\n",
        ".local/share/applications/other.desktop": "[Desktop Entry]\n",
        ".config/systemd/user/other.service": "[Service]\n",
        ".profile": "# mine\n",
    }.items():
        (home / name).parent.mkdir(parents=True, exist_ok=True)
        (home / name).write_text(text)
    before = files_under(home)

    out = run(user, "--install").stdout
    launcher, desktop, icon, unit = installed_paths(home)
    assert all(p.is_file() for p in installed_paths(home)), out
    assert "not on your PATH" in out  # the fake PATH lacks ~/.local/bin
    assert set(files_under(home)) - set(before) == {
        str(p.relative_to(home)) for p in installed_paths(home)
    }

    # The launcher runs this clone's Pellicle, from any folder.
    version = subprocess.run([str(launcher), "--version"], env=user, cwd=tmp_path,
                             capture_output=True, text=True, check=True)  # fmt: skip
    assert version.stdout.strip() == f"pellicle {__version__}"
    on_path = dict(user, PATH=f"{launcher.parent}:{user['PATH']}")
    assert shutil.which("pellicle", path=on_path["PATH"]) == str(launcher)

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(desktop, encoding="utf-8")
    assert entry["Desktop Entry"]["Exec"] == f'"{launcher}"'
    assert entry["Desktop Entry"]["TryExec"] == str(launcher)
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    validate = subprocess.run(["desktop-file-validate", str(desktop)],
                              capture_output=True, text=True, check=False)  # fmt: skip
    assert validate.returncode == 0 and not validate.stdout.strip(), validate.stdout
    assert ET.parse(icon).getroot().tag.endswith("svg")

    service = unit.read_text()
    assert f'ExecStart="{launcher}" watch' in service.splitlines()
    assert "/usr/bin/env" not in service and "Environment=PATH" not in service
    assert f"file://{ROOT}/docs/watching.md" in service
    assert "daemon-reload" in (tmp_path / "systemctl.calls").read_text()

    # Enabled by the person (as the README says), then uninstalled.
    wants = home / ".config/systemd/user/default.target.wants/pellicle-watch.service"
    wants.parent.mkdir()
    wants.symlink_to(unit)
    run(user, "--install")  # again: replaces its own files, nothing else
    out = run(user, "--uninstall").stdout
    assert "removed 4 file(s)" in out
    assert "disable --now pellicle-watch.service" in (tmp_path / "systemctl.calls").read_text()
    assert files_under(home) == before
    assert "removed 0 file(s)" in run(user, "--uninstall").stdout


def test_install_refuses_to_replace_a_pellicle_it_did_not_put_there(user: dict[str, str]) -> None:
    home = Path(user["HOME"])
    foreign = home / ".local/bin/pellicle"  # e.g. from pipx
    foreign.parent.mkdir(parents=True)
    foreign.write_text("#!/bin/sh\necho pipx's pellicle\n")
    before = files_under(home)

    err = run(user, "--install", check=2).stderr
    assert f"{foreign} exists and was not installed by this script" in err
    assert files_under(home) == before  # nothing written

    out = run(user, "--uninstall").stdout
    assert f"left {foreign}: not installed by this script" in out
    assert files_under(home) == before


def test_uninstall_leaves_a_file_that_lost_its_marker(user: dict[str, str]) -> None:
    home = Path(user["HOME"])
    run(user, "--install")
    launcher, desktop, icon, unit = installed_paths(home)
    desktop.write_text("[Desktop Entry]\nName=edited by hand\n")  # now the person's
    run(user, "--uninstall")
    assert desktop.read_text() == "[Desktop Entry]\nName=edited by hand\n"
    assert not any(p.exists() for p in (launcher, icon, unit))


def test_install_and_uninstall_take_no_other_argument(user: dict[str, str]) -> None:
    for option in ("--install", "--uninstall"):
        err = run(user, option, "extra", check=2).stderr
        assert err.strip() == f"scripts/run: {option} takes no other argument"
    assert files_under(Path(user["HOME"])) == {}


def test_a_moved_clone_makes_the_launcher_say_so(user: dict[str, str], tmp_path: Path) -> None:
    home = Path(user["HOME"])
    run(user, "--install")
    launcher = installed_paths(home)[0]
    # The launcher as if the clone were gone: point it at a missing program.
    text = launcher.read_text().replace(str(ROOT), str(tmp_path / "moved"))
    launcher.write_text(text)
    result = subprocess.run([str(launcher), "status"], env=user, capture_output=True, text=True,
                            check=False)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("pellicle: ") and "is gone" in result.stderr
    assert len(result.stderr.splitlines()) == 1
