"""Text primitives shared by every stage: normalisation, words and sentences.

Kept free of any stage logic so that dedup, stories, timeline and summary tokenise alike.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from itertools import islice

from .model import Span

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00a0": " ",
        "\u200b": "",
        "\ufeff": "",
    }
)

_WORD = re.compile(r"[^\W_]+(?:['\-.][^\W_]+)*", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")

# Tokens after which a full stop does not end a sentence.
# English cardinals in words, one to ninety: the summary reads them as figures, the
# timeline as counts of days ("two days later").
CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st mt ft gen gov sen rep col lt sgt capt cmdr adm maj pres
    rev hon no nos vs etc inc ltd co corp dept univ est approx fig al ave blvd rd
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a d.c a.m p.m i.e e.g ph.d""".split()  # noqa: SIM905
)

# Latin marks end a sentence before a space; CJK full-width marks end one even without it.
_BOUNDARY = re.compile(
    r"([.!?]+)([\"'\u201d\u2019)\]]*)(\s+|$)|([\u3002\uff01\uff1f]+)([\u300d\u300f\u201d\"')]*)(\s*)"
)
_MAX_SENTENCE_WORDS = 80


# White space that ``str.split`` splits on, other than a space and a line break.
_OTHER_SPACE = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000" + "".join(
    map(chr, range(0x2000, 0x200B))
)
# A character :func:`normalize` folds, or such white space: one character class.
_FOLDED = _OTHER_SPACE + "".join(map(chr, _QUOTES))
_ODD_CHARACTER = re.compile(f"[{re.escape(_FOLDED)}]")
# The ASCII ones: in ASCII text, eight substring tests in C beat the class scan (about 4
# against 30 us on a 3 kB article), and NFKC changes nothing.
_ODD_ASCII = tuple(ch for ch in _FOLDED if ch.isascii())


_THAI_AM_PARTS = "\u0e4d\u0e32"


def _is_normal(text: str) -> bool:
    """Whether :func:`normalize` would return ``text`` unchanged."""
    if (
        "  " in text
        or " \n" in text
        or "\n " in text
        or "\n\n\n" in text
        or text[:1].isspace()
        or text[-1:].isspace()
    ):
        return False
    if text.isascii():
        return not any(ch in text for ch in _ODD_ASCII)
    if _ODD_CHARACTER.search(text) is not None or _THAI_AM_PARTS in text:
        return False
    return unicodedata.is_normalized("NFKC", text.replace("\u0e33", _THAI_AM_PARTS))


def normalize(text: str) -> str:
    """NFKC, typographic quotes and dashes folded, whitespace runs collapsed per line."""
    if _is_normal(text):
        return text  # a stored, cleaned text: a few scans in C instead of a rebuild
    return _normalized(text)


def _normalized(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    if _THAI_AM_PARTS in text:  # NFKC splits the Thai vowel sara am, which then reads wrong
        text = text.replace(_THAI_AM_PARTS, "\u0e33")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def fold(text: str) -> str:
    """A comparison key: normalised, lower-cased, punctuation dropped, one space between words."""
    return " ".join(words(normalize(text).lower()))


def words(text: str) -> list[str]:
    """Word tokens; CJK and Thai characters count as one token each (they use no spaces)."""
    if _CJK.search(text) is None:  # fast path, same tokens: dedup tokenises whole corpora
        return _WORD.findall(text)
    tokens: list[str] = []
    for match in _WORD.finditer(text):
        token = match.group()
        if _CJK.search(token):
            tokens.extend(ch for ch in token if not ch.isspace())
        else:
            tokens.append(token)
    return tokens


def jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """The share of the two sets' union that both hold; 0.0 when both are empty."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


def split_sentences(text: str) -> list[Span]:
    """Sentences of ``text`` with character offsets into it.

    Lines are hard boundaries (news text is mostly one paragraph per line). Within a line a
    terminal mark followed by space ends a sentence unless it closes a known abbreviation, an
    initial or a number. Runs of more than 80 words with no boundary are cut at the nearest
    comma or space so that a single 5,000-word line still yields readable units.
    """
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        if _THAI.search(line) is None:
            spans.extend(_split_line(line, offset))
        else:
            start = 0
            for gap in _THAI_GAP.finditer(line):
                spans.extend(_split_line(line[start : gap.start()], offset + start))
                start = gap.end()
            spans.extend(_split_line(line[start:], offset + start))
        offset += len(line) + 1
    return spans


# Thai marks no sentence end: a space between two Thai words does (where English would
# put a full stop or a comma).
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_THAI_GAP = re.compile(r"(?<=[\u0e00-\u0e7f]) +(?=[\u0e00-\u0e7f])")


def _split_line(line: str, offset: int) -> Iterator[Span]:
    start = 0
    for match in _BOUNDARY.finditer(line):
        if match.group(4):  # CJK full stop: always a boundary
            yield from _emit(line, start, match.end(5), offset)
            start = match.end()
            continue
        after = line[match.end() : match.end() + _LOOK]  # bounded: a long line is read once
        if match.group(1) == "." and (
            _is_abbreviation(line, match.start(1)) or _is_ordinal_day(line, match.start(1), after)
        ):
            continue
        if match.end() < len(line) and not _starts_sentence(after):
            continue
        yield from _emit(line, start, match.end(2), offset)
        start = match.end()
    yield from _emit(line, start, len(line), offset)


# How far around a full stop the token before it and the text after it are looked for: no
# abbreviation is longer, and no sentence opens after more quotes and brackets than that.
_LOOK = 64


def _is_abbreviation(line: str, dot: int) -> bool:
    head = line[max(0, dot - _LOOK) : dot].rsplit(None, 1)
    token = head[-1].lstrip("\"'(\u201c") if head else ""
    if not token:
        return False
    lowered = token.lower()
    return lowered in ABBREVIATIONS or (len(token) == 1 and token.isalpha() and token.isupper())


# German writes a day as an ordinal: "am 15. Januar".
_GERMAN_MONTH = re.compile(
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
    r"|Dezember)\b"
)


def _is_ordinal_day(line: str, dot: int, after: str) -> bool:
    """Whether the full stop at ``dot`` closes a German day number before its month."""
    head = line[max(0, dot - 3) : dot].rsplit(None, 1)
    day = head[-1] if head else ""
    return day.isdigit() and len(day) <= 2 and bool(_GERMAN_MONTH.match(after.lstrip()))


def _starts_sentence(rest: str) -> bool:
    stripped = rest.lstrip("\"'\u201c\u2018([ ")
    return not stripped or not stripped[0].islower()


def _emit(line: str, start: int, end: int, offset: int) -> Iterator[Span]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if start >= end or not any(ch.isalnum() for ch in line[start:end]):
        return
    piece = line[start:end]
    if len(piece.split()) <= _MAX_SENTENCE_WORDS:
        yield Span(offset + start, offset + end, piece)
        return
    yield from _cut_long(line, start, end, offset)


_GAP = re.compile(r"\s+")


def _cut_long(line: str, start: int, end: int, offset: int) -> Iterator[Span]:
    """Cut an over-long run into pieces of at most 80 words, preferring commas and semicolons."""
    while start < end:
        # Only the next 80 gaps are looked at: the rest of a long run is read once, not once
        # a piece (a 100,000-word line without full stops took minutes).
        gaps = islice(_GAP.finditer(line, start, end), _MAX_SENTENCE_WORDS)
        positions = [match.start() for match in gaps]
        if len(positions) < _MAX_SENTENCE_WORDS:
            yield Span(offset + start, offset + end, line[start:end])
            return
        limit = positions[_MAX_SENTENCE_WORDS - 1]
        window = line[start:limit]
        cut = max(window.rfind(", "), window.rfind("; "))
        stop = start + cut + 1 if cut > len(window) // 2 else limit
        yield Span(offset + start, offset + stop, line[start:stop])
        start = stop
        while start < end and line[start].isspace():
            start += 1


_DATELINE = re.compile(
    r"^[A-Z][A-Z.'\-]{2,}(?:[ ,]+[A-Z][A-Z.'\-]+)*"
    r"(?: ?,\s+(?:[A-Z][a-z]{2,}\.?\s+\d{1,2}|[A-Z][a-z]+\.?(?: [A-Z][a-z]+)?))?"
    r"(?:\s*\([^()\n]{1,60}\))?\s+[-\u2013\u2014_]{1,2}\s+(?=[\"A-Z])"
)
# "Ottawa - The army ...", "Kyiv, Ukraine (AP) - Officials ...": a place of one to three
# capitalised words, optionally its country or state, then a dash and a capitalised sentence.
# Only an article's first sentence is tested: elsewhere "Ukraine - Russia talks" is news.
_TITLE_DATELINE = re.compile(
    r"^[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){0,2}(?:, [A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+)?)?"
    r"(?: \([^()\n]{1,60}\))? [-\u2013\u2014]{1,2} (?=[\"\u201cA-Z][a-z]*\b)"
)


# A Telegram forward's opening, as ingest writes it ("Forwarded from Harbor Watch: "): it
# names the channel the text came from (a credit for provenance, the origin in a title), not
# the news, so a printed sentence starts after it.
FORWARD = "Forwarded from"
_FORWARD = re.compile(FORWARD + r" [^\n:]{1,128}: ")  # names have up to 128


def forward_opening(text: str) -> int:
    """Length of the ``Forwarded from NAME: `` that opens ``text`` (0 if none)."""
    match = _FORWARD.match(text)
    return match.end() if match else 0


def dateline(text: str, opens_article: bool = False) -> int:
    """Length of the wire dateline that opens ``text`` (0 if none): it is not part of the news.

    An upper-case dateline ("WASHINGTON (Reuters) - ") is recognised anywhere; a title-case
    one ("Ottawa - ") only when ``text`` is the first sentence of its article. The printed
    sentence starts after it, so it stays an exact slice of the article.
    """
    match = _DATELINE.match(text)
    if match is None and opens_article:
        match = _TITLE_DATELINE.match(text)
    return match.end() if match else 0
