"""Day disputes: a rewrite that dates the claim's statement to another day.

The reuse stage aligns a rewrite's sentence with the sentence it rewrites ("The governor ...
resigned on Monday after a state audit ..." / "Halvard Pim quit as governor ... on Sunday
after auditors said ..."). Attribution does not cite a sentence that dates its statement to
other days (see :class:`.attribution.StatedDays`), but the reader saw nothing of the other
day: a fact-checker wants both days and who gives each (a QA pass as a fact-checker, session
28). Figures and names have their versions (:mod:`.disagreement`); this gives the days', for
a claim that has none of those.

Two sentences are one statement dated two ways when the reuse stage aligned them (a
verbatim or paraphrase passage over half of the claim), they share most content words (a
cosine of at least :data:`~.attribution.ALIGNED_SIMILARITY`: a rewrite changes the small
words too, so the word-overlap F1 that a citation needs is not asked), each names exactly
one day (by the week or the calendar), the days differ, and their other numbers agree
(within a tenth: a rewrite rounds "4.2 million" to "about 4 million"). Left out, as a
later day's news rather than the same event on another day: a sentence that dates itself
from another event ("on Tuesday, a day after the train derailed"), a day that dates a
statement ("officials said on Thursday"; officials say things again), and another count
("91 cases on Tuesday" / "109 on Thursday": an update; met on a Reuters outbreak timeline).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..model import Article, Relation, Variant
from ..text import CARDINALS
from ..timeline.temporal import tag_dates
from .attribution import ALIGNED_SIMILARITY, SentenceIndex, aligned_passages
from .sentences import Sentence, cosine

_COUNT = "|".join(["a", "an", "one", "several", "few", r"\d+", *sorted(CARDINALS)])
# "a day after", "eight days after", "two weeks later": a day counted from another event.
_OFFSET = re.compile(
    rf"\b(?:{_COUNT})\s+(?:hours?|days?|nights?|weeks?|months?)\s+"
    r"(?:after|before|later|earlier|since|ago|on)\b",
    re.IGNORECASE,
)
# A speech verb shortly before the day: "said on Thursday", "told reporters on Wednesday".
_SAID = re.compile(
    r"\b(?:said|says|told|announced|stated|added|reported|confirmed|declared)\b[^,.;]{0,25}$",
    re.IGNORECASE,
)
# A day named by the week or the calendar; "today", "tonight" or "yesterday" of two pages
# published on different days are two days by design (and "Piers Morgan Tonight" a show).
_NAMED = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def day_variants(
    claim: Sentence,
    support: Sequence[str],
    relations: Sequence[Relation],
    index: SentenceIndex,
    by_id: Mapping[str, Article],
) -> tuple[Variant, ...]:
    """The claim's day, with its support, and each other day that an aligned rewrite gives
    to the same statement, with the articles that give it; () when none differs."""
    mine = _one_day(claim, by_id)
    if mine is None:
        return ()
    others: dict[str, tuple[str, list[str]]] = {}
    for article_id, other in _aligned(claim, relations, index):
        if article_id in support or not _restates(claim, other):
            continue
        theirs = _one_day(other, by_id)
        if theirs is None or theirs.date == mine.date:
            continue
        if numbers_agree(mine, theirs):
            others.setdefault(theirs.date, (theirs.label, []))[1].append(article_id)
    if not others:
        return ()
    versions = [(mine.label, sorted(support)), *((p, sorted(ids)) for p, ids in others.values())]
    ordered = sorted(versions, key=lambda v: (v[1][0], v[0]))
    return tuple(Variant(text=p, article_ids=tuple(ids)) for p, ids in ordered)


class Day(NamedTuple):
    """The one day a sentence dates its statement to (see :func:`stated_day`)."""

    label: str  # "Sunday, 2026-03-08"
    date: str
    numbers: tuple[float, ...]  # the sentence's other numbers


def _one_day(sentence: Sentence, by_id: Mapping[str, Article]) -> Day | None:
    article = by_id.get(sentence.article_id)
    return None if article is None else stated_day(sentence.text, article)


def stated_day(text: str, article: Article) -> Day | None:
    """The one day ``text`` names, read against ``article``'s publication date, when it
    counts it from no other event and it dates no statement; else None."""
    if not article.published or _OFFSET.search(text):
        return None
    mentions = tag_dates(text, article.published, article.language or "en")
    days = [m for m in mentions if m.granularity == "day" and m.date]
    if len({m.date for m in days}) != 1 or _SAID.search(text, 0, days[0].start):
        return None
    if not _NAMED.search(days[0].expression):  # "today" is each page's own day
        return None
    rest = text
    for m in sorted(mentions, key=lambda m: m.start, reverse=True):
        rest = rest[: m.start] + " " + rest[m.end :]
    numbers = tuple(float(n.replace(",", "")) for n in _NUMBER.findall(rest))
    return Day(f"{days[0].expression}, {days[0].date}", str(days[0].date), numbers)


def numbers_agree(mine: Day, theirs: Day) -> bool:
    """Whether two days' sentences give the same other numbers, give or take a tenth (a
    rewrite rounds "4.2 million" to "about 4 million"; "91 cases" / "109" is an update)."""
    return _agree(mine.numbers, theirs.numbers) and _agree(theirs.numbers, mine.numbers)


def _agree(mine: Sequence[float], theirs: Sequence[float]) -> bool:
    """Whether each of ``mine`` is one of ``theirs``, give or take a tenth."""
    return all(any(abs(a - b) <= 0.1 * max(a, b) for b in theirs) for a in mine)


def _aligned(
    claim: Sentence, relations: Sequence[Relation], index: SentenceIndex
) -> list[tuple[str, Sentence]]:
    """(article, sentence) of the other side of each passage aligned over half the claim."""
    found: list[tuple[str, Sentence]] = []
    for other, _, theirs, theirs_end, covered in aligned_passages(claim, relations):
        if covered >= 0.5:
            found.extend((other, s) for s in index.within(other, theirs, theirs_end))
    return found


def _restates(claim: Sentence, other: Sentence) -> bool:
    return cosine(claim.stems, other.stems) >= ALIGNED_SIMILARITY
