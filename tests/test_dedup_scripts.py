"""Key terms of the duplicate finder in every script with case, and none in caseless ones.

A capitalised word (a name, a place) is a key term whatever its alphabet: a reordered
Russian repost of a short post shares few 5-word shingles and too few passage anchors with
its original, and only its names and figures make the two a candidate pair.
"""
# ruff: noqa: E501  (fixture prose: one sentence per line, as news text is)

from __future__ import annotations

from storyline.dedup import find_relations
from storyline.dedup.candidates import key_terms
from storyline.dedup.shingles import text_hashes
from storyline.model import Article


def article(article_id: str, text: str) -> Article:
    return Article(
        id=article_id,
        title="",
        text=text,
        raw_text=text,
        source="unknown",
        url="",
        published=None,
    )


def capitals(text: str) -> list[bool]:
    """The capitalised flag of each token of ``text``, as the byte tokeniser reads it."""
    _, offsets, capital = text_hashes([text], 1)
    assert int(offsets[-1]) == len(capital)
    return [bool(c) for c in capital]


def test_capitals_of_every_script_with_case() -> None:
    assert capitals("Павел Ремез сообщил в Дорвиске") == [True, True, False, False, True]
    assert capitals("Віталій Ґонта з Києва") == [True, True, False, True]
    assert capitals("Élysée à Łódź, Ñandú y Ørsted") == [True, False, True, True, False, True]
    assert capitals("Η Αθήνα και ο Δήμαρχος") == [True, True, False, False, True]
    # a capital after a lower-case letter of another script, and a digit
    assert capitals("ok Орёл 23:00 мост") == [False, True, True, True, False]


def test_caseless_scripts_have_no_capitals_but_their_digits() -> None:
    assert capitals("東京は晴れ 2026") == [False] * 5 + [True]
    assert capitals("قال الوزير في بيروت 12") == [False] * 4 + [True]
    assert capitals("שלום עולם") == [False, False]
    assert capitals("नई दिल्ली") == [False, False]


def test_shouting_is_read_alike_in_every_script() -> None:
    english = capitals("BRIDGE CLOSED AFTER FLOOD")
    assert english == [True] * 4
    assert capitals("МОСТ ЗАКРЫТ ПОСЛЕ ПАВОДКА") == english
    assert capitals("Ο ΔΡΟΜΟΣ ΚΛΕΙΣΤΟΣ ΣΗΜΕΡΑ") == english


def test_a_capital_that_lowers_to_more_bytes_keeps_the_other_capitals() -> None:
    # "İ" lowers to "i" and a combining dot: the text is no longer aligned byte for byte
    # with its lowered form, and used to lose every capital, "Ankara" included
    assert capitals("İzmir ve Ankara, Erdoğan dedi") == [True, False, True, True, False]
    # Kelvin "K" lowers to an ASCII "k": one byte for three
    assert capitals("at 300 \u212a in Oslo") == [False, True, True, False, True]


def test_names_in_cyrillic_are_key_terms() -> None:
    texts = ["Ирина Самохина из Велгорода", "ирина самохина из велгорода"]
    flat, offsets, capital = text_hashes(texts, 1)
    keys, owners = key_terms(flat, offsets, capital, 1)
    assert owners.tolist() == [0, 0, 0]
    assert set(keys.tolist()) == {int(h) >> 32 for h in flat[[4, 5, 7]].tolist()}


ORIGINAL = (
    "Администрация Велгорода закрыла мост Зарецкий на ремонт до 15 мая. "
    "Городские автобусы пойдут через Нижнюю набережную, сообщила пресс-секретарь мэрии Ирина Самохина. "
    "Движение грузовиков по объездной дороге ограничат на всё время работ."
)
# The statement's sentences reordered, one retold, a claim of the channel's own added: one
# run of 12 words is shared (one passage anchor, two needed), one figure (three key terms
# needed), so only the names (Велгорода, Зарецкий, Ирина, Самохина...) propose the pair.
SPIN = (
    "Пресс-секретарь мэрии Ирина Самохина сообщила, что городские автобусы пойдут через Нижнюю набережную. "
    "Администрация Велгорода закрыла мост Зарецкий на ремонт до 15 мая. "
    "По нашим данным, мост не откроют до осени."
)
OTHER = (
    "Футбольный клуб Северянка обыграл Речников со счётом 3:1 в субботу. "
    "Два гола забил нападающий Олег Трофимов, тренер команды назвал игру лучшей в сезоне."
)


def test_a_reordered_russian_repost_is_found() -> None:
    articles = [article("a", ORIGINAL), article("b", SPIN), article("c", OTHER)]
    found = {(r.a, r.b): r.kind for r in find_relations(articles).relations}
    assert found.get(("a", "b")) in {"rewrite", "near-duplicate", "excerpt"}
    assert not {pair for pair in found if "c" in pair}


def test_a_text_has_the_same_capitals_alone_and_in_any_batch() -> None:
    texts = [
        "Bridge closed in Lindenport",
        "Мост Зарецкий закрыт",
        "Élysée",
        "İzmir ve Ankara",
        " İẞK Ankara",  # "İ" one byte more, "ẞ" one fewer: not aligned, but alike
        "東京は晴れ",
    ]
    alone = [capitals(text) for text in texts]
    for batch in (texts, texts[::-1], [texts[0]] * 20 + [texts[4]], [texts[1]] * 20 + [texts[4]]):
        _, offsets, capital = text_hashes(batch, 1)
        for k, text in enumerate(batch):
            flags = [bool(c) for c in capital[offsets[k] : offsets[k + 1]]]
            assert flags == alone[texts.index(text)], text
