"""The SQLite store: the one place where storyline reads and writes a database.

One :class:`Store` holds one connection, the only writer (as datasette does). The file is in
WAL mode with ``synchronous=NORMAL``: every committed batch survives a killed process, and
readers (the web app, opened ``readonly``) never block the writer. Each batch of
:meth:`Store.add_articles` is one transaction, so an ingest interrupted at any point (Ctrl-C,
``kill -9``) leaves every committed batch and nothing of the others. Nothing stored carries a
timestamp: the same input gives the same database content.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import IncompatibleParametersError, NotFoundError, OptionsError, StoreError
from ..model import Article, Skipped
from . import digestrows, positions, schema, skiprows, staterows
from .adding import Written, add_batch
from .connection import DAMAGED, close_and_remove, connect, create_hint
from .rows import CHUNK, AddReport, check_json, chunks, clean, describe, marks, params_json
from .schema import ARTICLE_FIELDS, target_version
from .search import SearchHit, search
from .staterows import StateRows, StoredState

_COLUMNS = ", ".join(ARTICLE_FIELDS)
_SIGNATURE_PARAMS = "signature_params"
_SUPERSEDED = "superseded versions"
_SET_META = "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)"
_GET_META = "SELECT value FROM meta WHERE key = ?"


class Store:
    """A storyline database: articles (with previous versions), full-text search, skipped
    inputs, stage signatures and state, and the latest digest.

    ``path=None`` makes a temporary database, removed on :meth:`close`. ``readonly`` opens
    the file with ``mode=ro`` and never migrates. An older schema is migrated on open; a
    newer one, or a file that is not a storyline database, raises :class:`StoreError`;
    read-only, so does an older one, unless it is at least ``oldest`` (for a caller whose
    reads need no newer table, such as search: see ``schema.ARTICLES_SINCE``).
    """

    path: Path

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        readonly: bool = False,
        create: bool = True,
        oldest: int | None = None,
    ) -> None:
        self._lock = threading.RLock()
        self._dropped_skips: skiprows.Dropped = {}  # by forget_skipped, with their numbers
        self._readonly = readonly
        self._oldest = target_version() if oldest is None else oldest
        tempdir: str | None = None
        if path is None:
            if readonly:
                raise OptionsError("a temporary database cannot be opened read-only")
            tempdir = tempfile.mkdtemp(prefix="storyline-")
            self.path = Path(tempdir) / "storyline.db"
        else:
            self.path = Path(path)
        try:
            self._conn = connect(self.path, readonly, create)
        except BaseException:
            if tempdir is not None:
                shutil.rmtree(tempdir, ignore_errors=True)
            raise
        self._finalizer = weakref.finalize(self, close_and_remove, self._conn, tempdir)
        self._closed = False
        try:
            self._version = self._open_schema()
        except BaseException:
            self.close()
            raise

    # -- lifecycle -------------------------------------------------------------------------

    def close(self) -> None:
        """Close the connection (a temporary database is deleted). Safe to call twice."""
        with self._lock:
            self._closed = True
            self._finalizer()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "readonly" if self._readonly else "read-write"
        return f"Store({str(self.path)!r}, {mode}, schema v{self._version})"

    @property
    def readonly(self) -> bool:
        return self._readonly

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return self._version

    # -- connection plumbing ---------------------------------------------------------------

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """Turn SQLite errors into StoreError naming the file."""
        if self._closed:
            raise StoreError(f"the store {self.path} is closed")
        try:
            yield
        except sqlite3.Error as exc:
            message = str(exc)
            if "locked" in message or "busy" in message:
                message += " (another storyline process is writing to it?)"
            elif "readonly" in message or "read-only" in message:
                message += (
                    " (opened read-only)"
                    if self._readonly
                    else " (the file, or the folder it is in, cannot be written: check their"
                    " permissions; `storyline digest --db FILE` without PATHS still reads it)"
                )
            elif "malformed" in message:
                message += DAMAGED
            raise StoreError(f"{self.path}: {message}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on success, rolled back on any exception
        (KeyboardInterrupt included), so a batch is stored whole or not at all."""
        if self._readonly:
            raise StoreError(f"{self.path} is open read-only; it cannot be written")
        with self._lock, self._errors():
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _read(self, sql: str, params: Iterable[Any] = ()) -> list[Any]:
        with self._lock, self._errors():
            return self._conn.execute(sql, tuple(params)).fetchall()

    # -- schema ----------------------------------------------------------------------------

    def _open_schema(self) -> int:
        """Check that the file is a storyline database and bring it to the current version."""
        try:
            tables = {row[0] for row in self._read("SELECT name FROM sqlite_master")}
        except StoreError as exc:
            cause = exc.__cause__
            hint = DAMAGED if "malformed" in str(cause) else ""
            raise StoreError(f"{self.path} is not a SQLite database ({cause}){hint}") from exc
        if tables and not self._is_storyline(tables):
            raise StoreError(
                f"{self.path} is a SQLite database but not a storyline one; "
                "refusing to change it (choose another --db file)"
            )
        version = self._read_version() if tables else 0
        if version > target_version():
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this storyline "
                f"understands ({target_version()}); upgrade storyline to read it"
            )
        if self._readonly:
            if version == 0:
                raise StoreError(f"{self.path} holds no storyline data; {create_hint(self.path)}")
            if version < self._oldest:
                raise StoreError(
                    f"{self.path} has schema version {version}, older than {target_version()}, "
                    f"and is open read-only; run `storyline migrate --db {self.path}` first "
                    "(on a writable copy if this file cannot be written)"
                )
            self._read("PRAGMA query_only = ON")
            return version
        self._version = version
        for pragma in ("journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON"):
            self._read(f"PRAGMA {pragma}")
        return self.migrate()

    def _is_storyline(self, tables: set[str]) -> bool:
        return {"meta", "migrations"} <= tables and self.meta("application") == schema.APPLICATION

    def _read_version(self) -> int:
        rows = self._read("SELECT name FROM sqlite_master WHERE name = 'migrations'")
        if not rows:
            return 0
        return int(self._read("SELECT coalesce(max(version), 0) FROM migrations")[0][0])

    def migrate(self) -> int:
        """Apply pending migrations, each in its own transaction; return the version."""
        if self._readonly:
            raise StoreError(f"{self.path} is open read-only; it cannot be migrated")
        for migration in schema.pending(self._version):
            with self._transaction() as conn:
                if self._read_version() >= migration.version:
                    continue  # another process migrated first
                migration.apply(conn)
                conn.execute(
                    "INSERT INTO migrations (version, name) VALUES (?, ?)",
                    (migration.version, migration.name),
                )
        self._version = self._read_version()
        return self._version

    # -- articles --------------------------------------------------------------------------

    def add_articles(
        self,
        articles: Iterable[Article],
        *,
        batch_size: int = 500,
        on_batch: Callable[[AddReport], None] | None = None,
    ) -> AddReport:
        """Store ``articles``, streaming, ``batch_size`` per transaction.

        An id not yet stored is added; the same id with the same content (every field but
        path and record) is unchanged; with other content it is updated and the previous
        version kept (see :meth:`versions`). An id given twice is stored as the later
        article, counted and versioned as if only that one had been given. ``on_batch`` gets
        each batch's own report, after its commit. Returns the totals.
        """
        if batch_size < 1:
            raise OptionsError(f"batch_size must be at least 1, not {batch_size}")
        total = AddReport(0, 0, 0)
        written: dict[str, Written] = {}  # what this call wrote of each id, see _add_batch
        for batch in chunks(articles, batch_size):
            report = self._add_batch(batch, written)
            total = total + report
            if on_batch is not None:
                on_batch(report)
        return total

    def _add_batch(self, batch: list[Article], written: dict[str, Written]) -> AddReport:
        with self._transaction() as conn:
            return add_batch(conn, batch, written)

    @staticmethod
    def _stored_hashes(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
        known: dict[str, str] = {}
        for chunk in chunks(dict.fromkeys(ids)):
            sql = f"SELECT id, content_hash FROM articles WHERE id IN ({marks(len(chunk))})"
            known.update(conn.execute(sql, chunk).fetchall())
        return known

    def content_hashes(self, ids: Iterable[str]) -> dict[str, str]:
        """The content hash of each stored id of ``ids`` (see :func:`rows.content_hash`)."""
        with self._lock, self._errors():
            return self._stored_hashes(self._conn, list(ids))

    def count_articles(self) -> int:
        return int(self._read("SELECT count(*) FROM articles")[0][0])

    def article(self, article_id: str) -> Article:
        """The stored article ``article_id``; NotFoundError when there is none."""
        rows = self._read(f"SELECT {_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        if not rows:
            raise NotFoundError(f"no article {article_id!r} in {self.path}")
        return Article(*rows[0])

    def versions(self, article_id: str) -> list[Article]:
        """The previous versions of an article, oldest first (the current one excluded)."""
        self.article(article_id)
        rows = self._read(
            f"SELECT {_COLUMNS.replace('id,', 'article_id,', 1)} FROM article_versions "
            "WHERE article_id = ? ORDER BY version",
            (article_id,),
        )
        return [Article(*row) for row in rows]

    def articles(self, ids: Iterable[str] | None = None) -> Iterator[Article]:
        """Stored articles (all, or those of ``ids``): dated ones by (published, id), then
        undated ones in insertion order. Read page by page; unknown ids raise NotFoundError
        before anything is yielded."""
        if ids is None:
            return (Article(*row[:-2]) for row in self._pages(_COLUMNS))
        return self._selected(self._ordered_keys(ids))

    def article_ids(self) -> list[str]:
        """Every article id, in the order of :meth:`articles`."""
        return [row[0] for row in self._pages("id")]

    def stored_order(self, ids: Iterable[str]) -> dict[str, int]:
        """The position at which each of ``ids`` was first stored (larger: stored later; an
        update keeps the position). Unknown ids are left out."""
        order: dict[str, int] = {}
        for chunk in chunks(dict.fromkeys(ids)):
            sql = f"SELECT id, seq FROM articles WHERE id IN ({marks(len(chunk))})"
            order.update(self._read(sql, chunk))
        return order

    def stored_after(
        self, after: positions.Positions, upto: positions.Positions | None = None
    ) -> positions.StoredAfter:
        """What was stored after ``after`` and up to ``upto`` (None: up to now), and how far
        each kind goes now (see :mod:`.positions`)."""
        return positions.stored_after(self._read, self._version, after, upto)

    def meta(self, key: str) -> str | None:
        """The value kept under ``key`` in the meta table (None: there is none)."""
        return next((str(row[0]) for row in self._read(_GET_META, (key,))), None)

    def set_meta(self, values: Mapping[str, str | None]) -> None:
        """Keep ``values`` in the meta table in one transaction; None removes a key."""
        with self._transaction() as conn:
            for key, value in values.items():
                if value is None:
                    conn.execute("DELETE FROM meta WHERE key = ?", (key,))
                else:
                    conn.execute(_SET_META, (key, value))

    def _pages(self, columns: str) -> Iterator[tuple[Any, ...]]:
        """Rows of ``columns`` (plus two paging keys) in article order, by keyset paging: no
        cursor stays open between pages, and each page is an index range scan (the WHERE
        clauses are written so that SQLite picks articles_by_date, then the seq key)."""
        select = f"SELECT {columns}, published, id FROM articles WHERE"
        order = "ORDER BY published, id LIMIT ?"
        rows = self._read(f"{select} published > '' {order}", (CHUNK,))
        while rows:
            yield from rows
            after = (rows[-1][-2], rows[-1][-1])  # a dated key: NULL and '' sort below it
            rows = self._read(f"{select} (published, id) > (?, ?) {order}", (*after, CHUNK))
        undated = (
            f"SELECT {columns}, seq, seq FROM articles "
            "WHERE seq > ? AND coalesce(published, '') = '' ORDER BY seq LIMIT ?"
        )
        rows = self._read(undated, (0, CHUNK))
        while rows:
            yield from rows
            rows = self._read(undated, (rows[-1][-1], CHUNK))

    def _ordered_keys(self, ids: Iterable[str]) -> list[str]:
        """``ids`` (deduplicated) in article order; NotFoundError naming any unknown one."""
        wanted = list(dict.fromkeys(ids))
        keys: list[tuple[int, str, str, int, str]] = []
        for chunk in chunks(wanted):
            rows = self._read(
                f"SELECT id, published, seq FROM articles WHERE id IN ({marks(len(chunk))})",
                chunk,
            )
            keys.extend((0, p, i, 0, i) if p else (1, "", "", s, i) for i, p, s in rows)
        if len(keys) < len(wanted):
            found = {key[4] for key in keys}
            missing = [i for i in wanted if i not in found]
            shown = ", ".join(repr(i) for i in missing[:5])
            raise NotFoundError(f"{len(missing)} article id(s) not in {self.path}: {shown}")
        keys.sort()
        return [key[4] for key in keys]

    def _selected(self, ordered: list[str]) -> Iterator[Article]:
        for chunk in chunks(ordered):
            sql = f"SELECT {_COLUMNS} FROM articles WHERE id IN ({marks(len(chunk))})"
            by_id = {row[0]: row for row in self._read(sql, chunk)}
            yield from (Article(*by_id[i]) for i in chunk)

    def update_texts(self, texts: Iterable[tuple[str, str]]) -> int:
        """Replace the cleaned text of articles (raw text and content hash stay), one
        transaction per batch; returns how many texts actually changed. Stored signatures of
        a changed text are dropped (they describe the old text)."""
        return self._update_column("text", texts)

    def update_titles(self, titles: Iterable[tuple[str, str]]) -> int:
        """Replace the title of articles, as the clean stage re-derives a title made from a
        first line it cut (content hash stays); returns how many titles actually changed."""
        return self._update_column("title", titles)

    def _update_column(self, column: str, values: Iterable[tuple[str, str]]) -> int:
        changed = 0
        for batch in chunks(values):
            rows = [(clean(value), article_id, clean(value)) for article_id, value in batch]
            with self._transaction() as conn:
                ids = list(dict.fromkeys(row[1] for row in rows))
                found = self._stored_hashes(conn, ids)
                if len(found) < len(ids):
                    missing = ", ".join(repr(i) for i in ids if i not in found)
                    raise NotFoundError(f"cannot update {column}s: no article {missing}")
                sql = f"UPDATE articles SET {column} = ? WHERE id = ? AND {column} IS NOT ?"
                changed += conn.executemany(sql, rows).rowcount
        return changed

    # -- skipped inputs --------------------------------------------------------------------

    def add_skipped(self, skipped: Iterable[Skipped]) -> None:
        """Record skipped inputs; the same (path, record, reason) is recorded once. One that
        :meth:`forget_skipped` dropped keeps its number (see :mod:`.skiprows`)."""
        for batch in chunks(skipped):
            rows = [(clean(s.path), s.record, clean(s.reason)) for s in batch]
            with self._transaction() as conn:
                skiprows.add(conn, rows, self._dropped_skips)

    def forget_skipped(self, paths: Iterable[str]) -> None:
        """Drop what was recorded as skipped for ``paths`` (read again: their new skips, if
        any, are recorded after, numbered past every number given so far)."""
        for batch in chunks(paths):
            with self._transaction() as conn:
                skiprows.forget(conn, [clean(path) for path in batch], self._dropped_skips)

    def skipped(self) -> list[Skipped]:
        """Every skipped input, by path, record and reason."""
        rows = self._read("SELECT path, reason, record FROM skipped ORDER BY path, record, reason")
        return [Skipped(path, reason, record) for path, reason, record in rows]

    # -- search ----------------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text matches ``query`` (words, phrases, prefixes, OR,
        -word), best first (see :func:`storyline.store.search.search`)."""
        hits = search(self._read, query, limit)
        later = self.superseded() if hits else {}
        return [replace(hit, superseded_by=later.get(hit.article_id, "")) for hit in hits]

    # -- signatures ------------------------------------------------------------------------

    def save_signatures(
        self, params: Mapping[str, int | float | str], rows: Iterable[tuple[str, bytes]]
    ) -> None:
        """Store (article id, signature) rows made with ``params``, replacing older rows of
        the same ids. Signatures made with other parameters may not be mixed with stored
        ones: that raises IncompatibleParametersError (see :meth:`clear_signatures`)."""
        encoded = params_json(params)
        sql = "INSERT OR REPLACE INTO signatures (article_id, signature) VALUES (?, ?)"
        with self._transaction() as conn:
            self._check_params(conn, params)
            conn.execute(_SET_META, (_SIGNATURE_PARAMS, encoded))
        for batch in chunks(rows):
            with self._transaction() as conn:
                self._check_params(conn, params)
                try:
                    conn.executemany(sql, [(i, bytes(sig)) for i, sig in batch])
                except sqlite3.IntegrityError as exc:
                    raise NotFoundError(
                        f"cannot save signatures: an article id is not in {self.path} ({exc})"
                    ) from exc

    def load_signatures(self, params: Mapping[str, int | float | str]) -> dict[str, bytes]:
        """Stored signatures by article id (sorted); empty when none is stored. Raises
        IncompatibleParametersError when they were made with other ``params``."""
        params_json(params)
        with self._lock, self._errors():
            self._check_params(self._conn, params)
            rows = self._conn.execute(
                "SELECT article_id, signature FROM signatures ORDER BY article_id"
            ).fetchall()
        return {article_id: bytes(signature) for article_id, signature in rows}

    def clear_signatures(self) -> None:
        """Forget every stored signature and their parameters (to recompute with new ones)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM signatures")
            conn.execute("DELETE FROM meta WHERE key = ?", (_SIGNATURE_PARAMS,))

    def _check_params(self, conn: sqlite3.Connection, params: Mapping[str, Any]) -> None:
        stored = conn.execute(_GET_META, (_SIGNATURE_PARAMS,))
        row = stored.fetchone()
        if row is None or json.loads(row[0]) == dict(params):
            return
        if conn.execute("SELECT 1 FROM signatures LIMIT 1").fetchone() is None:
            return
        raise IncompatibleParametersError(
            f"the signatures stored in {self.path} were made with {describe(json.loads(row[0]))}"
            f", not {describe(params)}: they cannot be compared. Use the stored parameters, "
            "or clear the stored signatures to recompute them"
        )

    # -- stage state and digest ------------------------------------------------------------

    def save_state(self, name: str, payload: str) -> None:
        """Keep a stage's state (JSON text) under ``name``, replacing the previous one."""
        if not name:
            raise OptionsError("a state needs a name")
        self._check_json(f"state {name!r}", payload)
        with self._transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO state (name, payload) VALUES (?, ?)", (name, payload)
            )

    def save_story_state(self, rows: StateRows, replaces: str = "") -> int:
        """Save the rows of the story state (see :mod:`.staterows`) in one transaction: a
        crash or Ctrl-C midway leaves the state saved before whole. ``replaces`` names a row
        of ``state`` holding the state the old way, deleted with it. Returns the generation."""
        with self._transaction() as conn:
            generation = staterows.write(conn, rows, self.path)
            conn.execute("DELETE FROM state WHERE name = ?", (replaces,))
        return generation

    def load_story_state(self) -> StoredState | None:
        """The saved story state (None if none), read in one transaction (one snapshot)."""
        with self._lock, self._errors():
            self._conn.execute("BEGIN")
            try:
                return staterows.read(self._conn, self.path)
            finally:
                self._conn.execute("ROLLBACK")

    def index_postings(self, table: str, keys: list[str]) -> dict[str, list[int]]:
        """The stored postings of ``keys`` in ``table`` (``story_postings`` or
        ``topic_postings``, see :mod:`.staterows`): which records hold each key."""
        with self._lock, self._errors():
            return staterows.holders(self._conn, table, keys)

    def save_superseded(self, later: Mapping[str, str]) -> None:
        """Keep which article ids the last analysis left out as earlier versions of a page
        (id -> the id of the version read instead), for search to say so."""
        payload = json.dumps(dict(later), sort_keys=True)
        if payload != (self.load_state(_SUPERSEDED) or "{}"):
            self.save_state(_SUPERSEDED, payload)

    def superseded(self) -> dict[str, str]:
        """What :meth:`save_superseded` kept last (empty before any analysis)."""
        saved = self.load_state(_SUPERSEDED)
        return {str(k): str(v) for k, v in json.loads(saved).items()} if saved else {}

    def load_state(self, name: str) -> str | None:
        """The state saved under ``name``, or None when that stage never saved one."""
        rows = self._read("SELECT payload FROM state WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def save_digest(self, digest_json: str, *, check: bool = True) -> None:
        """Keep the latest run's digest (JSON text), replacing the previous one: only its
        pieces that changed are written (see :mod:`.digestrows`), the same text not at all.
        ``check=False`` skips checking that it is JSON (for a text that
        :func:`storyline.render.to_json` just wrote: parsing it costs a second at 20k)."""
        whole = digestrows.text_hash(digest_json)
        if self.digest_hash() == whole:
            return
        if check:
            self._check_json("digest", digest_json)
        with self._transaction() as conn:
            digestrows.write(conn, digest_json, whole)

    def load_digest(self) -> str | None:
        """The latest digest JSON, or None when no run has saved one yet."""
        with self._lock, self._errors():
            return digestrows.read(self._conn, self.path)

    def digest_hash(self) -> str | None:
        """The SHA-256 of the latest digest JSON (UTF-8), or None when none is saved."""
        with self._lock, self._errors():
            return digestrows.stored_hash(self._conn)

    # -- stage results kept between runs -------------------------------------------------

    def result_fingerprints(self, kind: str) -> dict[str, str]:
        """Key -> fingerprint of the inputs of each stored ``kind`` result."""
        rows = self._read("SELECT key, fingerprint FROM results WHERE kind = ?", (kind,))
        return {str(key): str(fingerprint) for key, fingerprint in rows}

    def stored_result(self, kind: str, key: str) -> str | None:
        """The stored ``kind`` result under ``key`` (JSON text), or None."""
        rows = self._read("SELECT payload FROM results WHERE kind = ? AND key = ?", (kind, key))
        return str(rows[0][0]) if rows else None

    def stored_results(self, kind: str, keys: Iterable[str]) -> dict[str, str]:
        """The stored ``kind`` results under ``keys`` (JSON text by key; missing keys left
        out), read a few hundred keys per query: one query per key costs seconds at 20k."""
        found: dict[str, str] = {}
        for chunk in chunks(dict.fromkeys(keys)):
            where = f"kind = ? AND key IN ({marks(len(chunk))})"
            sql = f"SELECT key, payload FROM results WHERE {where}"
            found.update((str(k), str(v)) for k, v in self._read(sql, (kind, *chunk)))
        return found

    def save_results(self, kind: str, rows: Iterable[tuple[str, str, str]]) -> None:
        """Store (key, fingerprint, payload) rows of ``kind``, replacing older ones."""
        with self._transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO results (kind, key, fingerprint, payload) "
                "VALUES (?, ?, ?, ?)",
                ((kind, key, fingerprint, payload) for key, fingerprint, payload in rows),
            )

    def forget_results(self, kind: str, current: set[str]) -> None:
        """Drop the ``kind`` results whose key is not in ``current``."""
        with self._transaction() as conn:
            query = "SELECT key FROM results WHERE kind = ?"
            gone = [(kind, row[0]) for row in conn.execute(query, (kind,)) if row[0] not in current]
            conn.executemany("DELETE FROM results WHERE kind = ? AND key = ?", gone)

    def _check_json(self, what: str, payload: str) -> None:
        check_json(self.path, what, payload)
