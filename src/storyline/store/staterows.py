"""The story state kept by record: what the store reads and writes for it, and how.

The state of the story stage was one JSON text, parsed whole and written whole by every run
(at 100k articles, 364 MB: 28 s of a run that adds 1,000). Kept as rows, a run writes the
records it changed: the stories and topics it touched, its new assignments and the document
counts of the terms it saw. The rows are opaque text to the store (the stage encodes them);
the store numbers them, keeps their head (small JSON values by key) and a generation, raised
by every save, so that changes are only ever written onto the state they were made from.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
from typing import Any

import numpy as np

from ..errors import StoreError

# The record tables of the story state, in the order they are read and written.
RECORD_TABLES = ("story_records", "topic_records", "story_assignments")
_GENERATION = "generation"
_BATCH = 2000


# A record row: its number, its payload, and its vectors when they are kept apart (large
# texts that a run reads for few records: not parsed with the payloads, see StoredState).
Record = tuple[int, str, str | None]
# Which stories, and which topics, hold each index key, in the order the stage indexes them
# (schema version 5): a run that adds articles reads the postings of their keys instead of
# indexing every story first. The head's KEYED value says whether they are all there.
POSTINGS = ("story_postings", "topic_postings")
KEYED = "keyed"
Posting = tuple[str, list[int]]


@dataclass(frozen=True)
class StateRows:
    """Rows of a story state to save.

    ``base`` is the generation the state was read at: the rows are then its changes, put
    over the stored rows (a state only grows: no record is dropped). None: they are the
    whole state, replacing whatever is stored.
    """

    head: Mapping[str, str]
    records: tuple[Iterable[Record], Iterable[Record], Iterable[Record]]
    df: Iterable[tuple[str, int]]
    base: int | None
    # The postings of the stories' and topics' index keys that changed (key, numbers; an
    # empty list drops the key), and whether they are all of them (the tables are then
    # replaced). None: not kept, and the stored ones are marked out of date (see POSTINGS).
    postings: tuple[Iterable[Posting], Iterable[Posting], bool] | None = None


@dataclass(frozen=True)
class StoredState:
    """A stored story state: its head, its records in order (stories, topics and
    assignments: their payloads, and their vectors or None), document counts by term, and
    the generation they were saved as."""

    generation: int
    head: dict[str, str]
    records: tuple[Payloads, Payloads, Payloads]
    df: list[tuple[str, int]]
    keyed: bool = False  # whether POSTINGS hold the postings of every index key


Payloads = tuple[list[str], list[str | None]]


def create(conn: sqlite3.Connection) -> None:
    """The tables (the schema's migration 3)."""
    conn.execute(
        "CREATE TABLE story_head (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID"
    )
    for table in RECORD_TABLES:
        columns = "number INTEGER PRIMARY KEY, payload TEXT NOT NULL, vectors TEXT"
        conn.execute(f"CREATE TABLE {table} ({columns})")
    conn.execute(
        "CREATE TABLE story_df (term TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID"
    )


def read(conn: sqlite3.Connection, path: object) -> StoredState | None:
    """The stored state, or None when none is stored; StoreError naming ``path`` when its
    records are not numbered 0, 1, 2... (a damaged state)."""
    head = dict(conn.execute("SELECT key, value FROM story_head").fetchall())
    if _GENERATION not in head:
        return None
    generation = int(head.pop(_GENERATION))
    keyed = head.pop(KEYED, "false") == "true"
    records: list[Payloads] = []
    for table in RECORD_TABLES:
        sql = f"SELECT number, payload, vectors FROM {table} ORDER BY number"
        rows = conn.execute(sql).fetchall()
        if rows and (rows[0][0], rows[-1][0]) != (0, len(rows) - 1):
            raise StoreError(f"{path}: the story state is damaged: {table} has gaps")
        records.append(([row[1] for row in rows], [row[2] for row in rows]))
        del rows
    df = conn.execute("SELECT term, count FROM story_df").fetchall()
    return StoredState(generation, head, (records[0], records[1], records[2]), df, keyed)


def write(conn: sqlite3.Connection, rows: StateRows, path: object) -> int:
    """Save ``rows`` (inside the caller's transaction); return the new generation. Changes
    made from another generation than the stored one raise StoreError, writing nothing."""
    found = conn.execute("SELECT value FROM story_head WHERE key = ?", (_GENERATION,)).fetchone()
    generation = int(found[0]) if found else 0
    if rows.base is None:
        conn.execute("DELETE FROM story_head")
        conn.execute("DELETE FROM story_df")
        for table in RECORD_TABLES:
            conn.execute(f"DELETE FROM {table}")
    elif found is None or rows.base != generation:
        raise StoreError(
            f"{path}: the story state changed since this run read it (another storyline run"
            " wrote to it?): nothing was saved; run again"
        )
    head: dict[str, Any] = {**rows.head, _GENERATION: str(generation + 1)}
    head[KEYED] = _write_postings(conn, rows)
    conn.executemany("INSERT OR REPLACE INTO story_head VALUES (?, ?)", head.items())
    for table, records in zip(RECORD_TABLES, rows.records, strict=True):
        _insert(conn, f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", records)
    _insert(conn, "INSERT OR REPLACE INTO story_df VALUES (?, ?)", rows.df)
    return generation + 1


def _write_postings(conn: sqlite3.Connection, rows: StateRows) -> str:
    """Write the postings of ``rows`` (see POSTINGS); the head's KEYED value after."""
    found = conn.execute("SELECT value FROM story_head WHERE key = ?", (KEYED,)).fetchone()
    keyed = rows.base is not None and found is not None and found[0] == "true"
    if rows.postings is None or not (rows.postings[2] or keyed):
        return "false"  # changes over postings that are not all there: still not all
    stories, topics, whole = rows.postings
    for table, changed in zip(POSTINGS, (stories, topics), strict=True):
        if whole:
            conn.execute(f"DELETE FROM {table}")
        iterator = iter(changed)
        while batch := list(islice(iterator, _BATCH)):
            kept = [(key, _packed(numbers)) for key, numbers in batch if numbers]
            gone = [(key,) for key, numbers in batch if not numbers]
            conn.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?)", kept)
            conn.executemany(f"DELETE FROM {table} WHERE key = ?", gone)
    return "true"


def holders(conn: sqlite3.Connection, table: str, keys: list[str]) -> dict[str, list[int]]:
    """The stored posting of each of ``keys`` that has one (``table``: one of POSTINGS)."""
    found: dict[str, list[int]] = {}
    for start in range(0, len(keys), _BATCH // 4):
        chunk = keys[start : start + _BATCH // 4]
        sql = f"SELECT key, numbers FROM {table} WHERE key IN ({', '.join('?' * len(chunk))})"
        found.update((key, _unpacked(numbers)) for key, numbers in conn.execute(sql, chunk))
    return found


def _packed(numbers: list[int]) -> bytes:
    """A posting as stored: 32-bit little-endian integers (parsing text took 1 s per 90k)."""
    return np.asarray(numbers, dtype="<i4").tobytes()


def _unpacked(blob: bytes) -> list[int]:
    return list(np.frombuffer(blob, dtype="<i4").tolist())


def create_postings(conn: sqlite3.Connection) -> None:
    """The tables of the postings (the schema's migration 5)."""
    for table in POSTINGS:
        conn.execute(f"CREATE TABLE {table} (key TEXT PRIMARY KEY, numbers BLOB NOT NULL)")


def _insert(conn: sqlite3.Connection, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
    """``rows`` inserted a batch at a time: the encoded records of a large state are not all
    held at once."""
    iterator = iter(rows)
    while batch := list(islice(iterator, _BATCH)):
        conn.executemany(sql, batch)
