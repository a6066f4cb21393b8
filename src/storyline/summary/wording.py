"""The wording a summary sentence is printed in: the fact as it was first reported.

The greedy selection takes a fact that several voices state in their own words (see
:mod:`.corroboration`) in whichever wording covers most for its length, which may be a late
rewrite's: a content farm's machine translation of a wire ("Rescuers declared that the
warehouse with 600 tonnes of chemical the fire did not touch") over the wire's own sentence,
published hours before. Where a fact was reported earlier in other words, that report's
sentence is printed instead, when each of the two states the other's fact (and dates it to
the same days), it is as clean (its tier), and the summary still fits its budget; the later
wording is then listed under "also reported as". The opening and where the story stands now
are left as chosen. Without publication dates nobody was first, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..ingest.dates import Instant, published_order
from ..model import Article, Relation
from .attribution import SentenceIndex, StatedDays, believed, first_seen, support
from .corroboration import FIGURE_COSINE, restates
from .options import SummaryOptions
from .select import Budget
from .sentences import Sentence


def first_reported(
    chosen: Sequence[Sentence],
    candidates: Sequence[Sentence],
    found: tuple[SentenceIndex, StatedDays],
    relations: Sequence[Relation],
    known: tuple[Mapping[str, Article], Mapping[str, Sequence[str]]],
    options: SummaryOptions,
    kept: Sequence[Sentence | None] = (),
) -> list[Sentence]:
    """``chosen``, each sentence replaced by the earliest reported restatement of its fact
    among ``candidates`` where there is one (``known``: the articles by id, and the articles
    each copies). The sentences ``kept`` stay: the opening is the first report's own lead,
    and where the story stands now is said by the latest report on purpose."""
    by_id, copied = known
    if not any(article.published for article in by_id.values()):
        return list(chosen)
    offered = {(s.article_id, s.index) for s in candidates}
    printed = list(chosen)
    for n, sentence in enumerate(chosen):
        if sentence in kept:
            continue
        since = _reported(sentence, found, relations, known, options)
        earlier = [
            (when, other.article_id, other.index, other)
            for other in found[0].similar(sentence, FIGURE_COSINE)
            if (other.article_id, other.index) in offered
            and other.tier <= sentence.tier
            and other not in printed
            and (when := published_order(believed(other.article_id, by_id, copied))).before(since)
            and restates(sentence, other) is not None
            and restates(other, sentence) is not None
            and not found[1].differ(sentence, other)
        ]
        for *_, other in sorted(earlier, key=lambda item: item[:3]):
            trial = [*printed[:n], other, *printed[n + 1 :]]
            if _fits(trial, options):
                printed = trial
                break
    return printed


def _reported(
    sentence: Sentence,
    found: tuple[SentenceIndex, StatedDays],
    relations: Sequence[Relation],
    known: tuple[Mapping[str, Article], Mapping[str, Sequence[str]]],
    options: SummaryOptions,
) -> Instant:
    """When the articles that state ``sentence`` itself first said it."""
    by_id, copied = known
    stating = [i for i in support(sentence, found[0], relations, options, found[1]) if i in by_id]
    first = first_seen(stating or [sentence.article_id], by_id, copied)
    return published_order(believed(first, by_id, copied))


def _fits(sentences: Sequence[Sentence], options: SummaryOptions) -> bool:
    budget = Budget(options)
    for sentence in sentences:
        if not budget.fits(sentence):
            return False
        budget.take(sentence)
    return True
