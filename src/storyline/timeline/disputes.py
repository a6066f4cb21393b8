"""Days in dispute: two sources date one statement to different days.

A rewrite that says "Halvard Pim quit as governor ... on Sunday" of a wire's "The governor
... resigned on Monday" put the resignation on the timeline twice, on both days, each
looking certain, with nothing said of the disagreement (a QA pass as a fact-checker,
session 28). The summary shows both days as versions of its claim (:mod:`..summary.days`);
this does the same for the timeline, with the same comparison: two candidates are one
statement dated two ways when a reuse passage (verbatim or paraphrase) covers half of one
and overlaps the other, they share most content words, each names exactly one day (by the
week or the calendar) that is its date, and their other numbers agree. A day that dates what
was said ("said on Sunday"), a day counted from another event ("two days after") and an
update with other counts are no dispute (:func:`..summary.days.stated_day`).

The day that more independent voices give keeps the statement; ties go to the earliest
published report (a rewrite that moves its original's day does not outvote it). The
sentences of the other days, and those of their own day that restate them or copy them,
leave the timeline: they are not events of their day but the versions that the kept
sentences carry (:attr:`.selection.Candidate.variants`), each with the articles that give
it. Without relations nothing is compared: two reports of like words on two days, which no
passage pairs, may well be two events.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..ingest.dates import Instant, published_order
from ..model import Relation, Variant
from .copies import linked, passage_sides
from .selection import Candidate

__all__ = ["settle_days"]

# The passages that pair one statement in one language: word for word or reworded.
_DATING = frozenset({"verbatim", "paraphrase"})
# Half the sentence inside a passage, as the summary's day versions ask.
_COVERED = 0.5


def settle_days(dated: Sequence[Candidate], relations: Sequence[Relation]) -> list[Candidate]:
    """``dated`` with each statement that sources date to different days kept on the day
    most voices give, carrying the other days as versions, and left off the others."""
    dated = list(dated)
    pairs = _disputes(dated, relations)
    if not pairs:
        return dated
    components = linked(pairs)
    disputed = {i for members in components for i in members}
    on_day: dict[str, list[int]] = {}  # the other candidates of each disputed day
    days = {dated[i].date for i in disputed}
    for index, candidate in enumerate(dated):
        if candidate.date in days and index not in disputed and candidate.granularity == "day":
            on_day.setdefault(candidate.date or "", []).append(index)
    dropped: set[int] = set()
    carrying: dict[int, tuple[Variant, ...]] = {}
    for members in components:
        by_day = _versions(dated, members, on_day)
        ranked = sorted(by_day, key=lambda day: _standing(dated, by_day[day], day))
        labels = {day: _label(dated, by_day[day]) for day in ranked}
        variants = tuple(
            Variant(labels[day], tuple(sorted({dated[i].article.id for i in by_day[day]})))
            for day in ranked
        )
        for day in ranked[1:]:
            dropped.update(by_day[day])
        for index in by_day[ranked[0]]:
            carrying[index] = variants
    return [
        replace(c, variants=carrying[i]) if i in carrying else c
        for i, c in enumerate(dated)
        if i not in dropped
    ]


def _disputes(dated: Sequence[Candidate], relations: Sequence[Relation]) -> list[tuple[int, int]]:
    """(candidate, candidate of another article and day) that state one thing."""
    at: dict[str, list[int]] = {}
    for index, candidate in enumerate(dated):
        if _eligible(candidate):
            at.setdefault(candidate.article.id, []).append(index)
    found: set[tuple[int, int]] = set()
    # translations left out: a day read in another language is the tagger's
    for mine, sides in passage_sides(relations, at, _DATING).items():
        for start, end, other, other_start, other_end in sides:
            for i in at[mine]:
                if not _covered(dated[i], start, end):
                    continue
                for j in at[other]:
                    theirs = dated[j]
                    if theirs.start < other_end and other_start < theirs.end:
                        found.add((min(i, j), max(i, j)))
    return [(i, j) for i, j in sorted(found) if _same_statement(dated[i], dated[j])]


def _eligible(candidate: Candidate) -> bool:
    """A day its sentence names itself (not a lead offered for its publication day)."""
    return (
        candidate.granularity == "day"
        and candidate.from_text
        and bool(candidate.date and candidate.expression)
        and candidate.follows is None
    )


def _covered(candidate: Candidate, start: int, end: int) -> bool:
    length = max(1, candidate.end - candidate.start)
    inside = max(0, min(end, candidate.end) - max(start, candidate.start))
    return inside / length >= _COVERED


def _same_statement(one: Candidate, other: Candidate) -> bool:
    """Whether the two sentences state one thing on the different days they are dated."""
    # the summary stage reads the date tagger: imported here, not with the package
    from ..summary.attribution import ALIGNED_SIMILARITY
    from ..summary.days import numbers_agree, stated_day
    from ..summary.sentences import content, cosine, tokens

    if one.date == other.date or one.article.id == other.article.id:
        return False
    if cosine(content(tokens(one.text)), content(tokens(other.text))) < ALIGNED_SIMILARITY:
        return False
    mine, theirs = stated_day(one.text, one.article), stated_day(other.text, other.article)
    if mine is None or theirs is None or (mine.date, theirs.date) != (one.date, other.date):
        return False
    return numbers_agree(mine, theirs)


def _versions(
    dated: Sequence[Candidate], members: Sequence[int], on_day: dict[str, list[int]]
) -> dict[str, list[int]]:
    """Each day of a disputed statement and its candidates: the disputing ones, those of
    their day that restate them (another voice's own words) and the copies that follow them."""
    from ..summary.sentences import content, tokens

    by_day: dict[str, list[int]] = {}
    for index in members:
        by_day.setdefault(dated[index].date or "", []).append(index)
    for day, indices in by_day.items():
        stems = [content(tokens(dated[i].text)) for i in indices]
        keys = {(dated[i].article.id, dated[i].start) for i in indices}
        for index in on_day.get(day, ()):
            candidate = dated[index]
            if candidate.follows in keys or (_eligible(candidate) and _restates(candidate, stems)):
                indices.append(index)
    return by_day


def _restates(candidate: Candidate, stems: Sequence[frozenset[str]]) -> bool:
    from ..summary.attribution import ALIGNED_SIMILARITY
    from ..summary.sentences import content, cosine, tokens

    mine = content(tokens(candidate.text))
    return any(cosine(mine, theirs) >= ALIGNED_SIMILARITY for theirs in stems)


def _standing(
    dated: Sequence[Candidate], indices: Sequence[int], day: str
) -> tuple[int, Instant, str]:
    """A day's rank: more voices first, then the earliest published report."""
    voices = {dated[i].voice for i in indices}
    first = min(published_order(dated[i].article.published) for i in indices)
    return -len(voices), first, day


def _label(dated: Sequence[Candidate], indices: Sequence[int]) -> str:
    """The day as the first of its sentences that names it alone does: "Sunday, 2026-03-08"."""
    from ..summary.days import stated_day

    for index in sorted(indices, key=lambda i: (dated[i].article.id, dated[i].start)):
        day = stated_day(dated[index].text, dated[index].article)
        if day is not None and day.date == dated[index].date:
            return day.label
    return dated[indices[0]].date or ""
