"""Names compared across the Latin and Cyrillic scripts: "Коваленко" is "Kovalenko".

Names survive translation, which is why an article in another language is scored on names
and figures alone; but "коваленко" and "kovalenko" share no key as written, so a Russian or
Ukrainian report of an event never met the Latin-script story of it. When an article and a
story are written in different scripts (the script most of their names are in), their names
are compared through :func:`storyline.namekeys.spelling_key` instead (transliterated, the
letters transliterations disagree on made one, a case ending dropped: "Дорвиска" and
"Dorvisk" both "dorvisk"): each of the article's names is respelled as the story spells the
name of the same key, and the article is then scored as a text in the story's script would
be, with the same weights and the same bar; two spellings of one name in a story are not
pooled into one heavier name. Such a match counts only when at least two names agree: one
name ("Putin", a capital) is said of many events, and a name cut to its stem is looser than
a spelling; in a short post (fewer than ``SHORT_TERMS`` distinct terms, :mod:`.cluster`), which
rarely names two things, one shared figure stands in for the second name, and in any article
concepts that agree (:mod:`.concepts`). An article in another language than the story's has
its names compared so too, in one script as well ("Kowalenko", German, and "Kovalenko"); in
one language names are compared as written.

The inverted index finds the stories of the other script too: a story's Cyrillic names are
also indexed under their tagged key (:func:`index_keys`), which a Latin-script article asks
for; a Cyrillic article asks for its names transliterated, which is how a Latin-script story
holds them (:func:`probes`). A Latin-script stream indexes and finds nothing more.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache

from ..namekeys import (
    english_places,
    english_stem,
    literal_key,
    place_keys,
    spelling_key,
    transliterated,
)
from .concepts import concept_of
from .features import dot, sum_squares, top

LATIN = "latin"
CYRILLIC = "cyrillic"
# Names two texts in different scripts must share before their names count (see above).
MIN_SHARED = 2
# A story's Cyrillic names are indexed under their key behind this mark, which no word holds.
_TAG = "~"


@lru_cache(maxsize=1 << 16)
def script_of(name: str) -> str:
    """The script of a name: :data:`LATIN`, :data:`CYRILLIC`, or "" (any other, or none)."""
    if name.isascii():
        return LATIN if any(c.isalpha() for c in name) else ""
    if any("\u0400" <= c <= "\u04ff" for c in name):
        return CYRILLIC
    if any(c.isalpha() and c <= "\u024f" for c in name):
        return LATIN
    return ""


def main_script(names: Iterable[str]) -> str:
    """The script most of ``names`` are written in; "" when none, or a tie."""
    keys = list(names)
    if all(map(str.isascii, keys)):  # most texts: no look-up per name
        return LATIN if keys else ""
    counts = {LATIN: 0, CYRILLIC: 0, "": 0}
    for name in keys:
        counts[script_of(name)] += 1
    if counts[LATIN] == counts[CYRILLIC]:
        return ""
    return LATIN if counts[LATIN] > counts[CYRILLIC] else CYRILLIC


def crosses(first: str, second: str) -> bool:
    """Whether two main scripts are both known and differ (their names need keys)."""
    return bool(first and second and first != second)


def names_cosine(
    query: Mapping[str, float],
    story: Mapping[str, float],
    story_norm: float,
    damped: frozenset[str] = frozenset(),
    damping: float = 1.0,
    min_shared: int = MIN_SHARED,
    extra: tuple[Mapping[str, float], Mapping[str, float]] = ({}, {}),
) -> float:
    """The cosine of an article's names with a story's (of norm ``story_norm``), the article's
    names spelled as the story spells them (:func:`respelled`); 0.0 when fewer than
    ``min_shared`` of them are the story's. ``extra`` holds more keys of the article and of
    the story (their concepts, :mod:`.concepts`), which add to the cosine as names do but
    are not names."""
    spelled = respelled(query, story, damped, damping)
    if sum(1 for name in spelled if name in story) < min_shared:
        return 0.0
    mine, theirs = extra
    norms = math.sqrt(sum_squares(spelled) + sum_squares(mine))
    norms *= math.sqrt(story_norm * story_norm + sum_squares(theirs))
    return (dot(spelled, story) + dot(mine, theirs)) / norms if norms else 0.0


def respelled(
    query: Mapping[str, float],
    story: Mapping[str, float],
    damped: frozenset[str] = frozenset(),
    damping: float = 1.0,
) -> dict[str, float]:
    """``query``'s names, each that ``story`` holds under its :func:`spelling_key` renamed
    to the story's name (the heaviest such, its main spelling), their weights
    added when several are: the article as it would read written in the story's script, so
    that it is scored as a text of that script would be (the story's spellings are not
    pooled into one heavier key). A name respelled as one of ``damped`` (the broad places,
    listed in Latin script only) weighs ``damping`` times as much, as it would written so."""
    found: dict[str, float] = {}
    for _, spelled, weight in _respell(query, story, damped, damping):
        found[spelled] = found.get(spelled, 0.0) + weight
    return found


def _respell(
    query: Mapping[str, float], story: Mapping[str, float], damped: frozenset[str], damping: float
) -> Iterator[tuple[str, str, float]]:
    """Each of ``query``'s names, as ``story`` spells it, and its weight so spelled."""
    spellings = _spellings(story)
    for name, weight in query.items():
        spelled = spellings.get(spelling_key(name))
        if spelled is None:
            # A region or an adjective of a place ("Вельморщині") is the place's name.
            places = (spellings.get(key) for key in place_keys(name))
            spelled = next((found for found in places if found), name)
        if spelled in damped and name not in damped:
            weight *= damping
        yield name, spelled, weight


def _spellings(story: Mapping[str, float]) -> dict[str, str]:
    """Key -> the heaviest of ``story``'s names with that key (a centroid is heaviest first),
    then the keys of the places its region and adjective forms name (:func:`place_keys`)."""
    found: dict[str, str] = {}
    for name in story:
        key = spelling_key(name)
        if key and key not in found:
            found[key] = name
    for name in story:
        for key in place_keys(name):
            found.setdefault(key, name)
    return found


def spelled_terms(
    terms: Mapping[str, float], names: Mapping[str, float], other: Mapping[str, float]
) -> dict[str, float]:
    """The words of a text (``terms``, not its ``names``) spelled, by key, as one of
    ``other``'s names, with their weights: a name that only opens sentences is no name by its
    capital ("Hornivka was also hit overnight"), but a word of one language that spells a name
    of another is that name. Concept words are left out ("Drohne", a German name by its
    capital, is "drone")."""
    keys = set(_spellings(other))
    if not keys:
        return {}
    return {
        term: weight
        for term, weight in terms.items()
        if term not in names and not concept_of(term) and _any_key(term, keys)
    }


def _any_key(word: str, keys: set[str]) -> bool:
    key = spelling_key(word)
    return bool(key) and (key in keys or any(place in keys for place in place_keys(word)))


def shared_names(
    query: Mapping[str, float],
    story: Mapping[str, float],
    k: int,
    damped: frozenset[str] = frozenset(),
    damping: float = 1.0,
) -> tuple[str, ...]:
    """The ``k`` names that add most to :func:`names_cosine`, each as the article spells it,
    then as the story does ("коваленко/kovalenko"; once when both spell it alike)."""
    mine: dict[str, str] = {}  # the story's name -> the article's heaviest name respelled so
    common: dict[str, float] = {}
    for name, spelled, weight in _respell(query, story, damped, damping):
        if spelled in story:
            mine.setdefault(spelled, name)
            common[spelled] = common.get(spelled, 0.0) + weight * story[spelled]
    return tuple(_pair(mine[name], name) for name, _ in top(common, k))


def _pair(mine: str, theirs: str) -> str:
    return mine if mine == theirs else f"{mine}/{theirs}"


def index_keys(names: Iterable[str]) -> list[str]:
    """The extra index keys of a story's names: its Cyrillic names' keys, tagged, and the
    tagged keys of the places they name (:func:`place_keys`)."""
    found: list[str] = []
    for name in names:
        if not name.isascii() and script_of(name) == CYRILLIC:
            found.extend(_tagged_forms(name))
    return found


@lru_cache(maxsize=1 << 16)
def _tagged(name: str) -> str:
    """A name's key behind :data:`_TAG` ("" when the name has none)."""
    key = spelling_key(name)
    return _TAG + key if key else ""


@lru_cache(maxsize=1 << 16)
def _tagged_forms(name: str) -> tuple[str, ...]:
    """:func:`_tagged` of ``name``, then of each place it names."""
    first = _tagged(name)
    return ((first,) if first else ()) + tuple(_TAG + key for key in place_keys(name))


def probes(names: Iterable[tuple[str, float]], literal: bool = False) -> list[tuple[str, float]]:
    """What an article's heaviest names ask the index for, beyond themselves, to find the
    stories of the other script: a Latin name its tagged key (how a Cyrillic story is
    indexed), and, when ``literal`` (an article not in English), its key as English most
    often spells it ("Dorwansk": "dorvansk"); a Cyrillic one its transliteration, its key,
    and its key ending in each vowel (how a Latin story may spell it: "Вельмору", "velmor",
    "velmora"), and its tagged key (how a story in the other Cyrillic language holds it:
    "Вельморі", "Вельморе"). The places a region or adjective form names are asked for so
    too ("на Бродівщині": "brodivsk")."""
    forms = _literal_forms if literal else _probe_forms
    return [(form, weight) for name, weight in names for form in forms(name)]


# A Latin spelling of a name whose Cyrillic form ends in a case ending is its key and, most
# often, one vowel ("Вельморе", "Velmora"; "Ткачука", "Tkachuk").
_ENDINGS = ("", "a", "e", "i", "o", "u", "y")


@lru_cache(maxsize=1 << 16)
def _probe_forms(name: str) -> tuple[str, ...]:
    """The keys :func:`probes` asks for ``name``: one look-up per name, however many."""
    script = script_of(name)
    if script == LATIN:
        return _tagged_forms(name)
    if script == CYRILLIC:
        stems = (
            literal_key(name),
            english_stem(name),
            *place_keys(name, literal=True),
            *english_places(name),
        )
        endings = (stem + ending for stem in stems if stem for ending in _ENDINGS)
        forms = (transliterated(name), *endings, *_tagged_forms(name))
        return tuple(dict.fromkeys(form for form in forms if form))
    return ()


@lru_cache(maxsize=1 << 16)
def _literal_forms(name: str) -> tuple[str, ...]:
    """:func:`_probe_forms`, and for a Latin name its keys as written in English."""
    forms = _probe_forms(name)
    if script_of(name) != LATIN:
        return forms
    lowered = name.lower()
    spelled = (literal_key(name), *place_keys(name, literal=True))
    return tuple(dict.fromkeys((*forms, *(key for key in spelled if key and key != lowered))))
