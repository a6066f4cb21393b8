"""Cleaning: normalisation, furniture phrases and corpus-level boilerplate.

Two kinds of furniture leave ``text`` (``raw_text`` keeps everything):

* **phrases**: whole lines that news sites print around the story ("Read more:" and the
  linked headline after it, "The story continues under the ad", "Source link", "Comments
  are closed.", share and subscribe prompts, copyright and photo-credit lines). Each rule
  matches a whole, short line, so a sentence of the story that merely contains the words
  stays.
* **site furniture**: short lines (at most ``max_furniture_words`` words) that recur in at
  least ``min_repeat`` articles. A recurring line is kept when it travels with shared long
  paragraphs, i.e. when most of the articles holding it also share a long paragraph: that
  is one story copied several times (wire copy), not furniture around different stories.
  Lines that quote someone are never furniture, and the pass never empties an article.

Cleaning is idempotent: cleaning a cleaned text changes nothing.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import xxhash

from .errors import OptionsError
from .model import Article
from .text import fold, normalize

_FIXED = r"""
    (?:the\s)?(?:story|article)\scontinues\s(?:under|below|after)(?:\sthe)?\s(?:ad|advert|advertisement)
  | story\scontinues\sbelow
  | continue\sreading(?:\sbelow|\sthe\smain\sstory)?
  | source\slink | comments\sare\sclosed | comments | leave\sa\s(?:comment|reply)
  | advertisement | advertising | ad | sponsored(?:\scontent)? | paid\scontent
  | share(?:\sthis)?(?:\sarticle|\sstory|\spost|\spage)?(?:\s(?:on|via)\s[\w.]+)?
  | (?:(?:share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|linkedin|reddit
        |telegram|pinterest|copy\slink)[\s|/,]*){1,8}
  | subscribe(?:\snow)? | sign\sup | most\sread | related(?:\sarticles|\sstories|\stopics)?
"""
_FIXED_LINE = re.compile(rf"^(?:{_FIXED})[\s.!:]*$", re.I | re.X)
_LINK_LABEL = re.compile(
    r"^(?:read\smore|read\salso|also\sread|see\salso|related|more|read\snext|watch|listen)"
    r"\s*:?\s*$",
    re.I | re.X,
)
# Lines that start like furniture, each with the most words such a line has.
_PREFIXED: tuple[tuple[re.Pattern[str], int], ...] = tuple(
    (re.compile(pattern, re.I | re.X), max_words)
    for pattern, max_words in (
        (r"^(?:read\smore|read\salso|also\sread|see\salso|related|read\snext)\s*:\s*\S", 30),
        (
            r"^(?:posted|published|updated)(?:\s(?:on|at))?\s*(?:$|[\d(]|(?:jan|feb|mar|apr"
            r"|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s)",
            12,
        ),
        (r"^share\s(?:this|on|via)\b", 12),
        (r"^(?:(?:subscribe|sign\sup)\b.*\bnewsletters?\b|subscribe\sto\b)", 25),
        (r"^(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|\ball\srights\sreserved\b", 30),
        (r"^click\shere\b", 30),
        (r"^(?:photos?|photograph|image|picture|video|file\sphoto)(?:\scredit)?\s*:", 40),
        (r"^(?:\(?(?:photo|image|picture)\sby\b|credit\s*:)", 25),
        (r"^-?\s*with\sfiles\sfrom\b", 15),
        (r"^follow\s.{1,40}\son\s(?:twitter|facebook|instagram|x)\b", 15),
    )
)
_INLINE = re.compile(
    r"(?<=[.!?\"'])\s+(?:The\s)?(?:story|article)\scontinues\s(?:under|below)\sthe\s"
    r"(?:ad|advertisement)(?=\s+[A-Z\"'(]|\s*$)",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")


@dataclass(frozen=True)
class CleanOptions:
    """How furniture is recognised.

    ``min_repeat``: articles a short line must recur in to count as site furniture.
    ``max_furniture_words``: longer lines are content and never site furniture.
    ``link_headline_words``: the line after a "Read more:" label this short, and not ending
    like a sentence, is the linked headline and goes too. ``phrases`` / ``repeated`` switch
    the two passes.
    """

    min_repeat: int = 3
    max_furniture_words: int = 12
    link_headline_words: int = 25
    phrases: bool = True
    repeated: bool = True
    sample_articles: int = 200

    def __post_init__(self) -> None:
        if self.min_repeat < 2:
            raise OptionsError(f"min_repeat must be at least 2, not {self.min_repeat}")
        if self.max_furniture_words < 1 or self.link_headline_words < 1:
            raise OptionsError("max_furniture_words and link_headline_words must be positive")
        if self.sample_articles < 1:
            raise OptionsError("sample_articles must be positive")


def clean_text(
    text: str,
    options: CleanOptions = CleanOptions(),
    boilerplate: frozenset[str] = frozenset(),
) -> str:
    """``text`` normalised, without furniture phrases and without ``boilerplate`` lines.

    ``boilerplate`` holds :func:`storyline.text.fold` keys from :func:`find_boilerplate`.
    Boilerplate lines are not removed when that would leave nothing.
    """
    lines = normalize(text).split("\n")
    if options.phrases:
        lines = _drop_phrases(lines, options)
    if boilerplate:
        kept = [line for line in lines if not _is_boilerplate(line, boilerplate, options)]
        if any(line.strip() for line in kept):
            lines = kept
    return normalize("\n".join(lines))


def _drop_phrases(lines: list[str], options: CleanOptions) -> list[str]:
    kept: list[str] = []
    drop_headline = False
    for line in lines:
        stripped = _INLINE.sub("", line).strip()
        if not stripped:
            kept.append("")
            continue
        if drop_headline:
            drop_headline = False
            if _is_link_headline(stripped, options):
                continue
        if _LINK_LABEL.match(stripped):
            drop_headline = True
            continue
        if is_furniture_line(stripped):
            continue
        kept.append(stripped)
    return kept


def is_furniture_line(line: str) -> bool:
    """Whether a whole (normalised) line is one of the known furniture phrases."""
    if _FIXED_LINE.match(line):
        return True
    count = len(line.split())
    return any(count <= limit and rule.search(line) for rule, limit in _PREFIXED)


def _is_link_headline(line: str, options: CleanOptions) -> bool:
    return len(line.split()) <= options.link_headline_words and not _SENTENCE_END.search(line)


def _is_boilerplate(line: str, boilerplate: frozenset[str], options: CleanOptions) -> bool:
    if not line.strip() or len(line.split()) > options.max_furniture_words * 2:
        return False
    return fold(line) in boilerplate


def _candidate_key(line: str, options: CleanOptions) -> str | None:
    """The fold key of a line that could be site furniture, or None (content, quotes)."""
    if '"' in line or "\u201c" in line or "\u201d" in line:
        return None
    key = fold(line)
    if not key or len(key.split()) > options.max_furniture_words:
        return None
    return key


def _long_hash(line: str) -> int:
    return xxhash.xxh64_intdigest(fold(line).encode("utf-8"))


def find_boilerplate(
    texts: Iterable[str], options: CleanOptions = CleanOptions()
) -> frozenset[str]:
    """Fold keys of short lines that recur across at least ``min_repeat`` articles as furniture.

    One pass keeps, per article, its short-line keys and the hashes of its long lines. A
    recurring short line is dropped from the result (kept as content) when, among the first
    ``sample_articles`` articles holding it, at least half share one same long line with
    each other: the line then belongs to a story copied across articles.
    """
    short_counts: Counter[str] = Counter()
    long_counts: Counter[int] = Counter()
    per_article: list[tuple[tuple[str, ...], array[int]]] = []
    for text in texts:
        short: set[str] = set()
        long: set[int] = set()
        for line in text.split("\n"):
            if not line.strip():
                continue
            if len(line.split()) > options.max_furniture_words * 2:
                long.add(_long_hash(line))
                continue
            key = _candidate_key(line, options)
            if key is not None:
                short.add(key)
            elif len(fold(line).split()) > options.max_furniture_words:
                long.add(_long_hash(line))
        short_counts.update(short)
        long_counts.update(long)
        per_article.append((tuple(sorted(short)), array("Q", sorted(long))))
    recurring = {key for key, count in short_counts.items() if count >= options.min_repeat}
    if not recurring:
        return frozenset()
    holders: dict[str, list[int]] = {key: [] for key in recurring}
    for index, (short_keys, _) in enumerate(per_article):
        for key in short_keys:
            if key in holders and len(holders[key]) < options.sample_articles:
                holders[key].append(index)
    return frozenset(
        key
        for key, indexes in holders.items()
        if not _travels_with_content(indexes, per_article, long_counts)
    )


def _travels_with_content(
    indexes: list[int],
    per_article: list[tuple[tuple[str, ...], array[int]]],
    long_counts: Counter[int],
) -> bool:
    """Whether at least half of these articles (and two or more) share one long line."""
    shared: Counter[int] = Counter()
    for index in indexes:
        shared.update(h for h in per_article[index][1] if long_counts[h] >= 2)
    if not shared:
        return False
    return max(shared.values()) >= max(2, (len(indexes) + 1) // 2)


def clean_articles(
    articles: Sequence[Article], options: CleanOptions = CleanOptions()
) -> list[Article]:
    """Each article with its ``text`` cleaned, site furniture found across all of them."""
    boilerplate = (
        find_boilerplate((article.text for article in articles), options)
        if options.repeated
        else frozenset()
    )
    cleaned = []
    for article in articles:
        text = clean_text(article.text, options, boilerplate)
        cleaned.append(article if text == article.text else replace(article, text=text))
    return cleaned
