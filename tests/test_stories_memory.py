"""The compact story state gives the same floats, bytes and assignments as the plain one."""

from __future__ import annotations

import json
import random
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.model import Article
from storyline.stories import StoryOptions, StoryState, cluster_stories
from storyline.stories.features import (
    _ASCII_INITIAL,
    _ascii_initials,
    dot,
    extract,
    scaled_dot,
)
from storyline.stories.index import Centroid, InvertedIndex, UnitCentroid, canonical
from storyline.stories.packing import pack, unpack
from storyline.stories.state import (
    STATE_VERSION,
    _assignment_json,
    _centroid_json,
    _story_json,
    _topic_json,
)
from storyline.text import normalize


def _vector(rng: random.Random, size: int) -> dict[str, float]:
    return {f"w{rng.randint(0, 60)}": rng.choice((0.0, rng.random())) for _ in range(size)}


def _centroid(rng: random.Random) -> Centroid:
    centroid = Centroid()
    for _ in range(rng.randint(1, 4)):
        vectors = (_vector(rng, rng.randint(0, 40)), _vector(rng, 8), _vector(rng, 3))
        centroid.add(vectors, 30, 10)
    return centroid


def test_unit_centroid_is_the_unit_centroid_value_for_value() -> None:
    rng = random.Random(3)
    for _ in range(300):
        story = _centroid(rng)
        plain = Centroid()
        plain.add(story.unit(), 30, 10)  # how a new topic's centroid was made before
        lazy = UnitCentroid.of(story)
        made = lazy.materialize()
        for mine, theirs in zip(made.channels(), plain.channels(), strict=True):
            assert [(k, v.hex()) for k, v in mine.items()] == [
                (k, v.hex()) for k, v in theirs.items()
            ]
        assert [n.hex() for n in lazy.norms] == [n.hex() for n in plain.norms]
        assert lazy.keys(7) == plain.keys(7)
        assert list(lazy.terms.items()) == list(plain.terms.items())
        query = _centroid(rng).unit()
        assert repr(lazy.cosines(query)) == repr(plain.cosines(query))


def test_scaled_dot_is_dot_of_the_scaled_vector_bit_for_bit() -> None:
    rng = random.Random(8)
    for _ in range(300):
        small = _vector(rng, rng.randint(0, 30))
        large = _vector(rng, rng.randint(0, 80))
        scale = rng.uniform(0.1, 9.0)
        scaled = {key: value / scale for key, value in large.items()}
        assert scaled_dot(small, large, scale).hex() == dot(small, scaled).hex()


def test_postings_behave_like_recency_ordered_dicts() -> None:
    rng = random.Random(11)
    index = InvertedIndex(cap=5)
    reference: dict[str, dict[int, None]] = {}
    indexed: dict[int, list[str]] = {}
    for _ in range(2000):
        cluster = rng.randint(0, 30)
        keys = list(dict.fromkeys(f"k{rng.randint(0, 15)}" for _ in range(rng.randint(0, 4))))
        for key in indexed.get(cluster, []):
            if key not in keys:
                reference.get(key, {}).pop(cluster, None)
        for key in keys:
            posting = reference.setdefault(key, {})
            posting.pop(cluster, None)
            posting[cluster] = None
            if len(posting) > 5:
                del posting[next(iter(posting))]
        indexed[cluster] = keys
        index.update(cluster, keys)
    for key, posting in reference.items():
        assert list(index._postings.get(key, ())) == list(reversed(posting))


def test_index_copy_leaves_the_original_unchanged() -> None:
    index = InvertedIndex(cap=3)
    for cluster in range(4):
        index.update(cluster, ["a", f"b{cluster}"])
    before = dict(index._postings)
    twin = index.copy()
    twin.update(9, ["a", "b1"])
    twin.update(1, ["c"])
    assert index._postings == before
    assert list(twin._postings["a"]) == [9, 3, 2]
    assert list(twin._postings["b1"]) == [9]


def _articles(count: int, seed: int) -> list[Article]:
    """Fictional reports of made-up events, each with its own words, name and figure."""
    rng = random.Random(seed)
    syllables = ("ka", "lo", "mi", "tur", "vex", "sol", "dit", "ran", "pe", "quo")
    words = sorted({a + b + c for a in syllables for b in syllables for c in ("n", "sh")})
    names = [w.capitalize() + "ov" for w in words[::7]]
    articles = []
    for number in range(count):
        event = rng.randint(0, 11)
        own = words[event * 12 : event * 12 + 12]
        body = " ".join(rng.choices(words, k=10) + rng.choices(own, k=25))
        day = date.fromordinal(738000 + event * 20 + rng.randint(0, 3)).isoformat()
        name = names[event]
        text = f"{name} said {body}. Officials counted {100 + event} cases.\n{body.capitalize()}."
        articles.append(
            Article(
                id=f"m{number:03d}",
                title=f"{name} {own[0]} {own[1]}",
                text=text,
                raw_text=text,
                source=f"outlet{number % 4}",
                published=day,
            )
        )
    return articles


def _plain_json(state: StoryState, version: int = STATE_VERSION) -> str:
    """The state as one ``json.dumps`` of the whole payload (the earlier writer); version 1
    wrote every vector as [key, value] pairs, versions 1 and 2 every topic's vectors."""
    stories = [_story_json(story) for story in state.stories]
    topics = [_topic_json(topic, state.stories) for topic in state.topics]
    if version < 3:
        for topic, record in zip(state.topics, topics, strict=True):
            record.pop("unit", None)
            record["centroid"] = _centroid_json(topic.centroid)
    if version == 1:
        for record in [*stories, *topics]:
            record["centroid"] = {
                name: [[key, value] for key, value in unpack(packed).items()]
                for name, packed in record["centroid"].items()
            }
    payload = {
        "format": "storyline.stories.state",
        "version": version,
        "params": state.params,
        "posting_cap": state.posting_cap,
        "index_terms": state.index_terms,
        "n_docs": state.n_docs,
        "seq": state.seq,
        "df": dict(sorted(state.df.items())),
        "stories": stories,
        "topics": topics,
        "assignments": [_assignment_json(item) for item in state.assignments.values()],
    }
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def test_state_json_is_the_whole_payload_dumped_at_once() -> None:
    result = cluster_stories(_articles(60, 1))
    text = result.state.to_json()
    assert text == _plain_json(result.state)
    assert StoryState.from_json(text).to_json() == text


def test_a_version_1_state_with_unpacked_vectors_still_loads() -> None:
    state = cluster_stories(_articles(60, 1)).state
    old = _plain_json(state, version=1)
    assert '"version":1' in old and len(old) > len(state.to_json())
    assert StoryState.from_json(old).to_json() == state.to_json()


def test_a_version_2_state_with_every_topic_vector_still_loads() -> None:
    state = cluster_stories(_articles(60, 1)).state
    old = _plain_json(state, version=2)
    text = state.to_json()
    assert '"version":2' in old and '"unit":true' in text and len(old) > len(text)
    assert StoryState.from_json(old).to_json() == text


def test_a_topic_naming_a_missing_story_is_an_unreadable_state() -> None:
    state = cluster_stories(_articles(30, 1)).state
    payload = json.loads(state.to_json())
    unit = next(topic for topic in payload["topics"] if topic.get("unit"))
    unit["story_numbers"] = [len(payload["stories"]) + 5]
    with pytest.raises(InputError, match="refers to a story"):
        StoryState.from_json(json.dumps(payload))


def test_an_index_built_at_once_is_the_index_updated_in_turn() -> None:
    rng = random.Random(5)
    entries = [
        (cluster, [f"k{rng.randint(0, 12)}" for _ in range(rng.randint(0, 6))])
        for cluster in rng.sample(range(80), 60)
    ]
    for cap in (1, 3, 100):
        updated = InvertedIndex(cap)
        for cluster, keys in entries:
            updated.update(cluster, keys)
        built = InvertedIndex.built(cap, entries)
        assert list(built._postings) == list(updated._postings)
        assert all(built._postings[key] == updated._postings[key] for key in built._postings)
        assert built._indexed == updated._indexed


def test_packed_vectors_keep_order_and_every_float_bit() -> None:
    vector = {"kyiv": 0.1 + 0.2, "embassy": 1e-300, "100,000": -0.0, "lviv": 1 / 3}
    packed = pack(vector)
    assert isinstance(packed[0], str)
    assert list(unpack(packed).items()) == list(vector.items())
    # Keys that could not be split back are written as pairs; both forms are read.
    for odd in ({}, {"new york": 0.5, "kyiv": 0.5}, {"": 1.0}):
        assert pack(odd) == [[key, value] for key, value in odd.items()]
        assert unpack(pack(odd)) == odd
    for broken in (
        ["a b", "not base64!"],
        ["a b", "AAAAAAAAAAA="],
        ["a", "AAAAAAAAAAAAAAAAAAAAAA=="],
    ):
        with pytest.raises(ValueError):
            unpack(broken)


def test_reloaded_state_shares_unit_topics_and_goes_on_the_same() -> None:
    articles = _articles(90, 2)
    early = cluster_stories(articles[:60])
    kinds = Counter(type(topic.centroid).__name__ for topic in early.state.topics)
    reloaded = StoryState.from_json(early.state.to_json())
    # A topic of one story reads its story's vectors, fresh or reloaded.
    assert Counter(type(topic.centroid).__name__ for topic in reloaded.topics) == kinds
    singles = [topic for topic in reloaded.topics if len(topic.story_numbers) == 1]
    assert singles and kinds["UnitCentroid"] == len(singles)
    direct = cluster_stories(articles[60:], state=early.state)
    again = cluster_stories(articles[60:], state=reloaded)
    assert again.state.to_json() == direct.state.to_json()
    assert again.assignments == direct.assignments
    assert again.stories == direct.stories and again.topics == direct.topics


def test_centroids_share_one_string_per_word() -> None:
    result = cluster_stories(_articles(60, 3))
    seen: dict[str, int] = {}
    for story in result.state.stories:
        for channel in story.centroid.channels():
            for key in channel:
                assert seen.setdefault(key, id(key)) == id(key)
    assert len(seen) > 10


def test_ascii_initials_count_like_the_one_pattern() -> None:
    rng = random.Random(4)
    alphabet = "aB. !?\"')(][\n\t  x9-'.\r\x1cZ"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30))) for _ in range(30000)]
    texts += [
        'Quarro said. "Ystra left."\nBelind came (Tamsin too).\n\n  Pomeroy? no. J.R. Orvel!',
        "end.\nNext line. And\n. Dot first\n'Quoted' start\n(Paren) start\n9 digits. 9 Nine",
    ]
    texts += [article.text for article in _articles(40, 5)]
    for text in texts:
        assert Counter(_ascii_initials(text)) == Counter(_ASCII_INITIAL.findall(text)), text


def test_names_leave_out_words_that_only_open_sentences() -> None:
    text = "Harbor officials met.\nOfficials said Quarro would come. Quarro agreed."
    features = extract(Article(id="x", title="", text=text, raw_text=text), 2, 2)
    assert "quarro" in features.entities
    assert "officials" not in features.entities and "harbor" not in features.entities


SHARED_ECB = Path(__file__).resolve().parents[2] / "shared/data/clustering/ecbplus_docs"


@pytest.mark.shared
def test_a_reloaded_state_places_stories_in_the_topics_the_running_one_does() -> None:
    # With postings capped, which topics a key still lists depends on the order the index
    # was built in: a reloaded state must rebuild it in the order the topics last changed.
    source = SHARED_ECB / "ecbplus_docs.jsonl"
    if not source.is_file():
        pytest.skip("../shared/data/clustering/ecbplus_docs is absent")
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    articles = [
        Article(id=r["doc_id"], title="", text=normalize(r["text"]), raw_text=r["text"])
        for r in rows
    ]
    random.Random(0).shuffle(articles)
    options = StoryOptions(posting_cap=3, index_terms=5, max_candidates=3)
    half = len(articles) // 2
    early = cluster_stories(articles[:half], options=options)
    direct = cluster_stories(articles[half:], options=options, state=early.state)
    reloaded = StoryState.from_json(early.state.to_json())
    again = cluster_stories(articles[half:], options=options, state=reloaded)
    assert again.topics == direct.topics and again.stories == direct.stories


def test_a_loaded_channel_out_of_order_is_put_heaviest_first() -> None:
    ordered = {"a": 0.5, "b": 0.5, "c": 0.25}
    assert canonical(ordered) is ordered
    assert list(canonical({"c": 0.25, "a": 0.5, "b": 0.5}).items()) == list(ordered.items())


def _postings(index: InvertedIndex) -> tuple[object, object]:
    return dict(index._postings), dict(index._indexed)


def test_a_loaded_state_is_indexed_only_when_an_index_is_read() -> None:
    articles = _articles(60, 3)
    saved = cluster_stories(articles[:40]).state.to_json()
    loaded = StoryState.from_json(saved)
    assert loaded._story_index is None and loaded._topic_index is None
    # Nothing new: the result is the same, and neither index was built.
    again = cluster_stories(articles[:40], state=loaded)
    assert again.state._story_index is None and again.state._topic_index is None
    assert again.state.to_json() == saved
    # Records changed before the first read: the index is still that of the loaded records,
    # as building it on load gave.
    eager = StoryState.from_json(saved)
    eager.reindex(StoryOptions(posting_cap=eager.posting_cap, index_terms=eager.index_terms))
    lazy = StoryState.from_json(saved).copy()
    story = lazy.story(0)
    story.seq = 10**6
    story.centroid = lazy.story(1).centroid.copy()
    lazy.topic(0).story_numbers.append(99)
    assert _postings(lazy.story_index) == _postings(eager.story_index)
    assert _postings(lazy.topic_index) == _postings(eager.topic_index)
    # New articles: the same as going on from the state that was never saved.
    early = cluster_stories(articles[:40])
    direct = cluster_stories(articles[40:], state=early.state)
    grown = cluster_stories(articles[40:], state=StoryState.from_json(saved))
    assert grown.state.to_json() == direct.state.to_json()
    assert grown.assignments == direct.assignments
    assert grown.stories == direct.stories and grown.topics == direct.topics


def test_a_large_query_is_summed_at_c_speed_to_the_loop_s_floats_and_order() -> None:
    """From _SUMMED posting entries on, candidates are summed with numpy (session 28): the
    same clusters in the same order as the loop over the postings, repeated keys, ties
    (equal weights on equal postings) and the limit included."""
    from storyline.stories.index import _SUMMED, _best

    rng = random.Random(3)
    index = InvertedIndex(cap=100)
    for cluster in range(400):
        index.update(cluster, [f"k{rng.randint(0, 30)}" for _ in range(rng.randint(1, 8))])
    index.update(400, ["twin"])
    index.update(401, ["twin"])  # two clusters with one key: tied scores
    for trial in range(200):
        keys = [f"k{rng.randint(0, 30)}" for _ in range(rng.randint(1, 12))] + ["twin"]
        query = [(key, round(rng.uniform(0.01, 1.0), rng.choice((2, 17)))) for key in keys]
        looped: dict[int, float] = {}
        for key, weight in query:
            for cluster in index._postings.get(key, ()):
                looped[cluster] = looped[cluster] + weight if cluster in looped else weight
        if sum(len(index._postings.get(key, ())) for key, _ in query) < _SUMMED:
            continue
        for limit in (1, 12, 500):
            assert index.candidates(query, limit) == _best(looped, limit), (trial, limit)
