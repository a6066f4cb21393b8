"""Writing a batch of articles: insert the new ids, update the changed ones (the trigger keeps
their previous version), and count what each was.

A run can give one id twice (two feeds that number their items from 1, one page under two
folders): the pipeline picks one by a rule that does not depend on the reading order, but
may pick it after the other was written. The later write then replaces the earlier one as if
only it had been given: counted against the row stored before the run, with no version kept
of what the run itself wrote.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..model import Article
from .rows import AddReport, article_row, chunks, content_hash, marks
from .schema import ARTICLE_FIELDS

_COLUMNS = ", ".join(ARTICLE_FIELDS)
_SET = ", ".join(f"{name} = ?" for name in ARTICLE_FIELDS[1:])
_INSERT = (
    f"INSERT INTO articles ({_COLUMNS}, content_hash, version) "
    f"VALUES ({', '.join('?' * len(ARTICLE_FIELDS))}, ?, 1)"
)
_UPDATE = f"UPDATE articles SET {_SET}, content_hash = ?, version = version + 1 WHERE id = ?"
_REPLACE = f"UPDATE articles SET {_SET}, content_hash = ?, version = ? WHERE id = ?"
# the trigger keeps the row replaced as a version: only versions before the run's count
_DROP_VERSIONS = "DELETE FROM article_versions WHERE article_id = ? AND version >= ?"

# What one call of Store.add_articles did with an id: the content hash and version stored
# before it (None and 1 for a new id), and what it counted the id as ("added", "updated",
# "unchanged").
Written = tuple[str | None, int, str]


def add_batch(
    conn: sqlite3.Connection, batch: list[Article], written: dict[str, Written]
) -> AddReport:
    """Store ``batch`` inside the caller's transaction; ``written`` holds what the same call
    wrote before (updated here). Returns what the batch added, updated and left unchanged."""
    rows = [article_row(article) for article in batch]
    hashes = [content_hash(row) for row in rows]
    inserts: list[tuple[Any, ...]] = []
    updates: list[tuple[Any, ...]] = []
    again: list[tuple[tuple[Any, ...], str]] = []
    known = _stored_state(conn, [row[0] for row in rows if row[0] not in written])
    for row, digest in zip(rows, hashes, strict=True):
        if row[0] in written:  # already written by this call: replaced below
            again.append((row, digest))
            continue
        previous = known.get(row[0])
        if previous is None:
            inserts.append((*row, digest))
            written[row[0]] = (None, 1, "added")
        elif previous[0] != digest:
            updates.append((*row[1:], digest, row[0]))
            written[row[0]] = (*previous, "updated")
        else:
            written[row[0]] = (*previous, "unchanged")
    conn.executemany(_INSERT, inserts)
    conn.executemany(_UPDATE, updates)
    report = AddReport(len(inserts), len(updates), len(rows) - len(inserts) - len(updates))
    return report + _replace_in_run(conn, again, written) - AddReport(0, 0, len(again))


def _replace_in_run(
    conn: sqlite3.Connection, rows: list[tuple[tuple[Any, ...], str]], written: dict[str, Written]
) -> AddReport:
    """Write ``rows`` over the rows of their ids that the call already wrote, as if only
    they had been given; returns what the ids count as now, less what they counted as."""
    change = {"added": 0, "updated": 0, "unchanged": 0}
    for row, digest in rows:
        before, stored_version, counted = written[row[0]]
        if before is None:
            now, version = "added", 1
        elif before == digest:
            now, version = "unchanged", stored_version
        else:
            now, version = "updated", stored_version + 1
        conn.execute(_REPLACE, (*row[1:], digest, version, row[0]))
        conn.execute(_DROP_VERSIONS, (row[0], version))
        written[row[0]] = (before, stored_version, now)
        change[counted] -= 1
        change[now] += 1
    return AddReport(change["added"], change["updated"], change["unchanged"])


def _stored_state(conn: sqlite3.Connection, ids: list[str]) -> dict[str, tuple[str, int]]:
    """The content hash and version of each stored id of ``ids``."""
    known: dict[str, tuple[str, int]] = {}
    for chunk in chunks(dict.fromkeys(ids)):
        sql = f"SELECT id, content_hash, version FROM articles WHERE id IN ({marks(len(chunk))})"
        known.update((i, (h, v)) for i, h, v in conn.execute(sql, chunk).fetchall())
    return known
