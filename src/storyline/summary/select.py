"""Selection: budgeted maximum concept coverage by lazy greedy search.

Each step takes the sentence with the best ratio of newly covered concept weight (boosted for
early position) to length**r, skipping sentences too similar to one already taken or too long
for what is left of the budget. Covered concepts count once, so the gain of a sentence only
falls as the summary grows, which is what makes the lazy (priority-queue) evaluation exact.
Cleaner tiers are exhausted first: a pronoun-opening sentence is used only when clean ones
fill less than half the budget, a fragment only when nothing else was found.

When the articles are dated, the summary opens with the lead of the first report (see
:func:`opening`) if it takes at most half the budget: it is where the story's event is
stated, and a denser follow-up lead that mentions the event only in passing would otherwise
push it out as redundant. When the story has gone on to a later day, the lead of the latest
day's report that adds most to the opening comes next (see :func:`latest`) if it takes at
most a third of the budget and does not restate the opening: where the story stands now
("all nine miners were brought to the surface") shares the story's names with its start
("nine miners were trapped at Brennock") and the greedy's redundancy test would drop it.
For the same reason, the lead of an original report of any day after the first (see
:func:`developments`) is tested against sentences of other days only for restating them:
a follow-up's lead recalls the event to say what is new ("the bridge reopened on Tuesday,
eight days after the ship struck it"), and that recall alone must not cost it its place.
"""

from __future__ import annotations

import heapq
import itertools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..ingest.dates import Instant, published_instant
from .options import SummaryOptions
from .sentences import Concept, Sentence, cosine


class Budget:
    """Words or UTF-8 bytes left, for sentences joined by single spaces."""

    def __init__(self, options: SummaryOptions) -> None:
        self.by_words = options.max_words is not None
        self.limit = options.max_words if options.max_words is not None else options.max_bytes
        self.used = 0

    def cost(self, sentence: Sentence) -> int:
        if self.by_words:
            return sentence.words
        size = len(sentence.text.encode("utf-8"))
        return size + 1 if self.used else size

    def fits(self, sentence: Sentence) -> bool:
        return self.limit is not None and self.used + self.cost(sentence) <= self.limit

    def take(self, sentence: Sentence) -> None:
        self.used += self.cost(sentence)

    def fill(self) -> float:
        return self.used / self.limit if self.limit else 1.0


# A latest lead whose content words have a cosine above this with the opening restates it.
_RESTATES = 0.6
_DAY_SECONDS = 86_400
# Whether a candidate states what a chosen sentence states, in words the cosine cannot
# compare (another language: see :mod:`.restated`).
Restates = Callable[[Sentence, Sentence], bool]


@dataclass(frozen=True)
class Developments:
    """Each dated article's UTC day, and the leads (article id, sentence index) of the
    original reports of a day after the story's first day."""

    days: Mapping[str, int] = field(default_factory=dict)
    leads: frozenset[tuple[str, int]] = frozenset()

    def repeats(self, sentence: Sentence, chosen: Sequence[Sentence], redundancy: float) -> bool:
        """Whether ``sentence`` says too much of what ``chosen`` says: a content-word cosine
        above ``redundancy``, or, for a development's lead against a sentence of another day,
        above the bar for restating it."""
        later = (sentence.article_id, sentence.index) in self.leads
        day = self.days.get(sentence.article_id)
        for taken in chosen:
            bar = redundancy
            if later and day is not None and self.days.get(taken.article_id, day) != day:
                bar = max(redundancy, _RESTATES)
            if cosine(sentence.stems, taken.stems) > bar:
                return True
        return False


def select(
    candidates: Sequence[Sentence],
    weights: Mapping[Concept, float],
    options: SummaryOptions,
    first: Sentence | None = None,
    last: Sentence | None = None,
    developments: Developments = Developments(),
    restates: Restates | None = None,
) -> list[Sentence]:
    """The chosen sentences, in the order they were chosen.

    ``first`` is taken first when it needs at most half the budget, so that one long lead
    cannot crowd out the rest of a short summary; ``last`` next, when it needs at most a
    third of the budget, fits what is left and does not restate ``first``. The leads of
    ``developments`` are held redundant with other days' sentences only when they restate
    them. A candidate that ``restates`` holds to state what a chosen one states is redundant
    too.
    """
    budget = Budget(options)
    chosen: list[Sentence] = []
    covered: set[Concept] = set()
    limit = budget.limit or 0
    for lead, share in ((first, 2), (last, 3)):
        if lead is None or share * budget.cost(lead) > limit or not budget.fits(lead):
            continue
        if any(cosine(lead.stems, c.stems) > _RESTATES for c in chosen):
            continue
        if restates is not None and any(restates(lead, c) for c in chosen):
            continue
        budget.take(lead)
        chosen.append(lead)
        covered.update(lead.concepts)
    candidates = [s for s in candidates if all(s is not c for c in chosen)]
    for tier in (0, 1, 2):
        if tier == 1 and budget.fill() >= 0.5:
            break
        if tier == 2 and chosen:
            break
        pool = [s for s in candidates if s.tier == tier]
        _greedy(pool, weights, options, budget, chosen, covered, (developments, restates))
    return chosen


def opening(
    candidates: Sequence[Sentence],
    published: Mapping[str, str | None],
    weights: Mapping[Concept, float],
    options: SummaryOptions,
) -> Sentence | None:
    """The lead of the first report: the first clean sentence among the first two of the
    earliest-published article (of several published at once, the lead that scores best).

    None when no article is dated (then nothing says which report came first) or the first
    report opens with no clean sentence.
    """
    instants = _instants(published)
    earliest = min(instants.values(), default=None)
    if earliest is None:
        return None
    first = {aid for aid, at in instants.items() if at == earliest}
    return _best_lead(candidates, first, weights, set(), options)


def latest(
    candidates: Sequence[Sentence],
    published: Mapping[str, str | None],
    weights: Mapping[Concept, float],
    options: SummaryOptions,
    first: Sentence | None,
) -> Sentence | None:
    """The lead of the latest report of the latest day: of the articles published on the
    latest UTC day, the first clean sentence among the first two of each that shares a
    concept with another voice (one that does not is a sidebar), from the one published last
    (a figure revised on Friday morning supersedes Thursday night's), then ranked by the
    concept weight it adds to ``first``'s and by its own. A development that one outlet alone
    reports adds no weight (a concept counts from its second voice), so it may win on the
    second key alone.

    None when fewer than two days are known to the day, or when no lead shares a concept
    with another voice.
    """
    instants = _instants(published)
    days = _days(instants)
    if len(set(days.values())) < 2:
        return None
    last_day = max(days.values())
    covered = set(first.concepts) if first is not None else set()
    on_story = [
        lead
        for lead in _leads(candidates, {aid for aid, day in days.items() if day == last_day})
        if _score(lead, weights, set(), options) > 0
    ]
    newest = max((instants[lead.article_id] for lead in on_story), default=None)
    latest_ones = {lead.article_id for lead in on_story if instants[lead.article_id] == newest}
    return _best_lead(on_story, latest_ones, weights, covered, options)


def developments(
    candidates: Sequence[Sentence], published: Mapping[str, str | None]
) -> Developments:
    """The day of each article dated to the day, and the lead of each report of ``published``
    (the originals) that came out on a later day than the first one. Empty when fewer than
    two days are known."""
    days = _days(_instants(published))
    if len(set(days.values())) < 2:
        return Developments()
    first_day = min(days.values())
    later = {aid for aid, day in days.items() if day > first_day}
    leads = frozenset((s.article_id, s.index) for s in _leads(candidates, later))
    return Developments(days, leads)


def _days(instants: Mapping[str, Instant]) -> dict[str, int]:
    """The UTC day of each instant known at least to the day."""
    return {aid: at.first // _DAY_SECONDS for aid, at in instants.items() if at.precision >= 2}


def _instants(published: Mapping[str, str | None]) -> dict[str, Instant]:
    instants = {aid: published_instant(stamp) for aid, stamp in published.items()}
    return {aid: at for aid, at in instants.items() if at is not None}


def _best_lead(
    candidates: Sequence[Sentence],
    articles: set[str],
    weights: Mapping[Concept, float],
    covered: set[Concept],
    options: SummaryOptions,
) -> Sentence | None:
    """The best-scoring lead (first clean sentence among the first two) of ``articles``."""
    ranked = sorted(
        _leads(candidates, articles),
        key=lambda s: (
            -_score(s, weights, covered, options),
            -_score(s, weights, set(), options),
            s.article_id,
        ),
    )
    return ranked[0] if ranked else None


def _leads(candidates: Sequence[Sentence], articles: set[str]) -> list[Sentence]:
    """The lead of each of ``articles``: its first clean sentence among its first two."""
    leads: dict[str, Sentence] = {}
    for sentence in candidates:
        if sentence.article_id not in articles or sentence.index > 1:
            continue
        if sentence.tier == 0 and sentence.article_id not in leads:
            leads[sentence.article_id] = sentence
    return list(leads.values())


def _score(
    sentence: Sentence,
    weights: Mapping[Concept, float],
    covered: set[Concept],
    options: SummaryOptions,
) -> float:
    # fsum is exactly rounded, so the sum cannot depend on the set's (hash-seeded) order.
    fresh = sentence.concepts.difference(covered) if covered else sentence.concepts
    gain = math.fsum(map(weights.get, fresh, itertools.repeat(0.0)))
    gain *= 1.0 + options.position_weight / (1.0 + sentence.index)
    return float(gain / math.pow(max(1, sentence.words), options.length_exponent))


def _greedy(
    pool: Sequence[Sentence],
    weights: Mapping[Concept, float],
    options: SummaryOptions,
    budget: Budget,
    chosen: list[Sentence],
    covered: set[Concept],
    redundancy: tuple[Developments, Restates | None],
) -> None:
    developments, restates = redundancy
    # Heap entries: (-score, article id, index) so ties break the same way on every run.
    heap = [
        (-_score(s, weights, covered, options), s.article_id, s.index, n)
        for n, s in enumerate(pool)
    ]
    heapq.heapify(heap)
    while heap:
        _, article_id, index, n = heapq.heappop(heap)
        sentence = pool[n]
        if not budget.fits(sentence):
            continue
        fresh = -_score(sentence, weights, covered, options)
        if heap and (fresh, article_id, index, n) > heap[0]:
            heapq.heappush(heap, (fresh, article_id, index, n))
            continue
        if developments.repeats(sentence, chosen, options.redundancy):
            continue
        if restates is not None and any(restates(sentence, taken) for taken in chosen):
            continue
        budget.take(sentence)
        chosen.append(sentence)
        covered.update(sentence.concepts)
