"""`storyline duplicates` as text: each passage says its kind and score, and what a copy
with small edits changed."""

from __future__ import annotations

from storyline.model import Article, Digest
from storyline.reuse import compare as compare_articles
from storyline.views import duplicates_view

STATEMENT = (
    "Firefighters were called to the plant on Quarry Road at 3:40 a.m., and 12 people "
    "were taken to Tolworth General Hospital with breathing problems, the chief said."
)


def _digest(copy_text: str) -> Digest:
    wire = Article("a-wire", "Fire", STATEMENT, STATEMENT, "Meridian Wire")
    copy = Article("b-copy", "Blaze", copy_text, copy_text, "Daily Lantern")
    relation = compare_articles(wire, copy)
    assert relation is not None
    return Digest(articles=(wire, copy), stories=(), relations=(relation,))


def test_a_spins_passage_lists_the_words_it_swapped() -> None:
    spun = STATEMENT.replace("called", "summoned").replace("plant", "facility")
    text = duplicates_view(_digest(spun), "markdown")
    assert "passage 1 (verbatim, score 0." in text
    assert "words changed: called / summoned; plant / facility" in text


def test_a_copy_that_changed_a_figure_says_so() -> None:
    altered = STATEMENT.replace("12 people", "2 people")
    assert "figures differ: 12 people / 2 people" in duplicates_view(_digest(altered), "markdown")


def test_a_word_for_word_passage_lists_no_change() -> None:
    extended = STATEMENT + " Schools in the eastern districts stay closed on Wednesday."
    text = duplicates_view(_digest(extended), "markdown")
    assert "(verbatim, score 1.00)" in text
    assert "words changed" not in text and "figures differ" not in text
