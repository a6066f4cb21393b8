"""Selection: budgeted maximum concept coverage by lazy greedy search.

Each step takes the sentence with the best ratio of newly covered concept weight (boosted for
early position) to length**r, skipping sentences too similar to one already taken or too long
for what is left of the budget. Covered concepts count once, so the gain of a sentence only
falls as the summary grows, which is what makes the lazy (priority-queue) evaluation exact.
Cleaner tiers are exhausted first: a pronoun-opening sentence is used only when clean ones
fill less than half the budget, a fragment only when nothing else was found.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Mapping, Sequence

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


def select(
    candidates: Sequence[Sentence],
    weights: Mapping[Concept, float],
    options: SummaryOptions,
) -> list[Sentence]:
    """The chosen sentences, in the order they were chosen."""
    budget = Budget(options)
    chosen: list[Sentence] = []
    covered: set[Concept] = set()
    for tier in (0, 1, 2):
        if tier == 1 and budget.fill() >= 0.5:
            break
        if tier == 2 and chosen:
            break
        pool = [s for s in candidates if s.tier == tier]
        _greedy(pool, weights, options, budget, chosen, covered)
    return chosen


def _score(
    sentence: Sentence,
    weights: Mapping[Concept, float],
    covered: set[Concept],
    options: SummaryOptions,
) -> float:
    # fsum is exactly rounded, so the sum cannot depend on the set's (hash-seeded) order.
    gain = math.fsum(weights.get(b, 0.0) for b in sentence.concepts if b not in covered)
    gain *= 1.0 + options.position_weight / (1.0 + sentence.index)
    return float(gain / math.pow(max(1, sentence.words), options.length_exponent))


def _greedy(
    pool: Sequence[Sentence],
    weights: Mapping[Concept, float],
    options: SummaryOptions,
    budget: Budget,
    chosen: list[Sentence],
    covered: set[Concept],
) -> None:
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
        if any(cosine(sentence.stems, c.stems) > options.redundancy for c in chosen):
            continue
        budget.take(sentence)
        chosen.append(sentence)
        covered.update(sentence.concepts)
