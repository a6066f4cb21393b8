"""Salience: which content words and bigrams many independent sources share.

Following concept-based summarisation (Gillick and Favre, 2009), a summary is scored by the
weighted set of bigram "concepts" it covers, each counted once, so redundancy costs nothing
and gains nothing. A concept's weight is the number of independent voices that use it (a
duplicate group, or several articles from one named source, is one voice), kept only when at
least ``ceil(voices / 4)`` (and 2) voices use it. A story with a single voice has no
cross-source signal (nor does one whose sources share nothing), so its concepts are
weighted by frequency instead.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Mapping, Sequence

from ..model import Article, DuplicateGroup, known_source
from .sentences import Concept, Sentence, is_bigram


def voices(articles: Sequence[Article], groups: Sequence[DuplicateGroup]) -> dict[str, str]:
    """Article id -> voice key: its duplicate group, else its named source, else itself.

    Articles joined by a group or by a shared named source end up with one key (union-find),
    so counting distinct keys counts independent outlets.
    """
    parent: dict[str, str] = {a.id: a.id for a in articles}

    def find(node: str) -> str:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    by_source: dict[str, str] = {}
    for article in sorted(articles, key=lambda a: a.id):
        if known_source(article.source):
            key = article.source.strip().lower()
            union(by_source.setdefault(key, article.id), article.id)
    for group in groups:
        members = sorted(m for m in group.article_ids if m in parent)
        for member in members[1:]:
            union(members[0], member)
    return {article_id: find(article_id) for article_id in sorted(parent)}


def concept_weights(
    sentences: Sequence[Sentence], voice_of: Mapping[str, str], unigram_weight: float
) -> dict[Concept, float]:
    """Concept -> weight: the voices using it (or its frequency when there is one voice).

    Single content words count ``unigram_weight`` times as much as bigrams: they reward
    covering the story's topic words, bigrams reward its recurring phrases.
    """
    # Counted in one pass in C over every sentence's set: this runs for every story.
    frequency = Counter(itertools.chain.from_iterable(s.concepts for s in sentences))
    total = len(set(voice_of.values()))
    counts: dict[Concept, float] = {}
    if total > 1:
        voices = _voice_counts(sentences, voice_of)
        floor = max(2, math.ceil(total / 4))
        counts = {c: float(n) for c, n in voices.items() if n >= floor}
    if total <= 1 or not any(is_bigram(c) for c in counts):
        counts = dict(zip(frequency.keys(), map(float, frequency.values()), strict=True))
    if unigram_weight == 1.0:  # n * 1.0 == n: nothing to scale
        return counts
    return {c: n * (1.0 if is_bigram(c) else unigram_weight) for c, n in counts.items()}


def _voice_counts(sentences: Sequence[Sentence], voice_of: Mapping[str, str]) -> Counter[Concept]:
    """Concept -> the number of voices whose sentences use it."""
    by_voice: dict[str, set[Concept]] = {}
    for sentence in sentences:
        by_voice.setdefault(voice_of[sentence.article_id], set()).update(sentence.concepts)
    voices: Counter[Concept] = Counter()
    for used in by_voice.values():
        voices.update(used)
    return voices
