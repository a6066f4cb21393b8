"""Figures as a story signal: clock times are not figures. Fictional fixtures only."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from storyline.model import Article
from storyline.stories import StoryOptions, cluster_stories
from storyline.stories.features import (
    _NUMBER,
    _ZERO_NUMBER,
    _ZEROS,
    _numbers,
    extract,
    is_round,
    round_figures,
)
from storyline.stories.labels import label_terms


def test_clock_times_are_not_figures() -> None:
    text = (
        "Posted 10: 53 AM, updated 11:20 pm and 7.35pm; 12:30:15 GMT. On March 4, 2009, "
        "the toll rose to 1,200 and the fare to 3.50 at gate 123:45, on a 1:250 map."
    )
    wanted = ["2009", "1200", "3.50", "123", "45", "250"]
    assert _numbers(text, 2) == wanted
    assert _numbers(text.replace("2009", "2009 é"), 2) == wanted


def test_extract_leaves_clock_times_out_of_the_numbers() -> None:
    text = "Updated 09:15 AM.\nThe dam at Orsk held 40,000 cubic metres, engineer Lo Vey said."
    article = Article(id="d", title="Dam holds at 10:05", text=text, raw_text=text)
    assert extract(article, 2, 2).numbers == {"40000": 1.0}


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[str, int | None]]:
    return [(match.group(), match.lastindex) for match in pattern.finditer(text)]


def _zero_matches(text: str) -> list[tuple[str, int | None]]:
    """The ASCII path: spans found with every digit made 0, read back from the text."""
    found = _ZERO_NUMBER.finditer(text.translate(_ZEROS))
    return [(text[match.start() : match.end()], match.lastindex) for match in found]


# The plain spelling of the rule: a clock time is tried first, a figure otherwise.
_PLAIN = re.compile(
    r"[0-9]{1,2} ?: ?[0-9]{2}(?: ?: ?[0-9]{2})?(?![0-9])|[0-9]{1,2}\.[0-9]{2} ?[AaPp]\.?[Mm]\b"
    r"|([0-9][0-9,.]*[0-9]|[0-9])"
)


def test_number_patterns_agree_with_the_plain_rule_on_clock_shaped_text() -> None:
    rng = random.Random(3)
    texts = ["".join(rng.choices("0123: .,aApPmM\n", k=rng.randint(0, 30))) for _ in range(4000)]
    clocks = 0
    for text in texts:
        fast = _zero_matches(text)
        assert fast == _matches(_NUMBER, text)
        plain = [(m.group(), None if m.group(1) else 1) for m in _PLAIN.finditer(text)]
        assert fast == plain
        clocks += sum(1 for _, clock in fast if clock)
    assert clocks > 20


def _article(id: str, title: str, text: str) -> Article:
    return Article(id=id, title=title, text=text, raw_text=text, source=id)


FERRY_1 = _article(
    "f1",
    "Ferry runs aground off Marlow Point",
    "Posted 10:45 AM, updated 11:20 AM.\n"
    "A passenger ferry ran aground off Marlow Point on Saturday, and coastguard boats took its "
    "passengers ashore. The operator, Brisk Lines, said the hull was not breached.\n"
    "Harbour master Tomas Ferrol said the ferry would be towed to port at high tide.",
)
FERRY_2 = _article(
    "f2",
    "Ferry hits rocks near Quell Island",
    "Posted 10:45 AM, updated 11:20 AM.\n"
    "A passenger ferry hit rocks near Quell Island on Sunday, and coastguard boats took its "
    "passengers ashore. The operator, Northway Shipping, said the hull was not breached.\n"
    "Captain Ida Senn said the ferry would be towed to port at high tide.",
)


def _as_figures(article: Article) -> Article:
    text = article.text.replace("10:45 AM", "flight 1045").replace("11:20 AM", "gate 1120")
    return replace(article, text=text, raw_text=text)


def test_shared_posting_times_do_not_join_two_incidents() -> None:
    result = cluster_stories([FERRY_1, FERRY_2])
    assert [s.article_ids for s in result.stories] == [("f1",), ("f2",)]
    second = result.assignments[1]
    assert second.new_story
    assert second.note.endswith("best existing story scored 0.172")
    # The same digits as figures are shared evidence, and then they do join.
    joined = cluster_stories([_as_figures(FERRY_1), _as_figures(FERRY_2)])
    assert [s.article_ids for s in joined.stories] == [("f1", "f2")]
    assert joined.assignments[1].score >= StoryOptions().threshold


def _with_figures(article: Article, first: str, second: str) -> Article:
    text = article.text.replace("10:45 AM", first).replace("11:20 AM", second)
    return replace(article, text=text, raw_text=text)


def test_round_figures_are_the_whole_numbers_with_one_significant_digit() -> None:
    for figure in ("100", "200", "5000", "100000", "300000000", "0800"):
        assert is_round(figure), figure
    # Years date an event; a second significant digit, a decimal or a small count is precise.
    for figure in ("2000", "1900", "2013", "1476", "1500", "150", "37", "99", "6.1", "2.5"):
        assert not is_round(figure), figure
    # "5 million" has no figure (one digit); "2.5 million" is the figure 2.5.
    assert _numbers("5 million fled, 2.5 million stayed, 100,000 troops", 2) == ["2.5", "100000"]


def test_round_figures_weigh_round_figure_weight() -> None:
    numbers = {"100000": 1.0, "1476": 2.0}
    assert round_figures(numbers, 1.0) == (numbers, frozenset())
    assert round_figures(numbers, 0.5) == (numbers, frozenset({"100000"}))
    assert round_figures(numbers, 0.0) == ({"1476": 2.0}, frozenset())
    # Only the article's score leaves them out: its story keeps them (topics read them).
    text = "The 100,000 troops and 1,476 tanks of the 2013 drill."
    article = Article(id="d", title="Drill", text=text, raw_text=text)
    for weight in (0.0, 1.0):
        options = StoryOptions(round_figure_weight=weight)
        (story,) = cluster_stories([article], options=options).state.stories
        assert sorted(story.centroid.numbers) == ["100000", "1476", "2013"]


def test_a_shared_round_figure_does_not_join_two_incidents() -> None:
    round_ = [_with_figures(f, "300 passengers", "1,000 tonnes") for f in (FERRY_1, FERRY_2)]
    precise = [_with_figures(f, "317 passengers", "1,046 tonnes") for f in (FERRY_1, FERRY_2)]
    assert [s.article_ids for s in cluster_stories(round_).stories] == [("f1",), ("f2",)]
    assert [s.article_ids for s in cluster_stories(precise).stories] == [("f1", "f2")]
    counted = StoryOptions(round_figure_weight=1.0)
    joined = cluster_stories(round_, options=counted)
    assert [s.article_ids for s in joined.stories] == [("f1", "f2")]


def test_stamp_words_name_no_story() -> None:
    centroid = {"update": 0.9, "p.m": 0.8, "ferry": 0.7, "a.m": 0.6, "strike": 0.5, "velden": 0.4}
    assert label_terms(centroid, 3) == ("ferry", "strike", "velden")


def _report(id: str, title: str, text: str, day: str, language: str = "fr") -> Article:
    return Article(
        id=id, title=title, text=text, raw_text=text, source=id, published=day, language=language
    )


def test_figures_grouped_by_spaces_are_one_figure() -> None:
    text = "Quelque 48 000 foyers, dont 9 000 à Orsk et 1 250 000 euros d'aide, le 3 mars 2031."
    article = Article(id="f", title="Orsk : 48 000 foyers", text=text, raw_text=text, language="fr")
    # Read apart, "48 000" was "48" and "000": every such text shared the figure "000".
    assert extract(article, 2, 2).numbers == {
        "48000": 2.0,
        "9000": 1.0,
        "1250000": 1.0,
        "2031": 1.0,
    }


def test_two_thousands_written_with_spaces_share_no_figure() -> None:
    march = _report(
        "march",
        "Orsk : 12 000 manifestants",
        "Quelque 12 000 personnes ont défilé à Orsk contre la réforme des retraites.",
        "2031-03-03",
    )
    fire = _report(
        "fire",
        "Orsk : 3 000 hectares brûlés",
        "Un incendie de forêt a brûlé 3 000 hectares près d'Orsk, selon les pompiers.",
        "2031-03-04",
    )
    # The town and a figure "000" were the two keys a short report must share: one story.
    result = cluster_stories((march, fire))
    assert [story.article_ids for story in result.stories] == [("march",), ("fire",)]
