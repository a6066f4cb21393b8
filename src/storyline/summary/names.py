"""Name disagreement: the same statement told with a different person, place or organisation.

A name is a run of capitalised words that are neither stop words nor calendar words ("Anita
Park", "Port Authority", "Tavrin"). Two sentences of different articles give the same
name-statement when they are close as a whole (content-word cosine of at least ``CLOSE``)
and the name sits between the same ``CONTEXT`` words on each side, after folding case,
diacritics and possessives, so that only the name slot differs: "police chief John Doe said
on" against "police chief Jon Doe said on".

False alarms cost more than misses, so two names in one slot disagree only when neither
merely gives more of the other ("Park" in "Anita Park", "J. Doe" in "John Doe", titles
ignored), and they are spelled alike (similar letters, see ``ALIKE``): two unrelated names
in one frame ("Clinton said the talks..." / "Yeltsin said the talks...") are more often
two true facts than one disputed one. A run that opens a sentence or a quotation, where
every word is capitalised, must agree on its first word, so "Rebels said" against
"Soldiers said" is no name dispute.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..model import Variant
from ..text import has_cjk, words
from .sentences import STOP_WORDS, Sentence, cosine

CONTEXT = 2  # words that must agree on each side of the name slot
CLOSE = 0.6  # content-word cosine of the two sentences as a whole
MIN_SHARED = 2  # content stems the two sentences must share beyond that
ALIKE = 0.6  # letter similarity (difflib ratio) of two names in dispute
MAX_NAME = 6  # longer capitalised runs are headlines or lists, not one name
MAX_CAPITALISED = 0.5  # a sentence with more capitalised words is a headline: no names
_START, _END = "<s>", "</s>"
_OPENERS = frozenset("\"`'([")  # right before a word, these open a quotation or aside
_CALENDAR = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun""".split()  # noqa: SIM905
)
# Titles, ranks and honorifics: part of a printed name, never what two sources dispute.
_TITLES = frozenset(
    """mr mrs ms miss dr prof professor sir dame lord lady madam gen general col colonel maj
    major capt captain lt lieutenant sgt sergeant adm admiral cmdr commander gov governor sen
    senator rep representative pres president vice prime minister secretary chancellor premier
    king queen prince princess emperor sheikh pope rev reverend father bishop archbishop
    cardinal judge justice mayor chief chairman chairwoman director ambassador deputy acting
    former interim jr sr spokesman spokeswoman envoy foreign defence defense interior sheriff
    undersheriff inspector detective det superintendent constable officer""".split()  # noqa: SIM905
)

_AMERICAN = (
    (re.compile(r"our"), "or"),  # Labour, Technicolour
    (re.compile(r"isor"), "iser"),  # Advisors / Advisers
    (re.compile(r"(?<=[^aeiou])re$"), "er"),  # Centre
    (re.compile(r"ence$"), "ense"),  # Defence
)
_PLACE_ENDINGS = frozenset(["", "a", "e", "o", "y", "ey", "ia", "ain", "and"])
# Not "er": "Park" / "Parker" are two people more often than "London" / "Londoner" one place.
_DEMONYM_ENDINGS = frozenset(["n", "an", "ian", "ean", "ese", "ish", "i", "ic", "ern", "ite"])


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a sentence: as printed, folded, where it is, and how it is capitalised."""

    text: str
    folded: str
    start: int
    end: int
    name: bool  # may be part of a name: capitalised, not a stop, calendar or number word
    opener: bool  # opens the sentence or a quotation, where any word is capitalised


@dataclass(frozen=True, slots=True)
class Name:
    """A name slot of a sentence: the name as printed, its comparison key and its context."""

    phrase: str
    key: tuple[str, ...]  # folded words of the name, spelling-normalised, titles left out
    first: str  # folded first word, which an opening run must share
    opener: bool
    left: tuple[str, ...]
    right: tuple[str, ...]


def fold_word(token: str) -> str:
    """Lower case without diacritics, possessive or dots: "Rosé's" -> "rose", "U.S" -> "us"."""
    if token.isascii():  # nothing to decompose: the common case, and a hot path
        plain = token.lower()
    else:
        decomposed = unicodedata.normalize("NFKD", token.lower())
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if plain.endswith("'s"):
        plain = plain[:-2]
    elif len(token) > 2 and token[-1] == "s" and token[:-1].isupper():
        plain = plain[:-1]  # an acronym's plural: "KOs" -> "ko"
    return plain.strip("'").replace(".", "")


def spelling(word: str) -> str:
    """A folded word less the letters spellings disagree on: doubled letters are single, the
    "h" of "kh", "gh", "dh" and "th" goes, and British spellings become American, so
    "Kazakhstan" / "Kazakstan", "Gaddafi" / "Gadafi", "Technicolour" / "Technicolor" are one
    name. "John" / "Jon" stay apart: that "h" follows a vowel."""
    kept: list[str] = []
    for ch in word:
        if kept and (ch == kept[-1] or (ch == "h" and kept[-1] in "kgdt")):
            continue
        kept.append(ch)
    plain = "".join(kept)
    for pattern, american in _AMERICAN:
        plain = pattern.sub(american, plain)
    return plain


def derived(a: str, b: str) -> bool:
    """Whether one word is the other's adjective or demonym: "Turkey" / "Turkish", "Iraq" /
    "Iraqi", "Serbia" / "Serbian", "Japan" / "Japanese"."""
    stem = next(
        (n for n, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    if stem < 3:
        return False
    rest = {a[stem:], b[stem:]}
    return any(x in _PLACE_ENDINGS and y in _DEMONYM_ENDINGS for x in rest for y in rest)


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with offsets; none in a headline or in text without capitals."""
    return list(_tokens(text))


@functools.lru_cache(maxsize=1024)
def _tokens(text: str) -> tuple[Token, ...]:
    """:func:`tokenize`, cached: a claim is checked against every restatement of it, and each
    restatement against every claim of its story."""
    found = words(text)
    # A headline has no name slots: checked first, so its tokens are never built.
    capitalised = sum(1 for word in found[1:] if word[0].isupper())
    if capitalised > MAX_CAPITALISED * max(1, len(found) - 1):
        return ()
    tokens: list[Token] = []
    position = 0
    for word in found:
        start = text.find(word, position)
        if start < 0:  # words() never yields what is not in the text; be safe anyway
            break
        gap = text[position:start]
        position = start + len(word)
        folded, name = _classify(word)
        opener = not tokens or ":" in gap or (gap != "" and gap[-1] in _OPENERS)
        tokens.append(Token(word, folded, start, position, name, opener))
    return tuple(tokens)


@functools.lru_cache(maxsize=1 << 14)
def _classify(word: str) -> tuple[str, bool]:
    """A word's folded form, and whether it may be part of a name (news vocabulary is small)."""
    folded = fold_word(word)
    name = (
        word[0].isupper()
        and not any(ch.isdigit() for ch in word)
        and folded not in STOP_WORDS
        and folded not in _CALENDAR
    )
    return folded, name


def names(text: str, tokens: Sequence[Token] | None = None) -> list[Name]:
    """The name slots of a sentence, in reading order."""
    if tokens is None:
        return list(_names(text))
    return _find_names(text, tokens, _padded(tokens))


@functools.lru_cache(maxsize=1024)
def _names(text: str) -> tuple[Name, ...]:
    """:func:`names` of a text, cached like its tokens."""
    if has_cjk(text):
        return ()
    return tuple(_find_names(text, _tokens(text), _padded_text(text)))


def _find_names(text: str, tokens: Sequence[Token], padded: Sequence[str]) -> list[Name]:
    if has_cjk(text):
        return []
    found: list[Name] = []
    i = 0
    while i < len(tokens):
        if not tokens[i].name:
            i += 1
            continue
        j = i
        while j < len(tokens) and tokens[j].name:
            j += 1
        name = _slot(text, tokens, padded, i, j)
        if name is not None:
            found.append(name)
        i = j
    return found


def _padded(tokens: Sequence[Token]) -> list[str]:
    """Folded words between sentence marks; any number reads as one word, so a figure the
    sources also dispute ("300" / "350 soldiers") still anchors the name beside it."""
    return [_START, *(_number_or(t.folded) for t in tokens), _END]


@functools.lru_cache(maxsize=1024)
def _padded_text(text: str) -> tuple[str, ...]:
    """:func:`_padded` of a text's cached tokens."""
    return tuple(_padded(_tokens(text)))


@functools.lru_cache(maxsize=1 << 14)
def _number_or(folded: str) -> str:
    """A folded word, or "<number>" when it holds a digit."""
    return "<number>" if any(ch.isdigit() for ch in folded) else folded


def _slot(text: str, tokens: Sequence[Token], padded: Sequence[str], i: int, j: int) -> Name | None:
    """The name made of ``tokens[i:j]``, with ``CONTEXT`` folded words on either side."""
    run = tokens[i:j]
    key = tuple(
        spelling(part)
        for t in run
        if t.folded not in _TITLES
        for part in t.folded.split("-")
        if part
    )
    if not key or j - i > MAX_NAME:
        return None
    return Name(
        phrase=text[run[0].start : run[-1].end],
        key=key,
        first=run[0].folded,
        opener=run[0].opener,
        left=tuple(padded[max(0, i + 1 - CONTEXT) : i + 1]),
        right=tuple(padded[j + 1 : j + 1 + CONTEXT]),
    )


def aligned(name: Name, text: str, tokens: Sequence[Token] | None = None) -> Name | None:
    """The name of ``text`` that sits in the same context as ``name``; None if none or several."""
    if tokens is None:
        return _aligned(name, text, _tokens(text), _padded_text(text))
    return _aligned(name, text, tokens, _padded(tokens))


def _aligned(name: Name, text: str, tokens: Sequence[Token], padded: Sequence[str]) -> Name | None:
    found: dict[tuple[str, ...], Name] = {}
    width = len(name.left)
    last = name.left[-1] if width else None
    for p in range(width, len(padded) - 1):
        # The word just before the slot first: a cheap test that rejects most positions.
        if width and padded[p - 1] != last:
            continue
        # The word before the slot agreeing is enough when the words after it all do ("signed
        # in Tallinn on Wednesday" / "announced in Geneva on Wednesday": a verb changed with
        # the place); otherwise both words before it must.
        loose = tuple(padded[p - width : p]) != name.left
        if loose and len(name.right) < CONTEXT:
            continue
        q = p
        while q < len(padded) - 1 and q - p < MAX_NAME and tokens[q - 1].name:
            q += 1
            if tuple(padded[q : q + len(name.right)]) == name.right:
                theirs = _slot(text, tokens, padded, p - 1, q - 1)
                if theirs is not None:
                    found.setdefault(theirs.key, theirs)
    return found[next(iter(found))] if len(found) == 1 else None


def compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one name only gives more of the other ("Park" / "Anita Park", "J Doe" / "John
    Doe"): the shorter one's words appear, in order, in the longer one, an initial standing
    for any word it begins."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    position = 0
    for word in short:
        while position < len(long) and not _same_word(word, long[position]):
            position += 1
        if position == len(long):
            return False
        position += 1
    return True


def _same_word(a: str, b: str) -> bool:
    """Equal, or one is the other's initial or abbreviation ("J" / "John", "Mt" / "Mount",
    "Assn" / "Association"): its letters, in order, from the same first letter, two or more
    letters shorter (so "Park" / "Parks" stay apart)."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if short == long or len(short) == 1:
        return short[0] == long[0]
    if len(long) - len(short) < 2 or short[0] != long[0]:
        return False
    letters = iter(long)
    return all(ch in letters for ch in short)


def differ(mine: Name, theirs: Name) -> bool:
    """Whether two names in the same slot are a dispute: not one more of the other, spelled
    alike, and, where either opens a sentence or quotation, agreeing on the first word."""
    if (mine.opener or theirs.opener) and mine.first != theirs.first:
        return False
    if compatible(mine.key, theirs.key):
        return False
    if len(mine.key) == len(theirs.key) and all(
        a == b or derived(a, b) for a, b in zip(mine.key, theirs.key, strict=True)
    ):
        return False
    # Only the words they do not share: "Genesee County Sheriff Robert Pickell" and "Genesee
    # County Undersheriff James Gage" are two people, however alike their counties.
    ours = [w for w in mine.key if w not in theirs.key]
    other = [w for w in theirs.key if w not in mine.key]
    ratio = difflib.SequenceMatcher(None, " ".join(ours), " ".join(other)).ratio()
    return ratio >= ALIKE


def _other_name(mine: Name, theirs: Name) -> bool:
    """Whether the slot holds another name: not one more of the other, nor spelled alike (a
    capital that only opens the sentence or a quotation is no name: "Rebels" / "Soldiers")."""
    if (mine.opener or theirs.opener) and mine.first != theirs.first:
        return False
    if compatible(mine.key, theirs.key):
        return False
    return not (
        len(mine.key) == len(theirs.key)
        and all(a == b or derived(a, b) for a, b in zip(mine.key, theirs.key, strict=True))
    )


def respelt(name: Name, text: str) -> Name | None:
    """The name of ``text`` that spells ``name`` otherwise in the same slot on one side: as
    many words, all but one the same, that one spelled alike ("Lisa Aaberg" / "Lise Aaberg"),
    and the words before it, or those after it, the same. The slot test (:func:`aligned`)
    needs both sides and misses a rewrite that changed the words after the name as well
    ("deputy governor Lise Aaberg will lead" / "deputy governor Lisa Aaberg will run"): a
    sentence that restates the claim so names one person two ways, which no citation may
    hide."""
    if len(name.key) < 2:  # one word alone is too often another place or person
        return None
    for theirs in _names(text):
        if len(theirs.key) != len(name.key):
            continue
        if theirs.left != name.left and theirs.right != name.right:
            continue
        changed = [(a, b) for a, b in zip(name.key, theirs.key, strict=True) if a != b]
        if len(changed) == 1 and _respelling(*changed[0]):
            return theirs
    return None


def _respelling(a: str, b: str) -> bool:
    """Two spellings of one word: alike, but neither an initial, abbreviation or demonym of
    the other."""
    if _same_word(a, b) or derived(a, b):
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= ALIKE


def respells(claim: Sentence, other: Sentence) -> bool:
    """Whether ``other`` spells one of the claim's names otherwise (see :func:`respelt`)."""
    return any(respelt(name, other.text) is not None for name in _names(claim.text))


def paired(claim: Sentence, other: Sentence) -> bool:
    """Whether ``other`` is close enough to ``claim`` as a whole to restate it."""
    return len(claim.stems & other.stems) > MIN_SHARED and cosine(claim.stems, other.stems) >= CLOSE


def name_conflict(claim: Sentence, other: Sentence, *, any_name: bool = False) -> bool:
    """True when ``other`` restates ``claim`` with another name in one of its name slots.

    A dispute (the default) is a name that looks alike (:func:`differ`); with ``any_name``,
    any other name counts ("signed in Tallinn" / "announced in Geneva"): a sentence that
    puts another place in the slot does not state the claim, though two such names are no
    "sources differ" either (they may be two facts)."""
    if not paired(claim, other):
        return False
    mine = _names(claim.text)
    if not mine:
        return False
    tokens, padded = _tokens(other.text), _padded_text(other.text)
    test = _other_name if any_name else differ
    for name in mine:
        theirs = _aligned(name, other.text, tokens, padded)
        if theirs is not None and test(name, theirs):
            return True
    return False


def name_variants(
    claim: Sentence,
    support: Sequence[str],
    by_article: Mapping[str, Sequence[Sentence]],
    nearby: Iterable[Sentence] | None = None,
) -> tuple[Variant, ...]:
    """Every version of the claim's first disputed name, with the articles giving it.

    An article joins a version when its closest restatement of the claim puts that name in
    the slot; a supporter that restates it without the slot (a paraphrase) joins the claim's.
    A name that only gives more or less of another ("Park" / "Anita Park") joins no version:
    it takes no side. ``nearby``, when given, holds (in reading order) every sentence of
    ``by_article`` that may restate the claim, so the others need not be looked at.
    """
    close = _restatements(claim, by_article, nearby)
    if not any(close.values()):  # nobody restates the claim: one version, whatever its names
        return ()
    for name in _names(claim.text):
        versions = {name.key: (name.phrase, [claim.article_id])}
        for article_id, restatements in close.items():
            theirs = _match(claim, name, restatements)
            if theirs is None:
                if article_id in support:
                    versions[name.key][1].append(article_id)
                continue
            if theirs.key == name.key or differ(name, theirs):
                versions.setdefault(theirs.key, (theirs.phrase, []))[1].append(article_id)
        if len(versions) > 1:
            ordered = sorted(versions.values(), key=lambda v: (sorted(v[1])[0], v[0]))
            return tuple(Variant(text=p, article_ids=tuple(sorted(ids))) for p, ids in ordered)
    return ()


def _restatements(
    claim: Sentence,
    by_article: Mapping[str, Sequence[Sentence]],
    nearby: Iterable[Sentence] | None,
) -> dict[str, list[Sentence]]:
    """Each other article (sorted) -> its sentences close enough to restate the claim."""
    others = sorted(article_id for article_id in by_article if article_id != claim.article_id)
    if nearby is None:
        return {a: [s for s in by_article[a] if paired(claim, s)] for a in others}
    close: dict[str, list[Sentence]] = {article_id: [] for article_id in others}
    for other in nearby:
        if other.article_id in close and paired(claim, other):
            close[other.article_id].append(other)
    return close


def _match(claim: Sentence, name: Name, restatements: Sequence[Sentence]) -> Name | None:
    """The name in the slot of ``name`` in the closest restatement of ``claim``."""
    best: tuple[int, int, Name] | None = None
    for other in restatements:
        theirs = _aligned(name, other.text, _tokens(other.text), _padded_text(other.text))
        if theirs is None:
            theirs = respelt(name, other.text)
        if theirs is not None:
            overlap = len(claim.stems & other.stems)
            if best is None or (overlap, -other.index) > best[:2]:
                best = (overlap, -other.index, theirs)
    return best[2] if best else None
