"""The records that flow between stages.

Every stage takes and returns these frozen dataclasses; nothing else crosses a stage boundary.
Ids are content-derived (see :mod:`storyline.ids`) so the same input always gives the same
records. Dates are ISO 8601 strings: ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month) or ``YYYY``
(year), optionally a full timestamp for ``Article.published``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

SCHEMA_VERSION = "1.2"

RelationKind = Literal[
    "duplicate", "near-duplicate", "excerpt", "rewrite", "shares-passages", "translation"
]
Granularity = Literal["day", "month", "year"]
DateOrigin = Literal["field", "metadata", "updated", "inferred", "path", "url", ""]


def known_source(source: str) -> bool:
    """Whether ``source`` names an outlet (ingest writes "unknown" when nothing does)."""
    return source.strip().lower() not in ("", "unknown")


# What a reader is shown for an article whose outlet is not known: "unknown" beside real
# outlets would read as an outlet of that name, and count as one.
NO_OUTLET = "no outlet named"


def outlet_name(source: str) -> str:
    """``source`` as a reader is shown it: the outlet, or "no outlet named"."""
    return source if known_source(source) else NO_OUTLET


def shown_outlets(outlets: Iterable[str]) -> list[str]:
    """The named ``outlets`` in their order, then "no outlet named" once when any is not."""
    listed = list(outlets)
    named = [o for o in listed if known_source(o)]
    return [*named, NO_OUTLET] if len(named) < len(listed) else named


# The characters outside ASCII at which str.split() splits (str.isspace()).
_WIDE_SPACES = (
    "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
# Each byte of UTF-8 text as b" " (an ASCII space, by str.isspace()) or b"x" (anything else:
# every byte of a character outside ASCII is 0x80 or above).
_SPACE_OR_NOT = bytes(32 if i < 128 and chr(i).isspace() else 120 for i in range(256))


def count_words(text: str) -> int:
    """``len(text.split())``, without making the words: the digest gives every article's
    word count, and splitting 100k texts took seconds of each run (this takes a tenth)."""
    if not text.isascii():
        for space in _WIDE_SPACES:
            if space in text:
                text = text.replace(space, " ")
    marks = text.encode("utf-8", "surrogatepass").translate(_SPACE_OR_NOT)
    return marks.count(b" x") + marks.startswith(b"x")


@dataclass(frozen=True)
class Article:
    """One news article, as read and as cleaned.

    ``raw_text`` is exactly what the reader found (after decoding); ``text`` is the cleaned
    body that every later stage reads. ``path`` names the input file and ``record`` the line
    (JSONL), row (CSV) or index (JSON array) inside it, 0 for a whole-file article.
    """

    id: str
    title: str
    text: str
    raw_text: str
    source: str = "unknown"
    url: str = ""
    published: str | None = None
    published_origin: DateOrigin = ""
    language: str = ""
    path: str = ""
    record: int = 0
    # Set only on articles decoded from digest JSON, whose text is not kept there.
    word_count: int | None = None
    # Set only by ingest, never stored: why a given field was not taken as it is (a
    # publication date that could not be read: the article is kept, undated; a language the
    # text contradicts); the pipeline reports it with the skipped inputs.
    ingest_note: str = field(default="", compare=False)

    @property
    def words(self) -> int:
        """Words of the cleaned text; the recorded count when the text is not at hand."""
        if self.word_count is not None:
            return self.word_count
        return count_words(self.text)

    @property
    def day(self) -> str | None:
        """The publication day (``YYYY-MM-DD``), or None when unknown."""
        return self.published[:10] if self.published and len(self.published) >= 10 else None


@dataclass(frozen=True)
class Skipped:
    """An input that could not be read, with the reason in plain words; or a remark on one
    read. For an earlier version of a page (:mod:`storyline.versions`), ``article_id`` is
    its id and ``superseded_by`` the id of the version analysed instead."""

    path: str
    reason: str
    record: int = 0
    article_id: str = ""
    superseded_by: str = ""

    @property
    def where(self) -> str:
        """ "feed.jsonl:3" for a record, the path alone for a whole file."""
        return f"{self.path}:{self.record}" if self.record else self.path


@dataclass(frozen=True)
class Span:
    """A sentence (or any stretch) of an article's cleaned text, by character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Passage:
    """A stretch of text reused between articles ``a`` and ``b`` of a :class:`Relation`.

    Offsets index each article's cleaned ``text``. ``kind`` is ``"verbatim"`` for aligned
    shared n-grams (with small edits tolerated), ``"paraphrase"`` for sentence pairs that
    say the same thing in other words, or ``"translation"`` for sentences aligned across two
    languages (:mod:`storyline.crosslang`), which share no words.
    """

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    a_text: str
    b_text: str
    kind: Literal["verbatim", "paraphrase", "translation"] = "verbatim"
    score: float = 1.0


@dataclass(frozen=True)
class Relation:
    """How article ``a`` relates to article ``b`` (``a`` < ``b`` by id).

    ``containment_a`` is the share of a's shingles found in b, ``containment_b`` the share of
    b's found in a. ``original`` is a or b when the evidence names one, else None, and
    ``reason`` says why either way.
    """

    a: str
    b: str
    kind: RelationKind
    similarity: float
    containment_a: float = 0.0
    containment_b: float = 0.0
    original: str | None = None
    reason: str = ""
    passages: tuple[Passage, ...] = ()


@dataclass(frozen=True)
class DuplicateGroup:
    """Articles that carry the same text (duplicate or near-duplicate); one voice.

    ``representative`` is the member shown when the group is folded: the likely original when
    known, else the earliest published, else the smallest id.
    """

    id: str
    representative: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Variant:
    """One wording of a disputed figure, name or date, and the articles that use it."""

    text: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True)
class Restatement:
    """A sentence of another voice that states a summary sentence's fact in its own words."""

    article_id: str
    text: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Claim:
    """One summary sentence and its provenance.

    ``article_id`` and ``start``/``end`` locate the sentence as printed; ``support`` lists every
    article that states it (verbatim, near-verbatim or as a paraphrase the reuse stage
    aligned); ``corroboration`` the articles of other voices that state its fact in their own
    words, with the sentence of each. ``outlets`` counts the independent voices of both (a
    duplicate group counts once). ``variants`` is non-empty when sources differ on a number,
    name or date in it (a frequency or a day that a copy changed in words included).
    """

    text: str
    article_id: str
    support: tuple[str, ...]
    outlets: int
    first_seen: str
    start: int = 0
    end: int = 0
    variants: tuple[Variant, ...] = ()
    corroboration: tuple[Restatement, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """A sentence that backs a timeline entry, with the temporal expression that dated it."""

    text: str
    article_id: str
    expression: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event. ``date`` is None for an undated mention, with ``note`` saying why."""

    date: str | None
    granularity: Granularity | None
    text: str
    evidence: tuple[Evidence, ...]
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    score: float = 0.0
    note: str = ""
    # "--MM-DD" (ISO 8601 without a year) for an undated "January 9": it can be put in
    # calendar order among other such entries, though no year may be invented for it.
    month_day: str = ""
    # The versions of the entry's figure that its sources give otherwise, its own first;
    # empty when no source disputes it (see storyline.timeline.variants).
    variants: tuple[Variant, ...] = ()


@dataclass(frozen=True)
class Story:
    """Articles about one event, with what the later stages say about it."""

    id: str
    title: str
    article_ids: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    first_date: str | None = None
    last_date: str | None = None
    outlets: tuple[str, ...] = ()
    topic_id: str | None = None
    summary: tuple[Claim, ...] = ()
    timeline: tuple[TimelineEntry, ...] = ()
    undated: tuple[TimelineEntry, ...] = ()


@dataclass(frozen=True)
class Topic:
    """A group of related stories, so a reader can zoom out."""

    id: str
    title: str
    story_ids: tuple[str, ...]
    keywords: tuple[str, ...] = ()
    summary: tuple[Claim, ...] = ()


@dataclass(frozen=True)
class Digest:
    """Everything one run found: the one object every renderer reads."""

    articles: tuple[Article, ...]
    stories: tuple[Story, ...]
    relations: tuple[Relation, ...] = ()
    groups: tuple[DuplicateGroup, ...] = ()
    topics: tuple[Topic, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    version: str = SCHEMA_VERSION
    notes: tuple[str, ...] = field(default=())
