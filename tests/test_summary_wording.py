"""A fact stated in several wordings is printed as it was first reported."""

from __future__ import annotations

from dataclasses import replace

from storyline.model import Article
from storyline.summary import SummaryOptions, summarize


def _article(article_id: str, source: str, published: str | None, *lines: str) -> Article:
    text = "\n".join(lines)
    return Article(
        id=article_id,
        title=lines[0][:40],
        text=text,
        raw_text=text,
        source=source,
        published=published,
        language="en",
    )


WIRE = _article(
    "a-wire",
    "Northwire",
    "2026-11-02T08:00:00Z",
    "A fire broke out at the Orlivka chemical plant on Monday morning, and about 4,000 "
    "residents were evacuated.",
    "Firefighters said a storage hall holding 600 tonnes of the chemical had not been reached "
    "by the flames.",
    "The plant makes fertiliser for farms across the region.",
)
# A content farm's machine translation of the wire, hours later, and another outlet's report.
FARM = _article(
    "b-farm",
    "Eastern Digest",
    "2026-11-02T15:00:00Z",
    "On Monday in the morning on the chemical factory in Orlivka flared up the fire, and near "
    "4000 inhabitants were evacuated.",
    "Rescuers declared that the warehouse with 600 tonnes of chemical the fire did not touch.",
    "Local people gathered near the plant gates.",
)
LATER = _article(
    "c-other",
    "Coastal Ledger",
    "2026-11-02T17:00:00Z",
    "About 4,000 residents of Orlivka left their homes after Monday's fire at the chemical plant.",
    "A warehouse with 600 tonnes of the chemical was not touched by the fire, rescuers said.",
)


def _tonnes(articles: list[Article]) -> tuple[str, tuple[str, ...], list[str]]:
    claims = summarize(articles, options=SummaryOptions(max_words=60))
    [claim] = [c for c in claims if "600 tonnes" in c.text]
    return claim.article_id, claim.support, sorted(r.article_id for r in claim.corroboration)


def test_the_wording_of_the_first_report_is_printed_and_the_later_ones_listed() -> None:
    printed, support, also = _tonnes([WIRE, FARM, LATER])
    assert (printed, support) == ("a-wire", ("a-wire",))
    assert also == ["b-farm", "c-other"]  # "also reported as", each counted as a voice


def test_without_dates_nobody_reported_first() -> None:
    undated = [replace(a, published=None) for a in (WIRE, FARM, LATER)]
    printed, _, _ = _tonnes(undated)
    assert printed != "a-wire"  # the greedy's choice stands
