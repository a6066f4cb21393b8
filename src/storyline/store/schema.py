"""The storyline schema as a registry of numbered migrations.

Each migration is a function of a connection that runs inside the transaction that also
records it in the ``migrations`` table, so a database is always at exactly one version: a
crash mid-migration leaves the previous version intact. Version 1 creates everything; a
later change appends ``Migration(2, "...", _v2)`` to :data:`MIGRATIONS` and never edits an
earlier entry. The version of a database is the highest row of its ``migrations`` table; a
database with no table at all is version 0 (new).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from . import digestrows, staterows

APPLICATION = "storyline"

# Columns of ``articles`` that hold an Article's fields, in Article field order.
ARTICLE_FIELDS = (
    "id",
    "title",
    "text",
    "raw_text",
    "source",
    "url",
    "published",
    "published_origin",
    "language",
    "path",
    "record",
)


@dataclass(frozen=True)
class Migration:
    """One numbered schema step; ``apply`` runs inside the migration's transaction."""

    version: int
    name: str
    apply: Callable[[sqlite3.Connection], None]


_V1 = (
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID""",
    f"INSERT INTO meta (key, value) VALUES ('application', '{APPLICATION}')",
    """CREATE TABLE migrations (
        version INTEGER PRIMARY KEY,
        name TEXT NOT NULL
    )""",
    # seq is an explicit rowid alias so insertion order survives VACUUM.
    """CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        published TEXT,
        published_origin TEXT NOT NULL,
        language TEXT NOT NULL,
        path TEXT NOT NULL,
        record INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1
    )""",
    "CREATE INDEX articles_by_date ON articles (published, id)",
    """CREATE TABLE article_versions (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        raw_text TEXT NOT NULL,
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        published TEXT,
        published_origin TEXT NOT NULL,
        language TEXT NOT NULL,
        path TEXT NOT NULL,
        record INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
    )""",
    # A new content hash means new input: keep the previous version before it is overwritten.
    """CREATE TRIGGER articles_keep_version BEFORE UPDATE OF content_hash ON articles
    WHEN old.content_hash IS NOT new.content_hash BEGIN
        INSERT INTO article_versions (article_id, version, title, text, raw_text, source, url,
            published, published_origin, language, path, record, content_hash)
        VALUES (old.id, old.version, old.title, old.text, old.raw_text, old.source, old.url,
            old.published, old.published_origin, old.language, old.path, old.record,
            old.content_hash);
    END""",
    """CREATE TABLE skipped (
        seq INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        record INTEGER NOT NULL,
        reason TEXT NOT NULL,
        UNIQUE (path, record, reason)
    )""",
    """CREATE TABLE signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        signature BLOB NOT NULL
    )""",
    # A signature describes the text it was computed from: a new text makes it stale.
    """CREATE TRIGGER articles_stale_signature AFTER UPDATE OF text ON articles
    WHEN old.text IS NOT new.text BEGIN
        DELETE FROM signatures WHERE article_id = new.id;
    END""",
    """CREATE TABLE state (
        name TEXT PRIMARY KEY,
        payload TEXT NOT NULL
    )""",
    """CREATE TABLE digest (
        slot INTEGER PRIMARY KEY CHECK (slot = 1),
        payload TEXT NOT NULL
    )""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text, content = 'articles', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text)
        VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
    END""",
)


def _v1(conn: sqlite3.Connection) -> None:
    """Create every table: articles (+ versions, FTS5 index), skipped, signatures, state."""
    for statement in _V1:
        conn.execute(statement)


def _v2(conn: sqlite3.Connection) -> None:
    """Stage results (a story's timeline or summary, a pair's relation) with the fingerprint
    of the inputs they were computed from, so that a later run recomputes only what changed."""
    conn.execute(
        """CREATE TABLE results (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            payload TEXT NOT NULL,
            PRIMARY KEY (kind, key)
        ) WITHOUT ROWID"""
    )


def _v3(conn: sqlite3.Connection) -> None:
    """The story state by record (see :mod:`.staterows`), so that a run writes what it
    changed. A state stored the old way, as one text in ``state``, is read until the next
    save replaces it."""
    staterows.create(conn)


def _v4(conn: sqlite3.Connection) -> None:
    """The digest kept in pieces (see :mod:`.digestrows`), so that a run writes the pieces
    it changed; a digest kept whole is moved into them."""
    digestrows.create(conn)


def _v5(conn: sqlite3.Connection) -> None:
    """The postings of the story state's index keys (see :mod:`.staterows`), so that a run
    reads those of its new articles' keys instead of indexing every story; a state saved
    before has none, and is indexed whole until its next save writes them."""
    staterows.create_postings(conn)


def _v6(conn: sqlite3.Connection) -> None:
    """The storing order of article updates (a new text read for a stored id), so that a
    digest can say which articles were updated since the previous one (see
    :mod:`storyline.changes`): ``article_versions`` keeps the texts, not when they came."""
    conn.execute(
        """CREATE TABLE article_updates (
            seq INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL
        )"""
    )
    conn.execute(
        """CREATE TRIGGER articles_log_update AFTER UPDATE OF content_hash ON articles
        WHEN old.content_hash IS NOT new.content_hash BEGIN
            INSERT INTO article_updates (article_id) VALUES (new.id);
        END"""
    )


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create articles, search, signatures", _v1),
    Migration(2, "keep stage results between runs", _v2),
    Migration(3, "keep the story state by record", _v3),
    Migration(4, "keep the digest in pieces", _v4),
    Migration(5, "keep the story index postings", _v5),
    Migration(6, "keep the order of article updates", _v6),
)

SCHEMA_VERSION: int = MIGRATIONS[-1].version

# The oldest schema that search and compare read as it is: they read ``articles``, its FTS
# index and ``state`` (version 1), so a read-only file of an older schema still answers them.
ARTICLES_SINCE = 1


def target_version() -> int:
    """The version this code expects: the last registered migration (read at call time)."""
    return max(m.version for m in MIGRATIONS)


def pending(current: int) -> list[Migration]:
    """Migrations newer than ``current``, in order."""
    return sorted((m for m in MIGRATIONS if m.version > current), key=lambda m: m.version)
