"""How salient a sentence is among the sentences offered for one date.

Three measures, mixed by ``TimelineOptions.concept_weight`` and ``consensus_weight``:

- ``centroid``: cosine of the sentence's TF-IDF vector to the mean of the date's vectors;
- ``concepts``: the sum, over the distinct concepts (content words and word pairs) of the
  sentence, of how many OTHER independent voices use that concept on that date. A word pair
  that several outlets repeat about one day is what their reports agree on, the event itself,
  rather than one outlet's colour; a concept only one voice uses weighs nothing.
- ``consensus``: the sentence's word-pair F1 (ROUGE-2 style) against each OTHER independent
  voice's words about that date, summed over those voices. Each voice stands in for the
  unseen summary of the day: a sentence that would score well against most of them states
  what the day's reports share, and in about as many words (a long sentence gains recall
  and loses precision, where the concept sum above only gains).

``cover_centroid`` chooses several sentences for one date together rather than one by one:
each added sentence is the one that brings the sum of the chosen vectors closest (cosine) to
the date's centroid, so a second sentence repeating the first's words gains little.

And ``is_quote``: reports of an event are declarative and in the writer's own words, so a
quotation or a question may be discounted (``TimelineOptions.quote_penalty``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..stopwords import ENGLISH_STOP_WORDS
from ..text import fold

__all__ = ["concept_scores", "concepts", "consensus_scores", "cover_centroid", "is_quote"]

_QUOTE = re.compile(r"``|''|\"|\u201c|\u201d")


def concepts(text: str) -> frozenset[str]:
    """Content words and adjacent word pairs (not both stop words) of ``text``, folded."""
    tokens = fold(text).split()
    units = {token for token in tokens if token not in ENGLISH_STOP_WORDS and len(token) > 1}
    for first, second in itertools.pairwise(tokens):
        if first not in ENGLISH_STOP_WORDS or second not in ENGLISH_STOP_WORDS:
            units.add(f"{first} {second}")
    return frozenset(units)


def concept_scores(texts: Sequence[str], voices: Sequence[str]) -> np.ndarray:
    """Per text, the summed agreement weight of its concepts, scaled so the best is 1.

    A concept's weight is the number of distinct voices using it, minus one (the sentence's
    own voice), so that text repeated by one outlet, or by copies in one duplicate group,
    earns nothing.
    """
    units = [concepts(text) for text in texts]
    users: dict[str, set[str]] = {}
    for voice, sentence_units in zip(voices, units, strict=True):
        for unit in sentence_units:
            users.setdefault(unit, set()).add(voice)
    weight = Counter({unit: len(who) - 1 for unit, who in users.items() if len(who) > 1})
    scores = np.array([float(sum(weight[unit] for unit in u)) for u in units], dtype=float)
    top = float(scores.max()) if len(scores) else 0.0
    return scores / top if top > 0 else scores


def consensus_scores(texts: Sequence[str], voices: Sequence[str]) -> np.ndarray:
    """Per text, the sum over the other voices of the F1 of its word pairs (those of
    :func:`concepts`) against the set of pairs that voice uses, scaled so the best is 1."""
    import scipy.sparse  # slow import: only when asked for

    columns: dict[str, int] = {}
    names = sorted(set(voices))
    row_of = {voice: n for n, voice in enumerate(names)}
    text_rows: list[int] = []
    voice_rows: list[int] = []
    cells: list[int] = []
    for n, (text, voice) in enumerate(zip(texts, voices, strict=True)):
        for pair in sorted(unit for unit in concepts(text) if " " in unit):
            text_rows.append(n)
            voice_rows.append(row_of[voice])
            cells.append(columns.setdefault(pair, len(columns)))
    shape = max(1, len(columns))
    ones = np.ones(len(cells))
    pairs = scipy.sparse.csr_matrix((ones, (text_rows, cells)), shape=(len(texts), shape))
    used = scipy.sparse.csr_matrix((ones, (voice_rows, cells)), shape=(len(names), shape))
    used.sum_duplicates()
    used.data[:] = 1.0  # a voice's pair counts once, however many of its sentences use it
    hits: np.ndarray = (pairs @ used.T).toarray()
    sizes = np.asarray(pairs.sum(axis=1)).ravel()[:, None] + np.asarray(used.sum(axis=1)).T
    # F1 = 2 hits / (|sentence pairs| + |voice pairs|); a voice does not confirm itself
    f1 = np.divide(2 * hits, sizes, out=np.zeros_like(hits), where=sizes > 0)
    f1[np.arange(len(texts)), [row_of[voice] for voice in voices]] = 0.0
    scores: np.ndarray = f1.sum(axis=1)
    top = float(scores.max()) if len(scores) else 0.0
    return scores / top if top > 0 else scores


def is_quote(text: str) -> bool:
    """A quotation (quote marks, PTB ones included) or a question."""
    return bool(_QUOTE.search(text)) or text.rstrip().endswith("?")


def cover_centroid(rows: Any, centroid: np.ndarray, count: int) -> list[int]:
    """Indices of up to ``count`` rows of the sparse matrix ``rows``, chosen greedily so that
    their sum has the highest cosine to ``centroid``; ties go to the earlier row."""
    # Only the rows' own words matter, so work on those columns alone (small and dense).
    columns = np.unique(rows.indices)
    vectors = rows[:, columns].toarray()
    target = centroid[columns]
    centred = vectors @ target
    squares = (vectors * vectors).sum(axis=1)
    total = np.zeros(len(columns))
    chosen: list[int] = []
    while len(chosen) < min(count, len(vectors)):
        # |total + row|^2 = |total|^2 + 2 total.row + |row|^2, for every row at once
        length = np.sqrt(np.maximum(total @ total + 2 * (vectors @ total) + squares, 1e-18))
        cosine = (total @ target + centred) / length
        cosine[chosen] = -np.inf
        best = int(np.argmax(cosine))
        chosen.append(best)
        total = total + vectors[best]
    return chosen
