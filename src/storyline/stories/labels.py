"""Story labels: the most representative headline, keywords, dates and outlets."""

from __future__ import annotations

import math
from collections.abc import Mapping

from ..model import Article, Story
from ..text import words
from .features import STOP_WORDS, top
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
    """The heaviest terms of the story centroid."""
    return tuple(key for key, _ in top(story.centroid.terms, k))


def to_story(record: StoryRecord, topic_id: str | None) -> Story:
    """The public record of a story (summary and timeline are left to later stages)."""
    return Story(
        id=record.id,
        title=record.title,
        article_ids=tuple(record.article_ids),
        keywords=tuple(record.keywords),
        first_date=record.first_day,
        last_date=record.last_day,
        outlets=tuple(record.outlets),
        topic_id=topic_id,
    )
