"""Cues that two sentences in different languages say the same thing, weaker than anchors.

The anchors of :mod:`storyline.crosslang` (figures of two digits or more, name keys) are what
a translation keeps for certain, but a short wire has few: "three workers were killed and
eleven taken to hospital", a quote, a line of background. Its translation keeps more than its
anchors, though: the small numbers in words ("three", "trois", "троє"), what happened ("fire",
"incendie", "пожежа": the news-event concepts of :mod:`storyline.concepts`), and the names,
spelled as each language spells them ("Melnyk", "Мельник"). These are the **cues** of a
sentence. Independent reports of one event share them too, so a cue is no evidence alone;
the translation finder reads them only where figures and names are too few, and asks of them
what it asks of anchors: that they fall in the same sentences, in order.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .concepts import concept_of

# Cardinal numbers from two to twelve, as each language writes them (Russian and Ukrainian
# with their case forms and collective numerals: "троє робітників", "двенадцати рабочих").
# "One" is left out: it is an article or a pronoun as often as a number.
_NUMBER_WORDS = {
    "en": "two three four five six seven eight nine ten eleven twelve",
    "fr": "deux trois quatre cinq six sept huit neuf dix onze douze",
    "de": "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf",
    "es": "dos tres cuatro cinco seis siete ocho nueve diez once doce",
    "it": "due tre quattro cinque sei sette otto nove dieci undici dodici",
    "pt": "dois|duas três quatro cinco seis sete oito nove dez onze doze",
    "ru": "два|две|двух|двум|двумя|двое|двоих три|трёх|трех|трём|трем|тремя|трое|троих "
    "четыре|четырёх|четырех|четверо пять|пяти|пятеро шесть|шести|шестеро семь|семи|семеро "
    "восемь|восьми|восьмеро девять|девяти десять|десяти|десятеро одиннадцать|одиннадцати "
    "двенадцать|двенадцати",
    "uk": "два|дві|двох|двом|двоє три|трьох|трьом|троє чотири|чотирьох|четверо "
    "п'ять|п'яти|п'ятеро шість|шести|шістьох|шестеро сім|семи|сімох|семеро "
    "вісім|восьми|вісьмох|восьмеро дев'ять|дев'яти|дев'ятеро десять|десяти|десятеро "
    "одинадцять|одинадцяти|одинадцятеро дванадцять|дванадцяти|дванадцятеро",
}
_NUMBERS = {
    language: {
        form: str(value)
        for value, forms in enumerate(words.split(), start=2)
        for form in forms.split("|")
    }
    for language, words in _NUMBER_WORDS.items()
}
# Ukrainian writes its apostrophe three ways ("п'ять", "п’ять", "пʼять").
_WORD = re.compile(r"[^\W\d_]+(?:['\u2019\u02bc][^\W\d_]+)?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u02bc": "'"})


@lru_cache(maxsize=1 << 16)
def word_cues(sentence: str, language: str) -> frozenset[str]:
    """The number words (as digits: "трьох" -> "3", in ``language`` only, since "once" and
    "sei" are numbers in one language and words in another) and concept keys ("^fire") of
    one sentence."""
    numbers = _NUMBERS.get(language, {})
    found: set[str] = set()
    for match in _WORD.finditer(sentence.lower()):
        word = match.group().translate(_APOSTROPHES)
        if cue := _cue(word, numbers):
            found.add(cue)
        elif "'" in word and (cue := _cue(word.partition("'")[2], numbers)):
            found.add(cue)  # an elided article: "l'incendie", "dell'ospedale"
    return frozenset(found)


def number_word(word: str, language: str) -> str:
    """The value, in digits, of a lower-cased number word of ``language`` ("трьох": "3"),
    or "" (for "one" too, and for any word of a language without a table)."""
    return _NUMBERS.get(language, {}).get(word.translate(_APOSTROPHES), "")


def _cue(word: str, numbers: dict[str, str]) -> str:
    return numbers.get(word) or concept_of(word)
