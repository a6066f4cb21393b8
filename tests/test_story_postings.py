"""The story index postings kept in the store: a run reads those of the keys it asks about,
and clusters exactly as with indexes built whole from the state it read."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

import pytest

from helpers_batches import batches, digests
from storyline import pipeline, storyrun
from storyline.model import Relation
from storyline.store import SCHEMA_VERSION, Store, staterows
from storyline.stories.index import InvertedIndex


def _built_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs that build their indexes whole from the state they read, as before."""
    real = storyrun.load_story_state
    monkeypatch.setattr(
        pipeline, "load_story_state", lambda store, postings=False: real(store, False)
    )


def test_runs_reading_postings_give_the_digests_of_indexes_built_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = batches(tmp_path)
    asked: list[list[str]] = []
    real = Store.index_postings

    def counted(store: Store, table: str, keys: list[str]) -> dict[str, list[int]]:
        asked.append(keys)
        return real(store, table, keys)

    monkeypatch.setattr(Store, "index_postings", counted)
    read = list(digests(tmp_path / "read.db", files))
    assert asked  # the later runs read postings
    monkeypatch.undo()
    _built_whole(monkeypatch)
    whole = list(digests(tmp_path / "whole.db", files))
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
        keys = [row[0] for row in conn.execute("SELECT key FROM story_postings")]
        conn.close()
        held = store.index_postings("story_postings", keys)
        postings = {key: tuple(numbers)[: -cap - 1 : -1] for key, numbers in held.items()}
        assert postings == {key: tuple(held_by) for key, held_by in built._postings.items()}
        topics = dict(
            (key, tuple(numbers)[: -cap - 1 : -1])
            for key, numbers in store.index_postings(
                "topic_postings", sorted({key for t in state.topics for key in t.centroid.keys(k)})
            ).items()
        )
        last = sorted(range(len(state.topics)), key=lambda n: max(state.topics[n].story_numbers))
        expected = InvertedIndex.built(cap, ((n, state.topics[n].centroid.keys(k)) for n in last))
        assert topics == {key: tuple(held_by) for key, held_by in expected._postings.items()}


def test_a_state_saved_before_postings_is_indexed_whole_then_keyed(tmp_path: Path) -> None:
    files = batches(tmp_path)
    expected = list(digests(tmp_path / "new.db", files))
    db = tmp_path / "old.db"
    early = list(digests(db, files[:2]))
    with sqlite3.connect(db) as conn:  # as a release of schema 4 left it: no postings
        for table in staterows.POSTINGS:
            conn.execute(f"DROP TABLE {table}")
        conn.execute("DELETE FROM story_head WHERE key = ?", (staterows.KEYED,))
        conn.execute("DROP TABLE article_updates")  # and schema 6: the log of updates
        conn.execute("DROP TRIGGER articles_log_update")
        conn.execute("DELETE FROM migrations WHERE version >= 5")
    conn.close()
    with Store(db) as store:
        stored = store.load_story_state()
        assert store.schema_version == SCHEMA_VERSION
        assert stored is not None and not stored.keyed
    later = list(digests(db, files[2:]))
    assert early + later == expected
    _check_postings(db)


def test_an_interrupted_save_leaves_the_postings_of_the_state_it_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = batches(tmp_path)
    expected = list(digests(tmp_path / "clean.db", files))
    db = tmp_path / "cut.db"
    assert list(digests(db, files[:2])) == expected[:2]
    real = staterows._insert

    def cut(conn: sqlite3.Connection, sql: str, rows: object) -> None:
        if "story_df" in sql:  # the postings and records are written: stop before the end
            raise KeyboardInterrupt
        real(conn, sql, rows)  # type: ignore[arg-type]

    with monkeypatch.context() as patch:
        patch.setattr(staterows, "_insert", cut)
        with pytest.raises(KeyboardInterrupt), Store(db) as store:
            pipeline.ingest([files[2]], store)
            pipeline.analyse(store)
    _check_postings(db)  # still those of the state saved by the second run
    assert list(digests(db, files[2:])) == expected[2:]


def test_an_update_reads_the_reuse_links_of_its_new_articles_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = batches(tmp_path)
    db = tmp_path / "links.db"
    list(digests(db, files[:3]))
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
    list(digests(db, files[3:]))
    assert read and all(r.a not in placed or r.b not in placed for r in read)
