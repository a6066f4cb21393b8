"""The stories stage assigns with the cyclic garbage collector paused, and restores it."""

from __future__ import annotations

import gc

from storyline.model import Article
from storyline.stories import cluster_stories


def _article(number: int, text: str) -> Article:
    return Article(
        id=f"a{number}",
        title=text.split(".")[0],
        text=text,
        raw_text=text,
        source=f"outlet{number}",
        published=f"2026-03-0{number + 1}",
    )


def test_articles_are_placed_with_the_collector_paused_and_it_is_restored() -> None:
    articles = [
        _article(0, "Floods hit Marrowby. The river Tane rose two metres overnight in Marrowby."),
        _article(1, "Marrowby floods: the Tane rose two metres, and 40 homes were left empty."),
        _article(2, "A chess festival opened in Quillan with 300 players from twelve clubs."),
    ]
    seen: list[bool] = []

    def steps(done: int, total: int, unit: str) -> None:
        seen.append(gc.isenabled())

    assert gc.isenabled()
    result = cluster_stories(articles, steps=steps)
    assert seen and not any(seen)
    assert gc.isenabled()  # as it was
    assert len(result.assignments) == 3
    gc.disable()
    try:
        cluster_stories(articles)
        assert not gc.isenabled()  # a caller's pause is kept
    finally:
        gc.enable()
