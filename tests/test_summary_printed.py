"""Which article a summary sentence is printed from when several say it word for word."""

from __future__ import annotations

from helpers_summary import article
from storyline.summary import summarize

WIRE = (
    "A freight train derailed inside the Tollan tunnel on Monday, closing the line between "
    "Brask and Merin.\n"
    "Railway officials said 14 wagons carrying grain left the track about two kilometres from "
    "the southern portal.\n"
    "Nobody was hurt, and the driver walked out of the tunnel on his own.\n"
    "Engineers expect the line to stay closed for at least a week while the wagons are lifted out."
)
LATER = (
    "Repair crews began lifting derailed wagons out of the Tollan tunnel on Wednesday.\n"
    "Railway officials said 14 wagons carrying grain left the track about two kilometres from "
    "the southern portal.\n"
    "Cranes brought in from Merin are working in shifts through the night.\n"
    "Passengers between Brask and Merin are being carried by buses until the line reopens."
)
SHARED = "Railway officials said 14 wagons carrying grain left the track"


def _shared_claim(wire_id: str, later_id: str) -> tuple[str, str, str]:
    articles = [
        article(wire_id, WIRE, "Tollan Wire", "2031-05-05"),
        article(later_id, LATER, "Merin Post", "2031-05-07"),
    ]
    by_id = {a.id: a for a in articles}
    (claim,) = [c for c in summarize(articles) if c.text.startswith(SHARED)]
    assert by_id[claim.article_id].text[claim.start : claim.end] == claim.text
    return claim.article_id, claim.first_seen, ",".join(claim.support)


def test_a_sentence_two_articles_share_is_printed_from_the_one_that_said_it_first() -> None:
    # The later report's id sorts first: before, its copy of the sentence was printed.
    assert _shared_claim("zz-wire", "aa-later") == ("zz-wire", "zz-wire", "aa-later,zz-wire")
    assert _shared_claim("aa-wire", "zz-later") == ("aa-wire", "aa-wire", "aa-wire,zz-later")
