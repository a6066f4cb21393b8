"""Story labels: the most representative headline, keywords, dates and outlets."""

from __future__ import annotations

import math
from collections.abc import Container, Iterable, Mapping
from dataclasses import replace
from itertools import islice

from ..model import Article, Story
from ..text import forward_opening, words
from .features import STOP_WORDS
from .state import StoryRecord

# A "title" longer than this is a lead sentence standing in for a headline (plain-text files
# without one): used only when no member has a real headline.
MAX_HEADLINE_WORDS = 16


def headline(
    story: StoryRecord, articles: Mapping[str, Article], copies: Container[str] = frozenset()
) -> str:
    """The founding article's headline: the first report names the event, and the label
    stays the same as the story grows (stable across runs, unlike a vote that a new member
    can tip). When the founder's title is over-long (a lead sentence standing in for a
    headline) or empty, the member headline whose words weigh most in the story centroid,
    copies (duplicate-group members other than the representative) last.
    """
    founder = articles.get(story.founder)
    if founder is not None and is_headline(founder.title):
        return _unforwarded(founder.title)
    if is_headline(story.title):  # chosen in an earlier run, whose members are not at hand
        return _unforwarded(story.title)
    titles = [(story.title, False)] if story.title else []
    for article_id in story.article_ids:
        article = articles.get(article_id)
        if article is not None and article.title.strip():
            titles.append((article.title.strip(), article_id in copies))
    best = best_title(titles, story.centroid.terms)
    return _unforwarded(best or story.title) or ", ".join(keywords(story, 3))


def _unforwarded(title: str) -> str:
    """``title`` without a Telegram forward's "Forwarded from NAME: ": the article's title
    keeps where the post came from, but the story is the news, not who passed it on."""
    title = title.strip()
    return title[forward_opening(title) :].strip() or title


# Words of the titles that sites give every page of a section ("International News Article",
# "Top News", "Personal Finance"): a title made of these alone names no event.
_SITE_WORDS = """
news article articles story stories top international world national local home page
business finance personal sport sports breaking latest headlines online index default
untitled print view section edition front daily today report reports update updates
homepage welcome
"""
_SITE_TITLE_WORDS = frozenset(_SITE_WORDS.split())


def is_headline(title: str) -> bool:
    """A title of headline length that names something beyond a site's section."""
    tokens = [token.lower() for token in words(title)]
    if not 0 < len(tokens) <= MAX_HEADLINE_WORDS:
        return False
    return any(t not in _SITE_TITLE_WORDS and t not in STOP_WORDS for t in tokens)


def best_title(titles: Iterable[tuple[str, bool]], weights: Mapping[str, float]) -> str | None:
    """The (title, is_a_copy) pair's title that ranks first: headline-length and original
    before over-long or copied, then by centroid weight of its words per sqrt of their number;
    the earliest on ties. None when no title has a content word."""
    best: tuple[int, float] | None = None
    chosen = None
    for title, copied in titles:
        tokens = list(dict.fromkeys(t.lower() for t in words(title)))
        terms = [t for t in tokens if t not in STOP_WORDS]
        if not terms:
            continue
        tier = int(not is_headline(title)) + int(copied)
        score = sum(weights.get(t, 0.0) for t in terms) / math.sqrt(len(terms))
        if best is None or (-tier, score) > (-best[0], best[1]):
            best, chosen = (tier, score), title
    return chosen


# Words of a page's stamps ("Update 3:09 p.m. ET"), frequent in live blogs: they cluster no
# worse for being there, but they name no story.
_STAMP_WORDS = frozenset(
    ("a.m", "p.m", "am", "pm", "et", "est", "edt", "gmt", "bst", "utc", "update", "updated")
)


def label_terms(terms: Mapping[str, float], k: int) -> tuple[str, ...]:
    """The ``k`` heaviest of ``terms`` (a centroid, heaviest first) that can name a story."""
    return tuple(islice((key for key in terms if key not in _STAMP_WORDS), k))


def keywords(story: StoryRecord, k: int) -> tuple[str, ...]:
    """The heaviest terms of the story centroid (kept heaviest first), stamps' words left out."""
    return label_terms(story.centroid.terms, k)


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


def believed_span(story: Story, days: Mapping[str, str]) -> Story:
    """``story`` with its first day the earliest of its articles' believed days (``days``:
    article id -> the day it can have been published, see
    :func:`storyline.summary.attribution.believed`). A copy dated before the text it copies
    (a content farm's page stamped a day early) opens the span no more; the stories stage,
    which reads each article once in date order, set it before provenance was known."""
    believed = [days[a] for a in story.article_ids if a in days]
    first = min(believed, default=None)
    if first is None or story.first_date is None or first <= story.first_date:
        return story
    return replace(story, first_date=min(first, story.last_date or first))
