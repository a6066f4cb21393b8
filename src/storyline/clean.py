"""Cleaning: normalisation, furniture phrases and corpus-level boilerplate.

Two kinds of furniture, and readers' comments, leave ``text`` (``raw_text`` keeps everything):

* **phrases**: whole lines that news sites print around the story ("Read more:" and the
  linked headline after it, "The story continues under the ad", "Source link", "Comments
  are closed.", share and subscribe prompts, copyright and photo-credit lines, a wire's
  credit line such as "(Reuters)" or "(Reporting by ...; Editing by ...)"). Each rule
  matches a whole, short line, so a sentence of the story that merely contains the words
  stays. A line with a comment widget's "| Report abuse |" starts the readers' comments:
  it and everything after it go, unless nothing of the story precedes it.
* **site furniture**: short lines (at most ``max_furniture_words`` words) that recur in at
  least ``min_repeat`` articles, and the longer lines of furniture blocks (a ticker, comment
  rules, a disclaimer) that recur next to such lines and with them. A recurring line is
  kept when the articles holding it are copies of one text (most of their words sit in
  lines they share): that is one story republished (wire copy), not furniture around
  different stories. Lines that quote someone are never furniture, and the pass never
  empties an article.

A title that ingest made from the first sentence (the input had no headline) is made again
from the cleaned text when that sentence was cut: a site's teaser line does not name the
article. Cleaning is idempotent: cleaning a cleaned text changes nothing.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import xxhash

from .footers import house_footers, is_author_bio
from .ingest.titles import derive_title, is_page_furniture, without_bullets
from .model import Article
from .options import check_fields, check_range
from .steps import Steps, counted
from .text import normalize, words

_FIXED = r"""
    (?:the\s)?(?:story|article)\scontinues\s(?:under|below|after)(?:\sthe)?\s(?:ad|advert|advertisement)
  | story\scontinues\sbelow
  | continue\sreading(?:\sbelow|\sthe\smain\sstory|\son\sour\s(?:site|website))?
  | (?:read|see)\sthe\s(?:full|whole|rest\sof\sthe)\s(?:story|article|report)
        (?:\s(?:here|online|on\sour\s(?:site|website)))?
  | source\slink | comments\sare\sclosed | comments | leave\sa\s(?:comment|reply)
  | advertisement | advertising | ad | sponsored(?:\scontent)? | paid\scontent
  | share(?:\sthis)?(?:\sarticle|\sstory|\spost|\spage)?(?:\s(?:on|via)\s[\w.]+)?
  | (?:(?:share|tweet|email|e-mail|print|facebook|twitter|x|whatsapp|linkedin|reddit
        |telegram|pinterest|copy\slink)[\s|/,]*){1,8}
  | subscribe(?:\snow)? | sign\sup | most\sread | related(?:\sarticles|\sstories|\stopics)?
  | you\s?'?ve\sselected\sthe\s[\w.\s]{1,30}?\sedition
  | would\syou\slike\sto\smake\sthis\syour\sdefault\sedition\s?\??
  | (?:this\sis\sa\s)?(?:developing|breaking)\sstory(?:[,;]?\s(?:check|refresh|please\scheck)\s
        (?:back\s)?(?:here\s)?(?:for|with)\s(?:the\slatest\s)?updates?)?
  | this\sstory\s(?:is\sdeveloping|will\sbe\supdated|has\sbeen\supdated)
  | (?:follow\s(?:our\s)?)?live(?:\supdates|\sblog)?(?:\s(?:as|while)\sthe\sstory\sdevelops)?
  | refresh\s(?:the\spage\s)?for\s(?:the\slatest\s)?updates
  | that\s?'?s\sall\sfrom\sus(?:\s(?:today|tonight|for\stoday|for\stonight|for\snow))?
        (?:[,;.]?\s(?:thanks|thank\syou)\sfor\s(?:following|reading|joining\sus)(?:\salong)?)?
  | (?:thanks|thank\syou)\sfor\s(?:following|reading|joining\sus)(?:\salong)?(?:\stoday)?
  | (?:our|this)\slive\s(?:coverage|blog)\s(?:resumes|continues|will\s(?:resume|continue))
        (?:\s(?:tomorrow|here|later|shortly))?(?:\s(?:at|from)\s[\d:.]+(?:\s?[ap]\.?m\.?)?
        (?:\s[A-Z]{2,4})?)?
  | this\slive\s(?:blog|page|coverage)\s(?:is\snow\sclosed|has\s(?:now\s)?ended)
  | we(?:'re|\sare)\s(?:pausing|closing|ending)\s(?:our|this)\slive\s(?:coverage|blog)
        (?:\sfor\s(?:now|today|tonight))?
"""
_FIXED_LINE = re.compile(rf"^(?:{_FIXED})[\s.!:]*$", re.I | re.X)
_SENTENCE_BREAK = re.compile(r"(?<=[.!])\s+(?=[A-Z])")
_LINK_LABEL = re.compile(
    r"^(?:read\smore|read\salso|also\sread|see\salso|related|more|read\snext|watch|listen)"
    r"\s*:?\s*$",
    re.I | re.X,
)
# A comment widget's line ("February 7, 2011 at 7:57 am | Report abuse | Reply", "Posted by:
# name | June 21, 2010 1:32 PM | Report abuse"): readers' comments have begun, and the rest
# of the page is theirs.
_COMMENTS = re.compile(r"\|\s?report abuse\b", re.I)
_FIXED_MAX_CHARS = 120
_PREFIXED_MAX_CHARS = 600  # no _PREFIXED rule allows more than 40 words
# Lowercased starts of the lines _PREFIXED can match: a cheap filter before the regexes.
# fmt: off
_TRIGGERS = (
    "read", "also", "see", "related", "posted", "published", "updated", "share", "subscribe",
    "sign", "©", "(c)", "copyright", "click", "photo", "image", "picture", "video", "file",
    "credit", "(photo", "(image", "(picture", "-", "with files", "follow", "good", "hello",
    "welcome",
)
# fmt: on
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
        # A live blog's greeting: the page's, not the news ("... of the ceasefire talks").
        (
            r"^(?:(?:good\s(?:morning|afternoon|evening)|hello)[,!]?\s(?:and\s)?)?welcome\s"
            r"(?:back\s)?to\s(?:our|the)\slive\s(?:coverage|blog|updates)\b",
            40,
        ),
    )
)
# A wire's credit line, alone in parentheses: "(Reuters)", "(Continental Press Agency)",
# "(Reporting by A; Editing by B)". Its words are the agency's, not the story's, and they
# would tie together unrelated stories of one agency.
_CREDIT = re.compile(
    r"^\((?:[A-Z][\w&.'-]*(?:\s(?:[A-Z][\w&.'-]*|of|and|the|&|/)){0,5}"
    r"|(?i:(?:additional\s)?(?:reporting|writing|editing|compiled|compiling)\sby\b)[^()]{0,250})"
    r"\)\.?$"
)
_INLINE = re.compile(
    r"(?<=[.!?\"'])\s+(?:The\s)?(?:story|article)\scontinues\s(?:under|below)\sthe\s"
    r"(?:ad|advertisement)(?=\s+[A-Z\"'(]|\s*$)",
    re.I,
)
# The answer buttons of an edition prompt, glued before the page's first line of text.
_EDITION_BUTTONS = re.compile(r"^YES \| NO\s+")
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*$")
_BLANK_RUNS = re.compile(r"\n{3,}")
_MAX_PASSES = 4


@dataclass(frozen=True)
class CleanOptions:
    """How furniture is recognised.

    ``min_repeat``: articles a short line must recur in to count as site furniture.
    ``max_furniture_words``: longer lines are content, unless they belong to a furniture
    block (see :func:`clean_articles`), have at most ``max_block_words`` words and recur in
    at least ``min_block_repeat`` articles (a site's blocks are on many of its pages; a
    paragraph that a few live-blog pages share is not furniture).
    ``link_headline_words``: the line after a "Read more:" label this short, and not ending
    like a sentence, is the linked headline and goes too. ``phrases`` / ``repeated`` switch
    the two passes.
    """

    min_repeat: int = 3
    max_furniture_words: int = 16
    max_block_words: int = 64
    min_block_repeat: int = 6
    link_headline_words: int = 25
    phrases: bool = True
    repeated: bool = True
    sample_articles: int = 200

    def __post_init__(self) -> None:
        check_fields(self)
        for name in ("max_furniture_words", "link_headline_words", "sample_articles"):
            check_range(self, name, 1)
        check_range(self, "min_repeat", 2)
        check_range(self, "min_block_repeat", 2)
        check_range(self, "max_block_words", self.max_furniture_words)


def clean_text(
    text: str,
    options: CleanOptions = CleanOptions(),
    boilerplate: frozenset[str] = frozenset(),
    blocks: frozenset[str] = frozenset(),
) -> str:
    """``text`` normalised, without furniture phrases, ``boilerplate`` and ``blocks`` lines.

    ``boilerplate`` holds :func:`storyline.text.fold` keys from :func:`find_boilerplate`;
    ``blocks`` holds whole normalised lines of furniture blocks. Boilerplate and block lines
    are not removed when that would leave nothing.
    """
    lines = normalize(text).split("\n")
    if options.phrases:
        lines = _drop_phrases(lines, options)
    if boilerplate or blocks:
        kept = [
            line
            for line in lines
            if line not in blocks and not _is_boilerplate(line, boilerplate, options)
        ]
        if any(line.strip() for line in kept):
            lines = kept
    text = "\n".join(lines)  # lines are normalised: only blank runs can be left
    if "\n\n\n" in text:  # the test is a memchr; the regex scan costs ~60 us an article
        text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def _drop_phrases(lines: list[str], options: CleanOptions) -> list[str]:
    kept: list[str] = []
    drop_headline = False
    for line in lines:
        stripped = (_INLINE.sub("", line) if "ontinues" in line else line).strip()
        if stripped.startswith("YES | NO"):
            stripped = _EDITION_BUTTONS.sub("", stripped)
        if not stripped:
            kept.append("")
            continue
        if "|" in stripped and _COMMENTS.search(stripped) and any(kept):
            break  # readers' comments from here on, not the story
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
    return _without_bio(kept)


def _without_bio(lines: list[str]) -> list[str]:
    """``lines`` without a writer's bio among the last two lines with text."""
    filled = [n for n, line in enumerate(lines) if line][-2:]
    bios = [n for n in filled if is_author_bio(lines[n])]
    if not bios or len(filled) < 2:  # an article that is only a bio is left alone
        return lines
    return [line for n, line in enumerate(lines) if n not in bios]


def is_furniture_line(line: str) -> bool:
    """Whether a whole (normalised) line is one of the known furniture phrases, or a short
    run of them ("That's all from us today. Our live coverage resumes tomorrow.")."""
    if len(line) <= _FIXED_MAX_CHARS and _FIXED_LINE.match(line):
        return True
    if len(line) <= 2 * _FIXED_MAX_CHARS and ". " in line:
        parts = _SENTENCE_BREAK.split(line)
        if 1 < len(parts) <= 3 and all(_FIXED_LINE.match(part) for part in parts):
            return True
    if len(line) > _PREFIXED_MAX_CHARS:
        return False
    if line.startswith("(") and _CREDIT.match(line):
        return True
    head = line[:12].lower()
    if not head.startswith(_TRIGGERS) and "rights reserved" not in line.lower():
        return False
    count = len(line.split())
    return any(count <= limit and rule.search(line) for rule, limit in _PREFIXED)


def _is_link_headline(line: str, options: CleanOptions) -> bool:
    short = line.count(" ") < options.link_headline_words
    return short and not _SENTENCE_END.search(line)


def _is_boilerplate(line: str, boilerplate: frozenset[str], options: CleanOptions) -> bool:
    if not line.strip() or line.count(" ") >= options.max_furniture_words * 2:
        return False
    return _fold_normalized(line) in boilerplate


def _fold_normalized(line: str) -> str:
    """:func:`storyline.text.fold` of a line that is already normalised (same key, faster)."""
    return " ".join(words(line.lower()))


def has_quote(line: str) -> bool:
    """Whether the line quotes someone: such a line is never furniture."""
    return '"' in line or "\u201c" in line or "\u201d" in line


def furniture_key(line: str, options: CleanOptions) -> str:
    """The fold key of a line that could be site furniture (short, no quotes), else ""."""
    if line.count(" ") >= options.max_furniture_words * 2:  # cheap tests before folding
        return ""
    if has_quote(line):
        return ""
    key = _fold_normalized(line)
    return key if key and key.count(" ") < options.max_furniture_words else ""


@dataclass(frozen=True)
class _Lines:
    """What the copy test reads of one article: its line hashes and their word counts."""

    hashes: array[int]
    sizes: array[int]


def _candidates(text: str, options: CleanOptions, keys: dict[str, str]) -> tuple[str, ...]:
    """The fold keys of the article's lines that could be site furniture (sorted)."""
    found: set[str] = set()
    for line in normalize(text).split("\n"):
        if key := furniture_key(line, options):
            found.add(keys.setdefault(key, key))
    return tuple(sorted(found))


def _lines(text: str, options: CleanOptions) -> _Lines:
    seen: dict[int, int] = {}
    for line in normalize(text).split("\n"):
        size = line.count(" ") + 1  # normalised text: one space between words
        if size > options.max_furniture_words * 2:  # never a candidate: skip tokenising
            seen[xxhash.xxh64_intdigest(line.lower().encode("utf-8"))] = size
            continue
        key = _fold_normalized(line)
        if key:
            seen[xxhash.xxh64_intdigest(key.encode("utf-8"))] = key.count(" ") + 1
    ordered = sorted(seen)
    return _Lines(array("Q", ordered), array("I", (seen[h] for h in ordered)))


def find_boilerplate(
    texts: Iterable[str], options: CleanOptions = CleanOptions()
) -> frozenset[str]:
    """Fold keys of short lines that recur across at least ``min_repeat`` articles as furniture.

    A recurring short line is content, not furniture, when the articles holding it are
    copies of one text: among the first ``sample_articles`` holders, the lines found in at
    least half of them (two or more) make up more than half of the holders' words on
    average. Furniture shares only itself (and other furniture) with the articles around
    it; a wire story copied five times shares nearly everything."""
    return _Furniture(list(texts), options).find()


class _Furniture:
    """The site furniture of a corpus, kept up to date while its texts are cleaned: after a
    pass, only the keys of the texts that changed are decided again (their holders or their
    holders' lines changed; every other decision would come out the same)."""

    def __init__(self, texts: list[str], options: CleanOptions, steps: Steps | None = None) -> None:
        self.texts = texts
        self.options = options
        self.keys: dict[str, str] = {}  # one string per distinct key, not one per article
        read = counted(texts, steps, "articles read")
        self.found = [_candidates(text, options, self.keys) for text in read]
        self.counts = Counter(key for found in self.found for key in found)
        self.decided: dict[str, bool] = {}  # key -> furniture, for keys that recur enough
        self.stale: set[str] | None = None  # None: nothing decided yet

    def find(self) -> frozenset[str]:
        """Keys that are furniture now."""
        wanted = {key for key, count in self.counts.items() if count >= self.options.min_repeat}
        if self.stale is not None:
            wanted &= self.stale
            for key in self.stale:
                self.decided.pop(key, None)
        self.decided.update(self._decide(wanted))
        self.stale = set()
        return frozenset(key for key, furniture in self.decided.items() if furniture)

    def holding(self, boilerplate: frozenset[str]) -> list[int]:
        """Indexes of the texts that hold one of these keys."""
        return [i for i, found in enumerate(self.found) if not boilerplate.isdisjoint(found)]

    def update(self, index: int, text: str) -> None:
        """Text ``index`` was cleaned into ``text``: its keys are decided again."""
        old, new = self.found[index], _candidates(text, self.options, self.keys)
        self.texts[index], self.found[index] = text, new
        self.counts.subtract(old)
        self.counts.update(new)
        assert self.stale is not None, "update() comes after find()"
        self.stale.update(old, new)

    def blocks(self, boilerplate: frozenset[str]) -> frozenset[str]:
        """Long lines of furniture blocks among the texts that hold ``boilerplate``.

        A long line (at most ``max_block_words`` words, no quotation) that recurs in
        ``min_block_repeat`` articles belongs to a block when, in at least half of them, it sits
        next to furniture (a short furniture line, or a line already found in a block), when
        it recurs with that furniture (in at least half as many articles as the furniture
        line it sits next to most), and when its articles are not copies of one text. A
        paragraph that several stories share, next to a site's "Share this page" line, is
        not furniture: the site line is on far more pages than the paragraph.
        """
        sides = _Sides(boilerplate, self.options)
        for index in self.holding(boilerplate):
            sides.read(index, self.texts[index])
        found: set[str] = set()
        copied: dict[str, bool] = {}  # a line's holders do not change between rounds
        while fresh := [
            line
            for line in sides.beside_furniture(found, self)
            if not self._copied(sides.holders[line], line, copied)
        ]:
            found.update(fresh)
        return frozenset(found)

    def _copied(self, holders: list[int], line: str, memo: dict[str, bool]) -> bool:
        if line not in memo:
            sample = holders[: self.options.sample_articles]
            lines = {i: _lines(self.texts[i], self.options) for i in sample}
            memo[line] = _copies(sample, lines)
        return memo[line]

    def _decide(self, wanted: set[str]) -> dict[str, bool]:
        holders: dict[str, list[int]] = {key: [] for key in wanted}
        for index, found in enumerate(self.found):
            for key in found:
                sample = holders.get(key)
                if sample is not None and len(sample) < self.options.sample_articles:
                    sample.append(index)
        # Only the sampled holders are read by the copy test: their lines alone are hashed.
        sampled = sorted({i for sample in holders.values() for i in sample})
        lines = {i: _lines(self.texts[i], self.options) for i in sampled}
        return {key: not _copies(sample, lines) for key, sample in holders.items()}


class _Sides:
    """Long lines of the texts that hold furniture, and what sits next to each of them."""

    def __init__(self, boilerplate: frozenset[str], options: CleanOptions) -> None:
        self.boilerplate = boilerplate
        self.options = options
        self.holders: dict[str, list[int]] = {}
        # long line -> per text holding it, the furniture keys and long lines around it
        self.around: dict[str, list[tuple[str, ...]]] = {}

    def read(self, index: int, text: str) -> None:
        lo, hi = self.options.max_furniture_words, self.options.max_block_words
        values: list[str] = []  # per non-blank line: a long line, a furniture key, or ""
        longs: list[int] = []
        for line in normalize(text).split("\n"):
            if not line:
                continue
            if lo < line.count(" ") + 1 <= hi and not has_quote(line):
                longs.append(len(values))
                values.append(line)
            else:
                key = furniture_key(line, self.options)
                values.append(key if key in self.boilerplate else "")
        done: set[str] = set()
        for at in longs:
            line = values[at]
            if line in done:
                continue
            done.add(line)
            above = values[at - 1] if at else ""
            below = values[at + 1] if at + 1 < len(values) else ""
            self.holders.setdefault(line, []).append(index)
            self.around.setdefault(line, []).append(tuple(x for x in (above, below) if x))

    def beside_furniture(self, found: set[str], furniture: _Furniture) -> list[str]:
        """Long lines next to furniture (a short key, or a line in ``found``) in at least
        half of their texts, and on at least half as many texts as the furniture they sit
        next to most."""
        out = []
        for line, holders in self.holders.items():
            if len(holders) < self.options.min_block_repeat or line in found:
                continue
            beside: Counter[str] = Counter()
            touching = 0
            for around in self.around[line]:
                near = {x for x in around if x in found or x in self.boilerplate}
                touching += bool(near)
                beside.update(near)
            if touching * 2 < len(holders):
                continue
            most = min(beside, key=lambda x: (-beside[x], x))
            size = len(self.holders[most]) if most in self.holders else furniture.counts[most]
            if len(holders) * 2 >= size:
                out.append(line)
        return sorted(out)


def _copies(indexes: list[int], lines: dict[int, _Lines]) -> bool:
    """Whether these articles are mostly one text: shared lines hold most of their words."""
    occurrences: Counter[int] = Counter()
    for index in indexes:
        occurrences.update(lines[index].hashes)
    needed = max(2, (len(indexes) + 1) // 2)
    shared = {h for h, count in occurrences.items() if count >= needed}
    ratios = []
    for index in indexes:
        profile = lines[index]
        total = sum(profile.sizes)
        pairs = zip(profile.hashes, profile.sizes, strict=True)
        common = sum(size for h, size in pairs if h in shared)
        ratios.append(common / total if total else 0.0)
    return sum(ratios) / len(ratios) > 0.5


@dataclass(frozen=True)
class Furniture:
    """What the repeated pass cut: fold keys of short furniture lines (``lines``) and whole
    lines of furniture blocks and house footers (``blocks``)."""

    lines: frozenset[str] = frozenset()
    blocks: frozenset[str] = frozenset()

    def __or__(self, other: Furniture) -> Furniture:
        return Furniture(self.lines | other.lines, self.blocks | other.blocks)


def clean_articles(
    articles: Sequence[Article],
    options: CleanOptions = CleanOptions(),
    steps: Steps | None = None,
) -> list[Article]:
    """Each article with its ``text`` cleaned, site furniture found across all of them
    (``steps`` hears how many articles are read for furniture, then cleaned, per pass).

    Cleaning goes on over its own output until it cuts nothing more (at most
    ``_MAX_PASSES`` passes): once furniture is gone, articles that looked like copies of one
    text because they shared it no longer do, and their own recurring lines may be
    furniture too. So the cleaned corpus is a fixed point. A pass after the first reads only
    the texts that hold furniture found since.
    """
    return clean_corpus(articles, options, steps)[0]


def clean_corpus(
    articles: Sequence[Article],
    options: CleanOptions = CleanOptions(),
    steps: Steps | None = None,
    known: Furniture = Furniture(),
) -> tuple[list[Article], Furniture]:
    """:func:`clean_articles`, cutting the ``known`` furniture too, and the furniture cut.

    ``known`` is what an earlier run found over pages that are stored cleaned (their lines
    no longer show it): a new page that holds it loses it as it would in one run over all.
    """
    cleaned = list(articles)
    if not options.repeated:
        _clean_pass(cleaned, range(len(cleaned)), options, None, steps)
        return cleaned, Furniture()
    furniture = _Furniture([article.text for article in articles], options, steps)
    boilerplate = furniture.find() | known.lines
    footers = house_footers(cleaned, options.max_block_words)
    applied = known
    targets: Sequence[int] = range(len(cleaned))
    for _ in range(_MAX_PASSES):
        blocks = furniture.blocks(boilerplate) if boilerplate else frozenset()
        blocks |= footers | known.blocks
        applied |= Furniture(boilerplate, blocks)
        if not _clean_pass(cleaned, targets, options, (furniture, boilerplate, blocks), steps):
            break
        boilerplate = furniture.find() | known.lines
        targets = furniture.holding(boilerplate)
        more = house_footers(cleaned, options.max_block_words)
        if more - footers:  # a footer of two lines shows its second line once the first goes
            footers |= more
            targets = range(len(cleaned))
    return cleaned, applied


def clean_known(
    articles: Sequence[Article], options: CleanOptions, known: Furniture
) -> list[Article]:
    """Each article cleaned with the ``known`` furniture only (no corpus is read), again
    until nothing more goes, as the passes of :func:`clean_corpus` clean it."""
    cleaned = list(articles)
    found = (None, known.lines, known.blocks) if options.repeated else None
    targets: Sequence[int] = range(len(cleaned))
    for _ in range(_MAX_PASSES):
        if not _clean_pass(cleaned, targets, options, found):
            break
    return cleaned


def _clean_pass(
    cleaned: list[Article],
    targets: Sequence[int],
    options: CleanOptions,
    found: tuple[_Furniture | None, frozenset[str], frozenset[str]] | None,
    steps: Steps | None = None,
) -> bool:
    """Clean ``cleaned[i]`` for each target in place, with the furniture ``found`` so far
    (the corpus' recurring lines, kept up to date as texts change, when given; short-line
    keys; long lines: none without the repeated pass); whether any text changed."""
    furniture, boilerplate, blocks = found if found else (None, frozenset[str](), frozenset())
    changed = False
    for index in counted(targets, steps, "articles cleaned"):
        article = cleaned[index]
        text = clean_text(article.text, options, boilerplate, blocks)
        title = _retitled(article, text)
        if title != article.title:
            cleaned[index] = article = replace(article, title=title)
        if text != article.text:
            cleaned[index] = replace(article, text=text)
            if furniture:
                furniture.update(index, text)
            changed = True
    return changed


def _retitled(article: Article, text: str) -> str:
    """The title for the cleaned ``text``. One that ingest made from the first sentence
    follows the text when cleaning cut that sentence (a site's teaser line must not name the
    article); page furniture (a byline, a date line, a page header, a furniture phrase such as
    an edition prompt) is never a title; a real headline stays, without a list bullet that
    opens it (a wire page's highlights: "* A * B" is "A")."""
    title = without_bullets(article.title) or article.title
    followed = text != article.text and article.title == derive_title(article.text)
    if is_page_furniture(title) or _FIXED_LINE.match(title) or followed:
        title = derive_title(text, skip_furniture=True) or title
    return without_bullets(title) or title
