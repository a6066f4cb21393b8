"""The story state kept by record: a save writes what changed, and reading it back gives the
state the run ended with, byte for byte (its JSON), whatever was written before."""

from __future__ import annotations

import gc
import json
import random
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.errors import InputError, StoreError
from storyline.heap import no_cyclic_gc
from storyline.model import Article
from storyline.store import MIGRATIONS, SCHEMA_VERSION, StateRows, Store, schema
from storyline.stories import StoryOptions, StoryState, cluster_stories
from storyline.stories.stored import PackedCentroid, StoredUnit, joined_keys, split_keys
from storyline.storyrun import STORY_STATE, load_story_state, save_story_state


def _articles(count: int, seed: int, first: int = 0, apart: bool = False) -> list[Article]:
    """Fictional reports of a dozen made-up events, each with its own words, name and
    figure, eight a day: later batches grow the stories of earlier ones. ``apart``: they
    share no word (an article then finds only its event's story)."""
    rng = random.Random(seed)
    syllables = ("ka", "lo", "mi", "tur", "vex", "sol", "dit", "ran", "pe", "quo")
    words = sorted({a + b + c for a in syllables for b in syllables for c in ("n", "sh")})
    names = [w.capitalize() + "ov" for w in words[::7]]
    articles = []
    for number in range(first, first + count):
        event = rng.randint(0, 11)
        own = words[event * 12 : event * 12 + 12]
        body = " ".join(rng.choices(words, k=0 if apart else 10) + rng.choices(own, k=25))
        day = date.fromordinal(738000 + number // 8).isoformat()  # in order: batch by batch
        text = f"{names[event]} said {body}. Officials counted {100 + event} cases.\n{body}."
        if apart:
            text = f"{names[event]} {body}."
        title = f"{names[event]} {own[0]} {own[1]}"
        source = f"outlet{number % 4}"
        articles.append(Article(f"m{number:03d}", title, text, text, source, published=day))
    return articles


def _stored(store: Store) -> StoryState:
    state, old_layout = load_story_state(store)
    assert state is not None and not old_layout
    return state


def _grown(store: Store, articles: list[Article]) -> StoryState:
    """The stored state extended by ``articles`` (as a run does), saved, and returned."""
    state = cluster_stories(articles, state=_stored(store)).state
    save_story_state(store, state)
    return state


def test_a_state_saved_by_its_changes_reads_back_as_the_state_in_memory(tmp_path: Path) -> None:
    articles = _articles(160, 1)
    with Store(tmp_path / "s.db") as store:
        first = cluster_stories(articles[:60]).state
        save_story_state(store, first)
        assert _stored(store).to_json() == first.to_json()
        second = _grown(store, articles[60:110])
        third = _grown(store, articles[110:])
        assert _stored(store).to_json() == third.to_json()
    # the same runs in memory, never stored
    chained = cluster_stories(articles[60:110], state=cluster_stories(articles[:60]).state)
    assert third.to_json() == cluster_stories(articles[110:], state=chained.state).state.to_json()
    # the runs grew stored stories and stored topics, not only new ones
    assert sum(len(s.article_ids) for s in second.stories[: len(first.stories)]) > 60
    assert any(len(t.story_numbers) > 1 for t in third.topics[: len(first.topics)])
    assert len(third.assignments) == 160


def test_a_save_writes_only_the_changed_rows(tmp_path: Path) -> None:
    articles = _articles(120, 2)
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, cluster_stories(articles[:100]).state)
        before = _table_rows(store.path)
        state = cluster_stories(articles[100:], state=_stored(store)).state
        stories, topics, assignments, df = (list(rows) for rows in state.changed_rows())
        grown = cluster_stories(articles[100:], state=_stored(store)).state
        save_story_state(store, grown)
        after = _table_rows(store.path)
    assert all(before[table].keys() <= after[table].keys() for table in before)
    touched = {row[0] for row in stories}
    assert touched and len(touched) < len(state.stories)
    assert [row[0] for row in assignments] == list(range(100, 120))
    assert 0 < len(df) < len(state.df)
    for table, rows in after.items():
        changed = {key for key, value in rows.items() if before[table].get(key) != value}
        written = {
            "story_records": touched,
            "topic_records": {row[0] for row in topics},
            "story_assignments": {row[0] for row in assignments},
            "story_df": {term for term, _ in df},
        }.get(table)
        if written is not None:
            assert changed <= written, table


def _table_rows(path: Path) -> dict[str, dict[object, object]]:
    conn = sqlite3.connect(path)
    try:
        tables = ("story_records", "topic_records", "story_assignments")
        sql = "SELECT number, payload || coalesce(vectors, '') FROM {}"
        rows = {table: dict(conn.execute(sql.format(table)).fetchall()) for table in tables}
        rows["story_df"] = dict(conn.execute("SELECT * FROM story_df").fetchall())
        return rows
    finally:
        conn.close()


def test_a_story_changed_but_left_unwritten_would_be_seen(tmp_path: Path) -> None:
    """The partial save is checked by what reads back: leaving out one changed story (or
    the topic that reads its centroid) gives another state."""
    articles = _articles(120, 3)
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, cluster_stories(articles[:80]).state)
        stored = len(_stored(store).stories)
        grown = cluster_stories(articles[80:], state=_stored(store)).state
        changed = sorted(grown._changed[0])
        old = [n for n in changed if n < stored]
        assert old, "the batch grows a stored story"
        grown._changed[0].discard(old[0])
        save_story_state(store, grown)
        assert _stored(store).to_json() != grown.to_json()


def test_a_whole_save_drops_the_rows_of_a_larger_state(tmp_path: Path) -> None:
    articles = _articles(100, 4)
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, cluster_stories(articles).state)
        small = cluster_stories(articles[:20]).state  # made again: never stored
        save_story_state(store, small)
        again = _stored(store)
        assert again.to_json() == small.to_json()
        assert len(again.stories) < 100 and len(again.assignments) == 20


def test_a_save_stopped_midway_leaves_the_previous_state(tmp_path: Path) -> None:
    articles = _articles(120, 5)
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, cluster_stories(articles[:80]).state)
        before = _stored(store).to_json()
        grown = cluster_stories(articles[80:], state=_stored(store)).state
        real = grown.changed_rows

        def interrupted() -> tuple[Iterator[tuple[int, str]], ...]:
            stories, topics, assignments, df = real()

            def stopped() -> Iterator[tuple[str, int]]:
                yield from list(df)[:5]
                raise KeyboardInterrupt  # after the stories, topics and assignments

            return stories, topics, assignments, stopped()

        grown.changed_rows = interrupted  # type: ignore[assignment,method-assign]
        with pytest.raises(KeyboardInterrupt):
            save_story_state(store, grown)
        assert _stored(store).to_json() == before
        del grown.changed_rows
        save_story_state(store, grown)  # the same changes go on the state read before
        assert _stored(store).to_json() == grown.to_json()


def test_changes_are_not_written_over_another_runs_state(tmp_path: Path) -> None:
    articles = _articles(100, 6)
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, cluster_stories(articles[:60]).state)
        one = cluster_stories(articles[60:80], state=_stored(store)).state
        other = cluster_stories(articles[80:], state=_stored(store)).state
        save_story_state(store, one)
        with pytest.raises(StoreError, match="changed since this run read it"):
            save_story_state(store, other)
        assert _stored(store).to_json() == one.to_json()


def test_a_damaged_record_table_is_named(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, cluster_stories(_articles(40, 7)).state)
        conn = sqlite3.connect(store.path)
        conn.execute("DELETE FROM story_records WHERE number = 1")
        conn.commit()
        conn.close()
        with pytest.raises(StoreError, match="story_records has gaps"):
            load_story_state(store)


def test_a_head_of_another_format_is_unreadable(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        state = cluster_stories(_articles(40, 8)).state
        head = {**state.head(), "version": "99"}
        stories, topics, assignments, df = state.changed_rows()
        store.save_story_state(StateRows(head, (stories, topics, assignments), df, None))
        with pytest.raises(InputError, match="unreadable story state"):
            load_story_state(store)


def _write(path: Path, articles: list[Article]) -> Path:
    fields = ("id", "title", "text", "source", "published")
    lines = [json.dumps({name: getattr(a, name) for name in fields}) for a in articles]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_version_2_database_with_the_state_as_one_text_gives_the_same_digest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _articles(90, 9)
    early, later = (
        _write(tmp_path / "a.jsonl", articles[:60]),
        _write(tmp_path / "b.jsonl", articles[60:]),
    )
    with Store(tmp_path / "new.db") as store:
        pipeline.ingest([early], store)
        text = pipeline.analyse(store).stories.state.to_json()
        pipeline.ingest([later], store)
        expected = pipeline.analyse(store)
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", MIGRATIONS[:2])
        with Store(tmp_path / "old.db") as old:
            assert old.schema_version == 2
            pipeline.ingest([early, later], old)
            old.save_state(STORY_STATE, text)  # what a version 2 run of the early file kept
    with Store(tmp_path / "old.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        state, old_layout = load_story_state(store)
        assert old_layout and state is not None and state.to_json() == text
        assert pipeline.analyse(store).json == expected.json
        assert store.load_state(STORY_STATE) is None  # kept by record from now on
        assert _stored(store).to_json() == expected.stories.state.to_json()
        assert pipeline.analyse(store).json == expected.json


def test_stored_centroids_unpack_when_first_read_to_the_same_floats(tmp_path: Path) -> None:
    articles = _articles(123, 10, apart=True)  # three more: they read three stories
    first = cluster_stories(articles[:120]).state
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, first)
        loaded = _stored(store)
    packed = [story.centroid for story in loaded.stories]
    assert all(isinstance(c, PackedCentroid) and c._packed is not None for c in packed)
    units = [t.centroid for t in loaded.topics if isinstance(t.centroid, StoredUnit)]
    assert units and len(units) == sum(len(t.story_numbers) == 1 for t in first.topics)
    k = loaded.index_terms
    for mine, theirs in zip(loaded.stories, first.stories, strict=True):
        assert mine.centroid.keys(k) == theirs.centroid.keys(k)  # still packed
    assert all(c._packed is not None for c in packed)
    grown = cluster_stories(articles[120:], state=loaded)
    # the run unpacked the few centroids it read (its candidates), not the others
    assert len(packed) - sum(c._packed is not None for c in packed) == 3
    assert grown.state.to_json() == cluster_stories(articles[120:], state=first).state.to_json()
    for mine, theirs in zip(loaded.stories, first.stories, strict=True):
        assert [list(c.items()) for c in mine.centroid.channels()] == [
            list(c.items()) for c in theirs.centroid.channels()
        ]
        assert mine.centroid.norms == theirs.centroid.norms
        assert mine.centroid.keys(3) == theirs.centroid.keys(3)  # another k: computed
    for mine, theirs in zip(loaded.topics, first.topics, strict=True):
        assert mine.centroid.keys(k) == theirs.centroid.keys(k)
        assert mine.centroid.norms == theirs.centroid.norms
        assert mine.centroid.channels() == theirs.centroid.channels()


def test_a_damaged_packed_centroid_is_named_when_read(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, cluster_stories(_articles(40, 11)).state)
        conn = sqlite3.connect(store.path)
        row = json.loads(conn.execute("SELECT vectors FROM story_records").fetchone()[0])
        row["terms"][1] = "not base64!"
        conn.execute("UPDATE story_records SET vectors = ? WHERE number = 0", (json.dumps(row),))
        conn.commit()
        conn.close()
        state = _stored(store)
        with pytest.raises(InputError, match="unreadable story centroid"):
            state.stories[0].centroid.terms  # noqa: B018 - the read is the test


@pytest.mark.parametrize(
    "keys", [[], ["alpha"], ["alpha", "beta", "alpha"], ["new york", "x"], ["", "y"], ["ñ", "ß"]]
)
def test_index_keys_are_kept_as_one_text_when_they_can_be_split_back(keys: list[str]) -> None:
    kept = joined_keys(keys)
    assert split_keys(json.loads(json.dumps(kept))) == keys
    assert isinstance(kept, str) == (bool(keys) and all(k and " " not in k for k in keys))


def test_index_keys_of_another_shape_are_unreadable() -> None:
    with pytest.raises(ValueError, match="index keys"):
        split_keys([1, 2])


def test_a_stored_state_extended_with_other_index_options_goes_on_as_in_memory(
    tmp_path: Path,
) -> None:
    articles = _articles(140, 12)
    first = cluster_stories(articles[:120]).state
    other = StoryOptions(index_terms=7, posting_cap=5)
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, first)
        loaded = cluster_stories(articles[120:], options=other, state=_stored(store))
        save_story_state(store, loaded.state)
        again = _stored(store)
    direct = cluster_stories(articles[120:], options=other, state=first)
    assert loaded.state.to_json() == direct.state.to_json() == again.to_json()
    assert loaded.stories == direct.stories and loaded.assignments == direct.assignments
    assert '"index_terms":7' in again.to_json()


def test_reading_a_state_pauses_the_cyclic_collector_and_restores_it(tmp_path: Path) -> None:
    seen: list[bool] = []
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, cluster_stories(_articles(40, 13)).state)
        real = StoryState.from_records

        def spied(*args: Any) -> StoryState:
            seen.append(gc.isenabled())
            return real(*args)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(StoryState, "from_records", spied)
            assert gc.isenabled()
            state = _stored(store)
            assert gc.isenabled() and seen == [False]
        gc.disable()
        try:
            _stored(store)
            assert not gc.isenabled()  # left as it was
        finally:
            gc.enable()
    state._index_now()
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), no_cyclic_gc():
        assert not gc.isenabled()
        _ = 1 / 0
    assert gc.isenabled()


def test_a_stored_centroid_gives_its_concepts_as_the_one_in_memory(tmp_path: Path) -> None:
    """An article in another language asks a stored story for the concepts of its words
    (stories.concepts): a packed centroid unpacks for them as for its channels."""
    text = "Drones attacked Velmora overnight and a fuel depot was burning, officials said."
    english = Article("en1", "Drones attack Velmora", text, text, "Wire", language="en")
    first = cluster_stories([english]).state
    with Store(tmp_path / "s.db") as store:
        save_story_state(store, first)
        loaded = _stored(store)
    (centroid,) = [story.centroid for story in loaded.stories]
    assert isinstance(centroid, PackedCentroid) and centroid._packed is not None
    assert centroid.concepts() == first.stories[0].centroid.concepts() != {}
    russian = "Беспилотники атаковали Вельмору ночью, горит нефтебаза, сообщили власти."
    report = Article("ru1", "", russian, russian, "Kanal", language="ru")
    grown = cluster_stories([report], state=loaded).state
    assert grown.to_json() == cluster_stories([report], state=first).state.to_json()
