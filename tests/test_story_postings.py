"""The story index postings kept in the store: a run reads those of the keys it asks about,
and clusters exactly as with indexes built whole from the state it read."""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from helpers_cli import ROOT
from storyline import pipeline, storyrun
from storyline.model import Relation
from storyline.store import Store, staterows
from storyline.stories.index import InvertedIndex

sys.path.insert(0, str(ROOT / "bench"))
from corpus_gen import generate


def _batches(tmp_path: Path, sizes: tuple[int, ...]) -> list[Path]:
    """The generated articles in publication order, cut into files of ``sizes``."""
    articles = sorted(generate(sum(sizes), 5)[0], key=lambda a: (a.published or "", a.id))
    paths, start = [], 0
    for number, size in enumerate(sizes):
        path = tmp_path / f"batch{number}.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for article in articles[start : start + size]:
                fields = ("id", "title", "text", "source", "published", "url")
                out.write(json.dumps({name: getattr(article, name) for name in fields}) + "\n")
        paths.append(path)
        start += size
    return paths


def _digests(db: Path, batches: list[Path]) -> Iterator[str]:
    for batch in batches:
        with Store(db) as store:
            pipeline.ingest([batch], store)
            yield pipeline.analyse(store).json.replace(str(batch.parent), "DIR")


def _built_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs that build their indexes whole from the state they read, as before."""
    real = storyrun.load_story_state
    monkeypatch.setattr(
        pipeline, "load_story_state", lambda store, postings=False: real(store, False)
    )


SIZES = (240, 30, 20, 50)


def test_runs_reading_postings_give_the_digests_of_indexes_built_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches = _batches(tmp_path, SIZES)
    asked: list[list[str]] = []
    real = Store.index_postings

    def counted(store: Store, table: str, keys: list[str]) -> dict[str, list[int]]:
        asked.append(keys)
        return real(store, table, keys)

    monkeypatch.setattr(Store, "index_postings", counted)
    read = list(_digests(tmp_path / "read.db", batches))
    assert asked  # the later runs read postings
    monkeypatch.undo()
    _built_whole(monkeypatch)
    whole = list(_digests(tmp_path / "whole.db", batches))
    assert read == whole
    _check_postings(tmp_path / "read.db")


def _check_postings(db: Path) -> None:
    """The stored postings are those InvertedIndex.built makes of the stored state."""
    with Store(db) as store:
        state, _ = storyrun.load_story_state(store)
        assert state is not None
        stored = store.load_story_state()
        assert stored is not None and stored.keyed
        k, cap = state.index_terms, state.posting_cap
        order = sorted(range(len(state.stories)), key=lambda n: (state.stories[n].seq, n))
        built = InvertedIndex.built(cap, ((n, state.stories[n].centroid.keys(k)) for n in order))
        conn = sqlite3.connect(db)
        rows = conn.execute("SELECT key, numbers FROM story_postings").fetchall()
        conn.close()
        postings = {key: tuple(map(int, numbers.split()))[: -cap - 1 : -1] for key, numbers in rows}
        assert postings == built._postings
        topics = dict(
            (key, tuple(numbers)[: -cap - 1 : -1])
            for key, numbers in store.index_postings(
                "topic_postings", sorted({key for t in state.topics for key in t.centroid.keys(k)})
            ).items()
        )
        last = sorted(range(len(state.topics)), key=lambda n: max(state.topics[n].story_numbers))
        expected = InvertedIndex.built(cap, ((n, state.topics[n].centroid.keys(k)) for n in last))
        assert topics == expected._postings


def test_a_state_saved_before_postings_is_indexed_whole_then_keyed(tmp_path: Path) -> None:
    batches = _batches(tmp_path, SIZES)
    expected = list(_digests(tmp_path / "new.db", batches))
    db = tmp_path / "old.db"
    early = list(_digests(db, batches[:2]))
    with sqlite3.connect(db) as conn:  # as a release of schema 4 left it: no postings
        for table in staterows.POSTINGS:
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM story_head WHERE key = ?", (staterows.KEYED,))
        conn.execute("DELETE FROM migrations WHERE version = 5")
    conn.close()
    with Store(db) as store:
        stored = store.load_story_state()
        assert store.schema_version == 5 and stored is not None and not stored.keyed
    later = list(_digests(db, batches[2:]))
    assert early + later == expected
    _check_postings(db)


def test_an_interrupted_save_leaves_the_postings_of_the_state_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches = _batches(tmp_path, SIZES)
    expected = list(_digests(tmp_path / "clean.db", batches))
    db = tmp_path / "cut.db"
    assert list(_digests(db, batches[:2])) == expected[:2]
    real = staterows._insert

    def cut(conn: sqlite3.Connection, sql: str, rows: object) -> None:
        if "story_df" in sql:  # the postings and records are written: stop before the end
            raise KeyboardInterrupt
        real(conn, sql, rows)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(staterows, "_insert", cut)
        with pytest.raises(KeyboardInterrupt), Store(db) as store:
            pipeline.ingest([batches[2]], store)
            pipeline.analyse(store)
    _check_postings(db)  # still those of the state saved by the second run
    assert list(_digests(db, batches[2:])) == expected[2:]


def test_an_update_reads_the_reuse_links_of_its_new_articles_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches = _batches(tmp_path, SIZES)
    db = tmp_path / "links.db"
    list(_digests(db, batches[:3]))
    with Store(db) as store:
        state, _ = storyrun.load_story_state(store)
        assert state is not None
        placed = set(state.assignments)
    read: list[Relation] = []
    real = pipeline.reuse_links

    def kept(relations: Sequence[Relation]) -> dict[str, tuple[str, ...]]:
        read.extend(relations)
        return real(relations)

    monkeypatch.setattr(pipeline, "reuse_links", kept)
    list(_digests(db, batches[3:]))
    assert read and all(r.a not in placed or r.b not in placed for r in read)
