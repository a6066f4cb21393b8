"""Tests of the attributed summary stage (storyline.summary), on fictional fixtures."""

from __future__ import annotations

import pytest

from helpers_hashseed import outputs_under_hash_seeds
from helpers_summary import (
    COAST,
    DAILY,
    HERALD,
    article,
    really_states,
    story_articles,
    total_words,
)
from storyline.errors import OptionsError
from storyline.model import Article, DuplicateGroup, Passage, Relation
from storyline.summary import SummaryOptions, summarize
from storyline.text import normalize


@pytest.fixture
def story() -> list[Article]:
    return story_articles()


def test_options_need_exactly_one_bound() -> None:
    with pytest.raises(OptionsError):
        SummaryOptions(max_words=100, max_bytes=600)
    with pytest.raises(OptionsError):
        SummaryOptions(max_words=None)
    with pytest.raises(OptionsError):
        SummaryOptions(max_words=0)
    with pytest.raises(OptionsError):
        SummaryOptions(redundancy=0.0)
    assert SummaryOptions(max_words=None, max_bytes=665).max_bytes == 665


@pytest.mark.parametrize("limit", [1, 12, 20, 35, 50, 80, 200])
def test_word_bound_is_respected(story: list[Article], limit: int) -> None:
    claims = summarize(story, options=SummaryOptions(max_words=limit))
    assert total_words(claims) <= limit


@pytest.mark.parametrize("limit", [1, 90, 150, 300, 1000])
def test_byte_bound_is_respected(story: list[Article], limit: int) -> None:
    claims = summarize(story, options=SummaryOptions(max_words=None, max_bytes=limit))
    assert len(" ".join(c.text for c in claims).encode("utf-8")) <= limit


def test_summary_of_the_story(story: list[Article]) -> None:
    claims = summarize(story, options=SummaryOptions(max_words=60))
    assert [
        (c.article_id, c.text.split()[0], c.support, c.outlets, c.first_seen) for c in claims
    ] == [
        # The dated story opens with the lead of the first report (a1) and says where it
        # stands on its latest day (a3's lead); the greedy fills the rest. A sentence that
        # several articles say word for word is printed from the first to say it.
        ("a1", "Floodwaters", ("a1", "a4"), 2, "a1"),
        ("a1", "Mayor", ("a1", "a2", "a4"), 3, "a1"),
        ("a3", "Rescue", ("a3",), 1, "a3"),
    ]
    assert total_words(claims) == 54


def test_claims_are_verbatim_and_really_supported(story: list[Article]) -> None:
    by_id = {a.id: a for a in story}
    claims = summarize(story, options=SummaryOptions(max_words=200))
    assert len(claims) == 7
    for claim in claims:
        assert by_id[claim.article_id].text[claim.start : claim.end] == claim.text
        assert claim.article_id in claim.support
        for article_id in claim.support:  # attribution precision must be 1.0
            assert really_states(by_id[article_id].text, claim.text), (claim.text, article_id)


def test_no_boilerplate_and_no_pronoun_openers(story: list[Article]) -> None:
    claims = summarize(story, options=SummaryOptions(max_words=200))
    texts = [c.text for c in claims]
    assert not any(t.startswith(("Read more", "The story continues", "Source link")) for t in texts)
    assert not any(t.split()[0] in {"He", "She", "They", "It", "This"} for t in texts)


def test_pronoun_opener_used_only_when_unavoidable() -> None:
    text = "He resigned on Friday after nine years as head of the Orlen rowing club."
    claims = summarize([article("p1", text, "Valley Herald")])
    assert [c.text for c in claims] == [text]


def test_duplicate_group_counts_once(story: list[Article]) -> None:
    group = DuplicateGroup(id="g1", representative="a1", article_ids=("a1", "a4"))
    claims = summarize(story, groups=[group], options=SummaryOptions(max_words=60))
    assert [(c.support, c.outlets) for c in claims] == [
        (("a1", "a4"), 1),
        (("a1", "a2", "a4"), 2),
        (("a3",), 1),
    ]
    # The silent member a4 never prints a sentence of its own.
    assert "a4" not in {c.article_id for c in summarize(story, groups=[group])}


def test_named_source_counts_once() -> None:
    one = article("s1", HERALD, "Valley Herald")
    two = article("s2", HERALD.replace("Monday", "Monday morning"), "valley herald")
    claims = summarize([one, two], options=SummaryOptions(max_words=40))
    assert claims and all(c.support == ("s1", "s2") and c.outlets == 1 for c in claims)


def test_all_duplicates_give_one_voice() -> None:
    copies = [article(f"d{n}", DAILY, f"Outlet {n}", f"2031-03-0{n}") for n in (3, 1, 2)]
    group = DuplicateGroup(id="g", representative="d1", article_ids=("d1", "d2", "d3"))
    claims = summarize(copies, groups=[group], options=SummaryOptions(max_words=100))
    assert [c.text.split()[0] for c in claims] == ["Floodwaters", "Mayor", "Volunteers"]
    assert all(c.article_id == "d1" for c in claims)
    assert all(c.support == ("d1", "d2", "d3") and c.outlets == 1 for c in claims)
    assert all(c.first_seen == "d1" for c in claims)


def test_variants_when_sources_differ_on_a_number(story: list[Article]) -> None:
    claims = summarize(story, options=SummaryOptions(max_words=60))
    flood = next(c for c in claims if c.text.startswith("Floodwaters"))
    assert [(v.text, v.article_ids) for v in flood.variants] == [
        ("more than 2,000 residents", ("a1", "a4")),
        ("2,000 residents", ("a2",)),
        ("An estimated 2,000 residents", ("a3",)),
    ]
    # A sentence that gives the figure differently does not count as support.
    assert flood.support == ("a1", "a4")
    assert all(not c.variants for c in claims if c is not flood)


def test_different_facts_with_the_same_unit_are_not_variants() -> None:
    won = "The ruling Orlen Party won 64 seats in the provincial election, short of a majority."
    size = "The provincial assembly has 122 seats, and the ruling Orlen Party needs 62 to govern."
    claims = summarize([article("n1", won, "A"), article("n2", size, "B")])
    assert [c.text for c in claims] == [won]
    assert claims[0].variants == ()


def test_variants_when_sources_differ_on_a_date() -> None:
    first = "The old stone dam above Orlen was closed to traffic on March 9 after the flood."
    second = "The old stone dam above Orlen was closed to traffic on 10 March after the flood."
    third = first.replace("flood.", "flood, they said.")
    claims = summarize(
        [article("t1", first, "A"), article("t2", second, "B"), article("t3", third, "C")],
        options=SummaryOptions(max_words=20),
    )
    assert [(c.text, c.support) for c in claims] == [(first, ("t1", "t3"))]
    assert [(v.text, v.article_ids) for v in claims[0].variants] == [
        ("March 9", ("t1", "t3")),
        ("10 March", ("t2",)),
    ]


def test_a_share_or_a_year_given_differently_is_no_support() -> None:
    turnout = (
        "Turnout in the Pragrator mayoral election was 61 per cent, the electoral office said."
    )
    other = "Turnout in the Pragrator mayoral election was 33%, the electoral office said."
    quake = "The Ostavel region last had an earthquake of similar strength in 1997, officials said."
    later = "The Ostavel region last had an earthquake of similar strength in 2019, officials said."
    for claim_text, rival in ((turnout, other), (quake, later)):
        (first,) = summarize([article("x1", claim_text, "A"), article("x2", rival, "B")])
        assert first.support == (first.article_id,)
        assert [v.article_ids for v in first.variants] == [("x1",), ("x2",)]


def test_two_figures_on_both_sides_are_no_conflict() -> None:
    one = "Crews worked on the Orlen dam between March 9 and March 12, the council said."
    two = "Crews worked on the Orlen dam between March 9 and March 12, council officials said."
    claims = summarize([article("f1", one, "A"), article("f2", two, "B")])
    assert [(c.support, c.variants) for c in claims] == [(("f1", "f2"), ())]


def test_single_article_story() -> None:
    only = article("solo", COAST, "Coast Times", "2031-03-05")
    claims = summarize([only], options=SummaryOptions(max_words=45))
    assert [c.text.split()[0] for c in claims] == ["Rescue", "An"]
    assert all(c.support == ("solo",) and c.outlets == 1 and c.first_seen == "solo" for c in claims)
    assert total_words(claims) <= 45


def test_reading_order_follows_time() -> None:
    late = article(
        "late",
        "Engineers began to repair the old stone dam above Orlen on Thursday.",
        "X",
        "2031-03-09",
    )
    early = article(
        "early",
        "Floodwaters from Lake Varna reached the town of Orlen on Monday.",
        "Y",
        "2031-03-02",
    )
    undated = article(
        "undated", "Farmers near Orlen counted their losses of barley after the flood.", "Z"
    )
    claims = summarize([late, undated, early], options=SummaryOptions(max_words=200))
    assert [c.article_id for c in claims] == ["early", "late", "undated"]


WIRE = (
    "PORT ELLAND (Northcoast Wire) - A grain barge broke its moorings and slammed into the "
    "Sorrel Viaduct late on Sunday, shutting the only rail link into Port Elland and "
    "stranding hundreds of travellers.\n"
    "Rail inspectors said the viaduct would stay shut until its damaged arch had been surveyed.\n"
    "The barge, the Amber Finch, was carrying 900 tonnes of wheat from the upland farms.\n"
    "Bus companies added extra coaches on the coast road for stranded passengers."
)
FOLLOW_UP = (
    "Commuters who normally ride over the Sorrel Viaduct waited up to three hours for buses "
    "on Monday, a day after the barge Amber Finch slammed into one of its arches.\n"
    "Rail inspectors said the viaduct would stay shut until its damaged arch had been surveyed.\n"
    "Queues of passengers stretched from the station square to the harbour gate.\n"
    "Shopkeepers near the station said trade had fallen by half."
)
WIRE_LEAD = (
    "A grain barge broke its moorings and slammed into the Sorrel Viaduct late on Sunday, "
    "shutting the only rail link into Port Elland and stranding hundreds of travellers."
)


def viaduct_story(dated: bool) -> list[Article]:
    return [
        article("w1", WIRE, "Northcoast Wire", "2032-06-07" if dated else None),
        article("f1", FOLLOW_UP, "Elland Post", "2032-06-08" if dated else None),
    ]


def test_dated_story_opens_with_the_first_reports_lead() -> None:
    # Undated, the denser follow-up lead wins and the wire lead is dropped as redundant with it.
    undated = summarize(viaduct_story(False), options=SummaryOptions(max_words=70))
    assert WIRE_LEAD not in [c.text for c in undated]
    assert undated[0].text.startswith("Commuters who normally ride")
    # Dated, the first report's lead is taken first, so the summary states the event itself.
    dated = summarize(viaduct_story(True), options=SummaryOptions(max_words=70))
    assert [(c.article_id, c.text.split()[0]) for c in dated] == [
        ("w1", "A"),
        ("w1", "Rail"),  # the follow-up's sentence too, but the wire said it first
        ("w1", "The"),
        ("f1", "Queues"),
    ]
    assert dated[0].text == WIRE_LEAD
    assert dated[1].support == ("f1", "w1") and dated[1].first_seen == "w1"


def test_wire_dateline_is_not_printed() -> None:
    wire = viaduct_story(True)[0]
    claims = summarize([wire], options=SummaryOptions(max_words=40))
    lead = claims[0]
    assert lead.text == WIRE_LEAD
    assert (lead.start, lead.end) == (32, 32 + len(WIRE_LEAD))
    assert wire.text[lead.start : lead.end] == lead.text
    # A capitalised opening that is no dateline keeps its words.
    plain = "NATO ministers met in Orlen on Monday - the first such meeting in a decade."
    assert [c.text for c in summarize([article("n", plain, "A")])] == [plain]


def test_page_furniture_opening_a_sentence_is_not_printed() -> None:
    text = (
        "(Update 3 p.m. Elland, 8 a.m. ET) Two ferries left Port Elland with evacuees.\n"
        "By Ann Lee, Special to CNN The harbour stayed closed to cargo on Monday."
    )
    claims = summarize([article("u1", text, "Elland Post")], options=SummaryOptions(max_words=40))
    assert [claim.text for claim in claims] == [
        "Two ferries left Port Elland with evacuees.",
        "The harbour stayed closed to cargo on Monday.",
    ]
    body = normalize(text)
    assert all(body[c.start : c.end] == c.text for c in claims)


def test_a_title_case_dateline_is_cut_only_from_the_first_sentence() -> None:
    text = (
        "Port Elland \u2014 The ferry union called a strike for Monday.\n"
        "Elland - Norvale talks on the harbour fees broke down on Friday."
    )
    claims = summarize([article("p1", text, "Elland Post")], options=SummaryOptions(max_words=40))
    texts = [claim.text for claim in claims]
    assert texts == [
        "The ferry union called a strike for Monday.",
        "Elland - Norvale talks on the harbour fees broke down on Friday.",
    ]
    body = normalize(text)
    assert all(body[c.start : c.end] == c.text for c in claims)
    # Not a dateline: the dash is followed by lower case, so the sentence keeps its words.
    aside = "Marta Vell - the union's leader - called a strike for Monday."
    assert [c.text for c in summarize([article("p2", aside, "A")])] == [aside]


@pytest.mark.parametrize(("limit", "opens"), [(20, False), (55, False), (56, True)])
def test_the_first_lead_opens_only_within_half_the_budget(limit: int, opens: bool) -> None:
    assert len(WIRE_LEAD.split()) == 28
    claims = summarize(viaduct_story(True), options=SummaryOptions(max_words=limit))
    assert claims and total_words(claims) <= limit
    assert (claims[0].text == WIRE_LEAD) is opens


def test_paraphrase_relation_adds_support() -> None:
    one = article("r1", "Lake Varna flooded the town of Orlen on Monday night.", "A")
    two = article("r2", "On Monday night the waters of the lake poured into Orlen's streets.", "B")
    passage = Passage(0, len(one.text), 0, len(two.text), one.text, two.text, kind="paraphrase")
    relation = Relation(a="r1", b="r2", kind="rewrite", similarity=0.4, passages=(passage,))
    plain = summarize([one, two], options=SummaryOptions(max_words=10))
    linked = summarize([one, two], relations=[relation], options=SummaryOptions(max_words=10))
    assert [c.support for c in plain] == [("r1",)]
    assert [(c.text, c.support, c.outlets) for c in linked] == [(one.text, ("r1", "r2"), 2)]


@pytest.mark.parametrize(
    "other",
    [
        # The reuse stage paired them on a shared topic, but the other says something else.
        "The mayor of Orlen will open a new school by the lake in the spring.",
        # It restates the claim, but with another figure.
        "On Monday night the lake flooded 60 homes in Orlen, and the water rose until dawn.",
    ],
)
def test_a_paraphrase_pair_cites_only_an_article_that_restates_the_claim(other: str) -> None:
    one = article("r1", "Lake Varna flooded 40 homes in the town of Orlen on Monday night.", "A")
    two = article("r2", other, "B")
    passage = Passage(0, len(one.text), 0, len(two.text), one.text, two.text, kind="paraphrase")
    relation = Relation(a="r1", b="r2", kind="rewrite", similarity=0.4, passages=(passage,))
    # Only the claim fits the budget, so it is the one printed.
    assert len(one.text.split()) <= 14 < len(two.text.split())
    linked = summarize([one, two], relations=[relation], options=SummaryOptions(max_words=14))
    assert [(c.text, c.support) for c in linked] == [(one.text, ("r1",))]


def test_no_truncated_quotes() -> None:
    text = (
        "The mayor of Orlen spoke to reporters outside the flooded town hall on Tuesday.\n"
        '"We lost the bridge. We lost the mill. We will not lose the town," she said.\n'
        "Crews from three provinces were sent to reinforce the old stone dam."
    )
    claims = summarize([article("q", text, "A")], options=SummaryOptions(max_words=200))
    for claim in claims:
        assert claim.text.count('"') % 2 == 0
    assert not any(c.text.startswith(("We lost the mill", "We will not")) for c in claims)


def test_one_long_line_without_boundaries() -> None:
    vocabulary = [
        "river",
        "dam",
        "town",
        "flood",
        "crews",
        "barley",
        "shelter",
        "council",
        "rain",
        "bridge",
        "mill",
        "lake",
    ]
    line = " ".join(vocabulary[(n * 7) % len(vocabulary)] for n in range(5000))
    claims = summarize([article("long", line, "A")], options=SummaryOptions(max_words=100))
    assert claims
    assert total_words(claims) <= 100
    assert all(len(c.text.split()) <= 80 and line[c.start : c.end] == c.text for c in claims)


def test_empty_and_tiny_inputs() -> None:
    assert summarize([]) == ()
    assert summarize([article("e", "", "A")]) == ()
    assert [c.text for c in summarize([article("w", "Flood.", "A")])] == ["Flood."]


def test_cjk_text_is_bounded_by_characters() -> None:
    text = "洪水が町を襲った。住民二千人が避難した。"
    only = article("jp", text, "A")
    assert summarize([only], options=SummaryOptions(max_words=5)) == ()
    claims = summarize([only], options=SummaryOptions(max_words=40))
    assert [c.text for c in claims] == ["洪水が町を襲った。", "住民二千人が避難した。"]
    assert summarize([only], options=SummaryOptions(max_words=None, max_bytes=20)) == ()


def test_deterministic_across_input_order_and_hash_seeds(story: list[Article]) -> None:
    forward = summarize(story)
    backward = summarize(list(reversed(story)))
    assert forward == backward
    code = (
        "import sys; sys.path.insert(0, 'tests');"
        "from test_summary import *;"
        "s = [article('a1', HERALD, 'H', '2031-03-03'), article('a2', DAILY, 'D'),"
        " article('a3', COAST, 'C')];"
        "print(repr(summarize(s, options=SummaryOptions(max_words=80))))"
    )
    outputs = outputs_under_hash_seeds(code, ("0", "12345"))
    assert len(outputs) == 1 and "Claim(" in outputs.pop()
