"""A spun copy is a rewrite; an independent report of the same facts is not (storyline.spin)."""

from __future__ import annotations

import re

import pytest

from storyline import spin
from storyline.model import Article
from storyline.reuse import compare

ORIGINAL = """Fire destroyed the main stand of Kelso Park stadium in Arnford late on Friday night.
About 60 firefighters fought the blaze for three hours before bringing it under control.
Club secretary Nadia Frome said the stand, built in 1923, held 2,400 seats and the changing rooms.
"Everything the club owned was in that building," she said.
Police said the cause was not yet known and asked witnesses to come forward.
Saturday's home match against Wexley Rovers has been postponed."""

# Sentence by sentence, in order: synonyms, turned clauses, the last sentence dropped.
SPIN = """Fire wrecked the main stand of Kelso Park stadium in Arnford late on Friday evening.
Some 60 firefighters battled the flames for three hours before getting them under control.
Club secretary Nadia Frome said the stand, which was built in 1923, had 2,400 seats and the
changing rooms.
"Everything the club owned was in that building," she said.
Police said the cause was still unknown and appealed for witnesses to come forward."""

# The same fire from another reporter: the same figures and the same quote, its own order,
# its own words and facts of its own.
INDEPENDENT = """Neighbours of Kelso Park woke to flames on Friday night as the main stand of
the Arnford stadium burned.
It took some 60 firefighters three hours to get the fire under control, the fire service said.
Nadia Frome, the club secretary, told supporters outside the ground: "Everything the club owned
was in that building."
Dating from 1923, the stand seated 2,400 people and housed the changing rooms.
Supporters had raised 15,000 pounds to repair its roof only last spring.
The game with Wexley Rovers on Saturday will not go ahead, and police want witnesses of the fire
to come forward."""


def article(id_: str, text: str, source: str = "", published: str | None = None) -> Article:
    # one paragraph a line, as the pipeline's cleaning leaves news text
    text = re.sub(r"(?<=[.\"])\s+(?=[A-Z\"])", "\n", text.replace("\n", " "))
    return Article(id_, text[:60], text, text, source=source, published=published)


def test_a_spun_copy_is_a_rewrite_of_its_original() -> None:
    relation = compare(article("a", ORIGINAL), article("b", SPIN))
    assert relation is not None and relation.kind == "rewrite"


def test_an_independent_report_of_the_same_fire_is_no_rewrite() -> None:
    relation = compare(article("a", ORIGINAL), article("c", INDEPENDENT))
    assert relation is None or relation.kind not in {"rewrite", "excerpt", "near-duplicate"}


def test_the_old_rule_alone_called_the_independent_report_a_rewrite(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The case is a real test of the new rule: without it the pair is a rewrite.
    from storyline import reuse

    monkeypatch.setattr(reuse, "copied", lambda *args: True)
    relation = compare(article("a", ORIGINAL), article("c", INDEPENDENT))
    assert relation is not None and relation.kind == "rewrite"


def test_a_free_retelling_that_credits_its_source_stays_a_rewrite() -> None:
    credited = INDEPENDENT.replace("the fire service said.", "the Arnford Echo reports.")
    relation = compare(
        article("a", ORIGINAL, source="Arnford Echo"), article("c", credited, source="Web Digest")
    )
    assert relation is not None and relation.kind == "rewrite" and relation.original == "a"


QUAKE = (
    "A magnitude {m} earthquake struck near {town} on {day} at a depth of {depth} kilometres, "
    "the Geological Survey said. There were no immediate reports of damage or injuries. The "
    "quake was felt in {felt}, about {far} kilometres from the epicentre, residents said. "
    "The region last had a quake of similar strength in {year}."
)


def test_one_template_filled_for_another_event_is_no_rewrite() -> None:
    first = QUAKE.format(m=5.1, town="Ostavel", day="Monday", depth=10, felt="Kessborg", far=40,
                         year=1997)  # fmt: skip
    other = QUAKE.format(m=4.6, town="Tirrano", day="Tuesday", depth=35, felt="Port Lumen",
                         far=85, year=2019)  # fmt: skip
    relation = compare(article("q1", first), article("q2", other))
    assert relation is None or relation.kind not in {"rewrite", "excerpt", "near-duplicate"}
    # the same report retold keeps its figures: still a copy
    retold = first.replace("struck near", "hit close to").replace("residents said", "people said")
    again = compare(article("q1", first), article("q3", retold))
    assert again is not None and again.kind in {"rewrite", "near-duplicate"}


def test_closeness_leaves_quotes_out() -> None:
    quote = '"Everything the club owned was in that building," she said.'
    ours = spin.Passage(0, 1, 0, 1, quote, quote, "paraphrase", 1.0)
    assert spin._closeness(ours) is None  # only "she said" is left: no evidence
    pair = spin.Passage(
        0,
        1,
        0,
        1,
        "Police said the cause was not known.",
        "The cause, police said, was not known.",
        "paraphrase",
        0.9,
    )
    assert spin._closeness(pair) == pytest.approx(5 / 7)


@pytest.mark.parametrize(
    ("a", "b", "length"),
    [
        ("", "a b", 0),
        ("a b c d", "a b c d", 4),
        ("a b c d", "d c b a", 1),
        ("the cause was not known", "the cause police said was not known", 5),
        (" ".join(["x", "y"] * 70), " ".join(["y", "x"] * 70), 139),
    ],
)
def test_lcs_length(a: str, b: str, length: int) -> None:
    assert spin.lcs_length(a.split(), b.split()) == length
