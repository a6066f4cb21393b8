"""A run copies the stored timelines and summaries it reuses into the digest as they are
stored, without decoding them: a checksum kept with each shows it intact. The digest
objects decode them when they are first read."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from storyline import pipeline, results
from storyline.render import to_json
from storyline.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "news"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "held.db") as opened:
        pipeline.ingest([EXAMPLES], opened)
        yield opened


def _notes(store: Store) -> tuple[pipeline.Analysis, dict[str, str]]:
    notes: dict[str, str] = {}

    def heard(event: pipeline.Progress) -> None:
        if event.finished:
            notes[event.stage] = event.note

    return pipeline.analyse(store, progress=heard), notes


def test_kept_results_are_copied_without_being_decoded(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = pipeline.analyse(store)
    assert any(s.summary for s in first.digest.stories)

    def refuse(*_: object) -> None:
        raise AssertionError("a kept result was decoded")

    with monkeypatch.context() as patched:
        patched.setattr(results, "with_story_results", refuse)
        again = pipeline.analyse(store)
        assert again.json == first.json
        assert not any(s.summary or s.timeline or s.undated for s in again.outline.stories)
    # read when wanted: the same stories, the same bytes
    assert again.digest == first.digest
    assert to_json(again.digest) == again.json


def test_a_result_edited_into_another_is_found_by_its_checksum(store: Store) -> None:
    first = pipeline.analyse(store)
    edited, other = [s.id for s in first.digest.stories if s.summary][:2]
    # another story's summary: a valid result, which reading it would take as it is
    store._conn.execute(
        "UPDATE results SET payload = (SELECT payload FROM results WHERE kind = 'summary' "
        "AND key = ?) WHERE kind = 'summary' AND key = ?",
        (other, edited),
    )
    again, notes = _notes(store)
    assert again.json == first.json
    assert notes["summary"].endswith(f"; stored summary damaged, computed again: {edited}")
    assert "damaged" not in notes["timeline"]


def test_results_stored_without_a_checksum_are_read_then_given_one(store: Store) -> None:
    first = pipeline.analyse(store).json
    kinds = "kind IN ('timeline', 'summary')"
    store._conn.execute(  # as an earlier release stored them: the key of the inputs alone
        f"UPDATE results SET fingerprint = substr(fingerprint, 1, 64) WHERE {kinds}"
    )
    again, notes = _notes(store)
    assert again.json == first
    assert "damaged" not in notes["summary"] and "damaged" not in notes["timeline"]
    rows = store._conn.execute(f"SELECT fingerprint, payload FROM results WHERE {kinds}")
    assert all(fp == results.stored_fingerprint(fp[:64], text) for fp, text in rows)
    assert pipeline.analyse(store).json == first
