"""Attribution: which articles state a summary sentence, how many voices, and who was first.

An article supports a sentence when one of its sentences has a content-word cosine and a
word-overlap F1 (stop words included) of at least ``support_similarity`` with it, and gives
none of its figures or names differently, or when the reuse stage aligned a verbatim passage
over most (80%) of the sentence, or a paraphrase over half of it whose other side restates
the sentence (see :data:`ALIGNED_SIMILARITY`). Precision comes first: an article is cited
only when it really says the thing. A sentence in other words (not a verbatim copy) that
dates its statement to other days than the claim does states something else: "drivers
spent two hours on detours on Tuesday, a day after the ship struck" (published on the
4th) does not say "the bridge reopened on Tuesday, eight days after the ship struck" (the
11th), however many words they share.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence

from ..ingest.dates import Instant, published_order
from ..model import Article, Passage, Relation
from ..timeline.temporal import tag_dates
from .disagreement import conflicts, swapped_figures
from .edits import edited
from .options import SummaryOptions
from .sentences import Sentence, cosine, overlap_f1

# A paraphrase pair found by the reuse stage is evidence that two sentences say one thing, so
# its other side needs less overlap with the claim than an unaligned sentence does; but it
# needs some, and no other figure or name: the reuse stage also pairs sentences that only
# share a topic ("the APEC forum in Malaysia"). On DUC 2004, with the dedup stage's relations,
# 10 of the 17 citations that only such a pair made failed the bench's independent check.
ALIGNED_SIMILARITY = 0.5


class StatedDays:
    """The days a sentence dates its statement to, resolved against its article's
    publication date (only day dates: "in March" and "Tuesday" of an undated article say
    too little to tell two statements apart)."""

    def __init__(self, by_id: Mapping[str, Article]) -> None:
        self._by_id = by_id
        self._days = functools.lru_cache(maxsize=4096)(self._resolve)

    def _resolve(self, text: str, article_id: str) -> frozenset[str]:
        article = self._by_id.get(article_id)
        if article is None or not article.published:
            return frozenset()
        mentions = tag_dates(text, article.published, article.language or "en")
        return frozenset(m.date for m in mentions if m.granularity == "day" and m.date)

    def differ(self, claim: Sentence, other: Sentence) -> bool:
        """Whether both sentences date what they say to days, and to none in common. The same
        words never differ: a copy republished on a later day says what its original said,
        "on Monday" included."""
        if claim.tokens == other.tokens:
            return False
        mine = self._days(claim.text, claim.article_id)
        if not mine:
            return False
        theirs = self._days(other.text, other.article_id)
        return bool(theirs) and mine.isdisjoint(theirs)


NO_DAYS = StatedDays({})


class SentenceIndex:
    """An inverted index from content stem to sentences, to find restatements quickly.

    Built on first use: a story told by one article needs none (no other article can restate
    its sentences), and that is most stories. With ``focus`` (the sentences that will be
    looked up), only their stems are indexed; a sentence outside it widens the index to all.
    """

    def __init__(self, sentences: Sequence[Sentence], focus: Sequence[Sentence] = ()) -> None:
        self.sentences = list(sentences)
        self.articles = {sentence.article_id for sentence in self.sentences}
        self._wanted = frozenset().union(*(s.stems for s in focus)) if focus else None
        self._postings: dict[str, list[int]] | None = None
        self._last: tuple[Sentence, list[tuple[int, int]]] | None = None
        self._by_article: dict[str, list[Sentence]] | None = None

    def _index(self, claim: Sentence) -> dict[str, list[int]]:
        """The postings of (at least) the stems of ``claim``."""
        if self._wanted is not None and not claim.stems <= self._wanted:
            self._wanted, self._postings = None, None
        if self._postings is None:
            self._postings = {}
            for n, sentence in enumerate(self.sentences):
                stems = sentence.stems if self._wanted is None else sentence.stems & self._wanted
                for token in stems:  # each list grows in sentence order
                    self._postings.setdefault(token, []).append(n)
        return self._postings

    def within(self, article_id: str, start: int, end: int) -> list[Sentence]:
        """The sentences of ``article_id`` that overlap its characters ``start:end``."""
        if self._by_article is None:
            self._by_article = {}
            for sentence in self.sentences:
                self._by_article.setdefault(sentence.article_id, []).append(sentence)
        mine = self._by_article.get(article_id, [])
        return [s for s in mine if s.start < end and start < s.end]

    def similar(self, claim: Sentence, threshold: float) -> list[Sentence]:
        """Sentences of other articles whose cosine with ``claim`` is at least ``threshold``."""
        found = []
        for n, count in self._shared(claim):
            other = self.sentences[n]
            if count / (len(claim.stems) * len(other.stems)) ** 0.5 >= threshold:
                found.append(other)
        return found

    def _shared(self, claim: Sentence) -> list[tuple[int, int]]:
        """(position, stems shared with ``claim``) of the sentences of other articles that
        share any, by position; remembered for the last claim, which is asked twice."""
        if self._last is not None and self._last[0] is claim:
            return self._last[1]
        shared: list[tuple[int, int]] = []
        if self.articles - {claim.article_id}:
            counts: Counter[int] = Counter()
            postings = self._index(claim)
            for token in claim.stems:
                counts.update(postings.get(token, ()))
            for n, count in sorted(counts.items()):
                other = self.sentences[n]
                if other.article_id != claim.article_id and other.stems:
                    shared.append((n, count))
        self._last = (claim, shared)
        return shared


def support(
    claim: Sentence,
    index: SentenceIndex,
    relations: Sequence[Relation],
    options: SummaryOptions,
    days: StatedDays = NO_DAYS,
) -> dict[str, int]:
    """Every article that states ``claim`` (its own included) -> where it says it (offset)."""
    found = {claim.article_id: claim.start}
    for other in index.similar(claim, options.support_similarity):
        if other.article_id in found or conflicts(claim, other) or days.differ(claim, other):
            continue
        if edited(claim.text, other.text):  # the claim's sentence with a slot changed
            continue
        if overlap_f1(claim.tokens, other.tokens) >= options.support_similarity:
            found[other.article_id] = other.start
    aligned = _from_relations(claim, relations, index, days)
    for article_id, start in sorted(aligned.items()):
        found.setdefault(article_id, start)
    return found


def _from_relations(
    claim: Sentence, relations: Sequence[Relation], index: SentenceIndex, days: StatedDays
) -> dict[str, int]:
    found: dict[str, int] = {}
    for other, passage, theirs, theirs_end, covered in aligned_passages(claim, relations):
        if other in found:  # one citation an article (a relation is one pair of articles)
            continue
        if passage.kind == "paraphrase":
            restating = index.within(other, theirs, theirs_end)
            if covered < 0.5 or not _restated(claim, restating, days):
                continue
        elif covered < 0.8 or _altered(claim, index.within(other, theirs, theirs_end)):
            continue
        found[other] = theirs
    return found


def aligned_passages(
    claim: Sentence, relations: Sequence[Relation]
) -> Iterator[tuple[str, Passage, int, int, float]]:
    """Each passage of the relations holding ``claim``'s article, seen from it: the other
    article, the passage, where it lies there (start, end) and the share of the claim it
    covers. Translations' passages are left out: other words are never a citation."""
    length = max(1, claim.end - claim.start)
    for relation in relations:
        if claim.article_id not in (relation.a, relation.b):
            continue
        mine_is_a = relation.a == claim.article_id
        other = relation.b if mine_is_a else relation.a
        for passage in relation.passages:
            if passage.kind == "translation":
                continue
            start, end, theirs, theirs_end = (
                (passage.a_start, passage.a_end, passage.b_start, passage.b_end)
                if mine_is_a
                else (passage.b_start, passage.b_end, passage.a_start, passage.a_end)
            )
            covered = max(0, min(end, claim.end) - max(start, claim.start)) / length
            yield other, passage, theirs, theirs_end, covered


def _altered(claim: Sentence, others: Sequence[Sentence]) -> bool:
    """Whether a copied passage gives one of the claim's figures or names differently, or
    changes a word of it (see :mod:`.edits`), where no other sentence it holds gives the
    claim as it is: the copy changed "300 people" to "450", or "every hour" to "every half
    hour", and the shingles tolerate so small an edit."""
    if any(conflicts(claim, other) for other in others):
        return True
    if any(other.tokens == claim.tokens for other in others):
        return False
    return any(edited(claim.text, other.text) for other in others)


def _restated(claim: Sentence, others: Sequence[Sentence], days: StatedDays) -> bool:
    """Whether one of ``others`` says what ``claim`` says, in words of its own."""
    return any(
        min(cosine(claim.stems, other.stems), overlap_f1(claim.tokens, other.tokens))
        >= ALIGNED_SIMILARITY
        and not conflicts(claim, other)
        and not swapped_figures(claim.text, other.text)
        and not days.differ(claim, other)
        and not edited(claim.text, other.text)
        for other in others
    )


def outlets(
    article_ids: Sequence[str],
    voice_of: Mapping[str, str],
    copied: Mapping[str, Sequence[str]] | None = None,
) -> int:
    """Independent voices among ``article_ids``, the articles that state one claim.

    Each counts as the voice of ``voice_of`` (its outlet, or its copy group's original), but
    an article that the reuse stage found copying another of them (``copied``: copy -> its
    originals) speaks with that one's voice for this claim: a live blog quoting a wire it
    credits adds no source to the wire's sentences. A copy follows one original only, so a
    page that copies two independent wires does not make them one voice."""
    return len(set(speakers(article_ids, voice_of, copied).values()))


def speakers(
    article_ids: Sequence[str],
    voice_of: Mapping[str, str],
    copied: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, str]:
    """Article id -> the voice it speaks with among ``article_ids`` (see :func:`outlets`)."""
    stating = set(article_ids)
    copied = copied or {}

    def speaker(article_id: str) -> str:
        seen = {article_id}
        while True:
            found = [o for o in copied.get(article_id, ()) if o in stating and o not in seen]
            if not found:
                return voice_of.get(article_id, article_id)
            article_id = found[0]
            seen.add(article_id)

    return {article_id: speaker(article_id) for article_id in article_ids}


def copied_from(relations: Sequence[Relation]) -> dict[str, list[str]]:
    """Copy -> the articles it copies (sorted), from every relation that names its original."""
    found: dict[str, list[str]] = {}
    for relation in relations:
        if relation.original in (relation.a, relation.b):
            copy = relation.b if relation.original == relation.a else relation.a
            found.setdefault(copy, []).append(relation.original)
    return {copy: sorted(originals) for copy, originals in found.items()}


def believed(
    article_id: str, by_id: Mapping[str, Article], copied: Mapping[str, Sequence[str]]
) -> str | None:
    """When ``article_id`` can have been published: its own date, or the latest of the
    articles it copies (``copied``: copy -> its originals) when that is later. A copy that
    predates its original was backdated, and what it adds of its own (a content farm's
    claim) is not read as the story's first news."""
    own = by_id[article_id].published if article_id in by_id else None
    if own is None:
        return None
    stamps = [own] + [
        stamp for o in copied.get(article_id, ()) if o in by_id and (stamp := by_id[o].published)
    ]
    return max(stamps, key=published_order)


def first_seen(
    article_ids: Sequence[str],
    by_id: Mapping[str, Article],
    copied: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """The earliest published article among ``article_ids``; undated last, ties by id.

    An article that a relation names as copying another of them (``copied``: copy -> its
    originals) is passed over: it did not say it first, whatever its date (a content farm's
    copy stamped an hour before the wire it credits)."""
    stating = set(article_ids)
    copied = copied or {}
    sayers = [i for i in article_ids if not stating.intersection(copied.get(i, ()))]

    def key(article_id: str) -> tuple[Instant, str]:
        published = by_id[article_id].published if article_id in by_id else None
        return (published_order(published), article_id)

    return min(sayers or article_ids, key=key)
