"""Fictional articles for the dedup and reuse tests: one event, every kind of reuse."""
# ruff: noqa: E501  (fixture prose: one sentence per line, as news text is)

from __future__ import annotations

from storyline.model import Article

BASE = """Flooding closed the Marrow Bridge in Lindenport on Tuesday after three days of heavy rain.
City engineers said water reached the deck of the old stone bridge shortly before dawn, and police turned back commuters at both ends.
Mayor Orla Fenwick said the bridge would stay closed until inspectors could check the foundations for damage.
Buses between the harbour district and the northern suburbs were diverted over the Quarry Road crossing, adding about forty minutes to each trip.
The river authority measured the water at 4.2 metres above its normal level, the highest reading since the great flood of 1987.
Shopkeepers on Tanner Street piled sandbags against their doors as the river spilled into the lowest part of the old town.
Forecasters expect the rain to ease on Thursday, but warned that water from the hills would keep the river high through the weekend.
The council has opened the Lindenport sports hall as a shelter for residents forced to leave their homes."""

STATEMENT = (
    "We are asking everyone to stay away from the riverbank until the water goes down, "
    "because the current is far stronger than it looks"
)

QUOTING_A = f"""Rescue crews pulled two kayakers from the swollen Vell river near Lindenport on Wednesday.
The pair had ignored warning signs at the Millbrook landing and capsized within minutes, volunteers said.
"{STATEMENT}," the regional fire service said in a statement.
Both kayakers were treated for cold at the Lindenport clinic and sent home the same evening.
Volunteers said the landing would be fenced off for the rest of the month."""

QUOTING_B = f"""Schools in the Vell valley will stay shut on Thursday as flood water keeps rising across the district.
Headteachers said parents had been told by text message late on Wednesday evening.
The regional fire service repeated its warning: "{STATEMENT}."
School buses will not run, and exams planned for Friday have been moved to next week.
The education office said it would decide about next Monday after the weekend."""

REWRITE = """The Marrow Bridge of Lindenport was shut on Tuesday when flood water rose after three days of rain, The Harbour Gazette reports.
According to municipal engineers, the water rose up to the deck of the ancient stone bridge just before sunrise, and officers stopped commuters at each end.
Mayor Orla Fenwick stated the bridge will remain shut until inspectors have examined its foundations for damage.
Buses linking the harbour district to the northern suburbs now use the Quarry Road crossing, which adds roughly forty minutes to every trip.
The river authority recorded water 4.2 metres above its usual level, its highest since the big flood of 1987.
Forecasters expect rain to ease on Thursday but said water coming from the hills will keep the river high all weekend."""

UNRELATED = """The Lindenport chess club won the regional team championship on Saturday for the first time in twenty years.
Captain Ivo Marsh drew his final game against the defending champions to secure the title by half a point.
The club plans to celebrate with an open tournament for schoolchildren in the town library next month.
Membership has doubled since the club moved into the old post office building two years ago."""


def near_duplicate(text: str) -> str:
    """Three words changed and a furniture line added: a light edit."""
    edited = (
        text.replace("three days of heavy rain", "three days of torrential rain")
        .replace("about forty minutes", "around forty minutes")
        .replace("piled sandbags", "stacked sandbags")
    )
    return edited + "\nRead more: weather warnings for the week"


def excerpt(text: str) -> str:
    return "\n".join(text.split("\n")[:4])


def article(article_id: str, text: str, **fields: str | None) -> Article:
    values = {"source": "unknown", "url": "", "published": None} | fields
    return Article(
        id=article_id,
        title=text.split("\n", 1)[0][:60],
        text=text,
        raw_text=text,
        source=str(values["source"]),
        url=str(values["url"]),
        published=values["published"],
    )


def corpus() -> list[Article]:
    """Ids are chosen so that the expected (a, b) order is easy to read."""
    return [
        article("a-base", BASE, source="Harbour Gazette", published="2024-03-05T08:00:00"),
        article("b-wire", BASE, source="Valley Wire", published="2024-03-05T09:30:00"),
        article(
            "c-near", near_duplicate(BASE), source="Northern Post", published="2024-03-05T11:00:00"
        ),
        article("d-excerpt", excerpt(BASE), source="Town Radio", published="2024-03-05T12:00:00"),
        article("e-rewrite", REWRITE, source="Daily Digest"),
        article("f-kayak", QUOTING_A, source="Riverside Times", published="2024-03-06T10:00:00"),
        article("g-schools", QUOTING_B, source="Valley Wire", published="2024-03-06T18:00:00"),
        article("h-chess", UNRELATED, source="Harbour Gazette", published="2024-03-09T10:00:00"),
    ]
