"""Stories across languages compare the concepts of their words (issue 4: "an article in
another language starts no story of its own just because of its language"). Invented posts."""

from __future__ import annotations

import pytest

from helpers_posts import post as _post
from helpers_posts import story_groups as _groups
from storyline.stories import cluster, cluster_stories
from storyline.stories.cluster import MIXED
from storyline.stories.concepts import concept_of, concept_vector, concepts_agree
from storyline.stories.scripts import probes


@pytest.mark.parametrize(
    ("words", "concept"),
    [
        (("explosion", "взрыв", "взрывы", "вибух", "вибухи", "explosion"), "^explosion"),
        (("drones", "беспилотники", "безпілотник", "дрони", "drohnenangriff", "dron"), "^drone"),
        (("killed", "погибших", "загинули", "getötet", "tués", "morts", "muertos"), "^killed"),
        (("injured", "раненых", "поранені", "verletzt", "blessés", "heridos"), "^injured"),
        (("flooding", "наводнение", "підтоплено", "hochwasser", "inondations"), "^flood"),
        (
            ("evacuated", "эвакуированы", "евакуйовано", "евакуюють", "evakuiert", "évacués"),
            "^evacuation",
        ),
        (("arrested", "задержали", "затримали", "festgenommen", "arrêté"), "^arrest"),
    ],
)
def test_one_concept_in_every_language(words: tuple[str, ...], concept: str) -> None:
    assert {concept_of(word) for word in words} == {concept}


def test_other_words_are_no_concept() -> None:
    assert [concept_of(w) for w in ("city", "город", "місто", "stadt", "ville", "diet")] == [""] * 6
    # Names and words that open like a stem: a name is a term too, and "задержка" is a delay.
    others = ("светлана", "світлана", "brandt", "хабаровск", "abril", "rivera", "задержка")
    assert [concept_of(word) for word in others] == [""] * len(others)


def test_concepts_agree_when_half_of_the_articles_are_the_storys() -> None:
    story = {"^drone": 1.0, "^fire": 0.5, "^killed": 0.5}
    assert concepts_agree({"^explosion": 0.5, "^drone": 0.5}, story)
    assert not concepts_agree({"^power-cut": 0.5, "^fire": 0.5, "^substation": 0.5}, story)
    assert not concepts_agree({}, story)
    assert concept_vector({"drones": 0.5, "drohnen": 0.25, "city": 0.5}) == {"^drone": 0.75}


EXPLOSION_EN = _post(
    "bang-en", "en", "2026-05-01T08:00:00+00:00", "Explosion in Dorvisk", "Explosion in Dorvisk"
)


def test_a_post_in_another_language_meets_its_event_by_town_and_concept() -> None:
    # Before: two stories (one name across scripts, "дорвиске/dorvisk", and two are needed).
    ru = _post("bang-ru", "ru", "2026-05-01T08:05:00+00:00", "Взрыв в Дорвиске")
    assert _groups(EXPLOSION_EN, ru) == [("bang-en", "bang-ru")]
    placed = {a.article_id: a for a in cluster_stories((EXPLOSION_EN, ru)).assignments}
    assert "^explosion" in placed["bang-ru"].shared_terms


def test_a_post_of_another_event_in_the_town_stays_apart() -> None:
    flood = _post("flood-ru", "ru", "2026-05-01T09:00:00+00:00", "Наводнение в Дорвиске")
    assert _groups(EXPLOSION_EN, flood) == [("bang-en",), ("flood-ru",)]


def test_the_same_event_in_another_town_stays_apart() -> None:
    other = _post("bang-de", "de", "2026-05-01T08:10:00+00:00", "Explosion in Marlow")
    assert _groups(EXPLOSION_EN, other) == [("bang-en",), ("bang-de",)]


def test_a_post_sharing_one_concept_of_several_stays_apart() -> None:
    # The town and "fire" in common; the power cut's other concepts are not the strike's.
    strike = _post(
        "strike",
        "en",
        "2026-05-12T02:10:00+00:00",
        "Drones attacked Velmora overnight. A fuel depot is on fire, two people were killed.",
    )
    power = _post(
        "power",
        "uk",
        "2026-05-12T07:30:00+00:00",
        "У Вельморі знеструмлення: без світла тисячі абонентів після пожежі на підстанції.",
    )
    assert _groups(strike, power) == [("strike",), ("power",)]


STRIKE_EN = _post(
    "v01",
    "en",
    "2026-05-12T02:10:00Z",
    "Drones attacked Velmora overnight. A fuel depot on the eastern outskirts is on fire, "
    "two people were killed and seven injured, the city military administration says.",
)
STRIKE_RU = _post(
    "v02",
    "ru",
    "2026-05-12T02:25:00Z",
    "Ночью Вельмору атаковали беспилотники. Горит нефтебаза на восточной окраине, двое "
    "погибших, семеро раненых.",
)
STRIKE_WIRE = _post(
    "v04",
    "en",
    "2026-05-12T06:30:00Z",
    "Two people were killed and seven injured when drones struck a fuel depot in Velmora "
    "overnight, local officials said on Tuesday. The attack began shortly after midnight, when "
    "air defence units reported a group of about a dozen drones approaching the city from the "
    "east. Most were shot down, but at least two hit the depot on the eastern outskirts, "
    "setting fire to several storage tanks. Firefighters worked through the night to stop the "
    "blaze from spreading to nearby warehouses and a rail siding. The two victims were "
    "night-shift workers at the depot, said Oleh Tkachuk, the mayor of Velmora. Residents of "
    "the nearest streets were told to keep their windows shut because of the thick smoke.",
    title="Two killed as drones hit fuel depot in Velmora",
)


def test_a_story_in_several_languages_is_compared_both_ways() -> None:
    # The Russian post joins the English one: the story is in two languages, and its centroid
    # half Russian words, which dilute the wire's English term cosine (0.25, under the
    # threshold, when read as a text in the story's language only).
    result = cluster_stories((STRIKE_EN, STRIKE_RU, STRIKE_WIRE))
    assert [tuple(s.article_ids) for s in result.stories] == [("v01", "v02", "v04")]
    state = cluster_stories((STRIKE_EN, STRIKE_RU)).state
    assert state.stories[0].language == MIXED


def test_an_english_stream_never_reads_the_concepts(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_: object) -> dict[str, float]:
        raise AssertionError("concepts read within one language")

    monkeypatch.setattr(cluster, "concept_vector", refuse)
    second = _post("b", "en", "2026-05-12T03:00:00Z", "Two killed in Velmora as drones hit depot.")
    assert _groups(STRIKE_EN, second, STRIKE_WIRE)


def test_a_cyrillic_name_probes_its_latin_spellings() -> None:
    forms = {form for form, _ in probes([("вельмору", 1.0)])}
    assert {"velmoru", "velmor", "velmora", "~velmor"} <= forms


def test_a_short_post_whose_concepts_are_none_of_the_storys_stays_apart() -> None:
    # Two names in common across languages (the governor and the town), but the post tells
    # of a flood and an evacuation and the story of a fuel depot: another event. Before: one
    # story (two shared names were enough).
    depot = _post(
        "depot",
        "en",
        "2026-05-01T08:00:00+00:00",
        "Queues formed at petrol stations in Dorvisk after the fuel depot was hit, "
        "governor Kovalenko said.",
    )
    flood = _post(
        "flood",
        "ru",
        "2026-05-01T10:00:00+00:00",
        "Наводнение в Дорвиске: по словам Коваленко, эвакуированы жители трёх улиц.",
    )
    assert _groups(depot, flood) == [("depot",), ("flood",)]
    same = _post(
        "same",
        "ru",
        "2026-05-01T10:00:00+00:00",
        "Губернатор Коваленко: очереди на заправках Дорвиска после удара по нефтебазе.",
    )
    assert _groups(depot, same) == [("depot", "same")]
