"""An id that a feed re-sends with another event's report moves to that event's story, as
one run over the current texts places it; a correction under its id keeps its story without
the story state being made again (a QA pass as a data engineer, session 25)."""

from __future__ import annotations

import json
from pathlib import Path

import storyline
from storyline.pipeline import Progress

THEFT = (
    "Thieves broke into the Orlin Maritime Museum in Castellan on Sunday night and took "
    "three silver ship models from the harbour gallery, police said. A guard found the "
    "display cases smashed during his rounds, and detectives are reviewing camera footage "
    "from the museum courtyard. {extra}"
)
STRIKE = (
    "Tram drivers in Velmora walked out on Monday morning after talks with the transport "
    "authority over night-shift pay collapsed, leaving commuters queueing for replacement "
    "buses. The drivers union said the stoppage would last forty-eight hours. {extra}"
)


def _line(article_id: str, source: str, text: str, day: str) -> str:
    item = {
        "id": article_id,
        "source": source,
        "published": f"2031-05-{day}T08:00:00+00:00",
        "title": text.split(" in ")[0],
        "text": text,
    }
    return json.dumps(item) + "\n"


def _night(folder: Path, lines: list[str]) -> Path:
    folder.mkdir()
    (folder / "feed.jsonl").write_text("".join(lines), encoding="utf-8")
    return folder


def _first(tmp_path: Path) -> Path:
    return _night(
        tmp_path / "n1",
        [
            _line("w1", "Castellan Wire", THEFT.format(extra="The museum stays closed."), "04"),
            _line("p1", "Harbour Post", THEFT.format(extra="Curators valued the models."), "04"),
            _line("w2", "Castellan Wire", STRIKE.format(extra="Buses were full."), "05"),
            _line("p2", "Harbour Post", STRIKE.format(extra="Schools stayed open."), "05"),
        ],
    )


def _groups(digest: storyline.model.Digest) -> set[frozenset[str]]:
    return {frozenset(story.article_ids) for story in digest.stories}


def _run(paths: list[Path], db: Path, notes: list[str]) -> storyline.model.Digest:
    def progress(event: Progress) -> None:
        if event.finished and event.stage == "stories":
            notes.append(event.note)

    analysis, _ = storyline.run(paths, db=db, progress=progress)
    return analysis.digest


def test_an_id_resent_with_another_report_joins_that_report_story(tmp_path: Path) -> None:
    db, notes, first = tmp_path / "nightly.db", [], _first(tmp_path)
    before = _run([first], db, notes)
    assert _groups(before) == {frozenset({"w1", "p1"}), frozenset({"w2", "p2"})}
    resent = STRIKE.format(extra="Night trams will not run.")
    second = _night(tmp_path / "n2", [_line("p1", "Harbour Post", resent, "05")])
    after = _run([second], db, notes)
    assert _groups(after) == {frozenset({"w1"}), frozenset({"w2", "p2", "p1"})}
    assert "p1 now holds another report" in notes[-1]
    assert _groups(storyline.digest([first, second])) == _groups(after)  # one run, no state


def test_a_correction_under_its_id_keeps_its_story(tmp_path: Path) -> None:
    db, notes = tmp_path / "nightly.db", []
    before = _run([_first(tmp_path)], db, notes)
    corrected = THEFT.format(extra="Curators valued the models.").replace("three", "four")
    second = _night(tmp_path / "n2", [_line("p1", "Harbour Post", corrected, "04")])
    after = _run([second], db, notes)
    assert [(s.id, s.article_ids) for s in after.stories] == [
        (s.id, s.article_ids) for s in before.stories
    ]
    assert not any("made again" in note for note in notes)
