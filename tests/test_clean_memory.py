"""A run that adds pages cleans only them, and cleans them as one run over every page would
(storyline.cleanmemory): furniture that the stored pages lost is cut from a new page too, and
a new page that makes a line recur enough gets the whole corpus cleaned again."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import numpy as np

from storyline import cleanrun, pipeline
from storyline.clean import CleanOptions, Furniture, clean_corpus
from storyline.cleanmemory import CleanMemory, Tally, clean_new, remember
from storyline.model import Article
from storyline.store import Store

SITE_LINE = "Harbor desk evening bulletin for members"
RARE_LINE = "Listen to the Valley podcast tonight at nine"
FOOTER = "The Kessington Ledger is an independent newsroom funded by its readers every month."
_WHERE = re.compile(r'"path": "[^"]*"|"record": \d+')
PLACES = ("ferry", "library", "market", "bridge", "stadium", "museum", "tram", "clinic")
DEEDS = ("reopened", "closed", "expanded", "repaired", "inspected", "renamed", "moved", "sold")
WHEN = ("on Monday", "this week", "after a vote", "before dawn", "in the spring", "at noon")


def _story(n: int) -> str:
    """Two lines of a story of its own: no two numbers give a shared line."""
    place, deed, when = PLACES[n % 8], DEEDS[n // 8 % 8], WHEN[n // 64 % 6]
    return (
        f"The city {place} number {n} was {deed} {when}, officials of district {n} said.\n\n"
        f"Residents near the {place} described {n * 7} changes to reporters on the scene."
    )


def _record(n: int, *lines: str, source: str = "", day: int = 0) -> dict[str, Any]:
    return {
        "id": f"p{n}",
        "title": f"Report number {n}",
        "text": "\n\n".join([_story(n), *lines]),
        "source": source or f"outlet{n % 5}",
        "published": f"2024-03-{1 + (day or n) % 28:02d}T{(day or n) % 24:02d}:00:00Z",
    }


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _digest(
    tmp_path: Path, name: str, *batches: list[dict[str, Any]], notes: list[str] | None = None
) -> tuple[str, dict[str, str]]:
    """The digest JSON and stored texts after analysing each batch in turn (the clean
    stage's notes go to ``notes``)."""
    heard = [] if notes is None else notes

    def progress(event: pipeline.Progress) -> None:
        if event.finished and event.stage == "clean":
            heard.append(event.note)

    with Store(tmp_path / f"{name}.db") as store:
        for n, batch in enumerate(batches):
            pipeline.ingest([_write(tmp_path / f"{name}-{n}.jsonl", batch)], store)
            json_text = pipeline.analyse(store, progress=progress, with_summary=False).json
        # the input files and record numbers differ between the two ways: the rest must not
        return _WHERE.sub("", json_text), {a.id: a.text for a in store.articles()}


def test_a_later_page_loses_the_furniture_the_stored_pages_lost(
    tmp_path: Path, cleanings: list[int]
) -> None:
    stored = [_record(n, SITE_LINE) for n in range(4)]
    later = [_record(9, SITE_LINE, day=20)]
    notes: list[str] = []
    step = _digest(tmp_path, "step", stored, later, notes=notes)
    assert cleanings == [4]  # the new page was cleaned alone
    assert notes == ["", "1 new or updated of 5 articles cleaned"]
    assert SITE_LINE not in step[1]["p9"]  # was kept before the memory: the line was gone
    assert step == _digest(tmp_path, "one", stored + later)


def test_a_new_page_that_makes_a_line_furniture_cleans_the_stored_pages_too(
    tmp_path: Path, cleanings: list[int]
) -> None:
    stored = [_record(n, RARE_LINE if n < 2 else "") for n in range(6)]
    later = [_record(9, RARE_LINE, day=20)]
    notes: list[str] = []
    step = _digest(tmp_path, "step", stored, later, notes=notes)
    assert cleanings == [6, 7]  # a third page with the line: it is decided over all pages
    assert notes == ["", "every article cleaned: a new line recurs"]
    assert not any(RARE_LINE in text for text in step[1].values())
    assert step == _digest(tmp_path, "one", stored + later)


def test_a_new_house_footer_is_cut_from_the_stored_page_too(
    tmp_path: Path, cleanings: list[int]
) -> None:
    stored = [_record(n, FOOTER if n == 1 else "", source="Kessington Ledger") for n in range(3)]
    later = [_record(9, FOOTER, source="Kessington Ledger", day=20)]
    step = _digest(tmp_path, "step", stored, later)
    assert cleanings == [3, 4]
    assert not any(FOOTER in text for text in step[1].values())
    assert step == _digest(tmp_path, "one", stored + later)


def test_an_updated_page_is_cleaned_again_alone(tmp_path: Path, cleanings: list[int]) -> None:
    stored = [_record(n, SITE_LINE) for n in range(4)]
    updated = _record(2, SITE_LINE, "A correction was added to this report on Friday.")
    step = _digest(tmp_path, "step", stored, [updated])
    assert cleanings == [4]
    assert SITE_LINE not in step[1]["p2"]
    assert "A correction was added" in step[1]["p2"]
    assert step == _digest(tmp_path, "one", [*stored[:2], updated, *stored[3:]])


def test_changed_clean_options_do_not_use_the_memory(tmp_path: Path) -> None:
    stored = [_record(n, SITE_LINE) for n in range(4)]
    later = _write(tmp_path / "later.jsonl", [_record(9, SITE_LINE, day=20)])
    looser = pipeline.RunOptions(clean=CleanOptions(min_repeat=5))
    with Store(tmp_path / "a.db") as store:
        pipeline.ingest([_write(tmp_path / "first.jsonl", stored)], store)
        pipeline.analyse(store, with_summary=False)
        pipeline.ingest([later], store)
        pipeline.analyse(store, looser, with_summary=False)
        # five pages with the line, but four of them stored without it: with other options
        # the memory (which knows the line as furniture) is not used
        assert SITE_LINE in store.article("p9").text
        memory = store.load_state(cleanrun.CLEAN_MEMORY)
    assert memory is not None
    assert CleanMemory.from_json(memory, "other code") is None


def test_a_database_without_the_memory_cleans_as_before(tmp_path: Path) -> None:
    stored = [_record(n, SITE_LINE) for n in range(4)]
    later = _write(tmp_path / "later.jsonl", [_record(9, SITE_LINE, day=20)])
    with Store(tmp_path / "old.db") as store:
        pipeline.ingest([_write(tmp_path / "first.jsonl", stored)], store)
        pipeline.analyse(store, with_summary=False)
        store._conn.execute("DELETE FROM state WHERE name = ?", (cleanrun.CLEAN_MEMORY,))
        pipeline.ingest([later], store)
        before = sorted(store.articles(), key=lambda a: a.published or "")
        pipeline.analyse(store, with_summary=False)
        expected = clean_corpus(before)[0]
        assert [a.text for a in expected] == [store.article(a.id).text for a in before]
        assert store.load_state(cleanrun.CLEAN_MEMORY) is not None  # made for the next run


def _article(n: int, *lines: str) -> Article:
    text = "\n\n".join([_story(n), *lines])
    return Article(f"p{n}", f"Report number {n}", text, text, source=f"outlet{n % 5}")


def test_clean_new_cleans_only_unseen_pages_and_returns_the_rest_as_they_are() -> None:
    options = CleanOptions()
    cleaned, furniture = clean_corpus([_article(n, SITE_LINE) for n in range(5)], options)
    assert furniture.lines == {"harbor desk evening bulletin for members"}
    memory = remember(cleaned, furniture, options, "code")
    new = _article(7, SITE_LINE)
    done = clean_new([*cleaned, new], memory, options)
    assert done is not None
    result, later, count = done
    assert count == 1
    assert all(a is b for a, b in zip(result[:5], cleaned, strict=True))
    assert SITE_LINE not in result[5].text
    assert len(later.seen) == 6
    assert clean_new(result, later, options) == (result, later, 0)  # nothing unseen


def test_clean_new_answers_none_when_a_line_recurs_enough() -> None:
    options = CleanOptions()
    pages = [_article(n, RARE_LINE if n < 2 else "") for n in range(5)]
    cleaned, furniture = clean_corpus(pages, options)
    assert all(RARE_LINE in page.text for page in cleaned[:2])  # two pages: content
    memory = remember(cleaned, furniture, options, "code")
    assert clean_new([*cleaned, _article(8, "Another line")], memory, options) is not None
    assert clean_new([*cleaned, _article(8, RARE_LINE)], memory, options) is None


def test_the_memory_round_trips_and_a_damaged_one_is_not_used() -> None:
    options = CleanOptions()
    cleaned, furniture = clean_corpus([_article(n, SITE_LINE) for n in range(4)], options)
    memory = remember(cleaned, furniture, options, "code")
    again = CleanMemory.from_json(memory.to_json(), "code")
    assert again is not None
    assert (
        again.furniture
        == furniture
        == Furniture(frozenset({"harbor desk evening bulletin for members"}))
    )
    assert np.array_equal(again.seen, memory.seen)
    assert np.array_equal(again.keys.hashes, memory.keys.hashes)
    assert np.array_equal(again.keys.counts, memory.keys.counts)
    broken = json.loads(memory.to_json())
    broken["keys"] = ["AAAA", ""]
    assert CleanMemory.from_json(json.dumps(broken), "code") is None
    assert CleanMemory.from_json("not json", "code") is None
    assert CleanMemory.from_json(None, "code") is None


def test_tallies_add_and_count() -> None:
    one = Tally.of([5, 3, 5])
    two = Tally.of([3, 9])
    both = one + two
    assert both.hashes.tolist() == [3, 5, 9]
    assert both.counts.tolist() == [2, 2, 1]
    assert both.get(np.asarray([9, 4, 3, 10], dtype=np.uint64)).tolist() == [1, 0, 2, 0]
    assert Tally.of([]).get(np.asarray([1], dtype=np.uint64)).tolist() == [0]
