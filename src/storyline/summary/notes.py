"""Sentences about the page, not the story: editors' notes and a column's disclaimer.

"Correction, March 13: An earlier version of this article said the operator had been fined
three times." restates the error it corrects; as a summary sentence it reports the wrong
fact, cited as if the outlet stood by it (a QA pass as a fact-checker, session 28). "The
views expressed in this column are the author's own." says nothing of the event. The
timeline keeps an editor's note (it dates when a page was corrected, see
:func:`storyline.timeline.tense.stamped`); a summary leaves both out.
"""

from __future__ import annotations

import re

_NOTE = re.compile(
    # An editor's label that opens the sentence and ends in a colon within a date's length:
    # "Correction:", "Clarification (16 November):", "Editor's note, March 3:".
    r"^\W*(?:correction|clarification|editor['\u2019]?s\s+note)\b[^:.!?]{0,40}:"
    # What the note says wherever it stands: "An earlier version of this story misstated ...".
    r"|\b(?:an?|the)\s+(?:earlier|previous|original)\s+version\s+of\s+this\s+"
    r"(?:article|story|report|page|post|column)\b"
    r"|\bthis\s+(?:article|story|report|page)\s+(?:has\s+been|was)\s+"
    r"(?:updated|corrected|amended)\s+to\b"
    # A column's disclaimer: "The views expressed in this column are the author's own."
    r"|\b(?:views|opinions)\s+expressed\s+(?:here\s+|in\s+this\s+\w+\s+)?are\s+(?:those\s+of\s+)?"
    r"the\s+(?:author|writer|columnist)",
    re.IGNORECASE,
)


def editorial(text: str) -> bool:
    """Whether ``text`` is an editor's note or a column's disclaimer (see the module)."""
    return _NOTE.search(text) is not None
