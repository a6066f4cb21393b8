"""Story and topic ids survive a story state made again (issue 4): a corrected page, or an id
given another report, makes the state again from the current articles, and the stories of
that state take over the ids of the stories they continue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from helpers_cli import Run
from storyline import pipeline
from storyline.ids import stable_id
from storyline.model import Digest
from storyline.store import Store
from storyline.storyrun import load_story_state

URL = "https://lantern-gazette.example/2031/quarry-collapse-orvik"
QUARRY = (
    "A wall of the Orvik limestone quarry collapsed on Wednesday morning, burying two "
    "excavators and cutting the road to Haldby, the quarry operator Brennick Stone said. "
    "Rescue crews reached the {n} workers trapped in a site cabin by the afternoon, and "
    "the county inspector closed the quarry while engineers check the remaining faces."
)
FOLLOW = (
    "Engineers at the Orvik limestone quarry said on Thursday that a second face was unstable "
    "after Wednesday's collapse, and Brennick Stone kept the quarry closed. The road to "
    "Haldby stays shut while excavators are dug out, the county inspector said."
)
REGATTA = (
    "The Selwen rowing regatta was cancelled on Saturday after strong winds raised waves on "
    "the lake, the organisers said. Crews from twelve clubs had travelled for the races, "
    "which will be rowed instead in September on the Amberley canal."
)


def _record(rid: str, text: str, day: str, **extra: Any) -> dict[str, Any]:
    fields = {"id": rid, "title": text.split(",")[0][:60], "text": text, "url": ""}
    return {**fields, "published": f"2031-06-{day}T08:00:00+00:00", "source": "Wire", **extra}


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _story_of(digest: Digest, article_id: str) -> str:
    (story,) = [s.id for s in digest.stories if article_id in s.article_ids]
    return story


def _first_day(tmp_path: Path) -> Path:
    page = _record("q-v1", QUARRY.format(n="four"), "04", url=URL, source="Lantern Gazette")
    return _write(
        tmp_path / "day1.jsonl",
        [page, _record("f1", FOLLOW, "05"), _record("r1", REGATTA, "06", source="Lake News")],
    )


@pytest.mark.parametrize("corrected_day", ["04", "07"])
def test_a_corrected_founding_page_keeps_its_story_id(tmp_path: Path, corrected_day: str) -> None:
    """The corrected page comes back under a new id at the same url; the state is made again,
    and the story it founded keeps its id. Dated later (07), the correction no longer founds
    the story (f1 does, in the state made again): the id stays all the same."""
    corrected = _record(
        "q-v2", QUARRY.format(n="five"), corrected_day, url=URL, source="Lantern Gazette"
    )
    notes: list[str] = []
    with Store(tmp_path / "desk.db") as store:
        pipeline.ingest([_first_day(tmp_path)], store)
        before = pipeline.analyse(store).digest
        pipeline.ingest([_write(tmp_path / "day2.jsonl", [corrected])], store)
        after = pipeline.analyse(store, progress=lambda e: notes.append(e.note)).digest
        state = load_story_state(store)[0]
    assert any("story state was made again" in note for note in notes)
    quarry = _story_of(before, "q-v1")
    assert quarry == stable_id("q-v1", prefix="s")
    assert _story_of(after, "q-v2") == _story_of(after, "f1") == quarry
    assert _story_of(after, "r1") == _story_of(before, "r1")
    assert state is not None and state.story_by_id[quarry] == 0
    assert state.assignments["q-v2"].story_id == state.assignments["f1"].story_id == quarry
    assert [s.id for s in state.stories] == [s.id for s in after.stories]


def test_the_cli_json_keeps_the_story_id_after_a_correction(run: Run, tmp_path: Path) -> None:
    """The id a reader bookmarked (``timeline --story``, the web app's address, the JSON)
    names the same story after the page is corrected, and a later run keeps it."""
    db = str(tmp_path / "desk.db")
    corrected = _record("q-v2", QUARRY.format(n="five"), "04", url=URL, source="Lantern Gazette")
    later = _record("f2", FOLLOW.replace("Thursday", "Friday"), "08", source="Post")

    def ids() -> dict[str, list[str]]:
        out = run("digest", "--db", db, "--format", "json")
        assert out.exit_code == 0, out.output
        return {s["id"]: s["article_ids"] for s in json.loads(out.stdout)["stories"]}

    assert run("digest", str(_first_day(tmp_path)), "--db", db).exit_code == 0
    first = ids()
    assert run("digest", str(_write(tmp_path / "d2.jsonl", [corrected])), "--db", db).exit_code == 0
    quarry = stable_id("q-v1", prefix="s")
    told = run("digest", "--db", db, "--again", "--changed", "--format", "json")
    changes = json.loads(told.stdout)["changes"]  # the story is updated, under its id
    assert changes["stories_with_updated_articles"] == [quarry] and changes["new_stories"] == []
    assert set(first[quarry]) == {"q-v1", "f1"} and ids()[quarry] == ["q-v2", "f1"]
    assert run("digest", str(_write(tmp_path / "d3.jsonl", [later])), "--db", db).exit_code == 0
    assert ids()[quarry] == ["q-v2", "f1", "f2"]
    told = run("timeline", "--db", db, "--story", quarry[:9], "--format", "json")
    assert told.exit_code == 0, told.output
    assert [s["id"] for s in json.loads(told.stdout)["stories"]] == [quarry]


THEFT = (
    "Thieves broke into the Garrow clock museum in Ebbsfield on Sunday night and took two "
    "gold pocket watches from the east gallery, police said. A cleaner found the cases "
    "open at dawn, and detectives are questioning the night porter. {extra}"
)
STRIKE = (
    "Bin collectors in Norrath walked out on Monday after talks with the borough over "
    "overtime pay broke down, leaving rubbish piling up in the market square. The union "
    "said the stoppage would last three days. {extra}"
)


def test_an_id_given_another_report_leaves_its_old_story_the_id(tmp_path: Path) -> None:
    """p1 founded the theft story; the feed re-sends p1 with the strike report. The state is
    made again: w1 alone is the theft story now and keeps the theft story's id (p1's), the
    strike story keeps its own; no two stories share one."""
    first = _write(
        tmp_path / "n1.jsonl",
        [
            _record("p1", THEFT.format(extra="Curators listed the watches."), "04", source="Post"),
            _record("w1", THEFT.format(extra="The museum stays shut."), "05", source="Wire"),
            _record("w2", STRIKE.format(extra="Schools were open."), "06", source="Wire"),
            _record("p2", STRIKE.format(extra="Markets were quiet."), "07", source="Post"),
        ],
    )
    resent = _record("p1", STRIKE.format(extra="Street sweepers joined."), "07", source="Post")
    notes: list[str] = []
    with Store(tmp_path / "nightly.db") as store:
        pipeline.ingest([first], store)
        before = pipeline.analyse(store).digest
        pipeline.ingest([_write(tmp_path / "n2.jsonl", [resent])], store)
        after = pipeline.analyse(store, progress=lambda e: notes.append(e.note)).digest
    assert any("p1 now holds another report" in note for note in notes)
    theft, strike = stable_id("p1", prefix="s"), stable_id("w2", prefix="s")
    assert [(s.id, set(s.article_ids)) for s in before.stories] == [
        (theft, {"p1", "w1"}),
        (strike, {"w2", "p2"}),
    ]
    assert sorted((s.id, sorted(s.article_ids)) for s in after.stories) == sorted(
        [(theft, ["w1"]), (strike, ["p1", "p2", "w2"])]
    )
