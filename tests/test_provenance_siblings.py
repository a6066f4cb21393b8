"""Provenance: a credit names an outlet, not an article; copies of one source are siblings."""

from __future__ import annotations

from dataclasses import replace

from storyline.dedup import find_relations
from storyline.model import Article, Relation, Variant
from storyline.provenance import backdated, direction
from storyline.render.views import dated_variants
from storyline.summary import SummaryOptions, summarize
from test_crosslang import EN, FR
from test_dedup import article

REPORT = (
    "BRENWICK - Flood water reached the town hall of Brenwick on Monday morning after the "
    "Arlen river broke its banks in two places, the mayor Ada Quist said.\n"
    "About 300 homes were evacuated overnight and the main bridge was closed to traffic.\n"
    "Pumps from three neighbouring towns were brought in before dawn, the fire service said.\n"
    "The river is expected to fall on Wednesday, forecasters said."
)
CREDITED = "BRENWICK (Meridian Wire) - " + REPORT.split(" - ", 1)[1]


def test_a_credit_does_not_name_a_later_article_of_the_outlet_the_original() -> None:
    copy = article("copy", CREDITED, source="Riverside Star", published="2026-11-18T09:20:00+00:00")
    update = article(
        "update", REPORT, source="Meridian Wire", published="2026-11-18T13:00:00+00:00"
    )
    original, reason = direction(copy, update, "rewrite", 0.5, 0.5)
    assert original is None
    assert reason == (
        "undecided: the Riverside Star article credits 'Meridian Wire', but the Meridian Wire"
        " article was published later (2026-11-18T09:20:00+00:00 before 2026-11-18T13:00:00+00:00):"
        " the credit names the outlet, not this article"
    )
    # Published no later than the crediting article, or undated, the outlet's is the original.
    first = article("first", REPORT, source="Meridian Wire", published="2026-11-18T09:20:00+00:00")
    assert direction(copy, first, "rewrite", 0.5, 0.5) == (
        "first",
        "the Riverside Star article credits 'Meridian Wire'",
    )
    undated = article("undated", REPORT, source="Meridian Wire")
    assert direction(copy, undated, "rewrite", 0.5, 0.5)[0] == "undated"


def test_a_late_credit_falls_back_to_containment_for_an_excerpt() -> None:
    copy = article("copy", CREDITED, source="Riverside Star", published="2026-11-18T09:20:00+00:00")
    update = article(
        "update", REPORT, source="Meridian Wire", published="2026-11-18T13:00:00+00:00"
    )
    original, reason = direction(copy, update, "excerpt", 0.4, 0.9)
    assert original == "copy"
    assert reason.startswith("holds the other: 90% of the shorter text is inside it, 40%")
    assert reason.endswith(
        "but the Meridian Wire article was published later"
        " (2026-11-18T09:20:00+00:00 before 2026-11-18T13:00:00+00:00): the credit"
        " names the outlet, not this article"
    )


def test_two_texts_crediting_one_third_outlet_are_not_each_others_original() -> None:
    one = article("one", CREDITED, source="Riverside Star", published="2026-11-18T09:20:00+00:00")
    two = article("two", CREDITED, source="Tarrow Times", published="2026-11-18T11:20:00+00:00")
    assert direction(one, two, "duplicate", 1.0, 1.0) == (
        None,
        "undecided: both credit 'Meridian Wire', neither credits the other (published earlier:"
        " 2026-11-18T09:20:00+00:00 before 2026-11-18T11:20:00+00:00)",
    )
    # A name both credit may be a person quoted ("according to ..."): a text holding the
    # other still decides, and undated texts keep the reason they had.
    undated = article("undated", CREDITED.split("\n")[0], source="Tarrow Times")
    assert direction(one, undated, "excerpt", 0.3, 1.0)[0] == "one"
    assert direction(undated, two, "shares-passages", 0.5, 0.5)[1].startswith("independent")


def test_two_copies_of_an_article_in_the_corpus_are_not_each_others_original() -> None:
    source = article(
        "a-ledger", REPORT, source="Drevna Ledger", published="2026-03-11T06:00:00+00:00"
    )
    reprint = "This article was first published by Drevna Ledger.\n" + REPORT
    credited = article(
        "b-coastal", reprint, source="Coastal", published="2026-03-11T14:00:00+00:00"
    )
    dated = article("c-hub", REPORT, source="HeadlineHub", published="2026-03-11T11:05:00+00:00")
    relations = {(r.a, r.b): r for r in find_relations([source, credited, dated]).relations}
    assert relations["a-ledger", "b-coastal"].original == "a-ledger"
    assert relations["a-ledger", "c-hub"].original == "a-ledger"
    siblings = relations["b-coastal", "c-hub"]
    assert siblings.original is None
    # Readers know the outlet, not the article id; the dates are kept, for what they say.
    assert siblings.reason == (
        "undecided: both copy the Drevna Ledger article, so neither is the other's original;"
        " their dates (2026-03-11T11:05:00+00:00 before 2026-03-11T14:00:00+00:00) say only"
        " which copy came first"
    )


def test_a_credit_between_two_copies_still_decides() -> None:
    source = article(
        "a-ledger", REPORT, source="Drevna Ledger", published="2026-03-11T06:00:00+00:00"
    )
    hub = article("b-hub", REPORT, source="HeadlineHub", published="2026-03-11T11:05:00+00:00")
    text = "HeadlineHub reported first.\n" + REPORT
    echo = article("c-echo", text, source="Echo", published="2026-03-11T14:00:00+00:00")
    relations = {(r.a, r.b): r for r in find_relations([source, hub, echo]).relations}
    assert relations["a-ledger", "c-echo"].original == "a-ledger"
    assert relations["b-hub", "c-echo"].original == "b-hub"
    assert relations["b-hub", "c-echo"].reason == "the Echo article credits 'HeadlineHub'"


def test_two_reports_quoting_one_authority_keep_their_order() -> None:
    """ "According to the Port Authority" credits a source of facts, which copies and
    independent reports alike name: the earlier copy stays the original (the bundled
    example's wire lost its originals to this once)."""
    said = REPORT.replace("the mayor Ada Quist said", "according to the Brenwick Port Authority")
    first = article("first", said, source="Riverside Star", published="2026-11-18T09:20:00+00:00")
    later = article("later", said, source="Tarrow Times", published="2026-11-18T11:20:00+00:00")
    assert direction(first, later, "near-duplicate", 0.9, 0.9) == (
        "first",
        "published earlier: 2026-11-18T09:20:00+00:00 before 2026-11-18T11:20:00+00:00",
    )


def test_a_copy_dated_before_the_text_it_credits_is_not_its_original() -> None:
    """A content farm's page that runs a wire's text, dateline and all ("(Meridian Wire) -"),
    stamped an hour before the wire's own article: the credit names this very text, so the
    wire is the original and the duplicate group shows it, not the backdated copy (a QA pass
    as a disinformation researcher, session 16). A rewrite of the same shape is still only
    undecided: the outlet's later article may update the report that was copied."""
    farm_text = CREDITED + "\nPolice believe the flood barrier was opened on purpose, sources said."
    farm = article("farm", farm_text, source="TrendNews", published="2026-11-18T08:00:00+00:00")
    wire = article("wire", CREDITED, source="Meridian Wire", published="2026-11-18T09:00:00+00:00")
    later = article("later", REPORT, source="Tarrow Times", published="2026-11-18T11:00:00+00:00")
    found = find_relations([farm, wire, later])
    relations = {(r.a, r.b): r for r in found.relations}
    pair = relations["farm", "wire"]
    assert pair.kind == "near-duplicate"
    assert pair.original == "wire"
    assert pair.reason == (
        "the TrendNews article credits 'Meridian Wire' and is a copy of the Meridian Wire"
        " article's text; its earlier date (2026-11-18T08:00:00+00:00 before"
        " 2026-11-18T09:00:00+00:00) is not believed: a copy cannot predate the text it credits"
    )
    assert [g.representative for g in found.groups] == ["wire"]
    assert relations["farm", "later"].original is None  # both copy the wire
    assert direction(farm, wire, "rewrite", 0.5, 0.5)[0] is None


def test_a_copy_stripped_of_the_outlet_name_and_backdated_is_not_the_original() -> None:
    """The farm took the dateline's "(Meridian Wire)" out too: the wire's text still names
    its own outlet as its source, the farm's names none, so the farm's earlier date is not
    believed. A copy that credits someone (or an undecided pair) keeps its date's verdict."""
    farm_text = REPORT.split(" - ", 1)[1] + "\nPolice believe it was done on purpose, sources said."
    farm = article("farm", farm_text, source="TrendNews", published="2026-11-18T08:00:00+00:00")
    wire = article("wire", CREDITED, source="Meridian Wire", published="2026-11-18T09:00:00+00:00")
    found = find_relations([farm, wire])
    (pair,) = found.relations
    assert (pair.kind, pair.original) == ("near-duplicate", "wire")
    assert pair.reason == (
        "the Meridian Wire article names 'Meridian Wire', its own outlet, as the source of the"
        " text, and the TrendNews article, a copy of it that names none, is dated earlier"
        " (2026-11-18T08:00:00+00:00 before 2026-11-18T09:00:00+00:00): a copy cannot predate"
        " the text it took the name from"
    )
    assert [g.representative for g in found.groups] == ["wire"]
    # The earlier one credits an outlet ("via Reuters"): the date decides, as before.
    via = article("via", farm_text + "\nvia Reuters", source="TrendNews", published=farm.published)
    assert direction(via, wire, "near-duplicate", 0.9, 0.9)[0] == "via"
    # A rewrite is not one text: an outlet's later article may retell a report in its words.
    assert direction(farm, wire, "rewrite", 0.5, 0.5)[0] == "farm"
    # Signed and published first, the wire is the original by its date.
    early = article(
        "early", CREDITED, source="Meridian Wire", published="2026-11-18T07:00:00+00:00"
    )
    assert direction(farm, early, "near-duplicate", 0.9, 0.9)[1].startswith("published earlier")


def _farm_and_wire() -> list[Article]:
    farm_text = CREDITED + "\nPolice believe the flood barrier was opened on purpose, sources said."
    return [
        article("farm", farm_text, source="TrendNews", published="2026-11-18T08:00:00+00:00"),
        article("wire", CREDITED, source="Meridian Wire", published="2026-11-18T09:00:00+00:00"),
    ]


def test_a_backdated_copy_is_not_where_a_claim_was_first_seen() -> None:
    articles = _farm_and_wire()
    found = find_relations(articles)
    claims = summarize(articles, found.relations, found.groups)
    shared = [c for c in claims if {"farm", "wire"} <= set(c.support)]
    assert shared
    assert {c.first_seen for c in shared} == {"wire"}


def test_what_a_backdated_copy_adds_is_not_read_as_the_first_news() -> None:
    """The farm's own claim, carried on by a spin of its text, was first seen in the farm
    at its forged 08:00 and so opened the summary, before the wire's lead of 09:00."""
    spin = (
        "Police think the flood barrier was opened on purpose, sources said.\n"
        "BRENWICK - Flood water got to the town hall of Brenwick on Monday morning after the "
        "Arlen river burst its banks in two places, mayor Ada Quist said.\n"
        "Roughly 300 homes were emptied overnight and the main bridge was shut to traffic.\n"
        "Pumps from three nearby towns were brought in before dawn, the fire service said.\n"
        "The river is expected to drop on Wednesday, forecasters said."
    )
    viral = article("spin", spin, source="Viral", published="2026-11-18T10:00:00+00:00")
    articles = [*_farm_and_wire(), viral]
    found = find_relations(articles)
    claims = summarize(articles, found.relations, found.groups, SummaryOptions(max_words=300))
    (added,) = [c for c in claims if "on purpose" in c.text]
    assert added.first_seen == "farm" and set(added.support) == {"farm", "spin"}
    assert claims[0].text.startswith("Flood water reached the town hall")
    assert claims[-1] == added  # the farm's own paragraph comes after the wire's news


def test_a_variant_is_dated_by_the_first_article_that_copies_none_giving_it() -> None:
    by_id = {a.id: a for a in _farm_and_wire()}
    variant = Variant(text="About 300 homes", article_ids=("farm", "wire"))

    def copied(article_id: str, among: object) -> list[str]:
        return ["wire"] if article_id == "farm" else []

    assert dated_variants([variant], by_id) == [(variant, "2026-11-18 08:00 UTC")]
    assert dated_variants([variant], by_id, (), copied) == [(variant, "2026-11-18 09:00 UTC")]


def test_a_backdated_copy_is_no_original_of_the_report_its_source_translates() -> None:
    """A reprint of a wire stamped the evening before (its credit of the wire says its date
    is not believed) was named the original of the French report the wire translates, and
    of every other text the wire took from: its date is not believed there either."""
    wire_text = "MARDEN (Meridian Wire) - " + EN
    french = replace_source(
        article("a-fr", FR, published="2025-02-03T06:00:00+00:00"), "Le Courrier", "fr"
    )
    wire = replace_source(
        article("b-wire", wire_text, published="2025-02-03T08:00:00+00:00"), "Meridian Wire", "en"
    )
    reprint = replace_source(
        article("c-reprint", wire_text, published="2025-02-02T20:00:00+00:00"), "Ledger", "en"
    )
    relations = {(r.a, r.b): r for r in find_relations([french, wire, reprint]).relations}
    assert relations["b-wire", "c-reprint"].original == "b-wire"
    assert relations["a-fr", "b-wire"].kind == "translation"
    assert relations["a-fr", "b-wire"].original == "a-fr"
    moved = relations["a-fr", "c-reprint"]
    assert moved.original == "a-fr"
    assert moved.reason == (
        "published earlier: 2025-02-03T06:00:00+00:00 before 2025-02-03T08:00:00+00:00;"
        " the Ledger article is dated 2025-02-02T20:00:00+00:00, but as a copy of the"
        " Meridian Wire article's text it cannot predate it (2025-02-03T08:00:00+00:00),"
        " so it is taken as published then"
    )


def replace_source(item: Article, source: str, language: str) -> Article:
    return replace(item, source=source, language=language)


def test_a_backdated_copy_redated_keeps_the_words_that_made_shared_passages_a_copy() -> None:
    """Two texts that only share passages are a copy when enough words of narrative are
    shared (``direction``'s ``narrative``): decided again with the copy's believed date,
    the pair keeps that count, and so stays a copy, now of the other."""
    reprint = article("k", CREDITED, source="Ledger", published="2026-11-29T20:00:00+00:00")
    wire = article("w", CREDITED, source="Meridian Wire", published="2026-11-30T08:05:00+00:00")
    local = article("t", REPORT, source="Brenwick Star", published="2026-11-30T06:00:00+00:00")
    copied = Relation("k", "w", "duplicate", 1.0, 1.0, 1.0, "w", "the Ledger article credits")
    shared = Relation(
        "k",
        "t",
        "shares-passages",
        0.5,
        0.5,
        0.5,
        "k",
        "published earlier: 2026-11-29T20:00:00+00:00 before 2026-11-30T06:00:00+00:00;"
        " 30 words of it are in the other word for word, outside quotes",
    )
    by_id = {a.id: a for a in (reprint, wire, local)}
    assert backdated([copied, shared], by_id)[0] == copied
    moved = backdated([copied, shared], by_id)[1]
    assert moved.original == "t"
    assert moved.reason.startswith(
        "published earlier: 2026-11-30T06:00:00+00:00 before 2026-11-30T08:05:00+00:00;"
        " 30 words of it are in the other word for word, outside quotes; the Ledger article"
        " is dated 2026-11-29T20:00:00+00:00"
    )
