"""Story labels: the most representative headline, keywords, dates and outlets."""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..model import Article, Story
from ..text import words
from .features import STOP_WORDS, head
from .state import StoryRecord


def headline(story: StoryRecord, articles: Mapping[str, Article]) -> str:
    """The member title whose words weigh most in the story centroid (per sqrt of length).

    Ties go to the earliest member; with no member at hand, the title chosen last time stays.
    """
    best_title = story.title
    best_score = -1.0
    for article_id in story.article_ids:
        article = articles.get(article_id)
        if article is None or not article.title.strip():
            continue
        tokens = list(dict.fromkeys(t.lower() for t in words(article.title)))
        terms = [t for t in tokens if t not in STOP_WORDS]
        if not terms:
            continue
        score = sum(story.centroid.terms.get(t, 0.0) for t in terms) / math.sqrt(len(terms))
        if score > best_score:
            best_title, best_score = article.title.strip(), score
    if not best_title:
        best_title = ", ".join(keywords(story, 3))
    return best_title


def keywords(story: StoryRecord, k: int) -> tuple[str, ...]:
    """The heaviest terms of the story centroid (kept heaviest first)."""
    return tuple(key for key, _ in head(story.centroid.terms, k))


def to_story(record: StoryRecord, topic_id: str | None) -> Story:
    """The public record of a story (summary and timeline are left to later stages).

    Made once per change: an unchanged record gives back the Story it gave last time (a
    large state holds many stories that a run of new articles does not touch).
    """
    public = record.public
    if public is not None and public.topic_id == topic_id:
        return public
    record.public = Story(
        id=record.id,
        title=record.title,
        article_ids=tuple(record.article_ids),
        keywords=tuple(record.keywords),
        first_date=record.first_day,
        last_date=record.last_day,
        outlets=tuple(record.outlets),
        topic_id=topic_id,
    )
    return record.public
