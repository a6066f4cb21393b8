"""The stories stage's cached and C-level paths give exactly what the plain code gives.

Each plain function here is the straightforward code the fast one replaced; the fast one
must agree with it entry for entry, in order, float for float.
"""

from __future__ import annotations

import itertools
import math
import random
from collections import Counter
from collections.abc import Mapping
from datetime import date
from operator import itemgetter
from typing import Any

import pytest

from storyline.model import Article, Topic
from storyline.stories import StoryOptions, StoryState, cluster, cluster_stories, features
from storyline.stories.features import (
    _ASCII_WORD,
    _INITIAL,
    STOP_WORDS,
    _ascii_initials,
    _ascii_words,
    _numbers,
    _strip_possessive,
    extract,
    head,
    scaled_dot,
    weigh,
)
from storyline.stories.index import Centroid, InvertedIndex
from storyline.stories.labels import best_title
from storyline.stories.topics import public_topics
from storyline.text import words

_PIECES = [
    "Russia's", "russia", "RUSSIA'S", "The", "the", "Police", "police", "x's", "ab's's", "abc's",
    "abc's's", "U.S.", "e-mail", "--", "a--b", "said.", "Mr.", "ECB", "Eu", "eu", "o'clock",
    "'quoted'", "1,000", "2.5", "10:53", "3rd", "A", "I", "Éric", "Zürich's", "İstanbul", "中国",
    "...", "rock'n'roll", "Names'", "it's",
]  # fmt: skip
_GAPS = [" ", " ", " ", ". ", "\n", "! ", ", ", '? "', " (", ") ", ".\n", "\t"]


def _texts(count: int, seed: int, ascii_only: bool = False) -> list[str]:
    rng = random.Random(seed)
    pieces = [p for p in _PIECES if p.isascii()] if ascii_only else _PIECES
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(0, 40)):
            parts += [rng.choice(pieces), rng.choice(_GAPS)]
        texts.append("".join(parts))
    return texts


def _plain_extract(article: Article, title_weight: int, min_digits: int) -> list[object]:
    """The extraction as first written: every distinct token lowered and tested in turn."""
    text = article.text
    counts = _strip_possessive(Counter(words(text)), text)
    initial = Counter(_INITIAL.findall(text))
    terms: dict[str, float] = {}
    entities: dict[str, float] = {}
    for token, count in counts.items():
        lowered = token.lower()
        if len(lowered) < 2 or lowered in STOP_WORDS or lowered[0].isdigit():
            continue
        terms[lowered] = terms.get(lowered, 0.0) + count
        if token[0].isupper() and count > initial.get(token, 0):
            entities[lowered] = entities.get(lowered, 0.0) + count
    _plain_cjk_pairs(text, terms, 1.0)
    for token, count in _strip_possessive(Counter(words(article.title)), article.title).items():
        lowered = token.lower()
        if len(lowered) > 1 and lowered not in STOP_WORDS and not lowered[0].isdigit():
            terms[lowered] = terms.get(lowered, 0.0) + count * float(title_weight)
    _plain_cjk_pairs(article.title, terms, float(title_weight))
    numbers: dict[str, float] = {}
    for number in _numbers(article.title, min_digits) + _numbers(text, min_digits):
        numbers[number] = numbers.get(number, 0.0) + 1.0
    return [_typed(terms), _typed(entities), _typed(numbers)]


def _plain_cjk_pairs(text: str, terms: dict[str, float], weight: float) -> None:
    """Adjacent characters of each run of CJK characters (kana, ideographs, hangul), each
    pair a term."""
    ranges = (
        ("\u3040", "\u30ff"),
        ("\u3400", "\u4dbf"),
        ("\u4e00", "\u9fff"),
        ("\uac00", "\ud7af"),
    )
    cjk = "".join(c if any(a <= c <= b for a, b in ranges) else " " for c in text)
    for run in cjk.split():
        for first, second in itertools.pairwise(run):
            terms[first + second] = terms.get(first + second, 0.0) + weight


def _typed(vector: Mapping[str, float]) -> list[tuple[str, float, type]]:
    return [(key, value, type(value)) for key, value in vector.items()]


def test_ascii_words_are_the_pattern_tokens() -> None:
    for text in _texts(2000, 3, ascii_only=True):
        assert _ascii_words(text) == _ASCII_WORD.findall(text)


def test_ascii_initials_are_the_pattern_initials() -> None:
    for text in _texts(2000, 4, ascii_only=True):
        assert Counter(_ascii_initials(text)) == Counter(_INITIAL.findall(text))


@pytest.mark.parametrize("limit", [1 << 17, 3])
def test_extract_matches_the_plain_extraction(monkeypatch: pytest.MonkeyPatch, limit: int) -> None:
    # A tiny cache limit clears the caches all the time: the results must not change.
    monkeypatch.setattr(features._TokenCache, "limit", limit)
    texts = _texts(1500, 5)
    for number, text in enumerate(texts):
        title = texts[(number * 7) % len(texts)][:50]
        article = Article(id=str(number), title=title, text=text, raw_text=text)
        found = extract(article, 2, 2)
        expected = _plain_extract(article, 2, 2)
        terms = _typed(_as_floats(found.terms))
        assert [terms, _typed(found.entities), _typed(found.numbers)] == expected


def _as_floats(counts: Mapping[str, float]) -> dict[str, float]:
    """Term counts as floats: a count of the text alone is an int (weighed as its float)."""
    assert all(type(value) in (int, float) for value in counts.values())
    return {key: float(value) for key, value in counts.items()}


def _plain_weigh(
    counts: Mapping[str, float],
    df: Mapping[str, int],
    n_docs: int,
    keep: int,
    damped: frozenset[str],
    damping: float,
) -> list[tuple[str, str]]:
    total = math.log(n_docs + 1)
    weights = {
        key: (1.0 + math.log(count)) * (total - math.log(df.get(key, 0) + 1) + 1.0)
        for key, count in counts.items()
    }
    for key in weights:
        if key in damped:
            weights[key] *= damping
    norm = math.sqrt(sum(value * value for value in weights.values()))
    if norm == 0:
        return []
    ranked = sorted(weights.items(), key=itemgetter(1), reverse=True)[:keep]
    return [(key, (value / norm).hex()) for key, value in ranked]


def test_weigh_matches_the_plain_weighing_bit_for_bit() -> None:
    rng = random.Random(8)
    damped = frozenset(f"w{n}" for n in range(0, 60, 3))
    for _ in range(300):
        counts = {f"w{rng.randint(0, 60)}": float(rng.choice((1, 1, 1, 2, 3))) for _ in range(80)}
        df = {f"w{n}": rng.randint(0, 40) for n in range(0, 60, 2)}
        for keep, damping in ((64, 0.3), (5, 1.0), (200, 0.5)):
            found = weigh(counts, df, 50, keep, damped, damping)
            expected = _plain_weigh(counts, df, 50, keep, damped, damping)
            assert [(key, value.hex()) for key, value in found.items()] == expected


def test_weigh_reads_logs_from_a_table_that_grows_and_falls_back() -> None:
    # The log table grows with the document count (here from 3 to 5000), and a count above
    # the document count (not from one stream) is weighed by the plain formula instead.
    rng = random.Random(12)
    for n_docs in (3, 10, 700, 5000, 20):
        for ceiling in (n_docs, n_docs + 50):
            counts = {f"w{n}": float(rng.choice((1, 2, 5))) for n in range(40)}
            df = {f"w{n}": rng.randint(0, ceiling) for n in range(0, 40, 2)}
            found = weigh(counts, df, n_docs, 30, frozenset(), 1.0)
            expected = _plain_weigh(counts, df, n_docs, 30, frozenset(), 1.0)
            assert [(key, value.hex()) for key, value in found.items()] == expected
    assert len(features._LOGS) > 5000


def test_possessive_check_is_the_two_searches() -> None:
    for text in ["", "it's", "IT'S", "its", "it s", "'", "Russia'S", "a'b", "x's", "s'"]:
        assert features._has_possessive(text) == ("'s" in text or "'S" in text)


# The two stories of a subject share one word (topics leave figures out): a low topic bar.
SUBJECT_TOPICS = StoryOptions(topic_threshold=0.03)


def test_topics_are_made_again_only_when_their_titles_or_records_change() -> None:
    articles = [_story_article(n) for n in range(60)]
    early = cluster_stories(articles[:40], options=SUBJECT_TOPICS)
    multi = [t for t in early.state.topics if len(t.story_numbers) > 1]
    assert multi and all(t.public is not None for t in multi)
    later = cluster_stories(articles[40:], options=SUBJECT_TOPICS, state=early.state)
    # Untouched topics give back the very Topic of the earlier run; all equal a fresh make.
    copy = StoryState.from_json(early.state.to_json())
    fresh = cluster_stories(articles[40:], options=SUBJECT_TOPICS, state=copy)
    assert later.topics == fresh.topics
    # Made again from an unchanged state, every topic is the very object made before.
    again = public_topics(later.state, 6)
    made = {t.id: t for t in later.topics}
    assert again and all(t is made[t.id] for t in again)
    # A changed story title is seen: the topic is made again, the change in its title.
    state = later.state
    record = next(t for t in state.topics if len(t.story_numbers) > 1)
    for place, number in enumerate(record.story_numbers):
        story = state.stories[number]
        story.title, story.public = f"Zzyzx wholly new words {place}", None
    remade = {t.id: t for t in public_topics(state, 6)}[record.id]
    sizes = {n: len(state.stories[n].article_ids) for n in record.story_numbers}
    main = [n for n in record.story_numbers if 2 * sizes[n] >= max(sizes.values())]
    assert remade == Topic(
        record.id,
        best_title(((state.stories[n].title, False) for n in main), record.centroid.terms) or "",
        tuple(state.stories[n].id for n in record.story_numbers),
        tuple(key for key, _ in head(record.centroid.terms, 6)),
    )
    assert remade.title == "Zzyzx wholly new words 0"
    # Fewer keywords asked for: made again too.
    assert all(len(t.keywords) <= 2 for t in public_topics(state, 2))


def _story_article(number: int) -> Article:
    """Articles of six fictional stories, pairs of them on one subject (so topics form)."""
    rng = random.Random(number)
    story = number % 6
    subject = ["orsk", "velt", "quell"][story // 2]
    own = [f"w{story}{letter}" for letter in "abcdefgh"]
    body = " ".join(rng.choices(own, k=40) + [subject] * 4)
    name = ["Anna Pell", "Boris Kade", "Cora Lind", "Dov Merk", "Edda Noss", "Finn Ort"][story]
    text = f"Report. {body}. The mayor {name} said {1000 + story // 2}."
    day = date(2024, 1, 1 + number // 6).isoformat()
    return Article(
        id=f"a{number}", title=f"{own[0]} {own[1]}", text=text, raw_text=text, published=day
    )


def test_scaled_dot_adds_in_the_same_order_bit_for_bit() -> None:
    rng = random.Random(6)
    for _ in range(300):
        small = {f"w{rng.randint(0, 80)}": rng.random() for _ in range(rng.randint(0, 64))}
        large = {f"w{rng.randint(0, 80)}": rng.random() for _ in range(rng.randint(0, 120))}
        scale = rng.random() + 0.5
        expected = 0.0
        for key, value in small.items():
            if key in large:
                expected += value * (large[key] / scale)
        assert scaled_dot(small, large, scale).hex() == expected.hex()


class _PlainIndex:
    """The inverted index update as first written: every posting searched."""

    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.postings: dict[str, tuple[int, ...]] = {}
        self.indexed: dict[int, tuple[str, ...]] = {}

    def update(self, cluster: int, keys: list[str]) -> None:
        new_keys = tuple(keys)
        for key in self.indexed.get(cluster, ()):
            held = self.postings.get(key, ())
            if key not in new_keys and cluster in held:
                self.postings[key] = tuple(c for c in held if c != cluster)
        for key in new_keys:
            posting = self.postings.get(key, ())
            if cluster in posting:
                rest = tuple(c for c in posting if c != cluster)
                self.postings[key] = (cluster, *rest)
            else:
                self.postings[key] = (cluster, *posting[: self.cap - 1])
        self.indexed[cluster] = new_keys


def test_index_update_matches_the_plain_update() -> None:
    rng = random.Random(12)
    for cap in (1, 3, 8):
        index, plain = InvertedIndex(cap), _PlainIndex(cap)
        for _ in range(1500):
            cluster = rng.randint(0, 40)
            keys = list(dict.fromkeys(f"k{rng.randint(0, 25)}" for _ in range(rng.randint(0, 8))))
            index.update(cluster, keys)
            plain.update(cluster, keys)
            assert _as_tuples(index) == plain.postings
            assert index._indexed == plain.indexed
        twin = index.copy()
        twin.update(41, ["k1", "k2"])
        plain.update(41, ["k1", "k2"])
        assert _as_tuples(twin) == plain.postings


def _as_tuples(index: InvertedIndex) -> dict[str, tuple[int, ...]]:
    return {key: tuple(held) for key, held in index._postings.items()}


def test_centroid_keys_are_the_heaviest_of_each_channel() -> None:
    rng = random.Random(2)
    for _ in range(100):
        centroid = Centroid()
        vector = {f"w{rng.randint(0, 50)}": rng.random() for _ in range(40)}
        names = {f"w{rng.randint(30, 80)}": rng.random() for _ in range(20)}
        figures = {str(rng.randint(10, 60)): rng.random() for _ in range(10)}
        centroid.add((vector, names, figures), 30, 12)
        k = rng.randint(1, 30)
        expected = [
            key for key, _ in sorted(centroid.terms.items(), key=itemgetter(1), reverse=True)
        ]
        expected = expected[:k]
        ranked = sorted(centroid.entities.items(), key=itemgetter(1), reverse=True)[:k]
        expected += [key for key, _ in ranked if key not in centroid.terms]
        ranked = sorted(centroid.numbers.items(), key=itemgetter(1), reverse=True)[: k // 2]
        expected += [key for key, _ in ranked]
        assert centroid.keys(k) == expected


def _dated_articles(count: int, seed: int) -> list[Article]:
    """Stories of a few days each, one after another, sharing common words: a new article
    meets older stories among its candidates, decayed (as :func:`synthetic_articles` in
    the stories benchmark makes them), some of them on the same subject."""
    rng = random.Random(seed)
    common = [f"c{n}" for n in range(40)]
    articles = []
    for number in range(count):
        story = number // 5
        # Every third story takes up the subject of one three weeks older.
        subject = story - 7 if story % 3 == 0 and story >= 7 else story
        own = random.Random(subject).sample([f"w{n}" for n in range(2000)], 10)
        body = " ".join(rng.choices(own, k=20) + rng.choices(common, k=40))
        day = date.fromordinal(738000 + 3 * story + rng.randint(0, 2)).isoformat()
        articles.append(
            Article(
                id=f"a{number}", title=" ".join(own[:3]), text=body, raw_text=body, published=day
            )
        )
    return articles


def test_best_story_skips_only_stories_that_cannot_win(monkeypatch: pytest.MonkeyPatch) -> None:
    fast, measure = cluster._best_story, cluster._measure
    found: list[tuple[int | None, float, float]] = []
    # Similarities computed: by the fast search, and by a plain search over every candidate.
    fast_calls, plain_calls, in_fast = [0], [0], [False]

    def counted(query: Any, story: Any, options: StoryOptions) -> tuple[float, Any]:
        fast_calls[0] += in_fast[0]
        return measure(query, story, options)

    def checked(query: Any, options: StoryOptions, state: Any) -> tuple[Any, ...]:
        in_fast[0] = True
        result = fast(query, options, state)
        in_fast[0] = False
        probe = cluster.probe_keys(query.vectors, options.query_terms)
        best, best_score, second = None, 0.0, 0.0
        for number in state.story_index.candidates(probe, options.max_candidates):
            story = state.stories[number]
            plain_calls[0] += cluster._decay(query, story, options) > 0
            score = cluster._score(query, story, options)
            if score > best_score:
                best, best_score, second = number, score, best_score
            elif score > second:
                second = score
        assert result[:3] == (best, best_score, second if options.join_rule == "fitted" else 0.0)
        if best is not None:  # its channel cosines come along (the fitted rule reads them)
            assert result[3] == state.stories[best].centroid.cosines(query.vectors)
        found.append(result[:3])
        return result

    monkeypatch.setattr(cluster, "_best_story", checked)
    monkeypatch.setattr(cluster, "_measure", counted)
    for rule in ("fitted", "threshold"):
        found.clear()
        fast_calls[0] = plain_calls[0] = 0
        cluster_stories(_dated_articles(400, 1), options=StoryOptions(join_rule=rule))
        assert sum(best is not None for best, _, _ in found) > 100
        seconds = sum(second > 0 for _, _, second in found)
        assert seconds > 50 if rule == "fitted" else seconds == 0
        assert 0 < fast_calls[0] < plain_calls[0]


def test_best_story_scores_a_decayed_story_that_can_still_win(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A story half decayed whose similarity is the largest possible (1) still beats 0.4999.
    old = Article(
        id="o", title="", text="alpha beta", raw_text="alpha beta", published="2024-01-01"
    )
    new = Article(
        id="n", title="", text="gamma delta", raw_text="gamma delta", published="2024-01-15"
    )
    state = cluster_stories([old, new]).state
    query = cluster._Query(new, ({}, {}, {}), date(2024, 1, 15).toordinal())
    monkeypatch.setattr(state.story_index, "candidates", lambda probe, limit: [1, 0])
    # The second-best score is kept too (for the fitted join rule): the half-decayed story
    # is scored while it can still beat the second best.
    for similarity, expected in ((1.0, (0, 0.5, 0.4999)), (0.99, (1, 0.4999, 0.495))):
        values = {state.stories[0].id: similarity, state.stories[1].id: 0.4999}
        monkeypatch.setattr(cluster, "_measure", lambda q, story, o, v=values: (v[story.id], ()))
        assert cluster._best_story(query, StoryOptions(), state)[:3] == expected
