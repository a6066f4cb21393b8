"""search and compare only read: a read-only file of an older schema still answers them."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import storyline
from storyline.cli import cli
from storyline.errors import StoreError
from storyline.store import SCHEMA_VERSION, Store
from storyline.store.staterows import RECORD_TABLES

DIGEST_TABLES = ("digest_pieces", "digest_order", "story_postings", "topic_postings")
LATER_TABLES = ("article_updates",)  # version 6

ARTICLES = [
    {"id": "a1", "title": "Zutai dam holds", "text": "The Zutai dam held through the storm."},
    {"id": "a2", "title": "Zutai dam repaired", "text": "Crews repaired the Zutai dam today."},
]


def _old_database(tmp_path: Path) -> Path:
    """A database of schema version 1 (before the results table of version 2, the story
    state tables of version 3, the digest pieces of version 4, the postings of version 5 and
    the log of article updates of version 6)."""
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(item) + "\n" for item in ARTICLES))
    db = tmp_path / "old.db"
    assert CliRunner().invoke(cli, ["ingest", str(feed), "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as conn:
        tables = ("results", "story_head", "story_df", *RECORD_TABLES, *DIGEST_TABLES)
        for table in (*tables, *LATER_TABLES):
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DROP TRIGGER articles_log_update")
        conn.execute("DELETE FROM migrations WHERE version >= 2")
    conn.close()
    return db


def _version(db: Path) -> int:
    with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as conn:
        version = int(conn.execute("SELECT max(version) FROM migrations").fetchone()[0])
    conn.close()
    return version


def _unwritable(monkeypatch: pytest.MonkeyPatch) -> None:
    # As root, permissions cannot make a file unwritable: what storyline asks is faked.
    monkeypatch.setattr("storyline.api.os.access", lambda path, mode: not mode & os.W_OK)


def test_search_and_compare_read_an_old_read_only_file_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = _old_database(tmp_path)
    stored = db.read_bytes()
    _unwritable(monkeypatch)
    runner = CliRunner()
    found = runner.invoke(cli, ["search", "Zutai", "--db", str(db), "--format", "json"])
    assert found.exit_code == 0, found.output
    assert sorted(hit["article_id"] for hit in json.loads(found.stdout)) == ["a1", "a2"]
    compared = runner.invoke(cli, ["compare", "a1", "a2", "--db", str(db)])
    assert compared.exit_code == 0, compared.output
    assert [hit.article_id for hit in storyline.search("storm", db=db)] == ["a1"]
    assert (_version(db), db.read_bytes()) == (1, stored)


def test_an_old_file_opened_read_only_for_more_than_articles_names_the_way_out(
    tmp_path: Path,
) -> None:
    db = _old_database(tmp_path)
    with pytest.raises(StoreError) as error:
        Store(db, readonly=True)
    assert str(error.value) == (
        f"{db} has schema version 1, older than 6, and is open read-only; run `storyline "
        f"migrate --db {db}` first (on a writable copy if this file cannot be written)"
    )
    with Store(db, readonly=True, oldest=1) as store:
        assert store.schema_version == 1 and store.count_articles() == 2


def test_a_writable_old_file_is_still_migrated_by_search(tmp_path: Path) -> None:
    db = _old_database(tmp_path)
    assert [hit.article_id for hit in storyline.search("repaired", db=db)] == ["a2"]
    assert _version(db) == SCHEMA_VERSION
