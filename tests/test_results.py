"""Per-story timeline and summary results kept between runs: reused only for unchanged inputs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.render import to_json
from storyline.store import Store
from storyline.summary import SummaryOptions, summarize
from storyline.timeline import build_timeline

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How often the pipeline computes a timeline or a summary (topic summaries included)."""
    counts: Counter[str] = Counter()

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return real(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(pipeline, "build_timeline", counted("timeline", build_timeline))
    monkeypatch.setattr(pipeline, "summarize", counted("summary", summarize))
    return counts


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "kept.db") as opened:
        yield opened


def _digest(store: Store, options: pipeline.RunOptions | None = None) -> str:
    return to_json(pipeline.analyse(store, options).digest)


def _topic_summaries(digest_json: str) -> int:
    """Topic summaries are made afresh on every run: the multi-story topics."""
    from storyline.render.jsonin import digest_from_json

    return sum(1 for topic in digest_from_json(digest_json).topics if len(topic.story_ids) > 1)


def test_a_second_run_reuses_every_story_result_and_gives_the_same_bytes(
    store: Store, calls: Counter[str]
) -> None:
    pipeline.ingest([EXAMPLES], store)
    first = _digest(store)
    stories = len(store.result_fingerprints("summary"))
    assert stories == 3 == len(store.result_fingerprints("timeline"))
    assert calls == {"timeline": 3, "summary": 3 + _topic_summaries(first)}
    calls.clear()
    assert _digest(store) == first
    assert calls["timeline"] == 0
    assert calls["summary"] == _topic_summaries(first)


def test_a_new_article_recomputes_only_the_story_it_joins(
    store: Store, calls: Counter[str]
) -> None:
    rest = [p for p in sorted(EXAMPLES.iterdir()) if p.name != "harbor-herald-bridge.txt"]
    pipeline.ingest(rest, store)
    _digest(store)
    calls.clear()
    pipeline.ingest([EXAMPLES / "harbor-herald-bridge.txt"], store)
    grown = _digest(store)
    assert calls["timeline"] == 1  # the bridge story; the reservoir and robotics ones are kept
    # Everything recomputed from scratch gives the same bytes.
    store._conn.execute("DELETE FROM results")
    assert _digest(store) == grown


def test_changed_options_or_a_damaged_row_mean_recomputing(
    store: Store, calls: Counter[str]
) -> None:
    pipeline.ingest([EXAMPLES], store)
    default = _digest(store)
    shorter = pipeline.RunOptions(summary=SummaryOptions(max_words=30))
    calls.clear()
    short = _digest(store, shorter)
    assert short != default
    assert calls["timeline"] == 0
    assert calls["summary"] == 3 + _topic_summaries(short)
    damaged = next(iter(store.result_fingerprints("timeline")))
    store._conn.execute(
        "UPDATE results SET payload = '[[{\"date\": 7}], []]' WHERE key = ?",
        (damaged,),
    )
    calls.clear()
    assert _digest(store, shorter) == short
    assert calls["timeline"] == 1
    assert store.stored_result("timeline", damaged) != '[[{"date": 7}], []]'


def test_results_of_stories_that_are_gone_are_forgotten(store: Store) -> None:
    store.save_results("summary", [("s1", "f1", "[]"), ("s2", "f2", "[]")])
    store.save_results("timeline", [("s1", "f1", "[[], []]")])
    store.save_results("summary", [("s2", "f3", '[{"text": "x"}]')])
    assert store.result_fingerprints("summary") == {"s1": "f1", "s2": "f3"}
    store.forget_results("summary", {"s2"})
    assert store.result_fingerprints("summary") == {"s2": "f3"}
    assert store.stored_result("summary", "s1") is None
    assert store.stored_result("timeline", "s1") == "[[], []]"


def test_candidate_pairs_are_classified_once_while_their_inputs_stay_the_same(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import reuse

    aligned: list[tuple[str, str]] = []
    real = reuse.relate

    def counted(a: Any, b: Any, *rest: Any) -> Any:
        aligned.append((a.id, b.id))
        return real(a, b, *rest)

    monkeypatch.setattr(reuse, "relate", counted)
    pipeline.ingest([EXAMPLES], store)
    first = pipeline.analyse(store).digest
    pairs = store.result_fingerprints("relation")
    # 7: the second report of the robotics win is no rewrite of the first (storyline.spin)
    assert len(aligned) == len(pairs) >= len(first.relations) == 7
    aligned.clear()
    second = pipeline.analyse(store).digest
    assert aligned == []
    assert second.relations == first.relations and second.groups == first.groups
    # A damaged row is classified again, and a pair no longer proposed is forgotten.
    damaged = min(pairs)
    store._conn.execute("UPDATE results SET payload = '{\"a\": 1}' WHERE key = ?", (damaged,))
    store.save_results("relation", [("x\ty", "f", "null")])
    third = pipeline.analyse(store).digest
    assert aligned == [tuple(damaged.split("\t"))]
    assert third.relations == first.relations
    assert set(store.result_fingerprints("relation")) == set(pairs)


def test_item_digests_tell_every_field_apart_and_the_memo_agrees() -> None:
    from dataclasses import dataclass

    from storyline.fingerprint import DigestMemo, fingerprint, item_digest
    from storyline.model import Article

    @dataclass(frozen=True)
    class Pair:
        left: object
        right: object

    article = Article(id="a1", title="Bridge shut", text="A ship hit the bridge.", raw_text="")
    variants = [
        article,
        Article(id="a1", title="Bridge shut", text="A ship hit the bridge!", raw_text=""),
        Article(id="a1", title="Bridge shu", text="tA ship hit the bridge.", raw_text=""),
        Article(id="a2", title="Bridge shut", text="A ship hit the bridge.", raw_text=""),
        Pair("1", 2),
        Pair(1, "2"),
        Pair("1", "2"),
        Pair("a", "bc"),
        Pair("ab", "c"),
        ("a1", "Bridge shut"),
    ]
    digests = [item_digest(item) for item in variants]
    assert len(set(digests)) == len(variants)
    same = Article(id="a1", title="Bridge shut", text="A ship hit the bridge.", raw_text="")
    assert item_digest(same) == item_digest(article)
    memo = DigestMemo()
    assert [memo(item) for item in variants + variants] == digests + digests
    plain = fingerprint("summary", None, [article, same])
    assert fingerprint("summary", None, [article, same], digest_of=memo) == plain
    assert fingerprint("timeline", None, [article, same]) != plain


def test_stored_results_are_read_a_chunk_of_keys_per_query(store: Store) -> None:
    rows = [(f"s{n}", f"f{n}", f'[{{"text": "{n}"}}]') for n in range(1200)]
    store.save_results("summary", rows)
    store.save_results("timeline", [("s1", "t1", "[[], []]")])
    queries: list[str] = []
    store._conn.set_trace_callback(queries.append)
    wanted = [f"s{n}" for n in range(1200)] + ["gone", "s5"]
    found = store.stored_results("summary", wanted)
    store._conn.set_trace_callback(None)
    assert found == {key: payload for key, _, payload in rows}
    assert len([q for q in queries if q.startswith("SELECT")]) == 3  # 1,201 keys, 500 a query
    assert store.stored_results("timeline", ["s1", "s2"]) == {"s1": "[[], []]"}
    assert store.stored_results("summary", []) == {}


def test_per_story_reads_ahead_and_still_recomputes_what_changed(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from storyline import results
    from storyline.model import Claim, Story

    monkeypatch.setattr(results, "READ_BATCH", 2)
    stories = [Story(f"s{n}", f"story {n}", (f"a{n}",)) for n in range(5)]
    computed: list[str] = []

    def step(version: str) -> results.Step:
        def one(story: Story) -> tuple[str, Callable[[], Story]]:
            def compute() -> Story:
                computed.append(story.id)
                claim = Claim(f"{story.title} {version}", story.article_ids[0], (), 1, "")
                return replace(story, summary=(claim,))

            # s3's inputs change between the runs; the others' do not
            return (version if story.id == "s3" else "same"), compute

        return one

    first, reused = results.per_story("summary", stories, store, step("v1"), lambda _: None)
    assert (computed, reused) == ([f"s{n}" for n in range(5)], 0)
    store._conn.execute("UPDATE results SET payload = '[7]' WHERE key = 's1'")  # damaged
    computed.clear()
    again, reused = results.per_story("summary", stories, store, step("v2"), lambda _: None)
    assert (computed, reused) == (["s1", "s3"], 3)
    assert [s.summary[0].text for s in again] == [
        "story 0 v1",
        "story 1 v2",
        "story 2 v1",
        "story 3 v2",
        "story 4 v1",
    ]
    assert again[0] == first[0] and again[4] == first[4]


def test_the_digest_copies_each_story_result_as_stored_with_the_same_bytes(store: Store) -> None:
    pipeline.ingest([EXAMPLES], store)
    first = pipeline.analyse(store)
    assert first.json == to_json(first.digest)  # copied fragments: the bytes of encoding
    summaries = store.stored_results("summary", store.result_fingerprints("summary"))
    for story in first.digest.stories:  # a stored summary is the story's text in the digest
        assert f'"summary": {summaries[story.id]},\n' in first.json
    again = pipeline.analyse(store)
    assert again.json == first.json == to_json(again.digest)


def test_results_stored_in_another_layout_are_read_but_encoded_again(store: Store) -> None:
    import json

    pipeline.ingest([EXAMPLES], store)
    first = pipeline.analyse(store).json
    rows = store._conn.execute("SELECT kind, key, payload FROM results").fetchall()
    for kind, key, payload in rows:  # the compact layout of earlier releases
        compact = json.dumps(json.loads(payload), sort_keys=True, separators=(",", ":"))
        store._conn.execute(
            "UPDATE results SET payload = ? WHERE kind = ? AND key = ?", (compact, kind, key)
        )
    assert pipeline.analyse(store).json == first
    # Read once in the old layout, each is stored again in the digest's layout.
    from storyline.render.jsonout import in_digest_layout

    stories = "SELECT kind, payload FROM results WHERE kind IN ('timeline', 'summary')"
    rows = store._conn.execute(stories)
    assert all(in_digest_layout(kind, payload) for kind, payload in rows)
    assert pipeline.analyse(store).json == first


def test_encoded_results_are_matched_by_identity_and_layout() -> None:
    from storyline.model import Claim, Story, TimelineEntry
    from storyline.render.jsonout import Encoded, _fragments, story_results_to_json

    claim = Claim("Officials said so.", "a1", ("a1",), 1, "2024-01-01")
    entry = TimelineEntry("2024-01-01", "day", "It rained.", (), ("a1",), ("x",), 0.5)
    story = Story("s1", "Rain", ("a1",), summary=(claim,), timeline=(entry,))
    encoded = Encoded()
    for kind in ("summary", "timeline"):
        encoded.add(story, kind, story_results_to_json(story, kind))
    assert encoded.text(story.summary) is not None
    assert encoded.text(story.timeline) is not None
    assert encoded.text(story.undated) == "[]"
    assert encoded.text((claim,)) is None  # equal, not the same tuple: encoded afresh
    assert to_json_of(story, encoded) == to_json_of(story, None)
    assert _fragments("summary", '[{"text":"x"}]') == {}
    assert _fragments("timeline", "[[],[]]") == {}
    assert _fragments("timeline", "[\n      [],\n      []\n    ]") == {
        "timeline": "[]",
        "undated": "[]",
    }


def to_json_of(story: Any, encoded: Any) -> str:
    from storyline.model import Digest

    return to_json(Digest((), (story,), (), (), ()), encoded)
