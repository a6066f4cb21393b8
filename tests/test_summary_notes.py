"""Editors' notes and a column's disclaimer are about the page, not the story (QA, session 28)."""

from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.summary import SummaryOptions, summarize
from storyline.summary.notes import editorial
from storyline.text import normalize

CORRECTED = (
    "The Orvik dairy cooperative was fined twice for late milk deliveries, court records show.\n\n"
    "Correction, June 4: An earlier version of this article said the cooperative had been "
    "fined five times.\n\n"
    "The fines were paid in full, the cooperative's manager Edda Strom said on Tuesday.\n\n"
    "The views expressed in this column are the author's own."
)


def test_a_summary_leaves_out_an_editors_note_and_a_disclaimer() -> None:
    article = Article(
        id="c1", title="Dairy fines", text=normalize(CORRECTED), raw_text=CORRECTED, source="X"
    )
    claims = summarize([article], options=SummaryOptions(max_words=200))
    said = [claim.text for claim in claims]
    assert said == [
        "The Orvik dairy cooperative was fined twice for late milk deliveries, court records show.",
        "The fines were paid in full, the cooperative's manager Edda Strom said on Tuesday.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clarification (16 November): the vote was held on Sunday.", True),
        ("Editor's note, March 3: names have been changed.", True),
        ("A previous version of this story misstated the mayor's age.", True),
        ("This article has been updated to include a statement from the police.", True),
        ("Opinions expressed here are those of the writer.", True),
        # News that only uses the words.
        ("The correction in share prices wiped 4% off the index on Monday.", False),
        ("An earlier version of the bill was rejected by the senate in March.", False),
        ("Update: the coast guard says 15 people have died.", False),
    ],
)
def test_editorial(text: str, expected: bool) -> None:
    assert editorial(text) is expected
