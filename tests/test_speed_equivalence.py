"""The fast paths of the summary and timeline stages give exactly what the plain code gives.

Each fast path (cue-gated date rules, prefiltered boilerplate, string concepts, cached name
tokens, the lazy sentence index, the restatements the index offers to the name check) is
checked against a straightforward version of the same computation, on fictional sentences
and on seeded random ones built from the cue words, so a gate that is too tight shows up.
"""

from __future__ import annotations

import itertools
import math
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence

import pytest

from storyline.model import Article, DuplicateGroup
from storyline.summary import SummaryOptions, summarize
from storyline.summary import names as names_module
from storyline.summary.attribution import SentenceIndex
from storyline.summary.disagreement import variants
from storyline.summary.names import CLOSE, name_variants, names, paired, tokenize
from storyline.summary.salience import concept_weights, voices
from storyline.summary.sentences import (
    _BOILERPLATE,
    STOP_WORDS,
    Sentence,
    article_sentences,
    concepts,
    content,
    is_bigram,
    is_boilerplate,
    tokens,
)
from storyline.text import has_cjk, normalize
from storyline.timeline import patterns, temporal
from storyline.timeline.temporal import tag_dates

SENTENCES = [
    "Floodwaters from Lake Varna reached Orlen on Monday, forcing 2,000 residents out.",
    "The council met on Jan. 17, 2022 and again on 3 March 2021 to discuss the dam.",
    "Repairs ran from May 3 to 5, then from 10-12 June 2019, the engineers said.",
    "Two days later, the mayor said the shelters would close next week.",
    "Three weeks ago the river was calm; yesterday it burst its banks.",
    "TODAY the ferry did not sail, and TONIGHT the road stays closed.",
    "The vote is scheduled for next Tuesday, officials said this morning.",
    "Earlier this week the port reopened after the storm of 12/03/2020.",
    "In 2014 the bridge was rebuilt; since 1998 it has carried the rail line.",
    "The report, published 2021-04-09, counts 1,500 homes damaged in early March.",
    "Market traders decided to separate the maybe-damaged stock from the rest.",
    "Nothing in this sentence names a day, a month or a year at all.",
    "The day after the flood, the following day and the previous day were quiet.",
    "Overnight rain fell; this afternoon and this evening more is expected.",
    "Last year the budget grew; this month it shrank, and last Sunday it was cut.",
    "A few days ago, several weeks earlier and an hour later the crews returned.",
    "Ships left on the 9th of January and on Feb 30, said a ſpokesman.",
    "ıt rained tonıght in Orlen, and the Tuesday meeting was moved.",
    "He will travel in June, and she returned in March, after July 4.",
    "Photo: the river at dusk. Copyright 2020 Coastline Press.",
]
PUBLISHED = [None, "2022-01-19", "2021-12-31T10:00:00", "2020", "2021-06"]
CUE_WORDS = (  # noqa: SIM905
    "Monday Tuesday sunday day days week weeks weekend month months year years ago later "
    "earlier next following previous after before last this that tonight tonight yesterday "
    "tomorrow morning afternoon evening overnight night January Jan. Feb Sept. May June July "
    "March march may in since by during early late mid 1998 2014 2021 12 3 31 9th 2,000 - / "
    "of the to until through and , . from between ſ ı DAY WEEK AGO TODAY NIGHT"
).split()


def _all_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every rule runs on every sentence: the plain tagger the cues must not change."""
    monkeypatch.setattr(temporal, "_cues", lambda sentence: (1 << 16) - 1)


def _random_sentences(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(CUE_WORDS) for _ in range(rng.randint(1, 12))) for _ in range(count)
    ]


def test_date_cues_skip_only_rules_that_cannot_match(monkeypatch: pytest.MonkeyPatch) -> None:
    sentences = SENTENCES + _random_sentences(3000, seed=5)
    cases = [(s, p) for s in sentences for p in PUBLISHED]
    gated = [tag_dates(s, p) for s, p in cases]
    _all_rules(monkeypatch)
    plain = [tag_dates(s, p) for s, p in cases]
    assert gated == plain
    assert sum(1 for mentions in gated if mentions) > 1000  # the cases do exercise the rules
    # The cues replaced this prefilter, which returned no mention when it did not match: it
    # matches wherever a rule does, so dropping it changed nothing either.
    old_prefilter = re.compile(
        rf"\d|{patterns.MON}|{patterns.WD}|\b(?:today|yesterday|tomorrow|tonight|night"
        r"|morning|afternoon|evening|overnight|week|weekend|month|year|day)s?\b",
        re.I,
    )
    assert all(old_prefilter.search(s) for (s, _), found in zip(cases, plain, strict=True) if found)


def test_date_cues_keep_the_context_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = [(s, "2022-01-19", c) for s in SENTENCES for c in (None, "2022-01-10", "2021-11")]
    gated = [tag_dates(s, p, context=c) for s, p, c in cases]
    _all_rules(monkeypatch)
    assert gated == [tag_dates(s, p, context=c) for s, p, c in cases]
    assert any(m.date == "2022-01-12" for found in gated for m in found)  # "Two days later"


def _plain_content(stems: list[str]) -> frozenset[str]:
    return frozenset(s for s in stems if s not in STOP_WORDS and (len(s) > 1 or s.isdigit()))


def _plain_concepts(stems: list[str]) -> frozenset[str]:
    pairs = (
        f"{a} {b}"
        for a, b in itertools.pairwise(stems)
        if not (a in STOP_WORDS and b in STOP_WORDS)
    )
    return _plain_content(stems) | frozenset(pairs)


def test_content_and_concepts_match_the_plain_definition() -> None:
    texts = [*SENTENCES, "", "a", "x y z 1 2", "The the of of a", "Ward 5 and ward 6 a b"]
    for text in texts + _random_sentences(500, seed=11):
        stems = tokens(text)
        assert content(stems) == _plain_content(stems), text
        assert concepts(stems) == _plain_concepts(stems), text
    stems = tokens("Russian troops massed near the border")
    assert concepts(stems) >= {"russian troop", "troop", "the border"}
    assert not any(is_bigram(c) for c in content(stems))


def test_boilerplate_prefilter_matches_the_pattern() -> None:
    texts = [
        *SENTENCES,
        "Read more: the flood",
        "the flood, read more",
        "All Rights Reserved by the press",
        "alL rightſ reserved",
        "\u00a9 Coastline Press",
        "See https://example.org/flood",
        "see WWW.EXAMPLE.ORG",
        "- Photo: the dam",
        "it was all right",
        "  * Subscribe now",
        "",
    ]
    for text in texts:
        plain = _BOILERPLATE.search(text.strip().lstrip("-*\u2022 ")) is not None
        assert is_boilerplate(text) == plain, text


def test_cached_name_tokens_equal_fresh_ones() -> None:
    extra = ["Police chief John Doe said on Monday", "HEADLINE IN CAPITALS HERE"]
    for text in [*SENTENCES, *extra]:
        fresh = names_module._find_names(  # the uncached path, on purpose
            text, tokenize(text), names_module._padded(tokenize(text))
        )
        expected = [] if has_cjk(text) else fresh
        assert names(text) == expected == names(text, tokenize(text)), text
        assert tokenize(text) == list(names_module._tokens(text))


def _article(aid: str, text: str, source: str, published: str | None = None) -> Article:
    return Article(aid, aid, normalize(text), text, source=source, published=published)


STORY = [
    _article(
        "a1",
        "Police chief John Doe said on Monday that 300 soldiers guarded the Tavrin bridge.\n"
        "The bridge over the Varna river reopened to lorries after the inspection.",
        "Herald",
        "2022-01-10",
    ),
    _article(
        "a2",
        "Police chief Jon Doe said on Monday that 350 soldiers guarded the Tavrin bridge.\n"
        "The bridge over the Varna river reopened to lorries after a long inspection.",
        "Daily",
        "2022-01-11",
    ),
    _article(
        "a3",
        "Police chief John Doe said on Monday that more than 300 soldiers guarded the "
        "Tavrin bridge.\nFarmers near Orlen lost their barley to the flood waters.",
        "Coast",
        "2022-01-12",
    ),
    _article(
        "a4",
        "Police chief John Doe said on Monday that 300 soldiers guarded the Tavrin bridge.\n"
        "The bridge over the Varna river reopened to lorries after the inspection.",
        "Herald copy",
        "2022-01-10",
    ),
]


def test_sentence_index_finds_what_brute_force_finds() -> None:
    options = SummaryOptions()
    everything = [s for a in STORY for s in article_sentences(a, options)]
    index = SentenceIndex(everything)
    for claim in everything:
        for threshold in (0.3, 0.6, CLOSE - 1e-9, 1.0):
            expected = [
                other
                for other in everything
                if other.article_id != claim.article_id
                and other.stems
                and claim.stems
                and len(claim.stems & other.stems) / math.sqrt(len(claim.stems) * len(other.stems))
                >= threshold - 1e-12
            ]
            assert index.similar(claim, threshold) == expected
    lone = [s for s in everything if s.article_id == "a1"]
    assert SentenceIndex(lone).similar(lone[0], 0.1) == []


def test_name_variants_from_the_index_equal_a_full_scan() -> None:
    options = SummaryOptions()
    by_article = {a.id: article_sentences(a, options) for a in STORY}
    everything = [s for aid in sorted(by_article) for s in by_article[aid]]
    index = SentenceIndex(everything)
    found = 0
    for claim in everything:
        nearby = index.similar(claim, CLOSE - 1e-9)
        assert [s for s in everything if s.article_id != claim.article_id and paired(claim, s)] == [
            s for s in nearby if paired(claim, s)
        ]
        for support in ([claim.article_id], sorted(by_article)):
            full = variants(claim, support, by_article)
            assert variants(claim, support, by_article, nearby) == full
            assert name_variants(claim, support, by_article, nearby) == name_variants(
                claim, support, by_article
            )
            found += bool(full)
    assert found  # "John Doe" / "Jon Doe" and "300" / "350 soldiers" are disputed


def _plain_weights(
    sentences: Sequence[Sentence], voice_of: Mapping[str, str], unigram_weight: float
) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    by_voice: dict[str, set[str]] = {}
    for sentence in sentences:
        frequency.update(sentence.concepts)
        by_voice.setdefault(voice_of[sentence.article_id], set()).update(sentence.concepts)
    total = len(set(voice_of.values()))
    counts: dict[str, float] = {}
    if total > 1:
        used: Counter[str] = Counter()
        for concepts_of_voice in by_voice.values():
            used.update(concepts_of_voice)
        floor = max(2, math.ceil(total / 4))
        counts = {c: float(n) for c, n in used.items() if n >= floor}
    if total <= 1 or not any(" " in c for c in counts):
        counts = {c: float(n) for c, n in frequency.items()}
    return {c: n * (1.0 if " " in c else unigram_weight) for c, n in counts.items()}


@pytest.mark.parametrize("unigram_weight", [0.0, 1.0, 2.5])
def test_concept_weights_match_the_plain_count(unigram_weight: float) -> None:
    options = SummaryOptions()
    groups = [DuplicateGroup(id="g1", representative="a1", article_ids=("a1", "a4"))]
    sentences = [s for a in STORY for s in article_sentences(a, options)]
    for members in (STORY, STORY[:1], STORY[:2]):
        voice_of = voices(members, groups)
        mine = [s for s in sentences if s.article_id in voice_of]
        expected = _plain_weights(mine, voice_of, unigram_weight)
        assert concept_weights(mine, voice_of, unigram_weight) == expected


def test_summary_of_the_fixture_story_is_unchanged_by_the_caches() -> None:
    groups = [DuplicateGroup(id="g1", representative="a1", article_ids=("a1", "a4"))]
    first = summarize(STORY, (), groups, SummaryOptions(max_words=40))
    names_module._tokens.cache_clear()
    names_module._names.cache_clear()
    again = summarize(list(reversed(STORY)), (), groups, SummaryOptions(max_words=40))
    assert first == again
    assert first[0].support == ("a1", "a4")  # a3 says "more than 300": it differs
    assert [(v.text, v.article_ids) for v in first[0].variants] == [
        ("300 soldiers", ("a1", "a4")),
        ("350 soldiers", ("a2",)),
        ("more than 300 soldiers", ("a3",)),
        ("John Doe", ("a1", "a3", "a4")),
        ("Jon Doe", ("a2",)),
    ]
