"""Story clustering: fictional fixtures, exact results; plus the shared seeds when present."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from storyline.dedup import find_relations
from storyline.errors import IncompatibleParametersError, InputError, OptionsError
from storyline.ids import stable_id
from storyline.model import Article, DuplicateGroup
from storyline.stories import (
    EMPTY_NOTE,
    UNDATED_NOTE,
    StoryOptions,
    StoryState,
    cluster_stories,
    reuse_links,
    template_reuse,
)
from storyline.text import normalize

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _article(
    id: str, title: str, text: str, day: str | None, source: str = "x", language: str = "en"
) -> Article:
    return Article(
        id=id,
        title=title,
        text=text,
        raw_text=text,
        source=source,
        published=day,
        language=language,
    )


QUAKE_A1 = _article(
    "a1",
    "Strong earthquake hits Valdoria, killing 40",
    "A magnitude 6.8 earthquake struck the northern province of Valdoria early on Tuesday, "
    "killing at least 40 people and flattening homes in the mountain town of Keltra.\n"
    "Rescue teams led by Governor Imre Tascan searched the rubble in Keltra through the night.\n"
    "The Valdoria Seismic Institute said the quake was centred 12 kilometres below Keltra.",
    "2031-03-04",
    "daily-post",
)
QUAKE_A2 = _article(
    "a2",
    "Valdoria quake toll rises to 85 as rescuers dig in Keltra",
    "The death toll from the earthquake in Valdoria rose to 85 on Wednesday, Governor Imre "
    "Tascan said, as rescuers in Keltra pulled two children alive from the rubble.\n"
    "Aftershocks shook Keltra overnight and the Valdoria Seismic Institute warned of more.\n"
    "Tascan asked for tents and water for families who lost their homes in the 6.8 quake.",
    "2031-03-05",
    "evening-star",
)
QUAKE_B1 = _article(
    "b1",
    "Earthquake strikes coastal Ostrany; fishing port damaged",
    "An earthquake of magnitude 5.9 hit the coastal region of Ostrany on Thursday, damaging "
    "the fishing port of Marevo and injuring 23 people.\n"
    "Mayor Lena Voskuijl of Marevo said the harbour wall cracked and boats were thrown ashore.\n"
    "The Ostrany coast guard closed the port of Marevo while engineers inspect the pier.",
    "2031-03-06",
    "harbour-news",
)
QUAKE_B2 = _article(
    "b2",
    "Marevo port reopens after Ostrany earthquake",
    "The port of Marevo reopened on Saturday, two days after the 5.9 earthquake in Ostrany, "
    "Mayor Lena Voskuijl said.\n"
    "Engineers of the Ostrany coast guard found the pier safe, and fishing boats of Marevo "
    "returned to the harbour while the cracked wall is repaired.",
    "2031-03-08",
    "daily-post",
)
STREAM = (QUAKE_A1, QUAKE_A2, QUAKE_B1, QUAKE_B2)


def _groups_of(result_stories: tuple[object, ...]) -> list[tuple[str, ...]]:
    return [story.article_ids for story in result_stories]  # type: ignore[attr-defined]


def test_two_earthquakes_are_two_stories_and_follow_ups_join() -> None:
    result = cluster_stories(STREAM)
    assert _groups_of(result.stories) == [("a1", "a2"), ("b1", "b2")]
    first, second = result.stories
    assert first.id == stable_id("a1", prefix="s")
    assert second.id == stable_id("b1", prefix="s")
    assert (first.first_date, first.last_date) == ("2031-03-04", "2031-03-05")
    assert first.outlets == ("daily-post", "evening-star")
    assert second.outlets == ("daily-post", "harbour-news")
    assert "keltra" in first.keywords and "marevo" in second.keywords
    assert first.summary == () and first.timeline == ()


def test_assignments_explain_the_join() -> None:
    result = cluster_stories(STREAM)
    by_id = {a.article_id: a for a in result.assignments}
    assert [a.article_id for a in result.assignments] == ["a1", "a2", "b1", "b2"]
    assert by_id["a1"].new_story and by_id["a1"].score == 1.0
    joined = by_id["a2"]
    assert not joined.new_story
    assert joined.story_id == stable_id("a1", prefix="s")
    assert 0.0 < joined.score < 1.0
    assert "keltra" in joined.shared_terms
    assert "tascan" in joined.shared_entities
    assert joined.note == ""


def test_publication_order_not_input_order() -> None:
    result = cluster_stories(tuple(reversed(STREAM)))
    assert _groups_of(result.stories) == [("a1", "a2"), ("b1", "b2")]


def test_same_input_same_state_bytes() -> None:
    first = cluster_stories(STREAM).state.to_json()
    assert cluster_stories(STREAM).state.to_json() == first


def test_incremental_run_keeps_ids_and_joins_old_stories() -> None:
    early = cluster_stories(STREAM[:3])
    later = cluster_stories(STREAM, state=early.state)
    assert _groups_of(later.stories) == [("a1", "a2"), ("b1", "b2")]
    assert [s.id for s in later.stories] == [s.id for s in cluster_stories(STREAM).stories]
    old = {a.article_id: a for a in early.assignments}
    new = {a.article_id: a for a in later.assignments}
    assert all(new[k] == old[k] for k in old)
    assert early.state.to_json() != later.state.to_json()  # the input state is not modified
    assert len(early.state.assignments) == 3


def test_state_json_round_trip() -> None:
    state = cluster_stories(STREAM[:3]).state
    text = state.to_json()
    loaded = StoryState.from_json(text)
    assert loaded.to_json() == text
    resumed = cluster_stories(STREAM, state=loaded)
    direct = cluster_stories(STREAM, state=state)
    assert resumed.state.to_json() == direct.state.to_json()


def test_state_rejects_garbage_and_other_feature_options() -> None:
    with pytest.raises(InputError):
        StoryState.from_json('{"format": "something else"}')
    with pytest.raises(InputError):
        StoryState.from_json("not json")
    state = cluster_stories(STREAM[:1]).state
    with pytest.raises(IncompatibleParametersError):
        cluster_stories(STREAM, options=StoryOptions(title_weight=5), state=state)


def test_duplicate_group_is_one_voice() -> None:
    copies = [replace(QUAKE_A1, id=f"a1-copy{n}", source=f"wire{n}") for n in range(5)]
    group = DuplicateGroup("g1", "a1", ("a1", *(c.id for c in copies)))
    result = cluster_stories((*STREAM, *copies), groups=(group,))
    plain = cluster_stories(STREAM)
    first = result.stories[0]
    assert first.article_ids == ("a1", *(c.id for c in copies), "a2")
    assert len(result.stories) == 2
    assert "wire0" in first.outlets
    notes = {a.article_id: a.note for a in result.assignments}
    assert notes["a1-copy0"] == "duplicate of a1: follows its group"
    # Copies move no centroid and no IDF: the rest scores as if they were absent.
    scores = {a.article_id: a.score for a in result.assignments}
    plain_scores = {a.article_id: a.score for a in plain.assignments}
    assert scores["a2"] == plain_scores["a2"]
    assert result.state.n_docs == plain.state.n_docs


def test_empty_text_is_never_a_story() -> None:
    empty = _article("e1", "A headline only", "   \n ", "2031-03-04")
    result = cluster_stories((empty, *STREAM))
    assert _groups_of(result.stories) == [("a1", "a2"), ("b1", "b2")]
    placed = {a.article_id: a for a in result.assignments}
    assert placed["e1"].story_id == "" and not placed["e1"].new_story
    assert placed["e1"].note == EMPTY_NOTE
    only = cluster_stories((empty,))
    assert only.stories == () and len(only.assignments) == 1


def test_undated_article_placed_by_input_order_and_flagged() -> None:
    undated = replace(QUAKE_A2, published=None)
    result = cluster_stories((QUAKE_A1, undated, QUAKE_B1, QUAKE_B2))
    assert _groups_of(result.stories) == [("a1", "a2"), ("b1", "b2")]
    notes = {a.article_id: a.note for a in result.assignments}
    assert notes["a2"] == UNDATED_NOTE
    assert notes["a1"] == ""
    assert result.stories[0].last_date == "2031-03-04"


def test_foreign_language_follow_up_joins_by_names_and_numbers() -> None:
    foreign = _article(
        "a3",
        "Sismo em Valdoria: 85 mortos em Keltra",
        "O governador Imre Tascan disse que o sismo de 6.8 em Valdoria matou 85 pessoas.\n"
        "As equipes de resgate continuam em Keltra, segundo o Valdoria Seismic Institute.",
        "2031-03-05",
        "jornal",
        "pt",
    )
    result = cluster_stories((*STREAM, foreign))
    assert _groups_of(result.stories) == [("a1", "a2", "a3"), ("b1", "b2")]


def test_topics_group_related_stories() -> None:
    result = cluster_stories(STREAM, options=StoryOptions(topic_threshold=0.01))
    assert len(result.topics) == 1
    topic = result.topics[0]
    assert topic.id == stable_id("a1", prefix="t")
    assert topic.story_ids == tuple(s.id for s in result.stories)
    assert all(s.topic_id == topic.id for s in result.stories)
    apart = cluster_stories(STREAM, options=StoryOptions(topic_threshold=0.99))
    assert apart.topics == () and all(s.topic_id is None for s in apart.stories)


def test_options_are_validated() -> None:
    with pytest.raises(OptionsError):
        StoryOptions(threshold=1.5)
    with pytest.raises(OptionsError):
        StoryOptions(max_candidates=0)
    with pytest.raises(OptionsError):
        StoryOptions(half_life_days=0.0)


def test_bad_input_degrades() -> None:
    one_word = _article("w1", "", "Quake", None)
    cjk = _article("c1", "", "瓦尔多利亚发生强烈地震" * 50, None, language="zh")
    result = cluster_stories((one_word, cjk))
    assert len(result.stories) == 2
    assert cluster_stories(()).stories == ()


# A small single-subject collection, undated (placed by input order): the shape of the seeds,
# in fictional words. Every article shares the subject (Ostrany, Valdoria, Kerrish, the troops
# on the border); the stories are the embassy staff withdrawal (two articles), the training
# troops moved out (one) and the army engineers sent (a report and its rewrite).
def _undated(id: str, title: str, text: str) -> Article:
    return Article(id=id, title=title, text=text, raw_text=text, source=id)


SMALL = (
    _undated(
        "emb1",
        "Ostrany pulls non-essential staff from its embassy in Valdoria",
        "Ostrany is withdrawing non-essential staff and their families from its embassy in "
        "Corvane, the Valdorian capital, as Kerrish troops mass on the border.\n"
        "The Ostran foreign office said the embassy in Corvane would stay open with a reduced "
        'team of consular officers. "The safety of our diplomats comes first," foreign '
        "secretary Halvard Brem said.\n"
        "Kerrish has gathered about 40,000 soldiers near Valdoria, and Ostrany and its allies "
        "have warned Kerrish against an attack. Kerrish denies any plan to invade Valdoria.",
    ),
    _undated(
        "emb2",
        "Ostran diplomats' families leave Corvane",
        "Families of Ostran diplomats left Corvane on Sunday after the foreign office ordered "
        "non-essential embassy staff out of Valdoria.\n"
        '"The safety of our diplomats comes first," foreign secretary Halvard Brem said, adding '
        "that the embassy would keep a reduced team of consular officers in Corvane.\n"
        "Ostrany has condemned the build-up of Kerrish forces along the Valdorian border.",
    ),
    _undated(
        "trp1",
        "Ostrany moves its training troops out of Valdoria",
        "Ostrany's army has moved the soldiers of its training mission out of Valdoria to bases "
        "in neighbouring Lussia, the defence ministry said.\n"
        "Defence minister Ilse Varga said the instructors were relocated for their safety and "
        "that the training mission for Valdorian forces would continue from Lussia.\n"
        "Kerrish has gathered about 40,000 soldiers near Valdoria, and Ostrany has warned "
        "Kerrish against an attack on Valdoria.",
    ),
    _undated(
        "eng1",
        "Ostran army engineers sent to Valdoria to build bridges",
        "A unit of Ostran army engineers has been sent to Valdoria to help repair bridges on "
        "the river Semra, the Valdorian government said.\n"
        "The 60 engineers of the Third Pioneer Regiment will rebuild two bridges near Tavrin "
        "that floods destroyed last spring, Colonel Aino Rask told reporters in Tavrin.\n"
        "The mission comes as tension with Kerrish grows over its troops on the border of "
        "Valdoria.",
    ),
    _undated(
        "eng2",
        "Ostrany dispatches Pioneer Regiment engineers to rebuild Semra bridges",
        "Ostrany has dispatched 60 engineers of its Third Pioneer Regiment to Valdoria to "
        "rebuild two bridges over the Semra near Tavrin, Valdorian officials said.\n"
        "Colonel Aino Rask said in Tavrin that the bridges, destroyed by floods last spring, "
        "would reopen by autumn. The deployment comes amid tension with Kerrish over troops "
        "on the Valdorian border.",
    ),
)


def test_small_collection_rewrite_joins_and_other_story_stays_apart() -> None:
    result = cluster_stories(SMALL)
    by_id = {a.article_id: a for a in result.assignments}
    assert by_id["eng1"].new_story
    assert by_id["eng2"].story_id == by_id["eng1"].story_id
    assert by_id["emb2"].story_id == by_id["emb1"].story_id
    assert ("eng1", "eng2") in _groups_of(result.stories)


# The same collection set among real countries: their names are in BROAD_PLACES, so they are
# damped from the first article on and the troops article no longer joins the embassy story.
_REAL_PLACES = (
    ("Valdorian", "Ukrainian"),
    ("Valdoria", "Ukraine"),
    ("Kerrish troops", "Russian troops"),
    ("Kerrish forces", "Russian forces"),
    ("Kerrish", "Russia"),
    ("Ostrany's", "Canada's"),
    ("Ostrany", "Canada"),
    ("Ostran", "Canadian"),
    ("Lussia", "Poland"),
)


def _in_real_places(article: Article) -> Article:
    title, text = article.title, article.text
    for fictional, real in _REAL_PLACES:
        title, text = title.replace(fictional, real), text.replace(fictional, real)
    return replace(article, title=title, text=text, raw_text=text)


def test_country_names_are_damped_so_same_subject_stories_stay_apart() -> None:
    real = [_in_real_places(article) for article in SMALL]
    assert "Canada" in real[0].text and "Ostran" not in real[0].text + real[0].title
    wanted = [["emb1", "emb2"], ["eng1", "eng2"], ["trp1"]]
    result = cluster_stories(real)
    assert sorted(sorted(s.article_ids) for s in result.stories) == wanted
    undamped = cluster_stories(real, options=StoryOptions(place_weight=1.0))
    assert sorted(sorted(s.article_ids) for s in undamped.stories) != wanted


@pytest.mark.xfail(
    strict=True,
    reason="known limitation (issue 4): in a 3-document collection, subject names that are "
    "not country names (here fictional ones: Ostrany, Valdoria, Kerrish) cannot yet be told "
    "from story words, so the troops article joins the embassy story (0.445 against 0.26)",
)
def test_small_collection_keeps_same_subject_stories_apart() -> None:
    result = cluster_stories(SMALL)
    assert sorted(sorted(s.article_ids) for s in result.stories) == [
        ["emb1", "emb2"],
        ["eng1", "eng2"],
        ["trp1"],
    ]


def _seed_articles() -> list[Article]:
    articles = []
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        first, _, rest = raw.partition("\n")
        articles.append(
            Article(id=path.stem, title=first.strip(), text=normalize(rest), raw_text=raw)
        )
    return articles


@pytest.mark.shared
def test_seeds_make_three_stories() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is absent")
    articles = _seed_articles()
    result = cluster_stories(articles)
    stems = {a.id[:3]: a.id for a in articles}
    assert sorted(sorted(s.article_ids) for s in result.stories) == [
        [stems["000"], stems["001"]],
        [stems["002"]],
        [stems["003"], stems["004"]],
    ]
    assert all(a.note.startswith(UNDATED_NOTE) for a in result.assignments)


def test_clustering_metrics_exact() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from clustering_metrics import bcubed, pairwise, score

    gold = ["a", "a", "a", "b"]
    pred = [1, 1, 2, 2]
    assert bcubed(gold, pred) == pytest.approx((0.75, 2 / 3, 2 * 0.75 * (2 / 3) / (0.75 + 2 / 3)))
    assert pairwise(gold, pred) == pytest.approx((0.5, 1 / 3, 0.4))
    perfect = score(gold, ["x", "x", "x", "y"])
    assert (perfect.bcubed_f1, perfect.pair_f1, perfect.ari, perfect.ami) == (1.0, 1.0, 1.0, 1.0)
    assert (perfect.gold_clusters, perfect.pred_clusters) == (2, 2)


FERRY_WIRE = _article(
    "w1",
    "Ferry Saint Orla runs aground off Pellan Point",
    "The passenger ferry Saint Orla ran aground on a sandbank off Pellan Point on Friday "
    "evening with 312 people on board, the Corrin coastguard said.\n"
    '"All passengers are safe and will be taken ashore by lifeboat," the coastguard said.',
    "2031-06-06",
    "wire",
)
FERRY_LOCAL = _article(
    "l1",
    "Islanders open their homes to stranded travellers",
    "Families in the village of Dunmere took in dozens of travellers overnight after the "
    "Saint Orla grounding.\n"
    '"All passengers are safe and will be taken ashore by lifeboat," the coastguard said.\n'
    "The village hall served soup until two in the morning.",
    "2031-06-07",
    "island-news",
)


def test_reused_text_lowers_the_bar_for_joining_the_linked_story() -> None:
    # The local article scores about 0.32 on its words: set the bar above that.
    options = StoryOptions(threshold=0.4)
    apart = cluster_stories([FERRY_WIRE, FERRY_LOCAL], options=options)
    assert len(apart.stories) == 2
    links = {"w1": ("l1",), "l1": ("w1",)}
    joined = cluster_stories([FERRY_WIRE, FERRY_LOCAL], options=options, links=links)
    assert [s.article_ids for s in joined.stories] == [("w1", "l1")]
    (assignment,) = [a for a in joined.assignments if a.article_id == "l1"]
    assert assignment.note == "reuses text of w1, which lowers the join bar to 0.20"
    assert 0.4 * options.reuse_factor <= assignment.score < options.threshold_at(2)


_FIRE_TEXT = (
    "A fire destroyed the Larkmoor grain mill on Tuesday night, and 40 firefighters fought "
    "the blaze for six hours, the Larkmoor fire service said.\n"
    "No one was hurt. The mill's owner, Petra Vosk, said the building was insured."
)
FIRE = (
    _article("f1", "Fire destroys Larkmoor grain mill", _FIRE_TEXT, "2031-05-06", "first"),
    _article("f2", "Larkmoor mill fire: 40 firefighters fought blaze", _FIRE_TEXT, "2031-05-06"),
    _article(
        "f3",
        "Larkmoor grain mill blaze fought by 40 firefighters for six hours, fire service says",
        _FIRE_TEXT + "\nInvestigators will examine the Larkmoor mill on Thursday.",
        "2031-05-07",
        "third",
    ),
)


def test_a_story_is_labelled_by_its_founding_headline_and_keeps_it() -> None:
    result = cluster_stories(FIRE)
    (story,) = result.stories
    assert story.title == "Fire destroys Larkmoor grain mill"
    later = _article("f4", "Larkmoor firefighters", _FIRE_TEXT, "2031-05-08", "fourth")
    grown = cluster_stories([later], state=result.state)
    assert [(s.title, len(s.article_ids)) for s in grown.stories] == [
        ("Fire destroys Larkmoor grain mill", 4)
    ]


def test_an_over_long_founding_title_gives_way_to_a_member_headline() -> None:
    lead = _FIRE_TEXT.split("\n")[0]
    founder = replace(FIRE[0], title=lead)
    representative = replace(FIRE[1], title="Blaze at mill overnight")
    copy = replace(FIRE[1], id="c1", title="Larkmoor grain mill fire")
    members = [founder, representative, copy]
    # The copy's headline fits the story best, but a copy is not its own voice.
    assert cluster_stories(members).stories[0].title == "Larkmoor grain mill fire"
    groups = (DuplicateGroup(id="g", representative="f2", article_ids=("f2", "c1")),)
    assert cluster_stories(members, groups).stories[0].title == "Blaze at mill overnight"
    assert cluster_stories([founder]).stories[0].title == lead


def test_a_site_section_title_gives_way_to_a_member_headline() -> None:
    # Some sites title every page of a section alike: that names no event.
    founder = replace(FIRE[0], title="International News Article")
    member = replace(FIRE[1], title="Blaze at mill overnight")
    assert cluster_stories([founder, member]).stories[0].title == "Blaze at mill overnight"
    alone = cluster_stories([founder]).stories[0]
    assert alone.title == "International News Article"  # nothing better: kept, not invented


BUS_CRASH = _article(
    "bus",
    "Bus crash kills 12 near Harlow",
    "A coach left the motorway near Harlow on Tuesday and overturned, killing 12 passengers.\n"
    "Police said the driver had lost control on a wet bend.",
    "2031-03-04",
)
# Another event, in another script: nothing in common with the crash but the figure 12.
MINE_FLOOD_ZH = _article(
    "zh",
    "山西煤矿透水",
    "周二，山西一座煤矿发生透水事故，12名矿工被困井下。",
    "2031-03-04",
    language="zh",
)


def test_one_shared_figure_alone_does_not_join_another_language() -> None:
    result = cluster_stories([BUS_CRASH, MINE_FLOOD_ZH])
    assert [s.article_ids for s in result.stories] == [("bus",), ("zh",)]
    # Two shared figures and no words or names in common still make a match.
    second = replace(
        MINE_FLOOD_ZH, id="zh2", text="周二，哈洛附近一辆大巴翻车，12人死亡，45人受伤。"
    )
    crash = replace(BUS_CRASH, text=BUS_CRASH.text + "\nAnother 45 people were injured.")
    joined = cluster_stories([crash, second])
    assert [s.article_ids for s in joined.stories] == [("bus", "zh2")]


def test_two_chinese_reports_of_one_event_share_terms() -> None:
    first = _article(
        "zh-a",
        "青川化工厂发生爆炸",
        "周二上午，青川市一家化工厂发生爆炸，消防部门派出二十辆消防车灭火。",
        "2031-03-04",
        language="zh",
    )
    second = _article(
        "zh-b",
        "青川化工厂爆炸后居民撤离",
        "青川化工厂爆炸后，附近居民被紧急撤离，消防车仍在现场灭火。",
        "2031-03-04",
        language="zh",
    )
    result = cluster_stories([first, second])
    assert [s.article_ids for s in result.stories] == [("zh-a", "zh-b")]
    assert {"青川", "爆炸", "化工"} <= set(result.stories[0].keywords)
    other = replace(MINE_FLOOD_ZH, id="zh-c")
    assert len(cluster_stories([first, other]).stories) == 2


def _by_election(number: int, winner: str, seat: str, share: int, day: int) -> Article:
    text = (
        f"{winner} won the {seat} by-election with {share}% of the vote, official results "
        f"showed on Friday. The runner-up took {90 - share}% and turnout was {50 + number}%. "
        f"{winner} said the result showed voters wanted change. The seat fell vacant after "
        "the previous member resigned in January. The electoral commission said counting "
        "went smoothly."
    )
    return _article(
        f"e{number}", f"{winner} wins {seat} by-election", text, f"2031-04-{day}", "desk"
    )


def test_a_template_refilled_for_another_event_is_no_link_between_stories() -> None:
    reports = [
        _by_election(1, "Harriet Lowe", "North Fenwick", 40, 10),
        _by_election(2, "Tomas Reyes", "Easton Vale", 43, 11),
        _by_election(3, "Anya Petrova", "Marlowe Central", 46, 12),
    ]
    relations = find_relations(reports).relations
    assert {r.kind for r in relations} == {"shares-passages"}
    assert all(template_reuse(r.passages) for r in relations)
    assert reuse_links(relations) == {}
    result = cluster_stories(reports, links=reuse_links(relations))
    assert [s.article_ids for s in result.stories] == [("e1",), ("e2",), ("e3",)]


def test_updated_wire_text_with_new_figures_stays_a_link() -> None:
    # One event's wire paragraph, copied with the toll updated: the names agree.
    first = _article(
        "u1",
        "Flood hits Ardmere",
        "Floodwater swept through Ardmere on Sunday after the River Tolle burst its banks, "
        "killing 12 people and forcing 300 families from their homes, Governor Ilse Varga "
        "said. Rescue teams from Corbin and Ardmere searched the lower town by boat.",
        "2031-05-04",
        "wire",
    )
    update = _article(
        "u2",
        "Ardmere flood toll rises",
        "Floodwater swept through Ardmere on Sunday after the River Tolle burst its banks, "
        "killing 19 people and forcing 450 families from their homes, Governor Ilse Varga "
        "said. Rescue teams from Corbin and Ardmere searched the lower town by boat.",
        "2031-05-05",
        "daily",
    )
    relations = [r for r in find_relations([first, update]).relations if r.passages]
    assert relations
    assert not any(template_reuse(r.passages) for r in relations)
    assert reuse_links(relations) == {"u1": ("u2",), "u2": ("u1",)}
