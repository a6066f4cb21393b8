"""Topic summaries kept between runs: read back for unchanged inputs, made again otherwise."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.results import TOPIC_KIND
from storyline.store import Store
from storyline.stories import StoryOptions
from storyline.summary import summarize

# Each article its own story (a join bar no score reaches); the topic level pairs the two
# flood stories and the two chess stories.
OPTIONS = pipeline.RunOptions(
    stories=StoryOptions(threshold=1.0, join_rule="threshold", topic_threshold=0.5)
)
TEXTS = [
    "Governor Imre Tascan said {0} homes in Keltra were lost when the Valdoria river rose on "
    "Monday. Emergency shelters in Keltra opened their doors to families.",
    "Rescue crews counted {0} flooded homes in Keltra, Valdoria officials told reporters. "
    "Governor Imre Tascan toured the river banks by boat.",
    "Grandmaster Lena Quist beat Marek Dovin in {0} moves to win the Orbis final in Port "
    "Ansel. The Orbis crowd stood and cheered for her.",
    "In Port Ansel, Lena Quist took the Orbis crown from Marek Dovin after a {0}-move game. "
    "Dovin resigned after a long endgame.",
]
FIGURES = ["1234", "5678", "61", "88"]
# A third flood story: it joins the flood topic.
LATER = (
    "Keltra schools stayed shut as Governor Imre Tascan counted {0} homes lost to the Valdoria "
    "river. Volunteers in Keltra handed out water and blankets."
)


def _write(path: Path, rows: list[tuple[str, str]], first: int = 1) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for number, (text, figure) in enumerate(rows, start=first):
            record = {
                "id": f"x{number}",
                "title": text.split(".")[0][:50],
                "text": text.format(figure),
                "source": f"outlet{number}.example",
                "published": f"2026-03-0{number}T10:00:00Z",
            }
            out.write(json.dumps(record) + "\n")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "topics.db") as opened:
        pipeline.ingest(
            [_write(tmp_path / "first.jsonl", list(zip(TEXTS, FIGURES, strict=True)))], opened
        )
        yield opened


@pytest.fixture
def summaries(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of articles of each summary the pipeline computes."""
    made: list[int] = []

    def counted(articles: list[Any], *args: Any) -> Any:
        made.append(len(articles))
        return summarize(articles, *args)

    monkeypatch.setattr(pipeline, "summarize", counted)
    return made


def _analyse(store: Store) -> pipeline.Analysis:
    return pipeline.analyse(store, OPTIONS)


def _recomputed(store: Store) -> str:
    store._conn.execute("DELETE FROM results")
    return _analyse(store).json


def test_topic_summaries_are_read_back_when_nothing_changed(
    store: Store, summaries: list[int]
) -> None:
    first = _analyse(store)
    topics = [t for t in first.digest.topics if len(t.story_ids) > 1]
    assert len(topics) == 2 and all(t.summary for t in topics)
    assert sorted(summaries) == [1, 1, 1, 1, 2, 2]  # four stories, then two topics
    assert len(store.result_fingerprints(TOPIC_KIND)) == 2
    summaries.clear()
    again = _analyse(store)
    assert summaries == []
    assert again.json == first.json
    assert again.digest.topics == first.digest.topics


def test_only_the_topic_a_new_story_joins_is_summarised_again(
    store: Store, summaries: list[int], tmp_path: Path
) -> None:
    first = _analyse(store)
    summaries.clear()
    pipeline.ingest([_write(tmp_path / "later.jsonl", [(LATER, "1300")], first=5)], store)
    grown = _analyse(store)
    # the new story's summary, then its topic's (three stories); the chess topic is kept
    assert summaries == [1, 3]
    flood = next(t for t in grown.digest.topics if len(t.story_ids) == 3)
    chess = next(t for t in grown.digest.topics if t.id != flood.id)
    assert chess == next(t for t in first.digest.topics if t.id == chess.id)
    assert grown.json == _recomputed(store)


def test_a_topic_whose_article_changed_is_summarised_again(
    store: Store, summaries: list[int], tmp_path: Path
) -> None:
    first = _analyse(store)
    summaries.clear()
    # The first flood article again, with another figure: its story and topic change.
    pipeline.ingest([_write(tmp_path / "again.jsonl", [(TEXTS[0], "1240")])], store)
    changed = _analyse(store)
    assert summaries == [1, 2]
    assert changed.json != first.json
    assert changed.json == _recomputed(store)


def test_a_damaged_topic_summary_is_made_again(store: Store, summaries: list[int]) -> None:
    first = _analyse(store)
    damaged = sorted(store.result_fingerprints(TOPIC_KIND))[0]
    store._conn.execute(
        "UPDATE results SET payload = '[{\"text\": 7}]' WHERE kind = ? AND key = ?",
        (TOPIC_KIND, damaged),
    )
    summaries.clear()
    assert _analyse(store).json == first.json
    assert summaries == [2]
    assert store.stored_result(TOPIC_KIND, damaged) != '[{"text": 7}]'


def test_the_summaries_of_topics_that_are_gone_are_forgotten(store: Store) -> None:
    _analyse(store)
    store.save_results(TOPIC_KIND, [("t-gone", "f", "[]")])
    _analyse(store)
    assert "t-gone" not in store.result_fingerprints(TOPIC_KIND)
