"""Temporal expressions in languages other than English, through dateparser (offline).

dateparser fills what a text leaves out (the year, or the whole date for "dimanche") from a
relative base. Parsing twice with two different bases shows which expressions depend on it:
those resolve against the publication date when there is one, and otherwise stay unresolved.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..model import Granularity
from .foreign_ahead import looks_ahead
from .foreign_cjk import cjk_dates, day_or_none
from .foreign_counts import (
    counted_after,
    without_counts,
    without_durations,
    without_tallies,
    written_year,
)
from .foreign_periods import periods, range_starts
from .foreign_tense import clause_around, day_back
from .french import french_after
from .shifts import span_month

if TYPE_CHECKING:
    from .temporal import DateMention

_PROBE_BASES = (datetime(1999, 3, 7), datetime(2011, 10, 19))
# dateparser's search also reads short words as weekday abbreviations (German "die" as
# Dienstag, "mit" as Mittwoch) and decimal numbers as day and month ("4,75 Prozent" as
# 4 July 1975); neither is a date.
_DECIMAL = re.compile(r"\d{1,4}[,.]\d{1,4}")
# dateparser reads "1月9日" in Chinese not at all, and in Japanese with a clock time.
_CJK = ("zh", "ja", "ko")
_NUMERIC_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{2,4}")
_DAY_MONTH = re.compile(r"(?<![\d.])\d{1,2}\.?\s?[^\W\d_]{3,}")  # "24. März", "5 mars"
_SHORT_WORD = 3
_ONE = frozenset({"un", "une", "uno", "una", "um", "uma", "ein", "eine", "einen", "einem"})
_WORD = re.compile(r"\w+")
_NUMBER = re.compile(r"\d+")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:1[89]\d\d|20\d\d)(?!\d)")
# Two numbers a match can hold together: "10.03.2026", "3/5", "3 de 5", "1er au 5".
_CLOSE_NUMBERS = re.compile(r"\d\w{0,3}(?:[\W_]{1,3}|\s\w{1,4}\s)\d")
_VOCABULARY = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "ago",
    "in",
    "day",
    "week",
    "month",
    "year",
)
_MIN_CUE = 4  # letters: shorter words of the vocabulary ("en", "die", "в") are everywhere
# "after" and "later" in the languages dateparser reads for storyline, at the end of a count.
_AFTER = (" après", " plus tard", " nach", " danach", " später", " después", " más tarde",
          " dopo", " più tardi", " depois", " mais tarde", " later", " senere", " senare",
          " позже", " спустя")  # fmt: skip
# ... and "après six mois de travaux" (after six months of works), read as six months after
# publication: a count that opens with "after" runs from an event too.
_BEFORE_COUNT = ("après ", "nach ", "después de ", "dopo ", "depois de ")


def tag_foreign(sentence: str, published: date | None, language: str) -> list[DateMention]:
    """Mentions found by dateparser's search, with granularity and relativity checked; in
    Chinese, Japanese and Korean, numeric dates ("2024年1月9日", "1月9日") are read directly."""
    from .temporal import DateMention

    code = language.lower()[:2]
    mentions = cjk_dates(sentence, published) if code in _CJK else []
    taken = [(m.start, m.end) for m in mentions]
    found = _search(sentence, code, _PROBE_BASES[0])
    probe = dict(_search(sentence, code, _PROBE_BASES[1]))
    cursor = 0
    for text, value in found:
        start = sentence.find(text, cursor)
        if start < 0:
            continue
        cursor = start + len(text)
        if any(start < end and first < cursor for first, end in taken):
            continue
        if _counted(sentence, start, text, code):
            continue
        year = written_year(text, code)
        if year is not None:  # "в 1900 году", read by dateparser as 1900 years back
            mentions.append(DateMention(start, cursor, text, year, "year", ""))
            continue
        relative = probe.get(text) != value
        if relative and value.time() != time():
            # "13 horas", "20 minutos", "17h00": an offset in hours or a clock time, not a day.
            continue
        if relative:
            widened = _with_marker(sentence, start, text, code)
            if widened is None:
                continue  # a duration ("zehn Tage gesperrt"), not a date
            start, text = widened
        if relative and _after_event(text):
            note = f"relative expression '{text}' counts from another event, not from publication"
            mentions.append(DateMention(start, cursor, text, None, None, note))
            continue
        if relative and published is None:
            note = f"relative expression '{text}' and no publication date"
            mentions.append(DateMention(start, cursor, text, None, None, note))
            continue
        mention = _resolve(text, start, cursor, published, code)
        mention = _weekday_ahead(sentence, mention, published, code)
        mention = day_back(sentence, mention, published, code)
        mentions.append(_last_year(sentence, mention, published))
    for extra in periods(sentence, published, code):  # what the search leaves out
        if not any(_holds(m, extra, sentence) for m in mentions):
            mentions.append(extra)
    return sorted(range_starts(sentence, mentions, code), key=lambda mention: mention.start)


# A lone four-digit number after "about" or before a currency or "percent" is a count, not
# a year: German writes 1900 workers as "rund 1900 Beschäftigte" (no thousands separator),
# which the search read as the year 1900 and put first in a 2026 story's timeline. English
# needs a preposition before a year (P_YEAR); these languages' years need none ("1900
# gebaut"), so only an approximation or a unit tells the count.
_ABOUT = re.compile(
    r"(?<!\w)(?:rund|etwa|circa|ca\.|knapp|fast|über|mehr als|weniger als|bis zu|environ"
    r"|près de|plus de|moins de|quelque|unos|unas|cerca de|más de|menos de|alrededor de|casi"
    r"|oltre|quasi|около|более|почти|свыше|понад|майже|близько)\s+$",
    re.I,
)
_UNIT = re.compile(
    r"\s*(?:%|€|\$|£|(?:euro|dollar|prozent|pour cent|por ciento|per cento|евро|доллар"
    r"|процент|відсот)\w*)(?!\w)",
    re.I,
)


_OF = re.compile(r"[\s,]*(?:de|des|del|do)?\s*")


def _holds(mention: DateMention, extra: DateMention, sentence: str) -> bool:
    """Whether ``mention`` overlaps ``extra`` or is a month that ``extra`` only gives the year
    of ("en mars de l'année dernière", "im März letzten Jahres": see ``_last_year``)."""
    if extra.start < mention.end and mention.start < extra.end:
        return True
    return (
        mention.granularity == "month"
        and _OF.fullmatch(sentence, mention.end, extra.start) is not None
    )


def _counted(sentence: str, start: int, text: str, code: str) -> bool:
    """Whether ``text`` at ``start`` is a year-like number, alone or with one word beside it
    ("Environ 2000", "um 2000", "1900 тонн"), that counts something."""
    numbers = list(_YEAR_IN_TEXT.finditer(text))
    if len(numbers) != 1 or len(_NUMBER.findall(text)) != 1 or len(text.split()) > 2:
        return False
    number = numbers[0]
    before, after = start + number.start(), start + number.end()
    if _ABOUT.search(sentence[:before]) is not None or _UNIT.match(sentence, after) is not None:
        return True
    return counted_after(sentence, after, code)


def _weekday_ahead(
    sentence: str, mention: DateMention, published: date | None, code: str
) -> DateMention:
    """A date without a year in a clause that looks ahead points ahead: a weekday alone is
    the next such day (the publication day itself when it is that day), not the latest one
    before, which dateparser reads; a month ("entrera en vigueur en septembre") is the next
    such month, this one included; a day and month is the next such day within
    ``FAR_AHEAD_DAYS`` (English's bound; past it, news means the one before)."""
    if published is None or not mention.date or _has_year(mention.expression):
        return mention
    clause = clause_around(sentence, mention.start, mention.end)
    if not looks_ahead(sentence, clause, mention.start, code):
        return mention
    if mention.granularity == "month":
        return _ahead(mention, _month_ahead(date.fromisoformat(mention.date + "-01"), published))
    if mention.granularity != "day":
        return mention
    if not any(c.isdigit() for c in mention.expression):
        if not _weekday(mention.expression, code):
            return mention
        base = datetime.combine(published, time())
        data = _parse(mention.expression, code, base, prefer="future")
        if data is None or data.date_obj is None:
            return mention
        ahead = data.date_obj.date()
        if ahead - published == timedelta(days=7):
            ahead = published  # "on Thursday" in Thursday's paper: the day itself
        return _ahead(mention, ahead, "a weekday in a clause that looks ahead: the next such day")
    return _ahead(mention, _day_ahead(date.fromisoformat(mention.date), published))


def _has_year(expression: str) -> bool:
    return re.search(r"\d{4}", expression) is not None


def _month_ahead(found: date, published: date) -> date:
    year = published.year + (found.month < published.month)
    return date(year, found.month, 1)


def _day_ahead(found: date, published: date) -> date:
    from .yearly import FAR_AHEAD_DAYS

    ahead = day_or_none(published.year, found.month, found.day)
    if ahead is None or ahead < published:
        ahead = day_or_none(published.year + 1, found.month, found.day)
    if ahead is None or (ahead - published).days > FAR_AHEAD_DAYS:
        return found
    return ahead


def _ahead(mention: DateMention, ahead: date, note: str = "") -> DateMention:
    """``mention`` moved to ``ahead`` (kept at its granularity), with ``note`` saying why."""
    text = ahead.isoformat()[:7] if mention.granularity == "month" else ahead.isoformat()
    if text == mention.date:
        return mention
    return replace(mention, date=text, note=note or "in a clause that looks ahead: the next one")


def _weekday_words(code: str) -> frozenset[str]:
    """dateparser's weekday names for ``code`` (three letters or more), lower-cased."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(code).info
    except Exception:  # an unknown or unsupported language code
        return frozenset()
    names = (str(name).lower() for key in _VOCABULARY[12:19] for name in info.get(key, []))
    return frozenset(name for name in names if len(name) >= _SHORT_WORD)


def _weekday(expression: str, code: str) -> bool:
    return not _weekday_words(code).isdisjoint(_WORD.findall(expression.lower()))


# "Last year" after a month ("en mars de l'année dernière"), which dateparser's search leaves
# out: the month is then the previous year's, not the latest one before publication.
_LAST_YEAR = re.compile(
    r"\s*,?\s*(?:de l'année dernière|de l'an dernier|de l'année passée|l'an dernier"
    r"|l'année dernière|letzten jahres|des letzten jahres|vergangenen jahres"
    r"|des vergangenen jahres|des vorjahres|del año pasado|dell'anno scorso|do ano passado"
    r"|del año anterior|dell'anno passato|vorigen jahres)\b",
    re.I,
)


def _last_year(sentence: str, mention: DateMention, published: date | None) -> DateMention:
    """A month mention followed by "last year" in words dateparser's search leaves out is
    that month of the year before publication (dateparser reads the latest such month)."""
    if mention.granularity != "month" or mention.date is None or published is None:
        return mention
    following = _LAST_YEAR.match(sentence.replace("\u2019", "'"), mention.end)
    if following is None:
        return mention
    month = mention.date.split("-")[1]
    note = "the month of the year before publication, as written"
    return replace(mention, date=f"{published.year - 1:04d}-{month}", note=note)


def _with_marker(sentence: str, start: int, text: str, code: str) -> tuple[int, str] | None:
    """``text`` (from ``start``), or it widened by up to two words before it when those make
    it a date, or None when it is a bare duration.

    dateparser reads "zehn Tage" or "dix jours" as that long ago, though the sentence says
    how long ("gesperrt für zehn Tage"): a count with no "ago" or "in" goes back under a
    past preference and ahead under a future one, by the same span, at any base. Its search
    also drops the head of "Il y a trois jours", which the words before it restore."""
    if not _duration(text, code):
        return start, text
    before = sentence[:start]
    words = list(re.finditer(r"\S+\s+$|\S+\s+(?=\S+\s+$)", before))
    for word in reversed(words):
        wider = sentence[word.start() : start] + text
        if _directed(wider, code):
            return word.start(), wider
    return None


def _directed(text: str, code: str) -> bool:
    """Whether ``text`` reads as one day whichever way dates are preferred ("il y a ...")."""
    base = _PROBE_BASES[0]
    past, future = _parse(text, code, base), _parse(text, code, base, prefer="future")
    found = [d.date_obj for d in (past, future) if d is not None and d.date_obj is not None]
    return len(found) == 2 and found[0] == found[1]


def _duration(text: str, code: str) -> bool:
    """Whether ``text`` reads as a span either side of any base (see :func:`_with_marker`)."""
    for base in _PROBE_BASES:
        past = _parse(text, code, base)
        future = _parse(text, code, base, prefer="future")
        if past is None or future is None or past.date_obj is None or future.date_obj is None:
            return False
        back, ahead = (base - past.date_obj).days, (future.date_obj - base).days
        if back <= 0 or ahead <= 0 or abs(back - ahead) > back // 40:
            return False
    return True


def _after_event(text: str) -> bool:
    """Whether the expression counts on from an event it names or follows ("trois semaines
    après le glissement", "drei Wochen danach", "après six mois de travaux"), which
    dateparser reads as from today."""
    folded = text.lower().rstrip(" ,.;")
    return folded.endswith(_AFTER) or folded.startswith(_BEFORE_COUNT)


def _settings(base: datetime, prefer: str = "past") -> dict[str, object]:
    return {"RELATIVE_BASE": base, "PREFER_DATES_FROM": prefer}


def _search(sentence: str, code: str, base: datetime) -> list[tuple[str, datetime]]:
    from dateparser.search import search_dates

    if not _may_hold_date(sentence, code):
        return []
    try:
        result = search_dates(sentence, languages=[code], settings=_settings(base))
    except Exception:  # dateparser raises assorted errors on odd input; treat as no date
        return []
    found = ((_without_article(str(text)), value) for text, value in (result or []))
    if code == "fr":
        found = ((french_after(text), value) for text, value in found)

    def read(text: str) -> datetime | None:
        data = _parse(text, code, base)
        return None if data is None else data.date_obj

    words = _date_words(code) or frozenset()
    taken = without_counts(sentence, without_durations(list(found), code, read), words, read)
    taken = without_tallies(sentence, taken, words, read)
    return [(text, value) for text, value in taken if _plausible(text) and _dates(text, code)]


def _may_hold_date(sentence: str, code: str) -> bool:
    """Whether dateparser's search (about 3 to 15 ms a sentence) can find anything that
    :func:`_dates` keeps: the sentence holds a word of the language's date vocabulary
    (months, weekdays, units, "ago", "yesterday" and the like), or a digit in a year, in two
    numbers close together ("10.03.2026") or beside such a word. A lone number ("62730
    tonnes") is no date: the search reads it as one, and :func:`_dates` drops it. Most
    sentences of a story hold none of these."""
    cues = _date_words(code)
    if cues is None:
        return True
    digit = any(character.isdigit() for character in sentence)
    if code in _CJK:  # no spaces between words
        return digit or any(cue in sentence for cue in cues)
    words = set(_WORD.findall(sentence.lower()))
    if not cues.isdisjoint(words):
        return True
    if not digit:
        return False
    content = _content_words(code)
    return (
        content is None
        or not content.isdisjoint(words)
        or _YEAR_IN_TEXT.search(sentence) is not None
        or _CLOSE_NUMBERS.search(sentence) is not None
    )


@lru_cache(maxsize=64)
def _date_words(code: str) -> frozenset[str] | None:
    """The words of dateparser's vocabulary for ``code`` that can start or make a date
    (four letters or more, any in Chinese, Japanese and Korean: "en", "die", "в" are too
    common to tell anything, and an abbreviation such as "Dez." comes with a digit), and each
    month's full name however short ("Mai": "Im Mai brannte ..." was never searched); None
    when dateparser has no data for the language (then every sentence is searched)."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(code).info
    except Exception:  # an unknown or unsupported language code
        return None
    phrases = [phrase for key in _VOCABULARY for phrase in info.get(key, [])]
    phrases += [phrase for group in info.get("relative-type", {}).values() for phrase in group]
    words = {word for phrase in phrases for word in _WORD.findall(str(phrase).lower())}
    months = {max(info.get(key, [""]), key=len).lower() for key in _VOCABULARY[:12]}
    return frozenset(
        word for word in words if len(word) >= _MIN_CUE or code in _CJK or word in months
    )


def _without_article(text: str) -> str:
    """A match without the indefinite article that follows a weekday ("jeudi une hausse",
    "el lunes una subida"): dateparser reads it as the number one, the 1st of the month."""
    head, _, last = text.rpartition(" ")
    return head if head and last.lower() in _ONE else text


def _dates(text: str, code: str) -> bool:
    """Whether a match names a date rather than a count: it holds a month, weekday, unit or
    relative word of the language ("mayo", "Tagen", "ayer"), a year, or two numbers
    ("10.03.2026"). The search also reads a lone number and the short word beside it ("a 12
    personas", "57, et", "Lagerhalle 1 drei") as a day or a year."""
    numbers = _NUMBER.findall(text)
    if len(numbers) >= 2 or any(_YEAR.fullmatch(number) for number in numbers):
        return True
    words = _content_words(code)
    if words is None or code in _CJK:
        return True
    return not words.isdisjoint(_WORD.findall(text.lower()))


@lru_cache(maxsize=64)
def _content_words(code: str) -> frozenset[str] | None:
    """The words of dateparser's month, weekday, unit and relative vocabulary for ``code``,
    less those of "in" and "ago" ("dans", "vor"), which name no date alone; None when
    dateparser has no data for the language."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(code).info
    except Exception:  # an unknown or unsupported language code
        return None
    keys = [key for key in _VOCABULARY if key not in ("in", "ago")]
    phrases = [phrase for key in keys for phrase in info.get(key, [])]
    phrases += [phrase for group in info.get("relative-type", {}).values() for phrase in group]
    words = {word for phrase in phrases for word in _WORD.findall(str(phrase).lower())}
    # Abbreviations of one or two letters ("a" for año, "Di" for Dienstag) are everyday words.
    return frozenset(word for word in words if len(word) > 2 and not word.isdigit())


def _plausible(text: str) -> bool:
    """Whether a match can be a date: not a short lone word, not a decimal number."""
    bare = text.strip()
    if len(bare) <= _SHORT_WORD and bare.isalpha():
        return False
    return not _DECIMAL.fullmatch(bare)


def _parse(text: str, code: str, base: datetime, prefer: str = "past") -> Any:
    """dateparser's reading of ``text`` (its DateData) against ``base``, None if it fails."""
    from dateparser.date import DateDataParser

    try:
        settings = _settings(base, prefer)
        return DateDataParser(languages=[code], settings=settings).get_date_data(text)
    except Exception:  # odd input must not crash the tagger
        return None


def _resolve(text: str, start: int, end: int, published: date | None, code: str) -> DateMention:
    from .temporal import DateMention

    base = datetime.combine(published, time()) if published else _PROBE_BASES[0]
    data = _parse(text, code, base)
    if (data is None or data.date_obj is None) and " " in text:
        # The search can take in words around a date that the parser then refuses ("am
        # Montag", "am Freitag in einem", "Am 10.03.2026", "am 24. März"): the one numeric
        # date, else a day number and its month, else the one word, that reads alone is the
        # date (a numeric date first: "2026" alone is a year; "März" alone is a month).
        found = (*_NUMERIC_DATE.finditer(text), *_DAY_MONTH.finditer(text))
        for word in (*found, *re.finditer(r"\w{4,}", text)):
            alone = _parse(word.group(), code, base)
            if alone is not None and alone.date_obj is not None:
                text, data = word.group(), alone
                start, end = start + word.start(), start + word.end()
                break
    if data is None or data.date_obj is None:
        return DateMention(start, end, text, None, None, f"dateparser could not read '{text}'")
    step = _week_step(text, code)
    if published and step is not None:
        # "letzte Woche": the week, dated by its month as English "last week" is, not the
        # day seven days back that dateparser gives ("vor einer Woche" is that day).
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        week, dated_by, note = span_month(monday, monday + timedelta(days=6))
        return DateMention(start, end, text, week, dated_by, note)
    parts = tuple(data.parts or ())
    value = data.date_obj
    if published and value.date() == published - timedelta(days=7):
        # dateparser reads the weekday of the publication day as the one a week before;
        # news means the day itself ("announced on Thursday" in Thursday's paper). "A week
        # ago" also gives a week before, but moves with the base, where a weekday does not.
        later = _parse(text, code, base + timedelta(days=1))
        if later is not None and later.date_obj is not None and later.date_obj.date() == published:
            value = later.date_obj
    if published and "day" in parts and "month" in parts and "year" not in parts:
        value = datetime.combine(_year_of_day(value.date(), published), time())
    granularity: Granularity = "day"
    if parts and "day" not in parts:
        granularity = "month" if "month" in parts else "year"
    written = _YEAR_IN_TEXT.findall(text)
    if granularity == "year" and len(written) == 1 and int(written[0]) != value.year:
        # dateparser 1.5 reads Russian "в 2014 году" (in 2014) as the year 8
        note = f"dateparser read '{text}' as the year {value.year}"
        return DateMention(start, end, text, written[0], "year", note)
    iso = {"day": value.date().isoformat(), "month": f"{value.year:04d}-{value.month:02d}",
           "year": f"{value.year:04d}"}  # fmt: skip
    return DateMention(start, end, text, iso[granularity], granularity, "")


def _year_of_day(found: date, published: date) -> date:
    """The year of a day and month written without one ("le samedi 17 mars", "25 марта"):
    dateparser reads the latest such day on or before its base, a year back for a day two
    days after publication. As in English with no tense to go by, news mostly looks back,
    but a day at most ``NEAR_AHEAD_DAYS`` ahead of publication is a schedule."""
    from .yearly import NEAR_AHEAD_DAYS

    ahead = day_or_none(published.year, found.month, found.day)
    if ahead is None or ahead < published:
        ahead = day_or_none(published.year + 1, found.month, found.day)
    if ahead is not None and (ahead - published).days <= NEAR_AHEAD_DAYS:
        return ahead
    return found


_WEEK_STEPS = {"1 week ago": -1, "0 week ago": 0, "in 1 week": 1}


def _week_step(text: str, code: str) -> int | None:
    """-1, 0 or 1 when ``text`` is the language's "last week", "this week" or "next week"."""
    try:
        from dateparser.languages.loader import default_loader

        relative = default_loader.get_locale(code).info.get("relative-type", {})
    except Exception:  # an unknown or unsupported language code
        return None
    folded = " ".join(text.lower().strip(" ,.;").split())
    for key, step in _WEEK_STEPS.items():
        if folded in (str(phrase).lower() for phrase in relative.get(key, [])):
            return step
    return None
