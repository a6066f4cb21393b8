"""A dated story's later days: their leads keep their place, and days tell statements apart."""

from __future__ import annotations

from storyline.model import Article, Claim, DuplicateGroup
from storyline.summary import SummaryOptions, summarize
from storyline.text import normalize

# 2031-03-03 is a Monday.
DERAIL = (
    "A freight train derailed inside the Harlow Tunnel late on Monday, closing the main rail "
    "line between Dunmore and Keswick and stranding thousands of commuters."
)
DAY_ONE = (
    f"{DERAIL}\nNo one was hurt, and the two crew members walked out of the tunnel.\n"
    "Rail engineers began lifting the wagons from the track on Tuesday morning."
)
DETOURS = (
    "Commuters between Dunmore and Keswick spent up to two hours on replacement buses on "
    "Tuesday, a day after a freight train derailed inside the Harlow Tunnel.\n"
    "Queues at the Dunmore bus station stretched around the block."
)
# Recalls the derailment (a content-word cosine of 0.46 with DERAIL) to say what is new.
REOPENED = (
    "Passenger trains ran through the Harlow Tunnel again on Tuesday, eight days after a "
    "freight train derailed inside it."
)
REOPENED_REPORT = (
    f"{REOPENED}\nThe first train left Dunmore at 05:40 with about 300 passengers on board.\n"
    "Investigators said a cracked axle had caused the derailment."
)
RUNNING_AGAIN = (
    "Trains are running through the Harlow Tunnel again after the line reopened to passengers "
    "on Tuesday.\nThe Dunmore Post counted 300 passengers on the first train."
)
CHECKS = (
    "The national rail regulator ordered checks on 400 freight wagons on Thursday after "
    "investigators found that a cracked axle caused the derailment in the Harlow Tunnel.\n"
    "Operators have two weeks to complete the checks."
)
WIRE_COPIES = (DuplicateGroup("g1", "w1", ("w1", "w2")),)


def _article(aid: str, text: str, source: str, published: str | None) -> Article:
    return Article(
        id=aid, title=aid, text=normalize(text), raw_text=text, source=source, published=published
    )


def _tunnel_story(dated: bool, reopened: str = REOPENED_REPORT) -> list[Article]:
    def when(stamp: str) -> str | None:
        return f"2031-03-{stamp}:00+00:00" if dated else None

    return [
        _article("w1", DAY_ONE, "Valley Wire", when("04T07:00")),
        _article("w2", DAY_ONE, "Dunmore Post", when("04T08:00")),
        _article("c1", DETOURS, "Keswick Courier", when("04T18:00")),
        _article("r1", reopened, "Valley Wire", when("12T08:00")),
        _article("p1", RUNNING_AGAIN, "Dunmore Post", when("12T11:00")),
        _article("k1", CHECKS, "Keswick Courier", when("13T20:00")),
    ]


def _summary(articles: list[Article]) -> tuple[Claim, ...]:
    return summarize(articles, groups=WIRE_COPIES, options=SummaryOptions(max_words=80))


def _texts(claims: tuple[Claim, ...]) -> list[str]:
    return [claim.text for claim in claims]


def test_a_later_days_lead_that_recalls_the_event_keeps_its_place() -> None:
    texts = _texts(_summary(_tunnel_story(dated=True)))
    assert texts[0] == DERAIL
    # Not the latest day's lead (the regulator's is), and it shares the derailment's words:
    # the redundancy test alone would drop the day the line reopened.
    assert REOPENED in texts
    assert CHECKS.split("\n")[0] in texts
    # Undated, nothing says which report came later: the plain redundancy test decides.
    undated = _texts(_summary(_tunnel_story(dated=False)))
    assert not {DERAIL, REOPENED} <= set(undated)


def test_a_sentence_that_dates_its_statement_to_another_day_is_no_support() -> None:
    # This recap shares 69% of its words with DERAIL, but says what happened on the 11th.
    recap = (
        "The Harlow Tunnel reopened to passenger trains on Tuesday, eight days after a freight "
        "train derailed inside it and closed the main line between Dunmore and Keswick."
    )
    claims = _summary(_tunnel_story(dated=True, reopened=recap))
    opening = claims[0]
    assert opening.text == DERAIL
    assert opening.support == ("w1", "w2")


def test_the_same_day_in_other_words_is_support() -> None:
    # Published the next day, "on Monday night" is the same Monday as the wire's "late on
    # Monday": the same statement.
    retold = (
        "A freight train derailed inside the Harlow Tunnel on Monday night, closing the main "
        "rail line between Dunmore and Keswick and stranding thousands of commuters."
    )
    story = [
        *_tunnel_story(dated=True)[:2],
        _article("n1", f"{retold}\nBuses ran.", "Northern News", "2031-03-05T09:00:00+00:00"),
    ]
    opening = _summary(story)[0]
    assert opening.text == DERAIL
    assert opening.support == ("n1", "w1", "w2")
