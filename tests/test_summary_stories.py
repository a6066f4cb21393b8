"""Summary stage tests: the seeds, dated stories that went on, voices and figures."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import pytest

from helpers_summary import (
    SHARED,
    article,
    really_states,
    story_articles,
    total_words,
)
from storyline.model import Article, DuplicateGroup, Relation
from storyline.summary import SummaryOptions, summarize
from storyline.text import normalize


@pytest.fixture
def story() -> list[Article]:
    return story_articles()


# --- the seeds (evaluation material, read in place) -------------------------------------


def seed_articles() -> dict[str, Article]:
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip("../shared/seeds is absent")
    found = {}
    for path in sorted(folder.glob("*.txt")):
        title, _, rest = path.read_text(encoding="utf-8").partition("\n")
        found[path.stem[:3]] = Article(
            id=path.stem, title=title.strip(), text=normalize(rest), raw_text=rest
        )
    return found


@pytest.mark.shared
@pytest.mark.parametrize("story_ids", [("000", "001"), ("002",), ("003", "004")])
def test_seed_story_sentences_cite_seeds_that_contain_them(story_ids: tuple[str, ...]) -> None:
    seeds = seed_articles()
    members = [seeds[i] for i in story_ids]
    by_id = {a.id: a for a in members}
    claims = summarize(members)
    assert claims and total_words(claims) <= 100
    for claim in claims:
        assert by_id[claim.article_id].text[claim.start : claim.end] == claim.text
        for article_id in claim.support:
            assert really_states(by_id[article_id].text, claim.text), (claim.text, article_id)
        for marker in ("Read more", "story continues", "Source link", "Comments are closed"):
            assert marker not in claim.text


@pytest.mark.shared
def test_seed_embassy_story_is_corroborated() -> None:
    seeds = seed_articles()
    claims = summarize([seeds["000"], seeds["001"]])
    assert sum(1 for c in claims if c.outlets == 2) >= 2


@pytest.mark.shared
def test_seed_topic_shows_the_troop_figure_variants() -> None:
    seeds = seed_articles()
    claims = summarize([seeds["000"], seeds["002"], seeds["003"]])
    disputed = [c for c in claims if any("100,000" in v.text for v in c.variants)]
    assert len(disputed) == 1
    versions = {v.text: v.article_ids for v in disputed[0].variants}
    assert versions == {
        "more than 100,000 Russian troops": (seeds["000"].id,),
        "100,000 troops": (seeds["002"].id,),
        "an estimated 100,000 Russian troops": (seeds["003"].id,),
    }


def test_bench_rouge_scorer_pools_references_and_cuts_at_the_limit() -> None:
    pytest.importorskip("nltk")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from rouge import score  # type: ignore[import-not-found]

    peer = "The dams were breaking.\nCrews worked all night"
    refs = ["The dam broke at night.", "Crews worked on the dams."]
    result = score(peer, refs)
    # Stemmed unigram hits: ref 1 {the, dam, night} = 3 of 5; ref 2 {crew, work, the, dam} = 4 of 5.
    assert result.r1 == pytest.approx(7 / 10)
    # Bigrams (over the whole summary, as ROUGE-1.5.5): ref 1 "the dam" = 1 of 4; ref 2 "crew
    # work" and "the dam" = 2 of 4.
    assert result.r2 == pytest.approx(3 / 8)
    assert score("one two three four", ["three four"], limit=2).r1 == 0.0


CAVE_DAY_ONE = (
    "Seven divers were trapped on Tuesday when floodwater cut off the exit of a cave at Morrow "
    "Gorge in the western hills.\n"
    "The divers are believed to be sheltering on a dry ledge 40 metres underground.\n"
    "Rescuers spoke to the divers through a narrow air shaft on Tuesday night."
)
CAVE_RESCUE = (
    "All seven Morrow Gorge divers were brought out of the cave on Thursday after pumps "
    "drained a side passage."
)


def cave_story(dated: bool) -> list[Article]:
    first = [
        article(f"d{n}", CAVE_DAY_ONE, source, "2032-07-06T08:00:00+00:00" if dated else None)
        for n, source in enumerate(("Hill Courier", "Gorge Times", "Western Wire"))
    ]
    last = f"{CAVE_RESCUE}\nOne of the divers was treated for the cold at the scene."
    when = "2032-07-08T09:00:00+00:00" if dated else None
    return [*first, article("r1", last, "Gorge Times", when)]


def test_a_story_that_went_on_says_where_it_stands_now() -> None:
    # The rescue shares the story's names with its start, so the redundancy test drops it.
    undated = summarize(cave_story(False), options=SummaryOptions(max_words=80))
    assert CAVE_RESCUE not in [c.text for c in undated]
    # Dated over two days, the latest day's lead follows the first report's.
    dated = summarize(cave_story(True), options=SummaryOptions(max_words=80))
    texts = [c.text for c in dated]
    assert texts[0] == CAVE_DAY_ONE.split("\n")[0]
    assert CAVE_RESCUE in texts
    assert dated[texts.index(CAVE_RESCUE)].support == ("r1",)
    # All on one day, nothing is "latest".
    same_day = [replace(a, published="2032-07-06T08:00:00+00:00") for a in cave_story(True)]
    one_day = summarize(same_day, options=SummaryOptions(max_words=80))
    assert CAVE_RESCUE not in [c.text for c in one_day]


def test_where_it_stands_now_is_the_latest_original_report_of_the_last_day() -> None:
    evening = (
        "Five of the Morrow Gorge divers were brought out of the cave on Wednesday night, "
        "rescuers said.\nTwo divers are still on the ledge."
    )
    morning = (
        "All seven Morrow Gorge divers were out of the cave on Thursday morning after the "
        "last two were brought up at dawn.\nThe rescue took three days."
    )
    blog = f"09:40 Hill Courier reports: {CAVE_RESCUE}\nWe will bring you more shortly."
    story = [
        *cave_story(True)[:3],
        article("e1", evening, "Gorge Times", "2032-07-08T01:00:00+00:00"),
        article("m1", morning, "Western Wire", "2032-07-08T07:00:00+00:00"),
    ]
    texts = [c.text for c in summarize(story, options=SummaryOptions(max_words=80))]
    assert texts[0] == CAVE_DAY_ONE.split("\n")[0]
    assert morning.split("\n")[0] in texts  # the later report, not the evening's count
    # A live blog published later that copies a report does not say where the story stands.
    copied = Relation("b1", "m1", "excerpt", 1.0, original="m1")
    later = [*story, article("b1", blog, "Live Desk", "2032-07-08T09:40:00+00:00")]
    texts = [c.text for c in summarize(later, (copied,), options=SummaryOptions(max_words=80))]
    assert morning.split("\n")[0] in texts


def test_a_photo_caption_is_not_a_summary_sentence() -> None:
    from storyline.summary.sentences import is_caption

    assert is_caption("A ranger walks along the dam in Harwick, Ostrany, May 24, 2024.")
    assert is_caption("Crews clear debris in Port Alvar , Thursday , Aug. 5 , 2010 .")
    assert not is_caption("The treaty was signed on Tuesday, March 3, 2009.")
    assert not is_caption("The treaty was signed in Geneva on March 3, 2009.")
    assert is_caption("Port chief Ann Lee, left, listens as the mayor speaks outside the hall.")
    assert is_caption("Mayor Bo Park , second right , arrives at the summit .")
    assert not is_caption("It was a rebound thing, right, where you can't be single for long.")
    assert not is_caption("Turn left, then right, at the harbour gate.")
    caption = "A ranger looks at the broken spillway in Harwick May 24, 2024."
    texts = [
        f"{caption} The Harwick dam gave way after three days of rain, flooding 40 homes.",
        "The Harwick dam gave way after days of rain and flooded 40 homes in the valley.",
    ]
    story = [Article(id=f"a{i}", title="Dam", text=t, raw_text=t) for i, t in enumerate(texts)]
    claims = summarize(story, options=SummaryOptions(max_words=60))
    assert claims and all(caption not in claim.text for claim in claims)


def test_a_reprint_carries_its_originals_voice_and_merges_no_outlets() -> None:
    from storyline.summary.salience import voices

    def make(article_id: str, source: str) -> Article:
        return Article(id=article_id, title="", text="x", raw_text="x", source=source)

    articles = [
        make("w", "Wire"),
        make("a-own", "Alpha"),
        make("a-copy", "Alpha"),
        make("b-copy", "Beta"),
        make("b-own", "Beta"),
        make("anon", ""),
    ]
    group = DuplicateGroup("g1", "w", ("a-copy", "b-copy", "w"))
    keys = voices(articles, [group])
    # The two reprints speak for the wire; each outlet's own report stays its own.
    assert keys["a-copy"] == keys["b-copy"] == keys["w"] == "outlet:wire"
    assert len({keys["a-own"], keys["b-own"], keys["w"]}) == 3
    assert keys["anon"] == "anon"


def test_a_page_quoting_a_credited_wire_adds_no_voice_to_its_sentences() -> None:
    from storyline.summary.attribution import copied_from, outlets

    def rel(a: str, b: str, original: str | None) -> Relation:
        return Relation(a, b, "excerpt", 0.8, 0.8, 0.3, original, "")

    # A live blog copies two independent wires, crediting each; a third page is unrelated.
    relations = [rel("blog", "wire-a", "wire-a"), rel("blog", "wire-b", "wire-b")]
    copied = copied_from([*relations, rel("other", "wire-a", None)])
    assert copied == {"blog": ["wire-a", "wire-b"]}
    voice_of = {i: f"outlet:{i}" for i in ("blog", "wire-a", "wire-b", "other")}
    assert outlets(["blog", "wire-a"], voice_of, copied) == 1
    assert outlets(["blog", "wire-b"], voice_of, copied) == 1
    # Both wires state it: still two voices, the blog joining one of them.
    assert outlets(["blog", "wire-a", "wire-b"], voice_of, copied) == 2
    assert outlets(["blog", "other"], voice_of, copied) == 2
    assert outlets(["blog", "wire-a"], voice_of) == 2  # without the relations


def test_a_rewrite_keeps_the_new_fact_it_adds_and_a_copy_stays_silent() -> None:
    old = (
        "The Harwick dam gave way on Monday after three days of rain. "
        "Forty homes in the valley were flooded. "
        "Engineers are inspecting the spillway."
    )
    new_fact = "The regional council has opened an inquiry into the dam's last inspection."
    rewrite = (
        "After three days of rain the Harwick dam failed on Monday. "
        "Forty valley homes flooded. "
        f"Engineers are checking the spillway. {new_fact}"
    )
    texts = {"wire": old, "copy": old, "rewrite": rewrite}
    story = [Article(id=i, title="Dam", text=t, raw_text=t) for i, t in texts.items()]
    relations = [
        Relation("copy", "wire", "duplicate", 1.0, 1.0, 1.0, "wire", "published earlier"),
        Relation("rewrite", "wire", "rewrite", 0.9, 0.6, 0.8, "wire", "published earlier"),
    ]
    group = DuplicateGroup("g1", "wire", ("copy", "rewrite", "wire"))
    claims = summarize(story, relations, [group], SummaryOptions(max_words=200))
    assert any(claim.text == new_fact and claim.support == ("rewrite",) for claim in claims)
    assert all(claim.article_id != "copy" for claim in claims)


def test_a_toll_in_words_that_rose_is_no_support_and_shows_its_versions() -> None:
    """News style spells out small numbers: "at least three people" at 09:00 and "Seven
    people" at 13:00 are two versions of one toll, not one claim stated by both (a QA pass as
    a journalist found the 09:00 report cited, counted and named first for "Seven")."""
    tail = " in the fire at the Halvorsen Chemicals plant in Brenwick, the coroner's office said."
    early = "At least three people have died" + tail
    late = "Seven people have now died" + tail
    claims = summarize(
        [
            article("w1", early, "Wire", "2026-11-18T09:00:00+00:00"),
            article("w2", late, "Post", "2026-11-18T13:00:00+00:00"),
        ],
        options=SummaryOptions(max_words=20),
    )
    assert [(c.text, c.support, c.outlets, c.first_seen) for c in claims] == [
        (late, ("w2",), 1, "w2")
    ]
    assert [(v.text, v.article_ids) for v in claims[0].variants] == [
        ("At least three people", ("w1",)),
        ("Seven people", ("w2",)),
    ]


def test_numbers_in_words_are_figures_but_not_every_one() -> None:
    from storyline.summary.disagreement import figures

    def read(text: str) -> list[tuple[str, float]]:
        return [(f.phrase, f.value) for f in figures(text)]

    assert read("Twenty-two workers were hurt.") == [("Twenty-two workers", 22.0)]
    assert read("two million people left") == [("two million people", 2e6)]
    assert read("No one was hurt in the blaze.") == []
    assert read("a seven-day week, and one of the piers") == []


def test_the_part_of_a_whole_is_no_other_version_of_the_whole() -> None:
    """ "four of the city's nine public libraries" and "four public libraries" agree: the
    four is the claim's too (a QA pass as a journalist saw "nine public libraries" and "four
    libraries" listed as versions once numbers in words were read)."""
    claim = (
        "The Corrisford council will cut opening hours at four of the city's nine public "
        "libraries under its new budget."
    )
    later = (
        "The Corrisford council cut opening hours at four public libraries under its new budget."
    )
    in_digits = (t.replace("four", "4").replace("nine", "9") for t in (claim, later))
    for first, second in ((claim, later), tuple(in_digits)):  # digits were always figures
        claims = summarize([article("p1", first, "A"), article("p2", second, "B")])
        assert [(c.variants, c.support) for c in claims] == [((), ("p1", "p2"))]
    # a bare earlier figure is no part of a whole: the rival toll still disputes the new one
    tail = " in the fire at the Halvorsen plant in Brenwick, the county coroner's office said"
    five = "Five people have died" + tail + ", raising the toll from three."
    three = "At least three people have died" + tail + "."
    brief = SummaryOptions(max_words=30)
    (claim,) = summarize([article("t5", five, "A"), article("t3", three, "B")], options=brief)
    assert claim.support == (claim.article_id,) and len(claim.variants) == 2


def test_a_not_yet_known_sentence_is_left_out_once_a_later_report_is_in() -> None:
    """ "There was no immediate word on injuries" (08:15) stood in the summary next to three
    dead reported at 09:50 (a QA pass as a journalist). An hour later it is left out; alone,
    or undated, it stays."""
    early = (
        "A large fire broke out at the Halvorsen Chemicals plant in Brenwick on Wednesday. "
        "There was no immediate word on injuries."
    )
    later = (
        "Three workers have died in the fire at the Halvorsen Chemicals plant in Brenwick, the "
        "coroner said on Wednesday."
    )

    def texts(first: str | None, second: str | None) -> list[str]:
        claims = summarize(
            [article("e1", early, "Wire", first), article("l1", later, "Post", second)],
            options=SummaryOptions(max_words=60),
        )
        return [c.text for c in claims]

    unknown = "There was no immediate word on injuries."
    assert unknown not in texts("2026-11-18T08:15:00+00:00", "2026-11-18T09:50:00+00:00")
    assert unknown in texts("2026-11-18T08:15:00+00:00", "2026-11-18T08:45:00+00:00")
    assert unknown in texts(None, None)
    (only,) = [article("e1", early, "Wire", "2026-11-18T08:15:00+00:00")]
    assert unknown in [c.text for c in summarize([only])]
