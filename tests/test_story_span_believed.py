"""A story's date span as provenance believes it: a copy dated before the text it copies (a
content farm's page stamped a day early) does not open the story (a QA pass as a
disinformation researcher, session 16)."""

from __future__ import annotations

from pathlib import Path

from storyline import pipeline
from storyline.model import Article
from storyline.store import Store

WIRE = (
    "FENWICK (Harrow Wire) - A grain silo collapsed at the Fenwick docks early on Monday, "
    "spilling 4,000 tonnes of wheat into the harbour, the port authority said.\n"
    "Two crane operators were treated for minor injuries and the quay was closed to ships.\n"
    "Divers from the coast guard began checking the harbour floor for the silo's debris.\n"
    "The port expects the quay to reopen on Thursday, a spokeswoman said."
)
FARM = WIRE + "\nWitnesses claimed the silo had been sabotaged, one forum post said."


def _stored(tmp_path: Path, farm_published: str) -> Store:
    store = Store(tmp_path / "span.db")
    store.add_articles(
        [
            Article("wire", "Silo collapses at Fenwick docks", WIRE, WIRE, "Harrow Wire",
                    published="2026-11-16T09:00:00+00:00"),
            Article("farm", "SHOCK: silo falls at Fenwick", FARM, FARM, "TrendNews",
                    published=farm_published),
        ]
    )  # fmt: skip
    return store


def test_a_copy_backdated_by_a_day_does_not_open_the_story(tmp_path: Path) -> None:
    with _stored(tmp_path, "2026-11-15T20:00:00+00:00") as store:
        digest = pipeline.analyse(store).digest
    (relation,) = digest.relations
    assert relation.original == "wire"
    (story,) = digest.stories
    assert set(story.article_ids) == {"wire", "farm"}
    assert (story.first_date, story.last_date) == ("2026-11-16", "2026-11-16")


def test_a_copy_published_after_its_original_keeps_the_span(tmp_path: Path) -> None:
    with _stored(tmp_path, "2026-11-17T08:00:00+00:00") as store:
        (story,) = pipeline.analyse(store).digest.stories
    assert (story.first_date, story.last_date) == ("2026-11-16", "2026-11-17")
