"""Times of day as figures: "3 a.m.", "3:15 p.m.", "15:30 GMT", "0800 GMT".

A wire corrected from "at 3 a.m." to "at 4 a.m." leaves its earlier reprints giving the old
time; a reader comparing the two wants that pointed at, as a changed toll is. A time is
compared only with a time of the same zone as written ("local time", "GMT", none): "3 a.m.
local time (1900 GMT)" gives one moment twice, and no zone arithmetic is attempted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ZONES = (
    r"GMT|UTC|BST|CET|CEST|EET|EEST|MSK|IST|JST|AEST|AEDT"
    r"|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|local\s+time"
)
_ZONE = rf"(?:\s*\(?\s*(?P<zone>{_ZONES})\b)?"
# "3 a.m.", "3am", "3:15 p.m.", "3.15pm"; then "15:30" (24-hour, two-digit minutes); then
# "0800 GMT" (military style, only with a zone: bare four digits are a year or a count).
_CLOCK = re.compile(
    r"(?<![\w.:,$])(?:"
    r"(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s?(?P<half>[ap])\.?\s?m\b\.?"
    r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?![\d:])"
    rf"|(?P<hhmm>[01]\d|2[0-3])(?P<mm>[0-5]\d)(?=\s*\(?\s*(?:{_ZONES})\b)"
    rf"){_ZONE}",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ClockTime:
    """One time of day in a text: where it is, as printed, minutes after midnight, zone."""

    start: int
    end: int
    phrase: str
    minutes: int
    zone: str  # lower case, one space ("local time"); "" when none is written


def clock_times(text: str) -> list[ClockTime]:
    """The times of day written in ``text``, in order."""
    found = []
    for match in _CLOCK.finditer(text):
        if match.group("half"):
            hour = int(match.group("hour")) % 12 + (12 if match.group("half").lower() == "p" else 0)
            minute = int(match.group("minute") or 0)
        elif match.group("hour24") is not None:
            hour, minute = int(match.group("hour24")), int(match.group("minute24"))
        else:
            hour, minute = int(match.group("hhmm")), int(match.group("mm"))
        zone = " ".join((match.group("zone") or "").lower().split())
        phrase = " ".join(match.group().split()).rstrip("(").strip()
        found.append(ClockTime(match.start(), match.end(), phrase, hour * 60 + minute, zone))
    return found
