"""Desktop applications that open images (for "Open with (restricted)"),
and the folders `pellicle run` hides: real .desktop files and folders on
disk."""

from __future__ import annotations

from pathlib import Path

from pellicle.core.grants.desktop import DesktopApp, image_apps
from pellicle.core.grants.sandbox import Sandbox, _folders


def _entry(folder: Path, name: str, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text("[Desktop Entry]\nType=Application\n" + body)


def test_image_apps_from_the_data_folders(tmp_path: Path) -> None:
    user, system = tmp_path / "user" / "applications", tmp_path / "sys" / "applications"
    _entry(user, "viewer.desktop", "Name=Viewer\nExec=sh %f\nMimeType=image/png;\n")
    _entry(system, "viewer.desktop", "Name=Shadowed\nExec=sh %f\nMimeType=image/png;\n")
    _entry(system, "editor.desktop", "Name=Editor\nExec=sh %U\nMimeType=text/plain;image/jpeg;\n")
    _entry(system, "text.desktop", "Name=Text\nExec=sh %f\nMimeType=text/plain;\n")
    _entry(system, "hidden.desktop", "Name=Hidden\nExec=sh\nNoDisplay=true\nMimeType=image/png;\n")
    _entry(system, "flat.desktop", "Name=Flat\nExec=sh\nX-Flatpak=org.x.Y\nMimeType=image/png;\n")
    _entry(system, "gone.desktop", "Name=Gone\nExec=no-such-program-x %f\nMimeType=image/png;\n")
    _entry(system / "kde", "sub.desktop", "Name=Sub\nExec=sh\nMimeType=image/gif;\n")
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "user"),
           "XDG_DATA_DIRS": str(tmp_path / "sys")}  # fmt: skip
    apps = image_apps(env)
    assert [(a.name, a.desktop_id) for a in apps] == [
        ("Editor", "editor.desktop"),
        ("Sub", "kde-sub.desktop"),
        ("Viewer", "viewer.desktop"),
    ]


def test_exec_field_codes() -> None:
    app = DesktopApp("v.desktop", "View It", "viewer", 'viewer --title "%c" %i %F %%x', "/p")
    assert app.command(["/a b.jpg", "/c.jpg"]) == [
        "viewer", "--title", "View It", "--icon", "viewer", "/a b.jpg", "/c.jpg", "%x",
    ]  # fmt: skip
    single = DesktopApp("v.desktop", "V", None, "viewer %u %k", "/p/v.desktop")
    assert single.command(["/a.jpg", "/b.jpg"]) == ["viewer", "/a.jpg", "/p/v.desktop"]
    assert single.command([]) == ["viewer", "/p/v.desktop"]


def test_run_hides_outermost_existing_folders(tmp_path: Path) -> None:
    (tmp_path / "lib" / "inner").mkdir(parents=True)
    (tmp_path / "state").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "state")
    hidden = _folders([str(tmp_path / "lib" / "inner"), str(tmp_path / "lib"),
                       str(tmp_path / "link"), str(tmp_path / "missing")])  # fmt: skip
    assert hidden == (str(tmp_path / "lib"), str(tmp_path / "state"))
    sandbox = Sandbox("bwrap", hidden, str(tmp_path / "state"))
    args = sandbox.command(["cat", "x"])
    assert args[:1] == ["bwrap"] and args[-3:] == ["--", "cat", "x"]
    assert ["--tmpfs", str(tmp_path / "lib"), "--remount-ro", str(tmp_path / "lib")] == args[
        args.index("--tmpfs") : args.index("--tmpfs") + 4
    ]
    assert "--unshare-pid" in args and "--new-session" in args and "--die-with-parent" in args
    ro = args.index("--ro-bind")
    assert args[ro + 1] == args[ro + 2] == str(tmp_path / "state")
