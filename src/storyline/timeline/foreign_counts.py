"""Numbers that dateparser's search misreads: counts it took into a date ("mercredi 84
prisonniers", "1900 тонн", "mit 34 zu 17 Stimmen"), and Russian and Ukrainian years written
with their word, which it reads as so many years back ("в 1900 году")."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from functools import lru_cache

__all__ = [
    "counted_after",
    "without_counts",
    "without_durations",
    "without_tallies",
    "written_year",
]

# A number that ends a match and is followed by a word that is no date ("mercredi 84
# prisonniers", "В среду 84 военнопленных", "lundi 12 arrestations"): a count the search
# took in as the day of the month or a two-digit year ("mercredi 84" read as 1984). Four
# digits are left alone: "le 3 décembre 2025 à Paris" ends on its year.
_TRAILING_NUMBER = re.compile(r"(?P<head>.*?\w)[\s,]+(?P<number>\d{1,3})")
_NEXT_WORD = re.compile(r"\s+(?P<word>[^\W\d_]{4,})")

# A year-like number followed by what it counts is no year: "1900 тонн", "1800 рабочих
# мест", "rund 1900 Beschäftigte". Russian and Ukrainian write a year with its word ("в 1900
# году", "у 2014 році") or after a month, so a lone number before a lower-case word there is a
# count; elsewhere a year may come before anything ("en 1900 la ville", "1900 gebaut"), so
# only the plural nouns news counts most are read as such (English's ``patterns.COUNTED``).
_YEAR_WORD = re.compile(r"(?:год\w*|гг?|рік|роц\w*|рок\w*|р)(?!\w)", re.I)
_LOWER_WORD = re.compile(r"\s+(?P<word>[^\W\d_]+)")
_COUNTED = re.compile(
    r"\s+(?:personnes|personas|persone|pessoas|personen|menschen|habitants|habitantes|abitanti"
    r"|einwohner|tonnes|toneladas|tonnellate|tonnen|emplois|empleos|empregos|arbeitsplätze"
    r"|stellen|postes|puestos|postos|posti|salariés|employés|empleados|empregados|dipendenti"
    r"|funcionários|beschäftigte[n]?|mitarbeiter(?:innen|n)?|arbeiter(?:innen|n)?|travailleurs"
    r"|trabajadores|trabalhadores|lavoratori|soldats|soldados|soldati|soldaten|maisons"
    r"|logements|viviendas|casas|wohnungen|häuser|morts|muertos|mortos|morti|tote|toten"
    r"|blessés|heridos|feridos|feriti|verletzte|voix|votos|voti|stimmen|kilomètres|kilómetros"
    r"|quilômetros|chilometri|kilometer|mètres|metros|metri|meter|passagers|pasajeros"
    r"|passageiros|passeggeri|fahrgäste|passagiere|élèves|alumnos|alunos|schüler|étudiants"
    r"|estudiantes|studenti|studenten|victimes|víctimas|vítimas|vittime|opfer|casos|casi"
    r"|fälle|billets|entradas|biglietti|bilhetes|tickets|voitures|coches|carros|auto|autos"
    r"|fahrzeuge|véhicules|vehículos|veicoli|familles|familias|famiglie|familien)(?!\w)",
    re.I,
)


# "в 1900 году", "у 2014 році", "2014 г.": dateparser 1.5 reads them as 1900 (or 2014)
# years before its base, year 99 or 11, which only the probe of relative dates then drops.
_WRITTEN_YEAR = re.compile(
    r"(?:(?:в|во|у|с|со|з|к|до|по|от|від|після)\s+)?(?P<y>1[0-9]{3}|20[0-9]{2})\s+"
    r"(?:год|году|года|годом|г\.?|рік|році|року|роком|р\.?)",
    re.I,
)


def written_year(text: str, code: str) -> str | None:
    """The year of ``text`` when it is a Russian or Ukrainian year with its word."""
    match = _WRITTEN_YEAR.fullmatch(text.strip()) if code in ("ru", "uk") else None
    return None if match is None else match["y"]


def counted_after(sentence: str, after: int, code: str) -> bool:
    """Whether the year-like number that ends at ``after`` in ``sentence`` (of language
    ``code``) is followed by what it counts."""
    if code not in ("ru", "uk"):
        return _COUNTED.match(sentence, after) is not None
    word = _LOWER_WORD.match(sentence, after)
    if word is None or len(word["word"]) < 3 or not word["word"].islower():
        return False  # "в 2025 и 2026 годах", "с 2020 по 2024 год": a year
    return _YEAR_WORD.fullmatch(word["word"]) is None


# A vote or a score, "34 zu 17 Stimmen", "adoptée par 34 voix à 17", "34 к 17": the search
# read "mit 34" as 1934 and "34 à 17" as 17 March 1934. "Du 3 à 5 mars" is a range of days:
# a date word in the two words after it keeps it (see :func:`without_tallies`).
_TALLY = re.compile(
    r"(?<!\d)(?<!\d[.,])\d{1,3}\s+(?:zu|à|a|к|to|contre|contro|contra|против|проти|gegen)"
    r"\s+\d{1,3}(?!\d|[.,]\d)(?P<next>(?:\s+[^\W\d_]+){0,2})",
    re.I,
)


def without_tallies(
    sentence: str,
    found: list[tuple[str, datetime]],
    date_words: frozenset[str],
    read: Callable[[str], datetime | None],
) -> list[tuple[str, datetime]]:
    """dateparser's matches in ``sentence`` less what a tally in them took in: a match that
    holds a number of a tally ("mit 34", "34 à 17") is cut before it and its head read again
    by ``read``, or dropped when nothing before it reads as a date."""
    tallies = [
        (tally.start(), tally.start("next"))
        for tally in _TALLY.finditer(sentence)
        if date_words.isdisjoint(tally["next"].lower().split())
    ]
    kept, cursor = [], 0
    for text, value in found:
        start = sentence.find(text, cursor)
        cursor = start + len(text) if start >= 0 else cursor
        cut = min((first for first, end in tallies if first < cursor and start < end), default=None)
        if start < 0 or cut is None:
            kept.append((text, value))
            continue
        head = sentence[start:cut].strip(" ,")
        when = read(head) if any(c.isalnum() for c in head) else None
        if when is not None:
            kept.append((head, when))
    return kept


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


# "este domingo, 27 anos depois da última atividade": the search read "domingo, 27 anos" as
# the 27th; a count of years, months, weeks or days after a comma is a span of its own.
_SPAN_AFTER_COMMA = re.compile(r"(?P<head>.*?[^\W\d_]),\s*\d{1,3}\s+(?P<unit>[^\W\d_]+)")


def without_durations(
    found: list[tuple[str, datetime]], code: str, read: Callable[[str], datetime | None]
) -> list[tuple[str, datetime]]:
    """dateparser's matches, each that ends in a span after a comma ("domingo, 27 anos") cut
    to the date before it and read again by ``read``, or dropped when that reads as none."""
    kept = []
    for text, value in found:
        span = _SPAN_AFTER_COMMA.fullmatch(text)
        if span is None or span["unit"].lower() not in _units(code):
            kept.append((text, value))
            continue
        when = read(span["head"])
        if when is not None:
            kept.append((span["head"], when))
    return kept


@lru_cache(maxsize=64)
def _units(code: str) -> frozenset[str]:
    """dateparser's words for a year, a month, a week and a day in ``code``, lower-cased."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(code).info
    except Exception:  # an unknown or unsupported language code
        return frozenset()
    keys = ("year", "month", "week", "day")
    return frozenset(str(word).lower() for key in keys for word in info.get(key, []))
