"""The vocabulary and regular expressions of English temporal expressions: month and
weekday names, number words, and one pattern per kind of expression (``P_MD`` is "January
9", ``P_WEEKDAY`` "on Sunday", ``P_AGO`` "two days ago"...). :mod:`.temporal` resolves
what they match.
"""

from __future__ import annotations

import calendar
import re

from ..text import CARDINALS

MONTH_NUMBERS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTH_NUMBERS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
NUMBER_WORDS = {"a": 1, "an": 1, **CARDINALS}

MON = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
MON_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
DAY = r"(?:[012]?[1-9]|[123]0|31)(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]{3}|2[0-9]{3}|'[0-9]{2})"
WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# "Twenty-five years ago" is 25, not the "five" at its end.
NUM = (
    rf"(?:\d{{1,2}}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-{_UNITS})?"
    rf"|(?:thir|four|fif|six|seven|eigh|nine)teen|a|an|{_UNITS}|ten|eleven|twelve)"
)
RANGE_SEP = r"\s*(?:-|to|until|till|through|and)\s*"

P_ISO = re.compile(r"\b(?P<y>[12]\d{3})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
P_NUMERIC = re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4}|\d{2})\b")
P_RANGE_MD = re.compile(
    rf"\b(?:(?:from|between)\s+)?(?P<mon>{MON})\s+(?P<d>{DAY}){RANGE_SEP}"
    rf"(?:(?P<mon2>{MON})\s+)?(?P<d2>{DAY})\b(?:\s*,?\s*(?P<y>{YEAR})\b)?(?!\s*,?\s*\d)"
)
P_RANGE_DM = re.compile(
    rf"\b(?:(?:from|between)\s+)?(?P<d>{DAY}){RANGE_SEP}(?P<d2>{DAY})\s+(?P<mon>{MON})\b"
    rf"(?:\s*,?\s*(?P<y>{YEAR})\b)?"
)
P_MDY = re.compile(rf"\b(?P<mon>{MON})\s+(?P<d>{DAY})(?:\s*,\s*|\s+)(?P<y>{YEAR})\b")
P_DMY = re.compile(rf"\b(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MON})\s*,?\s+(?P<y>{YEAR})\b")
P_MD = re.compile(rf"\b(?P<mon>{MON})\s+(?P<d>{DAY})\b(?!\s*[,.:%]?\s*\d)")
P_DM = re.compile(rf"\b(?P<d>{DAY})\s+(?:of\s+)?(?P<mon>{MON})(?![\w])")
P_MY = re.compile(rf"\b(?P<mon>{MON})\s*,?\s+(?P<y>[12]\d{{3}})\b")
# What a number counts, so that it is no year: "in 2500 homes", "the 2014 workers".
COUNTED = (
    r"people|persons|men|women|children|troops|soldiers|workers|employees|residents|jobs|cases"
    r"|deaths|dead|homes|houses|victims|patients|students|members|passengers|families|migrants"
    r"|refugees|officers|police|staff|units|vehicles|cars|barrels|tonnes|tons|dollars|euros"
    r"|pounds|votes|seats|words|acres|miles|metres|meters|kilometres|kilometers|feet|points|hours"
)
# A year read without a day or month. Up to 2999: "until 2150" is read, then flagged as far in
# the future; beyond 2100 a number is more often a count ("in 2500 homes"), so every counted noun
# rules the year out there, and only the commonest before it.
BARE_YEAR = (
    r"(?:(?:1[89]|20)\d{2}\b(?![-/.]\d|\s*(?:%|percent|people|troops))"
    rf"|2[1-9]\d{{2}}\b(?![-/.]\d|\s*(?:%|percent\b|(?:{COUNTED})\b)))"
)
P_YEAR = re.compile(
    r"\b(?P<prep>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Dd]uring|[Tt]hroughout|[Bb]efore|[Aa]fter"
    r"|[Ee]arly|[Ll]ate|[Mm]id|[Ss]ummer|[Ww]inter|[Ss]pring|[Aa]utumn|[Ff]all)"
    r"(?:\s+|(?<=[Mm]id)-)(?:of\s+)?"
    rf"(?:the\s+year\s+)?(?P<y>{BARE_YEAR})"
)
# A year that names what it qualifies: "a 2014 law", "the 2008 financial crisis", "Britain's
# 2010 election"; not a count ("the 2014 workers", "its 1900 employees").
_DETERMINERS = ("[Aa]", "[Aa]n", "[Tt]he", "[Ii]ts", "[Hh]is", "[Hh]er", "[Tt]heir", "[Oo]ur")
P_YEAR_NAMED = re.compile(
    "(?:" + "|".join(rf"(?<=\b{word} )" for word in _DETERMINERS) + "|(?<='s ))"
    rf"(?P<y>1[89]\d{{2}}|20\d{{2}})(?=\s+[A-Za-z])(?!\s+(?:{COUNTED}|of|new|more|other|or|and|to)\b)"
)
P_MONTH = re.compile(
    r"\b(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id|[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil"
    rf"|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter|[Tt]hrough"
    # "set for October", but not "sales for October" nor "waiting for October"
    r"|(?:(?<=set )|(?<=slated )|(?<=planned )|(?<=scheduled ))for)"
    r"(?:\s+|(?<=[Mm]id)-)(?:of\s+)?"  # "mid-January" as "mid January"
    rf"(?P<mon>{MON_FULL})\b"
    # "in March last year": the year is named after the month
    r"(?:\s+(?:of\s+)?(?P<rel>last|next|this)\s+year\b)?"
    r"(?!\s*,?\s*\d)"
)
P_RELDAY = re.compile(
    r"\b(?P<w>today|yesterday|tomorrow|tonight|last night|this (?:morning|afternoon|evening)"
    r"|overnight)\b",
    re.I,
)
P_WEEKDAY = re.compile(
    rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast)\s+)?(?P<wd>{WD})(?!s\b|\w)"
)
# "Over the past year", "in the coming months": a rolling span of time, not a calendar one,
# so not a date ("the past year" in March 2022 is not 2021); weeks are short enough to date.
P_PERIOD = re.compile(
    r"\b(?!(?:past|coming)\s+(?:month|year)\b)"
    r"(?P<mod>last|this|next|earlier this|later this|past|previous|coming)\s+"
    r"(?P<unit>week(?:end)?|month|year)\b",
    re.I,
)
# "since the start of the year", "by the end of the month": the one of publication.
P_PART = re.compile(
    r"\b(?:the\s+)?(?P<part>start|beginning|end|middle|turn)\s+of\s+the\s+(?P<unit>month|year)\b"
    r"(?!\s+(?:of|before|after)\b|\s+\d)",  # "the start of the year 2000" is 2000
    re.I,
)
# "over the weekend", "at the weekend", "the weekend's clashes": the nearest weekend.
P_WEEKEND = re.compile(
    r"\b(?:(?:over|at|during|on|through|throughout)\s+the|[Tt]he(?=\s+weekend's))\s+weekend\b"
)
P_AGO = re.compile(rf"\b(?P<n>{NUM}|a few|several)\s+(?P<unit>day|week|month|year)s?\s+ago\b", re.I)
P_LATER = re.compile(
    rf"\b(?:(?P<n>{NUM}|a few|several)\s+(?P<unit>day|week|month|year)s?\s+"
    # "two days earlier than planned" compares two dates; it counts from none
    r"(?P<dir>later|earlier|afterwards|before|after)(?!\s+than\b)"
    r"|the\s+(?P<nd>next|following|previous)\s+day|the\s+day\s+(?P<da>after|before))\b",
    re.I,
)
