"""A run with nothing new reads its analysis back from the stored digest (storyline.current):
the same bytes as a full analysis in every format and command, and never when the store,
the options or the stored digest changed since."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers_cli import Run
from storyline import api, current, pipeline
from storyline.analysis import NotComputedError
from storyline.clean import CleanOptions
from storyline.store import Store
from storyline.summary import SummaryOptions

READ_BACK = "stored digest:"  # the -v line of a run that read the stored digest back

_FLOOD = (
    "Heavy rain pushed the Orchard River over its banks on Tuesday, flooding the lower town "
    "of Brennick. The county said 340 homes were evacuated overnight and two schools were "
    "closed. Mayor Ilse Varga said the water had reached the market square by midnight. "
    "Engineers expect the river to fall by Thursday, when crews will inspect the old weir."
)
_FLOOD_2 = (
    "Residents of Brennick spent Wednesday clearing mud from the lower town after the Orchard "
    "River flood. The county raised its count to 360 homes evacuated, and said the old weir "
    "had held. Mayor Ilse Varga asked volunteers to register at the town hall on Friday."
)
_TRAM = (
    "Tram drivers on the Lumen Street line walked out on Monday over a dispute about night "
    "shifts. The transit authority said 40 trams stayed in the depot and buses replaced the "
    "line until further notice. The drivers' union said talks would resume on March 12."
)
_TRAM_2 = (
    "The Lumen Street tram strike went into a second day on Tuesday. The transit authority "
    "ran 25 replacement buses and said talks with the drivers' union would resume on March "
    "12, as planned. Commuters reported waits of half an hour at the central stop."
)
_BAKERY = (
    "A bakery on Quay Road won the regional bread prize for a rye loaf made with a starter "
    "kept since 1962. The owner, Tomas Rell, said the recipe came from his grandmother."
)


def _articles() -> list[dict[str, str]]:
    rows = [
        (
            "f1",
            "Orchard River floods lower Brennick",
            "Valley Post",
            "2026-03-03T08:00:00Z",
            _FLOOD,
        ),
        ("f2", "Orchard River floods Brennick", "County Wire", "2026-03-03T09:30:00Z", _FLOOD),
        ("f3", "Brennick clears mud after flood", "Valley Post", "2026-03-04T10:00:00Z", _FLOOD_2),
        ("t1", "Lumen Street tram drivers strike", "City Desk", "2026-03-02T07:15:00Z", _TRAM),
        ("t2", "Tram strike enters second day", "Metro Note", "2026-03-03T07:45:00Z", _TRAM_2),
        ("b1", "Quay Road bakery wins bread prize", "City Desk", "", _BAKERY),
    ]
    return [
        {"id": i, "title": title, "source": source, "published": day, "text": text}
        for i, title, source, day, text in rows
    ]


def _write(folder: Path, articles: list[dict[str, str]], bad: str = "not json at all") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(article) for article in articles]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "broken.jsonl").write_text(bad + "\n", encoding="utf-8")  # a skip to list
    return folder


@pytest.fixture
def db(run: Run, tmp_path: Path) -> Path:
    """A database holding the digest of the corpus, and the key of its stored digest."""
    path = tmp_path / "news.db"
    result = run("digest", str(_write(tmp_path / "in", _articles())), "--db", str(path))
    assert result.exit_code == 0, result.output
    return path


def _without_key(db: Path, name: str) -> Path:
    """A copy of ``db`` that no key says is current: a run of it analyses everything."""
    copy = db.with_name(name)
    shutil.copy(db, copy)
    with Store(copy) as store:
        current.forget(store)
    return copy


def _both(run: Run, db: Path, *args: str) -> tuple[str, str, str]:
    """The output of ``args`` over ``db`` and over a copy analysed in full, and the first
    run's stderr."""
    full = _without_key(db, f"full-{len(list(db.parent.iterdir()))}.db")
    read = run(*args, "--db", str(db), "-v")
    fresh = run(*args, "--db", str(full), "-v")
    assert read.exit_code == 0 and fresh.exit_code == 0, read.output + fresh.output
    assert READ_BACK not in fresh.stderr
    return read.stdout, fresh.stdout, read.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "json", "csv"])
def test_a_digest_read_back_is_the_same_bytes_in_every_format(run: Run, db: Path, fmt: str) -> None:
    read, fresh, stderr = _both(run, db, "digest", "--format", fmt)
    assert READ_BACK in stderr
    assert read == fresh
    assert "Orchard River" in read


@pytest.mark.parametrize(
    "args",
    [
        ("digest", "--again", "--format", "html"),
        ("digest", "--max-stories", "1", "--since", "2026-03-03"),  # chosen when rendered
        ("digest", "--changed"),
        ("digest", "--changed", "--format", "json"),
        ("summarize",),
        ("summarize", "--format", "json"),
        ("timeline",),
        ("timeline", "--format", "json"),
        ("stories",),
        ("stories", "--format", "json"),
        ("duplicates", "--format", "json"),
    ],
)
def test_each_command_that_reads_only_the_digest_reads_it_back(
    run: Run, db: Path, args: tuple[str, ...]
) -> None:
    read, fresh, stderr = _both(run, db, *args)
    assert READ_BACK in stderr
    assert read == fresh


def test_one_story_is_read_back_too(run: Run, db: Path) -> None:
    with Store(db) as store:
        story = json.loads(store.load_digest() or "")["stories"][0]["id"]
    for command in ("summarize", "timeline"):
        read, fresh, stderr = _both(run, db, command, "--story", story)
        assert READ_BACK in stderr
        assert read == fresh


@pytest.mark.parametrize("args", [("stories", "--explain"), ("timeline", "--corpus")])
def test_a_command_that_needs_a_stage_result_analyses(
    run: Run, db: Path, args: tuple[str, ...]
) -> None:
    read, fresh, stderr = _both(run, db, *args)
    assert READ_BACK not in stderr
    assert read == fresh


def test_the_news_of_an_update_is_told_and_nothing_is_read_back(
    run: Run, db: Path, tmp_path: Path
) -> None:
    changed = _articles()
    changed[4]["text"] = _TRAM_2.replace("25 replacement buses", "31 replacement buses")
    later = _write(tmp_path / "later", changed)
    ingested = run("ingest", str(later), "--db", str(db))
    assert ingested.exit_code == 0 and "1 updated" in ingested.stdout
    read, fresh, stderr = _both(run, db, "digest")
    assert READ_BACK not in stderr
    assert read == fresh
    assert "1 story with an updated article" in read
    # the next run has nothing new: read back, and the news told again with --again
    read, fresh, stderr = _both(run, db, "digest", "--again", "--format", "html")
    assert READ_BACK in stderr
    assert read == fresh
    assert "updated" in read


def test_a_new_article_is_analysed(run: Run, db: Path, tmp_path: Path) -> None:
    more = [
        *_articles(),
        {
            "id": "t3",
            "title": "Tram strike ends",
            "source": "City Desk",
            "published": "2026-03-05T06:00:00Z",
            "text": _TRAM.replace("walked out on Monday", "went back to work on Thursday"),
        },
    ]
    read, fresh, stderr = _both(run, db, "digest", str(_write(tmp_path / "more", more)))
    assert READ_BACK not in stderr
    assert read == fresh
    assert "1 new article" in read


def test_a_skip_recorded_again_for_another_reason_is_seen(
    run: Run, db: Path, tmp_path: Path
) -> None:
    # The broken file read again fails otherwise. Its new skip record may take the position
    # of the one it replaces (as SQLite numbers a row after the last one left): the key's
    # hash of the skip list sees the change all the same.
    again = _write(tmp_path / "in", _articles(), bad='{"id": "x", "text": 7}')
    with Store(db) as store:
        reasons = [entry.reason for entry in store.skipped()]
    read, fresh, stderr = _both(run, db, "digest", str(again), "--format", "json")
    with Store(db) as store:
        assert [entry.reason for entry in store.skipped()] != reasons
    assert READ_BACK not in stderr
    assert read == fresh


def test_a_changed_option_is_analysed_and_jobs_is_no_option(run: Run, db: Path) -> None:
    read, fresh, stderr = _both(run, db, "summarize", "--max-words", "20")
    assert READ_BACK not in stderr
    assert read == fresh
    read, fresh, stderr = _both(run, db, "digest", "--jobs", "2", "--format", "json")
    assert READ_BACK in stderr
    assert read == fresh


def test_a_digest_saved_by_other_code_is_not_read_back(db: Path) -> None:
    with Store(db) as store:
        assert current.stored_analysis(store, pipeline.RunOptions()) is not None
        text = store.load_digest() or ""
        store.save_digest(text.replace('"Orchard River', '"Orchard  River', 1))
        assert current.stored_analysis(store, pipeline.RunOptions()) is None


def test_an_analysis_read_back_has_no_stage_results(db: Path) -> None:
    analysis, _ = api.run(db=db, digest_only=True)
    assert analysis.stored
    with pytest.raises(NotComputedError, match="read back from the stored digest"):
        _ = analysis.stories
    with pytest.raises(NotComputedError):
        _ = analysis.dedup
    full, _ = api.run(db=db)
    assert not full.stored and full.stories.assignments
    assert full.digest == analysis.digest
    assert full.json == analysis.json


def test_the_digest_of_a_run_without_summaries_is_the_one_it_computes(db: Path) -> None:
    options = pipeline.RunOptions(summary=SummaryOptions(max_words=20))  # read by none of them
    for timeline, summary in ((False, False), (True, False), (False, True)):
        flags = {"with_timeline": timeline, "with_summary": summary}
        with Store(db) as store:
            if summary:
                options = pipeline.RunOptions()
            read = current.stored_analysis(store, options, **flags)
            fresh = pipeline.analyse(store, options, **flags)
        assert read is not None
        assert read.digest == fresh.digest
        assert read.json == fresh.json


def test_a_run_that_rewrites_the_stored_texts_forgets_the_key(tmp_path: Path) -> None:
    articles = _articles()
    for article in articles[2], articles[4]:  # a footer on two pages: furniture at 2 repeats
        article["text"] += "\n\nSign up for the morning letter at our front desk."
    db = tmp_path / "footer.db"
    api.run(_write(tmp_path / "in", articles), db)
    with Store(db) as store:
        assert current.stored_analysis(store, pipeline.RunOptions()) is not None
        cut = pipeline.RunOptions(clean=CleanOptions(min_repeat=2))
        pipeline.analyse(store, cut, with_timeline=False, with_summary=False)
        assert "Sign up" not in store.article("f3").text  # cut from the stored text
        # the stored digest still holds the texts as they were: no longer current
        assert current.stored_analysis(store, pipeline.RunOptions()) is None
