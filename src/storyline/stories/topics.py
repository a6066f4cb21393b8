"""The second level: stories grouped into topics, so a reader can zoom out.

Each story is placed once, when it is first seen at the end of a run, by the same single pass
and inverted index as articles: it joins the topic whose centroid it resembles most (combined
term and name cosine at least ``topic_threshold``, weighed as :func:`subject_options` says)
or opens a new one. Placed stories keep their topic, so topic ids stay stable across
incremental runs. Only topics holding two or more stories are reported; a story alone keeps
``topic_id=None``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..ids import stable_id
from ..model import Topic
from .cluster import probe_keys
from .index import UnitCentroid, Vectors
from .labels import best_title, label_terms
from .options import StoryOptions
from .state import StoryState, TopicRecord


def place_stories(numbers: Iterable[int], options: StoryOptions, state: StoryState) -> None:
    """Give a topic to every story in ``numbers`` that has none (in founding order)."""
    scoring = subject_options(options)
    for number in sorted(numbers):
        if state.stories[number].topic is not None:
            continue
        story = state.story(number)
        vectors = story.centroid.unit()
        probe = probe_keys(vectors, options.query_terms)
        # Figures weigh nothing here: their cosine is not computed (the score is the same).
        words_and_names: Vectors = (vectors[0], vectors[1], {})
        best, best_score = None, 0.0
        for candidate in state.topic_index.candidates(probe, options.max_candidates):
            centroid = state.topics[candidate].centroid
            score = scoring.combine(centroid.cosines(words_and_names), False)
            if score > best_score:
                best, best_score = candidate, score
        if best is None or best_score < options.topic_threshold:
            # A new topic is the story's unit centroid: read from the story's own vectors
            # (``Centroid().add(vectors)`` gives the same floats), not held twice.
            best = len(state.topics)
            unit = UnitCentroid.of(story.centroid)
            founded = TopicRecord(stable_id(story.founder, prefix="t"), [number], unit)
            state.topics.append(founded)
            state.own_new_topic(best)
        else:
            topic = state.topic(best)
            topic.story_numbers.append(number)
            centroid = topic.centroid
            if isinstance(centroid, UnitCentroid):
                centroid = topic.centroid = centroid.materialize()
            centroid.add(vectors, options.max_story_terms, options.max_story_entities)
        state.topic_index.update(best, state.topics[best].centroid.keys(options.index_terms))
        story.topic = best


def subject_options(options: StoryOptions) -> StoryOptions:
    """The options a story is scored with against the topics: names weigh
    ``topic_entity_weight``, terms the rest, figures nothing.

    A topic is a subject, and its stories are separate incidents: each has its own people
    and its own figures (a count of dead, a sum), while the words of the subject recur. Names
    also link unrelated subjects (two people called Bush, one borough). On ECB+ train topics
    (each two incidents of one kind) names at 0.3 and no figures beat the story weights by
    0.023 topic B3 F1 on ten fresh stream orders, in 10 of 10 (see bench/RESULTS.md).
    """
    return replace(options, entity_weight=options.topic_entity_weight, number_weight=0.0)


def public_topics(state: StoryState, k: int) -> tuple[Topic, ...]:
    """Topics of two or more stories; the title is, among the stories at least half as large
    as the largest, the story title that best fits the topic centroid (the same rule as a
    story's headline), the earliest story's on ties: a one-article side story that happens to
    name the topic's words does not title a crisis of many reports.

    A topic is made again only when its record or a story title changed since the last time
    (ranking titles tokenises every one: most topics of a large state are untouched by a run).
    """
    topics = []
    for record in state.topics:
        if len(record.story_numbers) < 2:
            continue
        stories = [state.stories[n] for n in record.story_numbers]
        # the sizes decide which titles may name the topic, so they key the cache too
        titles = tuple((s.title, len(s.article_ids)) for s in stories)
        made = record.public
        if made is not None and made[0] == k and made[1] == titles:
            topics.append(made[2])
            continue
        largest = max(size for _, size in titles)
        main = (title for title, size in titles if 2 * size >= largest)
        title = best_title(((t, False) for t in main), record.centroid.terms)
        keywords = label_terms(record.centroid.terms, k)
        ids = tuple(s.id for s in stories)
        topic = Topic(record.id, title or titles[0][0], ids, keywords)
        record.public = (k, titles, topic)
        topics.append(topic)
    return tuple(topics)


def topic_id_of(state: StoryState, number: int) -> str | None:
    """The public topic id of story ``number`` (None when its topic holds only it)."""
    topic = state.stories[number].topic
    if topic is None or len(state.topics[topic].story_numbers) < 2:
        return None
    return state.topics[topic].id
