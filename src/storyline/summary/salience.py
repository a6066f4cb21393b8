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
    """Article id -> voice key: whose reporting the article carries.

    A copy (a member of a voice group) carries its group's original: the key is the outlet
    of the group's representative. Any other article carries its own outlet's reporting:
    its named source, else itself. No union across the two: an outlet that reprints a wire
    once does not merge its own reporting with the wire and with every other reprint of it.
    """
    by_id = {article.id: article for article in articles}
    carried = {
        member: group.representative
        for group in groups
        for member in group.article_ids
        if member in by_id
    }
    keys: dict[str, str] = {}
    for article_id in sorted(by_id):
        speaker = carried.get(article_id, article_id)
        source = by_id[speaker].source if speaker in by_id else ""
        keys[article_id] = f"outlet:{source.strip().lower()}" if known_source(source) else speaker
    return keys


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
