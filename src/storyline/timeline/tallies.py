"""Versions of one tally among an event's sentences: the entry gives the latest.

A running story restates its toll as it rises ("At least three people have died in the
fire ..." at 10:15, "Seven people have now died in Wednesday's fire ..." at 13:00). Those
sentences are one event of one day, and the most central one leads it; printed as the day's
entry, an early version reads as a stale toll. Only sentences that count the same thing (the
same word after the number, and the same word said of it: "people ... died") and otherwise
say much the same are versions of one tally; a later one is one published at a later time,
or on a later day when either gives no time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..ingest.dates import published_instant
from ..model import Article

_NUMBER = (
    r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
    r"|dozens|scores|hundreds|thousands"
)
# "three people have died", "40 more bodies were found": a count, the word it counts and
# what is said of it (the first word after any auxiliaries).
_COUNT = re.compile(
    rf"\b({_NUMBER})\s+(?:more\s+)?([a-z]{{3,}})"
    r"(?:\s+(?:have|has|had|now|been|were|was|are|is|so|far|already|reportedly|since|all))*"
    r"\s+([a-z]+)\b",
    re.I,
)
_WORD = re.compile(r"[a-z]{3,}")
_NUMBER_WORD = re.compile(rf"(?:{_NUMBER}|least|most|more|now|than|from|the|and|with)", re.I)
# The share of the lead's other words a later version repeats: one event restated, not
# another event that happens to count the same thing.
_SAME_WORDS = 0.6


def latest_tally(lead: str, versions: Sequence[tuple[str, Article]], published: str) -> str:
    """``lead``, or the latest-published of ``versions`` (sentence, its article) that gives
    another figure for what ``lead`` counts; ``published`` is the lead's publication time."""
    counts = _counts(lead)
    if not counts or not published:
        return lead
    words = _words(lead)
    best, best_time = lead, published
    for text, article in versions:
        if not article.published or text == lead or not _later(article.published, best_time):
            continue
        other = _counts(text)
        shared = [noun for noun in counts if noun in other and other[noun] != counts[noun]]
        if shared and len(words & _words(text)) >= _SAME_WORDS * len(words):
            best, best_time = text, article.published
    return best


def _later(published: str, than: str) -> bool:
    """Whether ``published`` is plainly after ``than`` (a day is not after a time of it)."""
    moment, other = published_instant(published), published_instant(than)
    return moment is not None and other is not None and other.before(moment)


def _counts(text: str) -> dict[tuple[str, str], str]:
    """What each count in ``text`` counts (the word and what is said of it: "people",
    "died") and its figure, folded."""
    return {(m[2].lower(), m[3].lower()): m[1].lower() for m in _COUNT.finditer(text)}


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if not _NUMBER_WORD.fullmatch(w)}
