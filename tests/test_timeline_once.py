"""A fact told in two wordings, each naming two dates, is one timeline entry, not one under
each date."""

from __future__ import annotations

from storyline.model import Article
from storyline.timeline import build_timeline


def _article(id_: str, text: str, source: str) -> Article:
    return Article(
        id=id_, title=id_, text=text, raw_text=text, published="2030-03-05T18:00:00Z", source=source
    )


# 2030-03-05 is a Tuesday: "on Tuesday" is that day, "on Monday" the day before.
WIRE = (
    "Orlen Appliances said on Tuesday it had received 52 complaints about scorched kettle "
    "bases, up from 37 on Monday.\n"
    "The company has asked owners to stop using the kettles until a technician checks them."
)
REWRITE = (
    "Orlen Appliances said on Tuesday it had now received 52 complaints about scorched "
    "kettle bases, up from 37 when it announced the kettle recall on Monday.\n"
    "Owners can book a free check on the company's website, it said."
)


OTHER = (
    "Orlen Appliances recalled its Vento kettles on Monday after reports of scorched bases.\n"
    "Shares in Orlen fell on Tuesday as investors weighed the cost of the kettle recall."
)


def test_a_restated_fact_with_two_dates_is_printed_once() -> None:
    articles = (
        _article("w1", WIRE, "Wire"),
        _article("w2", WIRE, "Herald"),  # the wire reprinted
        _article("r1", REWRITE, "Daily"),
        _article("o1", OTHER, "Post"),
    )
    timeline = build_timeline(articles, ())
    # It was printed under Monday (the wire's wording) and again under Tuesday (the
    # rewrite's), each citing all three. It goes under the day its sentences name first,
    # the day its count was given; Monday takes its next event, the recall.
    assert [(entry.date, entry.article_ids) for entry in timeline.entries] == [
        ("2030-03-04", ("o1",)),
        ("2030-03-05", ("r1", "w1", "w2")),
    ]
    assert "recalled its Vento kettles on Monday" in timeline.entries[0].text
    assert "52 complaints" in timeline.entries[1].text
