"""Skip records (inputs skipped, or read with a note) are numbered in the order they were
stored: a digest's mark counts them (:mod:`.positions`), so a number is never given twice.

SQLite would give a dropped record's number again, and a mark that counted it would take a
new record for an old one (a file written again each night: its new faults were not told
as new). So the highest number given is kept in the meta table when records are dropped, a
new record is numbered past it, and a record dropped and read again (the same fault of a
file read again) keeps its own number: it is no news to a mark.
"""

from __future__ import annotations

import sqlite3

Row = tuple[str, int, str]  # (path, record, reason)
Dropped = dict[Row, int]  # records dropped in this session, with their numbers

_HIGH = "skipped seq high"
_HIGHEST = (
    "SELECT max((SELECT coalesce(max(seq), 0) FROM skipped),"
    " coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = ?), 0))"
)
_ADD = (
    "INSERT OR IGNORE INTO skipped (seq, path, record, reason)"
    " VALUES (coalesce(?, max(?, (SELECT coalesce(max(seq), 0) FROM skipped)) + 1), ?, ?, ?)"
)
_OF = "SELECT seq, path, record, reason FROM skipped WHERE path = ?"


def add(conn: sqlite3.Connection, rows: list[Row], dropped: Dropped) -> None:
    """Record ``rows``: each with its number in ``dropped`` (taken out), or past every
    number given so far."""
    high = _highest(conn)
    conn.executemany(_ADD, [(dropped.pop(row, None), high, *row) for row in rows])


def forget(conn: sqlite3.Connection, paths: list[str], dropped: Dropped) -> None:
    """Drop the records of ``paths``, kept with their numbers in ``dropped``, and keep the
    highest number given so far."""
    high = _highest(conn)
    for path in paths:
        rows = conn.execute(_OF, (path,)).fetchall()
        dropped.update({(p, int(r), why): int(n) for n, p, r, why in rows})
    conn.executemany("DELETE FROM skipped WHERE path = ?", [(path,) for path in paths])
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (_HIGH, str(high)))


def _highest(conn: sqlite3.Connection) -> int:
    """The highest number a skip record has had (one dropped since included)."""
    return int(conn.execute(_HIGHEST, (_HIGH,)).fetchone()[0])
