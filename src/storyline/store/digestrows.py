"""The latest digest as the store keeps it: in pieces, so that a run writes what changed.

The digest JSON of a large corpus is tens of megabytes (73 MB at 20k generated articles),
and a run that adds ten articles changes a few of its items. Written whole, every run wrote
all of it (1.2 s at 20k, twice the bytes with the WAL) and read the old text back to compare.

The text is cut into pieces at content-defined places: before a top-level list item (a line
``    {`` at the digest's item indentation) whose opening text hashes to a multiple of
:data:`SPREAD`. A cut depends on the text around it alone, so an item added or changed
moves no cut elsewhere, and the other pieces are the same strings as before. Pieces are kept
by the SHA-256 of their text (``digest_pieces``), and the order that makes the digest from
them in one row (``digest_order``) with the SHA-256 of the whole: a save writes the pieces
not yet stored, drops those no longer used and replaces the order, in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from itertools import pairwise

import xxhash

from ..errors import StoreError

# About one item in SPREAD starts a piece: pieces of ~60 kB at the generated corpora.
SPREAD = 32
# The characters after an item's opening that decide whether a piece starts there: enough
# to hold the item's first field (its id, or its first article id, in every list).
_OPENING = 160
_ITEM = re.compile(r"\n    \{\n")


def create(conn: sqlite3.Connection) -> None:
    """The tables (the schema's migration 4), and a digest stored whole moved into them."""
    conn.execute("CREATE TABLE digest_pieces (hash TEXT PRIMARY KEY, payload TEXT NOT NULL)")
    conn.execute(
        """CREATE TABLE digest_order (
            slot INTEGER PRIMARY KEY CHECK (slot = 1),
            hashes TEXT NOT NULL,
            sha256 TEXT NOT NULL
        )"""
    )
    row = conn.execute("SELECT payload FROM digest WHERE slot = 1").fetchone()
    if row is not None:
        write(conn, str(row[0]))
        conn.execute("DELETE FROM digest")


def pieces(text: str) -> list[str]:
    """``text`` cut into pieces (see the module's description); they join to ``text``."""
    cuts = [0]
    for found in _ITEM.finditer(text):
        start = found.start()
        opening = text[start : start + _OPENING].encode("utf-8", "surrogatepass")
        if start > cuts[-1] and xxhash.xxh32_intdigest(opening) % SPREAD == 0:
            cuts.append(start)
    cuts.append(len(text))
    return [text[a:b] for a, b in pairwise(cuts) if b > a] or [text]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def stored_hash(conn: sqlite3.Connection) -> str | None:
    """The SHA-256 of the stored digest (None: none is stored)."""
    row = conn.execute("SELECT sha256 FROM digest_order WHERE slot = 1").fetchone()
    return str(row[0]) if row else None


def write(conn: sqlite3.Connection, text: str, whole: str = "") -> int:
    """Store ``text`` (its :func:`text_hash` ``whole``, if known) as the digest, inside the
    caller's transaction, writing only the pieces not stored yet; returns how many."""
    parts = pieces(text)
    hashes = [text_hash(part) for part in parts]
    held = {str(row[0]) for row in conn.execute("SELECT hash FROM digest_pieces")}
    fresh = {h: part for h, part in zip(hashes, parts, strict=True) if h not in held}
    conn.executemany("INSERT INTO digest_pieces (hash, payload) VALUES (?, ?)", fresh.items())
    wanted = set(hashes)
    conn.executemany(
        "DELETE FROM digest_pieces WHERE hash = ?", [(h,) for h in sorted(held - wanted)]
    )
    conn.execute(
        "INSERT OR REPLACE INTO digest_order (slot, hashes, sha256) VALUES (1, ?, ?)",
        (json.dumps(hashes), whole or text_hash(text)),
    )
    return len(fresh)


def read(conn: sqlite3.Connection, path: object) -> str | None:
    """The stored digest text (None: none is stored); StoreError naming ``path`` when a
    piece is missing (a damaged store)."""
    row = conn.execute("SELECT hashes FROM digest_order WHERE slot = 1").fetchone()
    if row is None:
        return None
    hashes: list[str] = json.loads(row[0])
    found: dict[str, str] = {}
    for start in range(0, len(hashes), 500):
        chunk = hashes[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        sql = f"SELECT hash, payload FROM digest_pieces WHERE hash IN ({marks})"
        found.update((str(h), str(p)) for h, p in conn.execute(sql, chunk))
    missing = [h for h in hashes if h not in found]
    if missing:
        raise StoreError(f"{path}: the stored digest is damaged: {len(missing)} piece(s) missing")
    return "".join(found[h] for h in hashes)
