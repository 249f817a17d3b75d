"""The ledger: an append-only record of what was shared, when and why.

It answers "what did I share, when, and is it still shared?". Rows are only
ever inserted (SQLite triggers refuse updates and deletes); this module
reads them back for `pellicle audit` and the GUI's share history.
"""

from __future__ import annotations

from typing import Any

from pellicle.core.store import Store


def entries(store: Store, *, limit: int | None = None) -> list[dict[str, Any]]:
    """Ledger rows, oldest first, each with whether its copy is still shared."""
    sql = (
        "SELECT l.id, l.time, l.action, l.source, l.export_path, l.sha256, l.source_sha256,"
        " l.reason, e.sha256 AS current FROM ledger l"
        " LEFT JOIN exports e ON e.export_rel = CAST(l.export_path AS BLOB)"
        " ORDER BY l.id"
    )
    rows = store.query(sql)
    if limit is not None:
        rows = rows[-limit:]
    out = []
    for row in rows:
        still = row["current"] is not None and row["current"] == row["sha256"]
        out.append(
            {
                "id": row["id"],
                "time": row["time"],
                "action": row["action"],
                "source": row["source"],
                "export_path": row["export_path"],
                "sha256": row["sha256"],
                "source_sha256": row["source_sha256"],
                "reason": row["reason"],
                "still_shared": bool(still) and row["action"] != "remove",
            }
        )
    return out
