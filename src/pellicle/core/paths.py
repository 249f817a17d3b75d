"""Every location Pellicle uses on disk, decided in one place.

`PELLICLE_HOME`, when set, holds all configuration, state and cache (tests
and scripts use it); otherwise platformdirs' user directories for "pellicle"
are used. The cache holds thumbnails of private photos, so it is created
with mode 0700.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "pellicle"


@dataclass(frozen=True)
class Locations:
    """The folders Pellicle owns: configuration, state (database) and cache."""

    config: Path
    data: Path
    cache: Path

    @property
    def database(self) -> Path:
        return self.data / "pellicle.sqlite3"

    @property
    def lock_file(self) -> Path:
        return self.data / "export.lock"

    @property
    def thumbnails(self) -> Path:
        return self.cache / "thumbnails"

    def ensure(self) -> None:
        """Create the folders, private to the user."""
        for folder in (self.config, self.data, self.cache):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # mkdir's mode is masked by the umask and ignored for existing
        # folders; the cache and state hold private photos' traces.
        for folder in (self.data, self.cache):
            os.chmod(folder, 0o700)


def locations(env: dict[str, str] | None = None) -> Locations:
    """The locations for this process, honouring `PELLICLE_HOME`."""
    env = dict(os.environ) if env is None else env
    home = env.get("PELLICLE_HOME")
    if home:
        base = Path(home).expanduser().absolute()
        return Locations(config=base / "config", data=base / "data", cache=base / "cache")
    return Locations(
        config=Path(platformdirs.user_config_dir(APP_NAME)),
        data=Path(platformdirs.user_data_dir(APP_NAME)),
        cache=Path(platformdirs.user_cache_dir(APP_NAME)),
    )


def default_library() -> Path:
    """The user's Pictures folder: the library suggested on first run."""
    return Path(platformdirs.user_pictures_dir())
