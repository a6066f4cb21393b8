"""Reading back every story's stored results: with the cyclic collector paused, and progress
told a chunk of stories at a time (each computed story still told at once)."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from storyline import results
from storyline.model import Claim, Story
from storyline.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "pace.db") as opened:
        yield opened


def _step(changed: set[str]) -> results.Step:
    """Keys that stay the same between runs but for the stories ``changed``."""

    def one(story: Story) -> tuple[str, Callable[[], Story]]:
        def compute() -> Story:
            claim = Claim(f"{story.title} said", story.article_ids[0], (), 1, "")
            return replace(story, summary=(claim,))

        return ("new" if story.id in changed else "same"), compute

    return one


def _stories(count: int) -> list[Story]:
    return [Story(f"s{n:04d}", f"story {n}", (f"a{n}",)) for n in range(count)]


def test_stored_results_are_decoded_with_the_cyclic_collector_paused(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = _stories(5)
    results.per_story("summary", stories, store, _step(set()), lambda _: None)
    seen: list[bool] = []
    real = results.with_story_results

    def spied(story: Story, kind: str, text: str) -> Story:
        seen.append(gc.isenabled())
        return real(story, kind, text)

    monkeypatch.setattr(results, "with_story_results", spied)
    assert gc.isenabled()
    again, reused = results.per_story("summary", stories, store, _step(set()), lambda _: None)
    assert (reused, seen) == (5, [False] * 5)
    assert gc.isenabled()  # as it was
    assert [s.summary[0].text for s in again] == [f"story {n} said" for n in range(5)]


def test_progress_is_told_per_chunk_read_back_and_per_story_computed(store: Store) -> None:
    stories = _stories(600)
    told: list[int] = []
    results.per_story("summary", stories, store, _step(set()), told.append)
    assert told == list(range(1, 601))  # every story computed
    told.clear()
    changed = {"s0300", "s0301"}
    _, reused = results.per_story("summary", stories, store, _step(changed), told.append)
    assert reused == 598
    assert told == [256, 301, 302, 512, 600]
