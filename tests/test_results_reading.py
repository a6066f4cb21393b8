"""Stored story results are read back as the same objects whether they are laid out as
jsonout writes them (read at once) or not (read by the checking reader)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from storyline import pipeline
from storyline.errors import StoreError
from storyline.model import Digest, Story
from storyline.render import jsonin
from storyline.render.jsonout import relation_result_to_json, story_results_to_json
from storyline.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"


@pytest.fixture(scope="module")
def digest(tmp_path_factory: pytest.TempPathFactory) -> Digest:
    with Store(tmp_path_factory.mktemp("read") / "r.db") as store:
        pipeline.ingest([EXAMPLES], store)
        return pipeline.analyse(store).digest


@pytest.fixture(scope="module")
def stories(digest: Digest) -> tuple[Story, ...]:
    return digest.stories


def _bare(story: Story) -> Story:
    return Story(story.id, story.title, story.article_ids, story.keywords, None, None, ())


def test_results_as_written_read_back_equal(stories: tuple[Story, ...]) -> None:
    assert any(s.summary for s in stories) and any(s.timeline for s in stories)
    for story in stories:
        for kind in ("summary", "timeline"):
            text = story_results_to_json(story, kind)
            read = jsonin.with_story_results(_bare(story), kind, text)
            fields = ("summary",) if kind == "summary" else ("timeline", "undated")
            for name in fields:
                assert getattr(read, name) == getattr(story, name)


def _edited(value: Any, edit: Any) -> Any:
    """``value`` with ``edit`` applied to every object holding a given key."""
    if isinstance(value, list):
        return [_edited(item, edit) for item in value]
    if isinstance(value, dict):
        return edit({key: _edited(item, edit) for key, item in value.items()})
    return value


@pytest.mark.parametrize(
    "edit",
    [
        lambda o: {k: v for k, v in o.items() if k != "first_seen"},  # missing: the default
        lambda o: {**o, "note": None} if "note" in o else o,  # null: the default
        lambda o: {**o, "score": int(o["score"])} if "score" in o else o,  # int for a float
        lambda o: {**o, "end": None} if "end" in o else o,
    ],
)
def test_results_laid_out_otherwise_read_as_the_checking_reader_reads_them(
    stories: tuple[Story, ...], edit: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for story in stories:
        for kind in ("summary", "timeline"):
            text = json.dumps(_edited(json.loads(story_results_to_json(story, kind)), edit))
            quick = jsonin.with_story_results(_bare(story), kind, text)
            with monkeypatch.context() as patched:  # every item to the checking reader
                patched.setattr(jsonin, "_plain", lambda build, items: None)
                checked = jsonin.with_story_results(_bare(story), kind, text)
            assert quick == checked


def test_a_damaged_result_is_still_named(stories: tuple[Story, ...]) -> None:
    story = next(s for s in stories if s.summary)
    text = json.loads(story_results_to_json(story, "summary"))
    text[0]["outlets"] = "three"
    with pytest.raises(StoreError, match=r"summary\[0\]\.outlets has the wrong type"):
        jsonin.with_story_results(_bare(story), "summary", json.dumps(text))


def test_results_as_written_are_read_without_the_checking_reader(
    stories: tuple[Story, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("read by the checking reader")

    monkeypatch.setattr(jsonin._Reader, "each", refuse)
    for story in stories:
        text = story_results_to_json(story, "summary")
        assert jsonin.with_story_results(_bare(story), "summary", text).summary == story.summary


def test_stored_relations_read_back_equal_at_once_or_by_the_reader(
    digest: Digest, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert any(relation.passages for relation in digest.relations)
    texts = [relation_result_to_json(relation) for relation in digest.relations]
    odd = [  # a null reason and an int score: read by the checking reader, as before
        json.dumps(_edited(json.loads(text), lambda o: {**o, "reason": None, "score": 1}))
        for text in texts
    ]
    quick = [jsonin.relation_result_from_json(text) for text in texts]
    assert quick == list(digest.relations)
    read_odd = [jsonin.relation_result_from_json(text) for text in odd]
    with monkeypatch.context() as patched:
        patched.setattr(jsonin, "_plain_relation", _refuse)
        assert [jsonin.relation_result_from_json(text) for text in texts] == quick
        assert [jsonin.relation_result_from_json(text) for text in odd] == read_odd
    monkeypatch.setattr(jsonin._Reader, "each", _refuse)
    assert [jsonin.relation_result_from_json(text) for text in texts] == quick


def _refuse(*_: object) -> None:
    raise KeyError("not read at once")
