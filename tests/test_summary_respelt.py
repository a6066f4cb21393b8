"""A name spelled otherwise in a restatement whose other words were changed too (QA, session 28).

The slot test of :mod:`storyline.summary.names` needs the words on both sides of a name to
agree; a rewrite that changes the verb after the name ("will lead" / "will run") and one
letter of the name ("Lise" / "Lisa") escaped it, and the rewrite's sentence was cited for
the original's, which never names "Lisa".
"""

from __future__ import annotations

from storyline.model import Article, Claim
from storyline.summary import SummaryOptions, summarize
from storyline.summary.names import names, respelt
from storyline.text import normalize

ORIGINAL = (
    "Deputy mayor Ottilie Brenck will lead the town council until a vote is held in May, the "
    "regional office said."
)
REWRITE = "Deputy mayor Ottilia Brenck will run the town council until the May vote."


def _article(aid: str, text: str) -> Article:
    return Article(id=aid, title=aid, text=normalize(text), raw_text=text, source=aid.upper())


def _claims(*texts: str) -> tuple[Claim, ...]:
    articles = [_article(f"n{i}", text) for i, text in enumerate(texts, start=1)]
    return tuple(summarize(articles, options=SummaryOptions(max_words=40)))


def test_a_respelt_name_is_not_cited_as_the_same_statement_and_both_versions_show() -> None:
    claims = _claims(ORIGINAL, ORIGINAL, REWRITE)
    for claim in claims:
        said = {"n1": ORIGINAL, "n2": ORIGINAL, "n3": REWRITE}
        spelling = "Ottilia" if "Ottilia" in claim.text else "Ottilie"
        assert all(spelling in said[aid] for aid in claim.support), (claim.text, claim.support)
    shown = [claim for claim in claims if claim.variants]
    assert [[(v.text, v.article_ids) for v in c.variants] for c in shown] == [
        [("Ottilie Brenck", ("n1", "n2")), ("Ottilia Brenck", ("n3",))]
    ]


def test_respelt_needs_one_word_changed_alike_and_one_side_of_the_slot_kept() -> None:
    mine = names("The ferry captain, Oren Tasker, was questioned.")[-1]
    assert mine.phrase == "Oren Tasker"
    assert respelt(mine, "The ferry captain, Oran Tasker, was rescued.") is not None
    assert respelt(mine, "Rescuers say Oran Tasker was questioned.") is not None
    # Another first name, an initial, or another slot on both sides: no respelling.
    assert respelt(mine, "The ferry captain, Maud Tasker, was rescued.") is None
    assert respelt(mine, "The ferry captain, O. Tasker, was rescued.") is None
    assert respelt(mine, "Rescuers found Oran Tasker on the pier.") is None
    single = names("The floods hit Tavrin again.")[-1]
    assert single.phrase == "Tavrin"
    assert respelt(single, "The floods hit Tavran again.") is None
