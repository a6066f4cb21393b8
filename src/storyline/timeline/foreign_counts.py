"""A count that dateparser's search took into a date: "mercredi 84 prisonniers"."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

__all__ = ["without_counts"]

# A number that ends a match and is followed by a word that is no date ("mercredi 84
# prisonniers", "В среду 84 военнопленных", "lundi 12 arrestations"): a count the search
# took in as the day of the month or a two-digit year ("mercredi 84" read as 1984). Four
# digits are left alone: "le 3 décembre 2025 à Paris" ends on its year.
_TRAILING_NUMBER = re.compile(r"(?P<head>.*?\w)[\s,]+(?P<number>\d{1,3})")
_NEXT_WORD = re.compile(r"\s+(?P<word>[^\W\d_]{4,})")


def without_counts(
    sentence: str,
    found: list[tuple[str, datetime]],
    date_words: frozenset[str],
    read: Callable[[str], datetime | None],
) -> list[tuple[str, datetime]]:
    """dateparser's matches in ``sentence``, each with a count after its date taken off and
    the date before it read again by ``read``; such a match is dropped when neither that
    date nor its last word reads alone ("Am Mittwoch" does not, "Mittwoch" does). A number
    followed by a word of ``date_words`` ("lundi 14 décembre") is the date's own."""
    kept, cursor = [], 0
    for text, value in found:
        start = sentence.find(text, cursor)
        cursor = start + len(text) if start >= 0 else cursor
        trailing = _TRAILING_NUMBER.fullmatch(text)
        following = _NEXT_WORD.match(sentence, cursor) if start >= 0 else None
        if trailing is None or following is None or following["word"].lower() in date_words:
            kept.append((text, value))
            continue
        head = trailing["head"]
        for words in dict.fromkeys((head, head.rsplit(maxsplit=1)[-1])):
            when = read(words)
            if when is not None:
                kept.append((words, when))
                break
    return kept
