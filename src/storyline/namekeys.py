"""Keys of names across the Latin and Cyrillic scripts and the ways languages transliterate.

A name is written "Melnyk" in English, "Мельник" in Ukrainian and Russian, "Melnik" in German,
and Russian and Ukrainian inflect it ("Мельника", "Мельником"). :func:`spelling_key` folds
those spellings to one key; :func:`literal_key` keeps the sibilants as written;
:func:`place_keys` reads the region and adjective forms of a place name; :func:`english_stem`
spells a Cyrillic name as English most often does. Used by the stories stage to compare names
across languages (:mod:`storyline.stories.scripts`) and by the translation finder
(:mod:`storyline.crosslang`, whose anchors keep a shorter key).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LATIN = "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh shch _ y _ e yu ya"
# Ukrainian and Belarusian letters too: without them "Дорвіська" keyed "dorvs", not "dorvi"
# as "Dorvisk" and "Дорвиска" do, and "Ґданськ" lost its first letter.
_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў",
        [*_LATIN.split(), "i", "i", "e", "g", "u"],
        strict=True,
    )
)

# Letters that transliterations of one name disagree on ("Melnyk"/"Мельник" -> "melnik",
# "Khanna"/"Hanna", "Kowalenko"/"Kovalenko", "Alexei"/"Алексей"), and the case endings ending
# in a consonant that Russian and Ukrainian add to a name ("Дорвиском", "Бондарем"). German and
# French spell Cyrillic letters their own way: "tsch" and "tch" are "ч" ("Tkatschuk",
# "Tkatchouk", "Ткачук"), "sch" is "ш", "j" is "й" ("Natalija", "Наталія"), French "ou" is "у";
# a word-final "ou" is English "ow" ("Марлоу", "Marlow"). "ё" is written "yo" ("Pyotr",
# "Пётр") only after a consonant ("York" keeps its "y"). Ukrainian "г" is "h" where Russian
# has "g" ("Олег": "Oleh", "Oleg"; "Hrytsenko", "Гриценко"). German doubles a consonant to keep
# a vowel short ("Lyssenko", "Лысенко"): doubled letters are one. The commonest Ukrainian place
# suffix, "-івка", is "-овка" in Russian ("Горнівка", "Горновка") and "-івці" after "в" and "у"
# ("у Горнівці"): all three end the key in "ivk".
_SPELLINGS = (
    ("tsch", "ch"),
    ("sch", "sh"),
    ("tch", "ch"),
    ("kh", "h"),
    ("g", "h"),
    ("j", "y"),
    ("y", "i"),
    ("w", "v"),
    ("x", "ks"),
)
# German writes "з" as "s" and "ц" as "z" ("Salissja", "Oserne", "Donezk"), English "з" as "z"
# and "ц" as "ts" ("Zalissia", "Donetsk"); "ж" is English "zh", German "sch": the three
# sibilants are one letter in a key (after the spellings above), and no two names are told
# apart by them alone often enough to matter.
_SIBILANTS = (("ts", "s"), ("z", "s"))
_YO = re.compile(r"(?<=[bcdfhklmnprstvz])yo")
_FINAL_OU = re.compile(r"ou$")
# Consonant endings of Russian and Ukrainian cases: nouns ("Дорвиском"), adjectives ("в
# Озерному", "Озерного": "ого" is "oho" once "g" is "h").
_CASE_ENDINGS = ("ami", "akh", "ikh", "omu", "emu", "oho", "eho", "om", "em")
_MIN_STEM = 4
_DOUBLED = re.compile(r"([a-z])\1+")
_IVKA = re.compile(r"(?<=[a-z]{3})[io]v(?:k|ts)$")
# Ukrainian has "і" where Russian has "о" or "е" in a closed last syllable, and place names
# are where it shows: "Харків"/"Харьков", "Бродівськ"/"Бродовск", "Привільськ"/"Привольск",
# "Залісся"/"Залесье" ("-ье" is "-я" there). A key ending so is given the Ukrainian vowel
# (names ending in "-ов", "-овск", "-ольск", "-ес": "Petrov" and "Petriv" meet too, "Sokil"
# and "Sokol" do not).
_ALTERNATION = re.compile(r"(?<=[a-z]{2})[oe](?=(?:v|vsk|lsk|s)$)")
# Forms of a place name that name its region: Ukrainian and Russian "-щина" ("на
# Вельморщині": the land of Velmora; of Бродівськ, "Бродівщина"), Russian and Ukrainian
# adjectives in "-ськ-"/"-ск-" ("Вельморской области"), German adjectives in "-er" after the
# endings of Slavic place names ("Brodiwsker Gebiet", "Donezker", "Charkiwer").
_REGION = re.compile(r"(?<=[a-z]{3})shchin$")
_ADJECTIVE = re.compile(r"(?<=[a-z]{3})sk$")
_GERMAN_ADJECTIVE = re.compile(r"(?<=[a-z]{3}(?:sk|zk|iv|ov|ev))er$")
# A German genitive "-s" after a name's last vowel ("Velmoras Bürgermeister").
_GENITIVE = re.compile(r"(?<=[a-z]{3}[aeiou])s$")


@lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """A name's key across the Latin and Cyrillic scripts and the transliterations of
    English, German and French, stricter than :func:`name_key`: the whole word, folded and
    transliterated, the letters transliterations disagree on made one, then a case ending and
    the vowels it ends with dropped (down to 4 letters), then doubled letters made one:
    "Дорвиска", "Дорвиском" and "Dorvisk" give "dorvisk", "Лиссы" and "Lissa" "lis",
    "Коваленко" and "Kovalenko" "kovalenk", but "Kovalchuk" "kovalchuk". "" for a word of
    another script, or one of fewer than 3 letters."""
    return _sibilants(literal_key(word))


@lru_cache(maxsize=1 << 16)
def literal_key(word: str) -> str:
    """:func:`spelling_key` with its sibilants as written: most often how an English
    report spells the name ("Бродовску" -> "brodivsk", "Озерному" -> "ozern")."""
    key = respelled(_FINAL_OU.sub("ov", _YO.sub("e", _fold(word))).replace("ou", "u"))
    for ending in _CASE_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= _MIN_STEM:
            key = key[: -len(ending)]
            break
    while len(key) > _MIN_STEM and key[-1] in "aeiou":
        key = key[:-1]
    key = _ALTERNATION.sub("i", _DOUBLED.sub(r"\1", _IVKA.sub("ivk", key)))
    return key if len(key) >= 3 else ""


def respelled(folded: str) -> str:
    """A folded word with the letters transliterations disagree on made one ("melnyk" and
    "melnik" -> "melnik", "hrytsenko" and "gritsenko" -> "hritsenko")."""
    for spelled, common in _SPELLINGS:
        folded = folded.replace(spelled, common)
    return folded


def _sibilants(key: str) -> str:
    for spelled, common in _SIBILANTS:
        key = key.replace(spelled, common)
    return key


@lru_cache(maxsize=1 << 16)
def place_keys(word: str, literal: bool = False) -> tuple[str, ...]:
    """The keys of the place a region, adjective or genitive form names, besides its own
    :func:`spelling_key` (none for most words): "Вельморщині" "velmor" and "velmorsk",
    "Вельморской" "velmor", "Brodiwsker" "brodivsk", "Velmoras" "velmor"; as
    :func:`literal_key` spells them when ``literal``."""
    key = literal_key(word)
    found: tuple[str, ...] = ()
    if _REGION.search(key):
        stem = _REGION.sub("", key)
        found = (stem, stem + "sk")
    elif not word.isascii():
        found = (_ADJECTIVE.sub("", key),) if _ADJECTIVE.search(key) else ()
    elif _GERMAN_ADJECTIVE.search(key):
        found = (_GERMAN_ADJECTIVE.sub("", key),)
    elif _GENITIVE.search(key):
        found = (literal_key(word[:-1]),)
    return found if literal else tuple(_sibilants(stem) for stem in found if stem)


# How English spells the Cyrillic letters its own way where :data:`_CYRILLIC` does not:
# Ukrainian "и" is "y" and "г" is "h" ("Привільськ": "Pryvilsk"; "Горнівка": "Hornivka").
_ENGLISH = {**_CYRILLIC, "и": "y", "г": "h", "х": "kh", "й": "i"}


@lru_cache(maxsize=1 << 16)
def english_stem(word: str) -> str:
    """A Cyrillic name as English most often spells the Ukrainian name, its case ending's
    vowels dropped (down to 3 letters): "Привільську" -> "pryvilsk", "Мжу" -> "mzh"; "" for
    a word of another script."""
    plain = unicodedata.normalize("NFKD", word.lower())
    letters = "".join(_ENGLISH.get(c, c) for c in plain if not unicodedata.combining(c))
    stem = re.sub(r"[^a-z]", "", letters)
    while len(stem) > 3 and stem[-1] in "aeiouy":
        stem = stem[:-1]
    return stem if len(stem) >= 3 and stem != _fold(word) else ""


def english_places(word: str) -> tuple[str, ...]:
    """The English spellings of the place a Ukrainian region form names ("на Липівщині":
    "lypiv", "lypivsk"), as :func:`place_keys` finds it; () for any other word."""
    stem = english_stem(word)
    if not stem.endswith("shchyn") or len(stem) < 9:
        return ()
    return (stem[:-6], stem[:-6] + "sk")


def transliterated(word: str) -> str:
    """``word`` lower-cased in plain Latin letters: accents dropped, Cyrillic transliterated
    ("Коваленко" -> "kovalenko", "Estrélie" -> "estrelie")."""
    return _fold(word)


def _fold(word: str) -> str:
    plain = unicodedata.normalize("NFKD", word.lower().replace("ß", "ss"))
    letters = "".join(_CYRILLIC.get(c, c) for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z]", "", letters)
