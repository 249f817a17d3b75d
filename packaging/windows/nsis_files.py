"""Write the NSIS file lists for one PyInstaller dist folder.

    python packaging/windows/nsis_files.py DIST_DIR OUT_DIR

writes OUT_DIR/install-files.nsh (SetOutPath + File for every file) and
OUT_DIR/uninstall-files.nsh (Delete for every one of those files, then RMDir
for every folder, deepest first). The uninstaller therefore removes exactly
what this installer put there and nothing else: no `RMDir /r`, which would
also delete anything a user had saved into the install folder.
"""

from __future__ import annotations

import sys
from pathlib import Path, PureWindowsPath


def _nsis(text: str) -> str:
    """Quote for an NSIS string: `$` starts a variable, `"` ends the string."""
    return text.replace("$", "$$").replace('"', '$\\"')


def file_lists(dist: Path) -> tuple[list[str], list[str]]:
    """The install and uninstall command lines for every file under `dist`."""
    files = sorted(p for p in dist.rglob("*") if p.is_file())
    if not files:
        raise SystemExit(f"nsis_files: {dist} holds no files")
    install: list[str] = []
    uninstall: list[str] = []
    folders: set[PureWindowsPath] = set()
    current: PureWindowsPath | None = None
    for path in files:
        relative = PureWindowsPath(*path.relative_to(dist).parts)
        folder = relative.parent
        if folder != current:
            target = "$INSTDIR" if str(folder) == "." else f"$INSTDIR\\{_nsis(str(folder))}"
            install.append(f'SetOutPath "{target}"')
            current = folder
        install.append(f'File "{_nsis(str(path.resolve()))}"')
        uninstall.append(f'Delete "$INSTDIR\\{_nsis(str(relative))}"')
        while str(folder) != ".":
            folders.add(folder)
            folder = folder.parent
    for folder in sorted(folders, key=lambda f: (-len(f.parts), str(f))):
        uninstall.append(f'RMDir "$INSTDIR\\{_nsis(str(folder))}"')
    install.append('SetOutPath "$INSTDIR"')
    return install, uninstall


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: nsis_files.py DIST_DIR OUT_DIR", file=sys.stderr)
        return 2
    dist, out = Path(argv[0]), Path(argv[1])
    install, uninstall = file_lists(dist)
    out.mkdir(parents=True, exist_ok=True)
    (out / "install-files.nsh").write_text("\n".join(install) + "\n", encoding="utf-8")
    (out / "uninstall-files.nsh").write_text("\n".join(uninstall) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
