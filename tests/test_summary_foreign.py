"""A figure given otherwise in another language is a version of it ("sources differ"): in a
translation's aligned sentences, or in a sentence that counts the same thing (texts written
for these tests)."""

from __future__ import annotations

from helpers_languages import article, summary
from storyline.dedup import find_relations
from storyline.model import Claim
from storyline.summary.foreign import numbers
from test_crosslang_short import A_EN, A_FR, C_EN, C_UK

BUS_EN = "\n".join(
    (
        "Two passengers were killed when a bus overturned near Dubrava on Sunday, police said.",
        "The bus was carrying 31 people from Kravets to the coast.",
        "The driver told investigators that the brakes had failed on a steep bend.",
    )
)
# Not a translation: its own sentences, one of them a toll of its own.
BUS_RU = "\n".join(
    (
        "Под Дубравой в воскресенье перевернулся рейсовый автобус.",
        "По словам очевидцев, погибли не менее пяти пассажиров, а не два.",
        "Перевозчик отказался от комментариев.",
    )
)
BUS_RU_SAME = BUS_RU.replace("не менее пяти пассажиров, а не два", "два пассажира")
# A toll of its own in a sentence that names the place.
BUS_UK = "Під Дубравою перекинувся автобус: у Дубраві загинули п'ятеро пасажирів."
# Another happening in the same place, the same day: a drone strike's dead.
STRIKE_UK = "Дрони атакували Дубраву, у Дубраві загинули п'ятеро людей."


def _versions(claims: tuple[Claim, ...], start: str) -> list[tuple[str, tuple[str, ...]]]:
    (claim,) = [c for c in claims if c.text.startswith(start)]
    return [(v.text, v.article_ids) for v in claim.variants]


def test_a_toll_given_otherwise_in_another_language_is_a_version() -> None:
    claims = summary(article("bus-en", BUS_EN, "en", 8), article("bus-ru", BUS_RU, "ru", 12))
    assert _versions(claims, "Two passengers were killed") == [
        ("Two passengers", ("bus-en",)),
        ("не менее пяти пассажиров", ("bus-ru",)),
    ]


def test_a_toll_in_a_sentence_that_names_the_place_is_a_version() -> None:
    claims = summary(article("bus-en", BUS_EN, "en", 8), article("bus-uk", BUS_UK, "uk", 12))
    assert _versions(claims, "Two passengers were killed") == [
        ("Two passengers", ("bus-en",)),
        ("п'ятеро пасажирів", ("bus-uk",)),
    ]


def test_the_toll_of_another_happening_is_no_dispute() -> None:
    claims = summary(article("bus-en", BUS_EN, "en", 8), article("strike-uk", STRIKE_UK, "uk", 12))
    assert all(not claim.variants for claim in claims)


def test_the_same_toll_in_another_language_is_no_dispute() -> None:
    claims = summary(article("bus-en", BUS_EN, "en", 8), article("bus-ru", BUS_RU_SAME, "ru", 12))
    assert all(not claim.variants for claim in claims)


def test_a_figure_a_translation_changed_is_a_version() -> None:
    english = A_EN.replace("the ship lost power", "two engines failed")
    french = A_FR.replace("le navire avait perdu sa propulsion", "trois moteurs étaient tombés")
    en, fr = article("a-en", english, "en", 8), article("a-fr", french, "fr", 12)
    assert [r.kind for r in find_relations([en, fr]).relations] == ["translation"]
    assert _versions(summary(en, fr), "Captain Ilse Varkonen") == [
        ("two engines", ("a-en",)),
        ("trois moteurs", ("a-fr",)),
    ]


def test_a_faithful_translation_shows_no_dispute() -> None:
    for claims in (
        summary(article("c-uk", C_UK, "uk", 8), article("c-en", C_EN, "en", 12)),
        summary(article("a-en", A_EN, "en", 8), article("a-fr", A_FR, "fr", 12)),
    ):
        assert claims and all(not claim.variants for claim in claims)


def test_numbers_read_words_hedges_and_negations() -> None:
    found = numbers("погибли не менее двенадцати рабочих, а не трое", "ru")
    assert [(n.value, n.phrase, n.counts, n.denied) for n in found] == [
        (12.0, "не менее двенадцати рабочих", "^killed", False),
        (3.0, "не трое", "", True),
    ]
    assert numbers("Задержанным 19 и 23 года.", "ru") == ()  # ages
    assert [n.counts for n in numbers("Unter den Verletzten sind zwei Kinder.", "de")] == [""]
    assert [n.value for n in numbers("1,6 milliard d'euros", "fr")] == [1.6e9]
    assert [n.value for n in numbers("1.600 millones de euros", "es")] == [1.6e9]
    (toll, injured) = numbers("Three were killed and 11 injured.", "en")
    assert (toll.value, toll.counts, injured.value, injured.counts) == (
        3.0,
        "^killed",
        11.0,
        "^injured",
    )
    assert [n.value for n in numbers("About 4,000 residents, 1 200 tonnes, 4,75 %", "fr")] == [
        4000.0,
        1200.0,
        4.75,
    ]


# A regional site's report, a channel's shorter post of its third sentence, and a content
# farm's translation that turned 46 thousand into 64 thousand.
PLANT_UK = "\n".join(
    (
        "У ніч на понеділок дрони атакували Лісопільську ТЕС у Приозерній області.",
        "Загинули четверо працівників станції, ще 11 людей поранені, повідомила Оксана Дребот.",
        "За її словами, противник запустив 23 безпілотники, 17 з них збили.",
        "Без електропостачання залишилися 46 тисяч абонентів у Лісополі та трьох громадах.",
        "Директор станції Петро Ковалик сказав, що Східенерго почне ремонт за тиждень.",
    )
)
PLANT_EN = "\n".join(
    (
        "In the night to Monday, drones attacked the Lisopil power plant in the Pryozerna region.",
        "Four workers of the station died, another 11 people are injured, reported Oksana Drebot.",
        "According to her words, the enemy launched 23 drones, 17 of them were shot down.",
        "Without electricity remained 64 thousand subscribers in Lisopil and three communities.",
        "The director of the station Petro Kovalyk said Skhidenergo will begin repairs in a week.",
    )
)
PLANT_POST = (
    "Без світла 46 тисяч абонентів у Лісополі. Ремонт Лісопільської ТЕС почнеться за тиждень."
)


def test_a_translation_that_changed_a_figure_of_a_shorter_claim_is_not_cited_for_it() -> None:
    """The claim gives one number, the translated sentence two ("three communities"): the
    translation's "64 thousand" was paired with nothing, and it was cited for "46 тисяч"."""
    uk, en = article("a-uk", PLANT_UK, "uk", 5), article("b-en", PLANT_EN, "en", 9)
    post = article("c-post", PLANT_POST, "uk", 6)
    assert [(r.a, r.b, r.kind) for r in find_relations([uk, en]).relations] == [
        ("a-uk", "b-en", "translation")
    ]
    claims = summary(uk, en, post)
    (claim,) = [c for c in claims if "46 тисяч" in c.text]
    assert "b-en" not in claim.support
    assert [(v.text, v.article_ids) for v in claim.variants] == [
        ("46 тисяч", tuple(sorted(claim.support))),
        ("64 thousand", ("b-en",)),
    ]


def test_thousands_in_russian_and_ukrainian_words_are_thousands() -> None:
    assert [n.value for n in numbers("остались 46 тысяч абонентов", "ru")] == [46000.0]
    assert [n.value for n in numbers("залишилися 46 тисяч абонентів", "uk")] == [46000.0]
