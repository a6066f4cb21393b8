"""Article features for story clustering: weighted terms, entities and numbers.

Terms are the lower-cased words of title and body (the title counted ``title_weight`` times),
stop words and bare numbers left out. Entities are proper-noun tokens and phrases, found
offline by a heuristic: capitalised words that do not open a sentence (or that open one but
are capitalised elsewhere in the same text too). Numbers of two or more digits (years, tolls,
sums) join the entities: names and figures survive translation, so they are the signal that
lets an article in another language join its story. Weights are sublinear TF times an IDF kept
incrementally in :class:`~storyline.stories.state.StoryState`, so no look-ahead is needed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from ..model import Article
from ..text import split_sentences, words

_EXTRA_STOP = """
said says say told tell according also just like new year years week weeks day days time
mr mrs ms dr one two three four five six seven eight nine ten first second last monday
tuesday wednesday thursday friday saturday sunday today yesterday tomorrow people percent
including did does don didn doesn isn wasn aren won going got get make made way want
o a os as um uma de do da dos das em no na nos nas por para com que se ao aos e é foi ser
el la los las un una del en y con por para es su al lo le les des du et est dans pour pas
sur au aux il elle ils qui une der die das und den dem ein eine ist nicht mit von zu auf
het een van en op te dat zijn voor niet il di che per gli della
"""
STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS) | frozenset(_EXTRA_STOP.split())

_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
_THOUSANDS = re.compile(r"[,.](?=\d{3}(?:\D|$))")
_MAX_PHRASE = 4


@dataclass(frozen=True)
class ArticleFeatures:
    """Raw counts of one article (weights come later, from the IDF at that point)."""

    terms: dict[str, float]
    entities: dict[str, float]


def extract(article: Article, title_weight: int, min_digits: int) -> ArticleFeatures:
    """Count the terms and entities of ``article`` (title and body)."""
    terms: dict[str, float] = {}
    _count_terms(words(article.title.lower()), terms, float(title_weight))
    sentences = [words(span.text) for span in split_sentences(article.text)]
    for tokens in sentences:
        _count_terms((token.lower() for token in tokens), terms, 1.0)
    entities = _entities(sentences)
    for number in _numbers(article.title + "\n" + article.text, min_digits):
        entities[number] = entities.get(number, 0.0) + 1.0
    return ArticleFeatures(terms, entities)


def _count_terms(tokens: Iterable[str], counts: dict[str, float], weight: float) -> None:
    for token in tokens:
        if len(token) > 1 and token not in STOP_WORDS and not token.isdigit():
            counts[token] = counts.get(token, 0.0) + weight


def _is_name(token: str) -> bool:
    return token[0].isupper() and not token.isdigit() and token.lower() not in STOP_WORDS


def _entities(sentences: list[list[str]]) -> dict[str, float]:
    """Proper-noun tokens and phrases (lower-cased), counted."""
    inner = {
        token
        for tokens in sentences
        for token in tokens[1:]
        if len(token) > 1 and _is_name(token)
    }
    counts: dict[str, float] = {}
    for tokens in sentences:
        phrase: list[str] = []
        for position, token in enumerate(tokens):
            named = len(token) > 1 and _is_name(token) and (position > 0 or token in inner)
            if named and len(phrase) < _MAX_PHRASE:
                phrase.append(token.lower())
                continue
            _add_phrase(phrase, counts)
            phrase = [token.lower()] if named else []
        _add_phrase(phrase, counts)
    return counts


def _add_phrase(phrase: list[str], counts: dict[str, float]) -> None:
    for token in phrase:
        counts[token] = counts.get(token, 0.0) + 1.0
    if len(phrase) > 1:
        key = " ".join(phrase)
        counts[key] = counts.get(key, 0.0) + 1.0


def _numbers(text: str, min_digits: int) -> list[str]:
    found = []
    for match in _NUMBER.finditer(text):
        number = _THOUSANDS.sub("", match.group()).replace(",", ".")
        if sum(ch.isdigit() for ch in number) >= min_digits:
            found.append(number)
    return found


def weigh(counts: Mapping[str, float], df: Mapping[str, int], n_docs: int) -> dict[str, float]:
    """Sublinear TF-IDF, L2-normalised; keys keep the order of ``counts``."""
    weights: dict[str, float] = {}
    for key, count in counts.items():
        idf = math.log((n_docs + 1) / (df.get(key, 0) + 1)) + 1.0
        weights[key] = (1.0 + math.log(count)) * idf
    norm = math.sqrt(sum(value * value for value in weights.values()))
    if norm > 0:
        for key in weights:
            weights[key] /= norm
    return weights


def top(vector: Mapping[str, float], k: int) -> list[tuple[str, float]]:
    """The ``k`` heaviest entries, heaviest first, ties by key (deterministic)."""
    ranked = sorted(vector.items(), key=lambda item: (-item[1], item[0]))
    return ranked[:k]


def dot(small: Mapping[str, float], large: Mapping[str, float]) -> float:
    """Sparse dot product, iterating ``small`` in its own (deterministic) order."""
    total = 0.0
    for key, value in small.items():
        other = large.get(key)
        if other is not None:
            total += value * other
    return total
