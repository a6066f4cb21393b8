"""What the renderers show, computed once from a Digest: pure data, no markup.

Markdown, the HTML report and the web app all read these views, so a story is folded,
numbered and paged the same way everywhere.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TypeVar
from urllib.parse import urlsplit

from ..ingest.dates import Instant, published_order
from ..model import (
    Article,
    Claim,
    Digest,
    DuplicateGroup,
    Passage,
    Relation,
    Skipped,
    Story,
    TimelineEntry,
    Topic,
    Variant,
    known_source,
)
from ..summary.sentences import PRONOUNS
from ..text import split_sentences, words

PAGE_SIZE = 100
_T = TypeVar("_T")
MAX_MARKERS = 12

_UNSAFE_URL = re.compile(r"[\s<>\"'`\\\x00-\x1f\x7f]")


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text without control characters (terminal escapes, bidi overrides); keeps \\t and \\n."""
    return _CONTROL.sub("", text)


def safe_url(url: str) -> str | None:
    """The url when it is a plain http(s) link safe to emit, else None (never javascript:)."""
    url = url.strip()
    if not url or len(url) > 2000 or _UNSAFE_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def day_of(published: str | None) -> str | None:
    """``YYYY-MM-DD`` of an ISO date or timestamp, None when it has no day."""
    if published and len(published) >= 10 and published[4] == "-" and published[7] == "-":
        return published[:10]
    return None


def date_span(first: str | None, last: str | None) -> str:
    """``first – last`` in words a reader expects; "undated" when both are unknown."""
    if not first and not last:
        return "undated"
    if not first or not last or first == last:
        return first or last or ""
    return f"{first} – {last}"


@dataclass(frozen=True)
class Folded:
    """A representative article and the duplicates folded under it, with citation numbers."""

    article: Article
    number: int
    duplicates: tuple[tuple[Article, int], ...] = ()


class DigestIndex:
    """Lookups over one digest: article by id, group of an article, relations of an article."""

    def __init__(self, digest: Digest) -> None:
        self.digest = digest
        self.articles: dict[str, Article] = {a.id: a for a in digest.articles}
        self.stories: dict[str, Story] = {s.id: s for s in digest.stories}
        self.group_of: dict[str, DuplicateGroup] = {}
        for group in digest.groups:
            for article_id in group.article_ids:
                self.group_of.setdefault(article_id, group)
        self.story_of: dict[str, Story] = {}
        for story in digest.stories:
            for article_id in story.article_ids:
                self.story_of.setdefault(article_id, story)
        # an earlier version of a page (left out of the analysis) -> the version read instead
        self.superseded_by: dict[str, str] = {
            s.article_id: s.superseded_by for s in digest.skipped if s.superseded_by
        }
        self.relations_of: dict[str, list[Relation]] = {}
        # (copy, original) -> the figures the copy changed (:func:`.figures.copy_changes`):
        # a copy is listed under its story and again with the relations.
        self.figure_changes: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
        for relation in digest.relations:
            self.relations_of.setdefault(relation.a, []).append(relation)
            if relation.b != relation.a:
                self.relations_of.setdefault(relation.b, []).append(relation)

    def copied(self, article_id: str, among: Iterable[str]) -> list[str]:
        """The articles of ``among`` that a relation names as the original ``article_id``
        copies (a reprint, excerpt, rewrite or translation; a quote it credits): the
        sources a summary count treats as one voice with it."""
        within = set(among)
        return sorted(
            relation.original
            for relation in self.relations_of.get(article_id, ())
            if relation.original in within and relation.original != article_id
        )

    def article(self, article_id: str) -> Article:
        """The digest's article, or a placeholder naming the id when the digest lacks it."""
        found = self.articles.get(article_id)
        return found or Article(id=article_id, title=article_id, text="", raw_text="")

    def relation(self, a: str, b: str) -> Relation | None:
        """The relation between a and b in either order, None when there is none."""
        for relation in self.relations_of.get(a, ()):
            if {relation.a, relation.b} == {a, b}:
                return relation
        return None

    def story_relations(self, story: Story) -> list[Relation]:
        """Relations with both ends in the story, most similar first."""
        members = set(story.article_ids)
        seen: dict[tuple[str, str], Relation] = {}
        for article_id in story.article_ids:
            for r in self.relations_of.get(article_id, ()):
                if r.a in members and r.b in members:
                    seen[(r.a, r.b)] = r
        return sorted(seen.values(), key=lambda r: (-r.similarity, r.a, r.b))


def voices(story: Story, index: DigestIndex) -> int:
    """Independent reports in ``story``: the articles of one copy group count once."""
    return len({_voice(article_id, index) for article_id in story.article_ids})


def _voice(article_id: str, index: DigestIndex) -> str:
    group = index.group_of.get(article_id)
    return group.id if group else article_id


def ranked_stories(index: DigestIndex) -> list[Story]:
    """The digest's stories, most widely reported first: by independent reports (copies
    count once), then named outlets, then the newest last date; ties keep digest order.

    A reader of a large digest wants the main stories first, not the first ones founded.
    """
    newest_first = sorted(index.digest.stories, key=lambda s: s.last_date or "", reverse=True)
    return sorted(
        newest_first,
        key=lambda s: (-voices(s, index), -sum(map(known_source, s.outlets))),
    )


def _date_key(article: Article) -> tuple[Instant, str, str]:
    return (published_order(article.published), article.title, article.id)


def fold_story(story: Story, index: DigestIndex) -> list[Folded]:
    """The story's articles, duplicates folded under their representative, numbered 1..n.

    Representatives are ordered by publication date, then title and id; each duplicate gets
    the number after its representative, so the numbers read in order down the list.
    """
    members = [index.article(article_id) for article_id in dict.fromkeys(story.article_ids)]
    member_ids = {a.id for a in members}
    folded_under: dict[str, list[Article]] = {}
    heads: list[Article] = []
    for article in members:
        group = index.group_of.get(article.id)
        rep = group.representative if group else article.id
        if rep != article.id and rep in member_ids:
            folded_under.setdefault(rep, []).append(article)
        else:
            heads.append(article)
    result: list[Folded] = []
    number = 1
    for head in sorted(heads, key=_date_key):
        dups = sorted(folded_under.get(head.id, []), key=_date_key)
        numbered = tuple((dup, number + 1 + i) for i, dup in enumerate(dups))
        result.append(Folded(head, number, numbered))
        number += 1 + len(dups)
    return result


def numbering(folded: Iterable[Folded]) -> dict[str, int]:
    """Article id -> citation number, from :func:`fold_story`."""
    numbers: dict[str, int] = {}
    for entry in folded:
        numbers[entry.article.id] = entry.number
        for dup, number in entry.duplicates:
            numbers[dup.id] = number
    return numbers


def topic_markers(stories: Sequence[Story], index: DigestIndex) -> dict[str, str]:
    """Article id -> ``"story.source"`` marker (``"2.3"``: the second story shown, its source
    [3]), so that a topic's summary cites the numbers of its stories' own source lists;
    ``stories`` are those shown, in the order they are numbered."""
    return {
        article_id: f"{position}.{number}"
        for position, story in enumerate(stories, start=1)
        for article_id, number in numbering(fold_story(story, index)).items()
    }


def topic_claims(claims: Sequence[Claim], where: Mapping[str, str]) -> tuple[Claim, ...]:
    """The sentences of a topic's summary that cite an article shown (``where``, of
    :func:`topic_markers`): one that only stories left out of the page support would be
    printed with no source to read."""
    return tuple(claim for claim in claims if any(a in where for a in claim.support))


def not_shown(topic: Topic, shown: Container[str]) -> str:
    """ " (1 more not shown)" after a topic's stories when the page left some out (its title
    may be that of one of them); "" when it shows them all."""
    hidden = sum(1 for story_id in topic.story_ids if story_id not in shown)
    return f" ({hidden:,} more not shown)" if hidden else ""


def topic_cited(
    article_ids: Sequence[str], where: dict[str, str]
) -> tuple[list[tuple[str, str]], int]:
    """(marker, article id) pairs in reading order, and how many were left out: past the
    markers printed, or in a story the page does not show (a topic's "sources differ" line
    read as an empty citation when all its sources were)."""

    def order(marker: str) -> tuple[int, ...]:
        return tuple(int(part) for part in marker.split("."))

    cited = sorted({(where[a], a) for a in article_ids if a in where}, key=lambda p: order(p[0]))
    hidden = len(set(article_ids)) - len(cited)
    return cited[:MAX_MARKERS], max(0, len(cited) - MAX_MARKERS) + hidden


def markers(
    article_ids: Sequence[str], numbers: dict[str, int]
) -> tuple[list[tuple[int, str]], int]:
    """(number, article id) pairs to print for a citation, and how many more were left out."""
    cited = sorted({(numbers[a], a) for a in article_ids if a in numbers})
    return cited[:MAX_MARKERS], max(0, len(cited) - MAX_MARKERS)


def per_day(articles: Iterable[Article]) -> list[tuple[str, int]]:
    """Articles per publication day, every day of the span listed (zeros included)."""
    from datetime import date, timedelta

    counts = Counter(d for d in (day_of(a.published) for a in articles) if d)
    if not counts:
        return []
    try:
        days = sorted(date.fromisoformat(d) for d in counts)
    except ValueError:
        return sorted(counts.items())
    first, last = days[0], days[-1]
    if (last - first).days > 3660:  # a decade of zeros says nothing; keep the dated days only
        return sorted(counts.items())
    span = (first + timedelta(days=i) for i in range((last - first).days + 1))
    return [(d.isoformat(), counts.get(d.isoformat(), 0)) for d in span]


@dataclass(frozen=True)
class Segment:
    """A stretch of text, marked (``mark`` > 0, the passage number) or plain (``mark`` == 0)."""

    text: str
    mark: int = 0
    title: str = ""


def segments(text: str, spans: Sequence[tuple[int, int, int, str]]) -> list[Segment]:
    """Cut ``text`` into plain and marked segments; spans are (start, end, mark, title).

    Overlapping spans are resolved first come first served, out-of-range offsets clipped,
    so bad offsets never raise.
    """
    result: list[Segment] = []
    cursor = 0
    for start, end, mark, title in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        start, end = max(start, cursor), min(end, len(text))
        if end <= start:
            continue
        if start > cursor:
            result.append(Segment(text[cursor:start]))
        result.append(Segment(text[start:end], mark, title))
        cursor = end
    if cursor < len(text):
        result.append(Segment(text[cursor:]))
    return result


def passage_spans(passages: Sequence[Passage], side: str) -> list[tuple[int, int, int, str]]:
    """Spans of the passages on side ``"a"`` or ``"b"``, numbered from 1 in order."""
    spans = []
    for number, p in enumerate(passages, start=1):
        start, end = (p.a_start, p.a_end) if side == "a" else (p.b_start, p.b_end)
        spans.append((start, end, number, f"passage {number} ({p.kind}, score {p.score:.2f})"))
    return spans


def word_changes(passages: Sequence[Passage]) -> dict[int, tuple[tuple[str, str], ...]]:
    """Passage number (from 1, as :func:`passage_spans`) -> the words its two sides give
    differently, (a's, b's) per stretch, for verbatim passages with small edits bridged: a
    spin that swaps "called to the plant" for "summoned to the facility" keeps most of the
    wire's words, and the view shows which it swapped. An empty side is a word left out."""
    found = {}
    for number, p in enumerate(passages, start=1):
        if p.kind != "verbatim" or p.score >= 1.0:
            continue
        a, b = p.a_text.split(), p.b_text.split()
        matcher = SequenceMatcher(None, _word_keys(a), _word_keys(b), autojunk=False)
        pairs = tuple(
            (" ".join(a[i1:i2]), " ".join(b[j1:j2]))
            for tag, i1, i2, j1, j2 in matcher.get_opcodes()
            if tag != "equal"
        )
        if pairs:
            found[number] = pairs
    return found


def _word_keys(printed: list[str]) -> list[str]:
    """Words as compared: case and the punctuation around them left out."""
    return [word.strip(_PUNCTUATION).casefold() for word in printed]


_PUNCTUATION = ".,;:!?\"'()[]\u201c\u201d\u2018\u2019"


def oriented(relation: Relation | None, a: Article) -> Relation | None:
    """The relation with ``a`` on side a (passages swapped when it was stored the other way)."""
    if relation is None or relation.a == a.id:
        return relation
    swapped = tuple(
        Passage(p.b_start, p.b_end, p.a_start, p.a_end, p.b_text, p.a_text, p.kind, p.score)
        for p in relation.passages
    )
    return Relation(
        a=relation.b,
        b=relation.a,
        kind=relation.kind,
        similarity=relation.similarity,
        containment_a=relation.containment_b,
        containment_b=relation.containment_a,
        original=relation.original,
        reason=relation.reason,
        passages=swapped,
    )


def split_skipped(digest: Digest) -> tuple[tuple[Skipped, ...], tuple[Skipped, ...]]:
    """The digest's skipped inputs that left no article, and the remarks on articles read (a
    given date that could not be read: the article it names was kept, undated).

    An earlier version of a page is always skipped, left out of the analysis: it is no
    remark on its later version, even when that was saved over the same file."""
    read = {(article.path, article.record) for article in digest.articles}
    # A note on an earlier version (its date not read) is a remark too: the version is
    # counted once, as superseded, not twice.
    read |= {(entry.path, entry.record) for entry in digest.skipped if entry.superseded_by}

    def remark(entry: Skipped) -> bool:
        return (entry.path, entry.record) in read and not entry.superseded_by

    left = tuple(entry for entry in digest.skipped if not remark(entry))
    remarks = tuple(entry for entry in digest.skipped if remark(entry))
    return left, remarks


def counted(count: int, noun: str, plural: str = "") -> str:
    """ "3 outlets" / "1 outlet" ("stories" needs its ``plural`` spelled out)."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


# A story's timeline on a page: its most salient dates. The JSON and `storyline timeline`
# keep every date; a long story's tail is mostly dates one source names in passing.
KEY_DATES = 20


def key_entries(
    entries: Sequence[TimelineEntry], limit: int = KEY_DATES
) -> tuple[tuple[TimelineEntry, ...], int]:
    """The entries of the ``limit`` most salient dates (an entry's score; ties: the earlier
    date), still in date order, and how many dates are left out."""
    best: dict[str, float] = {}
    for entry in entries:
        day = entry.date or ""
        best[day] = max(best.get(day, entry.score), entry.score)
    if len(best) <= limit:
        return tuple(entries), 0
    kept = set(sorted(best, key=lambda day: (-best[day], day))[:limit])
    return tuple(e for e in entries if (e.date or "") in kept), len(best) - limit


def more_dates(left: int) -> str:
    """What a page says of the dates :func:`key_entries` left out ("" when none); the page
    adds the command that lists them, `storyline timeline --story ID`."""
    return f"and {counted(left, 'less salient date')}" if left else ""


def entry_when(entry: TimelineEntry) -> str:
    """ "2022-01-17", "January 9, year unknown" (a month and day only) or "undated"."""
    if entry.date:
        return entry.date
    if entry.month_day:
        month, day = int(entry.month_day[2:4]), int(entry.month_day[5:7])
        return f"{calendar.month_name[month]} {day}, year unknown"
    return "undated"


_QUOTE_MARKS = frozenset("\"'`\u201c\u2018\u00ab\u201e")
# Openers whose referent the sentence before most often names: third persons and "But ...";
# an "I" or a "we" is a speaker's, named (if anywhere) in the quotation's attribution.
_REFERRING = PRONOUNS - {"i", "we", "you", "our", "my", "your"}


def entry_context(entry: TimelineEntry, articles: Mapping[str, Article]) -> str:
    """The sentence before an entry that opens on a pronoun or a connective ("It was last
    strengthened in 2011", "But ..."), in the article it is printed from: printed alone, the
    entry does not say what "it" is, and that sentence most often does. When that sentence
    opens on a pronoun too ("He predicted ..." before "He predicted ..."), the one before it
    is shown as well: two sentences at most, so a chain never prints a paragraph. "" for any
    other entry, or when the article's text is not in the digest. A quotation is left alone:
    its "we" is the speaker's, whom it names ("'We rebuilt it,' said the captain")."""
    if not _refers_back(entry.text):
        return ""
    for evidence in entry.evidence:
        article = articles.get(evidence.article_id)
        if article is None or not evidence.text.endswith(entry.text):
            continue
        if article.text[evidence.start : evidence.end] == evidence.text:
            before = split_sentences(article.text[max(0, evidence.start - 2000) : evidence.start])
            shown = [span.text.strip() for span in before[-2:]]
            if len(shown) == 2 and not _refers_back(shown[1]):
                shown = shown[1:]
            return " ".join(shown)
    return ""


def context_sources(entries: Iterable[TimelineEntry]) -> set[str]:
    """The ids of the articles whose text :func:`entry_context` reads for ``entries`` (a page
    that holds no article text, as the web app's, loads these)."""
    return {
        evidence.article_id
        for entry in entries
        if _refers_back(entry.text)
        for evidence in entry.evidence
        if evidence.text.endswith(entry.text)
    }


def _refers_back(text: str) -> bool:
    """Opens on a third-person pronoun or a connective, outside a quotation."""
    opening = words(text[:40])
    return text[:1] not in _QUOTE_MARKS and bool(opening) and opening[0].lower() in _REFERRING


_STAMP = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def when_published(stamp: str | None) -> str:
    """A publication as a reader scans it: "2026-11-18 13:00 UTC", "2026-11-18 13:00+02:00",
    "2026-11-18 13:00" (no offset given), "2026-11-18"; a year or month as given; "" undated."""
    if not stamp:
        return ""
    match = _STAMP.match(stamp)
    if match is None:
        return stamp
    day, clock, zone = match.groups()
    if clock is None:
        return str(day)
    if zone in ("Z", "+00:00", "+0000", "-00:00"):
        zone = " UTC"
    return f"{day} {clock}{zone or ''}"


def dated_variants(
    variants: Sequence[Variant],
    articles: Mapping[str, Article],
    updated: Iterable[str] = (),
    copied: Callable[[str, Iterable[str]], list[str]] | None = None,
) -> list[tuple[Variant, str]]:
    """Each version of a disputed figure or name with the first publication among the
    articles giving it, the earliest version first (undated last). A toll revised through
    the day ("at least three people" at 10:15, "Seven people" at 13:00) then reads as its
    revisions, where without the times it reads as sources contradicting one another.

    ``updated``: the articles that are later versions of a page updated in place; such a
    page keeps its first publication time, which is then not when it gave this version.
    ``copied`` (:meth:`DigestIndex.copied`): an article that copies another giving the same
    version did not give it first, whatever its date (a copy backdated before the wire)."""
    since = frozenset(updated)

    def first(variant: Variant) -> tuple[str | None, str]:
        giving = [i for i in variant.article_ids if i in articles]
        if copied is not None:
            giving = [i for i in giving if not copied(i, variant.article_ids)] or giving
        dated = [(articles[i].published, i) for i in giving]
        return min(dated, key=lambda p: (published_order(p[0]), p[1]), default=(None, ""))

    firsts = [first(v) for v in variants]
    order = sorted(range(len(variants)), key=lambda n: (published_order(firsts[n][0]), n))
    rows = []
    for n in order:
        stamp, article_id = firsts[n]
        when = when_published(stamp)
        if when and article_id in since:
            when += ", by a page updated since"
        rows.append((variants[n], when))
    return rows


def claim_outlets(claim: Claim, articles: Mapping[str, Article] | None = None) -> str:
    """ "3 independent outlets" / "1 independent outlet".

    Copies of one text count once, so a wire story cited from three papers reads
    "1 independent outlet", not "1 outlet" next to three citations. When a supporting
    article's outlet is unknown (it counts as a voice of its own), the count is of
    "independent sources": "outlets" would claim more than is known.
    """
    if articles is not None and not all(
        known_source(articles[i].source)
        for i in (*claim.support, *(r.article_id for r in claim.corroboration))
        if i in articles
    ):
        return counted(claim.outlets, "independent source")
    return counted(claim.outlets, "independent outlet")


def page_of(items: Sequence[_T], page: int, size: int = PAGE_SIZE) -> tuple[list[_T], int]:
    """One page (1-based, clamped) of ``items``, and the page count."""
    pages = max(1, -(-len(items) // size))
    page = min(max(page, 1), pages)
    return list(items[(page - 1) * size : page * size]), pages


# A day version of a timeline entry ("Sunday, 2026-03-08": see storyline.timeline.disputes).
_DAY_VERSION = re.compile(r".*, \d{4}-\d{2}-\d{2}")


def variant_groups(variants: Sequence[Variant]) -> list[tuple[str, list[Variant]]]:
    """An entry's versions as printed: the days in dispute, then the figure's, each group
    with the words before it (an entry may hold both: its day and its toll)."""
    days = [v for v in variants if _DAY_VERSION.fullmatch(v.text)]
    rest = [v for v in variants if not _DAY_VERSION.fullmatch(v.text)]
    groups = [("sources differ on the date", days), ("sources differ", rest)]
    return [(heading, group) for heading, group in groups if group]
