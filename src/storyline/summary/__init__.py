"""Attributed multi-document summaries.

:func:`summarize` picks salient, non-redundant sentences from a story's (or a topic's)
articles and returns them as :class:`~storyline.model.Claim` records, each with every article
that states it, the number of independent outlets, the article where it first appeared, and
the versions of any figure or name the sources give differently. Sentences are printed
verbatim (less a wire dateline) and ordered by when they first appeared, then by position, so
the summary reads in time order and, when the articles are dated, opens with the first
report's lead.

The stage is a pipeline of small steps: ``sentences`` (split, tokenise, sort into quality
tiers, drop boilerplate), ``salience`` (concept weights from independent voices),
``select`` (budgeted greedy concept coverage), ``attribution`` (support, outlets, first
seen) and ``disagreement`` and ``names`` (figure and name
variants), and ``foreign`` (a figure that an article in another language gives otherwise),
and ``restated`` (a sentence in another language that states a chosen one: redundant).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..ingest.dates import Instant, published_order
from ..language import language_code
from ..model import Article, Claim, DuplicateGroup, Relation
from .attribution import (
    SentenceIndex,
    StatedDays,
    believed,
    copied_from,
    first_seen,
    outlets,
    support,
)
from .corroboration import restatements
from .days import day_variants
from .disagreement import variants
from .foreign import Foreign, foreign_variants
from .names import CLOSE
from .options import SummaryOptions
from .pending import overtaken
from .restated import Restated, translations, untranslated
from .salience import concept_weights, voices
from .select import developments, latest, opening, select
from .sentences import Sentence, article_sentences
from .wording import first_reported

__all__ = ["SummaryOptions", "summarize"]


def summarize(
    articles: Sequence[Article],
    relations: Sequence[Relation] = (),
    groups: Sequence[DuplicateGroup] = (),
    options: SummaryOptions = SummaryOptions(),  # noqa: B008 - frozen, so safe to share
) -> tuple[Claim, ...]:
    """The attributed summary of ``articles``, within the length bound of ``options``.

    A word-for-word copy of its group's voice offers no candidate sentences, but still
    appears in ``support`` when it states a chosen sentence; a rewrite or excerpt offers its
    own (a new fact it adds can be chosen), and what it shares counts as one voice. Returns an
    empty tuple when there is nothing to summarise: no article, or no text but boilerplate.
    """
    by_id = {article.id: article for article in sorted(articles, key=lambda a: a.id)}
    voice_of = voices(list(by_id.values()), groups)
    by_article = {aid: article_sentences(a, options) for aid, a in by_id.items()}
    everything = [s for aid in sorted(by_article) for s in by_article[aid]]
    speakers = _speakers(list(by_id.values()), groups, relations)
    published = {aid: by_id[aid].published for aid in sorted(speakers)}
    spoken = [s for s in everything if s.article_id in speakers]
    stale = overtaken(spoken, published)
    candidates = [s for n, s in enumerate(spoken) if n not in stale]
    copied = copied_from(relations)
    foreign = _foreign(by_id, relations)
    if foreign is not None:
        candidates = untranslated(candidates, foreign, copied)
    weights = concept_weights(everything, voice_of, options.unigram_weight)
    lead = opening(candidates, published, weights, options)
    # Where the story stands now is said by the latest report that copies no other.
    originals = {aid: stamp for aid, stamp in published.items() if aid not in copied}
    now = latest(candidates, originals, weights, options, lead)
    days = StatedDays(by_id)
    restates = None if foreign is None else Restated(foreign, everything, relations, options, days)
    chosen = select(
        candidates, weights, options, lead, now, developments(candidates, originals), restates
    )
    found = (SentenceIndex(everything, focus=chosen), days)
    printed = first_reported(
        chosen, candidates, found, relations, (by_id, copied), options, (lead, now)
    )
    if printed != chosen:  # the index covers the stems of the sentences looked up
        chosen, found = printed, (SentenceIndex(everything, focus=printed), found[1])
    keyed = [
        _claim(s, found, relations, by_id, (voice_of, copied), by_article, options, foreign)
        for s in chosen
    ]
    return tuple(claim for _, claim in sorted(keyed, key=lambda pair: pair[0]))


def _foreign(by_id: dict[str, Article], relations: Sequence[Relation]) -> Foreign | None:
    """The articles' languages (as their ``language`` fields name them; ingest fills them)
    when they name two or more: only then can a figure be given otherwise in another one."""
    languages = {aid: language_code(a.language) for aid, a in by_id.items()}
    if len(set(languages.values()) - {""}) < 2:
        return None
    return Foreign(languages, [r for r in relations if r.kind == "translation"])


def _speakers(
    articles: Sequence[Article], groups: Sequence[DuplicateGroup], relations: Sequence[Relation]
) -> set[str]:
    """Ids of the articles that may offer sentences: all but the word-for-word copies of
    their group's voice. A rewrite or an excerpt keeps its own sentences (a rewrite may add
    one new fact to five old ones); what it shares with its original still counts once."""
    present = {article.id for article in articles}
    same_text = {
        frozenset((r.a, r.b)) for r in relations if r.kind in ("duplicate", "near-duplicate")
    }
    silent: set[str] = set()
    for group in groups:
        members = sorted(m for m in group.article_ids if m in present)
        if not members:
            continue
        voice = group.representative if group.representative in present else members[0]
        silent.update(m for m in members if frozenset((m, voice)) in same_text)
    return present - silent


# Below the name check's cosine by a rounding margin: the index offers every sentence that
# check could pair with the claim, and the check itself decides.
_NEARBY = CLOSE - 1e-9


def _claim(
    sentence: Sentence,
    found: tuple[SentenceIndex, StatedDays],
    relations: Sequence[Relation],
    by_id: dict[str, Article],
    voices: tuple[dict[str, str], dict[str, list[str]]],
    by_article: dict[str, list[Sentence]],
    options: SummaryOptions,
    foreign: Foreign | None = None,
) -> tuple[tuple[Instant, float, str, int], Claim]:
    """The claim for ``sentence``, with its reading-order key (when and where it first appeared).

    ``found``: the other articles' sentences, and the days each dates its statement to;
    ``voices``: each article's voice key, and the articles each copies (see :func:`outlets`);
    ``foreign``: the languages of a story told in several, whose figures are compared too."""
    index, days = found
    stating = support(sentence, index, relations, options, days)
    if foreign is not None:
        stating.update(translations(sentence, stating, foreign))
    where = {i: start for i, start in stating.items() if i in by_id}
    ids = tuple(sorted(where))
    first = first_seen(ids, by_id, voices[1])
    also, added = restatements(sentence, ids, index, *voices)
    printed = _as_first_said(sentence, first, where, by_article)
    versions = variants(sentence, ids, by_article, index.similar(sentence, _NEARBY))
    if not versions and foreign is not None:
        versions = foreign_variants(sentence, where, by_article, foreign)
    if not versions:
        versions = day_variants(sentence, ids, relations, index, by_id)
    claim = Claim(
        text=sentence.text,
        article_id=printed.article_id,
        support=ids,
        outlets=outlets(ids, *voices) + added,
        first_seen=first,
        start=printed.start,
        end=printed.end,
        variants=versions,
        corroboration=also,
    )
    position = where[first] / max(1, len(by_id[first].text))
    return (
        published_order(believed(first, by_id, voices[1])),
        position,
        sentence.article_id,
        sentence.start,
    ), claim


def _as_first_said(
    sentence: Sentence, first: str, where: dict[str, int], by_article: dict[str, list[Sentence]]
) -> Sentence:
    """``sentence`` as the article that said it first has it, when that one has the very same
    words: the claim then locates the original's sentence, not a later copy's that happened to
    be chosen (which of two identical sentences is chosen depends on how ids sort, and ids
    depend on the input format)."""
    if first == sentence.article_id:
        return sentence
    same = [s for s in by_article.get(first, ()) if s.text == sentence.text]
    at = [s for s in same if s.start == where.get(first)]
    return (at or same or [sentence])[0]
