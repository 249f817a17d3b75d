"""The live sync's timings, and their overrides from the environment.

One frozen value read by every room of the watcher (the loop's debounce,
the intake's hold on files still being written, the observers' polling
interval), so a test or `pellicle watch` tunes them all in one place.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from typing import Any

from pellicle.core.errors import UserError
from pellicle.core.words import msg


@dataclass(frozen=True)
class WatchConfig:
    """Timings of the live sync; defaults meet the 1 s latency goal."""

    #: Quiet time after the last event before a batch is synced.
    debounce: float = 0.25
    #: A steady stream of events still gets synced this often.
    max_wait: float = 2.0
    #: A file written under a polled root (no close-write events there)
    #: counts as complete once its size and mtime have not moved for this
    #: long (at least twice the polling interval).
    settle: float = 1.0
    #: Under inotify a file is complete at its close-write; one written to
    #: and left open counts as complete after this long without change.
    open_write_timeout: float = 30.0
    #: How often to look for rule changes made by other Pellicle processes.
    rules_poll: float = 0.15
    #: How often to check that roots are reachable and emitters alive.
    health_check: float = 1.0
    #: Seconds between full reconciles (the safety net for lost events).
    reconcile: float = 600.0
    #: Scan interval of the polling fallback.
    polling_interval: float = 2.0
    #: Watch every root by polling (for file systems without inotify).
    force_polling: bool = False

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> WatchConfig:
        """Overrides from PELLICLE_WATCH_RECONCILE, _POLLING, _POLL_INTERVAL."""
        env = dict(os.environ) if env is None else env
        config = cls()
        values: dict[str, Any] = {}
        for key, name in (
            ("PELLICLE_WATCH_RECONCILE", "reconcile"),
            ("PELLICLE_WATCH_POLL_INTERVAL", "polling_interval"),
            ("PELLICLE_WATCH_DEBOUNCE", "debounce"),
        ):
            raw = env.get(key)
            if raw:
                try:
                    value = float(raw)
                except ValueError:
                    raise UserError(
                        msg("core.watch", "{name} must be a number of seconds, not {value}").format(
                            name=key, value=repr(raw)
                        )
                    ) from None
                if value <= 0:
                    raise UserError(
                        msg("core.watch", "{name} must be a positive number of seconds").format(
                            name=key
                        )
                    )
                values[name] = value
        if env.get("PELLICLE_WATCH_POLLING", "") not in ("", "0"):
            values["force_polling"] = True
        return dataclasses.replace(config, **values)
