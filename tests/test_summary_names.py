"""Name disagreement in summaries: another person, place or organisation in the same statement."""

from __future__ import annotations

import pytest

from helpers_hashseed import outputs_under_hash_seeds
from storyline.model import Article, Claim
from storyline.summary import SummaryOptions, summarize
from storyline.summary.names import compatible, derived, fold_word, names, spelling
from storyline.text import normalize

PARK = (
    "Defence minister Anita Park said on Monday that the army would guard the Tavrin bridge "
    "until the floods recede."
)
PARKS = PARK.replace("Anita Park", "Anita Parks")
DOE = "Police chief John Doe told reporters that the harbour road in Marlow would stay closed."
JON = DOE.replace("John Doe", "Jon Doe")
FLOOD = "The river burst its banks in Tavrin on Sunday night, flooding the old market square."
TAVRAN = FLOOD.replace("Tavrin", "Tavran")


def article(aid: str, text: str) -> Article:
    return Article(id=aid, title=aid, text=normalize(text), raw_text=text, source=aid.upper())


def only_claim(*texts: str) -> Claim:
    """The one-sentence summary of one-sentence articles n1, n2, ..."""
    articles = [article(f"n{i}", text) for i, text in enumerate(texts, start=1)]
    claims = summarize(articles, options=SummaryOptions(max_words=25))
    assert len(claims) == 1
    return claims[0]


def versions(claim: Claim) -> list[tuple[str, tuple[str, ...]]]:
    return [(v.text, v.article_ids) for v in claim.variants]


def test_person_name_conflict_shows_both_versions_and_who_says_them() -> None:
    claim = only_claim(PARK, PARKS, PARK)
    assert claim.text == PARK
    assert versions(claim) == [("Anita Park", ("n1", "n3")), ("Anita Parks", ("n2",))]
    # The article that names someone else does not count as saying the claim.
    assert claim.support == ("n1", "n3")


def test_one_letter_in_a_first_name_is_a_conflict() -> None:
    claim = only_claim(DOE, JON)
    assert (claim.text, versions(claim)) == (
        DOE,
        [("John Doe", ("n1",)), ("Jon Doe", ("n2",))],
    )


def test_place_name_conflict() -> None:
    claim = only_claim(FLOOD, TAVRAN, TAVRAN)
    assert claim.text == TAVRAN
    assert versions(claim) == [("Tavrin", ("n1",)), ("Tavran", ("n2", "n3"))]
    assert claim.support == ("n2", "n3")


def test_organisation_name_conflict() -> None:
    one = "Engineers from the Marlow Transit Authority inspected the harbour tunnel on Tuesday."
    two = one.replace("Transit", "Transport")
    claim = only_claim(one, two)
    assert versions(claim) == [
        ("Marlow Transit Authority", ("n1",)),
        ("Marlow Transport Authority", ("n2",)),
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # one source gives more of the name
        (PARK, PARK.replace("Anita Park", "Park")),
        (
            "Ships waited outside the harbour after the Port Authority closed the channel.",
            "Ships waited outside the harbour after the Marlow Bay Port Authority closed the "
            "channel.",
        ),
        (DOE, DOE.replace("John Doe", "J. Doe")),
        # case and diacritics
        (PARK, PARK.replace("Anita Park", "ANITA PARK")),
        (PARK, PARK.replace("Anita Park", "Anita Pärk")),
        # titles and honorifics
        (
            "The new hospital wing was opened by Dr. Anita Park of the Tavrin clinic.",
            "The new hospital wing was opened by Prof. Anita Park of the Tavrin clinic.",
        ),
        (PARK, PARK.replace("Anita Park", "President Anita Park")),
        # a name in one and not in the other
        (FLOOD, FLOOD.replace(" in Tavrin", "")),
        # spellings, abbreviations and adjectives of one name
        (FLOOD, FLOOD.replace("Tavrin", "Tavrinn")),
        (
            "Relief flights left Zarakhstan for the coast on Sunday night with tents and food.",
            "Relief flights left Zarakstan for the coast on Sunday night with tents and food.",
        ),
        (
            "The Marlow Harbour Authority closed the channel to ships on Sunday night.",
            "The Marlow Harbor Authority closed the channel to ships on Sunday night.",
        ),
        (
            "Climbers were rescued from the north face of Mount Orlen on Sunday night.",
            "Climbers were rescued from the north face of Mt Orlen on Sunday night.",
        ),
        (
            "Egypt has tried to calm the row over Tavrinian claims that Orlen shelters rebels.",
            "Egypt has tried to calm the row over Tavrin's claims that Orlen shelters rebels.",
        ),
        # names in different clauses: not aligned
        (
            "The bridge over the Varna will reopen on Friday, minister Anita Park told "
            "reporters in Tavrin.",
            "Minister Anita Parks said the bridge over the Varna will reopen on Friday, "
            "reporters in Tavrin were told.",
        ),
        # a capital that only opens the sentence or a quotation
        (
            "Rebels said the army had shelled the Tavrin bridge overnight.",
            "Soldiers said the army had shelled the Tavrin bridge overnight.",
        ),
        (
            'Brandt said: "Rebels shelled the Tavrin bridge overnight and fled north."',
            'Brandt said: "Soldiers shelled the Tavrin bridge overnight and fled north."',
        ),
    ],
)
def test_no_name_conflict(first: str, second: str) -> None:
    claim = only_claim(first, second)
    assert claim.variants == ()
    assert claim.support == ("n1", "n2")


def test_another_name_in_the_slot_is_no_dispute_and_no_support() -> None:
    # Two unrelated names in one frame are more often two facts than one dispute, but the
    # sentence naming another speaker or place does not state the claim either.
    for first, second in (
        (
            "The talks on the dam were useful, Tavrin mayor Anita Park said on Monday.",
            "The talks on the dam were useful, Tavrin mayor Ilse Brandt said on Monday.",
        ),
        (
            "The ceasefire was signed in Tallinn on Wednesday, ending three days of fighting.",
            "The ceasefire was announced in Geneva on Wednesday, ending three days of fighting.",
        ),
    ):
        claim = only_claim(first, second)
        assert claim.variants == ()
        assert claim.support == (claim.article_id,)


def test_number_and_name_both_differ() -> None:
    one = "Defence minister Anita Park said 300 soldiers would guard the Tavrin bridge until May."
    two = one.replace("300", "350").replace("Anita Park", "Anita Parks")
    claim = only_claim(one, two, one)
    assert (claim.text, claim.support) == (one, ("n1", "n3"))
    assert versions(claim) == [
        ("300 soldiers", ("n1", "n3")),
        ("350 soldiers", ("n2",)),
        ("Anita Park", ("n1", "n3")),
        ("Anita Parks", ("n2",)),
    ]


def test_three_versions_and_a_source_that_takes_no_side() -> None:
    surname = DOE.replace("John Doe", "Doe").replace(".", " for now, as crews clear the mud.")
    claim = only_claim(DOE, JON, surname, DOE.replace("John", "Johan"))
    # n3 gives only the surname: it states the claim, but takes no side on the first name.
    assert (claim.text, claim.support) == (DOE, ("n1", "n3"))
    assert versions(claim) == [
        ("John Doe", ("n1",)),
        ("Jon Doe", ("n2",)),
        ("Johan Doe", ("n4",)),
    ]


def test_name_slots_of_a_sentence() -> None:
    found = names(PARK)
    assert [(n.phrase, n.key, n.left, n.right) for n in found] == [
        ("Anita Park", ("anita", "park"), ("defence", "minister"), ("said", "on")),
        ("Tavrin", ("tavrin",), ("guard", "the"), ("bridge", "until")),
    ]
    assert names("DEFENCE MINISTER ANITA PARK VISITS THE TAVRIN BRIDGE") == []
    assert names("洪水が町を襲った。") == []
    assert names("") == [] and names("Tavrin") != []


def test_word_folding_and_compatibility() -> None:
    assert [fold_word(w) for w in ("Pärk's", "U.S.", "KOs", "Anita")] == [
        "park",
        "us",
        "ko",
        "anita",
    ]
    assert [spelling(w) for w in ("kazakhstan", "gaddafi", "john", "colour", "centre")] == [
        "kazakstan",
        "gadafi",
        "john",
        "color",
        "center",
    ]
    assert compatible(("park",), ("anita", "park"))
    assert compatible(("j", "doe"), ("john", "doe"))
    assert compatible(("mt", "orlen"), ("mount", "orlen"))
    assert not compatible(("park",), ("parks",))
    assert not compatible(("jon", "doe"), ("john", "doe"))
    assert not compatible(("doe", "john"), ("john", "doe"))
    assert [derived(*pair) for pair in (("turkey", "turkish"), ("iraq", "iraqi"))] == [True, True]
    assert [derived(*pair) for pair in (("park", "parker"), ("tavrin", "tavran"))] == [False, False]


def test_bad_input_does_not_crash() -> None:
    assert [c.variants for c in summarize([article("e1", ""), article("e2", "Tavrin")])] == [()]
    long_line = " ".join(["Anita Park met Ilse Brandt in Tavrin"] * 700)
    claims = summarize([article("l1", long_line), article("l2", long_line.replace("k m", "ks m"))])
    assert claims and all(c.text in long_line for c in claims)


def test_deterministic_across_input_order_and_hash_seeds() -> None:
    texts = [PARK, PARKS, DOE, JON, FLOOD, TAVRAN]
    articles = [article(f"d{i}", t) for i, t in enumerate(texts)]
    forward = summarize(articles)
    assert forward == summarize(list(reversed(articles)))
    assert sum(bool(c.variants) for c in forward) == 3
    code = (
        "import sys; sys.path.insert(0, 'tests');"
        "from test_summary_names import *;"
        "a = [article(f'd{i}', t) for i, t in enumerate([PARK, PARKS, DOE, JON, FLOOD, TAVRAN])];"
        "print(repr(summarize(a)))"
    )
    outputs = outputs_under_hash_seeds(code, ("0", "4242"))
    assert outputs == {repr(forward) + "\n"}
