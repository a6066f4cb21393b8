"""End to end on the five real seed articles in ../shared (skipped when it is absent)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.text import fold

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is absent"),
]


@pytest.fixture(scope="module")
def seed_digest() -> dict[str, Any]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    result = CliRunner().invoke(cli, ["digest", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.output
    payload: dict[str, Any] = json.loads(result.stdout)
    return payload


def _stem_of(digest: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: Path(a["path"]).name[:3] for a in digest["articles"]}


def test_seeds_form_the_three_stories_a_reader_sees(seed_digest: dict[str, Any]) -> None:
    stem = _stem_of(seed_digest)
    groups = sorted(sorted(stem[i] for i in s["article_ids"]) for s in seed_digest["stories"])
    assert groups == [["000", "001"], ["002"], ["003", "004"]]


def test_each_summary_sentence_cites_a_seed_that_contains_it(seed_digest: dict[str, Any]) -> None:
    texts = {
        a["id"]: fold((SEEDS / Path(a["path"]).name).read_text(encoding="utf-8"))
        for a in seed_digest["articles"]
    }
    claims = [claim for story in seed_digest["stories"] for claim in story["summary"]]
    assert claims
    for claim in claims:
        assert fold(claim["text"]) in texts[claim["article_id"]]
        assert claim["article_id"] in claim["support"]


def test_only_the_reuse_pairs_are_related(seed_digest: dict[str, Any]) -> None:
    stem = _stem_of(seed_digest)
    pairs = {
        (tuple(sorted((stem[r["a"]], stem[r["b"]]))), r["kind"]) for r in seed_digest["relations"]
    }
    assert pairs == {(("000", "001"), "shares-passages"), (("003", "004"), "rewrite")}
    rewrite = next(r for r in seed_digest["relations"] if r["kind"] == "rewrite")
    assert rewrite["original"] is not None and stem[rewrite["original"]] == "003"


def test_the_topic_shows_how_the_seeds_word_the_troop_figure(seed_digest: dict[str, Any]) -> None:
    stem = _stem_of(seed_digest)
    (topic,) = seed_digest["topics"]
    assert len(topic["story_ids"]) == 3
    disputed = [c for c in topic["summary"] if any("100,000" in v["text"] for v in c["variants"])]
    assert len(disputed) == 1
    versions = {v["text"]: [stem[i] for i in v["article_ids"]] for v in disputed[0]["variants"]}
    assert versions == {
        "more than 100,000 Russian troops": ["000"],
        "100,000 troops": ["002"],
        "an estimated 100,000 Russian troops": ["003"],
    }


def test_the_stories_command_lists_the_topic_above_its_stories() -> None:
    result = CliRunner().invoke(cli, ["stories", str(SEEDS)])
    assert result.exit_code == 0, result.output
    head, _, topics = result.stdout.partition("# 1 topic\n")
    assert head.startswith("# 3 stories\n")
    story_ids = [
        line.rsplit("[", 1)[1].rstrip("]") for line in topics.splitlines() if line[:2] == "- "
    ]
    assert len(story_ids) == 3
    assert all(f"id {sid};" in head for sid in story_ids)
