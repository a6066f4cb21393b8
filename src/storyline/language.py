"""Language identification with py3langid's bundled model: offline and deterministic."""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol

from .text import has_cjk

MIN_LETTERS = 10
MIN_CONFIDENCE = 0.3
_MAX_CHARS = 1_000  # the opening decides: cost grows with length, accuracy barely does
_LETTER = re.compile(r"[^\W\d_]")


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


def detect_language(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language, or "" when too short or too uncertain.

    Text with fewer than 10 letters (5 CJK characters) is too short to tell. Only two-letter
    codes are candidates, so the answer is always ISO 639-1 or "".
    """
    sample = text[:_MAX_CHARS]
    needed = MIN_LETTERS // 2 if has_cjk(sample) else MIN_LETTERS
    if len(_LETTER.findall(sample[:200])) < needed and len(_LETTER.findall(sample)) < needed:
        return ""
    code, confidence = _classify(sample)
    if confidence < MIN_CONFIDENCE or len(code) != 2:
        return ""
    return code


# A given language is checked against the text only when its own commonest words are rare
# in the opening (a model pass on every article would cost about a millisecond each). The
# words are each language's own: "de", "a", "en", "die", "in" are shared, so left out.
_MARKERS = {
    "en": "the and of to is was were that with for by said his her its it from have has had"
    " been are this which who will would not but they their there",
    "fr": "le les des et est une du qui dans pour pas sur au aux avec ont été cette il elle",
    "de": "der das und ist nicht mit von den dem zu ein eine sich auf für wird wurde sind hat",
    "es": "el los las del por con una para es se su al fue como pero más sus han ha ser",
    "pt": "o os do da dos das não com uma para é se ao pela pelo foi como mas seu sua ser",
    "it": "il lo gli della per con non una sono che di del alla nel è ha anche stato come",
    "nl": "het een van niet met zijn voor op dat werd wordt ook naar bij heeft deze",
    "ru": "и в не на что с по как из за от это его для был была были так уже",
    "uk": "і в не на що з по як із за від це його для був була були також вже",
}
_MARKER_SETS = {code: frozenset(words.split()) for code, words in _MARKERS.items()}
_FEW_MARKERS = 0.06  # commonest words run at 25-45% of news text in these languages
_CHECKED_CHARS = 500  # about 80 words
# Fewer words (a headline, "The strike is over.") are too few to doubt a tag. Down to 8,
# a short French or German report given "en" is caught: _reads_as keeps English lists of
# names and headlines (no English function words either) from being overruled.
_MIN_CHECKED_WORDS = 8
# The text must show the other language's own grammar too, not only its names: an English
# menu of French dishes or a German quote opening an English report has one or two of
# French's or German's commonest words; a sentence of either has several.
_MIN_OTHER_MARKERS = 3
# How sure the model must be before the text overrules the language given with it.
OVERRULE_CONFIDENCE = 0.95
_WORD = re.compile(r"[^\W\d_]+")


def checked_language(given: str, text: str) -> tuple[str, str]:
    """(language, note) for an article given ``given`` (any tag, or "") with ``text``.

    No usable tag: the detected language, no note. A tag: kept, unless the text's words make
    it doubtful (see ``_MARKERS``), the model is at least ``OVERRULE_CONFIDENCE`` sure of
    another language and the text uses that language's own commonest words (``_reads_as``);
    then the detected one, with a note that says so. A CSV whose
    every row says "en" holds French rows too: English date rules would misread them.
    """
    code = language_code(given)
    if not code:
        return detect_language(text), ""
    if not _doubtful(code, text[:_CHECKED_CHARS]):
        return code, ""
    detected, confidence = _classify(text[:_MAX_CHARS])
    if detected == code or len(detected) != 2 or confidence < OVERRULE_CONFIDENCE:
        return code, ""
    if not _reads_as(detected, text[:_CHECKED_CHARS]):
        return code, ""
    return detected, f"language given as {given.strip()!r}, but the text reads as {detected!r}"


def _doubtful(code: str, sample: str) -> bool:
    """Whether ``sample`` gives reason to doubt the language ``code`` given with it: CJK text
    given as another language, or too few of the language's commonest words (only for the
    languages of ``_MARKERS``; any other tag is trusted)."""
    if has_cjk(sample):
        return code not in ("zh", "ja", "ko")
    markers = _MARKER_SETS.get(code)
    words = _WORD.findall(sample.lower())
    if markers is None or len(words) < _MIN_CHECKED_WORDS:
        return False
    return sum(w in markers for w in words) / len(words) < _FEW_MARKERS


def _reads_as(code: str, sample: str) -> bool:
    """Whether ``sample`` holds at least ``_MIN_OTHER_MARKERS`` different words of those
    commonest in the language ``code``, written in lower case as they are when they do their
    work in a sentence ("Le Pen", "Des Moines" and "Van Gogh" are names); True for a language
    without such a list."""
    markers = _MARKER_SETS.get(code)
    if markers is None:
        return True
    return len(markers.intersection(_WORD.findall(sample))) >= _MIN_OTHER_MARKERS


def _classify(sample: str) -> tuple[str, float]:
    code, confidence = _identifier().classify(sample)
    return str(code), float(confidence)


def language_code(value: str) -> str:
    """A given language tag ("EN", "en-US", "pt_BR") as its ISO 639-1 code, else ""."""
    tag = value.strip().replace("_", "-").split("-")[0].lower()
    return tag if len(tag) == 2 and tag.isascii() and tag.isalpha() else ""


@cache
def _identifier() -> _Identifier:
    """Load the model once (about a second); it is never mutated after loading."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages([code for code in identifier.nb_classes if len(code) == 2])
    return identifier  # type: ignore[no-any-return]
