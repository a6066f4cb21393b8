"""Tests of the SQLite store: schema and migrations, idempotent batched ingest, versions,
ordering, search, signatures, state, read-only use, and crash consistency (kill -9, Ctrl-C)."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers_store import article, generated_articles
from storyline.errors import NotFoundError, OptionsError, StoreError
from storyline.model import Article, Skipped
from storyline.store import MIGRATIONS, SCHEMA_VERSION, AddReport, Migration, Store, schema
from storyline.store import search as search_module


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "s.db") as opened:
        yield opened


def _sql(path: Path, query: str) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


# -- schema, pragmas, migrations -------------------------------------------------------------


def test_new_database_is_at_current_version_in_wal_mode(store: Store) -> None:
    assert store.schema_version == SCHEMA_VERSION == 6
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
    assert conn.execute("SELECT version, name FROM migrations").fetchall() == [
        (1, MIGRATIONS[0].name),
        (2, MIGRATIONS[1].name),
        (3, MIGRATIONS[2].name),
        (4, MIGRATIONS[3].name),
        (5, MIGRATIONS[4].name),
        (6, MIGRATIONS[5].name),
    ]
    assert store.migrate() == 6


def test_empty_file_is_version_zero_and_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "v0.db"
    sqlite3.connect(path).close()  # a valid, empty SQLite file: version 0
    assert path.stat().st_size == 0
    with Store(path, create=False) as opened:
        assert opened.schema_version == 6
        assert opened.count_articles() == 0


def _make_v1(path: Path) -> None:
    """A version-1 database made by hand, outside Store, holding one article."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    MIGRATIONS[0].apply(conn)
    conn.execute("INSERT INTO migrations VALUES (1, 'by hand')")
    conn.execute(
        "INSERT INTO articles (id, title, text, raw_text, source, url, published, "
        "published_origin, language, path, record, content_hash) VALUES "
        "('old', 'Old title', 'old text', 'old raw', 'Gazette', '', '2030-01-01', 'field', "
        "'en', 'a.txt', 0, 'x')"
    )
    conn.execute("COMMIT")
    conn.close()


def _later(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE TABLE notes (article_id TEXT REFERENCES articles (id), note TEXT)")
    conn.execute("INSERT INTO notes SELECT id, 'migrated' FROM articles")


def test_older_schema_is_migrated_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "v1.db"
    _make_v1(path)
    monkeypatch.setattr(schema, "MIGRATIONS", (*MIGRATIONS, Migration(7, "add notes", _later)))
    expected = r"older than 7, and is open read-only; run `storyline migrate --db .*v1\.db`"
    with pytest.raises(StoreError, match=expected):
        Store(path, readonly=True)
    with Store(path, create=False) as opened:
        assert opened.schema_version == 7
        assert opened.article("old").title == "Old title"
        assert opened.result_fingerprints("summary") == {}  # version 2's table is there
    assert _sql(path, "SELECT version, name FROM migrations ORDER BY version") == [
        (1, "by hand"),
        (2, MIGRATIONS[1].name),
        (3, MIGRATIONS[2].name),
        (4, MIGRATIONS[3].name),
        (5, MIGRATIONS[4].name),
        (6, MIGRATIONS[5].name),
        (7, "add notes"),
    ]
    assert _sql(path, "SELECT * FROM notes") == [("old", "migrated")]
    with Store(path, readonly=True) as reader:
        assert reader.schema_version == 7


def test_failed_migration_leaves_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "v1.db"
    _make_v1(path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x INTEGER)")
        conn.execute("SELECT * FROM no_such_table")

    monkeypatch.setattr(schema, "MIGRATIONS", (*MIGRATIONS, Migration(7, "broken", broken)))
    with pytest.raises(StoreError, match="no such table: no_such_table"):
        Store(path)
    names = {row[0] for row in _sql(path, "SELECT name FROM sqlite_master")}
    assert "half_done" not in names
    assert _sql(path, "SELECT max(version) FROM migrations") == [(6,)]


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES (8, 'from the future')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=r"schema version 8, newer than .* \(6\); upgrade"):
        Store(path)


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 10)
    with pytest.raises(StoreError, match=r"notes\.db is not a SQLite database"):
        Store(path)
    assert path.read_text().startswith("these are my notes")


def test_a_damaged_database_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.add_articles(
            Article(f"a{n}", f"Story {n}", "Ferries sail again. " * 200, "") for n in range(50)
        )
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a copy cut short
    damaged = pytest.raises(StoreError, match="damaged: restore it from a backup")
    with damaged as caught, Store(path) as store:
        store.count_articles()
        list(store.articles())
    assert "storyline digest PATHS --db NEW.db" in str(caught.value)


def test_foreign_sqlite_database_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a storyline one; refusing to change it"):
        Store(path)
    assert path.read_bytes() == before


def test_missing_database_with_create_false_names_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    expected = f"no database at {path}; create it with `storyline ingest PATH --db {path}`"
    with pytest.raises(StoreError) as error:
        Store(path, create=False)
    assert str(error.value) == expected
    with pytest.raises(StoreError, match="storyline ingest PATH --db"):
        Store(path, readonly=True)
    assert not path.exists()


def test_temporary_database_is_removed_on_close() -> None:
    opened = Store()
    opened.add_articles([article(1)])
    path = opened.path
    assert path.exists()
    opened.close()
    opened.close()  # twice is fine
    assert not path.exists() and not path.parent.exists()
    with pytest.raises(StoreError, match="is closed"):
        opened.count_articles()
    with pytest.raises(OptionsError):
        Store(None, readonly=True)


def test_parent_folders_are_created(tmp_path: Path) -> None:
    with Store(tmp_path / "a" / "b" / "s.db") as opened:
        assert opened.path.exists()


# -- articles: idempotence, versions, ordering ---------------------------------------------


def test_articles_round_trip_every_field(store: Store) -> None:
    original = dataclasses.replace(
        article(4), published="2031-05-05T10:00:00+02:00", published_origin="metadata", record=3
    )
    store.add_articles([original, article(3)])
    assert store.article(original.id) == original
    assert store.article(article(3).id).published is None
    assert store.article(original.id).raw_text.startswith("Site header\n")
    with pytest.raises(NotFoundError, match="no article 'nope'"):
        store.article("nope")


def test_ingest_twice_adds_nothing(store: Store) -> None:
    articles = [article(n) for n in range(1200)]
    first = store.add_articles(iter(articles), batch_size=500)
    assert first == AddReport(added=1200, updated=0, unchanged=0)
    again = store.add_articles(iter(articles), batch_size=500)
    assert again == AddReport(added=0, updated=0, unchanged=1200)
    assert store.count_articles() == 1200
    # The same article found in another file is the same article, not an update.
    moved = dataclasses.replace(articles[0], path="elsewhere/copy.txt", record=9)
    assert store.add_articles([moved]) == AddReport(0, 0, 1)
    assert store.article(moved.id).path == articles[0].path
    assert store.versions(moved.id) == []


def test_changed_content_updates_and_keeps_the_previous_version(store: Store) -> None:
    first = article(1)
    second = dataclasses.replace(first, text="Corrected: the ferry strike ended.")
    third = dataclasses.replace(second, title="Ferry strike over")
    assert store.add_articles([first]) == AddReport(1, 0, 0)
    assert store.add_articles([second]) == AddReport(0, 1, 0)
    # an id given twice in one call counts once
    assert store.add_articles([third, third]) == AddReport(0, 1, 0)
    assert store.article(first.id) == third
    assert store.versions(first.id) == [first, second]
    assert store.count_articles() == 1
    assert _sql(store.path, "SELECT version FROM articles") == [(3,)]


@pytest.mark.parametrize("batch_size", [10, 1])
def test_same_id_twice_in_one_call_is_stored_as_the_later_alone(
    store: Store, batch_size: int
) -> None:
    """A run may choose a later record of an id after writing an earlier one: the later one
    is stored as if only it had been given, in one batch or across two (on main: 1 added and
    1 updated, with the first kept as a version)."""
    first = article(2)
    changed = dataclasses.replace(first, text="Another wording.", path="b.txt")
    assert store.add_articles([first, changed], batch_size=batch_size) == AddReport(1, 0, 0)
    assert store.versions(first.id) == []
    assert store.article(first.id) == changed
    # Against what was stored before the call: the stored text given back is unchanged ...
    again = dataclasses.replace(first, text="A third wording.")
    assert store.add_articles([again, changed], batch_size=batch_size) == AddReport(0, 0, 1)
    assert store.versions(first.id) == [] and store.article(first.id) == changed
    # ... and a new one is one update, the stored one kept as the only version.
    assert store.add_articles([changed, again, first], batch_size=batch_size) == AddReport(0, 1, 0)
    assert store.versions(first.id) == [changed] and store.article(first.id) == first
    assert _sql(store.path, "SELECT version FROM articles") == [(2,)]


def test_order_is_dated_by_date_and_id_then_undated_by_insertion(store: Store) -> None:
    rows = [
        article(1, published="2031-02-01"),
        article(2, published=None),
        article(3, published="2031-01-15"),
        article(4, published=""),
        article(5, published="2031-02-01"),
        article(0, published=None),
        article(6, published="2031-02-01T08:00:00"),
    ]
    store.add_articles(rows, batch_size=2)
    expected = [
        "art-000003",
        "art-000001",
        "art-000005",
        "art-000006",
        "art-000002",
        "art-000004",
        "art-000000",
    ]
    assert store.article_ids() == expected
    assert [a.id for a in store.articles()] == expected
    picked = ["art-000000", "art-000005", "art-000002", "art-000003", "art-000005"]
    assert [a.id for a in store.articles(picked)] == [
        "art-000003",
        "art-000005",
        "art-000002",
        "art-000000",
    ]
    with pytest.raises(NotFoundError, match=r"1 article id\(s\) not in .*: 'ghost'"):
        store.articles(["art-000001", "ghost"])


def test_order_holds_across_pages(store: Store) -> None:
    numbers = list(range(1300))
    store.add_articles(article(n) for n in reversed(numbers))
    ids = store.article_ids()
    dated = sorted((a.published or "", a.id) for a in map(article, numbers) if a.published)
    undated = [article(n).id for n in reversed(numbers) if article(n).published is None]
    assert ids == [i for _, i in dated] + undated
    assert [a.id for a in store.articles()] == ids
    assert [a.id for a in store.articles(reversed(ids))] == ids


def test_update_texts(store: Store) -> None:
    store.add_articles([article(1), article(2)])
    cleaned = [("art-000001", "The ferry strike is over."), ("art-000002", article(2).text)]
    assert store.update_texts(cleaned) == 1
    assert store.update_texts(cleaned) == 0
    updated = store.article("art-000001")
    assert updated.text == "The ferry strike is over."
    assert updated.raw_text == article(1).raw_text
    assert [h.article_id for h in store.search("over")] == ["art-000001"]
    assert store.search("entered day 1") == []
    # Re-ingesting the same input keeps the cleaned text: the input did not change.
    assert store.add_articles([article(1)]) == AddReport(0, 0, 1)
    assert store.article("art-000001").text == "The ferry strike is over."
    with pytest.raises(NotFoundError, match="'ghost'"):
        store.update_texts([("ghost", "text")])


def test_undecodable_text_is_stored_with_replacement_characters(store: Store) -> None:
    broken = article(1, text="caf\udce9 opens")  # a lone surrogate from surrogateescape
    assert store.add_articles([broken]) == AddReport(1, 0, 0)
    assert store.article(broken.id).text == "caf\ufffd opens"
    assert store.add_articles([broken]) == AddReport(0, 0, 1)


def test_add_articles_streams_its_input(store: Store) -> None:
    produced = 0

    def lazily() -> Iterator[Article]:
        nonlocal produced
        for item in generated_articles(20_000):
            produced += 1
            yield item

    seen: list[tuple[int, int]] = []
    total = store.add_articles(
        lazily(), batch_size=1000, on_batch=lambda r: seen.append((produced, r.added))
    )
    assert total == AddReport(20_000, 0, 0)
    # At each commit the generator had produced exactly the batches committed so far.
    assert seen == [(1000 * (k + 1), 1000) for k in range(20)]
    with pytest.raises(OptionsError):
        store.add_articles([], batch_size=0)


# -- skipped ---------------------------------------------------------------------------------


def test_skipped_is_idempotent_and_sorted(store: Store) -> None:
    items = [
        Skipped("b.jsonl", "line is not JSON", 4),
        Skipped("a.csv", "no text column"),
        Skipped("b.jsonl", "line is not JSON", 2),
    ]
    store.add_skipped(items)
    store.add_skipped(iter(items))
    assert store.skipped() == [items[1], items[2], items[0]]


# -- search ----------------------------------------------------------------------------------


@pytest.fixture
def searchable(store: Store) -> Store:
    texts = {
        "Harbour strike": "Harbour workers in Lakeport walked out; the ferry strike began.",
        "Ferry strike ends": "The ferry strike in Lakeport ends. Ferry service resumes.",
        "Festival": "Café owners in Moorfield prepare the harvest festival.",
        "渡轮": "湖港市的渡轮罢工今天结束。",
        "A primer": "Notes on AND, OR and NOT: a logic primer; DROP TABLE is SQL.",
    }
    store.add_articles(
        dataclasses.replace(article(n, text=text), title=title)
        for n, (title, text) in enumerate(texts.items(), start=1)
    )
    return store


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ('"', []),
        ("", []),
        ("*", []),
        ("AND OR", ["art-000005"]),
        ("NOT", ["art-000005"]),
        ("'; DROP TABLE articles; --", []),
        ("'; DROP TABLE", ["art-000005"]),
        ("ferry*", ["art-000002", "art-000001"]),
        ('ferry" OR "café', ["art-000003", "art-000002", "art-000001"]),  # stray quotes
        ("title:ferry", []),
        ("NEAR(ferry strike)", []),
        ("^ferry -strike +(x) {title}: ", []),
        ("\x00", []),
        ("ferry\x00strike", ["art-000002", "art-000001"]),
        ("caf\udce9", []),
        ("\U0001f600", []),
        (" ".join(["ferry"] * 500), ["art-000002", "art-000001"]),
    ],
)
def test_hostile_queries_never_fail(searchable: Store, query: str, expected: list[str]) -> None:
    assert [hit.article_id for hit in searchable.search(query)] == expected
    assert searchable.count_articles() == 5


def test_search_ranks_marks_and_folds_diacritics(searchable: Store) -> None:
    hits = searchable.search("ferry strike")
    assert [h.article_id for h in hits] == ["art-000002", "art-000001"]
    assert hits[0].rank < 0 and hits[0].rank <= hits[1].rank
    assert hits[0].title == "Ferry strike ends"
    assert "[ferry] [strike]" in hits[0].snippet
    assert [h.article_id for h in searchable.search("cafe")] == ["art-000003"]
    assert len(searchable.search("ferry", limit=1)) == 1
    with pytest.raises(OptionsError):
        searchable.search("ferry", limit=0)


def test_a_word_written_minus_word_is_left_out(searchable: Store) -> None:
    assert [h.article_id for h in searchable.search("ferry -ends")] == ["art-000001"]
    assert [h.article_id for h in searchable.search("ferry strike -lakeport")] == []
    assert searchable.search("-ferry") == []  # nothing to find, only something to leave out
    assert [h.article_id for h in searchable.search("渡轮 -罢工")] == []
    assert [h.article_id for h in searchable.search("渡轮 -ferry")] == ["art-000004"]


def test_search_in_a_very_long_text_shows_its_first_hit_at_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A QA pass (session 13): `storyline search harbour` over a store holding one 30 MB
    # record (a transcript repeating the word) did not return in 5 minutes: FTS5's snippet()
    # takes time with the square of the hits in the text.
    said = "The harbour board met again on Tuesday and said the works go on. "
    long_text = "Minutes of the board, read out.\n" + said * 32_000  # 2 MB, 32,000 hits
    store.add_articles([article(1, text=long_text), article(2, text="The harbour froze.")])
    # FTS5's snippet() took 12 s for this text (over 5 min for 30 MB): the long text's is
    # the window around its first hit, made without it.
    windows: list[int] = []
    real = search_module.scan_snippet

    def counted(text: str, terms: list[str]) -> str:
        windows.append(len(text))
        return real(text, terms)

    monkeypatch.setattr(search_module, "scan_snippet", counted)
    hits = store.search("harbour")
    assert windows == [len(long_text)]
    assert [h.article_id for h in hits] == ["art-000001", "art-000002"]
    first = (
        "Minutes of the board, read out.\nThe [harbour] board met again on Tuesday and said the…"
    )
    assert hits[0].snippet == first
    assert hits[1].snippet == "The [harbour] froze."  # a short text keeps FTS5's snippet


def test_phrases_prefixes_and_either_word(searchable: Store) -> None:
    found = lambda query: [h.article_id for h in searchable.search(query)]  # noqa: E731
    # A phrase: its words together and in order ("strike ends" is not in the first text).
    assert found('"ferry strike"') == ["art-000002", "art-000001"]
    assert found('"strike ferry"') == []
    assert found('"ferry strike ends"') == ["art-000002"]
    assert found('ferry -"strike began"') == ["art-000002"]
    # A prefix: every word that starts so ("harvest", "harbour").
    assert sorted(found("har*")) == ["art-000001", "art-000003"]
    assert found("festiv*") == ["art-000003"]
    # Either of two words, with the others all required.
    assert sorted(found("moorfield OR workers")) == ["art-000001", "art-000003"]
    assert found("moorfield OR workers ferry") == ["art-000001"]
    # "OR" with nothing on one side is a word, as in the primer.
    assert found("OR primer") == ["art-000005"]
    # Across scripts, the substring scan takes the same operators.
    assert sorted(found("渡轮 OR festival")) == ["art-000003", "art-000004"]
    assert found('"渡轮罢工"') == ["art-000004"]


def test_search_finds_cjk_inside_a_run(searchable: Store) -> None:
    hits = searchable.search("渡轮")
    assert [h.article_id for h in hits] == ["art-000004"]
    assert hits[0].snippet == "湖港市的[渡轮]罢工今天结束。"
    assert hits[0].rank == -2.0  # once in the title, once in the text
