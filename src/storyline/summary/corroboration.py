"""Corroboration: other voices that state a summary sentence's fact in words of their own.

``support`` (see :mod:`.attribution`) holds only the articles that carry the sentence itself,
a near-identical one or a paraphrase the reuse stage aligned, so an outlet that reports the
same fact in its own words is not cited there and the count of independent outlets errs low.
This step finds such outlets, with the one sentence of each that restates the claim best, so
that they can be counted and a reader can check each one.

A sentence of another article restates the claim's fact when all of these hold:

- the other gives every number the claim gives (digits, or a number word from three:
  "Eleven" / "11"), years aside, and the claim gives at least one: a number is what makes a
  fact checkable, and without one two sentences about the same people ("Clinton will go to
  Malaysia for the APEC forum" / "the menu will be Malaysian when leaders meet for the APEC
  forum") share as many words as two restatements do; a number of the claim missing from
  the other is a part of the fact it does not state;
- their content stems overlap (cosine of at least :data:`MIN_COSINE`, or
  :data:`FIGURE_COSINE` when both give one figure: "340 passengers" / "around 340 passengers");
- beyond names and numbers, they share at least :data:`MIN_CONTENT` content stems;
- when both name people or places, the other names one the claim names (see
  :func:`_names_meet`);
- every figure of the claim that the other gives for the same thing (a unit word in common)
  has the same value there, hedges aside, and no name slot differs (see
  :func:`.names.name_conflict`);
- one calls off what the other reports only when both do (:data:`_CALLED_OFF`): "drivers
  will strike for 24 hours on Friday" and "a 24-hour strike planned for Friday was called
  off" share every figure, name and most words, and state opposite facts.

Measured on the DUC 2004 tuning clusters (summaries of 2,000 bytes, the dedup stage on):
14 of the 15 restatements these rules accept state the claim's fact. Of the candidate pairs
with no number in common (cosine of at least 0.3), 13 of 49 did, and 4 of the 14 with a
cosine of at least 0.5: they are left out, so the count errs low rather than high.

Only articles of voices other than the support's count: a copy of a supporting article (or
of its original) adds nothing, and copies of one restating article add one voice.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Mapping, Sequence

from ..model import Restatement
from ..text import CARDINALS
from .attribution import SentenceIndex, speakers
from .disagreement import DATE_UNIT, YEAR_UNIT, Figure, conflicts, figures, is_time
from .names import derived, names
from .sentences import Sentence, cosine, stem

MIN_COSINE = 0.4
FIGURE_COSINE = 0.35
MIN_CONTENT = 2
_YEARS = (1800, 2100)

_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")
# Three to fifty and a dozen; not "one" and "two": mostly no count ("one of them", "the two
# leaders").
_NUMBER_WORDS = {word: float(n) for word, n in CARDINALS.items() if 3 <= n <= 50} | {"dozen": 12.0}
_WORD = re.compile(r"[A-Za-z]+")
# A capitalised word (letters, digits, hyphens) right before a number, at the end of a text.
_NAME_BEFORE = re.compile(r"\b([A-Z][\w-]*)\s+$")
_MONTHS = frozenset(
    name.lower() for name in (*calendar.month_name[1:], *calendar.month_abbr[1:], "Sept")
)
# "two of its six lines", "one of the three victims": a part of a whole is a count, and the
# whole given alone ("all six lines") is another fact.
_SMALL = {"one": 1.0, "two": 2.0}
_PART_OF = re.compile(
    r"\b(one|two)\s+of\s+(?:the|its|their|his|her|our|these|those)\s+(?:\d|"
    + "|".join(sorted(w for w, n in CARDINALS.items() if n >= 3))
    + r")",
    re.IGNORECASE,
)
# Words that call off, deny or undo the event a sentence reports (English): a QA pass as a
# fact-checker (session 22) found a strike and its cancellation counted as one statement.
_CALLED_OFF = re.compile(
    r"\b(?:call(?:s|ed|ing)?\s+off|cancel+(?:s|ed|ing|ation)?|postpon\w*|scrap(?:s|ped|ping)?"
    r"|avert(?:s|ed|ing)?|abandon(?:s|ed|ing)?|den(?:y|ies|ied|ying)|retract\w*|revok\w*"
    r"|no\s+longer|(?:was|were|is|are|has|have|had|will|would|did|does|do)\s+not"
    r"|(?:was|is|are|were|will|wo|would|did|does|do|has|have|had)n['\u2019]t)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=2048)
def numbers(text: str) -> frozenset[float]:
    """Every number ``text`` gives, in digits or as a number word (three to fifty, a dozen;
    "one" and "two" when they count a part of a whole: "two of its six lines")."""
    found = {
        float(m.group().rstrip(",").replace(",", ""))
        for m in _NUMBER.finditer(text)
        if not _names_a_thing(text, m.start())
    }
    spelled = map(str.lower, _WORD.findall(text))
    found.update(_NUMBER_WORDS[w] for w in spelled if w in _NUMBER_WORDS)
    return frozenset(found | _parts(text))


@functools.lru_cache(maxsize=2048)
def name_stems(text: str) -> frozenset[str]:
    """Stems of the words of the names in ``text`` (a name opening the sentence only when it
    has two words: "Rescue teams" is no name, "Veyra Rail" is)."""
    return frozenset(
        stem(word)
        for name in names(text)
        if not name.opener or len(name.key) > 1
        for word in name.key
    )


def restates(claim: Sentence, other: Sentence) -> float | None:
    """The cosine of ``other`` with ``claim`` when it states the claim's fact, else None."""
    similarity = cosine(claim.stems, other.stems)
    if similarity < FIGURE_COSINE or _calls_off(claim.text) != _calls_off(other.text):
        return None
    mine, theirs = _anchors(numbers(claim.text)), numbers(other.text)
    if not mine or not mine <= theirs or not _parts_meet(claim.text, other.text):
        return None  # no number, or one the other does not give: not the same whole fact
    if similarity < MIN_COSINE and not _same_figure(claim, other):
        return None
    if not _names_meet(claim.text, other.text):
        return None
    names_ = name_stems(claim.text) | name_stems(other.text)
    plain = _plain(claim.stems, names_) & _plain(other.stems, names_)
    # a hedge alone is no dispute here (the variants still show both wordings)
    if len(plain) < MIN_CONTENT or conflicts(claim, other, hedges_agree=True):
        return None
    return similarity


def _names_a_thing(text: str, start: int) -> bool:
    """Whether the number at ``start`` is part of a name ("AquaPure 300 dishwashers", "Boeing
    737", "Flight 370"): after a capitalised word that is not the sentence's first (an opening
    "About 300 people" counts) nor a month ("June 5" is a day). Two sentences about one
    product share its model number whatever facts they state."""
    before = _NAME_BEFORE.search(text, 0, start)
    return (
        before is not None
        and before.start() > 0
        and before.group(1).lower() not in _MONTHS
        and text[: before.start()].rstrip()[-1:] not in (".", "!", "?", ":", '"', "\u201c")
    )


def _parts_meet(claim: str, other: str) -> bool:
    """Whether each part of a whole that one counts ("two of its six lines") is a number
    the other gives too: "all six lines" states another fact, whichever of the two is the
    claim."""
    return _parts(claim) <= numbers(other) and _parts(other) <= numbers(claim)


@functools.lru_cache(maxsize=4096)
def _parts(text: str) -> frozenset[float]:
    return frozenset(_SMALL[m.group(1).lower()] for m in _PART_OF.finditer(text))


@functools.lru_cache(maxsize=4096)
def _calls_off(text: str) -> bool:
    return _CALLED_OFF.search(text) is not None


def _names_meet(claim: str, other: str) -> bool:
    """Whether ``other`` names one of the people or places the claim names (or an adjective of
    it: "Syria" / "Turkish-Syrian"), or the claim or ``other`` names none. The same figure
    about other people or another place is another fact: "Turkey sent 10,000 troops to the
    Syrian border" / "Turkey sent 10,000 troops into northern Iraq"."""
    mine = {
        word for name in names(claim) if not name.opener or len(name.key) > 1 for word in name.key
    }
    theirs = {word for name in names(other) for word in name.key}
    if not mine or not theirs:
        return True
    return any(a == b or derived(a, b) for a in mine for b in theirs)


def _anchors(found: frozenset[float]) -> frozenset[float]:
    """The numbers that anchor a fact: not years, which background sentences share
    ("since the war ended in 1996")."""
    return frozenset(n for n in found if not (n == int(n) and _YEARS[0] <= n <= _YEARS[1]))


def _same_figure(claim: Sentence, other: Sentence) -> bool:
    """Whether both give one figure: the same number of the same thing ("340 passengers"),
    not a calendar date, which sentences about other things on that day share too."""
    theirs = [f for f in figures(other.text) if _identifying(f)]
    return any(
        f.value == t.value and f.unit & t.unit
        for f in figures(claim.text)
        if _identifying(f)
        for t in theirs
    )


def _identifying(figure: Figure) -> bool:
    """Whether a figure shared says one fact: not a calendar date nor a time of day, which
    sentences about other things at that moment share too."""
    return figure.unit not in (DATE_UNIT, YEAR_UNIT) and not is_time(figure)


def _plain(stems: frozenset[str], names_: frozenset[str]) -> frozenset[str]:
    """Content stems that are neither a name's nor a number."""
    return frozenset(s for s in stems if s not in names_ and not s[0].isdigit())


def restatements(
    claim: Sentence,
    support: Sequence[str],
    index: SentenceIndex,
    voice_of: Mapping[str, str],
    copied: Mapping[str, Sequence[str]],
) -> tuple[tuple[Restatement, ...], int]:
    """Articles of other voices than ``support``'s that restate ``claim``, with the sentence
    of each that restates it best (by article id), and the number of voices they add."""
    cited = set(support)
    stating = sorted(cited)
    best: dict[str, tuple[float, int, Sentence]] = {}
    for other in index.similar(claim, FIGURE_COSINE):
        if other.article_id in cited:
            continue
        score = restates(claim, other)
        if score is None:
            continue
        ranked = (score, -other.index, other)
        kept = best.get(other.article_id)
        if kept is None or ranked[:2] > kept[:2]:
            best[other.article_id] = ranked
    if not best:
        return (), 0
    # The support's voices as :func:`.outlets` counts them; then each restating article's
    # among them: one that copies a supporting article speaks with its voice and adds none.
    heard = set(speakers(stating, voice_of, copied).values())
    new = [
        aid for aid in sorted(best) if speakers([*stating, aid], voice_of, copied)[aid] not in heard
    ]
    found = tuple(
        Restatement(aid, best[aid][2].text, best[aid][2].start, best[aid][2].end) for aid in new
    )
    return found, len(set(speakers(new, voice_of, copied).values()))


def by_wording(found: Sequence[Restatement]) -> list[tuple[str, tuple[str, ...]]]:
    """(sentence, the articles that restate the claim with it), first seen first: copies of
    one restatement are read once, with all of their citations."""
    grouped: dict[str, list[str]] = {}
    for restatement in found:
        grouped.setdefault(restatement.text, []).append(restatement.article_id)
    return [(text, tuple(ids)) for text, ids in grouped.items()]
