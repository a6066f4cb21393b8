"""Passage alignment, relation kinds, provenance, compare(), and the seeds' "done when"."""

from __future__ import annotations

import itertools
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from storyline import reuse
from storyline.dedup import DedupOptions, find_relations
from storyline.model import Article
from storyline.provenance import attributions, direction, names
from storyline.render import compare_html, compare_text
from storyline.render.views import word_changes
from storyline.reuse import Analyses, Overlap, align_passages, compare, relate
from storyline.text import normalize
from test_dedup import BASE, QUOTING_A, QUOTING_B, REWRITE, STATEMENT, article, corpus

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _check_offsets(a: Article, b: Article, passages: tuple) -> None:  # type: ignore[type-arg]
    for p in passages:
        assert a.text[p.a_start : p.a_end] == p.a_text
        assert b.text[p.b_start : p.b_end] == p.b_text


def test_offsets_are_exact_for_every_relation() -> None:
    articles = {a.id: a for a in corpus()}
    for relation in find_relations(list(articles.values())).relations:
        # a duplicate is the same text: it carries no passage (both texts whole, twice)
        assert bool(relation.passages) == (relation.kind != "duplicate"), relation
        _check_offsets(articles[relation.a], articles[relation.b], relation.passages)


def test_shared_statement_is_aligned_verbatim() -> None:
    a, b = article("f", QUOTING_A), article("g", QUOTING_B)
    passages = align_passages(a, b)
    verbatim = [p for p in passages if p.kind == "verbatim"]
    assert [p.a_text for p in verbatim] == [STATEMENT]
    assert verbatim[0].a_start == QUOTING_A.index(STATEMENT)
    assert verbatim[0].b_start == QUOTING_B.index(STATEMENT)


def test_small_edits_do_not_cut_a_passage() -> None:
    edited = STATEMENT.replace("far stronger", "much stronger").replace("everyone ", "")
    a, b = article("a", f"Intro line here.\n{STATEMENT}."), article("b", f"{edited}. Other words.")
    (passage,) = align_passages(a, b, paraphrases=False)
    assert passage.a_text == STATEMENT
    assert passage.b_text == edited


def test_a_passage_bridging_swapped_words_scores_the_words_it_keeps() -> None:
    """A spin's swapped words ("far stronger" / "much stronger") do not cut the passage,
    but it no longer scores 1.00 as if word for word, and the compare view lists the swaps
    (a QA pass as a disinformation researcher, session 16)."""
    edited = STATEMENT.replace("far stronger", "much stronger").replace("everyone ", "")
    a, b = article("a", f"Intro line here.\n{STATEMENT}."), article("b", f"{edited}. Other words.")
    (passage,) = align_passages(a, b, paraphrases=False)
    assert passage.kind == "verbatim"
    kept = len(STATEMENT.split()) - 2  # one word swapped, one left out
    assert passage.score == round(2 * kept / (len(STATEMENT.split()) + len(edited.split())), 4)
    assert word_changes([passage]) == {1: (("everyone", ""), ("far", "much"))}
    text = compare_text(a, b, compare(a, b), width=90)
    assert text.endswith(
        "words the two sides of a passage give differently (left / right):\n"
        "  »1: everyone / —; far / much\n"
    )
    page = compare_html(a, b, compare(a, b))
    assert (
        "words changed: <del>everyone</del> → <ins>—</ins>; <del>far</del> → <ins>much</ins>"
        in page
    )
    same = align_passages(a, article("c", f"{STATEMENT}. Other words."), paraphrases=False)
    assert [p.score for p in same] == [1.0]
    assert word_changes(same) == {}


def test_short_shared_runs_are_not_passages() -> None:
    a = article("a", "The regional fire service said on Monday that crews were ready to help.")
    b = article("b", "A spokesman for the regional fire service said on Monday nothing new.")
    assert align_passages(a, b, paraphrases=False) == ()


def test_rewrite_pairs_paraphrased_sentences() -> None:
    relation = compare(article("a", BASE), article("b", REWRITE))
    assert relation is not None and relation.kind == "rewrite"
    pairs = [(p.a_text.split()[0], p.b_text.split()[0]) for p in relation.passages]
    assert pairs[:3] == [("Flooding", "The"), ("City", "According"), ("Mayor", "Mayor")]
    assert all(p.kind == "paraphrase" and 0.4 <= p.score <= 1.0 for p in relation.passages)
    assert relation.similarity == 1.0  # every sentence of the rewrite has its source


BRIEF = (
    "Harbour pilots in Velmora walked out on Tuesday over a new night-shift rota.\n"
    "The port authority said about forty ships were waiting to enter the harbour."
)
# The brief said again in more words and another order, as a machine translation reads.
WORDY = (
    "The pilots of the harbour of Velmora have on Tuesday stopped the work because of a new "
    "rota for the night shifts.\n"
    "According to the port authority, approximately forty ships are waiting at this moment to "
    "enter into the harbour.\n"
    "The union of the pilots makes known that further actions are not excluded."
)
LONG_REPORT = "\n".join(
    [
        WORDY.split("\n")[0],
        "Shipping lines said the delays would cost them dearly if the dispute went on.",
        "Fishing boats were allowed to leave and return through a separate channel.",
        "The city's ferry to the islands kept running on its usual timetable all day.",
        "Talks between the union and the port authority are due to resume on Thursday.",
    ]
)


def test_a_short_brief_and_its_wordier_retelling_are_a_rewrite() -> None:
    relation = compare(article("a", BRIEF), article("b", WORDY))
    assert relation is not None and relation.kind == "rewrite"
    assert [p.kind for p in relation.passages] == ["paraphrase", "paraphrase"]
    # One paraphrased sentence of a longer report does not make a rewrite of it.
    lead = compare(article("a", BRIEF.split("\n")[0]), article("b", LONG_REPORT))
    assert lead is None or lead.kind != "rewrite"


def test_compare_matches_find_relations() -> None:
    articles = corpus()
    batch = {(r.a, r.b): r for r in find_relations(articles).relations}
    siblings = 0
    for a, b in itertools.combinations(articles, 2):
        alone, found = compare(a, b), batch.get((min(a.id, b.id), max(a.id, b.id)))
        assert compare(b, a) == alone
        if found is not None and found.reason.startswith("undecided: both copy "):
            # A pair alone does not see the third article both copy: only its date decides.
            siblings += 1
            assert alone is not None and alone.original is not None
            dates = alone.reason.removeprefix("published earlier: ")
            assert found.reason.endswith(f"their dates ({dates}) say only which copy came first")
            assert replace(alone, original=None, reason=found.reason) == found
        else:
            assert alone == found
    assert siblings == 3


def test_a_run_analyses_each_article_once(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []
    analyse = reuse._analyse

    def counting(text: str, options: DedupOptions) -> object:
        made.append(text)
        return analyse(text, options)

    monkeypatch.setattr(reuse, "_analyse", counting)
    articles = corpus()
    relations = find_relations(articles).relations
    aligned = {r.a for r in relations} | {r.b for r in relations}
    assert len(aligned) >= 5 and len(made) <= len(aligned)


def test_analyses_evicted_or_released_give_the_same_relations() -> None:
    articles = sorted(corpus(), key=lambda item: item.id)
    pairs = list(itertools.combinations(articles, 2))
    uses = {a.id: len(articles) - 1 for a in articles}
    tight = Analyses(uses, kept_chars=1)  # keeps one analysis at a time
    for a, b in pairs:
        scores = Overlap(0.0, 0.0, 0.0, same_text=False)
        assert relate(a, b, scores, analyses=tight) == relate(a, b, scores)
        tight.used(a.id)
        tight.used(b.id)


def test_unrelated_articles_compare_to_none() -> None:
    assert compare(article("x", BASE), article("y", QUOTING_B)) is None
    assert compare(article("x", ""), article("y", "")) is None


def test_provenance_by_date_attribution_and_containment() -> None:
    rel = {(r.a, r.b): r for r in find_relations(corpus()).relations}
    assert rel["a-base", "b-wire"].original == "a-base"
    assert rel["a-base", "b-wire"].reason.startswith("published earlier")
    assert rel["a-base", "e-rewrite"].original == "a-base"
    assert rel["a-base", "e-rewrite"].reason == "the Daily Digest article credits 'Harbour Gazette'"
    assert rel["b-wire", "e-rewrite"].original is None
    assert rel["f-kayak", "g-schools"].original is None
    assert "quoting a common source" in rel["f-kayak", "g-schools"].reason
    undated = [article("p", BASE), article("q", "\n".join(BASE.split("\n")[:3]))]
    (excerpt,) = find_relations(undated).relations
    assert (excerpt.kind, excerpt.original) == ("excerpt", "p")
    assert excerpt.reason.startswith("holds the other: 100%")


def test_undecided_provenance_says_why() -> None:
    a, b = article("a", BASE), article("b", BASE)
    assert direction(a, b, "duplicate", 1.0, 1.0) == (
        None,
        "undecided: publication date missing, no attribution, no containment asymmetry",
    )


BLAST = (
    "DREVNA - An explosion tore through the Kalvik depot shortly before midnight on Tuesday, "
    "10 March, killing 12 people and injuring 57.\n"
    "Fire chief Teodor Brask said crews fought the fire for more than six hours.\n"
    "Inspectors found 340 tonnes of ammonium nitrate stored in Warehouse 3 in 2024.\n"
    "The port will stay closed until Friday, the harbour authority said."
)


def test_a_backdated_copy_is_not_the_original_for_its_date() -> None:
    # The copy's metadata puts it on Monday 9 March; its text reports Tuesday 10 March.
    report = article("report", BLAST, source="Drevna Ledger", published="2026-03-11T06:15:00+01:00")
    copy = article("copy", BLAST, source="Truth Today", published="2026-03-09T18:00:00+00:00")
    assert direction(report, copy, "duplicate", 1.0, 1.0) == (
        None,
        "undecided: the Truth Today article is dated 2026-03-09T18:00:00+00:00 but its text "
        "reports 2026-03-10 as past, no attribution, no containment asymmetry",
    )
    # A later day that only the earlier text names (a reader's comment stamped later, a
    # schedule in the present tense) is no evidence against its date.
    stamped = article(
        "stamped",
        BLAST + "\nAt 09:53 on 12 March 2026, a reader wrote that he had seen the fire.",
        source="Wire",
        published="2026-03-11T05:00:00+00:00",
    )
    assert direction(report, stamped, "duplicate", 1.0, 1.0)[0] == "stamped"
    # Dated on the day it reports, the earlier one is still named.
    early = article("early", BLAST, source="Wire", published="2026-03-10T23:55:00+01:00")
    assert direction(report, early, "duplicate", 1.0, 1.0)[0] == "early"
    # A day ahead in a clause that looks ahead is a plan, not a report.
    plan = "The port will reopen on 14 March, talks resume tomorrow.\n" + BLAST[:-70]
    ahead = article("ahead", plan, source="Wire", published="2026-03-11T05:00:00+00:00")
    assert direction(report, ahead, "rewrite", 1.0, 1.0)[0] == "ahead"


def test_attribution_patterns() -> None:
    text = (
        "The plan leaked, Reuters reported on Monday. (AP) - More came later. "
        "According to the Lindenport Herald, it is final. With files from The Valley Wire"
    )
    assert attributions(text) == ["Reuters", "AP", "Lindenport Herald", "Valley Wire"]
    pointers = (
        "Crews worked all night. Read more at Highland Courier. Northgate Wire has more on "
        "the rescue. This story was first published by the Valley Voice. Paris has more than "
        "200 parks."
    )
    assert attributions(pointers) == ["Highland Courier", "Northgate Wire", "Valley Voice"]
    # A republisher's closing credit (a QA pass as a fact-checker, session 22: the copy was
    # said to name no source).
    closing = (
        "Mayor Anders Lind called off the festival. This story is based on reporting by "
        "Nordline Wire. Also: the fire was contained, with reporting from the Skarva Post."
    )
    assert attributions(closing) == ["Nordline Wire", "Skarva Post"]
    assert attributions("Additional reporting by Ilse Brandt; editing by Tom Ruelle") == []
    own = Article(
        "x",
        "",
        "Sources told the Harbour Gazette it was so.\n© 2024 Harbour Gazette",
        "",
        source="unknown",
        url="https://www.harbourgazette.example/a/1",
    )
    assert names(own) == ["harbourgazette", "Harbour Gazette", "Harbour Gazette"]


def _seeds() -> list[Article]:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is absent")
    articles = []
    for path in sorted(folder.glob("*.txt")):
        text = normalize(path.read_text(encoding="utf-8"))
        articles.append(Article(path.stem, text.split("\n", 1)[0], text, text))
    return articles


@pytest.mark.shared
def test_seeds_done_when() -> None:
    articles = _seeds()
    by_prefix = {a.id[:3]: a for a in articles}
    result = find_relations(articles)
    found = {(r.a[:3], r.b[:3]): r for r in result.relations}
    assert sorted(found) == [("000", "001"), ("003", "004")]
    rewrite = found["003", "004"]
    assert rewrite.kind == "rewrite"
    assert rewrite.original == by_prefix["003"].id
    shared = found["000", "001"]
    assert shared.kind == "shares-passages"
    (statement,) = [p for p in shared.passages if p.kind == "verbatim"]
    assert statement.a_text.startswith("As announced earlier this week, Canada will be reinforcing")
    assert statement.a_text.endswith("consular services and diplomacy")
    _check_offsets(by_prefix["000"], by_prefix["001"], shared.passages)
    _check_offsets(by_prefix["003"], by_prefix["004"], rewrite.passages)
    assert result.groups == ()


@pytest.mark.shared
def test_seeds_incremental_equals_batch() -> None:
    articles = _seeds()
    first = find_relations(articles[:3], DedupOptions())
    assert (
        find_relations(articles, known=first.index).relations == find_relations(articles).relations
    )


@pytest.mark.parametrize("module", ["storyline.reuse", "storyline.provenance", "storyline.dedup"])
def test_each_module_imports_first(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


def test_a_backdated_copy_is_not_shown_for_its_group() -> None:
    report = article("report", BLAST, source="Drevna Ledger", published="2026-03-11T06:15:00+01:00")
    copy = article("copy", BLAST, source="Truth Today", published="2026-03-09T18:00:00+00:00")
    (group,) = find_relations([report, copy]).groups
    assert group.representative == "report"


def test_a_page_stitched_from_three_reports_names_each_as_its_original() -> None:
    wire = (
        "A powerful explosion at a fertiliser store in the port of Drevna killed at least 12 "
        "people late on Tuesday and sent a fireball over the old harbour, emergency services "
        "said.\nAmbulances took the injured to hospitals in Drevna and nearby Almasund, where "
        "doctors said on Wednesday morning that 57 patients were being treated for burns and "
        "cuts.\nThe cause was not known."
    )
    radio = (
        "Residents of the Solvik district, closest to the port, spent the night on the streets "
        "after their windows were blown in by the shock wave.\nSchools in the district will "
        "stay shut until Monday, the city's emergency coordinator Lena Sorby told the station."
    )
    ledger = BLAST + "\nOlenko said the records were sent to the ministry two years ago."
    stitched = "\n".join(
        (ledger.split("\n")[0], ledger.split("\n")[2], wire.split("\n")[1], radio.split("\n")[0])
    )
    articles = [
        article("wire", wire, source="Northern Wire", published="2026-03-11T00:25:00+01:00"),
        article("radio", radio, source="Radio Brisa", published="2026-03-11T08:00:00+01:00"),
        article("ledger", ledger, source="Drevna Ledger", published="2026-03-11T06:15:00+01:00"),
        article("roundup", stitched, source="Roundup", published="2026-03-11T16:00:00+00:00"),
    ]
    relations = {frozenset((r.a, r.b)): r for r in find_relations(articles).relations}
    for source in ("ledger", "radio", "wire"):
        relation = relations[frozenset((source, "roundup"))]
        assert (relation.kind, relation.original) == ("shares-passages", source)
        assert relation.reason.startswith("published earlier: ")
        assert "in the other word for word, outside quotes" in relation.reason
    assert len(relations) == 3  # the three sources are not related to one another


def test_a_later_comment_does_not_pass_over_the_earliest_of_a_group() -> None:
    comment = "\nAt 09:53 on 12 March 2026, a reader wrote that he had seen the fire."
    # Published at the same moment: no original is named, the group picks by date, then id.
    first = article("a", BLAST + comment, source="Wire", published="2026-03-11T05:00:00Z")
    other = article("b", BLAST, source="Ledger", published="2026-03-11T05:00:00Z")
    (group,) = find_relations([first, other]).groups
    assert group.representative == "a"
