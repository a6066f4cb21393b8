"""`storyline duplicates` as text: each passage says its kind and score, and what a copy
with small edits changed."""

from __future__ import annotations

import csv
import io

from storyline.model import Article, Digest, DuplicateGroup, Passage, Relation, Story
from storyline.render import relations_csv, to_html
from storyline.render.figures import figure_differences
from storyline.render.markdown import to_markdown
from storyline.render.terminal import compare_text
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


TOLL = (
    "Seven people died and 31 were injured when a footbridge over the Skarva river collapsed "
    "during the lantern festival in Tolvik on Saturday evening, regional police said."
)
REST = (
    " The bridge gave way shortly after 7 p.m., when hundreds of people had gathered on it to "
    "watch lanterns being released onto the water, the police chief said."
)


def _toll_digest(changed_head: str) -> Digest:
    wire = Article("a-wire", "Bridge", TOLL + REST, TOLL + REST, "Nordline Wire")
    rewrite = TOLL.replace("Seven people died", changed_head) + REST
    farm = Article("b-farm", "Horror", rewrite, rewrite, "ViralNow")
    relation = compare_articles(wire, farm)
    assert relation is not None
    return Digest(articles=(wire, farm), stories=(), relations=(relation,))


def test_a_figure_changed_at_the_head_of_a_copied_sentence_is_named() -> None:
    """The changed toll opened the sentence, so the verbatim passage started after it, at
    "people died" or "and 31": the view said nothing of 47 against seven (a QA pass as a
    fact-checker, session 22)."""
    digest = _toll_digest("At least 47 people died")
    (relation,) = digest.relations
    assert not relation.passages[0].a_text.startswith("Seven")  # the aligner leaves it out
    text = duplicates_view(digest, "markdown")
    assert "figures differ: Seven people / At least 47 people" in text
    wire, farm = digest.articles
    assert "»1: Seven people / At least 47 people" in compare_text(wire, farm, relation)


def test_figures_outside_a_short_passage_are_not_compared() -> None:
    """A passage that is only a small part of its sentences does not make the rest of them
    one sentence copied: their other figures are no rivals."""
    a_text = "Officials said 12 people were evacuated from the east bank, the mayor said."
    b_text = "Only 3 people were evacuated from the east bank after the flood warning, he added."
    shared = "were evacuated from the east bank"
    a_at, b_at = a_text.index(shared), b_text.index(shared)
    passage = Passage(a_at, a_at + 33, b_at, b_at + 33, shared, shared, "verbatim", 1.0)
    assert figure_differences((passage,), a_text, b_text) == {}
    whole = Passage(0, len(a_text), 0, len(b_text), a_text, b_text, "paraphrase", 0.6)
    assert figure_differences((whole,), a_text, b_text) == {1: (("12 people", "3 people"),)}


def _sourced(changed_head: str, grouped: bool) -> Digest:
    wire = Article(
        "a-wire", "Bridge", TOLL + REST, TOLL + REST, "Nordline Wire",
        published="2031-11-15T20:05:00+00:00",
    )  # fmt: skip
    text = TOLL.replace("Seven people died", changed_head) + REST
    copy = Article("b-copy", "Horror", text, text, "ViralNow", published="2031-11-16T05:40:00Z")
    relation = compare_articles(wire, copy)
    assert relation is not None and relation.original == "a-wire"
    groups = (DuplicateGroup("g1", "a-wire", ("a-wire", "b-copy")),) if grouped else ()
    story = Story("s1", "Bridge", ("a-wire", "b-copy"))
    return Digest(articles=(wire, copy), stories=(story,), relations=(relation,), groups=groups)


def test_the_sources_list_names_the_figure_a_copy_changed() -> None:
    """The digest listed the rewrite that said 47 as "(copies [1])" and a duplicate that said
    nine as "(duplicate of [1])", as if they said what [1] says (a QA pass as a fact-checker,
    session 22)."""
    changed = "figures differ: At least 47 people here / Seven people in [1]"
    digest = _sourced("At least 47 people died", grouped=False)
    assert f"(copies [1]; {changed})" in to_markdown(digest)
    assert changed in to_html(digest)
    # The relations say it too, each side's figure in the order of the relation.
    (relation_line,) = [x for x in to_markdown(digest).splitlines() if " ⇄ " in x]
    assert "1 shared passage, figures differ: Seven people / At least 47 people" in relation_line
    assert "figures differ: Seven people / At least 47 people" in to_html(digest)
    digest = _sourced("Nine people died", grouped=True)
    changed = "figures differ: Nine people here / Seven people in [1]"
    assert f"(duplicate of [1]; {changed})" in to_markdown(digest)
    assert changed in to_html(digest)


def test_a_word_for_word_copy_is_listed_as_before() -> None:
    markdown = to_markdown(_sourced("Seven people died", grouped=True))
    assert "(duplicate of [1])" in markdown and "figures differ" not in markdown


def test_the_relations_csv_has_a_column_for_the_figures_that_differ() -> None:
    """A fact-check pastes the table: the rewrite's row says which figure it changed."""
    digest = _sourced("At least 47 people died", grouped=False)
    (row,) = csv.DictReader(io.StringIO(relations_csv(digest)))
    assert (row["a"], row["b"]) == ("a-wire", "b-copy")
    assert row["figures_differ"] == "Seven people / At least 47 people"
    (same,) = csv.DictReader(io.StringIO(relations_csv(_sourced("Seven people died", True))))
    assert same["figures_differ"] == ""


def test_a_figure_a_translation_changed_is_listed_under_its_passage() -> None:
    """A content farm's English translation of a Ukrainian report turned 46 thousand into 64
    thousand and a Russian repost "четверо" into "семеро": `compare` and `duplicates` showed
    the sentence pairs and said nothing (translation passages were never compared)."""
    uk = "Без електропостачання залишилися 46 тисяч абонентів у Лісополі та трьох громадах."
    en = "Without electricity remained 64 thousand subscribers in Lisopil and three communities."
    passage = Passage(0, len(uk), 0, len(en), uk, en, "translation", 0.75)
    assert figure_differences((passage,), uk, en, ("uk", "en")) == {
        1: (("46 тисяч", "64 thousand"),)
    }
    report = Article("a-uk", "Звіт", uk, uk, source="Лісопіль Онлайн", language="uk")
    farm = Article("b-en", "Report", en, en, source="Frontline Digest", language="en")
    relation = Relation("a-uk", "b-en", "translation", 1.0, passages=(passage,))
    assert "»1: 46 тисяч / 64 thousand" in compare_text(report, farm, relation)
    told = "Загинули четверо працівників станції, ще 11 людей поранені."
    changed = "Погибли семеро работников станции, ещё 11 человек ранены."
    toll = Passage(0, len(told), 0, len(changed), told, changed, "translation", 0.5)
    assert figure_differences((toll,), told, changed, ("uk", "ru")) == {
        1: (("четверо працівників", "семеро работников"),)
    }
    # A faithful translation, its thousands in words or in digits, differs in nothing.
    faithful = "About 46,000 subscribers in Lisopil and three communities lost power."
    same = Passage(0, len(uk), 0, len(faithful), uk, faithful, "translation", 0.75)
    assert figure_differences((same,), uk, faithful, ("uk", "en")) == {}
    # Nor does an hour of the clock told the other way: "2 p.m." is "14 heures".
    hours = "It was fixed after 2 p.m. in Rendal."
    heures = "Il a été réglé après 14 heures à Rendal."
    clock = Passage(0, len(hours), 0, len(heures), hours, heures, "translation", 0.5)
    assert figure_differences((clock,), hours, heures, ("en", "fr")) == {}
