"""Publication dates stated by an article's own text: explicit datelines only.

Kept apart from the temporal tagger (``temporal.py``), which it uses: the tagger reads dates
in sentences, this reads the one line that says when the article itself appeared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timedelta
from functools import lru_cache

from ..ingest.dates import in_utc
from ..model import Article
from ..text import split_sentences
from .patterns import DAY, MON
from .temporal import tag_dates
from .tense import tense

__all__ = [
    "calendar_days",
    "infer_published",
    "published_conflict",
    "reported_after_publication",
    "reported_past_after",
]

# What a calendar day cannot be written without: a month's name or a numeric date.
_CALENDAR_CUE = re.compile(r"(?-i:Jan|Feb|Mar|Apr|May|Ju[nl]|Aug|Sep|Oct|Nov|Dec)|\d[-/.]\d")
_DIGIT = re.compile(r"\d")
# Days after its date that a page reports as past before the date is called wrong.
WRONG_DATE_DAYS = 31
# Only the lead is read for it: what it reports is the page's news, where readers' comments
# below it ("3:53 pm ET February 11, 2013 RETWEET ...") were stamped as they came.
LEAD_SENTENCES = 5
_YEAR = re.compile(r"\b(?:1[89]|2\d)\d\d\b")
_UNTIL = re.compile(r"\b(?:until|till|through|by|before|ahead of)\s+(?:\w+\s+)?$", re.I)

_DATELINE = re.compile(
    rf"^(?:[A-Z][A-Za-z .,'()-]{{0,40}}?[,(]\s*)?(?P<date>{MON}\s+{DAY}\s*,\s*[12]\d{{3}})"
    r"\s*(?:[-:|(/]|\s-|$)"
)
_POSTED = re.compile(
    rf"^(?:Published|Posted|Updated|Date)(?:\s+on)?\s*:?\s*(?P<date>{MON}\s+{DAY}\s*,\s*"
    r"[12]\d{3}|[12]\d{3}-\d{2}-\d{2})\b",
    re.I,
)


def _datelines(article: Article) -> Iterator[str]:
    lines = [line.strip() for line in article.text.split("\n") if line.strip()]
    for line in lines[:3] + lines[-3:]:
        for pattern in (_DATELINE, _POSTED):
            match = pattern.match(line)
            if match:
                mentions = tag_dates(match["date"], None)
                if mentions and mentions[0].granularity == "day" and mentions[0].date:
                    yield mentions[0].date


def infer_published(article: Article) -> str | None:
    """The publication day stated by an explicit dateline ("Jan. 17, 2022 -", "Posted on ...").

    Only the first and last three lines are read, and only full dates with a year count; two
    different datelines make it unsafe, so None. Callers mark the result as "inferred".
    """
    found = sorted(set(_datelines(article)))
    return found[0] if len(found) == 1 else None


def published_conflict(article: Article) -> str:
    """A note when the metadata date and the text's own dateline disagree by over a day, or
    when the text reports as past a day, named with its year, over a month after it."""
    stated = infer_published(article)
    day = article.day
    if day is None:
        return ""
    if stated is not None:
        gap = abs((datetime.fromisoformat(stated) - datetime.fromisoformat(day)).days)
        if gap > 1:
            return f"publication date {day} contradicts the dateline {stated} in the text"
    later = reported_past_after(article.text, article.published, article.language or "en")
    if later is None:
        return ""
    return (
        f"publication date {day} is before {later}, which the text reports as past: "
        "it may be wrong, and so may the days read from it"
    )


@lru_cache(maxsize=4096)
def reported_past_after(text: str, published: str | None, language: str = "en") -> str | None:
    """The latest day that ``text`` names with its year ("March 10, 2026") in a clause in
    the past tense, when it is over :data:`WRONG_DATE_DAYS` after the publication day (both
    as the metadata writes it and in UTC); else None. A page dated 2019 that reports what
    happened "on March 10, 2026" has a wrong date (a QA pass as a fact-checker, session 28:
    its "on Friday" was read as a day of 2019, with nothing to say why). A day in the present
    tense ("the trial opens on April 2, 2026") or without its year is no evidence: schedules
    read so; nor is one a few days later (a page updated in place, or a reader's comment:
    "Posted by Jason, May 1st, 2009"; the entry of that day says so itself), nor one past
    the first :data:`LEAD_SENTENCES` sentences."""
    if not published or len(published) < 10:
        return None
    latest = max(published[:10], (_in_utc(published) or published)[:10])
    limit = (datetime.fromisoformat(latest) + timedelta(days=WRONG_DATE_DAYS)).date().isoformat()
    found = [
        mention.date
        for span in split_sentences(text)[:LEAD_SENTENCES]
        if _YEAR.search(span.text)
        for mention in tag_dates(span.text, published, language)
        if mention.granularity == "day"
        and mention.date
        and mention.date > limit
        and _YEAR.search(mention.expression)
        and tense(span.text, mention.start, mention.end) == (False, True)
    ]
    return max(found) if found else None


@lru_cache(maxsize=4096)
def reported_after_publication(
    text: str, published: str | None, language: str = "en"
) -> tuple[str, ...]:
    """The calendar days that ``text`` names ("10 March"), in a clause not in the future
    tense and not as the end of a period ("until 6 May"), after the day it was published,
    both as its metadata writes it and in UTC; none without a publication day. A report of
    a Tuesday's blast dated the Monday before was backdated, or its metadata is wrong; but
    a schedule in the present tense ("the bank meets on May 7") or a reader's comment
    stamped later reads the same, so callers weigh them (see ``storyline.provenance``).
    Days named relative to publication ("tomorrow") say nothing of it, and are not read."""
    if not published or len(published) < 10:
        return ()
    if language == "en" and not _CALENDAR_CUE.search(text):
        return ()
    latest = max(published[:10], (_in_utc(published) or published)[:10])
    found: list[str] = []
    for span in split_sentences(text):
        found.extend(day for day in calendar_days(span.text, published) if day > latest)
    return tuple(dict.fromkeys(found))


def calendar_days(sentence: str, published: str | None, language: str = "en") -> list[str]:
    """The days that ``sentence`` names by the calendar (with a digit), in a clause not in
    the future tense and not as the end of a period."""
    if not _DIGIT.search(sentence) or (language == "en" and not _CALENDAR_CUE.search(sentence)):
        return []
    return [
        mention.date
        for mention in tag_dates(sentence, published, language)
        if mention.granularity == "day"
        and mention.date
        and _DIGIT.search(mention.expression)
        and not _UNTIL.search(sentence, max(0, mention.start - 12), mention.start)
        and not tense(sentence, mention.start, mention.end)[0]
    ]


def _in_utc(published: str) -> str | None:
    """The UTC day of a timestamp with an offset ("2026-03-10"); None for anything else."""
    moment = in_utc(published)
    return moment.date().isoformat() if moment else None
