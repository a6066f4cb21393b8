"""An update keeps the stored results of unchanged stories only: after a change, the digest
is byte for byte the one a run that recomputes everything makes of the same store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline import pipeline
from storyline.dedup import DedupOptions
from storyline.render import to_json
from storyline.render.jsonin import digest_from_json
from storyline.store import Store
from storyline.stories import StoryOptions

# Three reports of one flood, each rewording the others (one story, three rewrites).
FLOOD = [
    "Governor Imre Tascan said 1234 homes in Keltra were lost when the Valdoria river rose on "
    "Monday. Emergency shelters in Keltra opened their doors to families. The river crest "
    "passed the old stone bridge at noon.",
    "Rescue crews counted 1234 flooded homes in Keltra, Valdoria officials told reporters on "
    "Monday. Governor Imre Tascan toured the river banks by boat. Shelters in Keltra took in "
    "families overnight.",
    "The Valdoria river flooded Keltra on Monday and Governor Imre Tascan said 1234 homes were "
    "lost. Families slept in Keltra shelters as the water rose past the stone bridge.",
]
# A later report of the same flood, with a fact of its own.
LATER = (
    "Keltra schools stayed shut on Tuesday as Governor Imre Tascan counted 1234 homes lost to "
    "the Valdoria river. Volunteers in Keltra handed out water and blankets at the shelters."
)
# Each article its own story; the topic level groups the flood stories.
ONE_EACH = pipeline.RunOptions(
    stories=StoryOptions(threshold=1.0, join_rule="threshold", topic_threshold=0.5)
)


def _write(path: Path, texts: list[str], first: int = 1) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for number, text in enumerate(texts, start=first):
            record = {
                "id": f"f{number}",
                "title": text.split(".")[0][:50],
                "text": text,
                "source": f"outlet{number}.example",
                "published": f"2026-03-0{number}T10:00:00Z",
            }
            out.write(json.dumps(record) + "\n")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "flood.db") as opened:
        pipeline.ingest([_write(tmp_path / "flood.jsonl", FLOOD)], opened)
        yield opened


def _recomputed(store: Store, options: pipeline.RunOptions | None = None) -> str:
    """The digest of ``store`` with every kept result forgotten first."""
    store._conn.execute("DELETE FROM results")
    return pipeline.analyse(store, options).json


def test_a_story_whose_articles_changed_is_made_again(store: Store, tmp_path: Path) -> None:
    before = digest_from_json(pipeline.analyse(store).json)
    pipeline.ingest([_write(tmp_path / "later.jsonl", [LATER], first=4)], store)
    updated = pipeline.analyse(store).json
    after = digest_from_json(updated)
    # the same story, one article more: its timeline and summary read the new one
    assert [s.id for s in after.stories] == [s.id for s in before.stories]
    assert after.stories[0].article_ids == (*before.stories[0].article_ids, "f4")
    assert after.stories[0].summary != before.stories[0].summary
    assert updated == _recomputed(store)


def test_a_story_whose_relations_changed_is_made_again(store: Store) -> None:
    before = digest_from_json(pipeline.analyse(store).json)
    assert {r.kind for r in before.relations} == {"rewrite"}
    # The same articles and story; no pair is a rewrite at this bar any more, so the summary
    # no longer credits one report's sentence to the others.
    strict = pipeline.RunOptions(dedup=DedupOptions(paraphrase=0.95))
    updated = pipeline.analyse(store, strict).json
    after = digest_from_json(updated)
    assert after.relations == ()
    assert [s.article_ids for s in after.stories] == [s.article_ids for s in before.stories]
    assert after.stories[0].summary != before.stories[0].summary
    assert updated == _recomputed(store, strict)


def test_a_story_whose_topic_changed_is_made_again(tmp_path: Path) -> None:
    with Store(tmp_path / "topic.db") as store:
        pipeline.ingest([_write(tmp_path / "flood.jsonl", FLOOD[:2])], store)
        before = digest_from_json(pipeline.analyse(store, ONE_EACH).json)
        pipeline.ingest([_write(tmp_path / "later.jsonl", [LATER], first=4)], store)
        analysis = pipeline.analyse(store, ONE_EACH)
        updated = analysis.json
        after = digest_from_json(updated)
        # The first reports' story is now in a topic with the later one's, whose zoomed-out
        # summary reads both stories.
        (story,) = before.stories
        assert (story.topic_id, before.topics) == (None, ())
        (topic,) = after.topics
        assert story.id in topic.story_ids and len(topic.story_ids) == 2
        assert {s.topic_id for s in after.stories} == {topic.id}
        assert topic.summary
        assert updated == _recomputed(store, ONE_EACH)
        # the first story's results were kept as stored text, not decoded (the topic's
        # summary read its lead all the same); the digest objects decode them when read
        kept = next(s for s in analysis.outline.stories if s.id == story.id)
        assert not kept.summary and not kept.timeline
        assert to_json(analysis.digest) == updated
