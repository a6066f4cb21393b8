"""Story and topic ids carried over a story state made again.

A story's id is its founding article's (:func:`storyline.ids.stable_id`), and a topic's its
first story's founder's. The state cannot take an article out, so when a clustered page is
updated (a new version under a new id, see :mod:`storyline.versions`) or an id is given
another report, the state is made again from the current articles: the corrected version,
or another article, founds the story, and its id would change under a reader who keeps it
(a bookmark, the web app's address, ``timeline --story``, a JSON consumer).

Here the stories of the state made again take over the ids of the stories they continue:

- each new story is matched to the earlier story holding most of its articles (an earlier
  version of a page counts as its current version), greedily, largest overlap first; on a
  tie, the earlier story whose id is already the new story's own, then founding order (new,
  then earlier); each earlier id goes to one story at most;
- topics are matched the same way, by their stories (with the ids carried);
- a story or topic left unmatched keeps its own id, unless that id went to another: then it
  takes a derived one (:func:`unused_id`). No two stories, or topics, share an id.

A state made again with the same stories as before keeps every id (each story overlaps its
own earlier story only, wholly).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container, Mapping, Sequence
from dataclasses import dataclass, replace

from ..ids import stable_id
from .state import StoryState


@dataclass(frozen=True, slots=True)
class Lineage:
    """What a state made again takes ids from: the ids of an earlier state's stories, their
    articles and topics (kept instead of the state, which can then be let go)."""

    story_ids: tuple[str, ...]
    members: tuple[tuple[str, ...], ...]
    story_topics: tuple[int | None, ...]
    topic_ids: tuple[str, ...]

    @classmethod
    def of(cls, state: StoryState) -> Lineage:
        stories = state.stories
        return cls(
            tuple(story.id for story in stories),
            tuple(tuple(story.article_ids) for story in stories),
            tuple(story.topic for story in stories),
            tuple(topic.id for topic in state.topics),
        )


def unused_id(wanted: str, taken: Container[str]) -> str:
    """``wanted`` when no story or topic holds it, else the first id derived from it
    (``stable_id(wanted, "1")``, ``"2"``, ..., with its prefix) that none holds."""
    prefix = wanted[:1]
    candidate, n = wanted, 0
    while candidate in taken:
        n += 1
        candidate = stable_id(wanted, str(n), prefix=prefix)
    return candidate


def carry_ids(earlier: Lineage, state: StoryState, aliases: Mapping[str, str]) -> dict[str, str]:
    """Give the stories and topics of ``state``, made again, the ids of the ``earlier``
    stories and topics they continue (see the module); ``aliases`` maps the id of an earlier
    version of a page to its current version's. Renames ``state`` in place (its records,
    ``story_by_id`` and assignments) and returns the ids changed, old to new (stories' and
    topics': their prefixes tell them apart).

    Raises ValueError on a state that was stored: a save writes only what changed since, and
    would keep the assignments under their old ids."""
    if state.generation is not None:
        raise ValueError("ids are carried only into a story state made again, never stored")
    own = [story.id for story in state.stories]
    old_story: dict[str, int] = {}
    for number, members in enumerate(earlier.members):
        for article_id in members:
            old_story[aliases.get(article_id, article_id)] = number
    overlaps = [
        Counter(old_story[a] for a in story.article_ids if a in old_story)
        for story in state.stories
    ]
    story_ids = _matched(own, overlaps, earlier.story_ids)
    renamed = {mine: final for mine, final in zip(own, story_ids, strict=True) if mine != final}
    _rename_stories(state, renamed)
    return renamed | _carry_topic_ids(earlier, state)


def _matched(own: Sequence[str], overlaps: Sequence[Counter[int]], old: Sequence[str]) -> list[str]:
    """The id of each new record: that of the earlier record it was matched to, else its own
    (``own``) unless that went to another, else :func:`unused_id`. ``overlaps[m]`` counts what
    new record ``m`` shares with each earlier record, by number."""
    pairs = sorted(
        (-count, old[n] != own[m], m, n)
        for m, counter in enumerate(overlaps)
        for n, count in counter.items()
    )
    final: dict[int, str] = {}
    taken: set[str] = set()  # by id: an earlier state holding an id twice gives it once
    for _, _, m, n in pairs:
        if m not in final and old[n] not in taken:
            final[m] = old[n]
            taken.add(old[n])
    for m, mine in enumerate(own):
        if m not in final:
            final[m] = unused_id(mine, taken)
            taken.add(final[m])
    return [final[m] for m in range(len(own))]


def _rename_stories(state: StoryState, renamed: Mapping[str, str]) -> None:
    """The stories, their index by id and the assignments under their new ids; the topics
    holding a renamed story are made public again (their Topic names its stories)."""
    if not renamed:
        return
    for number, record in enumerate(state.stories):
        if record.id in renamed:
            state.story(number).id = renamed[record.id]
            topic = record.topic
            if topic is not None:
                state.topic(topic)
    state.story_by_id = {story.id: number for number, story in enumerate(state.stories)}
    state.assignments = {
        article_id: replace(item, story_id=renamed[item.story_id])
        if item.story_id in renamed
        else item
        for article_id, item in state.assignments.items()
    }


def _carry_topic_ids(earlier: Lineage, state: StoryState) -> dict[str, str]:
    """The topics of ``state`` (its stories already renamed) matched to the ``earlier``
    topics by the stories they share; returns the topic ids changed, old to new."""
    old_topic = {
        story_id: topic
        for story_id, topic in zip(earlier.story_ids, earlier.story_topics, strict=True)
        if topic is not None
    }
    stories = state.stories
    overlaps = [
        Counter(
            old_topic[i] for i in (stories[n].id for n in topic.story_numbers) if i in old_topic
        )
        for topic in state.topics
    ]
    own = [topic.id for topic in state.topics]
    renamed = {}
    for number, (mine, final) in enumerate(
        zip(own, _matched(own, overlaps, earlier.topic_ids), strict=True)
    ):
        if mine != final:
            state.topic(number).id = renamed[mine] = final
    return renamed
