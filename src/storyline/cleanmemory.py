"""What the clean stage learnt from the stored corpus, kept between runs, so that a run that
adds pages cleans only them, and cleans them as one run over the whole corpus would.

Site furniture is found by recurrence, and the store keeps pages cleaned: a line cut from
four stored pages no longer shows on them, so a fifth page with it, cleaned against the
stored texts, would keep it. :class:`CleanMemory` keeps what was cut (``furniture``), a
hash of every page as the clean stage left it (a page whose hash is not there is new or was
updated), and counts over the stored cleaned texts of what could still become furniture:
short-line keys, long lines (blocks) and outlets' closing lines (house footers).

:func:`clean_new` cleans the new pages with the known furniture alone. When one of them
makes something recur enough to be decided (a short line now on ``min_repeat`` pages, a
long line of a page that holds furniture now on ``min_block_repeat``, a closing line that
another page of its outlet ends with), it answers None: the decision reads the other
holders' texts and may cut the line from stored pages too, so the whole corpus is cleaned
again (:func:`~storyline.clean.clean_corpus`, with the known furniture) and the memory is
made again from its result (:func:`remember`).
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields, replace
from operator import attrgetter

import numpy as np
import xxhash

from .clean import CleanOptions, Furniture, clean_known, furniture_key, has_quote
from .footers import MIN_FOOTER_WORDS, house_footers
from .model import Article, known_source
from .text import normalize

MEMORY_FORMAT = "storyline.clean.memory"
MEMORY_VERSION = 1
_fields_of = attrgetter(*(f.name for f in fields(Article)))


def _hash(text: str) -> int:
    return xxhash.xxh64_intdigest(text.encode("utf-8", "surrogatepass"))


def article_hash(article: Article) -> int:
    """A hash of every field of ``article``: a page changed in any way is cleaned again."""
    values = [v if isinstance(v, str) else repr(v) for v in _fields_of(article)]
    lengths = ",".join(str(len(value)) for value in values)  # no two field lists read alike
    return _hash("\x00".join([lengths, *values]))


@dataclass(frozen=True)
class Tally:
    """Counts of 64-bit hashes: ``hashes`` sorted and distinct, ``counts`` beside them."""

    hashes: np.ndarray
    counts: np.ndarray

    @classmethod
    def of(cls, found: Iterable[int]) -> Tally:
        """The tally of ``found`` (one hash per holder)."""
        values = np.fromiter(found, dtype=np.uint64)
        hashes, counts = np.unique(values, return_counts=True)
        return cls(hashes, counts.astype(np.uint32))

    def get(self, hashes: np.ndarray) -> np.ndarray:
        """The count of each of ``hashes`` (0 for one not held)."""
        if not len(self.hashes) or not len(hashes):
            return np.zeros(len(hashes), dtype=np.uint32)
        at = np.minimum(np.searchsorted(self.hashes, hashes), len(self.hashes) - 1)
        return np.where(self.hashes[at] == hashes, self.counts[at], 0).astype(np.uint32)

    def __add__(self, other: Tally) -> Tally:
        hashes = np.concatenate([self.hashes, other.hashes])
        counts = np.concatenate([self.counts, other.counts]).astype(np.uint64)
        merged, where = np.unique(hashes, return_inverse=True)
        total = np.zeros(len(merged), dtype=np.uint64)
        np.add.at(total, where, counts)
        return Tally(merged, total.astype(np.uint32))

    def encode(self) -> list[str]:
        return [_b64(self.hashes.astype("<u8")), _b64(self.counts.astype("<u4"))]

    @classmethod
    def decode(cls, value: object) -> Tally:
        if not (isinstance(value, list) and len(value) == 2):
            raise ValueError("a tally is two arrays")
        hashes = np.frombuffer(base64.b64decode(value[0]), dtype="<u8").astype(np.uint64)
        counts = np.frombuffer(base64.b64decode(value[1]), dtype="<u4").astype(np.uint32)
        if len(hashes) != len(counts):
            raise ValueError("a tally's arrays differ in length")
        return cls(hashes, counts)


def _b64(array: np.ndarray) -> str:
    return base64.b64encode(array.tobytes()).decode("ascii")


@dataclass(frozen=True)
class Profile:
    """What a cleaned page adds to the counts: the hashes of its short-line keys, of its
    long lines (those a furniture block can hold) and of its outlet and closing line (0 when
    that line cannot be a house footer); each once."""

    keys: frozenset[int]
    longs: frozenset[int]
    ending: int


def profile(article: Article, options: CleanOptions) -> Profile:
    """The :class:`Profile` of ``article``, read as :mod:`storyline.clean` and
    :func:`storyline.footers.house_footers` read a page."""
    keys: set[int] = set()
    longs: set[int] = set()
    filled: list[str] = []
    low, high = options.max_furniture_words, options.max_block_words
    for line in normalize(article.text).split("\n"):
        if not line:
            continue
        filled.append(line)
        size = line.count(" ") + 1
        if low < size <= high and not has_quote(line):
            longs.add(_hash(line))
        if key := furniture_key(line, options):
            keys.add(_hash(key))
    return Profile(frozenset(keys), frozenset(longs), _ending(article, filled, high))


def _ending(article: Article, filled: list[str], max_words: int) -> int:
    if not known_source(article.source) or len(filled) < 2:
        return 0
    return _ending_hash(article.source, filled[-1].strip(), max_words)


def _last_line(article: Article, max_words: int) -> int:
    """:func:`_ending` of a stored (normalised) text, read from its end alone."""
    head, _, last = article.text.strip().rpartition("\n")
    if not known_source(article.source) or not head.strip():
        return 0
    return _ending_hash(article.source, last.strip(), max_words)


def _ending_hash(source: str, last: str, max_words: int) -> int:
    if not MIN_FOOTER_WORDS <= last.count(" ") + 1 <= max_words or '"' in last:
        return 0
    return _hash(f"{source.strip().lower()}\n{last}")


@dataclass(frozen=True)
class CleanMemory:
    """What later runs need of the clean stage (see the module's description); ``code``
    identifies the clean code and options it holds for (other ones: it is not used)."""

    code: str
    furniture: Furniture
    seen: np.ndarray  # sorted article hashes
    keys: Tally
    longs: Tally
    endings: Tally

    def to_json(self) -> str:
        return json.dumps(
            {
                "format": MEMORY_FORMAT,
                "version": MEMORY_VERSION,
                "code": self.code,
                "lines": sorted(self.furniture.lines),
                "blocks": sorted(self.furniture.blocks),
                "seen": _b64(self.seen.astype("<u8")),
                "keys": self.keys.encode(),
                "longs": self.longs.encode(),
                "endings": self.endings.encode(),
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str | None, code: str) -> CleanMemory | None:
        """The memory saved as ``text``; None when there is none, when it was made by other
        code or options, or when it cannot be read (the corpus is then cleaned whole)."""
        if not text:
            return None
        try:
            data = json.loads(text)
            if data.get("format") != MEMORY_FORMAT or data.get("version") != MEMORY_VERSION:
                return None
            if data.get("code") != code:
                return None
            furniture = Furniture(frozenset(data["lines"]), frozenset(data["blocks"]))
            seen = np.frombuffer(base64.b64decode(data["seen"]), dtype="<u8").astype(np.uint64)
            tallies = [Tally.decode(data[name]) for name in ("keys", "longs", "endings")]
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        return cls(code, furniture, seen, *tallies)


def remember(
    articles: Sequence[Article], furniture: Furniture, options: CleanOptions, code: str
) -> CleanMemory:
    """The memory of a corpus that the clean stage left as ``articles``, having cut
    ``furniture``."""
    profiles = [profile(article, options) for article in articles]
    seen = np.unique(np.fromiter((article_hash(a) for a in articles), dtype=np.uint64))
    return CleanMemory(code, furniture, seen, *_tallies(profiles))


def _tallies(profiles: Sequence[Profile]) -> tuple[Tally, Tally, Tally]:
    return (
        Tally.of(h for p in profiles for h in p.keys),
        Tally.of(h for p in profiles for h in p.longs),
        Tally.of(p.ending for p in profiles if p.ending),
    )


def clean_new(
    articles: Sequence[Article], memory: CleanMemory, options: CleanOptions
) -> tuple[list[Article], CleanMemory, int] | None:
    """``articles`` with the pages that ``memory`` has not seen cleaned, the memory of the
    result and how many pages were cleaned; None when a new page makes something recur
    enough to be decided (the whole corpus must be cleaned). The other pages are returned as
    they are."""
    hashes = np.fromiter((article_hash(a) for a in articles), dtype=np.uint64)
    fresh = np.flatnonzero(~np.isin(hashes, memory.seen)).tolist()
    if not fresh:
        return list(articles), memory, 0
    inputs = [articles[i] for i in fresh]
    outputs = clean_known(inputs, options, memory.furniture)
    profiles = [profile(article, options) for article in outputs]
    added = _tallies(profiles)
    if _decides(memory, added, _holding(inputs, memory.furniture, options), profiles, options):
        return None
    if _new_footer(articles, fresh, outputs, memory.endings + added[2], options):
        return None
    cleaned = list(articles)
    for index, article in zip(fresh, outputs, strict=True):
        cleaned[index] = article
    new_hashes = np.fromiter((article_hash(a) for a in outputs), dtype=np.uint64)
    keys, longs, endings = added
    return (
        cleaned,
        replace(
            memory,
            seen=np.union1d(memory.seen, new_hashes),
            keys=memory.keys + keys,
            longs=memory.longs + longs,
            endings=memory.endings + endings,
        ),
        len(fresh),
    )


def _holding(
    articles: Sequence[Article], furniture: Furniture, options: CleanOptions
) -> list[bool]:
    """Per page, whether it held known furniture before cleaning: only such pages' long
    lines are read for furniture blocks."""
    held = []
    for article in articles:
        lines = normalize(article.text).split("\n")
        held.append(
            any(line in furniture.blocks for line in lines)
            or any(furniture_key(line, options) in furniture.lines for line in lines)
        )
    return held


def _decides(
    memory: CleanMemory,
    added: tuple[Tally, Tally, Tally],
    holding: list[bool],
    profiles: Sequence[Profile],
    options: CleanOptions,
) -> bool:
    """Whether the new pages (their tallies ``added``, their ``profiles``) make a line
    recur enough for the clean stage to decide it: the corpus must then be cleaned whole."""
    keys, longs, _ = added
    known = np.fromiter((_hash(key) for key in memory.furniture.lines), dtype=np.uint64)
    recurring = keys.hashes[(memory.keys.get(keys.hashes) + keys.counts) >= options.min_repeat]
    if len(np.setdiff1d(recurring, known)):
        return True
    held = [h for p, hold in zip(profiles, holding, strict=True) if hold for h in p.longs]
    if held:
        candidates = np.unique(np.fromiter(held, dtype=np.uint64))
        total = memory.longs.get(candidates) + longs.get(candidates)
        if (total >= options.min_block_repeat).any():
            return True
    return False


def _new_footer(
    articles: Sequence[Article],
    fresh: list[int],
    outputs: Sequence[Article],
    endings: Tally,
    options: CleanOptions,
) -> bool:
    """Whether a new page ends with a line that now makes a house footer: two pages of
    its outlet end with it (see :func:`~storyline.footers.house_footers`, which reads the
    pages that end with it, stored and new)."""
    high = options.max_block_words
    ends = [_last_line(article, high) for article in outputs]
    counts = endings.get(np.asarray(ends, dtype=np.uint64))
    shared = {h for h, count in zip(ends, counts, strict=True) if count > 1}
    shared.discard(0)
    if not shared:
        return False
    new = set(fresh)
    holders = [a for i, a in enumerate(articles) if i not in new and _last_line(a, high) in shared]
    holders += [a for a, h in zip(outputs, ends, strict=True) if h in shared]
    return bool(house_footers(holders, high))
