"""One event in several languages, round 2 (session 19): German nouns, spellings of one name
within a script, region and adjective forms, names that open a sentence, and posts of
another event that share a story's town. Invented posts and towns."""

from __future__ import annotations

import pytest

from helpers_posts import post, story_groups
from storyline.model import Article
from storyline.namekeys import english_stem, place_keys, spelling_key
from storyline.stories.concepts import concept_of, concepts_agree, other_kind
from storyline.stories.features import STOP_WORDS, extract
from storyline.stories.nouns import german_nouns
from storyline.stories.scripts import probes


def _post(id: str, language: str, published: str, text: str, title: str = "") -> Article:
    return post(id, language, published, text, title, source=f"channel-{language}-{id}")


def _groups(*articles: Article) -> list[tuple[str, ...]]:
    return sorted(story_groups(*articles))


GERMAN = (
    "In der Kleinstadt Ternivka ist in der Nacht zum Freitag eine Drohne neben einem "
    "Krankenhaus eingeschlagen. Zwei Menschen wurden verletzt, teilte die Stadtverwaltung mit. "
    "Die Explosion beschädigte das Dach der Klinik sowie vier Wohnhäuser in der Nachbarschaft. "
    "Nach Angaben der Behörden war die Drohne Teil einer Angriffswelle auf die Region. "
    "Bürgermeister Bohdan Sytsch sagte, die Gemeinde werde den betroffenen Familien helfen."
)


def test_german_nouns_are_told_from_names() -> None:
    nouns = german_nouns(GERMAN)
    assert {"kleinstadt", "nacht", "drohne", "krankenhaus", "explosion", "klinik"} <= nouns
    assert {"stadtverwaltung", "nachbarschaft", "familien", "wohnhäuser"} <= nouns
    assert not {"ternivka", "bohdan", "sytsch"} & nouns


def test_a_german_articles_names_are_its_names() -> None:
    article = _post("de", "de", "2026-08-07T08:00:00Z", GERMAN)
    names = set(extract(article, 2, 2).entities)
    assert {"ternivka", "bohdan", "sytsch"} <= names
    assert not {"nacht", "drohne", "krankenhaus", "klinik"} & names
    # The same text tagged English keeps every capitalised word (nouns are names there).
    english = _post("en", "en", "2026-08-07T08:00:00Z", GERMAN)
    assert {"drohne", "krankenhaus"} <= set(extract(english, 2, 2).entities)


def test_a_german_article_without_its_nouns_still_joins_the_story_of_its_event() -> None:
    # Its names are now "Ternivka", "Bohdan", "Sytsch": the town is still enough with the
    # concepts that agree.
    uk = _post(
        "uk",
        "uk",
        "2026-08-07T02:00:00Z",
        "Удар дрона по Тернівці: пошкоджено лікарню, двоє людей поранені.",
    )
    de = _post("de", "de", "2026-08-07T08:00:00Z", GERMAN)
    assert _groups(uk, de) == [("uk", "de")]


@pytest.mark.parametrize(
    ("spellings", "key"),
    [
        (("Бродівськ", "Бродовск", "Бродовской", "Brodivsk", "Brodiwsk"), "brodivsk"),
        (("Привільськ", "Привольск", "Привільську", "Pryvilsk", "Prywilsk"), "privilsk"),
        (("Харків", "Харьков", "Kharkiv"), "harkiv"),
        (("Залісся", "Залесье", "Zalissia", "Salissja"), "salis"),
        (("Ozerne", "Oserne", "Озерне", "Озёрное", "Озерному", "Озерного"), "osern"),
        (("Donezk", "Donetsk", "Донецк"), "donesk"),
        (("Zhytomyr", "Житомир", "Schytomyr"), "shitomir"),
    ],
)
def test_one_place_spelled_several_ways_has_one_key(spellings: tuple[str, ...], key: str) -> None:
    assert {spelling_key(word) for word in spellings} == {key}


def test_regions_and_adjectives_name_their_place() -> None:
    assert spelling_key("Бродівськ") in place_keys("Бродівщині")
    assert spelling_key("Velmora") in place_keys("Вельморщині")
    assert spelling_key("Velmora") in place_keys("Вельморской")
    assert spelling_key("Brodivsk") in place_keys("Brodiwsker")
    assert spelling_key("Donetsk") in place_keys("Donezker")
    assert spelling_key("Velmora") in place_keys("Velmoras")
    assert place_keys("Velmora") == place_keys("Kovalenko") == ()
    assert "velmor" not in place_keys("Вельмора")  # a name, not a region: its own key only


def test_a_cyrillic_name_probes_its_english_spelling() -> None:
    assert english_stem("Привільську") == "pryvilsk"
    assert "pryvilsk" in {form for form, _ in probes([("привільську", 1.0)])}
    # A region asks for its town: "на Бродівщині" finds the story of "Brodivsk".
    assert "brodivsk" in {form for form, _ in probes([("бродівщині", 1.0)])}


def test_the_region_of_a_town_meets_the_towns_alert() -> None:
    # Before: two stories ("Липівщині" keyed "lipivshchin", "Lypivsk" "lipivsk").
    en = _post(
        "en", "en", "2026-08-09T21:00:00Z", "Air-raid alert in the Lypivsk region. Take shelter."
    )
    uk = _post("uk", "uk", "2026-08-09T21:01:00Z", "Повітряна тривога на Липівщині! Усі в укриття.")
    assert _groups(en, uk) == [("en", "uk")]


def test_a_name_that_opens_the_post_is_a_name_across_languages() -> None:
    # "Ternivka" opens its sentence: no name by its capital. Before: a story of its own.
    uk = _post(
        "uk",
        "uk",
        "2026-08-07T02:00:00Z",
        "Удар дрона по Тернівці: пошкоджено лікарню, двоє людей поранені.",
    )
    en = _post(
        "en",
        "en",
        "2026-08-07T03:00:00Z",
        "Ternivka was hit overnight too: a drone struck next to the hospital, injuring two.",
    )
    assert _groups(uk, en) == [("uk", "en")]


def test_russian_and_ukrainian_function_words_are_no_terms() -> None:
    assert {"на", "по", "від", "що", "после"} <= STOP_WORDS
    article = _post("ru", "ru", "2026-08-07T02:00:00Z", "На рынке в Липовске пожар.")
    assert "на" not in extract(article, 2, 2).terms


def test_a_post_that_shares_a_town_and_a_function_word_is_another_story() -> None:
    # Before: one story ("в Липовске" and "на" were the two keys a short post must share).
    bridge = _post(
        "bridge",
        "ru",
        "2026-08-08T11:00:00Z",
        "Мост через реку в Липовске закрыт на ремонт, запустят паром.",
    )
    fire = _post(
        "fire",
        "ru",
        "2026-08-08T15:00:00Z",
        "В Липовске горит склад на окраине, работают пожарные.",
    )
    assert _groups(bridge, fire) == [("bridge",), ("fire",)]


def test_english_fire_words_name_the_fire_concept() -> None:
    words = ("ablaze", "firefighters", "wildfire", "arson", "burned", "blaze")
    assert {concept_of(word) for word in words} == {"^fire"}
    assert concept_of("firefight") == ""  # a gun battle
    assert concept_of("fire") == "^fire" and "fire" in STOP_WORDS  # never a term


def test_concepts_agree_only_on_a_fair_share_of_the_storys() -> None:
    strike = {"^drone": 1.0, "^grain": 1.0, "^fire": 1.0, "^injured": 1.0, "^attack": 1.0}
    assert not concepts_agree({"^fire": 1.0}, strike)  # a fifth of the story
    assert concepts_agree({"^fire": 1.0, "^drone": 1.0}, strike)
    assert concepts_agree({"^alert": 1.0}, {"^alert": 2.0, "^shelter": 1.0})


def test_what_works_again_after_an_attack_is_another_kind() -> None:
    strike = {"^drone": 1.0, "^grain": 1.0, "^fire": 1.0}
    assert other_kind({"^resumed": 1.0, "^grain": 1.0}, strike)
    assert not other_kind({"^resumed": 1.0, "^drone": 1.0}, strike)
    quake = {"^injured": 1.0}  # a disaster's story holds what reopens after it
    assert not other_kind({"^resumed": 1.0}, quake)


STRIKE = _post(
    "strike",
    "en",
    "2026-08-10T02:00:00Z",
    "Drones hit the grain terminal of Ternivka river port overnight, starting a fire; "
    "three dock workers were injured.",
)


def test_a_port_working_again_is_another_story_than_the_strike() -> None:
    # Before: one story (the town by key, and "grain", half of the post's concepts).
    resumed = _post(
        "resumed",
        "uk",
        "2026-08-11T10:00:00Z",
        "Порт Тернівки після ремонту відновив відвантаження зерна на баржі.",
    )
    assert _groups(STRIKE, resumed) == [("resumed",), ("strike",)]


def test_a_post_on_the_port_after_the_strike_still_joins_it() -> None:
    toll = _post(
        "toll",
        "uk",
        "2026-08-10T09:00:00Z",
        "Удар дронів по порту Тернівки: поранені троє портовиків, горів зерновий термінал.",
    )
    assert _groups(STRIKE, toll) == [("strike", "toll")]
