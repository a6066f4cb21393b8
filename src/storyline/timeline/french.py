"""French dates that dateparser's search reads together with the word after them."""

from __future__ import annotations

import re

# French: dateparser's search takes "après" (after), and the article after it, into the date
# before it. "fermé lundi après la découverte de fissures" gave "lundi après", left undated
# as a count from an event; "deux jours après le séisme" gave "deux jours après le", read as
# two days after publication (a QA pass as a data engineer, session 25).
_AFTER_TAIL = re.compile(r"\s+après(?:\s+(?:le|la|les|l['’]|un|une))?$", re.I)
_WEEKDAY = re.compile(
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:matin|soir|midi))?", re.I
)


def french_after(text: str) -> str:
    """A French match without the "après" that follows it: a weekday is that day ("lundi",
    what followed it comes after); a count keeps its "après", so that it is read as counted
    from the event named next ("deux jours après"), but without that event's article."""
    tail = _AFTER_TAIL.search(text)
    if tail is None:
        return text
    head = text[: tail.start()]
    return head if _WEEKDAY.fullmatch(head) else f"{head} après"
