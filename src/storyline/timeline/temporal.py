"""Temporal expressions: find them in a sentence and resolve them to ISO dates.

Regex first (English news conventions), dateparser only for other languages. Relative
expressions resolve against the publication date; without one they stay unresolved with a
note saying why. Nothing here ever invents a date: an expression that cannot be resolved
safely gets ``date=None`` and an explanation.
"""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from ..model import Granularity
from .holidays import P_HOLIDAY, feast_day, names_a_holiday
from .patterns import (
    BARE_YEAR,
    MONTH_NUMBERS,
    P_AGO,
    P_DM,
    P_DMY,
    P_ISO,
    P_LATER,
    P_MD,
    P_MDY,
    P_MONTH,
    P_MY,
    P_NUMERIC,
    P_PART,
    P_PERIOD,
    P_RANGE_DM,
    P_RANGE_MD,
    P_RELDAY,
    P_WEEKDAY,
    P_WEEKEND,
    P_YEAR,
    P_YEAR_NAMED,
    WEEKDAYS,
)
from .shifts import Resolved, count, counted_in_sentence, shift, shift_names_event
from .spans import Reference, on_part, on_period, on_weekend, unresolved
from .tense import (
    awaited,
    deadline,
    intended,
    lasts_until,
    names_an_event,
    planned_then,
    scheduled,
    stamped,
    tense,
)
from .weekdays import DateMention, stretch_ends, weekdays_with_dates
from .yearly import make_day, resolve_month_day, resolve_yearly

__all__ = ["DateMention", "calendar_day", "tag_dates"]

# Cues: cheap tests for what each rule cannot match without (a digit, a capitalised month
# abbreviation, a unit word...). A rule runs only on sentences with all its cues, which
# leaves the result unchanged and skips most of the regex work: most sentences name no date.
_DIGIT = re.compile(r"\d")
_YEAR_CUE = re.compile(r"(?:1[89]|2\d)\d\d")  # the years P_YEAR reads
_MONTH_CUE = re.compile(r"Jan|Feb|Mar|Apr|May|Ju[nl]|Aug|Sep|Oct|Nov|Dec")  # MON is cased
# One bit per cue.
_C_DIGIT, _C_MONTH, _C_UNIT, _C_AGO, _C_RELDAY, _C_WEEKDAY, _C_DASH, _C_SLASH, _C_YEAR = (
    1 << n for n in range(9)
)
_C_HOLIDAY = 1 << 9
_FAR_FUTURE_YEARS = 10
_PLAN_MONTHS = 7
_ABSOLUTE_MAX_YEAR = 2100


_Handler = Callable[[re.Match[str], Reference], Resolved]


def tag_dates(
    sentence: str,
    published: str | None,
    language: str = "en",
    *,
    context: str | None = None,
) -> list[DateMention]:
    """Temporal expressions of ``sentence``, resolved against ``published`` where needed.

    ``published`` is an ISO date (``YYYY-MM-DD``, a timestamp, ``YYYY-MM`` or ``YYYY``) or None.
    ``context`` is the last date resolved earlier in the same article: it anchors "two days
    later" and gives the year of a bare "January 9" when there is no publication date.
    """
    if not sentence.strip():
        return []
    reference = _reference(published, context)
    if language and not language.lower().startswith("en"):
        from .foreign import tag_foreign

        return tag_foreign(sentence, reference.published, language)
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, handler in _rules_for(_cues(sentence)):
        for match in pattern.finditer(sentence):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            future, past = _direction(sentence, match, handler, reference)
            # "was to begin on April 3": a plan told in the past, whose day may be either side
            nearest = handler is _on_month_day and not (future or past)
            nearest = nearest and planned_then(sentence, match.start(), match.end())
            local = replace(reference, future=future, past=past, nearest=nearest)
            day, granularity, note = handler(match, local)
            # A date without a year in a clause with no tense was put ahead on purpose.
            if handler is not _on_month_day or past:
                note = _flag_after_publication(day, granularity, note, local)
            taken.append((match.start(), match.end()))
            mentions.append(
                DateMention(match.start(), match.end(), match.group(), day, granularity, note)
            )
    mentions = _listed_years(sentence, mentions)
    mentions.sort(key=lambda mention: (mention.start, mention.end))
    mentions = weekdays_with_dates(sentence, mentions)
    mentions = counted_in_sentence(sentence, mentions)
    mentions = stretch_ends(sentence, mentions, reference.published)
    return [_flag_far_future(mention, reference) for mention in mentions]


def _listed_years(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    """``mentions`` and the years listed after a year: "in 2019 and 2020", "in 2008, 2009 or
    in 2010" (the later years have no preposition of their own for :data:`P_YEAR` to read)."""
    listed = []
    for mention in mentions:
        if mention.granularity != "year" or not sentence[mention.end - 4 : mention.end].isdigit():
            continue
        at = mention.end
        while (match := _P_LISTED_YEAR.match(sentence, at)) is not None:
            start, end = match.span("y")
            if any(start < other.end and other.start < end for other in mentions):
                break
            listed.append(DateMention(start, end, match["y"], match["y"], "year", ""))
            at = end
    return [*mentions, *listed]


_P_LISTED_YEAR = re.compile(rf",?\s*(?:,|and|or)\s+(?:in\s+)?(?P<y>{BARE_YEAR})")


def _direction(
    sentence: str, match: re.Match[str], handler: _Handler, reference: Reference
) -> tuple[bool, bool]:
    """(future, past): which way the mention at ``match`` points, from its clause's tense and
    what the words around it say of plans, lasting states, schedules and named events."""
    start, end = match.start(), match.end()
    future, past = tense(sentence, start, end)
    # "agreed to meet on Saturday", "agreed to meet again on 24 March": ahead. Read as past,
    # a day of the year a few days after publication would go a year back.
    plan = handler in (_on_weekday, _on_month_day, _on_month_name)
    if past and plan and intended(sentence, start, end) and _soon(match, handler, reference):
        future, past = True, False
    # "schools have been closed until 6 May": a state that lasts, ahead.
    if not future and plan and lasts_until(sentence, start):
        future, past = True, False
    # "the first game is at Kilbride on Saturday": a schedule, ahead. Weekdays, which with no
    # tense read as the past one, and full dates, which are then not flagged as after
    # publication ("the line opens on March 3, 2024").
    scheduling = handler in (_on_weekday, _on_full_date)
    if not (future or past) and scheduling and scheduled(sentence, start, end):
        future = True
    if not future and handler in (_on_weekday, on_part) and deadline(sentence, start, end):
        future, past = True, False
    # "ahead of Friday's deadline": weekdays and months only; a day and month with no tense
    # is already read ahead when near ("ahead of the disaster on April 20" is past).
    if not future and handler in (_on_weekday, _on_month_name) and awaited(sentence, start, end):
        future, past = True, False
    # "was to begin on April 3", "was due to open on May 2": the plan's past tense says
    # nothing of its day (see ``yearly.resolve_yearly``).
    if handler is _on_month_day and (future or past) and planned_then(sentence, start, end):
        future, past = False, False
    if future and handler is _on_month_day and names_an_event(sentence, start, end):
        future = False
    # An editor's note dates a correction: on or after publication, as a plan is.
    if handler is _on_month_day and stamped(sentence, start):
        future, past = True, False
    return future, past


def _soon(match: re.Match[str], handler: _Handler, reference: Reference) -> bool:
    """Whether a month an intention names ("agreed to hold a conference in March") comes
    around within ``_PLAN_MONTHS`` of publication. One further ahead was more often a plan
    made for a month now past ("planned to visit in March", read in June; T17 pages)."""
    if handler is not _on_month_name or reference.published is None:
        return True
    return (_month(match["mon"]) - reference.published.month) % 12 <= _PLAN_MONTHS


def _cues(sentence: str) -> int:
    """The cues of ``sentence``, as bits (see ``_RULES``).

    Case-insensitive cues are looked up in the lower-cased sentence. None holds an "i" or an
    "s", the only ASCII letters that re.IGNORECASE also matches to other letters ("ı", "ſ"),
    so each is found wherever the rule's own pattern could match.
    """
    lowered = sentence.lower()
    day = "day" in lowered
    cues = 0
    if _DIGIT.search(sentence):
        cues |= _C_DIGIT | (_C_YEAR if _YEAR_CUE.search(sentence) else 0)
    if _MONTH_CUE.search(sentence):
        cues |= _C_MONTH
    if day or "week" in lowered or "month" in lowered or "year" in lowered:
        cues |= _C_UNIT  # P_LATER, P_AGO, P_PERIOD
    if "ago" in lowered:
        cues |= _C_AGO
    if day or any(part in lowered for part in ("ght", "morrow", "morn", "afternoon", "even")):
        cues |= _C_RELDAY
    if "day" in sentence:  # cased: the end of every name in WD
        cues |= _C_WEEKDAY
    if "-" in sentence:
        cues |= _C_DASH
    if "/" in sentence:
        cues |= _C_SLASH
    if names_a_holiday(sentence):
        cues |= _C_HOLIDAY
    return cues


@functools.lru_cache(maxsize=256)
def _rules_for(cues: int) -> tuple[tuple[re.Pattern[str], _Handler], ...]:
    """The rules whose cues are all in ``cues``, in rule order."""
    return tuple((pattern, handler) for pattern, handler, needs in _RULES if needs & cues == needs)


@functools.lru_cache(maxsize=1024)
def _reference(published: str | None, context: str | None) -> Reference:
    """What a sentence resolves against; the same for the sentences of an article up to its
    next anchoring date, hence cached."""
    day, year = _parse_iso(published)
    context_day, context_granularity = _parse_context(context)
    return Reference(
        published=day,
        year=year,
        future=False,
        context=context_day,
        context_granularity=context_granularity,
    )


def _parse_iso(value: str | None) -> tuple[date | None, int | None]:
    """(day, year) of an ISO date or timestamp; the day is None when only the year is known."""
    if not value:
        return None, None
    match = re.match(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return None, None
    year = int(match.group(1))
    if match.group(3):
        try:
            return date(year, int(match.group(2)), int(match.group(3))), year
        except ValueError:
            return None, year
    return None, year


def _parse_context(context: str | None) -> tuple[date | None, Granularity | None]:
    if not context:
        return None, None
    parts = context.split("-")
    try:
        if len(parts) == 3:
            return date(int(parts[0]), int(parts[1]), int(parts[2])), "day"
        if len(parts) == 2:
            return date(int(parts[0]), int(parts[1]), 1), "month"
        return date(int(parts[0]), 1, 1), "year"
    except ValueError:
        return None, None


def _flag_after_publication(
    day: str | None, granularity: Granularity | None, note: str, reference: Reference
) -> str:
    """Flag a day after publication in a clause not in the future tense (page furniture,
    a wrong publication date, or a typo); the date is kept, the reader is warned."""
    published = reference.published
    if day is None or granularity != "day" or published is None or reference.future:
        return note
    gap = (date.fromisoformat(day) - published).days
    if gap <= 1:
        return note
    flag = f"{gap} days after publication in a clause not in the future tense"
    return f"{note}; {flag}" if note else flag


def _flag_far_future(mention: DateMention, reference: Reference) -> DateMention:
    if mention.date is None:
        return mention
    year = int(mention.date[:4])
    base = reference.published.year if reference.published else reference.year
    if base is not None and year - base > _FAR_FUTURE_YEARS:
        reason = f"far future: {year - base} years after publication"
    elif year > _ABSOLUTE_MAX_YEAR:
        reason = f"far future: year {year}"
    else:
        return mention
    note = f"{mention.note}; {reason}" if mention.note else reason
    return DateMention(mention.start, mention.end, mention.expression, mention.date,
                       mention.granularity, note)  # fmt: skip


# ---------------------------------------------------------------- absolute expressions


def _month(token: str) -> int:
    return MONTH_NUMBERS[token.rstrip(".").lower()[:3] if token.lower() != "sept" else "sept"]


def _day_number(token: str) -> int:
    return int(re.sub(r"\D", "", token))


def _year(token: str, reference: Reference) -> tuple[int, str]:
    """A four-digit year, or a two-digit one read as the nearest century with a note."""
    if not token.startswith("'") and len(token) == 4:
        return int(token), ""
    short = int(token.lstrip("'"))
    base = reference.published.year if reference.published else reference.year
    pivot = (base % 100 + 10) if base else 30
    year = 2000 + short if short <= pivot else 1900 + short
    return year, f"two-digit year read as {year}"


def _on_iso(match: re.Match[str], reference: Reference) -> Resolved:
    return make_day(int(match["y"]), int(match["m"]), int(match["d"]))


def _on_numeric(match: re.Match[str], reference: Reference) -> Resolved:
    first, second = int(match["a"]), int(match["b"])
    year, note = _year(match["y"], reference)
    month, day = (second, first) if first > 12 else (first, second)
    day_text, granularity, impossible = make_day(year, month, day)
    if impossible:
        return None, None, impossible
    if first <= 12 and second <= 12 and first != second:
        note = "; ".join(filter(None, [note, "numeric date read as month/day (US order)"]))
    return day_text, granularity, note


def _on_full_date(match: re.Match[str], reference: Reference) -> Resolved:
    year, note = _year(match["y"], reference)
    day_text, granularity, impossible = make_day(
        year, _month(match["mon"]), _day_number(match["d"])
    )
    return day_text, granularity, impossible or note


def _on_month_year(match: re.Match[str], reference: Reference) -> Resolved:
    return f"{int(match['y']):04d}-{_month(match['mon']):02d}", "month", ""


def _on_year(match: re.Match[str], reference: Reference) -> Resolved:
    return f"{int(match['y']):04d}", "year", ""


def _on_month_day(match: re.Match[str], reference: Reference) -> Resolved:
    """A day and month without a year, or a holiday that names one ("on Christmas Day")."""
    if "feast" in match.re.groupindex:
        name, day_in = feast_day(match)
        if not match["y"]:
            return resolve_yearly(day_in, name, reference)
        return day_in(int(match["y"])).isoformat(), "day", ""
    return resolve_month_day(_month(match["mon"]), _day_number(match["d"]), reference)


def _range_end(match: re.Match[str], reference: Reference, start: str | None) -> str:
    if start is None or len(start) != 10:
        return ""
    month = _month(match["mon2"]) if match.groupdict().get("mon2") else int(start[5:7])
    year = int(start[:4]) + (1 if month < int(start[5:7]) else 0)
    end_text, _, impossible = make_day(year, month, _day_number(match["d2"]))
    return f"range until {end_text}" if end_text and end_text > start else impossible


def _on_range(match: re.Match[str], reference: Reference) -> Resolved:
    """A range ("from January 3 to 5", "3-5 May 2010") is dated at its start."""
    month, day = _month(match["mon"]), _day_number(match["d"])
    if match["y"]:
        year, note = _year(match["y"], reference)
        start, granularity, impossible = make_day(year, month, day)
        note = impossible or note
    else:
        start, granularity, note = resolve_month_day(month, day, reference)
    end_note = _range_end(match, reference, start)
    return start, granularity, "; ".join(filter(None, [note, end_note]))


# ---------------------------------------------------------------- relative expressions


def calendar_day(expression: str) -> str:
    """ "--MM-DD" when ``expression`` is exactly a month and day ("January 9", "9 Jan"), else "".

    Such an expression left without a year still has a place in the calendar, so undated
    entries can be ordered by it without a year being guessed.
    """
    text = expression.strip()
    for pattern in (P_MD, P_DM):
        match = pattern.fullmatch(text)
        if match:
            month, day = _month(match["mon"]), _day_number(match["d"])
            if 1 <= day <= calendar.monthrange(2000, month)[1]:  # 2000: February 29 exists
                return f"--{month:02d}-{day:02d}"
    return ""


def _on_month_name(match: re.Match[str], reference: Reference) -> Resolved:
    """A month name ("in March"): the nearest such month on the side the tense points to."""
    month = _month(match["mon"])
    published = reference.published
    step = {"last": -1, "next": 1, "this": 0}.get((match["rel"] or "").lower())
    if published is None:
        year = reference.year or (reference.context.year if reference.context else None)
        if year is None or (step is not None and reference.year is None):
            return None, None, f"'{match.group()}' has no year and there is no publication date"
        if step is not None:
            return f"{year + step:04d}-{month:02d}", "month", ""
        return f"{year:04d}-{month:02d}", "month", f"year {year} taken from context"
    modifier = match["mod"].lower()
    if step is not None:
        return f"{published.year + step:04d}-{month:02d}", "month", ""
    if modifier == "next" or (reference.future and modifier not in ("last", "since")):
        year = published.year + (1 if month < published.month else 0)
        if modifier == "next" and month == published.month:
            year += 1
    elif modifier in ("last", "since") or reference.past:
        year = published.year - (1 if month > published.month else 0)
        if modifier == "last" and month == published.month:
            year -= 1
    else:  # no tense to go by: the nearest such month, the past one on a tie
        ahead = (month - published.month) % 12
        year = published.year + (1 if month < published.month else 0)
        if ahead >= 6:
            year = published.year - (1 if month > published.month else 0)
    return f"{year:04d}-{month:02d}", "month", ""


def _on_relative_day(match: re.Match[str], reference: Reference) -> Resolved:
    if reference.published is None:
        return unresolved(match, "no publication date")
    word = match["w"].lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    return (reference.published + timedelta(days=offset)).isoformat(), "day", ""


def _on_weekday(match: re.Match[str], reference: Reference) -> Resolved:
    """Past tense: the latest such day on or before publication; future: the next one."""
    published = reference.published
    if published is None:
        return unresolved(match, "no publication date")
    target = WEEKDAYS[match["wd"].lower()]
    modifier = (match["mod"] or "").lower()
    back = (published.weekday() - target) % 7
    ahead = (target - published.weekday()) % 7
    if modifier in ("last", "past"):
        day = published - timedelta(days=back or 7)
    elif modifier in ("next", "coming"):
        day = published + timedelta(days=ahead or 7)
    elif reference.future:
        day = published + timedelta(days=ahead)
    else:
        day = published - timedelta(days=back)
    return day.isoformat(), "day", ""


def _on_ago(match: re.Match[str], reference: Reference) -> Resolved:
    if reference.published is None:
        return unresolved(match, "no publication date")
    amount = count(match["n"])
    if amount is None:
        return unresolved(match, "a vague amount")
    return shift(reference.published, -amount, match["unit"].lower())


def _on_later(match: re.Match[str], reference: Reference) -> Resolved:
    """A counted shift ("two days later", "the next day") from the previous dated mention.

    One that names what it counts from ("eight days after the initial quake", "the day
    after the vote") counts from that event, whose date is seldom the previous one of the
    article: it is left unresolved here, and dated by ``shifts.counted_in_sentence`` when the
    event phrase itself holds a date ("three days before the blast on 17 April")."""
    if reference.context is None or reference.context_granularity != "day":
        return unresolved(match, "no earlier day-precise date to count from")
    if shift_names_event(match):
        return unresolved(match, "it counts from a named event, not from an earlier date")
    if match["nd"] or match["da"]:
        backwards = (match["nd"] or match["da"]).lower() in ("previous", "before")
        return shift(reference.context, -1 if backwards else 1, "day")
    amount = count(match["n"])
    if amount is None:
        return unresolved(match, "a vague amount")
    sign = -1 if match["dir"].lower() in ("earlier", "before") else 1
    return shift(reference.context, sign * amount, match["unit"].lower())


_NAMED_DAY = _C_DIGIT | _C_MONTH
# Each rule with the cues it cannot match without.
_RULES: tuple[tuple[re.Pattern[str], _Handler, int], ...] = (
    (P_ISO, _on_iso, _C_DIGIT | _C_DASH),
    (P_NUMERIC, _on_numeric, _C_DIGIT | _C_SLASH),
    (P_RANGE_MD, _on_range, _NAMED_DAY),
    (P_RANGE_DM, _on_range, _NAMED_DAY),
    (P_MDY, _on_full_date, _NAMED_DAY),
    (P_DMY, _on_full_date, _NAMED_DAY),
    (P_MY, _on_month_year, _NAMED_DAY),
    (P_MD, _on_month_day, _NAMED_DAY),
    (P_DM, _on_month_day, _NAMED_DAY),
    (P_HOLIDAY, _on_month_day, _C_HOLIDAY),
    (P_YEAR, _on_year, _C_DIGIT | _C_YEAR),
    (P_YEAR_NAMED, _on_year, _C_DIGIT | _C_YEAR),
    (P_LATER, _on_later, _C_UNIT),
    (P_AGO, _on_ago, _C_UNIT | _C_AGO),
    # before P_PERIOD: "in March last year" is one month, not the year alone
    (P_MONTH, _on_month_name, _C_MONTH),
    (P_PERIOD, on_period, _C_UNIT),
    (P_WEEKEND, on_weekend, _C_UNIT),
    (P_PART, on_part, _C_UNIT),
    (P_RELDAY, _on_relative_day, _C_RELDAY),
    (P_WEEKDAY, _on_weekday, _C_WEEKDAY),
)
