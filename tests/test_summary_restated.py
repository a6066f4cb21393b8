"""A sentence in another language that states what a chosen sentence states is redundant
with it: a translation's aligned sentence (its article then cites the claim), or a sentence
that gives no figure, name or news-event concept the chosen one does not give (texts
written for these tests)."""

from __future__ import annotations

from helpers_languages import article, summary
from storyline.model import Claim
from test_crosslang_short import A_EN, A_FR

QUAKE_EN = "\n".join(
    (
        "A fire broke out at the Verbna grain terminal on Tuesday night, and 300 residents of"
        " the nearby streets were evacuated.",
        "Firefighters from three towns worked through the night.",
        "The terminal's owner, Stepova Holding, said the cause was not yet known.",
    )
)
# An independent report: its lead tells the English lead's fire and place, nothing more;
# its toll is a fact of its own.
QUAKE_RU = "\n".join(
    (
        "Во вторник вечером в Вербне произошёл пожар.",
        "По данным спасателей, пострадали два пожарных.",
        "Жители соседних улиц жалуются на едкий дым.",
    )
)
# The same lead with a figure the English does not give: not the same statement.
QUAKE_RU_MORE = QUAKE_RU.replace(
    "в Вербне произошёл пожар", "в Вербне произошёл пожар на 12 складах"
)


def _by(claims: tuple[Claim, ...], article_id: str) -> list[str]:
    return [c.text for c in claims if c.article_id == article_id]


def test_a_sentence_in_another_language_that_says_no_more_is_redundant() -> None:
    claims = summary(article("q-en", QUAKE_EN, "en", 8), article("q-ru", QUAKE_RU, "ru", 12))
    printed = _by(claims, "q-ru")
    assert "Во вторник вечером в Вербне произошёл пожар." not in printed
    # what it adds stays: its own toll, its residents' complaint
    assert "По данным спасателей, пострадали два пожарных." in printed
    (lead,) = [c for c in claims if c.text.startswith("A fire broke out")]
    assert lead.support == ("q-en",)  # shared cues are no citation
    # the same lead with a figure the English does not give is not the same statement
    claims = summary(article("q-en", QUAKE_EN, "en", 8), article("q-ru", QUAKE_RU_MORE, "ru", 12))
    assert "Во вторник вечером в Вербне произошёл пожар на 12 складах." in _by(claims, "q-ru")


def test_a_translation_cites_the_claims_it_translates_and_adds_no_sentence() -> None:
    claims = summary(article("a-en", A_EN, "en", 8), article("a-fr", A_FR, "fr", 12))
    # the sentences its passages pair with the wire's are the wire's to say; the two after
    # its last passage hold no figure, name or concept to pair them by
    assert _by(claims, "a-fr") == [
        "Des plongeurs inspecteront la coque dès que le vent faiblira.",
        "C'est le deuxième accident sur cette ligne cette année.",
    ]
    (lead,) = [c for c in claims if c.text.startswith("The ferry Aurora ran aground")]
    assert lead.support == ("a-en", "a-fr")
