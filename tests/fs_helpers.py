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
    """Relative paths of the files in the export folder."""
    if not export.exists():
        return set()
    return {
        str(p.relative_to(export)) for p in export.rglob("*") if not p.is_dir() or p.is_symlink()
    }
