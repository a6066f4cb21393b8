"""Disagreement: a copy that changes a figure of a long lead shows as a variant."""

from __future__ import annotations

from storyline.dedup import find_relations
from storyline.model import Article
from storyline.summary import summarize
from storyline.summary.disagreement import differing_figures, figure_variants, figures
from storyline.summary.options import SummaryOptions
from storyline.summary.sentences import Sentence, article_sentences

# A lead that runs on past its toll, and a state outlet's copy with other figures.
LEDGER = (
    "DREVNA - An explosion tore through the Kalvik Logistics depot in the port of Drevna "
    "shortly before midnight on Tuesday, 10 March, killing 12 people and injuring 57, and "
    "inspection records seen by The Drevna Ledger show that the company had been ordered to "
    "remove the chemicals stored there two years ago."
)
STATE = (
    "DREVNA - An explosion at the Kalvik Logistics depot in the port of Drevna shortly before "
    "midnight on Tuesday killed 2 people and injured 7, the Ministry of Interior said, "
    "dismissing foreign reports of a higher toll."
)
# The same depot and night, and another count of other people: not a rival toll.
ARRESTS = (
    "Police in Drevna said on Tuesday that 2 people were arrested near the Kalvik Logistics "
    "depot after the fire, and that both were later released without charge by prosecutors."
)


def _sentences(article_id: str, text: str) -> list[Sentence]:
    article = Article(id=article_id, title="", text=text, raw_text=text, source=article_id)
    return article_sentences(article, SummaryOptions())


def test_a_copy_changing_the_toll_of_a_long_lead_is_a_variant() -> None:
    (lead,) = _sentences("ledger", LEDGER)
    found = figure_variants(lead, ["ledger"], {"ledger": [lead], "sia": _sentences("sia", STATE)})
    assert [(v.text, v.article_ids) for v in found] == [
        ("12 people", ("ledger",)),
        ("2 people", ("sia",)),
    ]


def test_another_count_of_people_in_another_clause_is_no_variant() -> None:
    (lead,) = _sentences("ledger", LEDGER)
    arrests = _sentences("police", ARRESTS)
    assert figure_variants(lead, ["ledger"], {"ledger": [lead], "police": arrests}) == ()


def test_aligned_passages_say_which_figures_differ() -> None:
    ledger = "The blast destroyed two warehouses on Quay 7, killing 12 people and injuring 57."
    state = "The blast damaged one warehouse on Quay 7 and killed 2 people, injuring 57."
    assert differing_figures(ledger, state) == (
        ("two warehouses", "one warehouse"),
        ("12 people", "2 people"),
    )
    assert differing_figures(state, state) == ()
    # a hedge is no other figure, and a unit the other side does not give is no dispute
    assert differing_figures("about 40 tonnes of fertiliser", "40 tonnes of fertiliser") == ()
    assert differing_figures("12 people died", "The depot held 40 tonnes") == ()


TROOPS = (
    "Norvania has massed {} troops along its border with Estrelia, Estrelian Defence "
    "Minister Petro Kovalenko said on Monday in the capital Velgrad."
)


def test_thousands_grouped_by_a_space_or_a_dot_are_the_same_figure() -> None:
    # "100 000" read as "000 troops" (0) and "100.000" as 100: agreeing sources differed.
    wire = TROOPS.format("100,000")
    for other in ("100 000", "100\u00a0000", "100\u202f000", "100.000"):
        assert differing_figures(wire, TROOPS.format(other)) == ()
        (lead,) = _sentences("wire", wire)
        copy = _sentences("copy", TROOPS.format(other))
        assert figure_variants(lead, ["wire"], {"wire": [lead], "copy": copy}) == ()
    assert differing_figures(wire, TROOPS.format("90 000")) == (
        ("100,000 troops", "90 000 troops"),
    )
    assert differing_figures("a loan of 4,75 million euros", "a loan of 4.75 million euros") == ()


def test_a_day_of_the_month_is_not_the_first_group_of_a_number() -> None:
    figures = differing_figures("On March 12 300 people fled.", "On March 12 200 people fled.")
    assert figures == (("300 people", "200 people"),)


def test_a_spin_swapping_a_hedge_for_its_synonym_gives_the_same_figure() -> None:
    """A spin's "roughly 1,200 residents" for the wire's "about 1,200 residents" is one
    version, not sources that differ (a QA pass as a disinformation researcher, session 16);
    "at least 12" against "12" is still two."""
    wire = (
        "A fire broke out at the Halvorsen battery plant in Dunmere early on Tuesday, forcing "
        "{} residents to leave their homes as thick smoke drifted over the eastern districts."
    )
    (lead,) = _sentences("wire", wire.format("about 1,200"))
    for synonym in ("roughly 1,200", "around 1,200", "approximately 1,200", "some 1,200"):
        spin = _sentences("spin", wire.format(synonym))
        assert figure_variants(lead, ["wire"], {"wire": [lead], "spin": spin}) == ()
    hedged = _sentences("other", wire.format("at least 1,200"))
    found = figure_variants(lead, ["wire"], {"wire": [lead], "other": hedged})
    assert [(v.text, v.article_ids) for v in found] == [
        ("at least 1,200 residents", ("other",)),
        ("about 1,200 residents", ("wire",)),
    ]


def test_a_corrected_time_of_day_differs_from_the_reprint_that_kept_the_old_one() -> None:
    # A wire corrected "3 a.m." to "4 a.m."; a reprint made before the correction keeps it.
    reprint = "The river burst its banks at 3 a.m. on Tuesday, flooding 40 homes, officials said."
    corrected = reprint.replace("3 a.m.", "4 a.m.")
    assert differing_figures(reprint, corrected) == (("3 a.m.", "4 a.m."),)
    # 24-hour and zoned times compare too; the same moment written alike does not differ.
    assert differing_figures("polls closed at 15:30 GMT", "polls closed at 16:30 GMT") == (
        ("15:30 GMT", "16:30 GMT"),
    )
    assert differing_figures("at 3:15 p.m. the bell rang", "at 3:15pm the bell rang") == ()


def test_times_in_other_zones_are_not_rivals_and_are_no_other_figure() -> None:
    # One moment in two zones is not a dispute, and no zone arithmetic is guessed at.
    assert differing_figures("struck at 3 a.m. local time", "struck at 0800 GMT") == ()
    # The minutes of "3:15 p.m." are no count of "p"; a score or a ratio is no time.
    assert [f.phrase for f in figures("at 3:15 p.m. police said")] == ["3:15 p.m."]
    assert figures("Kestrel won 3:1 in the final") == []


# A wire and a content farm's spin of it that swapped the count and reworded its unit
# ("84 prisoners each" / "94 captives apiece"): no unit word is shared.
SWAP_WIRE = (
    "Ukraine and Russia exchanged 84 prisoners each on Wednesday at the Kostrivka crossing in "
    "an exchange brokered by Valdoria, Ukraine's Coordination Headquarters said.\n\n"
    "Among the Ukrainians who returned home were 12 civilians and 9 defenders of the Lisopil "
    "garrison, the headquarters said.\n\n"
    "Valdorian envoy Halim Oztek said the exchange was the fourth his government had mediated "
    "this year.\n\n"
    "It was the first exchange since September 18, when 103 prisoners were swapped."
)
SWAP_SPIN = (
    "Ukraine and Russia traded 94 captives apiece on Wednesday at the Kostrivka checkpoint in "
    "a swap mediated by Valdoria, Ukraine's Coordination Headquarters announced.\n\n"
    "Among the Ukrainians who came back were 12 civilians and 9 fighters of the Lisopil "
    "garrison, the headquarters said.\n\n"
    "Valdorian envoy Halim Oztek said the swap was the fourth his government had brokered "
    "this year.\n\n"
    "It was the first swap since September 18, when 103 captives were traded."
)


def test_a_spin_that_swapped_a_figure_and_its_unit_word_does_not_cite_the_wire() -> None:
    wire = Article(
        "wire", "", SWAP_WIRE, SWAP_WIRE, source="Eastwire", published="2026-12-02T14:20:00Z"
    )
    spin = Article(
        "spin", "", SWAP_SPIN, SWAP_SPIN, source="Farm", published="2026-12-02T15:00:00Z"
    )
    found = find_relations([wire, spin])
    assert [(r.kind, r.original) for r in found.relations] == [("rewrite", "wire")]
    claims = summarize([wire, spin], found.relations, found.groups, SummaryOptions(max_words=400))
    for claim in claims:
        if "94" in claim.text:
            assert claim.support == ("spin",)
        if "84" in claim.text:
            assert claim.support == ("wire",)
    assert any("94" in claim.text or "84" in claim.text for claim in claims)
