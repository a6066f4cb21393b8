"""Tests of corroboration: other voices that state a summary sentence's fact in their own
words (storyline.summary.corroboration), on invented sentences."""

from __future__ import annotations

from dataclasses import replace

from storyline.model import Article, Claim, Digest, DuplicateGroup, Restatement, Story
from storyline.render import digest_from_json, to_json
from storyline.render.views import claim_outlets
from storyline.summary import SummaryOptions, summarize
from storyline.summary.corroboration import by_wording, restates
from storyline.summary.options import SummaryOptions as Options
from storyline.summary.sentences import Sentence, article_sentences

WIRE = (
    "Around 340 passengers were led to safety from two trains caught by the slide, emergency "
    "services said.\n"
    "Geologists from the Tollan Survey were flown in by helicopter to study the slope.\n"
    "Freight services carrying timber have been sent through Brackenford instead."
)
COURIER = (
    "Rescue teams evacuated 340 passengers from two trains that were stranded on either side "
    "of the slip.\n"
    "Replacement buses will run between Orvesk and Kessia every half hour, the operator added."
)
# A sentence on the same evacuation with the figure given differently.
POST = (
    "Some 410 passengers were evacuated from the two trains stranded by the slide.\n"
    "Residents of Orvesk say they warned the council about cracks in the slope last winter."
)


def _article(article_id: str, text: str, source: str) -> Article:
    return Article(id=article_id, title="", text=text, raw_text=text, source=source)


def _sentence(text: str, article_id: str = "x") -> Sentence:
    return article_sentences(_article(article_id, text, "Somewhere"), Options())[0]


def _claim(claims: tuple[Claim, ...], words: str) -> Claim:
    return next(c for c in claims if words in c.text)


def _summary(articles: list[Article], groups: tuple[DuplicateGroup, ...] = ()) -> tuple[Claim, ...]:
    return summarize(articles, groups=groups, options=SummaryOptions(max_words=300))


def test_a_paraphrase_with_the_same_figure_is_listed_and_counted() -> None:
    claims = _summary([_article("w", WIRE, "Northgate Wire"), _article("c", COURIER, "Courier")])
    claim = _claim(claims, "340 passengers")
    assert claim.support == (claim.article_id,)  # not near-identical: support stays strict
    other = "c" if claim.article_id == "w" else "w"
    assert [r.article_id for r in claim.corroboration] == [other]
    said = claim.corroboration[0]
    text = COURIER if other == "c" else WIRE
    assert text[said.start : said.end] == said.text
    assert "340 passengers" in said.text
    assert claim.outlets == 2


def test_a_number_word_matches_its_digits() -> None:
    claim = _sentence("Hospital officials said 11 people had minor injuries.")
    other = _sentence("Eleven people were treated for minor injuries at Dunmore General Hospital.")
    assert restates(claim, other) is not None


def test_a_different_figure_is_refused() -> None:
    claims = _summary([_article("w", WIRE, "Northgate Wire"), _article("p", POST, "Post")])
    claim = _claim(claims, "passengers")
    assert claim.corroboration == ()
    assert claim.outlets == 1
    # The same report with the wire's figure is taken: the figure alone made the difference.
    same = POST.replace("410", "340")
    claims = _summary([_article("w", WIRE, "Northgate Wire"), _article("p", same, "Post")])
    claim = _claim(claims, "passengers")
    assert len(claim.corroboration) == 1
    assert claim.outlets == 2
    mine = _sentence("Hospital officials said 11 people had minor injuries.")
    assert (
        restates(mine, _sentence("Hospital officials said 14 people had minor injuries.")) is None
    )
    # The claim's number is there, but counting something else; its passengers are 410.
    led = _sentence("Rescuers led 340 passengers to safety from the two stranded trains.")
    crew = _sentence(
        "Rescuers led 410 passengers and 340 crew to safety from the two stranded trains."
    )
    assert restates(led, crew) is None
    both = _sentence("Rescuers led 340 passengers and crew to safety from two trains.")
    assert restates(led, both) is not None


def test_a_report_and_its_calling_off_are_not_one_statement() -> None:
    # Same figures, same names, most words in common, opposite facts.
    strike = _sentence(
        "Ferry crews in Brask will strike for 48 hours on Monday after pay talks failed, "
        "their union said."
    )
    called_off = _sentence(
        "A 48-hour strike by Brask ferry crews planned for Monday was called off after the "
        "operator raised its pay offer, the union said.",
        "y",
    )
    assert restates(strike, called_off) is None
    assert restates(called_off, strike) is None
    denied = _sentence(
        "Brask ferry crews did not strike for 48 hours on Monday, the union said.", "y"
    )
    assert restates(strike, denied) is None
    # Both calling it off: one statement, told twice.
    also_off = _sentence(
        "Brask ferry crews called off their 48-hour strike planned for Monday after a new pay "
        "offer, the union said.",
        "z",
    )
    assert restates(called_off, also_off) is not None


def test_a_part_of_a_whole_is_a_count() -> None:
    # "two of its six lines" against "all six lines": another fact, though six is in both.
    reduced = _sentence("The operator said it would run a reduced service on two of its six lines.")
    normal = _sentence("Ferries will run normally on all six lines, the operator said.", "y")
    assert restates(reduced, normal) is None
    assert restates(normal, reduced) is None
    both = _sentence(
        "Only two of the six lines will see a reduced service, the operator said.", "z"
    )
    assert restates(reduced, both) is not None


def test_a_model_number_is_part_of_a_name_not_a_figure() -> None:
    lawsuit = _sentence(
        "A law firm filed a class action against Orlen Appliances on Monday on behalf of "
        "owners of Thermia 300 heaters, two days after the company recalled them."
    )
    recall = _sentence(
        "Orlen Appliances announced a voluntary recall of Thermia 300 heaters made between "
        "March and August.",
        "y",
    )
    assert restates(lawsuit, recall) is None
    # A count opening the sentence is still a figure; so is a day after its month.
    about = _sentence("About 300 Thermia heaters were recalled by Orlen Appliances on Monday.")
    again = _sentence("Orlen Appliances recalled about 300 Thermia heaters on Monday.", "y")
    assert restates(about, again) is not None


def test_a_same_topic_sentence_is_refused() -> None:
    # Names and topic words in common, but no number: a topic, not one fact.
    claim = _sentence("Leaders of the Pacific nations will meet at the Varna forum in Kessia.")
    topic = _sentence("The president will travel to Kessia for the Varna forum next week.")
    assert restates(claim, topic) is None
    # One figure, but about another place: another fact.
    sent = _sentence("Ostrany has sent 10,000 troops to its border with Valdoria, papers said.")
    elsewhere = _sentence("Last week Ostrany sent 10,000 troops into Kerrish to hit rebel bases.")
    assert restates(sent, elsewhere) is None
    assert (
        restates(sent, _sentence("Some 10,000 Ostrany troops were sent to the Valdoria border."))
        is not None
    )


def test_a_year_alone_anchors_nothing() -> None:
    claim = _sentence(
        "Since the independence war ended in 1996, feuding gangs have fought turf wars."
    )
    other = _sentence(
        "Since the independence war ended in 1996, hundreds of people have been kidnapped by gangs."
    )
    assert restates(claim, other) is None


def test_a_copy_is_not_counted_twice() -> None:
    courier_copy = COURIER.replace("Replacement buses", "Extra buses")
    articles = [
        _article("w", WIRE, "Northgate Wire"),
        _article("c", COURIER, "Courier"),
        _article("c2", courier_copy, "Valley Times"),  # a reprint of the Courier's report
    ]
    group = DuplicateGroup("g", "c", ("c", "c2"))
    claim = _claim(_summary(articles, (group,)), "340 passengers")
    listed = [r.article_id for r in claim.corroboration]
    assert sorted([*claim.support, *listed]) == ["c", "c2", "w"]
    if claim.article_id == "w":  # the Courier and its reprint, read once with both citations
        assert by_wording(claim.corroboration) == [(claim.corroboration[0].text, ("c", "c2"))]
    assert claim.outlets == 2  # the wire and the Courier; the reprint adds no voice


def test_a_rewrite_of_the_claims_own_voice_adds_nothing() -> None:
    # The Courier rewrote the wire's sentence; it is one voice with the wire.
    articles = [_article("w", WIRE, "Northgate Wire"), _article("c", COURIER, "Courier")]
    group = DuplicateGroup("g", "w", ("w", "c"))
    claim = _claim(_summary(articles, (group,)), "340 passengers")
    assert claim.corroboration == ()
    assert claim.outlets == 1


def test_corroboration_survives_the_json_round_trip() -> None:
    claim = Claim(
        text="t",
        article_id="a",
        support=("a",),
        outlets=2,
        first_seen="a",
        corroboration=(Restatement("b", "u", 3, 4),),
    )
    story = Story(id="s", title="", article_ids=("a", "b"), summary=(claim,))
    digest = Digest(articles=(), stories=(story,))
    again = digest_from_json(to_json(digest))
    assert again.stories[0].summary[0].corroboration == (Restatement("b", "u", 3, 4),)


def test_articles_with_no_outlet_are_sources_of_their_own_not_one_outlet_unknown() -> None:
    # Ingest stores "unknown" when no outlet is named. Two such articles are not one outlet
    # called "unknown" (that would deflate the count), nor a named outlet (the render says
    # "independent sources", not "outlets"); a copy of one still adds no voice.
    said = "Some 410 passengers were evacuated from the two trains stranded by the slide."
    articles = [
        _article("w", f"{said}\nThe line stays shut.", "Northgate Wire"),
        _article("a", f"{said}\nBuses replace trains.", "unknown"),
        _article("b", f"{said}\nThe council met.", "unknown"),
        _article("b2", f"{said}\nThe council met.", "unknown"),  # a copy of b
    ]
    claim = _claim(_summary(articles, (DuplicateGroup("g", "b", ("b", "b2")),)), "410")
    assert sorted(claim.support) == ["a", "b", "b2", "w"] and claim.outlets == 3
    assert claim_outlets(claim, {a.id: a for a in articles}) == "3 independent sources"
    named = [replace(a, source="Courier") if a.id in ("a", "b", "b2") else a for a in articles]
    again = _claim(_summary(named, (DuplicateGroup("g", "b", ("b", "b2")),)), "410")
    assert again.outlets == 2  # one named outlet's articles are one voice
    assert claim_outlets(again, {a.id: a for a in named}) == "2 independent outlets"
