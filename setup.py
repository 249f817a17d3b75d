"""setuptools hook: a built wheel ships the compiled translation catalogues
and the user guide.

Everything else about the package is in pyproject.toml. The catalogues'
sources are resources/i18n/*.ts; packaging/catalogues.py compiles them
(pyside6-lrelease, which PySide6-Essentials ships, and a gettext writer)
into pellicle/translations inside the build, never into git. An editable
install (`pip install -e .`, what scripts/_venv.sh makes) compiles nothing:
scripts/i18n builds into the source tree, and scripts/run and scripts/test
call it. packaging/build_backend.py makes PySide6 available to a wheel build.

The user guide (resources/guide/<lang>/index.md, Markdown the Help window
shows) is copied to pellicle/guide in the build; an editable install reads
it from resources/guide (gui/help.py looks in both).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        guide = Path(self.build_lib) / "pellicle" / "guide"
        shutil.rmtree(guide, ignore_errors=True)
        shutil.copytree(ROOT / "resources" / "guide", guide)
        sys.path.insert(0, str(ROOT / "packaging"))
        import catalogues

        catalogues.build(
            Path(self.build_lib) / "pellicle" / "translations", ROOT / "resources" / "i18n"
        )


# Guarded so tests can load BuildWithCatalogues without running setup()
# (pip and setuptools' build backend run this file as __main__).
if __name__ == "__main__":
    setup(cmdclass={"build_py": BuildWithCatalogues})
