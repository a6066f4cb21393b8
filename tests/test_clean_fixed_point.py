"""A run with nothing new skips the clean stage when it left the very same corpus unchanged
before (same articles, options and code); anything else cleans again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline import cleanrun, pipeline
from storyline.clean import CleanOptions
from storyline.store import Store

FURNITURE = "Subscribe to the Harbor Bulletin morning briefing"
TOPICS = (
    ("ferry", "The harbor ferry resumed service on Monday after a week of repairs to its hull."),
    ("library", "The city library opened a new reading room for children on the east side."),
    ("market", "Farmers at the Saturday market reported strong sales of early strawberries."),
    ("bridge", "Engineers closed the old rail bridge for an inspection of its steel beams."),
)


def _record(name: str, text: str, day: int, furniture: bool = True) -> dict[str, Any]:
    body = f"{text}\n\n{FURNITURE}\n\nOfficials said more details would follow this week."
    return {
        "id": name,
        "title": f"News about the {name}",
        "text": body if furniture else text,
        "source": f"outlet-{name}",
        "published": f"2024-03-{day:02d}T10:00:00Z",
    }


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    records = [_record(name, text, day) for day, (name, text) in enumerate(TOPICS, 1)]
    with Store(tmp_path / "fixed.db") as opened:
        pipeline.ingest([_write(tmp_path / "first.jsonl", records)], opened)
        yield opened


def _texts(store: Store) -> dict[str, str]:
    return {article.id: article.text for article in store.articles()}


def test_nothing_new_skips_cleaning_once_a_run_changed_nothing(
    store: Store, cleanings: list[int]
) -> None:
    first = pipeline.analyse(store).json
    assert FURNITURE not in "".join(_texts(store).values())  # the first run cut the line
    assert store.load_state(cleanrun.CLEAN_FIXED) is None  # it changed texts: no promise
    second = pipeline.analyse(store).json  # the clean memory has seen every text
    assert cleanings == [4]
    assert store.load_state(cleanrun.CLEAN_FIXED) is None  # the memory needs no promise
    notes: list[str] = []

    def heard(event: pipeline.Progress) -> None:
        if event.finished and event.stage == "clean":
            notes.append(event.note)

    third = pipeline.analyse(store, progress=heard).json
    assert cleanings == [4]  # not called again
    assert notes == ["stored texts already clean"]
    assert first == second == third


def test_a_new_article_is_cleaned_with_the_corpus(
    store: Store, cleanings: list[int], tmp_path: Path
) -> None:
    later = _write(tmp_path / "later.jsonl", [_record("tram", "The tram line got new cars.", 9)])
    digests = []
    for name in ("kept.db", "never kept.db"):  # the second forgets the key after each run
        with Store(tmp_path / name) as run:
            pipeline.ingest([tmp_path / "first.jsonl"], run)
            for _ in range(3):
                pipeline.analyse(run)
                if name == "never kept.db":
                    run._conn.execute("DELETE FROM state WHERE name = ?", (cleanrun.CLEAN_FIXED,))
            cleanings.clear()
            pipeline.ingest([later], run)
            digests.append((pipeline.analyse(run).json, _texts(run)))
            assert cleanings == []  # the new page alone, with the furniture the memory knows
            assert FURNITURE not in _texts(run)["tram"]
    assert digests[0] == digests[1]


def test_other_clean_options_or_a_changed_text_mean_cleaning_again(
    store: Store, cleanings: list[int]
) -> None:
    pipeline.analyse(store)
    pipeline.analyse(store)
    cleanings.clear()
    stricter = pipeline.RunOptions(clean=CleanOptions(min_repeat=5))
    pipeline.analyse(store, stricter)
    assert cleanings == [4]  # the memory was made with other options: not used
    pipeline.analyse(store)  # the default options again: their key and memory were replaced
    assert cleanings == [4, 4]
    pipeline.analyse(store)
    assert cleanings == [4, 4]
    text = _texts(store)["ferry"]
    store.update_texts([("ferry", f"{text}\n\n{FURNITURE}")])  # the line is back in one text
    pipeline.analyse(store)
    assert cleanings == [4, 4]  # that text alone is cleaned
    assert FURNITURE not in _texts(store)["ferry"]


def test_other_code_means_cleaning_again(
    store: Store, cleanings: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    pipeline.analyse(store)
    pipeline.analyse(store)
    pipeline.analyse(store)
    assert len(cleanings) == 1
    asked: list[object] = []

    def another_release(roots: object = None) -> bytes:
        asked.append(roots)
        return b"another release"

    monkeypatch.setattr(cleanrun, "code_fingerprint", another_release)
    pipeline.analyse(store)
    assert len(cleanings) == 2  # the memory was made by other code too
    # the key covers the clean stage's own code, not the whole package's
    assert set(asked) == {("storyline.clean", "storyline.cleanmemory")}


def test_the_key_covers_every_field_and_the_order() -> None:
    from storyline.model import Article

    a = Article("a", "T", "text", "raw", published="2024-01-01")
    b = Article("b", "T", "text", "raw")
    options = CleanOptions()
    key = cleanrun.clean_key([a, b], options)
    assert key == cleanrun.clean_key([a, b], CleanOptions())
    for other in (
        [b, a],
        [a],
        [pipeline.replace(a, raw_text="raw2"), b],
        [pipeline.replace(a, published=None), b],
        [pipeline.replace(a, record=1), b],
        [pipeline.replace(a, title="T", text="textx"), b],
        [pipeline.replace(a, title="Tt", text="ext"), b],
    ):
        assert cleanrun.clean_key(other, options) != key
    assert cleanrun.clean_key([a, b], CleanOptions(min_repeat=4)) != key


def test_without_the_memory_a_corpus_left_unchanged_is_not_cleaned_again(
    store: Store, cleanings: list[int]
) -> None:
    pipeline.analyse(store)
    forget = "DELETE FROM state WHERE name = ?"
    store._conn.execute(forget, (cleanrun.CLEAN_MEMORY,))
    pipeline.analyse(store)  # cleans the cleaned texts: nothing to cut, the key is kept
    assert cleanings == [4, 4]
    assert store.load_state(cleanrun.CLEAN_FIXED) is not None
    store._conn.execute(forget, (cleanrun.CLEAN_MEMORY,))
    pipeline.analyse(store)
    assert cleanings == [4, 4]
