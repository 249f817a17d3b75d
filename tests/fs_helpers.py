"""File-tree helpers shared by tests (imported by name: keep the name unique)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path


def tree_digest(root: Path) -> dict[str, str]:
    """Every file under `root` with its content hash: proof nothing changed."""
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                out[str(path.relative_to(root))] = "link:" + os.readlink(path)
            else:
                out[str(path.relative_to(root))] = hashlib.sha256(path.read_bytes()).hexdigest()
        for name in dirnames:
            out[str((Path(dirpath) / name).relative_to(root)) + "/"] = "dir"
    return out


def exported_files(export: Path) -> set[str]:
    """Relative paths of the files (and links) in the export folder.

    `os.walk`, not `rglob`: a sync running meanwhile removes its staging
    folder between being listed and being read, which `rglob` raises on.
    """
    out: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(export):
        folder = Path(dirpath)
        links = [name for name in dirnames if (folder / name).is_symlink()]
        out.update(str((folder / name).relative_to(export)) for name in filenames + links)
    return out
