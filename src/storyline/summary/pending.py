"""Sentences that say something is not known yet, and when a later report has overtaken them.

"There was no immediate word on injuries" is news at 08:15; beside "Seven people have died"
from 13:00 it misleads. Such a sentence is left out of a story's summary when another of the
story's reports was published at least an hour after it: by then the story has moved on, and
the later reports say what became known. Undated articles keep theirs (nothing says which came
later). The phrases are English news idiom.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..ingest.dates import published_instant
from .sentences import Sentence

_PENDING = re.compile(
    r"\b(?:"
    r"(?:there (?:was|were|is|are|has been|have been) )?no (?:immediate )?"
    r"(?:word|reports?|information|details|confirmation) (?:on|of|about|yet)"
    r"|(?:was|were|is|are) not (?:immediately |yet )?(?:clear|known|available|confirmed)"
    r"|it (?:was|is|remains) (?:still )?unclear"
    r")\b",
    re.IGNORECASE,
)
_OVERTAKEN_SECONDS = 3_600


def says_unknown(text: str) -> bool:
    """Whether ``text`` reports that something is not known yet."""
    return _PENDING.search(text) is not None


def overtaken(sentences: Sequence[Sentence], published: Mapping[str, str | None]) -> set[int]:
    """Positions in ``sentences`` of "not known yet" sentences from an article that another
    report, published at least an hour later, has overtaken."""
    instants = {aid: published_instant(stamp) for aid, stamp in published.items()}
    stamped = [at.first for at in instants.values() if at is not None and at.precision == 3]
    if not stamped:
        return set()
    newest = max(stamped)
    found = set()
    for n, sentence in enumerate(sentences):
        at = instants.get(sentence.article_id)
        if at is None or at.precision < 3 or newest - at.first < _OVERTAKEN_SECONDS:
            continue
        if says_unknown(sentence.text):
            found.add(n)
    return found
