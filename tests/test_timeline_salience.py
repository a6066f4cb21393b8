"""Per-date sentence salience (concepts, quotes, chronology lines, captions) and its options."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse

from storyline.errors import OptionsError
from storyline.model import Article
from storyline.timeline import TimelineOptions, build_timeline
from storyline.timeline.events import _vectorizer
from storyline.timeline.salience import (
    concept_scores,
    concepts,
    consensus_scores,
    cover_centroid,
    is_quote,
)


def make(id_: str, text: str, published: str, source: str) -> Article:
    return Article(id=id_, title=id_, text=text, raw_text=text, published=published, source=source)


def test_concepts_are_content_words_and_pairs_not_stop_word_pairs() -> None:
    assert concepts("The ferry sank off the coast.") == frozenset(
        {"ferry", "sank", "coast", "the ferry", "ferry sank", "sank off", "the coast"}
    )


def test_concept_scores_reward_what_other_voices_repeat() -> None:
    texts = [
        "The ferry sank off Norvale on Tuesday.",
        "A ferry sank off Norvale, the coastguard said.",
        "Fishermen watched the weather turn grey.",
        "Fishermen watched the weather turn grey.",
    ]
    # The last two are one voice (a duplicate group): their shared words earn nothing.
    scores = concept_scores(texts, ["a", "b", "c", "c"])
    # "ferry", "sank", "norvale", "ferry sank", "sank off", "off norvale": 6 shared concepts.
    assert scores.tolist() == [1.0, 1.0, 0.0, 0.0]
    assert concept_scores([], []).tolist() == []


def test_consensus_scores_are_word_pair_f1_against_the_other_voices() -> None:
    texts = ["Ferry sank.", "Ferry sank off Norvale.", "Ferry sank.", "Grey skies."]
    # pairs: {ferry sank}; {ferry sank, sank off, off norvale}; {ferry sank}; {grey skies}.
    # text 0 against voice b: F1 2 x 1 / (1 + 3) = 0.5, against c: 1.0, against d: 0.
    # text 1 against a and c: 0.5 each. Voice d shares nothing.
    scores = consensus_scores(texts, ["a", "b", "c", "d"])
    assert np.allclose(scores, [1.0, 2 / 3, 1.0, 0.0])
    # The concept sum cannot tell them apart: the longer sentence repeats the same concepts.
    assert concept_scores(texts, ["a", "b", "c", "d"]).tolist()[:3] == [1.0, 1.0, 1.0]
    # A voice does not confirm itself: two copies of one voice earn nothing from each other.
    assert consensus_scores(["Ferry sank.", "Ferry sank."], ["a", "a"]).tolist() == [0.0, 0.0]
    assert consensus_scores([], []).tolist() == []


def test_consensus_picks_the_wording_the_outlets_share_over_the_most_central_words() -> None:
    day = "2031-05-02"
    flood = "On Friday engineers watched farms flood as Norvale lost its dam: it burst."
    articles = [
        make("n1", flood, day, "One"),
        make("n2", "The Norvale dam burst on Friday, flooding farms.", day, "Two"),
        make("n3", "The Norvale dam burst on Friday, engineers said.", day, "Three"),
        make("n4", "Farms flooded on Friday, and engineers blamed the Norvale dam.", day, "Four"),
    ]
    central = TimelineOptions(per_date=1, merge_similarity=1.0)
    assert build_timeline(articles, options=central).entries[0].text == flood
    consensus = TimelineOptions(per_date=1, merge_similarity=1.0, consensus_weight=0.3)
    assert build_timeline(articles, options=consensus).entries[0].text == (
        "The Norvale dam burst on Friday, engineers said."
    )


def test_quotations_and_questions_are_recognised() -> None:
    assert is_quote('"We will rebuild," she said.')
    assert is_quote("`` We will rebuild , '' she said .")  # PTB-tokenised quotes
    assert is_quote("Will the bridge reopen?")
    assert not is_quote("The council approved the budget.")


def test_quotes_can_be_discounted() -> None:
    articles = [
        make("q1", '"The dam is holding," the Norvale mayor said on Monday.', "2031-03-04", "A"),
        make("q2", "The Norvale dam held on Monday as the river peaked.", "2031-03-04", "B"),
        make("q3", '"The dam is holding," said the mayor of Norvale on Monday.', "2031-03-04", "C"),
    ]
    pick = TimelineOptions(per_date=1, merge_similarity=1.0)
    assert build_timeline(articles, options=pick).entries[0].text.startswith('"The dam')
    discounted = TimelineOptions(per_date=1, merge_similarity=1.0, quote_penalty=0.9)
    assert build_timeline(articles, options=discounted).entries[0].text.startswith("The Norvale")


CHRONOLOGY = make(
    "c1",
    "Officials met again to discuss the flooding of the Norvale valley on March 3.\n"
    "March 3 - Floodwater breaches the Norvale levee and three villages are evacuated.",
    "2031-03-20",
    "Wire",
)
CAPTION = make(
    "c2",
    "Residents wade through water in Norvale valley, March 3, 2031.",
    "2031-03-04",
    "Daily",
)


def test_chronology_lines_can_be_preferred_for_their_date() -> None:
    plain = build_timeline([CHRONOLOGY], options=TimelineOptions(per_date=1))
    assert plain.entries[0].text.startswith("Officials met again")
    preferred = build_timeline(
        [CHRONOLOGY], options=TimelineOptions(per_date=1, chronology_bonus=3.0)
    )
    assert [(e.date, e.text[:8]) for e in preferred.entries] == [("2031-03-03", "March 3 ")]


def test_captions_can_be_discounted() -> None:
    articles = [
        CAPTION,
        make("c3", "Floodwater rose in Norvale valley on Monday.", "2031-03-04", "X"),
    ]
    options = TimelineOptions(per_date=1, merge_similarity=1.0)
    plain = build_timeline(articles, options=options)
    assert plain.entries[0].text.startswith("Residents wade")
    discounted = build_timeline(
        articles, options=TimelineOptions(per_date=1, merge_similarity=1.0, caption_penalty=0.9)
    )
    assert discounted.entries[0].text.startswith("Floodwater rose")


BAKERS = "Local bakers said on Friday that bread sold out."


def test_concept_salience_picks_the_sentence_the_outlets_agree_on() -> None:
    day = "2031-05-02"
    articles = [
        make("n1", f"On Friday the Norvale dam burst after days of rain.\n{BAKERS}", day, "One"),
        make("n2", "The Norvale dam burst on Friday, flooding two farms.", day, "Two"),
        make("n3", "Engineers said the Norvale dam burst on Friday at dawn.", day, "Three"),
    ]
    options = TimelineOptions(per_date=1, concept_weight=1.0, merge_similarity=1.0)
    entry = build_timeline(articles, options=options).entries[0]
    assert entry.date == day
    assert "dam burst" in entry.text


@pytest.mark.parametrize(
    "kwargs",
    [
        {"concept_weight": 1.5},
        {"consensus_weight": -0.1},
        {"concept_weight": 0.6, "consensus_weight": 0.5},
        {"quote_penalty": 1.0},
        {"caption_penalty": -0.1},
        {"chronology_bonus": -1.0},
        {"mention_position_weight": -0.1},
        {"idf_over": "articles"},
        {"coverage_pool": -1},
    ],
)
def test_bad_salience_options_raise(kwargs: dict[str, object]) -> None:
    with pytest.raises(OptionsError):
        TimelineOptions(**kwargs)  # type: ignore[arg-type]


def test_a_recap_deep_in_a_later_article_can_be_exempt_from_the_position_discount() -> None:
    recap = make(
        "r1",
        "Traffic on the new Norvale ring road was light on Friday.\n"
        "Drivers praised the new junctions on Friday.\n"
        "The ring road opened on March 3 after six years of building work.",
        "2031-03-21",
        "Post",
    )
    report = make(
        "r2", "Crowds gathered on Monday to walk along the ring road.", "2031-03-04", "Star"
    )
    day = "2031-03-03"
    default = build_timeline([recap, report], options=TimelineOptions(start=day, end=day))
    assert default.entries[0].text.startswith("Crowds gathered")
    exempt = TimelineOptions(start=day, end=day, mention_position_weight=0.0)
    assert build_timeline([recap, report], options=exempt).entries[0].text.startswith("The ring")


def test_cover_centroid_completes_the_first_choice_instead_of_repeating_it() -> None:
    rows = scipy.sparse.csr_matrix(
        np.array([[1.0, 0.0, 0.0], [0.99, 0.01, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    )
    rows = scipy.sparse.csr_matrix(rows.multiply(1 / np.sqrt(rows.multiply(rows).sum(axis=1))))
    centroid = np.array([1.0, 1.0, 0.0])
    # Row 1 is the most central alone; row 0 nearly repeats it, row 2 adds what it lacks.
    assert cover_centroid(rows, centroid, 2) == [1, 2]
    assert cover_centroid(rows, centroid, 1) == [1]
    assert sorted(cover_centroid(rows, centroid, 9)) == [0, 1, 2, 3]


FLOOD = [
    ("f1", "The Norvale river flooded the old town and the stone bridge collapsed on March 3."),
    ("f2", "The Norvale river flooded the old town on March 3 and the stone bridge fell down."),
    ("f3", "On March 3 the mayor ordered the old town evacuated and opened three shelters."),
    ("f4", "The mayor ordered the old town evacuated as the river rose on March 3."),
]


def test_a_dates_events_can_be_chosen_to_cover_it_rather_than_one_by_one() -> None:
    articles = [make(id_, text, "2031-03-04", id_) for id_, text in FLOOD]
    one_by_one = TimelineOptions(per_date=2, merge_similarity=1.0, coverage_pool=0)
    texts = build_timeline(articles, options=one_by_one).entries[0].text
    assert "collapsed" in texts and "fell down" in texts  # the bridge twice
    covering = TimelineOptions(per_date=2, merge_similarity=1.0, coverage_pool=10)
    texts = build_timeline(articles, options=covering).entries[0].text
    assert "collapsed" in texts and "evacuated" in texts
    single = TimelineOptions(per_date=1, merge_similarity=1.0, coverage_pool=10)
    alone = TimelineOptions(per_date=1, merge_similarity=1.0, coverage_pool=0)
    assert build_timeline(articles, options=single) == build_timeline(articles, options=alone)


def test_idf_over_dates_weighs_a_word_said_about_every_date_least() -> None:
    # "dome" is in four sentences of one date; "oil" in one sentence of each of three dates.
    by_date = [
        ["The dome was lowered.", "The dome held.", "A dome leaked.", "Dome work ended.", "Oil."],
        ["Oil reached the coast."],
        ["Oil prices rose."],
    ]
    for unit, dome_weighs_more in (("sentences", False), ("dates", True)):
        vectorizer = _vectorizer(by_date, unit)
        idf = dict(zip(vectorizer.get_feature_names_out(), vectorizer.idf_, strict=True))
        assert bool(idf["dome"] > idf["oil"]) == dome_weighs_more


def test_date_end_covers_the_whole_year_or_month() -> None:
    from datetime import date

    from storyline.timeline.coverage import background_dates, date_end

    assert date_end("1968") == date(1968, 12, 31)
    assert date_end("2024-02") == date(2024, 2, 29)
    assert date_end("2009-04-25") == date(2009, 4, 25)
    assert date_end("2009-13") is None and date_end("") is None
    dates = ["1968", "2009-03", "2009-04-20", "2009-04-25"]
    assert background_dates(dates, "2009-04-24", 30) == {"1968"}
    assert background_dates(dates, "2009-04-24", 0) == {"1968", "2009-03", "2009-04-20"}
    assert background_dates(dates, None, 30) == set() == background_dates(dates, "2009-04-24", None)


def test_a_year_recalled_by_every_outlet_does_not_outrank_the_storys_own_day() -> None:
    recall = "The last pandemic of this kind was in 1968, when the Ferlan strain spread."
    articles = [
        make(f"r{i}", f"Clinics in Norvale reported new cases. {recall}", "2009-04-27", f"S{i}")
        for i in range(4)
    ]
    day = "Norvale closed its schools on April 25 after the first deaths."
    articles.append(make("d", day, "2009-04-26", "D"))
    chosen = build_timeline(articles, options=TimelineOptions(max_dates=1))
    assert [entry.date for entry in chosen.entries] == ["2009-04-25"]
    unranked = TimelineOptions(max_dates=1, background_days=None)
    everything = build_timeline(articles, options=unranked)
    assert [entry.date for entry in everything.entries] == ["1968"]
    both = build_timeline(articles, options=TimelineOptions(max_dates=2))
    assert [entry.date for entry in both.entries] == ["1968", "2009-04-25"]
    with pytest.raises(OptionsError, match="background_days"):
        TimelineOptions(background_days=-1)


def test_a_start_after_the_end_is_refused() -> None:
    with pytest.raises(OptionsError, match="start 2025-03-10 is after end 2025-03-01"):
        TimelineOptions(start="2025-03-10", end="2025-03-01")
    TimelineOptions(start="2025-03-10", end="2025-03")  # the end month covers the start day
