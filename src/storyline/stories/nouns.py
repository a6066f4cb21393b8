"""German common nouns, which are capitalised, told from names.

A name is a word capitalised where it does not open a sentence (:mod:`.features`); in German
every noun is, so a German report of a drone strike had some forty "names" ("Nacht",
"Drohne", "Schule", "Angaben"), and its one real place name weighed little against a story
told in another language, whose names are compared by spelling (:mod:`.scripts`).

Two rules of German grammar tell most nouns, with no dictionary:

- a noun takes an article or another determiner ("die Drohne", "einer Schule", "zum
  Dienstag", "drei Wohnhäuser", "den betroffenen Familien": lower-case adjectives and adverbs
  may stand between), where a person or a town stands bare ("in Velmora", "Gouverneur Petro
  Lyssenko");
- a word formed with a noun suffix ("-ung", "-heit", "-keit", "-schaft", "-tion", "-tät",
  "-nis", "-erin") is a common noun.

A word is a noun when any of its occurrences is so marked. What gets through: nouns that
stand bare ("zu Bruch", "nach Reparaturen"), and names that take an article (rivers, some
countries: "die Lozna", "der Ukraine"). Words of capitals only ("EU", "DSNS") stay names.
"""

from __future__ import annotations

import re

# Articles, determiners, numerals and the prepositions fused with an article.
_WORDS = """der die das den dem des ein eine einer einem einen eines kein keine keiner keinem
    keinen keines dieser diese dieses diesem diesen jener jene jenes jenem jenen jeder jede
    jedes jedem jeden alle allen aller beide beiden einige einigen mehrere mehreren viele
    vielen wenige wenigen manche manchen welche welcher welchen sein seine seiner seinem
    seinen seines ihr ihre ihrer ihrem ihren ihres unser unsere unserer unserem unseren
    derselbe dieselbe dasselbe derselben demselben desselben zum zur im am beim vom ins ans
    aufs zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig
    fünfzig hundert tausend"""
_DETERMINERS = frozenset(_WORDS.split())
_SUFFIXES = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion", "tionen",
    "tät", "täten", "nis", "nisse", "erin", "erinnen",
)  # fmt: skip
# A word, or a mark that ends a noun phrase (a clause or a sentence).
_TOKEN = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*|\d+|[.,;:!?()\"«»„“”–—]")
_LOOK_BACK = 4  # lower-case words between a determiner and its noun ("der rund vierzig ...")


def german_nouns(text: str) -> frozenset[str]:
    """The capitalised words of a German ``text`` that are common nouns, lower-cased."""
    tokens = _TOKEN.findall(text)
    found: set[str] = set()
    for at, token in enumerate(tokens):
        if not token[0].isupper() or token.isupper():
            continue
        lowered = token.lower()
        if lowered in found:
            continue
        if lowered.endswith(_SUFFIXES) or _determined(tokens, at):
            found.add(lowered)
    return frozenset(found)


def _determined(tokens: list[str], at: int) -> bool:
    """Whether a determiner opens the noun phrase that ends at ``tokens[at]``: the words
    before it, back to a mark or another capitalised word (which is not a sentence's first)."""
    for back in range(at - 1, max(-1, at - 1 - _LOOK_BACK), -1):
        word = tokens[back]
        lowered = word.lower()
        if lowered in _DETERMINERS or word.isdigit():
            return True
        if not word[0].isalnum():
            return False
        if word[0].isupper() and not _opens_sentence(tokens, back):
            return False
    return False


def _opens_sentence(tokens: list[str], at: int) -> bool:
    return at == 0 or tokens[at - 1] in ".!?:"
