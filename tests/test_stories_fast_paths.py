"""The stories stage's fast paths give exactly what the plain code they replace gives."""

from __future__ import annotations

import random
import re
from operator import itemgetter

from storyline.stories.features import (
    _ASCII_INITIAL,
    _ASCII_WORD,
    _INITIAL,
    _NUMBER,
    _ZERO_NUMBER,
    _ZEROS,
    dot,
    head,
    top,
)
from storyline.stories.index import InvertedIndex
from storyline.text import words

# Characters the patterns treat specially, so random strings hit their edge cases.
_ALPHABET = "aZk9_'-.,!?\"()[] \n\t\x1cQé"


def _random_texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_ALPHABET, k=rng.randint(0, 40))) for _ in range(count)]


def _number_matches(pattern: re.Pattern[str], text: str) -> list[tuple[str, int | None]]:
    """Each match and whether it is a clock time (group 1 set), as ``_numbers`` reads them."""
    return [(match.group(), match.lastindex) for match in pattern.finditer(text)]


def _zero_matches(text: str) -> list[tuple[str, int | None]]:
    """:func:`_number_matches` of the ASCII path: spans found in the text with every digit
    made 0, read back from the text itself."""
    found = _ZERO_NUMBER.finditer(text.translate(_ZEROS))
    return [(text[match.start() : match.end()], match.lastindex) for match in found]


def test_ascii_patterns_match_the_unicode_ones_on_ascii_text() -> None:
    texts = [text for text in _random_texts(4000, 11) if text.isascii()]
    assert len(texts) > 1000
    for text in texts:
        assert _ASCII_WORD.findall(text) == words(text)
        assert _ASCII_INITIAL.findall(text) == _INITIAL.findall(text)
        assert _zero_matches(text) == _number_matches(_NUMBER, text)


def test_head_is_top_on_a_vector_kept_heaviest_first() -> None:
    rng = random.Random(3)
    for _ in range(200):
        raw = {f"k{i}": float(rng.randint(1, 4)) for i in range(rng.randint(0, 30))}
        vector = dict(sorted(raw.items(), key=itemgetter(1), reverse=True))
        norm = sum(value * value for value in vector.values()) ** 0.5 or 1.0
        scaled = {key: value / norm for key, value in vector.items()}
        for k in (0, 1, 5, 64):
            assert head(vector, k) == top(vector, k)
            assert head(scaled, k) == top(scaled, k)


def _plain_dot(small: dict[str, float], large: dict[str, float]) -> float:
    total = 0.0
    for key, value in small.items():
        other = large.get(key)
        if other is not None:
            total += value * other
    return total


def test_dot_adds_in_the_same_order_bit_for_bit() -> None:
    rng = random.Random(5)
    for _ in range(300):
        small = {f"w{rng.randint(0, 80)}": rng.random() for _ in range(rng.randint(0, 64))}
        large = {f"w{rng.randint(0, 80)}": rng.random() for _ in range(rng.randint(0, 120))}
        expected = _plain_dot(small, large)
        assert dot(small, large).hex() == expected.hex()


def test_candidates_rank_like_a_plain_sort() -> None:
    rng = random.Random(9)
    index = InvertedIndex(cap=7)
    for cluster in range(60):
        index.update(cluster, [f"k{rng.randint(0, 12)}" for _ in range(rng.randint(1, 5))])
    for _ in range(200):
        # Weights from a small set make exact ties, which must go to the lower number.
        query = [(f"k{rng.randint(0, 14)}", rng.choice((0.25, 0.5, 0.1))) for _ in range(6)]
        scores: dict[int, float] = {}
        for key, weight in query:
            for cluster in index._postings.get(key, ()):
                scores[cluster] = scores.get(cluster, 0.0) + weight
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        for limit in (1, 3, 12, 100):
            assert index.candidates(query, limit) == [c for c, _ in ranked[:limit]]


def test_ascii_word_pattern_is_the_unicode_one_restricted() -> None:
    # Every ASCII character is a word character for one pattern exactly when it is for the other.
    unicode_word = re.compile(r"[^\W_]")
    for code in range(128):
        char = chr(code)
        assert bool(unicode_word.match(char)) == bool(re.match(r"[A-Za-z0-9]", char))
