"""Candidate sentences: split, tokenised into content stems, and sorted into quality tiers.

Tier 0 is a clean sentence (ends like a sentence, balanced quotes, no boilerplate, does not
open on a pronoun); tier 1 opens on a pronoun but is otherwise clean; tier 2 is a fragment
(no end mark, unbalanced quotes, very short or very long: what a 5,000-word line with no
boundaries is cut into). Boilerplate is never a candidate.
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..model import Article
from ..preamble import preamble
from ..stopwords import ENGLISH_STOP_WORDS
from ..text import dateline, forward_opening, has_cjk, split_sentences, words
from .notes import editorial
from .options import SummaryOptions

STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | frozenset(
    [
        "said",
        "says",
        "say",
        "told",
        "according",
        "also",
        "would",
        "could",
        "just",
        "like",
        "s",
        "t",
        "mr",
        "mrs",
        "ms",
    ]
)
# A content stem ("troop"), or two adjacent stems joined by a space ("russian troop"): strings,
# not tuples, since their hashes are kept and the garbage collector ignores them (millions
# are made per corpus). Stems hold no space, so the two kinds never collide.
Concept = str
# Openers that need something before them: a referent, the quotation they continue, or the
# sentence they answer ("But ...").
PRONOUNS = frozenset(
    {"he", "she", "they", "it", "this", "these", "those", "his", "her", "their", "its", "him"}
    | {"them", "i", "we", "you", "our", "my", "your", "but", "and", "yet", "so", "also"}
)

_BOILERPLATE = re.compile(
    r"^(read more|related|source link|comments are closed|posted on|posted in|share this|"
    r"click here|sign up|subscribe|advertisement|the story continues|continue reading|"
    r"photo|image|copyright|all rights reserved|follow us|with files from)\b"
    r"|\u00a9|all rights reserved|https?://|www\.",
    re.IGNORECASE,
)
_END = re.compile(r"[.!?][\"')\]]*$")
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# A photo caption closes with where and when it was taken: "... in Mexico City April 24,
# 2009." or "... in Grand Isle, La., Thursday, Aug. 5, 2010." A place or a weekday comes
# right before the date; after "on" ("signed on Tuesday, March 3, 2009.") it is news.
_YEAR_TAIL = re.compile(r"(?:19|20)\d\d\D{0,11}$")
_CAPTION = re.compile(
    rf"(?<!\bon)(?<!\bon ,)\s+[A-Z][\w.'-]*\s*,?\s+{_MONTH}\s+\d{{1,2}}\s*,\s*(?:19|20)\d\d"
    r"\s*\.?\s*(?:-RRB-|\))?\s*$"
)


# A wire dateline before the lead: "MARLOW BAY (Coastline Press) - ", "LONDON, March 3 (AP) _ ".
@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one article, with what selection and attribution need."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    stems: frozenset[str]
    concepts: frozenset[Concept]
    tokens: tuple[str, ...]
    words: int
    tier: int


def count_words(text: str) -> int:
    """Whitespace-separated words; in CJK or Thai text, which has no spaces, characters."""
    return len(words(text)) if has_cjk(text) else len(text.split())


@functools.lru_cache(maxsize=1 << 16)
def stem(token: str) -> str:
    """A light English suffix stripper (plural, -ing, -ed), enough to match word forms.

    Cached: news vocabulary is small and every sentence of every story goes through here."""
    token = token.lower()
    if token.endswith("'s"):
        token = token[:-2]
    if len(token) > 4 and token.endswith("ies"):
        return token[:-3] + "y"
    if len(token) > 5 and token.endswith("ing"):
        return token[:-3]
    if len(token) > 4 and token.endswith("ed") and not token.endswith("eed"):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def tokens(text: str) -> list[str]:
    """Stems of every word of ``text``, stop words included (bigrams need the order)."""
    return list(map(stem, words(text)))  # map over the C-level cache: no Python frame per word


def content(stems: Sequence[str]) -> frozenset[str]:
    # The set difference runs in C and leaves only the distinct non-stop stems; one-letter
    # ones are rare, so they are looked for only when there is one.
    distinct = frozenset(stems).difference(STOP_WORDS)
    if distinct and min(map(len, distinct)) == 1:
        return frozenset(s for s in distinct if len(s) > 1 or s.isdigit())
    return distinct


def concepts(
    stems: Sequence[str], content_stems: frozenset[str] | None = None
) -> frozenset[Concept]:
    """Content stems and adjacent stem pairs that are not both stop words.

    ``content_stems`` is ``content(stems)`` when the caller has it already. Built with
    C-level iterators only: this runs for every sentence of the corpus.
    """
    unigrams = content(stems) if content_stems is None else content_stems
    kept = list(map(operator.not_, map(STOP_WORDS.__contains__, stems)))
    pairs = map(" ".join, zip(stems, itertools.islice(stems, 1, None), strict=False))
    return unigrams.union(itertools.compress(pairs, map(operator.or_, kept, kept[1:])))


def is_bigram(concept: Concept) -> bool:
    """Whether ``concept`` is a stem pair rather than a single stem."""
    return " " in concept


def is_boilerplate(text: str) -> bool:
    text = text.strip().lstrip("-*\u2022 ")
    if _BOILERPLATE.match(text) is not None:
        return True
    # Past the start, only the marks below can match: look for them first, in the
    # lower-cased text (no "i" or "s" in them, which re.IGNORECASE also matches to other
    # letters), and run the whole pattern only when one is there.
    lowered = text.lower()
    if not any(mark in lowered for mark in _ANYWHERE):
        return False
    return _BOILERPLATE.search(text) is not None


_ANYWHERE = ("\u00a9", "ll r", "http", "www.")  # of _BOILERPLATE's unanchored branches


def balanced(text: str) -> bool:
    """Quotes and brackets are closed, so the sentence is not a cut quotation."""
    return (
        text.count('"') % 2 == 0
        and text.count("``") == text.count("''")
        and text.count("(") == text.count(")")
    )


# Where a person stands in a photograph, between commas after their name: "Tony Hayward ,
# left , listens to ...". After a lower-case word it is speech ("a rebound thing, right,
# where ...").
_PICTURED = re.compile(r"\b[A-Z][\w.'-]* ?, (?:(?:second|far) )?(?:left|right|centre|center) ?, ")


def is_caption(text: str) -> bool:
    """Whether ``text`` reads as a photo caption: a place and a date at its end (see
    ``_CAPTION``), or a person placed in the picture ("..., left, listens to ...")."""
    tail = text[-120:]  # place, weekday and date fit in it; most sentences end in no year
    if _YEAR_TAIL.search(tail[-16:]) is not None and _CAPTION.search(tail) is not None:
        return True
    return _PICTURED.search(text) is not None


def needs_context(text: str) -> bool:
    """Opens on a pronoun ("He", "It's", "We"), or is a bare quotation with no speaker."""
    first = words(text[:40])
    if first and first[0].lower().split("'")[0] in PRONOUNS:
        return True
    return text.startswith('"') and text.rstrip(".!?").endswith('"')


def tier(text: str, word_count: int, in_quote: bool, options: SummaryOptions) -> int:
    clean = (
        not in_quote
        and options.min_words <= word_count <= options.max_sentence_words
        and _END.search(text) is not None
        and balanced(text)
        and not text[0].islower()
        and not is_caption(text)
    )
    if not clean:
        return 2
    return 1 if needs_context(text) else 0


def article_sentences(article: Article, options: SummaryOptions) -> list[Sentence]:
    """The article's sentences that are not boilerplate, in reading order."""
    found: list[Sentence] = []
    line_start, quotes = -1, 0
    for index, span in enumerate(split_sentences(article.text)):
        if index >= options.max_sentences_per_article:
            break
        # A sentence that starts inside an open quotation is a piece of someone's quote.
        begins = article.text.rfind("\n", 0, span.start) + 1
        if begins != line_start:
            line_start, quotes = begins, 0
        in_quote = quotes % 2 == 1
        quotes += span.text.count('"')
        if is_boilerplate(span.text) or editorial(span.text):
            continue
        # A forward's opening, page furniture (a page header, a byline, an update stamp),
        # then a wire dateline.
        head = forward_opening(span.text) if index == 0 else 0
        head += preamble(span.text[head:], datelines=False)
        start = span.start + head + dateline(span.text[head:], opens_article=index == 0)
        text = article.text[start : span.end]
        stems = tokens(text)
        count = count_words(text)
        distinct = content(stems)
        found.append(
            Sentence(
                article_id=article.id,
                index=index,
                start=start,
                end=span.end,
                text=text,
                stems=distinct,
                concepts=concepts(stems, distinct),
                tokens=tuple(stems),
                words=count,
                tier=tier(text, count, in_quote, options),
            )
        )
    return found


def overlap_f1(a: Sequence[str], b: Sequence[str]) -> float:
    """F1 of the shared tokens of two token bags, stop words included."""
    shared = sum((Counter(a) & Counter(b)).values())
    return 2 * shared / (len(a) + len(b)) if shared else 0.0


def cosine(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of two stem sets (binary vectors)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))
