"""The installers' inputs: desktop file, AppStream metadata, icons, NSIS lists.

The validators' tools come with `scripts/install-system-deps --test`; a
validator whose tool is missing skips, which under CI=true is a failure
(tests/ci_policy.py). The consistency checks between the files always run.
"""

from __future__ import annotations

import configparser
import importlib.util
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

from pellicle import __version__
from tool_helpers import require_tool

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "io.github.pellicle.Pellicle"
DESKTOP = ROOT / "resources" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml"
SVG = ROOT / "resources" / "icons" / f"{APP_ID}.svg"


def _load(relative: str) -> ModuleType:
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_desktop_file_is_valid() -> None:
    proc = subprocess.run(
        [require_tool("desktop-file-validate"), str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and not proc.stdout.strip(), proc.stdout + proc.stderr


def test_metainfo_is_valid() -> None:
    proc = subprocess.run(
        [require_tool("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_desktop_file_metainfo_and_icon_agree() -> None:
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(DESKTOP, encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Icon"] == APP_ID == SVG.stem
    assert entry["Exec"].split()[0] == "pellicle"
    meta = ET.parse(METAINFO).getroot()
    assert meta.findtext("id") == APP_ID
    assert meta.findtext("launchable") == DESKTOP.name
    assert meta.findtext("provides/binary") == "pellicle"


def test_metainfo_describes_this_release_with_a_published_screenshot() -> None:
    meta = ET.parse(METAINFO).getroot()
    releases = meta.findall("releases/release")
    assert releases[0].get("version") == __version__
    assert releases[0].find("description") is not None
    for image in meta.iter("image"):
        assert (image.text or "").startswith("https://raw.githubusercontent.com/")


def test_icons_render_from_the_svg(tmp_path: Path) -> None:
    from PIL import Image

    icons = _load("packaging/icons.py")
    icons.render_all(tmp_path)
    for size in icons.HICOLOR_SIZES:
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        with Image.open(png) as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"
            # Transparent corners, opaque centre: the tile was drawn.
            assert image.getpixel((0, 0))[3] == 0
            assert image.getpixel((size // 2, size // 2))[3] == 255
    with Image.open(tmp_path / "pellicle.ico") as ico:
        assert set(ico.info["sizes"]) == {(s, s) for s in icons.ICO_SIZES}
    assert (tmp_path / "pellicle.icns").stat().st_size > 0


def test_nsis_uninstaller_removes_exactly_what_was_installed(tmp_path: Path) -> None:
    nsis_files = _load("packaging/windows/nsis_files.py")
    dist = tmp_path / "dist"
    for relative in ("pellicle.exe", "_internal/a.dll", "_internal/PySide6/b$x.dll"):
        (dist / relative).parent.mkdir(parents=True, exist_ok=True)
        (dist / relative).write_text("x")
    install, uninstall = nsis_files.file_lists(dist)
    files = [line for line in install if line.startswith("File ")]
    deletes = [line for line in uninstall if line.startswith("Delete ")]
    rmdirs = [line for line in uninstall if line.startswith("RMDir ")]
    assert len(files) == len(deletes) == 3
    assert 'Delete "$INSTDIR\\_internal\\PySide6\\b$$x.dll"' in deletes
    # Deepest folders first, never recursive.
    assert rmdirs == ['RMDir "$INSTDIR\\_internal\\PySide6"', 'RMDir "$INSTDIR\\_internal"']
    assert not any("/r" in line for line in uninstall)


def test_a_built_package_carries_the_user_guide_in_every_language(tmp_path: Path) -> None:
    # setup.py's build_py, as a wheel build runs it, into a temporary build
    # folder: the guide must land where gui/help.py looks in an installed
    # package, for every language the app speaks.
    from setuptools import find_packages
    from setuptools.dist import Distribution

    from pellicle import i18n
    from pellicle.gui import help as help_module

    setup_py = _load("setup.py")
    dist = Distribution(
        {"name": "pellicle", "packages": find_packages(str(ROOT / "src")),
         "package_dir": {"": str(ROOT / "src")}, "script_name": str(ROOT / "setup.py")}
    )  # fmt: skip
    build = setup_py.BuildWithCatalogues(dist)
    build.build_lib = str(tmp_path)
    build.ensure_finalized()
    build.run()
    packaged = tmp_path / "pellicle" / "guide"
    assert packaged.relative_to(tmp_path) == help_module.PACKAGED_GUIDE.relative_to(
        help_module.PACKAGED_GUIDE.parents[1]
    )
    for lang in ("en", *i18n.LANGUAGES):
        guide = packaged / lang / "index.md"
        source = ROOT / "resources" / "guide" / lang / "index.md"
        assert guide.read_bytes() == source.read_bytes(), lang
    assert (tmp_path / "pellicle" / "translations" / "pellicle_fr.qm").is_file()
    # The source distribution and the bundle (.deb, AppImage, installers) too.
    assert "graft resources/guide" in (ROOT / "MANIFEST.in").read_text().splitlines()
    spec = (ROOT / "packaging" / "pellicle.spec").read_text()
    assert 'Path("pellicle", "guide"' in spec and "datas=CATALOGUE_DATAS + GUIDE_DATAS" in spec
