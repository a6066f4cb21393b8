"""A nightly Python job over one database (a QA pass as a data engineer, session 25): what
is new since the script's previous digest, and a strict run's error it can catch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import storyline
from storyline.changes import with_changes
from storyline.errors import InputError, NothingToDoError, OptionsError
from storyline.pipeline import RunOptions

FLOOD = (
    "The River Tamsin burst its banks in Orwell Vale on Sunday after 120 millimetres of rain, "
    "and 900 residents left their homes. Mayor Jana Pell said the barrier on Mill Street was "
    "overtopped shortly after {hour} a.m. Shelters opened at the town hall and the library."
)
STRIKE = (
    "Bus drivers in Port Ferris voted by 81 per cent to strike over pay, their union said on "
    "Sunday. A first 24-hour stoppage would begin on Friday unless the operator improved its "
    "offer of a 2 per cent rise. About 60,000 people ride the town's buses on a weekday."
)


def _night(folder: Path, records: list[dict[str, str]]) -> Path:
    folder.mkdir()
    lines = (json.dumps(record) for record in records)
    (folder / "wire.jsonl").write_text("".join(f"{line}\n" for line in lines))
    return folder


def _wire(id_: str, title: str, text: str, day: str) -> dict[str, str]:
    return {"id": id_, "title": title, "text": text, "published": f"2026-11-0{day}T08:00:00Z"}


def test_a_script_that_marks_its_digest_is_told_what_is_new_the_next_night(
    tmp_path: Path,
) -> None:
    db = tmp_path / "lab.db"
    first = _night(tmp_path / "n1", [_wire("w-1", "Tamsin floods", FLOOD.format(hour=3), "1")])
    analysis, _ = storyline.run([first], db=db)
    assert analysis.changes is not None and analysis.changes.first
    storyline.mark_digested(db, analysis.changes)  # the outputs are written: remember them
    second = _night(
        tmp_path / "n2",
        [
            _wire("w-1", "Tamsin floods", FLOOD.format(hour=4), "1"),  # a correction
            _wire("w-2", "Port Ferris bus strike vote", STRIKE, "2"),
        ],
    )
    analysis, report = storyline.run([second], db=db)
    assert report is not None and (report.added, report.updated) == (1, 1)
    changes = analysis.changes
    assert changes is not None and not changes.first
    assert (changes.new_articles, changes.updated_articles) == ({"w-2"}, {"w-1"})
    stories = analysis.outline.stories
    told = json.loads(with_changes(analysis.json, analysis.outline, changes))["changes"]
    strike = next(story.id for story in stories if "w-2" in story.article_ids)
    assert (told["new_stories"], told["updated_articles"]) == ([strike], ["w-1"])
    storyline.mark_digested(db, changes)
    analysis, _ = storyline.run(db=db)  # the same night's digest again: nothing is new
    assert analysis.changes is not None and not analysis.changes.news_ids()


def test_a_strict_run_stops_with_an_input_error_naming_the_record(tmp_path: Path) -> None:
    night = _night(
        tmp_path / "n1",
        [_wire("w-1", "Tamsin floods", FLOOD.format(hour=3), "1"), _wire("w-2", "Empty", "", "1")],
    )
    with pytest.raises(InputError) as raised:
        storyline.run([night], db=tmp_path / "lab.db", options=RunOptions(strict=True))
    error = raised.value
    assert (error.path, error.record, error.reason) == (
        str(night / "wire.jsonl"),
        2,
        "line 2: empty text",
    )
    assert str(error) == f"{night / 'wire.jsonl'}:2: line 2: empty text (--strict)"


def test_a_file_read_again_each_night_tells_its_new_faults_as_new(tmp_path: Path) -> None:
    # A scraper writes the night's records to the same file every night. Reading it again
    # drops its old skip records; a new one was then numbered after the rows left, under the
    # previous digest's mark, and was not told as new. The fault of a file that did not
    # change (named again, recorded again) is no news.
    db, night = tmp_path / "lab.db", tmp_path / "incoming"
    good = _wire("w-1", "Tamsin floods", FLOOD.format(hour=3), "1")
    night.mkdir()
    (night / "archive.jsonl").write_text(json.dumps(good) + '\n{"id": "a-2", "text": 7}\n')
    (night / "wire.jsonl").write_text(json.dumps(good) + '\n{"id": "w-2", "title": "Cut\n')
    analysis, _ = storyline.run([night], db=db)
    assert analysis.changes is not None
    storyline.api.mark_digested(db, analysis.changes)
    strike = _wire("w-3", "Port Ferris bus strike vote", STRIKE, "2")
    lines = (json.dumps(strike), json.dumps({**strike, "id": "w-4", "text": None}))
    (night / "wire.jsonl").write_text("".join(f"{line}\n" for line in lines))
    analysis, report = storyline.run([night], db=db)
    assert report is not None
    assert [s.where for s in report.skipped] == [
        f"{night}/{name}:2" for name in ("archive.jsonl", "wire.jsonl")
    ]
    changes = analysis.changes
    assert changes is not None and changes.new_articles == {"w-3"}
    assert changes.new_skips == {(str(night / "wire.jsonl"), 2, "line 2: 'text' is null, not text")}
    storyline.mark_digested(db, changes)
    with (night / "wire.jsonl").open("a") as grown:  # the file grows: read from where it ended
        grown.write(json.dumps({**strike, "id": "w-5", "text": []}) + "\n")
    analysis, _ = storyline.run([night], db=db)
    assert analysis.changes is not None
    assert analysis.changes.new_skips == {
        (str(night / "wire.jsonl"), 3, "line 3: 'text' is a JSON array, not text")
    }


def test_a_first_night_that_reads_nothing_leaves_no_empty_database(tmp_path: Path) -> None:
    # A mistyped folder on the first night: the CLI removed the database it had created, a
    # script was left an empty one (the next run then said it "holds no article").
    db = tmp_path / "lab.db"
    with pytest.raises(NothingToDoError, match="no input exists"):
        storyline.run([tmp_path / "2026-11-0l"], db=db)
    with pytest.raises(NothingToDoError, match="no input exists"):
        storyline.ingest([tmp_path / "2026-11-0l"], db=db)
    assert sorted(path.name for path in tmp_path.iterdir()) == []
    night = _night(tmp_path / "n1", [_wire("w-1", "Tamsin floods", FLOOD.format(hour=3), "1")])
    storyline.run([night], db=db)
    with pytest.raises(NothingToDoError, match="no input exists"):
        storyline.run([tmp_path / "2026-11-0l"], db=db)
    assert db.exists()  # one that holds articles stays


def test_a_search_for_no_word_is_an_options_error_as_in_the_cli(tmp_path: Path) -> None:
    # A query read from an empty setting answered "no match", where the CLI says it is wrong.
    db = tmp_path / "lab.db"
    storyline.ingest(
        [_night(tmp_path / "n1", [_wire("w-1", "Tamsin floods", FLOOD.format(hour=3), "1")])], db
    )
    assert [hit.article_id for hit in storyline.search("Tamsin", db)] == ["w-1"]
    for query in ("", "  ", "*", '""'):
        with pytest.raises(OptionsError, match="has no word to search for"):
            storyline.search(query, db)
