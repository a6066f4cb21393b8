"""Per-story results of the timeline and summary stages, kept in the store between runs.

A digest over a growing corpus runs every stage again, but most stories have not changed
since the last run. Each result is stored with the fingerprint of what it was computed from
(the story's articles, their copy groups and reuse relations, the stage's options and the
code itself, see :mod:`storyline.fingerprint`). A story whose fingerprint matches gets its
stored result back instead of being recomputed: the output is the same bytes either way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .errors import StoreError
from .model import Story
from .render.jsonout import story_results_to_json, with_story_results
from .store import Store

# How many new results are written per transaction: an interrupted run keeps what it
# computed, and a large first run does not hold every encoded result until the end.
BATCH = 2000

# For one story: the fingerprint of its inputs, and how to compute its result.
Step = Callable[[Story], tuple[str, Callable[[], Story]]]


def per_story(
    kind: str,
    stories: Sequence[Story],
    store: Store,
    step: Step,
    tick: Callable[[int], None],
) -> tuple[list[Story], int]:
    """``stories`` with their ``kind`` result, reused where stored for the same inputs and
    computed otherwise; returns them and how many were reused. ``tick(done)`` reports
    progress. Results of stories that no longer exist are forgotten."""
    known = store.result_fingerprints(kind)
    updated: list[Story] = []
    changed: list[tuple[str, str, str]] = []
    reused = 0
    for done, story in enumerate(stories, 1):
        key, compute = step(story)
        kept = _stored(kind, story, store) if known.get(story.id) == key else None
        if kept is not None:
            updated.append(kept)
            reused += 1
        else:
            result = compute()
            updated.append(result)
            changed.append((story.id, key, story_results_to_json(result, kind)))
            if len(changed) >= BATCH:
                store.save_results(kind, changed)
                changed = []
        tick(done)
    store.save_results(kind, changed)
    store.forget_results(kind, {story.id for story in stories})
    return updated, reused


def _stored(kind: str, story: Story, store: Store) -> Story | None:
    """The stored result, or None when it is missing or unreadable (then it is recomputed
    and overwritten: a damaged row never stops a run)."""
    text = store.story_result(kind, story.id)
    if text is None:
        return None
    try:
        return with_story_results(story, kind, text)
    except StoreError:
        return None
